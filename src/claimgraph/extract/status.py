"""Status and attribution of a claim, from the words that govern its cue.

From the cue word we walk up the dependency tree to the root of the
sentence. On the way we collect what changes how the text commits to the
claim:

- negation ("not", "never", "no") and negating verbs ("refuse to",
  "sever ties"); "not only ... but also" is not negation; an even number
  of negations cancels out;
- modal and future auxiliaries, conditional clauses ("if", "unless") and
  governors of mere possibility ("risks provoking", "the risk of");
- hedges: adverbs ("allegedly"), adjectives ("apparent alignment"),
  "appear to", and nouns of evidence and concern ("evidence of");
- the first reporting verb whose complement holds the cue ("X says that",
  "X accuses Y of", "Analysts believe"): its subject is the source, its
  kind sets the status (say: alleged, confirm: asserted, deny: denied);
  the attribution covers only the reported clause, so the walk stops there;
- "according to X" and "as X warns" on the way, or on the sentence's root.

Precedence: denied > hypothetical > alleged > asserted.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Status
from .arguments import Arguments
from .lexicon import Lexicon
from .syntax import ACCUSATION, children, is_passive, prep_objects, subjects

# how a child hangs from its head when the head reports or governs it
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "relcl", "advcl",
                          "conj", "attr", "oprd", "appos", "nsubjpass", "parataxis"})
_REPORTED = frozenset({"ccomp", "xcomp", "pcomp", "prep", "parataxis", "dobj", "oprd"})
# leaving these, the walk leaves the cue's clause: hedges and modals above
# no longer apply (a report of the whole clause still does: "militants
# belonging to X, the ISPR said") ...
_CLAUSE_EDGE = frozenset({"advcl", "parataxis", "acl"})
# ... and leaving a relative clause, it leaves what the sentence states: the
# author's aside about a noun ("..., which attacked Mumbai in 2008")
_CLAUSE_STOP = frozenset({"relcl"})
_UNNAMED_SKIP = frozenset({"the", "a", "an", "these", "those", "this", "that"})


@dataclass(frozen=True, slots=True)
class Assessment:
    status: Status
    cue: str
    source_token: Token | None = None  # the token naming the source, if any


def _negated(node: Token, lex: Lexicon) -> bool:
    contrast = any(c.dep_ == "cc" and c.lower_ == "but" for c in node.children)
    for c in node.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in {"only", "just", "merely"}:
                continue  # "not only ... but also"
            if contrast:
                continue  # "not between A and B, but along C": a contrast of place, not a denial
            return True
    return False


def _conditional(node: Token, lex: Lexicon) -> str | None:
    if node.dep_ in {"advcl", "ccomp"}:
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in lex.status.conditionals:
                return c.lower_
    return None


def presupposed(cue: Token, lex: Lexicon) -> Assessment:
    """Status of a relation stated inside a noun phrase ("Taliban spokesman
    X", "Taliban-ruled Afghanistan", "TTP hideouts inside Afghanistan"): the
    article's own description, which the clause around it presupposes. The
    clause's modals, negation and reports do not apply; a hedge on the phrase
    itself ("the alleged TTP chief") does."""
    st = lex.status
    for c in cue.children:
        if c.dep_ not in {"amod", "advmod"}:
            continue
        # "the alleged TTP chief", "a purportedly deliberate strike"
        for w in (c, *(g for g in c.children if g.dep_ == "advmod")):
            if w.lower_ in st.alleged_adjectives or w.lower_ in st.alleged_adverbs:
                return Assessment(Status.ALLEGED, w.text)
    return Assessment(Status.ASSERTED, "")


def assess(cue: Token, lex: Lexicon) -> Assessment:
    """Walk from ``cue`` to the sentence root; see the module's docstring."""
    st = lex.status
    negations = 0
    hypothetical: str | None = None
    alleged: str | None = None
    report: tuple[Status, str, Token | None] | None = None
    node = cue
    child: Token | None = None
    grandchild: Token | None = None
    local = True  # still inside the cue's own clause
    for _ in range(40):
        lemma = node.lemma_.lower()
        came_by = child.dep_ if child is not None else ""
        if child is not None and came_by == "nsubj" and _reported_subject_clause(node, child, grandchild) \
                and lemma in st.reporting and node.pos_ in {"VERB", "AUX"} and not is_passive(node):
            # "Militants killed ten soldiers near the border, police said", parsed with "militants
            # killed ..." as a second subject of "said": the clause is what the speaker reports
            speaker = [c for c in children(node, "nsubj") if c.i != child.i]
            report = (st.reporting[lemma], node.text, speaker[0])
        elif child is not None and came_by in _COMPLEMENTS:
            if lemma in st.reporting and node.pos_ in {"VERB", "AUX"} and came_by in _REPORTED \
                    and (came_by != "dobj" or lemma in st.object_reporting or _accused_content(node, child, grandchild)) \
                    and not (came_by == "ccomp" and counter_denial_object(node, lex)):
                if is_passive(node):  # "X is suspected of ...", "X has been accused of ...": by whom, if said
                    subj = prep_objects(node, {"by"})
                else:
                    subj = subjects(node) or _speaker_before(node)
                report = (st.reporting[lemma], node.text, subj[0] if subj else None)
            elif lemma in st.reporting_nouns and node.pos_ == "NOUN" and came_by in {"acl", "ccomp", "prep"}:
                owner = children(node, "poss") or prep_objects(node, {"by", "from"})
                report = (Status.ALLEGED, node.text, owner[0] if owner else None)
                head = node.head
                if node.dep_ in {"dobj", "nsubjpass"} and st.reporting.get(head.lemma_.lower()) is Status.DENIED:
                    # "Islamabad rejected claims that ...": the report is denied by the subject
                    subj = subjects(head)
                    report = (Status.DENIED, head.text, subj[0] if subj else None)
            # governors of the cue's own clause (not once the walk has left it)
            elif local and lemma in st.negators and came_by in {"xcomp", "dobj", "ccomp", "pobj", "prep", "pcomp"} \
                    and not counter_denial_object(node, lex):
                negations += 1
            elif local and lemma in st.hypothetical_governors and came_by in {"xcomp", "ccomp", "prep", "pcomp",
                                                                               "dobj"}:
                hypothetical = hypothetical or node.text
            elif local and lemma in st.alleged_governors and came_by in {"xcomp", "ccomp", "prep", "pcomp", "acl"}:
                alleged = alleged or node.text
        if report is None and local:
            if _negated(node, lex):
                negations += 1
            for c in node.children:
                low = c.lower_
                if c.dep_ in {"aux", "auxpass"} and low in st.modals:
                    hypothetical = hypothetical or c.text
                elif c.dep_ == "advmod" and low in st.alleged_adverbs:
                    alleged = alleged or c.text
                elif c.dep_ == "advmod" and low in st.hypothetical_adverbs:
                    hypothetical = hypothetical or c.text
                elif c.dep_ == "amod" and low in st.alleged_adjectives:
                    alleged = alleged or c.text
                elif c.dep_ == "amod" and low in st.hypothetical_adjectives:
                    hypothetical = hypothetical or c.text
            cond = _conditional(node, lex)
            if cond:
                hypothetical = hypothetical or cond
        if report is None:
            report = _attached_report(node, lex)
        if report is not None or node.head.i == node.i or _leaves_statement(node):
            break
        if node.dep_ in _CLAUSE_EDGE or (node.dep_ == "conj" and children(node, "nsubj", "nsubjpass")):
            local = False
        grandchild = child
        child = node
        node = node.head
    if report is None:
        report = _noun_that_clause(cue, lex)
    if report is None:
        root = cue.sent.root
        according = _according_to(root)
        if according is not None:
            report = (Status.ALLEGED, "according to", according)
        elif (as_report := _as_reporting(root, lex)) is not None:
            report = as_report
    source = report[2] if report else None
    if negations % 2 == 1:
        return Assessment(Status.DENIED, report[1] if report else "not", source)
    if report is not None and report[0] is Status.DENIED:
        return Assessment(Status.DENIED, report[1], source)
    if hypothetical:
        return Assessment(Status.HYPOTHETICAL, hypothetical, source)
    if report is not None and report[0] is Status.ALLEGED:
        return Assessment(Status.ALLEGED, report[1], source)
    if alleged:
        return Assessment(Status.ALLEGED, alleged, source)
    return Assessment(Status.ASSERTED, report[1] if report else "", source)


def _reported_subject_clause(verb: Token, noun: Token, participle: Token | None) -> bool:
    """A subject of ``verb`` that is really a clause: the noun's participle
    has a direct object (a passive participle has none) and ``verb`` has a
    subject of its own after it ("..., police said")."""
    if participle is None or participle.dep_ != "acl" or participle.head.i != noun.i or \
            participle.tag_ not in {"VBN", "VBD"} or not children(participle, "dobj"):
        return False
    return any(c.i != noun.i and c.i > participle.i for c in children(verb, "nsubj"))


def _leaves_statement(node: Token) -> bool:
    """A relative clause says something about its noun; what governs the noun
    does not govern it. A noun's content clause ("claims that X armed Y")
    is governed by the noun."""
    if node.dep_ not in _CLAUSE_STOP:
        return False
    return not any(c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in node.children)


def hedged_argument(span, lex: Lexicon) -> str | None:
    """"Suspected TTP militants attacked ...": a hedge on the noun phrase
    that names an argument makes the claim alleged."""
    tok = span.root
    for _ in range(3):
        for c in tok.children:
            if c.dep_ in {"amod", "advmod"} and c.lower_ in lex.status.alleged_adjectives:
                return c.text
        if tok.dep_ not in {"compound", "amod", "nmod", "poss", "npadvmod"} or tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _noun_that_clause(cue: Token, lex: Lexicon) -> tuple[Status, str, Token | None] | None:
    """"Pakistan's accusations that Kabul harbors the TTP": a report noun just
    before "that" governs the clause it introduces, wherever the parser hung it."""
    node = cue
    for _ in range(8):
        marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and marks[0].i > 0:
            noun = cue.doc[marks[0].i - 1]
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.status.reporting_nouns:
                owner = children(noun, "poss") or prep_objects(noun, {"by", "from"})
                head = noun.head
                if noun.dep_ in {"dobj", "nsubjpass"} and lex.status.reporting.get(head.lemma_.lower()) is Status.DENIED:
                    subj = subjects(head)
                    return (Status.DENIED, head.text, subj[0] if subj else None)
                return (Status.ALLEGED, noun.text, owner[0] if owner else None)
            return None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _accused_content(verb: Token, obj: Token, via: Token | None) -> bool:
    """"accuse X of V-ing" with "of V-ing" hung on X: the path came up
    through X's "of"/"for" phrase to the accusation verb."""
    return verb.lemma_.lower() in ACCUSATION and via is not None and via.dep_ == "prep" and \
        via.lower_ in {"of", "for"} and via.head.i == obj.i


def _speaker_before(verb: Token) -> list[Token]:
    """"..., the ISPR in a statement said.": when the parser lost the subject
    of a reporting verb, the last noun before it in its clause, outside a
    prepositional phrase."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 12) - 1, -1):
        tok = doc[i]
        if tok.text in {",", ";", ":", '"', "'"}:
            break
        if tok.pos_ in {"PROPN", "NOUN"} and tok.dep_ != "pobj":
            return [tok]
    return []


def _attached_report(node: Token, lex: Lexicon) -> tuple[Status, str, Token | None] | None:
    """A report hung on ``node``: "according to X", "as X warns", "..., X said"
    (one pass over its children: they are the hot path of the walk)."""
    kids = [c for c in node.children if c.dep_ in {"prep", "advcl", "parataxis"}]
    if not kids:
        return None
    according = _according_to(node)
    if according is not None:
        return (Status.ALLEGED, "according to", according)
    return _as_reporting(node, lex) or _trailing_report(node, lex)


def _trailing_report(node: Token, lex: Lexicon) -> tuple[Status, str, Token | None] | None:
    """"The TTP attacked the post, officials said.": a reporting verb hung
    after the clause (parataxis) with no complement of its own."""
    for c in node.children:
        if c.dep_ == "parataxis" and c.i > node.i and c.lemma_.lower() in lex.status.reporting and \
                not any(g.dep_ in {"ccomp", "xcomp", "dobj"} for g in c.children):
            subj = subjects(c)
            return (lex.status.reporting[c.lemma_.lower()], c.text, subj[0] if subj else None)
    return None


def counter_denial_object(verb: Token, lex: Lexicon) -> bool:
    """"..., a charge Kabul denies": a denial whose object is a report noun
    or a relative pronoun denies what was reported, not the clause it governs."""
    if lex.status.reporting.get(verb.lemma_.lower()) is not Status.DENIED:
        return False
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.status.reporting_nouns and \
            not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        return True  # "..., a charge the Kremlin denied": the charge is the gap of the relative clause
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if subj and any(g.dep_ in {"compound", "nmod", "amod"} and g.lemma_.lower() in lex.status.reporting_nouns
                    for g in subj[0].children) and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        # "X accuses Y of Z, a charge Kigali denies", parsed with the report as the denial's clause and
        # "a charge Kigali" as its subject: the denial is of the charge, not of the accusing
        return True
    return any(c.dep_ in {"dobj", "nsubjpass"} and (c.lemma_.lower() in lex.status.reporting_nouns or
                                                      c.lower_ in {"which", "that", "it", "this"})
               for c in verb.children)


def bare_denial(sent, lex: Lexicon, sent_text: str | None = None) -> tuple[Token, Token] | None:
    """"The Taliban deny the accusation.": a denial of a report noun (or "it")
    that states no content of its own, so it denies what came before."""
    found = counter_denier(sent, lex, sent_text)
    if found is None:
        return None
    verb, _who = found
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            if any(g.dep_ in {"acl", "relcl", "ccomp"} or (g.dep_ == "prep" and g.lower_ in {"of", "that"})
                   for g in c.children):
                return None  # "denied accusations that they harbour ..." has its own content
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return None
    return found


def counter_denier(sent, lex: Lexicon, sent_text: str | None = None) -> tuple[Token, Token] | None:
    """The denial verb and its subject of a sentence that reports a claim and
    then records its denial ("..., a charge Kabul denies", "..., which X denies").
    ``sent_text``, the sentence's text if the caller has it, spares making its Tokens."""
    low = (sent.text if sent_text is None else sent_text).lower()
    if not any(stem in low for stem in lex.status.denial_stems):
        return None  # no denial verb in the sentence: skip the token walk
    for tok in sent:
        if tok.pos_ == "VERB" and counter_denial_object(tok, lex):
            subj = subjects(tok) if tok.dep_ != "relcl" else children(tok, "nsubj")
            if subj:
                return tok, subj[0]
    return None


def sentence_sources(sent) -> list[Token]:
    """The objects of every "according to" in a sentence."""
    out = []
    for tok in sent:
        if tok.lower_ == "according":
            for g in tok.children:
                if g.dep_ == "prep" and g.lower_ == "to":
                    out.extend(children(g, "pobj"))
    return out


def _according_to(node: Token) -> Token | None:
    objs = prep_objects(node, {"according to"})
    if objs:
        return objs[0]
    for c in node.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ == "to":
                    pobj = children(g, "pobj")
                    if pobj:
                        return pobj[0]
    return None


def _as_reporting(node: Token, lex: Lexicon) -> tuple[Status, str, Token | None] | None:
    """"As Foreign Affairs warns, ...": an "as"-clause with a reporting verb."""
    for c in node.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in lex.status.reporting and \
                any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and \
                not any(g.dep_ in {"dobj", "ccomp", "xcomp"} for g in c.children):
            # "As Foreign Affairs warns, ..." reports the main clause; "Even as
            # Afghanistan accuses Pakistan of ..." reports its own object instead
            subj = subjects(c)
            return (lex.status.reporting[c.lemma_.lower()], f"as {c.text}", subj[0] if subj else None)
    return None


def source_of(tok: Token | None, args: Arguments) -> tuple[list, str | None]:
    """The source named by ``tok``: mentions, or else the phrase of an unnamed source."""
    if tok is None:
        return [], None
    found = args.entities(tok)
    if found:
        return found, None
    if tok.pos_ == "PRON":
        return [], None
    words = [t for t in tok.subtree if t.i <= tok.i and t.lower_ not in _UNNAMED_SKIP and not t.is_punct]
    words = [t for t in words if t.dep_ in {"amod", "compound", "nmod"} or t.i == tok.i]
    phrase = " ".join(t.text for t in words).strip()
    return [], phrase or None
