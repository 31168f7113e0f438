"""The source lens: who claims what, per source.

A claim's source is the actor or phrase it is attributed to, or, for the article's
own voice, the document's outlet (``Document.publisher``; the document itself when no
outlet is known). An actor "makes" the claims attributed to it and its own speech acts
("Pakistan accuses the Taliban": the accusation is Pakistan's, though the article
states it). For each source: its claims by status and by relation, the entities it
accuses most (the objects of its accusations and the subjects of its allegations), the
entities it says are supported most (the objects of its ``supports`` claims), how many
of its claims another source also states (corroborated) and how many another source
denies.

:func:`source_table` computes it over a :class:`~claimgraph.graph.KnowledgeGraph`;
:func:`read_exports` reads a graph back from ``documents.jsonl``, ``entities.jsonl``
and ``claims.jsonl``.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Code, InputError
from .model import Claim, Document, Entity, EntityType, Evidence, Relation, Source, Status, When

__all__ = ["SourceKey", "SourceRow", "claims_of", "read_exports", "source_of", "source_table"]

TOP = 5


@dataclass(frozen=True, slots=True, order=True)
class SourceKey:
    """Who states a claim: ``kind`` is "entity" (an actor of the graph), "phrase" (an
    unnamed source of one document), "outlet" (the article's own voice, by its outlet)
    or "document" (the article's own voice, outlet unknown)."""

    kind: str
    value: str
    document: str = ""  # a phrase's document (an unnamed source is one document's)


@dataclass
class SourceRow:
    key: SourceKey
    label: str
    claims: int = 0
    statuses: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    accused: Counter = field(default_factory=Counter)
    supported: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    corroborated: int = 0
    denied_by_others: int = 0

    def record(self) -> dict:
        return {
            "source": self.label, "kind": self.key.kind, "id": self.key.value,
            "claims": self.claims, **{s.value: self.statuses[s.value] for s in Status},
            "relations": dict(sorted(self.relations.items(), key=lambda kv: (-kv[1], kv[0]))),
            "accused": [name for name, _n in _top(self.accused)],
            "supported": [name for name, _n in _top(self.supported)],
            "documents": len(self.documents), "corroborated": self.corroborated,
            "denied_by_others": self.denied_by_others,
        }


def _top(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]


def source_of(c: Claim, documents: dict[str, Document]) -> SourceKey:
    """The one source a claim is stated by (see the module's docstring)."""
    if c.attributed_to is not None:
        if c.attributed_to.entity is not None:
            return SourceKey("entity", c.attributed_to.entity)
        return SourceKey("phrase", str(c.attributed_to.phrase), c.evidence.document)
    if c.relation is Relation.ACCUSES:
        return SourceKey("entity", c.subject)  # the accusation is the accuser's act
    doc = documents.get(c.evidence.document)
    if doc is not None and doc.publisher:
        return SourceKey("outlet", doc.publisher)
    return SourceKey("document", c.evidence.document)


def source_label(key: SourceKey, labels: dict[str, str], documents: dict[str, Document]) -> str:
    if key.kind == "entity":
        return labels.get(key.value, key.value)
    if key.kind == "document":
        doc = documents.get(key.value)
        return f"the article {doc.title or key.value}" if doc else f"the article {key.value}"
    return key.value


def source_table(kg) -> list[SourceRow]:
    """One row per source, most claims first."""
    documents = {d.id: d for d in kg.documents}
    labels = {e.id: e.label for e in kg.entities}
    rows: dict[SourceKey, SourceRow] = {}
    stated: dict[tuple, set[SourceKey]] = defaultdict(set)
    denied: dict[tuple, set[SourceKey]] = defaultdict(set)
    keyed = []
    for c in kg.claims:
        key = source_of(c, documents)
        keyed.append((key, c))
        (denied if c.status is Status.DENIED else stated)[c.triple].add(key)
    for key, c in keyed:
        row = rows.get(key)
        if row is None:
            row = rows[key] = SourceRow(key, source_label(key, labels, documents))
        row.claims += 1
        row.statuses[c.status.value] += 1
        row.relations[c.relation.value] += 1
        row.documents.add(c.evidence.document)
        if c.relation is Relation.ACCUSES and c.status is not Status.DENIED:
            row.accused[labels.get(c.object, c.object)] += 1
        elif c.status is Status.ALLEGED:
            row.accused[labels.get(c.subject, c.subject)] += 1
        if c.relation is Relation.SUPPORTS and c.status is not Status.DENIED:
            row.supported[labels.get(c.object, c.object)] += 1
        if c.status is not Status.DENIED:
            if stated[c.triple] - {key}:
                row.corroborated += 1
            if denied[c.triple] - {key}:
                row.denied_by_others += 1
    return sorted(rows.values(), key=lambda r: (-r.claims, r.label.casefold(), r.key))


def claims_of(kg, wanted: str) -> tuple[SourceRow, list[Claim]]:
    """One source's row and claims, by its label, id or outlet name (case aside)."""
    documents = {d.id: d for d in kg.documents}
    table = source_table(kg)
    w = wanted.casefold().strip()
    found = [r for r in table if w in (r.label.casefold(), r.key.value.casefold())]
    if not found:
        found = [r for r in table if w in r.label.casefold()]
    if len(found) != 1:
        names = ", ".join(sorted(r.label for r in (found or table)))[:600]
        raise InputError(Code.QUERY, f"{'no' if not found else len(found)} source{'s' if found else ''} "
                                          f"named {wanted!r}; the sources are: {names}")
    row = found[0]
    mine = [c for c in kg.claims if source_of(c, documents) == row.key]
    return row, mine


# -- reading exports back ---------------------------------------------------------------


def _lines(path: Path) -> list[dict]:
    if not path.is_file():
        raise InputError(Code.PATH_NOT_FOUND, f"{path} does not exist (claimgraph build --format jsonl writes it)")
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(Code.BAD_RECORD, f"{path}:{n}: not JSON: {exc}") from None
    return out


def read_exports(folder: str | Path):
    """A KnowledgeGraph from an export folder's JSONL files (the documents without
    their text, the entities without their mentions' documents beyond their ids)."""
    from .graph import KnowledgeGraph
    from .model import Mention

    folder = Path(folder)
    docs = []
    for d in _lines(folder / "documents.jsonl"):
        docs.append(Document(id=d["id"], text="", source=d.get("source") or "", title=d.get("title"),
                             date=d.get("date"), url=d.get("url"), date_source=d.get("date_source"),
                             publisher=d.get("publisher"), publisher_source=d.get("publisher_source"),
                             credits=tuple(d.get("credits") or ()), publisher_entity=d.get("publisher_entity")))
    entities = []
    for e in _lines(folder / "entities.jsonl"):
        mentions = tuple(Mention(m["document"], m["char_start"], m["char_end"], m["text"], None, e["id"])
                         for m in e.get("mentions", []))
        entities.append(Entity(id=e["id"], label=e["label"], type=EntityType(e["type"]),
                               aliases=tuple(e.get("aliases", [])), mentions=mentions))
    claims = []
    for c in _lines(folder / "claims.jsonl"):
        src = None
        if c.get("attributed_to"):
            src = Source(entity=c["attributed_to"]) if c.get("attributed_to_kind") == "entity" else \
                Source(phrase=c["attributed_to"])
        when = When.from_dict(c["date"]) if c.get("date") else None
        claims.append(Claim(subject=c["subject"], relation=Relation(c["relation"]), object=c["object"],
                            status=Status(c["status"]),
                            evidence=Evidence(c["document"], c["sentence"], c["char_start"], c["char_end"],
                                              c.get("rule", "")),
                            cue=c.get("cue", ""), attributed_to=src, confidence=c.get("confidence", 0.5),
                            when=when, place=c.get("place")))
    return KnowledgeGraph(tuple(docs), tuple(entities), tuple(claims))
