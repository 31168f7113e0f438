"""The command line: thin wrappers over the library API.

Exit codes: 0 everything was built; 1 something was built, but some input
had problems (listed on stderr); 2 nothing could be built, or the command
was wrong (bad option, unknown model, bad config).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .api import build_documents, read
from .config import load_config
from .errors import ClaimgraphError
from .export import DEFAULT_FORMATS, EXPORTERS

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="claimgraph", description=(
        "Build knowledge graphs of attributed claims from conflict and security reporting."))
    p.add_argument("--version", action="version", version=f"claimgraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read articles and write the graph's exports")
    b.add_argument("paths", nargs="+", help="text files or folders of them")
    b.add_argument("--out", required=True, type=Path, help="folder for the exports")
    b.add_argument("--format", dest="formats", action="append", choices=sorted(EXPORTERS),
                   help=f"export format (repeatable; default: {' '.join(DEFAULT_FORMATS)})")
    b.add_argument("--config", type=Path, help="a TOML file laid over the packaged defaults")
    b.add_argument("--model", help="an installed spaCy pipeline (default from the config)")
    b.add_argument("--workers", type=int, help="spaCy worker processes")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    _html_arguments(b)

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


def _build(args: argparse.Namespace) -> int:
    cfg = _html_config(load_config(args.config), args)
    overrides = {k: v for k, v in {"model": args.model, "workers": args.workers}.items() if v is not None}
    if overrides:
        cfg = cfg.with_overrides(nlp=overrides)
    result = read(args.paths, config=cfg)
    from tqdm import tqdm

    with tqdm(total=len(result.documents), unit="doc", desc="building", file=sys.stderr,
              disable=True if args.quiet else None) as bar:
        kg = build_documents(result.documents, config=cfg, problems=result.problems,
                             progress=lambda _d: bar.update(1))
    from .export.html import options_from_config

    kg.write_all(args.out, tuple(args.formats) if args.formats else None,
                 options={"html": options_from_config(cfg.html)})
    for problem in kg.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if not args.quiet:
        for line in kg.summary().lines():
            print(line)
        print(f"exports written to {args.out}")
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
        if args.command == "push":
            return _push(args)
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("claimgraph: interrupted; earlier exports are unchanged", file=sys.stderr)
        return 130
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
