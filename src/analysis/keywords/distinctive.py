"""Distinctive terms per document: tf-idf with scikit-learn.

The terms are those of :func:`~analysis.keywords.term_frequencies` (content
lemmas or forms, names with capitals); scikit-learn's ``TfidfVectorizer``
weights them, with its defaults: smoothed idf ``ln((1 + n) / (1 + df)) + 1``,
raw counts as tf, each document's vector scaled to unit length (L2).

**One document.** With a single document every term has the same idf, so
tf-idf only re-scales the counts: it cannot say what is *distinctive*. The
function still returns the table (ranked by frequency) and warns; compare
against general Italian with :func:`~analysis.keywords.keyness` instead.
"""
from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import pandas as pd

from .terms import TermUnit, check_unit, labelled_tokens

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["tfidf", "TFIDF_COLUMNS", "SingleDocumentWarning"]

TFIDF_COLUMNS = ("doc_id", "term", "count", "tfidf", "rank")


class SingleDocumentWarning(UserWarning):
    """tf-idf was asked of a corpus with one document: it reduces to frequency."""


def _identity(terms: list[str]) -> list[str]:
    return terms


def tfidf(corpus: "Corpus", *, by: TermUnit = "lemma", top_n: int | None = 10, keep_numbers: bool = False) -> pd.DataFrame:
    """The most distinctive terms of each document by tf-idf.

    Columns (sorted by doc_id, then rank):
        doc_id (str).
        term (str): content term (see :mod:`analysis.keywords.terms`).
        count (int): occurrences of the term in that document.
        tfidf (float): the document's L2-normalised tf-idf weight (0–1].
        rank (int): 1 = most distinctive in the document (ties broken by
            count, then term).

    ``top_n`` terms per document (``None`` = all). Documents with no content
    word have no rows. Warns with :class:`SingleDocumentWarning` when the
    corpus has fewer than two documents with content (see module doc).
    """
    check_unit(by)
    if top_n is not None and (isinstance(top_n, bool) or not isinstance(top_n, int) or top_n < 1):
        raise ValueError(f"top_n must be a positive integer or None; got {top_n!r}")
    content = labelled_tokens(corpus.tokens, by=by, keep_numbers=keep_numbers) if not corpus.tokens.empty else None
    if content is None or content.empty:
        return _empty()
    docs = content.groupby("doc_id", sort=True, observed=True)["term"].apply(lambda s: [str(t) for t in s])
    if len(docs) < 2:
        warnings.warn(
            "tf-idf on a single document only re-scales term counts (every term has the same idf); "
            "use keyness() to compare with general Italian",
            SingleDocumentWarning,
            stacklevel=2,
        )
    from sklearn.feature_extraction.text import TfidfVectorizer  # imported on use: scikit-learn loads SciPy

    vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False)
    weights = vectorizer.fit_transform(docs.tolist()).tocoo()
    vocab = vectorizer.get_feature_names_out()
    counts = content.groupby(["doc_id", "term"], observed=True).size()
    doc_ids = docs.index.astype(str).tolist()
    frame = pd.DataFrame(
        {
            "doc_id": [doc_ids[i] for i in weights.row],
            "term": [str(vocab[j]) for j in weights.col],
            "tfidf": weights.data,
        }
    )
    frame["count"] = [int(counts.loc[(d, t)]) for d, t in zip(frame["doc_id"], frame["term"])]
    frame = frame.sort_values(["doc_id", "tfidf", "count", "term"], ascending=[True, False, False, True], kind="mergesort")
    frame["rank"] = frame.groupby("doc_id").cumcount() + 1
    if top_n is not None:
        frame = frame[frame["rank"] <= top_n]
    frame = frame.astype({"doc_id": "string", "term": "string", "count": "int64", "tfidf": "float64", "rank": "int64"})
    return frame.reset_index(drop=True)[list(TFIDF_COLUMNS)]


def _empty() -> pd.DataFrame:
    dtypes = {"doc_id": "string", "term": "string", "count": "int64", "tfidf": "float64", "rank": "int64"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in TFIDF_COLUMNS})
