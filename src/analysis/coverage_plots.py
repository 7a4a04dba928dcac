"""Figures for coverage compared across outlets and time (:mod:`analysis.coverage`).

Each function takes a table of :mod:`analysis.coverage` and returns a
matplotlib ``Figure`` with a title and labelled axes; none saves or shows it
(save with :func:`analysis.figures.save_figure`).
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .figures import PALETTE

__all__ = ["plot_articles_per_week", "plot_share_of_voice", "plot_tone_over", "plot_outlet_keyness", "plot_top_speakers"]


def _need(df: pd.DataFrame, cols: tuple[str, ...], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs column(s) {', '.join(missing)}")
    if df.empty:
        raise ValueError(f"{what}: the table is empty (nothing to draw)")


def _short(label: object, width: int = 28) -> str:
    return textwrap.shorten(str(label), width=width, placeholder="…")


def _week_labels(weeks: pd.Series) -> list[str]:
    return [f"{pd.Timestamp(w):%d %b %Y}" for w in weeks]


def plot_articles_per_week(table: pd.DataFrame) -> plt.Figure:
    """Stacked bars: articles per week, one colour per outlet (:func:`~analysis.coverage.articles_per_week`)."""
    _need(table, ("week", "outlet", "n_articles"), "plot_articles_per_week")
    wide = table.pivot_table(index="week", columns="outlet", values="n_articles", aggfunc="sum", fill_value=0).sort_index()
    fig, ax = plt.subplots(figsize=(8, 4))
    bottom = np.zeros(len(wide))
    x = np.arange(len(wide))
    for i, outlet in enumerate(wide.columns):
        ax.bar(x, wide[outlet].to_numpy(), bottom=bottom, color=PALETTE[i % len(PALETTE)], label=_short(outlet))
        bottom += wide[outlet].to_numpy()
    ax.set_xticks(x, _week_labels(wide.index), rotation=30, ha="right")
    ax.set_xlabel("week starting on")
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Articles per week, by outlet")
    ax.legend(title="outlet", fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def plot_share_of_voice(table: pd.DataFrame, *, by: str = "speaker_type", over: str = "outlet") -> plt.Figure:
    """Horizontal stacked bars: each outlet's (or week's) attributions split by ``by`` (:func:`~analysis.coverage.share_of_voice`)."""
    _need(table, (over, by, "share", "n_group"), "plot_share_of_voice")
    wide = table.pivot_table(index=over, columns=by, values="share", aggfunc="sum", fill_value=0.0).sort_index()
    totals = table.drop_duplicates(over).set_index(over)["n_group"].reindex(wide.index)
    order = wide.sum().sort_values(ascending=False).index
    wide = wide[order]
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.45 * len(wide)))
    y = np.arange(len(wide))
    left = np.zeros(len(wide))
    for i, kind in enumerate(wide.columns):
        values = wide[kind].to_numpy() * 100
        ax.barh(y, values, left=left, color=PALETTE[i % len(PALETTE)], label=_short(kind, 20))
        left += values
    labels = _week_labels(wide.index) if over == "week" else [_short(v) for v in wide.index]
    ax.set_yticks(y, [f"{lab} (n={int(n)})" for lab, n in zip(labels, totals)])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of attributions (%)")
    ax.set_ylabel("week starting on" if over == "week" else "outlet")
    what = "gender" if by == "speaker_gender" else "kind of speaker" if by == "speaker_type" else by
    ax.set_title(f"Share of voice by {what}, per {'week' if over == 'week' else 'outlet'}")
    ax.legend(title=what, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def plot_tone_over(table: pd.DataFrame, *, over: str = "outlet") -> plt.Figure:
    """Mean sentence polarity per outlet (bars) or per week (line), ±1.96 standard errors, n sentences written beside each point."""
    _need(table, (over, "mean_polarity", "sem", "n_sentences"), "plot_tone_over")
    table = table.sort_values(over)
    err = (1.96 * table["sem"].fillna(0)).to_numpy()
    mean = table["mean_polarity"].to_numpy()
    if over == "week":
        fig, ax = plt.subplots(figsize=(8, 4))
        x = np.arange(len(table))
        ax.errorbar(x, mean, yerr=err, color=PALETTE[0], marker="o", capsize=3, linewidth=1.2)
        for xi, yi, n in zip(x, mean, table["n_sentences"]):
            ax.annotate(f"n={int(n)}", (xi, yi), textcoords="offset points", xytext=(6, 6), fontsize=8)
        ax.set_xticks(x, _week_labels(table["week"]), rotation=30, ha="right")
        ax.set_xlabel("week starting on")
        ax.set_ylabel("mean sentence polarity (−1 … +1)")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_title("Tone over time (mean polarity of sentences, 95% interval; n = sentences)")
        return fig
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.45 * len(table)))
    y = np.arange(len(table))
    colours = [PALETTE[0] if m > 0.05 else PALETTE[3] if m < -0.05 else "#999999" for m in mean]
    ax.barh(y, mean, xerr=err, color=colours, capsize=3)
    ax.set_yticks(y, [f"{_short(o)} (n={int(n)})" for o, n in zip(table["outlet"], table["n_sentences"])])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("mean sentence polarity (−1 negative … +1 positive)")
    ax.set_ylabel("outlet (n = sentences)")
    ax.set_title("Tone per outlet (mean polarity of sentences, 95% interval)")
    return fig


def plot_outlet_keyness(table: pd.DataFrame, outlet: str) -> plt.Figure:
    """Terms that set ``outlet`` apart, by log-likelihood (:func:`~analysis.coverage.outlet_keyness`)."""
    _need(table, ("term", "log_likelihood", "count"), "plot_outlet_keyness")
    table = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.3 * len(table)))
    ax.barh([_short(t, 32) for t in table["term"]], table["log_likelihood"], color=PALETTE[0])
    for y, (g2, n) in enumerate(zip(table["log_likelihood"], table["count"])):
        ax.annotate(f"{int(n)}×", (g2, y), textcoords="offset points", xytext=(4, -3), fontsize=8)
    ax.axvline(3.84, color="#777777", linestyle="--", linewidth=0.8)
    ax.set_xlabel("log-likelihood G² against the other outlets (dashed: 3.84, p ≈ 0.05)")
    ax.set_ylabel("term (× = occurrences)")
    ax.set_title(f"What sets {_short(outlet, 40)} apart from the other outlets")
    return fig


def plot_top_speakers(table: pd.DataFrame) -> plt.Figure:
    """The most quoted speakers of each outlet, one panel per outlet (:func:`~analysis.coverage.top_speakers`)."""
    _need(table, ("outlet", "speaker", "n_attributions"), "plot_top_speakers")
    outlets = list(dict.fromkeys(table["outlet"]))
    rows = max(table.groupby("outlet").size())
    fig, axes = plt.subplots(1, len(outlets), figsize=(max(8, 3.2 * len(outlets)), 1.0 + 0.4 * rows), squeeze=False)
    top = int(table["n_attributions"].max())
    for ax, outlet in zip(axes[0], outlets):
        g = table[table["outlet"] == outlet].iloc[::-1]
        ax.barh([_short(s, 22) for s in g["speaker"]], g["n_attributions"], color=PALETTE[2])
        ax.set_title(_short(outlet, 30), fontsize=10)
        ax.set_xlim(0, top + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("attributions")
    axes[0][0].set_ylabel("speaker")
    fig.suptitle("Most quoted speakers per outlet")
    fig.tight_layout()
    return fig
