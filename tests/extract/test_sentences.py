"""Sentence -> expected claims, one behaviour a row.

Claims are (subject, relation, object, status, source); each expected
claim must be extracted, each forbidden one must not. Most sentences are
written for these tests (other groups, places and years than the seeds).
"""
from __future__ import annotations

import pytest

ROWS = [
    # --- verbs: active, passive, coordination
    ("active verb",
     "Tehrik-i-Taliban Pakistan fighters ambushed Pakistani troops near Miranshah on Tuesday.",
     {("Tehreek-e-Taliban Pakistan", "attacks", "Pakistan Army", "asserted", None)}, set()),
    ("passive with agent",
     "Pakistani forces were attacked by the Balochistan Liberation Front in Turbat.",
     {("Balochistan Liberation Front", "attacks", "Pakistan Army", "asserted", None)}, set()),
    ("coordinated objects",
     "Analysts say Kabul provides shelter to the TTP, the ETIM and the IMU.",
     {("Afghan Taliban", "supports", "Tehreek-e-Taliban Pakistan", "alleged", "Analysts"),
      ("Afghan Taliban", "supports", "East Turkestan Islamic Movement", "alleged", "Analysts"),
      ("Afghan Taliban", "supports", "Islamic Movement of Uzbekistan", "alleged", "Analysts")}, set()),
    ("transparent noun: a force's convoy",
     "Lashkar-e-Taiba militants allegedly attacked an Indian Army convoy in Kashmir in 2019.",
     {("Lashkar-e-Taiba", "attacks", "Indian Armed Forces", "alleged", None)}, set()),
    ("relative clause",
     "The Haqqani Network, which operates from North Waziristan, denies any role.",
     {("Haqqani Network", "operatesIn", "North Waziristan", "asserted", None)}, set()),
    ("anaphor: the group",
     "The TTP was founded in 2007. The group has repeatedly attacked the KP Police.",
     {("Tehreek-e-Taliban Pakistan", "attacks", "KP Police", "asserted", None)}, set()),
    ("material support and a pronoun, denied",
     "Iran denied that it supplied weapons to the Houthis.",
     {("Iran", "supports", "Houthis", "denied", "Iran")},
     {("Iran", "supports", "Houthis", "asserted", None)}),
    # --- nouns
    ("nominal: offensive against, conditional",
     "If talks collapse, Pakistan would launch an offensive against the BLA.",
     {("Pakistan", "attacks", "Balochistan Liberation Army", "hypothetical", None)}, set()),
    ("nominal: alleged support for",
     "The Taliban's alleged support for the TTP has strained ties with Islamabad.",
     {("Afghan Taliban", "supports", "Tehreek-e-Taliban Pakistan", "alleged", None)}, set()),
    ("nominal: tensions between A and B (both ways)",
     "Tensions between India and China rose sharply in 2020.",
     {("India", "opposes", "China", "asserted", None), ("China", "opposes", "India", "asserted", None)}, set()),
    ("hyphenated compounds: -controlled, -backed",
     "The convoy passed through Taliban-controlled Kandahar before the Iran-backed Houthis seized Sanaa.",
     {("Afghan Taliban", "controls", "Kandahar", "asserted", None),
      ("Iran", "supports", "Houthis", "asserted", None),
      ("Houthis", "controls", "Sanaa", "asserted", None)}, set()),
    ("an event: claimed responsibility",
     "The Islamic State Khorasan Province claimed responsibility for the bombing at Kabul airport.",
     {("Islamic State Khorasan Province", "carriedOut", "bombing at Kabul airport", "asserted", None),
      ("bombing at Kabul airport", "locatedIn", "Kabul", "asserted", None)}, set()),
    ("facility of a group in a place",
     "Al-Qaeda training camps in Nangarhar were destroyed last year.",
     {("Al-Qaeda", "operatesIn", "Nangarhar", "asserted", None)}, set()),
    # --- roles
    ("role before a name",
     "TTP spokesman Mohammad Khurasani said the group would continue its campaign.",
     {("Mohammad Khurasani", "spokespersonOf", "Tehreek-e-Taliban Pakistan", "asserted", None)}, set()),
    ("role in apposition",
     "Noor Wali Mehsud, the leader of the TTP, released a video on Sunday.",
     {("Noor Wali Mehsud", "leads", "Tehreek-e-Taliban Pakistan", "asserted", None)}, set()),
    ("role noun standing for the named person",
     "Officials said the Jaish-e-Mohammed chief, Masood Azhar, was hiding in Bahawalpur.",
     {("Masood Azhar", "leads", "Jaish-e-Mohammed", "asserted", None),
      ("Masood Azhar", "operatesIn", "Bahawalpur", "alleged", "Officials")}, set()),
    # --- status and attribution
    ("according to an unnamed source",
     "According to intelligence sources, al-Qaeda is training fighters of the TTP in Paktika.",
     {("Al-Qaeda", "supports", "Tehreek-e-Taliban Pakistan", "alleged", "intelligence sources")}, set()),
    ("according to a report; capital for its government",
     "Kabul has long sheltered the Haqqani Network, according to a UN report.",
     {("Afghan Taliban", "supports", "Haqqani Network", "alleged", "UN report")}, set()),
    ("accuse X of V-ing: the accusation is asserted, its content alleged",
     "Pakistani officials accused India of funding the BLA.",
     {("Pakistan", "accuses", "India", "asserted", None),
      ("India", "supports", "Balochistan Liberation Army", "alleged", "Pakistan")},
     {("India", "supports", "Balochistan Liberation Army", "asserted", None)}),
    ("modal",
     "Pakistan may strike TTP hideouts in Khost.",
     {("Pakistan", "attacks", "Tehreek-e-Taliban Pakistan", "hypothetical", None)}, set()),
    ("negation with a named source",
     "India has never supported the Balochistan Liberation Army, New Delhi said.",
     {("India", "supports", "Balochistan Liberation Army", "denied", "India")},
     {("India", "supports", "Balochistan Liberation Army", "asserted", None)}),
    ("deny + gerund",
     "The Taliban deny harbouring the TTP.",
     {("Afghan Taliban", "supports", "Tehreek-e-Taliban Pakistan", "denied", "Afghan Taliban")},
     {("Afghan Taliban", "supports", "Tehreek-e-Taliban Pakistan", "asserted", None)}),
    ("'not only ... but also' is not negation",
     "Observers note that the Taliban are not only undermining Pakistan's security but also harbouring the TTP.",
     {("Afghan Taliban", "threatens", "Pakistan", "alleged", "Observers")},
     {("Afghan Taliban", "threatens", "Pakistan", "denied", "Observers")}),
]

NEGATIVE = [
    ("co-occurrence alone gives no claim",
     "Pakistan and Afghanistan both attended the SCO summit in Astana."),
    ("a hyphenated backer is not the actor",
     "Taliban-backed militants attacked Pakistani posts in Kurram."),
    ("a headline gives no claim",
     "Taliban Backs TTP Again\n\nThe weather in Kabul was mild on Monday."),
]


@pytest.mark.parametrize("name,text,expected,forbidden", ROWS, ids=[r[0] for r in ROWS])
def test_sentence(claims_of, name, text, expected, forbidden):
    got = claims_of(text)
    assert expected <= got, f"missing {sorted(expected - got)}; got {sorted(got)}"
    assert not (forbidden & got), f"forbidden {sorted(forbidden & got)}"


@pytest.mark.parametrize("name,text", NEGATIVE, ids=[r[0] for r in NEGATIVE])
def test_no_claim(claims_of, name, text):
    got = claims_of(text)
    assert not any(s in {"Pakistan", "Afghanistan", "Afghan Taliban"} and o in {"Pakistan", "Afghanistan",
                   "Tehreek-e-Taliban Pakistan"} for s, _r, o, _st, _src in got), sorted(got)


def test_denied_claims_are_never_asserted(claims_of):
    text = "Islamabad rejected claims that it had armed the Baloch Liberation Army."
    got = claims_of(text)
    for s, r, o, status, _src in got:
        if (s, r, o) == ("Pakistan", "supports", "Balochistan Liberation Army"):
            assert status != "asserted"
