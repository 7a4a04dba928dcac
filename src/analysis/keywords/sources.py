"""Per-source vocabulary: the words each speaker is reported as using.

Takes the attributions table of :func:`analysis.attribution.extract_attributions`
(or any DataFrame with the same key columns) and counts the content terms
inside each attributed content span.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .statistics import log_ratio
from .terms import TermUnit, check_unit, labelled_tokens, running_word_mask

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["source_vocabulary", "SOURCE_VOCABULARY_COLUMNS", "REQUIRED_ATTRIBUTION_COLUMNS"]

SOURCE_VOCABULARY_COLUMNS = ("speaker", "term", "count", "per_10k", "n_attributions", "log_ratio")
#: Columns an ``attributions`` frame must have.
REQUIRED_ATTRIBUTION_COLUMNS = ("doc_id", "speaker_canonical", "content_start", "content_end")


def _attributions_for(corpus: "Corpus") -> pd.DataFrame:
    try:
        from ..attribution import extract_attributions  # lazy: attribution is a separate, heavier module
    except ImportError as exc:  # pragma: no cover - depends on the installed package
        raise ImportError(
            "per-source vocabulary needs analysis.attribution.extract_attributions; "
            "pass an attributions DataFrame instead"
        ) from exc
    return extract_attributions(corpus)


def _entity_mentions(corpus: "Corpus") -> pd.DataFrame:
    from .entities import entity_mentions

    return entity_mentions(corpus)


def source_vocabulary(
    corpus: "Corpus",
    *,
    attributions: pd.DataFrame | None = None,
    by: TermUnit = "lemma",
    min_count: int = 1,
    top_n: int | None = None,
    names: bool = True,
) -> pd.DataFrame:
    """Content terms in the words attributed to each speaker.

    With ``names`` (the default) a name is one term (*Corea del Nord*, *Kim
    Jong Un*; :func:`analysis.keywords.entity_mentions`), counted once where
    it lies wholly inside the content; with ``names=False`` every word counts.

    ``attributions`` needs the columns doc_id, speaker_canonical,
    content_start and content_end (character offsets of the reported content
    in the document text), as made by
    ``analysis.attribution.extract_attributions(corpus)``, which is called
    when ``attributions`` is None. Rows without a speaker or without content
    offsets are skipped, and repeated rows (same document, speaker and
    offsets) count once. A token belongs to an attribution when it lies
    wholly inside ``[content_start, content_end)``; overlapping attributions of
    one speaker count each token once.

    Columns (speakers by decreasing number of content words, then terms by
    decreasing count):
        speaker (str): ``speaker_canonical``.
        term (str): content term (see :mod:`analysis.keywords.terms`).
        count (int): occurrences in that speaker's content.
        per_10k (float): per 10,000 running words of that speaker's content.
        n_attributions (int): attributions of that speaker containing the term.
        log_ratio (float): log2 of the term's relative frequency in this
            speaker's content over that in every other speaker's content
            (zero counts → 0.5); NaN when there is only one speaker.

    ``top_n`` keeps the first terms of each speaker (None = all).
    """
    check_unit(by)
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer; got {min_count!r}")
    if top_n is not None and (isinstance(top_n, bool) or not isinstance(top_n, int) or top_n < 1):
        raise ValueError(f"top_n must be a positive integer or None; got {top_n!r}")
    if attributions is None:
        attributions = _attributions_for(corpus)
    if not isinstance(attributions, pd.DataFrame):
        raise ValueError(f"attributions must be a pandas DataFrame; got {type(attributions).__name__}")
    missing = [c for c in REQUIRED_ATTRIBUTION_COLUMNS if c not in attributions.columns]
    if missing:
        raise ValueError(f"attributions lacks column(s) {', '.join(missing)}; expected {', '.join(REQUIRED_ATTRIBUTION_COLUMNS)}")
    spans = attributions[list(REQUIRED_ATTRIBUTION_COLUMNS)].copy()
    spans = spans.dropna()
    spans = spans[spans["speaker_canonical"].astype(str).str.strip() != ""]
    known = set(corpus.documents["doc_id"].astype(str))
    unknown = sorted(set(spans["doc_id"].astype(str)) - known)
    if unknown:
        raise ValueError(f"attributions refer to doc_id(s) not in the corpus: {', '.join(unknown[:5])}")
    if spans.empty or corpus.tokens.empty:
        return _empty()
    spans = spans.drop_duplicates().reset_index(drop=True)  # the same span twice is one attribution
    spans["attribution"] = spans.index

    tokens = corpus.tokens
    words = tokens.loc[running_word_mask(tokens), ["doc_id", "start", "end"]]
    mentions = _entity_mentions(corpus) if names else None
    content = labelled_tokens(tokens, by=by, names=mentions)[["doc_id", "start", "end", "term"]]
    word_rows, term_rows = [], []
    for doc_id, doc_spans in spans.groupby(spans["doc_id"].astype(str), sort=False):
        doc_words = words[words["doc_id"] == doc_id]
        doc_terms = content[content["doc_id"] == doc_id]
        for row in doc_spans.itertuples(index=False):
            s, e = int(row.content_start), int(row.content_end)
            inside = (doc_words["start"] >= s) & (doc_words["end"] <= e)
            word_rows.append(doc_words.loc[inside].assign(speaker=str(row.speaker_canonical)))
            inside = (doc_terms["start"] >= s) & (doc_terms["end"] <= e)
            term_rows.append(doc_terms.loc[inside].assign(speaker=str(row.speaker_canonical), attribution=row.attribution))
    spoken_words = pd.concat(word_rows).drop_duplicates(["speaker", "doc_id", "start"])
    spoken = pd.concat(term_rows)
    if spoken.empty:
        return _empty()
    n_attr = spoken.groupby(["speaker", "term"], observed=True)["attribution"].nunique()
    spoken = spoken.drop_duplicates(["speaker", "doc_id", "start"])
    size = spoken_words.groupby("speaker").size()
    counts = spoken.groupby(["speaker", "term"], observed=True).size().rename("count").reset_index()
    counts["n_attributions"] = [int(n_attr.loc[(s, t)]) for s, t in zip(counts["speaker"], counts["term"])]
    n_speaker = counts["speaker"].map(size).astype("float64")
    counts["per_10k"] = counts["count"] / n_speaker * 10_000
    if len(size) > 1:
        totals = counts.groupby("term")["count"].transform("sum")
        others = totals - counts["count"]
        n_others = float(size.sum()) - n_speaker
        counts["log_ratio"] = log_ratio(counts["count"], others, n_speaker, n_others)
    else:
        counts["log_ratio"] = np.nan
    counts = counts[counts["count"] >= min_count]
    order = {s: i for i, s in enumerate(sorted(size.index, key=lambda s: (-size[s], s)))}
    counts["_order"] = counts["speaker"].map(order)
    counts = counts.sort_values(["_order", "count", "term"], ascending=[True, False, True], kind="mergesort")
    if top_n is not None:
        counts = counts.groupby("speaker", sort=False).head(top_n)
    counts = counts.astype({"speaker": "string", "term": "string", "count": "int64", "per_10k": "float64",
                            "n_attributions": "int64", "log_ratio": "float64"})
    return counts.reset_index(drop=True)[list(SOURCE_VOCABULARY_COLUMNS)]


def _empty() -> pd.DataFrame:
    dtypes = {"speaker": "string", "term": "string", "count": "int64", "per_10k": "float64",
              "n_attributions": "int64", "log_ratio": "float64"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in SOURCE_VOCABULARY_COLUMNS})
