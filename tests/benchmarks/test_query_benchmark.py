"""The query benchmark runs end to end on a tiny graph (the 1M-triple run is `make bench`)."""
from __future__ import annotations

import re
import subprocess
import sys

from claimgraph.query import canned_queries
from tests.conftest import ROOT


def test_the_benchmark_runs_and_both_engines_agree():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "queries.py"), "--triples", "4000",
                           "--timeout", "120", "--repeat", "1"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"graph: [\d,]+ triples", out) and "rebuild / replace" in out
    for name in canned_queries():
        line = next(line for line in out.splitlines() if line.startswith(name + " "))
        assert re.search(r"\d+x$", line), line  # a ratio measured in this run
    assert "both engines returned the same rows" in out
