"""Neo4j: the statements pass Neo4j's own parser, run on a real openCypher
engine (embedded FalkorDB), and the admin-import CSV files follow the import
rules and give back the same graph."""
from __future__ import annotations

import csv
import json
import re
import socket
from collections import Counter

import pytest

from claimgraph.cli import main
from claimgraph.export import cypher
from claimgraph.export.cypher import CONSTRAINTS, WHO_ALLEGES_WHAT, all_statements, plan_of, quote
from claimgraph.export.neo4j import ARRAY_DELIMITER
from claimgraph.graph import KnowledgeGraph
from claimgraph.model import Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status
from claimgraph.push import Neo4jError, _statements, push, read_load_folder, run_plan
from tests.conftest import ROOT
from tests.support.bolt_peer import RefusingBoltPeer
from tests.support.engines import FalkorDB, float32, lint

REL_TYPE = {
    "supports": "SUPPORTS", "attacks": "ATTACKS", "carriedOut": "CARRIED_OUT", "alliedWith": "ALLIED_WITH",
    "opposes": "OPPOSES", "accuses": "ACCUSES", "memberOf": "MEMBER_OF", "leads": "LEADS",
    "spokespersonOf": "SPOKESPERSON_OF", "operatesIn": "OPERATES_IN", "controls": "CONTROLS",
    "mediates": "MEDIATES", "locatedIn": "LOCATED_IN", "threatens": "THREATENS", "kills": "KILLS",
    "releases": "RELEASES",
}
NASTY = 'The `Brigade`}) DETACH DELETE n // "quote\' breaker";\n$rows ${x} \\u0041 \u202eRTL\u202c'


@pytest.fixture(scope="module")
def hostile():
    """A graph whose every text tries to break out of Cypher or CSV."""
    doc = "bad`id;\"x\""
    mention = Mention(doc, 0, 3, "The", EntityType.ARMED_GROUP, "brigade")
    entities = (
        Entity("brigade", NASTY, EntityType.ARMED_GROUP, aliases=("Q;uote 'x'", "$rows", "a\nb"), mentions=(mention,)),
        Entity("post", "Post `x`", EntityType.PLACE, mentions=(Mention(doc, 5, 9, "Post", EntityType.PLACE, "post"),)),
        Entity("pakistan", "Pakistan", EntityType.STATE, wikidata="Q843",
               mentions=(Mention(doc, 10, 18, "Pakistan", EntityType.STATE, "pakistan"),)),
    )
    evidence = Evidence(doc, NASTY + "\r\n attacked", 0, 40, "verb:attack")
    claims = (
        Claim("brigade", Relation.ATTACKS, "post", Status.ALLEGED, evidence, cue="said ` '",
              attributed_to=Source(phrase='"officials"}) MATCH (n) DETACH DELETE n //'), confidence=0.6),
        Claim("brigade", Relation.ATTACKS, "post", Status.DENIED, evidence, cue="denied",
              attributed_to=Source(entity="pakistan"), confidence=0.8),
        Claim("pakistan", Relation.ALLIED_WITH, "brigade", Status.HYPOTHETICAL, evidence, cue=""),
    )
    document = Document(doc, NASTY, "x.txt", title='A "title"\nover two lines')
    return KnowledgeGraph((document,), entities, claims)


@pytest.fixture(scope="module")
def seed_neo4j(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("neo4j")
    seed_graph.write_neo4j(out)
    return out / "neo4j"


@pytest.fixture(scope="module")
def hostile_neo4j(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    hostile.write_neo4j(out)
    return out / "neo4j"


# -- the expected graph, from the KnowledgeGraph's records ------------------------

def _clean(props: dict) -> dict:
    """Empty values are no property; text is on one line."""
    out = {}
    for k, v in props.items():
        if isinstance(v, str):
            v = " ".join(v.split())
        elif isinstance(v, list):
            v = [" ".join(x.split()) for x in v]
        if v not in (None, "", []):
            out[k] = v
    return out


def _point(lat, lon) -> tuple:
    """A point as the tests compare it: FalkorDB keeps coordinates as 32-bit floats."""
    return ("point", float32(lat), float32(lon))


def _day(value, *, first: bool):
    """A claim's ISO value as the Neo4j date the export writes (first or last day)."""
    import calendar
    if value is None:
        return None
    if len(value) == 4:
        return f"{value}-01-01" if first else f"{value}-12-31"
    if len(value) == 7:
        last = calendar.monthrange(int(value[:4]), int(value[5:]))[1]
        return f"{value}-01" if first else f"{value}-{last:02d}"
    return value


def expected_graph(kg) -> dict:
    nodes, rels = {}, {}
    for d in kg.documents:
        nodes[("Document", d.id)] = (("Document",), _clean(
            {"id": d.id, "title": d.title, "source": d.url or d.source, "date": d.date,
             "content_hash": d.content_hash, "publisher": d.publisher, "credits": list(d.credits),
             "publisher_entity": d.publisher_entity}))
    for e in kg.entities:
        nodes[("Entity", e.id)] = (tuple(sorted(("Entity", e.type.value))), _clean(
            {"id": e.id, "name": e.label, "type": e.type.value, "aliases": list(e.aliases),
             "wikidata": e.wikidata, "mentions": len(e.mentions), "state": e.state, "country": e.country,
             "subdivision": e.subdivision, "subdivision_code": e.subdivision_code,
             "location": _point(e.lat, e.lon) if e.lat is not None else None}))
        for doc in sorted({m.document for m in e.mentions}):
            rels[(e.id, "MENTIONED_IN", doc, None)] = {"count": sum(m.document == doc for m in e.mentions)}
    for c in kg.claims:
        corr = kg.corroboration_of(c)
        src = c.attributed_to
        rels[(c.subject, REL_TYPE[c.relation.value], c.object, c.id)] = _clean({
            "claim_id": c.id, "relation": c.relation.value, "status": c.status.value,
            "attributed_to": src.value if src else None,
            "attributed_kind": None if src is None else "entity" if src.entity else "phrase",
            "cue": c.cue, "evidence": c.evidence.sentence, "document": c.evidence.document,
            "char_start": c.evidence.char_start, "char_end": c.evidence.char_end, "confidence": c.confidence,
            "rule": c.evidence.rule, "corroborating_documents": corr.documents,
            "corroborating_sources": corr.sources, "denied_elsewhere": corr.denied,
            "date": _day(c.when.value, first=True) if c.when else None,
            "date_end": _day(c.when.end, first=False) if c.when else None,
            "date_precision": c.when.precision if c.when else None, "date_text": c.when.text if c.when else None,
            "date_qualifier": c.when.qualifier if c.when else None, "place": c.place})
        # the claim as a node of its own, with the same properties, and its links
        nodes[("Claim", c.id)] = (("Claim",), {"id": c.id, **rels[(c.subject, REL_TYPE[c.relation.value], c.object, c.id)]})
        rels[(c.id, "SUBJECT", c.subject, None)] = {}
        rels[(c.id, "OBJECT", c.object, None)] = {}
        if src is not None and src.entity:
            rels[(c.id, "ATTRIBUTED_TO", src.entity, None)] = {}
        if c.place:
            rels[(c.id, "PLACE", c.place, None)] = {}
        rels[(c.id, "STATED_IN", c.evidence.document, None)] = {}
    return {"nodes": nodes, "relationships": rels}


# -- reading the admin-import files back -------------------------------------------

ADMIN_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}


def _convert(cell: str, kind: str):
    if kind.endswith("[]"):
        return [_convert(x, kind[:-2]) for x in cell.split(ARRAY_DELIMITER)]
    if kind == "point{crs:WGS-84}":
        m = re.fullmatch(r"\{latitude:(-?[0-9.]+),longitude:(-?[0-9.]+)\}", cell)
        assert m, f"not an admin-import point: {cell!r}"
        return _point(m[1], m[2])
    if kind == "date":
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell), f"not an ISO date: {cell!r}"
        return cell
    return {"int": int, "float": float, "boolean": lambda x: x == "true", "string": str}[kind](cell)


def _read(path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def read_admin_import(folder) -> dict:
    """The graph that the CSV files describe, read with the csv module."""
    nodes, rels = {}, {}
    for name in ("entities.csv", "documents.csv", "claim_nodes.csv"):
        header, rows = _read(folder / name)
        for row in rows:
            key, labels, props = None, (), {}
            for column, cell in zip(header, row, strict=True):
                prop, _, kind = column.partition(":")
                if kind.startswith("ID("):
                    key, props[prop] = (kind[3:-1], cell), cell
                elif kind == "LABEL":
                    labels = tuple(sorted(cell.split(ARRAY_DELIMITER)))
                elif cell != "":
                    props[prop] = _convert(cell, kind or "string")
            assert key not in nodes, f"duplicate node id {key}"
            nodes[key] = (labels, props)
    for name in ("claims.csv", "mentioned_in.csv", "claim_links.csv", "claim_documents.csv"):
        header, rows = _read(folder / name)
        for row in rows:
            ends, props = {}, {}
            for column, cell in zip(header, row, strict=True):
                prop, _, kind = column.partition(":")
                if column.startswith((":START_ID", ":END_ID", ":TYPE")):
                    ends[column.split("(")[0]] = cell
                elif cell != "":
                    props[prop] = _convert(cell, kind or "string")
            key = (ends[":START_ID"], ends[":TYPE"], ends[":END_ID"], props.get("claim_id"))
            assert key not in rels, f"duplicate relationship {key}"
            rels[key] = props
    return {"nodes": nodes, "relationships": rels}


# -- Neo4j's parser ------------------------------------------------------------------

def _script_statements(path) -> list[str]:
    return [s for _name, s in _statements(path.read_text(encoding="utf-8"))]


def _readme_cypher() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Neo4j", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```cypher\n(.*?)```", section, flags=re.S)
    return [s.strip() for block in blocks for s in block.split(";") if s.strip()]


def test_every_statement_passes_neo4js_parser(seed_neo4j, hostile_neo4j):
    readme = _readme_cypher()
    assert len(readme) >= 2, "the README's Neo4j section shows its queries in ```cypher blocks"
    written = [*_script_statements(seed_neo4j / "load.cypher"), *_script_statements(hostile_neo4j / "load.cypher"),
               *_script_statements(seed_neo4j / "constraints.cypher")]
    assert set(written) <= set(all_statements())
    statements = sorted(set(all_statements()) | set(readme))
    diagnostics = lint(statements, {"rows": []})
    problems = {s: d for s, d in zip(statements, diagnostics) if d}
    assert not problems  # no error, and no warning either (deprecations included)


def test_the_parser_check_can_fail():
    bad = ["CREATE CONSTRAINT ON (e:Entity) ASSERT e.id IS UNIQUE",  # Neo4j 4 syntax
           "UNWIND $rows AS row MERGE (e:Entity {id: row.id} SET e.name = row.name",
           "MATCH (s)-[r]->(o) RETURN x"]
    diagnostics = lint(bad, {"rows": []})
    assert all(any(d["severity"] == "error" for d in ds) for ds in diagnostics)


def test_only_allowlisted_names_vary():
    templates = set()
    for etype in EntityType:
        s = cypher.entity_statement(etype)
        assert s.count(f"`{etype.value}`") == 1
        templates.add(s.replace(f"`{etype.value}`", "`?`"))
    for relation in Relation:
        s = cypher.claim_statement(relation)
        assert s.count(f"`{REL_TYPE[relation.value]}`") == 1
        templates.add(s.replace(f"`{REL_TYPE[relation.value]}`", "`?`"))
    assert len(templates) == 2
    for statement in all_statements():
        if not statement.startswith("CREATE CONSTRAINT"):
            assert "'" not in statement.replace("'entity'", "") and '"' not in statement
    for name in ("Armed Group", "X`) DETACH DELETE n //", "", "1abc", "a-b"):
        with pytest.raises(ValueError):
            quote(name)
    assert cypher.REL_TYPES == {r: REL_TYPE[r.value] for r in Relation}


def test_no_article_text_reaches_a_statement(hostile, hostile_neo4j):
    script = (hostile_neo4j / "load.cypher").read_text(encoding="utf-8")
    assert "Brigade" not in script and "DETACH" not in script and "quote" not in script
    assert "officials" not in script and "title" not in script
    assert set(_script_statements(hostile_neo4j / "load.cypher")) <= set(all_statements())
    params = "".join(p.read_text(encoding="utf-8") for p in (hostile_neo4j / "params").iterdir())
    assert "DETACH DELETE n" in params  # the text did reach the export: as data


# -- admin-import files ---------------------------------------------------------------

def test_csv_headers_follow_the_admin_import_rules(seed_neo4j, seed_graph):
    ent_header, ent_rows = _read(seed_neo4j / "entities.csv")
    doc_header, doc_rows = _read(seed_neo4j / "documents.csv")
    claim_header, claim_rows = _read(seed_neo4j / "claims.csv")
    men_header, men_rows = _read(seed_neo4j / "mentioned_in.csv")
    assert ent_header[0] == "id:ID(Entity)" and doc_header[0] == "id:ID(Document)"
    assert ent_header[-1] == doc_header[-1] == ":LABEL"
    assert claim_header[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert men_header[:3] == [":START_ID(Entity)", ":END_ID(Document)", ":TYPE"]
    assert "aliases:string[]" in ent_header
    for header in (ent_header, doc_header, claim_header, men_header):
        assert len(set(header)) == len(header)
        for column in header:
            name, _, kind = column.partition(":")
            if kind.startswith(("ID(", "START_ID(", "END_ID(")) or kind in ("LABEL", "TYPE"):
                continue
            assert re.fullmatch(r"[a-z][a-z_]*", name), column
            # a point's type names its coordinate reference system: point{crs:WGS-84}
            assert kind == "" or kind.removesuffix("[]") in ADMIN_TYPES or \
                re.fullmatch(r"point\{crs:(WGS-84|WGS-84-3D|cartesian|cartesian-3D)\}", kind), column
    # labels: Entity plus its class, split by the array delimiter
    by_id = {e.id: e for e in seed_graph.entities}
    for row in ent_rows:
        assert row[-1].split(ARRAY_DELIMITER) == ["Entity", by_id[row[0]].type.value]
    assert all(row[-1] == "Document" for row in doc_rows)
    # ids unique per ID space; every relationship end exists in its space
    entity_ids, doc_ids = [r[0] for r in ent_rows], [r[0] for r in doc_rows]
    assert len(set(entity_ids)) == len(entity_ids) and len(set(doc_ids)) == len(doc_ids)
    assert all(r[0] in entity_ids and r[1] in entity_ids for r in claim_rows)
    assert all(r[0] in entity_ids and r[1] in doc_ids and r[2] == "MENTIONED_IN" for r in men_rows)
    assert {r[2] for r in claim_rows} <= set(REL_TYPE.values())
    for header, rows in ((claim_header, claim_rows), (ent_header, ent_rows)):
        for row in rows:
            assert len(row) == len(header)
            for column, cell in zip(header, row):
                assert "\n" not in cell and "\r" not in cell
                kind = column.partition(":")[2]
                if kind == "boolean":
                    assert cell in ("true", "false")
                elif kind == "int" and cell:
                    int(cell)
                elif kind == "float" and cell:
                    float(cell)
                elif kind == "date" and cell:
                    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell), cell
                elif kind.startswith("point") and cell:
                    m = re.fullmatch(r"\{latitude:(-?[0-9.]+),longitude:(-?[0-9.]+)\}", cell)
                    assert m and -90 <= float(m[1]) <= 90 and -180 <= float(m[2]) <= 180, cell
    # import.sh names every CSV file, the same array delimiter, and no multiline fields
    script = (seed_neo4j / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script
    assert f'--array-delimiter="{ARRAY_DELIMITER}"' in script
    assert "--multiline-fields" not in script.split("set -eu", 1)[1]
    assert sorted(re.findall(r"--(?:nodes|relationships)=(\S+)", script)) == sorted(
        p.name for p in seed_neo4j.glob("*.csv"))


def test_csv_files_read_back_give_the_graph(seed_neo4j, seed_graph, hostile_neo4j, hostile):
    assert read_admin_import(seed_neo4j) == expected_graph(seed_graph)
    # admin-import arrays have no escape: an alias's ';' is written as ','
    expected = expected_graph(hostile)
    labels, props = expected["nodes"][("Entity", "brigade")]
    props["aliases"] = [a.replace(";", ",") for a in props["aliases"]]
    assert read_admin_import(hostile_neo4j) == expected
    graph = read_admin_import(seed_neo4j)
    assert len(graph["nodes"]) == len(seed_graph.entities) + len(seed_graph.documents) + len(seed_graph.claims)
    assert sum(k[3] is not None for k in graph["relationships"]) == len(seed_graph.claims)
    # every claim node reaches its document, subject and object, and an entity source
    assert sum(k[1] == "STATED_IN" for k in graph["relationships"]) == len(seed_graph.claims)
    assert sum(k[1] == "ATTRIBUTED_TO" for k in graph["relationships"]) == \
        sum(1 for c in seed_graph.claims if c.attributed_to and c.attributed_to.entity)


def test_an_alias_with_the_array_delimiter_keeps_its_place():
    from claimgraph.export.neo4j import csv_value

    assert csv_value(["A;B", "C"]) == "A,B;C"
    assert csv_value(None) == "" and csv_value(False) == "false" and csv_value(3) == "3"


# -- a real openCypher engine --------------------------------------------------------

def test_the_load_runs_on_falkordb_and_gives_the_graph(seed_neo4j, seed_graph):
    plan = read_load_folder(seed_neo4j.parent)
    assert [s.statement for s in plan] == [s.statement for s in plan_of(seed_graph)]
    expected = expected_graph(seed_graph)
    with FalkorDB() as db:
        first = run_plan(plan, db.send, batch_size=7)
        assert db.skipped == list(CONSTRAINTS)  # FalkorDB has no Neo4j 5 constraint syntax
        graph = db.dump()
        assert first.nodes_created == len(seed_graph.entities) + len(seed_graph.documents) + len(seed_graph.claims)
        assert first.relationships_created == len(expected["relationships"])
        assert first.labels_added == 2 * len(seed_graph.entities) + len(seed_graph.documents) + len(seed_graph.claims)
        assert graph == expected
        assert graph == read_admin_import(seed_neo4j)  # the bulk and the incremental way agree
        # a few properties, looked up by Cypher
        rows = db.query("MATCH (s:Entity {id: $s})-[r:SUPPORTS]->(o:Entity {id: $o}) "
                        "RETURN r.status, r.attributed_to, r.attributed_kind, r.cue, labels(s)",
                        {"s": "afghan-taliban", "o": "tehreek-e-taliban-pakistan"})
        assert ["alleged", "pakistan", "entity"] in [r[:3] for r in rows]
        assert sorted(rows[0][4]) == ["Entity", "Government"]
        # pushing again changes nothing
        again = run_plan(plan, db.send, batch_size=1000)
        assert (again.nodes_created, again.relationships_created, again.labels_added) == (0, 0, 0)
        assert again.batches < first.batches and again.rows == first.rows
        assert db.dump() == graph


def test_hostile_text_round_trips_through_falkordb(hostile, hostile_neo4j):
    with FalkorDB() as db:
        run_plan(read_load_folder(hostile_neo4j), db.send)
        assert db.dump() == expected_graph(hostile)


def test_who_alleges_what_in_one_query(seed_graph):
    label = {e.id: e.label for e in seed_graph.entities}
    expected = sorted(
        [label[c.attributed_to.entity], label[c.subject], REL_TYPE[c.relation.value], label[c.object],
         c.status.value, c.evidence.document, " ".join(c.evidence.sentence.split())]
        for c in seed_graph.claims if c.attributed_to and c.attributed_to.entity)
    assert expected, "the seeds have claims whose source is an entity"
    by_pakistan = sum(1 for c in seed_graph.claims if c.attributed_to and c.attributed_to.entity == "pakistan")
    assert by_pakistan
    with FalkorDB() as db:
        run_plan(plan_of(seed_graph), db.send)
        rows = db.query(WHO_ALLEGES_WHAT)
        # the README's other queries run too, and find something
        readme = [q for q in _readme_cypher() if q.startswith("MATCH")]
        assert len(readme) == 7
        answers = [db.query(q) for q in readme[:3]]
    assert sorted(rows) == expected
    assert len(answers[1]) == by_pakistan
    assert len(answers[2]) == sum(c.relation is Relation.SUPPORTS for c in seed_graph.claims)
    assert " ".join(WHO_ALLEGES_WHAT.split()) in [" ".join(q.split()) for q in _readme_cypher()]


def test_the_readme_date_and_place_query_on_a_dated_graph():
    from tests.synthetic import dated_graph

    kg = dated_graph()
    by_id = {e.id: e for e in kg.entities}
    expected = sorted(
        [by_id[c.subject].label, by_id[c.object].label, c.status.value, _day(c.when.value, first=True),
         c.when.precision, by_id[c.place].label if c.place else None]
        for c in kg.claims if c.relation is Relation.ATTACKS and c.when and c.when.value
        and "2024-01-01" <= _day(c.when.value, first=True) <= "2024-12-31")
    assert len(expected) >= 5
    query = [q for q in _readme_cypher() if "r.date >= date(" in q]
    assert len(query) == 1
    with FalkorDB() as db:
        run_plan(plan_of(kg), db.send)
        rows = db.query(query[0])
    assert sorted(r[:6] for r in rows) == expected
    for r in rows:  # the place's point is the entity's coordinates
        if r[5] is not None:
            place = next(e for e in kg.entities if e.label == r[5])
            assert (float32(r[6]), float32(r[7])) == (float32(place.lat), float32(place.lon))


def test_the_readme_source_lens_queries_on_falkordb(builder):
    from tests.synthetic import outlet_documents

    kg = builder.build(outlet_documents(builder.config.ingest))
    lens = [q for q in _readme_cypher() if "(:Claim" in q or "(c:Claim" in q or "(a:Claim" in q]
    lens = [q for q in lens if "r.date >=" not in q]
    assert len(lens) == 3
    labels = {e.id: e.label for e in kg.entities}
    with FalkorDB() as db:
        run_plan(plan_of(kg), db.send)
        alleged, network, outlets = (db.query(q) for q in lens)
    expected = sorted([labels[c.subject], c.relation.value, labels[c.object], c.evidence.sentence,
                       sorted({d.attributed_to.value for d in kg.claims if d.status.value == "denied"
                               and (d.subject, d.relation, d.object) == (c.subject, c.relation, c.object)
                               and d.attributed_to})]
                      for c in kg.claims if c.status.value == "alleged" and c.attributed_to
                      and c.attributed_to.entity == "pakistan")
    assert [[*r[:4], sorted(r[4])] for r in alleged] == expected
    assert ["Afghan Taliban", "supports", "Tehreek-e-Taliban Pakistan"] == alleged[0][:3] and alleged[0][4] == [
        "afghan-taliban"]
    accusations = sorted([labels[c.subject], labels[c.object], c.evidence.document] for c in kg.claims
                         if c.relation.value == "accuses")
    assert [r[:3] for r in network] == accusations and "supports" in network[0][3]
    docs = {d.id: d for d in kg.documents}
    own = Counter((docs[c.evidence.document].publisher or c.evidence.document, c.status.value) for c in kg.claims
                  if c.attributed_to is None and c.relation.value != "accuses")
    assert sorted(tuple(r) for r in outlets) == sorted((o, s, n) for (o, s), n in own.items())


def test_batches_split_every_step(seed_graph):
    sent = []
    report = run_plan(plan_of(seed_graph), lambda s, p: sent.append((s, p)) or {}, batch_size=10)
    loads = [(s, p) for s, p in sent if p is not None]
    assert all(1 <= len(p["rows"]) <= 10 for _s, p in loads)
    assert sum(len(p["rows"]) for _s, p in loads) == sum(report.rows.values())
    assert report.rows["mentioned_in"] == sum(len(e.documents) for e in seed_graph.entities)
    assert report.batches == sum(-(-n // 10) for n in report.rows.values())
    assert [s for s, p in sent if p is None] == list(CONSTRAINTS)
    with pytest.raises(ValueError):
        run_plan(plan_of(seed_graph), lambda s, p: {}, batch_size=0)


# -- push: the folder it reads and the errors it gives ------------------------------------

def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_push_to_a_closed_port_fails_clearly(seed_neo4j, monkeypatch, capsys):
    monkeypatch.setenv("CG_TEST_PASSWORD", "not-used")
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    code = main(["push", str(seed_neo4j.parent), "--uri", uri, "--password-env", "CG_TEST_PASSWORD", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert "[CG501] cannot reach Neo4j at " + uri in err and "Connection refused" in err
    assert "Traceback" not in err


def test_push_needs_the_password_variable_and_a_bolt_address(seed_neo4j, monkeypatch, capsys):
    monkeypatch.delenv("CG_TEST_UNSET", raising=False)
    assert main(["push", str(seed_neo4j.parent), "--uri", "bolt://127.0.0.1:1", "--password-env",
                 "CG_TEST_UNSET"]) == 2
    assert "[CG501] the environment variable CG_TEST_UNSET is not set" in capsys.readouterr().err
    with pytest.raises(Neo4jError, match="not a Bolt address"):
        push([], "http://127.0.0.1:7474", "neo4j", "x")
    with pytest.raises(Neo4jError, match="batch-size"):
        push([], "bolt://127.0.0.1:1", "neo4j", "x", batch_size=0)


def test_push_runs_only_statements_claimgraph_writes(seed_neo4j, tmp_path):
    folder = tmp_path / "neo4j"
    folder.mkdir()
    for p in seed_neo4j.iterdir():
        if p.is_file():
            (folder / p.name).write_bytes(p.read_bytes())
    (folder / "params").mkdir()
    for p in (seed_neo4j / "params").iterdir():
        (folder / "params" / p.name).write_bytes(p.read_bytes())
    assert read_load_folder(folder)  # an untouched copy reads
    script = (folder / "load.cypher").read_text(encoding="utf-8")
    (folder / "load.cypher").write_text(script.replace("SET d += row.properties", "DETACH DELETE d"),
                                        encoding="utf-8")
    with pytest.raises(Neo4jError, match="CG501.*not a statement claimgraph writes for params/documents.json"):
        read_load_folder(folder)
    (folder / "load.cypher").write_text(script, encoding="utf-8")
    (folder / "params" / "documents.json").write_text(json.dumps({"rows": "x"}), encoding="utf-8")
    with pytest.raises(Neo4jError, match=r'must hold \{"rows"'):
        read_load_folder(folder)
    (folder / "params" / "documents.json").unlink()
    with pytest.raises(Neo4jError, match="missing"):
        read_load_folder(folder)
    with pytest.raises(Neo4jError, match="no load.cypher"):
        read_load_folder(tmp_path / "nowhere")


def test_push_reports_refused_credentials(seed_neo4j, monkeypatch, capsys):
    monkeypatch.setenv("CG_TEST_PASSWORD", "wrong")
    with RefusingBoltPeer() as peer:
        code = main(["push", str(seed_neo4j.parent), "--uri", peer.uri, "--user", "analyst",
                     "--password-env", "CG_TEST_PASSWORD", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"[CG501] Neo4j at {peer.uri} refused the credentials of user 'analyst'" in err
    assert "unauthorized" in err and "Traceback" not in err
    handshake, hello = peer.seen[0]
    assert handshake[:4] == b"\x60\x60\xb0\x17" and hello == b"\xb1\x01"  # Bolt magic; a HELLO message
