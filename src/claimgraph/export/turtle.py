"""``graph.ttl``: the whole graph as Turtle, every named graph merged into one
(claims as resources, never bare triples)."""
from __future__ import annotations

from pathlib import Path

from ..graph.rdf import graph_of
from .base import RecordExporter


class TurtleExporter(RecordExporter):
    name = "ttl"
    description = "graph.ttl (Turtle: the whole graph in one)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.ttl"
        data = graph_of(self.documents, self.entities, self.claims).serialize(format="turtle")
        with self.tx.open(path) as fh:
            fh.write(data)
        return [path]
