"""Regions of states and places, reports that accuse, groups a country
possesses, and plans (issues 14 and 15).

- "southern Lebanon", "north-eastern Syria", "Western Tigray": a Place of
  its state (or division), in it; an attack on it attacks the state, and the
  region is where it fell;
- "X claimed / alleged that Y did Z": X accuses Y (Z stays alleged, by X);
  not for "said", nor for a speaker who names whom they accuse;
- "Nigeria's Boko Haram": the group operates in the country;
- "the attacks were planned by X": X is responsible for them.

Other conflicts than the development corpora's; negative rows included.
"""
from __future__ import annotations

import pytest

from tests.conftest import assert_claims

A, L = "asserted", "alleged"

ROWS = [
    ("a state's region", "The PKK operates in northern Iraq.",
     {("Kurdistan Workers' Party", "operatesIn", "northern Iraq", A, None),
      ("northern Iraq", "locatedIn", "Iraq", A, None)},
     {("Kurdistan Workers' Party", "operatesIn", "Iraq", A, None)}),
    ("south and southern are one region", "Hezbollah held positions in south Lebanon; in southern Lebanon it dug in.",
     {("southern Lebanon", "locatedIn", "Lebanon", A, None)}, set()),
    ("a hyphenated direction", "The SDF controls north-eastern Syria.",
     {("Syrian Democratic Forces", "controls", "north-eastern Syria", A, None),
      ("north-eastern Syria", "locatedIn", "Syria", A, None)}, set()),
    ("a division's region", "Eritrean troops were seen in Western Tigray.",
     {("Western Tigray", "locatedIn", "Tigray", A, None)}, set()),
    ("what is in a region is in its state", "Rockets fell on Safed in northern Israel.",
     {("Safed", "locatedIn", "northern Israel", A, None), ("Safed", "locatedIn", "Israel", A, None)},
     set()),
    ("an attack on a region attacks the state", "Azerbaijani forces shelled targets in southern Armenia.",
     {("Azerbaijani armed forces", "attacks", "Armenia", A, None)},
     {("Azerbaijani armed forces", "attacks", "southern Armenia", A, None)}),
    ("a haven in a region is the state's", "Northern Mozambique has become a safe haven for Islamic State fighters.",
     {("Mozambique", "supports", "Islamic State", A, None)}, set()),
    ("a name the data knows with its direction", "South Sudan and North Korea signed a deal.",
     set(), {("South Sudan", "locatedIn", "Sudan", A, None)}),
    # parts of a division are held; parts of a country are where one operates (the seeds' house style)
    ("parts of a division", "Ansar al-Sunna controls large swaths of Cabo Delgado province.",
     {("Islamic State Mozambique Province", "controls", "Cabo Delgado", A, None)},
     {("Islamic State Mozambique Province", "operatesIn", "Cabo Delgado", A, None)}),
    ("parts of a country", "JNIM controls parts of Burkina Faso.",
     {("Jama'at Nasr al-Islam wal Muslimin", "operatesIn", "Burkina Faso", A, None)},
     {("Jama'at Nasr al-Islam wal Muslimin", "controls", "Burkina Faso", A, None)}),
    # reports that accuse
    ("claimed that", "Colombia claimed that ELN guerrillas attacked a police station in Cucuta.",
     {("Colombia", "accuses", "National Liberation Army", A, None),
      ("National Liberation Army", "attacks", "Cúcuta", L, "Colombia")}, set()),
    ("alleged that", "Mozambique alleged that Rwandan troops were operating in northern Cabo Delgado.",
     {("Mozambique", "accuses", "Rwanda Defence Force", A, None),
      ("Rwanda Defence Force", "operatesIn", "northern Cabo Delgado", L, "Mozambique")}, set()),
    ("said is no accusation", "Nigerian police said ISWAP fighters attacked a checkpoint in Monguno.",
     set(), {("Nigeria Police Force", "accuses", "Islamic State West Africa Province", A, None)}),
    ("a claim of one's own deed accuses nobody", "Ukraine claimed its troops had attacked Russian positions.",
     set(), {("Ukraine", "accuses", "Ukraine", A, None)}),
    ("an accusation by name accuses only whom it names",
     "Islamabad accuses Kabul of allowing the Jamaat-ul-Ahrar to attack Peshawar.",
     {("Pakistan", "accuses", "Afghan Taliban", A, None)},
     {("Pakistan", "accuses", "Jamaat-ul-Ahrar", A, None)}),
    # a group a country possesses
    ("a country's group", "Nigeria's Boko Haram abducted dozens of girls.",
     {("Boko Haram", "operatesIn", "Nigeria", A, None)}, set()),
    ("a country's group, the possessor on the noun", "Yemen's Houthi rebels fired missiles at Eilat.",
     {("Houthis", "operatesIn", "Yemen", A, None)}, set()),
    ("a country's army is its own body, not a group there", "Sudan's army fought the RSF in Omdurman.",
     set(), {("Sudanese Armed Forces", "operatesIn", "Sudan", A, None)}),
    # plans
    ("planned by", "Kenya alleged that the Garissa attack was planned by al-Shabaab.",
     {("al-Shabaab", "carriedOut", "Garissa attack", L, "Kenya"), ("Kenya", "accuses", "al-Shabaab", A, None)},
     set()),
    ("masterminded", "Prosecutors say Hambali masterminded the Bali bombings.",
     {("Hambali", "carriedOut", "Bali bombings", L, "Prosecutors")}, set()),
]


@pytest.mark.parametrize("name,text,expected,forbidden", ROWS, ids=[r[0] for r in ROWS])
def test_regions_and_accusing_reports(claims_of, name, text, expected, forbidden):
    assert_claims(claims_of(text), expected, forbidden)


def test_a_region_keeps_its_state_and_country_but_no_invented_point(builder):
    kg = builder.build_text("Turkish jets struck PKK camps in northern Iraq.")
    region = {e.label: e for e in kg.entities}["northern Iraq"]
    assert (region.type.value, region.state, region.country) == ("Place", "iraq", "IQ")
    assert region.lat is None and region.lon is None


def test_south_and_southern_name_one_region(builder):
    kg = builder.build_text("Hezbollah held positions in south Lebanon; in southern Lebanon it dug in.")
    [region] = [e for e in kg.entities if e.state == "lebanon"]
    assert {region.label, *region.aliases} == {"south Lebanon", "southern Lebanon"}
