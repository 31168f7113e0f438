"""Opposition named by a noun and "against" (issue 15): a body against a
group ("the coalition against the Islamic State"), an act against it ("called
for action against", "announced measures against", "Somalia's fight
against"), with the governing act as what the text states. Other conflicts
than the corpora's; negative rows for a denial and for "against" without an
actor."""
from __future__ import annotations

import pytest

from tests.conftest import assert_claims

A, D = "asserted", "denied"

ROWS = [
    ("a body named by its leader, against", "The US-led coalition against the Islamic State struck Raqqa.",
     {("US-led coalition", "opposes", "Islamic State", A, None)}, set()),
    ("called for action against", "ECOWAS called for urgent action against Boko Haram.",
     {("Economic Community of West African States", "opposes", "Boko Haram", A, None)}, set()),
    ("announced measures against", "Algeria announced retaliatory measures against Mali.",
     {("Algeria", "opposes", "Mali", A, None)}, set()),
    ("a possessor's fight against", "Kenya backs Somalia's fight against al-Shabaab.",
     {("Somalia", "opposes", "al-Shabaab", A, None)}, set()),
    ("sanctions on", "The European Union imposed sanctions on Belarus in 2021.",
     {("European Union", "opposes", "Belarus", A, None)}, set()),
    ("a denial keeps its role", "Iran denied a role in the attack on the base in Erbil.",
     {("Iran", "carriedOut", "attack on the base in Erbil", D, "Iran")},
     {("Iran", "carriedOut", "attack on the base in Erbil", A, None)}),
    ("against without an actor", "Mali announced measures against inflation.", set(),
     {("Mali", "opposes", "inflation", A, None)}),
]


@pytest.mark.parametrize("name,text,expected,forbidden", ROWS, ids=[r[0] for r in ROWS])
def test_against(claims_of, name, text, expected, forbidden):
    assert_claims(claims_of(text), expected, forbidden)
