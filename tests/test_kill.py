"""A real `claimgraph build` killed with SIGKILL never leaves a broken export.

An exports folder holds a complete build of input A. A build of input B
into the same folder is started as a separate process and killed at
chosen moments: at random times, while it writes its temporary files, and
in the middle of renaming them. After each kill every visible file must be
byte-for-byte the previous (A) or the new (B) version of that file, and
parse (JSONL, JSON, CSV, Turtle in rdflib and pyoxigraph); only hidden
``.NAME.PID.*.tmp`` files may be left, and the next complete build removes
them. The build process is slowed down (a sleep in os.fsync and os.replace,
injected by the runner below, not by claimgraph) so that the kills land
inside the write phase.
"""
from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from tests.conftest import SEEDS

TMP_NAME = re.compile(r"^\..+\.\d+\.[^.]+\.tmp$")

RUNNER = r"""
import os, sys, time
delay = float(os.environ["SLOW_WRITES"])
out = os.path.realpath(sys.argv[sys.argv.index("--out") + 1])
real_fsync, real_replace = os.fsync, os.replace
def fsync(fd):
    real_fsync(fd)
    print("fsync", flush=True)
    time.sleep(delay)
def replace(src, dst):
    if os.path.realpath(os.fspath(dst)).startswith(out):
        print("replace", os.path.basename(os.fspath(dst)), flush=True)
        time.sleep(delay)
    real_replace(src, dst)
os.fsync, os.replace = fsync, replace
from claimgraph.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not TMP_NAME.match(p.name)}


def _build(inputs: Path, out: Path, *, slow: float = 0.0, **popen) -> subprocess.Popen:
    env = dict(os.environ, SLOW_WRITES=str(slow))
    return subprocess.Popen([sys.executable, "-c", RUNNER, "build", str(inputs), "--out", str(out), "--quiet"],
                            env=env, **popen)


def _complete(inputs: Path, out: Path) -> None:
    proc = _build(inputs, out, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err


def _parses(rel: str, data: bytes) -> None:
    text = data.decode("utf-8")
    if rel.endswith(".jsonl"):
        for line in text.splitlines():
            json.loads(line)
    elif rel.endswith(".json"):
        json.loads(text)
    elif rel.endswith(".csv"):
        rows = list(csv.reader(text.splitlines()))
        assert rows and all(len(r) == len(rows[0]) for r in rows)
    elif rel.endswith(".ttl"):
        g = rdflib.Graph().parse(data=text, format="turtle")
        store = pyoxigraph.Store()
        store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
        assert len(g) == len(store) > 0
    elif rel.endswith(".html"):
        assert text.rstrip().endswith("</html>")
    elif rel.endswith(".graphml"):
        assert text.rstrip().endswith("</graphml>")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("kill")
    seeds = sorted(SEEDS.glob("*.txt"))
    a_in, b_in = base / "in_a", base / "in_b"
    a_in.mkdir()
    b_in.mkdir()
    for s in seeds[:2]:
        shutil.copy(s, a_in)
    for s in seeds:
        shutil.copy(s, b_in)
    ref_a, ref_b = base / "ref_a", base / "ref_b"
    _complete(a_in, ref_a)
    _complete(b_in, ref_b)
    a, b = _files(ref_a), _files(ref_b)
    assert a != b and a["graph.ttl"] != b["graph.ttl"]
    for rel, data in {**a, **b}.items():
        _parses(rel, data)
    return base, b_in, ref_a, a, b


def _check(out: Path, a: dict[str, bytes], b: dict[str, bytes]) -> tuple[int, int]:
    """Every visible file is the old or the new version, and parses; return
    how many are old and how many new."""
    old = new = 0
    for rel, data in _files(out).items():
        assert rel in a or rel in b, f"unexpected file {rel}"
        assert data in (a.get(rel), b.get(rel)), f"{rel} is neither the previous nor the new version"
        _parses(rel, data)
        if data == b.get(rel) and data != a.get(rel):
            new += 1
        elif data == a.get(rel) and data != b.get(rel):
            old += 1
    for p in out.rglob("*"):
        if p.is_file() and p.name.startswith("."):
            assert TMP_NAME.match(p.name), f"unexpected hidden file {p.name}"
    return old, new


def _kill_after(proc: subprocess.Popen, marker: str | None, count: int, seconds: float) -> None:
    if marker is None:
        time.sleep(seconds)
    else:
        seen = 0
        for line in proc.stdout:
            if line.startswith(marker):
                seen += 1
                if seen >= count:
                    break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()


def _kill_run(builds, moments) -> list[tuple[str, int, int, int]]:
    base, b_in, ref_a, a, b = builds
    out = base / "out"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ref_a, out)
    outcomes = []
    for marker, count, seconds in moments:
        proc = _build(b_in, out, slow=0.02, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        _kill_after(proc, marker, count, seconds)
        # a moment after the build's end (a random time, or a count of events
        # a build that finds files already new does not reach) kills nothing
        assert proc.returncode in (-signal.SIGKILL, 0)
        old, new = _check(out, a, b)
        if proc.returncode == 0:
            assert _files(out) == b
        outcomes.append((f"{marker or 'time'}:{count or seconds:.2f}", old, new, proc.returncode))
    killed = sum(1 for *_r, code in outcomes if code != 0)
    assert killed >= len(moments) // 2, f"only {killed} of {len(moments)} builds were killed while running"
    # the next complete build finishes the job and removes the stale temp files
    _complete(b_in, out)
    assert _files(out) == b
    assert not [p.name for p in out.rglob(".*.tmp")]
    return outcomes


def test_sigkill_while_writing_and_while_renaming_leaves_complete_files(builds):
    moments = [
        ("fsync", 1, 0.0),      # the first temporary file is written
        ("fsync", 12, 0.0),     # in the middle of writing the temporary files
        ("replace", 1, 0.0),    # the first rename
        ("replace", 20, 0.0),   # in the middle of the renames: some files old, some new
        (None, 0, 0.5),         # while spaCy loads
        (None, 0, 2.0),         # while parsing or writing
    ]
    outcomes = _kill_run(builds, moments)
    # the commit-phase kills really left a mix of old and new files
    mixed = [o for o in outcomes if o[0].startswith("replace:20")]
    assert mixed and mixed[0][1] > 0 and mixed[0][2] > 0, outcomes


@pytest.mark.slow
def test_sigkill_at_many_random_moments(builds):
    rng = random.Random(7)
    moments = [(None, 0, rng.uniform(0.0, 6.0)) for _ in range(25)]
    moments += [("replace", rng.randint(1, 40), 0.0) for _ in range(10)]
    moments += [("fsync", rng.randint(1, 40), 0.0) for _ in range(10)]
    _kill_run(builds, moments)
