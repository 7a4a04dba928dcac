"""Sentiment tables: sentence, paragraph, document, source and entity tone.

Every score comes from the Italian lexicon analyzer
(:func:`analysis.textblob_it.analyze`): polarity in [-1, 1] (negative to
positive), subjectivity in [0, 1] (factual to opinionated), and ``label``
positive / negative / neutral with the thresholds ±:data:`POLARITY_THRESHOLD`.
All offsets point into ``Corpus.text(doc_id)``.

Lexicon sentiment measures the *words* of a text, not the stance of its
author: read the measured accuracy in ``python -m analysis.evaluation sentiment``
before drawing conclusions.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, TYPE_CHECKING, Iterable, Mapping

import pandas as pd

from ..paths import DATA_DIR
from ..textblob_it.analyzer import Analysis, analyze, analyze_tokens, name_candidate_groups
from ..textblob_it.lexicon import load_lexicon
from ..tokenization import Token, tokenize
from . import names as _names

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = [
    "POLARITY_THRESHOLD", "ENTITY_ALIASES_PATH", "polarity_label", "score_text",
    "sentence_sentiment", "sentence_assessments", "paragraph_sentiment", "document_sentiment",
    "attribution_sentiment", "source_sentiment", "read_entity_aliases", "entity_mentions", "entity_sentiment",
    "use_social_media", "clear_score_caches",
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


_SETTINGS = {"social_media": False}


def use_social_media(on: bool = True) -> None:
    """Score every table with the social-media layer of the lexicon (slang, greetings, laughter) or without it.

    Off by default: news. Switch it on for tweets, comments and forums;
    cached scores are dropped, so recompute the tables afterwards.
    """
    _SETTINGS["social_media"] = bool(on)
    clear_score_caches()


@lru_cache(maxsize=50_000)
def score_text(text: str) -> Analysis:
    """Cached :func:`analysis.textblob_it.analyze` of one string (names skipped; see :func:`use_social_media`)."""
    return analyze(text, social_media=_SETTINGS["social_media"])


class _ScoreCache:
    """Scores of sentence texts, at most ``maxsize`` (the oldest go first)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._scores: dict[str, Analysis] = {}

    def get(self, text: str) -> Analysis | None:
        return self._scores.get(text)

    def put(self, text: str, result: Analysis) -> None:
        if len(self._scores) >= self.maxsize:
            del self._scores[next(iter(self._scores))]
        self._scores[text] = result

    def cache_clear(self) -> None:
        self._scores.clear()


_SENTENCE_SCORES = _ScoreCache(50_000)
#: Characters that may separate two sentences without changing how the
#: tokenizer reads the first or last token of either (its look-arounds see
#: whitespace there exactly as they see the start or end of a string).
_SEPARATORS = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f\u3000")
_TOKEN_NEEDED = ("doc_id", "sent_id", "start", "end", "text", "kind")


def _sentence_scores(corpus: "Corpus", texts: list[str], parses: Any = None) -> list[Analysis]:
    """:func:`score_text` of every sentence text, reusing the corpus tokens.

    A sentence's tokens in ``corpus.tokens`` are those ``tokenize`` finds in
    the sentence text alone whenever the sentence is bounded by whitespace
    or the document's edges (the pipeline tokenizes whole paragraphs); then
    :func:`analysis.textblob_it.analyzer.analyze_tokens` scores them without
    tokenizing again and gives the same result. Any other sentence is
    tokenized from its text.

    Names: every sentence is scored with the names found on the surface;
    the sentences where an evaluative word may be part of a name only the
    model sees are then parsed together, in one batch, and scored again
    without the model's names (:mod:`analysis.sentiment.names`).
    """
    s, tok = corpus.sentences, corpus.tokens
    usable = tok is not None and all(c in tok.columns for c in _TOKEN_NEEDED)
    rows: dict[tuple[str, int], tuple[int, int] | None] = {}
    if usable:
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
    out: list[Analysis | None] = []
    pending: dict[str, tuple[list[Token], Analysis, list[list[Token]]]] = {}
    for d, sid, a, b, piece in zip(s["doc_id"].tolist(), s["sent_id"].tolist(), s["start"].tolist(),
                                   s["end"].tolist(), texts):
        result = _SENTENCE_SCORES.get(piece)
        if result is None and piece in pending:
            out.append(None)
            continue
        if result is None:
            span = rows.get((d, sid)) if usable else None
            doc = corpus.text(d) if span is not None else ""
            if (span is not None and (a == 0 or doc[a - 1] in _SEPARATORS)
                    and (b == len(doc) or doc[b] in _SEPARATORS)
                    and starts[span[0]] >= a and ends[span[1] - 1] <= b):
                toks = [new(Token, (starts[j] - a, ends[j] - a, forms[j], kinds[j])) for j in range(*span)]
            else:
                toks = tokenize(piece)
            lexicon = load_lexicon(social_media=_SETTINGS["social_media"])
            result = analyze_tokens(toks, lexicon=lexicon)
            groups = name_candidate_groups(toks, result, lexicon=lexicon)
            if groups:
                pending[piece] = (toks, result, groups)
                out.append(None)
                continue
            _SENTENCE_SCORES.put(piece, result)
        out.append(result)
    if pending:
        _rescore_with_model_names(pending, parses)
    return [r if r is not None else pending[piece][1] for r, piece in zip(out, texts)]


def _rescore_with_model_names(pending: dict[str, tuple[list[Token], Analysis, list[list[Token]]]],
                              parses: Any = None) -> None:
    """Parse the candidate sentences of ``pending`` in one batch and score them again without their names."""
    nlp = _names.names_model()
    items, owners = [], []
    for piece, (toks, _, groups) in pending.items():
        for g in groups:
            a = g[0].start
            items.append((piece[a:g[-1].end], [t._replace(start=t.start - a, end=t.end - a) for t in g]))
            owners.append((piece, a))
    spans: dict[str, list] = {piece: [] for piece in pending}
    if nlp is not None:
        for (piece, a), found in zip(owners, _names.parse_names(nlp, items, parses=parses)):
            spans[piece] += [(x.start + a, x.end + a, x.reason) for x in found]
    for piece, (toks, result, _) in pending.items():
        if spans[piece]:
            result = analyze_tokens(toks, name_spans=spans[piece],
                                    lexicon=load_lexicon(social_media=_SETTINGS["social_media"]))
        _SENTENCE_SCORES.put(piece, result)
        pending[piece] = (toks, result, [])


def clear_score_caches() -> None:
    """Forget every cached score (after the names lists change)."""
    score_text.cache_clear()
    _SENTENCE_SCORES.cache_clear()


def _require_corpus(corpus) -> None:
    for name in ("documents", "sentences", "paragraphs"):
        if not hasattr(corpus, name):
            raise TypeError(f"expected an analysis.Corpus, got {type(corpus).__name__}")


def _label_column(values: Iterable[float]) -> pd.Series:
    return pd.Series([polarity_label(v) for v in values], dtype=pd.CategoricalDtype(list(_LABELS)))


def _score_columns(scores: list[Analysis]) -> dict[str, pd.api.extensions.ExtensionArray]:
    """The ``polarity`` and ``subjectivity`` columns of a list of scores."""
    return {
        "polarity": pd.array([r.polarity for r in scores], dtype="float64"),
        "subjectivity": pd.array([r.subjectivity for r in scores], dtype="float64"),
    }


def sentence_sentiment(corpus: "Corpus", *, parses: Any = None) -> pd.DataFrame:
    """One row per sentence.

    Columns: doc_id (str), sent_id (int), para_id (int), start, end (int:
    offsets into the document text), text (str), polarity (float, [-1, 1]),
    subjectivity (float, [0, 1]), label (category: negative / neutral /
    positive), n_assessments (int: opinion words, emoji and cues found).
    ``parses``: a :class:`~analysis.syntax.parses.ParseStore` whose parses the
    names filter reads (and adds to), shared with the other analyses.
    """
    _require_corpus(corpus)
    s = corpus.sentences
    texts = [corpus.text(d)[a:b] for d, a, b in zip(s["doc_id"], s["start"], s["end"])]
    scores = _sentence_scores(corpus, texts, parses)
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
    out["n_assessments"] = pd.array([len(r.assessments) for r in scores], dtype="int64")
    return out


def sentence_assessments(corpus: "Corpus") -> pd.DataFrame:
    """The words, phrases, emoji and cues that moved each sentence's score.

    Columns: doc_id (str), sent_id (int), start, end (int: offsets into the
    document text), text (str: the word or phrase as written), polarity
    (float: contribution after negation, intensifiers, exclamation),
    base_polarity (float: the lexicon's value), subjectivity (float: evidence
    added), weight (float: contrast weight), rules (str: comma-separated rules
    applied, e.g. ``negated,intensified``; ``cue`` for subjectivity-only cues).
    """
    _require_corpus(corpus)
    rows = []
    s = corpus.sentences
    texts = [corpus.text(d)[a:b] for d, a, b in zip(s["doc_id"], s["start"], s["end"])]
    # the scores sentence_sentiment computed (cached by text), not the sentences analysed again
    for d, sid, a, result in zip(s["doc_id"], s["sent_id"], s["start"], _sentence_scores(corpus, texts)):
        for x in result.assessments:
            rows.append((d, int(sid), a + x.start, a + x.end, x.text, x.polarity, x.base_polarity,
                         x.subjectivity, x.weight, ",".join(x.rules)))
    cols = ["doc_id", "sent_id", "start", "end", "text", "polarity", "base_polarity", "subjectivity", "weight", "rules"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64", "text": "string",
                       "polarity": "float64", "base_polarity": "float64", "subjectivity": "float64",
                       "weight": "float64", "rules": "string"})


def paragraph_sentiment(corpus: "Corpus") -> pd.DataFrame:
    """One row per paragraph, scored as one text (all its opinion words together).

    Columns: doc_id (str), para_id (int), start, end (int), polarity (float),
    subjectivity (float), label (category), n_sentences (int),
    mean_sentence_polarity (float: plain mean over its sentences).
    """
    _require_corpus(corpus)
    p = corpus.paragraphs
    scores = [score_text(corpus.text(d)[a:b]) for d, a, b in zip(p["doc_id"], p["start"], p["end"])]
    out = pd.DataFrame({
        "doc_id": p["doc_id"].astype("string").to_numpy(),
        "para_id": p["para_id"].astype("int64").to_numpy(),
        "start": p["start"].astype("int64").to_numpy(),
        "end": p["end"].astype("int64").to_numpy(),
        **_score_columns(scores),
    })
    out["label"] = _label_column(out["polarity"])
    sents = sentence_sentiment(corpus)
    agg = sents.groupby(["doc_id", "para_id"], observed=True).agg(
        n_sentences=("sent_id", "size"), mean_sentence_polarity=("polarity", "mean")).reset_index()
    out = out.merge(agg, on=["doc_id", "para_id"], how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    return out


def document_sentiment(corpus: "Corpus") -> pd.DataFrame:
    """One row per document.

    Columns: doc_id (str), title (str|None), polarity (float: the whole text
    scored at once), subjectivity (float), label (category), n_sentences (int),
    mean_sentence_polarity (float), share_negative, share_neutral,
    share_positive (float: fractions of its sentences with each label),
    most_negative_sent_id, most_positive_sent_id (Int64: extreme sentences,
    <NA> when the document has no sentence).
    """
    _require_corpus(corpus)
    docs = corpus.documents
    scores = [score_text(t) for t in docs["text"].astype(str)]
    out = pd.DataFrame({
        "doc_id": docs["doc_id"].astype("string").to_numpy(),
        "title": docs["title"].astype("string").to_numpy(),
        **_score_columns(scores),
    })
    out["label"] = _label_column(out["polarity"])
    sents = sentence_sentiment(corpus)
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


def attribution_sentiment(corpus: "Corpus", attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone of each piece of content attributed to a speaker.

    ``attributions`` is the table of :func:`analysis.attribution.extract_attributions`
    (computed when None; needs doc_id, speaker_canonical, content_start,
    content_end). Columns: doc_id (str), speaker (str), content_start,
    content_end (int), content (str), polarity, subjectivity (float), label
    (category). Empty when attribution is unavailable.
    """
    _require_corpus(corpus)
    cols = ["doc_id", "speaker", "content_start", "content_end", "content", "polarity", "subjectivity", "label"]
    if attributions is None:
        attributions = _load_attributions(corpus)
    if attributions is None or len(attributions) == 0:
        attributions = pd.DataFrame({c: [] for c in _ATTRIBUTION_NEEDED})
    missing = [c for c in _ATTRIBUTION_NEEDED if c not in attributions.columns]
    if missing:
        raise ValueError(f"attributions table lacks column(s) {', '.join(missing)}; "
                         f"expected at least {', '.join(_ATTRIBUTION_NEEDED)}")
    rows = []
    for d, sp, a, b in zip(attributions["doc_id"], attributions["speaker_canonical"],
                           attributions["content_start"], attributions["content_end"]):
        if pd.isna(a) or pd.isna(b) or pd.isna(sp):
            continue
        content = corpus.text(str(d))[int(a):int(b)]
        r = score_text(content)
        rows.append((str(d), str(sp), int(a), int(b), content, r.polarity, r.subjectivity))
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


def source_sentiment(corpus: "Corpus", attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone by source: content attributed to each speaker, summarised.

    Columns: speaker (str), n (int: attributed passages), n_documents (int),
    mean_polarity, mean_subjectivity (float), share_negative, share_neutral,
    share_positive (float). Sorted by n. Empty when attribution is unavailable.
    """
    return _summarise(attribution_sentiment(corpus, attributions), "speaker")


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


def entity_mentions(corpus: "Corpus", entities: Mapping[str, str] | str | Path | None = None) -> pd.DataFrame:
    """Sentences that mention each entity, with the sentence's tone.

    ``entities`` maps alias → canonical name (default: ``data/sentiment/entity_aliases.tsv``;
    a path to such a file is accepted). Aliases in capitals match case-sensitively.
    Columns: entity (str), doc_id (str), sent_id (int), start, end (int: the
    first mention's offsets in the document), alias (str: as written),
    polarity, subjectivity (float), label (category). One row per entity and
    sentence.
    """
    pats = _entity_patterns(entities)
    sents = sentence_sentiment(corpus)
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
                     mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone of the sentences that mention each entity or topic, summarised.

    Columns: entity (str), n (int: sentences), n_documents (int),
    mean_polarity, mean_subjectivity (float), share_negative, share_neutral,
    share_positive (float). Sorted by n. The tone is the sentence's, not
    necessarily the tone towards the entity. ``mentions`` is
    :func:`entity_mentions`'s table, when already computed (e.g. read from
    :mod:`analysis.results`).
    """
    return _summarise(entity_mentions(corpus, entities) if mentions is None else mentions, "entity")
