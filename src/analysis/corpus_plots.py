"""Figures of the corpus itself: how long its documents and sentences are.

Each function takes a :class:`~analysis.Corpus` and returns a matplotlib
``Figure``, or None when the corpus has nothing to draw; none saves or shows
it (save with :func:`analysis.figures.save_figure`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from .wording import counted

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["document_words", "sentence_words", "plot_document_length", "plot_sentence_length"]


def document_words(corpus: "Corpus") -> pd.Series:
    """Words and numbers (tokens without punctuation) per document, indexed by doc_id, in load order."""
    words = corpus.tokens[~corpus.tokens["is_punct"]]
    return words.groupby("doc_id", observed=True).size().reindex(corpus.documents["doc_id"], fill_value=0)


def sentence_words(corpus: "Corpus") -> pd.Series:
    """Words and numbers per sentence, indexed by (doc_id, sent_id)."""
    words = corpus.tokens[~corpus.tokens["is_punct"]]
    return words.groupby(["doc_id", "sent_id"], observed=True).size()


def plot_document_length(corpus: "Corpus", *, top: int = 30) -> plt.Figure | None:
    """Horizontal bars: the ``top`` longest documents in words and numbers (None without documents)."""
    longest = document_words(corpus).sort_values().tail(top)
    if longest.empty:
        return None
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.35 * len(longest)))
    ax.barh(longest.index.astype(str), longest.to_numpy())
    ax.set_xlabel("words and numbers (tokens without punctuation)")
    ax.set_ylabel("document")
    ax.set_title("Document length")
    for y, value in enumerate(longest.to_numpy()):
        ax.annotate(f"{value}", (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    return fig


def plot_sentence_length(corpus: "Corpus") -> plt.Figure | None:
    """Histogram of words and numbers per sentence, in bins of five (None without sentences)."""
    lengths = sentence_words(corpus)
    if lengths.empty:
        return None
    fig, ax = plt.subplots()
    ax.hist(lengths.to_numpy(), bins=range(0, int(lengths.max()) + 6, 5), edgecolor="white")
    ax.set_xlabel("words and numbers per sentence")
    ax.set_ylabel("sentences")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"Sentence length ({counted(len(lengths), 'sentence')})")
    return fig
