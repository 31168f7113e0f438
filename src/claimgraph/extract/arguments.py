"""From tokens to the entity mentions they stand for.

A token stands for a mention when it lies inside one, when it is a
"transparent" noun whose modifier names one ("TTP militants", "fighters
from TTP", "Pakistan's security"), a collective whose members are listed
("groups such as X and Y"), a relative pronoun ("Al-Qaeda, whose
commanders ..."), or a reflexive. Coordination expands every result: the
parser's conjuncts, and lists of names that the parser split up
("X (A), Y (B), and Z (C)").
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import EntityType
from ..nlp.mentions import REGION_OF
from .lexicon import Lexicon
from .syntax import REFLEXIVES, RELATIVIZERS, prep_objects, subjects

ANAPHOR = "Anaphor"
# hyphen compounds that say the noun belongs to the named entity ("TTP-linked
# positions"), as opposed to being backed or based by it
_BELONGING = frozenset({"linked", "affiliated", "aligned", "allied", "led", "run", "controlled"})
_LIST_GLUE = frozenset({",", "and", "or", "&", "the", "(", ")", "as", "well", "also", "later", "then",
                        "banned", "outlawed", "proscribed", "even", "along", "with", "plus", "both"})
_CONJUNCTIONS = frozenset({"and", "or", "&", "plus"})
_QUANTITIES = frozenset({"most", "much", "half", "rest", "majority", "bulk"})


@dataclass(frozen=True, slots=True)
class Arg:
    """A mention standing for an argument, and how it was reached."""

    span: Span
    via: str = "direct"

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.span.kb_id_)


def _definite(tok: Token) -> bool:
    """A noun with a definite or demonstrative determiner and no other
    modifier naming its owner ("these camps", "the releases")."""
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    return bool(dets) and dets[0] in {"the", "these", "those", "this", "that", "such"} and \
        not any(c.dep_ in {"poss", "compound"} for c in tok.children)


def family(label: str) -> frozenset[str]:
    if label == EntityType.PLACE.value:
        return frozenset({"place"})
    if label == EntityType.EVENT.value:
        return frozenset({"event"})
    if label == EntityType.STATE.value:
        return frozenset({"place", "actor"})
    return frozenset({"actor"})


class Arguments:
    """Argument look-ups over one parsed document."""

    def __init__(self, doc: Doc, mentions: list[Span], lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        # the state named in a region's phrase ("southern Lebanon") is a mention of the
        # document, not an argument: the phrase stands for the region
        self.region_states = {(m.start, m.end): m for m in mentions if m.id_ == REGION_OF}
        mentions = [m for m in mentions if m.id_ != REGION_OF]
        self.mentions = mentions
        self._by_start = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self._by_start]
        self._at: dict[int, Span] = {}
        for span in sorted(mentions, key=lambda s: -(s.end - s.start)):
            # an event phrase stands for the event only at its head noun
            # ("attack on the FC camp": "camp" is not the attack)
            end = span.root.i + 1 if span.label_ == EntityType.EVENT.value else span.end
            for i in range(span.start, end):
                self._at[i] = span  # smallest span wins (written last)
        self._list_of: dict[tuple[int, int], list[Span]] = self._surface_lists()
        # what earlier sentences established: site noun lemma -> the actor running such sites
        self.sites: dict[str, Arg] = {}
        # status assessments per (trigger token, presupposed): many findings share a trigger
        self.assessments: dict[tuple[int, bool], object] = {}
        # spans converted to Mention records (their salience walk is not free)
        self.converted: dict[tuple, object] = {}
        self.embedder = None  # claimgraph.nlp.mentions.Embedder of the doc, made when first needed

    # -- look-ups ------------------------------------------------------------

    def mention_at(self, tok: Token) -> Span | None:
        return self._at.get(tok.i)

    def event_containing(self, tok: Token) -> Span | None:
        lo = bisect.bisect_right(self._starts, tok.i)
        for span in self._by_start[:lo]:
            if span.label_ == EntityType.EVENT.value and span.start <= tok.i < span.end:
                return span
        return None

    def mentions_in(self, start: int, end: int) -> list[Span]:
        """Top-level mentions lying wholly inside tokens [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        inside = [m for m in self._by_start[lo:hi] if m.end <= end]
        if len(inside) < 2:
            return inside
        return [m for m in inside if not any(o is not m and o.start <= m.start and o.end >= m.end
                                             and (o.end - o.start) > (m.end - m.start) for o in inside)]

    def _surface_lists(self) -> dict[tuple[int, int], list[Span]]:
        """Names in a row separated only by commas, conjunctions and brackets."""
        names = sorted((m for m in self.mentions if m.label_ != EntityType.EVENT.value),
                       key=lambda m: (m.start, -m.end))
        # sentence number of each token (Span.sent walks the parse on each call)
        sentence: list[int] = []
        count = 0
        for flag in self.doc.to_array("SENT_START").tolist():
            count += flag == 1
            sentence.append(count)
        top: list[Span] = []
        reach = -1
        doc = self.doc
        for m in names:  # sorted by start, longest first: a span inside an earlier one is nested
            if m.end <= reach:
                continue
            if top and top[-1].label_ == EntityType.PERSON.value and m.start == top[-1].end + 1 and \
                    doc[top[-1].end].text == "(" and m.end < len(doc) and doc[m.end].text == ")":
                continue  # "Felix Tshisekedi (DRC)": the bracket says whose, it is no item of a list
            top.append(m)
            reach = max(reach, m.end)
        groups: list[list[Span]] = []
        for span in top:
            if groups:
                prev = groups[-1][-1]
                gap = self.doc[prev.end:span.start]
                same_sentence = sentence[prev.start] == sentence[span.start]
                if same_sentence and all(t.lower_ in _LIST_GLUE for t in gap) and \
                        family(prev.label_) & family(span.label_):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        out: dict[tuple[int, int], list[Span]] = {}
        for group in groups:
            if len(group) < 2:
                continue
            between = self.doc[group[0].end:group[-1].start]
            after = [t.lower_ for t in self.doc[group[-1].end:group[-1].end + 4] if t.lower_ not in {")", ","}]
            ends_open = bool(after) and after[0] in _CONJUNCTIONS
            if not any(t.lower_ in _CONJUNCTIONS for t in between) and not ends_open:
                continue  # "Unlike India, Pakistan ..." is not a list; "A, B, and other groups" is
            for span in group:
                out[(span.start, span.end)] = group
        return out

    # -- tokens to mentions ----------------------------------------------------

    def entities(self, tok: Token, depth: int = 0, _seen: set[int] | None = None) -> list[Arg]:
        """The mentions ``tok`` stands for, coordination included."""
        seen = _seen if _seen is not None else set()
        if tok.i in seen or depth > 6:
            return []
        seen.add(tok.i)
        found = self._stands_for(tok, depth, seen)
        span = self.mention_at(tok)
        conjuncts = list(tok.conjuncts)
        if span is not None and span.root.i != tok.i and span.start <= span.root.i < span.end:
            conjuncts += [c for c in span.root.conjuncts if c not in conjuncts]
        for conj in conjuncts:
            if conj.i not in seen:
                found.extend(Arg(a.span, a.via if a.via != "direct" else "coordination")
                             for a in self.entities(conj, depth + 1, seen))
        out: dict[tuple[int, int, str], Arg] = {}
        for arg in found:
            out.setdefault(arg.key, arg)
            for peer in self._list_of.get((arg.span.start, arg.span.end), ()):
                out.setdefault((peer.start, peer.end, peer.kb_id_), Arg(peer, "list"))
        return sorted(out.values(), key=lambda a: a.key)

    def _stands_for(self, tok: Token, depth: int, seen: set[int]) -> list[Arg]:
        span = self.mention_at(tok)
        if span is not None:
            return [Arg(span)]
        word = tok.lower_
        if word in RELATIVIZERS or tok.tag_ in {"WDT", "WP", "WP$"}:
            return self._relative(tok, depth, seen)
        if word in REFLEXIVES:
            verb = tok.head
            return [a for s in subjects(verb) for a in self.entities(s, depth + 1, seen)]
        if tok.pos_ not in {"NOUN", "PROPN"}:
            if word in _QUANTITIES and word in self.lex.transparent:  # "captured most of Rakhine State"
                return [Arg(a.span, "transparent") for a in self._modifiers(tok, depth, seen)]
            return []
        # "the JeM chief, Masood Azhar": a noun stands for the name in apposition to it,
        # and "the TTP, a banned organisation ..." the other way round
        for c in tok.children:
            if c.dep_ == "appos":
                named = self.mention_at(c)
                if named is not None:
                    return [Arg(named, "apposition")]
        if tok.dep_ == "appos":
            named = self.mention_at(tok.head)
            if named is not None:
                return [Arg(named, "apposition")]
        # "IS's regional affiliate, known as ISKP": the name it is given
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in {"know", "call", "name", "dub", "term"}:
                for obj in prep_objects(c, {"as"}) + [g for g in c.children if g.dep_ in {"oprd", "attr"}]:
                    named = self.mention_at(obj)
                    if named is not None:
                        return [Arg(named, "apposition")]
        out: list[Arg] = []
        lemma = tok.lemma_.lower()
        if word in self.lex.transparent or lemma in self.lex.transparent:
            out.extend(Arg(a.span, "transparent") for a in self._modifiers(tok, depth, seen))
        if not out and (word in self.lex.collective or lemma in self.lex.collective
                        or word in self.lex.transparent or lemma in self.lex.transparent):
            out.extend(Arg(a.span, "collective") for a in self._listed(tok, depth, seen))
        if not out and lemma in self.sites and _definite(tok):
            # "These camps are training fighters": the camps of the actor said to run them
            out.append(Arg(self.sites[lemma].span, "discourse"))
        return out

    def _modifiers(self, tok: Token, depth: int, seen: set[int]) -> list[Arg]:
        """Names in a transparent noun's modifiers or its "of"/"from" phrase."""
        out: list[Arg] = []
        left = self.mentions_in(tok.left_edge.i, tok.i)
        for span in left:
            root = span.root
            hyphen_adj = root.head if root.head.i < tok.i and root.head.i != root.i else None
            if hyphen_adj is not None and hyphen_adj.i > 0 and self.doc[hyphen_adj.i - 1].text == "-" \
                    and hyphen_adj.lower_ not in _BELONGING:
                continue  # "Taliban-backed elements" are not the Taliban
            if root.dep_ in {"poss", "compound", "amod", "nmod", "npadvmod"} or root.head.i <= tok.i:
                out.append(Arg(span))
        # "Al-Qaeda, whose commanders ...": the possessor is a relative pronoun
        for poss in tok.children:
            if poss.dep_ == "poss" and poss.lower_ == "whose":
                out.extend(self._relative(poss, depth, seen))
        if out:
            return out
        objects = prep_objects(tok, {"of", "from", "within", "in"})
        if not objects and tok.dep_ == "dobj":
            # "trained militants from the TTP", with "from" hung on the verb
            objects = prep_objects(tok.head, {"from"})
        for obj in objects:
            if obj.i in seen:
                continue
            found = self.entities(obj, depth + 1, seen)
            if obj.head.lower_ in {"in", "from", "within"}:
                # "fighters in / from the TTP"; not "a checkpoint in Tank", "hideouts within Afghanistan"
                found = [a for a in found if a.span.label_ not in {EntityType.PLACE.value, EntityType.STATE.value}]
            out.extend(found)
        return out

    def _listed(self, tok: Token, depth: int, seen: set[int]) -> list[Arg]:
        """Members listed after a collective: "such as", "including", "like", appositions."""
        out: list[Arg] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"as", "including", "like", "namely"}:
                if c.lower_ == "as" and not any(g.lower_ == "such" for g in c.children) and \
                        not (c.i > 0 and self.doc[c.i - 1].lower_ == "such"):
                    continue
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        out.extend(self.entities(obj, depth + 1, seen))
            elif c.dep_ == "appos":
                out.extend(self.entities(c, depth + 1, seen))
        return out

    def _relative(self, tok: Token, depth: int, seen: set[int]) -> list[Arg]:
        node = tok
        for _ in range(4):
            if node.dep_ == "relcl":
                return self.entities(node.head, depth + 1, seen)
            if node.head.i == node.i:
                break
            node = node.head
        # the parser lost the relative clause: the antecedent is the name
        # just before the pronoun ("Al-Qaeda, whose commanders ...")
        i = tok.i - 1
        if i >= 0 and self.doc[i].text == ",":
            i -= 1
        span = self.mention_at(self.doc[i]) if i >= 0 else None
        if span is not None and span.end == i + 1:
            return [Arg(span, "relative")]
        return []
