from __future__ import annotations

import pytest

from claimgraph.nlp.mentions import is_acronym


def test_gazetteer_names_keep_their_case(mentions):
    got = mentions("Critics of the Islamic State say an Islamic state is not what they want. Let us see.")
    assert ("Islamic State", "ArmedGroup", "islamic-state") in got
    assert not any(kb == "islamic-state" and text == "Islamic state" for text, _l, kb in got)
    assert not any(kb == "lashkar-e-taiba" for _t, _l, kb in got)   # "Let" is not LeT
    assert not any(kb == "united-states" for _t, _l, kb in got)     # "us" is not US


def test_headline_words_are_not_entities(mentions):
    got = mentions("Complicit Networks And Safe Havens\n\nThe TTP operates from Kunar.")
    assert all(label != "Person" for _t, label, _k in got)
    assert ("TTP", "ArmedGroup", "tehreek-e-taliban-pakistan") in got


@pytest.mark.parametrize("text,expected", [
    ("Islamabad accuses the Taliban of harbouring militants.", ("Islamabad", "State", "pakistan")),
    ("The decision angered Islamabad.", ("Islamabad", "State", "pakistan")),
    ("Kabul's willingness to talk surprised observers.", ("Kabul", "Government", "afghan-taliban")),
    ("A bomb exploded in Islamabad on Friday.", ("Islamabad", "Place", "islamabad")),
    ("Protesters marched to Kabul.", ("Kabul", "Place", "kabul")),
])
def test_capitals_act_for_their_state_only_when_they_act(mentions, text, expected):
    assert expected in mentions(text)


@pytest.mark.parametrize("text,expected", [
    ("Militants crossed into Afghan territory.", ("Afghan territory", "State", "afghanistan")),
    ("Pakistani security forces cleared the area.", ("Pakistani security forces", "SecurityForce", "pakistan-army")),
    ("Afghan authorities denied the report.", ("Afghan authorities", "Government", "afghan-taliban")),
])
def test_demonym_phrases(mentions, text, expected):
    assert expected in mentions(text)


def test_afghan_nationals_are_not_an_entity(mentions):
    assert not any(t.startswith("Afghan") for t, _l, _k in mentions("Afghan nationals carried out the raid."))


def test_acronym_definitions_are_learned_per_document(mentions):
    got = mentions("The Islamic Resistance Council (IRC) met on Monday. Later the IRC attacked a post.")
    keys = {kb for t, _l, kb in got if t in {"Islamic Resistance Council", "IRC"}}
    # one identity for both forms (its class comes from the name's words: "Resistance" is an armed group's)
    assert len(keys) == 1 and next(iter(keys)).endswith(":islamic resistance council")
    assert sum(1 for t, _l, _k in got if t == "IRC") == 2


def test_elliptical_coordination(mentions):
    got = mentions("Operations continue in North and South Waziristan.")
    assert ("North", "Place", "north-waziristan") in got
    assert ("South Waziristan", "Place", "south-waziristan") in got


def test_specific_incidents_are_events(mentions):
    got = mentions("The attack on the police station in Bannu killed two officers.")
    assert ("attack on the police station in Bannu", "Event",
            "new:Event:attack on the police station in bannu") in got
    assert not any(label == "Event" for _t, label, _k in mentions("Attacks have risen this year."))


@pytest.mark.parametrize("short,long,ok", [
    ("TTP", "Tehreek-e-Taliban Pakistan", True),
    ("IS-KP", "Islamic State Khorasan Province", True),
    ("AQIS", "Al-Qaeda in the Indian Subcontinent", True),
    ("ETIM", "Islamic League", False),
    ("TTP", "The Taliban", False),
    ("Tehrik", "Tehrik Taliban", False),
])
def test_is_acronym(short, long, ok):
    assert is_acronym(short, long) is ok


@pytest.mark.parametrize("text,word", [
    ("The governor was killed by the enemies of Islam, the spokesman said.", "Islam"),
    ("A suicide bomber struck a checkpoint in Southwest Pakistan.", "Southwest"),
    ("It was claimed by the Pakistani Faction of the group.", "Pakistani Faction"),
])
def test_descriptions_and_religions_are_not_names(mentions, text, word):
    assert all(t != word for t, _l, _k in mentions(text))


def test_gazetteer_spans_do_not_grow_the_recogniser(builder, mentions):
    # a label the recogniser does not know makes spaCy add actions for it
    # with untrained weights (slower, and they can fire on unmarked words)
    ner = builder.nlp.get_pipe("ner")
    labels, moves = set(ner.labels), ner.moves.n_moves
    got = mentions("The TTP and the Pakistan Army clashed in North Waziristan; Islamabad blamed Kabul "
                   "and Zabihullah Mujahid denied it.")
    assert {label for _t, label, _k in got} >= {"ArmedGroup", "State", "Place"}
    assert set(ner.labels) == labels and ner.moves.n_moves == moves


def test_gazetteer_ner_labels_are_the_recognisers_own():
    import spacy

    from claimgraph.model import EntityType
    from claimgraph.nlp.ruler import ner_label_map

    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("PER", "LOC", "MISC"):
        ner.add_label(label)
    got = ner_label_map(nlp)
    assert got[EntityType.PERSON] == "PER" and got[EntityType.PLACE] == "LOC"
    assert got[EntityType.ARMED_GROUP] == "LOC"  # no ORG: the first label known, sorted
    assert set(got.values()) <= {"PER", "LOC", "MISC"}
