"""Who leads a state, however the sentence names the office (issue 15): "the
president of X, NAME" (the parser hangs the name on the country), "Presidents
NAME (X) and NAME (Y)" (the bracket says whose), and states "at loggerheads"
or "at odds". The bracket is no item of a list. Other states than the
corpora's; negative rows."""
from __future__ import annotations

import pytest

from tests.conftest import assert_claims

A = "asserted"

ROWS = [
    ("the president of X, NAME", "The president of Senegal, Bassirou Diomaye Faye, met the press.",
     {("Bassirou Diomaye Faye", "leads", "Senegal", A, None)}, set()),
    ("brackets after names", "Presidents Vladimir Putin (Russia) and Volodymyr Zelensky (Ukraine) did not meet.",
     {("Vladimir Putin", "leads", "Russia", A, None), ("Volodymyr Zelensky", "leads", "Ukraine", A, None)},
     {("Vladimir Putin", "leads", "Ukraine", A, None)}),
    ("at loggerheads, the bracket no list item",
     "Presidents William Ruto (Kenya) and Yoweri Museveni (Uganda) are at loggerheads.",
     {("William Ruto", "opposes", "Yoweri Museveni", A, None), ("Yoweri Museveni", "opposes", "William Ruto", A, None)},
     {("William Ruto", "opposes", "Kenya", A, None), ("Kenya", "opposes", "Uganda", A, None)}),
    ("at odds with", "Algeria has been at odds with Morocco since 2021.",
     {("Algeria", "opposes", "Morocco", A, None), ("Morocco", "opposes", "Algeria", A, None)}, set()),
    # an anaphor whose modifiers name its patron: "the Iran-backed group" is the group, backed by Iran
    ("a backed anaphor", "The Houthis seized a tanker. The Iran-backed group said it would strike again.",
     {("Iran", "supports", "Houthis", A, None)}, {("Iran", "supports", "Iran", A, None)}),
    # talks of "the warring parties": the parties of the conflict reported last
    ("mediated talks of the warring parties",
     "The M23 has fought the Congolese army since 2021. The warring parties resumed talks in Doha, mediated by Qatar.",
     {("Qatar", "mediates", "M23", A, None)}, set()),
    ("mediated talks with no parties named", "Qatar hosted a summit. Talks in Doha were mediated by Qatar.",
     set(), {("Qatar", "mediates", "Qatar", A, None)}),
    ("odds are no opposition", "The odds of a deal between Armenia and Azerbaijan are low.", set(),
     {("Armenia", "opposes", "Azerbaijan", A, None)}),
]


@pytest.mark.parametrize("name,text,expected,forbidden", ROWS, ids=[r[0] for r in ROWS])
def test_roles_of_states(claims_of, name, text, expected, forbidden):
    assert_claims(claims_of(text), expected, forbidden)
