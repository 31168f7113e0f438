"""Ingest: files and folders in, :class:`~claimgraph.model.Document` records out.

Input kinds (see :mod:`.readers`): text files in any common encoding
(:mod:`.text`), HTML pages (the article text, :mod:`.html`) and JSONL files
of records (:mod:`.jsonl`); folders of these, recursively, with include and
exclude patterns (:mod:`.files`).

A problem with one input (missing, unreadable, binary, empty, too large,
undecodable, a bad record, a duplicate id) becomes one
:class:`~claimgraph.errors.Problem` in the result; the other documents are
still read. Which of two documents with the same id is kept does not
depend on the order of the paths given: the one whose (source, path) sorts
first.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from ..config import IngestConfig
from ..errors import Code, Problem
from ..model import Document
from .document import document_from_text
from .files import collect_files
from .readers import READERS, SUFFIXES, kind_of, read_file

__all__ = ["IngestResult", "READERS", "SUFFIXES", "collect_files", "document_from_text", "kind_of",
           "read_file", "read_paths"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]


def read_paths(paths: Iterable[str | os.PathLike], config: IngestConfig) -> IngestResult:
    """Read every usable document under ``paths``; report the rest."""
    files, problems = collect_files(paths, config)
    found: list[tuple[Document, str]] = []
    for path, source in files:
        for where, item in read_file(path, source, config):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                found.append((item, where))
    documents: list[Document] = []
    kept: dict[str, str] = {}
    for doc, where in sorted(found, key=lambda f: (f[0].id, f[0].source, f[1])):
        if doc.id in kept:
            problems.append(Problem(where, Code.DUPLICATE_ID,
                                    f"document id {doc.id!r} is already used by {kept[doc.id]}; skipped"))
            continue
        kept[doc.id] = where
        documents.append(doc)
    return IngestResult(tuple(documents), tuple(sorted(problems)))
