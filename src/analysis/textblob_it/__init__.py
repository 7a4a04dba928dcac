"""Italian support for TextBlob (the missing "textblob-it"), offline.

Shaped like textblob-fr::

    >>> from analysis.textblob_it import TextBlobIT, PatternAnalyzer
    >>> blob = TextBlobIT("Il vertice è stato un successo. Ma la crisi non è finita!")
    >>> [s.raw for s in blob.sentences]
    ['Il vertice è stato un successo.', 'Ma la crisi non è finita!']
    >>> blob.sentiment_assessments.assessments  # which words moved the score
    ...

Two analyzers: ``PatternAnalyzer``, the lexicon with rules (every score
explained word by word), and ``TrainedAnalyzer``, a model trained on
labelled tweets and news sentences that reads the lexicon's scores among
its features (``TextBlobIT(text, analyzer=TrainedAnalyzer())``, as TextBlob's
own ``NaiveBayesAnalyzer``); both return ``Sentiment(polarity, subjectivity)``.

Names carry no sentiment: the evaluative words of "Forza Italia", "decreto
sicurezza" or «La vita è bella» are skipped and listed among the assessments
as ``skipped`` (:mod:`analysis.textblob_it.names`; add your own names to a
:class:`analysis.sentiment.SentimentScorer`). For tweets and comments use
``PatternAnalyzer(social_media=True)`` or ``TrainedAnalyzer(domain="tweets")``.

``PatternAnalyzer`` also works with ``textblob.Blobber(analyzer=PatternAnalyzer())``
(that blob's ``.sentiment`` is Italian; its ``.sentences`` and ``.polarity``
are TextBlob's own, English/NLTK ones — use ``TextBlobIT`` for those).
"""
from __future__ import annotations

from .analyzer import Analysis, Assessment, Sentiment, analyze
from .lexicon import Entry, Lexicon, load_lexicon

# These need TextBlob, which imports NLTK and SciPy (~1 s, ~100 MB): loaded on
# first use, so that scoring text (analysis.sentiment, the batch workers) does
# not pay for them.
_LAZY = {
    "PatternAnalyzer": "pattern_analyzer", "TrainedAnalyzer": "trained_analyzer", "TextBlobIT": "blob", "SentenceIT": "blob",
    "ItalianWordTokenizer": "tokenizers", "ItalianSentenceTokenizer": "tokenizers",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "TextBlobIT", "SentenceIT", "PatternAnalyzer", "TrainedAnalyzer", "Sentiment", "analyze", "Analysis", "Assessment",
    "ItalianWordTokenizer", "ItalianSentenceTokenizer", "Lexicon", "Entry", "load_lexicon",
]
