"""SPARQL over a claimgraph store or RDF files, with canned analyst queries.

- :func:`canned_queries` reads ``ontology/queries/*.rq``; each file starts
  with a comment header (``# title:``, ``# description:``, ``# param:``,
  ``# example:``).
- :func:`query_text` takes a canned query's name, a file or the text of a
  query.
- :func:`parse_param` reads ``NAME=VALUE`` (VALUE in Turtle term syntax:
  ``<iri>``, ``prefix:name``, ``"text"``, ``42``) into an RDF term, or a
  bare name (``TTP``, ``Rapid Support Forces``) into an :class:`EntityName`
  that :func:`run` resolves to the one entity of the graph with that label
  or alias (:func:`resolve_entity`);
  :func:`bind` puts it into the query's ``VALUES ?NAME { UNDEF }`` line as
  pyoxigraph writes the term (so the engine plans from it), or hands it to
  pyoxigraph's ``substitutions``. User text is never pasted into a query.
- :func:`run` evaluates on a pyoxigraph ``Store`` with the default graph as
  the union of all graphs, so a query reads the same on the store, on a
  TriG or JSON-LD dataset and on a merged Turtle or N-Triples file.
- :func:`write_results` writes a table, SPARQL CSV or SPARQL JSON.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.util import from_n3

from .errors import ClaimgraphError, Code, InputError, one_of
from .graph.oxigraph import to_ox
from .io import rdf_input
from .resources import ontology_dir
from .vocab import ID, PREFIXES

OUTPUT_FORMATS = ("table", "csv", "json")
#: RDF files a query can read, by name ending
GRAPH_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD,
                 ".json": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                 ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML}
_CELL_WIDTH = 60


class QueryError(ClaimgraphError):
    """A query cannot be read, parsed or evaluated."""

    def __init__(self, message: str) -> None:
        super().__init__(Code.QUERY, message)


@dataclass(frozen=True, slots=True)
class CannedQuery:
    name: str
    title: str
    description: str
    params: tuple[tuple[str, str], ...]
    example: str
    text: str
    path: Path


def _header(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        m = re.match(r"^(title|description|param|example):\s*(.*)$", body)
        if m:
            key = m.group(1)
            fields.setdefault(key, []).append(m.group(2))
        elif key and body:
            fields[key][-1] += " " + body
    return fields


@cache
def canned_queries() -> dict[str, CannedQuery]:
    """The queries of ``ontology/queries``, by name (the file name without ``.rq``)."""
    out = {}
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        head = _header(text)
        params = []
        for p in head.get("param", []):
            name, _, doc = p.partition(" ")
            params.append((name, doc.strip()))
        out[path.stem] = CannedQuery(
            name=path.stem, title=" ".join(head.get("title", [path.stem])),
            description=" ".join(head.get("description", [])), params=tuple(params),
            example=" ".join(head.get("example", [])), text=text, path=path)
    return out


def query_text(query_or_file: str) -> str:
    """The text of a canned query (by name), of a ``.rq`` file, or the argument itself."""
    canned = canned_queries()
    if query_or_file in canned:
        return canned[query_or_file].text
    one_line = "\n" not in query_or_file and len(query_or_file) < 4096
    if one_line and Path(query_or_file).is_file():
        try:
            return Path(query_or_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read the query file {query_or_file}: {exc}") from None
    if one_line and not re.search(r"[{\s]", query_or_file.strip()):
        raise QueryError(f"{query_or_file!r} is neither a file nor a canned query "
                         f"({', '.join(sorted(canned))})")
    return query_or_file


@dataclass(frozen=True, slots=True)
class EntityName:
    """A parameter's bare value: the label or alias of an entity of the graph
    queried, resolved when the query runs (:func:`resolve_entity`)."""

    text: str


def parse_param(text: str) -> tuple[str, ox.NamedNode | ox.Literal | EntityName]:
    """``NAME=VALUE`` with VALUE a Turtle term (``<iri>``, ``prefix:name``,
    ``"text"``, ``42``) or an entity's name as a user types it (``TTP``)."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) or not value:
        raise QueryError(f"a parameter is NAME=VALUE, not {text!r}")
    nsm = Graph().namespace_manager
    for prefix, ns in PREFIXES.items():
        nsm.bind(prefix, ns, override=True, replace=True)
    try:
        term = from_n3(value, nsm=nsm)
    except Exception:  # rdflib raises KeyError for an unknown prefix and others for bad syntax
        term = None
    if isinstance(term, BNode) or (term is None and not _looks_like_term(value)):
        return name, EntityName(value.strip())  # a bare name: "TTP", "Rapid Support Forces"
    if term is None:
        raise QueryError(
            f"parameter {name}: {value!r} is not an RDF term; give an IRI as <https://...> or "
            f"prefix:name ({', '.join(sorted(PREFIXES))}), or text in double quotes")
    try:
        return name, to_ox(term)
    except (ValueError, TypeError) as exc:
        raise QueryError(f"parameter {name}: {value!r} is not a valid IRI or literal: {exc}") from None


def _looks_like_term(value: str) -> bool:
    """Turtle term syntax a user meant (and mistyped): an IRI, a quoted
    literal, or a prefixed name (``cgid:entity/x``)."""
    v = value.strip()
    return v[:1] in {"<", '"', "'"} or re.fullmatch(r"[A-Za-z][\w.-]*:[^\s]*", v) is not None


def fold_name(text: str) -> str:
    """Case and accents folded, as the page's search folds them."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


_NAMES_QUERY = """
SELECT ?entity ?name ?label WHERE {
  ?entity rdfs:label ?label .
  { ?entity rdfs:label ?name } UNION { ?entity skos:altLabel ?name }
  FILTER(STRSTARTS(STR(?entity), "%s"))
}"""


def resolve_entity(store: ox.Store, param: str, name: str) -> ox.NamedNode:
    """The one entity of the graph whose label or an alias is ``name``, case
    and accents aside; failing an exact name, the one whose names contain it
    (the page's search). None or several: an error listing the candidates."""
    wanted = fold_name(name).strip()
    rows = store.query(_NAMES_QUERY % (ID["entity/"],), prefixes=PREFIXES, use_default_graph_as_union=True)
    labels: dict[str, str] = {}
    exact: set[str] = set()
    partial: set[str] = set()
    for row in rows:
        iri, key = row["entity"].value, fold_name(row["name"].value)
        labels[iri] = row["label"].value
        if key == wanted:
            exact.add(iri)
        elif wanted and wanted in key:
            partial.add(iri)
    found = exact or partial
    if len(found) == 1:
        return ox.NamedNode(next(iter(found)))
    if not found:
        raise QueryError(f"parameter {param}: no entity of the graph is named {name!r} (by label or alias); "
                         f"give its IRI as <https://...> or cgid:entity/..., or see the entities-by-class query")
    listed = sorted(found, key=lambda i: (labels[i].lower(), i))
    shown = ", ".join(f"{labels[i]} <{i}>" for i in listed[:12]) + (" ..." if len(listed) > 12 else "")
    raise QueryError(f"parameter {param}: {name!r} names {len(listed)} entities: {shown}; "
                     f"give the one you mean by its IRI")


def load_graphs(paths: Iterable[str | Path]) -> ox.Store:
    """An in-memory store holding the RDF files (format from the name ending)."""
    store = ox.Store()
    for p in paths:
        path, fmt = rdf_input(p, GRAPH_FORMATS)
        try:
            store.load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(Code.BAD_RECORD, f"{path} is not valid {path.suffix[1:]}: {exc}") from None
    return store


def text_params(text: str) -> frozenset[str]:
    """The parameters a query's header declares as text (``# param: from  (text) ...``):
    a bare value is then a literal, not an entity's name."""
    return frozenset(p.partition(" ")[0] for p in _header(text).get("param", [])
                     if p.partition(" ")[2].strip().startswith("(text)"))


def _values_line(name: str) -> re.Pattern:
    return re.compile(rf"^(\s*VALUES\s+[?$]{re.escape(name)}\s*\{{\s*)UNDEF(\s*\}})", re.MULTILINE)


def bind(text: str, params: dict[str, ox.NamedNode | ox.Literal | EntityName],
         store: ox.Store | None = None) -> tuple[str, dict]:
    """Bind parameters: a query line ``VALUES ?name { UNDEF }`` gets the value,
    as pyoxigraph writes the term (an IRI it has checked, a literal it has
    escaped), so the engine can start from it; any other parameter is left
    to pyoxigraph's ``substitutions`` (correct, but applied to the results
    rather than planned in). An :class:`EntityName` is resolved on ``store``
    first. Returns the text and the substitutions."""
    rest = {}
    textual = text_params(text)
    for name, term in params.items():
        if not re.search(rf"[?$]{re.escape(name)}\b", text):
            raise QueryError(f"parameter {name}: the query has no variable ?{name}")
        if name in textual and not isinstance(term, ox.Literal):
            # a parameter the query reads as text (a date, a country code): the value as typed
            term = ox.Literal(term.text if isinstance(term, EntityName) else term.value)
        if isinstance(term, EntityName):
            if store is None:
                raise QueryError(f"parameter {name}: {term.text!r} is a name, and there is no graph to look it up in")
            term = resolve_entity(store, name, term.text)
        pattern = _values_line(name)
        if pattern.search(text):
            written = str(term)  # N-Triples syntax, escaped by pyoxigraph
            text = pattern.sub(lambda m, w=written: m.group(1) + w + m.group(2), text, count=1)
        else:
            rest[name] = term
    return text, rest


def run(store: ox.Store, text: str, params: dict[str, ox.NamedNode | ox.Literal] | None = None):
    """Evaluate a query with parameters bound (:func:`bind`); the default
    graph is the union of all graphs.

    Returns pyoxigraph's ``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``."""
    text, rest = bind(text, params or {}, store)
    try:
        return store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True,
                           substitutions={ox.Variable(k): v for k, v in rest.items()})
    except SyntaxError as exc:
        raise QueryError(f"the query is not valid SPARQL: {exc}") from None
    except (RuntimeError, ValueError, OSError) as exc:
        hint = " (a parameter must be a variable the query SELECTs)" if "projection" in str(exc) else ""
        raise QueryError(f"the query failed: {exc}{hint}") from None


# -- output ------------------------------------------------------------------------


def display(term) -> str:
    """A term as a person reads it: literals by value, IRIs with a prefix where one fits."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        iri = term.value
        best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
        if best is not None:
            prefix = next(p for p, ns in PREFIXES.items() if ns == best)
            return f"{prefix}:{iri[len(best):]}"
        return f"<{iri}>"
    return str(term)


def rows(solutions) -> tuple[list[str], list[tuple]]:
    """Variable names and rows of pyoxigraph terms (``None`` when unbound)."""
    names = [v.value for v in solutions.variables]
    return names, [tuple(sol[n] for n in names) for sol in solutions]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str) -> str:
    text = " ".join(text.split())  # a sentence with a line break stays on its row
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def table(names: list[str], data: list[tuple]) -> str:
    cells = [[_cell(display(v)) for v in row] for row in data]
    widths = [max([_width(n)] + [_width(r[i]) for r in cells]) for i, n in enumerate(names)]

    def line(values):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(data)} row{'s' if len(data) != 1 else ''})")
    return "\n".join(out) + "\n"


def write_results(result, fmt: str, out: IO[str]) -> int:
    """Write a query's result; returns the number of rows (or triples)."""
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"output format {one_of(fmt, OUTPUT_FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            out.write(result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n")
        elif fmt == "csv":
            out.write(result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8").rstrip("\r\n") + "\r\n")
        else:
            out.write(f"{'true' if bool(result) else 'false'}\n")
        return 1
    if isinstance(result, ox.QueryTriples):
        # CONSTRUCT and DESCRIBE: N-Triples for csv and table, JSON-LD for json
        rdf_format = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.N_TRIPLES
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        data = ox.serialize(triples, format=rdf_format).decode("utf-8")
        out.write(data if data.endswith("\n") or not data else data + "\n")
        return len(triples)
    if fmt == "json":
        data = result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
        out.write(data + "\n")
        return len(json.loads(data)["results"]["bindings"])
    names, data = rows(result)
    if fmt == "csv":
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        for row in data:
            writer.writerow(["" if v is None else v.value if isinstance(v, (ox.Literal, ox.NamedNode)) else str(v)
                             for v in row])
        out.write(buf.getvalue())
    else:
        out.write(table(names, data))
    return len(data)
