"""Readers: encodings, HTML pages, JSONL records, sniffing, include/exclude, sources."""
from __future__ import annotations

import codecs
import json

import pytest

from claimgraph.errors import Code, InputError
from claimgraph.ingest import kind_of, read_paths
from claimgraph.ingest.html import http_url
from claimgraph.ingest.text import decode
from claimgraph.model import BlockKind

FRENCH = ("Le ministère de la Défense a déclaré mercredi que l'armée avait frappé des positions près de la "
          "frontière. Selon un porte-parole, les talibans nient toute implication dans l'attaque où douze "
          "soldats ont été tués.")
GERMAN = "Die Armee griff am Mittwoch an, erklärte ein Sprecher. Größere Verluste wurden gemeldet; die Taliban bestreiten es."
RUSSIAN = "Министерство обороны заявило в среду, что армия нанесла удары по позициям у границы. Талибы отрицают."
POLISH = "Ministerstwo Obrony oświadczyło w środę, że armia zaatakowała pozycje. Żołnierze zginęli, talibowie zaprzeczają."
ARABIC = "قالت وزارة الدفاع يوم الأربعاء إن الجيش قصف مواقع قرب الحدود، فيما نفت حركة طالبان أي تورط في الهجوم."
GREEK = "Το υπουργείο Άμυνας δήλωσε την Τετάρτη ότι ο στρατός επιτέθηκε σε θέσεις κοντά στα σύνορα."
ENGLISH = "The army\u2019s statement said the Taliban \u201cattacked\u201d the post \u2014 a claim the group denied."


@pytest.mark.parametrize("text,encoding", [
    (FRENCH, "latin-1"), (FRENCH, "cp1252"), (GERMAN, "latin-1"), (GERMAN, "iso8859_15"), (ENGLISH, "cp1252"),
    (RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r"), (POLISH, "cp1250"), (POLISH, "iso8859_2"), (ARABIC, "cp1256"),
    (GREEK, "cp1253"), (ENGLISH, "utf-16"), (ENGLISH, "utf-32"), (ENGLISH, "utf-8-sig"), (FRENCH, "utf-16-le"),
])
def test_legacy_and_unicode_encodings_decode_to_the_same_text(config, text, encoding):
    decoded = decode(text.encode(encoding), candidates=config.ingest.encodings)
    assert decoded.text == text


def test_damaged_utf8_is_read_with_replacement_characters(config):
    data = ("Pakistan\u2019s army said \u2014 ".encode() + b"\xe2\x80" + " the Taliban denied it.".encode()) * 3
    decoded = decode(data, candidates=config.ingest.encodings)
    first = len("Pakistan\u2019s army said \u2014 ".encode())
    assert decoded.encoding == "utf-8" and decoded.replaced == 3 and decoded.first_bad == first
    assert decoded.text.count("\ufffd") == 3 and "Pakistan\u2019s" in decoded.text


@pytest.mark.parametrize("data,code", [
    (bytes.fromhex("89504e470d0a1a0a0000000d49484452"), Code.NOT_TEXT),
    (b"\x00\x01\x02abc", Code.NOT_TEXT),
    (bytes(range(1, 9)) * 40, Code.NOT_TEXT),
    (bytes(range(128, 256)) * 8, Code.DECODE),
    (codecs.BOM_UTF16_LE + b"a\x00b", Code.DECODE),
])
def test_what_is_not_text_is_refused(config, data, code):
    with pytest.raises(InputError) as err:
        decode(data, candidates=config.ingest.encodings)
    assert err.value.code is code


def test_a_forced_encoding_is_strict(config):
    data = FRENCH.encode("latin-1")
    assert decode(data, encoding="latin-1").text == FRENCH
    with pytest.raises(InputError, match=r"CG106.*not valid utf-8 \(ingest.encoding\) at byte 9"):
        decode(data, encoding="utf-8")


def test_html_declared_charset_is_honoured(config):
    page = ('<html><head><meta charset="windows-1251"><title>x</title></head><body><p>' + RUSSIAN +
            "</p></body></html>").encode("cp1251")
    assert RUSSIAN in decode(page, candidates=(), html=True).text


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pakistan accuses Taliban | Example News</title>
<meta property="og:title" content="Pakistan accuses Taliban of sheltering TTP">
<meta name="date" content="2024-03-18">
<link rel="canonical" href="https://news.example.org/2024/03/pakistan-ttp">
<script>var leak = "The Haqqani network attacked the embassy.";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Pakistan accuses Taliban of sheltering TTP</h1>
<p>Islamabad accuses the Taliban of allowing the TTP to use Afghanistan's territory, officials said on Monday.</p>
<h2>Strikes in Khost</h2>
<p>Pakistani jets struck targets in Khost and Paktika provinces, and the Taliban denied that the TTP operates
from Afghan soil, a spokesman said.</p>
<script>alert("inline")</script>
</article>
<aside><h3>Related</h3><a href="/x">Something else</a></aside>
<footer>All rights reserved</footer>
</body></html>"""


def test_html_article_text_and_metadata(tmp_path, config):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,) = read_paths([tmp_path], config.ingest).documents
    assert doc.id == "page" and doc.source == "page.html"
    assert doc.title == "Pakistan accuses Taliban of sheltering TTP"
    assert doc.date == "2024-03-18" and doc.url == "https://news.example.org/2024/03/pakistan-ttp"
    assert "Haqqani" not in doc.text and "alert" not in doc.text and "Home" not in doc.text
    assert "<" not in doc.text and "color" not in doc.text
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert kinds[0] == (BlockKind.TITLE, "Pakistan accuses Taliban of sheltering TTP")
    assert (BlockKind.HEADING, "Strikes in Khost") in kinds
    assert [k for k, _ in kinds].count(BlockKind.PARAGRAPH) == 2


def test_html_offsets_index_the_extracted_text(tmp_path, builder, config):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,) = read_paths([tmp_path], config.ingest).documents
    kg = builder.build([doc])
    assert kg.claims
    for c in kg.claims:
        assert doc.text[c.evidence.char_start:c.evidence.char_end] == c.evidence.sentence


@pytest.mark.parametrize("value,ok", [
    ("https://example.org/a?b=1#c", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("example.org/page", False), ("https://exa mple.org", False), ("https://example.org/\n", False),
    ("data:text/html,<script>", False), ("", False),
])
def test_only_http_urls_are_kept(value, ok):
    assert (http_url(value) == value) is ok


def _jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")


def test_jsonl_records_become_documents_with_metadata(tmp_path, config):
    _jsonl(tmp_path / "corpus.jsonl",
           {"id": "a1", "text": "The TTP attacked Bannu.", "title": " Bannu ", "url": "https://x.org/a1",
            "date": "2024-03-18T10:00:00+05:00", "extra": "ignored"},
           {"id": 7, "text": "An integer id."})
    docs = read_paths([tmp_path], config.ingest)
    assert not docs.problems
    a1, seven = sorted(docs.documents, key=lambda d: d.id != "a1")
    assert (a1.id, a1.title, a1.url, a1.date, a1.source) == ("a1", "Bannu", "https://x.org/a1",
                                                             "2024-03-18T10:00:00+05:00", "corpus.jsonl:1")
    assert (seven.id, seven.source) == ("7", "corpus.jsonl:2")


def test_jsonl_duplicate_ids_across_files_keep_the_first_by_source(tmp_path, config):
    _jsonl(tmp_path / "b.jsonl", {"id": "x", "text": "from b"})
    _jsonl(tmp_path / "a.jsonl", {"id": "x", "text": "from a"})
    for order in ([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], [tmp_path / "b.jsonl", tmp_path / "a.jsonl"]):
        result = read_paths(order, config.ingest)
        assert [d.text for d in result.documents] == ["from a"]
        assert [(p.source, p.code) for p in result.problems] == [(f"{tmp_path}/b.jsonl:1", Code.DUPLICATE_ID)]


def test_a_long_jsonl_line_is_skipped_without_reading_it_whole(tmp_path, config):
    small = config.with_overrides(ingest={"max_bytes": 1000})
    _jsonl(tmp_path / "c.jsonl", {"id": "big", "text": "x" * 200_000}, {"id": "ok", "text": "fine"},
           {"id": "mid", "text": "y" * 1500})
    result = read_paths([tmp_path], small.ingest)
    assert [d.id for d in result.documents] == ["ok"]
    assert [(p.source.rsplit("/", 1)[1], p.code) for p in result.problems] == [
        ("c.jsonl:1", Code.TOO_LARGE), ("c.jsonl:3", Code.TOO_LARGE)]


@pytest.mark.parametrize("name,head,kind", [
    ("a.txt", b"Plain article text.", "text"),
    ("a.txt", b"\xef\xbb\xbf  <!DOCTYPE html><html>", "html"),
    ("a.txt", b'{"id": "1", "text": "x"}\n', "jsonl"),
    ("a.txt", b'{"id": "1", "text": "' + b"x" * 100, "jsonl"),
    ("a.txt", b"{not json at all}\n", "text"),
    ("a.html", b"Just text, no markup.", "text"),
    ("a.HTML", b"<html><body>x</body></html>", "html"),
    ("a.md", b"<!-- note --><html>", "html"),
    ("a.jsonl", b"anything", "jsonl"),
    ("noext", b"<body><p>x</p></body>", "html"),
])
def test_the_suffix_chooses_the_reader_unless_the_content_says_otherwise(tmp_path, name, head, kind):
    assert kind_of(tmp_path / name, head) == kind


def test_include_and_exclude_patterns(tmp_path, config):
    for rel in ("2024/a.txt", "2024/b.HTML", "2024/drafts/c.txt", "notes.csv", ".git/d.txt", "x/e.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE if rel.endswith("HTML") else "Text.", encoding="utf-8")

    def sources(**ingest):
        cfg = config.with_overrides(ingest=ingest) if ingest else config
        return sorted(d.source for d in read_paths([tmp_path], cfg.ingest).documents)

    # defaults: text, HTML (any case) and JSONL; hidden folders skipped
    assert sources() == ["2024/a.txt", "2024/b.HTML", "2024/drafts/c.txt", "x/e.txt"]
    assert sources(exclude=[".*", "drafts"]) == ["2024/a.txt", "2024/b.HTML", "x/e.txt"]
    assert sources(include=["2024/*.txt"]) == ["2024/a.txt", "2024/drafts/c.txt"]
    assert sources(include=["*.csv"]) == ["notes.csv"]
    assert sources(exclude=[]) == [".git/d.txt", "2024/a.txt", "2024/b.HTML", "2024/drafts/c.txt", "x/e.txt"]


def test_the_same_file_given_twice_is_read_once(tmp_path, config):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Text.", encoding="utf-8")
    for order in ([tmp_path, tmp_path / "sub"], [tmp_path / "sub", tmp_path], [tmp_path / "sub" / "a.txt", tmp_path]):
        result = read_paths(order, config.ingest)
        assert [(d.id, d.source) for d in result.documents] == [("a", "a.txt")]
        assert not result.problems


def test_a_linked_folder_is_walked_and_a_link_cycle_is_not_endless(tmp_path, config):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus")
    result = read_paths([tmp_path / "corpus"], config.ingest)
    assert [d.source for d in result.documents] == ["linked/a.txt"]


def test_odd_file_names_become_printable_ids(tmp_path, config):
    name = b"caf\xe9 line\nbreak.txt"  # not UTF-8, with a line break
    (tmp_path / name.decode("utf-8", "surrogateescape")).write_text("Text.", encoding="utf-8")
    (doc,) = read_paths([tmp_path], config.ingest).documents
    assert doc.id == "caf\\xe9 line\\nbreak" and doc.source == "caf\\xe9 line\\nbreak.txt"
    doc.id.encode("utf-8")  # writable to every export
