from __future__ import annotations

from claimgraph.ingest.layout import analyse, title_of
from claimgraph.model import BlockKind

BOILER = ("scroll to top", "share this")


def kinds(text: str):
    return [(b.kind.value, text[b.start:b.end]) for b in analyse(text, boilerplate=BOILER)]


def test_title_headings_paragraphs_and_trailing_boilerplate():
    text = ("Kabul Under Pressure: What Comes Next\n\nSecurity, Taliban\n\n"
            "The first paragraph says something. It has two sentences.\n\n"
            "A Heading In Title Case\n\nAnother paragraph follows here.\n\nScroll to Top\nRelated: more")
    got = kinds(text)
    assert got[0] == ("title", "Kabul Under Pressure: What Comes Next")
    assert got[1] == ("heading", "Security, Taliban")
    assert got[2][0] == "paragraph"
    assert got[3] == ("heading", "A Heading In Title Case")
    assert [k for k, _ in got[-2:]] == ["boilerplate", "boilerplate"]
    assert title_of(text, analyse(text, boilerplate=BOILER)) == "Kabul Under Pressure: What Comes Next"


def test_a_word_broken_across_a_blank_line_is_one_paragraph():
    text = "Intro line.\n\nIt shelters the banned Tehreek-e\n\n-Taliban Pakistan (TTP) and others."
    got = kinds(text)
    assert got[-1] == ("paragraph", "It shelters the banned Tehreek-e\n\n-Taliban Pakistan (TTP) and others.")


def test_one_paragraph_per_line_exports():
    text = "Agency: First sentence of one paragraph.\nSecond paragraph on its own line.\n"
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_a_question_in_sentence_case_is_prose_not_a_heading():
    assert kinds("Intro.\n\nwhat happens if the talks fail?")[-1][0] == "paragraph"
    assert kinds("Intro.\n\nThe Taliban's Government in Decline?")[-1][0] == "heading"


def test_offsets_index_the_text_exactly():
    text = "  Title Here\r\n\r\nBody text, with CRLF line ends.\r\nMore body.\r\n"
    for block in analyse(text):
        piece = text[block.start:block.end]
        assert piece == piece.strip() and piece
    assert analyse(text)[0].kind is BlockKind.TITLE
