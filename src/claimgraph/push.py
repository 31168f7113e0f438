"""``claimgraph push``: run an export's ``load.cypher`` against Neo4j with the official driver.

The statements are the ones in :mod:`claimgraph.export.cypher` (the only
place claimgraph's Cypher lives); the rows come from the ``params/*.json``
files beside ``load.cypher``. :func:`read_load_folder` refuses any statement
claimgraph did not write, so ``push`` never runs edited or foreign Cypher.

Every statement MERGEs on stable ids, so pushing twice leaves the same
graph. Rows are sent in batches, one write transaction per batch (retried by
the driver on transient errors).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ClaimgraphError, Code
from .export.cypher import CONSTRAINTS, Step, batches, statement_for
from .export.neo4j import FOLDER, PARAMS

DEFAULT_BATCH_SIZE = 1000
BOLT_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


class Neo4jError(ClaimgraphError):
    """Neo4j cannot be reached, refuses the credentials or the load, or the
    export folder is not one claimgraph wrote."""

    def __init__(self, message: str) -> None:
        super().__init__(Code.NEO4J, message)


# -- reading an export folder ------------------------------------------------------

def _script_path(folder: Path) -> Path:
    for candidate in (folder / FOLDER / "load.cypher", folder / "load.cypher"):
        if candidate.is_file():
            return candidate
    raise Neo4jError(f"no load.cypher in {folder} or {folder / FOLDER}: "
                     f"write one with `claimgraph build ARTICLES --out {folder}`")


def _statements(text: str) -> Iterable[tuple[str | None, str]]:
    """(parameter file named in the comment above, statement) pairs."""
    pending: str | None = None
    buf: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not buf and stripped.startswith("//"):
            comment = stripped[2:].strip()
            if comment.startswith(f"{PARAMS}/") and comment.endswith(".json"):
                pending = comment[len(PARAMS) + 1:-len(".json")]
            continue
        if not stripped and not buf:
            continue
        buf.append(stripped)
        if stripped.endswith(";"):
            yield pending, " ".join(buf)[:-1].strip()
            pending, buf = None, []
    if buf:
        raise Neo4jError("load.cypher ends inside a statement (no closing ';')")


def _rows(path: Path) -> tuple[dict, ...]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Neo4jError(f"{path} is missing: load.cypher names it") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Neo4jError(f"{path} is not a readable JSON parameter file: {exc}") from None
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise Neo4jError(f"{path} must hold {{\"rows\": [{{...}}, ...]}}")
    return tuple(rows)


def read_load_folder(folder: str | Path) -> list[Step]:
    """The load plan of an export folder (the folder ``build`` wrote, or its
    ``neo4j/`` folder): ``load.cypher``'s statements with their rows."""
    script = _script_path(Path(folder))
    steps: list[Step] = []
    for name, statement in _statements(script.read_text(encoding="utf-8")):
        if statement in CONSTRAINTS:
            steps.append(Step(f"constraint_{CONSTRAINTS.index(statement)}", statement))
            continue
        expected = statement_for(name) if name else None
        if expected is None or expected != statement:
            shown = statement if len(statement) <= 120 else statement[:117] + "..."
            raise Neo4jError(f"{script}: not a statement claimgraph writes"
                             f"{f' for {PARAMS}/{name}.json' if name else ''}: {shown!r}; "
                             "rebuild the export instead of editing it")
        steps.append(Step(name, statement, _rows(script.parent / PARAMS / f"{name}.json")))
    return steps


# -- running a plan ------------------------------------------------------------------

@dataclass
class PushReport:
    """What a push sent and what the server reported changing."""

    rows: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0

    def add(self, counters: dict) -> None:
        for key in ("nodes_created", "relationships_created", "properties_set", "labels_added"):
            setattr(self, key, getattr(self, key) + int(counters.get(key, 0)))


def run_plan(plan: list[Step], send: Callable[[str, dict | None], dict], *, batch_size: int = DEFAULT_BATCH_SIZE,
             progress: Callable[[Step, int], None] | None = None) -> PushReport:
    """Send every step: a schema statement once without parameters, a
    loading statement once per batch of its rows as ``{"rows": batch}``.
    ``send(statement, parameters)`` runs one statement in one transaction and
    returns the server's counters; ``progress(step, n)`` hears of each batch."""
    report = PushReport()
    for step in plan:
        if step.is_schema:
            report.add(send(step.statement, None))
            continue
        for batch in batches(step.rows, batch_size):
            report.add(send(step.statement, {"rows": batch}))
            report.batches += 1
            report.rows[step.name] = report.rows.get(step.name, 0) + len(batch)
            if progress:
                progress(step, len(batch))
    return report


def _counters(summary) -> dict:
    c = summary.counters
    return {"nodes_created": c.nodes_created, "relationships_created": c.relationships_created,
            "properties_set": c.properties_set, "labels_added": c.labels_added}


def push(plan: list[Step], uri: str, user: str, password: str, *, database: str | None = None,
         batch_size: int = DEFAULT_BATCH_SIZE, progress: Callable[[Step, int], None] | None = None) -> PushReport:
    """Send a load plan to the Neo4j server at ``uri`` with the official driver.

    Raises :class:`Neo4jError` (CG501) when the server cannot be reached,
    refuses the credentials or fails a statement."""
    import neo4j
    from neo4j import exceptions as nx

    if batch_size < 1:
        raise Neo4jError(f"--batch-size must be at least 1, not {batch_size}")
    scheme = uri.partition("://")[0].lower() if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jError(f"{uri!r} is not a Bolt address: its scheme must be one of {', '.join(BOLT_SCHEMES)} "
                         "(e.g. neo4j://localhost:7687)")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
    except (ValueError, nx.ConfigurationError) as exc:
        raise Neo4jError(f"{uri!r} is not a Neo4j address ({exc}); use e.g. neo4j://localhost:7687 "
                         "or bolt://HOST:7687 (neo4j+s:// or bolt+s:// for TLS)") from None
    try:
        with driver:
            driver.verify_connectivity()
            with driver.session(database=database) as session:

                def send(statement: str, parameters: dict | None) -> dict:
                    if parameters is None:  # schema statements run on their own, in auto-commit
                        return _counters(session.run(statement).consume())
                    return session.execute_write(lambda tx: _counters(tx.run(statement, parameters).consume()))

                return run_plan(plan, send, batch_size=batch_size, progress=progress)
    except nx.AuthError as exc:
        raise Neo4jError(f"Neo4j at {uri} refused the credentials of user {user!r}: {_message(exc)}") from None
    except nx.ServiceUnavailable as exc:
        raise Neo4jError(f"cannot reach Neo4j at {uri}: {_message(exc)}; is the server running and "
                         "is the address (host and Bolt port, 7687 by default) right?") from None
    except nx.Neo4jError as exc:
        raise Neo4jError(f"Neo4j at {uri} refused the load: {exc.code}: {_message(exc)}") from None
    except nx.DriverError as exc:
        raise Neo4jError(f"talking to Neo4j at {uri} failed: {_message(exc)}") from None
    except ValueError as exc:  # the driver's word for an address it cannot resolve
        raise Neo4jError(f"cannot connect to {uri}: {_message(exc)}") from None


def _message(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())
