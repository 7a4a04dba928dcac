"""Term frequencies: how often each content word occurs, overall or per document."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .terms import TermUnit, check_unit, labelled_tokens, running_word_mask

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["term_frequencies", "FREQUENCY_COLUMNS", "DOCUMENT_FREQUENCY_COLUMNS"]

FREQUENCY_COLUMNS = ("term", "count", "per_10k", "n_docs", "is_proper")
DOCUMENT_FREQUENCY_COLUMNS = ("doc_id", "term", "count", "per_10k")


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    dtypes = {"term": "string", "doc_id": "string", "count": "int64", "n_docs": "int64", "per_10k": "float64", "is_proper": "bool"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in columns})


def term_frequencies(
    corpus: "Corpus",
    *,
    by: TermUnit = "lemma",
    per_document: bool = False,
    keep_numbers: bool = False,
    min_count: int = 1,
    names: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count the content terms of ``corpus`` (stop words and punctuation out).

    Terms are built as described in :mod:`analysis.keywords.terms`: lemmas
    from the pipeline (``by="lemma"``) or word forms (``by="form"``), lower
    case except proper nouns, which keep their capitals; hyphenated names are
    already split by the tokenizer (*Russia-Ucraina* counts *Russia* and
    *Ucraina*). Numbers are left out unless ``keep_numbers``.

    Returns, with ``per_document=False`` (sorted by count, then term):
        term (str): the term as displayed.
        count (int): occurrences in the corpus.
        per_10k (float): occurrences per 10,000 running words of the corpus
            (running words: every token except punctuation, symbols, URLs and
            e-mails; stop words included).
        n_docs (int): number of documents where the term occurs.
        is_proper (bool): the term is displayed with a capital (a name).

    With ``per_document=True`` (sorted by doc_id, count, term):
        doc_id (str), term (str), count (int: occurrences in that document),
        per_10k (float: per 10,000 running words of that document).

    Rows with ``count < min_count`` are dropped. Only content parts of speech
    count, and neither numerals nor light verbs (:func:`analysis.keywords.terms.content_mask`).
    ``names``: a table of name mentions (:func:`analysis.keywords.entity_mentions`
    of the corpus): each name is then one term, under its canonical name
    (*Kim Jong Un*, *Corea del Nord*), instead of word by word.
    """
    check_unit(by)
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer; got {min_count!r}")
    tokens = corpus.tokens
    if per_document:
        if tokens.empty:
            return _empty(DOCUMENT_FREQUENCY_COLUMNS)
        words_per_doc = tokens.loc[running_word_mask(tokens)].groupby("doc_id", observed=True).size()
        content = labelled_tokens(tokens, by=by, keep_numbers=keep_numbers, names=names)
        if content.empty:
            return _empty(DOCUMENT_FREQUENCY_COLUMNS)
        counts = content.groupby(["doc_id", "term"], observed=True).size().rename("count").reset_index()
        counts = counts[counts["count"] >= min_count]
        size = counts["doc_id"].map(words_per_doc).astype("float64")
        counts["per_10k"] = counts["count"] / size * 10_000
        out = counts.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], kind="mergesort")
        out = out.astype({"doc_id": "string", "term": "string", "count": "int64", "per_10k": "float64"})
        return out.reset_index(drop=True)[list(DOCUMENT_FREQUENCY_COLUMNS)]

    if tokens.empty:
        return _empty(FREQUENCY_COLUMNS)
    n_words = int(running_word_mask(tokens).sum())
    content = labelled_tokens(tokens, by=by, keep_numbers=keep_numbers, names=names)
    if content.empty:
        return _empty(FREQUENCY_COLUMNS)
    grouped = content.groupby("term", observed=True)
    out = pd.DataFrame({"count": grouped.size(), "n_docs": grouped["doc_id"].nunique()}).reset_index()
    out = out[out["count"] >= min_count]
    out["per_10k"] = out["count"] / max(n_words, 1) * 10_000
    out["is_proper"] = out["term"].str[:1].str.isupper().fillna(False).astype(bool)
    out = out.sort_values(["count", "term"], ascending=[False, True], kind="mergesort")
    out = out.astype({"term": "string", "count": "int64", "n_docs": "int64", "per_10k": "float64"})
    return out.reset_index(drop=True)[list(FREQUENCY_COLUMNS)]
