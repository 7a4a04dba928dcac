"""Italian media-analysis workbook: who speaks, in what tone, about what.

Load a seeds folder with :func:`load_corpus`, or every table of its analysis,
computed once and cached, with :func:`load_results`; the analysis modules
(:mod:`analysis.attribution`, :mod:`analysis.sentiment`,
:mod:`analysis.keywords`) take the resulting :class:`Corpus`;
:mod:`analysis.coverage` compares outlets and weeks, and
:mod:`analysis.explore` opens interactive explorers over a corpus.
"""
from __future__ import annotations

from typing import Any

from .corpus import Corpus, corpus_from_texts, load_corpus
from .errors import AnalysisError, InputRejected, SeedsNotFoundError

__all__ = ["Corpus", "load_corpus", "load_results", "corpus_from_texts", "AnalysisError", "InputRejected",
           "SeedsNotFoundError"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``analysis.load_results`` (:func:`analysis.results.load_results`), imported when first asked for."""
    if name == "load_results":
        from .results import load_results

        return load_results
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
