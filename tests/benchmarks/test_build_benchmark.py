"""The build benchmark and its corpus generator keep working (the real runs are `make bench`)."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402


def test_the_corpus_is_the_same_for_a_seed_and_another_for_another_seed(tmp_path):
    a = generate(tmp_path / "a", 5, seed=3)
    b = generate(tmp_path / "b", 5, seed=3)
    c = generate(tmp_path / "c", 5, seed=4)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]
    texts = [p.read_text(encoding="utf-8") for p in a]
    assert all(len(t.split()) > 200 for t in texts) and len(set(texts)) == 5


def test_the_build_benchmark_runs_and_ends_with_one_line_per_target(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "build.py"), "--tiny", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=900)
    out = done.stdout
    assert "== throughput" in out and "ratio bare/ours" in out, done.stderr
    # a section that stops the script shows here with its traceback
    assert "== targets\n" in out, f"exit {done.returncode}\n{out[-2000:]}\n{done.stderr[-4000:]}"
    targets = out.split("== targets\n", 1)[1].strip().splitlines()
    names = [line.split()[0] for line in targets]
    assert names == ["throughput-ratio", "scaling-time-per-article-spread", "peak-memory-at-6",
                     "workers-identical-output", "workers-speed-up", "dask-identical-output",
                     "incremental-add-one", "readd-unchanged-vs-parse"]
    for line in targets:
        assert re.fullmatch(r"\S+  \S+  \S+  (PASS|FAIL|n/a \(quick\))", line), line
    # at small sizes the targets set for the full sizes are measured but not judged
    judged = {line.split()[0]: line.rsplit("  ", 1)[1] for line in targets}
    assert {k for k, v in judged.items() if v == "n/a (quick)"} == {
        "scaling-time-per-article-spread", "peak-memory-at-6", "workers-speed-up", "incremental-add-one"}
    # what must hold at any size: the same bytes whatever the workers or the cluster
    assert "workers-identical-output  yes  yes  PASS" in targets
    assert "dask-identical-output  yes  yes  PASS" in targets
    assert "write trig" in out and "query supporters" in out
    # the exit code says whether every target passed
    assert done.returncode == (0 if not any(line.endswith("FAIL") for line in targets) else 1)
