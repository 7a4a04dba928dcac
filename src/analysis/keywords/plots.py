"""Figures for the keyword tables: horizontal bar charts in the workbook style.

Each function takes a table made by :mod:`analysis.keywords` and returns a
matplotlib Figure; save it with :func:`analysis.figures.save_figure`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..figures import PALETTE

__all__ = ["plot_top_terms", "plot_keyness", "plot_source_vocabulary"]


def _check_columns(table: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame; got {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} lacks column(s) {', '.join(missing)}")


def _check_top(top: int) -> None:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive integer; got {top!r}")


def _barh(ax: plt.Axes, labels: list[str], values: list[float], colors: list[str]) -> None:
    positions = range(len(labels))
    ax.barh(list(positions), values, color=colors)
    ax.set_yticks(list(positions), labels)
    ax.invert_yaxis()  # first row at the top


def plot_top_terms(
    table: pd.DataFrame,
    *,
    top: int = 20,
    label: str = "term",
    value: str = "count",
    title: str = "Most frequent terms",
) -> plt.Figure:
    """Bar chart of the first ``top`` rows of a frequency table.

    Works with :func:`~analysis.keywords.term_frequencies`,
    :func:`~analysis.keywords.ngrams` (``label="term"``) and
    :func:`~analysis.keywords.entities` (``label="entity"``). Names (terms
    with a capital) are drawn in a second colour.
    """
    _check_columns(table, (label, value), "table")
    _check_top(top)
    rows = table.head(top)
    labels = [str(x) for x in rows[label]]
    colors = [PALETTE[1] if x[:1].isupper() else PALETTE[0] for x in labels]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.28 * len(rows) + 1)))
    _barh(ax, labels, rows[value].astype(float).tolist(), colors)
    ax.set_xlabel({"count": "occurrences", "per_10k": "occurrences per 10,000 words"}.get(value, value))
    ax.set_ylabel("term")
    ax.set_title(title)
    if not rows.empty and any(c == PALETTE[1] for c in colors):
        handles = [plt.Rectangle((0, 0), 1, 1, color=PALETTE[0]), plt.Rectangle((0, 0), 1, 1, color=PALETTE[1])]
        ax.legend(handles, ["common word", "name"], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    if rows.empty:
        ax.text(0.5, 0.5, "no terms", ha="center", va="center", transform=ax.transAxes)
    return fig


def plot_keyness(table: pd.DataFrame, *, top: int = 20, title: str = "Keywords against general Italian") -> plt.Figure:
    """Log ratio of the ``top`` most key terms of :func:`~analysis.keywords.keyness`.

    Bars are the log ratio (how many times more frequent, in powers of two);
    the annotation is the log-likelihood G². Terms absent from the reference
    are drawn in a second colour (their log ratio rests on smoothing).
    """
    _check_columns(table, ("term", "log_ratio", "log_likelihood", "in_reference"), "keyness table")
    _check_top(top)
    rows = table.head(top)
    labels = [str(x) for x in rows["term"]]
    colors = [PALETTE[0] if known else PALETTE[3] for known in rows["in_reference"].astype(bool)]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.28 * len(rows) + 1)))
    _barh(ax, labels, rows["log_ratio"].astype(float).tolist(), colors)
    for i, (lr, g2) in enumerate(zip(rows["log_ratio"], rows["log_likelihood"])):
        ax.text(float(lr), i, f"  G²={g2:.0f}", va="center", fontsize=8)
    ax.set_xlabel("log ratio (log2 of relative frequency, corpus / general Italian)")
    ax.set_ylabel("term")
    ax.set_title(title)
    if not rows.empty and (~rows["in_reference"].astype(bool)).any():
        handles = [plt.Rectangle((0, 0), 1, 1, color=PALETTE[0]), plt.Rectangle((0, 0), 1, 1, color=PALETTE[3])]
        ax.legend(handles, ["in wordfreq", "absent from wordfreq\n(smoothed)"], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    if rows.empty:
        ax.text(0.5, 0.5, "no terms", ha="center", va="center", transform=ax.transAxes)
    return fig


def plot_source_vocabulary(
    table: pd.DataFrame, *, top: int = 8, speakers: int = 4, title: str = "Words attributed to each source"
) -> plt.Figure:
    """One small bar chart per speaker (the ``speakers`` first) of :func:`~analysis.keywords.source_vocabulary`.

    Two panels per row, so the labels stay readable at the report's width;
    names count as one term (*Corea del Nord*), as in the table.
    """
    from matplotlib.ticker import MaxNLocator

    _check_columns(table, ("speaker", "term", "count"), "source vocabulary table")
    _check_top(top)
    _check_top(speakers)
    names = list(dict.fromkeys(table["speaker"].astype(str)))[:speakers]
    ncols = min(max(len(names), 1), 2)
    nrows = max(1, -(-len(names) // ncols))
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.6 * ncols, nrows * max(2.3, 0.28 * top + 0.9)), squeeze=False, layout="constrained"
    )
    flat = list(axes.flat)
    for ax, name, color in zip(flat, names, PALETTE * 4):
        rows = table[table["speaker"].astype(str) == name].head(top)
        _barh(ax, [str(x) for x in rows["term"]], rows["count"].astype(float).tolist(), [color] * len(rows))
        ax.set_title(name, fontsize=10)
        ax.set_xlabel("occurrences in their reported words")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("term")
    for ax in flat[len(names):]:
        ax.axis("off")
    if not names:
        flat[0].axis("on")
        flat[0].text(0.5, 0.5, "no attributed content", ha="center", va="center", transform=flat[0].transAxes)
    fig.suptitle(title)
    return fig
