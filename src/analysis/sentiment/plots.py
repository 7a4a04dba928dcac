"""Figures for the sentiment notebook (drawn here, saved with :func:`analysis.figures.save_figure`).

Each function takes a table from :mod:`analysis.sentiment` and returns a
matplotlib ``Figure``; none saves or shows it.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.patches import Patch

from ..figures import PALETTE

__all__ = ["plot_sentence_arc", "plot_paragraph_scores", "plot_drivers", "plot_group_tone", "plot_actor_tone", "driver_table"]

_NEG, _POS, _NEU = PALETTE[3], PALETTE[0], "#999999"


def _colours(values) -> list[str]:
    return [_POS if v > 0.05 else _NEG if v < -0.05 else _NEU for v in values]


def _need(df: pd.DataFrame, cols: tuple[str, ...], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs column(s) {', '.join(missing)}")


def plot_sentence_arc(sentences: pd.DataFrame, doc_id: str, *, title: str | None = None) -> plt.Figure:
    """Polarity of each sentence of one document in reading order, subjectivity as a line.

    ``sentences`` is :func:`analysis.sentiment.sentence_sentiment`'s table.
    """
    _need(sentences, ("doc_id", "sent_id", "polarity", "subjectivity"), "plot_sentence_arc")
    g = sentences[sentences["doc_id"] == doc_id].sort_values("sent_id")
    if g.empty:
        raise ValueError(f"no sentences for doc_id {doc_id!r}")
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar(g["sent_id"], g["polarity"], color=_colours(g["polarity"]), label="polarity")
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence (reading order)")
    ax.set_ylabel("polarity (−1 negative … +1 positive)")
    ax2 = ax.twinx()
    ax2.plot(g["sent_id"], g["subjectivity"], color=PALETTE[1], marker="o", markersize=3, linewidth=1, label="subjectivity")
    ax2.set_ylim(0, 1.05)
    ax2.set_ylabel("subjectivity (0 factual … 1 opinion)")
    ax2.spines["right"].set_visible(True)
    ax.set_title(title or f"Sentence-by-sentence tone: {doc_id}")
    handles: list[Artist] = [plt.Rectangle((0, 0), 1, 1, color=c) for c in (_POS, _NEG, _NEU)]
    ax.legend(handles + ax2.get_legend_handles_labels()[0], ["positive", "negative", "neutral", "subjectivity"],
              loc="lower left", fontsize=8, ncols=4, frameon=False)
    return fig


def plot_paragraph_scores(paragraphs: pd.DataFrame, doc_id: str, *, title: str | None = None) -> plt.Figure:
    """Polarity of each paragraph of one document (``paragraph_sentiment``'s table)."""
    _need(paragraphs, ("doc_id", "para_id", "polarity"), "plot_paragraph_scores")
    g = paragraphs[paragraphs["doc_id"] == doc_id].sort_values("para_id")
    if g.empty:
        raise ValueError(f"no paragraphs for doc_id {doc_id!r}")
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.3 * len(g)))
    ax.barh(g["para_id"].astype(str), g["polarity"], color=_colours(g["polarity"]))
    ax.axvline(0, color="black", linewidth=0.6)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("polarity")
    ax.set_ylabel("paragraph")
    ax.set_title(title or f"Paragraph tone: {doc_id}")
    return fig


def driver_table(assessments: pd.DataFrame, *, top: int = 12) -> pd.DataFrame:
    """Words and phrases that moved polarity most, summed over the table.

    Columns: word (str, lower case), n (int), total (float: summed
    contribution × weight), mean (float). The ``top`` most negative and most
    positive by total, most negative first. Subjectivity-only cues are left out.
    """
    _need(assessments, ("text", "polarity", "weight"), "driver_table")
    if top < 1:
        raise ValueError(f"top must be >= 1, got {top}")
    a = assessments[assessments["polarity"] != 0].copy()
    if a.empty:
        return pd.DataFrame({"word": pd.Series([], dtype="string"), "n": pd.Series([], dtype="int64"),
                             "total": pd.Series([], dtype="float64"), "mean": pd.Series([], dtype="float64")})
    a["word"] = a["text"].astype(str).str.lower()
    a["contribution"] = a["polarity"] * a["weight"]
    t = a.groupby("word").agg(n=("contribution", "size"), total=("contribution", "sum"), mean=("polarity", "mean"))
    t = t.reset_index().sort_values(["total", "word"])
    picked = pd.concat([t[t["total"] < 0].head(top), t[t["total"] > 0].tail(top)])
    return picked.astype({"word": "string"}).reset_index(drop=True)


def plot_drivers(assessments: pd.DataFrame, *, top: int = 12, title: str | None = None) -> plt.Figure:
    """Bar chart of :func:`driver_table`: which words pushed the tone down or up."""
    t = driver_table(assessments, top=top)
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.3 * max(len(t), 1)))
    if t.empty:
        ax.text(0.5, 0.5, "no opinion words found", ha="center", va="center", transform=ax.transAxes)
    else:
        ax.barh([f"{w} ({n})" for w, n in zip(t["word"], t["n"])], t["total"], color=_colours(t["total"]))
        ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("summed contribution to polarity (after negation, intensifiers, contrast)")
    ax.set_ylabel("word")
    ax.set_title(title or "Words that drive the tone")
    return fig


def plot_group_tone(summary: pd.DataFrame, key: str, *, top: int = 15, title: str | None = None) -> plt.Figure:
    """Mean polarity per source or entity (``source_sentiment``/``entity_sentiment`` tables), with counts."""
    _need(summary, (key, "n", "mean_polarity"), "plot_group_tone")
    g = summary.sort_values("n", ascending=False).head(top).sort_values("mean_polarity")
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.35 * max(len(g), 1)))
    if g.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
    else:
        labels = ["\n".join(textwrap.wrap(str(k), 28)) for k in g[key]]
        ax.barh(labels, g["mean_polarity"], color=_colours(g["mean_polarity"]))
        for y, (v, n) in enumerate(zip(g["mean_polarity"], g["n"])):
            ax.annotate(f"n={n}", (v, y), xytext=(4 if v >= 0 else -4, 0), textcoords="offset points",
                        ha="left" if v >= 0 else "right", va="center", fontsize=8)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean polarity of the sentences or passages")
    ax.set_ylabel(key.replace("_", " "))
    ax.set_title(title or f"Tone by {key}")
    return fig


def plot_actor_tone(summary: pd.DataFrame, *, top: int = 10, title: str | None = None) -> plt.Figure:
    """Tone toward each actor (the parse) beside the tone of the sentences that mention it (``actor_tone`` table).

    For each of the ``top`` most mentioned actors, two bars: the mean polarity of
    the sentences that mention it (co-occurrence) and the mean tone of the words
    attached to it; ``n`` mentions, of which ``w`` have such words.
    """
    _need(summary, ("entity", "n", "target_mean_polarity", "sentence_mean_polarity", "with_words"), "plot_actor_tone")
    g = summary.sort_values("n", ascending=False).head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.55 * max(len(g), 1)))
    if g.empty:
        ax.text(0.5, 0.5, "no actor mentioned", ha="center", va="center", transform=ax.transAxes)
    else:
        y = np.arange(len(g))
        ax.barh(y + 0.2, g["sentence_mean_polarity"], height=0.38, color=_colours(g["sentence_mean_polarity"]),
                alpha=0.35)
        ax.barh(y - 0.2, g["target_mean_polarity"], height=0.38, color=_colours(g["target_mean_polarity"]))
        handles = [Patch(facecolor="#555555", alpha=0.35, label="sentences that mention it (upper bar)"),
                   Patch(facecolor="#555555", label="words attached to it, from the parse (lower bar)")]
        ax.set_yticks(y, ["\n".join(textwrap.wrap(f"{k} (n={n}, w={w})", 30))
                          for k, n, w in zip(g["entity"], g["n"], g["with_words"])])
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlim(-1.05, 1.05)
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    ax.set_xlabel("mean polarity")
    ax.set_title(title or "Tone toward each actor, and of the sentences that mention it")
    return fig
