"""The Dask engine: the per-document pass on a cluster, corpus steps on the client.

Seed files are grouped into partitions (:func:`analysis.batch.plan_partitions`)
and mapped with :mod:`dask.bag` over a :class:`distributed.LocalCluster`
(default: one single-threaded worker process per core) or over an existing
cluster given by its scheduler address. Each task runs
:func:`analysis.batch.analyze_partition` and writes its tables to
``OUT/.parts-<run>/part-NNNNNN/NAME.parquet``; the client feeds the parts, in
seed-file order and as soon as they are ready, to the same
:class:`analysis.batch.CorpusAssembler` the local engine uses, then deletes
them. Duplicate flagging, speaker alias merging and corpus totals therefore
happen after the per-document pass, and the tables are identical to the
local engine's whatever the number of workers or partitions.

On a real cluster the seeds folder and ``OUT`` must be on a filesystem every
worker and the client see at the same path (see ``bench/README.md``).
"""
from __future__ import annotations

import logging
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dask
import pandas as pd
import pyarrow.parquet as pq

from .batch import (
    DEFAULT_PARTITION_BYTES,
    CorpusAssembler,
    OutputFormat,
    Partition,
    PartitionResult,
    RunSummary,
    _progress,
    analysis_steps,
    analyze_partition,
    cpu_count,
    plan_partitions,
    plan_seeds,
)
from .errors import AnalysisError

__all__ = ["run_dask", "analyze_partition_to_parts", "cluster_client"]


def analyze_partition_to_parts(partition: Partition, parts_dir: str) -> dict[str, str]:
    """Worker task: analyse one partition and write its tables as parquet files.

    Returns ``{table name: file path}``; only these small strings travel back
    to the client.
    """
    result = analyze_partition(partition)
    folder = Path(parts_dir) / f"part-{partition.index:06d}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in result.items():
        path = folder / f"{name}.parquet"
        df.to_parquet(path, index=False)
        paths[name] = str(path)
    return paths


def _auto_partition_bytes(plan, n_workers: int) -> int:
    """About six partitions per worker, between 100 kB and the local default."""
    total = 0
    for sf in plan.files:
        try:
            total += (plan.base / sf.rel).stat().st_size
        except OSError:
            pass
    return int(min(DEFAULT_PARTITION_BYTES, max(100_000, total / (6 * n_workers))))


def _load_parts(paths: dict[str, str]) -> PartitionResult:
    """A partition's tables back from disk; tables the client only copies stay Arrow tables."""
    return {name: pq.read_table(path) if name in _COPIED else pd.read_parquet(path) for name, path in paths.items()}


#: Tables the corpus pass writes unchanged: no pandas round trip on the client.
_COPIED = frozenset({"paragraphs", "sentences", "tokens", "sentiment"})


#: Worker settings for pure-Python tasks. The worker's statistical profiler
#: (a thread sampling every stack every 10 ms) competes for the GIL and made
#: each task 2-2.5x slower in our measurements; the GIL monitor likewise.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
}


@contextmanager
def cluster_client(*, workers: int | None = None, scheduler: str | None = None,
                   processes: bool = True) -> Iterator["object"]:
    """A ``distributed.Client``: on ``scheduler`` if given, else on a new LocalCluster.

    The LocalCluster has ``workers`` single-threaded workers (default: one per
    core), as processes unless ``processes=False`` (threads; for tests).
    """
    from distributed import Client, LocalCluster

    if scheduler:
        if workers is not None:
            raise ValueError("--workers applies to the local cluster only; with --scheduler the cluster's "
                             "workers are used (start more dask-worker processes to add some)")
        with Client(scheduler) as client:
            yield client
        return
    n = workers if workers is not None else cpu_count()
    if n < 1:
        raise ValueError(f"workers must be at least 1, got {n}")
    with dask.config.set(WORKER_CONFIG), LocalCluster(
        n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None, silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        yield client


def run_dask(
    seeds: str | Path, out_dir: str | Path, *, fmt: OutputFormat = "parquet", workers: int | None = None,
    scheduler: str | None = None, client: object | None = None, target_bytes: int | None = None,
    progress: bool = True, processes: bool = True,
) -> RunSummary:
    """Analyse ``seeds`` with Dask into ``out_dir``; same tables as :func:`analysis.batch.run_local`.

    Pass an existing ``client`` to reuse a cluster; otherwise one is made with
    :func:`cluster_client` from ``workers`` / ``scheduler``. ``target_bytes``
    (seed text per partition) defaults to about six partitions per worker,
    at most :data:`~analysis.batch.DEFAULT_PARTITION_BYTES` each, so that
    workers finish together.
    """
    import dask.bag as db
    from distributed import as_completed

    plan = plan_seeds(seeds)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts_dir = out / f".parts-{uuid.uuid4().hex[:12]}"
    steps = analysis_steps()
    assembler = CorpusAssembler(out, fmt=fmt, steps=steps, engine="dask")
    assembler.add_rejected(plan.rejected)

    def work(c) -> RunSummary:
        n_workers = max(1, len(c.scheduler_info().get("workers", {})) or workers or cpu_count())
        partitions = plan_partitions(plan, target_bytes=target_bytes or _auto_partition_bytes(plan, n_workers))
        if not partitions:
            return assembler.close()
        bag = db.from_sequence(partitions, npartitions=len(partitions))
        tasks = bag.map(analyze_partition_to_parts, parts_dir=str(parts_dir.resolve())).to_delayed()
        # Highest priority to the first partitions: the client writes tables in
        # seed-file order, so it can start as soon as partition 0 is done (left to
        # itself the scheduler tends to run the bag's partitions last-first).
        futures = [c.compute(task, priority=len(tasks) - i) for i, task in enumerate(tasks)]
        index = {f.key: i for i, f in enumerate(futures)}
        ready: dict[int, dict[str, str]] = {}
        next_i = 0
        with _progress(len(partitions), enabled=progress) as bar:
            for fut in as_completed(futures):
                i = index[fut.key]
                try:
                    (paths,) = fut.result()  # one Partition per bag partition
                except Exception as exc:
                    raise AnalysisError(f"partition {i} ({partitions[i].files[0].rel} …) failed on a worker: "
                                        f"{type(exc).__name__}: {exc}") from exc
                fut.release()
                ready[i] = paths
                bar.update(1)
                while next_i in ready:  # feed the assembler in seed-file order
                    part_paths = ready.pop(next_i)
                    assembler.add(_load_parts(part_paths))
                    shutil.rmtree(Path(next(iter(part_paths.values()))).parent, ignore_errors=True)
                    next_i += 1
                bar.set_postfix(docs=assembler.summary.n_documents, refresh=False)
        return assembler.close()

    try:
        if client is not None:
            return work(client)
        with cluster_client(workers=workers, scheduler=scheduler, processes=processes) as c:
            return work(c)
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)
