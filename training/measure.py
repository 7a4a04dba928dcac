"""Measure the assembled model on data it never saw and write the figures into its ``meta.json``.

    python training/measure.py MODEL_DIR

Figures: :mod:`analysis.evaluation.syntax` (UPOS, UAS, LAS on gold tokens of
UD ISDT dev and the held-out UD sentences; entity F1 on KIND Wikinews dev and
the held-out KIND blocks).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from analysis.evaluation.syntax import measure, report
from analysis.syntax.model import load_nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    args = parser.parse_args()
    nlp = load_nlp(args.model)
    scores = measure(nlp)
    meta_path = args.model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance_measured"] = {
        name: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items() if k != "tokens_per_second"}
        for name, s in scores.items()
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(nlp))


if __name__ == "__main__":
    main()
