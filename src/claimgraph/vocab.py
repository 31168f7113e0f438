"""The vocabulary terms: the ONE module the code takes RDF terms from.

Every namespace here fails on a typo: ``CG.suports`` or ``PROV.wasAtributedTo``
raises ``AttributeError`` instead of minting a new IRI.

- :class:`CG` is the project's own vocabulary; every term mirrors one in
  ``ontology/claimgraph.ttl`` (a test checks both ways).
- ``PROV``, ``SKOS``, ``DCTERMS``, ``OWL``, ``RDF``, ``RDFS`` and ``SH``
  (SHACL) are rdflib's ``DefinedNamespace`` classes, which already fail on
  unknown terms.
- :class:`XSD` lists the datatypes the project writes (rdflib's own ``XSD``
  does not fail on typos).
- ``ID`` (our resources) and ``WIKIDATA`` (Wikidata items) are open
  namespaces: their local names are data (ids), not vocabulary.

:data:`PREFIXES` is the one prefix table of every serialisation, the JSON-LD
context and the SPARQL queries.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, DefinedNamespace

NS = "https://claimgraph.org/ns#"
ID = Namespace("https://claimgraph.org/id/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

__all__ = ["CG", "DCTERMS", "GEO", "GEOSPARQL", "ID", "NS", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SF", "SH", "SKOS",
           "WIKIDATA", "XSD"]


class CG(DefinedNamespace):
    _NS = Namespace(NS)
    _fail = True

    # classes
    Entity: URIRef
    Actor: URIRef
    State: URIRef
    ArmedGroup: URIRef
    Government: URIRef
    SecurityForce: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Event: URIRef
    Claim: URIRef
    Document: URIRef
    UnnamedSource: URIRef
    ClaimStatus: URIRef
    Relation: URIRef
    # statuses
    asserted: URIRef
    alleged: URIRef
    denied: URIRef
    hypothetical: URIRef
    # relations
    supports: URIRef
    attacks: URIRef
    carriedOut: URIRef
    alliedWith: URIRef
    opposes: URIRef
    accuses: URIRef
    memberOf: URIRef
    leads: URIRef
    spokespersonOf: URIRef
    operatesIn: URIRef
    controls: URIRef
    mediates: URIRef
    locatedIn: URIRef
    threatens: URIRef
    kills: URIRef
    releases: URIRef
    # claim and document fields
    status: URIRef
    cue: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    rule: URIRef
    contentHash: URIRef
    mentionCount: URIRef
    ofState: URIRef
    mentionedIn: URIRef
    # when and where: a claim's date (typed at its precision), the end of a
    # range, the precision, the qualifier ("since") and the words; the place
    # a claim is about; a place's country and subdivision; a document date's source
    date: URIRef
    dateEnd: URIRef
    datePrecision: URIRef
    dateQualifier: URIRef
    dateText: URIRef
    place: URIRef
    countryCode: URIRef
    subdivision: URIRef
    subdivisionCode: URIRef
    dateSource: URIRef
    # the source lens: where a document's outlet came from, the agencies it credits
    publisherSource: URIRef
    publisherName: URIRef
    credit: URIRef
    # annotations of the ontology itself
    typicalCue: URIRef


class XSD(DefinedNamespace):
    """The XML Schema datatypes claimgraph writes or checks."""

    _NS = Namespace("http://www.w3.org/2001/XMLSchema#")
    _fail = True

    string: URIRef
    integer: URIRef
    decimal: URIRef
    anyURI: URIRef
    boolean: URIRef
    date: URIRef
    dateTime: URIRef
    gYearMonth: URIRef
    gYear: URIRef


class GEO(DefinedNamespace):
    """W3C Basic Geo (WGS84 lat/long): a place's coordinates."""

    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    _fail = True

    lat: URIRef
    long: URIRef


class GEOSPARQL(DefinedNamespace):
    """OGC GeoSPARQL 1.1: a feature's geometry as Well-Known Text."""

    _NS = Namespace("http://www.opengis.net/ont/geosparql#")
    _fail = True

    Feature: URIRef
    Geometry: URIRef
    hasGeometry: URIRef
    asWKT: URIRef
    wktLiteral: URIRef


class SF(DefinedNamespace):
    """OGC Simple Features: the geometry classes GeoSPARQL uses."""

    _NS = Namespace("http://www.opengis.net/ont/sf#")
    _fail = True

    Point: URIRef


PREFIXES: dict[str, str] = {
    "cg": NS,
    "geo": str(GEO),
    "geosparql": str(GEOSPARQL),
    "sf": str(SF),
    "cgid": str(ID),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "wd": str(WIKIDATA),
    "xsd": str(XSD),
}
