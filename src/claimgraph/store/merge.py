"""Entities across documents: one node per canonical id, whatever document added it.

The store keeps, per document, the entities as that document's build
resolved them (an *entity view*: id, label, class, aliases, Wikidata id and
the document's mentions). :func:`merge_views` makes the store's entity from
all views with one id; :func:`reconcile` fits a newly built document's
entities to those the store already has, the way the builder's resolver
fits the documents of one build together:

- a gazetteer id is the same entity everywhere;
- an id the store has, with the same class, is that entity;
- a name that is a spelling variant (:func:`claimgraph.names.similar`)
  of a stored entity of the same class (events excepted) joins it;
- an id the store has with another class gets the class appended
  (``x-organization``), as the resolver does within one build.

Ids, once in the store, do not change when later documents arrive.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from ..gazetteer import Gazetteer, fold
from ..graph import KnowledgeGraph
from ..model import Claim, Entity, EntityType, Mention, Source
from ..names import similar, translit_key
from ..resolve import _where


def _mention_order(m: Mention) -> tuple:
    """The order of :class:`Mention` (a dataclass with order=True), as a tuple: much faster to sort by."""
    return (m.document, m.char_start, m.char_end, m.text, m.type.value if m.type else "", m.key, m.kind)


def merge_views(views: Sequence[Entity], gazetteer: Gazetteer | None = None, *,
                counts: Sequence[int] | None = None) -> Entity:
    """One entity from its views (all with the same id and class).

    ``counts`` are the views' mention counts when the views were read
    without their mentions (the store's summary path); the merged entity
    then has no mentions either."""
    if not views:
        raise ValueError("no entity views to merge")
    if counts is None:
        counts = [len(v.mentions) for v in views]
    eid = views[0].id
    etype = views[0].type
    if any(v.id != eid or v.type is not etype for v in views):
        raise ValueError(f"entity views of {eid} disagree on id or class")
    mentions = tuple(sorted({m for v in views for m in v.mentions}, key=_mention_order))
    if gazetteer is not None and eid in gazetteer:
        entry = gazetteer[eid]
        label, wikidata = entry.label, entry.wikidata
        where = _where(gazetteer, entry)
    else:
        weight: Counter = Counter()
        for v, n in zip(views, counts):
            weight[v.label] += max(1, n)
        top = max(weight.values())
        # the most mentioned label; among equals the longest, then the first alphabetically
        label = sorted((lab for lab, n in weight.items() if n == top), key=lambda s: (-len(s), s))[0]
        wikidata = next((v.wikidata for v in views if v.wikidata), None)
        where = {}
    if where.get("lat") is None:
        # a place its gazetteer entry (if any) gives no point keeps the point its builds found
        # (claimgraph.resolve.geocode)
        placed = sorted((v for v in views if v.lat is not None), key=lambda v: (v.lat, v.lon, v.country or ""))
        if placed:
            where = {**where, "lat": placed[0].lat, "lon": placed[0].lon, "country": placed[0].country,
                     "state": where.get("state") or placed[0].state}
    # the views' aliases as their builds made them, and the other views' labels as the resolver
    # adds a label: when it is not the same name folded
    folded = fold(label)
    names = {a for v in views for a in v.aliases} | {lab for lab in {v.label for v in views} if fold(lab) != folded}
    aliases = tuple(sorted(names - {label, ""}, key=lambda a: (a.casefold(), a)))
    return Entity(id=eid, label=label, type=etype, aliases=aliases, wikidata=wikidata, mentions=mentions, **where)


@dataclass
class Known:
    """The store's entities as reconciliation sees them: class and every name.

    Names are indexed by their transliteration key per class, so that a new
    name is compared (with :func:`similar`, which decides) only with names
    whose keys are equal or close by rapidfuzz - not with every name of the
    store."""

    types: dict[str, EntityType] = field(default_factory=dict)
    _keys: dict[EntityType, list[str]] = field(default_factory=lambda: defaultdict(list))
    _owners: dict[EntityType, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    _seen: set[tuple[str, str]] = field(default_factory=set)

    def add(self, entity_id: str, etype: EntityType, names: Iterable[str]) -> None:
        self.types[entity_id] = etype
        for name in names:
            if name and (entity_id, name) not in self._seen:
                self._seen.add((entity_id, name))
                self._keys[etype].append(translit_key(name))
                self._owners[etype].append((entity_id, name))

    def variants_of(self, name: str, etype: EntityType) -> list[str]:
        """Ids of entities of class ``etype`` with a name that is a variant of ``name``."""
        keys = self._keys.get(etype)
        if not keys:
            return []
        hits = process.extract(translit_key(name), keys, scorer=fuzz.ratio, score_cutoff=_PREFILTER, limit=None)
        owners = self._owners[etype]
        return sorted({owners[i][0] for _key, _score, i in hits if similar(name, owners[i][1])})


# similar() accepts equal transliteration keys or a rapidfuzz ratio of 90 or more
# between them; 80 only narrows the names it is asked about
_PREFILTER = 80.0


def _target(e: Entity, known: Known, gazetteer: Gazetteer) -> str:
    if e.id in gazetteer:
        return e.id
    if known.types.get(e.id) is e.type:
        return e.id
    if e.type is not EntityType.EVENT:
        match = [kid for kid in known.variants_of(e.label, e.type) if kid not in gazetteer]
        if match:
            return match[0]
    if e.id not in known.types:
        return e.id
    base, suffix = e.id, e.type.value.lower()
    candidate, n = f"{base}-{suffix}", 2
    while candidate in known.types and known.types[candidate] is not e.type:
        candidate, n = f"{base}-{suffix}-{n}", n + 1
    return candidate


def reconcile(kg: KnowledgeGraph, known: Known, gazetteer: Gazetteer) -> KnowledgeGraph:
    """``kg`` (one document's build) with its entity ids fitted to ``known``."""
    mapping = {e.id: _target(e, known, gazetteer) for e in kg.entities}
    if all(k == v for k, v in mapping.items()):
        return kg
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in kg.entities:
        new = mapping[e.id]
        groups[new].append(replace(e, id=new, mentions=tuple(replace(m, key=new) for m in e.mentions)))
    entities = tuple(merge_views(views, gazetteer) if len(views) > 1 else views[0] for views in groups.values())
    best: dict[tuple, Claim] = {}
    for c in kg.claims:
        s, o = mapping[c.subject], mapping[c.object]
        if s == o:
            continue  # two names of one entity: not a relation
        source = c.attributed_to
        if source is not None and source.entity is not None:
            source = Source(entity=mapping.get(source.entity, source.entity))
        place = mapping.get(c.place, c.place) if c.place else None
        claim = replace(c, subject=s, object=o, attributed_to=source, place=place)
        key = (claim.evidence.document, claim.evidence.char_start, s, claim.relation, o, claim.status,
               source.value if source else "")
        if key not in best or (best[key].confidence, best[key].cue) < (claim.confidence, claim.cue):
            best[key] = claim
    return KnowledgeGraph(kg.documents, entities, tuple(best.values()), kg.problems)
