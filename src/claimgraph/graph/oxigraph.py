"""rdflib terms and quads as pyoxigraph terms and quads (and back, for tests).

The RDF view is made with rdflib terms (:mod:`.rdf`); the store and the
query engine are Oxigraph's. Literals keep their lexical form and
datatype; an IRI pyoxigraph refuses raises ``ValueError`` (the minting in
:mod:`.rdf` never makes one).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from ..vocab import XSD
from .rdf import Quad

_STRING = str(XSD.string)


def to_ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not a pyoxigraph term: {term!r}")


def to_ox_quads(quads: Iterable[Quad]) -> Iterator[ox.Quad]:
    default = ox.DefaultGraph()
    for s, p, o, g in quads:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), default if g is None else to_ox(g))


def sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    """Default graph first, then named graphs; by subject, predicate, object."""
    g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return (g, str(q.subject), str(q.predicate), str(q.object))
