"""Relation rules: each finds (subject, relation, object) in one sentence.

- :func:`cue_findings` — the cue lexicon: verbs, nouns and hyphenated
  adjectives, their argument slots and directions (ontology/cues.toml);
- :func:`role_findings` — "Taliban spokesman Zabihullah Mujahid",
  "Pakistan's army chief, General Asim Munir", "X, former U.S. envoy",
  "India's Ajit Doval", "Ahmad Massoud's National Resistance Front";
- :func:`facility_findings` — "TTP training centers inside Afghanistan",
  "the FC camp in Bannu": the group operates in the place;
- :func:`place_findings` — "Zhob in Balochistan", "South Waziristan's
  Serwekai", "the attack on X in Bannu": located in.

A rule returns :class:`Finding` records; status, source and evidence are
added afterwards, the same way for every rule.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from ..model import ACTOR_TYPES, EntityType, Relation, Status
from ..nlp.mentions import ATTACK_NOUNS, MENTIONS, REGION_OF
from .arguments import ANAPHOR, Arg, Arguments
from .lexicon import SIGNATURES, Cue, Lexicon, Slot
from .syntax import (
    STATE_VERBS,
    anchor,
    is_light,
    is_passive,
    children,
    clause_complement_subjects,
    direct_objects,
    predicate_of,
    prep_objects,
    subjects,
    verb_phrase,
)

_PLACE_LABELS = {EntityType.PLACE.value, EntityType.STATE.value}
_PLACE_NOUNS = frozenset({"province", "district", "city", "town", "village", "region", "valley", "area", "tehsil",
                          "county", "state", "governorate", "agency"})
_LOCATIVE = {"in", "inside", "at", "across", "near", "within", "throughout"}


@dataclass(frozen=True, slots=True)
class Finding:
    subject: Arg
    relation: Relation
    object: Arg
    trigger: Token
    rule: str
    base: float
    subject_types: frozenset[EntityType]
    object_types: frozenset[EntityType]
    presupposed: bool = False
    antecedent: Token | None = None  # an earlier event's cue whose status this finding inherits
    hedged: bool = False  # the cue itself hedges ("attributed to")
    claimant: Token | None = None  # who makes the hedged cue's claim ("X claimed responsibility")


def _type_of(arg: Arg) -> EntityType | None:
    label = arg.span.label_
    return None if label == ANAPHOR else EntityType(label)


def _allowed(relation: Relation, cue_subject: frozenset[EntityType],
             cue_object: frozenset[EntityType]) -> tuple[frozenset[EntityType], frozenset[EntityType]]:
    dom, rng = SIGNATURES[relation]
    return (dom & cue_subject if cue_subject else dom), (rng & cue_object if cue_object else rng)


def make(subject: Arg, relation: Relation, obj: Arg, trigger: Token, rule: str, base: float,
         cue_subject: frozenset[EntityType] = frozenset(),
         cue_object: frozenset[EntityType] = frozenset(), presupposed: bool = False,
         antecedent: Token | None = None) -> Finding | None:
    """A finding, or None when the arguments cannot stand in this relation."""
    if subject.span.kb_id_ == obj.span.kb_id_ or _overlap(subject.span, obj.span):
        return None
    dom, rng = _allowed(relation, cue_subject, cue_object)
    # a region of a state ("northern Syria", "southern Lebanon") stands for its state where only a
    # state can stand (a haven, a supporter), and as what an attack hits: where it fell is the claim's place
    if subject.span.id_ == "region" and EntityType.PLACE not in dom and EntityType.STATE in dom:
        subject = Arg(region_state(subject.span), subject.via)
    if obj.span.id_ == "region" and (relation is Relation.ATTACKS or
                                     (EntityType.PLACE not in rng and EntityType.STATE in rng)):
        obj = Arg(region_state(obj.span), obj.via)
    st, ot = _type_of(subject), _type_of(obj)
    if (st is not None and st not in dom) or (ot is not None and ot not in rng):
        return None
    return Finding(subject, relation, obj, trigger, rule, base, dom, rng, presupposed, antecedent)


def _overlap(a: Span, b: Span) -> bool:
    """Two names sharing words (an event phrase, or "X's faction", may contain the names in it)."""
    if EntityType.EVENT.value in (a.label_, b.label_) or ANAPHOR in (a.label_, b.label_) or \
            {"faction", "described", "region"} & {a.id_, b.id_}:  # "the Iran-backed movement" is not Iran
        return False
    return a.start < b.end and b.start < a.end


# ---------------------------------------------------------------------- cues

_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


def _is_hyphen_compound(tok: Token) -> bool:
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-"


def _matches(cue: Cue, tok: Token) -> bool:
    if cue.pos == "ADJ":
        needs_hyphen = any(s.name == "compound" for s in cue.subject + cue.object)
        if tok.lower_ != cue.lemma and tok.lemma_.lower() != cue.lemma:
            return False
        return _is_hyphen_compound(tok) if needs_hyphen else tok.pos_ == "ADJ"
    if cue.pos == "VERB" and tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ in {"ROOT", "ccomp", "conj",
                                                                                              "advcl", "relcl"}):
        return False
    if cue.pos == "NOUN" and tok.pos_ != "NOUN" and not (tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS):
        return False
    for word in cue.extra:
        attached = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        attached |= {c.lemma_.lower() for c in tok.children
                     if c.dep_ in {"dobj", "oprd", "acomp", "xcomp", "ccomp", "nsubjpass", "advcl"}}
        if word not in attached:
            return False
    return True


def _candidates(tok: Token, lex: Lexicon) -> Iterator[Cue]:
    pos, lemma, lower = tok.pos_, tok.lemma_.lower(), tok.lower_  # each access is a string-store look-up
    if pos in {"VERB", "NOUN"}:
        yield from lex.cues_for(lemma, pos)
    if pos == "AUX":  # a copula as the main verb: "TTP militants are in Afghanistan"
        yield from lex.cues_for(lemma, "VERB")
    if pos == "NOUN" and lower != lemma:
        yield from lex.cues_for(lower, "NOUN")
    if pos == "VERB" and tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS:
        yield from lex.cues_for(lower, "NOUN")  # "Fighting between A and B erupted": a gerund as a noun
    yield from lex.cues_for(lower, "ADJ")
    if lemma != lower:
        yield from lex.cues_for(lemma, "ADJ")


@dataclass(frozen=True, slots=True)
class Antecedent:
    """An event verb met earlier: who did it, and the token whose governors
    set how the text commits to it."""

    subjects: tuple[Arg, ...]
    trigger: Token


@dataclass
class Context:
    """What earlier sentences of the document left for later ones."""

    dyad: tuple[Arg, Arg] | None = None  # the last two parties reported in conflict
    events: dict[str, Antecedent] = field(default_factory=dict)  # verb lemma -> last such event

    def update(self, findings: list["Finding"]) -> None:
        for f in findings:
            if f.relation in (Relation.ATTACKS, Relation.OPPOSES) and \
                    f.subject.span.label_ != EntityType.EVENT.value and f.object.span.label_ in _ACTOR_LABELS:
                self.dyad = (f.subject, f.object)


_ACTOR_LABELS = {t.value for t in ACTOR_TYPES}


_DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "letter", "report", "resolution",
                             "declaration", "post", "message"})


def _agents_of(arg: Arg, args: Arguments) -> list[Arg]:
    """An event as the doer stands for the actor that names it: "an Israeli
    strike killed X", "Turkish airstrikes targeting the PKK" (the state of
    the demonym before the event's noun). Any other argument: itself."""
    span = arg.span
    if span.label_ != EntityType.EVENT.value:
        return [arg]
    named = [m for m in args.mentions_in(span.start, span.root.i) if m.id_ == "demonym"
             and m.label_ in _ACTOR_LABELS]
    return [Arg(m, arg.via) for m in named] or [arg]


def _voice_of(tok: Token, lex: Lexicon) -> list[Token]:
    """A statement that accuses or condemns speaks for whoever made it: "the
    prime minister's statement accused X", "a statement by the ministry",
    "the military said in a statement accusing X". Any other subject: itself."""
    lemma = tok.lemma_.lower()
    if lemma not in _DOCUMENT_NOUNS and lemma not in lex.status.reporting_nouns:
        return [tok]
    owners = children(tok, "poss") or prep_objects(tok, {"by", "from"})
    if not owners and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "through"} and \
            tok.head.head.pos_ in {"VERB", "AUX"}:
        owners = subjects(tok.head.head)
    return owners or [tok]


def _slot(slot: Slot, tok: Token, cue: Cue, args: Arguments, lex: Lexicon,
          context: Context | None = None) -> list[Arg]:
    doc = tok.doc
    name = slot.name
    if name == "subject":
        found = []
        for s in (w for s0 in subjects(tok) for w in _voice_of(s0, lex)):
            own = args.entities(s)
            if not own and s.lower_ in ATTACK_NOUNS:
                # "a Turkish drone strike killed ...": the state of the demonym on the doer's noun
                own = [Arg(m) for m in args.mentions_in(s.left_edge.i, s.i) if m.id_ == "demonym"
                       and m.label_ in _ACTOR_LABELS]
            found += [a for arg in own for a in _agents_of(arg, args)]
        return found
    if name == "dobj":
        return _all(args, direct_objects(tok))
    if name == "xsubj":
        return _all(args, clause_complement_subjects(tok))
    if name == "prep":
        heads = [tok]
        if cue.pos == "VERB":
            heads += direct_objects(tok)
        else:
            heads += _noun_heads(tok, lex)
        found = _all(args, [o for h in dict.fromkeys(heads) for o in prep_objects(h, slot.preps)])
        if not found and cue.pos == "VERB":
            # "feuded for years with the Taliban": the phrase hung on the verb's other phrase
            nested = [o for p in tok.children if p.dep_ == "prep" for o in p.children
                      if o.dep_ == "pobj" and args.mention_at(o) is None]
            found = _all(args, [o for n in nested for o in prep_objects(n, slot.preps)])
        return found
    if name == "poss":
        out: list[Arg] = []
        for head in dict.fromkeys([tok, anchor(tok)]):
            out += _all(args, children(head, "poss"))
            # a name modifying the noun from the left: "Taliban patronage"
            out += [Arg(m) for m in args.mentions_in(head.left_edge.i, head.i) if m.end <= tok.i or head.i != tok.i]
        return out
    if name == "pred":
        return _all(args, predicate_of(tok, lex.light_verbs))
    if name == "agent":
        return _all(args, [o for h in dict.fromkeys([tok, anchor(tok)]) for o in prep_objects(h, {"by"})])
    if name == "between":
        heads = [tok] + _noun_heads(tok, lex)
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            heads.append(tok.head)  # "accusations have resurfaced between A and B"
        found = _all(args, [o for h in dict.fromkeys(heads) for o in prep_objects(h, {"between"})])
        return found or _all(args, _loose_between(tok, lex))
    if name == "appos":
        found = _all(args, children(tok, "appos"))
        if not found and tok.dep_ in {"nsubj", "dobj"} and tok.i + 1 < len(doc):
            # "Russia's ally Belarus hosted ...": the parser made the name a second subject
            nxt = doc[tok.i + 1]
            span = args.mention_at(nxt)
            if span is not None and span.start == tok.i + 1 and nxt.head.i == tok.head.i and nxt.dep_ == tok.dep_:
                found = [Arg(span, "apposition")]
        if not found and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
            # "Indian proxy, Fitna al Khwarij, ...": an apposition the parser missed
            span = args.mention_at(doc[tok.i + 2])
            if span is not None and span.start == tok.i + 2 and \
                    (span.end >= len(doc) or doc[span.end].text in {",", ".", ";", ")"}):
                found = [Arg(span, "apposition")]
        return found
    if name == "modified":
        head = tok.head
        for _ in range(3):
            if head.pos_ in {"NOUN", "PROPN"} or head.i == head.head.i:
                break
            head = head.head
        if tok.dep_ == "acomp":
            return _all(args, subjects(tok.head))
        # only the noun itself: "Taliban-ruled Afghanistan and Pakistan" rules Afghanistan
        span = args.mention_at(head) if head.i != tok.i else None
        if span is None and head.i != tok.i and head.dep_ in {"appos", "attr"} and head.lower_ in lex.collective:
            # "Lashkar-e-Taiba, a Pakistan-based group": the noun describes the name it is set beside
            # ("X is a Pakistan-based group": the subject)
            named = [head.head] if head.dep_ == "appos" else subjects(head.head)
            return _all(args, named)
        return [Arg(span)] if span is not None else []
    if name == "compound":
        if _is_hyphen_compound(tok):
            span = args.mention_at(doc[tok.i - 2])
            return [Arg(span)] if span is not None else []
        return []
    if name == "event":
        found: list[Arg] = []
        if tok.dep_ == "relcl" and any(c.lower_ in {"where", "when"} for c in tok.children):
            event = args.event_containing(tok.head)  # "the attack on X in Bannu, where Y was killed"
            if event is not None:
                found.append(Arg(event))
        found += _all(args, prep_objects(tok, {"in", "during"}))
        return [a for a in found if a.span.label_ == EntityType.EVENT.value]
    if name == "governor":  # "Iran denied a role in X": the subject of the verb the noun is the object of
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            return _all(args, subjects(tok.head))
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
            return _all(args, subjects(tok.head.head))  # "the AU called for action against X"
        return []
    if name == "itself":  # "the coalition against IS", "a mission against al-Shabaab": the body the noun names
        span = args.mention_at(tok)
        return [Arg(span)] if span is not None and span.label_ in _ACTOR_LABELS else []
    if name == "dative":  # "branded Russia a terrorist state": the parser's dative is who is branded
        return _all(args, children(tok, "dative"))
    if name == "locus":
        # "struck targets in southern Lebanon": where, when what was struck is not named
        objs = direct_objects(tok)
        if any(args.entities(o) for o in objs):
            return []
        if any(o.lemma_.lower() in lex.facilities or o.lower_ in lex.facilities for o in objs):
            return []  # "targeted hideouts within Afghanistan": a group's sites, not the country, were hit
        heads = [tok, *objs]
        return [a for a in _all(args, [o for h in dict.fromkeys(heads) for o in prep_objects(h, _LOCATIVE)])
                if a.span.label_ in _PLACE_LABELS and a.span[-1].lower_ not in _WATERS]
    if name == "talks":
        found = _talk_parties(tok, args)
        if not found and context is not None and context.dyad and any(
                t.lemma_.lower() in _PARTIES_NOUNS and t.dep_ in {"nsubj", "nsubjpass"} for t in tok.sent):
            # "The warring parties resumed talks in Jeddah, mediated by Saudi Arabia": the
            # parties of the conflict the text reported last
            found = [Arg(a.span, "discourse") for a in context.dyad]
        return found
    if name == "parties":
        # "Mediation efforts by Qatar failed": the parties of the conflict the
        # text reported last
        return list(context.dyad) if context is not None and context.dyad else []
    return []


# a ship attacked in the Red Sea: the sea is where, not what, was attacked
_WATERS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "river", "lake"})
_TALKS = frozenset({"talks", "talk", "negotiation", "negotiations", "ceasefire", "truce", "deal", "agreement",
                    "accord", "dialogue", "meeting", "meetings", "summit", "process", "round", "exchange",
                    "armistice", "pact", "settlement", "understanding", "framework", "plan"})


# "the warring parties", "both sides": the parties of the conflict reported last
_PARTIES_NOUNS = frozenset({"party", "side", "belligerent"})


def _talk_parties(tok: Token, args: Arguments) -> list[Arg]:
    """The parties of talks, a truce or a deal that ``tok`` (mediated,
    brokered, hosted) describes: "between A and B" on the noun, else the
    subjects of the clause it belongs to ("A and B agreed to a ceasefire
    during talks in Doha mediated by Qatar")."""
    if tok.dep_ == "acl":
        noun = tok.head
    else:
        noun = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if noun is None or noun.lemma_.lower() not in _TALKS and noun.lower_ not in _TALKS:
        return []
    found = _all(args, prep_objects(noun, {"between"}))
    if found:
        return found
    t = noun
    for _ in range(6):
        if t.dep_ in {"pobj", "prep", "dobj", "conj", "attr", "appos", "npadvmod"} and t.head.i != t.i:
            t = t.head
        else:
            break
        if t.pos_ in {"VERB", "AUX"}:
            break
    if t.pos_ in {"VERB", "AUX"} and t.i != tok.i:
        found = [Arg(a.span, "clause") for a in _all(args, subjects(t))]
        if found:
            return found
    # "a ceasefire brokered by the US and France, tensions between Israel and Hezbollah ...":
    # the parties the same sentence names "between"
    pairs = [o for b in noun.sent if b.lower_ == "between" and b.dep_ == "prep"
             for o in b.children if o.dep_ == "pobj"]
    return [Arg(a.span, "clause") for a in _all(args, pairs) if a.span.label_ in _ACTOR_LABELS]


def _noun_heads(tok: Token, lex: Lexicon) -> list[Token]:
    """Where a nominal cue's prepositional phrases may hang: on the noun it
    modifies ("mediation efforts by X"), or on the light verb it is the
    object of ("constitute a threat ... to X")."""
    heads = [anchor(tok)]
    if tok.dep_ == "dobj" and is_light(tok.head, lex.light_verbs):
        heads.append(tok.head)
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in {"at", "in", "into"} and \
            tok.head.head.lemma_.lower() in STATE_VERBS:
        heads.append(tok.head.head)  # "are at war with X": the phrase hangs on the verb
    return heads


def _loose_between(tok: Token, lex: Lexicon) -> list[Token]:
    """"fragmentation within X, and between A and B": a "between" phrase later
    in the sentence that the parser attached elsewhere, when no other cue
    noun stands between it and ``tok``."""
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.pos_ == "NOUN" and lex.cues_for(t.lemma_.lower(), "NOUN"):
            return []
        if t.lower_ == "between" and t.dep_ in {"prep", "conj"}:
            return [c for c in t.children if c.dep_ == "pobj"]
    return []


_BRIDGES = frozenset({"encompass", "include", "involve", "cover", "comprise", "affect", "target", "free"})


def _definite_event(tok: Token) -> bool:
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    return bool(dets) and dets[0] in {"the", "these", "those", "this", "that", "such"}


def _bridged(tok: Token, args: Arguments) -> list[Arg]:
    """"These releases encompassed X": what the event noun took in."""
    verb = tok.head
    if tok.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in _BRIDGES:
        return _all(args, direct_objects(verb) if tok.dep_ == "nsubj" else prep_objects(verb, {"by"}))
    return []


def _site_locations(tok: Token, cue: Cue, lex: Lexicon, args: Arguments) -> list[Arg]:
    """"operates from sanctuaries in Afghanistan": the place of the sites."""
    out: list[Arg] = []
    for slot in cue.object:
        if slot.name != "prep":
            continue
        for site in prep_objects(tok, slot.preps):
            if site.lemma_.lower() in lex.facilities or site.lower_ in lex.facilities:
                out += [a for a in _all(args, prep_objects(site, _LOCATIVE)) if a.span.label_ in _PLACE_LABELS]
    return out


def _reciprocal_object(tok: Token) -> bool:
    """The cue's object is "each other" or "one another"."""
    for c in tok.children:
        objs = [c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        for o in objs:
            if o.lower_ in {"other", "another"} and any(g.lower_ in {"each", "one"} for g in o.children):
                return True
            if o.lower_ == "other" and o.i > 0 and o.doc[o.i - 1].lower_ == "each":
                return True
    return False


def _patient(tok: Token, args: Arguments) -> list[Arg]:
    """"X, reinforced by Taliban patronage": the noun is the agent of a
    passive participle, and its relation's object is what the participle
    describes."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "agent":
        return []
    verb = tok.head.head
    if verb.dep_ == "acl":
        return args.entities(verb.head)
    if verb.dep_ in {"acomp", "xcomp", "oprd"}:  # "X appears emboldened by ..."
        return _all(args, subjects(verb.head))
    return _all(args, children(verb, "nsubjpass"))


def _all(args: Arguments, toks: Iterable[Token]) -> list[Arg]:
    out: list[Arg] = []
    for t in toks:
        out.extend(args.entities(t))
    return out


def _dedupe(found: list[Arg]) -> list[Arg]:
    return list({a.key: a for a in found}.values())


_PARTS = frozenset({"part", "parts", "area", "areas", "swathe", "swathes", "swath", "swaths", "portion",
                    "portions", "pocket", "pockets", "stretch", "stretches", "region", "regions"})


def _partitive(obj: Arg) -> bool:
    """"parts of central Afghanistan": the object is a part of the named country. Holding
    "large swaths of the Idlib region" or "more than half of Rakhine State" is holding the
    division (the words for its parts are the usual measure of a front line)."""
    root = obj.span.root
    prep = root.head
    return obj.span.label_ == EntityType.STATE.value and root.dep_ == "pobj" and prep.lower_ == "of" and \
        prep.head.lower_ in _PARTS


def cue_findings(tokens: Iterable[Token], args: Arguments, lex: Lexicon,
                 context: Context | None = None) -> Iterator[Finding]:
    for tok in tokens:
        if not lex.may_cue(tok):
            continue
        for cue in _candidates(tok, lex):
            if not _matches(cue, tok):
                continue
            subj = _dedupe([a for s in cue.subject for a in _slot(s, tok, cue, args, lex, context)])
            if not subj and cue.pos == "VERB" and cue.relation.symmetric and not prep_objects(tok, {"by"}):
                if is_passive(tok):
                    subj = _all(args, children(tok, "nsubjpass"))  # stative: "X is allied with Y"
                elif tok.dep_ == "acl" and tok.tag_ == "VBN":
                    subj = args.entities(tok.head)  # "a faction linked to the TTP"
            objs = _dedupe([a for s in cue.object if s.name != "subject"
                            for a in _slot(s, tok, cue, args, lex, context)])
            if not objs and cue.relation is Relation.OPERATES_IN:
                objs = _dedupe(_site_locations(tok, cue, lex, args))
            reciprocal = not objs and len(subj) > 1 and _reciprocal_object(tok)
            if not objs and cue.pos == "NOUN" and cue.direction == "forward":
                objs = _dedupe(_patient(tok, args))
            antecedent = None
            if cue.pos == "VERB" and subj and context is not None:
                context.events[cue.lemma] = Antecedent(tuple(subj), tok)
            elif cue.pos == "NOUN" and not subj and context is not None and _definite_event(tok) \
                    and cue.lemma in context.events:
                # "These releases encompassed militants of the TTP": the releases
                # reported before, by whoever did them, as the text reported them
                earlier = context.events[cue.lemma]
                subj = list(earlier.subjects)
                antecedent = earlier.trigger
                if not objs:
                    objs = _dedupe(_bridged(tok, args))
            rule = f"{cue.pos.lower()}:{cue.cue}"
            base = {"VERB": 0.85, "NOUN": 0.75, "ADJ": 0.75}[cue.pos]
            pairs: list[tuple[Arg, Arg]] = []
            between = any(s.name == "between" for s in cue.object)
            if reciprocal:  # "Kabul and Islamabad have blamed each other"
                pairs = [(a, b) for a in subj for b in subj if a.key != b.key]
            elif cue.direction == "mutual":
                if objs and subj:
                    pairs = [(s, o) for s in subj for o in objs] + [(o, s) for s in subj for o in objs]
                elif objs and (between or any(s.name == "appos" for s in cue.object)):
                    pairs = [(a, b) for a in objs for b in objs if a.key != b.key]
                elif subj and any(s.name == "subject" for s in cue.object):
                    pairs = [(a, b) for a in subj for b in subj if a.key != b.key]
            elif cue.direction == "reverse":
                pairs = [(o, s) for s in subj for o in objs]
            else:
                pairs = [(s, o) for s in subj for o in objs]
                if between and not subj:
                    pairs = [(a, b) for a in objs for b in objs if a.key != b.key]
            if cue.direction == "reverse":
                cue_s, cue_o = cue.object_types, cue.subject_types
            else:
                cue_s, cue_o = cue.subject_types, cue.object_types
            inside_np = cue.pos == "ADJ" and any(sl.name == "compound" for sl in cue.subject + cue.object)
            # "India announced measures against X", "the AU called for action against X": the
            # governing act is the claim ("announced" is no report of it, "called for" no wish)
            governed = {a.key for sl in cue.subject if sl.name == "governor"
                        for a in _slot(sl, tok, cue, args, lex, context)}
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else tok
            if lex.status.reporting.get(verb.lemma_.lower()) is Status.DENIED:
                verb = tok  # "Iran denied a role in X": the denial is what the text says of the role
            for s, o in pairs:
                relation = cue.relation
                if relation is Relation.CONTROLS and _partitive(o):
                    relation = Relation.OPERATES_IN  # holding parts of a country is not holding the country
                f = make(s, relation, o, verb if s.key in governed else tok, rule,
                         base - (0.1 if antecedent is not None else 0.0),
                         cue_s, cue_o, presupposed=inside_np, antecedent=antecedent)
                if f is not None:
                    if cue.status is Status.ALLEGED:
                        claimant = s.span.root if cue.claimed_by == "subject" else None
                        f = replace(f, hedged=True, claimant=claimant)
                    yield f


# ---------------------------------------------------------------------- roles

def _role_relation(word: str, lex: Lexicon) -> Relation | None:
    for relation in (Relation.SPOKESPERSON_OF, Relation.LEADS, Relation.MEMBER_OF):
        if word in lex.roles[relation]:
            return relation
    return None


def _one_of_several(role: Token, lex: Lexicon) -> bool:
    for c in role.children:
        if c.dep_ == "det" and c.lower_ in {"a", "an", "another"}:
            return True
        if c.dep_ in {"amod", "compound"} and c.lower_ in lex.member_qualifiers:
            return True
    return False


def _organisation_of_role(role: Token, args: Arguments, lex: Lexicon, gz) -> list[Arg]:
    """Who a role belongs to: "Pakistan's army chief", "Taliban spokesman",
    "leader of the TTP", "former U.S. special envoy"."""
    found: list[Arg] = []
    found += _all(args, children(role, "poss"))
    found += _all(args, prep_objects(role, {"of", "for"}))
    left = [m for m in args.mentions_in(role.left_edge.i, role.i)
            if m.label_ != EntityType.PERSON.value]
    found += [Arg(m) for m in left]
    return _dedupe(found)


def role_findings(sent: Span, args: Arguments, lex: Lexicon, gz) -> Iterator[Finding]:
    persons = [m for m in args.mentions_in(sent.start, sent.end) if m.label_ == EntityType.PERSON.value]
    for person in persons:
        root = person.root
        roles: list[Token] = []
        # "Taliban spokesman Zabihullah Mujahid": the role before the name
        roles += [c for c in root.children if c.dep_ in {"compound", "appos", "nmod", "amod"}
                  and c.i < person.start]
        # "X, former U.S. special envoy" / "Pakistan's army chief, General X"
        roles += [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            roles.append(root.head)
            holder = root.head  # "the president of Mozambique, Filipe Nyusi": the parser hangs the name on
            if holder.dep_ == "pobj" and holder.head.lower_ in {"of", "for"}:  # the country, not the office
                roles.append(holder.head.head)
        if root.dep_ == "conj":  # "Presidents Felix Tshisekedi (DRC) and Paul Kagame (Rwanda)"
            first = root
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            roles += [c for c in first.children if c.dep_ in {"compound", "nmod", "amod"} and c.i < first.i]
            if first.dep_ == "appos":
                roles.append(first.head)
        # "X is the leader of Y"
        if root.dep_ == "nsubj":
            roles += [c for c in root.head.children if c.dep_ == "attr"]
        for role in dict.fromkeys(roles):
            relation = _role_relation(role.lemma_.lower(), lex) or _role_relation(role.lower_, lex)
            if relation is None or args.mention_at(role) is not None and args.mention_at(role) != person:
                continue
            if relation is Relation.LEADS and _one_of_several(role, lex):
                relation = Relation.MEMBER_OF  # "senior Taliban leader X", "a TTP commander"
            military = any(c.dep_ in {"compound", "amod"} and c.lower_ in lex.military_words
                           for c in role.children)
            orgs = _organisation_of_role(role, args, lex, gz)
            bracket = _bracketed_state(person, args)
            if bracket is not None and (not orgs or role.i < person.start):
                orgs = [bracket]  # "President Felix Tshisekedi (DRC)": the bracket says whose president
            for org in orgs:
                target = _redirect(org, role, military, lex, gz, args)
                f = make(Arg(person), relation, target, role, f"role:{role.lemma_.lower()}", 0.85,
                         presupposed=True)
                if f is not None:
                    yield f
        # "India's Ajit Doval": a state's person belongs to it
        for poss in children(root, "poss"):
            for org in args.entities(poss):
                if org.span.label_ in {EntityType.STATE.value, EntityType.GOVERNMENT.value,
                                       EntityType.ORGANIZATION.value, EntityType.ARMED_GROUP.value}:
                    f = make(Arg(person), Relation.MEMBER_OF, org, root, "role:possessive", 0.7, presupposed=True)
                    if f is not None:
                        yield f
        # "Ahmad Massoud's National Resistance Front": a person's organisation
        if root.dep_ == "poss":
            org = args.mention_at(root.head)
            if org is not None and org.label_ in {EntityType.ORGANIZATION.value, EntityType.ARMED_GROUP.value}:
                f = make(Arg(person), Relation.LEADS, Arg(org), root, "role:possessive-organisation", 0.75,
                         presupposed=True)
                if f is not None:
                    yield f
    # "Hafiz Gul Bahadur's faction": the faction's leader
    for span in args.mentions_in(sent.start, sent.end):
        if span.id_ != "faction":
            continue
        for inner in args.mentions:
            if inner.label_ == EntityType.PERSON.value and span.start <= inner.start and inner.end < span.end:
                f = make(Arg(inner), Relation.LEADS, Arg(span), span.root, "role:faction", 0.8, presupposed=True)
                if f is not None:
                    yield f


def _bracketed_state(person: Span, args: Arguments) -> Arg | None:
    """"Felix Tshisekedi (DRC)": the state named alone in brackets right after a name."""
    doc = person.doc
    if person.end + 2 >= len(doc) or doc[person.end].text != "(":
        return None
    span = args.mention_at(doc[person.end + 1])
    if span is None or span.label_ != EntityType.STATE.value or span.start != person.end + 1 or \
            span.end >= len(doc) or doc[span.end].text != ")":
        return None
    return Arg(span)


def _redirect(org: Arg, role: Token, military: bool, lex: Lexicon, gz, args: Arguments) -> Arg:
    """"Pakistan's army chief" leads the Pakistani military; "Afghanistan's
    deputy minister" belongs to its de facto government."""
    if org.span.label_ != EntityType.STATE.value or gz is None or org.span.kb_id_ not in gz:
        return org
    target = None
    if military:
        target = gz.military_of(org.span.kb_id_)
    elif role.lemma_.lower() in lex.government_offices or role.lower_ in lex.government_offices:
        gov = gz.government_of(org.span.kb_id_)
        target = gov if gov.id != org.span.kb_id_ else None
    if target is None:
        return org
    end = org.span.end
    if military:  # the span names the force: "Pakistan's army"
        words = [c.i for c in role.children if c.dep_ in {"compound", "amod"} and c.lower_ in lex.military_words]
        end = max([end] + [i + 1 for i in words])
    span = Span(org.span.doc, org.span.start, end, label=target.type.value, kb_id=target.id, span_id="metonym")
    return Arg(span, "metonym")


# ---------------------------------------------------------------------- places

_HOLDING = frozenset({"have", "run", "operate", "maintain", "set up", "establish", "build", "own", "keep",
                      "open", "use", "control", "man", "host"})


def facility_findings(tokens: Iterable[Token], args: Arguments, lex: Lexicon) -> Iterator[Finding]:
    """"TTP, IS-KP and BLA training centers inside Afghanistan": each group
    operates in the place."""
    for tok in tokens:
        if tok.pos_ != "NOUN" or (tok.lower_ not in lex.facilities and tok.lemma_.lower() not in lex.facilities):
            continue
        head = tok
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            head = tok.head  # "training centers"
        if tok.i != head.i and (head.lower_ in lex.facilities or head.lemma_.lower() in lex.facilities):
            continue  # "training camps": the rule runs on "camps"
        owners = [a for m in args.mentions_in(head.left_edge.i, tok.i)
                  if m.label_ != ANAPHOR and EntityType(m.label_) in ACTOR_TYPES
                  for a in args.entities(m.root)]
        owners += _all(args, children(head, "poss"))
        # "the TTP has / runs / set up camps in X": the camps are what is claimed
        held = head.dep_ == "dobj" and verb_phrase(head.head) in _HOLDING
        if held:
            owners += [a for a in _all(args, subjects(head.head)) if a.span.label_ in _ACTOR_LABELS]
        if not owners:
            continue
        where = prep_objects(head, _LOCATIVE)
        if not where and head.dep_ == "dobj":
            where = prep_objects(head.head, _LOCATIVE)  # "struck TTP hideouts inside Afghanistan"
        places = [a for a in _all(args, where) if a.span.label_ in _PLACE_LABELS]
        for owner in _dedupe(owners):
            for place in _dedupe(places):
                f = make(owner, Relation.OPERATES_IN, place, head if held else tok,
                         f"facility:{tok.lemma_.lower()}", 0.75, presupposed=not held)
                if f is not None:
                    yield f


def place_findings(sent: Span, args: Arguments) -> Iterator[Finding]:
    """Places in places and events in places."""
    for span in args.mentions_in(sent.start, sent.end):
        label = span.label_
        if label == EntityType.EVENT.value:
            for inner in args.mentions:
                if inner.label_ in _PLACE_LABELS and span.start <= inner.start and inner.end <= span.end \
                        and _via_locative(inner.root, span):
                    f = make(Arg(span), Relation.LOCATED_IN, Arg(inner), span.root, "place:event-in", 0.8,
                             presupposed=True)
                    if f is not None:
                        yield f
            continue
        if label != EntityType.PLACE.value:
            continue
        if span.id_ == "region":  # "southern Lebanon" is in Lebanon
            state = region_state(span)
            if state is not None:
                f = make(Arg(span), Relation.LOCATED_IN, Arg(state), span.root, "place:region", 0.8,
                         presupposed=True)
                if f is not None:
                    yield f
            continue
        root = span.root
        heads = [root]
        if root.dep_ == "compound" and root.head.lower_ in _PLACE_NOUNS:
            heads.append(root.head)  # "Afghanistan's northern Balkh province"
        containers = [a for h in heads for a in _all(args, prep_objects(h, {"in", "inside", "within"}))
                      if a.span.label_ in _PLACE_LABELS]
        containers += [a for h in heads for a in _all(args, children(h, "poss")) if a.span.label_ in _PLACE_LABELS]
        # "from Zhob in Balochistan": the parser may hang "in" elsewhere
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].lower_ == "in":
            nxt = args.mention_at(doc[span.end + 1])
            if nxt is not None and nxt.start == span.end + 1 and nxt.label_ in _PLACE_LABELS:
                containers.append(Arg(nxt))
        for c in _dedupe(containers):
            f = make(Arg(span), Relation.LOCATED_IN, c, root, "place:in", 0.8, presupposed=True)
            if f is not None:
                yield f


def possessed_groups(sent: Span, args: Arguments) -> Iterator[Finding]:
    """"Yemen's Houthi rebels", "Nigeria's Boko Haram": an armed group a
    country or place possesses operates there (the article's description)."""
    for span in args.mentions_in(sent.start, sent.end):
        if span.label_ != EntityType.ARMED_GROUP.value:
            continue
        if not any(t.dep_ == "poss" for t in span.doc[max(sent.start, span.start - 3):span.start]):
            continue  # a possessor comes before the name ("Yemen's Houthi rebels")
        root = span.root
        heads = [root]
        if root.dep_ in {"compound", "amod", "nmod"} and root.head.i >= span.end and root.head.pos_ == "NOUN":
            heads.append(root.head)  # "Yemen's Houthi rebels": the possessor hangs on "rebels"
        owners = [a for h in heads for a in _all(args, children(h, "poss")) if a.span.label_ in _PLACE_LABELS]
        for owner in _dedupe(owners):
            f = make(Arg(span), Relation.OPERATES_IN, owner, root, "possessed:group", 0.7, presupposed=True)
            if f is not None:
                yield f


def event_findings(sent: Span, args: Arguments, lex: Lexicon) -> Iterator[Finding]:
    """What an event phrase says of itself. Its doer: a possessor, a name or
    demonym before its noun, a "by" phrase, or the agent of a participle
    that carries it out ("the LNA's offensive", "an Israeli strike", "ISWAP
    raid", "an attack by rebels", "a strike carried out by Pakistani
    forces"); a war's possessor or demonym is where it is fought ("Sudan's
    civil war"). Its place: a place named before its noun ("the Pahalgam
    attack"), the target place of an attack ("the offensive on Tripoli",
    "an attack on the Kathupa base") and the place taken or besieged ("the
    siege of el-Fasher"). A place it happens "in" is :func:`place_findings`'."""
    for span in args.mentions_in(sent.start, sent.end):
        if span.label_ != EntityType.EVENT.value:
            continue
        head = span.root
        if not span.start <= head.i < span.end:
            continue
        words = {head.lemma_.lower(), head.lower_}
        in_place = bool(words & lex.event_in_place)
        doers: list[Arg] = []
        places: list[Arg] = []
        for m in args.mentions_in(span.start, head.i):
            if m.label_ == ANAPHOR:
                continue
            if m.label_ == EntityType.PLACE.value or (m.label_ == EntityType.STATE.value and in_place):
                places.append(Arg(m))
            elif m.label_ in _ACTOR_LABELS and (not in_place or m.label_ == EntityType.ARMED_GROUP.value):
                doers.append(Arg(m))  # "the GMS summit" is not the GMS's doing; "the Taliban insurgency" is
        if not in_place:  # "its siege of el-Fasher": the pronoun's antecedent
            doers += [a for a in _all(args, children(head, "poss")) if a.span.label_ == ANAPHOR]
        doers += [a for a in _all(args, prep_objects(head, {"by"})) if a.span.label_ in _ACTOR_LABELS]
        # "a strike carried out by X": a participle of a verb the lexicon has for carrying out an event
        for verb in (c for c in head.children if c.dep_ == "acl" and any(
                cue.relation is Relation.CARRIED_OUT for cue in lex.cues_for(c.lemma_.lower(), "VERB"))):
            doers += [a for a in _all(args, prep_objects(verb, {"by"})) if a.span.label_ in _ACTOR_LABELS]
        targets = prep_objects(head, {"on", "against", "upon"})
        if words & lex.event_of_place:
            targets += prep_objects(head, {"of"})
        places += [a for a in _all(args, targets) if a.span.label_ == EntityType.PLACE.value]
        event = Arg(span)
        for doer in _dedupe(doers):
            # who did it is what the clause reports ("claims alleging a Russian strike"), not a description
            f = make(doer, Relation.CARRIED_OUT, event, head, "event:doer", 0.75)
            if f is not None:
                yield f
        for place in _dedupe(places):
            f = make(event, Relation.LOCATED_IN, place, head, "event:place", 0.75, presupposed=True)
            if f is not None:
                yield f


def _in_region_states(found: list[Finding]) -> list[Finding]:
    """What lies in a region of a state lies in the state: "Beit Hillel, in
    northern Israel" is in Israel too (the text names both)."""
    out = []
    for f in found:
        if f.relation is Relation.LOCATED_IN and f.object.span.id_ == "region" and f.subject.span.id_ != "region":
            state = region_state(f.object.span)
            g = make(f.subject, f.relation, Arg(state, f.object.via), f.trigger, f.rule, f.base,
                     presupposed=f.presupposed)
            if g is not None:
                out.append(g)
    return out


def region_state(span: Span) -> Span | None:
    """The state a region mention ("southern Lebanon") is of, as the span of its name
    (its key ends with the state's id)."""
    if span.id_ != "region":
        return None
    start = span.start
    while start < span.end - 1 and not span.doc[start].text[:1].isupper():
        start += 1  # past "southern", "north-eastern"
    whole = next((m for m in span.doc.spans.get(MENTIONS, ()) if m.id_ == REGION_OF and m.end == span.end
                  and m.start > span.start), None)
    label = whole.label_ if whole is not None else EntityType.STATE.value
    return Span(span.doc, start, span.end, label=label, kb_id=span.kb_id_.rsplit(":", 1)[-1], span_id=REGION_OF)


def _via_locative(tok: Token, event: Span) -> bool:
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    for _ in range(10):
        if node.i == event.root.i or node.head.i == node.i:
            return False  # up to the event's noun: how the event itself attaches is not the place's
        if node.dep_ == "pobj" and node.head.lower_ in _LOCATIVE:
            return True
        node = node.head
    return False


# what an armed actor does in a place shows it operates there
_ACTIONS = frozenset({Relation.ATTACKS, Relation.OPPOSES, Relation.KILLS})
_FIELD_ACTORS = frozenset({EntityType.ARMED_GROUP.value, EntityType.SECURITY_FORCE.value})
_ACTION_PLACES = frozenset({"in", "inside", "across", "near", "around", "throughout", "within"})


_ALLY_NOUNS = frozenset({"ally", "partner"})
_PATRON_PARTICIPLES = frozenset({"backed", "supported", "armed", "funded", "financed", "sponsored"})


def surface_findings(sent: Span, tokens: list[Token], args: Arguments) -> Iterator[Finding]:
    """Two constructions the small parser often misreads, found on the words:
    "Hamas ally Hezbollah" (a name, "ally" or "partner", a name) and a
    sentence that opens "Backed by X (and Y), the Z ..." (X supports Z)."""
    doc = sent.doc
    allies = {doc.vocab.strings[w] for w in _ALLY_NOUNS}
    for tok in tokens:
        if tok.lower in allies and tok.i > sent.start and tok.i + 1 < sent.end:
            before, after = args.mention_at(doc[tok.i - 1]), args.mention_at(doc[tok.i + 1])
            if before is not None and after is not None and before.end == tok.i and after.start == tok.i + 1 \
                    and before.label_ in _ACTOR_LABELS and after.label_ in _ACTOR_LABELS:
                f = make(Arg(before), Relation.ALLIED_WITH, Arg(after), tok, f"surface:{tok.lower_}", 0.7)
                if f is not None:
                    yield f
    first = doc[sent.start]
    if first.lower_ not in _PATRON_PARTICIPLES or sent.end - sent.start < 5 or doc[sent.start + 1].lower_ != "by":
        return
    comma = next((t.i for t in tokens if t.text == "," and t.i > sent.start + 2), None)
    if comma is None:
        return
    patrons = [Arg(m) for m in args.mentions_in(sent.start + 2, comma) if m.label_ in _ACTOR_LABELS]
    nxt = comma + 1 + (doc[comma + 1].lower_ == "the" if comma + 1 < sent.end else 0)
    client = args.mention_at(doc[nxt]) if nxt < sent.end else None
    if client is None or client.start != nxt or client.label_ not in _ACTOR_LABELS:
        return
    for patron in patrons:
        f = make(patron, Relation.SUPPORTS, Arg(client), first, f"surface:{first.lower_} by", 0.7)
        if f is not None:
            yield f


def _action_verb(tok: Token, lex: Lexicon) -> bool:
    """A verb of fighting ("ambushed", "fought", "killed"), or a light verb
    with an attack noun as its object ("mounted attacks", "carried out a raid")."""
    if tok.pos != VERB or not lex.may_cue(tok):
        return False
    cues = [c for c in lex.cues_for(tok.lemma_.lower(), "VERB") if _matches(c, tok)]  # with its particle
    if any(c.relation in _ACTIONS for c in cues):
        return True
    return any(c.relation is Relation.CARRIED_OUT for c in cues) and \
        any(c.relation in _ACTIONS or c.relation is Relation.CARRIED_OUT
            for o in children(tok, "dobj") for c in lex.cues_for(o.lemma_.lower(), "NOUN"))


def action_places(tokens: list[Token], args: Arguments, lex: Lexicon) -> Iterator[Finding]:
    """"JNIM fighters ambushed a convoy in the Mopti region", "the RSF fought
    the army in Omdurman", "Boko Haram has mounted attacks on soldiers in
    Borno": an armed group or force that fights in a place operates there
    (as the text commits to the fighting: the verb is the trigger). The
    place of the verb, or of its object ("attacked a base in Lower
    Shabelle")."""
    for verb in tokens:
        if verb.pos != VERB or not _action_verb(verb, lex):  # an integer test first: most tokens are no verb
            continue
        actors = [a for a in _all(args, subjects(verb)) if a.span.label_ in _FIELD_ACTORS]
        if not actors:
            continue
        heads = [verb] + direct_objects(verb)
        # and the targets named in a phrase of the object: "attacks against soldiers in Borno"
        heads += [o for h in heads[1:] for p in h.children if p.dep_ == "prep" and p.lower_ not in _ACTION_PLACES
                  for o in p.children if o.dep_ == "pobj"]
        places = [a for a in _all(args, [o for h in heads for o in prep_objects(h, _ACTION_PLACES)])
                  if a.span.label_ in _PLACE_LABELS]
        for actor in _dedupe(actors):
            for place in _dedupe(places):
                f = make(actor, Relation.OPERATES_IN, place, verb, f"action-in:{verb.lemma_.lower()}", 0.7)
                if f is not None:
                    yield f


def remember_sites(tokens: Iterable[Token], args: Arguments, lex: Lexicon) -> None:
    """"X operates / runs / set up training camps": later "these camps" are X's."""
    for tok in tokens:
        if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.lemma_.lower() not in lex.facilities:
            continue
        owners = [a for a in _all(args, subjects(tok.head)) if a.span.label_ in _ACTOR_LABELS]
        if owners:
            args.sites[tok.lemma_.lower()] = owners[0]


def sentence_findings(sent: Span, args: Arguments, lex: Lexicon, gz,
                      context: Context | None = None) -> list[Finding]:
    tokens = list(sent)  # spaCy makes a Token object on each access: make them once
    found = list(cue_findings(tokens, args, lex, context))
    found += action_places(tokens, args, lex)
    found += surface_findings(sent, tokens, args)
    found += role_findings(sent, args, lex, gz)
    found += facility_findings(tokens, args, lex)
    found += place_findings(sent, args)
    found += event_findings(sent, args, lex)
    found += possessed_groups(sent, args)
    found += _in_region_states(found)
    remember_sites(tokens, args, lex)
    if context is not None:
        context.update(found)
    return found


def prose_sentences(doc: Doc, prose: list[tuple[int, int]]) -> Iterator[Span]:
    for sent in doc.sents:
        start = sent.start_char
        if any(s <= start < e for s, e in prose):
            yield sent
