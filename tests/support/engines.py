"""The two outside engines the Neo4j tests check Cypher with.

- Neo4j's own Cypher parser, ``@neo4j-cypher/language-support`` (npm, pinned
  in ``tools/cypher-lint/package-lock.json``), run by ``tools/cypher-lint/lint.mjs``
  under Node;
- embedded FalkorDB (``falkordblite``, an openCypher engine), run by
  ``falkordb_run.py`` under the Python >= 3.12 of ``.venv312``.

``make test`` installs both (``make neo4j-test-tools``).
"""
from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_DIR = ROOT / "tools" / "cypher-lint"
PYTHON312 = ROOT / ".venv312" / "bin" / "python"
FALKORDB_RUN = Path(__file__).with_name("falkordb_run.py")


def lint(statements: list[str], parameters: dict | None = None) -> list[list[dict]]:
    """Each statement's diagnostics from Neo4j's parser (errors and warnings)."""
    node = shutil.which("node")
    if node is None or not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail("Neo4j's Cypher parser is not installed: run `make cypher-lint` (needs node and npm)")
    done = subprocess.run([node, str(LINT_DIR / "lint.mjs")], input=json.dumps(
        {"statements": statements, "parameters": parameters or {}}), capture_output=True, text=True,
        cwd=LINT_DIR, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [o["statement"] for o in out] == list(range(len(statements)))
    return [o["diagnostics"] for o in out]


class FalkorDB:
    """One embedded FalkorDB with an empty graph, alive for a ``with`` block."""

    def __enter__(self) -> "FalkorDB":
        if not PYTHON312.is_file():
            pytest.fail("embedded FalkorDB is not installed: run `make falkordb` (needs Python >= 3.12)")
        self.proc = subprocess.Popen([str(PYTHON312), str(FALKORDB_RUN)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.skipped: list[str] = []
        return self

    def __exit__(self, *exc) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)

    def _ask(self, request: dict) -> dict:
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "the FalkorDB process ended"
        answer = json.loads(line)
        if "error" in answer:
            raise AssertionError(f"FalkorDB: {answer['error']}")
        return answer

    def send(self, statement: str, parameters: dict | None) -> dict:
        """Run one statement; the ``send`` of :func:`claimgraph.push.run_plan`."""
        answer = self._ask({"op": "run", "statement": statement, "parameters": parameters})
        if "skipped" in answer:
            self.skipped.append(statement)
            return {}
        return answer["counters"]

    def query(self, statement: str, parameters: dict | None = None) -> list[list]:
        return self._ask({"op": "query", "statement": statement, "parameters": parameters})["rows"]

    def dump(self) -> dict:
        """Nodes as {(id space, id): (labels, properties)} (the id space is
        Document for documents, Claim for claim nodes, else Entity), relationships as
        {(start id, type, end id, claim_id or None): properties}."""
        answer = self._ask({"op": "dump"})
        nodes = {}
        for n in answer["nodes"]:
            space = "Document" if "Document" in n["labels"] else "Claim" if "Claim" in n["labels"] else "Entity"
            key = (space, n["properties"]["id"])
            assert key not in nodes, f"two nodes with id {key}"
            nodes[key] = (tuple(n["labels"]), _typed(n["properties"]))
        rels = {}
        for r in answer["relationships"]:
            key = (r["start"], r["type"], r["end"], r["properties"].get("claim_id"))
            assert key not in rels, f"two relationships {key}"
            rels[key] = r["properties"]
        return {"nodes": nodes, "relationships": rels}


def float32(x) -> float:
    """``x`` as the nearest 32-bit float: how FalkorDB keeps a point's coordinates."""
    return struct.unpack("<f", struct.pack("<f", float(x)))[0]


def _typed(props: dict) -> dict:
    """A point property as the tests compare it (FalkorDB keeps 32-bit floats);
    dates arrive as ISO strings (the runner's JSON)."""
    out = dict(props)
    for k, v in props.items():
        if isinstance(v, dict) and set(v) == {"latitude", "longitude"}:
            out[k] = ("point", float32(v["latitude"]), float32(v["longitude"]))
    return out
