"""The canned analyst queries: each returns, on the seed graph, the rows an
independent Python computation over the records gives; on the store, on the
TriG dataset and on the merged Turtle alike; and rdflib agrees with Oxigraph."""
from __future__ import annotations

import json
from collections import Counter, defaultdict

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib import Literal as RLiteral
from rdflib import URIRef
from rdflib.plugins.sparql import prepareQuery

from claimgraph.cli import main
from claimgraph.graph.oxigraph import to_ox_quads
from claimgraph.graph.rdf import quads
from claimgraph.query import (
    EntityName,
    QueryError,
    bind,
    canned_queries,
    load_graphs,
    parse_param,
    query_text,
    resolve_entity,
    run,
)
from claimgraph.store import CorpusStore
from tests.synthetic import dated_graph

E = "https://claimgraph.org/id/entity/"
C = "https://claimgraph.org/id/claim/"
TTP = E + "tehreek-e-taliban-pakistan"
DOC_002 = "002_6d8b591c855f75e6"
CONTESTED_TEXT = ("Intelligence sources said the TTP attacked the KP Police in Bannu. "
                  "The TTP denied that it attacked the KP Police.")


# -- where the queries run ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources(seed_graph, builder, seed_documents, tmp_path_factory):
    folder = tmp_path_factory.mktemp("queries")
    seed_graph.write_all(folder / "exports", ("ttl", "trig"))
    with CorpusStore.open(folder / "store", create=True) as store:
        store.add(seed_documents, builder=builder)
    dataset = ox.Store()
    dataset.extend(to_ox_quads(quads(seed_graph.documents, seed_graph.entities, seed_graph.claims)))
    return {"dataset": dataset, "trig": load_graphs([folder / "exports" / "graph.trig"]),
            "turtle": load_graphs([folder / "exports" / "graph.ttl"]), "store": folder / "store"}


def value(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if term.datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"):
        return int(term.value)
    return term.value


def select(sources, where: str, name: str, params=None) -> list[dict]:
    text = canned_queries()[name].text
    params = {k: parse_param(f"{k}={v}")[1] for k, v in (params or {}).items()}
    if where == "store":
        with CorpusStore.open(sources["store"]) as store:
            result = store.query(text, params)
            return [{v.value: value(sol[v.value]) for v in result.variables} for sol in result]
    result = run(sources[where], text, params)
    return [{v.value: value(sol[v.value]) for v in result.variables} for sol in result]


def project(rows: list[dict], columns: tuple[str, ...]) -> list[tuple]:
    return [tuple(r[c] for c in columns) for r in rows]


# -- the expected rows, computed from the records --------------------------------------------------


class Records:
    def __init__(self, kg):
        self.kg = kg
        self.label = {e.id: e.label for e in kg.entities}
        self.doc_label = {d.id: d.title or d.id for d in kg.documents}

    def source_label(self, c):
        if c.attributed_to is None:
            return None
        return self.label[c.attributed_to.entity] if c.attributed_to.entity else c.attributed_to.phrase

    def source_key(self, c):
        """Who states a claim: an entity, an unnamed source of one document, or the article itself."""
        if c.attributed_to is None:
            return ("document", c.evidence.document)
        if c.attributed_to.entity:
            return ("entity", c.attributed_to.entity)
        return ("phrase", c.evidence.document, c.attributed_to.phrase)

    def source_or_article_label(self, c):
        label = self.source_label(c)
        return label if label is not None else self.doc_label[c.evidence.document]

    def supporters(self):
        rows = [(self.label[c.object], self.label[c.subject], self.source_label(c), c.cue or None,
                 c.evidence.document, c.evidence.sentence, E + c.object, E + c.subject,
                 (c.evidence.char_start, C + c.id))
                for c in self.kg.claims if c.relation.value == "supports" and c.status.value == "alleged"]
        return [r[:-1] for r in sorted(rows, key=lambda r: (r[0], r[1], r[4], r[-1]))]

    def about_entity(self):
        rows = []
        for c in self.kg.claims:
            for role, me, other in (("subject", c.subject, c.object), ("object", c.object, c.subject)):
                rows.append(((self.label[me], E + me, c.evidence.document, c.evidence.char_start, C + c.id, role),
                             (self.label[me], role, c.relation.value, self.label[other], c.status.value,
                              self.source_label(c), c.evidence.document, c.evidence.sentence, E + me, E + other)))
        return [r for _k, r in sorted(rows)]

    def contested(self):
        rows = []
        for a in self.kg.claims:
            if a.status.value not in ("alleged", "asserted"):
                continue
            for d in self.kg.claims:
                if d.status.value != "denied" or d.relation is not a.relation:
                    continue
                same = (d.subject, d.object) == (a.subject, a.object) or (
                    a.relation.symmetric and (d.subject, d.object) == (a.object, a.subject))
                if not same or self.source_key(a) == self.source_key(d):
                    continue
                rows.append(((self.label[a.subject], a.relation.value, self.label[a.object], a.evidence.document,
                              d.evidence.document, C + a.id, C + d.id),
                             (self.label[a.subject], a.relation.value, self.label[a.object],
                              self.source_or_article_label(a), a.evidence.document, a.evidence.sentence,
                              self.source_or_article_label(d), d.evidence.document, d.evidence.sentence,
                              a.status.value)))
        return [r for _k, r in sorted(rows)]

    def corroborated(self):
        docs, sources, claims = defaultdict(set), defaultdict(set), Counter()
        for c in self.kg.claims:
            if c.status.value not in ("asserted", "alleged"):
                continue
            t = c.triple
            docs[t].add(c.evidence.document)
            sources[t].add(self.source_key(c))
            claims[t] += 1
        rows = [(self.label[s], r, self.label[o], len(docs[t]), len(sources[t]), claims[t], E + s, E + o)
                for t in docs if len(docs[t]) >= 2 for s, r, o in [t]]
        return sorted(rows, key=lambda r: (-r[3], -r[4], r[0], r[1], r[2], r[6], r[7]))

    def accusations(self):
        rows = []
        for c in self.kg.claims:
            if c.relation.value != "accuses":
                continue
            said = [w for w in self.kg.claims
                    if w.relation.value != "accuses" and w.attributed_to is not None
                    and w.attributed_to.entity == c.subject
                    and w.evidence.document == c.evidence.document
                    and w.evidence.char_start == c.evidence.char_start]
            base = (self.label[c.subject], self.label[c.object], c.status.value)
            key = (self.label[c.subject], self.label[c.object], c.evidence.document, c.evidence.char_start, C + c.id)
            if not said:
                rows.append(((*key, 0, "", ""), (*base, None, None, c.evidence.document, c.evidence.sentence)))
            for w in said:
                text = f"{self.label[w.subject]} {w.relation.value} {self.label[w.object]}"
                rows.append(((*key, 1, text, C + w.id),
                             (*base, text, w.status.value, c.evidence.document, c.evidence.sentence)))
        return [r for _k, r in sorted(rows)]

    def entities_by_class(self):
        in_claims = defaultdict(set)
        for c in self.kg.claims:
            in_claims[c.subject].add(c.id)
            in_claims[c.object].add(c.id)
        rows = [(e.type.value, e.label, len(e.mentions), len(e.documents), len(in_claims[e.id]), E + e.id)
                for e in self.kg.entities]
        return sorted(rows, key=lambda r: (r[0], -r[2], r[1], r[5]))

    def _place_label(self, c):
        return self.label[c.place] if c.place else None

    @staticmethod
    def _span(w):
        """A date's first and last day as the query writes them (a month ends on its 31st)."""
        end = w.end or w.value
        first = {4: w.value + "-01-01", 7: w.value + "-01"}.get(len(w.value), w.value)
        last = {4: end + "-12-31", 7: end + "-31"}.get(len(end), end)
        return first, last

    def claims_in_period(self, lo=None, hi=None):
        rows = []
        for c in self.kg.claims:
            w = c.when
            if w is None or w.value is None:
                continue
            first, last = self._span(w)
            if (lo and last < lo) or (hi and first > hi):
                continue
            rows.append(((first, last, c.evidence.document, c.evidence.sentence, C + c.id),
                         (w.value, w.end or w.value, w.precision, w.text, self.label[c.subject], c.relation.value,
                          self.label[c.object], c.status.value, self.source_label(c), self._place_label(c),
                          c.evidence.document, c.evidence.sentence)))
        return [r for _k, r in sorted(rows)]

    def claims_in_country(self, country=None):
        by_id = {e.id: e for e in self.kg.entities}
        names = defaultdict(set)
        for e in self.kg.entities:
            if e.type.value == "State" and e.country:
                names[e.country] |= {n.lower() for n in (e.label, *e.aliases)}
        rows = set()
        for c in self.kg.claims:
            ends = [("place", c.place)] + [(role, x) for role, x in (("subject", c.subject), ("object", c.object))
                                           if by_id[x].type.value == "Place"]
            for role, pid in ends:
                place = by_id.get(pid) if pid else None
                if place is None or not place.country:
                    continue
                if country and country.upper() != place.country and country.lower() not in names[place.country]:
                    continue
                rows.add(((place.country, place.label, role, c.evidence.document, c.evidence.sentence, C + c.id),
                          (place.country, place.label, place.subdivision, role, self.label[c.subject],
                           c.relation.value, self.label[c.object], c.status.value,
                           c.when.value if c.when else None, self.source_label(c), c.evidence.document,
                           c.evidence.sentence, E + place.id)))
        return [r for _k, r in sorted(rows)]

    def attacks_per_month(self):
        by_id = {e.id: e for e in self.kg.entities}
        counts = defaultdict(Counter)
        for c in self.kg.claims:
            w = c.when
            if c.relation.value != "attacks" or w is None or w.precision not in ("day", "week", "month"):
                continue
            country = (by_id[c.place].country or "") if c.place else ""
            counts[(w.value[:7], country)][c.status.value] += 1
        return [(m, k, sum(n.values()), n["asserted"], n["alleged"], n["denied"], n["hypothetical"])
                for (m, k), n in sorted(counts.items())]

    def lens_label(self, c):
        """The source-lens reading: the attributed source, an accuser's own accusation, else the
        document's outlet, else the document."""
        if c.attributed_to is not None:
            return self.source_label(c)
        if c.relation.value == "accuses":
            return self.label[c.subject]
        doc = next(d for d in self.kg.documents if d.id == c.evidence.document)
        return doc.publisher or f"the article {doc.title or doc.id}"

    def lens_key(self, c):
        if c.attributed_to is not None:
            if c.attributed_to.entity:
                return E + c.attributed_to.entity
            return ("phrase", c.evidence.document, c.attributed_to.phrase)
        if c.relation.value == "accuses":
            return E + c.subject
        doc = next(d for d in self.kg.documents if d.id == c.evidence.document)
        return doc.publisher or ("document", doc.id)

    def source_claims(self, source=None):
        rows = []
        for c in self.kg.claims:
            label = self.lens_label(c)
            if source is not None and label.lower() != source.lower():
                continue
            rows.append(((c.evidence.document, c.evidence.char_start, self.label[c.subject], c.relation.value,
                          self.label[c.object], C + c.id),
                         (label, self.label[c.subject], c.relation.value, self.label[c.object], c.status.value,
                          c.cue or None, c.when.value if c.when and c.when.value else None, c.evidence.document,
                          c.evidence.sentence)))
        return [r for _k, r in sorted(rows)]

    def single_source(self):
        keys, labels, stmts, denied = defaultdict(set), defaultdict(set), Counter(), set()
        for c in self.kg.claims:
            if c.status.value == "hypothetical":
                continue
            t = c.triple
            if c.status.value == "denied":
                denied.add(t)
                continue
            keys[t].add(self.lens_key(c))
            labels[t].add(self.lens_label(c))
            stmts[t] += 1
        rows = [(min(labels[t]), self.label[t[0]], t[1], self.label[t[2]], stmts[t], E + t[0], E + t[2])
                for t in keys if len(keys[t]) == 1 and t not in denied]
        return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3], r[5], r[6]))

    def claims_by_status(self):
        counts = Counter((c.evidence.document, c.status.value) for c in self.kg.claims)
        return sorted((d, self.doc_label[d], s, n) for (d, s), n in counts.items())


COLUMNS = {
    "supporters": ("groupLabel", "supporterLabel", "sourceLabel", "cue", "document", "evidence", "group",
                   "supporter"),
    "about-entity": ("entityLabel", "role", "relation", "otherLabel", "status", "sourceLabel", "document",
                     "evidence", "entity", "other"),
    "contested": ("subjectLabel", "relation", "objectLabel", "allegedByLabel", "allegedIn", "allegation",
                  "deniedByLabel", "deniedIn", "denial", "allegedStatus"),
    "corroborated": ("subjectLabel", "relation", "objectLabel", "documents", "sources", "claims", "subject",
                     "object"),
    "accusations": ("accuserLabel", "accusedLabel", "status", "allegation", "allegationStatus", "document",
                    "evidence"),
    "entities-by-class": ("class", "label", "mentions", "documents", "claims", "entity"),
    "claims-by-status": ("document", "title", "status", "claims"),
    "claims-in-period": ("date", "dateEnd", "precision", "dateText", "subjectLabel", "relation", "objectLabel",
                         "status", "sourceLabel", "placeLabel", "document", "evidence"),
    "claims-in-country": ("countryCode", "placeLabel", "subdivision", "role", "subjectLabel", "relation",
                          "objectLabel", "status", "date", "sourceLabel", "document", "evidence", "place"),
    "attacks-per-month": ("month", "country", "attacks", "asserted", "alleged", "denied", "hypothetical"),
    "source-claims": ("sourceLabel", "subjectLabel", "relation", "objectLabel", "status", "cue", "date", "document",
                      "evidence"),
    "single-source": ("sourceLabel", "subjectLabel", "relation", "objectLabel", "statements", "subject", "object"),
}


def expected_rows(kg, name):
    return getattr(Records(kg), name.replace("-", "_"))()


# -- the tests -----------------------------------------------------------------------------------


def test_every_canned_query_is_tested_and_documented():
    queries = canned_queries()
    assert set(queries) == set(COLUMNS)
    for q in queries.values():
        assert q.title and len(q.description) > 40 and q.example.startswith(f"claimgraph query {q.name} ")
        for param, doc in q.params:
            assert f"?{param}" in q.text and doc and f"--param {param}=" in q.example
        prepareQuery(q.text)  # rdflib parses it
        assert list(ox.Store().query(q.text)) == []  # and Oxigraph (it raises on a syntax error)


@pytest.mark.parametrize("where", ["dataset", "trig", "turtle", "store"])
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_canned_query_returns_the_rows_the_records_give(sources, seed_graph, where, name):
    rows = select(sources, where, name)
    assert project(rows, COLUMNS[name]) == expected_rows(seed_graph, name)


def test_seed_spot_checks(sources):
    accusations = project(select(sources, "store", "accusations"), ("accuserLabel", "accusedLabel", "document"))
    assert ("Pakistan", "Afghan Taliban", DOC_002) in accusations
    supporters = select(sources, "store", "supporters", {"group": "cgid:entity/tehreek-e-taliban-pakistan"})
    assert {r["group"] for r in supporters} == {TTP}
    assert ("Afghan Taliban", "Pakistan", DOC_002) in project(supporters, ("supporterLabel", "sourceLabel",
                                                                           "document"))
    corroborated = project(select(sources, "store", "corroborated"), ("subjectLabel", "relation", "objectLabel"))
    assert ("Afghan Taliban", "supports", "Tehreek-e-Taliban Pakistan") in corroborated


SUPPORT_TEXT = ("Pakistan accuses the Afghan Taliban of sheltering the TTP. Officials said Iran allegedly funds "
                "the BLA. Analysts say the Afghan Taliban reportedly shelter IS-KP.")


@pytest.fixture(scope="module")
def support_graph(builder):
    kg = builder.build_text(SUPPORT_TEXT, "p")
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    return kg, {"dataset": store}


@pytest.mark.parametrize("graph, name, param, column, value", [
    ("support", "supporters", "group", "group", "<https://claimgraph.org/id/entity/tehreek-e-taliban-pakistan>"),
    ("support", "supporters", "group", "group", "cgid:entity/balochistan-liberation-army"),
    ("seeds", "about-entity", "entity", "entity", "cgid:entity/pakistan"),
])
def test_a_parameter_selects_the_rows_of_one_entity(sources, support_graph, graph, name, param, column, value):
    where = sources if graph == "seeds" else support_graph[1]
    everything = select(where, "dataset", name)
    iri = parse_param(f"x={value}")[1].value
    chosen = select(where, "dataset", name, {param: value})
    assert chosen and chosen == [r for r in everything if r[column] == iri]
    assert len(chosen) < len(everything)


@pytest.mark.parametrize("where", ["dataset", "trig", "store"])
@pytest.mark.parametrize("name", ["TTP", "ttp", "Tehrik-e-Taliban Pakistan", "tehreek-e-taliban pakistan",
                                  "Tehrēek-e-Tālibán Pakistan"])
def test_an_entity_parameter_is_found_by_label_or_alias(sources, where, name):
    """A bare value is an entity's label or alias, case and accents aside,
    and selects exactly what its IRI selects."""
    by_iri = select(sources, where, "supporters", {"group": "cgid:entity/tehreek-e-taliban-pakistan"})
    assert by_iri and select(sources, where, "supporters", {"group": name}) == by_iri


def test_a_name_resolves_exactly_before_partly(sources):
    # "taliban" is an alias of the Afghan Taliban, and a part of the TTP's names: the exact name wins
    assert resolve_entity(sources["dataset"], "g", "taliban").value == E + "afghan-taliban"
    # a part of a name that only one entity has is enough (as in the page's search)
    assert resolve_entity(sources["dataset"], "g", "Tehreek-e").value == TTP
    with pytest.raises(QueryError) as err:
        resolve_entity(sources["dataset"], "g", "Tali")
    assert "Afghan Taliban <" + E + "afghan-taliban>" in str(err.value)
    assert "Tehreek-e-Taliban Pakistan <" + TTP + ">" in str(err.value)
    # IRIs and quoted literals are still terms, not names
    assert isinstance(parse_param("g=cgid:entity/x")[1], ox.NamedNode)
    assert isinstance(parse_param('g="TTP"')[1], ox.Literal)
    assert parse_param("g=Rapid Support Forces")[1] == EntityName("Rapid Support Forces")


def test_the_command_takes_a_name(sources, capsys):
    assert main(["query", "supporters", "--store", str(sources["store"]), "--param", "group=TTP",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {b["group"]["value"] for b in data["results"]["bindings"]} == {TTP}


def test_supporters_name_every_kind_of_source(support_graph):
    kg, where = support_graph
    rows = project(select(where, "dataset", "supporters"), COLUMNS["supporters"])
    assert rows == expected_rows(kg, "supporters")
    assert {r[:3] for r in rows} == {("Tehreek-e-Taliban Pakistan", "Afghan Taliban", "Pakistan"),
                                     ("Balochistan Liberation Army", "Iran", "Officials"),
                                     ("Islamic State Khorasan Province", "Afghan Taliban", "Analysts")}


def test_contested_pairs_an_allegation_with_a_denial(builder):
    kg = builder.build_text(CONTESTED_TEXT, "c")
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    rows = project([{v.value: value(s[v.value]) for v in r.variables} for r in [run(store, canned_queries()[
        "contested"].text)] for s in r], COLUMNS["contested"])
    assert rows == expected_rows(kg, "contested")
    assert [r[:5] + r[6:8] for r in rows] == [("Tehreek-e-Taliban Pakistan", "attacks", "KP Police",
                                               "Intelligence sources", "c", "Tehreek-e-Taliban Pakistan", "c")]


def test_contested_claims_of_a_symmetric_relation_meet_in_either_order():
    """alliedWith(A, B) alleged and alliedWith(B, A) denied are one contested claim."""
    from claimgraph.model import Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status

    def entity(eid, label):
        return Entity(eid, label, EntityType.STATE, mentions=(Mention("d", 0, 1, label, EntityType.STATE, eid),))

    a, b, c = entity("aland", "Aland"), entity("borduria", "Borduria"), entity("cirania", "Cirania")
    claims = [
        Claim("aland", Relation.ALLIED_WITH, "borduria", Status.ALLEGED, Evidence("d", "s1", 0, 2, "r"),
              attributed_to=Source(entity="cirania")),
        Claim("borduria", Relation.ALLIED_WITH, "aland", Status.DENIED, Evidence("d", "s2", 3, 5, "r"),
              attributed_to=Source(entity="borduria")),
        Claim("aland", Relation.SUPPORTS, "borduria", Status.ALLEGED, Evidence("d", "s3", 6, 8, "r")),
        Claim("borduria", Relation.SUPPORTS, "aland", Status.DENIED, Evidence("d", "s4", 9, 11, "r"),
              attributed_to=Source(entity="borduria")),  # not symmetric: another claim, not a contest
    ]
    from claimgraph.graph import KnowledgeGraph

    kg = KnowledgeGraph((Document("d", "x" * 20, "d"),), (a, b, c), tuple(claims))
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    result = run(store, canned_queries()["contested"].text)
    rows = project([{v.value: value(s[v.value]) for v in result.variables} for s in result], COLUMNS["contested"])
    assert rows == expected_rows(kg, "contested")
    assert rows == [("Aland", "alliedWith", "Borduria", "Cirania", "d", "s1", "Borduria", "d", "s2", "alleged")]
    ds = Dataset(default_union=True)
    for s, p, o, g in quads(kg.documents, kg.entities, kg.claims):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    assert len(list(ds.query(canned_queries()["contested"].text))) == 1


def _rdflib_value(term):
    if term is None:
        return None
    if isinstance(term, RLiteral) and term.datatype == URIRef("http://www.w3.org/2001/XMLSchema#integer"):
        return int(term)
    return str(term)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_rdflib_and_oxigraph_agree(sources, seed_graph, name):
    ds = Dataset(default_union=True)
    for s, p, o, g in quads(seed_graph.documents, seed_graph.entities, seed_graph.claims):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    result = ds.query(canned_queries()[name].text)
    names = [str(v) for v in result.vars]
    rdflib_rows = [{n: _rdflib_value(row[n]) for n in names} for row in result]
    assert project(rdflib_rows, COLUMNS[name]) == project(select(sources, "dataset", name), COLUMNS[name])


# -- the query command -------------------------------------------------------------------------


def test_query_command_on_a_store_and_on_files(sources, tmp_path, capsys):
    assert main(["query", "supporters", "--store", str(sources["store"]), "--param",
                 "group=cgid:entity/tehreek-e-taliban-pakistan", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {b["group"]["value"] for b in data["results"]["bindings"]} == {TTP}
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?c a cg:Claim }", encoding="utf-8")
    trig = next(p for p in (sources["store"].parent / "exports").iterdir() if p.suffix == ".trig")
    assert main(["query", str(query), "--graph", str(trig), "--format", "csv"]) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) > 50
    assert main(["query", "claims-by-status", "--store", str(sources["store"])]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["document", "title", "status", "claims"]
    assert table.rstrip().endswith("rows)")


def test_query_count_matches_the_records(sources, seed_graph, tmp_path, capsys):
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?c a cg:Claim }", encoding="utf-8")
    assert main(["query", str(query), "--store", str(sources["store"]), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", str(len(seed_graph.claims))]


@pytest.mark.parametrize("args, message", [
    (["query", "SELECT ?x WHERE { ?x ?p }", "--graph", "G"], "not valid SPARQL"),
    (["query", "no-such-query", "--graph", "G"], "neither a file nor a canned query"),
    (["query", "supporters", "--graph", "G", "--param", "grup=cgid:entity/x"], "no variable ?grup"),
    (["query", "supporters", "--graph", "G", "--param", "group=Nobody Of That Name"], "no entity of the graph is named"),
    (["query", "supporters", "--graph", "G", "--param", "group=Tali"], "names 2 entities"),
    (["query", "supporters", "--graph", "G", "--param", "group=nosuch:x"], "not an RDF term"),
    (["query", "supporters", "--graph", "G", "--param", "group=<not an iri>"], "parameter group"),
    (["query", "supporters", "--store", "NOSTORE"], "CG402"),
])
def test_query_errors_are_coded_and_clear(sources, tmp_path, capsys, args, message):
    trig = next(p for p in (sources["store"].parent / "exports").iterdir() if p.suffix == ".trig")
    args = [str(trig) if a == "G" else str(tmp_path / "nostore") if a == "NOSTORE" else a for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and ("CG401" in err or "CG402" in err)


def test_parameters_are_written_by_the_rdf_library_never_pasted(sources):
    hostile = '"x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o \n\\'
    name, term = parse_param(f"group={json.dumps(hostile)}")
    assert isinstance(term, ox.Literal) and term.value == hostile
    text, rest = bind(canned_queries()["supporters"].text, {name: term})
    assert rest == {} and f"VALUES ?group {{ {term} }}" in text  # pyoxigraph's escaped form of the term
    # the literal is one value: no row matches it, and the data are untouched
    before = len(sources["dataset"])
    assert list(run(sources["dataset"], canned_queries()["supporters"].text, {name: term})) == []
    assert len(sources["dataset"]) == before > 1000
    with pytest.raises(QueryError):
        query_text("missing.rq")


def test_a_query_without_a_values_line_gets_its_parameter_by_substitution(sources, seed_graph):
    text = "SELECT ?claim ?group WHERE { ?claim rdf:object ?group ; rdf:predicate cg:supports }"
    _text, rest = bind(text, {"group": ox.NamedNode(TTP)})
    assert set(rest) == {"group"}
    rows = list(run(sources["dataset"], text, {"group": ox.NamedNode(TTP)}))
    expected = {C + c.id for c in seed_graph.claims if c.relation.value == "supports" and c.object == TTP[len(E):]}
    assert {r["claim"].value for r in rows} == expected and expected


def test_ask_and_construct_queries_write_their_standard_forms(sources, capsys):
    store = str(sources["store"])
    assert main(["query", "ASK { ?c cg:status cg:alleged }", "--store", store, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}
    assert main(["query", "ASK { ?c cg:status cg:State }", "--store", store]) == 0
    assert capsys.readouterr().out == "false\n"
    construct = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a cg:ArmedGroup ; rdfs:label ?l }"
    assert main(["query", construct, "--store", store]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
    assert '<https://claimgraph.org/id/entity/tehreek-e-taliban-pakistan> ' \
           '<http://www.w3.org/2000/01/rdf-schema#label> "Tehreek-e-Taliban Pakistan" .' in lines
    assert main(["query", construct, "--store", store, "--format", "json"]) == 0
    nodes = json.loads(capsys.readouterr().out)
    assert {n["@id"] for n in nodes} >= {TTP}


# -- when and where: the date and country queries on a generated corpus ---------------------------


@pytest.fixture(scope="module")
def generated():
    kg = dated_graph()
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    return kg, store


def run_rows(store, name, params=None):
    text = canned_queries()[name].text
    params = {k: parse_param(f"{k}={v}")[1] for k, v in (params or {}).items()}
    result = run(store, text, params)
    return [{v.value: value(sol[v.value]) for v in result.variables} for sol in result]


@pytest.mark.parametrize("name", ["claims-in-period", "claims-in-country", "attacks-per-month"])
def test_when_and_where_queries_on_a_generated_corpus(generated, name):
    kg, store = generated
    expected = expected_rows(kg, name)
    assert len(expected) >= 5  # the corpus exercises the query
    assert project(run_rows(store, name), COLUMNS[name]) == expected


@pytest.mark.parametrize("lo, hi", [("2024-03-15", None), (None, "2023-06-30"), ("2024-05", "2024-05"),
                                    ("2023", "2023"), ("1995-01-01", "1995-12-31"), ("2024-05-01", "2024-05-01")])
def test_a_period_selects_the_claims_whose_dates_overlap_it(generated, lo, hi):
    kg, store = generated
    params = {k: v for k, v in (("from", lo), ("to", hi)) if v}
    got = project(run_rows(store, "claims-in-period", params), COLUMNS["claims-in-period"])
    full = lambda v, end: None if v is None else {4: v + ("-12-31" if end else "-01-01"),  # noqa: E731
                                                  7: v + ("-31" if end else "-01")}.get(len(v), v)
    assert got == Records(kg).claims_in_period(full(lo, False), full(hi, True))
    assert got, (lo, hi)
    # every row's date range meets the period
    for row in got:
        first, last = Records._span(type("W", (), {"value": row[0], "end": row[1]}))
        assert (not lo or last >= full(lo, False)) and (not hi or first <= full(hi, True))


@pytest.mark.parametrize("country", ["NG", "ng", "Nigeria", "federal republic of nigeria", "ML", "UA"])
def test_a_country_by_code_or_name_selects_its_places_claims(generated, country):
    kg, store = generated
    got = project(run_rows(store, "claims-in-country", {"country": country}), COLUMNS["claims-in-country"])
    assert got and got == Records(kg).claims_in_country(country)
    code = {"nigeria": "NG", "federal republic of nigeria": "NG"}.get(country.lower(), country.upper())
    assert {row[0] for row in got} == {code}


def test_the_date_and_country_queries_on_the_seeds(sources, seed_graph):
    """The seed articles carry no date, so their relative dates ("Last October") stay unplaced,
    with their words: no claim is in a period; their places' claims are in their countries."""
    assert all(d.date is None for d in seed_graph.documents)
    unplaced = [c for c in seed_graph.claims if c.when is not None]
    assert unplaced and all(c.when.value is None and c.when.text for c in unplaced)
    assert select(sources, "store", "claims-in-period") == []
    assert select(sources, "store", "attacks-per-month") == []
    rows = select(sources, "store", "claims-in-country", {"country": "PK"})
    assert rows and {r["countryCode"] for r in rows} == {"PK"}
    assert {r["countryCode"] for r in select(sources, "store", "claims-in-country", {"country": "Afghanistan"})} \
        == {"AF"}


# -- the source lens: a source's claims, and what rests on one source, with outlets ------------------


@pytest.fixture(scope="module")
def outlet_graph(builder):
    from tests.synthetic import outlet_documents

    kg = builder.build(outlet_documents(builder.config.ingest))
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    return kg, store


@pytest.mark.parametrize("name", ["source-claims", "single-source"])
def test_the_lens_queries_read_outlets(outlet_graph, name):
    kg, store = outlet_graph
    expected = expected_rows(kg, name)
    assert expected
    assert project(run_rows(store, name), COLUMNS[name]) == expected


@pytest.mark.parametrize("source", ["Tolo News", "tolo news", "dawn.com", "Pakistan"])
def test_a_source_by_name(outlet_graph, source):
    kg, store = outlet_graph
    got = project(run_rows(store, "source-claims", {"source": source}), COLUMNS["source-claims"])
    assert got and got == Records(kg).source_claims(source)
    assert {r[0].lower() for r in got} == {source.lower()}


def test_a_claim_two_outlets_state_is_not_single_source(outlet_graph):
    kg, store = outlet_graph
    rows = project(run_rows(store, "single-source"), COLUMNS["single-source"])
    triples = {(r[1], r[2], r[3]) for r in rows}
    assert ("Tehreek-e-Taliban Pakistan", "attacks", "Frontier Constabulary") not in triples  # dawn.com and Tolo News
    assert ("al-Shabaab", "attacks", "Mogadishu") in triples or ("Al-Shabaab", "attacks", "Mogadishu") in triples


def test_contested_also_pairs_an_assertion_with_a_denial(builder):
    kg = builder.build_text("The TTP attacked the KP Police in Bannu. The TTP denied that it attacked the KP Police.",
                            "c2")
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    rows = project(run_rows(store, "contested"), COLUMNS["contested"])
    assert rows == expected_rows(kg, "contested")
    assert [(r[0], r[1], r[2], r[6], r[9]) for r in rows] == [
        ("Tehreek-e-Taliban Pakistan", "attacks", "KP Police", "Tehreek-e-Taliban Pakistan", "asserted")]


@pytest.mark.parametrize("text, pair", [
    # a charge the accused denies in the same sentence, and a denial in the next one
    ("Kyiv accused Moscow of striking a hospital in Kharkiv, a charge the Kremlin denied.",
     ("Russia", "attacks", "Kharkiv", "Ukraine", "Russia")),
    ("Sudan's army accused the RSF of attacking El Fasher. The RSF denied the accusation.",
     ("Rapid Support Forces", "attacks", "El Fasher", "Sudanese Armed Forces", "Rapid Support Forces")),
])
def test_contested_gives_each_accusation_and_its_denial(builder, text, pair):
    kg = builder.build_text(text, "p")
    store = ox.Store()
    store.extend(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    rows = project(run_rows(store, "contested"), COLUMNS["contested"])
    assert rows == expected_rows(kg, "contested")
    assert [(r[0], r[1], r[2], r[3], r[6]) for r in rows] == [pair]
