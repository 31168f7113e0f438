"""Shared fixtures: the spaCy pipeline is loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import Builder, load_config
from claimgraph.ingest import read_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture(scope="session")
def builder(config):
    return Builder(config)


def labelled(kg) -> set[tuple]:
    """Claims as (subject label, relation, object label, status, source label or phrase)."""
    label = {e.id: e.label for e in kg.entities}
    out = set()
    for c in kg.claims:
        src = None
        if c.attributed_to is not None:
            src = label.get(c.attributed_to.entity) if c.attributed_to.entity else c.attributed_to.phrase
        out.add((label[c.subject], c.relation.value, label[c.object], c.status.value, src))
    return out


@pytest.fixture(scope="session")
def claims_of(builder):
    cache: dict[str, set[tuple]] = {}

    def run(text: str) -> set[tuple]:
        if text not in cache:
            cache[text] = labelled(builder.build_text(text))
        return cache[text]

    return run


@pytest.fixture(scope="session")
def seed_documents(config):
    return read_paths([SEEDS], config.ingest).documents


@pytest.fixture(scope="session")
def seed_graph(builder, seed_documents):
    return builder.build(seed_documents)


def assert_claims(got: set[tuple], expected: set[tuple], forbidden: set[tuple]) -> None:
    """Every expected claim is there, no forbidden one is (the sentence tests' check)."""
    assert expected <= got, f"missing {sorted(expected - got)}; got {sorted(got)}"
    assert not (forbidden & got), f"forbidden {sorted(forbidden & got)}"


def known_term(iri: str) -> bool:
    """Whether an IRI in one of the vocabularies claimgraph uses is a term
    :mod:`claimgraph.vocab` knows (its namespaces fail on a typo)."""
    from claimgraph import vocab

    spaces = [vocab.CG, vocab.PROV, vocab.SKOS, vocab.DCTERMS, vocab.RDF, vocab.RDFS, vocab.OWL, vocab.XSD,
              vocab.SH, vocab.GEO, vocab.GEOSPARQL, vocab.SF]
    for ns in spaces:
        base = str(ns._NS)
        if iri.startswith(base):
            try:
                return str(getattr(ns, iri[len(base):])) == iri
            except AttributeError:
                return False
    return False
