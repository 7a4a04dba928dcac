"""The Dask engine writes exactly the tables of the single-process engine."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.batch import run_local
from analysis.dask_engine import cluster_client, run_dask
from test_batch import make_seeds, read_tables


@pytest.fixture(scope="module")
def client():
    # two thread workers: a real scheduler and real tasks, fast to start in tests
    with cluster_client(workers=2, processes=False) as c:
        yield c


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return make_seeds(tmp_path_factory.mktemp("dask"))


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_dask_tables_equal_local_tables(seeds, tmp_path, client, fmt):
    local = run_local(seeds, tmp_path / "local", fmt=fmt, progress=False)
    # one file per partition, so results from several tasks must be put together
    dask = run_dask(seeds, tmp_path / "dask", fmt=fmt, client=client, target_bytes=1, progress=False)
    assert dask.engine == "dask" and local.engine == "local"
    a, b = read_tables(tmp_path / "local", fmt), read_tables(tmp_path / "dask", fmt)
    assert a.keys() == b.keys() and {"documents", "tokens", "sentences", "rejected"} <= a.keys()
    for name in a:
        pd.testing.assert_frame_equal(b[name], a[name], obj=name)
    if fmt == "csv":  # byte for byte
        for path in (tmp_path / "local").glob("*.csv"):
            assert path.read_bytes() == (tmp_path / "dask" / path.name).read_bytes(), path.name
    assert dask.n_documents == local.n_documents == len(load_corpus(seeds).documents) >= 6
    assert dask.n_duplicates == 2
    assert (tmp_path / "dask" / ".cache" / "analysis" / "corpus").is_dir(), "the Dask engine writes the results cache"


def test_dask_with_empty_seeds_folder(tmp_path, client):
    (tmp_path / "seeds").mkdir()
    summary = run_dask(tmp_path / "seeds", tmp_path / "out", client=client, progress=False)
    assert summary.n_documents == 0 and (tmp_path / "out" / "documents.parquet").exists()


def test_scheduler_and_workers_together_is_an_error():
    with pytest.raises(ValueError, match="--workers"):
        with cluster_client(workers=2, scheduler="tcp://127.0.0.1:1"):
            pass


def test_default_partitioning_gives_the_same_tables(seeds, tmp_path, client):
    run_local(seeds, tmp_path / "local", progress=False)
    summary = run_dask(seeds, tmp_path / "dask", client=client, progress=False)  # about 6 partitions per worker
    assert summary.n_partitions >= 1
    a, b = read_tables(tmp_path / "local"), read_tables(tmp_path / "dask")
    for name in a:
        pd.testing.assert_frame_equal(b[name], a[name], obj=name)
