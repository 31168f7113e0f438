from __future__ import annotations

import csv
import json
import re

import pyoxigraph
import pytest
import rdflib

from claimgraph.errors import ExportError
from claimgraph.export import EXPORTERS

HOSTILE = ('The <script>window.__pwned=1</script> Brigade "quote\' breaker" (TBB) '
           'attacked the <img src=x onerror="window.__pwned=2"> post; the TBB '
           'denied it. \u202eRTL\u202c and a tab\there.')


@pytest.fixture(scope="module")
def hostile_graph(builder):
    return builder.build_text(HOSTILE + " Pakistani forces said the TBB attacked them in Bannu.", "bad<id>")


@pytest.fixture(scope="module")
def seed_exports(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    seed_graph.write_all(out)
    return out


def test_every_format_is_registered_once():
    assert sorted(EXPORTERS) == ["graphml", "html", "jsonl", "jsonld", "neo4j", "nt", "trig", "ttl"]
    with pytest.raises(ExportError, match="is not one of: graphml, html, jsonl, jsonld, neo4j, nt, trig, ttl"):
        from claimgraph.export import export
        export(None, "svg", None)


def test_jsonl_follows_the_interchange_format(seed_exports):
    entities = [json.loads(line) for line in (seed_exports / "entities.jsonl").read_text().splitlines()]
    claims = [json.loads(line) for line in (seed_exports / "claims.jsonl").read_text().splitlines()]
    ids = {e["id"] for e in entities}
    for e in entities:
        assert {"id", "label", "type", "aliases", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert {"document", "text", "char_start", "char_end"} <= set(m)
    texts = {}
    for c in claims:
        assert {"subject", "relation", "object", "status", "attributed_to", "cue", "document", "sentence",
                "char_start", "char_end", "confidence"} <= set(c)
        assert c["subject"] in ids and c["object"] in ids
        assert 0 < c["confidence"] <= 1
        texts[c["document"]] = texts.get(c["document"]) or (seed_exports.parent / "x")
    # offsets index the document as read
    from tests.conftest import SEEDS
    for c in claims:
        text = (SEEDS / f"{c['document']}.txt").read_text(encoding="utf-8")
        assert text[c["char_start"]:c["char_end"]] == c["sentence"]
    for e in entities:
        for m in e["mentions"]:
            text = (SEEDS / f"{m['document']}.txt").read_text(encoding="utf-8")
            assert text[m["char_start"]:m["char_end"]] == m["text"]


def test_turtle_parses_in_rdflib_and_pyoxigraph(seed_exports, hostile_graph, tmp_path):
    hostile_graph.write_turtle(tmp_path)
    for path in (seed_exports / "graph.ttl", tmp_path / "graph.ttl"):
        g = rdflib.Graph().parse(path, format="turtle")
        store = pyoxigraph.Store()
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        assert len(g) == len(store) > 0


def test_hostile_text_is_kept_as_data(hostile_graph, tmp_path):
    hostile_graph.write_all(tmp_path)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    data = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data  # payloads are \u003c-escaped inside the JSON
    assert json.loads(data)["nodes"]
    body = page.split("<body>", 1)[1]
    assert "<img src=x" not in body and "<script>window.__pwned" not in body
    rows = list(csv.reader((tmp_path / "neo4j" / "claims.csv").open(encoding="utf-8")))
    assert all("\n" not in cell for row in rows for cell in row)


def test_html_is_self_contained(seed_exports):
    page = (seed_exports / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert "new vis.Network" in page


def test_neo4j_files(seed_exports, seed_graph):
    folder = seed_exports / "neo4j"
    with (folder / "entities.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["id:ID(Entity)", "name", "type", "aliases:string[]", "wikidata", "mentions:int", "state",
                       "country", "subdivision", "subdivision_code", "location:point{crs:WGS-84}", ":LABEL"]
    assert len(rows) - 1 == len(seed_graph.entities)
    assert all(r[-1].startswith("Entity;") for r in rows[1:])
    # every place with coordinates has its point, in the admin-import point syntax
    by_id = {e.id: e for e in seed_graph.entities}
    for r in rows[1:]:
        e = by_id[r[0]]
        assert (r[10] != "") == (e.lat is not None)
        if e.lat is not None:
            assert r[10] == f"{{latitude:{e.lat!r},longitude:{e.lon!r}}}"
    with (folder / "claims.csv").open(encoding="utf-8") as fh:
        claims = list(csv.DictReader(fh))
    assert len(claims) == len(seed_graph.claims)
    assert {c["status"] for c in claims} <= {"asserted", "alleged", "denied", "hypothetical"}
    assert all(re.fullmatch(r"[A-Z_]+", c[":TYPE"]) for c in claims)
    script = (folder / "load.cypher").read_text(encoding="utf-8")
    # no article text in the script: every value comes from $rows
    for c in seed_graph.claims[:20]:
        assert c.evidence.sentence[:30] not in script
    for line in script.splitlines():
        if line.startswith("UNWIND"):
            assert "$rows" in line
    params = sorted(p.name for p in (folder / "params").iterdir())
    assert "documents.json" in params and "mentioned_in.json" in params
    for p in (folder / "params").iterdir():
        assert isinstance(json.loads(p.read_text(encoding="utf-8"))["rows"], list)
