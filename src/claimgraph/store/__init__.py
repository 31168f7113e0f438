"""The corpus store: a folder that grows, document by document, over months.

Layout of a store folder::

    records.sqlite   the records: documents (with their text), each document's
                     entity views and claims, as JSON (SQLite, WAL, one
                     transaction per change): the source of truth
    oxigraph/        the RDF (Oxigraph, RocksDB) that SPARQL queries read: the
                     documents and the merged entities in the default graph,
                     each document's claims in its named graph
    lock             taken shared by readers, exclusively by a writer

Adding documents (:meth:`CorpusStore.add`): a document whose content hash
the store already has is skipped; a new one is built and added; a changed
one (same id, other hash) has its claims and entity views replaced. Each
document is resolved on its own and its entities are then fitted to the
store's (:mod:`.merge`), so the same canonical id from two documents is one
node, and an entity no document mentions any more is removed.

What a write guarantees:

- the records change in one SQLite transaction: after a crash or an error
  they are as before the command or as after it, never in between;
- the RDF is updated after the records; the store notes which generation of
  the records the RDF reflects, and a store opened after an interrupted
  update rebuilds its RDF from the records before anything reads it;
- one writer at a time (an exclusive lock on the folder); readers wait for a
  writer and never see a half-made update;
- not guaranteed: surviving the loss of the disk or of files in the folder
  (back it up: copy the folder while no claimgraph command runs).
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox

from .._version import __version__
from ..errors import ClaimgraphError, Code
from ..gazetteer import Gazetteer, load_gazetteer
from ..graph import KnowledgeGraph
from ..graph.oxigraph import to_ox, to_ox_quads
from ..graph.rdf import (
    claim_triples,
    document_graph_iri,
    document_iri,
    document_triples,
    entity_iri,
    geometry_iri,
    entity_triples,
    quads,
)
from ..model import Claim, Document, Entity, EntityType
from .merge import Known, merge_views, reconcile
from .records import (
    claim_from_json,
    claim_to_json,
    document_from_json,
    document_to_json,
    dumps,
    entity_from_json,
    entity_to_json,
)

__all__ = ["CorpusStore", "StoreError", "StoreUpdate"]

SCHEMA_VERSION = 1
RECORDS = "records.sqlite"
RDF_DIR = "oxigraph"
LOCK = "lock"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    built_with TEXT NOT NULL,
    claim_count INTEGER NOT NULL,
    document TEXT NOT NULL,
    claims TEXT NOT NULL
);
CREATE TABLE entity_views (
    entity TEXT NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    label TEXT NOT NULL,
    aliases TEXT NOT NULL,
    wikidata TEXT,
    mention_count INTEGER NOT NULL,
    view TEXT NOT NULL,
    PRIMARY KEY (entity, document)
);
CREATE INDEX entity_views_by_document ON entity_views(document);
"""


class StoreError(ClaimgraphError):
    """The store cannot be opened, read or written."""

    def __init__(self, message: str) -> None:
        super().__init__(Code.STORE, message)


@dataclass(frozen=True, slots=True)
class StoreUpdate:
    """What one command changed, and what the store holds after it."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    documents: int = 0
    entities: int = 0
    claims: int = 0

    def lines(self) -> list[str]:
        return [f"store      {len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged, {len(self.removed)} removed",
                f"  holds    {self.documents} documents, {self.entities} entities, {self.claims} claims"]


def _is_store(path: Path) -> bool:
    return (path / RECORDS).is_file()


class CorpusStore:
    """An open store; use :meth:`open` (a context manager)."""

    def __init__(self, path: Path, *, write: bool, lock_fd: int, db: sqlite3.Connection, rdf: ox.Store,
                 gazetteer: Gazetteer | None = None) -> None:
        self.path = path
        self.write = write
        self._lock_fd = lock_fd
        self._db = db
        self._rdf = rdf
        self._gazetteer = gazetteer

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, *, write: bool = False, create: bool = False,
             timeout: float = 30.0) -> "CorpusStore":
        """Open the store in ``path`` for reading, or for writing (``write``,
        or ``create``: make it if it does not exist).

        A reader takes the folder's lock shared, a writer exclusively; both
        wait up to ``timeout`` seconds for another process to let go. A
        store whose RDF is behind its records (an interrupted update) is
        repaired first, which needs the exclusive lock."""
        path = Path(path).absolute()
        write = write or create
        if not _is_store(path):
            if not create:
                raise StoreError(f"no claimgraph store in {path}; make one with "
                                 f"`claimgraph build ARTICLES --store {path}`")
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise StoreError(f"{path} exists and is not a claimgraph store; give a new or empty folder")
        if not write and cls._needs_repair(path):
            with cls.open(path, write=True, timeout=timeout):
                pass  # opening for writing repairs it
        try:
            path.mkdir(parents=True, exist_ok=True)
            lock_fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the store in {path}: {exc.strerror or exc}") from None
        try:
            cls._lock(lock_fd, path, exclusive=write, timeout=timeout)
            db = cls._connect(path, write=write)
            try:
                rdf = ox.Store(str(path / RDF_DIR)) if write else ox.Store.read_only(str(path / RDF_DIR))
            except OSError as exc:
                db.close()
                raise StoreError(f"cannot open the RDF of the store in {path}: {exc}") from None
        except BaseException:
            os.close(lock_fd)
            raise
        store = cls(path, write=write, lock_fd=lock_fd, db=db, rdf=rdf)
        if write and store._stale():
            store.repair()
        return store

    @staticmethod
    def _lock(fd: int, path: Path, *, exclusive: bool, timeout: float) -> None:
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, mode)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(f"the store in {path} is in use by another claimgraph process "
                                     f"(waited {timeout:g} s)") from None
                time.sleep(0.05)

    @staticmethod
    def _connect(path: Path, *, write: bool) -> sqlite3.Connection:
        file = path / RECORDS
        try:
            if write:
                db = sqlite3.connect(file, isolation_level=None)
            else:
                db = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True, isolation_level=None)
            db.execute("PRAGMA foreign_keys = ON")
            if write:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
            # a new store, or one whose making was interrupted before its schema was committed
            new = write and db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is None
            if new:
                db.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA.strip().split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("schema", str(SCHEMA_VERSION)), ("generation", "0"), ("rdf_generation", "0"),
                    ("created_by", f"claimgraph {__version__}")])
                db.execute("COMMIT")
            version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the records of the store in {path} cannot be read: {exc}") from None
        if version is None or int(version[0]) != SCHEMA_VERSION:
            raise StoreError(f"the store in {path} has schema {version[0] if version else '?'}; "
                             f"this claimgraph reads schema {SCHEMA_VERSION}")
        return db

    @staticmethod
    def _needs_repair(path: Path) -> bool:
        try:
            db = sqlite3.connect(f"{(path / RECORDS).as_uri()}?mode=ro", uri=True)
            try:
                meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the records of the store in {path} cannot be read: {exc}") from None
        return meta.get("generation") != meta.get("rdf_generation") or not (path / RDF_DIR).is_dir()

    def close(self) -> None:
        if self._db is None:
            return
        try:
            if self.write:
                self._rdf.flush()
        finally:
            self._db.close()
            self._db = None
            self._rdf = None  # drops pyoxigraph's handle, which closes the database
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)

    def __enter__(self) -> "CorpusStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _meta(self, key: str) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0]

    def _stale(self) -> bool:
        return self._meta("generation") != self._meta("rdf_generation")

    def document_hashes(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT id, content_hash FROM documents ORDER BY id"))

    def counts(self) -> tuple[int, int, int]:
        """Documents, entities and claims in the store."""
        docs = self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        ents = self._db.execute("SELECT COUNT(DISTINCT entity) FROM entity_views").fetchone()[0]
        claims = self._db.execute("SELECT COALESCE(SUM(claim_count), 0) FROM documents").fetchone()[0]
        return docs, ents, claims

    def _views(self, entity_ids: Iterable[str] | None = None) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = defaultdict(list)
        if entity_ids is None:
            rows = self._db.execute("SELECT entity, view FROM entity_views ORDER BY entity, document")
        else:
            ids = sorted(set(entity_ids))
            rows = []
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                rows += self._db.execute(
                    f"SELECT entity, view FROM entity_views WHERE entity IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY entity, document", chunk).fetchall()
        for eid, view in rows:
            out[eid].append(entity_from_json(json.loads(view)))
        return out

    def _summaries(self, entity_ids: Iterable[str]) -> Iterator[tuple[Entity, int, list[str]]]:
        """Merged entities without their mentions, with their mention counts and
        documents: what the RDF needs, read without decoding every mention."""
        ids = sorted(set(entity_ids))
        rows: list[tuple] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += self._db.execute(
                "SELECT entity, document, type, label, aliases, wikidata, mention_count FROM entity_views "
                f"WHERE entity IN ({','.join('?' * len(chunk))}) ORDER BY entity, document", chunk).fetchall()
        by_entity: dict[str, list[tuple]] = defaultdict(list)
        for row in rows:
            by_entity[row[0]].append(row)
        for eid in sorted(by_entity):
            group = by_entity[eid]
            views = [Entity(eid, label, EntityType(etype), aliases=tuple(json.loads(aliases)), wikidata=wikidata)
                     for _e, _d, etype, label, aliases, wikidata, _n in group]
            counts = [n for *_rest, n in group]
            merged = merge_views(views, self.gazetteer, counts=counts)
            if merged.type is EntityType.PLACE and merged.lat is None:
                # a point its builds found (claimgraph.resolve.geocode) is only in the views' records
                placed = sorted((o["lat"], o["lon"], o.get("country") or "", o.get("state") or "")
                                for (v,) in self._db.execute("SELECT view FROM entity_views WHERE entity = ?", (eid,))
                                for o in [json.loads(v)] if o.get("lat") is not None)
                if placed:
                    lat, lon, country, state = placed[0]
                    merged = replace(merged, lat=lat, lon=lon, country=country or None,
                                     state=merged.state or state or None)
            yield merged, sum(counts), [r[1] for r in group]

    def entities(self, entity_ids: Iterable[str] | None = None) -> list[Entity]:
        """The store's (merged) entities, all or those with the given ids."""
        return [merge_views(views, self.gazetteer) for _eid, views in sorted(self._views(entity_ids).items())]

    def knowledge_graph(self) -> KnowledgeGraph:
        """Everything in the store as one :class:`KnowledgeGraph` (for exports)."""
        documents: list[Document] = []
        claims: list[Claim] = []
        for doc_text, claims_text in self._db.execute("SELECT document, claims FROM documents ORDER BY id"):
            documents.append(document_from_json(json.loads(doc_text)))
            claims.extend(claim_from_json(c) for c in json.loads(claims_text))
        return KnowledgeGraph(tuple(documents), tuple(self.entities()), tuple(claims))

    def query(self, text: str, params=None):
        """Run a SPARQL query (see :func:`claimgraph.query.run`)."""
        from ..query import run

        return run(self._rdf, text, params)

    def rdf_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store's RDF."""
        return iter(self._rdf)

    def verify(self) -> tuple[int, int]:
        """Quads missing from the RDF and quads it should not hold, against the records."""
        expected = set(to_ox_quads(quads(*self._record_parts())))
        actual = set(self._rdf)
        return len(expected - actual), len(actual - expected)

    def _record_parts(self):
        kg = self.knowledge_graph()
        return kg.documents, kg.entities, kg.claims

    # -- writing ----------------------------------------------------------------------

    def _need_write(self) -> None:
        if not self.write:
            raise StoreError(f"the store in {self.path} was opened for reading")

    def add(self, documents: Iterable[Document], *, builder=None, config=None, rebuild: bool = False,
            progress: Callable[[Document], None] | None = None) -> StoreUpdate:
        """Add documents: skip those the store has with the same content,
        build the others (``builder``, or one made from ``config`` if any
        document needs building) and put them in, replacing a changed
        document's claims and entity views."""
        self._need_write()
        documents = list(documents)
        have = self.document_hashes()
        todo = [d for d in documents if rebuild or have.get(d.id) != d.content_hash]
        todo_ids = {d.id for d in todo}
        unchanged = tuple(sorted(d.id for d in documents if d.id not in todo_ids))
        added = tuple(sorted(d.id for d in todo if d.id not in have))
        replaced = tuple(sorted(d.id for d in todo if d.id in have))
        if todo:
            if builder is None:
                from ..api import Builder

                builder = Builder(config)
            self._gazetteer = builder.gazetteer
            self.apply(builder.build_each(todo, progress=progress),
                       built_with=f"claimgraph {__version__}; spaCy pipeline {builder.config.nlp.model}")
        return self._update(added=added, replaced=replaced, unchanged=unchanged)

    def _update(self, **changes) -> StoreUpdate:
        docs, ents, claims = self.counts()
        return StoreUpdate(documents=docs, entities=ents, claims=claims, **changes)

    def apply(self, graphs: Iterable[KnowledgeGraph], *, built_with: str = f"claimgraph {__version__}") -> None:
        """Put per-document graphs (one document each) into the store, each
        replacing what the store holds for that document. ``built_with`` is
        kept with each document (which claimgraph and pipeline made it)."""
        self._need_write()
        graphs = sorted(graphs, key=lambda g: g.documents[0].id)
        for g in graphs:
            if len(g.documents) != 1:
                raise StoreError("each graph given to apply() must hold exactly one document")
        ids = [g.documents[0].id for g in graphs]
        if len(set(ids)) != len(ids):
            raise StoreError("a document was given twice")
        old_entities = self._entities_of(ids)
        known = self._known(excluding=ids)
        fitted = []
        for g in graphs:
            g = reconcile(g, known, self.gazetteer)
            for e in g.entities:
                known.add(e.id, e.type, (e.label, *e.aliases))
            fitted.append(g)
        with self._transaction():
            self._delete(ids)
            for g in fitted:
                doc = g.documents[0]
                self._db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)", (
                    doc.id, doc.content_hash, built_with, len(g.claims), dumps(document_to_json(doc)),
                    dumps([claim_to_json(c) for c in g.claims])))
                self._db.executemany("INSERT INTO entity_views VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                    (e.id, doc.id, e.type.value, e.label, dumps(list(e.aliases)), e.wikidata, len(e.mentions),
                     dumps(entity_to_json(e))) for e in g.entities])
        new_entities = {e.id for g in fitted for e in g.entities}
        self._sync(fitted, ids, old_entities | new_entities)

    def remove(self, doc_ids: Iterable[str]) -> StoreUpdate:
        """Take documents out of the store (their claims, and entities no
        other document mentions). Unknown ids are ignored."""
        self._need_write()
        have = self.document_hashes()
        ids = sorted({d for d in doc_ids if d in have})
        if ids:
            old_entities = self._entities_of(ids)
            with self._transaction():
                self._delete(ids)
            self._sync([], ids, old_entities)
        return self._update(removed=tuple(ids))

    def repair(self) -> None:
        """Rebuild the RDF from the records (after an interrupted update)."""
        self._need_write()
        self._rdf.clear()
        self._rdf.bulk_extend(to_ox_quads(quads(*self._record_parts())))
        self._rdf.flush()
        self._rdf.optimize()
        self._mark_rdf_current()

    @contextlib.contextmanager
    def _transaction(self):
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            generation = int(self._meta("generation")) + 1
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (str(generation),))
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _mark_rdf_current(self) -> None:
        self._db.execute("UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'generation') "
                         "WHERE key = 'rdf_generation'")

    def _delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            self._db.execute(f"DELETE FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk)

    def _entities_of(self, doc_ids: list[str]) -> set[str]:
        out: set[str] = set()
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            out |= {r[0] for r in self._db.execute(
                f"SELECT entity FROM entity_views WHERE document IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def _known(self, *, excluding: list[str]) -> Known:
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS excluded (id TEXT PRIMARY KEY)")
        self._db.execute("DELETE FROM excluded")
        self._db.executemany("INSERT OR IGNORE INTO excluded VALUES (?)", [(d,) for d in excluding])
        known = Known()
        for eid, etype, label, aliases in self._db.execute(
                "SELECT DISTINCT entity, type, label, aliases FROM entity_views "
                "WHERE document NOT IN (SELECT id FROM excluded) ORDER BY entity, label, aliases"):
            known.add(eid, EntityType(etype), (label, *json.loads(aliases)))
        return known

    def _sync(self, graphs: list[KnowledgeGraph], doc_ids: list[str], entity_ids: set[str]) -> None:
        """Bring the RDF in line with the records for these documents and entities."""
        rdf = self._rdf
        default = ox.DefaultGraph()
        # each document's claims are replaced as a unit
        for doc_id in doc_ids:
            name = to_ox(document_graph_iri(doc_id))
            if rdf.contains_named_graph(name):
                rdf.remove_graph(name)
        # documents and entities: remove what is no longer true, add what is new
        subjects = [to_ox(document_iri(d)) for d in doc_ids] + [to_ox(entity_iri(e)) for e in sorted(entity_ids)] \
            + [to_ox(geometry_iri(e)) for e in sorted(entity_ids)]  # an entity's point is a node of its own
        wanted: set[ox.Quad] = set()
        for g in graphs:
            for s, p, o in document_triples(g.documents[0]):
                wanted.add(ox.Quad(to_ox(s), to_ox(p), to_ox(o), default))
        for entity, mention_count, documents in self._summaries(entity_ids):
            for s, p, o in entity_triples(entity, mention_count=mention_count, documents=documents):
                wanted.add(ox.Quad(to_ox(s), to_ox(p), to_ox(o), default))
        present: set[ox.Quad] = set()
        for s in subjects:
            present.update(rdf.quads_for_pattern(s, None, None, default))
        for q in present - wanted:
            rdf.remove(q)
        claims = []
        for g in graphs:
            name = to_ox(document_graph_iri(g.documents[0].id))
            for c in g.claims:
                for s, p, o in claim_triples(c):
                    claims.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), name))
        rdf.extend(sorted(wanted - present, key=str) + claims)
        rdf.flush()
        self._mark_rdf_current()
