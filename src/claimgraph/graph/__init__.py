"""Graph: ONE in-memory model of documents, entities and claims, with two views.

:class:`KnowledgeGraph` holds the records; :meth:`KnowledgeGraph.to_rdf`
and :meth:`KnowledgeGraph.to_networkx` build the RDF and NetworkX views
from them, and the ``write_*`` methods write the exports (see
:mod:`claimgraph.export`).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import Problem
from ..model import Claim, Document, Entity, Status


@dataclass(frozen=True, slots=True)
class Corroboration:
    """How many documents and sources state one (subject, relation, object)."""

    documents: int
    sources: int
    denied: bool
    statuses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    entities_by_type: dict[str, int]
    claims_by_relation: dict[str, int]
    claims_by_status: dict[str, int]
    problems: int

    @property
    def entities(self) -> int:
        return sum(self.entities_by_type.values())

    @property
    def claims(self) -> int:
        return sum(self.claims_by_relation.values())

    def lines(self) -> list[str]:
        out = [f"documents  {self.documents}",
               f"entities   {self.entities}  (" + ", ".join(f"{k} {v}" for k, v in self.entities_by_type.items()) + ")",
               f"claims     {self.claims}"]
        out.append("  by relation: " + ", ".join(f"{k} {v}" for k, v in self.claims_by_relation.items()))
        out.append("  by status:   " + ", ".join(f"{k} {v}" for k, v in self.claims_by_status.items()))
        if self.problems:
            out.append(f"problems   {self.problems} (see the report)")
        return out


@dataclass(frozen=True)
class KnowledgeGraph:
    """The built graph: sorted, immutable records and the views made from them."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "documents", tuple(sorted(self.documents, key=lambda d: d.id)))
        object.__setattr__(self, "entities", tuple(sorted(self.entities, key=lambda e: e.id)))
        object.__setattr__(self, "claims", tuple(sorted(self.claims, key=Claim.sort_key)))
        object.__setattr__(self, "problems", tuple(sorted(self.problems)))

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def document_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def corroboration(self) -> dict[tuple[str, str, str], Corroboration]:
        """Per (subject, relation, object) - symmetric relations ordered -
        the distinct documents and sources that state it, and whether any
        source denies it. The article's own voice counts as a source of its
        own for each document."""
        docs: dict[tuple, set[str]] = defaultdict(set)
        sources: dict[tuple, set[str]] = defaultdict(set)
        statuses: dict[tuple, set[str]] = defaultdict(set)
        for c in self.claims:
            t = c.triple
            docs[t].add(c.evidence.document)
            sources[t].add(c.attributed_to.value if c.attributed_to else f"document:{c.evidence.document}")
            statuses[t].add(c.status.value)
        return {t: Corroboration(len(docs[t]), len(sources[t]), Status.DENIED.value in statuses[t],
                                 tuple(sorted(statuses[t]))) for t in docs}

    def corroboration_of(self, claim: Claim) -> Corroboration:
        return self.corroboration[claim.triple]

    def summary(self) -> Summary:
        by_type = Counter(e.type.value for e in self.entities)
        by_rel = Counter(c.relation.value for c in self.claims)
        by_status = Counter(c.status.value for c in self.claims)
        return Summary(len(self.documents), dict(sorted(by_type.items())), dict(sorted(by_rel.items())),
                       dict(sorted(by_status.items())), len(self.problems))

    # -- views -------------------------------------------------------------------

    def to_rdf(self):
        """The RDF view: an rdflib ``Dataset`` with one named graph per
        document holding that document's claims (see :mod:`.rdf`)."""
        from .rdf import build_dataset

        return build_dataset(self)

    def to_rdf_graph(self):
        """The RDF view as one rdflib ``Graph`` (all named graphs merged)."""
        from .rdf import build_graph

        return build_graph(self)

    def to_networkx(self):
        """The NetworkX view: a ``MultiDiGraph`` of entities, one edge per claim."""
        from .nx import build_networkx

        return build_networkx(self)

    # -- exports -----------------------------------------------------------------

    def export(self, fmt: str, out: str | Path, **options) -> list[Path]:
        """Write one export format (a name in :data:`claimgraph.export.EXPORTERS`)."""
        return _writer("export")(self, fmt, Path(out), **options)

    def write_turtle(self, out: str | Path) -> list[Path]:
        return self.export("ttl", out)

    def write_html(self, out: str | Path, **options) -> list[Path]:
        """``graph.html``; options: ``max_nodes`` (keep the N entities with most
        claims), ``layout`` ("auto", "networkx", "physics"), ``size_by``
        ("degree", "mentions"), ``title``."""
        return self.export("html", out, **options)

    def write_jsonl(self, out: str | Path) -> list[Path]:
        return self.export("jsonl", out)

    def write_neo4j(self, out: str | Path) -> list[Path]:
        return self.export("neo4j", out)

    def write_graphml(self, out: str | Path) -> list[Path]:
        return self.export("graphml", out)

    def write_all(self, out: str | Path, formats: tuple[str, ...] | None = None,
                  options: dict[str, dict] | None = None, *, report: bool = True) -> list[Path]:
        """Several formats (default: all) and the build report
        (``build-report.txt``) in one atomic step; ``options`` per format,
        e.g. ``{"html": {"max_nodes": 500}}``."""
        return _writer("export_many")(self, formats or _writer("default_formats"), Path(out), options,
                                      report=report)


# -- the writers ----------------------------------------------------------------------

# The export formats' writers, registered by :mod:`claimgraph.export` when it is
# imported: the exports import this module, never the other way round (the
# layers import downward only), and the package ``claimgraph`` imports them, so
# they are here for every KnowledgeGraph a user holds.
_WRITERS: dict[str, object] = {}


def register_writers(**writers) -> None:
    """Called by :mod:`claimgraph.export`: ``export``, ``export_many``, ``default_formats``."""
    _WRITERS.update(writers)


def _writer(name: str):
    try:
        return _WRITERS[name]
    except KeyError:  # only if claimgraph.graph was loaded outside its package
        raise RuntimeError("the export formats are not registered: import claimgraph.export") from None
