"""Coded, helpful errors.

Every error a user can cause has a code and a message that says what would
be valid. Setup mistakes (a model that is not installed, a bad config value)
raise at once; a bad input record goes into the :class:`Report` of the run
and the run goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """Stable error codes (shown to users, usable in scripts)."""

    PATH_NOT_FOUND = "CG101"
    UNREADABLE = "CG102"
    NOT_TEXT = "CG103"
    EMPTY = "CG104"
    TOO_LARGE = "CG105"
    DECODE = "CG106"
    NO_DOCUMENTS = "CG107"
    DUPLICATE_ID = "CG108"
    BAD_RECORD = "CG109"
    MODEL_NOT_FOUND = "CG201"
    BAD_CONFIG = "CG202"
    BAD_DATA_FILE = "CG203"
    UNKNOWN_FORMAT = "CG301"
    OUTPUT = "CG302"
    QUERY = "CG401"
    STORE = "CG402"
    NEO4J = "CG501"
    DASK = "CG601"


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(f"[{code.value}] {message}")
        self.code = code
        self.message = message

    def __reduce__(self):
        # raised in a Dask worker, it is pickled back to the client (and
        # subclasses take other constructor arguments)
        return (_restore, (self.__class__, self.code, self.message))


def _restore(cls: type, code: Code, message: str) -> ClaimgraphError:
    err = cls.__new__(cls)
    ClaimgraphError.__init__(err, code, message)
    return err


class InputError(ClaimgraphError):
    """The input cannot be read or holds nothing usable."""


class ConfigError(ClaimgraphError):
    """A setting, a data file or the spaCy pipeline is not usable."""


class ExportError(ClaimgraphError):
    """An export cannot be written."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One line of a run report: what went wrong with which input."""

    source: str
    code: Code
    message: str

    def __str__(self) -> str:
        return f"{self.source}: [{self.code.value}] {self.message}"


def one_of(value: object, valid: object) -> str:
    """Phrase a message listing the valid values, sorted."""
    return f"{value!r} is not one of: {', '.join(sorted(map(str, valid)))}"
