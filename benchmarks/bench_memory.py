"""Peak memory of building one very large article, against a baseline.

Each case runs `claimgraph build` in a fresh process and reads that
process's peak resident set size (ru_maxrss); the baseline is the seed
articles built in the same run. Run:

    .venv/bin/python benchmarks/bench_memory.py [--sizes 1,10] [--chunk-chars N]

A 10 MB article is refused under the default limit (ingest.max_bytes =
5 MB, report line CG105); with the limit raised it is parsed in pieces of
at most nlp.chunk_chars characters, so memory is bounded by the piece size
and spaCy's batch, not by the article.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

RUNNER = r"""
import resource, sys, time
from claimgraph.cli import main
t = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - t
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("BENCH", code, peak_kib, round(elapsed, 2), file=sys.stderr)
"""


def big_article(path: Path, megabytes: float) -> int:
    """An article of about ``megabytes`` MB: the seeds' paragraphs repeated."""
    paragraphs = []
    for seed in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p for p in seed.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    target = int(megabytes * 1_000_000)
    out, size, i = [], 0, 0
    while size < target:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        size += len(p.encode("utf-8")) + 2
        i += 1
    path.write_text("\n\n".join(out), encoding="utf-8")
    return path.stat().st_size


def run(args: list[str], config: Path | None) -> dict:
    cmd = [sys.executable, "-c", RUNNER, "build", *args, "--quiet"]
    if config is not None:
        cmd += ["--config", str(config)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    line = [ln for ln in done.stderr.splitlines() if ln.startswith("BENCH ")][-1].split()
    problems = [ln for ln in done.stderr.splitlines() if "[CG" in ln]
    return {"exit": int(line[1]), "peak_mb": int(line[2]) / 1024, "seconds": float(line[3]),
            "problems": problems[:1]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,10", help="article sizes in MB, comma-separated")
    ap.add_argument("--chunk-chars", type=int, default=None, help="override nlp.chunk_chars")
    opts = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        raised = tmpdir / "raised.toml"
        extra = f"\n[nlp]\nchunk_chars = {opts.chunk_chars}\n" if opts.chunk_chars else ""
        raised.write_text(f"[ingest]\nmax_bytes = 50_000_000\n{extra}", encoding="utf-8")
        base = run([str(SEEDS), "--out", str(tmpdir / "o0")], None)
        results["baseline (3 seed articles, 22 kB)"] = base
        for mb in (float(s) for s in opts.sizes.split(",")):
            art = tmpdir / f"big{mb:g}" / f"article_{mb:g}mb.txt"
            art.parent.mkdir()
            size = big_article(art, mb)
            results[f"{size / 1e6:.1f} MB article, default limit"] = run([str(art), "--out", str(tmpdir / "o1")], None)
            results[f"{size / 1e6:.1f} MB article, limit raised"] = run([str(art), "--out", str(tmpdir / "o2")], raised)
    width = max(map(len, results))
    print(f"{'case':{width}}  exit  peak RSS MB  x baseline  seconds  first problem")
    for name, r in results.items():
        print(f"{name:{width}}  {r['exit']:4}  {r['peak_mb']:11.0f}  {r['peak_mb'] / base['peak_mb']:10.2f}  "
              f"{r['seconds']:7.1f}  {' '.join(r['problems'])[:90]}")
    print(json.dumps({k: {kk: v for kk, v in r.items() if kk != 'problems'} for k, r in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
