"""Events described by a noun phrase (issues 14 and 15): what makes the
phrase an event, its doer and its place, a later "the raid" naming it again,
and a claim of responsibility as the claimant's own claim.

Other wars, groups and towns than the development corpora's; negative rows
for a habit ("attacks in X have risen"), for talks that nobody "carries
out", and for a war's possessor, which is where it is fought.
"""
from __future__ import annotations

import pytest

from tests.conftest import assert_claims

A, L = "asserted", "alleged"

ROWS = [
    ("possessor does it", "The Taliban's takeover of Kunduz shocked the region.",
     {("Afghan Taliban", "carriedOut", "Taliban's takeover of Kunduz", A, None),
      ("Taliban's takeover of Kunduz", "locatedIn", "Kunduz", A, None)}, set()),
    ("demonym does it, the target's place", "A Russian strike on a market in Kostiantynivka killed 17 people.",
     {("Russia", "carriedOut", "Russian strike on a market in Kostiantynivka", A, None),
      ("Russian strike on a market in Kostiantynivka", "locatedIn", "Kostyantynivka", A, None)}, set()),
    ("a war's possessor is where", "Yemen's civil war has displaced millions.",
     {("Yemen's civil war", "locatedIn", "Yemen", A, None)},
     {("Yemen", "carriedOut", "Yemen's civil war", A, None)}),
    ("by phrase", "An attack by al-Shabaab militants on a hotel in Kismayo killed nine.",
     {("al-Shabaab", "carriedOut", "attack by al-Shabaab militants on a hotel in Kismayo", A, None),
      ("attack by al-Shabaab militants on a hotel in Kismayo", "locatedIn", "Kismayo", A, None)}, set()),
    ("carried out by", "A raid carried out by Ansar al-Sunna fighters left ten dead in Mocimboa da Praia.",
     {("Islamic State Mozambique Province", "carriedOut", "raid carried out by Ansar al-Sunna fighters", A,
       None)}, set()),
    ("the place besieged", "The siege of Mariupol lasted almost three months.",
     {("siege of Mariupol", "locatedIn", "Mariupol", A, None)}, set()),
    ("a claim of responsibility is the claimant's",
     "ISWAP claimed responsibility for the ambush on a convoy near Maiduguri.",
     {("Islamic State West Africa Province", "carriedOut", "ambush on a convoy near Maiduguri", L,
       "Islamic State West Africa Province")},
     {("Islamic State West Africa Province", "carriedOut", "ambush on a convoy near Maiduguri", A, None)}),
    ("a hedge on the phrase", "The alleged Rwandan shelling of Bukavu killed five civilians.",
     {("Rwanda", "carriedOut", "alleged Rwandan shelling of Bukavu", L, None)},
     {("Rwanda", "carriedOut", "alleged Rwandan shelling of Bukavu", A, None)}),
    ("talks are nobody's doing", "Leaders met at the ASEAN summit in Jakarta.",
     {("ASEAN summit in Jakarta", "locatedIn", "Jakarta", A, None)},
     {("Asean", "carriedOut", "ASEAN summit in Jakarta", A, None)}),
]


@pytest.mark.parametrize("name,text,expected,forbidden", ROWS, ids=[r[0] for r in ROWS])
def test_event_phrases(claims_of, name, text, expected, forbidden):
    assert_claims(claims_of(text), expected, forbidden)


def events(kg):
    return [e for e in kg.entities if e.type.value == "Event"]


def test_a_habit_is_not_an_event(builder):
    assert events(builder.build_text("Attacks in Somalia have risen this year.")) == []


def test_the_raid_names_the_raid_described_before(builder):
    kg = builder.build_text("Boko Haram gunmen launched a raid on the village of Gwoza on Friday. "
                            "The raid left 12 dead. The attack was the third this month.")
    [event] = events(kg)
    assert [m.text for m in event.mentions] == ["raid on the village of Gwoza on Friday", "raid", "attack"]


def test_an_event_keeps_its_shorter_names(builder):
    [event] = events(builder.build_text("This followed an unprecedented Israeli bombing of Hodeidah's port on "
                                        "Wednesday."))
    assert event.label.startswith("unprecedented Israeli bombing of Hodeidah's port")
    # without the words of judgement before its doer, without its phrases
    assert {"Israeli bombing of Hodeidah's port", "Israeli bombing", "bombing of Hodeidah's port"} <= \
        set(event.aliases)


def test_an_event_name_without_its_date(builder):
    [event] = events(builder.build_text("A Hamas attack on the Erez crossing on 7 October killed dozens of soldiers."))
    assert event.label == "Hamas attack on the Erez crossing on 7 October"
    assert {"Hamas attack on the Erez crossing", "attack on the Erez crossing"} <= set(event.aliases)
    assert "bombing" not in event.aliases  # a bare noun is not a name


def test_an_event_named_again_by_another_kind_is_not_joined(builder):
    kg = builder.build_text("Boko Haram gunmen launched a raid on the village of Gwoza on Friday. "
                            "The talks resumed on Monday.")
    assert [e.label for e in events(kg)] == ["raid on the village of Gwoza on Friday"]
