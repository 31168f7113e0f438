"""``neo4j/``: files for importing the graph into Neo4j 5.

- ``entities.csv``, ``documents.csv`` (nodes) and ``claims.csv``,
  ``mentioned_in.csv`` (relationships) with ``neo4j-admin database import
  full`` headers, written with the csv module; ``import.sh`` holds the
  command;
- ``load.cypher``: constraints, then ``UNWIND $rows AS row MERGE ...``
  statements whose rows come from the JSON files in ``params/``. Labels and
  relationship types are taken from the ontology's fixed list, never from
  article text, and no article text is ever spliced into Cypher.

Every claim is one relationship whose type is its relation (``SUPPORTS``)
and whose properties carry its status, source, cue and evidence.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ..model import Claim, Document, Entity, EntityType, Relation
from .base import Exporter

ARRAY_DELIMITER = ";"
# labels and relationship types: from the ontology only
LABELS = {t: t.value for t in EntityType}
REL_TYPES = {r: re.sub(r"(?<!^)(?=[A-Z])", "_", r.value).upper() for r in Relation}


def one_line(text: str) -> str:
    """Evidence on one line: admin import then needs no --multiline-fields."""
    return " ".join(text.split())


def _cell(value):
    """A CSV cell on one line. The csv module quotes a field holding "\\n" but
    not one holding a lone "\\r" (with lineterminator "\\n"), which every CSV
    reader then takes for the end of the row; and a quoted line break needs
    --multiline-fields in neo4j-admin. So line breaks become spaces."""
    if isinstance(value, str) and ("\r" in value or "\n" in value):
        return value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return value


def _csv(rows: list[list], header: list[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


ENTITY_HEADER = ["id:ID(Entity)", "name", "type", "aliases:string[]", "wikidata", "mentions:int", ":LABEL"]
DOCUMENT_HEADER = ["id:ID(Document)", "title", "source", "date", "content_hash", ":LABEL"]
CLAIM_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "claim_id", "relation", "status",
                "attributed_to", "attributed_kind", "cue", "evidence", "document", "char_start:int",
                "char_end:int", "confidence:float", "rule", "corroborating_documents:int",
                "corroborating_sources:int", "denied_elsewhere:boolean"]
MENTION_HEADER = [":START_ID(Entity)", ":END_ID(Document)", ":TYPE", "count:int"]

CONSTRAINTS = [
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
]
ENTITY_STATEMENT = (
    "UNWIND $rows AS row MERGE (e:Entity {{id: row.id}}) "
    "SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.wikidata = row.wikidata, "
    "e.mentions = row.mentions, e:{label}"
)
DOCUMENT_STATEMENT = (
    "UNWIND $rows AS row MERGE (d:Document {id: row.id}) "
    "SET d.title = row.title, d.source = row.source, d.date = row.date, d.content_hash = row.content_hash"
)
CLAIM_STATEMENT = (
    "UNWIND $rows AS row MATCH (s:Entity {{id: row.subject}}) MATCH (o:Entity {{id: row.object}}) "
    "MERGE (s)-[r:{rel_type} {{claim_id: row.claim_id}}]->(o) SET r += row.properties"
)
MENTION_STATEMENT = (
    "UNWIND $rows AS row MATCH (e:Entity {id: row.entity}) MATCH (d:Document {id: row.document}) "
    "MERGE (e)-[m:MENTIONED_IN]->(d) SET m.count = row.count"
)


def claim_properties(c: Claim, corr) -> dict:
    return {
        "relation": c.relation.value,
        "status": c.status.value,
        "attributed_to": c.attributed_to.value if c.attributed_to else None,
        "attributed_kind": ("entity" if c.attributed_to.entity else "phrase") if c.attributed_to else None,
        "cue": c.cue,
        "evidence": one_line(c.evidence.sentence),
        "document": c.evidence.document,
        "char_start": c.evidence.char_start,
        "char_end": c.evidence.char_end,
        "confidence": c.confidence,
        "rule": c.evidence.rule,
        "corroborating_documents": corr.documents if corr else 1,
        "corroborating_sources": corr.sources if corr else 1,
        "denied_elsewhere": bool(corr.denied) if corr else False,
    }


class Neo4jExporter(Exporter):
    name = "neo4j"
    description = "neo4j/ (admin-import CSV, import.sh, load.cypher with JSON parameters)"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.entities: list[Entity] = []
        self.documents: list[Document] = []
        self.claims: list[Claim] = []

    def write_document(self, document: Document) -> None:
        self.documents.append(document)

    def write_entity(self, entity: Entity) -> None:
        self.entities.append(entity)

    def write_claim(self, claim: Claim) -> None:
        self.claims.append(claim)

    def _write(self, rel: str, text: str) -> Path:
        path = self.out / "neo4j" / rel
        with self.tx.open(path) as fh:
            fh.write(text)
        return path

    def finalize(self) -> list[Path]:
        corr = self.context.corroboration
        entity_rows = [[e.id, e.label, e.type.value, ARRAY_DELIMITER.join(a.replace(ARRAY_DELIMITER, ",")
                                                                          for a in e.aliases),
                        e.wikidata or "", len(e.mentions), f"Entity{ARRAY_DELIMITER}{LABELS[e.type]}"]
                       for e in self.entities]
        doc_rows = [[d.id, d.title or "", d.url or d.source, d.date or "", d.content_hash, "Document"]
                    for d in self.documents]
        claim_rows = []
        for c in self.claims:
            p = claim_properties(c, corr.get(c.triple))
            claim_rows.append([c.subject, c.object, REL_TYPES[c.relation], c.id, p["relation"], p["status"],
                               p["attributed_to"] or "", p["attributed_kind"] or "", p["cue"], p["evidence"],
                               p["document"], p["char_start"], p["char_end"], p["confidence"], p["rule"],
                               p["corroborating_documents"], p["corroborating_sources"],
                               str(p["denied_elsewhere"]).lower()])
        mention_rows = sorted(
            [e.id, doc, "MENTIONED_IN", sum(1 for m in e.mentions if m.document == doc)]
            for e in self.entities for doc in e.documents
        )
        paths = [
            self._write("entities.csv", _csv(entity_rows, ENTITY_HEADER)),
            self._write("documents.csv", _csv(doc_rows, DOCUMENT_HEADER)),
            self._write("claims.csv", _csv(claim_rows, CLAIM_HEADER)),
            self._write("mentioned_in.csv", _csv(mention_rows, MENTION_HEADER)),
            self._write("import.sh", IMPORT_SH),
        ]
        statements, params = self._load_script()
        paths.append(self._write("load.cypher", statements))
        for name, rows in params.items():
            paths.append(self._write(f"params/{name}.json",
                                     json.dumps({"rows": rows}, ensure_ascii=False, indent=1) + "\n"))
        return paths

    def _load_script(self) -> tuple[str, dict[str, list]]:
        corr = self.context.corroboration
        lines = ["// claimgraph: incremental load for cypher-shell (Neo4j 5).",
                 "// Each statement below takes its rows from the JSON file named in the comment",
                 "// above it (params/<name>.json, as {\"rows\": [...]}); see the README.",
                 ""]
        lines += [f"{c};" for c in CONSTRAINTS]
        params: dict[str, list] = {}
        params["documents"] = [{"id": d.id, "title": d.title, "source": d.url or d.source, "date": d.date,
                                "content_hash": d.content_hash} for d in self.documents]
        lines += ["", "// params/documents.json", DOCUMENT_STATEMENT + ";"]
        for etype in EntityType:
            rows = [{"id": e.id, "name": e.label, "type": e.type.value, "aliases": list(e.aliases),
                     "wikidata": e.wikidata, "mentions": len(e.mentions)}
                    for e in self.entities if e.type is etype]
            if rows:
                name = f"entities_{etype.value}"
                params[name] = rows
                lines += ["", f"// params/{name}.json", ENTITY_STATEMENT.format(label=LABELS[etype]) + ";"]
        for relation in Relation:
            rows = [{"subject": c.subject, "object": c.object, "claim_id": c.id,
                     "properties": claim_properties(c, corr.get(c.triple))}
                    for c in self.claims if c.relation is relation]
            if rows:
                name = f"claims_{relation.value}"
                params[name] = rows
                lines += ["", f"// params/{name}.json", CLAIM_STATEMENT.format(rel_type=REL_TYPES[relation]) + ";"]
        params["mentioned_in"] = [{"entity": e.id, "document": doc,
                                   "count": sum(1 for m in e.mentions if m.document == doc)}
                                  for e in self.entities for doc in e.documents]
        lines += ["", "// params/mentioned_in.json", MENTION_STATEMENT + ";", ""]
        return "\n".join(lines), params


IMPORT_SH = """#!/bin/sh
# Bulk import into an empty Neo4j 5 database with neo4j-admin (the server
# must be stopped). Run from this folder; DATABASE defaults to "neo4j".
# Evidence sentences are written on one line, so no --multiline-fields is needed.
set -eu
DATABASE="${1:-neo4j}"
neo4j-admin database import full "$DATABASE" \\
  --overwrite-destination=true \\
  --array-delimiter=";" \\
  --nodes=Entity=entities.csv \\
  --nodes=Document=documents.csv \\
  --relationships=claims.csv \\
  --relationships=mentioned_in.csv
"""
