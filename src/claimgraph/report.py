"""The build report: one line per problem, printed and written to a file.

Every build writes ``build-report.txt`` into its output folder, in the same
atomic step as the exports, so the report beside the exports always
describes the build that wrote them; a build with no problems writes a
report that says so (a report left over from an earlier build could
otherwise be taken for the current one). When nothing could be built, the
exports are left as they were and only the report is written, saying so.

Format (UTF-8, sorted, no timestamps, so the same input gives the same
bytes)::

    # claimgraph build report: 2 documents built, 3 problems
    bad/broken.jsonl:2: [CG109] not valid JSON: Expecting value at column 1
    bad/empty.txt: [CG104] the file is empty
    bad/photo.txt: [CG103] binary file (it contains NUL bytes)

Lines after the first are ``SOURCE: [CODE] MESSAGE``; ``SOURCE`` is the
file as given on the command line (``file:line`` for a JSONL record).
Problems are sorted by source, with line numbers in numeric order.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .errors import Problem
from .io import Transaction

REPORT_NAME = "build-report.txt"
_LINE_SUFFIX = re.compile(r"^(.*):(\d+)$")


def _key(problem: Problem) -> tuple:
    match = _LINE_SUFFIX.match(problem.source)
    source, line = (match.group(1), int(match.group(2))) if match else (problem.source, 0)
    return (source, line, problem.code.value, problem.message)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=_key)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_report(problems: Iterable[Problem], *, documents: int) -> str:
    """The report's text. ``documents`` = 0 means nothing was built."""
    items = sorted_problems(problems)
    if documents:
        head = f"# claimgraph build report: {_plural(documents, 'document')} built, {_plural(len(items), 'problem')}"
    else:
        head = (f"# claimgraph build report: nothing was built ({_plural(len(items), 'problem')}); "
                f"other files in this folder are from an earlier build")
    lines = [head] + [one_line(str(p)) for p in items]
    return "\n".join(lines) + "\n"


def one_line(text: str) -> str:
    """A report line never spans lines: line breaks and other control
    characters in file names or messages are shown escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def write_report(tx: Transaction, out: str | Path, problems: Iterable[Problem], *, documents: int) -> Path:
    """Stage the report in ``tx`` (it appears when ``tx`` commits)."""
    path = Path(out) / REPORT_NAME
    with tx.open(path) as fh:
        fh.write(format_report(problems, documents=documents))
    return path
