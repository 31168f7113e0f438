"""The page's source selector, in headless Chromium: choosing a source shows the graph as
that source tells it (its statements only), with the counts the records give."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.browser import visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def outlet_page(builder, tmp_path_factory):
    from claimgraph.ingest.document import document_from_text

    cfg = builder.config.ingest
    docs = [document_from_text("a", "KABUL (Reuters) - The TTP attacked the Frontier Constabulary in Bannu. "
                                    "Pakistan accused the Taliban of sheltering the TTP.", config=cfg,
                               url="https://www.dawn.com/news/1"),
            document_from_text("b", "The TTP attacked the Frontier Constabulary in Bannu. Al-Shabaab attacked "
                                    "Mogadishu. The Taliban denied sheltering the TTP.", config=cfg,
                               publisher="Tolo News")]
    kg = builder.build(docs)
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
