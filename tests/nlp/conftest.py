"""The mention finder on one text, for the tests of this folder."""
from __future__ import annotations

import pytest

from claimgraph.ingest import document_from_text
from claimgraph.nlp.mentions import MENTIONS
from claimgraph.nlp.pipeline import parse


@pytest.fixture(scope="module")
def mentions(builder):
    def run(text: str) -> list[tuple[str, str, str]]:
        doc = document_from_text("t", text, config=builder.config.ingest)
        _, parsed = next(parse(builder.nlp, [doc]))
        return [(s.text, s.label_, s.kb_id_) for s in parsed.spans[MENTIONS]]
    return run
