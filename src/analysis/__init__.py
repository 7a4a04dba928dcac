"""Italian media-analysis workbook: who speaks, in what tone, about what.

Load a seeds folder with :func:`load_corpus`; the analysis modules
(:mod:`analysis.attribution`, :mod:`analysis.sentiment`,
:mod:`analysis.keywords`) take the resulting :class:`Corpus`;
:mod:`analysis.coverage` compares outlets and weeks, and
:mod:`analysis.explore` opens interactive explorers over a corpus.
"""
from __future__ import annotations

from .corpus import Corpus, corpus_from_texts, load_corpus
from .errors import AnalysisError, InputRejected, SeedsNotFoundError

__all__ = ["Corpus", "load_corpus", "corpus_from_texts", "AnalysisError", "InputRejected", "SeedsNotFoundError"]
__version__ = "0.1.0"
