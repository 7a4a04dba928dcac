"""Command line: ``python -m analysis run SEEDS --out DIR``.

Analyses a seeds folder into tables (documents, paragraphs, sentences,
tokens, rejected, attributions, sentiment, term frequencies, n-grams) in
parquet or csv, with a progress bar and a printed summary::

    python -m analysis run seeds --out tables
    python -m analysis run seeds --out tables --format csv
    python -m analysis run seeds --out tables --engine dask --workers 2
    python -m analysis run /shared/seeds --out /shared/tables --engine dask --scheduler tcp://host:8786
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .errors import AnalysisError

__all__ = ["main", "build_parser"]


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {n}")
    return n


def _positive_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {value}")
    return x


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Italian media-analysis workbook.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="analyse a seeds folder into tables",
                         description="Analyse every article under SEEDS and write the tables to --out.")
    run.add_argument("seeds", metavar="SEEDS", help="seeds folder (or one file)")
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the tables (created if needed)")
    run.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="table format (default parquet)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local: this process; dask: a Dask cluster (default local)")
    run.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                     help="dask: workers of the local cluster (default: one per core)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="dask: use the cluster at this scheduler address (e.g. tcp://host:8786)")
    run.add_argument("--partition-mb", type=_positive_float, default=None, metavar="MB",
                     help="seed text per partition in MB (changes speed and memory, never results; "
                          "default 2, or about six partitions per worker with dask)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.engine == "local" and (args.workers is not None or args.scheduler):
        parser.error("--workers and --scheduler need --engine dask")
    target = int(args.partition_mb * 1_000_000) if args.partition_mb else None
    try:
        if args.engine == "dask":
            from .dask_engine import run_dask

            summary = run_dask(args.seeds, args.out, fmt=args.format, workers=args.workers,
                               scheduler=args.scheduler, target_bytes=target, progress=not args.no_progress)
        else:
            from .batch import DEFAULT_PARTITION_BYTES, cpu_count, run_local

            summary = run_local(args.seeds, args.out, fmt=args.format, target_bytes=target or DEFAULT_PARTITION_BYTES,
                                progress=not args.no_progress, workers=cpu_count())
    except (AnalysisError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary.format())
    if summary.n_documents == 0:
        print(f"error: {_nothing_readable(args.seeds, summary.files.get('rejected'))}", file=sys.stderr)
        return 2
    return 0


def _nothing_readable(seeds: str, rejected_file: Path | None) -> str:
    """One sentence, then the rejected files and their reasons (from the rejected table just written)."""
    import pandas as pd

    from .readers import nothing_readable

    rows: list[tuple[str, str]] = []
    if rejected_file is not None and Path(rejected_file).exists():
        table = pd.read_parquet(rejected_file) if Path(rejected_file).suffix == ".parquet" else pd.read_csv(rejected_file)
        rows = list(zip(table["path"].astype(str), table["reason"].astype(str)))
    folder = Path(seeds).name + "/"
    return "\n".join([nothing_readable(folder, rows), *(f"  {reason}" for _path, reason in rows)])


if __name__ == "__main__":
    sys.exit(main())
