"""Regression tests for characters that broke exports (found by tests/test_properties.py)."""
from __future__ import annotations

import networkx as nx

from claimgraph.graph import KnowledgeGraph
from claimgraph.ingest import document_from_text
from claimgraph.model import Claim, Entity, EntityType, Evidence, Mention, Relation, Status


def _graph(config) -> KnowledgeGraph:
    text = "Iran\x08 attacked Pakistan \u2029 and \x85 more\u2028."
    doc = document_from_text("d", text, config=config.ingest)
    iran = Entity("iran", "Iran\x08", EntityType.STATE, aliases=("I\x0bran", "\ufffe"),
                  mentions=(Mention("d", 0, 5, "Iran\x08", EntityType.STATE, "iran"),))
    pak = Entity("pakistan", "Pakistan", EntityType.STATE,
                 mentions=(Mention("d", 15, 23, "Pakistan", EntityType.STATE, "pakistan"),))
    claim = Claim("iran", Relation.ATTACKS, "pakistan", Status.ASSERTED,
                  Evidence("d", text, 0, len(text), "test"), cue="attacked\x1b")
    return KnowledgeGraph((doc,), (iran, pak), (claim,))


def test_jsonl_records_stay_on_one_line_for_any_line_reader(config, tmp_path):
    _graph(config).write_jsonl(tmp_path)
    for name in ("claims.jsonl", "entities.jsonl"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        # str.splitlines also breaks at U+2028, U+2029 and U+0085: they must be escaped
        assert text.splitlines() == text.split("\n")[:-1]
    assert "\\u2029" in (tmp_path / "claims.jsonl").read_text(encoding="utf-8")


def test_graphml_with_control_characters_is_well_formed(config, tmp_path):
    _graph(config).write_graphml(tmp_path)
    g = nx.read_graphml(tmp_path / "graph.graphml")
    assert g.nodes["iran"]["label"] == "Iran\ufffd"
    (edge,) = g.edges(data=True)
    assert edge[2]["cue"] == "attacked\ufffd"


def test_neo4j_csv_rows_survive_carriage_returns(config, tmp_path):
    import csv
    import io

    kg = _graph(config)
    label = Entity("iran", "Iran\rPakistan\nx", EntityType.STATE, mentions=kg.entities[0].mentions)
    kg = KnowledgeGraph(kg.documents, (label, kg.entities[1]), kg.claims)
    kg.write_neo4j(tmp_path)
    for path in (tmp_path / "neo4j").glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert all(len(r) == len(rows[0]) for r in rows), path.name
        assert "\r" not in path.read_text(encoding="utf-8") and all("\n" not in c for r in rows for c in r)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "neo4j" / "entities.csv").read_text(encoding="utf-8"),
                                           newline="")))
    assert rows[0]["name"] == "Iran Pakistan x"
