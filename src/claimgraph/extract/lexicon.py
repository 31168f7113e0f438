"""The cue lexicon of ``ontology/cues.toml``, loaded into typed records.

Every entry is checked when the file is read: an unknown relation, slot,
direction or class fails at once, naming the entry and the valid values.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import Code, ConfigError, one_of
from ..model import ACTOR_TYPES, EntityType, Relation, Status
from ..resources import ontology_file, read_toml

POS = frozenset({"VERB", "NOUN", "ADJ"})
DIRECTIONS = frozenset({"forward", "reverse", "mutual"})
SLOTS = frozenset({"subject", "dobj", "xsubj", "poss", "pred", "agent", "between", "appos", "modified",
                   "compound", "event", "parties", "locus", "talks", "dative", "governor", "itself"})
_CUE_KEYS = {"cue", "pos", "relation", "subject", "object", "direction", "subject_types",
             "object_types", "status", "comment", "source", "claimed_by"}
# generated cue files read after the curated one (ontology/cues.toml), which wins for
# any verb, part of speech and relation it has
GENERATED = ("lexicon/cameo-verbs.toml",)

# Which classes each relation may connect (mirrors the rdfs:domain and
# rdfs:range of ontology/claimgraph.ttl; a test keeps the two in step).
_PLACES = frozenset({EntityType.PLACE, EntityType.STATE})
SIGNATURES: dict[Relation, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    Relation.SUPPORTS: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.ATTACKS: (ACTOR_TYPES | {EntityType.EVENT}, ACTOR_TYPES | {EntityType.PLACE}),
    Relation.CARRIED_OUT: (ACTOR_TYPES, frozenset({EntityType.EVENT})),
    Relation.ALLIED_WITH: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.OPPOSES: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.ACCUSES: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.MEMBER_OF: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.LEADS: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.SPOKESPERSON_OF: (frozenset({EntityType.PERSON}), ACTOR_TYPES),
    Relation.OPERATES_IN: (ACTOR_TYPES, _PLACES),
    Relation.CONTROLS: (ACTOR_TYPES, _PLACES),
    Relation.MEDIATES: (ACTOR_TYPES, ACTOR_TYPES),
    Relation.LOCATED_IN: (frozenset({EntityType.PLACE, EntityType.EVENT}), _PLACES),
    Relation.THREATENS: (ACTOR_TYPES | {EntityType.EVENT}, ACTOR_TYPES),
    Relation.KILLS: (ACTOR_TYPES | {EntityType.EVENT}, frozenset({EntityType.PERSON})),
    Relation.RELEASES: (ACTOR_TYPES, ACTOR_TYPES),
}


@dataclass(frozen=True, slots=True)
class Slot:
    """Where an argument is found: a slot name, or ``prep`` with its prepositions."""

    name: str
    preps: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str, where: str) -> "Slot":
        if text.startswith("prep:"):
            preps = frozenset(p for p in text[5:].split("|") if p)
            if not preps:
                raise ConfigError(Code.BAD_DATA_FILE, f"{where}: 'prep:' needs at least one preposition")
            return cls("prep", preps)
        if text not in SLOTS:
            raise ConfigError(Code.BAD_DATA_FILE, f"{where}: slot {one_of(text, sorted(SLOTS) + ['prep:P'])}")
        return cls(text)


@dataclass(frozen=True, slots=True)
class Cue:
    cue: str
    pos: str
    relation: Relation
    subject: tuple[Slot, ...]
    object: tuple[Slot, ...]
    direction: str = "forward"
    subject_types: frozenset[EntityType] = frozenset()
    object_types: frozenset[EntityType] = frozenset()
    status: Status | None = None
    comment: str = ""
    # "subject": the cue is its subject's own claim ("X claimed responsibility for"), alleged by X
    claimed_by: str = ""

    @property
    def lemma(self) -> str:
        return self.cue.split()[0]

    @property
    def extra(self) -> tuple[str, ...]:
        """Words that must go with the lemma: a particle or a fixed object."""
        return tuple(self.cue.split()[1:])


@dataclass(frozen=True, slots=True)
class StatusWords:
    alleged_adverbs: frozenset[str]
    hypothetical_adverbs: frozenset[str]
    alleged_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]
    hypothetical_governors: frozenset[str]
    alleged_governors: frozenset[str]
    negators: frozenset[str]
    negation_words: frozenset[str]
    reporting: dict[str, Status]
    reporting_nouns: frozenset[str]
    object_reporting: frozenset[str]
    # lower-case prefixes every inflection of a denial verb starts with
    # ("deny" -> "den" for deny/denies/denied): a cheap text test before a token walk
    denial_stems: tuple[str, ...] = ()


def _stems(words) -> tuple[str, ...]:
    out = set()
    for w in words:
        base = w[:-1] if w.endswith(("e", "y")) and len(w) > 3 else w
        out.add(base[:5])
    return tuple(sorted(out))


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: tuple[Cue, ...]
    transparent: frozenset[str]
    collective: frozenset[str]
    list_markers: tuple[str, ...]
    facilities: frozenset[str]
    light_verbs: frozenset[str]
    roles: dict[Relation, frozenset[str]]
    government_offices: frozenset[str]
    military_words: frozenset[str]
    member_qualifiers: frozenset[str]
    status: StatusWords
    accusing: frozenset[str] = frozenset()  # "X claimed that Y ...": X accuses Y
    accused_relations: frozenset[Relation] = frozenset()
    event_in_place: frozenset[str] = frozenset()  # "Sudan's civil war": the possessor is where, not who
    event_of_place: frozenset[str] = frozenset()  # "the fall of el-Fasher": the "of" phrase is the place
    _by_lemma: dict[tuple[str, str], tuple[Cue, ...]] = field(default_factory=dict, repr=False)
    # string-store hash -> whether the string, lower-cased, keys any cue
    _keyed: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    def cues_for(self, lemma: str, pos: str) -> tuple[Cue, ...]:
        return self._by_lemma.get((lemma, pos), ())

    def may_cue(self, tok) -> bool:
        """Whether a token's form or lemma keys any cue: a test on the
        token's hashes that spares the string look-ups of most tokens."""
        keyed = self._keyed
        for h in (tok.lower, tok.lemma):
            ok = keyed.get(h)
            if ok is None:
                word = tok.doc.vocab.strings[h].lower()
                ok = keyed[h] = any((word, pos) in self._by_lemma for pos in ("VERB", "NOUN", "ADJ"))
            if ok:
                return True
        return False


def _types(values: object, where: str) -> frozenset[EntityType]:
    if values is None:
        return frozenset()
    if not isinstance(values, list):
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: types must be a list")
    out: set[EntityType] = set()
    for v in values:
        if v == "Actor":
            out |= ACTOR_TYPES
            continue
        try:
            out.add(EntityType(v))
        except ValueError:
            raise ConfigError(Code.BAD_DATA_FILE,
                              f"{where}: class {one_of(v, [t.value for t in EntityType] + ['Actor'])}") from None
    return frozenset(out)


def _relations(data: dict, path: str) -> frozenset[Relation]:
    if "accused_relations" not in data.get("reporting", {}):
        return frozenset()
    out = set()
    for name in _words(data, "reporting", "accused_relations", path):
        match = [r for r in Relation if r.value.lower() == name]
        if not match:
            raise ConfigError(Code.BAD_DATA_FILE, f"{path}: [reporting] accused_relations: "
                              f"{one_of(name, [r.value for r in Relation])}")
        out.add(match[0])
    return frozenset(out)


def _claimed_by(raw: dict, where: str) -> str:
    value = raw.get("claimed_by", "")
    if value not in ("", "subject"):
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: claimed_by {one_of(str(value), ['subject'])}")
    if value and raw.get("status") != "alleged":
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: claimed_by needs status = \"alleged\"")
    return value


def _cue(raw: dict, n: int, path: str) -> Cue:
    where = f"{path}: cue {n} ({raw.get('cue', '?')!r})"
    unknown = set(raw) - _CUE_KEYS
    if unknown:
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: key {one_of(sorted(unknown)[0], _CUE_KEYS)}")
    for key in ("cue", "pos", "relation", "comment"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ConfigError(Code.BAD_DATA_FILE, f"{where}: {key} must be a non-empty string")
    if raw["pos"] not in POS:
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: pos {one_of(raw['pos'], POS)}")
    try:
        relation = Relation(raw["relation"])
    except ValueError:
        raise ConfigError(Code.BAD_DATA_FILE,
                          f"{where}: relation {one_of(raw['relation'], [r.value for r in Relation])}") from None
    direction = raw.get("direction", "forward")
    if direction not in DIRECTIONS:
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: direction {one_of(direction, DIRECTIONS)}")
    status = None
    if "status" in raw:
        try:
            status = Status(raw["status"])
        except ValueError:
            raise ConfigError(Code.BAD_DATA_FILE,
                              f"{where}: status {one_of(raw['status'], [s.value for s in Status])}") from None
    default_subject = {"VERB": ["subject"], "NOUN": ["poss", "pred"], "ADJ": ["modified"]}[raw["pos"]]
    subject = raw.get("subject", default_subject)
    obj = raw.get("object")
    if not isinstance(obj, list) or not obj:
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: object must be a non-empty list of slots")
    return Cue(
        cue=raw["cue"].strip().lower(),
        pos=raw["pos"],
        relation=relation,
        subject=tuple(Slot.parse(s, where) for s in subject),
        object=tuple(Slot.parse(s, where) for s in obj),
        direction=direction,
        subject_types=_types(raw.get("subject_types"), where),
        object_types=_types(raw.get("object_types"), where),
        status=status,
        comment=raw["comment"].strip(),
        claimed_by=_claimed_by(raw, where),
    )


def _words(data: dict, section: str, key: str, path: str) -> frozenset[str]:
    value = data.get(section, {}).get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(Code.BAD_DATA_FILE, f"{path}: [{section}] {key} must be a list of strings")
    return frozenset(v.lower() for v in value)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    return _load(str(path) if path else str(ontology_file("cues.toml")))


@cache
def _load(path: str) -> Lexicon:
    data = read_toml(path, "cue lexicon")
    cues = tuple(_cue(raw, n, path) for n, raw in enumerate(data.get("cue", []), 1))
    if Path(path) == ontology_file("cues.toml"):
        have = {(c.cue, c.pos, c.relation) for c in cues}
        for name in GENERATED:
            gpath = str(ontology_file(name))
            extra = [_cue(raw, n, gpath) for n, raw in enumerate(read_toml(gpath, "cue lexicon").get("cue", []), 1)]
            cues += tuple(c for c in extra if (c.cue, c.pos, c.relation) not in have)
    by_lemma: dict[tuple[str, str], list[Cue]] = defaultdict(list)
    for cue in cues:
        by_lemma[(cue.lemma, cue.pos)].append(cue)
    roles = {}
    for rel in ("leads", "spokespersonOf", "memberOf"):
        roles[Relation(rel)] = _words(data, "roles", rel, path)
    reporting: dict[str, Status] = {}
    for status in ("alleged", "asserted", "denied"):
        for word in _words(data, "reporting", status, path):
            reporting.setdefault(word, Status(status))
    st = "status"
    status_words = StatusWords(
        alleged_adverbs=_words(data, st, "alleged_adverbs", path),
        hypothetical_adverbs=_words(data, st, "hypothetical_adverbs", path),
        alleged_adjectives=_words(data, st, "alleged_adjectives", path),
        hypothetical_adjectives=_words(data, st, "hypothetical_adjectives", path),
        modals=_words(data, st, "modals", path),
        conditionals=_words(data, st, "conditionals", path),
        hypothetical_governors=_words(data, st, "hypothetical_governors", path),
        alleged_governors=_words(data, st, "alleged_governors", path),
        negators=_words(data, st, "negators", path),
        negation_words=_words(data, st, "negation_words", path),
        reporting=reporting,
        reporting_nouns=_words(data, "reporting", "nouns", path),
        object_reporting=_words(data, "reporting", "object_reporting", path),
        denial_stems=_stems(w for w, s in reporting.items() if s is Status.DENIED),
    )
    markers = data.get("arguments", {}).get("list_markers", [])
    return Lexicon(
        cues=cues,
        transparent=_words(data, "arguments", "transparent", path),
        collective=_words(data, "arguments", "collective", path),
        list_markers=tuple(m.lower() for m in markers),
        facilities=_words(data, "arguments", "facilities", path),
        light_verbs=_words(data, "arguments", "light_verbs", path),
        roles=roles,
        government_offices=_words(data, "roles", "government_offices", path),
        military_words=_words(data, "roles", "military_words", path),
        member_qualifiers=_words(data, "roles", "member_qualifiers", path),
        status=status_words,
        accusing=_words(data, "reporting", "accusing", path) if "accusing" in data.get("reporting", {})
        else frozenset(),
        accused_relations=_relations(data, path),
        event_in_place=_words(data, "events", "in_place", path) if "events" in data else frozenset(),
        event_of_place=_words(data, "events", "of_place", path) if "events" in data else frozenset(),
        _by_lemma={k: tuple(v) for k, v in by_lemma.items()},
    )
