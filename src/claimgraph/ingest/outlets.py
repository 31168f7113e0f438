"""Who published a document: its outlet, and the agencies a wire story is credited to.

The outlet (``Document.publisher``) comes from, in this order: the record's or the
page's metadata (a JSONL ``publisher`` field; an HTML page's site name), a credit line
at the top of the text ("RASC News Agency:", "By Reuters"), the URL's domain, and the
``--publisher`` option; ``publisher_source`` says which. The agencies a story is
credited to (``Document.credits``) come from credit lines in the text: a dateline's
"(Reuters) -", "KABUL, March 12 (AFP) -", "Source: Xinhua", "With AFP", "— AP". A
wire story inside another outlet's page names both: the page's outlet as the
publisher, the agency as a credit.

Credits are recognised by their form, and the agency's name must look like one
(capitalised words, or an all-capital acronym): the words of an article are never
matched against a list of outlets here (the gazetteer links a name to its entity).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["credits_in_text", "domain_of", "publisher_in_text"]

_NAME = r"[A-Z][A-Za-z0-9&'.\-]*(?:[ \t]+(?:[A-Z][A-Za-z0-9&'.\-]*|of|for|and|the|de|al))*"
_AGENCY = rf"(?:{_NAME}|[A-Z]{{2,6}})"
# a dateline's credit at the start of a line: "KABUL (Reuters) -", "KHARTOUM, June 3, 2024 (AFP) -",
# "(AP) --": the place in capitals, as datelines write it (not "The Arakan Army (AA) - a group")
_DATELINE_CREDIT = re.compile(rf"(?m)^[ \t]*(?:[A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-]+)*(?:,[ \t]*[^()\n]{{0,30}}?)?[ \t]*)?"
                              rf"\(({_AGENCY})\)[ \t]*(?:-|–|—|--|:)[ \t]")
# a credit line of its own, near the top or at the end: "Source: Xinhua", "With AFP", "By Reuters",
# "— AP", "(AFP)" alone, "Reporting by ... for Reuters" is left to the byline
_LINE_CREDIT = re.compile(rf"(?m)^[ \t]*(?:source|sources|with|by|courtesy(?: of)?|via|credit)\s*[:\-]?\s*({_AGENCY})\s*\.?[ \t]*$",
                          re.I)
_DASH_CREDIT = re.compile(rf"(?m)^[ \t]*(?:—|–|--)\s*({_AGENCY})\s*$")
_BRACKET_CREDIT = re.compile(rf"(?m)^[ \t]*\(({_AGENCY})\)\s*$")
# an outlet naming itself at the top: "RASC News Agency:", "Dawn News -", "KHAAMA PRESS:"
_OUTLET_WORDS = ("News", "News Agency", "Agency", "Press", "Times", "Post", "Tribune", "Herald", "Gazette", "Daily",
                 "Journal", "Observer", "TV", "Radio", "Network", "Media", "Monitor", "Telegraph", "Express")
_OUTLET_WORD = "(?:" + "|".join(sorted({w for o in _OUTLET_WORDS for w in (o, o.upper())}, key=len, reverse=True)) + ")"
# the outlet's name ends in an outlet word (or has one, then up to two names), and a sentence of six
# words or more follows on the same line: "RASC News Agency: Pakistan's army said ..."
_SELF_CREDIT = re.compile(rf"(?m)^[ \t]*((?:[A-Z][A-Za-z&'.\-]*[ \t]+){{0,4}}{_OUTLET_WORD}(?:[ \t]+[A-Z][A-Za-z&'.\-]*){{0,2}})"
                          rf"[ \t]*[:|–—-][ \t]+(?=(?:\S+[ \t]+){{5}}\S)")
_NOT_AGENCY = frozenset({"update", "updated", "file", "photo", "video", "edited", "the", "editor", "opinion", "analysis",
                         "reuters staff"})


def _clean(name: str) -> str | None:
    name = " ".join(name.split()).strip(" .,:;-–—")
    if not name or name.lower() in _NOT_AGENCY or len(name) > 60:
        return None
    return name


def credits_in_text(text: str, *, head: int = 800, tail: int = 400) -> tuple[str, ...]:
    """The agencies a text credits, in order of appearance, each once."""
    out: list[str] = []
    top, bottom = text[:head], text[-tail:] if len(text) > head else ""
    for part in (top, bottom):
        for rx in (_DATELINE_CREDIT, _LINE_CREDIT, _DASH_CREDIT, _BRACKET_CREDIT):
            for m in rx.finditer(part):
                name = _clean(m.group(1))
                if name and name not in out:
                    out.append(name)
    return tuple(out)


def publisher_in_text(text: str, *, head: int = 400) -> str | None:
    """An outlet naming itself at the top of its text ("RASC News Agency: ...")."""
    m = _SELF_CREDIT.search(text[:head])
    return _clean(m.group(1)) if m else None


def domain_of(url: str | None) -> str | None:
    """The host of an http(s) URL without "www." ("www.reuters.com" -> "reuters.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None
