"""Governments that are not simply the country, and a capital an army moves
on (issue 14): "the interim government", "a self-declared government" are
Government entities of their state, one per kind; "the UN-backed government"
is no junta; "the offensive on Tripoli", "march on Kabul" name the city, not
the state it stands for elsewhere."""
from __future__ import annotations

import pytest


def labels(got, text):
    return {(label, kb) for t, label, kb in got if t == text}


@pytest.mark.parametrize("text,name,key", [
    ("Kabul's rivals met the Afghan interim government in Doha.", "Afghan interim government",
     "new:Government:Afghanistan interim government"),
    ("Forces loyal to a third, self-declared government in Tripoli clashed again.", "self-declared government",
     "new:Government:Libya self-declared government"),
    ("Sudan's rival government, set up by the RSF in Nyala, named a cabinet.", "rival government",
     "new:Government:Sudan rival government"),
])
def test_governments_of_their_own_kind(mentions, text, name, key):
    assert ("Government", key) in labels(mentions(text), name), mentions(text)


def test_two_kinds_are_two_governments(builder):
    kg = builder.build_text("Haftar is aligned with a self-styled government in Tobruk. In Tripoli, armed "
                            "groups stay loyal to a self-declared government led by Khalifa Ghwell.")
    governments = sorted(e.id for e in kg.entities if e.type.value == "Government")
    assert governments == ["libya-self-declared-government", "libya-self-styled-government"]


def test_a_backed_government_is_no_junta(mentions):
    got = mentions("Libya's UN-backed government sits in Tripoli.")
    assert not [kb for _t, label, kb in got if "junta" in kb], got


@pytest.mark.parametrize("text,city", [
    ("The LNA launched its offensive on Tripoli in April.", "tripoli"),
    ("The Taliban threatened to march on Kabul.", "kabul"),
])
def test_a_city_an_army_moves_on_is_the_city(mentions, text, city):
    name = city.capitalize()
    assert ("Place", city) in labels(mentions(text), name), mentions(text)


def test_held_responsible_accuses_however_parsed(claims_of):
    assert ("Kenya", "accuses", "al-Shabaab", "asserted", None) in \
        claims_of("Kenya holds al-Shabaab responsible for the attack.")
