"""Phrases: word n-grams counted as wholes (*Corea del Nord*, *missili balistici*).

An n-gram is ``n`` consecutive tokens of one sentence with no punctuation
inside; its first and last token must be content tokens (see
:mod:`analysis.keywords.terms`), while the tokens inside may be stop words.
So *Corea del Nord*, *agenzia di stampa* and *Kim Jong Un* count, but
*la Corea* or *Putin ha* do not. This is the rule textacy applies with
``filter_stops``; it is re-implemented here on the corpus tables so every
phrase keeps its character offsets.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import numpy as np
import pandas as pd

from .terms import (
    TermUnit,
    capitalised_mask,
    check_unit,
    content_mask,
    merge_case_variants,
    running_word_mask,
    token_labels,
)

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["ngrams", "ngram_spans", "NGRAM_COLUMNS", "NGRAM_SPAN_COLUMNS", "MAX_N"]

NGRAM_COLUMNS = ("term", "count", "per_10k", "n_docs")
NGRAM_SPAN_COLUMNS = ("doc_id", "start", "end", "term")
#: Longest n-gram accepted.
MAX_N = 6


def _check_n(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or not 2 <= n <= MAX_N:
        raise ValueError(f"n must be an integer from 2 to {MAX_N} (2 = bigrams, 3 = trigrams); got {n!r}")
    return n


def _join(labels: list[str]) -> str:
    """Labels joined by spaces, except after an elided article (``dell’Ucraina``)."""
    out = labels[0]
    for prev, label in zip(labels, labels[1:]):
        out += label if prev.endswith(("'", "\u2019")) else " " + label
    return out


def _iter_ngrams(corpus: "Corpus", n: int, by: TermUnit, keep_numbers: bool) -> Iterator[tuple[str, int, int, str]]:
    """(doc_id, start, end, raw label) for every n-gram occurrence."""
    tokens = corpus.tokens
    if tokens.empty:
        return
    if "is_name" not in tokens.columns:  # computed once, not by each mask below
        tokens = tokens.assign(is_name=capitalised_mask(tokens))
    content = content_mask(tokens, keep_numbers=keep_numbers).to_numpy(dtype=bool)
    usable = running_word_mask(tokens).to_numpy(dtype=bool)  # no punctuation inside a phrase
    labels = token_labels(tokens, by).tolist()
    doc = tokens["doc_id"].astype("string").tolist()
    doc_code = pd.factorize(tokens["doc_id"].astype("string"))[0]
    sent = tokens["sent_id"].to_numpy()
    start = tokens["start"].tolist()
    end = tokens["end"].tolist()
    # window i covers tokens i .. i+n-1: content at both ends, one sentence,
    # and no token that is not a running word (prefix sums count those)
    last = len(tokens) - n + 1
    if last <= 0:
        return
    ok = content[:last] & content[n - 1 :]
    ok &= (doc_code[:last] == doc_code[n - 1 :]) & (sent[:last] == sent[n - 1 :])
    unusable = np.concatenate(([0], np.cumsum(~usable)))
    ok &= unusable[n : n + last] == unusable[:last]
    for i in np.flatnonzero(ok).tolist():
        yield str(doc[i]), int(start[i]), int(end[i + n - 1]), _join([str(x) for x in labels[i : i + n]])


def ngram_spans(corpus: "Corpus", *, n: int = 2, by: TermUnit = "form", keep_numbers: bool = False) -> pd.DataFrame:
    """Every n-gram occurrence with its offsets.

    Columns: doc_id (str), start, end (int: character offsets of the whole
    phrase in the document text, ``text[start:end]`` is the phrase as
    written), term (str: the phrase as displayed by :func:`ngrams`).
    """
    _check_n(n)
    check_unit(by)
    rows = list(_iter_ngrams(corpus, n, by, keep_numbers))
    mapping = merge_case_variants(r[3] for r in rows)
    return pd.DataFrame(
        {
            "doc_id": pd.Series([r[0] for r in rows], dtype="string"),
            "start": pd.Series([r[1] for r in rows], dtype="int64"),
            "end": pd.Series([r[2] for r in rows], dtype="int64"),
            "term": pd.Series([mapping[r[3]] for r in rows], dtype="string"),
        }
    )


def ngrams(
    corpus: "Corpus",
    n: int = 2,
    *,
    by: TermUnit = "form",
    keep_numbers: bool = False,
    min_count: int = 1,
) -> pd.DataFrame:
    """Count the phrases of ``n`` words (``n=2`` bigrams, ``n=3`` trigrams, up to 6).

    Phrases are written with forms (``by="form"``, default: *missili
    balistici*) or lemmas (``by="lemma"``: *missile balistico*); names keep
    their capitals, and spellings that differ only by case or apostrophe are
    merged (see :mod:`analysis.keywords.terms`).

    Columns (sorted by count, then term):
        term (str): the phrase, words separated by spaces (no space after an
            elided article: *dell’Ucraina*).
        count (int): occurrences in the corpus.
        per_10k (float): occurrences per 10,000 running words of the corpus.
        n_docs (int): documents where the phrase occurs.

    Rows with ``count < min_count`` are dropped.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer; got {min_count!r}")
    spans = ngram_spans(corpus, n=n, by=by, keep_numbers=keep_numbers)
    if spans.empty:
        return pd.DataFrame({"term": pd.Series([], dtype="string"), "count": pd.Series([], dtype="int64"),
                             "per_10k": pd.Series([], dtype="float64"), "n_docs": pd.Series([], dtype="int64")})
    n_words = int(running_word_mask(corpus.tokens).sum())
    grouped = spans.groupby("term", observed=True)
    out = pd.DataFrame({"count": grouped.size(), "n_docs": grouped["doc_id"].nunique()}).reset_index()
    out = out[out["count"] >= min_count]
    out["per_10k"] = out["count"] / max(n_words, 1) * 10_000
    out = out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort")
    out = out.astype({"term": "string", "count": "int64", "n_docs": "int64", "per_10k": "float64"})
    return out.reset_index(drop=True)[list(NGRAM_COLUMNS)]
