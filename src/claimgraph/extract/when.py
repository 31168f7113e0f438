"""When and where a finding is about, from its sentence.

The date: spaCy's DATE and TIME entities of the sentence, read by
:func:`claimgraph.dates.resolve` against the document's date. A sentence
with several dates gives each claim the one attached to its own clause
("Earlier this week the army said it had killed 20 fighters in Borno on
Sunday": the killing is Sunday's, the saying this week's), else the
nearest. A sentence with no date gives none: never the document's date.

The place, for attacks, strikes and killings: the Place or State a
locative preposition of the cue or of its object names ("struck targets in
southern Lebanon", "the raid near Gao").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from ..dates import resolve
from ..model import EntityType, Relation, When
from .arguments import Arguments

_TIME_LABELS = frozenset({"DATE", "TIME"})
_QUALIFYING = {"since": "since", "until": "until", "till": "until", "before": "before", "after": "after",
               "by": "by", "prior": "before"}
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_LOCATIVE = frozenset({"in", "near", "across", "inside", "outside", "around", "at", "throughout", "within"})
_PLACE_TYPES = frozenset({EntityType.PLACE.value, EntityType.STATE.value})
PLACED_RELATIONS = frozenset({Relation.ATTACKS, Relation.KILLS, Relation.CARRIED_OUT})


@dataclass(frozen=True, slots=True)
class SentenceDate:
    span: Span
    when: When


def sentence_dates(sent: Span, base: date | None) -> list[SentenceDate]:
    """The dates a sentence names, in order."""
    out = []
    for ent in sent.ents:
        if ent.label_ not in _TIME_LABELS:
            continue
        ent = _with_range_start(ent, sent)
        root = ent.root
        qualifier = None
        if root.dep_ == "pobj" and root.head.lower_ in _QUALIFYING:
            qualifier = _QUALIFYING[root.head.lower_]
        when = resolve(ent.text, base, qualifier)
        if when is not None:
            out.append(SentenceDate(ent, when))
    return out


_RANGE_JOINS = frozenset({"and", "to", "until", "till", "through", "-", "–", "—"})


def _with_range_start(ent: Span, sent: Span) -> Span:
    """"between March and May 2024": spaCy may see only "May 2024"; the range's
    start and its opening word join it."""
    i = ent.start
    if i - 2 < sent.start or ent.doc[i - 1].lower_ not in _RANGE_JOINS:
        return ent
    for j in range(i - 2, max(sent.start, i - 5) - 1, -1):
        if ent.doc[j].lower_ in ("between", "from"):
            return ent.doc[j:ent.end]
    return ent


def _clause(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (itself, for a verb)."""
    seen = 0
    while tok.pos_ not in _CLAUSE_POS and tok.head.i != tok.i and seen < 40:
        tok = tok.head
        seen += 1
    return tok


def date_for(trigger: Token, dates: list[SentenceDate]) -> When | None:
    """The date of the finding whose cue is ``trigger``: a date attached to
    the cue or its clause, else one of a clause the cue is embedded in ("On
    Tuesday Kyiv accused Moscow of striking ...": the striking is dated too);
    never a date of another clause the cue is not in ("Rwanda denies backing
    M23, which seized Goma in January": the backing is not January's)."""
    if not dates:
        return None
    clause = _clause(trigger)
    scopes, tok = {clause.i}, clause
    while tok.head.i != tok.i:  # the clauses the cue's clause is embedded in (not those it is conjoined to)
        conj = tok.dep_ == "conj"
        tok = tok.head
        if not conj:
            scopes.add(tok.i)

    def score(d: SentenceDate) -> tuple | None:
        path, tok, steps = set(), d.span.root, 0
        while tok.head.i != tok.i and steps < 40:
            tok = tok.head
            path.add(tok.i)
            steps += 1
            if tok.pos_ in _CLAUSE_POS:
                break
        own = _clause(d.span.root.head) if d.span.root.head.i != d.span.root.i else d.span.root
        steps = 0
        while own.dep_ == "acl" and own.head.i != own.i and steps < 5:
            # "In a statement released on Sunday, the AU urged ...": a participle describing a noun
            # of the clause dates that clause
            own = _clause(own.head)
            steps += 1
        attached = trigger.i in path or own.i == clause.i
        if not attached and own.i not in scopes:
            return None
        distance = min(abs(trigger.i - d.span.start), abs(trigger.i - (d.span.end - 1)))
        return (not attached, d.when.value is None, distance, d.span.start)

    scored = [(s, d) for d in dates if (s := score(d)) is not None]
    return min(scored, key=lambda x: x[0])[1].when if scored else None


def place_for(relation: Relation, trigger: Token, obj: Span, args: Arguments) -> Span | None:
    """The Place or State a locative names for an attack, strike or killing."""
    if relation not in PLACED_RELATIONS:
        return None
    heads = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "pobj", "nsubjpass")]
    heads.append(obj.root)
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                span = args.mention_at(pobj)
                # not the object itself, unless the object is the state of a region named ("in southern Lebanon")
                if span is not None and span.label_ in _PLACE_TYPES and (
                        not (obj.start <= pobj.i < obj.end) or (span.id_ == "region" and obj.id_ != "region")):
                    return span
    return None
