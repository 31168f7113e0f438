"""Benchmark: the canned analyst queries on a synthetic graph, in the store
(Oxigraph on disk) and in rdflib's in-memory SPARQL engine, with the ratio
of the two measured in the same run.

    python benchmarks/queries.py                      # 1,000,000 triples (make bench)
    python benchmarks/queries.py --triples 30000      # BENCH_QUICK=1; rdflib stopped after 9 s

It also measures the store's write path on the same corpus: adding every
document, re-adding them unchanged (skipped by content hash), replacing one
document (the incremental update) and, as its baseline, rebuilding the
whole RDF from the records.

An rdflib query that runs longer than --timeout seconds is stopped and
reported as a lower bound. Both engines must return the same rows (as
multisets); the script exits 1 when they do not.
"""
from __future__ import annotations

import argparse
import gc
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rdflib import Dataset, URIRef  # noqa: E402

from claimgraph.graph.rdf import entity_iri, quads  # noqa: E402
from claimgraph.query import bind, canned_queries  # noqa: E402
from claimgraph.store import CorpusStore  # noqa: E402
from synthetic import corpus  # noqa: E402


class Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise Timeout


def params_for(kg) -> dict[str, dict[str, str]]:
    """A group many claim to be supported and an entity in the middle of the news."""
    supported = Counter(c.object for c in kg.claims if c.relation.value == "supports" and c.status.value == "alleged")
    involved = Counter([c.subject for c in kg.claims] + [c.object for c in kg.claims])
    ranked = [e for e, _n in involved.most_common()]
    return {"supporters": {"group": str(entity_iri(supported.most_common(1)[0][0]))},
            "about-entity": {"entity": str(entity_iri(ranked[min(len(ranked) - 1, 50)]))}}


def oxigraph_rows(store: CorpusStore, text: str, params: dict[str, str]) -> list[tuple]:
    import pyoxigraph as ox

    result = store.query(text, {k: ox.NamedNode(v) for k, v in params.items()})
    names = [v.value for v in result.variables]
    return [tuple(None if sol[n] is None else sol[n].value for n in names) for sol in result]


def rdflib_rows(ds: Dataset, text: str, params: dict[str, str]) -> list[tuple]:
    import pyoxigraph as ox

    # the same query text as Oxigraph gets (the parameter in its VALUES line); any
    # parameter without one is bound with rdflib's initBindings
    text, rest = bind(text, {k: ox.NamedNode(v) for k, v in params.items()})
    result = ds.query(text, initBindings={k: URIRef(v.value) for k, v in rest.items()})
    names = list(result.vars)
    return [tuple(None if row[n] is None else str(row[n]) for n in names) for row in result]


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (default 1,000,000)")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds an rdflib query may run (default 300 at 1,000,000 triples, in proportion to "
                        "--triples, at least 5)")
    p.add_argument("--repeat", type=int, default=3, help="Oxigraph runs per query; the best is kept (default 3)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", type=Path, help="build the store in this folder and keep it")
    args = p.parse_args(argv)
    if args.timeout is None:
        args.timeout = max(5.0, 300 * args.triples / 1_000_000)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    if args.keep and folder.exists():
        shutil.rmtree(folder)
    print(f"claimgraph query benchmark: about {args.triples:,} triples, seed {args.seed}", flush=True)
    graphs = list(corpus(args.triples, seed=args.seed))
    try:
        # -- the store's write path ---------------------------------------------------------
        with CorpusStore.open(folder / "store", create=True) as store:
            _none, t_add = timed(lambda: [store.apply(graphs[i:i + 250]) for i in range(0, len(graphs), 250)])
            documents = [g.documents[0] for g in graphs]
            update, t_readd = timed(store.add, documents)
            assert len(update.unchanged) == len(documents)
            one = graphs[len(graphs) // 2]
            changed = replace(one, claims=one.claims[:-1])
            _none, t_replace = timed(store.apply, [changed])
            _none, t_rebuild = timed(store.repair)
            assert store.verify() == (0, 0)
            kg = store.knowledge_graph()
        size = sum(1 for _q in quads(kg.documents, kg.entities, kg.claims))
        print(f"graph: {size:,} triples; {len(kg.documents):,} documents, {len(kg.entities):,} entities, "
              f"{len(kg.claims):,} claims")
        print(f"store: add {len(graphs):,} documents {t_add:.1f} s ({len(graphs) / t_add:.0f} documents/s); "
              f"re-add them unchanged {t_readd:.2f} s; replace one document {t_replace:.2f} s; "
              f"rebuild all RDF {t_rebuild:.1f} s (rebuild / replace = {t_rebuild / t_replace:.0f}x)", flush=True)

        # -- the same graph in rdflib ---------------------------------------------------------
        def load():
            ds = Dataset(default_union=True)
            graphs_by_name = {}
            for s, p_, o, g in quads(kg.documents, kg.entities, kg.claims):
                if g is None:
                    ds.default_graph.add((s, p_, o))
                else:
                    if g not in graphs_by_name:
                        graphs_by_name[g] = ds.graph(g)
                    graphs_by_name[g].add((s, p_, o))
            return ds

        ds, t_load = timed(load)
        print(f"rdflib: loaded the same quads in memory in {t_load:.1f} s", flush=True)
        params = params_for(kg)
        del graphs
        gc.collect()

        print(f"\n{'query':18} {'rows':>8} {'oxigraph s':>11} {'rdflib s':>12} {'rdflib/oxigraph':>16}")
        mismatches = []
        signal.signal(signal.SIGALRM, _alarm)
        with CorpusStore.open(folder / "store") as store:
            for name, q in canned_queries().items():
                bound = params.get(name, {})
                best = float("inf")
                for _ in range(max(1, args.repeat)):
                    rows, t = timed(oxigraph_rows, store, q.text, bound)
                    best = min(best, t)
                try:
                    signal.setitimer(signal.ITIMER_REAL, args.timeout)
                    reference, t_rdflib = timed(rdflib_rows, ds, q.text, bound)
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    if Counter(rows) != Counter(reference):
                        mismatches.append(name)
                    rdflib_text = f"{t_rdflib:12.3f}"
                    ratio = f"{t_rdflib / best:15.0f}x"
                except Timeout:
                    rdflib_text = f">{args.timeout:g} (stopped)".rjust(12)
                    ratio = f">{args.timeout / best:.0f}x".rjust(16)
                print(f"{name:18} {len(rows):8,} {best:11.3f} {rdflib_text} {ratio}", flush=True)
        if mismatches:
            print(f"\nthe engines disagree on: {', '.join(mismatches)}", file=sys.stderr)
            return 1
        print("\nboth engines returned the same rows for every query that rdflib finished")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
