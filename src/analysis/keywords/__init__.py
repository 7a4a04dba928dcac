"""Keyword frequency: what the coverage is about.

Functions from a :class:`~analysis.Corpus` to DataFrames (column schemas in
each docstring):

* :func:`term_frequencies` — content words (lemmas or forms) with counts;
* :func:`ngrams` — phrases such as *Corea del Nord*, *missili balistici*;
* :func:`entities` / :func:`entity_mentions` — names, merged by alias;
* :func:`tfidf` — distinctive terms per document (scikit-learn);
* :func:`keyness` — terms unusual against general Italian (wordfreq);
* :func:`kwic` — keyword in context, with offsets;
* :func:`collocates` — words around a term, with PMI and log-likelihood;
* :func:`source_vocabulary` — the words attributed to each speaker.

What counts as a term is defined once, in :mod:`analysis.keywords.terms`.
Figures for these tables are in :mod:`analysis.keywords.plots`.
"""
from __future__ import annotations

from .collocates import collocates
from .distinctive import SingleDocumentWarning, tfidf
from .entities import entities, entity_mentions
from .frequency import term_frequencies
from .keyness import REFERENCE_SIZE, keyness, reference_frequency
from .kwic import find_term, kwic
from .phrases import ngram_spans, ngrams
from .sources import source_vocabulary
from .terms import TermUnit

__all__ = [
    "term_frequencies",
    "ngrams",
    "ngram_spans",
    "entities",
    "entity_mentions",
    "tfidf",
    "SingleDocumentWarning",
    "keyness",
    "reference_frequency",
    "REFERENCE_SIZE",
    "kwic",
    "find_term",
    "collocates",
    "source_vocabulary",
    "TermUnit",
]
