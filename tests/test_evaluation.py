"""The evaluation harness: the error report's causes on a hand-made gold and output.

Uses the shared scorer beside the repository (as `make eval` does); the
corpora's texts are never needed.
"""
from pathlib import Path

import pytest

from evaluation.report import analyse, counts, load_scorer
from evaluation.run import _prefixed, table

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="no shared scorer")

TEXT = ("Rwanda denies backing the M23 rebels. The M23 seized Goma in January. "
        "Kinshasa accused Kigali of arming the group.")
GOLD = [{"document": "doc", "entities": [
    {"key": "rwanda", "type": "State", "names": ["Rwanda", "Kigali"]},
    {"key": "drc", "type": "State", "names": ["Kinshasa"]},
    {"key": "m23", "type": "ArmedGroup", "names": ["M23", "M23 rebels"]},
    {"key": "goma", "type": "Place", "names": ["Goma"]},
], "claims": [
    {"subject": "rwanda", "relation": "supports", "object": "m23", "status": "denied", "attributed_to": "rwanda",
     "evidence": "Rwanda denies backing the M23 rebels"},
    {"subject": "m23", "relation": "controls", "object": "goma", "status": "asserted", "attributed_to": None,
     "evidence": "The M23 seized Goma"},
    {"subject": "drc", "relation": "accuses", "object": "rwanda", "status": "asserted", "attributed_to": None,
     "evidence": "Kinshasa accused Kigali"},
    {"subject": "rwanda", "relation": "supports", "object": "m23", "status": "alleged", "attributed_to": "drc",
     "evidence": "Kinshasa accused Kigali of arming the group"},
]}]


def ent(eid, label, typ):
    return {"id": eid, "label": label, "type": typ, "aliases": [],
            "mentions": [{"document": "doc", "text": label, "char_start": 0, "char_end": 1}]}


def claim(s, r, o, status="asserted", by=None):
    return {"subject": s, "relation": r, "object": o, "status": status, "attributed_to": by,
            "document": "doc", "sentence": "x", "rule": "test"}


def test_causes_of_missed_spurious_and_statements():
    scorer = load_scorer(SHARED)
    ents = [ent("rw", "Rwanda", "State"), ent("m23", "M23", "Organization"), ent("goma", "Goma", "Place"),
            ent("x", "Kivu", "Place")]
    claims = [claim("rw", "supports", "m23", "asserted"),  # found tuple, statuses wrong
              claim("goma", "controls", "m23"),  # wrong direction (and class of m23 wrong)
              claim("rw", "attacks", "x")]  # spurious: Kivu is no gold entity
    errors, ents_fig = analyse(scorer, GOLD, ents, claims, {"doc": TEXT})
    by = {(e.kind, e.tuple): e.cause for e in errors}
    assert by[("missed", "drc -accuses-> rwanda")] == "argument not recognised"  # Kinshasa not found
    assert by[("missed", "m23 -controls-> goma")] == "argument with the wrong class"  # first cause wins
    assert by[("spurious", "rwanda -attacks-> ?Kivu")] == "argument not a gold entity"
    statements = sorted(e.detail for e in errors if e.kind == "statement")
    assert statements == ["gold alleged, extracted asserted", "gold denied, extracted asserted"]
    c = counts(errors)
    assert c["missed"]["argument not recognised"] == 1 and c["statement"]["wrong status"] == 2
    assert (ents_fig["class_right"], ents_fig["class_matched"]) == (2, 3)
    # the sentence of a missed claim is found from its evidence
    assert next(e.sentence for e in errors if e.tuple == "drc -accuses-> rwanda") == \
        "Kinshasa accused Kigali of arming the group."


def test_wrong_direction_and_relation_with_classes_right():
    scorer = load_scorer(SHARED)
    ents = [ent("rw", "Rwanda", "State"), ent("m23", "M23", "ArmedGroup"), ent("goma", "Goma", "Place"),
            ent("drc", "Kinshasa", "State")]
    claims = [claim("goma", "controls", "m23"), claim("rw", "alliedWith", "m23"),
              claim("drc", "accuses", "rw")]
    errors, _ = analyse(scorer, GOLD, ents, claims, {"doc": TEXT})
    by = {(e.kind, e.tuple): e.cause for e in errors}
    assert by[("missed", "m23 -controls-> goma")] == "wrong direction"
    assert by[("missed", "rwanda -supports-> m23")] == "wrong relation"
    assert by[("spurious", "goma -controls-> m23")] == "wrong direction"
    assert ("missed", "drc -accuses-> rwanda") not in by


def test_prefixed_outputs_keep_phrase_sources_and_the_table_lines_up():
    ents, claims = _prefixed([ent("a", "A", "State")],
                             [{**claim("a", "attacks", "a", "alleged", "analysts"), "attributed_to_kind": "phrase"},
                              {**claim("a", "attacks", "a", "alleged", "a"), "attributed_to_kind": "entity"}], "dev")
    assert ents[0]["id"] == "dev:a" and claims[0]["attributed_to"] == "analysts"
    assert claims[1]["attributed_to"] == "dev:a" and claims[1]["subject"] == "dev:a"
    lines = table([["dev", "claimgraph"] + ["0.500"] * 11]).splitlines()
    assert len(lines) == 2 and len({len(x) for x in lines}) == 1
