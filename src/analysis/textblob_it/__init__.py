"""Italian support for TextBlob (the missing "textblob-it"), offline.

Shaped like textblob-fr::

    >>> from analysis.textblob_it import TextBlobIT, PatternAnalyzer
    >>> blob = TextBlobIT("Il vertice è stato un successo. Ma la crisi non è finita!")
    >>> [s.raw for s in blob.sentences]
    ['Il vertice è stato un successo.', 'Ma la crisi non è finita!']
    >>> blob.sentiment_assessments.assessments  # which words moved the score
    ...

``PatternAnalyzer`` also works with ``textblob.Blobber(analyzer=PatternAnalyzer())``
(that blob's ``.sentiment`` is Italian; its ``.sentences`` and ``.polarity``
are TextBlob's own, English/NLTK ones — use ``TextBlobIT`` for those).
"""
from __future__ import annotations

from .analyzer import Analysis, Assessment, PatternAnalyzer, Sentiment, analyze
from .blob import SentenceIT, TextBlobIT
from .lexicon import Entry, Lexicon, load_lexicon
from .tokenizers import ItalianSentenceTokenizer, ItalianWordTokenizer

__all__ = [
    "TextBlobIT", "SentenceIT", "PatternAnalyzer", "Sentiment", "analyze", "Analysis", "Assessment",
    "ItalianWordTokenizer", "ItalianSentenceTokenizer", "Lexicon", "Entry", "load_lexicon",
]
