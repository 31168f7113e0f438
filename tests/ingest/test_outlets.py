"""Outlets: the publisher of a document from its metadata, its text, its URL or the option,
and the agencies a wire story is credited to; sentence and page tests."""
from __future__ import annotations

import json

import pytest

from claimgraph.config import load_config
from claimgraph.ingest import read_paths
from claimgraph.ingest.document import document_from_text
from claimgraph.ingest.outlets import credits_in_text, domain_of, publisher_in_text
from tests.ingest.test_readers import PAGE


@pytest.mark.parametrize("text, credits", [
    ("Headline\n\nKABUL (Reuters) - The Taliban said on Monday that ...", ("Reuters",)),
    ("Headline\n\nKHARTOUM, June 3, 2024 (AFP) — The RSF said ...", ("AFP",)),
    ("Headline\n\nNAIROBI, Kenya (AP) -- Al-Shabaab fighters ...", ("AP",)),
    ("Headline\n\nBody of the story.\n\nSource: Xinhua", ("Xinhua",)),
    ("Headline\n\nBody of the story.\n\nWith AFP", ("AFP",)),
    ("Headline\n\nBody of the story.\n\n— Anadolu Agency", ("Anadolu Agency",)),
    ("Headline\n\nBy Reuters\n\nBody of the story.", ("Reuters",)),
    # brackets in prose are not credits
    ("Headline\n\nThe Arakan Army (AA) - an ethnic armed group - seized the town.", ()),
    ("Headline\n\nThe Islamic State West Africa Province (ISWAP) - a Boko Haram faction - struck.", ()),
    ("Headline\n\nPakistan (PK) — said nothing.", ()),
])
def test_credit_lines(text, credits):
    assert credits_in_text(text) == credits


@pytest.mark.parametrize("text, outlet", [
    ("RASC News Agency: Pakistan's army said on Monday that five soldiers were killed.", "RASC News Agency"),
    ("KHAAMA PRESS - The Taliban said on Tuesday that the talks in Doha had ended.", "KHAAMA PRESS"),
    ("Sudan Tribune: The RSF said on Monday it had taken the town of Babanusa.", "Sudan Tribune"),
    # a headline with a colon is not an outlet naming itself
    ("Taliban Press Pakistan: talks collapse", None),
    ("Analysis: The war in Sudan enters its third year as the RSF advances.", None),
])
def test_an_outlet_naming_itself_at_the_top(text, outlet):
    assert publisher_in_text(text) == outlet


@pytest.mark.parametrize("url, domain", [("https://www.reuters.com/world/x", "reuters.com"),
                                         ("http://bnionline.net/en/news", "bnionline.net"),
                                         ("https://WWW.Dawn.com./news/1", "dawn.com"), (None, None), ("", None)])
def test_domains(url, domain):
    assert domain_of(url) == domain


def test_the_outlet_from_metadata_then_text_then_url_then_option():
    cfg = load_config(ingest={"publisher": "My Clippings"}).ingest
    wire = "Headline\n\nKABUL (Reuters) - The Taliban said on Monday that they had met Pakistani officials."
    meta = document_from_text("a", wire, config=cfg, publisher="Dawn", url="https://www.dawn.com/news/1")
    assert (meta.publisher, meta.publisher_source, meta.credits) == ("Dawn", "metadata", ("Reuters",))
    own = "RASC News Agency: Pakistan's army said on Monday that five soldiers were killed in Bajaur."
    text = document_from_text("b", own, config=cfg, url="https://www.rasc.news/x")
    assert (text.publisher, text.publisher_source) == ("RASC News Agency", "text")
    url = document_from_text("c", wire, config=cfg, url="https://www.dawn.com/news/1")
    # a wire story in another outlet's page names both
    assert (url.publisher, url.publisher_source, url.credits) == ("dawn.com", "url", ("Reuters",))
    option = document_from_text("d", "The army said so.", config=cfg)
    assert (option.publisher, option.publisher_source) == ("My Clippings", "option")
    none = document_from_text("e", "The army said so.", config=load_config().ingest)
    assert (none.publisher, none.publisher_source, none.credits) == (None, None, ())


def test_jsonl_publisher_field_and_html_site_name(tmp_path, config):
    rec = {"id": "r1", "text": "KABUL (AFP) - The Taliban said on Monday that talks had ended.", "publisher": " Khaama Press "}
    (tmp_path / "in.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    page = PAGE.replace("<meta name=\"date\"", "<meta property=\"og:site_name\" content=\"Example News\">\n<meta name=\"date\"")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    docs = {d.id: d for d in read_paths([tmp_path], config.ingest).documents}
    assert (docs["r1"].publisher, docs["r1"].publisher_source, docs["r1"].credits) == \
        ("Khaama Press", "metadata", ("AFP",))
    assert (docs["page"].publisher, docs["page"].publisher_source) == ("Example News", "metadata")


def test_an_outlet_the_gazetteer_knows_is_its_entity_in_every_export(builder, tmp_path):
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS

    from claimgraph.graph.rdf import document_iri
    from claimgraph.validate import validate
    from claimgraph.vocab import CG

    cfg = builder.config.ingest
    docs = [document_from_text("a", "The TTP attacked the Frontier Constabulary in Bannu.", config=cfg,
                               publisher="Reuters"),
            document_from_text("b", "The TTP attacked the Frontier Constabulary in Bannu.", config=cfg,
                               publisher="My Local Blog")]
    kg = builder.build(docs)
    by_id = {d.id: d for d in kg.documents}
    assert by_id["a"].publisher_entity == "reuters" and by_id["b"].publisher_entity is None
    g = kg.to_rdf()
    union = g if not hasattr(g, "graphs") else None
    triples = set((union or g).triples((None, None, None))) if union is not None else \
        {t for graph in g.graphs() for t in graph}
    a, b = document_iri("a"), document_iri("b")
    assert (a, DCTERMS.publisher, URIRef("https://claimgraph.org/id/entity/reuters")) in triples
    assert any(s == b and p == DCTERMS.publisher and str(o) == "My Local Blog" for s, p, o in triples)
    assert any(s == a and p == CG.publisherName and str(o) == "Reuters" for s, p, o in triples)
    assert validate(g).conforms
    kg.write_all(tmp_path, ("jsonl",))
    rows = {d["id"]: d for d in map(json.loads, (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    assert rows["a"]["publisher_entity"] == "reuters" and rows["b"]["publisher_entity"] is None
