"""Ingest: files and folders in, :class:`~claimgraph.model.Document` records out.

A problem with one input (missing, unreadable, binary, empty, too large,
undecodable, a duplicate id) becomes one :class:`~claimgraph.errors.Problem`
in the result; the other documents are still read.
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..config import IngestConfig
from ..errors import Code, InputError, Problem
from ..model import Document
from .layout import analyse, title_of
from .text import decode

__all__ = ["IngestResult", "document_from_text", "read_paths", "collect_files"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]


def document_from_text(
    doc_id: str,
    text: str,
    *,
    source: str = "",
    config: IngestConfig,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Document:
    """Make a Document from decoded text: find its layout, keep the text as is."""
    blocks = analyse(text, boilerplate=config.boilerplate, heading_max_words=config.heading_max_words)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        blocks=blocks,
        title=title if title is not None else title_of(text, blocks),
        date=date,
        url=url,
    )


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    parts = Path(rel).parts
    return any(fnmatch.fnmatch(rel, p) or any(fnmatch.fnmatch(part, p) for part in parts) for p in patterns)


def collect_files(paths: Iterable[str | os.PathLike], config: IngestConfig) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Expand folders (recursively, with include/exclude globs) into files,
    each with its name relative to the folder given (its stable source name)."""
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path).as_posix()
                if _matches(rel, config.exclude) or not sub.is_file():
                    continue
                if any(fnmatch.fnmatch(sub.name, p) for p in config.include):
                    found.append((sub, rel))
            if not found:
                problems.append(Problem(str(path), Code.NO_DOCUMENTS,
                                        f"folder holds no file matching {', '.join(config.include)}"))
            files.extend(found)
        elif path.is_file():
            files.append((path, path.name))
        elif path.exists():
            problems.append(Problem(str(path), Code.UNREADABLE, "not a regular file or folder"))
        else:
            problems.append(Problem(str(path), Code.PATH_NOT_FOUND, "no such file or folder"))
    return files, problems


def read_file(path: Path, config: IngestConfig, source: str | None = None) -> Document:
    """Read one text file; raises :class:`InputError` with a coded message."""
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            raise InputError(Code.TOO_LARGE,
                             f"{size:,} bytes is over the limit of {config.max_bytes:,} (ingest.max_bytes)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(Code.UNREADABLE, "permission denied") from None
    except IsADirectoryError:
        raise InputError(Code.UNREADABLE, "is a folder") from None
    except OSError as exc:
        raise InputError(Code.UNREADABLE, exc.strerror or str(exc)) from None
    text = decode(data)
    if not text.strip():
        raise InputError(Code.EMPTY, "the file holds no text")
    return document_from_text(path.stem, text, source=source or path.name, config=config)


def read_paths(paths: Iterable[str | os.PathLike], config: IngestConfig) -> IngestResult:
    """Read every usable document under ``paths``; report the rest."""
    files, problems = collect_files(paths, config)
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path, source in files:
        try:
            doc = read_file(path, config, source)
        except InputError as exc:
            problems.append(Problem(str(path), exc.code, exc.message))
            continue
        if doc.id in seen:
            problems.append(Problem(str(path), Code.DUPLICATE_ID,
                                    f"document id {doc.id!r} is already used by {seen[doc.id]}; skipped"))
            continue
        seen[doc.id] = str(path)
        documents.append(doc)
    documents.sort(key=lambda d: d.id)
    return IngestResult(tuple(documents), tuple(problems))
