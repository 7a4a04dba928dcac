"""Time and memory of ``make report`` on a corpus: a first run (nothing cached) and a second (nothing changed).

    python bench/report_bench.py SEEDS [--out DIR] [--keep]

Each run is ``python -m analysis.report --seeds SEEDS --out OUT`` in a child
process; its wall time is measured here, and its peak memory is the largest
resident set of any process it ran (the report itself and each notebook's
kernel), read with ``/usr/bin/time -v`` around every child where present,
else ``resource.getrusage(RUSAGE_CHILDREN)`` (the largest child reaped).
The first run starts from an empty ``OUT`` (the cache under
``OUT/.cache/analysis`` included); the second reuses it. Prints one line per
run and a Markdown table for bench/README.md.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _peak_from_time(stderr: str) -> int | None:
    found = re.findall(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return max(int(k) for k in found) * 1024 if found else None


def run_report(seeds: Path, out: Path) -> tuple[float, int, str]:
    """``(seconds, peak bytes, last lines of output)`` of one report run."""
    cmd = [sys.executable, "-m", "analysis.report", "--seeds", str(seeds), "--out", str(out)]
    timer = Path("/usr/bin/time")
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"))
    if timer.exists():
        cmd = [str(timer), "-v", *cmd]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    if done.returncode != 0:
        raise SystemExit(f"make report failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    peak = _peak_from_time(done.stderr) or max(before, after)
    return seconds, peak, "\n".join(done.stdout.strip().splitlines()[-9:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the output folder")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="report-bench-"))
    if out.exists():
        shutil.rmtree(out)
    rows = []
    try:
        for label in ("first run (nothing cached)", "second run (nothing changed)"):
            seconds, peak, tail = run_report(args.seeds.resolve(), out)
            print(tail)
            print(f"{label}: {seconds:,.0f} s ({seconds / 60:.1f} min), peak memory {peak / 1e6:,.0f} MB", flush=True)
            rows.append((label, seconds, peak))
    finally:
        if not args.keep and args.out is None:
            shutil.rmtree(out, ignore_errors=True)
    print("\n| make report | time | peak memory (largest process) |\n| --- | --- | --- |")
    for label, seconds, peak in rows:
        print(f"| {label} | {seconds / 60:.1f} min ({seconds:,.0f} s) | {peak / 1e6:,.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
