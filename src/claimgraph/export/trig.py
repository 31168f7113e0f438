"""``graph.trig``: the dataset as TriG. Documents and entities are in the
default graph; each document's claims are the named graph
``<document IRI>/claims``, so a document can be replaced as a unit.

rdflib's TriG writer takes the graphs in the order its store lists them,
which changes from run to run; they are put in order first (the default
graph, then the named graphs by IRI), so the same input gives the same
bytes."""
from __future__ import annotations

import io
import warnings
from pathlib import Path

from rdflib.plugins.serializers.trig import TrigSerializer

from ..graph.rdf import dataset_of
from .base import RecordExporter


def trig_bytes(dataset) -> bytes:
    with warnings.catch_warnings():  # rdflib's writer itself still calls the deprecated default_context
        warnings.simplefilter("ignore", DeprecationWarning)
        writer = TrigSerializer(dataset)
    default = writer.default_context
    writer.contexts = sorted({c.identifier: c for c in writer.contexts}.values(),
                             key=lambda c: (c.identifier != default, str(c.identifier)))
    out = io.BytesIO()
    writer.serialize(out, encoding="utf-8")
    return out.getvalue()


class TrigExporter(RecordExporter):
    name = "trig"
    description = "graph.trig (TriG: one named graph of claims per document)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.trig"
        data = trig_bytes(dataset_of(self.documents, self.entities, self.claims))
        with self.tx.open(path, "wb") as fh:
            fh.write(data)
        return [path]
