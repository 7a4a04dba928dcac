"""The word explorer's figure: where a word occurs across documents and dates."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..figures import PALETTE
from ..wording import counted

__all__ = ["plot_dispersion", "figure_png"]


def plot_dispersion(table: pd.DataFrame, query: str, *, width: float = 8.0) -> Figure:
    """Occurrences of ``query`` per 10,000 words in each document (:func:`~analysis.explore.queries.dispersion`).

    With dates the x axis is the publication date (documents without one
    are left out and counted in the title); otherwise documents in reading
    order. Returns a ``Figure`` (not attached to pyplot, never shown by
    itself).
    """
    fig = Figure(figsize=(width, 2.8), layout="constrained")
    ax = fig.add_subplot()
    n_hits, n_docs = int(table["n_hits"].sum()), int((table["n_hits"] > 0).sum())
    dated = table[table["date"].notna()]
    title = f"“{query}”: {counted(n_hits, 'occurrence')} in {n_docs} of {counted(len(table), 'document')}"
    if len(dated) and dated["date"].nunique() > 1:
        undated = len(table) - len(dated)
        x = pd.to_datetime(dated["date"]).to_numpy()
        y = dated["per_10k"].to_numpy(dtype=float)
        hit = y > 0
        ax.vlines(x[hit], 0, y[hit], color=PALETTE[0], linewidth=1.2)
        ax.plot(x[hit], y[hit], "o", color=PALETTE[0], markersize=3.5)
        ax.plot(x[~hit], np.zeros((~hit).sum()), "|", color="#999999", markersize=5)
        ax.set_xlabel("publication date (each mark: one document; grey: no occurrence)")
        fig.autofmt_xdate()
        if undated:
            title += f" ({undated} undated not shown)"
    else:
        x = np.arange(1, len(table) + 1)
        y = table["per_10k"].to_numpy(dtype=float)
        ax.bar(x, y, color=PALETTE[0], width=0.8 if len(table) < 60 else 1.0)
        ax.set_xlabel("document (in reading order)")
        if len(table) <= 20:
            ax.set_xticks(x)
    ax.set_ylabel("occurrences per 10,000 words")
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=10)
    return fig


def figure_png(fig: Figure, *, dpi: int = 90) -> bytes:
    """``fig`` as PNG bytes (for an image widget)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
