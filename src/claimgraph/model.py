"""The record model: frozen records that every stage reads and writes.

Records are immutable (frozen dataclasses holding tuples), so a stage can
never change what an earlier stage produced; it makes new records instead.
Every :class:`Claim` carries its :class:`Evidence`: the document, the
sentence, the character offsets into the document text as read, and the
rule that produced it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """Entity classes of VOCABULARY.md (local names are the values)."""

    STATE = "State"
    ARMED_GROUP = "ArmedGroup"
    GOVERNMENT = "Government"
    SECURITY_FORCE = "SecurityForce"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PLACE = "Place"
    EVENT = "Event"

    @property
    def is_actor(self) -> bool:
        return self not in (EntityType.PLACE, EntityType.EVENT)


ACTOR_TYPES = frozenset(t for t in EntityType if t.is_actor)


class Relation(StrEnum):
    """The core relations of VOCABULARY.md (subject -> object)."""

    SUPPORTS = "supports"
    ATTACKS = "attacks"
    CARRIED_OUT = "carriedOut"
    ALLIED_WITH = "alliedWith"
    OPPOSES = "opposes"
    ACCUSES = "accuses"
    MEMBER_OF = "memberOf"
    LEADS = "leads"
    SPOKESPERSON_OF = "spokespersonOf"
    OPERATES_IN = "operatesIn"
    CONTROLS = "controls"
    MEDIATES = "mediates"
    LOCATED_IN = "locatedIn"
    THREATENS = "threatens"
    KILLS = "kills"
    RELEASES = "releases"

    @property
    def symmetric(self) -> bool:
        return self is Relation.ALLIED_WITH


class Status(StrEnum):
    """How the text commits to a claim."""

    ASSERTED = "asserted"
    ALLEGED = "alleged"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class BlockKind(StrEnum):
    """The layout role of a block of text in an article."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BOILERPLATE = "boilerplate"

    @property
    def is_prose(self) -> bool:
        return self is BlockKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text with one layout role; offsets into ``Document.text``."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read: its text is never changed after reading.

    ``content_hash`` is the SHA-256 of the text; a store uses it to skip an
    unchanged document and to replace a changed one.
    """

    id: str
    text: str
    source: str
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    date: str | None = None
    url: str | None = None
    # where ``date`` came from: "metadata" (the page's or the record's), "text" (a
    # dateline or "Published ..." line) or "option" (--document-date)
    date_source: str | None = None
    # the outlet that published it, and where that came from: "metadata" (the record's
    # ``publisher``, the page's site name), "text" (it names itself at the top), "url" (the
    # URL's domain) or "option" (--publisher); the agencies the text credits ("(Reuters) -")
    publisher: str | None = None
    publisher_source: str | None = None
    credits: tuple[str, ...] = ()
    # the outlet's entity id when the gazetteer knows it as an Organization (set by the build)
    publisher_entity: str | None = None
    content_hash: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.content_hash:
            digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
            object.__setattr__(self, "content_hash", digest)

    def prose_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind.is_prose)


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A stretch of a document that names (or refers back to) an entity.

    ``key`` is the document-level identity: a gazetteer id when the name is
    known, otherwise a provisional key that resolution turns into a
    canonical entity id. ``type`` is ``None`` only for an anaphor that is
    still waiting for its antecedent.
    """

    document: str
    char_start: int
    char_end: int
    text: str
    type: EntityType | None
    key: str
    kind: str = "ner"
    depth: int = field(default=0, compare=False)  # how many modifiers (appositions, relatives, brackets) hold it
    # an event phrase's shorter names ("Israeli bombing", "bombing of Damascus"): aliases of its entity
    names: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one node in every view of the graph."""

    id: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    mentions: tuple[Mention, ...] = ()
    # from the gazetteer: the state an actor belongs to or a place lies in (its
    # entity id; none for a state), and a place's coordinates (WGS 84)
    state: str | None = None
    lat: float | None = None
    lon: float | None = None
    # a place's (or state's) country, ISO 3166-1 alpha-2, and its first-level
    # subdivision: the subdivision's ISO 3166-2 code when it has one, and name
    country: str | None = None
    subdivision: str | None = None
    subdivision_code: str | None = None

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({m.document for m in self.mentions}))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim is stated: the sentence and its offsets in the document."""

    document: str
    sentence: str
    char_start: int
    char_end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a claim: a canonical entity, or an unnamed source's phrase."""

    entity: str | None = None
    phrase: str | None = None

    def __post_init__(self) -> None:
        if (self.entity is None) == (self.phrase is None):
            raise ValueError("a Source names exactly one of entity or phrase")

    @property
    def value(self) -> str:
        return self.entity if self.entity is not None else str(self.phrase)


PRECISIONS = ("day", "week", "month", "year", "decade")
QUALIFIERS = ("since", "until", "before", "after", "by")


@dataclass(frozen=True, slots=True)
class When:
    """The time a claim is about, as its sentence says it.

    ``value`` is ISO 8601 at ``precision`` ("2023-07-30" day, "2023-07"
    month, "2023" year; a week is its Monday, a decade its first year) and
    ``end`` the last day, month or year of a range ("between March and May
    2024", a week, a decade); ``qualifier`` is "since", "until", "before",
    "after" or "by" when the words say so. ``value`` is None when the words
    cannot be placed: relative to an unknown document date, or to another
    event ("two days later"). ``text`` keeps the words.
    """

    text: str
    value: str | None = None
    precision: str | None = None
    end: str | None = None
    qualifier: str | None = None

    def __post_init__(self) -> None:
        if self.precision is not None and self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if (self.value is None) != (self.precision is None):
            raise ValueError("a When has a value and a precision, or neither")

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("value", "precision", "end", "qualifier", "text")
                if getattr(self, k) is not None}

    @classmethod
    def from_dict(cls, d: dict) -> "When":
        return cls(text=d["text"], value=d.get("value"), precision=d.get("precision"), end=d.get("end"),
                   qualifier=d.get("qualifier"))


@dataclass(frozen=True, slots=True)
class Claim:
    """One relation as one source states it, with its evidence.

    A claim is never a bare fact: ``status`` says how the text commits to
    it and ``attributed_to`` who makes it (``None`` means the article's own
    voice).
    """

    subject: str
    relation: Relation
    object: str
    status: Status
    evidence: Evidence
    cue: str = ""
    attributed_to: Source | None = None
    confidence: float = 0.5
    # when and where the claim is about: the date its sentence gives, and the
    # Place entity it is located in (see claimgraph.analysis)
    when: When | None = None
    place: str | None = None

    @property
    def id(self) -> str:
        """A stable identifier: the same claim gets the same id in every build."""
        parts = (
            self.evidence.document,
            str(self.evidence.char_start),
            str(self.evidence.char_end),
            self.subject,
            self.relation.value,
            self.object,
            self.status.value,
            self.attributed_to.value if self.attributed_to else "",
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]

    @property
    def triple(self) -> tuple[str, str, str]:
        """(subject, relation, object), with symmetric relations ordered."""
        s, o = self.subject, self.object
        if self.relation.symmetric and o < s:
            s, o = o, s
        return (s, self.relation.value, o)

    def sort_key(self) -> tuple:
        return (
            self.evidence.document,
            self.evidence.char_start,
            self.subject,
            self.relation.value,
            self.object,
            self.status.value,
            self.attributed_to.value if self.attributed_to else "",
            self.cue,
        )
