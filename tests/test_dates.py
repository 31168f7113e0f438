"""When: dates read from words (claimgraph.dates), a claim's date from its sentence, a
document's date from its metadata, text or the option; and the place of a claim."""
from __future__ import annotations

from datetime import date

import pytest

from claimgraph.config import load_config
from claimgraph.dates import document_date_in_text, resolve
from claimgraph.errors import ConfigError
from claimgraph.ingest.document import document_from_text
from claimgraph.model import When

BASE = date(2024, 3, 20)  # a Wednesday


@pytest.mark.parametrize("words, value, precision, end, qualifier", [
    ("30 July 2023", "2023-07-30", "day", None, None),
    ("July 30, 2023", "2023-07-30", "day", None, None),
    ("Oct. 7, 2023", "2023-10-07", "day", None, None),
    ("March 2022", "2022-03", "month", None, None),
    ("2021", "2021", "year", None, None),
    ("since April 2023", "2023-04", "month", None, "since"),
    ("until 2025", "2025", "year", None, "until"),
    ("between March and May 2024", "2024-03", "month", "2024-05", None),
    ("from 2019 to 2021", "2019", "year", "2021", None),
    ("3-5 March 2024", "2024-03-03", "day", "2024-03-05", None),
    ("October 2023-January 2024", "2023-10", "month", "2024-01", None),
    ("the 1990s", "1990", "decade", "1999", None),
    ("early 2022", "2022", "year", None, None),
    ("the summer of 2014", "2014", "year", None, None),
    ("mid-October", "2023-10", "month", None, None),
    ("last October", "2023-10", "month", None, None),
    ("in March", "2024-03", "month", None, None),
    ("on Tuesday", "2024-03-19", "day", None, None),
    ("Wednesday", "2024-03-20", "day", None, None),
    ("last Wednesday", "2024-03-13", "day", None, None),
    ("Sunday night", "2024-03-17", "day", None, None),
    ("yesterday", "2024-03-19", "day", None, None),
    ("last week", "2024-03-11", "week", "2024-03-17", None),
    ("earlier this week", "2024-03-18", "week", "2024-03-24", None),
    ("last year", "2023", "year", None, None),
    ("this month", "2024-03", "month", None, None),
])
def test_words_name_a_date_at_a_precision(words, value, precision, end, qualifier):
    assert resolve(words, BASE) == When(words, value, precision, end, qualifier)


@pytest.mark.parametrize("words", ["three years", "recent weeks", "two days", "decades", "the past decade",
                                   "several months"])
def test_a_duration_is_no_date(words):
    assert resolve(words, BASE) is None


@pytest.mark.parametrize("words", ["on Tuesday", "last October", "in March", "yesterday", "earlier this week"])
def test_relative_dates_without_a_document_date_keep_their_words(words):
    assert resolve(words, None) == When(words)


def test_a_date_counted_from_another_event_is_not_placed():
    assert resolve("two days later", BASE) == When("two days later")


def test_absolute_dates_need_no_document_date():
    assert resolve("30 July 2023", None).value == "2023-07-30"
    assert resolve("since April 2023", None).value == "2023-04"


@pytest.mark.parametrize("text, iso, words", [
    ("A title\nPublished 12 March 2024\n\nThe army said ...", "2024-03-12", "Published 12 March 2024"),
    ("A title\nUpdated: March 12, 2024 10:41 GMT\nBody.", "2024-03-12", "Updated: March 12, 2024 10:41 GMT"),
    ("Headline\n\nKHARTOUM, June 3, 2024 (Reuters) - The RSF ...", "2024-06-03",
     "KHARTOUM, June 3, 2024 (Reuters) -"),
    ("Headline\n\n2023-11-02\n\nText.", "2023-11-02", "2023-11-02"),
])
def test_a_document_date_from_its_text(text, iso, words):
    assert document_date_in_text(text) == (iso, words)


def test_no_document_date_from_dates_in_its_prose():
    assert document_date_in_text("The Taliban took Kabul on 15 August 2021, and the war ended.") is None


def test_the_document_date_comes_from_metadata_then_text_then_the_option():
    cfg = load_config(ingest={"document_date": "2024-01-02"}).ingest
    meta = document_from_text("a", "Published 12 March 2024\n\nText.", config=cfg, date="2024-05-05")
    assert (meta.date, meta.date_source) == ("2024-05-05", "metadata")
    text = document_from_text("a", "Published 12 March 2024\n\nText.", config=cfg)
    assert (text.date, text.date_source) == ("2024-03-12", "text")
    option = document_from_text("a", "Text without a date.", config=cfg)
    assert (option.date, option.date_source) == ("2024-01-02", "option")
    none = document_from_text("a", "Text without a date.", config=load_config().ingest)
    assert (none.date, none.date_source) == (None, None)


@pytest.mark.parametrize("bad", ["2024-13-01", "March 2024", "2024-02-30"])
def test_a_bad_document_date_option_is_refused(bad):
    with pytest.raises(ConfigError, match="document_date"):
        load_config(ingest={"document_date": bad})


# -- a claim's date from its sentence, through the whole pipeline ---------------------------------
# (sentence, a claim of it as (subject id, relation, object id), the date's value, precision and words);
# the document is dated 2024-03-20 (a Wednesday)

SENTENCES = [
    ("Boko Haram attacked Maiduguri on 30 July 2023.", ("boko-haram", "attacks", "maiduguri-ng"),
     "2023-07-30", "day", "30 July 2023"),
    ("On Tuesday, al-Shabaab attacked Mogadishu.", ("al-shabaab", "attacks", "mogadishu"),
     "2024-03-19", "day", "Tuesday"),
    ("The Arakan Army has controlled Rakhine State since November 2023.", ("arakan-army", "controls", "rakhine-mm"),
     "2023-11", "month", "November 2023"),
    ("In 2021 the Taliban seized Kabul.", ("afghan-taliban", "controls", "kabul"), "2021", "year", "2021"),
    ("Last October, Hezbollah attacked Israel.", ("hezbollah", "attacks", "israel"), "2023-10", "month",
     "Last October"),
    ("Russia struck Kharkiv yesterday.", ("russia", "attacks", "kharkiv-ua"), "2024-03-19", "day", "yesterday"),
    ("Earlier this week, JNIM attacked Gao.", ("jnim", "attacks", "gao-ml"), "2024-03-18", "week",
     "Earlier this week"),
    ("In March, the RSF attacked El Fasher.", ("rapid-support-forces", "attacks", "el-fasher-sd"), "2024-03",
     "month", "March"),
    ("The M23 seized Goma in January 2025.", ("m23", "controls", "goma-cd"), "2025-01", "month", "January 2025"),
    ("Between March and May 2024, the Houthis attacked Israel.", ("houthis", "attacks", "israel"), "2024-03",
     "month", "Between March and May 2024"),
    ("The TTP attacked Peshawar on Sunday night.", ("tehreek-e-taliban-pakistan", "attacks", "peshawar"),
     "2024-03-17", "day", "Sunday night"),
    ("Al-Qaeda operated in Afghanistan in the 1990s.", ("al-qaeda", "operatesIn", "afghanistan"), "1990", "decade",
     "the 1990s"),
    ("Boko Haram attacked Bama on March 3, 2024.", ("boko-haram", "attacks", "bama-ng"), "2024-03-03", "day",
     "March 3, 2024"),
    ("Last year the Wagner Group operated in Mali.", ("wagner-group", "operatesIn", "mali"), "2023", "year",
     "Last year"),
    ("Israel struck Lebanon on Monday.", ("israel", "attacks", "lebanon"), "2024-03-18", "day", "Monday"),
    ("Kharkiv was shelled by Russia on 2 January 2024.", ("russia", "attacks", "kharkiv-ua"), "2024-01-02", "day",
     "2 January 2024"),
    ("Al-Shabaab has operated in Somalia since 2006.", ("al-shabaab", "operatesIn", "somalia"), "2006", "year",
     "2006"),
    ("In late 2019, the Houthis attacked Saudi Arabia.", ("houthis", "attacks", "saudi-arabia"), "2019", "year",
     "late 2019"),
    ("Last month, the M23 seized Goma.", ("m23", "controls", "goma-cd"), "2024-02", "month", "Last month"),
    ("On 3 January the RSF attacked El Fasher.", ("rapid-support-forces", "attacks", "el-fasher-sd"),
     "2024-01-03", "day", "3 January"),
    ("JNIM attacked Gao in the summer of 2014.", ("jnim", "attacks", "gao-ml"), "2014", "year",
     "the summer of 2014"),
    ("Hezbollah attacked Israel on Friday, the army said.", ("hezbollah", "attacks", "israel"), "2024-03-15", "day",
     "Friday"),
    ("Two weeks ago, Russia attacked Odesa.", ("russia", "attacks", "odesa-ua"), "2024-03-04", "week",
     "Two weeks ago"),
    ("Iran has backed the Houthis since 2015, officials say.", ("iran", "supports", "houthis"), "2015", "year",
     "2015"),
    ("On October 7, 2023, Hamas attacked Israel.", ("hamas", "attacks", "israel"), "2023-10-07", "day",
     "October 7, 2023"),
    ("In mid-2022 the Taliban hosted al-Qaeda in Kabul.", ("afghan-taliban", "supports", "al-qaeda"), "2022",
     "year", "mid-2022"),
    ("Boko Haram attacked Bama this week.", ("boko-haram", "attacks", "bama-ng"), "2024-03-18", "week",
     "this week"),
    ("The TTP attacked Peshawar in December 2014.", ("tehreek-e-taliban-pakistan", "attacks", "peshawar"),
     "2014-12", "month", "December 2014"),
    ("Ukraine accused Russia of striking Kyiv on Saturday.", ("russia", "attacks", "kyiv"), "2024-03-16", "day",
     "Saturday"),
    ("Ansar Allah attacked Israel in the 2010s.", ("houthis", "attacks", "israel"), "2010", "decade",
     "the 2010s"),
]


@pytest.fixture(scope="module")
def dated_builder():
    from claimgraph.api import Builder

    return Builder(load_config(ingest={"document_date": "2024-03-20"}))


@pytest.mark.parametrize("sentence, triple, value, precision, words", SENTENCES)
def test_a_claim_carries_the_date_its_sentence_gives(dated_builder, sentence, triple, value, precision, words):
    kg = dated_builder.build_text(sentence, "d")
    found = {c.triple: c for c in kg.claims}
    key = triple if triple[1] != "alliedWith" else tuple(sorted(triple[::2]))
    assert key in found, sorted(found)
    when = found[key].when
    assert when is not None and (when.value, when.precision, when.text) == (value, precision, words)


@pytest.mark.parametrize("sentence, triple, words", [
    # a date of another clause (a relative clause the claim is not in) is not the claim's
    ("Rwanda denies backing the M23 rebels, who seized Goma in January.", ("rwanda", "supports", "m23"), None),
    ("Hezbollah attacked Israel on Tuesday, and Israel struck Lebanon.", ("israel", "attacks", "lebanon"), None),
    # the claim's own clause decides among several dates
    ("Earlier this week the army said the TTP had attacked Bannu on Sunday.",
     ("tehreek-e-taliban-pakistan", "attacks", "bannu"), "Sunday"),
    ("Al-Shabaab attacked Mogadishu.", ("al-shabaab", "attacks", "mogadishu"), None),
    # a participle describing a noun of the claim's clause dates the clause
    ("In a statement issued on Sunday, Kenya accused al-Shabaab of attacking Lamu.",
     ("kenya", "accuses", "al-shabaab"), "Sunday"),
])
def test_a_claim_takes_only_a_date_of_its_own_clause(dated_builder, sentence, triple, words):
    kg = dated_builder.build_text(sentence, "d")
    found = {c.triple: c for c in kg.claims}
    assert triple in found, sorted(found)
    when = found[triple].when
    assert (when.text if when else None) == words


@pytest.mark.parametrize("sentence, triple, place", [
    # an attack on a region attacks its state; where it fell is the region
    ("The Israeli military struck targets in southern Lebanon.", ("israel-defense-forces", "attacks", "lebanon"),
     "southern-lebanon"),
    ("Boko Haram attacked Maiduguri.", ("boko-haram", "attacks", "maiduguri-ng"), "maiduguri-ng"),
    ("JNIM fighters are active in Mopti.", ("jnim", "operatesIn", "mopti-ml"), "mopti-ml"),
    ("Nigerian troops killed ten ISWAP fighters in Borno.",
     ("nigeria-armed-forces", "attacks", "islamic-state-west-africa-province"), "borno-ng"),
    ("JNIM attacked Gao.", ("jnim", "attacks", "gao-ml"), "gao-ml"),  # the larger Gao, when nothing says which
])
def test_a_claim_carries_its_place(builder, sentence, triple, place):
    kg = builder.build_text(sentence, "d")
    claims = [c for c in kg.claims if triple is None or c.triple == triple]
    assert claims, sorted(c.triple for c in kg.claims)
    assert {c.place for c in claims} == {place}
    entity = {e.id: e for e in kg.entities}[place]
    assert entity.country
    # a town, division or country has its point; a region of a state ("southern Lebanon") has its
    # country only: its state's bounding box is no honest point for it
    if place == "southern-lebanon":
        assert entity.lat is None and entity.state == "lebanon" and entity.country == "LB"
    else:
        assert entity.lat is not None
