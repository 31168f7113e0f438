from __future__ import annotations

from tests.conftest import labelled


def test_short_names_and_titles_resolve_to_the_full_name(builder):
    kg = builder.build_text("Deputy Minister Mr. Karim Nuri spoke on Monday. Nuri said the TTP must leave.")
    people = [e for e in kg.entities if e.type.value == "Person"]
    assert [(p.label, len(p.mentions)) for p in people] == [("Karim Nuri", 2)]


def test_spelling_variant_resolves_to_the_gazetteer_entry(builder):
    kg = builder.build_text("Fighters of the Tehreek-e-Taliban Pakistaan attacked a checkpoint in Tank.")
    ids = {e.id for e in kg.entities}
    assert "tehreek-e-taliban-pakistan" in ids


def test_same_entity_across_documents_is_one_node(builder, config):
    from claimgraph.ingest import document_from_text

    docs = [document_from_text("a", "The TTP attacked a post in Bannu.", config=config.ingest),
            document_from_text("b", "Tehrik-e-Taliban Pakistan fighters attacked the KP Police.", config=config.ingest)]
    kg = builder.build(docs)
    ttp = kg.entity_by_id["tehreek-e-taliban-pakistan"]
    assert ttp.documents == ("a", "b")
    assert ("Tehreek-e-Taliban Pakistan", "attacks", "KP Police", "asserted", None) in labelled(kg)


def test_unresolved_anaphor_gives_no_claim(builder):
    kg = builder.build_text("The group attacked the KP Police.")
    assert not kg.claims
