"""A writer killed at any moment (SIGKILL: no cleanup runs) leaves a store that
opens, repairs its RDF from its records, and holds whole documents only."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

from claimgraph.store import CorpusStore
from tests.conftest import ROOT

WRITER = """
import sys
sys.path.insert(0, {bench!r})
from dataclasses import replace
from synthetic import corpus
from claimgraph.store import CorpusStore
graphs = list(corpus(30000, seed=int(sys.argv[2])))
round_ = 0
while True:
    round_ += 1
    with CorpusStore.open(sys.argv[1], create=True) as store:
        for i in range(0, len(graphs), 10):
            batch = graphs[i:i + 10]
            if round_ % 2 == 0:  # replace documents with fewer claims, then put them back
                batch = [replace(g, claims=g.claims[: len(g.claims) // 2]) for g in batch]
            store.apply(batch)
            print("applied", flush=True)
"""


def test_a_writer_killed_at_any_moment_leaves_a_consistent_store(tmp_path):
    folder = tmp_path / "store"
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(bench=str(ROOT / "benchmarks")), encoding="utf-8")
    repaired = 0
    for seed, delay in enumerate((0.4, 0.9, 1.3, 1.9)):
        proc = subprocess.Popen([sys.executable, str(script), str(folder), str(seed)], stdout=subprocess.PIPE,
                                text=True)
        try:
            assert proc.stdout.readline().strip() == "applied"  # it has written at least once
            time.sleep(delay)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        repaired += CorpusStore._needs_repair(folder)  # killed between the records and the RDF
        with CorpusStore.open(folder) as store:
            assert store.verify() == (0, 0)
            docs, _entities, claims = store.counts()
            assert docs > 0
        db = sqlite3.connect(folder / "records.sqlite")
        try:
            for count, claims_json in db.execute("SELECT claim_count, claims FROM documents"):
                assert len(json.loads(claims_json)) == count
            orphans = db.execute("SELECT COUNT(*) FROM entity_views WHERE document NOT IN "
                                 "(SELECT id FROM documents)").fetchone()[0]
            assert orphans == 0
        finally:
            db.close()
    print(f"{repaired} of 4 kills left the RDF behind the records")
