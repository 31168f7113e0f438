"""Small helpers over spaCy's dependency parse (English, ClearNLP labels)."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

# verbs whose object is also the subject of their infinitive: "allow X to use"
OBJECT_CONTROL = frozenset({"allow", "let", "enable", "permit", "help", "force", "ask", "urge", "persuade",
                            "encourage", "order", "push", "pressure", "compel", "invite", "tell", "train"})
# verbs whose "of"/"for" complement describes what the object did: "accuse X of V-ing"
ACCUSATION = frozenset({"accuse", "blame", "suspect", "charge", "convict", "condemn", "criticise",
                        "criticize", "hold"})
RELATIVIZERS = frozenset({"which", "who", "whom", "that", "whose"})
REFLEXIVES = frozenset({"themselves", "itself", "himself", "herself"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in verb.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok``
    ("according to" and "out of" count as one preposition)."""
    wanted = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ not in {"prep", "agent", "dative"}:
            continue
        word = c.lower_
        inner = [g for g in c.children if g.dep_ == "prep"]
        if word not in wanted and inner and f"{word} {inner[0].lower_}" in wanted:
            c = inner[0]
            word = f"{word} {c.lower_}"
        if word in wanted or c.lemma_.lower() in wanted:
            out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
    return out


def verb_phrase(verb: Token) -> str:
    """The lemma with its particle: 'carry out'."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def verb_forms(verb: Token) -> set[str]:
    """The lemma, and bases guessed from the inflected form, for a lemmatizer
    that errs ("waging" -> "wag"): 'wage' is among them."""
    low = verb.lower_
    forms = {verb.lemma_.lower(), low}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[: -len(suffix)]
            forms |= {base, base + "e"}
    return forms


def is_light(verb: Token, light_verbs: frozenset[str]) -> bool:
    return verb_phrase(verb) in light_verbs or bool(verb_forms(verb) & light_verbs)


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Tokens standing for the subject of ``verb``: its own subject, the
    agent of a passive, or a subject inherited through control,
    coordination, relative clauses, participles and "accuse X of V-ing"."""
    if depth > 8:
        return []
    own = children(verb, "nsubj", "csubj", "expl")
    own = [t for t in own if t.dep_ != "expl"]
    if own:
        return own
    if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN" and not children(verb, "dobj")):
        # a participle with a direct object is no passive: "militants killed ten soldiers" misparsed
        # as a reduced relative keeps "militants" as its subject (below)
        return prep_objects(verb, {"by"})
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and prep_objects(verb, {"by"}):
        return prep_objects(verb, {"by"})  # "Backed by Turkey, the SNA ...": the agent
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "xcomp":
        if is_passive(head) and children(head, "nsubjpass"):
            return children(head, "nsubjpass")  # raising: "X is believed to have armed Y"
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = children(head, "dobj")
            if objs:
                return objs
        return subjects(head, depth + 1)
    if dep == "conj" and head.pos_ in {"VERB", "AUX"}:
        return subjects(head, depth + 1)
    if dep in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            # "using the India card to blackmail Pakistan": the user does it
            return subjects(head.head, depth + 1)
        return [head]
    if dep == "advcl" and verb.tag_ in {"VBG", "VBN"} and not children(verb, "mark"):
        return subjects(head, depth + 1)
    if dep == "pcomp" and head.dep_ in {"prep", "conj"} and head.pos_ == "ADP":
        for _ in range(4):  # "accused of killing civilians and of attacking X": back to the first "of"
            if head.dep_ == "conj" and head.head.dep_ in {"prep", "pcomp"}:
                head = head.head if head.head.dep_ == "prep" else head.head.head
            else:
                break
        governor = head.head
        if head.lower_ in {"of", "for"} and governor.lemma_.lower() in ACCUSATION:
            objs = children(governor, "dobj", "nsubjpass")
            if objs:
                return objs
        if head.lower_ in {"of", "for"} and governor.dep_ in {"dobj", "nsubjpass"} and \
                governor.head.lemma_.lower() in ACCUSATION:
            return [governor]  # "accuse X of V-ing" with "of" hung on X
        if head.lower_ in {"by", "through", "while", "after", "before", "without", "in"} and \
                governor.pos_ in {"VERB", "AUX"}:
            return subjects(governor, depth + 1)
    if dep == "ccomp" and head.lemma_.lower() in OBJECT_CONTROL:
        objs = children(head, "dobj")
        if objs:
            return objs
    return []


def direct_objects(verb: Token) -> list[Token]:
    if is_passive(verb):
        return children(verb, "nsubjpass")
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not children(verb, "dobj", "nsubjpass", "nsubj") and \
            verb.i < verb.head.i and verb.head.pos_ in {"VERB", "AUX"}:
        # "Backed by the United States, the SDF holds ...": the participle's object is the clause's subject
        return children(verb.head, "nsubj", "nsubjpass")
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not children(verb, "dobj"):
        return [verb.head]  # "an organisation founded by X": the organisation is what was founded
    return children(verb, "dobj")


def clause_complement_subjects(verb: Token) -> list[Token]:
    """"allow X to use": X (the subject of the complement clause, or the object)."""
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            subj = children(c, "nsubj")
            if subj:
                return subj
    return children(verb, "dobj")


def anchor(noun: Token) -> Token:
    """For a noun that modifies another ("mediation efforts"), the head noun."""
    if noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
        return noun.head
    return noun


# verbs of being in a state: "be at war", "locked in a conflict", "engaged in fighting"
STATE_VERBS = frozenset({"be", "lock", "engage", "embroil", "involve", "mire", "drag", "enter", "remain", "trap",
                          "bog", "plunge", "stay", "caught", "catch"})


def predicate_of(noun: Token, light_verbs: frozenset[str], depth: int = 0) -> list[Token]:
    """What a noun is said of: "X is / serves as / poses / provides a N",
    "turned X into a N", "X, a N". Returns tokens standing for X."""
    if depth > 4:
        return []
    dep = noun.dep_
    head = noun.head
    if dep in {"attr", "acomp"}:
        return subjects(head)
    if dep == "oprd":
        return children(head, "dobj") or subjects(head)
    if dep == "pobj" and head.lower_ in {"including", "like"} and head.head.pos_ == "NOUN" and \
            head.head.i != noun.i:
        return predicate_of(head.head, light_verbs, depth + 1)  # "attacks ..., including assaults on X"
    if dep == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in {"responsible", "blame"}:
        return subjects(head.head.head) if head.head.dep_ == "acomp" else subjects(head.head)
    if dep == "pobj" and head.dep_ in {"prep"} and head.lower_ in {"as", "into", "like"}:
        verb = head.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return []
        if head.lower_ == "into":
            return children(verb, "dobj")
        objs = children(verb, "dobj")
        return objs or subjects(verb)
    if dep == "dobj" and is_light(head, light_verbs):
        return subjects(head)
    if dep == "pobj" and head.dep_ == "prep" and head.lower_ in {"at", "in", "into"} and \
            head.head.pos_ in {"VERB", "AUX"} and head.head.lemma_.lower() in STATE_VERBS:
        # "X is at war with Y", "X has been locked in a conflict with Y"
        return children(head.head, "nsubjpass") or subjects(head.head)
    if dep == "nsubjpass" and is_light(head, light_verbs):
        return prep_objects(head, {"by"})
    if dep == "appos":
        return [head]
    if dep == "conj":
        first = noun
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return predicate_of(first, light_verbs, depth + 1)
    if dep == "compound" and head.pos_ in {"NOUN", "PROPN"}:
        return predicate_of(head, light_verbs, depth + 1)
    return []
