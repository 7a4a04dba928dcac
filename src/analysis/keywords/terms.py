"""Terms: how a token becomes the unit that keyword analysis counts.

Every function in :mod:`analysis.keywords` counts *terms*, built here from the
corpus ``tokens`` table in three small steps:

1. :func:`content_mask` keeps content tokens: words, acronyms, abbreviations,
   hashtags (and numbers when asked); punctuation, symbols, URLs and stop words
   go. A stop word written with a capital inside a sentence is part of a name
   (``Stati`` in *Stati Uniti*, ``Un`` in *Kim Jong Un*) and is kept.
2. :func:`token_labels` gives each token its label: the lemma (``by="lemma"``)
   or the word form (``by="form"``), lower-cased, except proper nouns
   (``is_proper``), which keep their capitals (*Putin*, *Corea*, *PTI*).
3. :func:`merge_case_variants` joins labels that differ only by case or
   apostrophe (``Ucraina`` after a hyphen is lemmatised as *ucraina*; ``l'`` and
   ``l’``): they count as one term, displayed as their most frequent spelling
   (a tie goes to the capitalised one). So *Russia-Ucraina* counts *Russia* and
   *Ucraina* (the tokenizer splits hyphenated names).

Known limit: a capitalised common noun inside a sentence (*i due Paesi*) is a
proper noun for the pipeline, so with ``by="lemma"`` *Paesi* and *paese* stay
two terms (with ``by="form"``, *Paesi* and *paesi* merge).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Literal

import pandas as pd

__all__ = [
    "TermUnit",
    "TERM_UNITS",
    "CONTENT_KINDS",
    "check_unit",
    "content_mask",
    "running_word_mask",
    "token_labels",
    "term_key",
    "merge_case_variants",
    "labelled_tokens",
]

#: What a term is made of: the dictionary lemma or the word as written.
TermUnit = Literal["lemma", "form"]
TERM_UNITS: tuple[str, ...] = ("lemma", "form")

#: Token kinds that can be content words (``number`` only on request).
CONTENT_KINDS: frozenset[str] = frozenset({"word", "elision", "abbreviation", "acronym", "handle"})
#: Token kinds that are not running words (per-10k rates leave them out).
_NON_WORD_KINDS: frozenset[str] = frozenset({"punct", "symbol", "emoticon", "url", "email"})


def check_unit(by: str) -> str:
    """Return ``by`` if it is a :data:`TermUnit`, else raise ValueError."""
    if by not in TERM_UNITS:
        raise ValueError(f"by must be one of {', '.join(map(repr, TERM_UNITS))}; got {by!r}")
    return by


def _kinds(tokens: pd.DataFrame) -> pd.Series:
    return tokens["kind"].astype("string").fillna("")


def content_mask(tokens: pd.DataFrame, *, keep_numbers: bool = False) -> pd.Series:
    """Boolean mask of the content tokens of a ``tokens`` table (see module doc)."""
    kinds = _kinds(tokens)
    allowed = set(CONTENT_KINDS) | ({"number"} if keep_numbers else set())
    ok_kind = kinds.isin(allowed)
    not_stop = ~tokens["is_stop"].astype(bool) | tokens["is_proper"].astype(bool)
    has_letter = tokens["text"].astype("string").fillna("").str.contains(r"\w", regex=True)
    return (ok_kind & ~tokens["is_punct"].astype(bool) & not_stop & has_letter).astype(bool)


def running_word_mask(tokens: pd.DataFrame) -> pd.Series:
    """Tokens that count as running words (every token but punctuation, symbols, URLs…)."""
    return (~_kinds(tokens).isin(_NON_WORD_KINDS) & ~tokens["is_punct"].astype(bool)).astype(bool)


def token_labels(tokens: pd.DataFrame, by: TermUnit = "lemma") -> pd.Series:
    """Per-token label: lemma or form, lower case unless the token is a proper noun."""
    check_unit(by)
    form = tokens["text"].astype("string").fillna("")
    base = tokens["lemma"].astype("string").fillna(form) if by == "lemma" else form
    base = base.where(base.str.len() > 0, form)
    proper = tokens["is_proper"].astype(bool)
    return form.where(proper, base.str.lower()).astype("string")


def term_key(label: str) -> str:
    """The identity of a term: case-folded, apostrophes and spaces normalised."""
    return " ".join(label.replace("\u2019", "'").replace("\u02bc", "'").casefold().split())


def merge_case_variants(labels: Iterable[str]) -> dict[str, str]:
    """Map every label to the display form of its case/apostrophe variant group.

    The display form is the most frequent label of the group (a tie goes to
    the one with more capitals, then alphabetical order), so the mapping is
    deterministic.
    """
    counts = Counter(labels)
    by_key: dict[str, list[tuple[str, int]]] = {}
    for label, n in counts.items():
        by_key.setdefault(term_key(label), []).append((label, n))
    display: dict[str, str] = {}
    for variants in by_key.values():
        best = sorted(variants, key=lambda v: (-v[1], -sum(ch.isupper() for ch in v[0]), v[0]))[0][0]
        for label, _ in variants:
            display[label] = best
    return display


def labelled_tokens(tokens: pd.DataFrame, *, by: TermUnit = "lemma", keep_numbers: bool = False) -> pd.DataFrame:
    """The content tokens of ``tokens`` with a ``term`` column (merged display label).

    Columns: those of the tokens table plus ``term`` (str). Row order is kept.
    """
    check_unit(by)
    content = tokens.loc[content_mask(tokens, keep_numbers=keep_numbers)].copy()
    labels = token_labels(content, by)
    mapping = merge_case_variants(labels.tolist())
    content["term"] = labels.map(mapping).astype("string")
    return content
