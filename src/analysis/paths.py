"""Where things live: the one place that knows the project's folders.

Notebooks and scripts import these instead of relying on their working
directory, so they run the same from JupyterLab, nbconvert or the command line.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["PROJECT_ROOT", "SEEDS_DIR", "FIGURES_DIR", "REPORTS_DIR", "NOTEBOOKS_DIR", "DATA_DIR", "SHARED_DATA_DIR"]

#: Package data (word lists, lexicons) shipped inside ``analysis``.
DATA_DIR: Path = Path(__file__).resolve().parent / "data"
#: Repository root (``src/analysis/paths.py`` → two levels up from ``src``).
PROJECT_ROOT: Path = Path(__file__).resolve().parents[2]
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
FIGURES_DIR: Path = PROJECT_ROOT / "figures"
REPORTS_DIR: Path = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
#: Labelled development data used only for measurement; may be absent.
SHARED_DATA_DIR: Path = PROJECT_ROOT.parent / "shared" / "data"
