"""The corpus store: incremental adds, replacement, entity merging, crash safety."""
from __future__ import annotations

import sqlite3

import pytest

from claimgraph.graph import KnowledgeGraph
from claimgraph.ingest import document_from_text
from claimgraph.model import Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status
from claimgraph.store import CorpusStore, StoreError
from claimgraph.store.merge import Known, merge_views, reconcile
from claimgraph.store.records import (
    claim_from_json,
    claim_to_json,
    document_from_json,
    document_to_json,
    entity_from_json,
    entity_to_json,
)


def doc(config, doc_id: str, text: str):
    return document_from_text(doc_id, text, config=config.ingest)


def rows(path) -> list[tuple]:
    """Every row of the records, for 'nothing changed' checks."""
    db = sqlite3.connect(path / "records.sqlite")
    try:
        return [("documents", *r) for r in db.execute("SELECT * FROM documents ORDER BY id")] + \
               [("views", *r) for r in db.execute("SELECT * FROM entity_views ORDER BY entity, document")]
    finally:
        db.close()


def snapshot(store) -> tuple[set, list]:
    return set(store.rdf_quads()), rows(store.path)


def same_graph(a: KnowledgeGraph, b: KnowledgeGraph) -> None:
    assert a.documents == b.documents
    assert a.entities == b.entities
    assert a.claims == b.claims


# -- records -----------------------------------------------------------------------------------------


def test_records_survive_the_json_round_trip(seed_graph):
    for d in seed_graph.documents:
        back = document_from_json(document_to_json(d))
        assert back == d and back.content_hash == d.content_hash and back.blocks == d.blocks
    for e in seed_graph.entities:
        assert entity_from_json(entity_to_json(e)) == e
    for c in seed_graph.claims:
        back = claim_from_json(claim_to_json(c))
        assert back == c and back.id == c.id


# -- building a corpus over time -----------------------------------------------------------------------


def test_adding_documents_one_by_one_gives_the_graph_of_one_build(tmp_path, builder, seed_documents, seed_graph):
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        for d in seed_documents:
            update = store.add([d], builder=builder)
            assert update.added == (d.id,)
        same_graph(store.knowledge_graph(), seed_graph)
        assert store.verify() == (0, 0)
        assert store.counts() == (len(seed_graph.documents), len(seed_graph.entities), len(seed_graph.claims))


def test_adding_the_same_documents_again_changes_nothing(tmp_path, builder, seed_documents):
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        first = store.add(seed_documents, builder=builder)
        assert sorted(first.added) == sorted(d.id for d in seed_documents)
        before = snapshot(store)
        again = store.add(seed_documents, builder=builder)
        assert again.added == again.replaced == () and len(again.unchanged) == len(seed_documents)
        assert snapshot(store) == before
    with CorpusStore.open(tmp_path / "s", write=True) as store:  # and across processes' opens
        store.add(list(reversed(seed_documents)), builder=builder)
        assert snapshot(store) == before


def test_a_changed_document_replaces_its_claims_and_entities(tmp_path, builder, config):
    a1 = doc(config, "a", "The TTP attacked the KP Police in Bannu.")
    b = doc(config, "b", "Officials said the TTP attacked the Frontier Constabulary in Peshawar.")
    a2 = doc(config, "a", "The BLA attacked the Frontier Constabulary in Quetta.")
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([a1, b], builder=builder)
        ids = {e.id for e in store.entities()}
        assert {"kp-police", "bannu", "tehreek-e-taliban-pakistan", "frontier-constabulary"} <= ids
        update = store.add([a2], builder=builder)
        assert update.replaced == ("a",) and update.added == ()
        kg = store.knowledge_graph()
        # the store now holds what one build of the current documents holds
        same_graph(kg, builder.build([a2, b]))
        ids = {e.id for e in kg.entities}
        assert "kp-police" not in ids and "bannu" not in ids  # no document mentions them any more
        assert "tehreek-e-taliban-pakistan" in ids  # b still does
        ttp = kg.entity_by_id["tehreek-e-taliban-pakistan"]
        assert ttp.documents == ("b",)
        fc = kg.entity_by_id["frontier-constabulary"]
        assert fc.documents == ("a", "b")
        assert not [c for c in kg.claims if c.evidence.document == "a" and c.subject == "tehreek-e-taliban-pakistan"]
        assert store.verify() == (0, 0)
        # the RDF says the same: mention count and documents of the shared entity
        answer = {r["n"].value for r in store.query(
            "SELECT ?n WHERE { <https://claimgraph.org/id/entity/frontier-constabulary> cg:mentionCount ?n }")}
        assert answer == {str(len(fc.mentions))}
        docs = {r["d"].value for r in store.query(
            "SELECT ?d WHERE { <https://claimgraph.org/id/entity/tehreek-e-taliban-pakistan> cg:mentionedIn ?d }")}
        assert docs == {"https://claimgraph.org/id/document/b"}
        graphs = {r["g"].value for r in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
        assert graphs == {"https://claimgraph.org/id/document/a/claims", "https://claimgraph.org/id/document/b/claims"}


def test_the_same_entity_from_two_documents_is_one_node(tmp_path, builder, config):
    a = doc(config, "a", "The TTP attacked the KP Police in Bannu.")
    b = doc(config, "b", "Pakistan accuses the Tehreek-e-Taliban Pakistan of attacking Bannu.")
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([a], builder=builder)
        store.add([b], builder=builder)
        nodes = [r["e"].value for r in store.query(
            'SELECT ?e WHERE { ?e a cg:ArmedGroup ; rdfs:label "Tehreek-e-Taliban Pakistan" }')]
        assert nodes == ["https://claimgraph.org/id/entity/tehreek-e-taliban-pakistan"]
        ttp = store.knowledge_graph().entity_by_id["tehreek-e-taliban-pakistan"]
        assert ttp.documents == ("a", "b")
        assert {m.text for m in ttp.mentions} >= {"TTP", "Tehreek-e-Taliban Pakistan"}
        same_graph(store.knowledge_graph(), builder.build([a, b]))


def test_removing_a_document_removes_what_only_it_said(tmp_path, builder, config):
    a = doc(config, "a", "The TTP attacked the KP Police in Bannu.")
    b = doc(config, "b", "The TTP attacked the Frontier Constabulary in Peshawar.")
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([a, b], builder=builder)
        update = store.remove(["a", "nope"])
        assert update.removed == ("a",)
        same_graph(store.knowledge_graph(), builder.build([b]))
        assert store.verify() == (0, 0)
        assert not bool(store.query("ASK { <https://claimgraph.org/id/entity/kp-police> ?p ?o }"))
        assert bool(store.query("ASK { <https://claimgraph.org/id/entity/frontier-constabulary> ?p ?o }"))


def test_hostile_text_goes_in_and_comes_out_unchanged(tmp_path, builder, config):
    text = ('Intelligence sources said the TTP attacked the KP Police in Bannu with a "quote\\ breaker"'
            '\t\u202eRTL\u202c. The TTP denied that it attacked the KP Police.')
    d = doc(config, "odd id <&> é", text)
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([d], builder=builder)
        assert store.verify() == (0, 0)
        sentences = {r["e"].value for r in store.query("SELECT ?e WHERE { ?c cg:evidence ?e }")}
        assert text[: text.index(".") + 1] in sentences
        kg = store.knowledge_graph()
        assert kg.documents[0].text == text and kg.documents[0].id == "odd id <&> é"


# -- fitting a document's entities to the store's (unit) --------------------------------------------


def _entity(eid, label, etype=EntityType.ARMED_GROUP, doc_id="d"):
    return Entity(eid, label, etype, mentions=(Mention(doc_id, 0, len(label), label, etype, eid),))


def _one_doc(doc_id, entities, claims=()):
    return KnowledgeGraph((Document(doc_id, "x" * 50, doc_id),), tuple(entities), tuple(claims))


def test_reconcile_joins_spelling_variants_and_separates_classes():
    from claimgraph.gazetteer import load_gazetteer

    gz = load_gazetteer()
    known = Known()
    known.add("lashkar-e-jhangvi-foo", EntityType.ARMED_GROUP, ["Lashkar-e-Jhangvi Foo"])
    known.add("mercury", EntityType.PERSON, ["Mercury"])
    variant = _entity("lashkar-i-jhangvi-foo", "Lashkar-i-Jhangvi Foo")
    clash = _entity("mercury", "Mercury", EntityType.ORGANIZATION)
    other = _entity("mercury-person", "Mercury", EntityType.PERSON)  # a fold-equal name of a known person
    ev = Evidence("d", "s", 0, 10, "r")
    claims = [Claim("lashkar-i-jhangvi-foo", Relation.ATTACKS, "mercury", Status.ALLEGED, ev,
                    attributed_to=Source(entity="mercury-person"))]
    kg = reconcile(_one_doc("d", [variant, clash, other], claims), known, gz)
    ids = {e.id for e in kg.entities}
    assert ids == {"lashkar-e-jhangvi-foo", "mercury-organization", "mercury"}
    (claim,) = kg.claims
    assert (claim.subject, claim.object, claim.attributed_to.entity) == (
        "lashkar-e-jhangvi-foo", "mercury-organization", "mercury")
    assert all(m.key == e.id for e in kg.entities for m in e.mentions)


def test_merging_views_sums_mentions_and_keeps_every_name():
    a = _entity("x", "Jaish Foo", doc_id="a")
    b = Entity("x", "Jaish-e-Foo", EntityType.ARMED_GROUP, aliases=("JF",), mentions=(
        Mention("b", 0, 3, "JF", EntityType.ARMED_GROUP, "x"), Mention("b", 5, 9, "Jaish-e-Foo", EntityType.ARMED_GROUP, "x")))
    merged = merge_views([a, b])
    assert merged.label == "Jaish-e-Foo"  # the most mentioned name
    assert set(merged.aliases) == {"JF", "Jaish Foo"}
    assert len(merged.mentions) == 3 and merged.documents == ("a", "b")
    with pytest.raises(ValueError):
        merge_views([a, _entity("x", "Jaish Foo", EntityType.PERSON)])


# -- what a write guarantees ---------------------------------------------------------------------


def test_a_crash_between_records_and_rdf_is_repaired_on_the_next_open(tmp_path, builder, config, monkeypatch):
    a = doc(config, "a", "The TTP attacked the KP Police in Bannu.")
    b = doc(config, "b", "The BLA attacked the Frontier Constabulary in Quetta.")
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([a], builder=builder)

    def crash(self, *args):
        raise KeyboardInterrupt  # the process dies after the records are committed

    monkeypatch.setattr(CorpusStore, "_sync", crash)
    with pytest.raises(KeyboardInterrupt), CorpusStore.open(tmp_path / "s", write=True) as store:
        store.add([b], builder=builder)
    monkeypatch.undo()
    # the records have b; the RDF does not yet, and says so; a reader's open repairs it first
    assert CorpusStore._needs_repair(tmp_path / "s")
    with CorpusStore.open(tmp_path / "s") as store:
        assert store.document_hashes().keys() == {"a", "b"}
        assert store.verify() == (0, 0)
        assert bool(store.query("ASK { ?c prov:wasDerivedFrom <https://claimgraph.org/id/document/b> }"))
    assert not CorpusStore._needs_repair(tmp_path / "s")


def test_a_failure_before_the_records_commit_leaves_the_store_as_it_was(tmp_path, builder, config, monkeypatch):
    a = doc(config, "a", "The TTP attacked the KP Police in Bannu.")
    b = doc(config, "b", "The BLA attacked the Frontier Constabulary in Quetta.")
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([a], builder=builder)
        before = snapshot(store)
    import claimgraph.store as store_module

    def broken(self, ids):
        raise OSError("disk full")

    monkeypatch.setattr(store_module.CorpusStore, "_delete", broken)
    with pytest.raises(OSError), CorpusStore.open(tmp_path / "s", write=True) as store:
        store.add([b, doc(config, "a", "Changed text about the BLA.")], builder=builder)
    monkeypatch.undo()
    with CorpusStore.open(tmp_path / "s") as store:
        assert snapshot(store) == before
        assert store.verify() == (0, 0)


def test_one_writer_at_a_time_and_readers_cannot_write(tmp_path, builder, config):
    with CorpusStore.open(tmp_path / "s", create=True) as store:
        store.add([doc(config, "a", "The TTP attacked the KP Police.")], builder=builder)
        with pytest.raises(StoreError, match="in use by another claimgraph process"):
            CorpusStore.open(tmp_path / "s", timeout=0.2)
    with CorpusStore.open(tmp_path / "s") as reader:
        with pytest.raises(StoreError, match="opened for reading"):
            reader.remove(["a"])
        with CorpusStore.open(tmp_path / "s") as second_reader:  # readers share
            assert second_reader.counts()[0] == 1


def test_a_folder_that_is_not_a_store_is_left_alone(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(StoreError, match="is not a claimgraph store"):
        CorpusStore.open(tmp_path / "mine", create=True)
    with pytest.raises(StoreError, match="no claimgraph store"):
        CorpusStore.open(tmp_path / "nothing")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_a_store_whose_making_was_interrupted_can_be_made_again(tmp_path, builder, config):
    folder = tmp_path / "s"
    folder.mkdir()
    sqlite3.connect(folder / "records.sqlite").close()  # the file exists, the schema was never committed
    with CorpusStore.open(folder, create=True) as store:
        store.add([doc(config, "a", "The TTP attacked the KP Police.")], builder=builder)
        assert store.counts()[0] == 1
