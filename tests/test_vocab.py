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


# -- the cue lexicon's relations and words, mapped to the ontology --------------------------


def test_every_lexicon_relation_is_an_ontology_relation_that_admits_its_cues(ontology):
    from claimgraph.extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    relations = {c.relation for c in lexicon.cues} | set(lexicon.roles)
    assert len(relations) >= 10
    for relation in relations:
        iri = CG[relation.value]
        assert (iri, RDF.type, CG.Relation) in ontology and (iri, RDF.type, OWL.ObjectProperty) in ontology
    for cue in lexicon.cues:
        iri = CG[cue.relation.value]
        assert cue.subject_types <= _classes(ontology, ontology.value(iri, RDFS.domain)), cue.cue
        assert cue.object_types <= _classes(ontology, ontology.value(iri, RDFS.range)), cue.cue


def _lexicon_relations_of(word: str) -> set[str]:
    from claimgraph.extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    found = {c.relation.value for c in lexicon.cues if c.cue == word}
    found |= {r.value for r, words in lexicon.roles.items() if word in words}
    return found


def test_the_ontologys_typical_cues_agree_with_the_lexicon(ontology):
    """A typical cue the lexicon knows must state that relation there; every relation
    the lexicon has cues for names at least one of them."""
    from claimgraph.extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    for relation in Relation:
        cues = {str(c) for c in ontology.objects(CG[relation.value], CG.typicalCue)}
        assert cues, relation
        in_lexicon = {c for c in cues if _lexicon_relations_of(c)}
        for cue in in_lexicon:
            assert relation.value in _lexicon_relations_of(cue), (relation, cue)
        if any(c.relation is relation for c in lexicon.cues) or relation in lexicon.roles:
            assert in_lexicon, relation
    words = lexicon.status
    for status in Status:
        cues = {str(c) for c in ontology.objects(CG[status.value], CG.typicalCue)}
        assert cues, status
        for cue in cues:
            if cue in words.reporting:
                assert words.reporting[cue] is status or status is Status.ALLEGED, (status, cue)
    assert "allegedly" in {str(c) for c in ontology.objects(CG.alleged, CG.typicalCue)} & words.alleged_adverbs
    assert {"could", "may", "would"} <= words.modals
    assert "deny" in words.reporting and words.reporting["deny"] is Status.DENIED


# -- vocabulary terms come from one module ------------------------------------------------------


def test_no_module_but_vocab_mints_vocabulary_iris():
    import ast

    from tests.conftest import ROOT

    offenders = []
    for path in sorted((ROOT / "src" / "claimgraph").rglob("*.py")):
        if path.name == "vocab.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "rdflib.namespace":
                offenders.append(f"{path.name}: imports rdflib.namespace")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"Namespace", "URIRef"} and \
                    node.args and isinstance(node.args[0], ast.Constant) and "://" in str(node.args[0].value):
                offenders.append(f"{path.name}:{node.lineno}: an IRI written out")
    assert not offenders


def _iris_in_turtle_like(text: str, prefixes: dict[str, str]) -> set[str]:
    import re

    out = set()
    for prefix, local in re.findall(r"(?<![\w:<#.-])([a-z]+):([A-Za-z][\w]*)", text):
        if prefix in prefixes:
            out.add(prefixes[prefix] + local)
    return out


def test_queries_and_shapes_use_only_known_terms():
    from claimgraph.query import canned_queries
    from claimgraph.vocab import PREFIXES
    from tests.conftest import known_term

    prefixes = {**PREFIXES, "sh": "http://www.w3.org/ns/shacl#"}
    used = set()
    for q in canned_queries().values():
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))
        used |= _iris_in_turtle_like(body, prefixes)
    shapes = ontology_file("shapes.ttl").read_text(encoding="utf-8")
    body = "\n".join(line for line in shapes.splitlines() if not line.lstrip().startswith("#"))
    used |= _iris_in_turtle_like(body, prefixes)
    assert str(CG.supports) in used and "http://www.w3.org/ns/prov#wasAttributedTo" in used
    unknown = sorted(i for i in used if not known_term(i))
    assert not unknown
