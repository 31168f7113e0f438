"""`make eval`: score claimgraph and the textacy baseline on every corpus present, in one run.

    .venv/bin/python evaluation/run.py [--shared ../shared] [--corpus seeds|dev|own]...
                                       [--no-baseline] [--detail] [--json PATH]

Corpora (see evaluation/corpora.py): the seeds (in this repository), the
shared development corpus and our own annotations (texts re-created into
``$CLAIMGRAPH_EVAL_CACHE``, default ``~/.cache/claimgraph-eval``). A corpus
whose texts are missing is listed as missing, with what re-creates them.
Both systems read the same texts with the same spaCy pipeline; both outputs
are scored by the shared scorer (``SHARED/eval/score.py``, imported as it is).
The run ends with one table and writes the same figures as JSON
(``evaluation/last-run.json``). ``--detail`` (or ``EVAL_DETAIL=1``) adds the
error report of the development corpora (``evaluation/report.py``), also
written to ``evaluation/last-report.txt``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evaluation.corpora import Corpus, cache_dir, corpora  # noqa: E402
from evaluation.report import Matcher, analyse, counts, load_scorer, render  # noqa: E402

COLUMNS = ("corpus", "system", "documents", "entity-F1", "class-acc", "claim-P", "claim-R", "claim-F1",
           "claims+status-F1", "status-acc", "attribution-acc", "alleged-R", "denied-R")
# the development corpora: measured together too, and the error report's subject
DEV = ("dev", "own")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def figures(scorer, gold_rows: list[dict], ents: list[dict], claims: list[dict]) -> dict:
    res = scorer.score(gold_rows, ents, claims)
    right, matched = Matcher(scorer, gold_rows, ents).class_accuracy(
        {scorer.doc_id(g["document"]) for g in gold_rows})
    return {
        "documents": res["documents"],
        "entities": res["entities"],
        "entity_class_accuracy": right / matched if matched else 0.0,
        "claims": res["claims"],
        "claims_with_status": res["claims_with_status"],
        "status_accuracy": res["status_accuracy"],
        "attribution_accuracy": res["attribution_accuracy"],
        "recall_by_status": res["recall_by_status"],
        "per_document": res["per_document"],
    }


def row(corpus: str, system: str, f: dict) -> list[str]:
    rs = f["recall_by_status"]

    def opt(x):
        return "-" if x is None else f"{x:.3f}"

    return [corpus, system, str(f["documents"]), f"{f['entities']['f1']:.3f}", f"{f['entity_class_accuracy']:.3f}",
            f"{f['claims']['precision']:.3f}", f"{f['claims']['recall']:.3f}", f"{f['claims']['f1']:.3f}",
            f"{f['claims_with_status']['f1']:.3f}", f"{f['status_accuracy']:.3f}",
            f"{f['attribution_accuracy']:.3f}", opt(rs.get("alleged")), opt(rs.get("denied"))]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [list(COLUMNS), *rows]) for i in range(len(COLUMNS))]
    fmt = "  ".join(f"{{:<{w}}}" if i < 2 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*r) for r in [list(COLUMNS), *rows])


def _prefixed(ents: list[dict], claims: list[dict], prefix: str) -> tuple[list[dict], list[dict]]:
    """Entity ids made unique per corpus, so that two corpora's outputs can be scored together."""
    def p(x):
        return None if x is None else f"{prefix}:{x}"

    ents = [{**e, "id": p(e["id"])} for e in ents]
    claims = [{**c, "subject": p(c["subject"]), "object": p(c["object"]),
               "attributed_to": p(c["attributed_to"]) if c.get("attributed_to_kind") == "entity" else
               c.get("attributed_to")} for c in claims]
    return ents, claims


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder holding eval/score.py and eval/gold/")
    ap.add_argument("--cache", type=Path, default=None,
                    help="where the re-created texts are (default $CLAIMGRAPH_EVAL_CACHE or ~/.cache/claimgraph-eval)")
    ap.add_argument("--corpus", action="append", choices=("seeds", "dev", "own"), help="only these corpora")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--detail", action="store_true", default=os.environ.get("EVAL_DETAIL", "") not in ("", "0"),
                    help="also print the error report of the development corpora (EVAL_DETAIL=1)")
    ap.add_argument("--json", type=Path, default=ROOT / "evaluation" / "last-run.json")
    ap.add_argument("--report", type=Path, default=ROOT / "evaluation" / "last-report.txt")
    args = ap.parse_args(argv)

    if not (args.shared / "eval" / "score.py").is_file():
        print(f"eval: no scorer at {args.shared}/eval/score.py (use --shared or SHARED=)", file=sys.stderr)
        return 2
    scorer = load_scorer(args.shared)
    cache = args.cache or cache_dir()
    chosen = [c for c in corpora(args.shared, cache) if not args.corpus or c.name in args.corpus]

    ready: list[tuple[Corpus, list[dict], list[str]]] = []
    missing: dict[str, str] = {}
    notes: dict[str, str] = {}
    for c in chosen:
        if not c.gold.is_file():
            missing[c.name] = f"no gold at {c.gold}"
            continue
        present = c.present()
        total = len(c.documents())
        if not present:
            missing[c.name] = f"{total} texts missing from {c.texts}: {c.recreate}"
            continue
        if len(present) < total:
            notes[c.name] = f"{len(present)} of {total} texts present in {c.texts} (the others are not scored)"
        differs = sorted(d for d, v in c.check().items() if v != "identical")
        if differs:
            notes[c.name] = (notes.get(c.name, "") + "; " if c.name in notes else "") + \
                f"{len(differs)} texts differ from their recorded sha256: {', '.join(differs)}"
        keep = set(present)
        ready.append((c, [g for g in c.gold_rows() if g["document"] in keep], present))

    results: dict[str, dict] = {}
    outputs: dict[tuple[str, str], tuple[list[dict], list[dict]]] = {}
    texts_of: dict[str, dict[str, str]] = {}
    if ready:
        import claimgraph
        from claimgraph import Builder
        from claimgraph.ingest import read_paths

        builder = Builder()
        with tempfile.TemporaryDirectory() as tmp:
            for c, gold_rows, present in ready:
                paths = [c.texts / f"{d}.txt" for d in present] if c.name != "seeds" else [c.texts]
                docs = read_paths(paths, builder.config.ingest).documents
                texts = {d.id: d.text for d in docs}
                out = Path(tmp) / c.name / "claimgraph"
                builder.build(docs).export("jsonl", out)
                outputs[(c.name, "claimgraph")] = (read_jsonl(out / "entities.jsonl"), read_jsonl(out / "claims.jsonl"))
                if not args.no_baseline:
                    from evaluation.baseline_textacy import run as baseline

                    base = Path(tmp) / c.name / "baseline"
                    baseline(texts, base, builder.config.nlp.model)
                    outputs[(c.name, "textacy")] = (read_jsonl(base / "entities.jsonl"), read_jsonl(base / "claims.jsonl"))
                texts_of[c.name] = texts
                for system in ("claimgraph", "textacy"):
                    if (c.name, system) in outputs:
                        ents, claims = outputs[(c.name, system)]
                        results.setdefault(c.name, {})[system] = figures(scorer, gold_rows, ents, claims)
        version = claimgraph.__version__
    else:
        version = None

    # the development corpora together (the issues' targets are stated on them)
    dev_ready = [(c, g) for c, g, _p in ready if c.name in DEV]
    if len(dev_ready) > 1:
        name = "+".join(c.name for c, _g in dev_ready)
        for system in ("claimgraph", "textacy"):
            if all((c.name, system) in outputs for c, _g in dev_ready):
                ents, claims, gold = [], [], []
                for c, g in dev_ready:
                    e, cl = _prefixed(*outputs[(c.name, system)], c.name)
                    ents += e
                    claims += cl
                    gold += g
                results.setdefault(name, {})[system] = figures(scorer, gold, ents, claims)

    print(f"== make eval: claimgraph {version or '(not run)'}, shared scorer {args.shared / 'eval' / 'score.py'}")
    for name, note in notes.items():
        print(f"   {name}: {note}")
    for name, why in missing.items():
        print(f"   {name}: MISSING: {why}")
    rows = [row(corpus, system, f) for corpus, by_system in results.items() for system, f in by_system.items()]
    if rows:
        print()
        print(table(rows))

    report_counts = {}
    if args.detail and dev_ready:
        parts = []
        for c, g in dev_ready:
            ents, claims = outputs[(c.name, "claimgraph")]
            errors, ent = analyse(scorer, g, ents, claims, texts_of[c.name])
            report_counts[c.name] = counts(errors)
            report_counts[c.name]["entities"] = {"found": ent["class_matched"], "class_right": ent["class_right"],
                                                 "not_found": len(ent["missed"]),
                                                 "spurious": len(ent["spurious"])}
            parts.append(render(errors, ent, title=f"{c.name} ({len(g)} documents)"))
        text = "\n\n".join(parts)
        args.report.write_text(text + "\n", encoding="utf-8")
        print()
        print(text)
        print(f"(also written to {args.report})")

    payload = {"claimgraph_version": version, "missing": missing, "notes": notes,
               "results": results, "error_counts": report_counts}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\n(figures written to {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
