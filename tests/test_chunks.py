"""Long articles are parsed in pieces; offsets still index the whole text."""
from __future__ import annotations

import subprocess
import sys

import pytest

from claimgraph import Builder
from claimgraph.chunks import split_document
from claimgraph.ingest import document_from_text
from claimgraph.model import BlockKind
from tests.conftest import SEEDS

PARAGRAPH = ("Pakistani officials said the TTP attacked a police post in Bannu. The Taliban denied that the TTP "
             "operates from Afghan soil, a spokesman said.")


def _long_text(paragraphs: int) -> str:
    return "Attacks in Bannu\n\n" + "\n\n".join(f"{PARAGRAPH} ({i})" for i in range(paragraphs))


def test_a_short_document_is_one_piece(config):
    doc = document_from_text("d", _long_text(3), config=config.ingest)
    assert split_document(doc, 100_000) == (doc,)


def test_pieces_are_cut_between_blocks_and_cover_the_prose(config):
    doc = document_from_text("d", _long_text(200), config=config.ingest)
    pieces = split_document(doc, 5_000)
    assert len(pieces) > 5
    blocks = [b for p in pieces for b in p.blocks]
    assert blocks == [b for b in doc.blocks if b.kind is not BlockKind.BOILERPLATE]  # none cut, none lost
    for p in pieces:
        assert p.id == doc.id and p.text is doc.text
        assert p.blocks[-1].end - p.blocks[0].start <= 5_000


def test_a_block_longer_than_a_piece_is_cut_after_a_sentence_or_a_space(config):
    text = " ".join([PARAGRAPH] * 100)  # one 14,000-character paragraph
    doc = document_from_text("d", text, config=config.ingest)
    pieces = split_document(doc, 2_000)
    spans = [(b.start, b.end) for p in pieces for b in p.blocks]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # contiguous
    assert all(e - s <= 2_000 for s, e in spans)
    assert all(text[e - 2:e] == ". " for _s, e in spans[:-1])  # after a sentence end
    word = "x" * 5_000  # no space at all: a hard cut
    doc = document_from_text("w", word, config=config.ingest)
    assert [(b.start, b.end) for p in split_document(doc, 2_000) for b in p.blocks] == [
        (0, 2000), (2000, 4000), (4000, 5000)]


def test_a_text_over_spacys_max_length_is_built_in_pieces(config):
    # spaCy refuses a text over nlp.max_length (1,000,000 by default); lowered
    # here so that the test stays fast
    small = config.with_overrides(nlp={"chunk_chars": 2_000})
    builder = Builder(small)
    builder.nlp.max_length = 5_000
    text = _long_text(60)
    assert len(text) > 8_000
    whole = Builder(config)
    with pytest.raises(ValueError, match="E088"):
        whole.nlp.max_length = 5_000
        whole.build_text(text)
    kg = builder.build([document_from_text("long", text, config=config.ingest)])
    assert len({c.evidence.char_start for c in kg.claims}) >= 60  # claims from every piece
    for c in kg.claims:
        assert text[c.evidence.char_start:c.evidence.char_end] == c.evidence.sentence
    for e in kg.entities:
        for m in e.mentions:
            assert text[m.char_start:m.char_end] == m.text


def test_pieces_of_the_seeds_keep_their_offsets_and_most_claims(config, seed_documents, seed_graph):
    kg = Builder(config.with_overrides(nlp={"chunk_chars": 1_000})).build(seed_documents)
    texts = {d.id: d.text for d in seed_documents}
    for c in kg.claims:
        assert texts[c.evidence.document][c.evidence.char_start:c.evidence.char_end] == c.evidence.sentence
    whole = {c.id for c in seed_graph.claims}
    pieces = {c.id for c in kg.claims}
    assert pieces <= whole  # cutting between paragraphs loses little (cross-paragraph context) and adds nothing
    assert len(pieces) >= 0.9 * len(whole)


def test_a_10_mb_article_is_refused_under_the_default_limit(tmp_path):
    article = tmp_path / "in" / "huge.txt"
    article.parent.mkdir()
    article.write_text((PARAGRAPH + "\n\n") * 70_000, encoding="utf-8")
    assert article.stat().st_size > 10_000_000
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(article.parent), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 2
    assert f"{article}: [CG105] {article.stat().st_size:,} bytes is over the limit of 5,000,000 " \
           f"(ingest.max_bytes)" in done.stderr


@pytest.mark.slow
def test_an_article_over_a_million_characters_builds(tmp_path):
    article = tmp_path / "in" / "long.txt"
    article.parent.mkdir()
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    article.write_text("\n\n".join([seeds] * (1_100_000 // len(seeds) + 1)), encoding="utf-8")
    assert len(article.read_text(encoding="utf-8")) > 1_000_000
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(article), "--out",
                           str(tmp_path / "out"), "--quiet", "--format", "jsonl"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = article.read_text(encoding="utf-8")
    import json
    claims = [json.loads(x) for x in (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert claims and all(text[c["char_start"]:c["char_end"]] == c["sentence"] for c in claims)


@pytest.mark.parametrize("lengths,expected", [
    ([9_000, 10_000, 3_000], [3]),                  # news articles: the configured batch
    ([60_000] * 7, [3, 3, 1]),                      # at most 200,000 characters a batch
    ([100_000, 100_000, 100_000, 2_000], [2, 2]),
    ([250_000, 1_000, 250_000], [1, 1, 1]),         # a longer one alone
    ([1_000] * 70, [32, 32, 6]),                    # at most batch_size
    ([], []),
])
def test_batches_hold_at_most_batch_size_and_batch_chars(config, lengths, expected):
    from claimgraph.nlp.pipeline import batches, uniform_batch_size

    docs = [document_from_text(f"d{i}", "x" * n, config=config.ingest) for i, n in enumerate(lengths)]
    got = list(batches(docs, 32, 200_000))
    assert [len(g) for g in got] == expected
    assert [d for g in got for d in g] == docs
    # spaCy's worker processes take one size: a batch of the longest fits
    assert uniform_batch_size(docs, 32, 200_000) == (max(1, min(32, 200_000 // max(lengths))) if lengths else 32)


def test_the_batching_does_not_change_the_graph(config, seed_documents):
    small = Builder(config.with_overrides(nlp={"chunk_chars": 1_000, "batch_chars": 2_500, "batch_size": 3}))
    kg = small.build(seed_documents)
    same = Builder(config.with_overrides(nlp={"chunk_chars": 1_000})).build(seed_documents)
    assert [c.id for c in kg.claims] == [c.id for c in same.claims]
    assert [(e.id, len(e.mentions)) for e in kg.entities] == [(e.id, len(e.mentions)) for e in same.entities]
