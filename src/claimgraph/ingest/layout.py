"""Layout of a plain-text article: title, headings, paragraphs, boilerplate.

Scraped articles arrive as lines. This module finds their roles without
changing a character: every :class:`~claimgraph.model.Block` is a pair of
offsets into the text as read.

Rules (each one a construction of scraped news text, not of one site):

- Lines separated by blank lines are separate units; consecutive lines are
  one paragraph unless a line ends a sentence (then the next line starts a
  new paragraph, as in one-paragraph-per-line exports).
- A unit that ends in the middle of a word and is followed, after a blank
  line, by a unit that starts with a hyphen or a lower-case letter is one
  paragraph broken by the scraper ("Tehreek-e" / "-Taliban Pakistan").
- A one-line unit without closing punctuation and with few words is a
  heading; the first such unit of the article is its title.
- A line that is site furniture ("Scroll to Top", "Share this") is
  boilerplate; in the last third of the text it ends the article.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Block, BlockKind

_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]…]\s*$")
_HEADING_BAD_END = re.compile(r"[.,;:!…]\s*$")
_WORD = re.compile(r"\w[\w'’\-]*")
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
    "of", "on", "or", "over", "the", "to", "up", "via", "with", "within", "vs",
}


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(pos, pos + len(body), body))
        pos += len(raw)
    return out


def _is_furniture(text: str, furniture: set[str]) -> bool:
    return text.strip().casefold().rstrip(".:!") in furniture


def _units(lines: Sequence[_Line], furniture: set[str]) -> list[list[_Line]]:
    """Group lines into units: runs of non-blank lines, split after a line
    that ends a sentence; a line of site furniture is a unit of its own."""
    units: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if not line.text.strip() or _is_furniture(line.text, furniture):
            if current:
                units.append(current)
                current = []
            if line.text.strip():
                units.append([line])
            continue
        current.append(line)
        if _SENTENCE_END.search(line.text):
            units.append(current)
            current = []
    if current:
        units.append(current)
    return units


def _is_broken_continuation(prev: list[_Line], nxt: list[_Line]) -> bool:
    tail = prev[-1].text.rstrip()
    head = nxt[0].text.lstrip()
    if not tail or not head or _SENTENCE_END.search(tail):
        return False
    ends_mid_word = tail[-1].isalpha() or tail[-1] in "-‐"
    starts_as_continuation = head[0] in "-‐" or head[0].islower()
    return ends_mid_word and starts_as_continuation


def _is_heading_text(text: str, max_words: int) -> bool:
    stripped = text.strip()
    if not stripped or _HEADING_BAD_END.search(stripped):
        return False
    if stripped[0].islower():
        return False
    words = _WORD.findall(stripped)
    if not words or len(words) > max_words:
        return False
    if stripped.endswith("?"):
        # a question is a heading only when it is set in title case
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        capitals = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
        return bool(content) and capitals / len(content) >= 0.6
    return True


def analyse(text: str, *, boilerplate: Iterable[str] = (), heading_max_words: int = 20) -> tuple[Block, ...]:
    """Split ``text`` into blocks with layout roles; offsets index ``text``."""
    furniture = {b.casefold().strip() for b in boilerplate}
    units = _units(_lines(text), furniture)

    merged: list[list[_Line]] = []
    for unit in units:
        if merged and _is_broken_continuation(merged[-1], unit):
            merged[-1] = merged[-1] + unit
        else:
            merged.append(unit)

    blocks: list[Block] = []
    ending = False
    tail_from = len(text) * 2 // 3
    for unit in merged:
        start, end = unit[0].start, unit[-1].end
        # trim surrounding white space so a block starts and ends on text
        body = text[start:end]
        start += len(body) - len(body.lstrip())
        end -= len(body) - len(body.rstrip())
        one_line = len(unit) == 1
        stripped = text[start:end].strip()
        if ending or _is_furniture(stripped, furniture):
            kind = BlockKind.BOILERPLATE
            if start >= tail_from:
                ending = True
        elif one_line and _is_heading_text(stripped, heading_max_words):
            kind = BlockKind.HEADING if blocks else BlockKind.TITLE
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, end))
    return tuple(blocks)


def title_of(text: str, blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        if block.kind is BlockKind.TITLE:
            return text[block.start:block.end].strip()
    return None
