"""HTML pages: the article's text and metadata, extracted with trafilatura.

trafilatura finds the main text of a page and drops scripts, styles,
navigation, sidebars, footers and reader comments. Each block it keeps
(paragraph, heading, list, quote) becomes one paragraph of the document's
text, separated by a blank line; ``<h1>``-``<h6>`` blocks are headings
(the first, if it opens the text, the title). The document's text is the
extracted text: **offsets in claims and mentions index this text**, not
the HTML source (``claimgraph read page.html`` prints it).

What is kept is weighed by ``ingest.html_focus``: "precision" (the
default) rather drops a doubtful block than lets menus and link lists in.

Title, date (the publication date from the page's metadata, never guessed
from the body text, so the same page always gives the same date) and URL
(the canonical link, kept only when it is an http(s) URL) become the
document's metadata. No network access is made.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from ..config import IngestConfig
from ..errors import Code, InputError
from ..model import Document
from .document import document_from_text

_BLOCK_SEPARATOR = "\n\n"


def http_url(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) URL without white space or
    control characters, else None."""
    if not value or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme in ("http", "https") and parts.netloc else None


def extract_article(markup: str, *, focus: str = "precision") -> tuple[str, list[tuple[int, int]], dict[str, str | None]]:
    """The article text of an HTML page, the ranges of its headings, and its
    metadata (title, date, url). Raises :class:`InputError` ``CG104`` when
    the page holds no article text."""
    import trafilatura
    from trafilatura.xml import xmltotxt

    try:
        result = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            favor_precision=focus == "precision", favor_recall=focus == "recall",
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml on hostile markup
        raise InputError(Code.NOT_TEXT, f"cannot parse the HTML page ({type(exc).__name__})") from None
    body = getattr(result, "body", None) if result is not None else None
    pieces: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    for child in body if body is not None else ():
        piece = xmltotxt(child, include_formatting=False).strip()
        if not piece:
            continue
        if pieces:
            pos += len(_BLOCK_SEPARATOR)
        if child.tag == "head":
            headings.append((pos, pos + len(piece)))
        pieces.append(piece)
        pos += len(piece)
    text = _BLOCK_SEPARATOR.join(pieces)
    if not text.strip():
        raise InputError(Code.EMPTY, "no article text found in the HTML page")
    meta = {
        "title": (result.title or "").strip() or None,
        "date": result.date or None,
        "url": http_url(result.url),
        "publisher": (getattr(result, "sitename", None) or "").strip() or None,
    }
    return text, headings, meta


def html_document(markup: str, doc_id: str, *, source: str, config: IngestConfig) -> Document:
    text, headings, meta = extract_article(markup, focus=config.html_focus)
    return document_from_text(doc_id, text, source=source, config=config, title=meta["title"],
                              date=meta["date"], url=meta["url"], headings=headings, publisher=meta["publisher"])
