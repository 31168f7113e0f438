"""Extract: pure functions from a parsed spaCy ``Doc`` to raw claims.

:func:`extract` reads the mentions the pipeline found
(``doc.spans["cg_mentions"]``), runs every sentence rule over the prose
sentences, and gives each finding its status, its source, its evidence
(the sentence, with offsets into the document as read) and a confidence.
Claims are "raw": their subject, object and source are document-level
mentions; :mod:`claimgraph.resolve` turns them into canonical entities.

Confidence is a documented rule-based score of how surely the sentence
states the claim (not of whether the claim is true): the rule's base
(verb 0.85, role 0.85, noun and place 0.75-0.8, facility 0.75) less 0.05
for each argument reached indirectly (through coordination, a list, a
transparent or collective noun, a relative pronoun, a metonym), less
0.15 for an argument that is an anaphor ("the group") or was found in an
earlier sentence ("these camps"), and less 0.1 for a claim about an event
referred back to ("these releases").
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer
from ..dates import parse_base
from ..model import EntityType, Evidence, Mention, Relation, Status, When
from ..nlp.mentions import ANAPHOR, MENTIONS, Embedder, prose_ranges, to_mention
from ..nlp.docdata import offsets_of, parsed_text
from .arguments import Arg, Arguments
from .lexicon import Lexicon, load_lexicon
from .rules import Context, Finding, prose_sentences, sentence_findings
from .when import SentenceDate, date_for, place_for, sentence_dates
from .status import (
    Assessment,
    assess,
    bare_denial,
    counter_denier,
    hedged_argument,
    presupposed,
    sentence_sources,
    source_of,
)

__all__ = ["RawClaim", "extract", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A claim whose arguments are still document-level mentions."""

    subject: Mention
    relation: Relation
    object: Mention
    status: Status
    evidence: Evidence
    cue: str
    source: Mention | str | None
    confidence: float
    subject_types: frozenset[EntityType]
    object_types: frozenset[EntityType]
    when: When | None = None
    place: Mention | None = None  # the Place or State its sentence names for an attack

    def sort_key(self) -> tuple:
        src = self.source.key if isinstance(self.source, Mention) else (self.source or "")
        return (self.evidence.char_start, self.subject.char_start, self.relation.value,
                self.object.char_start, self.status.value, src, self.evidence.rule)


def _penalty(arg: Arg) -> float:
    if arg.span.label_ == ANAPHOR or arg.via == "discourse":
        return 0.15
    return 0.0 if arg.via == "direct" else 0.05


def extract(doc: Doc, *, lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None,
            text: str | None = None) -> list[RawClaim]:
    """Raw claims stated in the prose of ``doc``.

    ``text`` is the document as read (for evidence sentences); without it
    the text spaCy saw is used.
    """
    lex = lexicon or load_lexicon()
    data = doc.user_data.get("claimgraph") or {}
    doc_id = data.get("document", "")
    offsets = offsets_of(doc)
    source_text = text if text is not None else doc.text
    mentions: list[Span] = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
    args = Arguments(doc, mentions, lex)
    out: dict[tuple, RawClaim] = {}
    context = Context()
    previous: list[RawClaim] = []
    text_parsed = parsed_text(doc)
    base = parse_base(data.get("date"))
    for sent in prose_sentences(doc, prose_ranges(doc)):
        sent_text = text_parsed[sent.start_char:sent.end_char]
        start = offsets.start(sent.start_char)
        end = offsets.end(sent.end_char)
        while end > start and source_text[end - 1].isspace():
            end -= 1
        findings = sentence_findings(sent, args, lex, gazetteer, context)
        dates = sentence_dates(sent, base) if findings else []
        claims = [_claim(f, args, doc_id, offsets, source_text, start, end, lex, dates) for f in findings]
        denials = _counter_denials(sent, sent_text, claims, args, doc_id, offsets, source_text, lex)
        if not denials and not any(c.status is Status.ALLEGED for c in claims) and \
                bare_denial(sent, lex, sent_text):
            # "The Taliban deny the accusation." denies what the previous sentence reported
            evidence = Evidence(doc_id, source_text[start:end], start, end, "")
            denials = _counter_denials(sent, sent_text, [replace(c, evidence=replace(evidence, rule=c.evidence.rule))
                                              for c in previous], args, doc_id, offsets, source_text, lex)
        claims += denials
        claims += _accusations(sent, claims, lex)
        previous = claims
        for claim in claims:
            key = claim.sort_key()[:6]
            if key not in out or out[key].confidence < claim.confidence:
                out[key] = claim
    return sorted(out.values(), key=RawClaim.sort_key)


_ACTORS = frozenset(t for t in EntityType if t not in (EntityType.PLACE, EntityType.EVENT))


def _accusations(sent: Span, claims: list[RawClaim], lex: Lexicon) -> list[RawClaim]:
    """"The TPLF claimed that Eritrean troops shelled Adigrat", "Asif alleged
    that the attacks were planned by the BLA": whoever reports, with an
    accusing verb, a wrong done by another accuses that other (asserted:
    the accusing is what the text states; the wrong stays alleged)."""
    if not lex.accusing or not any(c.status is Status.ALLEGED and isinstance(c.source, Mention) and
                                   c.relation in lex.accused_relations for c in claims):
        return []
    lemmas = {t.text: t.lemma_.lower() for t in sent if t.pos_ in {"VERB", "NOUN"}}
    # a speaker who accuses someone by name in the sentence accuses only them
    explicit = {c.subject.key for c in claims if c.relation is Relation.ACCUSES}
    out = []
    for c in claims:
        speaker = c.source
        if c.status is not Status.ALLEGED or not isinstance(speaker, Mention) or \
                c.relation not in lex.accused_relations or lemmas.get(c.cue) not in lex.accusing:
            continue
        accused = c.subject
        if speaker.key == accused.key or accused.type not in _ACTORS or speaker.type not in _ACTORS or \
                speaker.key in explicit:
            continue
        out.append(replace(c, subject=speaker, relation=Relation.ACCUSES, object=accused, status=Status.ASSERTED,
                           source=None, evidence=replace(c.evidence, rule=f"accusing:{lemmas[c.cue]}"),
                           confidence=round(max(0.05, c.confidence - 0.1), 2),
                           subject_types=frozenset(_ACTORS), object_types=frozenset(_ACTORS), place=None))
    return out


def _counter_denials(sent: Span, sent_text: str, claims: list[RawClaim], args: Arguments, doc_id: str, offsets, text: str,
                     lex: Lexicon) -> list[RawClaim]:
    """"Pakistan accuses Kabul of harbouring the TTP, a charge Kabul denies":
    each reported claim of the sentence is also denied, by the denier."""
    found = counter_denier(sent, lex, sent_text)
    if found is None:
        return []
    verb, who = found
    sources, phrase = source_of(who, args)
    denier: Mention | str | None = _mention(sources[0].span, args, doc_id, offsets, text) if sources else phrase
    out = []
    for c in claims:
        if c.status is not Status.ALLEGED or c.relation is Relation.ACCUSES or c.source is None:
            continue
        if isinstance(denier, Mention) and isinstance(c.source, Mention) and denier.key == c.source.key:
            continue
        out.append(replace(c, status=Status.DENIED, source=denier, cue=verb.text,
                           confidence=round(max(0.05, c.confidence - 0.05), 2)))
    return out


def _mention(span: Span, args: Arguments, doc_id: str, offsets, text: str) -> Mention:
    """A span as a Mention, converted once per document."""
    key = (span.start, span.end, span.label_, span.kb_id_, span.id_)
    found = args.converted.get(key)
    if found is None:
        if args.embedder is None:
            args.embedder = Embedder(args.doc)
        found = args.converted[key] = to_mention(span, doc_id, offsets, text, args.embedder)
    return found


def _claim(f: Finding, args: Arguments, doc_id: str, offsets, text: str, start: int, end: int,
           lex: Lexicon, dates: list[SentenceDate] = ()) -> RawClaim:
    cache = args.assessments
    key = (f.trigger.i, f.presupposed)
    if key not in cache:
        cache[key] = presupposed(f.trigger, lex) if f.presupposed else assess(f.trigger, lex)
    verdict = cache[key]
    if f.antecedent is not None and verdict.status is Status.ASSERTED and verdict.source_token is None:
        verdict = assess(f.antecedent, lex)  # an event referred back to: as the text first reported it
    if verdict.status is Status.ASSERTED and f.hedged:
        verdict = Assessment(Status.ALLEGED, f.trigger.text, f.claimant or verdict.source_token)
    if verdict.status is Status.ASSERTED and not f.presupposed:
        hedge = hedged_argument(f.subject.span, lex) or hedged_argument(f.object.span, lex)
        if hedge:
            verdict = Assessment(Status.ALLEGED, hedge, verdict.source_token)
    if verdict.status is not Status.ASSERTED and verdict.source_token is None and not f.presupposed:
        # hedged, with no source governing it: the sentence's only named source, if it has one
        named = sentence_sources(f.trigger.sent)
        if len(named) == 1:
            verdict = Assessment(verdict.status, verdict.cue, named[0])
    found, phrase = source_of(verdict.source_token, args)
    source: Mention | str | None
    if found:
        source = _mention(found[0].span, args, doc_id, offsets, text)
    else:
        source = phrase
    cue = verdict.cue or f.trigger.text
    confidence = f.base - _penalty(f.subject) - _penalty(f.object)
    where = place_for(f.relation, f.trigger, f.object.span, args)
    return RawClaim(
        subject=_mention(f.subject.span, args, doc_id, offsets, text),
        relation=f.relation,
        object=_mention(f.object.span, args, doc_id, offsets, text),
        status=verdict.status,
        evidence=Evidence(doc_id, text[start:end], start, end, f.rule),
        cue=cue,
        source=source,
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        subject_types=f.subject_types,
        object_types=f.object_types,
        when=date_for(f.trigger, list(dates)),
        place=_mention(where, args, doc_id, offsets, text) if where is not None else None,
    )
