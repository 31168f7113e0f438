"""One reader per input kind, behind a registry keyed by file suffix.

A reader takes a file and yields ``(where, item)`` pairs: ``where`` names
the file (or ``file:line`` for a JSONL record) and ``item`` is a
:class:`~claimgraph.model.Document` or a :class:`~claimgraph.errors.Problem`.
The suffix chooses the reader (``.txt`` text, ``.html`` HTML, ``.jsonl``
JSONL); where the suffix lies (an HTML page saved as ``.txt``, a ``.html``
file holding plain text, JSONL in a ``.txt``) the first bytes decide.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config import IngestConfig
from ..errors import Code, InputError, Problem
from ..model import Document
from .document import document_from_text, printable_name
from .files import read_bytes
from .html import html_document
from .jsonl import read_jsonl
from .text import Decoded, decode

Item = tuple[str, Document | Problem]
Reader = Callable[[Path, str, IngestConfig], Iterator[Item]]

_HTML_START = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.I | re.S)


def _replaced(where: str, decoded: Decoded) -> Iterator[Item]:
    if decoded.replaced:
        yield where, Problem(where, Code.DECODE, f"{decoded.replaced} damaged UTF-8 sequence(s), the first at "
                                                 f"byte {decoded.first_bad}, replaced by U+FFFD; the rest is read")


def _decoded(path: Path, config: IngestConfig, *, html: bool) -> Decoded:
    data = read_bytes(path, config)
    return decode(data, encoding=config.encoding, candidates=config.encodings, html=html)


def read_text(path: Path, source: str, config: IngestConfig) -> Iterator[Item]:
    where = str(path)
    decoded = _decoded(path, config, html=False)
    if not decoded.text.strip():
        raise InputError(Code.EMPTY, "the file holds only white space")
    yield from _replaced(where, decoded)
    yield where, document_from_text(printable_name(path.stem), decoded.text, source=printable_name(source),
                                    config=config)


def read_html(path: Path, source: str, config: IngestConfig) -> Iterator[Item]:
    where = str(path)
    decoded = _decoded(path, config, html=True)
    yield from _replaced(where, decoded)
    yield where, html_document(decoded.text, printable_name(path.stem), source=printable_name(source),
                               config=config)


READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "jsonl": read_jsonl}
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


_JSONL_START = re.compile(rb'\A\{\s*"(?:id|text|title|url|date|publisher)"\s*:')


def _looks_like_jsonl(head: bytes) -> bool:
    first, newline, _ = head.partition(b"\n")
    first = first.strip()
    if not first.startswith(b"{"):
        return False
    if not newline:  # a first line longer than the sample: judge by its opening
        return bool(_JSONL_START.match(first))
    try:
        record = json.loads(first.decode("utf-8"))
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "text" in record


def kind_of(path: Path, head: bytes) -> str:
    """The reader for a file: by suffix, unless its first bytes say otherwise."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    by_suffix = SUFFIXES.get(path.suffix.lower(), "text")
    if by_suffix == "jsonl":
        return "jsonl"
    if _HTML_START.match(head):
        return "html"
    if by_suffix == "html" and b"<" not in head:
        return "text"  # a .html file holding plain text
    if by_suffix == "text" and _looks_like_jsonl(head):
        return "jsonl"
    return by_suffix


def read_file(path: Path, source: str, config: IngestConfig) -> Iterator[Item]:
    """Every document and problem of one file."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64 * 1024)
    except OSError:
        head = b""  # the reader meets the same error and reports it
    try:
        yield from READERS[kind_of(path, head)](path, source, config)
    except InputError as exc:
        yield str(path), Problem(str(path), exc.code, exc.message)
