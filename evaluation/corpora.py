"""The corpora `make eval` scores, where their texts and gold are, and how to re-create them.

- ``seeds``: the three seed articles (``seeds/`` in this repository), gold in
  the shared folder (``eval/gold/seeds.jsonl``).
- ``dev``: twelve real articles from other conflicts; sources and gold in the
  shared folder (``eval/dev/sources.jsonl``, ``eval/gold/dev.jsonl``); texts
  re-created into the cache (``$CLAIMGRAPH_EVAL_CACHE/dev``).
- ``own``: this project's own annotations (``evaluation/corpora/own/``);
  texts re-created into the cache (``$CLAIMGRAPH_EVAL_CACHE/own``).

The article texts of ``dev`` and ``own`` are third-party articles and never
enter the repository: only their sources (URL, search query, cleaning,
sha256, first and last words) and our gold do.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "evaluation" / "corpora" / "own"


def cache_dir() -> Path:
    """``$CLAIMGRAPH_EVAL_CACHE``, else ``~/.cache/claimgraph-eval``."""
    env = os.environ.get("CLAIMGRAPH_EVAL_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "claimgraph-eval"


@dataclass(frozen=True)
class Corpus:
    name: str
    texts: Path  # folder of DOCUMENT.txt files
    gold: Path  # gold JSONL, one line per document
    sources: Path | None  # sources.jsonl (url, query, cleaning, sha256, ...) for re-created texts
    recreate: str  # what to do when texts are missing

    def gold_rows(self) -> list[dict]:
        return [json.loads(line) for line in self.gold.read_text(encoding="utf-8").splitlines() if line.strip()]

    def documents(self) -> list[str]:
        return sorted(row["document"] for row in self.gold_rows())

    def present(self) -> list[str]:
        """The gold documents whose text is in ``texts``."""
        return [d for d in self.documents() if (self.texts / f"{d}.txt").is_file()]

    def check(self) -> dict[str, str]:
        """Per present document: ``identical`` or ``sha256 differs`` against ``sources``."""
        if self.sources is None or not self.sources.is_file():
            return {}
        want = {}
        for line in self.sources.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                want[row["document"]] = row["sha256"]
        out = {}
        for d in self.present():
            digest = hashlib.sha256((self.texts / f"{d}.txt").read_bytes()).hexdigest()
            out[d] = "identical" if want.get(d) == digest else "sha256 differs"
        return out


def corpora(shared: Path, cache: Path | None = None) -> list[Corpus]:
    cache = cache or cache_dir()
    ev = shared / "eval"
    return [
        Corpus("seeds", ROOT / "seeds", ev / "gold" / "seeds.jsonl", None,
               "the seed texts are in seeds/ of this repository"),
        Corpus("dev", cache / "dev", ev / "gold" / "dev.jsonl", ev / "dev" / "sources.jsonl",
               f"re-create them with the search tool as {ev / 'dev' / 'README.md'} says, into {cache / 'dev'}, "
               f"then check: python3 {ev / 'dev' / 'check.py'} {cache / 'dev'}"),
        Corpus("own", cache / "own", OWN / "gold.jsonl", OWN / "sources.jsonl",
               f"re-create them with the search tool as {OWN / 'README.md'} says, into {cache / 'own'}, "
               f"then check: python3 {OWN.parent / 'check.py'} {OWN / 'sources.jsonl'} {cache / 'own'}"),
    ]
