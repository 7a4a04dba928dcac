"""Italian lemmas: simplemma, guarded and corrected.

simplemma gives good dictionary lemmas offline but raises on an empty string,
lemmatizes proper nouns as common words ("Un" in "Kim Jong Un" → "uno") and
misses elided forms. This module wraps it: corrections from
``data/lemma_corrections_it.tsv`` first, proper nouns and acronyms keep their
form, everything else goes to simplemma (cached).
"""
from __future__ import annotations

from functools import lru_cache

import simplemma

from .wordlists import read_word_table

__all__ = ["LEMMA_CORRECTIONS", "lemmatize", "is_known_word"]

LEMMA_CORRECTIONS: dict[str, str] = read_word_table("lemma_corrections_it.tsv")


@lru_cache(maxsize=200_000)
def _simplemma(lower: str) -> str:
    if not lower.strip():
        return lower
    try:
        return simplemma.lemmatize(lower, lang="it")
    except Exception:  # simplemma edge cases must never break the pipeline
        return lower


@lru_cache(maxsize=200_000)
def is_known_word(lower: str) -> bool:
    """True when simplemma's Italian dictionary knows ``lower``."""
    if not lower.strip():
        return False
    try:
        return bool(simplemma.is_known(lower, lang="it"))
    except Exception:
        return False


def lemmatize(form: str, *, kind: str = "word", sentence_initial: bool = False) -> str:
    """Lemma of one token.

    ``kind`` is the tokenizer's token kind; ``sentence_initial`` tells whether
    a capital may just mark the start of a sentence. Capitalised words inside a
    sentence, and all-capital acronyms, are proper nouns and keep their form.
    """
    if not form:
        return form
    if kind not in ("word", "elision", "abbreviation"):
        return form
    lower = form.lower().replace("\u2019", "'")
    if lower in LEMMA_CORRECTIONS:
        return LEMMA_CORRECTIONS[lower]
    if kind == "abbreviation":
        return lower
    if form[0].isupper():
        if len(form) > 1 and form.isupper():
            return form  # acronym: PTI, TASS, ONU
        if not sentence_initial or not is_known_word(lower):
            return form  # proper noun: Putin, Kim Jong Un
    return _simplemma(lower)
