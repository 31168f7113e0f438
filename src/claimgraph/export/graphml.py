"""``graph.graphml``: the NetworkX view for Gephi, yEd, Cytoscape."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..model import Claim, Entity
from .base import Exporter


class GraphMLExporter(Exporter):
    name = "graphml"
    description = "graph.graphml (one node per entity, one edge per claim)"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.g = nx.MultiDiGraph()

    def write_entity(self, e: Entity) -> None:
        self.g.add_node(e.id, label=e.label, type=e.type.value, aliases="; ".join(e.aliases),
                        mentions=len(e.mentions), documents="; ".join(e.documents), wikidata=e.wikidata or "")

    def write_claim(self, c: Claim) -> None:
        corr = self.context.corroboration.get(c.triple)
        self.g.add_edge(
            c.subject, c.object, key=c.id, relation=c.relation.value, status=c.status.value,
            attributed_to=c.attributed_to.value if c.attributed_to else "", cue=c.cue,
            evidence=c.evidence.sentence, document=c.evidence.document,
            char_start=c.evidence.char_start, char_end=c.evidence.char_end, confidence=c.confidence,
            corroborating_documents=corr.documents if corr else 1,
        )

    def finalize(self) -> list[Path]:
        path = self.out / "graph.graphml"
        text = "\n".join(nx.generate_graphml(self.g, prettyprint=True)) + "\n"
        with self.tx.open(path) as fh:
            fh.write(text)
        return [path]
