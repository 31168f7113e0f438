"""The seeds, end to end: the committed exports are what a build writes."""
from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "gold" / "seeds.jsonl"


def demo_env() -> dict[str, str]:
    """`make demo`'s environment: the page's build date is the date of the last commit
    that changed seeds/ (SOURCE_DATE_EPOCH; empty, so no date, outside a git checkout)."""
    try:
        epoch = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "seeds"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        epoch = ""
    return {**os.environ, "SOURCE_DATE_EPOCH": epoch}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(SEEDS), "--out", str(out),
                           "--quiet"], capture_output=True, text=True, env=demo_env())
    assert done.returncode == 0, done.stderr
    return out


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_building_twice_gives_identical_bytes(built, tmp_path):
    again = subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(SEEDS), "--out", str(tmp_path),
                            "--quiet"], capture_output=True, text=True, env=demo_env())
    assert again.returncode == 0
    assert _files(built) == _files(tmp_path)
    match, mismatch, errors = filecmp.cmpfiles(built, tmp_path, _files(built), shallow=False)
    assert not mismatch and not errors


def test_committed_exports_are_up_to_date(built):
    exports = ROOT / "exports"
    assert _files(exports) == _files(built), "run `make demo` and commit exports/"
    _m, mismatch, errors = filecmp.cmpfiles(exports, built, _files(built), shallow=False)
    assert not mismatch and not errors, f"stale exports: {mismatch}; run `make demo`"


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared evaluation kit is not beside this checkout")
def test_seed_scores_meet_the_foundation_floor(built):
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--entities",
                           str(built / "entities.jsonl"), "--claims", str(built / "claims.jsonl"), "--json"],
                          capture_output=True, text=True, check=True)
    scores = json.loads(done.stdout)
    assert scores["entities"]["f1"] >= 0.80
    assert scores["claims"]["f1"] >= 0.40
