"""Making a :class:`~claimgraph.model.Document` from text already read."""
from __future__ import annotations

from collections.abc import Iterable

from ..config import IngestConfig
from ..dates import document_date_in_text
from .outlets import credits_in_text, domain_of, publisher_in_text
from ..model import Block, Document
from .layout import analyse, title_of


def document_from_text(
    doc_id: str,
    text: str,
    *,
    source: str = "",
    config: IngestConfig,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    headings: Iterable[tuple[int, int]] = (),
    publisher: str | None = None,
) -> Document:
    """Make a Document from decoded text: find its layout, keep the text as is.

    ``headings`` are (start, end) ranges known to be headings (from an HTML
    page's ``<h1>``-``<h6>``): a block inside one is a heading whatever the
    layout rules say.

    The document's date is ``date`` (a page's or record's metadata), else a
    dateline or "Published ..." line near the text's top, else the
    configured ``ingest.document_date``; ``date_source`` says which. Its
    outlet is ``publisher`` (metadata), else the outlet the text names at its
    top, else the URL's domain, else ``ingest.publisher``; the agencies it
    credits come from its credit lines (:mod:`claimgraph.ingest.outlets`).
    """
    date_source = "metadata" if date else None
    if not date:
        found = document_date_in_text(text)
        if found is not None:
            date, date_source = found[0], "text"
        elif config.document_date:
            date, date_source = config.document_date, "option"
    publisher_source = "metadata" if publisher else None
    if not publisher:
        for found, where in ((publisher_in_text(text), "text"), (domain_of(url), "url"),
                             (config.publisher or None, "option")):
            if found:
                publisher, publisher_source = found, where
                break
    credits = tuple(c for c in credits_in_text(text) if c != publisher)
    blocks = analyse(text, boilerplate=config.boilerplate, heading_max_words=config.heading_max_words)
    if headings:
        blocks = _mark_headings(blocks, tuple(headings))
    return Document(
        id=doc_id,
        text=text,
        source=source,
        blocks=blocks,
        title=title if title is not None else title_of(text, blocks),
        date=date,
        url=url,
        date_source=date_source,
        publisher=publisher,
        publisher_source=publisher_source,
        credits=credits,
    )


def _unprintable(ch: str) -> bool:
    o = ord(ch)
    return o < 32 or 127 <= o < 160 or ch in "\u2028\u2029" or 0xD800 <= o <= 0xDFFF


def printable_name(name: str) -> str:
    """A file name fit to be a document id or source: bytes that were not
    UTF-8 (Python's surrogate escapes) and control characters are shown as
    backslash escapes, so they can be written to every export."""
    if not any(_unprintable(ch) for ch in name):
        return name
    raw = name.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return "".join(ch.encode("unicode_escape").decode("ascii") if _unprintable(ch) else ch for ch in raw)


def id_problem(doc_id: str) -> str | None:
    """Why ``doc_id`` cannot be a document id, or None."""
    if not doc_id.strip():
        return "id must not be empty"
    if any(_unprintable(ch) for ch in doc_id):
        return "id holds control characters, line breaks or surrogate escapes"
    return None


def _mark_headings(blocks: tuple[Block, ...], headings: tuple[tuple[int, int], ...]) -> tuple[Block, ...]:
    from ..model import BlockKind

    out: list[Block] = []
    seen_text = False
    for block in blocks:
        kind = block.kind
        if kind is not BlockKind.BOILERPLATE and any(s <= block.start and block.end <= e for s, e in headings):
            kind = BlockKind.HEADING if seen_text else BlockKind.TITLE
        if kind is not BlockKind.BOILERPLATE:
            seen_text = True
        out.append(Block(kind, block.start, block.end))
    return tuple(out)
