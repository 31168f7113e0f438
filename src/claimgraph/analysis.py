"""The map of a build: each document parsed, its mentions found and its raw
claims extracted, on its own.

An :class:`Analyser` holds what that needs (the spaCy pipeline, the
gazetteer, the cue lexicon). :class:`claimgraph.Builder` runs it in this
process; :mod:`claimgraph.cluster` runs one on each Dask worker. Both then
hand the analyses to the same merge, so the graph does not depend on where
the map ran. This module sits below both: it imports neither.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator

from .chunks import split_document
from .config import Config
from .extract import extract, load_lexicon
from .gazetteer import Gazetteer, load_gazetteer
from .model import Document
from .nlp.mentions import mentions_of
from .nlp.pipeline import load_pipeline, parse

# a document with its mentions and raw claims: what the map of a build gives the merge
Analysis = tuple[Document, list, list]


class Analyser:
    """The loaded pipeline, gazetteer and lexicon of one configuration."""

    def __init__(self, config: Config, gazetteer: Gazetteer | None = None) -> None:
        self.config = config
        user = config.gazetteer.user or None
        # the gazetteer first: a wrong entry in a user gazetteer fails before spaCy loads
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer(user=user)
        self.nlp = load_pipeline(config.nlp.model, user_gazetteer=user or "")
        self.lexicon = load_lexicon()

    def analyse(self, docs: list[Document]) -> Iterator[Analysis]:
        """Each document (in the order given) with its mentions and raw claims.

        Each document's analysis depends on nothing but the document, so it
        can run anywhere (here in batches, or on a Dask cluster) and the
        merge that follows gives the same graph.

        An article longer than ``nlp.chunk_chars`` is parsed in pieces (see
        :mod:`claimgraph.chunks`); its pieces' mentions and claims are
        returned together, as one document's. spaCy's memory grows with the
        text it holds at once, so a batch holds at most ``nlp.batch_chars``
        characters (see :func:`claimgraph.nlp.pipeline.parse`; the results
        do not depend on the batching).
        """
        cfg = self.config.nlp
        plan = [(d, split_document(d, cfg.chunk_chars)) for d in docs]
        parsed = parse(self.nlp, (piece for _d, pieces in plan for piece in pieces),
                       batch_size=cfg.batch_size, workers=cfg.workers, batch_chars=cfg.batch_chars)
        for document, pieces in plan:
            mentions: list = []
            raw: list = []
            for _piece, doc in itertools.islice(parsed, len(pieces)):
                raw += extract(doc, lexicon=self.lexicon, gazetteer=self.gazetteer, text=document.text)
                mentions += mentions_of(doc, document.text)
            yield document, mentions, raw
