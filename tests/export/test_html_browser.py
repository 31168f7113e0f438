"""graph.html in a real browser: Debian's headless Chromium, driven by Playwright.

Run with ``make test`` (they carry the ``browser`` marker); without Chromium
they skip with the reason, except in CI (``CI=true``), where they fail.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.browser import visit
from tests.synthetic import PAYLOADS, hostile_graph, synthetic_graph

pytestmark = pytest.mark.browser

HOSTILE_ARTICLE = (
    "The <script>window.__pwned='nlp-script'</script> Brigade \"quote' breaker\" (TBB) attacked the "
    "<img src=x onerror=\"window.__pwned='nlp-img'\"> post in Bannu; the Taliban denied supporting the TTP. "
    "Pakistan accused the Taliban of supporting the TTP \"'><svg onload=\"window.__pwned='nlp-svg'\">. "
    "Pakistani forces said the TTP attacked them in Bannu."
)


@pytest.fixture(scope="module")
def seed_html(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-html")
    seed_graph.write_html(out)
    return out / "graph.html"


def shown(page) -> dict:
    return page.evaluate("""() => ({nodes: window.claimgraph.visibleNodes.size,
        edges: window.claimgraph.visibleEdges.size,
        drawnNodes: window.claimgraph.network.body.nodeIndices.length,
        drawnEdges: window.claimgraph.network.body.edgeIndices.length,
        text: document.getElementById('shown').textContent})""")


def test_seed_page_loads_offline_with_its_whole_graph(browser, seed_html, seed_graph, artifacts):
    with visit(browser, seed_html) as v:
        page = v.page
        assert v.foreign_requests(seed_html.resolve().as_uri()) == []
        assert v.problems() == []
        data = page.evaluate("() => JSON.parse(document.getElementById('graph-data').textContent)")
        assert len(data["nodes"]) == len(seed_graph.entities)
        merged = {(c.subject, c.relation.value, c.object, c.status.value) for c in seed_graph.claims}
        assert len(data["edges"]) == len(merged)
        linked = {c.subject for c in seed_graph.claims} | {c.object for c in seed_graph.claims}
        # by default the entities no claim links are hidden; everything else is drawn
        now = shown(page)
        assert (now["nodes"], now["drawnNodes"]) == (len(linked), len(linked))
        assert now["edges"] == now["drawnEdges"] == len(merged)
        assert f"Showing {len(linked)} of {len(seed_graph.entities)} entities" in now["text"]
        assert page.evaluate("() => window.claimgraph.network.physics.physicsEnabled") is False  # settled, stopped
        page.screenshot(path=str(artifacts / "seed-graph.png"))
        page.check("#f-isolated")
        now = shown(page)
        assert now["drawnNodes"] == len(seed_graph.entities) and now["drawnEdges"] == len(merged)
        assert v.problems() == []


def test_filters_hide_and_recount(browser, seed_html, seed_graph):
    claims = seed_graph.claims
    merged = Counter((c.subject, c.relation.value, c.object, c.status.value) for c in claims)
    with visit(browser, seed_html) as v:
        page = v.page
        page.uncheck("#f-relation input[value=alliedWith]")
        now = shown(page)
        assert now["edges"] == now["drawnEdges"] == sum(1 for k in merged if k[1] != "alliedWith")
        page.click("button[data-none=f-status]")
        assert shown(page)["drawnEdges"] == 0 and shown(page)["drawnNodes"] == 0
        page.click("button[data-all=f-status]")
        page.click("#reset")
        doc = seed_graph.documents[0].id
        page.click("button[data-none=f-document]")
        page.check(f"#f-document input[value='{doc}']")
        in_doc = Counter((c.subject, c.relation.value, c.object, c.status.value)
                         for c in claims if c.evidence.document == doc)
        now = shown(page)
        assert now["drawnEdges"] == len(in_doc)
        assert f"({sum(in_doc.values())} of {len(claims)} claims)" in now["text"]
        # a merged edge's label counts only the statements of the selected documents
        labels = page.evaluate("() => window.claimgraph.edges.get().filter(e => window.claimgraph.visibleEdges.has(e.id))"
                               ".map(e => [e.from, e.relation, e.to, e.status, e.label])")
        for s, r, o, st, label in labels:
            n = in_doc[(s, r, o, st)]
            assert label.endswith(f"\u00d7{n}") if n > 1 else "\u00d7" not in label
        page.uncheck("#f-class input[value=State]")
        states = {e.id for e in seed_graph.entities if e.type.value == "State"}
        assert not states & set(page.evaluate("() => window.claimgraph.network.body.nodeIndices"))
        assert v.problems() == []


def test_search_lists_matches_and_opens_the_entity(browser, seed_html, seed_graph):
    with visit(browser, seed_html) as v:
        page = v.page
        page.fill("#search", "pakistan")
        items = page.locator("#matches li button").all_inner_texts()
        expected = [e for e in seed_graph.entities
                    if "pakistan" in e.label.lower() or any("pakistan" in a.lower() for a in e.aliases)]
        assert len(items) == len(expected) > 1
        assert items[0].startswith("Pakistan")  # a name that starts with the query comes first
        assert f"{len(expected)} matches" in page.text_content("#match-note")
        selected = page.evaluate("() => window.claimgraph.network.getSelectedNodes()")
        assert "pakistan" in selected
        page.press("#search", "Enter")
        page.wait_for_selector("#details:not([hidden])")
        assert page.text_content("#details h3") == "Pakistan"
        page.keyboard.press("Escape")
        assert page.is_hidden("#details")
        page.fill("#search", "zzzz-no-such-name")
        assert page.text_content("#match-note") == "No entity matches."
        assert v.problems() == []


def test_hover_shows_a_tooltip_and_click_the_evidence(browser, seed_html, seed_graph):
    with visit(browser, seed_html) as v:
        page = v.page
        box = page.locator("#network").bounding_box()
        at = page.evaluate("""() => { const n = window.claimgraph.network;
            return n.canvasToDOM(n.getPositions(['pakistan'])['pakistan']); }""")
        page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
        page.wait_for_selector("#tip:not([hidden])")
        assert page.text_content("#tip h3") == "Pakistan"
        edge = page.evaluate("""() => { const c = window.claimgraph;
            const e = c.edges.get().filter(e => c.visibleEdges.has(e.id)).sort((a, b) => b.count - a.count)[0];
            const p = c.network.body.edges[e.id].edgeType.getPoint(0.5);
            return {id: e.id, at: c.network.canvasToDOM(p), from: e.from, to: e.to, count: e.count}; }""")
        page.mouse.move(box["x"] + 5, box["y"] + 5)
        page.mouse.click(box["x"] + edge["at"]["x"], box["y"] + edge["at"]["y"])
        page.wait_for_selector("#details:not([hidden])")
        details = page.text_content("#details")
        statements = [c for c in seed_graph.claims if c.subject == edge["from"] and c.object == edge["to"]]
        assert any(c.evidence.sentence in details for c in statements)
        assert f"{edge['count']} statement" in details
        assert v.problems() == []


def _probe_everything(page) -> None:
    """Open every entity's and every edge's details, hover each node, search the payloads."""
    page.evaluate("""() => { const c = window.claimgraph;
        c.nodes.getIds().forEach(id => c.selectNode(id));
        c.edges.getIds().forEach(id => c.selectEdge(id)); }""")
    box = page.locator("#network").bounding_box()
    for at in page.evaluate("""() => { const n = window.claimgraph.network;
            return Object.values(n.getPositions()).map(p => n.canvasToDOM(p)); }"""):
        page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
        page.wait_for_timeout(50)
    for text in ("<script", "<img", "onerror", "'", '"'):
        page.fill("#search", text)
        page.keyboard.press("Enter")
    page.check("#f-isolated")
    page.click("#view-map")  # the map draws names too (as SVG text and titles)
    page.evaluate("() => document.querySelectorAll('#map .marker').forEach(m => m.dispatchEvent(new Event('click')))")
    page.click("#view-graph")
    page.click("#reset")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-bypassed"])
def test_hostile_text_never_executes(browser, tmp_path, bypass_csp, artifacts):
    """Script tags, event handlers and quote breakers in names, aliases, document ids and
    titles, sentences, cues and sources: nothing runs, with the page's CSP and, to show the
    escaping holds by itself, with the CSP bypassed."""
    hostile_graph().write_html(tmp_path)
    with visit(browser, tmp_path / "graph.html", bypass_csp=bypass_csp) as v:
        page = v.page
        _probe_everything(page)
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__pwned") is None
        assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.evaluate("() => document.scripts.length") == 5  # data, world outline and the three scripts
        # the payloads are shown as text
        page.evaluate("() => window.claimgraph.selectNode('x0')")
        assert PAYLOADS[0] in page.text_content("#details")
        assert v.problems() == []
        page.screenshot(path=str(artifacts / f"hostile-{'bypass' if bypass_csp else 'csp'}.png"))


def test_hostile_article_built_end_to_end_never_executes(browser, builder, tmp_path):
    kg = builder.build_text(HOSTILE_ARTICLE, "bad<id>\"'")
    assert kg.claims, "the article should give claims whose sentences carry the payloads"
    assert any("<img src=x" in c.evidence.sentence or "<script>" in c.evidence.sentence for c in kg.claims)
    kg.write_html(tmp_path)
    with visit(browser, tmp_path / "graph.html", bypass_csp=True) as v:
        _probe_everything(v.page)
        assert v.page.evaluate("() => window.__pwned") is None
        assert v.problems() == []


def test_a_2000_entity_page_opens_drawn_as_laid_out(browser, tmp_path, artifacts):
    kg = synthetic_graph(2000)
    kg.write_html(tmp_path)
    with visit(browser, tmp_path / "graph.html") as v:
        page = v.page
        info = page.evaluate("""() => ({physics: window.claimgraph.network.physics.physicsEnabled,
            nodes: window.claimgraph.nodes.length, edges: window.claimgraph.edges.length,
            drawnEdges: window.claimgraph.network.body.edgeIndices.length})""")
        merged = {(c.subject, c.relation.value, c.object, c.status.value) for c in kg.claims}
        assert info == {"physics": False, "nodes": 2000, "edges": len(merged), "drawnEdges": len(merged)}
        assert v.problems() == []
        page.screenshot(path=str(artifacts / "synthetic-2000.png"))


def test_top_n_page(browser, tmp_path):
    kg = synthetic_graph(2000)
    kg.write_html(tmp_path, max_nodes=150)
    with visit(browser, tmp_path / "graph.html") as v:
        meta = json.loads(v.page.text_content("#graph-data"))["meta"]
        assert v.page.evaluate("() => window.claimgraph.nodes.length") == meta["entities"] == 150
        assert "(the 150 with most claims, of 2000)" in v.page.text_content("header")
        assert v.problems() == []


def test_keyboard_reaches_the_graph_and_zooms(browser, seed_html):
    with visit(browser, seed_html) as v:
        page = v.page
        page.focus("#search")
        for _ in range(200):  # Tab from the search box through the panel reaches the graph
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('vis-network')"):
                break
        else:
            raise AssertionError("Tab never reached the graph")
        before = page.evaluate("() => window.claimgraph.network.getScale()")
        page.keyboard.down("Minus")
        page.wait_for_timeout(300)
        page.keyboard.up("Minus")
        assert page.evaluate("() => window.claimgraph.network.getScale()") < before
        # typing in the search box does not move the graph (keys are bound to the canvas only)
        view = page.evaluate("() => [window.claimgraph.network.getScale(), window.claimgraph.network.getViewPosition()]")
        page.focus("#search")
        for key in ("Minus", "Equal", "ArrowLeft"):
            page.keyboard.down(key)
            page.wait_for_timeout(300)
            page.keyboard.up(key)
        assert page.evaluate("() => [window.claimgraph.network.getScale(), window.claimgraph.network.getViewPosition()]") == view
        assert v.problems() == []


def test_the_benchmark_runs(browser, tmp_path):
    """A tiny run of benchmarks/bench_html.py, so it keeps working (its figures are not checked;
    it starts its own Chromium: the fixture only skips or fails the test where there is none)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_html.py"), "--entities", "60",
                           "--repeat", "1", "--timeout", "60", "--skip-pyvis"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("first draw") == 4 and "did not settle" not in done.stdout
    assert "ratio ours-78 / ours: settled" in done.stdout


@pytest.mark.parametrize("keep", ["nothing", "entities"])
def test_pages_of_empty_graphs_open(browser, tmp_path, keep):
    from claimgraph import KnowledgeGraph

    kg = hostile_graph()
    kg = KnowledgeGraph(kg.documents, kg.entities if keep == "entities" else (), ())
    kg.write_html(tmp_path)
    with visit(browser, tmp_path / "graph.html") as v:
        # with no claim at all, the entities are shown (there is nothing else to show)
        assert shown(v.page)["drawnNodes"] == len(kg.entities)
        assert v.page.is_checked("#f-isolated")
        assert v.problems() == []
