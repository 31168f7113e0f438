from __future__ import annotations

import pyoxigraph
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.graph.rdf import document_graph_iri, document_iri


def test_ids_that_slug_alike_get_different_iris():
    ids = ["a b", "a-b", "a_b", "A B", "a/b", "a#b", "a%b", ".a-b", "طالبان", "طالبا"]
    iris = [str(document_iri(i)) for i in ids]
    assert len(set(iris)) == len(ids)
    assert iris[1] == "https://claimgraph.org/id/document/a-b"  # a safe id is its own name


@given(st.lists(st.text(min_size=1, max_size=80), min_size=2, max_size=6, unique=True))
def test_distinct_ids_never_share_an_iri(ids):
    iris = [str(document_iri(i)) for i in ids]
    assert len(set(iris)) == len(iris)
    for i in ids:
        pyoxigraph.NamedNode(str(document_iri(i)))
        pyoxigraph.NamedNode(str(document_graph_iri(i)))
