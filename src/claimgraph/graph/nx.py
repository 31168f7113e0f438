"""The NetworkX view: a ``MultiDiGraph`` with one node per entity and one
edge per claim, keyed by the claim's id and carrying its status, source,
cue, evidence and document, so an allegation is never a bare edge."""
from __future__ import annotations

import networkx as nx


def build_networkx(kg) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="claimgraph", documents=len(kg.documents))
    for e in kg.entities:
        g.add_node(e.id, label=e.label, type=e.type.value, aliases=list(e.aliases),
                   mentions=len(e.mentions), documents=list(e.documents), wikidata=e.wikidata)
    for c in kg.claims:
        corr = kg.corroboration_of(c)
        g.add_edge(
            c.subject, c.object, key=c.id,
            relation=c.relation.value, status=c.status.value,
            attributed_to=c.attributed_to.value if c.attributed_to else None,
            attributed_kind=("entity" if c.attributed_to and c.attributed_to.entity else
                             "phrase" if c.attributed_to else None),
            cue=c.cue, evidence=c.evidence.sentence, document=c.evidence.document,
            char_start=c.evidence.char_start, char_end=c.evidence.char_end,
            confidence=c.confidence, rule=c.evidence.rule,
            corroborating_documents=corr.documents, corroborating_sources=corr.sources,
            denied_elsewhere=corr.denied,
        )
    return g
