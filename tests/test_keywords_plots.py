"""Keyword figures: drawn from the tables and saved with the workbook helper."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import save_figure
from analysis.keywords import entities, keyness, term_frequencies
from analysis.keywords.plots import plot_keyness, plot_source_vocabulary, plot_top_terms


def test_figures_saved(seed_corpus, tmp_path):
    figures = {
        "top_terms": plot_top_terms(term_frequencies(seed_corpus), top=10),
        "entities": plot_top_terms(entities(seed_corpus), label="entity", top=5),
        "keyness": plot_keyness(keyness(seed_corpus), top=10),
        "sources": plot_source_vocabulary(pd.DataFrame({"speaker": ["A", "B"], "term": ["x", "y"], "count": [2, 1]})),
    }
    for name, fig in figures.items():
        paths = save_figure(fig, name, out_dir=tmp_path, close=True)
        assert all(p.stat().st_size > 0 for p in paths)
    labels = [t.get_text() for t in plot_top_terms(term_frequencies(seed_corpus), top=3).axes[0].get_yticklabels()]
    assert labels == term_frequencies(seed_corpus)["term"].head(3).tolist()
    plt.close("all")


def test_empty_tables_still_draw():
    fig = plot_top_terms(pd.DataFrame({"term": pd.Series([], dtype="string"), "count": pd.Series([], dtype="int64")}))
    assert fig.axes
    plt.close("all")


def test_bad_tables_raise_value_error():
    with pytest.raises(ValueError, match="lacks column"):
        plot_keyness(pd.DataFrame({"term": ["a"]}))
    with pytest.raises(ValueError, match="top"):
        plot_top_terms(pd.DataFrame({"term": ["a"], "count": [1]}), top=0)
