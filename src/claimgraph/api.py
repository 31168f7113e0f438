"""The library API: ``build(paths) -> KnowledgeGraph``."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .analysis import Analyser, Analysis
from .config import Config, load_config
from .errors import Code, InputError
from .extract import load_lexicon
from .gazetteer import load_gazetteer
from .graph import KnowledgeGraph
from .ingest import IngestResult, document_from_text, read_paths
from .model import Document, EntityType
from .resolve import Resolver

Progress = Callable[[Document], None]


class Builder:
    """The loaded pipeline, gazetteer and lexicon, reusable across builds.

    With ``dask`` (an open :class:`claimgraph.cluster.DaskMap`) documents are
    parsed and their claims extracted on the cluster's workers, each of which
    loads the pipeline once; this process only resolves and assembles, so it
    never loads spaCy. The graph is the same either way.
    """

    def __init__(self, config: Config | None = None, *, dask=None) -> None:
        self.config = config or load_config()
        self.dask = dask
        # the gazetteer first: a wrong entry in a user gazetteer fails before spaCy loads
        self.gazetteer = load_gazetteer(user=self.config.gazetteer.user or None)
        self.analyser = Analyser(self.config, self.gazetteer) if dask is None else None

    @property
    def nlp(self):
        """The spaCy pipeline (None when a Dask cluster runs the map)."""
        return self.analyser.nlp if self.analyser is not None else None

    @property
    def lexicon(self):
        return self.analyser.lexicon if self.analyser is not None else load_lexicon()

    def _analyse(self, docs: list[Document]) -> Iterator[Analysis]:
        """Each document (in the order given) with its mentions and raw
        claims: :meth:`claimgraph.analysis.Analyser.analyse` here, or on the
        workers of a Dask cluster (:mod:`claimgraph.cluster`)."""
        if self.dask is not None:
            yield from self.dask.analyse(self.config, docs)
            return
        yield from self.analyser.analyse(docs)

    def analyse(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """The map of a build: each document (sorted by id) with its mentions
        and raw claims. Feed the result to :meth:`merge` or :meth:`merge_each`
        (once: it is an iterator)."""
        return self._analyse(sorted(documents, key=lambda d: d.id))

    def merge(self, analysed: Iterable[Analysis], *, progress: Progress | None = None,
              problems=()) -> KnowledgeGraph:
        """The merge of a build: entities resolved across all documents, one graph."""
        resolver = Resolver(self.gazetteer)
        docs = []
        for document, mentions, raw in analysed:
            resolver.add(document, mentions, raw)
            docs.append(with_outlet(document, self.gazetteer))
            if progress is not None:
                progress(document)
        entities, claims = resolver.finish()
        return KnowledgeGraph(tuple(docs), tuple(entities), tuple(claims), tuple(problems))

    def merge_each(self, analysed: Iterable[Analysis], *,
                   progress: Progress | None = None) -> Iterator[KnowledgeGraph]:
        """One graph per document, each resolved on its own (for a store,
        which fits each document's entities to those it already holds)."""
        for document, mentions, raw in analysed:
            resolver = Resolver(self.gazetteer)
            resolver.add(document, mentions, raw)
            entities, claims = resolver.finish()
            if progress is not None:
                progress(document)
            yield KnowledgeGraph((with_outlet(document, self.gazetteer),), tuple(entities), tuple(claims))

    def build(self, documents: Iterable[Document], *, progress: Progress | None = None,
              problems=()) -> KnowledgeGraph:
        """Build the graph of documents already read: :meth:`analyse`, then :meth:`merge`."""
        return self.merge(self.analyse(documents), progress=progress, problems=problems)

    def build_each(self, documents: Iterable[Document], *,
                   progress: Progress | None = None) -> Iterator[KnowledgeGraph]:
        """One graph per document: :meth:`analyse`, then :meth:`merge_each`."""
        return self.merge_each(self.analyse(documents), progress=progress)

    def build_text(self, text: str, doc_id: str = "text") -> KnowledgeGraph:
        """The graph of one text given as a string."""
        return self.build([document_from_text(doc_id, text, config=self.config.ingest)])


def with_outlet(document: Document, gazetteer) -> Document:
    """The document with its outlet's entity, when the gazetteer knows the outlet as an
    Organization ("Reuters", "RASC News Agency"; a domain such as "reuters.com" is not looked up)."""
    if not document.publisher or document.publisher_entity is not None:
        return document
    found = [e for e in gazetteer.lookup(document.publisher) if e.type is EntityType.ORGANIZATION]
    if not found:
        return document
    return replace(document, publisher_entity=found[0].id)


def build_documents(documents: Iterable[Document], *, config: Config | None = None,
                    progress: Progress | None = None, problems=(), dask: str | None = None,
                    dask_partition: int | None = None) -> KnowledgeGraph:
    """Build the graph of documents already read; with ``dask`` (a scheduler
    address, or ``"local"`` for a local cluster of ``nlp.workers`` processes)
    the documents are analysed on a Dask cluster."""
    if dask is None:
        return Builder(config).build(documents, progress=progress, problems=problems)
    from .cluster import DaskMap

    cfg = config or load_config()
    with DaskMap(dask, workers=cfg.nlp.workers, partition_size=dask_partition) as cluster:
        return Builder(cfg, dask=cluster).build(documents, progress=progress, problems=problems)


def read(paths: Iterable[str | os.PathLike], *, config: Config | None = None) -> IngestResult:
    """Read documents (see :mod:`claimgraph.ingest`); raises when none is usable."""
    cfg = config or load_config()
    result = read_paths(paths, cfg.ingest)
    if not result.documents:
        lines = "\n".join(f"  {p}" for p in result.problems) or "  (no input given)"
        raise InputError(Code.NO_DOCUMENTS, f"nothing could be built; problems:\n{lines}")
    return result


def build(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, config: Config | None = None,
          model: str | None = None, workers: int | None = None,
          progress: Progress | None = None) -> KnowledgeGraph:
    """Read articles from files and folders and build their knowledge graph.

    >>> kg = build(["seeds/"])            # doctest: +SKIP
    >>> kg.write_all("exports/")          # doctest: +SKIP
    """
    if isinstance(paths, (str, os.PathLike, Path)):
        paths = [paths]
    cfg = config or load_config()
    nlp_over = {k: v for k, v in {"model": model, "workers": workers}.items() if v is not None}
    if nlp_over:
        cfg = cfg.with_overrides(nlp=nlp_over)
    result = read(paths, config=cfg)
    return build_documents(result.documents, config=cfg, progress=progress, problems=result.problems)
