"""The exporter interface: one sink per format (after KGX's sinks).

A sink receives the graph's records in a fixed, sorted order
(``write_document``, ``write_entity``, ``write_claim``) and writes its
files in ``finalize`` through the run's :class:`~claimgraph.io.Transaction`,
so every file of a run appears at once, atomically, when the run ends.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..graph import Corroboration
from ..io import Transaction
from ..model import Claim, Document, Entity


@dataclass(frozen=True)
class ExportContext:
    """What a sink may look up while it writes records."""

    entities: dict[str, Entity]
    documents: dict[str, Document]
    corroboration: dict[tuple[str, str, str], Corroboration]
    corpus: str  # a short fingerprint of the documents


class Exporter(ABC):
    """One output format."""

    name: ClassVar[str]
    description: ClassVar[str]

    def __init__(self, out: Path, tx: Transaction, context: ExportContext, **options) -> None:
        self.out = out
        self.tx = tx
        self.context = context
        self.options = options

    def write_document(self, document: Document) -> None:  # noqa: B027 - optional hook
        pass

    def write_entity(self, entity: Entity) -> None:  # noqa: B027
        pass

    def write_claim(self, claim: Claim) -> None:  # noqa: B027
        pass

    @abstractmethod
    def finalize(self) -> list[Path]:
        """Write the files (through ``self.tx``) and return their paths."""


class RecordExporter(Exporter):
    """A sink that keeps the records it receives and writes them all in
    ``finalize`` (the RDF formats build one graph or dataset from them)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.documents: list[Document] = []
        self.entities: list[Entity] = []
        self.claims: list[Claim] = []

    def write_document(self, document: Document) -> None:
        self.documents.append(document)

    def write_entity(self, entity: Entity) -> None:
        self.entities.append(entity)

    def write_claim(self, claim: Claim) -> None:
        self.claims.append(claim)
