"""Cutting a long article into pieces for spaCy, keeping offsets exact.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its
memory grows with the text. An article longer than ``nlp.chunk_chars`` is
therefore parsed as several pieces. A piece is the same
:class:`~claimgraph.model.Document` (same id, same text) with a run of its
blocks: the text spaCy sees is made from those blocks only, and its offset
map points into the whole article, so every offset still indexes the text
as read. Pieces are cut between blocks (paragraphs, headings), where a
sentence never continues; only a single block longer than ``chunk_chars``
is cut inside, after the last sentence end (or else the last white space)
before the limit. Articles up to ``chunk_chars`` are one piece, unchanged.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Block, BlockKind, Document

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, block: Block, max_chars: int) -> list[Block]:
    """A block no longer than ``max_chars``, or pieces of it that are."""
    out: list[Block] = []
    start = block.start
    while block.end - start > max_chars:
        limit = start + max_chars
        window = text[start + max_chars // 2:limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)] or [m.end() for m in _SPACE.finditer(window)]
        cut = start + max_chars // 2 + ends[-1] if ends else limit
        out.append(Block(block.kind, start, cut))
        start = cut
    out.append(Block(block.kind, start, block.end))
    return out


def split_document(document: Document, max_chars: int) -> tuple[Document, ...]:
    """The pieces to parse ``document`` in: the document itself when short;
    none when a long document holds nothing but boilerplate."""
    if len(document.text) <= max_chars:
        return (document,)
    blocks = document.blocks or (Block(BlockKind.PARAGRAPH, 0, len(document.text)),)
    pieces: list[list[Block]] = []
    current: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.BOILERPLATE:
            continue  # never parsed
        for part in _cut(document.text, block, max_chars):
            if current and part.end - current[0].start > max_chars:
                pieces.append(current)
                current = []
            current.append(part)
    if current:
        pieces.append(current)
    return tuple(replace(document, blocks=tuple(p)) for p in pieces)
