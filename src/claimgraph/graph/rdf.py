"""The RDF view: documents, entities and claim resources (see ``ontology/claimgraph.ttl``).

Each claim is a resource of its own (``cg:Claim``, a kind of
``rdf:Statement`` and ``prov:Entity``) with ``rdf:subject``,
``rdf:predicate`` and ``rdf:object``, its status, cue, evidence and
offsets, ``prov:wasDerivedFrom`` its document and ``prov:wasAttributedTo``
its source: an actor, or a ``cg:UnnamedSource`` minted per document for a
phrase such as "intelligence sources". No relation between two entities is
ever written as a bare triple: an allegation cannot be read as a fact.

The dataset form puts documents and entities in the default graph and each
document's claims (and its unnamed sources) in the named graph
``<document IRI>/claims``, so that a document can be replaced as a unit.

Every IRI is minted from a slug or a hash, never from raw text, and every
term comes from :mod:`claimgraph.vocab`.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef

from ..model import Claim, Document, Entity
from ..names import slug
from ..vocab import CG, DCTERMS, GEO, GEOSPARQL, ID, OWL, PREFIXES, PROV, RDF, RDFS, SF, SKOS, WIKIDATA, XSD

_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,120}")

Triple = tuple[URIRef, URIRef, URIRef | Literal]
#: A quad's graph is ``None`` for the default graph.
Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef | None]


def entity_iri(entity_id: str) -> URIRef:
    return ID[f"entity/{entity_id}"]


def claim_iri(claim: Claim) -> URIRef:
    return ID[f"claim/{claim.id}"]


def document_iri(doc_id: str) -> URIRef:
    """A document's IRI: its id when that is a safe name, else a slug of it
    and a hash of the whole id after "~" (a character no safe id holds), so
    that two ids never share an IRI ("a b" and "a-b")."""
    if _SAFE_ID.fullmatch(doc_id) and not doc_id.startswith("."):  # fullmatch: "$" would let "x\n" through
        return ID[f"document/{doc_id}"]
    digest = hashlib.sha256(doc_id.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    return ID[f"document/{slug(doc_id)[:60].strip('-')}~{digest}"]


def document_graph_iri(doc_id: str) -> URIRef:
    """The named graph that holds one document's claims."""
    return URIRef(f"{document_iri(doc_id)}/claims")


def unnamed_source_iri(doc_id: str, phrase: str) -> URIRef:
    """An unnamed source ("analysts") of one document: minted per document,
    from the phrase's slug and a hash of its exact text (so that "Analysts"
    and "analysts" do not become one node with two labels)."""
    digest = hashlib.sha256(phrase.encode("utf-8")).hexdigest()[:8]
    return URIRef(f"{document_iri(doc_id)}/source/{slug(phrase)}-{digest}")


def geometry_iri(entity_id: str) -> URIRef:
    """An entity's GeoSPARQL point: a node of its own, named after the entity."""
    return URIRef(f"{entity_iri(entity_id)}/geometry")


def bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def decimal_literal(value: float) -> Literal:
    """An ``xsd:decimal`` in canonical form (0.7, not 0.70), as Oxigraph stores it."""
    canonical = format(Decimal(f"{value:.2f}").normalize(), "f")
    return Literal(canonical, datatype=XSD.decimal)


def _coordinate(value: float) -> Literal:
    """A latitude or longitude as a canonical ``xsd:decimal`` of 5 places (about a metre)."""
    canonical = format(Decimal(f"{value:.5f}").normalize(), "f")
    return Literal(canonical, datatype=XSD.decimal)


def entity_triples(entity: Entity, *, mention_count: int | None = None,
                   documents: Iterable[str] | None = None) -> Iterator[Triple]:
    """An entity's triples; ``mention_count`` and ``documents`` stand in for
    its mentions when they were not loaded (the store's summary path)."""
    s = entity_iri(entity.id)
    yield s, RDF.type, CG[entity.type.value]
    yield s, RDFS.label, Literal(entity.label)
    yield s, SKOS.prefLabel, Literal(entity.label)
    for alias in entity.aliases:
        yield s, SKOS.altLabel, Literal(alias)
    yield s, CG.mentionCount, Literal(len(entity.mentions) if mention_count is None else mention_count)
    for doc in entity.documents if documents is None else sorted(documents):
        yield s, CG.mentionedIn, document_iri(doc)
    if entity.wikidata:
        yield s, OWL.sameAs, WIKIDATA[entity.wikidata]
    if entity.state:
        yield s, CG.ofState, entity_iri(entity.state)
    if entity.lat is not None and entity.lon is not None:
        lat, lon = _coordinate(entity.lat), _coordinate(entity.lon)
        yield s, GEO.lat, lat
        yield s, GEO.long, lon
        geometry = geometry_iri(entity.id)
        yield s, GEOSPARQL.hasGeometry, geometry
        yield geometry, RDF.type, SF.Point
        # WKT in the CRS84 axis order: longitude first
        yield geometry, GEOSPARQL.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEOSPARQL.wktLiteral)
    if entity.country:
        yield s, CG.countryCode, Literal(entity.country)
    if entity.subdivision:
        yield s, CG.subdivision, Literal(entity.subdivision)
    if entity.subdivision_code:
        yield s, CG.subdivisionCode, Literal(entity.subdivision_code)


def document_triples(doc: Document) -> Iterator[Triple]:
    s = document_iri(doc.id)
    yield s, RDF.type, CG.Document
    yield s, DCTERMS.identifier, Literal(doc.id)
    yield s, RDFS.label, Literal(doc.title or doc.id)
    if doc.title:
        yield s, DCTERMS.title, Literal(doc.title)
    if doc.url:
        yield s, DCTERMS.source, Literal(doc.url, datatype=XSD.anyURI)
    if doc.date:
        yield s, DCTERMS.date, document_date_literal(doc.date)
    if doc.date_source:
        yield s, CG.dateSource, Literal(doc.date_source)
    if doc.publisher:
        # the outlet's entity when the gazetteer knows it (its node is in the graph when an article
        # mentions it, as for cg:ofState), else its name; the name is always cg:publisherName
        yield s, DCTERMS.publisher, entity_iri(doc.publisher_entity) if doc.publisher_entity else Literal(doc.publisher)
        yield s, CG.publisherName, Literal(doc.publisher)
        yield s, CG.publisherSource, Literal(doc.publisher_source)
    for credit in doc.credits:
        yield s, CG.credit, Literal(credit)
    yield s, CG.contentHash, Literal(doc.content_hash)


_XSD_OF_PRECISION = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def date_literal(value: str) -> Literal:
    """An ISO 8601 value at its precision as ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    return Literal(value, datatype=_XSD_OF_PRECISION[len(value)])


def document_date_literal(value: str) -> Literal:
    """A document's date: ``xsd:date`` or ``xsd:dateTime`` when it is one, else as given."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?", value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def claim_triples(claim: Claim) -> Iterator[Triple]:
    """The claim resource, and the unnamed source it is attributed to, if any."""
    s = claim_iri(claim)
    ev = claim.evidence
    yield s, RDF.type, CG.Claim
    yield s, RDF.subject, entity_iri(claim.subject)
    yield s, RDF.predicate, CG[claim.relation.value]
    yield s, RDF.object, entity_iri(claim.object)
    yield s, CG.status, CG[claim.status.value]
    source = claim.attributed_to
    if source is not None:
        if source.entity is not None:
            yield s, PROV.wasAttributedTo, entity_iri(source.entity)
        else:
            agent = unnamed_source_iri(ev.document, str(source.phrase))
            yield s, PROV.wasAttributedTo, agent
            yield agent, RDF.type, CG.UnnamedSource
            yield agent, RDFS.label, Literal(source.phrase)
    if claim.cue:
        yield s, CG.cue, Literal(claim.cue)
    yield s, CG.evidence, Literal(ev.sentence)
    yield s, CG.charStart, Literal(ev.char_start)
    yield s, CG.charEnd, Literal(ev.char_end)
    yield s, CG.confidence, decimal_literal(claim.confidence)
    yield s, CG.rule, Literal(ev.rule)
    yield s, PROV.wasDerivedFrom, document_iri(ev.document)
    when = claim.when
    if when is not None:
        yield s, CG.dateText, Literal(when.text)
        if when.value is not None:
            yield s, CG.date, date_literal(when.value)
            yield s, CG.datePrecision, Literal(when.precision)
        if when.end is not None:
            yield s, CG.dateEnd, date_literal(when.end)
        if when.qualifier is not None:
            yield s, CG.dateQualifier, Literal(when.qualifier)
    if claim.place is not None:
        yield s, CG.place, entity_iri(claim.place)


def quads(documents: Iterable[Document], entities: Iterable[Entity], claims: Iterable[Claim]) -> Iterator[Quad]:
    """Every quad of the dataset form, documents first, then entities, then claims."""
    for doc in documents:
        for s, p, o in document_triples(doc):
            yield s, p, o, None
    for entity in entities:
        for s, p, o in entity_triples(entity):
            yield s, p, o, None
    for claim in claims:
        g = document_graph_iri(claim.evidence.document)
        for s, p, o in claim_triples(claim):
            yield s, p, o, g


def dataset_of(documents, entities, claims) -> Dataset:
    ds = Dataset()
    bind(ds)
    default = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
    graphs: dict[URIRef, Graph] = {}
    for s, p, o, g in quads(documents, entities, claims):
        if g is None:
            default.add((s, p, o))
        else:
            if g not in graphs:
                graphs[g] = ds.graph(g)
            graphs[g].add((s, p, o))
    return ds


def graph_of(documents, entities, claims) -> Graph:
    g = Graph()
    bind(g)
    for s, p, o, _g in quads(documents, entities, claims):
        g.add((s, p, o))
    return g


def build_dataset(kg) -> Dataset:
    return dataset_of(kg.documents, kg.entities, kg.claims)


def build_graph(kg) -> Graph:
    return graph_of(kg.documents, kg.entities, kg.claims)
