"""What every workbook notebook does first: resolve its folders, display safely.

A notebook's ``parameters`` cell sets ``SEEDS_DIR`` and ``OUT_DIR`` (``None``
means the repository's ``seeds/`` and ``figures/``); the next cell calls::

    from analysis.notebooks import workbook_folders
    seeds_dir, figures_dir = workbook_folders(SEEDS_DIR, OUT_DIR)

Importing this module also makes pandas' ``Styler`` escape HTML by default
(plain ``DataFrame`` display already does), so article text shown in a table
is always text, never markup.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from . import figures
from .paths import FIGURES_DIR, PROJECT_ROOT, SEEDS_DIR

__all__ = ["workbook_folders", "safe_display_defaults", "SEEDS_ENVIRONMENT_VARIABLE"]

#: A seeds folder named here replaces ``seeds/`` when a notebook's
#: ``SEEDS_DIR`` is None (``make app SEEDS=dir`` sets it for Voila).
SEEDS_ENVIRONMENT_VARIABLE = "WORKBOOK_SEEDS"


def safe_display_defaults() -> None:
    """Escape HTML in every pandas table; apply the workbook's figure style."""
    pd.set_option("styler.format.escape", "html")
    pd.set_option("display.max_colwidth", 120)
    figures.use_style()


def workbook_folders(seeds_dir: str | Path | None = None, out_dir: str | Path | None = None) -> tuple[Path, Path]:
    """``(seeds folder, figures folder)`` from a notebook's parameters.

    ``None`` gives the repository defaults from :mod:`analysis.paths` (for
    the seeds, the folder in the ``WORKBOOK_SEEDS`` environment variable
    when it is set and not empty); a relative path is taken from the repository root, so the result never
    depends on the notebook's working directory. The figures
    folder is created; a missing seeds folder raises ``ValueError``.
    """
    if seeds_dir is None:
        seeds_dir = os.environ.get(SEEDS_ENVIRONMENT_VARIABLE) or None
    seeds = _from_root(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    out = _from_root(out_dir) if out_dir is not None else FIGURES_DIR
    if not seeds.exists():
        raise ValueError(f"seeds folder {seeds} does not exist (set SEEDS_DIR in the parameters cell)")
    out.mkdir(parents=True, exist_ok=True)
    return seeds.resolve(), out.resolve()


def _from_root(path: str | Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


safe_display_defaults()
