"""claimgraph sources: the counts per source, recomputed here from claims.jsonl and
documents.jsonl with this file's own reading of who states a claim."""
from __future__ import annotations

import json
from collections import Counter, defaultdict

import pytest

from claimgraph.cli import main
from claimgraph.sources import read_exports, source_table


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def expected_sources(folder) -> dict[tuple, dict]:
    docs = {d["id"]: d for d in _read(folder / "documents.jsonl")}
    labels = {e["id"]: e["label"] for e in _read(folder / "entities.jsonl")}
    claims = _read(folder / "claims.jsonl")

    def who(c):
        if c["attributed_to"]:
            return (c["attributed_to_kind"], c["attributed_to"], "" if c["attributed_to_kind"] == "entity" else c["document"])
        if c["relation"] == "accuses":
            return ("entity", c["subject"], "")
        pub = docs[c["document"]]["publisher"]
        return ("outlet", pub, "") if pub else ("document", c["document"], "")

    def triple(c):
        s, o = c["subject"], c["object"]
        if c["relation"] == "alliedWith" and o < s:
            s, o = o, s
        return (s, c["relation"], o)

    stated, denied = defaultdict(set), defaultdict(set)
    for c in claims:
        (denied if c["status"] == "denied" else stated)[triple(c)].add(who(c))
    out: dict[tuple, dict] = {}
    for c in claims:
        k = who(c)
        row = out.setdefault(k, {"claims": 0, "statuses": Counter(), "relations": Counter(), "documents": set(),
                                 "corroborated": 0, "denied_by_others": 0})
        row["claims"] += 1
        row["statuses"][c["status"]] += 1
        row["relations"][c["relation"]] += 1
        row["documents"].add(c["document"])
        if c["status"] != "denied":
            row["corroborated"] += bool(stated[triple(c)] - {k})
            row["denied_by_others"] += bool(denied[triple(c)] - {k})
    for k, row in out.items():
        kind, value, _doc = k
        row["label"] = labels.get(value, value) if kind == "entity" else value
    return out


@pytest.fixture(scope="module")
def seed_exports(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("sources")
    seed_graph.write_all(out, ("jsonl",))
    return out


def _check(rows, expected):
    assert len(rows) == len(expected)
    by_key = {}
    for r in rows:
        key = (r["kind"], r["id"])
        by_key.setdefault(key, []).append(r)
    for (kind, value, _doc), e in expected.items():
        (r,) = [x for x in by_key[(kind, value)] if x["claims"] == e["claims"]] or [None]
        assert r is not None, (kind, value)
        assert {s: r[s] for s in ("asserted", "alleged", "denied", "hypothetical")} == \
            {s: e["statuses"][s] for s in ("asserted", "alleged", "denied", "hypothetical")}
        assert r["relations"] == dict(sorted(e["relations"].items(), key=lambda kv: (-kv[1], kv[0])))
        assert (r["documents"], r["corroborated"], r["denied_by_others"]) == \
            (len(e["documents"]), e["corroborated"], e["denied_by_others"])


def test_sources_lists_every_source_with_the_counts_of_claims_jsonl(seed_exports, capsys):
    assert main(["sources", "--exports", str(seed_exports), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = expected_sources(seed_exports)
    assert {r["kind"] for r in rows} >= {"entity", "phrase", "document"}
    _check(rows, expected)
    assert sum(r["claims"] for r in rows) == len(_read(seed_exports / "claims.jsonl"))


def test_outlets_are_the_source_of_the_articles_own_voice(builder, tmp_path, capsys):
    from tests.synthetic import outlet_documents

    kg = builder.build(outlet_documents(builder.config.ingest))
    kg.write_all(tmp_path, ("jsonl",))
    assert main(["sources", "--exports", str(tmp_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    _check(rows, expected_sources(tmp_path))
    outlets = {r["source"]: r for r in rows if r["kind"] == "outlet"}
    assert {"dawn.com", "Tolo News"} <= set(outlets)
    # the attack both outlets report: each corroborates the other
    assert outlets["dawn.com"]["corroborated"] >= 1 and outlets["Tolo News"]["corroborated"] >= 1
    # Pakistan alleges the Taliban shelter the TTP; the Taliban deny it
    pakistan = next(r for r in rows if r["id"] == "pakistan")
    assert pakistan["denied_by_others"] >= 1 and "Afghan Taliban" in pakistan["accused"]


def test_one_source_and_its_evidence(seed_exports, capsys):
    assert main(["sources", "--exports", str(seed_exports), "--source", "pakistan", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    expected = expected_sources(seed_exports)[("entity", "pakistan", "")]
    assert out["source"]["claims"] == expected["claims"] == len(out["claims"])
    assert all(c["sentence"] for c in out["claims"])
    assert main(["sources", "--exports", str(seed_exports), "--source", "pakistan"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Pakistan (entity):") and "\u201c" in text
    assert main(["sources", "--exports", str(seed_exports), "--source", "Nobody At All"]) == 2
    assert "no source" in capsys.readouterr().err


def test_the_store_and_the_exports_give_the_same_table(seed_graph, seed_documents, builder, tmp_path, capsys):
    from claimgraph.store import CorpusStore

    with CorpusStore.open(tmp_path / "store", create=True) as store:
        store.add(seed_documents, builder=builder)
    seed_graph.write_all(tmp_path / "out", ("jsonl",))
    assert main(["sources", "--store", str(tmp_path / "store"), "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["sources", "--exports", str(tmp_path / "out"), "--format", "csv"]) == 0
    assert capsys.readouterr().out == from_store
    assert [r.record() for r in source_table(read_exports(tmp_path / "out"))] == \
        [r.record() for r in source_table(seed_graph)]


def test_missing_exports_fail_clearly(tmp_path, capsys):
    assert main(["sources", "--exports", str(tmp_path)]) == 2
    assert "documents.jsonl does not exist" in capsys.readouterr().err
