"""claimgraph: knowledge graphs of attributed claims from conflict and security reporting.

An allegation is never stored as a bare fact: every relation is a claim
with its status, its source and the sentence that states it.
"""
from __future__ import annotations

from ._version import __version__  # noqa: E402
from .api import Builder, build, build_documents, read  # noqa: E402
from .config import Config, load_config  # noqa: E402
from .graph import KnowledgeGraph  # noqa: E402
from . import export as _export  # noqa: E402,F401  (registers the graph's export writers)

__all__ = ["Builder", "Config", "KnowledgeGraph", "__version__", "build", "build_documents", "load_config", "read"]
