"""``graph.jsonld``: the dataset as JSON-LD 1.1, compacted with claimgraph's context.

The context (``ontology/context.jsonld``) is embedded in the file, so the
file needs nothing from the network: its short keys (``subject``,
``relation``, ``status``, ``attributedTo``, ``evidence``...) map to the
ontology's and PROV-O's IRIs. The top-level ``@graph`` holds the default
graph's nodes (documents, entities), then one ``{"@id": <document>/claims,
"@graph": [...]}`` object per document, as in the TriG export.

rdflib compacts each graph with the context; this module only assembles
the graphs, because rdflib writes a dataset's default graph as an
anonymous nested graph, which other processors (pyoxigraph) read as a
blank-node-named graph. Nodes are sorted by ``@id`` and keys by name.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from rdflib import Graph

from ..graph.rdf import bind, dataset_of
from ..resources import ontology_file
from .base import RecordExporter


@cache
def context() -> dict:
    """The JSON-LD context (the value of ``@context``)."""
    with ontology_file("context.jsonld").open(encoding="utf-8") as fh:
        return json.load(fh)["@context"]


def _nodes(graph: Graph) -> list[dict]:
    if len(graph) == 0:
        return []
    g = Graph()
    bind(g)
    for t in graph:
        g.add(t)
    doc = json.loads(g.serialize(format="json-ld", context=context(), auto_compact=True))
    doc.pop("@context", None)
    nodes = doc.pop("@graph", None)
    if nodes is None:  # a single node is written without @graph
        nodes = [doc]
    for node in nodes:  # values of a key are a set: sort them, for the same bytes every time
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return sorted(nodes, key=lambda n: n["@id"])


def jsonld_document(documents, entities, claims) -> dict:
    ds = dataset_of(documents, entities, claims)
    default_id = ds.default_graph.identifier if hasattr(ds, "default_graph") else ds.default_context.identifier
    top: list[dict] = []
    named: list[dict] = []
    for g in ds.graphs():
        if g.identifier == default_id:
            top.extend(_nodes(g))
        elif len(g):
            named.append({"@id": str(g.identifier), "@graph": _nodes(g)})
    top.sort(key=lambda n: n["@id"])
    named.sort(key=lambda n: n["@id"])
    return {"@context": context(), "@graph": top + named}


class JsonLdExporter(RecordExporter):
    name = "jsonld"
    description = "graph.jsonld (JSON-LD with an embedded context; one named graph of claims per document)"

    def finalize(self) -> list[Path]:
        path = self.out / "graph.jsonld"
        doc = jsonld_document(self.documents, self.entities, self.claims)
        with self.tx.open(path) as fh:
            fh.write(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True))
            fh.write("\n")
        return [path]
