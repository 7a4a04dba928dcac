"""One way to draw and save every figure of the workbook.

:func:`save_figure` writes PNG and SVG with a stable file name and no
timestamps or random ids in their metadata, so running the notebooks twice on
the same seeds gives byte-identical files. :func:`use_style` sets the one
style all figures share (fonts that ship with matplotlib, fixed size and dpi).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import matplotlib

# Headless scripts draw with Agg; inside a Jupyter kernel keep its inline
# backend, or figures would be saved but never shown in the notebook.
if "ipykernel" not in sys.modules:
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402

from .paths import FIGURES_DIR  # noqa: E402

__all__ = ["use_style", "save_figure", "figure_name", "SavedFiles", "PALETTE"]

#: Colour-blind-safe palette (Okabe & Ito) used across figures.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "savefig.bbox": "tight",
    "svg.hashsalt": "analysis-workbook",  # stable ids inside SVG files
    "svg.fonttype": "path",
    "path.simplify": True,
    # Labels carry article text (speakers, titles, file names): never parse "$...$" as math.
    "text.parse_math": False,
}


def use_style() -> None:
    """Apply the workbook's figure style to matplotlib's global settings."""
    plt.rcParams.update(_STYLE)


def figure_name(name: str) -> str:
    """A safe, stable file stem: lower case, ``[a-z0-9_-]`` only."""
    stem = re.sub(r"[^a-z0-9_-]+", "_", name.lower()).strip("_")
    if not stem:
        raise ValueError(f"figure name {name!r} has no usable characters")
    return stem


class SavedFiles(list):
    """The paths :func:`save_figure` wrote; shows nothing as a notebook cell's last value.

    A notebook that ends a cell with ``save_figure(...)`` shows the figure, not
    the folders of the machine it ran on.
    """

    def _ipython_display_(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"SavedFiles({', '.join(Path(p).name for p in self)})"


def save_figure(fig: "plt.Figure", name: str, *, out_dir: str | Path | None = None, close: bool = False) -> SavedFiles:
    """Save ``fig`` as ``<out_dir>/<name>.png`` and ``.svg``; return both paths (a list).

    ``out_dir`` defaults to the repository's ``figures/``. Metadata that would
    change from run to run (creation date, software version) is left out.
    """
    out = Path(out_dir) if out_dir is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    stem = figure_name(name)
    png, svg = out / f"{stem}.png", out / f"{stem}.svg"
    with plt.rc_context({"svg.hashsalt": _STYLE["svg.hashsalt"]}):
        fig.savefig(png, format="png", metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    if close:
        plt.close(fig)
    return SavedFiles([png, svg])


use_style()
