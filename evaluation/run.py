"""`make eval`: score claimgraph and the textacy baseline on the seeds, in one run.

Both read the same seed texts with the same spaCy pipeline; both outputs are
scored by the shared scorer (../shared/eval/score.py by default).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def score(scorer: Path, gold: Path, folder: Path, show: int) -> str:
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--entities", str(folder / "entities.jsonl"),
           "--claims", str(folder / "claims.jsonl")]
    if show:
        cmd += ["--show", str(show)]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder holding eval/score.py and eval/gold/")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--show", type=int, default=0, help="also list up to N missed and spurious claims")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    scorer = args.shared / "eval" / "score.py"
    gold = args.shared / "eval" / "gold" / "seeds.jsonl"
    if not scorer.is_file() or not gold.is_file():
        print(f"eval: the scorer or gold is missing under {args.shared}/eval (use --shared)", file=sys.stderr)
        return 2

    from claimgraph import Builder
    from claimgraph.ingest import read_paths

    builder = Builder()
    docs = read_paths([args.seeds], builder.config.ingest).documents
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "claimgraph"
        builder.build(docs).export("jsonl", ours)
        print(f"== claimgraph {__import__('claimgraph').__version__} (seeds: {len(docs)} documents)")
        print(score(scorer, gold, ours, args.show))
        if not args.no_baseline:
            from evaluation.baseline_textacy import run

            base = Path(tmp) / "baseline"
            run({d.id: d.text for d in docs}, base, builder.config.nlp.model)
            import textacy

            print(f"== baseline: textacy {textacy.__version__} subject-verb-object triples, verbs mapped by lemma")
            print(score(scorer, gold, base, args.show))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
