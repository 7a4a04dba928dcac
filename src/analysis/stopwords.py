"""The Italian stop list for news (function words only), from ``data/stopwords_it.txt``.

Unlike general-purpose lists, it keeps news content words such as *governo*,
*ministro*, *paese*, *presidente* and *stato*. Edit the data file to change it.
"""
from __future__ import annotations

from .wordlists import read_word_list

__all__ = ["STOP_WORDS", "is_stop"]

STOP_WORDS: frozenset[str] = read_word_list("stopwords_it.txt")


def is_stop(word: str) -> bool:
    """True when ``word`` (any case, either apostrophe) is a function word."""
    return word.lower().replace("\u2019", "'") in STOP_WORDS
