"""``graph.nt``: the whole graph as N-Triples, one triple a line, sorted (so
that two builds of the same input give the same bytes and ``diff`` works)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..graph.oxigraph import serialize
from ..graph.rdf import quads
from .base import RecordExporter


class NTriplesExporter(RecordExporter):
    name = "nt"
    description = "graph.nt (N-Triples: the whole graph, one sorted triple a line)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.nt"
        data = serialize(quads(self.documents, self.entities, self.claims), ox.RdfFormat.N_TRIPLES, one_graph=True)
        with self.tx.open(path, "wb") as fh:
            fh.write(data)
        return [path]
