"""The command line: thin wrappers over the library API.

Exit codes: 0 everything was built; 1 something was built, but some input
had problems (listed on stderr and in ``OUT/build-report.txt``); 2 nothing
could be built (the report is still written), or the command was wrong
(bad option, unknown model, bad config).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
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

    b = sub.add_parser("build", help="read articles and write the graph's exports")
    b.add_argument("paths", nargs="+", help="text files or folders of them")
    b.add_argument("--out", required=True, type=Path, help="folder for the exports")
    b.add_argument("--format", dest="formats", action="append", choices=sorted(EXPORTERS),
                   help=f"export format (repeatable; default: {' '.join(DEFAULT_FORMATS)})")
    b.add_argument("--config", type=Path, help="a TOML file laid over the packaged defaults")
    b.add_argument("--model", help="an installed spaCy pipeline (default from the config)")
    b.add_argument("--workers", type=int, help="spaCy worker processes")
    _input_options(b)
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    r = sub.add_parser("read", help="print the documents as read (JSONL: id, source, title, url, date, "
                                    "text), the text that offsets index; problems go to stderr")
    r.add_argument("paths", nargs="+", help="files or folders")
    r.add_argument("--config", type=Path, help="a TOML file laid over the packaged defaults")
    _input_options(r)

    f = sub.add_parser("formats", help="list the export formats")
    f.set_defaults(formats_only=True)
    return p


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include", action="append", metavar="GLOB",
                   help="read files in folders matching GLOB (repeatable; replaces ingest.include)")
    p.add_argument("--exclude", action="append", metavar="GLOB",
                   help="skip files and folders matching GLOB (repeatable; added to ingest.exclude)")


def _config(args: argparse.Namespace):
    cfg = load_config(args.config)
    nlp = {k: v for k, v in {"model": getattr(args, "model", None),
                             "workers": getattr(args, "workers", None)}.items() if v is not None}
    ingest = {}
    if args.include:
        ingest["include"] = list(args.include)
    if args.exclude:
        ingest["exclude"] = [*cfg.ingest.exclude, *args.exclude]
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
        record = {"id": d.id, "source": d.source, "title": d.title, "url": d.url, "date": d.date, "text": d.text}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    _print_problems(result.problems)
    if not result.documents:
        return EXIT_FAILED
    return EXIT_PARTIAL if result.problems else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    cfg = _config(args)
    result = read_paths(args.paths, cfg.ingest)
    if not result.documents:
        _print_problems(result.problems)
        with Transaction() as tx:
            report = write_report(tx, args.out, result.problems, documents=0)
        print(f"claimgraph: error: [{Code.NO_DOCUMENTS.value}] nothing could be built "
              f"({len(result.problems)} problems; see {report}); earlier exports are unchanged", file=sys.stderr)
        return EXIT_FAILED
    from tqdm import tqdm

    with tqdm(total=len(result.documents), unit="doc", desc="building", file=sys.stderr,
              disable=True if args.quiet else None) as bar:
        kg = build_documents(result.documents, config=cfg, problems=result.problems,
                             progress=lambda _d: bar.update(1))
    kg.write_all(args.out, tuple(args.formats) if args.formats else None)
    _print_problems(kg.problems)
    if not args.quiet:
        for line in kg.summary().lines():
            print(line)
        print(f"exports written to {args.out}; report in {Path(args.out) / REPORT_NAME}")
    return EXIT_PARTIAL if kg.problems else EXIT_OK


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
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("claimgraph: interrupted; earlier exports are unchanged", file=sys.stderr)
        return 130
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
