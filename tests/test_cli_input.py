"""The command line's input options, the `read` command and the report file."""
from __future__ import annotations

import json

from claimgraph.cli import main


def _corpus(tmp_path):
    (tmp_path / "in" / "drafts").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("The TTP attacked the KP Police in Bannu.", encoding="utf-8")
    (tmp_path / "in" / "drafts" / "b.txt").write_text("The Taliban denied it.", encoding="utf-8")
    (tmp_path / "in" / "c.jsonl").write_text(json.dumps({"id": "c", "text": "Text of c.", "title": "C"}) + "\n",
                                            encoding="utf-8")
    return tmp_path / "in"


def test_read_prints_the_documents_as_read(tmp_path, capsys):
    folder = _corpus(tmp_path)
    assert main(["read", str(folder), "--exclude", "drafts"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["source"], r["title"]) for r in records] == [("a", "a.txt", None), ("c", "c.jsonl:1", "C")]
    assert records[0]["text"] == "The TTP attacked the KP Police in Bannu."


def test_include_replaces_the_patterns_and_exclude_adds_to_them(tmp_path, capsys):
    folder = _corpus(tmp_path)
    assert main(["read", str(folder), "--include", "*.jsonl"]) == 0
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ["c"]
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    assert main(["read", str(folder), "--exclude", "c.*"]) == 0
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ["a", "b"]


def test_read_of_nothing_usable_exits_2(tmp_path, capsys):
    (tmp_path / "e.txt").write_bytes(b"")
    assert main(["read", str(tmp_path)]) == 2
    assert "e.txt: [CG104] the file is empty" in capsys.readouterr().err


def test_the_report_file_follows_every_build(tmp_path, capsys):
    folder = _corpus(tmp_path)
    out = tmp_path / "out"
    (folder / "bad.txt").write_bytes(b"\x00\x01")
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--format", "jsonl"]) == 1
    report = (out / "build-report.txt").read_text(encoding="utf-8")
    assert report == (f"# claimgraph build report: 3 documents built, 1 problem\n"
                      f"{folder}/bad.txt: [CG103] binary file (it contains NUL bytes)\n")
    # a clean build replaces the report: an old problem never lingers
    (folder / "bad.txt").unlink()
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--format", "jsonl"]) == 0
    assert (out / "build-report.txt").read_text(encoding="utf-8") == \
        "# claimgraph build report: 3 documents built, 0 problems\n"
