"""Collocates: the words that keep company with a term (PMI and log-likelihood).

For every occurrence of the node term (found as in
:func:`~analysis.keywords.find_term`), the content words up to ``window``
words to its left and right **in the same sentence** are its co-occurrences
(stop words and punctuation neither count nor take a place in the window).
With

* ``N``   content tokens in the corpus,
* ``W``   content tokens inside all the node's windows (node tokens excluded),
* ``O11`` co-occurrences of the collocate with the node,
* ``f_c`` the collocate's total frequency,

the expected co-occurrence is ``E11 = W · f_c / N`` and

* PMI = log2(O11 / E11) (Church & Hanks 1990): how much more often than
  chance; it favours rare words, so read it with ``min_count``;
* log-likelihood G² of the table [O11, W − O11; f_c − O11, N − W − f_c + O11]
  (Dunning 1993): how sure the association is (3.84 ≈ p 0.05).

A name (:func:`~analysis.keywords.entity_mentions`) is one content word in
the window and one collocate, under its canonical name (*Corea del Nord*, not
*Corea* and *Nord*); a name that contains the node is not its own collocate.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .entities import entity_mentions
from .kwic import find_term
from .statistics import log_likelihood, pmi
from .terms import TermUnit, check_unit, content_mask, merge_case_variants, name_of_tokens, token_labels

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["collocates", "collocation_table", "names_as_one_word", "COLLOCATE_COLUMNS"]

COLLOCATE_COLUMNS = ("collocate", "count", "collocate_freq", "expected", "pmi", "log_likelihood", "left", "right")


def collocates(
    corpus: "Corpus",
    term: str,
    *,
    window: int = 5,
    by: TermUnit = "lemma",
    min_count: int = 1,
    names: bool = True,
) -> pd.DataFrame:
    """Words co-occurring with ``term`` within ``window`` content words.

    ``term`` is a word or phrase matched by ``by`` (lemma by default, so
    *missile* finds *missili*); collocates are shown as the same kind of term.

    Columns (sorted by log-likelihood, then count, then collocate):
        collocate (str): the co-occurring term.
        count (int): co-occurrences with the node (O11).
        collocate_freq (int): the collocate's frequency in the corpus (f_c).
        expected (float): co-occurrences expected by chance (E11).
        pmi (float): log2(O11 / E11).
        log_likelihood (float): G² (see module doc).
        left, right (int): co-occurrences on each side of the node.

    Collocates with ``count < min_count`` are dropped. With ``names=False``
    the words of a name count one by one.
    """
    check_unit(by)
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(f"window must be a positive number of words; got {window!r}")
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer; got {min_count!r}")
    hits = find_term(corpus, term, by=by)
    tokens = corpus.tokens
    if hits.empty or tokens.empty:
        return _empty()
    is_content = content_mask(tokens).to_numpy()
    raw = token_labels(tokens, by).to_numpy()
    mapping = merge_case_variants(str(x) for x, c in zip(raw, is_content) if c)
    labels = np.array([mapping.get(str(x), str(x)) for x in raw], dtype=object)
    which = None
    if names:
        is_content, labels, which = names_as_one_word(corpus.tokens, entity_mentions(corpus), is_content, labels)
    docs = tokens["doc_id"].astype("string").to_numpy()
    sents = tokens["sent_id"].to_numpy()
    n_total = int(is_content.sum())
    freq = Counter(labels[is_content].tolist())

    spans = [(int(first), int(last)) for _, first, last in hits.itertuples(index=False)]
    return collocation_table(spans, labels=labels, is_content=is_content, docs=docs, sents=sents,
                             freq=freq, n_total=n_total, window=window, min_count=min_count, name_of_token=which)


def collocation_table(
    spans: list[tuple[int, int]],
    *,
    labels: np.ndarray,
    is_content: np.ndarray,
    docs: np.ndarray,
    sents: np.ndarray,
    freq: "Counter[str]",
    n_total: int,
    window: int,
    min_count: int = 1,
    name_of_token: np.ndarray | None = None,
) -> pd.DataFrame:
    """The table of :func:`collocates` for node occurrences ``spans`` (first, last token positions).

    The per-token arrays (label, content flag, document, sentence, and the
    name each token lies in from :func:`names_as_one_word`) and the corpus
    counts (``freq`` of each label among content tokens, ``n_total`` content
    tokens) can be computed once and reused for many nodes.
    """
    if name_of_token is not None:
        node_names = {int(name_of_token[i]) for first, last in spans for i in range(first, last + 1) if name_of_token[i] >= 0}
        if node_names:
            is_content = is_content & ~np.isin(name_of_token, list(node_names))
    node_positions: set[int] = set()
    for first, last in spans:
        node_positions.update(range(first, last + 1))
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    window_size = 0
    n = len(labels)
    for first, last in spans:
        doc_id = docs[first]
        for step, lo_hi, side in ((-1, first, left), (1, last, right)):
            i, taken = lo_hi + step, 0
            while 0 <= i < n and taken < window and docs[i] == doc_id and sents[i] == sents[lo_hi]:
                if is_content[i] and i not in node_positions:
                    side[labels[i]] += 1
                    taken += 1
                    window_size += 1
                i += step
    together = left + right
    together = Counter({k: v for k, v in together.items() if v >= min_count})
    if not together:
        return _empty()
    names = sorted(together)
    o11 = np.array([together[k] for k in names], dtype="float64")
    fc = np.array([freq[k] for k in names], dtype="float64")
    expected = window_size * fc / max(n_total, 1)
    g2 = log_likelihood(o11, fc - o11, float(window_size), float(max(n_total - window_size, 0)))
    out = pd.DataFrame(
        {
            "collocate": pd.Series(names, dtype="string"),
            "count": o11.astype("int64"),
            "collocate_freq": fc.astype("int64"),
            "expected": expected,
            "pmi": pmi(o11, expected),
            "log_likelihood": g2,
            "left": [left[k] for k in names],
            "right": [right[k] for k in names],
        }
    )
    out = out.sort_values(["log_likelihood", "count", "collocate"], ascending=[False, False, True], kind="mergesort")
    return out.astype({"left": "int64", "right": "int64"}).reset_index(drop=True)[list(COLLOCATE_COLUMNS)]


def names_as_one_word(
    tokens: pd.DataFrame, mentions: pd.DataFrame, is_content: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(is_content, labels, name_of_token)`` with every name one word.

    The first token of each name in ``mentions`` (doc_id, start, end, entity)
    is labelled with the canonical name; its other tokens stop being content
    words. ``name_of_token`` is the row of ``mentions`` each token lies in
    (-1: none), which :func:`collocation_table` uses to keep a name that
    contains the node out of its collocates.
    """
    which = name_of_tokens(tokens, mentions)
    if not (which >= 0).any():
        return is_content, labels, which
    is_content, labels = is_content.copy(), labels.copy()
    entity = mentions["entity"].astype("string").to_numpy(dtype=object)
    inside = which >= 0
    first = np.ones(len(which), dtype=bool)
    first[1:] = which[1:] != which[:-1]
    labels[inside & first] = entity[which[inside & first]]
    is_content[inside & first] = True
    is_content[inside & ~first] = False
    return is_content, labels, which


def _empty() -> pd.DataFrame:
    dtypes = {"collocate": "string", "count": "int64", "collocate_freq": "int64", "expected": "float64",
              "pmi": "float64", "log_likelihood": "float64", "left": "int64", "right": "int64"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in COLLOCATE_COLUMNS})
