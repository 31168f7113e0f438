"""Same input, same bytes: whatever the order of the paths, the number of
worker processes or the batch size; and a second build of the same input
into the same folder changes nothing on disk."""
from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Strike in Khost</title>
<meta name="date" content="2024-03-18"></head><body><nav><a href="/">Home</a></nav><article>
<h1>Strike in Khost</h1><p>Pakistani jets struck targets in Khost province on Monday, officials said, and the
Taliban condemned the strikes as a violation of Afghan sovereignty.</p>
<p>The TTP denied that it operates from Afghan soil, according to a statement by its spokesman.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    seeds = sorted(SEEDS.glob("*.txt"))
    (root / "a" / "deep").mkdir(parents=True)
    (root / "b").mkdir()
    shutil.copy(seeds[0], root / "a" / "deep")
    shutil.copy(seeds[1], root / "b")
    (root / "b" / "broken.txt").write_bytes(b"\x00\x01\x02")
    # the id r1 twice: which one is kept must not depend on the order of the paths
    (root / "b" / "r1.txt").write_text("The Haqqani network attacked a checkpoint in Khost, police said.",
                                       encoding="utf-8")
    (root / "page.html").write_bytes(PAGE.encode("cp1252"))
    text = seeds[2].read_text(encoding="utf-8")
    half = text.index("\n\n", len(text) // 2)
    (root / "records.jsonl").write_text(
        json.dumps({"id": "r2", "text": text[half:].strip(), "url": "https://x.org/2"}) + "\n" +
        json.dumps({"id": "r1", "text": text[:half], "title": "First half", "date": "2024-01-02"}) + "\n",
        encoding="utf-8")
    return [root / "a", root / "b", root / "page.html", root / "records.jsonl"]


def _build(paths, out: Path, *extra: str, config: str | None = None) -> None:
    args = [sys.executable, "-m", "claimgraph.cli", "build", *map(str, paths), "--out", str(out), "--quiet", *extra]
    if config:
        cfg = out.parent / f"{out.name}.toml"
        cfg.write_text(config, encoding="utf-8")
        args += ["--config", str(cfg)]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # built, with the one broken file reported


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "out"
    _build(corpus, out)
    files = _files(out)
    assert {"graph.ttl", "claims.jsonl", "build-report.txt", "neo4j/documents.csv"} <= set(files)
    assert b"broken.txt: [CG103]" in files["build-report.txt"]
    assert b"records.jsonl:2: [CG108] document id 'r1' is already used by" in files["build-report.txt"]
    assert files["claims.jsonl"].count(b"\n") > 20
    return out, files


def test_the_order_of_the_paths_does_not_matter(corpus, reference, tmp_path):
    _out, expected = reference
    for i, order in enumerate(list(itertools.permutations(corpus))[1::7]):
        out = tmp_path / f"order{i}"
        _build(order, out)
        assert _files(out) == expected, f"paths in the order {[p.name for p in order]} gave other bytes"


def test_worker_processes_and_batch_size_do_not_matter(corpus, reference, tmp_path):
    _out, expected = reference
    out = tmp_path / "workers"
    _build(corpus, out, "--workers", "2", config="[nlp]\nbatch_size = 1\n")
    assert _files(out) == expected
    out = tmp_path / "batch"
    _build(corpus, out, config="[nlp]\nbatch_size = 3\n")
    assert _files(out) == expected


def test_building_again_into_the_same_folder_changes_nothing(corpus, reference):
    out, expected = reference
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    _build(corpus, out)
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert after == before  # not one file rewritten
    assert _files(out) == expected
    assert not [p for p in out.rglob(".*") if p.is_file()]
    assert os.listdir(out)
