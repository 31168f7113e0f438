"""How long graph.html takes to open in headless Chromium, for a large graph.

    .venv/bin/python benchmarks/bench_html.py                 # 2,000 entities (make bench-html)
    .venv/bin/python benchmarks/bench_html.py --entities 500 --repeat 1

A synthetic KnowledgeGraph (records, no NLP; ``tests/synthetic.py``) is
written as a page, then each page is opened in Debian's headless Chromium
and timed from navigation start:

* first draw: vis-network's first ``afterDrawing``;
* settled: the first draw once physics has stopped (vis-network draws
  nothing while it stabilises), or the first draw when the page is drawn
  as laid out with physics off;
* longest task and total blocking time (sum of main-thread tasks' time over
  50 ms, from the browser's long-task entries): how long the page freezes.

Baselines measured in the same run: pyvis's own page (``generate_html``,
its defaults: physics on, no precomputed layout) for the same graph, and
our page for a 78-entity graph (the size of the seed graph). Also timed:
writing the page in Python, and pyvis's ``add_edge`` (a linear scan of the
node list per edge) against the set-checked path the exporter uses.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, visit  # noqa: E402
from tests.synthetic import synthetic_graph  # noqa: E402

# collected before any page script: long tasks, and when vis draws / settles
PROBE = """
window.__long = [];
try { new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push(e.duration)))
        .observe({type: 'longtask', buffered: true}); } catch (e) {}
"""
# appended to pyvis's page: hooks the network object it made (our page keeps its own timings in
# window.claimgraph.timings: first draw, and ready = the first draw once physics stopped)
HOOK = """<script>
(function () {
  const n = window.network;
  window.__t = {};
  n.once('afterDrawing', () => { window.__t.draw = performance.now(); });
  n.once('stabilizationIterationsDone', () => { window.__t.settled = performance.now(); });
  if (!n.physics.physicsEnabled || !n.physics.options.enabled) window.__t.static = true;
})();
</script>"""
DONE = """() => (window.claimgraph !== undefined && window.claimgraph.ready === true) ||
  (window.__t !== undefined && window.__t.draw !== undefined && (window.__t.static || window.__t.settled !== undefined))"""
TIMES = """() => window.claimgraph !== undefined
  ? {draw: window.claimgraph.timings.firstDraw, settled: window.claimgraph.timings.ready}
  : window.__t"""


def hooked(page: Path, out: Path) -> Path:
    """A copy of pyvis's page with the timing hook."""
    text = page.read_text(encoding="utf-8")
    out.write_text(text.replace("</body>", HOOK + "\n</body>", 1), encoding="utf-8")
    return out


def pyvis_page(kg, out: Path) -> Path:
    """What pyvis makes of the same graph with its defaults: one edge per claim, title tooltips."""
    from pyvis.network import Network

    net = Network(directed=True, height="900px", width="100%", cdn_resources="in_line")
    for e in kg.entities:
        net.add_node(e.id, label=e.label, title=e.type.value)
    for c in kg.claims:
        net.add_edge(c.subject, c.object, label=c.relation.value, title=c.evidence.sentence)
    out.write_text(net.generate_html(), encoding="utf-8")
    return out


def measure(browser, page: Path, timeout_s: float) -> dict:
    t0 = time.perf_counter()
    with visit(browser, page, wait=False, init_script=PROBE, timeout_ms=int(timeout_s * 1000)) as v:
        v.page.route("http*://**", lambda route: route.abort())  # pyvis links a CDN: fail fast, offline
        try:
            v.page.wait_for_function(DONE, timeout=timeout_s * 1000, polling=100)
        except Exception:  # noqa: BLE001 - a page that does not settle in time is reported as such
            return {"timeout": True, "wall": time.perf_counter() - t0}
        t = v.page.evaluate(TIMES)
        longs = v.page.evaluate("() => window.__long")
    # vis does not draw while it stabilises: settled = the first draw after physics stopped
    return {"timeout": False, "draw": t["draw"], "settled": max(t["draw"], t.get("settled", 0.0)),
            "longest": max(longs, default=0.0), "blocking": sum(max(0.0, d - 50) for d in longs)}


def time_builders(n: int) -> tuple[float, float]:
    """pyvis add_edge (linear scan per edge) vs the exporter's set check + pyvis Edge, seconds (best of 3)."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    kg = synthetic_graph(n, seed=11)
    ids = [e.id for e in kg.entities]
    pairs = [(c.subject, c.object) for c in kg.claims]
    net = Network(directed=True)
    for i in ids:
        net.add_node(i)
    scan = fast = float("inf")
    for _ in range(3):  # the best of three of each
        net.edges.clear()
        t = time.perf_counter()
        for s, o in pairs:
            net.add_edge(s, o)
        scan = min(scan, time.perf_counter() - t)
        net.edges.clear()
        t = time.perf_counter()
        known = set(net.get_nodes())
        for s, o in pairs:
            assert s in known and o in known
            net.edges.append(Edge(s, o, True).options)
        fast = min(fast, time.perf_counter() - t)
    return scan, fast


def fmt(r: dict | None) -> str:
    if r is None:
        return "not run"
    if r["timeout"]:
        return f"did not settle within the time limit ({r['wall']:.0f} s wall)"
    return (f"first draw {r['draw']:8.0f} ms   settled {r['settled']:8.0f} ms   longest task {r['longest']:6.0f} ms"
            f"   blocking {r['blocking']:7.0f} ms")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="page loads per page (the median is printed)")
    ap.add_argument("--timeout", type=float, default=180, help="seconds to wait for a page to settle")
    ap.add_argument("--skip-pyvis", action="store_true", help="skip pyvis's own page (it can take minutes)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        kg = synthetic_graph(args.entities)
        small = synthetic_graph(78, seed=3)
        print(f"graph: {len(kg.entities)} entities, {len(kg.claims)} claims, {len(kg.documents)} documents")
        pages: dict[str, Path] = {}
        writes: dict[str, float] = {}
        for name, graph, opts in (("ours", kg, {}), ("ours-physics", kg, {"layout": "physics"}),
                                  ("ours-top500", kg, {"max_nodes": 500}), ("ours-78", small, {})):
            t = time.perf_counter()
            graph.write_html(tmp / name, **opts)
            writes[name] = time.perf_counter() - t
            pages[name] = tmp / name / "graph.html"
        if not args.skip_pyvis:
            t = time.perf_counter()
            pages["pyvis"] = hooked(pyvis_page(kg, tmp / "pyvis-raw.html"), tmp / "pyvis.html")
            writes["pyvis"] = time.perf_counter() - t

        results: dict[str, dict] = {}
        with chromium() as browser:
            for name, page in pages.items():
                runs = [measure(browser, page, args.timeout) for _ in range(1 if "physics" in name or name == "pyvis"
                                                                            else args.repeat)]
                ok = [r for r in runs if not r["timeout"]]
                if not ok:
                    results[name] = runs[0]
                    continue
                results[name] = {"timeout": False, **{k: statistics.median(r[k] for r in ok)
                                                      for k in ("draw", "settled", "longest", "blocking")}}

        labels = {
            "ours": f"graph.html, {args.entities} entities (networkx layout, physics off)",
            "ours-top500": f"graph.html, top 500 of {args.entities} entities",
            "ours-physics": f"graph.html, {args.entities} entities, layout=physics (vis settles it)",
            "pyvis": f"pyvis generate_html, same graph (baseline: pyvis defaults)",
            "ours-78": "graph.html, 78 entities (baseline: seed-graph size, physics)",
        }
        print(f"\nheadless Chromium ({args.repeat} loads of each static page, median; physics pages once)")
        for name in ("ours", "ours-top500", "ours-physics", "pyvis", "ours-78"):
            if name in pages:
                print(f"  {labels[name]:<66} write {writes[name]:5.2f} s\n      {fmt(results.get(name))}")
        ours = results["ours"]
        for base in ("pyvis", "ours-78"):
            r = results.get(base)
            if r is None or ours["timeout"]:
                continue
            if r["timeout"]:
                print(f"ratio: {base} did not settle within {args.timeout:.0f} s; ours settled in {ours['settled']:.0f} ms")
            else:
                print(f"ratio {base} / ours: settled {r['settled'] / ours['settled']:.3g}   "
                      f"blocking {r['blocking'] / max(ours['blocking'], 1):.3g}   "
                      f"longest task {r['longest'] / max(ours['longest'], 1):.3g}")

        print("\nbuilding the pyvis network: add_edge (linear scan per edge) vs set check + pyvis Edge")
        for n in (args.entities, 10 * args.entities):
            scan, fast = time_builders(n)
            print(f"  {n:6d} entities: add_edge {scan:7.3f} s   set-checked {fast:7.3f} s   ratio {scan / fast:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
