"""The package's modules import downward only: no import cycle, and the
layers ``model -> nlp -> extract -> resolve -> graph -> export -> api -> cli``
never import a layer above them. Imports inside functions count too: a
lazy import is still a dependency.

The import graph is read from the source with :mod:`ast` (nothing is
imported), so the check is cheap and exact about what the code says."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

import claimgraph

PACKAGE = Path(claimgraph.__file__).parent
LAYERS = ("model", "nlp", "extract", "resolve", "graph", "export", "api", "cli")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path) -> nx.DiGraph:
    """Module -> the package's modules it imports (``from . import x`` of a
    submodule counts as that submodule; of a name, as the package)."""
    modules = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                found = [f"{target}.{a.name}" if f"{target}.{a.name}" in modules else target for a in node.names]
            elif isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            else:
                continue
            for other in found:
                while other and other not in modules:  # "import a.b.c" of a name inside a.b
                    other = other.rpartition(".")[0]
                if other and other != name:
                    graph.add_edge(name, other)
    return graph


def cycles(graph: nx.DiGraph) -> list[list[str]]:
    return sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)


def upward(graph: nx.DiGraph, top: str) -> list[tuple[str, str]]:
    def layer(module: str) -> int | None:
        parts = module.split(".")
        return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None

    out = []
    for a, b in graph.edges:
        la, lb = layer(a), layer(b)
        if a.startswith(top) and la is not None and lb is not None and lb > la:
            out.append((a, b))
    return sorted(out)


def test_the_package_has_no_import_cycle():
    found = cycles(import_graph(PACKAGE))
    assert found == [], "modules that import each other (directly or round a loop): " + "; ".join(
        " <-> ".join(c) for c in found)


def test_the_layers_import_downward_only():
    bad = upward(import_graph(PACKAGE), "claimgraph")
    assert bad == [], "imports of a higher layer: " + ", ".join(f"{a} -> {b}" for a, b in bad)


def test_every_module_is_in_the_graph():
    graph = import_graph(PACKAGE)
    assert {"claimgraph.api", "claimgraph.cli", "claimgraph.nlp.pipeline", "claimgraph.export.html"} <= set(graph)
    # and the graph sees real edges, lazy ones included
    assert graph.has_edge("claimgraph.cli", "claimgraph.api")
    assert graph.has_edge("claimgraph.export.base", "claimgraph.graph")


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    root = tmp_path / "claimgraph"
    (root / "nlp").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "model.py").write_text("")
    (root / "nlp" / "__init__.py").write_text("")
    (root / "nlp" / "a.py").write_text("from . import b\n")
    (root / "nlp" / "b.py").write_text("def f():\n    from .a import x\n")  # a lazy import closes the loop
    (root / "api.py").write_text("from .nlp import a\n")
    (root / "model2.py").write_text("")
    (root / "nlp" / "c.py").write_text("from ..api import Builder\n")  # nlp -> api: upward
    return root


def test_the_check_finds_a_cycle_and_an_upward_import(toy: Path):
    graph = import_graph(toy)
    assert cycles(graph) == [["claimgraph.nlp.a", "claimgraph.nlp.b"]]
    assert upward(graph, "claimgraph") == [("claimgraph.nlp.c", "claimgraph.api")]
