"""io.Transaction: atomic, all-at-commit, unchanged files untouched, stale temp files cleaned."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph import io as cgio
from claimgraph.errors import ExportError
from claimgraph.io import Transaction, stale_temp_files


def _visible(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_files_appear_only_at_commit(tmp_path):
    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    tx = Transaction()
    with tx.open(tmp_path / "a.txt") as fh:
        fh.write("new a")
    with tx.open(tmp_path / "sub" / "b.txt") as fh:
        fh.write("new b")
    # staged, not visible: the old file is intact, the new one absent
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old a"
    assert not (tmp_path / "sub" / "b.txt").exists()
    assert tx.commit() == [tmp_path / "a.txt", tmp_path / "sub" / "b.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "new a"
    assert _visible(tmp_path) == ["a.txt", "sub/b.txt"]  # no temp file left


def test_an_exception_keeps_every_old_file(tmp_path):
    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with Transaction() as tx:
            with tx.open(tmp_path / "b.txt") as fh:
                fh.write("complete b")
            with tx.open(tmp_path / "a.txt") as fh:
                fh.write("half of a")
                raise RuntimeError("killed while writing")
    assert _visible(tmp_path) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old a"


def test_unchanged_content_is_not_replaced(tmp_path):
    target = tmp_path / "same.txt"
    cgio.write_text(target, "the same bytes\n")
    before = target.stat()
    cgio.write_text(target, "the same bytes\n")
    after = target.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    cgio.write_text(target, "other bytes\n")
    assert target.read_text(encoding="utf-8") == "other bytes\n"
    assert _visible(tmp_path) == ["same.txt"]


def test_stale_temp_files_of_dead_processes_are_removed_at_commit(tmp_path):
    dead = _dead_pid()
    stale = tmp_path / f".graph.ttl.{dead}.abc123.tmp"
    live = tmp_path / f".graph.ttl.{os.getppid()}.def456.tmp"  # a running process (pytest's parent)
    other = tmp_path / f".notes.txt.{dead}.xyz.tmp"  # not a file this transaction writes
    for p in (stale, live, other):
        p.write_text("partial", encoding="utf-8")
    assert stale_temp_files(tmp_path, {"graph.ttl"}) == [stale]
    cgio.write_text(tmp_path / "graph.ttl", "complete\n")
    assert not stale.exists()
    assert live.exists() and other.exists()


def test_every_folder_written_is_synced(tmp_path, monkeypatch):
    synced = []
    real = cgio.fsync_dir
    monkeypatch.setattr(cgio, "fsync_dir", lambda p: (synced.append(Path(p)), real(p)))
    with Transaction() as tx:
        for rel in ("a.txt", "neo4j/b.csv", "neo4j/params/c.json"):
            with tx.open(tmp_path / "out" / rel) as fh:
                fh.write(rel)
    # new folders are synced in their parents, and every folder holding a renamed file
    for folder in (tmp_path / "out", tmp_path / "out" / "neo4j", tmp_path / "out" / "neo4j" / "params"):
        assert folder in synced
    assert tmp_path in synced


def test_files_are_fsynced_before_they_are_renamed(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b)))
    with Transaction() as tx:
        for name in ("a", "b"):
            with tx.open(tmp_path / name) as fh:
                fh.write(name)
    first_replace = events.index("replace")
    assert events[:first_replace].count("fsync") >= 2  # both files synced before any rename


def test_an_unwritable_folder_is_a_coded_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="CG302"):
        cgio.write_text(blocker / "inside.txt", "y")
