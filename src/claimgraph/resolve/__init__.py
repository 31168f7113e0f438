"""Resolve: document mentions and raw claims in, canonical entities and claims out.

Per document (:func:`resolve_document`):

- a short name of a person stands for the full name used earlier in the
  document ("Mr. Nuri" ... "Nuri"; "General Asim Munir" ... "Munir");
- an anaphor ("the group", "this regime") stands for the most recent
  entity of a compatible class before it in the same paragraph.

Across documents (:class:`Resolver`):

- a gazetteer id is the entity; a name the gazetteer does not know is
  matched to a gazetteer name of the same class, or to another unknown
  name of the same class, when the two are spelling variants of one
  another (transliteration folding and rapidfuzz, see :mod:`.names`);
- every other unknown name becomes an entity of its own, with an id made
  from its name (stable across builds);
- raw claims get the entities' ids; a claim whose argument did not
  resolve, whose arguments are one entity, or whose classes do not fit
  its relation is dropped; duplicates (the same claim from the same
  sentence) are kept once, with the highest confidence.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..gazetteer import Gazetteer, fold
from ..model import Claim, Document, Entity, EntityType, Mention, Relation, Source
from ..nlp.wordlists import MentionWords, load_mention_words
from ..names import similar, slug

__all__ = ["Resolver", "resolve_document"]

_ALIAS_KINDS = frozenset({"gazetteer", "ner", "alias", "acronym", "faction", "event", "described", "region"})
# "southern Lebanon": the key of a state's region names the state
REGION_PREFIX = f"new:{EntityType.PLACE.value}:region:"


def _paragraph_of(document: Document) -> callable:
    starts = [b.start for b in document.blocks]

    def index(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    return index


def _label_of(m: Mention, words: MentionWords) -> str:
    """The name a mention gives, without titles, 'the' or a possessive."""
    text = m.text.replace("\u2019", "'").strip()
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    tokens = text.split()
    if m.type is EntityType.PERSON:
        while len(tokens) > 1 and tokens[0] in words.titles:
            tokens.pop(0)
    if len(tokens) > 1 and tokens[0].lower() == "the":
        tokens.pop(0)
    return " ".join(tokens)


def resolve_document(document: Document, mentions: list[Mention], *,
                     words: MentionWords | None = None) -> dict[Mention, Mention]:
    """Map each mention of one document to its resolved form (same offsets;
    resolved ``key`` and ``type``). Unresolved anaphors are left out."""
    words = words or load_mention_words()
    paragraph = _paragraph_of(document)
    ordered = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
    out: dict[Mention, Mention] = {}
    # short names of people
    full_people: dict[str, str] = {}
    for m in ordered:
        if m.type is EntityType.PERSON:
            parts = _label_of(m, words).split()
            if len(parts) > 1:
                full_people.setdefault(parts[-1].lower(), m.key)
    person_type = {m.key: m.type for m in ordered if m.type is EntityType.PERSON}
    for m in ordered:
        if m.key.startswith("new:") and m.kind == "ner" and m.type is not None:
            # "Mr. Nuri" ... "Nuri": a surname stands for the person, whatever
            # class the recogniser gave it
            parts = _label_of(m, words).split()
            if len(parts) == 1 and parts[0].lower() in full_people and full_people[parts[0].lower()] != m.key:
                target = full_people[parts[0].lower()]
                out[m] = replace(m, key=target, type=person_type[target])
                continue
        if m.type is not None:
            out[m] = m
    # anaphors: the most recent compatible entity in the same paragraph (else
    # the one before), preferring the name held by fewest modifiers ("X, a
    # faction linked to Y": X), and the anaphor's classes in their order ("the
    # group": an armed group before any other organisation)
    resolved = [out[m] for m in ordered if m in out]
    for m in ordered:
        if m.type is not None:
            continue
        kind, word = m.key.split(":", 1)
        preference = (words.pronouns if kind == "pronoun" else words.anaphors).get(word, ())
        here = paragraph(m.char_start)
        before = [c for c in resolved if c.char_start < m.char_start and paragraph(c.char_start) >= here - 1]
        antecedent = None
        for etype in preference:
            same = [c for c in before if c.type is etype]
            in_paragraph = [c for c in same if paragraph(c.char_start) == here]
            pool = in_paragraph or same
            if pool:
                shallowest = min(c.depth for c in pool)
                antecedent = [c for c in pool if c.depth == shallowest][-1]
                break
        if antecedent is not None:
            out[m] = replace(m, key=antecedent.key, type=antecedent.type, kind="anaphor")
    return out


@dataclass
class _Candidate:
    key: str
    type: EntityType
    labels: Counter
    mentions: list[Mention]


class Resolver:
    """Collects resolved mentions and raw claims of many documents, then
    makes canonical entities and claims (:meth:`finish`)."""

    def __init__(self, gazetteer: Gazetteer, *, words: MentionWords | None = None) -> None:
        self.gz = gazetteer
        self.words = words or load_mention_words()
        self._candidates: dict[str, _Candidate] = {}
        self._raw: list[tuple[dict[Mention, Mention], list]] = []

    def add(self, document: Document, mentions: list[Mention], raw_claims: Iterable) -> None:
        raw_claims = list(raw_claims)
        mapping = resolve_document(document, mentions, words=self.words)
        # a claim's argument that is a redirect ("Pakistan's army chief": the
        # Pakistan Army) is a mention of the entity it was redirected to, when
        # the document does not name that entity otherwise
        named_here = {m.key for m in mapping.values()}
        for raw in raw_claims:
            for m in (raw.subject, raw.object, raw.source):
                if isinstance(m, Mention) and m not in mapping and m.type is not None and m.key in self.gz:
                    if m.key in named_here:
                        mapping[m] = next(x for x in mapping.values() if x.key == m.key)
                    else:
                        mapping[m] = m
                        named_here.add(m.key)
        for m in mapping.values():
            cand = self._candidates.get(m.key)
            if cand is None:
                cand = self._candidates[m.key] = _Candidate(m.key, m.type, Counter(), [])
            cand.mentions.append(m)
            if m.kind in _ALIAS_KINDS:
                cand.labels[_label_of(m, self.words)] += 1
        self._raw.append((mapping, raw_claims))

    # -- entities --------------------------------------------------------------

    def _merge_variants(self) -> dict[str, str]:
        """key -> canonical key, joining spelling variants of one class."""
        canon: dict[str, str] = {k: k for k in self._candidates}
        gz_names: dict[EntityType, list[tuple[str, str]]] = defaultdict(list)
        for entry in self.gz:
            for name in entry.names:
                gz_names[entry.type].append((name, entry.id))
        known: list[_Candidate] = []
        for key in sorted(self._candidates):
            cand = self._candidates[key]
            if not key.startswith("new:") or cand.type is EntityType.EVENT:
                continue
            label = cand.labels.most_common(1)[0][0] if cand.labels else key.split(":", 2)[-1]
            exact = [e for e in self.gz.lookup(label) if e.type is cand.type]
            if exact:
                canon[key] = exact[0].id
                continue
            match = next((gid for name, gid in gz_names[cand.type] if similar(label, name)), None)
            if match is not None:
                canon[key] = match
                continue
            earlier = next((k.key for k in known if k.type is cand.type and any(
                similar(label, other) for other in k.labels)), None)
            if earlier is not None:
                canon[key] = canon[earlier]
            else:
                known.append(cand)
        return canon

    def _entities(self, canon: dict[str, str]) -> tuple[list[Entity], dict[str, str]]:
        groups: dict[str, list[_Candidate]] = defaultdict(list)
        for key, cand in self._candidates.items():
            groups[canon[key]].append(cand)
        ids: dict[str, str] = {}
        taken = {e.id for e in self.gz}
        entities: list[Entity] = []
        for ckey in sorted(groups):
            members = groups[ckey]
            labels: Counter = Counter()
            mentions: list[Mention] = []
            for cand in members:
                labels.update(cand.labels)
                mentions.extend(cand.mentions)
            if ckey in self.gz:
                entry = self.gz[ckey]
                eid, label, etype, wikidata = entry.id, entry.label, entry.type, entry.wikidata
                aliases = set(entry.aliases)
                where = _where(self.gz, entry)
            else:
                etype = members[0].type
                label = _best_label(labels, ckey)
                eid = slug(label)
                if eid in taken:
                    eid = f"{eid}-{etype.value.lower()}"
                n = 2
                while eid in taken:
                    eid = f"{slug(label)}-{etype.value.lower()}-{n}"
                    n += 1
                wikidata = None
                aliases = set()
                where = {}
                whole = ckey.rsplit(":", 1)[-1] if ckey.startswith(REGION_PREFIX) else None
                if whole in self.gz:  # a region of a state or place: its state and country, no point
                    home = _where(self.gz, self.gz[whole])
                    state = whole if self.gz[whole].type is EntityType.STATE else home.get("state")
                    where = {"state": state, "country": home.get("country")}
            taken.add(eid)
            ids[ckey] = eid
            aliases |= {lab for lab in labels if lab and fold(lab) != fold(label)}
            aliases |= {n for m in mentions for n in m.names if fold(n) != fold(label)}
            entities.append(Entity(
                id=eid, label=label, type=etype,
                aliases=tuple(sorted(aliases, key=lambda a: (a.casefold(), a))),
                wikidata=wikidata,
                mentions=tuple(sorted({replace(m, key=eid) for m in mentions})),
                **where,
            ))
        for key in canon:
            ids.setdefault(key, ids[canon[key]])
        entities = geocode(entities, self.gz)
        entities.sort(key=lambda e: e.id)
        return entities, ids

    # -- claims ------------------------------------------------------------------

    def finish(self) -> tuple[list[Entity], list[Claim]]:
        canon = self._merge_variants()
        entities, ids = self._entities(canon)
        types = {e.id: e.type for e in entities}
        best: dict[tuple, Claim] = {}
        for mapping, raws in self._raw:
            for raw in raws:
                claim = self._claim(raw, mapping, ids, types)
                if claim is None:
                    continue
                key = (claim.evidence.document, claim.evidence.char_start, claim.subject,
                       claim.relation, claim.object, claim.status,
                       claim.attributed_to.value if claim.attributed_to else "")
                if key not in best or (best[key].confidence, best[key].cue) < (claim.confidence, claim.cue):
                    best[key] = claim
        claims = with_places(sorted(best.values(), key=Claim.sort_key), types)
        return entities, claims

    def _claim(self, raw, mapping: dict[Mention, Mention], ids: dict[str, str],
               types: dict[str, EntityType]) -> Claim | None:
        subj = mapping.get(raw.subject)
        obj = mapping.get(raw.object)
        if subj is None or obj is None:
            return None
        s, o = ids[subj.key], ids[obj.key]
        if s == o or types[s] not in raw.subject_types or types[o] not in raw.object_types:
            return None
        source = None
        if isinstance(raw.source, Mention):
            resolved = mapping.get(raw.source)
            if resolved is not None:
                source = Source(entity=ids[resolved.key])
            elif raw.source.text:
                source = Source(phrase=raw.source.text)
        elif raw.source:
            source = Source(phrase=raw.source)
        if source is not None and source.entity == s and raw.relation.value == "accuses":
            source = None  # "X accuses Y": the accusation is X's own act, stated by the article
        place = None
        if raw.place is not None and raw.place in mapping:
            place = ids[mapping[raw.place].key]
            if types.get(place) not in (EntityType.PLACE, EntityType.STATE) or place in (s, o):
                place = None
        return Claim(
            subject=s, relation=raw.relation, object=o, status=raw.status,
            evidence=raw.evidence, cue=raw.cue, attributed_to=source, confidence=raw.confidence,
            when=raw.when, place=place,
        )


# words that name what kind of place a name is, not the place ("Buthidaung Township")
_PLACE_DESIGNATORS = ("township", "district", "village", "town", "city", "province", "county", "municipality",
                      "sub-district", "subdistrict", "tehsil", "locality", "area")


def _town_keys(e: Entity) -> list[str]:
    """The names a town is looked up by: the entity's label, and the label without a
    designator. Not its other aliases: resolution's aliases include fragments ("North"
    of "North Waziristan")."""
    key = fold(e.label)
    keys = [key]
    words = key.split()
    if len(words) > 1 and words[-1] in _PLACE_DESIGNATORS:
        keys.append(" ".join(words[:-1]))
    return [k for k in dict.fromkeys(keys) if len(k) >= 3]


def _home_countries(entities: list[Entity], gz) -> dict[str, set[str]]:
    """Each document's countries: those of its places that have a point; failing any, those
    of the states it names and of the states its actors belong to."""
    places: dict[str, set[str]] = defaultdict(set)
    states: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        code = None
        if e.type in (EntityType.PLACE, EntityType.STATE) and e.country and e.lat is not None:
            code = e.country
            if e.type is EntityType.PLACE:
                for doc in e.documents:
                    places[doc].add(code)
        elif e.state and e.state in gz:
            iso = gz[e.state].iso
            code = iso if iso and len(iso) == 2 else None
        if code:
            for doc in e.documents:
                states[doc].add(code)
    return {doc: places.get(doc) or states.get(doc, set()) for doc in set(places) | set(states)}


def geocode(entities: list[Entity], gz) -> list[Entity]:
    """Coordinates for the places the world data does not know (towns under 15,000
    people, places named in a form it lacks): the GeoNames town of that name
    (towns of 1,000 people or more, ``ontology/world/towns.tsv.gz``) in the
    countries of the place's documents (the countries of their other places, or
    failing any, of the states they name). A town of that name elsewhere, or
    several in those countries of equal standing: no coordinates rather than a
    guess (a wrong point is worse than none)."""
    world = getattr(gz, "world", None)
    todo = [e for e in entities if e.type is EntityType.PLACE and e.lat is None]
    if world is None or not todo:
        return entities
    home = _home_countries(entities, gz)
    keys = {e.id: _town_keys(e) for e in todo}
    found = world.towns(k for ks in keys.values() for k in ks)
    placed = {}
    for e in todo:
        mine = set().union(*(home.get(d, set()) for d in e.documents))
        cands = []
        for rank, key in enumerate(keys[e.id]):
            for town in found.get(key, []):
                if town[2] in mine:
                    cands.append(((fold(town[1]) != key, rank, -town[6], town[0]), town))
        if not cands:
            continue
        cands.sort()
        best, town = cands[0]
        if len(cands) > 1 and cands[1][0][:2] == best[:2] and cands[1][1][2] != town[2] and -cands[1][0][2] * 10 > town[6]:
            continue  # towns of the name in two of the documents' countries, neither far larger
        state = gz.state_of_iso(town[2]) if hasattr(gz, "state_of_iso") else None
        placed[e.id] = replace(e, lat=float(town[4]), lon=float(town[5]), country=town[2],
                               state=e.state or (state if state in gz else None))
    return [placed.get(e.id, e) for e in entities]


_PLACING = frozenset({Relation.LOCATED_IN, Relation.OPERATES_IN, Relation.CONTROLS, Relation.ATTACKS,
                      Relation.THREATENS})


def with_places(claims: list[Claim], types: dict[str, EntityType]) -> list[Claim]:
    """Each claim's place: the Place (or State) it is located, operating, held
    or attacking in ("IS-KP operatesIn Kunar": Kunar), else the place its
    sentence names for an attack, else the place of the event it is about
    (an event's ``locatedIn`` claims in the same document)."""
    located: dict[tuple[str, str], str] = {}
    for c in claims:
        if c.relation is Relation.LOCATED_IN and types.get(c.subject) is EntityType.EVENT \
                and types.get(c.object) in (EntityType.PLACE, EntityType.STATE):
            located.setdefault((c.evidence.document, c.subject), c.object)
    out = []
    for c in claims:
        place = c.place
        if c.relation in _PLACING and types.get(c.object) in (EntityType.PLACE, EntityType.STATE) and not (
                c.relation is Relation.ATTACKS and place is not None and types.get(c.object) is EntityType.STATE):
            place = c.object  # an attack on a state keeps the place its sentence names ("in southern Lebanon")
        elif place is None:
            for end in (c.object, c.subject):
                if types.get(end) is EntityType.EVENT and (c.evidence.document, end) in located:
                    place = located[(c.evidence.document, end)]
                    break
        out.append(c if place == c.place else replace(c, place=place))
    return out


def _where(gz, entry) -> dict:
    """An entry's state (not for a state), coordinates, country (ISO 3166-1)
    and first-level subdivision (name, ISO 3166-2), for its Entity."""
    state = gz.state_of(entry) if entry.type is not EntityType.STATE else None
    state = state if state in gz and state != entry.id else None
    out = {"state": state, "lat": entry.lat, "lon": entry.lon}
    if entry.type in (EntityType.PLACE, EntityType.STATE):
        home = entry if entry.type is EntityType.STATE else gz[state] if state else None
        out["country"] = home.iso if home is not None and home.iso and len(home.iso) == 2 else None
        division = entry if entry.kind == "admin1" else gz[entry.within] if entry.within in gz else None
        if division is not None and division.kind == "admin1":
            out["subdivision"] = division.label
            out["subdivision_code"] = division.iso
    return out


def _best_label(labels: Counter, key: str) -> str:
    if not labels:
        return key.split(":", 2)[-1]
    top = max(labels.values())
    # the most frequent form; among equals, the longest (the full name), then the first alphabetically
    return sorted((lab for lab, n in labels.items() if n == top), key=lambda s: (-len(s), s))[0]
