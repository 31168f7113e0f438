"""The page's source selector, in headless Chromium: choosing a source shows the graph as
that source tells it (its statements only), with the counts the records give."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.browser import visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def outlet_page(builder, tmp_path_factory):
    from tests.synthetic import outlet_documents

    kg = builder.build(outlet_documents(builder.config.ingest))
    out = tmp_path_factory.mktemp("sources-html")
    kg.write_html(out)
    return kg, out / "graph.html"


def _lens(kg, c):
    labels = {e.id: e.label for e in kg.entities}
    if c.attributed_to is not None:
        return labels.get(c.attributed_to.entity, c.attributed_to.entity) if c.attributed_to.entity \
            else c.attributed_to.phrase
    if c.relation.value == "accuses":
        return labels[c.subject]
    doc = next(d for d in kg.documents if d.id == c.evidence.document)
    return doc.publisher or f"the article {doc.title or doc.id}"


def test_the_source_selector_shows_one_sources_graph(browser, outlet_page):
    kg, page_file = outlet_page
    by_source = Counter(_lens(kg, c) for c in kg.claims)
    assert {"dawn.com", "Tolo News", "Pakistan"} <= set(by_source)
    with visit(browser, page_file) as v:
        page = v.page
        options = page.evaluate("() => Array.from(document.querySelectorAll('#f-source option'), o => o.textContent)")
        assert options[0] == f"every source ({len(by_source)})"
        assert sorted(options[1:]) == sorted(f"{name} ({n})" for name, n in by_source.items())
        for name, n in by_source.items():
            page.select_option("#f-source", name)
            shown = page.evaluate("""() => window.claimgraph.edges.get().filter(e => window.claimgraph.visibleEdges.has(e.id))
                                   .map(e => [e.from, e.relation, e.to, e.status])""")
            expected = {(c.subject, c.relation.value, c.object, c.status.value) for c in kg.claims if _lens(kg, c) == name}
            assert {tuple(e) for e in shown} == expected, name
            assert f"({n} of {len(kg.claims)} claims)" in page.text_content("#shown")
        page.click("#reset")
        assert page.input_value("#f-source") == ""
        assert v.problems() == []
        assert v.foreign_requests(page_file.resolve().as_uri()) == []


def _colour(page, s, r, o, status):
    return page.evaluate(f"""() => {{ const e = window.claimgraph.edges.get().find(e =>
        e.from === '{s}' && e.relation === '{r}' && e.to === '{o}' && e.status === '{status}');
        return e && window.claimgraph.visibleEdges.has(e.id) ? e.color.color : null; }}""")


def test_comparing_two_sources_colours_what_each_says_and_where_they_disagree(browser, outlet_page):
    kg, page_file = outlet_page
    with visit(browser, page_file) as v:
        page = v.page
        base = _colour(page, "tehreek-e-taliban-pakistan", "attacks", "frontier-constabulary", "asserted")
        # both outlets report the attack: green, and only their statements are shown
        page.select_option("#f-source", "dawn.com")
        page.select_option("#f-compare", "Tolo News")
        assert page.is_visible("#compare-key")
        assert _colour(page, "tehreek-e-taliban-pakistan", "attacks", "frontier-constabulary", "asserted") == "#1b7837"
        shown = page.evaluate("() => window.claimgraph.visibleEdges.size")
        expected = {(c.subject, c.relation.value, c.object, c.status.value) for c in kg.claims
                    if _lens(kg, c) in ("dawn.com", "Tolo News")}
        assert shown == len(expected)
        # Pakistan alleges the Taliban shelter the TTP, the Taliban deny it: red on both edges
        page.select_option("#f-source", "Pakistan")
        page.select_option("#f-compare", "Afghan Taliban")
        for status in ("alleged", "denied"):
            assert _colour(page, "afghan-taliban", "supports", "tehreek-e-taliban-pakistan", status) == "#b2182b"
        # what only one of them says is theirs alone: Pakistan's accusation is blue
        assert _colour(page, "pakistan", "accuses", "afghan-taliban", "asserted") == "#2166ac"
        page.select_option("#f-compare", "")
        assert page.is_hidden("#compare-key")
        page.select_option("#f-source", "")
        assert _colour(page, "tehreek-e-taliban-pakistan", "attacks", "frontier-constabulary", "asserted") == base
        assert v.problems() == []


def test_the_accusation_network_lists_the_allegations_under_each_accusation(browser, outlet_page):
    kg, page_file = outlet_page
    with visit(browser, page_file) as v:
        page = v.page
        page.click("#accusation-view")
        assert page.get_attribute("#accusation-view", "aria-pressed") == "true"
        shown = page.evaluate("""() => window.claimgraph.edges.get().filter(e => window.claimgraph.visibleEdges.has(e.id))
                               .map(e => [e.id, e.relation])""")
        accusations = {(c.subject, c.object) for c in kg.claims if c.relation.value == "accuses"}
        assert shown and {r for _id, r in shown} == {"accuses"} and len(shown) == len(accusations)
        page.evaluate(f"() => window.claimgraph.selectEdge('{shown[0][0]}')")
        page.wait_for_selector("#details:not([hidden])")
        assert "alleging: Afghan Taliban supports Tehreek-e-Taliban Pakistan (alleged)" in page.text_content("#details")
        page.click("#accusation-view")
        assert page.evaluate("() => window.claimgraph.visibleEdges.size") > len(shown)
        # an allegation's details name every source that states, alleges or denies it
        eid = page.evaluate("""() => window.claimgraph.edges.get().find(e => e.from === 'afghan-taliban'
                             && e.relation === 'supports' && e.status === 'alleged').id""")
        page.evaluate(f"() => window.claimgraph.selectEdge('{eid}')")
        details = page.text_content("#details")
        assert "alleged by: Pakistan" in details and "denied by: Afghan Taliban" in details
        assert v.problems() == []
