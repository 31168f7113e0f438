"""The error report: every missed and spurious claim, grouped by its first cause.

    .venv/bin/python evaluation/report.py [--shared ../shared] [--corpus dev --corpus own]
    EVAL_DETAIL=1 make eval          # the same, after the table

For each gold claim the build missed, the first cause that explains it:

1. ``argument not recognised``: a gold argument has no extracted entity with a
   mention in the document;
2. ``argument with the wrong class``: both found, but an argument's class is
   not the gold class;
3. ``wrong direction``: the build has the claim the other way round;
4. ``wrong relation``: the build links the same two entities by another relation;
5. ``argument resolved to the wrong entity``: the build has the relation in the
   evidence sentence with one argument right and the other a different entity;
6. ``no rule for the construction``: none of the above.

For each gold statement of a found tuple: ``wrong status`` (no extracted claim
of the tuple has its status), then ``wrong source`` (status right, attribution
not). For each spurious claim: ``argument not a gold entity``, ``wrong
direction``, ``wrong relation``, else ``no such gold claim``. Entities: the
gold entities not found, those found with another class, and the extracted
entities that match nothing.

Matching is the shared scorer's (its ``norm`` and its missed/spurious lists),
so the counts here add up to its figures.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

MISSED_CAUSES = ("argument not recognised", "argument with the wrong class", "wrong direction",
                 "wrong relation", "argument resolved to the wrong entity", "no rule for the construction")
STATEMENT_CAUSES = ("wrong status", "wrong source")
SPURIOUS_CAUSES = ("argument not a gold entity", "wrong direction", "wrong relation", "no such gold claim")


def load_scorer(shared: Path) -> ModuleType:
    """The shared scorer (``eval/score.py``) as a module, used as it is."""
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("claimgraph_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Error:
    kind: str  # "missed", "statement", "spurious"
    cause: str
    document: str
    tuple: str  # "subject -relation-> object"
    detail: str  # status / source / class details
    sentence: str


class Matcher:
    """Which gold keys each extracted entity stands for, per document (the scorer's matching)."""

    def __init__(self, scorer: ModuleType, gold_rows: list[dict], ents: list[dict]) -> None:
        norm = scorer.norm
        self.gold_type: dict[str, str] = {}
        self.gold_names: dict[str, list[str]] = {}
        self.gold_in_doc: dict[str, set[str]] = defaultdict(set)
        name_to_keys: dict[str, set[str]] = defaultdict(set)
        for g in gold_rows:
            d = scorer.doc_id(g["document"])
            for e in g["entities"]:
                self.gold_type[e["key"]] = e["type"]
                self.gold_names.setdefault(e["key"], list(e["names"]))
                self.gold_in_doc[d].add(e["key"])
                for n in e["names"]:
                    name_to_keys[norm(n)].add(e["key"])
        self.keys: dict[str, set[str]] = {}
        self.type: dict[str, str] = {}
        self.label: dict[str, str] = {}
        # per document: gold key -> [(mentions in the document, builder type)]
        self.found: dict[str, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
        self.unmatched: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for e in ents:
            eid = str(e["id"])
            labels = [e.get("label", "")] + list(e.get("aliases") or [])
            labels += [m.get("text", "") for m in e.get("mentions") or []]
            keys = set().union(*(name_to_keys.get(norm(x), set()) for x in labels))
            self.keys[eid], self.type[eid], self.label[eid] = keys, e.get("type", ""), e.get("label", "")
            per_doc = Counter(scorer.doc_id(m.get("document", "")) for m in e.get("mentions") or [])
            for d, n in per_doc.items():
                here = keys & self.gold_in_doc[d]
                for k in here:
                    self.found[d][k].append((n, self.type[eid]))
                if not here:
                    self.unmatched[d].append((self.label[eid], self.type[eid]))

    def class_of(self, d: str, key: str) -> str | None:
        """The class of the extracted entity that stands for ``key`` in ``d`` (most mentions first)."""
        cands = sorted(self.found[d].get(key, []), key=lambda t: (-t[0], t[1]))
        return cands[0][1] if cands else None

    def class_accuracy(self, docs) -> tuple[int, int]:
        """(right, matched): gold entities found whose extracted class is the gold class."""
        right = matched = 0
        for d in docs:
            for key in self.found[d]:
                matched += 1
                right += self.class_of(d, key) == self.gold_type[key]
        return right, matched


def _sentence(text: str, evidence: str) -> str:
    """The sentence of ``text`` that holds ``evidence`` (else the evidence itself)."""
    if not text or not evidence:
        return evidence or ""
    i = text.find(evidence)
    if i < 0:
        return evidence
    starts = [m.end() for m in re.finditer(r"(?<=[.!?\u201d\"])\s+|\n", text[:i])]
    start = starts[-1] if starts else 0
    m = re.search(r"[.!?](?=[\u201d\"]?\s)|\n", text[i + len(evidence):])
    end = i + len(evidence) + (m.end() if m else len(text))
    return " ".join(text[start:end].split())


def analyse(scorer: ModuleType, gold_rows: list[dict], ents: list[dict], claims: list[dict],
            texts: dict[str, str]) -> tuple[list[Error], dict]:
    """Errors with their first cause, and entity figures (class accuracy, missed, spurious)."""
    res = scorer.score(gold_rows, ents, claims)
    m = Matcher(scorer, gold_rows, ents)
    docs = {scorer.doc_id(g["document"]) for g in gold_rows}
    sym = scorer.SYMMETRIC

    def tkey(d, s, r, o):
        if r in sym:
            s, o = sorted((s, o))
        return (d, s, r, o)

    gold: dict[tuple, list[dict]] = defaultdict(list)
    for g in gold_rows:
        d = scorer.doc_id(g["document"])
        for c in g["claims"]:
            gold[tkey(d, c["subject"], c["relation"], c["object"])].append(c)
    pairs = defaultdict(set)  # (d, s, o) -> gold relations
    for (d, s, r, o) in gold:
        pairs[(d, s, o)].add(r)
        if r in sym:
            pairs[(d, o, s)].add(r)

    # every extracted claim with the gold keys of its arguments
    pred: dict[str, list[tuple[set, str, set, dict]]] = defaultdict(list)
    for c in claims:
        d = scorer.doc_id(c.get("document", ""))
        if d in docs:
            pred[d].append((m.keys.get(str(c.get("subject")), set()), str(c.get("relation")),
                            m.keys.get(str(c.get("object")), set()), c))

    def has(d, s, r, o):
        return any(s in ps and r == pr and o in po for ps, pr, po, _c in pred[d])

    errors: list[Error] = []
    for item in res["missed"]:
        d, s, r, o = item.split("|")
        g = gold[(d, s, r, o)][0]
        sent = _sentence(texts.get(d, ""), g.get("evidence", ""))
        t = f"{s} -{r}-> {o}"
        missing = [k for k in (s, o) if k not in m.found[d]]
        wrong = [k for k in (s, o) if k not in missing and m.class_of(d, k) != m.gold_type[k]]
        if missing:
            cause, detail = MISSED_CAUSES[0], "; ".join(f"{k} ({m.gold_type[k]}: {' / '.join(m.gold_names[k][:3])})"
                                                        for k in missing)
        elif wrong:
            cause, detail = MISSED_CAUSES[1], "; ".join(f"{k}: {m.class_of(d, k)} for {m.gold_type[k]}" for k in wrong)
        elif r not in sym and has(d, o, r, s):
            cause, detail = MISSED_CAUSES[2], ""
        elif other := sorted({pr for ps, pr, po, _c in pred[d]
                              if (s in ps and o in po) or (o in ps and s in po)} - {r}):
            cause, detail = MISSED_CAUSES[3], "extracted: " + ", ".join(other)
        elif near := sorted({f"{_name(m, c['subject'])} -{pr}-> {_name(m, c['object'])}"
                             for ps, pr, po, c in pred[d]
                             if pr == r and ((s in ps) != (o in po)) and _same_sentence(c, sent)}):
            cause, detail = MISSED_CAUSES[4], "extracted: " + ", ".join(near)
        else:
            cause, detail = MISSED_CAUSES[5], ""
        errors.append(Error("missed", cause, d, t, f"[{g['status']}] {detail}".strip(), sent))

    for k, gs in sorted(gold.items()):
        d, s, r, o = k
        found = [c for ps, pr, po, c in pred[d]
                 if pr == r and ((s in ps and o in po) or (r in sym and o in ps and s in po))]
        if not found:
            continue
        for g in gs:
            sent = _sentence(texts.get(d, ""), g.get("evidence", ""))
            got = sorted({str(c.get("status")) for c in found})
            if g["status"] not in got:
                errors.append(Error("statement", "wrong status", d, f"{s} -{r}-> {o}",
                                    f"gold {g['status']}, extracted {'/'.join(got)}", sent))
            elif not any(scorer._attr_match(g.get("attributed_to"), c.get("attributed_to"), m.keys)
                         for c in found if c.get("status") == g["status"]):
                srcs = sorted({str(c.get("attributed_to")) for c in found if c.get("status") == g["status"]})
                errors.append(Error("statement", "wrong source", d, f"{s} -{r}-> {o}",
                                    f"[{g['status']}] gold {g.get('attributed_to')}, extracted {'/'.join(srcs)}",
                                    sent))

    seen = set()
    for d in sorted(pred):
        for ps, r, po, c in pred[d]:
            hit = any(tkey(d, s, r, o) in gold for s in ps for o in po)
            if hit:
                continue
            t = f"{_name(m, c['subject'])} -{r}-> {_name(m, c['object'])}"
            if (d, t) in seen:
                continue
            seen.add((d, t))
            if not ps or not po:
                cause = SPURIOUS_CAUSES[0]
            elif any(r in pairs.get((d, o, s), ()) for s in ps for o in po):
                cause = SPURIOUS_CAUSES[1]
            elif any(pairs.get((d, s, o)) for s in ps for o in po):
                cause = SPURIOUS_CAUSES[2]
            else:
                cause = SPURIOUS_CAUSES[3]
            errors.append(Error("spurious", cause, d, t, f"[{c.get('status')}] rule {c.get('rule', '?')}",
                                " ".join(str(c.get("sentence", "")).split())))

    right, matched = m.class_accuracy(docs)
    ent = {
        "class_right": right, "class_matched": matched,
        "missed": sorted((d, k, m.gold_type[k], " / ".join(m.gold_names[k][:3]))
                         for d in docs for k in m.gold_in_doc[d] if k not in m.found[d]),
        "wrong_class": sorted((d, k, m.gold_type[k], m.class_of(d, k)) for d in docs for k in m.found[d]
                              if m.class_of(d, k) != m.gold_type[k]),
        "spurious": sorted((d, lab, typ) for d in docs for lab, typ in m.unmatched[d]),
    }
    return errors, ent


def _name(m: Matcher, eid) -> str:
    keys = m.keys.get(str(eid), set())
    return "/".join(sorted(keys)) if keys else f"?{m.label.get(str(eid), eid)}"


def _same_sentence(claim: dict, sentence: str) -> bool:
    a, b = " ".join(str(claim.get("sentence", "")).split()), sentence
    return bool(a and b) and (a in b or b in a)


def counts(errors: list[Error]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for kind, causes in (("missed", MISSED_CAUSES), ("statement", STATEMENT_CAUSES), ("spurious", SPURIOUS_CAUSES)):
        c = Counter(e.cause for e in errors if e.kind == kind)
        out[kind] = {cause: c.get(cause, 0) for cause in causes}
    return out


def render(errors: list[Error], ent: dict, *, title: str) -> str:
    lines = [f"# Error report: {title}", ""]
    summary = counts(errors)
    heads = {"missed": "missed gold claims", "statement": "gold statements of found claims",
             "spurious": "spurious claims"}
    for kind, by_cause in summary.items():
        lines.append(f"{heads[kind]} ({sum(by_cause.values())}):")
        lines += [f"  {n:4d}  {cause}" for cause, n in by_cause.items()]
    right, matched = ent["class_right"], ent["class_matched"]
    lines.append(f"entities: {matched} gold entities found, class right for {right}"
                 f" ({right / matched if matched else 0:.3f}); {len(ent['missed'])} not found;"
                 f" {len(ent['spurious'])} extracted entities match no gold entity")
    pairs = Counter((g, b) for _d, _k, g, b in ent["wrong_class"])
    if pairs:
        lines.append("  wrong classes (gold -> extracted): "
                     + ", ".join(f"{g}->{b} {n}" for (g, b), n in pairs.most_common()))
    lines.append("")
    for kind, causes in (("missed", MISSED_CAUSES), ("statement", STATEMENT_CAUSES), ("spurious", SPURIOUS_CAUSES)):
        for cause in causes:
            rows = [e for e in errors if e.kind == kind and e.cause == cause]
            if not rows:
                continue
            lines.append(f"## {heads[kind]}: {cause} ({len(rows)})")
            for e in sorted(rows, key=lambda e: (e.document, e.tuple)):
                lines.append(f"- {e.document}: {e.tuple}  {e.detail}".rstrip())
                lines.append(f"    \u00ab{e.sentence}\u00bb")
            lines.append("")
    for head, rows, fmt in (
        ("gold entities not found", ent["missed"], lambda r: f"- {r[0]}: {r[1]} ({r[2]}: {r[3]})"),
        ("gold entities found with another class", ent["wrong_class"],
         lambda r: f"- {r[0]}: {r[1]} gold {r[2]}, extracted {r[3]}"),
        ("extracted entities that match no gold entity", ent["spurious"], lambda r: f"- {r[0]}: {r[1]} ({r[2]})"),
    ):
        lines.append(f"## {head} ({len(rows)})")
        lines += [fmt(r) for r in rows]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from evaluation.run import main as run_main

    return run_main(["--detail", "--no-baseline", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
