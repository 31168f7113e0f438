"""The two views: no relation is ever a bare triple, and every edge carries its claim."""
from __future__ import annotations

import pyoxigraph
from rdflib import Literal

from claimgraph.graph.rdf import claim_iri, document_iri, entity_iri, unnamed_source_iri
from claimgraph.model import Relation
from claimgraph.vocab import CG, PROV, RDF, RDFS

RELATION_IRIS = {CG[r.value] for r in Relation}


def test_no_relation_is_asserted_between_entities(seed_graph):
    g = seed_graph.to_rdf_graph()
    assert not [t for t in g if t[1] in RELATION_IRIS], "a relation was written as a bare triple"
    # ... it only ever appears as the predicate of a claim resource
    used = set(g.objects(None, RDF.predicate))
    assert used and used <= RELATION_IRIS


def test_every_claim_resource_carries_status_evidence_and_document(seed_graph):
    g = seed_graph.to_rdf_graph()
    claims = set(g.subjects(RDF.type, CG.Claim))
    assert len(claims) == len(seed_graph.claims)
    for c in claims:
        for p in (RDF.subject, RDF.predicate, RDF.object, CG.status, CG.evidence, CG.charStart, CG.charEnd):
            assert len(list(g.objects(c, p))) == 1, (c, p)


def test_alleged_claims_keep_their_source(seed_graph):
    alleged = [c for c in seed_graph.claims if c.status.value == "alleged" and c.attributed_to]
    assert alleged
    assert any(c.attributed_to and c.attributed_to.phrase for c in seed_graph.claims)  # both kinds of source are covered
    g = seed_graph.to_rdf_graph()
    for c in seed_graph.claims:
        node = claim_iri(c)
        assert (node, CG.status, CG[c.status.value]) in g
        sources = list(g.objects(node, PROV.wasAttributedTo))
        if c.attributed_to is None:
            assert sources == []
        elif c.attributed_to.entity:
            assert sources == [entity_iri(c.attributed_to.entity)]
        else:  # an unnamed source: an agent of its own, labelled with the phrase, minted per document
            assert sources == [unnamed_source_iri(c.evidence.document, c.attributed_to.phrase)]
            assert (sources[0], RDF.type, CG.UnnamedSource) in g
            assert list(g.objects(sources[0], RDFS.label)) == [Literal(c.attributed_to.phrase)]
            assert str(sources[0]).startswith(str(document_iri(c.evidence.document)) + "/source/")


def test_dataset_has_one_named_graph_per_document(seed_graph):
    ds = seed_graph.to_rdf()
    names = {str(g.identifier) for g in ds.graphs() if len(g)} - {"urn:x-rdflib:default"}
    assert len(names) == len(seed_graph.documents)
    trig = ds.serialize(format="trig")
    store = pyoxigraph.Store()
    store.load(trig.encode(), format=pyoxigraph.RdfFormat.TRIG)
    assert len(store) == len(ds)


def test_networkx_edges_are_claims(seed_graph):
    g = seed_graph.to_networkx()
    assert g.number_of_nodes() == len(seed_graph.entities)
    assert g.number_of_edges() == len(seed_graph.claims)
    for _s, _o, key, data in g.edges(keys=True, data=True):
        assert data["status"] in {"asserted", "alleged", "denied", "hypothetical"}
        assert data["evidence"] and data["document"]
        assert len(key) == 20


def test_corroboration_counts_documents_and_sources(builder, config):
    from claimgraph.ingest import document_from_text

    docs = [document_from_text("a", "The TTP attacked the KP Police in Bannu.", config=config.ingest),
            document_from_text("b", "Officials said the TTP attacked the KP Police.", config=config.ingest),
            document_from_text("c", "The TTP denied that it attacked the KP Police.", config=config.ingest)]
    kg = builder.build(docs)
    corr = kg.corroboration[("tehreek-e-taliban-pakistan", "attacks", "kp-police")]
    assert corr.documents == 3
    assert corr.sources == 3  # article a's own voice, "Officials", the TTP
    assert corr.denied
