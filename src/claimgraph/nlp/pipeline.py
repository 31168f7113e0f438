"""Building the spaCy pipeline and running it over documents.

The pipeline is any installed spaCy pipeline with a parser and an entity
recogniser (chosen by name), plus two claimgraph components:
``claimgraph_gazetteer`` before ``ner`` and ``claimgraph_mentions`` at the
end. Documents go in as prepared :class:`~spacy.tokens.Doc` objects: the
normalised text, sentence starts fixed at block boundaries (a heading is
never glued to the sentence after it), and the layout and offset map in
``doc.user_data["claimgraph"]``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_installed_models

from ..errors import Code, ConfigError
from ..model import Document
from . import mentions as _mentions  # noqa: F401  (registers the factories)
from . import ruler as _ruler  # noqa: F401
from .docdata import USER_KEY, offsets_of, parsed_text  # noqa: F401  (re-exported)
from .normalize import normalise

REQUIRED = ("parser", "ner")


def load_pipeline(model: str, *, gazetteer_path: str = "", words_path: str = "", user_gazetteer: str = "") -> Language:
    """Load the spaCy pipeline ``model`` and add claimgraph's components."""
    try:
        nlp = spacy.load(model)
    except OSError:
        installed = sorted(get_installed_models()) or ["(none)"]
        raise ConfigError(
            Code.MODEL_NOT_FOUND,
            f"spaCy pipeline {model!r} is not installed; installed pipelines: {', '.join(installed)}",
        ) from None
    missing = [c for c in REQUIRED if c not in nlp.pipe_names]
    if missing:
        raise ConfigError(Code.MODEL_NOT_FOUND,
                          f"spaCy pipeline {model!r} lacks {', '.join(missing)}; claimgraph needs "
                          f"{' and '.join(REQUIRED)}")
    nlp.add_pipe("claimgraph_gazetteer", before="ner",
                 config={"gazetteer_path": gazetteer_path, "user_gazetteer": user_gazetteer})
    nlp.add_pipe("claimgraph_mentions", last=True,
                 config={"gazetteer_path": gazetteer_path, "words_path": words_path, "user_gazetteer": user_gazetteer})
    return nlp


def prepare(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc of the document's normalised text, ready for the pipe."""
    norm = normalise(document)
    doc = nlp.make_doc(norm.text)
    for block in norm.blocks:  # a block starts a sentence: a heading never runs into prose
        span = doc.char_span(block.start, block.end, alignment_mode="expand")
        if span is not None and len(span):
            span[0].is_sent_start = True
    doc.user_data[USER_KEY] = {
        "document": document.id,
        "date": document.date,  # the base of relative dates ("on Tuesday")
        # the text spaCy parses (Doc.text would join every token again)
        "text": norm.text,
        "offsets": norm.offsets.to_list(),
        "blocks": [[b.kind.value, b.start, b.end] for b in norm.blocks],
    }
    return doc


def parse(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
          workers: int = 1, batch_chars: int | None = None) -> Iterator[tuple[Document, Doc]]:
    """Parse documents in batches; yields (document, doc) in input order.

    With ``batch_chars``, a batch also holds at most that many characters
    (a longer document is a batch of its own): spaCy's working memory grows
    with the characters in flight, about 2.5 kB a character. In this
    process each batch is cut to fit; spaCy's worker processes
    (``workers`` > 1) take batches of one size, the size at which a batch
    of the longest documents fits. The Docs do not depend on the batching.
    """
    docs = list(documents)
    if batch_chars is None or workers > 1:
        if batch_chars is not None:
            batch_size = uniform_batch_size(docs, batch_size, batch_chars)
        runs = [(docs, batch_size)]
    else:  # one nlp.pipe call per batch: each the size it was cut to
        runs = [(group, len(group)) for group in batches(docs, batch_size, batch_chars)]
    for group, size in runs:
        prepared = (prepare(nlp, d) for d in group)
        yield from zip(group, nlp.pipe(prepared, batch_size=size, n_process=workers), strict=True)


def text_size(document: Document) -> int:
    """The characters of ``document`` spaCy is given (a piece of an article
    is a run of its blocks)."""
    if not document.blocks:
        return len(document.text)
    return document.blocks[-1].end - document.blocks[0].start


def batches(documents: list[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Consecutive runs of at most ``size`` documents and ``chars`` characters
    (a document longer than ``chars`` alone)."""
    group: list[Document] = []
    held = 0
    for d in documents:
        n = text_size(d)
        if group and (len(group) >= size or held + n > chars):
            yield group
            group, held = [], 0
        group.append(d)
        held += n
    if group:
        yield group


def uniform_batch_size(documents: list[Document], configured: int, chars: int) -> int:
    """``configured``, or fewer so that a batch of the longest documents
    holds at most ``chars`` characters."""
    longest = max((text_size(d) for d in documents), default=1)
    return max(1, min(configured, chars // max(longest, 1)))
