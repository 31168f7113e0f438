"""The four RDF formats: each round-trips through rdflib and pyoxigraph to the
same graph, passes the SHACL shapes, and the shapes catch what they promise."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from claimgraph.export.jsonld import context
from claimgraph.graph.oxigraph import from_ox, to_ox, to_ox_quads
from claimgraph.graph.rdf import quads
from claimgraph.resources import ontology_file
from claimgraph.validate import validate, validate_file
from claimgraph.vocab import CG, GEOSPARQL, OWL, PREFIXES, PROV, RDF, RDFS, SKOS, XSD
from tests.conftest import known_term

FILES = {"ttl": "graph.ttl", "trig": "graph.trig", "jsonld": "graph.jsonld", "nt": "graph.nt"}
RDFLIB = {"ttl": "turtle", "trig": "trig", "jsonld": "json-ld", "nt": "nt"}
OXI = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD,
       "nt": ox.RdfFormat.N_TRIPLES}
DATASETS = {"trig", "jsonld"}  # formats with named graphs; the others merge them into one graph

# an unnamed source, a denial, quotes, a backslash, a tab, bidi controls and markup
HOSTILE = ('Intelligence sources said the TTP attacked the KP Police in Bannu with a "quote\\ breaker"'
           '\t\u202eRTL\u202c. The TTP denied that it attacked the KP Police. Pakistani forces said the '
           '<script>x</script> Brigade (TBB) attacked them in Bannu.')


@pytest.fixture(scope="module")
def graphs(seed_graph, builder):
    return {"seeds": seed_graph, "hostile": builder.build_text(HOSTILE, "doc with spaces & <odd> id")}


@pytest.fixture(scope="module")
def written(graphs, tmp_path_factory):
    out = {}
    for name, kg in graphs.items():
        folder = tmp_path_factory.mktemp(name)
        kg.write_all(folder, tuple(FILES))
        out[name] = folder
    return out


def expected(kg, fmt) -> set[ox.Quad]:
    qs = set(to_ox_quads(quads(kg.documents, kg.entities, kg.claims)))
    if fmt in DATASETS:
        return qs
    return {ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in qs}


def rdflib_quads(path, fmt) -> set[ox.Quad]:
    ds = Dataset()
    ds.parse(path, format=RDFLIB[fmt])
    default = ds.default_graph.identifier
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        graph = ox.DefaultGraph() if g is None or g == default or getattr(g, "identifier", g) == default \
            else to_ox(getattr(g, "identifier", g))
        out.add(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph))
    return out


def oxigraph_quads(path, fmt) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=OXI[fmt]))


@pytest.mark.parametrize("name", ["seeds", "hostile"])
@pytest.mark.parametrize("fmt", sorted(FILES))
def test_every_format_round_trips_through_rdflib_and_pyoxigraph(graphs, written, name, fmt):
    path = written[name] / FILES[fmt]
    want = expected(graphs[name], fmt)
    assert len(want) > 20
    assert rdflib_quads(path, fmt) == want
    assert oxigraph_quads(path, fmt) == want


def test_datasets_have_one_named_graph_of_claims_per_document(graphs, written):
    kg = graphs["seeds"]
    for fmt in DATASETS:
        names = {q.graph_name for q in oxigraph_quads(written["seeds"] / FILES[fmt], fmt)}
        named = {str(n) for n in names if not isinstance(n, ox.DefaultGraph)}
        assert named == {f"<https://claimgraph.org/id/document/{d.id}/claims>" for d in kg.documents}
        default = {q for q in oxigraph_quads(written["seeds"] / FILES[fmt], fmt)
                   if isinstance(q.graph_name, ox.DefaultGraph)}
        # documents and entities only in the default graph; claims only in their document's graph
        assert not [q for q in default if q.object == ox.NamedNode(str(CG.Claim))]


@pytest.mark.parametrize("name", ["seeds", "hostile"])
@pytest.mark.parametrize("fmt", sorted(FILES))
def test_every_rdf_export_passes_the_shapes(written, name, fmt):
    report = validate_file(written[name] / FILES[fmt])
    assert report.conforms, "\n".join(report.lines()[:20])
    assert report.triples > 20


def test_jsonld_carries_a_real_context(written):
    doc = json.loads((written["seeds"] / "graph.jsonld").read_text(encoding="utf-8"))
    with ontology_file("context.jsonld").open(encoding="utf-8") as fh:
        assert doc["@context"] == json.load(fh)["@context"] == context()
    claims = [n for g in doc["@graph"] if "@graph" in g for n in g["@graph"] if n.get("@type") == "Claim"]
    assert claims
    for node in claims:  # compact keys and values from the context, not full IRIs
        assert {"subject", "relation", "object", "status", "evidence", "derivedFrom"} <= set(node)
        assert node["status"] in {"asserted", "alleged", "denied", "hypothetical"} or \
            node["status"].startswith("cg:")
        assert not [k for k in node if k.startswith("http")]


def _expand(term: str) -> str:
    prefix, _, local = term.partition(":")
    return PREFIXES[prefix] + local


def test_every_context_term_is_a_vocabulary_term():
    assert not known_term(str(CG) + "suports") and not known_term(str(PROV) + "wasAtributedTo")
    for key, value in context().items():
        if key in PREFIXES:
            assert value == PREFIXES[key]
            continue
        iri = _expand(value if isinstance(value, str) else value["@id"])
        assert known_term(iri), (key, iri)
        if isinstance(value, dict) and value.get("@type", "@id").startswith("xsd:"):
            assert known_term(_expand(value["@type"])), key


# -- the shapes catch what they promise ------------------------------------------------------


@pytest.fixture(scope="module")
def seed_triples(graphs):
    """A small valid graph cut from the seeds (SHACL on all of them takes seconds): one claim, the
    entities it names, one state and one person, and every document."""
    full = Graph()
    for s, p, o, _g in quads(graphs["seeds"].documents, graphs["seeds"].entities, graphs["seeds"].claims):
        full.add((s, p, o))
    claim = _first(full, CG.Claim)
    keep = {claim, _first(full, CG.State), _first(full, CG.Person), *full.objects(claim, RDF.subject),
            *full.objects(claim, RDF.object), *full.objects(claim, PROV.wasAttributedTo),
            *full.subjects(RDF.type, CG.Document)}
    keep |= {o for k in list(keep) for o in full.objects(k, GEOSPARQL.hasGeometry)}  # their points
    g = Graph()
    for t in full:
        if t[0] in keep:
            g.add(t)
    assert validate(g).conforms
    return g


def _first(g, cls):
    return sorted(g.subjects(RDF.type, cls))[0]


MUTATIONS = {
    "a claim without status": lambda g, c, e, p: g.remove((c, CG.status, None)),
    "a claim with two subjects": lambda g, c, e, p: g.add((c, RDF.subject, p)),
    "a claim with an unknown status": lambda g, c, e, p: (g.remove((c, CG.status, None)),
                                                          g.add((c, CG.status, CG.State))),
    "a claim with a property the shape does not list": lambda g, c, e, p: g.add((c, RDFS.comment, Literal("x"))),
    "a claim without evidence": lambda g, c, e, p: g.remove((c, CG.evidence, None)),
    "a claim of a relation the vocabulary does not have": lambda g, c, e, p: (
        g.remove((c, RDF.predicate, None)), g.add((c, RDF.predicate, URIRef(str(CG) + "befriends")))),
    "a claim whose object is not an entity": lambda g, c, e, p: (
        g.remove((c, RDF.object, None)), g.add((c, RDF.object, sorted(g.subjects(RDF.type, CG.Document))[0]))),
    "a claim without document": lambda g, c, e, p: g.remove((c, PROV.wasDerivedFrom, None)),
    "a claim whose end is before its start": lambda g, c, e, p: (g.remove((c, CG.charEnd, None)),
                                                                 g.add((c, CG.charEnd, Literal(0)))),
    "a spokesperson that is a state": lambda g, c, e, p: (
        g.remove((c, RDF.predicate, None)), g.remove((c, RDF.subject, None)),
        g.add((c, RDF.predicate, CG.spokespersonOf)), g.add((c, RDF.subject, e))),
    "a claim attributed to a document": lambda g, c, e, p: g.add(
        (c, PROV.wasAttributedTo, sorted(g.subjects(RDF.type, CG.Document))[0])),
    "an entity of two classes": lambda g, c, e, p: g.add((e, RDF.type, CG.Person)),
    "an entity without label": lambda g, c, e, p: g.remove((e, RDFS.label, None)),
    "an alias equal to the label": lambda g, c, e, p: g.add((e, SKOS.altLabel, g.value(e, RDFS.label))),
    "owl:sameAs outside Wikidata": lambda g, c, e, p: g.add((e, OWL.sameAs, URIRef("http://dbpedia.org/r/X"))),
    "a claim date whose precision does not fit its value": lambda g, c, e, p: _dated(
        g, c, Literal("2023-04", datatype=XSD.gYearMonth), "day"),
    "a claim date without its words": lambda g, c, e, p: (
        g.add((c, CG.date, Literal("2023", datatype=XSD.gYear))), g.add((c, CG.datePrecision, Literal("year")))),
    "a claim date that is not typed": lambda g, c, e, p: _dated(g, c, Literal("March"), "month"),
    "a claim date range that ends before it starts": lambda g, c, e, p: (
        _dated(g, c, Literal("2024-05", datatype=XSD.gYearMonth), "month"),
        g.add((c, CG.dateEnd, Literal("2024-03", datatype=XSD.gYearMonth)))),
    "a claim date of an unknown precision": lambda g, c, e, p: _dated(
        g, c, Literal("2024", datatype=XSD.gYear), "century"),
    "a claim placed at a person": lambda g, c, e, p: g.add((c, CG.place, p)),
    "a point whose WKT is not its entity's coordinates": lambda g, c, e, p: _moved(g, e),
    "a country code that is not ISO 3166-1": lambda g, c, e, p: g.add((e, CG.countryCode, Literal("Pakistan"))),
    "a document without content hash": lambda g, c, e, p: g.remove(
        (sorted(g.subjects(RDF.type, CG.Document))[0], CG.contentHash, None)),
}


def _dated(g, c, value, precision):
    g.add((c, CG.date, value))
    g.add((c, CG.datePrecision, Literal(precision)))
    g.add((c, CG.dateText, Literal("the words")))


def _moved(g, e):
    point = g.value(e, GEOSPARQL.hasGeometry)
    assert point is not None, "the state of the cut has coordinates"
    g.remove((point, GEOSPARQL.asWKT, None))
    g.add((point, GEOSPARQL.asWKT, Literal("POINT(1 2)", datatype=GEOSPARQL.wktLiteral)))


def test_a_dated_placed_claim_conforms(seed_triples):
    """The mutations above fail for what they change, not for the date or the place alone."""
    g = Graph()
    for t in seed_triples:
        g.add(t)
    claim = _first(g, CG.Claim)
    _dated(g, claim, Literal("2024-03", datatype=XSD.gYearMonth), "month")
    g.add((claim, CG.dateEnd, Literal("2024-05", datatype=XSD.gYearMonth)))
    g.add((claim, CG.dateQualifier, Literal("since")))
    g.add((claim, CG.place, _first(g, CG.State)))
    assert validate(g).conforms


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_the_shapes_catch(seed_triples, mutation):
    g = Graph()
    for t in seed_triples:
        g.add(t)
    claim = _first(g, CG.Claim)
    MUTATIONS[mutation](g, claim, _first(g, CG.State), _first(g, CG.Person))
    report = validate(g)
    assert not report.conforms
    assert report.violations


# -- the shapes with the standard tool, run the ways its users run it ------------------------------

# pyshacl's own ways: the data alone; the ontology mixed in (-e / ont_graph); and RDFS inference over both
PYSHACL_MODES = {"data alone": [], "ontology mixed in": ["-e", "ONT"], "with RDFS inference": ["-e", "ONT", "-i", "rdfs"]}
PYSHACL_FORMAT = {"jsonld": ["-df", "json-ld"]}  # pyshacl does not guess JSON-LD from ".jsonld"


def pyshacl_cli(path, fmt, mode):
    import subprocess
    import sys

    args = [a.replace("ONT", str(ontology_file("claimgraph.ttl"))) for a in PYSHACL_MODES[mode]]
    return subprocess.run([sys.executable, "-m", "pyshacl", "-s", str(ontology_file("shapes.ttl")), *args,
                           *PYSHACL_FORMAT.get(fmt, []), str(path)], capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("mode", sorted(PYSHACL_MODES))
@pytest.mark.parametrize("fmt", sorted(FILES))
def test_the_pyshacl_command_line_accepts_every_export(written, fmt, mode):
    run = pyshacl_cli(written["hostile"] / FILES[fmt], fmt, mode)
    assert run.returncode == 0 and "Conforms: True" in run.stdout, run.stdout[-3000:] + run.stderr[-2000:]


def test_the_pyshacl_command_line_accepts_the_seed_graph_and_rejects_a_broken_one(written, tmp_path):
    # the command an issue reported 332 violations with
    run = pyshacl_cli(written["seeds"] / "graph.ttl", "ttl", "with RDFS inference")
    assert run.returncode == 0 and "Conforms: True" in run.stdout, run.stdout[-3000:]
    broken = tmp_path / "broken.ttl"
    text = (written["hostile"] / "graph.ttl").read_text(encoding="utf-8")
    assert "rdf:predicate cg:attacks" in text
    broken.write_text(text.replace("rdf:predicate cg:attacks", "rdf:predicate cg:befriends", 1), encoding="utf-8")
    for mode in PYSHACL_MODES:
        run = pyshacl_cli(broken, "ttl", mode)
        assert run.returncode == 1 and "Conforms: False" in run.stdout and "cg:befriends" in run.stdout, mode


@pytest.mark.parametrize("inference", ["none", "rdfs"])
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_pyshacl_validate_with_ont_graph_keeps_the_shapes_promises(seed_triples, mutation, inference):
    from pyshacl import validate as shacl

    shapes = Graph().parse(ontology_file("shapes.ttl"))
    ontology = Graph().parse(ontology_file("claimgraph.ttl"))
    assert shacl(seed_triples, shacl_graph=shapes, ont_graph=ontology, inference=inference)[0]
    g = Graph()
    for t in seed_triples:
        g.add(t)
    MUTATIONS[mutation](g, _first(g, CG.Claim), _first(g, CG.State), _first(g, CG.Person))
    assert not shacl(g, shacl_graph=shapes, ont_graph=ontology, inference=inference)[0]


def test_oxigraph_terms_convert_both_ways():
    for term in (URIRef("https://claimgraph.org/id/entity/x"), Literal("a\tb \"c\" \u202e"), Literal(5),
                 Literal("0.7", datatype=XSD.decimal), Literal("x", lang="en")):
        assert from_ox(to_ox(term)) == term


@pytest.mark.parametrize("doc_id", ["0\n", "a b", ".hidden", "x/y#z", "100%", "tab\there", "é"])
def test_document_iris_of_odd_ids_are_valid_and_distinct_from_plain_ones(doc_id):
    from claimgraph.graph.rdf import document_graph_iri, document_iri, unnamed_source_iri

    for iri in (document_iri(doc_id), document_graph_iri(doc_id), unnamed_source_iri(doc_id, "analysts\n")):
        ox.NamedNode(str(iri))  # raises on an IRI other tools refuse
    assert "\n" not in str(document_iri(doc_id)) and " " not in str(document_iri(doc_id))
