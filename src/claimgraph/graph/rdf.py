"""The RDF view: entities, documents and claim resources.

Each claim is a resource of its own (``cg:Claim``, a kind of
``rdf:Statement``) with ``rdf:subject``, ``rdf:predicate`` and
``rdf:object``, its status, source, cue, evidence and offsets, and
``prov:wasDerivedFrom`` its document. No relation between two entities is
ever written as a bare triple: an allegation cannot be read as a fact.
Every IRI is minted from a slug or a hash, never from raw text.
"""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from ..model import Claim, Document, Entity
from ..resolve.names import slug
from ..vocab import CG, ID, WIKIDATA

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,120}$")


def entity_iri(entity_id: str) -> URIRef:
    return ID[f"entity/{entity_id}"]


def claim_iri(claim: Claim) -> URIRef:
    return ID[f"claim/{claim.id}"]


def document_iri(doc_id: str) -> URIRef:
    """A document's IRI: its id when that is a safe name, else a slug of it
    and a hash of the whole id after "~" (a character no safe id holds), so
    that two ids never share an IRI ("a b" and "a-b")."""
    if _SAFE_ID.match(doc_id) and not doc_id.startswith("."):
        return ID[f"document/{doc_id}"]
    digest = hashlib.sha256(doc_id.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    return ID[f"document/{slug(doc_id)[:60].strip('-')}~{digest}"]


def document_graph_iri(doc_id: str) -> URIRef:
    return URIRef(f"{document_iri(doc_id)}/claims")


def bind(g: Graph) -> None:
    g.bind("cg", str(CG))
    g.bind("cgid", str(ID))
    g.bind("dcterms", DCTERMS)
    g.bind("prov", PROV)
    g.bind("skos", SKOS)
    g.bind("owl", OWL)
    g.bind("wd", str(WIKIDATA))


def entity_triples(entity: Entity):
    s = entity_iri(entity.id)
    yield s, RDF.type, CG[entity.type.value]
    yield s, RDFS.label, Literal(entity.label)
    yield s, SKOS.prefLabel, Literal(entity.label)
    for alias in entity.aliases:
        yield s, SKOS.altLabel, Literal(alias)
    yield s, CG.mentionCount, Literal(len(entity.mentions))
    for doc in entity.documents:
        yield s, CG.mentionedIn, document_iri(doc)
    if entity.wikidata:
        yield s, OWL.sameAs, WIKIDATA[entity.wikidata]


def document_triples(doc: Document):
    s = document_iri(doc.id)
    yield s, RDF.type, CG.Document
    yield s, DCTERMS.identifier, Literal(doc.id)
    if doc.title:
        yield s, DCTERMS.title, Literal(doc.title)
    if doc.url:
        yield s, DCTERMS.source, Literal(doc.url, datatype=XSD.anyURI)
    if doc.date:
        yield s, DCTERMS.date, Literal(doc.date)
    yield s, CG.contentHash, Literal(doc.content_hash)


def claim_triples(claim: Claim):
    s = claim_iri(claim)
    ev = claim.evidence
    yield s, RDF.type, CG.Claim
    yield s, RDF.subject, entity_iri(claim.subject)
    yield s, RDF.predicate, CG[claim.relation.value]
    yield s, RDF.object, entity_iri(claim.object)
    yield s, CG.status, CG[claim.status.value]
    if claim.attributed_to is not None:
        if claim.attributed_to.entity is not None:
            yield s, CG.attributedTo, entity_iri(claim.attributed_to.entity)
        else:
            yield s, CG.sourcePhrase, Literal(claim.attributed_to.phrase)
    if claim.cue:
        yield s, CG.cue, Literal(claim.cue)
    yield s, CG.evidence, Literal(ev.sentence)
    yield s, CG.charStart, Literal(ev.char_start)
    yield s, CG.charEnd, Literal(ev.char_end)
    yield s, CG.confidence, Literal(Decimal(f"{claim.confidence:.2f}"), datatype=XSD.decimal)
    yield s, CG.rule, Literal(ev.rule)
    yield s, PROV.wasDerivedFrom, document_iri(ev.document)


def build_dataset(kg) -> Dataset:
    ds = Dataset()
    bind(ds)
    default = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
    for doc in kg.documents:
        for t in document_triples(doc):
            default.add(t)
    for entity in kg.entities:
        for t in entity_triples(entity):
            default.add(t)
    graphs: dict[str, Graph] = {}
    for claim in kg.claims:
        doc = claim.evidence.document
        if doc not in graphs:
            graphs[doc] = ds.graph(document_graph_iri(doc))
        for t in claim_triples(claim):
            graphs[doc].add(t)
    return ds


def build_graph(kg) -> Graph:
    g = Graph()
    bind(g)
    for doc in kg.documents:
        for t in document_triples(doc):
            g.add(t)
    for entity in kg.entities:
        for t in entity_triples(entity):
            g.add(t)
    for claim in kg.claims:
        for t in claim_triples(claim):
            g.add(t)
    return g
