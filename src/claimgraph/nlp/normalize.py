"""Normalise an article for spaCy, keeping an exact map back to the original.

spaCy sees a cleaned text: curly quotes made straight (so "Taliban’s" splits
like "Taliban's"), exotic spaces and hyphens made plain, invisible
characters and boilerplate removed, a word that a scraper broke across a
blank line ("Tehreek-e" / "-Taliban") joined again. Every character of the
cleaned text remembers where it came from, so every offset we report is an
offset into the document *as read*.

Only two kinds of edits are made: one character for one character, and
deletions. The map is therefore a short list of break points.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Block, BlockKind, Document

_ONE_FOR_ONE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\t": " ", "\r": " ", "\n": " ", "\x0b": " ", "\x0c": " ",
    "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2028": " ", "\u2029": " ", "\x85": " ",
})
# remaining C0/C1 controls become spaces
_ONE_FOR_ONE.update({c: " " for c in list(range(0, 32)) + list(range(127, 160)) if c not in _ONE_FOR_ONE})

# characters that carry no text: zero-width, soft hyphen, bidirectional marks
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# a dash between two letters is a hyphen ("Afghanistan–Pakistan border")
_DASH_IN_WORD = re.compile(r"(?<=\w)[\u2013](?=\w)")
# a word broken by a line break: "Tehreek-e\n\n-Taliban", "counter-\nterrorism"
_BROKEN_WORD = re.compile(r"(?<=\w)[ \t]*(?:\r?\n[ \t]*)+(?=-\w)|(?<=\w-)[ \t]*(?:\r?\n[ \t]*)+(?=\w)")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the normalised text to offsets in the original.

    ``points[i]`` is the first normalised offset at which the shift
    ``shifts[i]`` (original = normalised + shift) applies.
    """

    points: tuple[int, ...] = (0,)
    shifts: tuple[int, ...] = (0,)

    def start(self, norm: int) -> int:
        """Original offset of the character at normalised offset ``norm``."""
        i = bisect.bisect_right(self.points, norm) - 1
        return norm + self.shifts[max(i, 0)]

    def end(self, norm_end: int) -> int:
        """Original offset just after the character before ``norm_end``."""
        if norm_end <= 0:
            return self.start(0)
        return self.start(norm_end - 1) + 1

    def to_list(self) -> list[int]:
        return [v for pair in zip(self.points, self.shifts, strict=True) for v in pair]

    @classmethod
    def from_list(cls, flat: list[int]) -> "OffsetMap":
        return cls(tuple(flat[0::2]), tuple(flat[1::2])) if flat else cls()


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.shift = 0
        self.points = [0]
        self.shifts = [0]

    def keep(self, text: str) -> None:
        if not text:
            return
        if self.shifts[-1] != self.shift:
            if self.points[-1] == self.length:
                self.shifts[-1] = self.shift
            else:
                self.points.append(self.length)
                self.shifts.append(self.shift)
        self.parts.append(text)
        self.length += len(text)

    def drop(self, n: int) -> None:
        self.shift += n


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    offsets: OffsetMap
    blocks: tuple[Block, ...]  # in normalised offsets; boilerplate left out


def _clean_block(piece: str, b: _Builder, join_broken: bool) -> None:
    """Append a block's text: deletions through the builder, the rest 1:1."""
    deletions = [m.span() for m in _INVISIBLE.finditer(piece)]
    if join_broken:
        deletions += [m.span() for m in _BROKEN_WORD.finditer(piece)]
    deletions.sort()
    pos = 0
    for start, end in deletions:
        if start < pos:  # overlapping deletion
            start = pos
        if end <= start:
            continue
        b.keep(_translate(piece[pos:start]))
        b.drop(end - start)
        pos = end
    b.keep(_translate(piece[pos:]))


def _translate(s: str) -> str:
    return _DASH_IN_WORD.sub("-", s).translate(_ONE_FOR_ONE)


def normalise(document: Document) -> Normalised:
    """The text spaCy should see, its offset map and its blocks."""
    text = document.text
    blocks = document.blocks or (Block(BlockKind.PARAGRAPH, 0, len(text)),)
    b = _Builder()
    out_blocks: list[Block] = []
    pos = 0
    for block in blocks:
        if block.kind is BlockKind.BOILERPLATE:
            continue
        # what lies between two blocks (line breaks, skipped boilerplate)
        # becomes one line break and spaces, character for character; what
        # lies before the first block is dropped
        gap = block.start - pos
        if gap and b.length:
            b.keep("\n" + " " * (gap - 1))
        elif gap:
            b.drop(gap)
        start = b.length
        _clean_block(text[block.start:block.end], b, join_broken=block.kind is BlockKind.PARAGRAPH)
        out_blocks.append(Block(block.kind, start, b.length))
        pos = block.end
    return Normalised("".join(b.parts), OffsetMap(tuple(b.points), tuple(b.shifts)), tuple(out_blocks))
