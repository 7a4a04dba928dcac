"""``python -m analysis.evaluation [name ...]``: print the evaluation reports."""
from __future__ import annotations

import importlib
import sys

from . import evaluation_modules, run_all


def main(argv: list[str] | None = None) -> int:
    names = sys.argv[1:] if argv is None else argv
    if not names:
        print(run_all())
        return 0
    for name in names:
        if name not in evaluation_modules():
            print(f"unknown evaluation {name!r}; choose from {', '.join(evaluation_modules())}", file=sys.stderr)
            return 2
        print(f"== {name} ==\n{importlib.import_module(f'analysis.evaluation.{name}').report()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
