"""``graph.nt``: the whole graph as N-Triples, one triple a line, sorted (so
that two builds of the same input give the same bytes and ``diff`` works)."""
from __future__ import annotations

from pathlib import Path

from ..graph.rdf import graph_of
from .base import RecordExporter


class NTriplesExporter(RecordExporter):
    name = "nt"
    description = "graph.nt (N-Triples: the whole graph, one sorted triple a line)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.nt"
        data = graph_of(self.documents, self.entities, self.claims).serialize(format="nt", encoding="utf-8")
        lines = sorted(line for line in data.decode("utf-8").splitlines() if line.strip())
        with self.tx.open(path) as fh:
            fh.write("".join(f"{line}\n" for line in lines))
        return [path]
