from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.config import load_config
from claimgraph.ingest import document_from_text
from claimgraph.nlp.normalize import normalise

CFG = load_config().ingest
SAME = {"'": "'‘’‚‛′ʼ", '"': '"“”„‟″', "-": "-‐‑−–", " ": " \t\r\n\x0b\x0c\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\u2028\u2029\x85"}


def equivalent(norm_char: str, orig_char: str) -> bool:
    if norm_char == orig_char:
        return True
    if norm_char in SAME and orig_char in SAME[norm_char]:
        return True
    return norm_char == " " and (ord(orig_char) < 32 or 127 <= ord(orig_char) < 160)


def test_curly_quotes_and_broken_words():
    doc = document_from_text("d", "Intro.\n\nThe Taliban’s ally, the Tehreek-e\n\n-Taliban Pakistan.", config=CFG)
    norm = normalise(doc)
    assert "Taliban's" in norm.text and "Tehreek-e-Taliban Pakistan" in norm.text
    i = norm.text.index("Tehreek")
    j = i + len("Tehreek-e-Taliban Pakistan")
    assert doc.text[norm.offsets.start(i):norm.offsets.end(j)] == "Tehreek-e\n\n-Taliban Pakistan"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_every_character_maps_back_to_an_equivalent_one(text):
    doc = document_from_text("d", text, config=CFG)
    norm = normalise(doc)
    last = -1
    for i, ch in enumerate(norm.text):
        orig = norm.offsets.start(i)
        assert orig > last  # strictly increasing: a character never maps twice
        last = orig
        if not (ch == "\n" or ch == " "):
            assert equivalent(ch, doc.text[orig]), (ch, doc.text[orig])
