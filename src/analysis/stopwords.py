"""The Italian stop list for news (function words only), from ``data/stopwords.txt``.

Unlike general-purpose lists, it keeps news content words such as *governo*,
*ministro*, *paese*, *presidente* and *stato*. Edit the data file to change it.
A token is also a stop word when its lemma is an auxiliary (:data:`STOP_LEMMAS`):
``sono stati`` is auxiliary + participle, while ``gli Stati`` is a noun.
"""
from __future__ import annotations

from .wordlists import read_word_list

__all__ = ["STOP_WORDS", "STOP_LEMMAS", "is_stop"]

STOP_WORDS: frozenset[str] = read_word_list("stopwords.txt")

#: Lemmas whose every form is a stop word: the auxiliaries.
STOP_LEMMAS: frozenset[str] = frozenset({"essere", "avere"})


def is_stop(word: str, *, lemma: str | None = None) -> bool:
    """True when ``word`` (any case, either apostrophe) is a function word.

    With ``lemma``, forms of the auxiliaries essere and avere count too.
    """
    return word.lower().replace("\u2019", "'") in STOP_WORDS or (lemma is not None and lemma in STOP_LEMMAS)
