"""Keyword in context: every occurrence of a word or phrase with its neighbours."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..tokenization import tokenize
from .terms import TermUnit, check_unit, term_key

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["kwic", "find_term", "query_keys", "token_keys", "match_sequence", "context_lines", "KWIC_COLUMNS", "MATCH_COLUMNS"]

KWIC_COLUMNS = ("doc_id", "left", "keyword", "right", "start", "end")
MATCH_COLUMNS = ("doc_id", "first", "last")


def query_keys(term: str) -> list[str]:
    """``term`` tokenized like the corpus, each token as a :func:`term_key`; ValueError when empty."""
    return _query_keys(term, "form")


def token_keys(tokens: pd.DataFrame, by: TermUnit) -> np.ndarray:
    """The :func:`term_key` of every token's form (``by="form"``) or lemma (``by="lemma"``)."""
    check_unit(by)
    return _token_keys(tokens, by)


def match_sequence(keys: np.ndarray, docs: np.ndarray, query: list[str], candidates: np.ndarray | None = None) -> list[tuple[int, int]]:
    """``(first, last)`` token positions where ``query`` occurs in ``keys`` within one document.

    ``candidates`` are the positions where ``keys`` equals ``query[0]``
    (found by a scan when None; an index of them makes this fast).
    """
    if candidates is None:
        candidates = np.flatnonzero(keys == query[0])
    m = len(query)
    hits = []
    for i in candidates:
        j = int(i) + m
        if j <= len(keys) and (m == 1 or list(keys[i:j]) == query) and docs[i] == docs[j - 1]:
            hits.append((int(i), j - 1))
    return hits


def _query_keys(term: str, by: TermUnit) -> list[str]:
    if not isinstance(term, str) or not term.strip():
        raise ValueError(f"term must be a non-empty string (a word or a phrase); got {term!r}")
    keys = [term_key(t.text) for t in tokenize(term)]
    if not keys:
        raise ValueError(f"term {term!r} has no tokens")
    return keys


def _token_keys(tokens: pd.DataFrame, by: TermUnit) -> np.ndarray:
    column = tokens["lemma"] if by == "lemma" else tokens["text"]
    return np.array([term_key(str(x)) for x in column.astype("string").fillna("")], dtype=object)


def find_term(corpus: "Corpus", term: str, *, by: TermUnit = "form") -> pd.DataFrame:
    """Token positions where ``term`` (a word or a phrase) occurs.

    ``term`` is tokenized like the corpus and matched token by token, ignoring
    case and apostrophe style: against forms (``by="form"``: *missili* finds
    only *missili*) or lemmas (``by="lemma"``: *missile* finds *missile* and
    *missili*; a phrase is then given as lemmas, *missile balistico*).

    Columns: doc_id (str), first, last (int: row positions in
    ``corpus.tokens`` of the first and last token of each occurrence).
    """
    check_unit(by)
    query = _query_keys(term, by)
    tokens = corpus.tokens
    if tokens.empty:
        return pd.DataFrame({"doc_id": pd.Series([], dtype="string"), "first": pd.Series([], dtype="int64"), "last": pd.Series([], dtype="int64")})
    keys = _token_keys(tokens, by)
    docs = tokens["doc_id"].astype("string").to_numpy()
    hits = [(str(docs[i]), i, j) for i, j in match_sequence(keys, docs, query)]
    return pd.DataFrame(
        {
            "doc_id": pd.Series([h[0] for h in hits], dtype="string"),
            "first": pd.Series([h[1] for h in hits], dtype="int64"),
            "last": pd.Series([h[2] for h in hits], dtype="int64"),
        }
    )


_SPACES = re.compile(r"\s+")


def kwic(corpus: "Corpus", term: str, *, window: int = 8, by: TermUnit = "form") -> pd.DataFrame:
    """Every occurrence of ``term`` with ``window`` words of context on each side.

    The context stays inside the keyword's paragraph; punctuation is shown but
    not counted in the window. Matching is described in :func:`find_term`.

    Columns (in document order):
        doc_id (str).
        left (str): text before the keyword (whitespace collapsed, stripped).
        keyword (str): the occurrence exactly as written, ``text[start:end]``.
        right (str): text after the keyword (whitespace collapsed, stripped).
        start, end (int): character offsets of the keyword in the document.
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueError(f"window must be a non-negative number of words; got {window!r}")
    hits = find_term(corpus, term, by=by)
    if hits.empty:
        return pd.DataFrame({c: pd.Series([], dtype="int64" if c in ("start", "end") else "string") for c in KWIC_COLUMNS})
    tokens = corpus.tokens
    rows = context_lines(
        hits,
        texts=corpus._texts(),
        docs=tokens["doc_id"].astype("string").to_numpy(),
        paras=_paragraph_of_tokens(corpus),
        starts=tokens["start"].to_numpy(),
        ends=tokens["end"].to_numpy(),
        punct=tokens["is_punct"].to_numpy(dtype=bool),
        window=window,
    )
    out = pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    return out.astype({"doc_id": "string", "left": "string", "keyword": "string", "right": "string", "start": "int64", "end": "int64"})


def context_lines(
    hits: pd.DataFrame,
    *,
    texts: "dict[str, str]",
    docs: np.ndarray,
    paras: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    punct: np.ndarray,
    window: int,
) -> list[tuple[str, str, str, str, int, int]]:
    """The rows of :func:`kwic` for ``hits`` (doc_id, first, last), from per-token arrays."""
    n = len(docs)
    rows = []
    for doc_id, first, last in hits[list(MATCH_COLUMNS)].itertuples(index=False):
        first, last = int(first), int(last)
        text = texts[str(doc_id)]
        lo, words = first, 0
        while lo > 0 and docs[lo - 1] == doc_id and paras[lo - 1] == paras[first] and words < window:
            lo -= 1
            words += not punct[lo]
        hi, words = last, 0
        while hi + 1 < n and docs[hi + 1] == doc_id and paras[hi + 1] == paras[last] and words < window:
            hi += 1
            words += not punct[hi]
        s, e = int(starts[first]), int(ends[last])
        left = text[int(starts[lo]) : s] if lo < first else ""
        right = text[e : int(ends[hi])] if hi > last else ""
        rows.append((str(doc_id), _SPACES.sub(" ", left).strip(), text[s:e], _SPACES.sub(" ", right).strip(), s, e))
    return rows


def _paragraph_of_tokens(corpus: "Corpus") -> np.ndarray:
    """para_id of every token (through its sentence)."""
    sentences = corpus.sentences[["doc_id", "sent_id", "para_id"]]
    merged = corpus.tokens[["doc_id", "sent_id"]].merge(sentences, on=["doc_id", "sent_id"], how="left")
    return merged["para_id"].fillna(-1).to_numpy()
