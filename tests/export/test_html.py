"""graph.html without a browser: its data, options, layout, escaping and CSP."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser

import pytest

from claimgraph import load_config
from claimgraph.errors import ConfigError
from claimgraph.export.html import PHYSICS_MAX_NODES, check_options, keep_top, layout_positions
from claimgraph.model import Status
from tests.conftest import SEEDS
from tests.synthetic import PAYLOADS, hostile_graph, synthetic_graph


def page_data(page: str) -> dict:
    raw = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    return json.loads(raw)


class Elements(HTMLParser):
    """The elements and attributes of a page as an HTML parser sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def write(kg, tmp_path, **options) -> str:
    kg.write_html(tmp_path, **options)
    return (tmp_path / "graph.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory):
    return write(seed_graph, tmp_path_factory.mktemp("html"))


def merged_keys(kg) -> Counter:
    return Counter((c.subject, c.relation.value, c.object, c.status.value) for c in kg.claims)


def test_the_page_holds_every_entity_and_one_edge_per_relation_and_status(seed_graph, seed_page):
    data = page_data(seed_page)
    assert sorted(n["id"] for n in data["nodes"]) == sorted(e.id for e in seed_graph.entities)
    keys = merged_keys(seed_graph)
    edges = Counter((e["from"], e["relation"], e["to"], e["status"]) for e in data["edges"])
    assert set(edges.values()) == {1} and set(edges) == set(keys)
    for e in data["edges"]:
        assert e["count"] == keys[(e["from"], e["relation"], e["to"], e["status"])]
        assert sum(e["statements_by_document"].values()) == e["count"]
        assert len(e["info"]["statements"]) == min(e["count"], 25)
    assert data["meta"]["claims"] == len(seed_graph.claims) == sum(e["count"] for e in data["edges"])
    assert data["meta"]["physics"] is True  # a small graph settles with physics, then stops


def test_parallel_claims_are_merged_with_a_count_and_curved_apart(tmp_path):
    kg = hostile_graph()
    data = page_data(write(kg, tmp_path))
    # x0 -> x1 is claimed asserted (twice, in two documents) and hypothetical (twice): two edges, curved apart
    pair = [e for e in data["edges"] if {e["from"], e["to"]} == {"x0", "x1"}]
    assert len(pair) == 2
    assert {e["label"] for e in pair} == {"supports \u00d72", "alliedWith (hypothetical) \u00d72"}
    assert all(e["smooth"]["enabled"] for e in pair)
    assert {e["smooth"]["type"] for e in pair} == {"curvedCW", "curvedCCW"}
    single = [e for e in data["edges"] if {e["from"], e["to"]} != {"x0", "x1"}]
    assert single and not any(e["smooth"]["enabled"] for e in single)


def test_status_styles_are_distinct(tmp_path):
    data = page_data(write(hostile_graph(), tmp_path))
    by_status = {e["status"]: e for e in data["edges"]}
    assert set(by_status) == {s.value for s in Status}
    assert by_status["asserted"]["dashes"] is False
    assert by_status["alleged"]["dashes"] and by_status["denied"]["dashes"] != by_status["alleged"]["dashes"]
    assert by_status["denied"]["arrows"]["middle"]["type"] == "bar"  # struck through
    assert by_status["denied"]["label"].startswith("\u2717 ")
    assert by_status["hypothetical"]["color"]["opacity"] < 0.5


def test_article_text_never_reaches_the_markup_unescaped(tmp_path):
    page = write(hostile_graph(), tmp_path)
    raw = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "'" not in raw  # tojson escapes them as \\u003c etc.
    labels = {n["id"]: n["info"]["label"] for n in page_data(page)["nodes"]}
    assert labels["x0"] == "Brigade " + PAYLOADS[0]  # the text itself is kept, as data
    parsed = Elements(page)
    tags = Counter(tag for tag, _ in parsed.tags)
    # exactly the five scripts the page ships (its data, the world outline, vis-network, topojson-client,
    # ours), no image, no handler
    assert tags["script"] == 5 and tags["img"] == 0
    assert all(not name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert all(attrs.get("class") == "icon" or "line" in attrs.get("class", "")
               for tag, attrs in parsed.tags if tag == "svg")
    # the document filter shows the hostile title as text (escaped by Jinja2)
    assert "Title " + PAYLOADS[1] + PAYLOADS[4] in parsed.text


def test_the_csp_allows_exactly_the_inline_scripts(seed_page):
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', seed_page).group(1))
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", seed_page, flags=re.S)
    assert len(scripts) == 3  # vis-network, topojson-client, the page's own
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_no_outside_reference(seed_page):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", seed_page)
    assert "@import" not in seed_page and "url(http" not in seed_page


def test_keep_top_keeps_the_most_connected(seed_graph, tmp_path):
    data = page_data(write(seed_graph, tmp_path, max_nodes=10))
    degree = Counter()
    for c in seed_graph.claims:
        degree[c.subject] += 1
        degree[c.object] += 1
    kept = {n["id"] for n in data["nodes"]}
    assert len(kept) == 10
    assert min(degree[i] for i in kept) >= max(degree[e.id] for e in seed_graph.entities if e.id not in kept)
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    assert data["meta"]["total_entities"] == len(seed_graph.entities)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert f"(the 10 with most claims, of {len(seed_graph.entities)})" in page


def test_keep_top_is_a_no_op_below_the_limit(seed_graph):
    ents, claims = keep_top(list(seed_graph.entities), list(seed_graph.claims), 10_000)
    assert len(ents) == len(seed_graph.entities) and len(claims) == len(seed_graph.claims)


def test_layout_is_deterministic_and_separates_components():
    kg = synthetic_graph(400, seed=3)
    ids = [e.id for e in kg.entities]
    pairs = [(c.subject, c.object) for c in kg.claims]
    pos = layout_positions(ids, pairs)
    assert pos == layout_positions(list(reversed(ids)), list(reversed(pairs)))
    assert set(pos) == set(ids)
    assert len(set(pos.values())) == len(ids)  # no two entities on one spot
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from(pairs)
    boxes = []
    for comp in nx.connected_components(g):
        xs = [pos[n][0] for n in comp]
        ys = [pos[n][1] for n in comp]
        boxes.append((min(xs), min(ys), max(xs), max(ys), len(comp)))
    linked = [b for b in boxes if b[4] > 1]
    for i, a in enumerate(linked):
        for b in linked[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], "components overlap"


def test_large_graphs_are_drawn_as_laid_out(tmp_path):
    kg = synthetic_graph(PHYSICS_MAX_NODES + 100, seed=5)
    data = page_data(write(kg, tmp_path))
    assert data["meta"]["physics"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert page_data(write(kg, tmp_path, layout="physics"))["meta"]["physics"] is True
    small = page_data(write(synthetic_graph(50), tmp_path, layout="networkx"))
    assert small["meta"]["physics"] is False


def test_size_by_mentions(seed_graph, tmp_path):
    data = page_data(write(seed_graph, tmp_path, size_by="mentions"))
    mentions = {e.id: len(e.mentions) for e in seed_graph.entities}
    assert all(n["value"] == mentions[n["id"]] == n["mentions"] for n in data["nodes"])


@pytest.mark.parametrize("options, message", [
    ({"max_node": 3}, "html option 'max_node' is not one of: layout, max_nodes, size_by, title"),
    ({"layout": "circle"}, "html layout 'circle' is not one of: auto, networkx, physics"),
    ({"size_by": "age"}, "html size_by 'age' is not one of: degree, mentions"),
    ({"max_nodes": -1}, "max_nodes must be an integer, 0 or more"),
    ({"max_nodes": True}, "max_nodes must be an integer, 0 or more"),
])
def test_bad_options_are_refused_with_the_valid_ones(options, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        check_options(options)


def test_config_section_html(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[html]\nmax_nodes = 7\nlayout = "networkx"\nsize_by = "mentions"\ntitle = "T"\n')
    cfg = load_config(path)
    assert (cfg.html.max_nodes, cfg.html.layout, cfg.html.size_by, cfg.html.title) == (7, "networkx", "mentions", "T")
    path.write_text('[html]\nlayout = "spiral"\n')
    with pytest.raises(ConfigError, match="html.layout 'spiral' is not one of: auto, networkx, physics"):
        load_config(path)


def test_build_date_only_when_source_date_epoch_is_set(seed_graph, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert "build date not stamped" in write(seed_graph, tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    page = write(seed_graph, tmp_path)
    assert "built 2023-11-14" in page and "not stamped" not in page


def test_the_title_is_escaped(seed_graph, tmp_path):
    page = write(seed_graph, tmp_path, title="<b>Report</b> & co")
    assert "<title>&lt;b&gt;Report&lt;/b&gt; &amp; co</title>" in page


def test_cli_options_reach_the_page(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(SEEDS / "000_22d75547d2c3eff1.txt"),
                           "--out", str(out), "--format", "html", "--quiet", "--html-max-nodes", "5",
                           "--html-layout", "networkx", "--html-title", "Five"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    page = (out / "graph.html").read_text(encoding="utf-8")
    data = page_data(page)
    assert len(data["nodes"]) == 5 and data["meta"]["physics"] is False
    assert "<title>Five</title>" in page


def test_cli_refuses_a_bad_html_option_before_building(tmp_path):
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(SEEDS), "--out", str(tmp_path / "o"),
                           "--quiet", "--html-max-nodes", "-3"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "[CG202]" in done.stderr and "html.max_nodes must be 0 or more" in done.stderr
    assert not (tmp_path / "o").exists()


def test_layout_does_not_depend_on_the_string_hash_seed(seed_graph, tmp_path):
    """Two processes with different PYTHONHASHSEED lay out the seed graph identically."""
    import os

    script = ("import json, sys\n"
              "from claimgraph.export.html import layout_positions\n"
              "ids, pairs = json.load(open(sys.argv[1]))\n"
              "print(json.dumps(layout_positions(ids, [tuple(p) for p in pairs]), sort_keys=True))\n")
    data = tmp_path / "in.json"
    data.write_text(json.dumps([[e.id for e in seed_graph.entities],
                                [[c.subject, c.object] for c in seed_graph.claims]]))
    outs = {subprocess.run([sys.executable, "-c", script, str(data)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1 and json.loads(outs.pop())
