"""The namespace terms, as rdflib ``DefinedNamespace`` classes that fail on a typo.

Every term mirrors one in ``ontology/claimgraph.ttl`` (a test checks both
ways). ``CG.suports`` raises ``AttributeError`` instead of minting a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NS = "https://claimgraph.org/ns#"
ID = Namespace("https://claimgraph.org/id/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")


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
    attributedTo: URIRef
    sourcePhrase: URIRef
    cue: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    rule: URIRef
    contentHash: URIRef
    mentionCount: URIRef
    mentionedIn: URIRef
