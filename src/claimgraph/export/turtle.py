"""``graph.ttl``: the whole graph as Turtle (claims as resources, never bare triples)."""
from __future__ import annotations

from pathlib import Path

from ..graph.rdf import bind, claim_triples, document_triples, entity_triples
from ..model import Claim, Document, Entity
from .base import Exporter


class TurtleExporter(Exporter):
    name = "ttl"
    description = "graph.ttl (Turtle)"

    def __init__(self, *args, **kwargs) -> None:
        from rdflib import Graph

        super().__init__(*args, **kwargs)
        self.graph = Graph()
        bind(self.graph)

    def write_document(self, document: Document) -> None:
        for t in document_triples(document):
            self.graph.add(t)

    def write_entity(self, entity: Entity) -> None:
        for t in entity_triples(entity):
            self.graph.add(t)

    def write_claim(self, claim: Claim) -> None:
        for t in claim_triples(claim):
            self.graph.add(t)

    def finalize(self) -> list[Path]:
        path = self.out / "graph.ttl"
        data = self.graph.serialize(format="turtle")
        with self.tx.open(path) as fh:
            fh.write(data)
        return [path]
