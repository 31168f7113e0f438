"""The build's map on Dask (``build --dask``): a real ``distributed.LocalCluster``
of worker processes, and the same bytes as a one-process build."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from claimgraph.api import Builder
from claimgraph.cli import main
from claimgraph.errors import ClaimgraphError, Code, ConfigError
from claimgraph.ingest import document_from_text

distributed = pytest.importorskip("distributed")

from .conftest import SEEDS  # noqa: E402

EXTRA = {
    "extra-a": "Officials said the BLA attacked the Frontier Corps in Turbat. The group denied it.",
    "extra-b": "Iran denied that it supplied weapons to the Houthis.",
    "extra-c": "Pakistan has not attacked Afghanistan, a spokesman said. Analysts believe the TTP operates in Kunar.",
}


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, as `--dask local --workers 2` makes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as lc:
        yield lc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    for name, text in EXTRA.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_dask_build_writes_the_bytes_of_a_one_process_build(cluster, corpus, tmp_path):
    address = cluster.scheduler_address
    assert main(["build", str(corpus), "--out", str(tmp_path / "one"), "--quiet"]) == 0
    assert main(["build", str(corpus), "--out", str(tmp_path / "dask"), "--quiet", "--dask", address,
                 "--dask-partition", "2"]) == 0
    one, dask = _files(tmp_path / "one"), _files(tmp_path / "dask")
    assert sorted(one) == sorted(dask) and "claims.jsonl" in one and "neo4j/claims.csv" in one
    for name in one:
        assert dask[name] == one[name], name
    # both workers had partitions (6 documents, 2 a task), and each loaded the pipeline once
    loads = sorted(s["loads"] for s in cluster_states(cluster).values())
    assert loads == [1, 1]


def cluster_states(cluster) -> dict:
    from claimgraph.cluster import worker_state

    with distributed.Client(cluster) as client:
        return client.run(worker_state)


def test_a_dask_build_into_a_store_equals_a_one_process_store(cluster, corpus, tmp_path):
    address = cluster.scheduler_address
    assert main(["build", str(corpus), "--store", str(tmp_path / "s1"), "--out", str(tmp_path / "o1"),
                 "--quiet"]) == 0
    assert main(["build", str(corpus), "--store", str(tmp_path / "s2"), "--out", str(tmp_path / "o2"),
                 "--quiet", "--dask", address]) == 0
    for name in ("graph.trig", "claims.jsonl", "entities.jsonl"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes(), name
    # nothing changed: the second run needs no cluster at all
    assert main(["build", str(corpus), "--store", str(tmp_path / "s2"), "--quiet", "--dask", "tcp://127.0.0.1:9"]) == 0


def test_the_map_yields_each_document_once_in_the_order_given(cluster, config):
    from claimgraph.cluster import DaskMap

    docs = [document_from_text(f"d{i:02}", text, config=config.ingest)
            for i, text in enumerate(list(EXTRA.values()) * 4)]
    with DaskMap(cluster.scheduler_address, partition_size=1) as dm:
        got = list(dm.analyse(config, docs))
    assert [d.id for d, _m, _r in got] == [d.id for d in docs]
    assert all(raw for _d, _m, raw in got)


def test_an_error_on_a_worker_reaches_the_client_as_itself(cluster, config):
    from claimgraph.cluster import DaskMap

    bad = config.with_overrides(nlp={"model": "no_such_spacy_pipeline"})
    with DaskMap(cluster.scheduler_address) as dm:
        with pytest.raises(ConfigError) as err:
            Builder(bad, dask=dm).build([document_from_text("a", "Iran attacked Iraq.", config=config.ingest)])
    assert err.value.code is Code.MODEL_NOT_FOUND and "no_such_spacy_pipeline" in str(err.value)


def test_an_unreachable_scheduler_is_a_clear_error():
    from claimgraph.cluster import DaskMap

    with pytest.raises(ClaimgraphError) as err:
        with DaskMap("tcp://127.0.0.1:9", timeout=2):
            pass
    assert err.value.code is Code.DASK and "tcp://127.0.0.1:9" in str(err.value)
    with pytest.raises(ClaimgraphError, match="at least 1"):
        DaskMap("local", partition_size=0)


def test_dask_local_starts_and_stops_its_own_cluster(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in EXTRA.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "one"), "--format", "jsonl", "--quiet"]) == 0
    assert main(["build", str(folder), "--out", str(tmp_path / "dask"), "--format", "jsonl", "--quiet",
                 "--dask", "local", "--workers", "1"]) == 0
    assert _files(tmp_path / "one") == _files(tmp_path / "dask")
