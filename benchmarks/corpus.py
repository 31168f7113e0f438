"""A generator of realistic articles for benchmarks, deterministic by seed.

Each article recombines sentences of the seed articles and substitutes the
names in them: every known armed group, state, person and place is replaced
by another gazetteer entry of the same class, consistently within the
article, and years are shifted. The result reads like conflict reporting
and exercises every stage (names, coordination, reports, hedges), but its
claims are not the seeds' claims.

    python benchmarks/corpus.py OUT_DIR --n 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.config import load_config  # noqa: E402
from claimgraph.gazetteer import load_gazetteer  # noqa: E402
from claimgraph.ingest import read_paths  # noqa: E402
from claimgraph.model import BlockKind, EntityType  # noqa: E402

_SENTENCE = re.compile(r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bGen\.)(?<!\bU\.S\.)(?<=[.!?])\s+(?=[A-Z\"“])")
_YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
_SWAP = (EntityType.STATE, EntityType.ARMED_GROUP, EntityType.PERSON, EntityType.PLACE,
         EntityType.SECURITY_FORCE, EntityType.ORGANIZATION)


def _pools(seed_dir: Path):
    cfg = load_config()
    docs = read_paths([seed_dir], cfg.ingest).documents
    sentences: list[str] = []
    titles: list[str] = []
    for doc in docs:
        for block in doc.blocks:
            text = " ".join(doc.text[block.start:block.end].split())
            if block.kind is BlockKind.PARAGRAPH:
                sentences.extend(s for s in _SENTENCE.split(text) if len(s.split()) >= 6)
            elif block.kind is BlockKind.TITLE:
                titles.append(text)
    return sentences, titles


def _acronym(entry) -> str | None:
    return next((a for a in entry.aliases if a.isupper() and a.isalpha() and 2 <= len(a) <= 6), None)


def _names(gz):
    """A pattern of every name (longest first), the entry each names, and
    the entries of each class to substitute."""
    owner: dict[str, object] = {}
    use: dict[EntityType, list] = defaultdict(list)
    for e in gz:
        if e.type not in _SWAP:
            continue
        use[e.type].append(e)
        for name in e.names:
            if len(name) >= 2 and name not in owner:
                owner[name] = e
    names = sorted(owner, key=lambda n: (-len(n), n))
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names))
    return pattern, owner, {t: sorted(v, key=lambda e: e.id) for t, v in use.items()}


def generate(out: Path, n: int, *, seed: int = 7, seed_dir: Path = ROOT / "seeds") -> list[Path]:
    rng = random.Random(seed)
    sentences, titles = _pools(seed_dir)
    pattern, kind, use = _names(load_gazetteer())
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        mapping: dict[str, object] = {}

        def swap(m: re.Match) -> str:
            name = m.group(0)
            entry = kind[name]
            if entry.id not in mapping:
                mapping[entry.id] = rng.choice(use[entry.type])
            new = mapping[entry.id]
            if name.isupper() and len(name) <= 6:  # an acronym stays an acronym
                return _acronym(new) or new.label
            return new.label

        shift = rng.randint(-6, 3)
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            picked = rng.sample(sentences, rng.randint(2, 5))
            text = " ".join(_YEAR.sub(lambda m: str(int(m.group(0)) + shift), pattern.sub(swap, s))
                            for s in picked)
            paragraphs.append(text)
        title = pattern.sub(swap, rng.choice(titles))
        path = out / f"gen_{seed}_{i:06d}.txt"
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = generate(args.out, args.n, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
