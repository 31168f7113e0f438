"""The command line: thin wrappers over the library API.

Exit codes: 0 everything was built; 1 something was built, but some input
had problems (listed on stderr and in ``OUT/build-report.txt``); 2 nothing
could be built (the report is still written), or the command was wrong
(bad option, unknown model, bad config).
"""
from __future__ import annotations

import argparse
import contextlib
import os
from dataclasses import replace
import sys
from pathlib import Path

from ._version import __version__
from .api import build_documents
from .config import load_config
from .errors import ClaimgraphError, Code
from .export import DEFAULT_FORMATS, EXPORTERS
from .ingest import read_paths
from .io import Transaction
from .report import REPORT_NAME, one_line, sorted_problems, write_report

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="claimgraph", description=(
        "Build knowledge graphs of attributed claims from conflict and security reporting."))
    p.add_argument("--version", action="version", version=f"claimgraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read articles and write the graph's exports, or add them to a store")
    b.add_argument("paths", nargs="+", help="text files or folders of them")
    b.add_argument("--out", type=Path, help="folder for the exports (with --store: of the whole store)")
    b.add_argument("--store", type=Path, help="add the articles to this store (made if it does not exist)")
    b.add_argument("--rebuild", action="store_true",
                   help="with --store: build every article again, even those the store has unchanged")
    b.add_argument("--format", dest="formats", action="append", choices=sorted(EXPORTERS),
                   help=f"export format (repeatable; default: {' '.join(DEFAULT_FORMATS)})")
    b.add_argument("--config", type=Path, help="a TOML file laid over the packaged defaults")
    b.add_argument("--model", help="an installed spaCy pipeline (default from the config)")
    b.add_argument("--workers", type=int, help="spaCy worker processes (with --dask local: Dask workers)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="parse and extract on a Dask cluster: a scheduler address (tcp://host:8786), or "
                        "'local' for a local cluster of --workers processes (needs claimgraph[dask])")
    b.add_argument("--dask-partition", type=int, metavar="N",
                   help="documents per Dask task (default 16)")
    _input_options(b)
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    _html_arguments(b)

    r = sub.add_parser("read", help="print the documents as read (JSONL: id, source, title, url, date, "
                                    "text), the text that offsets index; problems go to stderr")
    r.add_argument("paths", nargs="+", help="files or folders")
    r.add_argument("--config", type=Path, help="a TOML file laid over the packaged defaults")
    _input_options(r)

    f = sub.add_parser("formats", help="list the export formats")
    f.set_defaults(formats_only=True)

    n = sub.add_parser("push", help="load an export's graph into Neo4j over Bolt (idempotent)",
                       description="Run the export's neo4j/load.cypher with its params/*.json rows against a "
                                   "Neo4j 5 server with the official driver, in batches. Pushing twice leaves "
                                   "the same graph.")
    n.add_argument("folder", nargs="?", type=Path, default=Path("exports"),
                   help="a folder written by `claimgraph build` (or its neo4j/ folder); default: exports")
    n.add_argument("--uri", required=True, help="the server's Bolt address, e.g. neo4j://localhost:7687")
    n.add_argument("--user", default=os.environ.get("NEO4J_USERNAME", "neo4j"),
                   help="user name (default: $NEO4J_USERNAME, else neo4j)")
    n.add_argument("--password-env", default="NEO4J_PASSWORD", metavar="VAR",
                   help="the environment variable holding the password (default: NEO4J_PASSWORD)")
    n.add_argument("--database", help="the database to load into (default: the server's default)")
    n.add_argument("--batch-size", type=int, default=1000, help="rows per transaction (default: 1000)")
    n.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    _store_commands(sub)
    return p


def _html_arguments(p: argparse.ArgumentParser) -> None:
    """The HTML page's options (they override the config's [html] section)."""
    from .export.html import LAYOUTS, SIZE_BY

    h = p.add_argument_group("HTML page")
    h.add_argument("--html-max-nodes", type=int, metavar="N",
                   help="keep the N entities with most claims (0 = all; default from [html] max_nodes)")
    h.add_argument("--html-layout", choices=LAYOUTS,
                   help="auto: physics settles graphs up to 300 entities; networkx: precomputed, physics off")
    h.add_argument("--html-size-by", choices=SIZE_BY, help="node size by number of claims or of mentions")
    h.add_argument("--html-title", metavar="TEXT", help="the page's title")


def _html_config(cfg, args: argparse.Namespace):
    """The config with the --html-* options laid over its [html] section."""
    over = {k: v for k, v in {"max_nodes": args.html_max_nodes, "layout": args.html_layout,
                              "size_by": args.html_size_by, "title": args.html_title}.items() if v is not None}
    return cfg.with_overrides(html=over) if over else cfg




# -- the store, SPARQL and SHACL ------------------------------------------------------


def _store_commands(sub) -> None:
    from .query import OUTPUT_FORMATS

    e = sub.add_parser("export", help="write the exports of everything in a store")
    e.add_argument("--store", required=True, type=Path, help="the store folder")
    e.add_argument("--out", required=True, type=Path, help="folder for the exports")
    e.add_argument("--format", dest="formats", action="append", choices=sorted(EXPORTERS),
                   help=f"export format (repeatable; default: {' '.join(DEFAULT_FORMATS)})")
    e.add_argument("--config", type=Path, help="a TOML file laid over the packaged defaults")
    _html_arguments(e)
    e.set_defaults(run=_export)

    q = sub.add_parser("query", help="run a SPARQL query on a store or on RDF files")
    q.add_argument("query", metavar="QUERY_OR_FILE",
                   help="a canned query's name (see `claimgraph queries`), a .rq file, or the query itself")
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", type=Path, help="the store folder")
    where.add_argument("--graph", type=Path, action="append",
                       help="an RDF file: .ttl .trig .jsonld .nt .nq (repeatable)")
    q.add_argument("--format", default="table", choices=OUTPUT_FORMATS,
                   help="table (default), csv or json (SPARQL 1.1 results formats)")
    q.add_argument("--param", dest="params", action="append", metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE: <iri>, prefix:name (e.g. cgid:entity/afghan-taliban) "
                        "or \"text\" (repeatable)")
    q.set_defaults(run=_query)

    o = sub.add_parser("sources", help="who claims what: a table per source (attributed actors and phrases, "
                                       "and outlets for the articles' own voice)")
    where = o.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", type=Path, help="the store folder")
    where.add_argument("--exports", type=Path, help="an export folder (its documents/entities/claims.jsonl)")
    o.add_argument("--source", metavar="NAME", help="one source's claims with their evidence (by label, id or outlet)")
    o.add_argument("--format", default="table", choices=OUTPUT_FORMATS, help="table (default), csv or json")
    o.set_defaults(run=_sources)

    c = sub.add_parser("queries", help="list the canned analyst queries")
    c.set_defaults(run=_queries)

    v = sub.add_parser("validate", help="check RDF files or a store against the SHACL shapes")
    v.add_argument("files", nargs="*", type=Path, help="RDF files: .ttl .trig .jsonld .nt .nq")
    v.add_argument("--store", type=Path, help="the store folder")
    v.set_defaults(run=_validate)

    r = sub.add_parser("remove", help="take documents out of a store")
    r.add_argument("ids", nargs="+", metavar="DOCUMENT_ID", help="document ids (file names without extension)")
    r.add_argument("--store", required=True, type=Path, help="the store folder")
    r.set_defaults(run=_remove)


def _export_options(cfg) -> dict:
    """Per-format options from the config (only the HTML page has some)."""
    from .export.html import options_from_config

    return {"html": options_from_config(cfg.html)}


def _build_into_store(args: argparse.Namespace, cfg, result) -> int:
    from tqdm import tqdm

    from .store import CorpusStore

    with CorpusStore.open(args.store, write=True, create=True) as store:
        have = store.document_hashes()
        todo = sum(1 for d in result.documents if args.rebuild or have.get(d.id) != d.content_hash)
        with contextlib.ExitStack() as stack:
            builder = None
            if args.dask is not None and todo:
                from .api import Builder
                from .cluster import DaskMap

                cluster = stack.enter_context(DaskMap(args.dask, workers=cfg.nlp.workers,
                                                      partition_size=args.dask_partition))
                builder = Builder(cfg, dask=cluster)
            bar = stack.enter_context(tqdm(total=todo, unit="doc", desc="building", file=sys.stderr,
                                           disable=True if args.quiet or not todo else None))
            update = store.add(result.documents, builder=builder, config=cfg, rebuild=args.rebuild,
                               progress=lambda _d: bar.update(1))
        if args.out is not None:
            # the report is of this run's input: the store's graph knows no problems
            kg = replace(store.knowledge_graph(), problems=tuple(result.problems))
            kg.write_all(args.out, tuple(args.formats) if args.formats else None, options=_export_options(cfg))
    _print_problems(result.problems)
    if not args.quiet:
        for line in update.lines():
            print(line)
        if args.out is not None:
            print(f"exports written to {args.out}; report in {Path(args.out) / REPORT_NAME}")
    return EXIT_PARTIAL if result.problems else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .store import CorpusStore

    cfg = _html_config(load_config(args.config), args)
    with CorpusStore.open(args.store) as store:
        kg = store.knowledge_graph()
    # no build report: nothing was read
    kg.write_all(args.out, tuple(args.formats) if args.formats else None, options=_export_options(cfg),
                 report=False)
    for line in kg.summary().lines():
        print(line)
    print(f"exports written to {args.out}")
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from .query import load_graphs, parse_param, query_text, run, write_results
    from .store import CorpusStore

    text = query_text(args.query)
    params = dict(parse_param(p) for p in args.params or ())
    if args.store is not None:
        with CorpusStore.open(args.store) as store:
            write_results(store.query(text, params), args.format, sys.stdout)
    else:
        write_results(run(load_graphs(args.graph), text, params), args.format, sys.stdout)
    return EXIT_OK


def _sources(args: argparse.Namespace) -> int:
    import csv
    import json

    from .query import table
    from .sources import claims_of, read_exports, source_table

    if args.store is not None:
        from .store import CorpusStore

        with CorpusStore.open(args.store) as store:
            kg = store.knowledge_graph()
    else:
        kg = read_exports(args.exports)
    if args.source:
        row, claims = claims_of(kg, args.source)
        labels = {e.id: e.label for e in kg.entities}
        records = [{"subject": labels.get(c.subject, c.subject), "relation": c.relation.value,
                    "object": labels.get(c.object, c.object), "status": c.status.value, "cue": c.cue,
                    "date": c.when.value if c.when else None, "document": c.evidence.document,
                    "sentence": c.evidence.sentence} for c in claims]
        names = ["subject", "relation", "object", "status", "cue", "date", "document", "sentence"]
        if args.format == "json":
            sys.stdout.write(json.dumps({"source": row.record(), "claims": records}, ensure_ascii=False, indent=1) + "\n")
        elif args.format == "csv":
            w = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\r\n")
            w.writeheader()
            w.writerows(records)
        else:
            print(f"{row.label} ({row.key.kind}): {row.claims} claim{'s' if row.claims != 1 else ''} in "
                  f"{len(row.documents)} document{'s' if len(row.documents) != 1 else ''}")
            for r in records:
                when = f" [{r['date']}]" if r["date"] else ""
                print(f"- {r['subject']} {r['relation']} {r['object']} ({r['status']}{', cue ' + repr(r['cue']) if r['cue'] else ''})"
                      f"{when}\n    {r['document']}: \u201c{' '.join(r['sentence'].split())}\u201d")
        return EXIT_OK
    rows = [r.record() for r in source_table(kg)]
    cols = ["source", "kind", "claims", "asserted", "alleged", "denied", "hypothetical", "documents",
            "corroborated", "denied_by_others", "relations", "accused", "supported"]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    flat = [{**r, "relations": "; ".join(f"{k} {v}" for k, v in r["relations"].items()),
             "accused": "; ".join(r["accused"]), "supported": "; ".join(r["supported"])} for r in rows]
    if args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore", lineterminator="\r\n")
        w.writeheader()
        w.writerows(flat)
    else:
        import pyoxigraph as ox

        data = [tuple(ox.Literal(str(r[c])) for c in cols) for r in flat]
        sys.stdout.write(table(cols, data))
    return EXIT_OK


def _queries(_args: argparse.Namespace) -> int:
    from .query import canned_queries

    for q in canned_queries().values():
        params = " ".join(f"--param {name}=..." for name, _ in q.params)
        print(f"{q.name:18} {q.title}" + (f"  [{params}]" if params else ""))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate, validate_file

    if bool(args.files) == (args.store is not None):
        print("claimgraph: error: give RDF files or --store (one of the two)", file=sys.stderr)
        return EXIT_FAILED
    reports = []
    if args.store is not None:
        from rdflib import Dataset

        from .graph.oxigraph import from_ox
        from .store import CorpusStore

        ds = Dataset()
        with CorpusStore.open(args.store) as store:
            for q in store.rdf_quads():
                ds.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        reports.append((str(args.store), validate(ds)))
    else:
        reports = [(str(f), validate_file(f)) for f in args.files]
    for name, report in reports:
        lines = report.lines()
        print(f"{name}: {lines[0]}")
        for line in lines[1:]:
            print(line)
    return EXIT_OK if all(r.conforms for _n, r in reports) else EXIT_PARTIAL


def _remove(args: argparse.Namespace) -> int:
    from .store import CorpusStore

    with CorpusStore.open(args.store, write=True) as store:
        update = store.remove(args.ids)
    missing = sorted(set(args.ids) - set(update.removed))
    for doc_id in missing:
        print(f"problem: {doc_id}: not in the store", file=sys.stderr)
    for line in update.lines():
        print(line)
    return EXIT_PARTIAL if missing else EXIT_OK


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include", action="append", metavar="GLOB",
                   help="read files in folders matching GLOB (repeatable; replaces ingest.include)")
    p.add_argument("--exclude", action="append", metavar="GLOB",
                   help="skip files and folders matching GLOB (repeatable; added to ingest.exclude)")
    p.add_argument("--document-date", metavar="YYYY-MM-DD",
                   help="the date of documents whose metadata and text give none (the base of relative "
                        "dates such as 'on Tuesday'; ingest.document_date)")
    p.add_argument("--publisher", metavar="OUTLET",
                   help="the outlet of documents whose metadata, text and URL name none (ingest.publisher)")


def _config(args: argparse.Namespace):
    cfg = load_config(args.config)
    if hasattr(args, "html_max_nodes"):
        cfg = _html_config(cfg, args)
    nlp = {k: v for k, v in {"model": getattr(args, "model", None),
                             "workers": getattr(args, "workers", None)}.items() if v is not None}
    ingest = {}
    if args.include:
        ingest["include"] = list(args.include)
    if args.exclude:
        ingest["exclude"] = [*cfg.ingest.exclude, *args.exclude]
    if getattr(args, "document_date", None):
        ingest["document_date"] = args.document_date
    if getattr(args, "publisher", None):
        ingest["publisher"] = args.publisher
    sections = {k: v for k, v in {"nlp": nlp, "ingest": ingest}.items() if v}
    return cfg.with_overrides(**sections) if sections else cfg


def _print_problems(problems) -> None:
    for problem in sorted_problems(problems):
        print(f"problem: {one_line(str(problem))}", file=sys.stderr)


def _read(args: argparse.Namespace) -> int:
    import json

    cfg = _config(args)
    result = read_paths(args.paths, cfg.ingest)
    for d in result.documents:
        record = {"id": d.id, "source": d.source, "title": d.title, "url": d.url, "date": d.date,
                  "date_source": d.date_source, "publisher": d.publisher, "publisher_source": d.publisher_source,
                  "credits": list(d.credits), "text": d.text}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    _print_problems(result.problems)
    if not result.documents:
        return EXIT_FAILED
    return EXIT_PARTIAL if result.problems else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    if args.out is None and args.store is None:
        print("claimgraph: error: build needs --out, --store or both", file=sys.stderr)
        return EXIT_FAILED
    cfg = _config(args)
    result = read_paths(args.paths, cfg.ingest)
    if not result.documents:
        _print_problems(result.problems)
        where = ""
        if args.out is not None:
            with Transaction() as tx:
                where = f"; see {write_report(tx, args.out, result.problems, documents=0)}"
        print(f"claimgraph: error: [{Code.NO_DOCUMENTS.value}] nothing could be built "
              f"({len(result.problems)} problems{where}); earlier exports are unchanged", file=sys.stderr)
        return EXIT_FAILED
    if args.store is not None:
        return _build_into_store(args, cfg, result)
    from tqdm import tqdm

    with tqdm(total=len(result.documents), unit="doc", desc="building", file=sys.stderr,
              disable=True if args.quiet else None) as bar:
        kg = build_documents(result.documents, config=cfg, problems=result.problems, dask=args.dask,
                             dask_partition=args.dask_partition,
                             progress=lambda _d: bar.update(1))
    kg.write_all(args.out, tuple(args.formats) if args.formats else None, options=_export_options(cfg))
    _print_problems(kg.problems)
    if not args.quiet:
        for line in kg.summary().lines():
            print(line)
        print(f"exports written to {args.out}; report in {Path(args.out) / REPORT_NAME}")
    return EXIT_PARTIAL if kg.problems else EXIT_OK


def _push(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .push import Neo4jError, push, read_load_folder

    password = os.environ.get(args.password_env)
    if password is None:
        raise Neo4jError(f"the environment variable {args.password_env} is not set: put the Neo4j password "
                         "there (or name another variable with --password-env)")
    plan = read_load_folder(args.folder)
    total = sum(len(step.rows) for step in plan)
    with tqdm(total=total, unit="row", desc="pushing", file=sys.stderr,
              disable=True if args.quiet else None) as bar:
        def progress(step, n):
            bar.set_description(step.name, refresh=False)
            bar.update(n)

        report = push(plan, args.uri, args.user, password, database=args.database, batch_size=args.batch_size,
                      progress=progress)
    if not args.quiet:
        print(f"pushed {total} rows in {report.batches} batches to {args.uri}"
              f"{f' (database {args.database})' if args.database else ''}")
        print(f"  nodes created {report.nodes_created}, relationships created {report.relationships_created}, "
              f"properties set {report.properties_set}, labels added {report.labels_added}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "formats":
            for name in sorted(EXPORTERS):
                print(f"{name:8} {EXPORTERS[name].description}")
            return EXIT_OK
        if args.command == "build":
            return _build(args)
        if args.command == "read":
            return _read(args)
        if args.command == "push":
            return _push(args)
        if hasattr(args, "run"):
            return args.run(args)
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("claimgraph: interrupted; earlier exports are unchanged", file=sys.stderr)
        return 130
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
