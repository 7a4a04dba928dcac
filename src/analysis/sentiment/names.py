"""Names carry no sentiment: the names of the default scorer, for notebooks that add their own.

The names themselves (the curated list, how they are found in a text, and
the :class:`~analysis.textblob_it.names.Names` object) live with the
analyzer, in :mod:`analysis.textblob_it.names`. A
:class:`~analysis.sentiment.scorer.SentimentScorer` owns a ``Names`` and its
cached scores; these functions change the names of
:func:`~analysis.sentiment.scorer.default_scorer`, the one the tables use
when given no scorer::

    from analysis.sentiment import add_names
    add_names(["Patto per la Salute", "Onda Civica"])   # any case, and as hashtags
    add_names(["Vittoria"], match="cased")                # only capitalised

Prefer a scorer of your own (``scorer.add_names(...)``, then
``sentence_sentiment(corpus, scorer=scorer)``): its names change nothing else.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..textblob_it.names import (
    MODEL_REASONS,
    NAMES_PATH,
    Match,
    NameEntry,
    NameParser,
    Names,
    NameSpan,
    curated_names,
    merge_spans,
    model_names,
    needs_model,
    read_names,
    surface_names,
)
from .scorer import default_scorer

__all__ = [
    "NAMES_PATH", "NameEntry", "NameSpan", "Names", "NameParser", "curated_names", "read_names", "surface_names",
    "needs_model", "model_names", "merge_spans", "MODEL_REASONS", "add_names", "use_names_file", "clear_user_names",
    "user_names",
]


def add_names(names: Iterable[str] | str, *, match: Match = "any", kind: str = "name") -> None:
    """Add names to the default scorer: their words are never scored (recompute the tables afterwards)."""
    default_scorer().add_names(names, match=match, kind=kind)


def use_names_file(path: str | Path) -> None:
    """Add every name of a file shaped like ``names.tsv`` to the default scorer."""
    default_scorer().use_names_file(path)


def clear_user_names() -> None:
    """Forget the names added to the default scorer."""
    default_scorer().clear_user_names()


def user_names() -> list[str]:
    """The names added to the default scorer, in order."""
    return default_scorer().user_names()
