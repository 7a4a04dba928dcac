"""Interactive explorers for JupyterLab and Voilà: read, search, follow a speaker.

* :func:`build_index` computes every table once (:mod:`.index`);
* :mod:`.queries` answers each interaction from it (DataFrames);
* :mod:`.markup` turns articles and tables into escaped HTML;
* :mod:`.plots` draws the word explorer's dispersion figure;
* :mod:`.widgets` puts them in ipywidgets: :func:`article_reader`,
  :func:`word_explorer`, :func:`speaker_explorer` and :func:`explorer` (all
  three in tabs), each usable from any notebook.

Usage::

    from analysis import load_corpus
    from analysis.explore import build_index, explorer
    index = build_index(load_corpus("seeds"))
    explorer(index)
"""
from __future__ import annotations

from .index import ExplorerIndex, build_index
from .widgets import (
    ArticleReader,
    Explorer,
    SpeakerExplorer,
    WordExplorer,
    article_reader,
    explorer,
    speaker_explorer,
    word_explorer,
)

__all__ = [
    "ExplorerIndex", "build_index",
    "ArticleReader", "WordExplorer", "SpeakerExplorer", "Explorer",
    "article_reader", "word_explorer", "speaker_explorer", "explorer",
]
