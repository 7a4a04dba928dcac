"""Train floret static vectors on the raw text and turn them into a spaCy vectors folder.

    python training/vectors.py RAW_TEXT OUT_DIR [--dim 100] [--bucket 50000] [--epoch 5]

``RAW_TEXT`` is ``training/corpus/raw-text.txt`` (one sentence a line, on our
tokens: ``training/prepare.py``). floret stores subword vectors in a hash
table of ``bucket`` rows × ``dim`` columns, so any word, even one never seen,
gets a vector and the table's size is fixed in advance (50,000 × 100 floats
is 20 MB inside the model). The settings are the ones spaCy's own floret
pipelines use (CBOW, two hashes per entry, character n-grams of 4 and 5).
``OUT_DIR`` is what ``spacy init vectors --mode floret`` writes; the configs
read it as ``paths.vectors``.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw_text", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=50000)
    parser.add_argument("--epoch", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import floret

    t0 = time.perf_counter()
    model = floret.train_unsupervised(
        str(args.raw_text), model="cbow", mode="floret", hashCount=2, bucket=args.bucket,
        minn=4, maxn=5, minCount=args.min_count, dim=args.dim, epoch=args.epoch, thread=args.threads,
    )
    floret_file = args.out.with_suffix(".floret")
    floret_file.parent.mkdir(parents=True, exist_ok=True)
    model.save_floret_vectors(str(floret_file))
    print(f"floret: {len(model.words)} words seen, table {args.bucket} x {args.dim}, "
          f"{time.perf_counter() - t0:.0f} s")
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "it", str(floret_file), str(args.out),
                    "--mode", "floret"], check=True)


if __name__ == "__main__":
    main()
