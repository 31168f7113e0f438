"""JSONL: one document per line, ``{"id", "text", "title", "url", "date", "publisher"}``.

``id`` (a string, or an integer) and ``text`` (a string) are required;
``title``, ``url`` (an absolute http(s) URL) and ``date`` (ISO 8601) are
optional; other keys are ignored. The file is read line by line, so its
size is not limited, but one record's text is (``ingest.max_bytes``), and a
line too long to hold such a record is skipped without being read into
memory. A bad record is one report line naming ``file:line``; the other
records are still read. Blank lines are skipped. The file must be UTF-8
(as JSON is).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from ..config import IngestConfig
from ..errors import Code, InputError, Problem
from ..model import Document
from .document import document_from_text, id_problem, printable_name
from .files import os_error
from .html import http_url

MAX_ID_CHARS = 200
_OVERHEAD = 64 * 1024  # id, title, url, date and JSON syntax around the text


def _line_limit(config: IngestConfig) -> int:
    # JSON may escape every character of the text as \uXXXX (6 bytes for up
    # to 3 of UTF-8): a line may be twice the text's limit, plus metadata
    return 2 * config.max_bytes + _OVERHEAD


def _iso_date(value: str) -> bool:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return True
        except ValueError:
            continue
    return False


def _lines(fh, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; ``None`` for a line longer than ``limit``
    (skipped in pieces, never held in memory whole)."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip to the end of this line
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def record_document(record: object, *, where: str, source: str, config: IngestConfig) -> tuple[Document, list[Problem]]:
    """The document of one parsed JSONL record, and report lines about its
    optional fields (left out when bad). Raises :class:`InputError` when the
    record cannot be a document."""
    if not isinstance(record, dict):
        raise InputError(Code.BAD_RECORD, f"a record must be a JSON object, not {type(record).__name__}")
    missing = [k for k in ("id", "text") if k not in record]
    if missing:
        raise InputError(Code.BAD_RECORD, f"the record has no {' and no '.join(missing)}")
    doc_id = record["id"]
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(Code.BAD_RECORD, "id must be a non-empty string or an integer")
    if len(doc_id) > MAX_ID_CHARS:
        raise InputError(Code.BAD_RECORD, f"id is longer than {MAX_ID_CHARS} characters")
    if (why := id_problem(doc_id)) is not None:
        raise InputError(Code.BAD_RECORD, why)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(Code.BAD_RECORD, f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError(Code.EMPTY, "the record's text is empty")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > config.max_bytes:
        raise InputError(Code.TOO_LARGE, f"the text's {size:,} bytes are over the limit of "
                                         f"{config.max_bytes:,} (ingest.max_bytes)")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise InputError(Code.DECODE, "text holds an unpaired surrogate escape (\\ud800-\\udfff)")
    problems: list[Problem] = []
    fields: dict[str, str | None] = {}
    for key in ("title", "url", "date", "publisher"):
        value = record.get(key)
        if value is None:
            fields[key] = None
            continue
        bad = None
        if not isinstance(value, str):
            bad = f"{key} must be a string"
        elif any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
            bad = f"{key} holds an unpaired surrogate escape"
        elif key == "url" and http_url(value) is None:
            bad = "url must be an absolute http(s) URL"
        elif key == "date" and not _iso_date(value):
            bad = "date must be an ISO 8601 date such as 2024-03-18"
        if bad:
            problems.append(Problem(where, Code.BAD_RECORD, f"{bad}; left out, the text is still read"))
            fields[key] = None
        else:
            fields[key] = value.strip() if key in ("title", "publisher") else value
    doc = document_from_text(doc_id, text, source=source, config=config, title=fields["title"] or None,
                             date=fields["date"], url=fields["url"], publisher=fields["publisher"] or None)
    return doc, problems


def read_jsonl(path: Path, source: str, config: IngestConfig) -> Iterator[tuple[str, Document | Problem]]:
    """(where, document or problem) for each record of a JSONL file."""
    limit = _line_limit(config)
    records = 0
    try:
        with path.open("rb") as fh:
            for number, line in _lines(fh, limit):
                where = f"{path}:{number}"
                if line is None:
                    yield where, Problem(where, Code.TOO_LARGE, f"the line is longer than {limit:,} bytes "
                                                                f"(twice ingest.max_bytes, plus metadata)")
                    continue
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                records += 1
                try:
                    record = json.loads(line.decode("utf-8").rstrip("\r\n"))
                except UnicodeDecodeError as exc:
                    yield where, Problem(where, Code.DECODE, f"not valid UTF-8 at byte {exc.start} of the line")
                    continue
                except RecursionError:
                    yield where, Problem(where, Code.BAD_RECORD, "not valid JSON (nested too deeply)")
                    continue
                except json.JSONDecodeError as exc:
                    yield where, Problem(where, Code.BAD_RECORD,
                                         f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}")
                    continue
                except ValueError as exc:  # e.g. an integer of more than 4,300 digits
                    yield where, Problem(where, Code.BAD_RECORD, f"not valid JSON: {exc}")
                    continue
                try:
                    doc, problems = record_document(record, where=where, source=f"{printable_name(source)}:{number}",
                                                    config=config)
                except InputError as exc:
                    yield where, Problem(where, exc.code, exc.message)
                    continue
                for problem in problems:
                    yield where, problem
                yield where, doc
    except OSError as exc:
        err = os_error(exc)
        yield str(path), Problem(str(path), err.code, err.message)
        return
    if not records:
        yield str(path), Problem(str(path), Code.EMPTY, "the JSONL file holds no records")
