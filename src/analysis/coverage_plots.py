"""Figures for coverage compared across outlets and time (:mod:`analysis.coverage`).

Each function takes a table of :mod:`analysis.coverage` and returns a
matplotlib ``Figure`` with a title and labelled axes; none saves or shows it
(save with :func:`analysis.figures.save_figure`). Time runs on a real date
axis (matplotlib's date locator and concise labels), so periods keep their
distance and labels never overprint; categories take their colours from
``colours`` (:func:`analysis.figures.category_colours`), so an outlet or a
kind of speaker has the same colour in every chart.
"""
from __future__ import annotations

import textwrap
from typing import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from .coverage import PERIOD_FREQUENCIES, PERIODS, Period, period_label
from .figures import PALETTE, category_colours

__all__ = ["plot_articles_over_time", "plot_share_of_voice", "plot_tone_over", "plot_outlet_keyness", "plot_top_speakers"]

#: Width of a bar on the time axis, in days, per period (a little short of the period, so bars stay apart).
BAR_DAYS = {"week": 6, "month": 26, "quarter": 80, "year": 320}
#: Above this many points, tone over time is not annotated point by point (the table has every n).
MAX_ANNOTATED = 16
_NOUN = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def _need(df: pd.DataFrame, cols: tuple[str, ...], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs column(s) {', '.join(missing)}")
    if df.empty:
        raise ValueError(f"{what}: the table is empty (nothing to draw)")


def _short(label: object, width: int = 28) -> str:
    return textwrap.shorten(str(label), width=width, placeholder="…")


def _period_of(table: pd.DataFrame, period: Period | None) -> Period:
    chosen = period or table.attrs.get("period")
    if chosen not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)} (or the table's .attrs['period']); got {chosen!r}")
    return chosen


def _date_axis(ax: plt.Axes, axis: str = "x") -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(locator)
    target.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _days(values) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Dates as matplotlib's day numbers."""
    return mdates.date2num(pd.DatetimeIndex(values).to_pydatetime())


def _consecutive_runs(starts: pd.Series, period: Period) -> list[slice]:
    """Runs of positions whose periods follow one another with no empty period between."""
    ordinals = pd.PeriodIndex(starts, freq=PERIOD_FREQUENCIES[period]).asi8 if len(starts) else np.array([], dtype=np.int64)
    cuts = [0, *(np.flatnonzero(np.diff(ordinals) != 1) + 1).tolist(), len(ordinals)]
    return [slice(a, b) for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


def _colours_for(values, colours: Mapping[str, str] | None) -> dict[str, str]:
    given = dict(colours or {})
    missing = [v for v in values if str(v) not in given]
    if missing:
        given.update({k: v for k, v in category_colours(missing).items() if k not in given})
    return given


def plot_articles_over_time(table: pd.DataFrame, *, period: Period | None = None,
                            colours: Mapping[str, str] | None = None) -> plt.Figure:
    """Stacked bars on a date axis: articles per period, one colour per outlet (:func:`~analysis.coverage.articles_per_period`)."""
    _need(table, ("period", "outlet", "n_articles"), "plot_articles_over_time")
    chosen = _period_of(table, period)
    wide = table.pivot_table(index="period", columns="outlet", values="n_articles", aggfunc="sum", fill_value=0).sort_index()
    palette = _colours_for(wide.columns, colours)
    fig, ax = plt.subplots(figsize=(8, 4))
    bottom = np.zeros(len(wide))
    x = _days(wide.index)
    for outlet in wide.columns:
        values = wide[outlet].to_numpy()
        ax.bar(x, values, bottom=bottom, width=BAR_DAYS[chosen], align="edge", color=palette[str(outlet)],
               label=_short(outlet))
        bottom += values
    _date_axis(ax)
    ax.set_xlabel(f"{_NOUN[chosen]} of publication")
    ax.set_ylabel("articles")
    locator = ax.yaxis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # matplotlib's default (AutoLocator): ticks at whole numbers
        locator.set_params(integer=True)
    ax.set_title(f"Articles per {_NOUN[chosen]}, by outlet")
    ax.legend(title="outlet", fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def plot_share_of_voice(table: pd.DataFrame, *, by: str = "speaker_type", over: str = "outlet",
                        period: Period | None = None, colours: Mapping[str, str] | None = None) -> plt.Figure:
    """Horizontal stacked bars: each outlet's (or period's) attributions split by ``by`` (:func:`~analysis.coverage.share_of_voice`).

    Over time, one bar per period that has attributions, labelled with the period.
    """
    key = "outlet" if over == "outlet" else "period"
    _need(table, (key, by, "share", "n_group"), "plot_share_of_voice")
    wide = table.pivot_table(index=key, columns=by, values="share", aggfunc="sum", fill_value=0.0).sort_index()
    totals = table.drop_duplicates(key).set_index(key)["n_group"].reindex(wide.index)
    order = wide.sum().sort_values(ascending=False).index
    wide = wide[order]
    palette = _colours_for(wide.columns, colours)
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.45 * len(wide)))
    y = np.arange(len(wide))
    left = np.zeros(len(wide))
    for kind in wide.columns:
        values = wide[kind].to_numpy() * 100
        ax.barh(y, values, left=left, color=palette[str(kind)], label=_short(kind, 20))
        left += values
    if over == "outlet":
        labels = [_short(v) for v in wide.index]
    else:
        chosen = _period_of(table, period)
        labels = [period_label(v, chosen) for v in wide.index]
    ax.set_yticks(y, [f"{lab} (n={int(n)})" for lab, n in zip(labels, totals)])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of attributions (%)")
    noun = "outlet" if over == "outlet" else _NOUN[_period_of(table, period)]
    ax.set_ylabel(noun)
    what = "gender" if by == "speaker_gender" else "kind of speaker" if by == "speaker_type" else by
    ax.set_title(f"Share of voice by {what}, per {noun}")
    # Beside the bars, never over them (a single category fills its bar to 100%).
    ax.legend(title=what, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def plot_tone_over(table: pd.DataFrame, *, over: str = "outlet", period: Period | None = None,
                   colours: Mapping[str, str] | None = None) -> plt.Figure:
    """Mean sentence polarity per outlet (bars) or per period (a line on a date axis), ±1.96 standard errors.

    The number of sentences behind each value is written beside it (over
    time, when there are at most :data:`MAX_ANNOTATED` periods).
    """
    key = "outlet" if over == "outlet" else "period"
    _need(table, (key, "mean_polarity", "sem", "n_sentences"), "plot_tone_over")
    table = table.sort_values(key)
    err = (1.96 * table["sem"].fillna(0)).to_numpy()
    mean = table["mean_polarity"].to_numpy()
    tone = category_colours(["negative", "neutral", "positive"])
    if over != "outlet":
        chosen = _period_of(table, period)
        fig, ax = plt.subplots(figsize=(8, 4))
        x = _days(table["period"]) + BAR_DAYS[chosen] / 2
        ax.errorbar(x, mean, yerr=err, color=PALETTE[0], marker="o", capsize=3, linestyle="none")
        for run in _consecutive_runs(pd.to_datetime(table["period"]), chosen):  # no line across empty periods
            ax.plot(x[run], mean[run], color=PALETTE[0], linewidth=1.2)
        if len(table) <= MAX_ANNOTATED:
            for xi, yi, n in zip(x, mean, table["n_sentences"]):
                ax.annotate(f"n={int(n)}", (xi, yi), textcoords="offset points", xytext=(6, 6), fontsize=8)
        _date_axis(ax)
        ax.set_xlabel(f"{_NOUN[chosen]} of publication")
        ax.set_ylabel("mean sentence polarity (−1 … +1)")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_title(f"Tone per {_NOUN[chosen]} (mean polarity of sentences, 95% interval; n = sentences)")
        return fig
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.45 * len(table)))
    y = np.arange(len(table))
    bars = [tone["positive"] if m > 0.05 else tone["negative"] if m < -0.05 else tone["neutral"] for m in mean]
    ax.barh(y, mean, xerr=err, color=bars, capsize=3)
    ax.set_yticks(y, [f"{_short(o)} (n={int(n)})" for o, n in zip(table["outlet"], table["n_sentences"])])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("mean sentence polarity (−1 negative … +1 positive)")
    ax.set_ylabel("outlet (n = sentences)")
    ax.set_title("Tone per outlet (mean polarity of sentences, 95% interval)")
    return fig


def plot_outlet_keyness(table: pd.DataFrame, outlet: str, *, colours: Mapping[str, str] | None = None) -> plt.Figure:
    """Terms that set ``outlet`` apart, by log-likelihood (:func:`~analysis.coverage.outlet_keyness`), in the outlet's colour."""
    _need(table, ("term", "log_likelihood", "count"), "plot_outlet_keyness")
    colour = _colours_for([outlet], colours)[str(outlet)]
    table = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.3 * len(table)))
    ax.barh([_short(t, 32) for t in table["term"]], table["log_likelihood"], color=colour)
    for y, (g2, n) in enumerate(zip(table["log_likelihood"], table["count"])):
        ax.annotate(f"{int(n)}×", (g2, y), textcoords="offset points", xytext=(4, -3), fontsize=8)
    ax.axvline(3.84, color="#777777", linestyle="--", linewidth=0.8)
    ax.set_xlabel("log-likelihood G² against the other outlets (dashed: 3.84, p ≈ 0.05)")
    ax.set_ylabel("term (× = occurrences)")
    ax.set_title(f"What sets {_short(outlet, 40)} apart from the other outlets")
    return fig


def plot_top_speakers(table: pd.DataFrame, *, colours: Mapping[str, str] | None = None) -> plt.Figure:
    """The most quoted speakers of each outlet, one panel per outlet in the outlet's colour (:func:`~analysis.coverage.top_speakers`)."""
    _need(table, ("outlet", "speaker", "n_attributions"), "plot_top_speakers")
    outlets = list(dict.fromkeys(table["outlet"]))
    palette = _colours_for(outlets, colours)
    rows = max(table.groupby("outlet").size())
    fig, axes = plt.subplots(1, len(outlets), figsize=(max(8, 3.2 * len(outlets)), 1.0 + 0.4 * rows), squeeze=False)
    top = int(table["n_attributions"].max())
    for ax, outlet in zip(axes[0], outlets):
        g = table[table["outlet"] == outlet].iloc[::-1]
        ax.barh([_short(s, 22) for s in g["speaker"]], g["n_attributions"], color=palette[str(outlet)])
        ax.set_title(_short(outlet, 30), fontsize=10)
        ax.set_xlim(0, top + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("attributions")
    axes[0][0].set_ylabel("speaker")
    fig.suptitle("Most quoted speakers per outlet")
    fig.tight_layout()
    return fig
