"""``neo4j/``: three ways to bring the graph into Neo4j 5.

1. Bulk: ``entities.csv``, ``documents.csv``, ``claim_nodes.csv`` (nodes),
   ``claims.csv``, ``mentioned_in.csv``, ``claim_links.csv``,
   ``claim_documents.csv`` (relationships) with ``neo4j-admin database import
   full`` headers (ID spaces ``Entity``, ``Document`` and ``Claim``, typed properties,
   ``;`` as array delimiter), written with the csv module; ``import.sh``
   holds the exact command.
2. Incremental: ``load.cypher``: constraints, then one ``UNWIND $rows AS
   row MERGE ...`` statement per record kind; each statement's rows are in
   the JSON file named in the comment above it (``params/<name>.json``,
   ``{"rows": [...]}``). ``claimgraph push`` runs it in batches.
3. Direct: ``claimgraph push`` (:mod:`claimgraph.push`).

The statements and the property lists come from :mod:`.cypher`, the one
place where claimgraph's Cypher lives; no article text is ever spliced into
a statement.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .base import RecordExporter
from .cypher import (CLAIM, CLAIM_PROPERTIES, CLAIM_TYPED, CONSTRAINTS, ENTITY_TYPED, STATED_IN, CLAIM_LINKS,
                     claim_links, DOCUMENT, DOCUMENT_PROPERTIES, ENTITY, ENTITY_PROPERTIES, LABELS,
                     MENTION_PROPERTIES, MENTIONED_IN, REL_TYPES, Step, claim_row, document_row, entity_row,
                     load_plan)
from .cypher import mention_rows as mention_rows_of

ARRAY_DELIMITER = ";"
FOLDER = "neo4j"
PARAMS = "params"


def _column(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


ENTITY_HEADER = [f"id:ID({ENTITY})", *(_column(n, k) for n, k in (*ENTITY_PROPERTIES, *ENTITY_TYPED)), ":LABEL"]
DOCUMENT_HEADER = [f"id:ID({DOCUMENT})", *(_column(n, k) for n, k in DOCUMENT_PROPERTIES), ":LABEL"]
CLAIM_HEADER = [f":START_ID({ENTITY})", f":END_ID({ENTITY})", ":TYPE",
                *(_column(n, k) for n, k in (*CLAIM_PROPERTIES, *CLAIM_TYPED))]
CLAIM_NODE_HEADER = [f"id:ID({CLAIM})", *(_column(n, k) for n, k in (*CLAIM_PROPERTIES, *CLAIM_TYPED)), ":LABEL"]
CLAIM_LINK_HEADER = [f":START_ID({CLAIM})", f":END_ID({ENTITY})", ":TYPE"]
CLAIM_DOCUMENT_HEADER = [f":START_ID({CLAIM})", f":END_ID({DOCUMENT})", ":TYPE"]
MENTION_HEADER = [f":START_ID({ENTITY})", f":END_ID({DOCUMENT})", ":TYPE",
                  *(_column(n, k) for n, k in MENTION_PROPERTIES)]


def csv_value(value) -> str:
    """A property value as admin import reads it; ``None`` is an empty field
    (no property). Arrays have no escape in admin import, so an element that
    contains the array delimiter has it replaced by a comma."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, ",") for v in value)
    return str(value)


def _cell(value):
    """A CSV cell on one line. The csv module quotes a field holding "\\n" but
    not one holding a lone "\\r" (with lineterminator "\\n"), which every CSV
    reader then takes for the end of the row; and a quoted line break needs
    --multiline-fields in neo4j-admin. So line breaks become spaces."""
    if isinstance(value, str) and ("\r" in value or "\n" in value):
        return value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return value


def _csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def _props(row: dict, spec) -> list[str]:
    return [csv_value(row["properties"][name]) for name, _ in spec]


def point_value(lat: float | None, lon: float | None) -> str:
    """A WGS-84 point as admin import reads it (``{latitude:..., longitude:...}``); "" for none."""
    if lat is None or lon is None:
        return ""
    return f"{{latitude:{lat!r},longitude:{lon!r}}}"


def load_script(plan: list[Step]) -> str:
    """``load.cypher``: every step's statement, with the parameter file that
    holds its ``$rows`` named in the comment above it."""
    lines = [
        "// claimgraph: incremental, idempotent load into Neo4j 5 (MERGE on stable ids).",
        "// Every UNWIND statement takes $rows from the JSON file named in the comment above it",
        "// (params/<name>.json holds {\"rows\": [...]}). cypher-shell cannot bind a parameter from",
        "// a JSON file, so run this script with claimgraph's driver-based loader:",
        "//     claimgraph push <this folder> --uri neo4j://HOST:7687 --user neo4j",
        "// (password from $NEO4J_PASSWORD). See the README, section Neo4j.",
        "",
    ]
    for step in plan:
        if step.is_schema:
            lines.append(f"{step.statement};")
        else:
            lines += ["", f"// {PARAMS}/{step.name}.json", f"{step.statement};"]
    return "\n".join(lines) + "\n"


def params_json(step: Step) -> str:
    return json.dumps({"rows": list(step.rows)}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


class Neo4jExporter(RecordExporter):
    name = "neo4j"
    description = "neo4j/ (admin-import CSV + import.sh; load.cypher with JSON parameters for claimgraph push)"

    def _write(self, rel: str, text: str) -> Path:
        path = self.out / FOLDER / rel
        with self.tx.open(path) as fh:
            fh.write(text)
        return path

    def finalize(self) -> list[Path]:
        corr = self.context.corroboration
        entity_rows = [[r["id"], *_props(r, ENTITY_PROPERTIES), point_value(r["lat"], r["lon"]),
                        ARRAY_DELIMITER.join((ENTITY, LABELS[e.type]))]
                       for e in self.entities for r in [entity_row(e)]]
        doc_rows = [[r["id"], *_props(r, DOCUMENT_PROPERTIES), DOCUMENT]
                    for r in map(document_row, self.documents)]
        claim_rows = [[r["subject"], r["object"], REL_TYPES[c.relation], *_props(r, CLAIM_PROPERTIES),
                       csv_value(r["date"]), csv_value(r["date_end"])]
                      for c in self.claims for r in [claim_row(c, corr.get(c.triple))]]
        mention_rows = sorted([r["entity"], r["document"], MENTIONED_IN, *_props(r, MENTION_PROPERTIES)]
                              for e in self.entities for r in mention_rows_of(e))
        claim_nodes = [[r["claim_id"], *_props(r, CLAIM_PROPERTIES), csv_value(r["date"]), csv_value(r["date_end"]), CLAIM]
                       for c in self.claims for r in [claim_row(c, corr.get(c.triple))]]
        link_rows = [[c.id, e, CLAIM_LINKS[role]] for c in self.claims for role, e in claim_links(c).items()]
        doc_links = [[c.id, c.evidence.document, STATED_IN] for c in self.claims]
        plan = load_plan(self.documents, self.entities, self.claims, corr)
        paths = [
            self._write("entities.csv", _csv(ENTITY_HEADER, entity_rows)),
            self._write("documents.csv", _csv(DOCUMENT_HEADER, doc_rows)),
            self._write("claims.csv", _csv(CLAIM_HEADER, claim_rows)),
            self._write("mentioned_in.csv", _csv(MENTION_HEADER, mention_rows)),
            self._write("claim_nodes.csv", _csv(CLAIM_NODE_HEADER, claim_nodes)),
            self._write("claim_links.csv", _csv(CLAIM_LINK_HEADER, link_rows)),
            self._write("claim_documents.csv", _csv(CLAIM_DOCUMENT_HEADER, doc_links)),
            self._write("import.sh", IMPORT_SH),
            self._write("constraints.cypher", "".join(f"{c};\n" for c in CONSTRAINTS)),
            self._write("load.cypher", load_script(plan)),
        ]
        for step in plan:
            if not step.is_schema:
                paths.append(self._write(f"{PARAMS}/{step.name}.json", params_json(step)))
        return paths


IMPORT_SH = f"""#!/bin/sh
# Bulk import into a new, empty Neo4j 5 database with neo4j-admin; the
# database must not be running (see "Full import" in the Neo4j manual).
# Run from this folder:  sh import.sh [DATABASE]   (default: neo4j)
# Empty fields mean "no property" (--ignore-empty-strings). Every value is
# written on one line, so no --multiline-fields is needed. Then start the
# database and create the uniqueness constraints on the ids:
#   cypher-shell -d "$DATABASE" -f constraints.cypher
set -eu
DATABASE="${{1:-neo4j}}"
neo4j-admin database import full \\
  --overwrite-destination=true \\
  --array-delimiter="{ARRAY_DELIMITER}" \\
  --ignore-empty-strings=true \\
  --nodes=entities.csv \\
  --nodes=documents.csv \\
  --relationships=claims.csv \\
  --relationships=mentioned_in.csv \\
  --nodes=claim_nodes.csv \\
  --relationships=claim_links.csv \\
  --relationships=claim_documents.csv \\
  "$DATABASE"
"""
