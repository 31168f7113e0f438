"""The build's map on a Dask cluster (``claimgraph build --dask ADDRESS``).

A build is a map over documents (parse, find mentions, extract raw claims:
each document on its own) followed by a merge (resolve entities across
documents, assemble the graph, write the store and exports). :class:`DaskMap`
runs the map on a Dask cluster: the sorted documents are cut into
partitions of ``partition_size``, one task each; every worker process loads
the spaCy pipeline once (the first task it runs) and keeps it for the rest.
The client gets each partition's results back in document order and the
merge runs here, exactly as in a one-process build, so the graph and every
export are byte-identical to it (tested with a ``LocalCluster``).

Needs the optional extra: ``pip install 'claimgraph[dask]'``, on the client
and on every worker (the same claimgraph and spaCy pipeline versions:
checked when the cluster is opened).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from ._version import __version__
from .analysis import Analyser, Analysis
from .config import Config
from .errors import ClaimgraphError, Code
from .model import Document

DEFAULT_PARTITION = 16

# -- the worker side: one Analyser per worker process ------------------------------------

_WORKER: dict = {"config": None, "analyser": None, "loads": 0}


def _worker_analyser(config: Config) -> Analyser:
    """This worker process's Analyser for ``config`` (made once, then reused)."""
    if _WORKER["analyser"] is None or _WORKER["config"] != config:
        _WORKER["analyser"] = Analyser(config)
        _WORKER["config"] = config
        _WORKER["loads"] += 1
    return _WORKER["analyser"]


def analyse_partition(config: Config, documents: Sequence[Document]) -> list[Analysis]:
    """Run on a worker: each document with its mentions and raw claims."""
    return list(_worker_analyser(config).analyse(list(documents)))


def worker_state() -> dict:
    """Run on a worker: its claimgraph version and how often it loaded a pipeline."""
    return {"version": __version__, "loads": _WORKER["loads"]}


# -- the client side ------------------------------------------------------------------------


class DaskMap:
    """A connection to a Dask cluster that runs the build's map.

    ``address``: a scheduler address (``tcp://host:8786``) or ``"local"`` for
    a :class:`distributed.LocalCluster` of ``workers`` processes (one thread
    each: spaCy holds the GIL) on this machine, started and stopped with the
    ``with`` block.
    """

    def __init__(self, address: str, *, workers: int | None = None, partition_size: int | None = None,
                 timeout: float = 30.0) -> None:
        if partition_size is not None and partition_size < 1:
            raise ClaimgraphError(Code.DASK, f"the Dask partition size must be at least 1, not {partition_size}")
        self.address = address
        self.workers = workers
        self.partition_size = partition_size or DEFAULT_PARTITION
        self.timeout = timeout
        self.client = None
        self._cluster = None

    def __enter__(self) -> "DaskMap":
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClaimgraphError(Code.DASK, "--dask needs Dask: pip install 'claimgraph[dask]'") from None
        try:
            if self.address == "local":
                self._cluster = LocalCluster(n_workers=max(1, self.workers or 1), threads_per_worker=1,
                                             processes=True, dashboard_address=":0",
                                             silence_logs=logging.ERROR)
                self.client = Client(self._cluster)
            else:
                self.client = Client(self.address, timeout=self.timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            self.__exit__(None, None, None)
            raise ClaimgraphError(Code.DASK, f"cannot reach the Dask scheduler at {self.address!r}: {exc}") from None
        self._check_workers()
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _check_workers(self) -> None:
        try:
            self.client.wait_for_workers(1, timeout=self.timeout)
            states = self.client.run(worker_state)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            raise ClaimgraphError(Code.DASK, f"no Dask worker answered at {self.address!r}: {exc}") from None
        except ImportError as exc:  # a worker without claimgraph
            self.__exit__(None, None, None)
            raise ClaimgraphError(Code.DASK, f"a Dask worker cannot import claimgraph ({exc}): install "
                                             f"claimgraph {__version__} on every worker") from None
        wrong = sorted(f"{w} has {s['version']}" for w, s in states.items() if s["version"] != __version__)
        if wrong:
            self.__exit__(None, None, None)
            raise ClaimgraphError(Code.DASK, f"Dask workers run another claimgraph than this {__version__}: "
                                             + "; ".join(wrong))

    def worker_loads(self) -> dict[str, int]:
        """How many times each worker loaded a pipeline (once per config)."""
        return {w: s["loads"] for w, s in sorted(self.client.run(worker_state).items())}

    def analyse(self, config: Config, documents: Sequence[Document]) -> Iterator[tuple[Document, list, list]]:
        """The map: each document (in the order given) with its mentions and
        raw claims, computed on the cluster; partitions are submitted at once
        and their results taken in order, each released once taken."""
        if self.client is None:
            raise ClaimgraphError(Code.DASK, "the Dask cluster is not open (use DaskMap in a with block)")
        # a worker is one process: spaCy's own worker processes cannot run inside it
        worker_config = config.with_overrides(nlp={"workers": 1})
        docs = list(documents)
        size = self.partition_size
        parts = [docs[i:i + size] for i in range(0, len(docs), size)]
        futures = self.client.map(analyse_partition, [worker_config] * len(parts), parts, pure=False)
        taken = 0
        try:
            for future in futures:
                results = future.result()
                taken += 1
                future.release()
                yield from results
        finally:
            if taken < len(futures):  # stopped early (an error, or the caller stopped reading)
                self.client.cancel(futures[taken:])
