"""Exports: a registry of one exporter per format, and the driver that runs them.

``EXPORTERS`` maps each format's one canonical name to its exporter class.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import Code, ExportError, one_of
from ..graph import register_writers
from ..io import Transaction
from .base import ExportContext, Exporter
from .graphml import GraphMLExporter
from .html import HtmlExporter
from .jsonl import JsonlExporter
from .jsonld import JsonLdExporter
from .neo4j import Neo4jExporter
from .ntriples import NTriplesExporter
from .trig import TrigExporter
from .turtle import TurtleExporter

EXPORTERS: dict[str, type[Exporter]] = {
    cls.name: cls for cls in (TurtleExporter, TrigExporter, JsonLdExporter, NTriplesExporter, HtmlExporter,
                              JsonlExporter, Neo4jExporter, GraphMLExporter)
}
DEFAULT_FORMATS = ("ttl", "trig", "jsonld", "nt", "html", "jsonl", "neo4j", "graphml")

__all__ = ["DEFAULT_FORMATS", "EXPORTERS", "ExportContext", "Exporter", "export", "export_many"]


def context_of(kg) -> ExportContext:
    digest = hashlib.sha256("".join(d.content_hash for d in kg.documents).encode()).hexdigest()[:12]
    return ExportContext(kg.entity_by_id, kg.document_by_id, kg.corroboration, digest)


def _run(kg, fmt: str, out: Path, tx: Transaction, options: dict) -> list[Path]:
    if fmt not in EXPORTERS:
        raise ExportError(Code.UNKNOWN_FORMAT, f"export format {one_of(fmt, EXPORTERS)}")
    sink = EXPORTERS[fmt](out, tx, context_of(kg), **options)
    for doc in kg.documents:
        sink.write_document(doc)
    for entity in kg.entities:
        sink.write_entity(entity)
    for claim in kg.claims:
        sink.write_claim(claim)
    return sink.finalize()


def export(kg, fmt: str, out: Path, **options) -> list[Path]:
    """Write one format into the folder ``out``; all files appear at the end."""
    with Transaction() as tx:
        paths = _run(kg, fmt, out, tx, options)
    return paths


def export_many(kg, formats, out: Path, options: dict[str, dict] | None = None, *,
                report: bool = False) -> list[Path]:
    """Write several formats into ``out`` in one transaction; ``options`` maps
    a format to its exporter's options, e.g. ``{"html": {"max_nodes": 500}}``
    (and, with ``report``, the build report: :mod:`claimgraph.report`)."""
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise ExportError(Code.UNKNOWN_FORMAT, f"export format {one_of(unknown[0], EXPORTERS)}")
    options = options or {}
    paths: list[Path] = []
    with Transaction() as tx:
        for fmt in formats:
            paths += _run(kg, fmt, out, tx, options.get(fmt, {}))
        if report:
            from ..report import write_report

            paths.append(write_report(tx, out, kg.problems, documents=len(kg.documents)))
    return paths


register_writers(export=export, export_many=export_many, default_formats=DEFAULT_FORMATS)
