"""SHACL validation of claimgraph RDF against ``ontology/shapes.ttl`` (pyshacl).

The union of all graphs is validated (TriG and JSON-LD hold one named graph
per document, and a claim's graph does not repeat the entities it points
to), together with every triple of ``ontology/claimgraph.ttl``, so that
the check that a claim's parties fit its relation's domain and range can
read them. No inference is run.

The shapes hold whichever standard way a user runs them: they name the
eight entity classes and list the relations instead of relying on the
ontology's subclass axioms, so the pyshacl command line with the data
alone, with ``-e ontology/claimgraph.ttl``, with ``-i rdfs``, and
``pyshacl.validate(data, shacl_graph=..., ont_graph=...)`` all give the
verdict this module gives (tested on every RDF export).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import Code, InputError
from .io import rdf_input
from .resources import ontology_file
from .vocab import RDF, SH

#: file name endings and the rdflib parser for each
RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt",
               ".nq": "nquads", ".rdf": "xml", ".owl": "xml"}


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    value: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def lines(self) -> list[str]:
        head = (f"conforms: {self.triples} triples, no violations" if self.conforms else
                f"does not conform: {len(self.violations)} violations in {self.triples} triples")
        return [head] + [f"  {v}" for v in self.violations]


@cache
def _shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_file("claimgraph.ttl"), format="turtle")


def union_graph(data: Graph | Dataset) -> Graph:
    """Every triple of every graph of ``data`` in one (new) graph."""
    g = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _c in data.quads((None, None, None, None)):
            g.add((s, p, o))
    else:
        for t in data:
            g.add(t)
    return g


def load_rdf(path: str | Path) -> Dataset:
    """Read an RDF file (format from its name) into an rdflib ``Dataset``."""
    path, fmt = rdf_input(path, RDF_FORMATS)
    ds = Dataset()
    try:
        ds.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds of parser errors
        raise InputError(Code.BAD_RECORD, f"{path} is not valid {fmt}: {exc}") from None
    return ds


def validate(data: Graph | Dataset) -> ValidationReport:
    """Validate a graph or dataset against the shapes; never raises on bad data."""
    from pyshacl import validate as shacl

    graph = union_graph(data)
    triples = len(graph)
    graph += _ontology()
    conforms, report, _text = shacl(graph, shacl_graph=_shapes(), inference="none", inplace=True,
                                    abort_on_first=False, allow_warnings=False, allow_infos=False)
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        def text(p):
            v = report.value(result, p)
            return "" if v is None else str(v)

        violations.append(Violation(focus=text(SH.focusNode), path=text(SH.resultPath),
                                    message=text(SH.resultMessage),
                                    severity=text(SH.resultSeverity).rsplit("#", 1)[-1], value=text(SH.value)))
    return ValidationReport(bool(conforms), tuple(sorted(violations)), triples)


def validate_file(path: str | Path) -> ValidationReport:
    return validate(load_rdf(path))
