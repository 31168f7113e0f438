"""The corpus of broken files in tests/data/bad/: one expected report line each.

``tests/data/bad.report`` is the exact report a build of the folder must
write (``tests/data/bad.toml`` lowers ingest.max_bytes to 4,000 so that a
small file can stand for an oversized one). The good files beside the
broken ones are still built.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = DATA / "bad"
GOOD = {"good.txt", "legacy-cp1252.txt", "utf16-with-bom.txt", "page-saved-as.txt"}


def _cli(*args: str, cwd: Path = DATA) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimgraph.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("bad-out")
    done = _cli("build", "bad", "--out", str(out), "--config", "bad.toml", "--quiet")
    return done, out


def test_the_report_has_the_expected_line_for_each_broken_file(corpus_build):
    done, out = corpus_build
    assert done.returncode == 1, done.stderr  # built, with problems
    expected = (DATA / "bad.report").read_text(encoding="utf-8")
    assert (out / "build-report.txt").read_text(encoding="utf-8") == expected
    # the same lines on stderr, in the same order
    printed = [line.removeprefix("problem: ") for line in done.stderr.splitlines() if line.startswith("problem: ")]
    assert printed == expected.splitlines()[1:]


def test_every_broken_file_is_named_in_the_report():
    expected = (DATA / "bad.report").read_text(encoding="utf-8")
    named = {line.split(":", 1)[0].removeprefix("bad/") for line in expected.splitlines()[1:]}
    broken = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*")
              if (p.is_file() or p.is_symlink()) and p.suffix in (".txt", ".html", ".jsonl")} - GOOD
    assert broken <= named, broken - named


def test_the_good_documents_are_still_built(corpus_build):
    _done, out = corpus_build
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = (out / "neo4j" / "documents.csv").read_text(encoding="utf-8").splitlines()[1:]
    ids = sorted(row.split(",", 1)[0] for row in docs)
    assert ids == ["14", "damaged-utf8", "good", "l1", "legacy-cp1252", "page-saved-as", "rec-1", "rec-10",
                   "utf16-with-bom"]
    assert {c["document"] for c in claims} >= {"good", "page-saved-as"}


def test_a_folder_with_nothing_usable_fails_with_exit_2_and_keeps_earlier_exports(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier build", encoding="utf-8")
    done = _cli("build", "bad/nothing", "--out", str(out))
    assert done.returncode == 2
    assert "bad/nothing: [CG107] folder holds no file matching" in done.stderr
    assert "nothing could be built" in done.stderr
    report = (out / "build-report.txt").read_text(encoding="utf-8")
    assert report.startswith("# claimgraph build report: nothing was built (1 problem)")
    assert "bad/nothing: [CG107]" in report
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "earlier build"


def test_special_files_are_reported_not_read(tmp_path):
    (tmp_path / "good.txt").write_text("The TTP attacked a police post in Bannu.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "folder.txt").mkdir()  # a folder with a text file's name is walked, not read
    (tmp_path / "loop").symlink_to(tmp_path)  # a link cycle is walked once
    done = _cli("build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert f"{tmp_path}/pipe.txt: [CG102] not a regular file" in done.stderr
    assert done.stderr.count("[CG") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_an_unreadable_file_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text("The TTP attacked a police post in Bannu.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    done = _cli("build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet")
    assert done.returncode == 1
    assert f"{locked}: [CG102] permission denied" in done.stderr
