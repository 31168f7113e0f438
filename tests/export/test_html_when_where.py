"""The page's timeline and map, in headless Chromium: counts the records give, the period
and the map following the filters, the selection kept across views, nothing fetched,
no console error. (Browser tests: the ``browser`` marker.)"""
from __future__ import annotations

from collections import Counter

import pytest

from claimgraph.dates import first_day
from tests.browser import visit
from tests.synthetic import dated_graph

pytestmark = pytest.mark.browser

PLACING = {"operatesIn", "attacks", "controls", "locatedIn", "threatens"}


@pytest.fixture(scope="module")
def dated():
    return dated_graph()


@pytest.fixture(scope="module")
def dated_html(dated, tmp_path_factory):
    out = tmp_path_factory.mktemp("dated-html")
    dated.write_html(out)
    return out / "graph.html"


def _edge_key(c):
    return (c.subject, c.relation.value, c.object, c.status.value)


def _shown_edges(page) -> set[tuple]:
    return {tuple(e) for e in page.evaluate(
        "() => window.claimgraph.edges.get().filter(e => window.claimgraph.visibleEdges.has(e.id))"
        ".map(e => [e.from, e.relation, e.to, e.status])")}


def test_the_timeline_counts_the_dated_claims_by_year_over_decades(browser, dated_html, dated, artifacts):
    dated_claims = [c for c in dated.claims if c.when and c.when.value]
    # the corpus spans three decades (a claim about the 1990s): a bar per year
    years = sorted({first_day(c.when.value)[:4] for c in dated_claims})
    with visit(browser, dated_html) as v:
        page = v.page
        assert v.foreign_requests(dated_html.resolve().as_uri()) == []
        bins = page.evaluate("() => window.claimgraph.timelineBins.map(b => b.key)")
        assert bins == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
        assert page.evaluate("() => window.claimgraph.timelineTotal") == len(dated_claims)
        bars = page.evaluate("() => document.querySelectorAll('#timeline rect.bar').length")
        by_year_status = Counter((first_day(c.when.value)[:4], c.status.value) for c in dated_claims)
        assert bars == len(by_year_status)
        undated = len(dated.claims) - len(dated_claims)
        assert page.text_content("#f-time .count") == str(undated)
        page.screenshot(path=str(artifacts / "timeline.png"))
        # hiding a status takes its claims out of the bars
        page.uncheck("#f-status input[value=alleged]")
        assert page.evaluate("() => window.claimgraph.timelineTotal") == \
            sum(1 for c in dated_claims if c.status.value != "alleged")
        assert v.problems() == []


@pytest.mark.parametrize("lo, hi, undated", [("2024-03-01", "2024-03-31", False), ("2023-01-01", "2023-12-31", True),
                                             ("2024-05-03", "2024-05-03", False)])
def test_a_period_filters_the_graph(browser, dated_html, dated, lo, hi, undated):
    def keep(c):
        if c.when is None or c.when.value is None:
            return undated
        day = first_day(c.when.value)
        return lo <= day <= hi

    expected = {_edge_key(c) for c in dated.claims if keep(c)}
    with visit(browser, dated_html) as v:
        page = v.page
        if not undated:
            page.uncheck("#f-undated")
        page.evaluate(f"() => window.claimgraph.setRange('{lo}', '{hi}')")
        assert _shown_edges(page) == expected
        assert page.input_value("#t-from") == lo and page.input_value("#t-to") == hi
        assert f"({sum(1 for c in dated.claims if keep(c))} of {len(dated.claims)} claims)" in \
            page.text_content("#shown")
        page.click("#t-clear")
        if not undated:
            page.check("#f-undated")
        assert _shown_edges(page) == {_edge_key(c) for c in dated.claims}
        assert v.problems() == []


def test_dragging_across_the_timeline_picks_a_period(browser, dated_html, dated):
    with visit(browser, dated_html) as v:
        page = v.page
        box = page.locator("#timeline svg").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + 40, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
        page.mouse.up()
        lo, hi = page.input_value("#t-from"), page.input_value("#t-to")
        assert lo and hi and lo <= hi
        bins = page.evaluate("() => window.claimgraph.timelineBins")
        assert lo in {b["lo"] for b in bins} and hi in {b["hi"] for b in bins}
        assert page.evaluate("() => document.querySelectorAll('#timeline rect.sel').length") == 1
        assert v.problems() == []


def test_the_map_shows_places_and_the_actors_beside_them(browser, dated_html, dated, artifacts):
    placed = {e.id for e in dated.entities if e.lat is not None}
    linked = {c.subject for c in dated.claims} | {c.object for c in dated.claims}
    beside = {(c.subject, c.object) for c in dated.claims
              if c.relation.value in PLACING and c.object in placed and c.subject not in placed}
    with visit(browser, dated_html) as v:
        page = v.page
        page.click("#view-map")
        assert page.is_visible("#map svg") and page.get_attribute("#view-map", "aria-pressed") == "true"
        markers = page.evaluate("() => window.claimgraph.mapMarkers()")
        assert Counter(markers) == Counter([p for p in placed & linked] + [a for a, _p in beside])
        assert page.evaluate("() => document.querySelectorAll('#map .land').length") == 1
        page.screenshot(path=str(artifacts / "map.png"))
        # the filters apply: hiding the armed groups takes their markers off
        page.uncheck("#f-class input[value=ArmedGroup]")
        markers = page.evaluate("() => window.claimgraph.mapMarkers()")
        groups = {e.id for e in dated.entities if e.type.value == "ArmedGroup"}
        assert markers and not groups & set(markers)
        page.check("#f-class input[value=ArmedGroup]")
        # a marker opens the entity, and the selection stays when the view changes
        page.click("#map .marker[data-id='maiduguri-ng']")
        page.wait_for_selector("#details:not([hidden])")
        assert page.text_content("#details h3") == "Maiduguri"
        assert page.evaluate("() => document.querySelector(\"#map .marker.selected\").getAttribute('data-id')") \
            == "maiduguri-ng"
        page.click("#view-graph")
        assert page.evaluate("() => window.claimgraph.network.getSelectedNodes()") == ["maiduguri-ng"]
        page.click("#view-map")
        assert page.evaluate("() => document.querySelector(\"#map .marker.selected\").getAttribute('data-id')") \
            == "maiduguri-ng"
        # search marks its matches on the map too
        page.fill("#search", "gao")
        assert page.evaluate("() => Array.from(document.querySelectorAll('#map .marker.hit'), m => m.dataset.id)") \
            == ["gao-ml"]
        # the period applies to the map
        page.evaluate("() => window.claimgraph.setRange('1900-01-01', '1900-01-02')")
        page.uncheck("#f-undated")
        assert page.evaluate("() => window.claimgraph.mapMarkers()") == []
        # zoom by wheel keeps working
        box = page.locator("#map svg").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -300)
        assert v.foreign_requests(dated_html.resolve().as_uri()) == []
        assert v.problems() == []


@pytest.mark.parametrize("days, unit", [(20, "day"), (300, "month"), (3000, "month")])
def test_the_timeline_bins_by_day_or_month_as_the_span_asks(browser, tmp_path, days, unit):
    from dataclasses import replace
    from datetime import date, timedelta

    from claimgraph.graph import KnowledgeGraph
    from claimgraph.model import When

    kg = dated_graph()
    start = date(2024, 1, 1)
    claims = [replace(c, when=When("on a day", (start + timedelta(days=i * days // len(kg.claims))).isoformat(), "day"))
              for i, c in enumerate(kg.claims)]
    KnowledgeGraph(kg.documents, kg.entities, tuple(claims)).write_html(tmp_path)
    with visit(browser, tmp_path / "graph.html") as v:
        keys = v.page.evaluate("() => window.claimgraph.timelineBins.map(b => b.key)")
        assert all(len(k) == (10 if unit == "day" else 7) for k in keys)
        days_seen = sorted(c.when.value for c in claims)
        assert keys[0] == days_seen[0][:len(keys[0])] and keys[-1] == days_seen[-1][:len(keys[-1])]
        assert v.page.evaluate("() => window.claimgraph.timelineTotal") == len(claims)
        assert v.problems() == []


def test_the_seed_map_and_a_page_without_dates(browser, seed_graph, tmp_path):
    seed_graph.write_html(tmp_path)
    page_file = tmp_path / "graph.html"
    with visit(browser, page_file) as v:
        page = v.page
        assert page.evaluate("() => window.claimgraph.timelineBins.length") == 0
        assert "No claim carries a date" in page.text_content("#timeline")
        page.click("#view-map")
        markers = set(page.evaluate("() => window.claimgraph.mapMarkers()"))
        assert {"pakistan", "afghanistan", "peshawar"} <= markers
        assert v.problems() == []
