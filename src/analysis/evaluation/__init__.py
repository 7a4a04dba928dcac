"""Measuring the workbook on labelled data in ``../shared/data`` and on our gold sets.

Each submodule measures one part and exposes ``report() -> str``; run them all
with ``python -m analysis.evaluation`` (``make eval``). When the shared data is
absent a report says so instead of failing.
"""
from __future__ import annotations

import importlib
import pkgutil

__all__ = ["evaluation_modules"]


def evaluation_modules() -> list[str]:
    """Names of the evaluation submodules that report something, in a stable order (``splits`` only defines data)."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [n for n in names if hasattr(importlib.import_module(f"{__name__}.{n}"), "report")]


def run_all() -> str:
    """Every submodule's report, one after another."""
    parts = []
    for name in evaluation_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        if hasattr(module, "report"):
            parts.append(f"== {name} ==\n{module.report()}")
    return "\n\n".join(parts)
