"""The property-graph model and every Cypher statement claimgraph writes or sends.

This module is the ONE place where claimgraph's Cypher lives: the Neo4j
exporter writes these statements into ``load.cypher``, ``claimgraph push``
sends them, and the tests lint them with Neo4j's own parser and run them on
an openCypher engine.

The model (Neo4j 5):

- ``(:Entity:<Class> {id, name, type, aliases, wikidata, mentions, state,
  country, subdivision, subdivision_code, location})`` - the class label
  (``ArmedGroup``, ``State`` ...) comes from :class:`EntityType`;
  ``location`` is a WGS-84 ``point`` (admin import ``point{crs:WGS-84}``,
  ``point({latitude, longitude})`` in ``load.cypher``);
- ``(:Document {id, title, source, date, content_hash, publisher, credits})``: the
  outlet and the agencies the story is credited to;
- one relationship per claim, ``(subject)-[:<RELATION> {claim_id, status,
  attributed_to, attributed_kind, cue, evidence, document, char_start,
  char_end, confidence, date, date_end, date_precision, date_text,
  date_qualifier, place, ...}]->(object)``, its type from :class:`Relation`
  (``SUPPORTS``, ``ALLIED_WITH`` ...): a claim's status and source stay on
  the relationship; ``date`` and ``date_end`` are Neo4j ``date`` values (a
  month or year as its first day, a range's end as its last;
  ``date_precision`` says which), ``place`` the id of the claim's place;
- one ``(:Claim {id, relation, status, attributed_to, ...})`` node per claim too (the
  same properties as its relationship), linked ``-[:SUBJECT]->``, ``-[:OBJECT]->``,
  ``-[:ATTRIBUTED_TO]->`` (an entity source), ``-[:PLACE]->`` (Entity) and
  ``-[:STATED_IN]->`` (Document): a query can then start from a claim and reach
  its source and its document, which a relationship cannot point at;
- ``(:Entity)-[:MENTIONED_IN {count}]->(:Document)``.

The only variable parts of a statement are labels and relationship types,
and they come from the ontology's fixed lists (the enums), checked and
backtick-quoted. Every value - names, evidence, ids - is a parameter:
each loading statement reads ``$rows`` (``UNWIND $rows AS row``), so no
text from an article is ever part of a Cypher string.

An empty value (no wikidata id, no aliases, no source) is no property at
all, both here (``null``) and in the admin-import CSV files (an empty
field), so the three ways into Neo4j give the same graph.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..dates import first_day, last_day
from ..model import Claim, Document, Entity, EntityType, Relation

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

ENTITY = "Entity"
DOCUMENT = "Document"
CLAIM = "Claim"
MENTIONED_IN = "MENTIONED_IN"
#: a claim node's links: to its subject, object, attributed source and place (entities), and document
CLAIM_LINKS = {"subject": "SUBJECT", "object": "OBJECT", "source": "ATTRIBUTED_TO", "place": "PLACE"}
STATED_IN = "STATED_IN"


def quote(name: str) -> str:
    """A label or relationship type, backtick-quoted.

    Only plain identifiers are accepted: the names come from the ontology,
    never from text, and a name that is not one is a programming error."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a plain Cypher identifier: {name!r}")
    return f"`{name}`"


def _upper_snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


#: node label per entity class (the class's local name)
LABELS: dict[EntityType, str] = {t: t.value for t in EntityType}
#: relationship type per relation (``alliedWith`` -> ``ALLIED_WITH``)
REL_TYPES: dict[Relation, str] = {r: _upper_snake(r.value) for r in Relation}

# -- properties: (name, admin-import type) ------------------------------------
# One list per record kind; the CSV headers and the parameter rows are both
# made from these, so the two ways in carry the same properties.

ENTITY_PROPERTIES = (("name", "string"), ("type", "string"), ("aliases", "string[]"),
                     ("wikidata", "string"), ("mentions", "int"), ("state", "string"), ("country", "string"),
                     ("subdivision", "string"), ("subdivision_code", "string"))
DOCUMENT_PROPERTIES = (("title", "string"), ("source", "string"), ("date", "string"),
                       ("content_hash", "string"), ("publisher", "string"), ("credits", "string[]"),
                       ("publisher_entity", "string"))
CLAIM_PROPERTIES = (("claim_id", "string"), ("relation", "string"), ("status", "string"),
                    ("attributed_to", "string"), ("attributed_kind", "string"), ("cue", "string"),
                    ("evidence", "string"), ("document", "string"), ("char_start", "int"),
                    ("char_end", "int"), ("confidence", "float"), ("rule", "string"),
                    ("corroborating_documents", "int"), ("corroborating_sources", "int"),
                    ("denied_elsewhere", "boolean"), ("date_precision", "string"), ("date_text", "string"),
                    ("date_qualifier", "string"), ("place", "string"))
MENTION_PROPERTIES = (("count", "int"),)
# typed values that JSON parameters cannot carry: built by the statement from
# plain row fields (``row.lat``/``row.lon``, ``row.date``/``row.date_end``), and
# written with their admin-import types in the CSV files
ENTITY_TYPED = (("location", "point{crs:WGS-84}"),)
CLAIM_TYPED = (("date", "date"), ("date_end", "date"))

# -- statements -----------------------------------------------------------------

CONSTRAINTS = (
    f"CREATE CONSTRAINT claimgraph_entity_id IF NOT EXISTS FOR (e:{quote(ENTITY)}) REQUIRE e.id IS UNIQUE",
    f"CREATE CONSTRAINT claimgraph_document_id IF NOT EXISTS FOR (d:{quote(DOCUMENT)}) REQUIRE d.id IS UNIQUE",
    f"CREATE CONSTRAINT claimgraph_claim_id IF NOT EXISTS FOR (c:{quote(CLAIM)}) REQUIRE c.id IS UNIQUE",
)

DOCUMENT_STATEMENT = (
    f"UNWIND $rows AS row MERGE (d:{quote(DOCUMENT)} {{id: row.id}}) SET d += row.properties"
)
_ENTITY_TEMPLATE = (
    "UNWIND $rows AS row MERGE (e:{entity} {{id: row.id}}) SET e += row.properties, e:{label} "
    # a point only for a row with coordinates (FOREACH over an empty list sets nothing; a CASE would
    # still build point(null) on engines that evaluate both branches)
    "FOREACH (_ IN CASE WHEN row.lat IS NULL THEN [] ELSE [1] END | "
    "SET e.location = point({{latitude: row.lat, longitude: row.lon}}))"
)
_CLAIM_TEMPLATE = (
    "UNWIND $rows AS row MATCH (s:{entity} {{id: row.subject}}) MATCH (o:{entity} {{id: row.object}}) "
    "MERGE (s)-[r:{rel_type} {{claim_id: row.claim_id}}]->(o) SET r += row.properties, "
    "r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, "
    "r.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END"
)
CLAIM_NODE_STATEMENT = (
    f"UNWIND $rows AS row MERGE (c:{quote(CLAIM)} {{id: row.claim_id}}) SET c += row.properties, "
    "c.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, "
    "c.date_end = CASE WHEN row.date_end IS NULL THEN null ELSE date(row.date_end) END"
)
_CLAIM_LINK_TEMPLATE = (
    "UNWIND $rows AS row MATCH (c:{claim} {{id: row.claim}}) MATCH (e:{entity} {{id: row.entity}}) "
    "MERGE (c)-[:{rel_type}]->(e)"
)
CLAIM_DOCUMENT_STATEMENT = (
    f"UNWIND $rows AS row MATCH (c:{quote(CLAIM)} {{id: row.claim}}) MATCH (d:{quote(DOCUMENT)} {{id: row.document}}) "
    f"MERGE (c)-[:{quote(STATED_IN)}]->(d)"
)


def claim_link_statement(role: str) -> str:
    """MERGE one kind of link from claim nodes to entities (``role`` a key of CLAIM_LINKS)."""
    return _CLAIM_LINK_TEMPLATE.format(claim=quote(CLAIM), entity=quote(ENTITY), rel_type=quote(CLAIM_LINKS[role]))


MENTION_STATEMENT = (
    f"UNWIND $rows AS row MATCH (e:{quote(ENTITY)} {{id: row.entity}}) MATCH (d:{quote(DOCUMENT)} {{id: row.document}}) "
    f"MERGE (e)-[m:{quote(MENTIONED_IN)}]->(d) SET m += row.properties"
)


def entity_statement(etype: EntityType) -> str:
    """MERGE entities of one class: ``:Entity`` plus the class label."""
    return _ENTITY_TEMPLATE.format(entity=quote(ENTITY), label=quote(LABELS[EntityType(etype)]))


def claim_statement(relation: Relation) -> str:
    """MERGE claims of one relation, one relationship per claim id."""
    return _CLAIM_TEMPLATE.format(entity=quote(ENTITY), rel_type=quote(REL_TYPES[Relation(relation)]))


#: who alleges what: every claim whose source is a canonical entity, with that
#: source, in one query (``attributed_to`` holds the source entity's id, and
#: the uniqueness constraint on ``Entity.id`` makes the lookup an index seek)
WHO_ALLEGES_WHAT = """\
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.attributed_kind = 'entity'
MATCH (source:Entity {id: r.attributed_to})
RETURN source.name AS source, s.name AS subject, type(r) AS relation, o.name AS object,
       r.status AS status, r.document AS document, r.evidence AS evidence
ORDER BY source, subject, relation, object, document"""


# -- the load plan ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Step:
    """One statement of the load and the rows it takes as ``$rows``.

    ``name`` names the parameter file (``params/<name>.json``); a schema
    step (a constraint) takes no rows."""

    name: str
    statement: str
    rows: tuple[dict, ...] = ()

    @property
    def is_schema(self) -> bool:
        return self.statement in CONSTRAINTS


def _value(value):
    """Strings on one line (admin import then needs no ``--multiline-fields``),
    and empty means absent: ``None`` for an empty string or list."""
    if isinstance(value, str):
        value = one_line(value)
    elif isinstance(value, (list, tuple)):
        value = [one_line(v) for v in value]
    if value == "" or value == []:
        return None
    return value


def one_line(text: str) -> str:
    """Whitespace runs (newlines too) as one space."""
    return " ".join(text.split())


def _props(pairs: Iterable[tuple[str, object]]) -> dict:
    return {k: _value(v) for k, v in pairs}


def document_row(d: Document) -> dict:
    return {"id": d.id, "properties": _props(zip(
        [n for n, _ in DOCUMENT_PROPERTIES], (d.title, d.url or d.source, d.date, d.content_hash, d.publisher,
                                              list(d.credits), d.publisher_entity)))}


def entity_row(e: Entity) -> dict:
    return {"id": e.id, "lat": e.lat if e.lon is not None else None, "lon": e.lon if e.lat is not None else None,
            "properties": _props(zip([n for n, _ in ENTITY_PROPERTIES], (
                e.label, e.type.value, list(e.aliases), e.wikidata, len(e.mentions), e.state, e.country,
                e.subdivision, e.subdivision_code)))}


def claim_row(c: Claim, corr) -> dict:
    """``corr`` is the claim's :class:`~claimgraph.graph.Corroboration` (or None)."""
    src = c.attributed_to
    w = c.when
    values = (c.id, c.relation.value, c.status.value,
              src.value if src else None, ("entity" if src.entity else "phrase") if src else None,
              c.cue, c.evidence.sentence, c.evidence.document, c.evidence.char_start,
              c.evidence.char_end, c.confidence, c.evidence.rule,
              corr.documents if corr else 1, corr.sources if corr else 1, bool(corr.denied) if corr else False,
              w.precision if w else None, w.text if w else None, w.qualifier if w else None, c.place)
    return {"subject": c.subject, "object": c.object, "claim_id": c.id,
            "date": first_day(w.value) if w else None,
            # a range's last day; a date of a month or year alone has no end (date_precision says how wide it is)
            "date_end": last_day(w.end) if w else None,
            "properties": _props(zip([n for n, _ in CLAIM_PROPERTIES], values))}


def claim_links(c: Claim) -> dict[str, str]:
    """A claim's entity links by role (an unnamed source is a property, not a node)."""
    out = {"subject": c.subject, "object": c.object}
    if c.attributed_to is not None and c.attributed_to.entity is not None:
        out["source"] = c.attributed_to.entity
    if c.place is not None:
        out["place"] = c.place
    return out


def mention_rows(e: Entity) -> list[dict]:
    return [{"entity": e.id, "document": doc,
             "properties": {"count": sum(1 for m in e.mentions if m.document == doc)}}
            for doc in e.documents]


def load_plan(documents: Iterable[Document], entities: Iterable[Entity], claims: Iterable[Claim],
              corroboration: dict) -> list[Step]:
    """The whole load, in order: constraints, documents, entities by class,
    claims by relation, mentions. Steps without rows are left out."""
    documents, entities, claims = list(documents), list(entities), list(claims)
    steps = [Step(f"constraint_{i}", c) for i, c in enumerate(CONSTRAINTS)]
    steps.append(Step("documents", DOCUMENT_STATEMENT, tuple(document_row(d) for d in documents)))
    for etype in EntityType:
        steps.append(Step(f"entities_{etype.value}", entity_statement(etype),
                          tuple(entity_row(e) for e in entities if e.type is etype)))
    for relation in Relation:
        steps.append(Step(f"claims_{relation.value}", claim_statement(relation),
                          tuple(claim_row(c, corroboration.get(c.triple)) for c in claims
                                if c.relation is relation)))
    steps.append(Step("mentioned_in", MENTION_STATEMENT, tuple(r for e in entities for r in mention_rows(e))))
    steps.append(Step("claim_nodes", CLAIM_NODE_STATEMENT,
                      tuple(claim_row(c, corroboration.get(c.triple)) for c in claims)))
    for role in CLAIM_LINKS:
        steps.append(Step(f"claim_{role}", claim_link_statement(role),
                          tuple({"claim": c.id, "entity": e} for c in claims
                                for r, e in claim_links(c).items() if r == role)))
    steps.append(Step("claim_document", CLAIM_DOCUMENT_STATEMENT,
                      tuple({"claim": c.id, "document": c.evidence.document} for c in claims)))
    return [s for s in steps if s.is_schema or s.rows]


def plan_of(kg) -> list[Step]:
    """The load plan of a :class:`~claimgraph.graph.KnowledgeGraph`."""
    return load_plan(kg.documents, kg.entities, kg.claims, kg.corroboration)


def statement_for(name: str) -> str | None:
    """The loading statement that takes ``params/<name>.json``, or None if
    ``name`` is not one claimgraph writes."""
    if name == "documents":
        return DOCUMENT_STATEMENT
    if name == "mentioned_in":
        return MENTION_STATEMENT
    if name == "claim_nodes":
        return CLAIM_NODE_STATEMENT
    if name == "claim_document":
        return CLAIM_DOCUMENT_STATEMENT
    if name.startswith("claim_") and name[6:] in CLAIM_LINKS:
        return claim_link_statement(name[6:])
    kind, _, rest = name.partition("_")
    if kind == "entities" and rest in {t.value for t in EntityType}:
        return entity_statement(EntityType(rest))
    if kind == "claims" and rest in {r.value for r in Relation}:
        return claim_statement(Relation(rest))
    return None


def all_statements() -> list[str]:
    """Every statement claimgraph can write or send, and the documented query."""
    return [*CONSTRAINTS, DOCUMENT_STATEMENT, *(entity_statement(t) for t in EntityType),
            *(claim_statement(r) for r in Relation), MENTION_STATEMENT, CLAIM_NODE_STATEMENT,
            *(claim_link_statement(r) for r in CLAIM_LINKS), CLAIM_DOCUMENT_STATEMENT, WHO_ALLEGES_WHAT]


def batches(rows: tuple[dict, ...], size: int) -> Iterator[list[dict]]:
    """Rows in batches of at most ``size``, in order."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    for i in range(0, len(rows), size):
        yield list(rows[i:i + size])
