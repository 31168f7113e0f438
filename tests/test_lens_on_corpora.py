"""The source lens on the development corpora (dev and own), when their texts have been
re-created into the evaluation cache (make eval does it; CI has no texts, and skips):
`claimgraph sources` lists every source with the counts recomputed from claims.jsonl, and
the contested query gives exactly the allegation/denial pairs of the records."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from claimgraph.cli import main
from claimgraph.graph.oxigraph import to_ox_quads
from claimgraph.graph.rdf import quads
from claimgraph.ingest import read_paths
from evaluation.corpora import cache_dir
from tests.test_queries import COLUMNS, expected_rows, project, run_rows
from tests.test_sources import _check, expected_sources

CORPORA = [name for name in ("dev", "own") if (cache_dir() / name).is_dir() and any((cache_dir() / name).iterdir())]


@pytest.mark.skipif(not CORPORA, reason="the corpora's texts are not in the evaluation cache (make eval)")
@pytest.mark.parametrize("name", CORPORA)
def test_sources_and_contested_on_a_corpus(builder, tmp_path, capsys, name):
    docs = read_paths([cache_dir() / name], builder.config.ingest).documents
    kg = builder.build(docs)
    kg.write_all(tmp_path, ("jsonl",))
    assert main(["sources", "--exports", str(tmp_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    _check(rows, expected_sources(tmp_path))
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    contested = project(run_rows(store, "contested"), COLUMNS["contested"])
    assert contested == expected_rows(kg, "contested")
    print(f"{name}: {len(rows)} sources, {len(contested)} contested pairs")
