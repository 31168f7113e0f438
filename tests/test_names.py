from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.graph.rdf import document_iri, entity_iri
from claimgraph.names import similar, slug


@pytest.mark.parametrize("a,b", [
    ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("Ahmad Massoud", "Ahmad Masood"),
    ("Jaish-e-Mohammed", "Jaish-e-Muhammad"),
    ("Hafiz Gul Bahadur", "Hafiz Gul Bahadar"),
])
def test_spelling_variants_meet(a, b):
    assert similar(a, b)


@pytest.mark.parametrize("a,b", [
    ("Tehreek-e-Taliban Pakistan", "Tehreek-e-Labbaik Pakistan"),
    ("Iran", "Iraq"),
    ("Ismail Khan", "Imran Khan"),
    ("Ahmad Massoud", "Ahmad Shah Massoud"),
])
def test_different_names_stay_apart(a, b):
    assert not similar(a, b)


@given(st.text(min_size=1, max_size=200))
def test_ids_are_always_valid_iris(name):
    s = slug(name)
    assert s and all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    pyoxigraph.NamedNode(str(entity_iri(s)))
    pyoxigraph.NamedNode(str(document_iri(name)))
