"""A state's army named without the state (issue 14): "the army", "the regular
army", "the country's military" in an article about one state are that
state's military; "Sudan's military chief" names the military through its
state. Not when two states are named about as often, nor "the army chief",
nor "the army of Chad"."""
from __future__ import annotations

import pytest


def bodies(got, key):
    return [t for t, label, kb in got if kb == key]


@pytest.mark.parametrize("text,key,names", [
    ("Myanmar has been at war since 2021. Myanmar's junta lost Lashio. The army denied it.",
     "tatmadaw", ["army"]),
    ("Mali's rulers expelled French troops. In Mali, the regular army has retaken Kidal.",
     "malian-armed-forces", ["regular army"]),
    ("Ethiopia is at war again. Ethiopia's government said the country's military had retaken Lalibela.",
     "ethiopian-national-defense-force", ["country's military"]),
])
def test_the_army_of_the_article_s_state(mentions, text, key, names):
    got = mentions(text)
    assert [n.lower().removeprefix("the ") for n in bodies(got, key)] == names, got


def test_a_states_military_chief(mentions):
    got = mentions("Somalia's military chief visited Baidoa.")
    assert "Somalia's military" in bodies(got, "somalia-armed-forces"), got


@pytest.mark.parametrize("text", [
    "Israel struck Lebanon. The army said Hezbollah fired rockets.",  # two states, named alike
    "Chad sent troops. The army chief resigned.",  # the army's chief, not the army
    "Chad sent troops. Chad hosted the army of Niger.",  # an army with its own owner
])
def test_no_army_without_one_state(mentions, text):
    assert not [t for t, label, kb in mentions(text) if label == "SecurityForce" and "army" in t.lower()], \
        mentions(text)
