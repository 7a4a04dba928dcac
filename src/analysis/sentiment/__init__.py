"""Tone of Italian news: sentences, paragraphs, documents, sources, entities, and each actor.

Every score comes from a :class:`SentimentScorer`, which owns the lexicon,
the names that carry no sentiment, the social-media setting, the analyzer
(the lexicon with rules, or the trained model; both behind ``TextBlobIT``)
and the caches: polarity in [-1, 1] (negative to positive), subjectivity in
[0, 1] (factual to opinionated), and ``label`` positive / negative / neutral
with the thresholds ±:data:`POLARITY_THRESHOLD`. All offsets point into
``Corpus.text(doc_id)``.

* :mod:`.scorer` — :class:`SentimentScorer` and the default scorer of the tables;
* :mod:`.tables` — sentence, paragraph, document, source and entity tables;
* :mod:`.names` — names carry no sentiment (the names themselves are in
  :mod:`analysis.textblob_it.names`), and :func:`add_names` for the default scorer;
* :mod:`.targets` and :mod:`.actors` — the tone toward each actor from the
  dependency parse (:func:`actor_mentions`, :func:`actor_tone`), beside the
  tone of the sentences that mention it;
* :mod:`.plots` — the figures of notebook 02 (imported on its own, so that
  scoring needs no matplotlib).

Sentiment measures the *words* of a text, not the stance of its
author: read the measured accuracy in ``python -m analysis.evaluation sentiment``
before drawing conclusions.
"""
from __future__ import annotations

from .actors import actor_mentions, actor_tone
from .names import NAMES_PATH, add_names, clear_user_names, read_names, use_names_file, user_names
from .scorer import ANALYZERS, DEFAULT_ANALYZER, SentimentScorer, default_scorer
from .tables import (
    ENTITY_ALIASES_PATH,
    POLARITY_THRESHOLD,
    attribution_sentiment,
    document_sentiment,
    entity_mentions,
    entity_sentiment,
    paragraph_sentiment,
    polarity_label,
    read_entity_aliases,
    score_text,
    sentence_assessments,
    sentence_sentiment,
    source_sentiment,
    use_social_media,
)
from .targets import TargetTone, tone_toward

__all__ = [
    "POLARITY_THRESHOLD", "ENTITY_ALIASES_PATH", "polarity_label", "score_text",
    "sentence_sentiment", "sentence_assessments", "paragraph_sentiment", "document_sentiment",
    "attribution_sentiment", "source_sentiment", "read_entity_aliases", "entity_mentions", "entity_sentiment",
    "NAMES_PATH", "add_names", "use_names_file", "clear_user_names", "user_names", "read_names",
    "use_social_media", "actor_mentions", "actor_tone", "tone_toward", "TargetTone",
    "SentimentScorer", "default_scorer", "ANALYZERS", "DEFAULT_ANALYZER",
]
