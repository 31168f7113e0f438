"""vocab.py, the ontology file and the extractor agree on every term."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from claimgraph.extract.lexicon import SIGNATURES
from claimgraph.model import ACTOR_TYPES, EntityType, Relation, Status
from claimgraph.resources import ontology_file
from claimgraph.vocab import CG, NS


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ontology_file("claimgraph.ttl"), format="turtle")


def test_vocab_fails_on_typos():
    with pytest.raises(AttributeError):
        CG.suports  # noqa: B018


def test_every_vocab_term_is_defined_in_the_ontology_with_label_and_comment(ontology):
    terms = [t for t in CG.__annotations__]
    for name in terms:
        iri = CG[name]
        assert (iri, RDFS.label, None) in ontology, name
        assert (iri, RDFS.comment, None) in ontology, name
    defined = {str(s)[len(NS):] for s in ontology.subjects(RDF.type, None) if str(s).startswith(NS)}
    assert defined == set(terms)


def test_vocabulary_md_terms_are_all_present():
    assert {t.value for t in EntityType} <= set(CG.__annotations__)
    assert {r.value for r in Relation} <= set(CG.__annotations__)
    assert {s.value for s in Status} <= set(CG.__annotations__)


def _classes(ontology, node) -> set[EntityType]:
    name = str(node)[len(NS):]
    if name == "Entity":
        return set(EntityType)
    if name == "Actor":
        return set(ACTOR_TYPES)
    return {EntityType(name)}


def test_extractor_signatures_are_within_the_ontology_domains_and_ranges(ontology):
    for relation, (dom, rng) in SIGNATURES.items():
        iri = CG[relation.value]
        assert (iri, RDF.type, OWL.ObjectProperty) in ontology
        assert dom <= _classes(ontology, ontology.value(iri, RDFS.domain)), relation
        assert rng <= _classes(ontology, ontology.value(iri, RDFS.range)), relation
