"""``graph.trig``: the dataset as TriG. Documents and entities are in the
default graph; each document's claims are the named graph
``<document IRI>/claims``, so a document can be replaced as a unit.

Written by Oxigraph in order (the default graph, then the named graphs by
IRI; see :func:`claimgraph.graph.oxigraph.serialize`), so the same input
gives the same bytes."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..graph.oxigraph import serialize
from ..graph.rdf import quads
from .base import RecordExporter


class TrigExporter(RecordExporter):
    name = "trig"
    description = "graph.trig (TriG: one named graph of claims per document)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.trig"
        data = serialize(quads(self.documents, self.entities, self.claims), ox.RdfFormat.TRIG)
        with self.tx.open(path, "wb") as fh:
            fh.write(data)
        return [path]
