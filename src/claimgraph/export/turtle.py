"""``graph.ttl``: the whole graph as Turtle, every named graph merged into one
(claims as resources, never bare triples); sorted, written by Oxigraph (see
:func:`claimgraph.graph.oxigraph.serialize`)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..graph.oxigraph import serialize
from ..graph.rdf import quads
from .base import RecordExporter


class TurtleExporter(RecordExporter):
    name = "ttl"
    description = "graph.ttl (Turtle: the whole graph in one)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.ttl"
        data = serialize(quads(self.documents, self.entities, self.claims), ox.RdfFormat.TURTLE, one_graph=True)
        with self.tx.open(path, "wb") as fh:
            fh.write(data)
        return [path]
