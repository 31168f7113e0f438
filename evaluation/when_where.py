"""When and where on the corpora (issue 16's measures): how many Place and State entities
have coordinates, and how many claims whose evidence sentence holds a date expression carry
a date (with a value, or unplaced with its words). The date expressions are found by a
pattern of their own here (month names, years, weekdays, relative words), not by the
extractor's reading, so the figure can fail.

    .venv/bin/python evaluation/when_where.py [--corpus dev own] [--list]

Texts come from the evaluation cache (make eval re-creates them)."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.corpora import cache_dir  # noqa: E402

DATE_WORDS = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*|(?:january|february|march|april|june|july|august|september|october|november|"
    r"december)|(?:19|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"last (?:week|month|year)|this (?:week|month|year)|earlier this (?:week|month|year))\b", re.I)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", nargs="+", default=["dev", "own"])
    ap.add_argument("--list", action="store_true", help="list the places without coordinates and the undated claims")
    args = ap.parse_args()
    from claimgraph.api import Builder
    from claimgraph.ingest import read_paths
    from claimgraph.config import load_config

    cfg = load_config()
    builder = Builder(cfg)
    for name in args.corpus:
        folder = cache_dir() / name
        docs = read_paths([folder], cfg.ingest).documents
        kg = builder.build(docs)
        places = [e for e in kg.entities if e.type.value in ("Place", "State")]
        with_point = [e for e in places if e.lat is not None]
        dated_sentences = [c for c in kg.claims if DATE_WORDS.search(c.evidence.sentence)]
        carrying = [c for c in dated_sentences if c.when is not None]
        valued = [c for c in carrying if c.when.value]
        print(f"{name}: {len(docs)} documents")
        print(f"  places (Place and State entities): {len(places)}, with coordinates {len(with_point)} "
              f"({len(with_point) / max(1, len(places)):.1%})")
        print(f"  claims whose sentence holds a date expression: {len(dated_sentences)}, carrying a date "
              f"{len(carrying)} ({len(carrying) / max(1, len(dated_sentences)):.1%}), of which placed in time "
              f"{len(valued)} (documents dated: {sum(1 for d in docs if d.date)})")
        print(f"  claims with a place: {sum(1 for c in kg.claims if c.place)} of {len(kg.claims)}")
        if args.list:
            for e in sorted(set(places) - set(with_point), key=lambda e: e.id):
                print(f"    no coordinates: {e.id} ({e.type.value}) {e.label!r}")
            for c in dated_sentences:
                if c.when is None:
                    print(f"    undated: {c.subject} {c.relation.value} {c.object}: {c.evidence.sentence[:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
