"""The baseline a spaCy user would reach for: textacy's subject-verb-object
triples, verbs mapped to relations by lemma.

The same spaCy pipeline reads the same texts; entities are spaCy's named
entities (PERSON, ORG, GPE, LOC, FAC, NORP); a triple becomes a claim when
its verb's lemma is a verb cue of claimgraph's own lexicon (so both systems
know the same verbs) and its subject and object overlap named entities.
Every claim is "asserted" with no source: SVO triples carry neither.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import spacy
from textacy import extract

from claimgraph.extract.lexicon import load_lexicon

TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "State", "LOC": "Place", "FAC": "Place",
         "NORP": "Organization"}


def _id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def run(texts: dict[str, str], out: Path, model: str) -> None:
    nlp = spacy.load(model)
    verbs = {c.lemma: c.relation.value for c in load_lexicon().cues if c.pos == "VERB" and not c.extra}
    entities: dict[str, dict] = {}
    claims: list[dict] = []
    for doc_id in sorted(texts):
        text = texts[doc_id]
        doc = nlp(text)
        ents_at: dict[int, str] = {}
        for ent in doc.ents:
            if ent.label_ not in TYPES:
                continue
            eid = _id(ent.text)
            rec = entities.setdefault(eid, {"id": eid, "label": ent.text, "type": TYPES[ent.label_],
                                            "aliases": [], "mentions": []})
            rec["mentions"].append({"document": doc_id, "text": ent.text, "char_start": ent.start_char,
                                    "char_end": ent.end_char})
            for tok in ent:
                ents_at[tok.i] = eid
        for triple in extract.subject_verb_object_triples(doc):
            lemma = triple.verb[-1].lemma_.lower()
            relation = verbs.get(lemma)
            subj = {ents_at[t.i] for t in triple.subject if t.i in ents_at}
            obj = {ents_at[t.i] for t in triple.object if t.i in ents_at}
            if relation is None or not subj or not obj:
                continue
            sent = triple.verb[0].sent
            for s in sorted(subj):
                for o in sorted(obj - {s}):
                    claims.append({"subject": s, "relation": relation, "object": o, "status": "asserted",
                                   "attributed_to": None, "cue": triple.verb[-1].text, "document": doc_id,
                                   "sentence": sent.text, "char_start": sent.start_char,
                                   "char_end": sent.end_char, "confidence": 0.5})
    out.mkdir(parents=True, exist_ok=True)
    with (out / "entities.jsonl").open("w", encoding="utf-8") as fh:
        for eid in sorted(entities):
            fh.write(json.dumps(entities[eid], ensure_ascii=False) + "\n")
    with (out / "claims.jsonl").open("w", encoding="utf-8") as fh:
        for c in claims:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
