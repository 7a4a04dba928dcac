"""What the explorers ask of an :class:`~analysis.explore.index.ExplorerIndex`.

Small functions from the index (and a document, a word or a speaker) to
DataFrames; the widgets only display them. None of them recomputes an
analysis: they filter and count the index's tables and token arrays.
"""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..keywords.collocates import collocation_table
from ..keywords.kwic import context_lines, query_keys
from .index import ExplorerIndex

__all__ = [
    "MatchBy", "MATCH_MODES", "HIT_COLUMNS", "KWIC_LINE_COLUMNS", "DISPERSION_COLUMNS",
    "SPEAKER_ATTRIBUTION_COLUMNS", "SHARED_COLUMNS",
    "find_occurrences", "kwic_lines", "dispersion", "collocates_of",
    "document_sentences", "document_attributions",
    "speaker_attributions", "speaker_terms", "speakers_sharing_terms",
]

#: How a typed word or phrase matches tokens: as written, as a lemma, or either.
MatchBy = Literal["any", "form", "lemma"]
MATCH_MODES: tuple[str, ...] = ("any", "form", "lemma")

HIT_COLUMNS = ("doc_id", "first", "last", "start", "end")
KWIC_LINE_COLUMNS = ("doc_id", "document", "left", "keyword", "right", "start", "end")
DISPERSION_COLUMNS = ("doc_id", "document", "date", "outlet", "n_hits", "n_words", "per_10k", "positions")
SPEAKER_ATTRIBUTION_COLUMNS = (
    "document", "date", "outlet", "type", "speaker", "cue", "stance", "tone", "polarity", "content", "channel", "via",
)
SHARED_COLUMNS = ("speaker", "n_shared", "shared_terms", "n_attributions")


def _check_doc(index: ExplorerIndex, doc_id: str) -> str:
    doc_id = str(doc_id)
    if doc_id not in index.texts:
        raise KeyError(f"no document {doc_id!r} in this corpus")
    return doc_id


def find_occurrences(index: ExplorerIndex, query: str, *, by: MatchBy = "any") -> pd.DataFrame:
    """Every occurrence of a word or phrase, in document order.

    ``query`` is tokenized like the articles and matched token by token,
    ignoring case and apostrophe style, against each token's form
    (``by="form"``), lemma (``"lemma"``: *missile* finds *missili*) or either
    (``"any"``). A phrase never crosses documents. ``ValueError`` for an
    empty query or an unknown ``by``.

    Columns: doc_id (str); first, last (int: token positions); start, end
    (int: character offsets of the occurrence in the document).
    """
    if by not in MATCH_MODES:
        raise ValueError(f"by must be one of {', '.join(map(repr, MATCH_MODES))}; got {by!r}")
    keys = query_keys(query)
    arrays = index.tokens
    modes = ("form", "lemma") if by == "any" else (by,)
    found = [arrays.positions[m].get(keys[0], np.empty(0, dtype="int64")) for m in modes]
    candidates = np.unique(np.concatenate(found)) if found else np.empty(0, dtype="int64")
    n, m = len(arrays.docs), len(keys)
    rows = []
    for i in candidates:
        j = int(i) + m - 1
        if j >= n or arrays.docs[i] != arrays.docs[j]:
            continue
        if all(any(arrays.keys[mode][int(i) + k] == keys[k] for mode in modes) for k in range(1, m)):
            rows.append((str(arrays.docs[i]), int(i), j, int(arrays.starts[i]), int(arrays.ends[j])))
    out = pd.DataFrame(rows, columns=list(HIT_COLUMNS))
    return out.astype({"doc_id": "string", "first": "int64", "last": "int64", "start": "int64", "end": "int64"})


def _doc_labels(index: ExplorerIndex) -> dict[str, str]:
    return dict(zip(index.documents["doc_id"].astype(str), index.documents["label"].astype(str)))


def kwic_lines(index: ExplorerIndex, hits: pd.DataFrame, *, window: int = 8, limit: int | None = 500) -> pd.DataFrame:
    """Keyword-in-context lines for ``hits`` (from :func:`find_occurrences`), in reading order.

    Context stays in the keyword's paragraph, ``window`` words each side.
    ``limit`` keeps the first lines (None: all).

    Columns: doc_id (str); document (str: the document's label); left,
    keyword, right (str); start, end (int: offsets of the keyword).
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueError(f"window must be a non-negative number of words; got {window!r}")
    order = {d: i for i, d in enumerate(index.documents["doc_id"].astype(str))}
    hits = hits.assign(_doc=hits["doc_id"].astype(str).map(order)).sort_values(["_doc", "first"], kind="mergesort")
    if limit is not None:
        hits = hits.head(limit)
    arrays = index.tokens
    rows = context_lines(hits, texts=index.texts, docs=arrays.docs, paras=arrays.paras, starts=arrays.starts,
                         ends=arrays.ends, punct=arrays.punct, window=window)
    labels = _doc_labels(index)
    out = pd.DataFrame(rows, columns=["doc_id", "left", "keyword", "right", "start", "end"])
    out.insert(1, "document", out["doc_id"].map(labels))
    return out.astype({"doc_id": "string", "document": "string", "left": "string", "keyword": "string",
                       "right": "string", "start": "int64", "end": "int64"})[list(KWIC_LINE_COLUMNS)]


def dispersion(index: ExplorerIndex, hits: pd.DataFrame) -> pd.DataFrame:
    """Where the occurrences fall: one row per document (every document, in date order).

    Columns: doc_id, document (str); date (datetime64|NaT); outlet (str|NA);
    n_hits (int); n_words (int: running words); per_10k (float: hits per
    10,000 words, 0 for an empty document); positions (list[float]: each
    hit's place in the document, 0 = start, 1 = end).
    """
    docs = index.documents
    lengths = {d: max(len(t), 1) for d, t in index.texts.items()}
    where: dict[str, list[float]] = {}
    for doc_id, start in zip(hits["doc_id"].astype(str), hits["start"]):
        where.setdefault(doc_id, []).append(int(start) / lengths[doc_id])
    out = docs[["doc_id", "label", "date", "outlet", "n_words"]].rename(columns={"label": "document"}).copy()
    out["n_hits"] = out["doc_id"].astype(str).map(lambda d: len(where.get(d, []))).astype("int64")
    out["per_10k"] = np.where(out["n_words"] > 0, out["n_hits"] / out["n_words"].clip(lower=1) * 10_000, 0.0)
    out["positions"] = out["doc_id"].astype(str).map(lambda d: sorted(where.get(d, [])))
    return out.reset_index(drop=True)[list(DISPERSION_COLUMNS)]


def collocates_of(index: ExplorerIndex, hits: pd.DataFrame, *, window: int = 5, min_count: int = 1) -> pd.DataFrame:
    """Collocates of the occurrences ``hits`` (lemmas, names as one word).

    Same columns and statistics as :func:`analysis.keywords.collocates`.
    """
    arrays = index.tokens
    spans = [(int(f), int(last)) for f, last in zip(hits["first"], hits["last"])]
    return collocation_table(spans, labels=arrays.labels, is_content=arrays.is_content, docs=arrays.docs,
                             sents=arrays.sents, freq=arrays.freq, n_total=arrays.n_content, window=window,
                             min_count=min_count, name_of_token=arrays.name_of_token)


def document_sentences(index: ExplorerIndex, doc_id: str) -> pd.DataFrame:
    """The sentences of ``doc_id`` with their tone (columns of ``index.sentences``)."""
    doc_id = _check_doc(index, doc_id)
    table = index.sentences
    return table[table["doc_id"].astype(str) == doc_id].sort_values("start", kind="mergesort").reset_index(drop=True)


def document_attributions(index: ExplorerIndex, doc_id: str) -> pd.DataFrame:
    """The attributions of ``doc_id`` in reading order (columns of ``index.attributions``)."""
    doc_id = _check_doc(index, doc_id)
    table = index.attributions
    return table[table["doc_id"].astype(str) == doc_id].reset_index(drop=True)


def _check_speaker(index: ExplorerIndex, speaker: str) -> str:
    if speaker not in index.speakers:
        raise KeyError(f"no speaker {speaker!r} in this corpus (speakers are canonical names, see index.speakers)")
    return speaker


def speaker_attributions(index: ExplorerIndex, speaker: str) -> pd.DataFrame:
    """Everything ``speaker`` (a canonical name) is reported as saying, in reading order.

    Columns: document (str: label), date (datetime64|NaT), outlet (str|NA),
    type, speaker (as written), cue, stance, tone (str|NA), polarity
    (float), content, channel, via (str|NA); speaker_gender too when the
    attribution table has it.
    """
    speaker = _check_speaker(index, speaker)
    table = index.attributions
    rows = table[table["speaker_canonical"].astype("string") == speaker]
    docs = index.documents.set_index(index.documents["doc_id"].astype(str))
    out = pd.DataFrame({
        "document": rows["doc_id"].astype(str).map(docs["label"]).astype("string"),
        "date": rows["doc_id"].astype(str).map(docs["date"]),
        "outlet": rows["doc_id"].astype(str).map(docs["outlet"]).astype("string"),
    })
    for col in SPEAKER_ATTRIBUTION_COLUMNS[3:]:
        out[col] = rows[col] if col in rows.columns else pd.Series(pd.NA, index=rows.index, dtype="string")
    if index.has_gender:
        out["speaker_gender"] = rows["speaker_gender"]
    return out.reset_index(drop=True)


def speaker_terms(index: ExplorerIndex, speaker: str, *, top: int = 15) -> pd.DataFrame:
    """The ``top`` terms of ``speaker``'s reported words (rows of ``index.vocabulary``)."""
    speaker = _check_speaker(index, speaker)
    vocab = index.vocabulary
    return vocab[vocab["speaker"].astype(str) == speaker].head(top).reset_index(drop=True)


def speakers_sharing_terms(index: ExplorerIndex, speaker: str, *, top: int = 15, limit: int = 10) -> pd.DataFrame:
    """Who else speaks about ``speaker``'s ``top`` terms.

    Columns (most shared terms first): speaker (str); n_shared (int: how
    many of the top terms they use too); shared_terms (str: those terms,
    ``", "``-separated, in ``speaker``'s order); n_attributions (int).
    """
    terms = speaker_terms(index, speaker, top=top)["term"].astype(str).tolist()
    vocab = index.vocabulary
    others = vocab[(vocab["speaker"].astype(str) != speaker) & vocab["term"].astype(str).isin(terms)]
    counts = index.attributions["speaker_canonical"].astype("string").value_counts()
    rank = {t: i for i, t in enumerate(terms)}
    rows = []
    for other, group in others.groupby(others["speaker"].astype(str), sort=False):
        shared = sorted(set(group["term"].astype(str)), key=rank.__getitem__)
        rows.append((other, len(shared), ", ".join(shared), int(counts.get(other, 0))))
    out = pd.DataFrame(rows, columns=list(SHARED_COLUMNS))
    out = out.sort_values(["n_shared", "n_attributions", "speaker"], ascending=[False, False, True], kind="mergesort")
    return out.head(limit).astype({"speaker": "string", "n_shared": "int64", "shared_terms": "string",
                                   "n_attributions": "int64"}).reset_index(drop=True)
