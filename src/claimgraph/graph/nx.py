"""The NetworkX view: a ``MultiDiGraph`` with one node per entity and one
edge per claim, keyed by the claim's id and carrying its status, source,
cue, evidence and document, so an allegation is never a bare edge."""
from __future__ import annotations

import networkx as nx


def build_networkx(kg) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="claimgraph", documents=len(kg.documents))
    for e in kg.entities:
        g.add_node(e.id, label=e.label, type=e.type.value, aliases=list(e.aliases),
                   mentions=len(e.mentions), documents=list(e.documents), wikidata=e.wikidata,
                   state=e.state, lat=e.lat, lon=e.lon, country=e.country, subdivision=e.subdivision)
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
            date=c.when.value if c.when else None, date_end=c.when.end if c.when else None,
            date_precision=c.when.precision if c.when else None, date_text=c.when.text if c.when else None,
            place=c.place,
        )
    return g
