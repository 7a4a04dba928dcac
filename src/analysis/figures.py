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
from typing import TYPE_CHECKING, Any, Iterable

import matplotlib

# Headless scripts draw with Agg; inside a Jupyter kernel keep its inline
# backend, or figures would be saved but never shown in the notebook.
if "ipykernel" not in sys.modules:
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.rcsetup import cycler  # noqa: E402

from .paths import FIGURES_DIR  # noqa: E402
from .wordlists import read_word_table  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

__all__ = ["use_style", "save_figure", "figure_name", "SavedFiles", "PALETTE", "category_colours", "CATEGORY_COLOURS_FILE"]

#: Colour-blind-safe palette (Okabe & Ito) used across figures.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: The fixed colour of each known category (kinds of speaker, genders, tones): ``data/<this>``.
CATEGORY_COLOURS_FILE = "category_colours.tsv"
#: Colours for categories the file does not list, after PALETTE (matplotlib's tab20, dark then light).
_MORE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
         "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7"]


def category_colours(categories: Iterable[object]) -> dict[str, str]:
    """One colour per category, the same wherever the category is drawn.

    A category of ``data/category_colours.tsv`` (kinds of speaker, genders,
    tones, ``unknown``) always gets its colour there; the others (outlets,
    speakers) get :data:`PALETTE`'s colours in alphabetical order, so every
    chart given the same set of categories colours them alike: compute the
    mapping once per notebook from the whole set and pass it to each chart.
    """
    fixed = {name: "#" + hex_rgb for name, hex_rgb in read_word_table(CATEGORY_COLOURS_FILE).items()}
    names = sorted({str(c) for c in categories})
    free = [c for c in PALETTE + _MORE if c not in {fixed.get(n) for n in names}]
    out: dict[str, str] = {}
    others = [n for n in names if n not in fixed]
    for k, name in enumerate(others):
        out[name] = free[k % len(free)]
    out.update({n: fixed[n] for n in names if n in fixed})
    return out

_STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=PALETTE),
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
