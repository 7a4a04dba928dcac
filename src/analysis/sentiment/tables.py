"""Sentiment tables: sentence, paragraph, document, source and entity tone.

Every score comes from a :class:`~analysis.sentiment.scorer.SentimentScorer`
(``scorer=``; :func:`~analysis.sentiment.scorer.default_scorer` when none is
given), with the analyzer it names or the one given as ``analyzer=``
(``"lexicon"``, ``"trained"``, or a TextBlob analyzer object): polarity in
[-1, 1] (negative to positive), subjectivity in [0, 1] (factual to
opinionated), and ``label`` positive / negative / neutral with the
thresholds ±:data:`POLARITY_THRESHOLD`. The words behind a score
(``sentence_assessments``) are always the lexicon's. All offsets point into
``Corpus.text(doc_id)``.

Lexicon sentiment measures the *words* of a text, not the stance of its
author: read the measured accuracy in ``python -m analysis.evaluation sentiment``
before drawing conclusions.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pandas as pd

from ..paths import DATA_DIR
from ..textblob_it.analyzer import Analysis
from ..tokenization import Token
from .scorer import Score, SentimentScorer, default_scorer

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = [
    "POLARITY_THRESHOLD", "ENTITY_ALIASES_PATH", "polarity_label", "score_text",
    "sentence_sentiment", "sentence_assessments", "paragraph_sentiment", "document_sentiment",
    "attribution_sentiment", "source_sentiment", "read_entity_aliases", "entity_mentions", "entity_sentiment",
    "use_social_media", "clear_score_caches", "scorer_for",
]

#: |polarity| above this is positive or negative, otherwise neutral.
POLARITY_THRESHOLD = 0.05
#: Editable list of entities and topics (alias<TAB>canonical).
ENTITY_ALIASES_PATH: Path = DATA_DIR / "sentiment" / "entity_aliases.tsv"

_LABELS = ("negative", "neutral", "positive")


def polarity_label(polarity: float, *, threshold: float = POLARITY_THRESHOLD) -> str:
    """``"positive"``, ``"negative"`` or ``"neutral"`` for a polarity score."""
    if threshold < 0:
        raise ValueError(f"threshold must be >= 0, got {threshold}")
    return "positive" if polarity > threshold else "negative" if polarity < -threshold else "neutral"


def scorer_for(scorer: SentimentScorer | None = None, analyzer: Any = None) -> SentimentScorer:
    """The scorer a table uses: ``scorer`` (default :func:`default_scorer`), with ``analyzer`` when one is named."""
    scorer = scorer if scorer is not None else default_scorer()
    if not isinstance(scorer, SentimentScorer):
        raise TypeError(f"scorer must be a SentimentScorer, got {type(scorer).__name__}")
    return scorer if analyzer is None else scorer.using(analyzer)


def use_social_media(on: bool = True) -> None:
    """Score the tables of the default scorer with the social-media layer of the lexicon (or without it).

    Off by default: news. For tweets, comments and forums prefer a scorer of
    your own, ``SentimentScorer(social_media=True)``, passed as ``scorer=``.
    """
    default_scorer().social_media = on


def score_text(text: str) -> Analysis:
    """The default scorer's lexicon analysis of one string (names skipped; cached)."""
    return default_scorer().analyze(text)


def clear_score_caches() -> None:
    """Forget every score cached by the default scorer."""
    default_scorer().clear_cache()


#: Characters that may separate two sentences without changing how the
#: tokenizer reads the first or last token of either (its look-arounds see
#: whitespace there exactly as they see the start or end of a string).
_SEPARATORS = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f\u3000")
_TOKEN_NEEDED = ("doc_id", "sent_id", "start", "end", "text", "kind")


def _sentence_tokens(corpus: "Corpus") -> list[list[Token] | None]:
    """The corpus tokens of each sentence, offsets into the sentence, where they are those of its text alone.

    A sentence's tokens in ``corpus.tokens`` are those ``tokenize`` finds in
    the sentence text alone whenever the sentence is bounded by whitespace
    or the document's edges (the pipeline tokenizes whole paragraphs); the
    scorer then skips tokenizing it again and gives the same result. Other
    sentences get None (tokenized from their text).
    """
    s, tok = corpus.sentences, corpus.tokens
    out: list[list[Token] | None] = [None] * len(s)
    if tok is None or not all(c in tok.columns for c in _TOKEN_NEEDED):
        return out
    rows: dict[tuple[str, int], tuple[int, int] | None] = {}
    docs, sids = tok["doc_id"].tolist(), tok["sent_id"].tolist()
    starts, ends = tok["start"].tolist(), tok["end"].tolist()
    forms, kinds = tok["text"].tolist(), tok["kind"].tolist()
    lo, n = 0, len(docs)
    for j in range(1, n + 1):
        if j == n or sids[j] != sids[lo] or docs[j] != docs[lo]:
            key = (docs[lo], sids[lo])
            rows[key] = None if key in rows else (lo, j)  # not consecutive: do not trust
            lo = j
    new = tuple.__new__
    for k, (d, sid, a, b) in enumerate(zip(s["doc_id"].tolist(), s["sent_id"].tolist(), s["start"].tolist(),
                                           s["end"].tolist())):
        span = rows.get((d, sid))
        if span is None:
            continue
        doc = corpus.text(d)
        if ((a == 0 or doc[a - 1] in _SEPARATORS) and (b == len(doc) or doc[b] in _SEPARATORS)
                and starts[span[0]] >= a and ends[span[1] - 1] <= b):
            out[k] = [new(Token, (starts[j] - a, ends[j] - a, forms[j], kinds[j])) for j in range(*span)]
    return out


def _sentence_scores(corpus: "Corpus", texts: list[str], scorer: SentimentScorer, parses: Any = None) -> list[Score]:
    """The scorer's :class:`Score` of every sentence text, reusing the corpus tokens (see :func:`_sentence_tokens`)."""
    return scorer.score_many(texts, _sentence_tokens(corpus), parses=parses)


def _require_corpus(corpus) -> None:
    for name in ("documents", "sentences", "paragraphs"):
        if not hasattr(corpus, name):
            raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")


def _label_column(values: Iterable[float]) -> pd.Series:
    return pd.Series([polarity_label(v) for v in values], dtype=pd.CategoricalDtype(list(_LABELS)))


def _score_columns(scores: list[Score]) -> dict[str, pd.api.extensions.ExtensionArray]:
    """The ``polarity`` and ``subjectivity`` columns of a list of scores."""
    return {
        "polarity": pd.array([r.polarity for r in scores], dtype="float64"),
        "subjectivity": pd.array([r.subjectivity for r in scores], dtype="float64"),
    }


def sentence_sentiment(corpus: "Corpus", *, scorer: SentimentScorer | None = None, analyzer: Any = None,
                       parses: Any = None) -> pd.DataFrame:
    """One row per sentence.

    Columns: doc_id (str), sent_id (int), para_id (int), start, end (int:
    offsets into the document text), text (str), polarity (float, [-1, 1]),
    subjectivity (float, [0, 1]), label (category: negative / neutral /
    positive), n_assessments (int: opinion words, emoji and cues the
    lexicon found). ``scorer`` and ``analyzer``: see the module docstring.
    ``parses``: a :class:`~analysis.syntax.parses.ParseStore` whose parses the
    names filter reads (and adds to), shared with the other analyses.
    """
    _require_corpus(corpus)
    scorer = scorer_for(scorer, analyzer)
    s = corpus.sentences
    texts = [corpus.text(d)[a:b] for d, a, b in zip(s["doc_id"], s["start"], s["end"])]
    scores = _sentence_scores(corpus, texts, scorer, parses)
    out = pd.DataFrame({
        "doc_id": s["doc_id"].astype("string").to_numpy(),
        "sent_id": s["sent_id"].astype("int64").to_numpy(),
        "para_id": s["para_id"].astype("int64").to_numpy(),
        "start": s["start"].astype("int64").to_numpy(),
        "end": s["end"].astype("int64").to_numpy(),
        "text": pd.array(texts, dtype="string"),
        **_score_columns(scores),
    })
    out["label"] = _label_column(out["polarity"])
    out["n_assessments"] = pd.array([len(r.analysis.assessments) for r in scores], dtype="int64")
    return out


def sentence_assessments(corpus: "Corpus", *, scorer: SentimentScorer | None = None) -> pd.DataFrame:
    """The words, phrases, emoji and cues that moved each sentence's score.

    Columns: doc_id (str), sent_id (int), start, end (int: offsets into the
    document text), text (str: the word or phrase as written), polarity
    (float: contribution after negation, intensifiers, exclamation),
    base_polarity (float: the lexicon's value), subjectivity (float: evidence
    added), weight (float: contrast weight), rules (str: comma-separated rules
    applied, e.g. ``negated,intensified``; ``cue`` for subjectivity-only cues;
    ``skipped,<reason>`` for a name, ``sense,<sense>`` for a word read in a
    sense that is not an opinion). The words are the lexicon's, whichever
    analyzer gives the scores.
    """
    _require_corpus(corpus)
    scorer = scorer_for(scorer)
    rows = []
    s = corpus.sentences
    texts = [corpus.text(d)[a:b] for d, a, b in zip(s["doc_id"], s["start"], s["end"])]
    analyses = scorer.analyze_many(texts, _sentence_tokens(corpus))
    for d, sid, a, analysis in zip(s["doc_id"], s["sent_id"], s["start"], analyses):
        for x in analysis.assessments:
            rows.append((d, int(sid), a + x.start, a + x.end, x.text, x.polarity, x.base_polarity,
                         x.subjectivity, x.weight, ",".join(x.rules)))
    cols = ["doc_id", "sent_id", "start", "end", "text", "polarity", "base_polarity", "subjectivity", "weight", "rules"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64", "text": "string",
                       "polarity": "float64", "base_polarity": "float64", "subjectivity": "float64",
                       "weight": "float64", "rules": "string"})


def paragraph_sentiment(corpus: "Corpus", *, scorer: SentimentScorer | None = None, analyzer: Any = None) -> pd.DataFrame:
    """One row per paragraph, scored as one text (all its opinion words together).

    Columns: doc_id (str), para_id (int), start, end (int), polarity (float),
    subjectivity (float), label (category), n_sentences (int),
    mean_sentence_polarity (float: plain mean over its sentences).
    """
    _require_corpus(corpus)
    scorer = scorer_for(scorer, analyzer)
    p = corpus.paragraphs
    scores = scorer.score_many([corpus.text(d)[a:b] for d, a, b in zip(p["doc_id"], p["start"], p["end"])])
    out = pd.DataFrame({
        "doc_id": p["doc_id"].astype("string").to_numpy(),
        "para_id": p["para_id"].astype("int64").to_numpy(),
        "start": p["start"].astype("int64").to_numpy(),
        "end": p["end"].astype("int64").to_numpy(),
        **_score_columns(scores),
    })
    out["label"] = _label_column(out["polarity"])
    sents = sentence_sentiment(corpus, scorer=scorer)
    agg = sents.groupby(["doc_id", "para_id"], observed=True).agg(
        n_sentences=("sent_id", "size"), mean_sentence_polarity=("polarity", "mean")).reset_index()
    out = out.merge(agg, on=["doc_id", "para_id"], how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    return out


def document_sentiment(corpus: "Corpus", *, scorer: SentimentScorer | None = None, analyzer: Any = None) -> pd.DataFrame:
    """One row per document.

    Columns: doc_id (str), title (str|None), polarity (float: the whole text
    scored at once), subjectivity (float), label (category), n_sentences (int),
    mean_sentence_polarity (float), share_negative, share_neutral,
    share_positive (float: fractions of its sentences with each label),
    most_negative_sent_id, most_positive_sent_id (Int64: extreme sentences,
    <NA> when the document has no sentence).
    """
    _require_corpus(corpus)
    scorer = scorer_for(scorer, analyzer)
    docs = corpus.documents
    scores = scorer.score_many(docs["text"].astype(str).tolist())
    out = pd.DataFrame({
        "doc_id": docs["doc_id"].astype("string").to_numpy(),
        "title": docs["title"].astype("string").to_numpy(),
        **_score_columns(scores),
    })
    out["label"] = _label_column(out["polarity"])
    sents = sentence_sentiment(corpus, scorer=scorer)
    rows = []
    for doc_id, g in sents.groupby("doc_id", observed=True):
        shares = g["label"].value_counts(normalize=True)
        rows.append({
            "doc_id": doc_id, "n_sentences": len(g), "mean_sentence_polarity": g["polarity"].mean(),
            **{f"share_{lab}": float(shares.get(lab, 0.0)) for lab in _LABELS},
            "most_negative_sent_id": int(g.loc[g["polarity"].idxmin(), "sent_id"]),
            "most_positive_sent_id": int(g.loc[g["polarity"].idxmax(), "sent_id"]),
        })
    cols = ["doc_id", "n_sentences", "mean_sentence_polarity", *(f"share_{lab}" for lab in _LABELS),
            "most_negative_sent_id", "most_positive_sent_id"]
    agg = pd.DataFrame(rows, columns=cols).astype({"doc_id": "string"})
    out = out.merge(agg, on="doc_id", how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    for c in ("most_negative_sent_id", "most_positive_sent_id"):
        out[c] = out[c].astype("Int64")
    return out


# --- sources ----------------------------------------------------------------

_ATTRIBUTION_NEEDED = ("doc_id", "speaker_canonical", "content_start", "content_end")


def _load_attributions(corpus: "Corpus") -> pd.DataFrame | None:
    try:
        from ..attribution import extract_attributions  # built by the attribution module
    except ImportError as exc:
        warnings.warn(f"source attribution is not available ({exc}); no tone by source", stacklevel=3)
        return None
    return extract_attributions(corpus)


def attribution_sentiment(corpus: "Corpus", attributions: pd.DataFrame | None = None, *,
                          scorer: SentimentScorer | None = None, analyzer: Any = None) -> pd.DataFrame:
    """Tone of each piece of content attributed to a speaker.

    ``attributions`` is the table of :func:`analysis.attribution.extract_attributions`
    (computed when None; needs doc_id, speaker_canonical, content_start,
    content_end). Columns: doc_id (str), speaker (str), content_start,
    content_end (int), content (str), polarity, subjectivity (float), label
    (category). Empty when attribution is unavailable.
    """
    _require_corpus(corpus)
    scorer = scorer_for(scorer, analyzer)
    cols = ["doc_id", "speaker", "content_start", "content_end", "content", "polarity", "subjectivity", "label"]
    if attributions is None:
        attributions = _load_attributions(corpus)
    if attributions is None or len(attributions) == 0:
        attributions = pd.DataFrame({c: [] for c in _ATTRIBUTION_NEEDED})
    missing = [c for c in _ATTRIBUTION_NEEDED if c not in attributions.columns]
    if missing:
        raise ValueError(f"attributions table lacks column(s) {', '.join(missing)}; "
                         f"expected at least {', '.join(_ATTRIBUTION_NEEDED)}")
    kept = []
    for d, sp, a, b in zip(attributions["doc_id"], attributions["speaker_canonical"],
                           attributions["content_start"], attributions["content_end"]):
        if pd.isna(a) or pd.isna(b) or pd.isna(sp):
            continue
        kept.append((str(d), str(sp), int(a), int(b), corpus.text(str(d))[int(a):int(b)]))
    scores = scorer.score_many([k[-1] for k in kept])
    rows = [(*k, r.polarity, r.subjectivity) for k, r in zip(kept, scores)]
    out = pd.DataFrame(rows, columns=cols[:-1]).astype(
        {"doc_id": "string", "speaker": "string", "content_start": "int64", "content_end": "int64", "content": "string",
         "polarity": "float64", "subjectivity": "float64"})
    out["label"] = _label_column(out["polarity"])
    return out


def _summarise(df: pd.DataFrame, key: str) -> pd.DataFrame:
    cols = [key, "n", "n_documents", "mean_polarity", "mean_subjectivity", "share_negative", "share_neutral", "share_positive"]
    rows = []
    for k, g in df.groupby(key, observed=True):
        shares = g["label"].value_counts(normalize=True)
        rows.append({key: k, "n": len(g), "n_documents": g["doc_id"].nunique(),
                     "mean_polarity": g["polarity"].mean(), "mean_subjectivity": g["subjectivity"].mean(),
                     **{f"share_{lab}": float(shares.get(lab, 0.0)) for lab in _LABELS}})
    out = pd.DataFrame(rows, columns=cols).astype({key: "string", "n": "int64", "n_documents": "int64",
                                                   **{c: "float64" for c in cols[3:]}})
    return out.sort_values(["n", key], ascending=[False, True], ignore_index=True)


def source_sentiment(corpus: "Corpus", attributions: pd.DataFrame | None = None, *,
                     scorer: SentimentScorer | None = None, analyzer: Any = None) -> pd.DataFrame:
    """Tone by source: content attributed to each speaker, summarised.

    Columns: speaker (str), n (int: attributed passages), n_documents (int),
    mean_polarity, mean_subjectivity (float), share_negative, share_neutral,
    share_positive (float). Sorted by n. Empty when attribution is unavailable.
    """
    return _summarise(attribution_sentiment(corpus, attributions, scorer=scorer, analyzer=analyzer), "speaker")


# --- entities -----------------------------------------------------------------

def read_entity_aliases(path: str | Path = ENTITY_ALIASES_PATH) -> dict[str, str]:
    """``alias → canonical`` from a two-column TSV (``#`` comments allowed)."""
    path = Path(path)
    table: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        alias, sep, canonical = line.partition("\t")
        if not sep or not alias.strip() or not canonical.strip():
            raise ValueError(f"{path.name}:{n}: expected 'alias<TAB>canonical', got {line!r}")
        table[alias.strip()] = canonical.strip()
    return table


def _entity_patterns(entities: Mapping[str, str] | str | Path | None) -> list[tuple[re.Pattern[str], str]]:
    """One pattern per alias, longest first, with its canonical name; ``entities`` as in :func:`entity_mentions`."""
    if entities is None or isinstance(entities, (str, Path)):
        entities = read_entity_aliases(entities or ENTITY_ALIASES_PATH)
    if not isinstance(entities, Mapping):
        raise TypeError(f"entities must be a mapping alias → name or a file path, got {type(entities).__name__}")
    pats = []
    for alias in sorted(entities, key=len, reverse=True):
        flags = 0 if (alias.isupper() and len(alias) > 1) else re.IGNORECASE
        body = r"\s+".join(re.escape(p) for p in alias.split())
        pats.append((re.compile(rf"(?<!\w){body}(?!\w)", flags), entities[alias]))
    return pats


def entity_mentions(corpus: "Corpus", entities: Mapping[str, str] | str | Path | None = None, *,
                    scorer: SentimentScorer | None = None, analyzer: Any = None) -> pd.DataFrame:
    """Sentences that mention each entity, with the sentence's tone.

    ``entities`` maps alias → canonical name (default: ``data/sentiment/entity_aliases.tsv``;
    a path to such a file is accepted). Aliases in capitals match case-sensitively.
    Columns: entity (str), doc_id (str), sent_id (int), start, end (int: the
    first mention's offsets in the document), alias (str: as written),
    polarity, subjectivity (float), label (category). One row per entity and
    sentence.
    """
    pats = _entity_patterns(entities)
    sents = sentence_sentiment(corpus, scorer=scorer, analyzer=analyzer)
    rows = []
    for r in sents.itertuples(index=False):
        seen: set[str] = set()
        for pat, name in pats:
            if name in seen:
                continue
            m = pat.search(r.text)
            if m:
                seen.add(name)
                rows.append((name, r.doc_id, r.sent_id, r.start + m.start(), r.start + m.end(), m.group(0),
                             r.polarity, r.subjectivity, r.label))
    cols = ["entity", "doc_id", "sent_id", "start", "end", "alias", "polarity", "subjectivity", "label"]
    out = pd.DataFrame(rows, columns=cols).astype(
        {"entity": "string", "doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
         "alias": "string", "polarity": "float64", "subjectivity": "float64"})
    out["label"] = out["label"].astype(pd.CategoricalDtype(list(_LABELS)))
    return out.sort_values(["doc_id", "sent_id", "entity"], ignore_index=True)


def entity_sentiment(corpus: "Corpus", entities: Mapping[str, str] | str | Path | None = None, *,
                     scorer: SentimentScorer | None = None, analyzer: Any = None,
                     mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone of the sentences that mention each entity or topic, summarised.

    Columns: entity (str), n (int: sentences), n_documents (int),
    mean_polarity, mean_subjectivity (float), share_negative, share_neutral,
    share_positive (float). Sorted by n. The tone is the sentence's, not
    necessarily the tone towards the entity. ``mentions`` is
    :func:`entity_mentions`'s table, when already computed (e.g. read from
    :mod:`analysis.results`).
    """
    if mentions is None:
        mentions = entity_mentions(corpus, entities, scorer=scorer, analyzer=analyzer)
    return _summarise(mentions, "entity")
