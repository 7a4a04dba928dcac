"""The tables behind the explorers, computed once per corpus.

:func:`build_index` runs every analysis the explorers show (attribution,
sentence tone, tone of each attribution, per-speaker vocabulary, name
mentions) and lays the tokens out as arrays with a lookup of where each word
and lemma occurs. Every interaction of the explorers then reads this
:class:`ExplorerIndex` and nothing is recomputed (the speed is measured by
``bench/explore_bench.py``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..keywords.collocates import names_as_one_word
from ..keywords.entities import entity_mentions
from ..keywords.kwic import token_keys
from ..keywords.sources import source_vocabulary
from ..keywords.terms import content_mask, merge_case_variants, token_labels

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..results import CorpusResults
    from ..sentiment import SentimentScorer

__all__ = ["ExplorerIndex", "build_index", "DOCUMENT_COLUMNS", "SENTENCE_COLUMNS", "ATTRIBUTION_EXTRA_COLUMNS"]

#: Columns of :attr:`ExplorerIndex.documents`.
DOCUMENT_COLUMNS = ("doc_id", "title", "date", "outlet", "label", "n_words")
#: Columns of :attr:`ExplorerIndex.sentences`.
SENTENCE_COLUMNS = ("doc_id", "sent_id", "start", "end", "polarity", "tone")
#: Columns added to the attribution table (see :func:`build_index`).
ATTRIBUTION_EXTRA_COLUMNS = ("polarity", "tone", "order")


@dataclass(frozen=True)
class TokenArrays:
    """The corpus tokens as parallel arrays (row ``i`` is token ``i`` of ``corpus.tokens``)."""

    docs: np.ndarray
    sents: np.ndarray
    paras: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    punct: np.ndarray
    #: ``term_key`` of the form and of the lemma (case and apostrophes folded).
    keys: dict[str, np.ndarray]
    #: Collocate label of each token (names merged, see ``names_as_one_word``).
    labels: np.ndarray
    is_content: np.ndarray
    name_of_token: np.ndarray
    #: Frequency of each label among content tokens, and their number.
    freq: Counter
    n_content: int
    #: ``{"form"|"lemma": {key: positions}}``: where each key occurs.
    positions: dict[str, dict[str, np.ndarray]]


@dataclass(frozen=True)
class ExplorerIndex:
    """Everything the explorers show, for one corpus.

    ``documents`` (one row per document, in date then seed order):
        doc_id (str); title (str|NA); date (datetime64|NaT); outlet (str|NA);
        label (str: "date · outlet · title" for pickers); n_words (int:
        running words).
    ``sentences`` (one row per sentence): doc_id (str), sent_id (int),
        start, end (int: offsets), polarity (float, −1…1), tone (str:
        negative / neutral / positive).
    ``attributions``: the table of
        :func:`analysis.attribution.extract_attributions` (every column it
        has, ``speaker_gender`` included when present) plus polarity (float,
        NaN without content), tone (str|NA) and order (int: reading order in
        the corpus), sorted in reading order.
    ``vocabulary``: :func:`analysis.keywords.source_vocabulary` by lemma,
        names as one term (speaker, term, count, per_10k, n_attributions,
        log_ratio).
    ``texts``: ``{doc_id: text}``.
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    vocabulary: pd.DataFrame
    texts: dict[str, str]
    tokens: TokenArrays
    has_gender: bool = False
    speakers: list[str] = field(default_factory=list)

    def document_label(self, doc_id: str) -> str:
        """The picker label of ``doc_id``; KeyError names an unknown document."""
        labels = dict(zip(self.documents["doc_id"], self.documents["label"]))
        if doc_id not in labels:
            raise KeyError(f"no document {doc_id!r} in this corpus")
        return labels[doc_id]


def _label(row: pd.Series) -> str:
    parts = []
    if pd.notna(row["date"]):
        parts.append(pd.Timestamp(row["date"]).strftime("%Y-%m-%d"))
    if pd.notna(row["outlet"]) and str(row["outlet"]).strip():
        parts.append(str(row["outlet"]).strip())
    title = str(row["title"]).strip() if pd.notna(row["title"]) and str(row["title"]).strip() else str(row["doc_id"])
    parts.append(title if len(title) <= 90 else title[:89] + "…")
    return " · ".join(parts)


def _documents(corpus: "Corpus", n_words: pd.Series) -> pd.DataFrame:
    docs = corpus.documents
    out = pd.DataFrame({
        "doc_id": docs["doc_id"].astype("string"),
        "title": docs["title"].astype("string") if "title" in docs else pd.Series(pd.NA, index=docs.index, dtype="string"),
        "date": pd.to_datetime(docs["date"]) if "date" in docs else pd.Series(pd.NaT, index=docs.index),
        "outlet": docs["outlet"].astype("string") if "outlet" in docs else pd.Series(pd.NA, index=docs.index, dtype="string"),
    })
    out["label"] = out.apply(_label, axis=1).astype("string") if len(out) else pd.Series([], dtype="string")
    out["n_words"] = out["doc_id"].map(n_words).fillna(0).astype("int64")
    out["_seed_order"] = np.arange(len(out))
    out = out.sort_values(["date", "_seed_order"], na_position="last", kind="mergesort")
    return out.drop(columns="_seed_order").reset_index(drop=True)[list(DOCUMENT_COLUMNS)]


def _sentences(corpus: "Corpus", scorer: "SentimentScorer | None", table: pd.DataFrame | None = None) -> pd.DataFrame:
    from ..sentiment import sentence_sentiment

    table = sentence_sentiment(corpus, scorer=scorer) if table is None else table
    out = table[["doc_id", "sent_id", "start", "end", "polarity"]].copy()
    out["tone"] = table["label"].astype("string")
    return out.reset_index(drop=True)[list(SENTENCE_COLUMNS)]


def _attributions(corpus: "Corpus", attributions: pd.DataFrame | None, doc_order: dict[str, int],
                  scorer: "SentimentScorer | None") -> pd.DataFrame:
    from ..attribution import extract_attributions
    from ..sentiment import POLARITY_THRESHOLD, default_scorer, polarity_label

    table = extract_attributions(corpus) if attributions is None else attributions
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"attributions must be a pandas DataFrame; got {type(table).__name__}")
    needed = ("doc_id", "speaker", "speaker_canonical", "type", "content_start", "content_end")
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValueError(f"attributions lacks column(s) {', '.join(missing)}; expected the table of extract_attributions")
    table = table.copy()
    unknown = sorted(set(table["doc_id"].astype(str)) - set(doc_order))
    if unknown:
        raise ValueError(f"attributions refer to doc_id(s) not in the corpus: {', '.join(unknown[:5])}")
    texts = corpus._texts()
    scorer = scorer if scorer is not None else default_scorer()
    spans = [None if pd.isna(a) or pd.isna(b) or int(b) <= int(a) else texts[str(doc_id)][int(a):int(b)]
             for doc_id, a, b in zip(table["doc_id"], table["content_start"], table["content_end"])]
    scores = iter(scorer.score_many([x for x in spans if x is not None]))
    polarity = [np.nan if x is None else next(scores).polarity for x in spans]
    table["polarity"] = pd.Series(polarity, index=table.index, dtype="float64")
    table["tone"] = pd.array(
        [pd.NA if np.isnan(p) else polarity_label(p, threshold=POLARITY_THRESHOLD) for p in polarity], dtype="string"
    )
    start = table["content_start"].astype("Float64").fillna(table.get("cue_start", pd.Series(0, index=table.index)).astype("Float64")).fillna(0)
    table["_doc"] = table["doc_id"].astype(str).map(doc_order)
    table["_start"] = start.astype("float64")
    table = table.sort_values(["_doc", "_start"], kind="mergesort").drop(columns=["_doc", "_start"]).reset_index(drop=True)
    table["order"] = np.arange(len(table), dtype="int64")
    return table


def _token_arrays(corpus: "Corpus") -> TokenArrays:
    tokens = corpus.tokens
    sentences = corpus.sentences[["doc_id", "sent_id", "para_id"]]
    paras = tokens[["doc_id", "sent_id"]].merge(sentences, on=["doc_id", "sent_id"], how="left")["para_id"]
    is_content = content_mask(tokens).to_numpy(dtype=bool)
    raw = token_labels(tokens, "lemma").to_numpy(dtype=object)
    mapping = merge_case_variants(str(x) for x, c in zip(raw, is_content) if c)
    labels = np.array([mapping.get(str(x), str(x)) for x in raw], dtype=object)
    is_content, labels, which = names_as_one_word(tokens, entity_mentions(corpus), is_content, labels)
    keys = {by: token_keys(tokens, by) for by in ("form", "lemma")}
    positions = {by: {str(k): v for k, v in pd.Series(np.arange(len(arr))).groupby(arr).groups.items()} if len(arr) else {}
                 for by, arr in keys.items()}
    positions = {by: {k: np.asarray(v, dtype="int64") for k, v in table.items()} for by, table in positions.items()}
    return TokenArrays(
        docs=tokens["doc_id"].astype("string").to_numpy(dtype=object),
        sents=tokens["sent_id"].to_numpy(),
        paras=paras.fillna(-1).to_numpy(),
        starts=tokens["start"].to_numpy(dtype="int64"),
        ends=tokens["end"].to_numpy(dtype="int64"),
        punct=tokens["is_punct"].to_numpy(dtype=bool),
        keys=keys,
        labels=labels,
        is_content=is_content,
        name_of_token=which,
        freq=Counter(labels[is_content].tolist()),
        n_content=int(is_content.sum()),
        positions=positions,
    )


def build_index(corpus: "Corpus | CorpusResults", *, attributions: pd.DataFrame | None = None,
                scorer: "SentimentScorer | None" = None) -> ExplorerIndex:
    """Compute every table the explorers read (see :class:`ExplorerIndex`).

    ``corpus`` is a Corpus, or the :class:`~analysis.results.CorpusResults` of
    :func:`analysis.load_results`, whose attribution and sentence tables are
    then read, not computed again (the sentences computed again when a
    ``scorer`` is given). ``attributions`` is the table of
    :func:`analysis.attribution.extract_attributions` (computed when None);
    ``scorer`` (a :class:`analysis.sentiment.SentimentScorer`) gives the tone
    of sentences and attributions (default: the default scorer).
    Raises ``ValueError`` for an attributions table that lacks the key
    columns or names documents the corpus does not have.
    """
    from ..corpus import Corpus
    from ..keywords.terms import running_word_mask
    from ..results import CorpusResults

    sentences = None
    if isinstance(corpus, CorpusResults):
        results = corpus
        corpus = results.corpus
        attributions = results.attributions if attributions is None else attributions
        sentences = results.sentiment if scorer is None else None
    if not isinstance(corpus, Corpus):
        raise ValueError(f"build_index needs a Corpus (analysis.load_corpus); got {type(corpus).__name__}")
    tokens = corpus.tokens
    n_words = tokens.loc[running_word_mask(tokens)].groupby("doc_id", observed=True).size() if len(tokens) else pd.Series(dtype="int64")
    documents = _documents(corpus, n_words)
    doc_order = {d: i for i, d in enumerate(documents["doc_id"].astype(str))}
    table = _attributions(corpus, attributions, doc_order, scorer)
    spoken = table.dropna(subset=["speaker_canonical", "content_start", "content_end"])
    vocabulary = source_vocabulary(corpus, attributions=spoken, by="lemma") if len(spoken) else source_vocabulary(corpus, attributions=spoken)
    counts = spoken["speaker_canonical"].astype(str).value_counts()
    speakers = sorted(counts.index, key=lambda s: (-counts[s], s))
    has_gender = "speaker_gender" in table.columns and table["speaker_gender"].notna().any()
    return ExplorerIndex(
        documents=documents,
        sentences=_sentences(corpus, scorer, sentences),
        attributions=table,
        vocabulary=vocabulary,
        texts={str(k): str(v) for k, v in corpus._texts().items()},
        tokens=_token_arrays(corpus),
        has_gender=bool(has_gender),
        speakers=speakers,
    )
