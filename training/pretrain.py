"""Pretrain the tok2vec on the raw text, resuming after the last finished epoch.

    python training/pretrain.py CONFIG OUT_DIR [--vectors DIR]

``spacy pretrain`` writes ``model<N>.bin`` after each epoch and
``model-last.bin`` at the end; the number of epochs is the config's
``[pretraining] max_epochs``. An interrupted run starts again from the last
``model<N>.bin`` (``--resume-path``, ``--epoch-resume``) instead of from the
beginning, so ``make model`` resumes. The training configs read the result as
``OUT_DIR/model-last.bin``: nothing names an epoch.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path


def last_epoch(out: Path) -> int | None:
    """The last epoch whose weights are on disk (``model<N>.bin``), or None."""
    epochs = [int(m.group(1)) for p in out.glob("model*.bin") if (m := re.fullmatch(r"model(\d+)\.bin", p.name))]
    return max(epochs) if epochs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--vectors", type=Path, default=None)
    args = parser.parse_args()
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(args.config), str(args.out)]
    if args.vectors is not None:
        cmd += ["--paths.vectors", str(args.vectors)]
    done = last_epoch(args.out) if args.out.is_dir() else None
    if done is not None:
        cmd += ["--resume-path", str(args.out / f"model{done}.bin"), "--epoch-resume", str(done + 1)]
        print(f"resuming after epoch {done}")
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
