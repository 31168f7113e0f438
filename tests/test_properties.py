"""Property-based tests: hostile Unicode through the whole pipeline.

Random documents mixing names and cue words the extractor reacts to with
hostile text (control characters, quotes, backslashes, ``<script>``, RTL
marks, combining characters, very long tokens, empty lines, markup and
template syntax) go through ingest, NLP, extraction, resolution and every
export. Every export must parse (Turtle, and the RDF view as TriG, N-Quads
and JSON-LD, in rdflib and pyoxigraph; JSONL; CSV; JSON; GraphML), every
offset must index the text, the HTML page must hold no markup that came
from the text, and no exception may escape.

CI runs a few hundred derandomised examples (the same ones every run);
``-m slow`` runs 10,000 random ones.
"""
from __future__ import annotations

import csv
import io
import json
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from claimgraph.errors import Code, Problem
from claimgraph.graph import KnowledgeGraph
from claimgraph.ingest import document_from_text, read_paths
from claimgraph.ingest.document import id_problem

NAMES = ["Pakistan", "Afghanistan", "the Afghan Taliban", "the TTP", "Tehreek-e-Taliban Pakistan", "Islamabad",
         "Kabul", "Zabihullah Mujahid", "the Haqqani network", "Khost", "Bannu", "India", "Iran", "Qatar",
         "Pakistani forces", "ISKP", "al-Qaeda", "the Baloch Liberation Army", "Washington"]
CUES = ["attacked", "accused", "of supporting", "denied", "said", "allegedly", "according to", "killed",
        "leads", "spokesman", "supports", "controls", "threatened", "may have", "claimed", "is allied with",
        "operates in", "mediated between", "condemned", "an attack on", "by"]
GLUE = ["the", "of", "in", "and", "that", ",", ".", ";", "(", ")", "\u2019s", "'s", "not", "officials"]
HOSTILE = ["<script>alert(1)</script>", "</script><img src=x onerror=alert(1)>", '"', "'", "\\", "\\n", "\\u0000",
           "&amp;", "&lt;", "]]>", "<!--", "-->", "${x}", "{{ x }}", "{% x %}", "\u202e", "\u200f", "\u200b",
           "\u2066", "e\u0301", "\u0301", "\u0651", "\ufeff", "\u2028", "\u2029", "\x00", "\x07", "\x1b[31m", "\x7f",
           "\x85", "\t", "\r\n", "\r", "\u00a0", "\ufffd", "\U0001f4a5", "طالبان", "حقانی", "\u0915\u094d\u0937",
           "%", "%00", "#", "/", "?", "<http://x>", "_:b0", "@prefix", "\"\"\"", "MATCH (n) DETACH DELETE n",
           "`", "$rows", ";", "|", "\u3000", "ﬁ", "İ", "ß", "Ǆ", "\U000e0041"]
TEXT = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot come out of any reader


def _token():
    return st.one_of(
        st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(GLUE), st.sampled_from(HOSTILE),
        st.text(TEXT, min_size=1, max_size=12),
        st.integers(100, 3000).map(lambda n: "A" * n),  # a very long token
    )


_SEP = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", "-", "\n"])


@st.composite
def sentences(draw):
    tokens = draw(st.lists(_token(), min_size=1, max_size=18))
    seps = draw(st.lists(_SEP, min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps)).strip(" ") + draw(st.sampled_from([".", ".", "?", "", "!"]))


@st.composite
def articles(draw):
    lines = draw(st.lists(st.one_of(sentences(), st.just(""), st.text(TEXT, max_size=40)), min_size=1, max_size=12))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", " "]), min_size=len(lines),
                         max_size=len(lines)))
    # at most 8,000 characters: a longer text only makes every example slower
    # (its sentence is repeated in every claim of every export)
    return "".join(line + sep for line, sep in zip(lines, seps))[:8000]


_IDS = st.one_of(st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True), st.text(TEXT, min_size=1, max_size=30)) \
    .filter(lambda s: id_problem(s) is None)


@st.composite
def corpora(draw):
    ids = draw(st.lists(_IDS, min_size=1, max_size=3, unique=True))
    docs = []
    for doc_id in ids:
        title = draw(st.one_of(st.none(), st.text(TEXT, max_size=30), st.sampled_from(HOSTILE)))
        url = draw(st.one_of(st.none(), st.just("https://example.org/a?b=<script>&c=\"d\"#e")))
        date = draw(st.one_of(st.none(), st.just("2024-03-18")))
        docs.append(dict(doc_id=doc_id, text=draw(articles()), title=title, url=url, date=date))
    return docs


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attrs: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attrs.append((tag, dict(attrs)))


def _page_tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _rdf_checks(kg: KnowledgeGraph, ttl: Path) -> None:
    g = rdflib.Graph().parse(ttl, format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) > 0
    ds = kg.to_rdf()
    for fmt, ox in (("trig", pyoxigraph.RdfFormat.TRIG), ("nquads", pyoxigraph.RdfFormat.N_QUADS),
                    ("json-ld", pyoxigraph.RdfFormat.JSON_LD)):
        data = ds.serialize(format=fmt, encoding="utf-8")
        store = pyoxigraph.Store()
        store.load(data, format=ox)
        back = rdflib.Dataset()
        back.parse(data=data, format=fmt)
        assert len(store) == sum(1 for _ in back.quads()) == sum(1 for _ in ds.quads()), fmt


def _export_checks(kg: KnowledgeGraph, out: Path) -> None:
    texts = {d.id: d.text for d in kg.documents}
    claims = [json.loads(x) for x in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    entities = [json.loads(x) for x in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(claims) == len(kg.claims) and len(entities) == len(kg.entities)
    for c in claims:
        assert 0 <= c["char_start"] < c["char_end"] <= len(texts[c["document"]])
        assert texts[c["document"]][c["char_start"]:c["char_end"]] == c["sentence"]
    for e in entities:
        for m in e["mentions"]:
            assert texts[m["document"]][m["char_start"]:m["char_end"]] == m["text"]
    for path in sorted((out / "neo4j").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert all(len(r) == len(rows[0]) for r in rows), path.name
    with (out / "neo4j" / "documents.csv").open(encoding="utf-8", newline="") as fh:
        ids = [row["id:ID(Document)"] for row in csv.DictReader(fh)]
    assert ids == [d.id for d in kg.documents]
    for path in sorted((out / "neo4j" / "params").glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))
    assert "UNWIND $rows" in (out / "neo4j" / "load.cypher").read_text(encoding="utf-8")
    nx.read_graphml(out / "graph.graphml")
    _rdf_checks(kg, out / "graph.ttl")


def _html_checks(kg: KnowledgeGraph, out: Path, reference: _Tags) -> None:
    page = (out / "graph.html").read_text(encoding="utf-8")
    data = page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    payload = json.loads(data)
    assert sorted(n["info"]["label"] for n in payload["nodes"]) == sorted(e.label for e in kg.entities)
    tags = _page_tags(page)
    # no element came from the text: the page's filter boxes depend on what
    # the graph holds, but no other kind of element appears, and no more of
    # those that run or load anything
    assert set(tags.tags) <= set(reference.tags)
    for active in ("script", "style", "link", "iframe", "object", "embed", "img", "meta", "base", "form"):
        assert tags.tags[active] == reference.tags[active], active
    handlers = {(t, a) for t, attrs in tags.attrs for a in attrs if a.startswith("on")}
    assert handlers <= {(t, a) for t, attrs in reference.attrs for a in attrs if a.startswith("on")}
    # every document's id and title went through the escaper and came back unchanged
    boxes = [attrs.get("title") for t, attrs in tags.attrs if t == "label" and "title" in attrs]
    values = [attrs.get("value") for t, attrs in tags.attrs if t == "input"]
    for d in kg.documents:
        assert d.id in values
        # an HTML parser reads CR and CRLF as LF (HTML's newline normalisation)
        assert _newlines(f"{d.id}: {d.title or d.id}") in boxes


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def reference_tags(builder, config, tmp_path_factory):
    """The page's elements for plain documents (their number fixes the count)."""
    cache = {}

    def get(n: int) -> _Tags:
        if n not in cache:
            docs = [document_from_text(f"doc{i}", "Plain text.", config=config.ingest) for i in range(n)]
            out = tmp_path_factory.mktemp(f"ref{n}")
            KnowledgeGraph(tuple(docs), (), ()).write_html(out)
            cache[n] = _page_tags((out / "graph.html").read_text(encoding="utf-8"))
        return cache[n]

    return get


def _whole_pipeline(builder, config, reference_tags, corpus) -> None:
    docs = [document_from_text(d["doc_id"], d["text"], config=config.ingest, title=d["title"], url=d["url"],
                               date=d["date"]) for d in corpus]
    problems = [Problem(f"in/{d['doc_id']}\n<b>", Code.EMPTY, "a hostile <script> in a report line")
                for d in corpus[:1]]
    kg = builder.build(docs, problems=problems)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        kg.write_all(out)
        _export_checks(kg, out)
        _html_checks(kg, out, reference_tags(len(kg.documents)))
        report = (out / "build-report.txt").read_text(encoding="utf-8")
        assert len(report.splitlines()) == 1 + len(kg.problems)


# no "explain" phase: it traces every line of spaCy and makes shrinking a
# failure take hours
_COMMON = dict(deadline=None, phases=[p for p in Phase if p is not Phase.explain],
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])


@settings(max_examples=200, derandomize=True, **_COMMON)
@given(corpus=corpora())
def test_hostile_documents_through_the_whole_pipeline(builder, config, reference_tags, corpus):
    _whole_pipeline(builder, config, reference_tags, corpus)


@pytest.mark.slow
@settings(max_examples=10_000, **_COMMON)
@given(corpus=corpora())
def test_hostile_documents_through_the_whole_pipeline_10000(builder, config, reference_tags, corpus):
    _whole_pipeline(builder, config, reference_tags, corpus)


# -- ingest alone: any bytes, any suffix ----------------------------------------------

@settings(max_examples=300, derandomize=True, **_COMMON)
@given(data=st.one_of(st.binary(max_size=3000), articles().map(lambda t: t.encode("utf-8")),
                      articles().map(lambda t: t.encode("utf-16")),
                      st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "url", "date", "x"]),
                                               st.one_of(st.text(TEXT, max_size=30), st.integers(), st.none(),
                                                         st.lists(st.integers(), max_size=2))), max_size=4)
                      .map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode("utf-8"))),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".md", ""]))
def test_any_bytes_in_any_file_give_documents_or_report_lines(config, data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        result = read_paths([path], config.ingest)
    assert result.documents or result.problems
    for doc in result.documents:
        doc.text.encode("utf-8")  # writable: no lone surrogates
        doc.id.encode("utf-8")
        assert id_problem(doc.id) is None and doc.text.strip()
        for b in doc.blocks:
            assert 0 <= b.start <= b.end <= len(doc.text)
    for p in result.problems:
        assert p.code.value.startswith("CG1") and p.message and "\n" not in p.message
