"""The Dask engine: the per-document pass on a cluster, corpus steps on the client.

The results of a corpus (:mod:`analysis.results`) are computed file by file
and cached in ``OUT/.cache/analysis``; with this engine the files whose
entry is missing are analysed on a :class:`distributed.LocalCluster`
(default: one single-threaded worker process per core) or on an existing
cluster given by its scheduler address, one task per seed file
(:func:`analysis.results.compute_file_entry`), each writing its own cache
entry. The client then assembles the corpus from the entries in seed-file
order with the same :class:`analysis.batch.CorpusAssembler` the local engine
uses: duplicate flagging, speaker alias merging and corpus totals happen
after the per-document pass, and the tables are identical to the local
engine's whatever the number of workers.

On a real cluster the seeds folder and ``OUT`` must be on a filesystem every
worker and the client see at the same path (see ``bench/README.md``).
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dask

from .batch import DEFAULT_PARTITION_BYTES, OutputFormat, RunSummary, _progress, cpu_count
from .errors import AnalysisError

__all__ = ["run_dask", "cluster_client"]


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
    """Analyse ``seeds`` with Dask into ``out_dir``; the same tables as :func:`analysis.batch.run_local`.

    The seed files whose tables are not in the cache (``out_dir/.cache/analysis``,
    :mod:`analysis.results`) are analysed on the cluster, one task per file,
    each writing its cache entry (workers must see ``out_dir``: a shared
    file system on a real cluster); the client then assembles the corpus in
    seed-file order, as the local engine does. Pass an existing ``client`` to
    reuse a cluster; otherwise one is made with :func:`cluster_client` from
    ``workers`` / ``scheduler``. ``target_bytes``: seed text a worker analyses
    at once (memory, never results).
    """
    import time

    from distributed import Future, as_completed

    from .results import ResultSettings, compute_file_entry, compute_results, export_tables

    started = time.perf_counter()
    settings = ResultSettings(chunk_bytes=target_bytes or DEFAULT_PARTITION_BYTES)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def on_cluster(c):
        def runner(jobs, spans, _make) -> None:
            if not jobs:
                return
            from .results import CACHE_FOLDER

            root = str((out / CACHE_FOLDER).resolve())
            futures: list[Future] = []
            for job in jobs:
                ids = [d.doc_id for d in job.docs or []]
                mine = spans[spans["doc_id"].isin(ids)] if len(spans) else spans
                futures.append(c.submit(compute_file_entry, root, job.key, job.base, job.seed_file, mine, settings,
                                        key=f"analyse-{job.key}", pure=False, priority=len(jobs) - len(futures)))
            with _progress(len(futures), enabled=progress, unit="file") as bar:
                for fut in as_completed(futures):
                    try:
                        fut.result()
                    except Exception as exc:
                        raise AnalysisError(f"a seed file failed on a worker: {type(exc).__name__}: {exc}") from exc
                    bar.update(1)

        return compute_results(seeds, out, settings=settings, progress=False, runner=runner, engine="dask")

    if client is not None:
        results = on_cluster(client)
    else:
        with cluster_client(workers=workers, scheduler=scheduler, processes=processes) as c:
            results = on_cluster(c)
    return export_tables(results, out, fmt=fmt, engine="dask", seconds=time.perf_counter() - started)
