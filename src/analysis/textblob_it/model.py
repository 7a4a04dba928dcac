"""The trained Italian sentiment model: two linear heads over n-grams and the lexicon's scores.

A polarity head (negative / neutral / positive) and a subjectivity head
(OBJ / SUBJ), logistic regressions trained by ``training/sentiment.py``
(``make sentiment-model``) on SENTIPOLC 2016 and CheckThat! (the halves we
do not hold back) and on our labelled news sentences. Features:
:mod:`analysis.textblob_it.features`.

The model is plain data in ``data/sentiment/model/``: the vocabularies and
idf weights (``features.npz``), each head's coefficients (``polarity.npz``,
``subjectivity.npz``: numbers and strings, read with ``allow_pickle=False``)
and ``meta.json`` (settings, training data, measured scores, licence). No
pickled object, so it loads with any version of NumPy, without
scikit-learn, and can be read and checked by hand.

Scores keep the lexicon's scales, so every table reads them alike:

* ``polarity`` = P(positive) − P(negative), placed beyond ±0.05 (the
  threshold of every polarity label in the workbook) exactly when positive
  or negative is the most likely class (:func:`polarity_score`);
* ``subjectivity`` = P(SUBJ), stretched so that the threshold chosen in
  training (per domain) falls on 0.5.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy as np

from ..paths import DATA_DIR
from ..tokenization import Token
from .analyzer import Analysis
from .features import DOMAINS, Domain, NgramBlock, char_forms, dense_features, word_forms, word_terms

__all__ = ["MODEL_PATH", "LinearHead", "ModelSettings", "ModelScore", "SentimentModel", "load_model", "feature_matrix",
           "LABEL_THRESHOLD", "SUBJECTIVE_THRESHOLD", "stretch", "polarity_score", "polarity_class"]

#: Where the shipped model lives.
MODEL_PATH: Path = DATA_DIR / "sentiment" / "model"
#: The polarity every label of the workbook is cut at (as :data:`analysis.sentiment.POLARITY_THRESHOLD`).
LABEL_THRESHOLD = 0.05
#: Subjectivity at or above this is SUBJ.
SUBJECTIVE_THRESHOLD = 0.5


def stretch(x: float, threshold: float, target: float) -> float:
    """``x`` in [-1, 1] mapped piecewise linearly so that ±``threshold`` lands on ±``target`` (and ±1 on ±1)."""
    a = abs(x)
    if a <= threshold:
        y = target * a / threshold if threshold > 0 else target
    else:
        y = target + (1.0 - target) * (a - threshold) / (1.0 - threshold)
    return y if x >= 0 else -y


def polarity_class(p_negative: float, p_neutral: float, p_positive: float) -> str:
    """The most likely class; a tie between a polar class and neutral goes to the polar one."""
    if p_positive >= p_neutral and p_positive > p_negative:
        return "positive"
    if p_negative >= p_neutral and p_negative > p_positive:
        return "negative"
    return "neutral"


def polarity_score(p_negative: float, p_neutral: float, p_positive: float) -> float:
    """P(positive) − P(negative) on the workbook's scale: beyond ±:data:`LABEL_THRESHOLD` exactly when
    :func:`polarity_class` is positive or negative, within it when neutral.

    A polar text gets ``±(0.05 + 0.95·|d|)``, a neutral one ``0.05·d``
    (``d`` = P(positive) − P(negative)): the sign and order of ``d`` are kept
    within each class, and ``polarity_label`` gives the model's class.
    """
    d = p_positive - p_negative
    label = polarity_class(p_negative, p_neutral, p_positive)
    if label == "neutral":
        return LABEL_THRESHOLD * d
    return (1 if label == "positive" else -1) * (LABEL_THRESHOLD + (1.0 - LABEL_THRESHOLD) * abs(d))


@dataclass
class LinearHead:
    """A logistic regression: ``classes``, ``coef`` (one row per class, or one row for two classes), ``intercept``."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, X) -> np.ndarray:
        """Class probabilities, one row per row of ``X`` (a sparse or dense matrix), columns as ``classes``."""
        z = np.asarray(X @ self.coef.T, dtype=np.float64) + self.intercept
        if len(self.classes) == 2 and self.coef.shape[0] == 1:
            p = 1.0 / (1.0 + np.exp(-z[:, 0]))
            return np.column_stack([1.0 - p, p])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_classes": np.array(self.classes), f"{prefix}_coef": self.coef.astype(np.float32),
                f"{prefix}_intercept": self.intercept.astype(np.float64)}

    @classmethod
    def from_arrays(cls, data, prefix: str) -> "LinearHead":
        return cls(tuple(str(c) for c in data[f"{prefix}_classes"]), np.asarray(data[f"{prefix}_coef"], np.float64),
                   np.asarray(data[f"{prefix}_intercept"], np.float64))


@dataclass
class ModelSettings:
    """How features are built and scores cut: saved with the model, chosen in training."""

    #: Weight of the lexicon scores beside the l2-normalised n-gram blocks.
    lexicon_scale: float = 1.0
    #: P(SUBJ) from which a text is SUBJ, per domain.
    subjectivity_threshold: dict[str, float] = field(default_factory=lambda: {d: 0.5 for d in DOMAINS})


def feature_matrix(words: NgramBlock, chars: NgramBlock, lexicon_scale: float,
                   items: Sequence[tuple[Sequence[Token], Analysis, Domain]]):
    """The feature matrix (scipy CSR) of ``(tokens, lexicon analysis, domain)`` triples: word n-grams, character
    n-grams, then the lexicon scores and domain (:func:`~analysis.textblob_it.features.dense_features`)."""
    from scipy.sparse import csr_matrix

    n, n_words, n_chars = len(items), len(words), len(chars)
    word_cols, char_cols, dense = [], [], []
    for tokens, analysis, domain in items:
        forms = word_forms(tokens)
        word_cols.append(words.columns(word_terms(tokens, forms)))
        char_cols.append(chars.form_columns(char_forms(tokens, forms)))
        n_tok = sum(1 for t in tokens if t.kind not in ("punct", "symbol", "emoticon"))
        dense.append(dense_features(analysis, n_tok, domain, lexicon_scale))
    n_dense = len(dense[0]) if dense else len(dense_features(Analysis(0.0, 0.0, []), 0, "news", 1.0))
    wr, wc, wv = words.weigh(word_cols)
    cr, cc, cv = chars.weigh(char_cols)
    dr = np.repeat(np.arange(n, dtype=np.int64), n_dense)
    dc = np.tile(np.arange(n_words + n_chars, n_words + n_chars + n_dense, dtype=np.int64), n)
    dv = np.asarray(dense, dtype=np.float64).reshape(-1)
    rows = np.concatenate([wr, cr, dr])
    cols = np.concatenate([wc, cc + n_words, dc])
    vals = np.concatenate([wv, cv, dv])
    return csr_matrix((vals, (rows, cols)), shape=(n, n_words + n_chars + n_dense))


class ModelScore(NamedTuple):
    """A text scored by the model: the two scores on the lexicon's scales, and the probabilities behind them."""

    polarity: float
    subjectivity: float
    p_negative: float
    p_neutral: float
    p_positive: float
    p_subjective: float


class SentimentModel:
    """Two linear heads over shared features; :meth:`score` gives polarity and subjectivity per text.

    Build one with :func:`load_model` (the shipped model) or
    :meth:`SentimentModel.load`; ``training/sentiment.py`` builds and
    :meth:`save` writes them.
    """

    def __init__(self, words: NgramBlock, chars: NgramBlock, polarity: LinearHead, subjectivity: LinearHead,
                 settings: ModelSettings, meta: dict | None = None) -> None:
        self.words, self.chars = words, chars
        self.polarity, self.subjectivity = polarity, subjectivity
        self.settings = settings
        self.meta = meta or {}
        if polarity.classes != ("negative", "neutral", "positive"):
            raise ValueError(f"the polarity head must have classes negative, neutral, positive; got {polarity.classes}")
        if subjectivity.classes != ("OBJ", "SUBJ"):
            raise ValueError(f"the subjectivity head must have classes OBJ, SUBJ; got {subjectivity.classes}")

    @property
    def n_features(self) -> int:
        """Columns of the feature matrix (n-grams of both blocks, lexicon scores and domain)."""
        return int(self.polarity.coef.shape[1])

    def matrix(self, items: Sequence[tuple[Sequence[Token], Analysis, Domain]]):
        """The feature matrix (scipy CSR) of ``(tokens, lexicon analysis, domain)`` triples."""
        return feature_matrix(self.words, self.chars, self.settings.lexicon_scale, items)

    def score(self, items: Sequence[tuple[Sequence[Token], Analysis, Domain]]) -> list[ModelScore]:
        """:class:`ModelScore` of each ``(tokens, lexicon analysis, domain)``: tokens of the text, and its
        :func:`analysis.textblob_it.analyze` result (names skipped, the lexicon of the domain)."""
        if not items:
            return []
        X = self.matrix(items)
        pol = self.polarity.probabilities(X)
        subj = self.subjectivity.probabilities(X)[:, 1]
        out = []
        for (_, _, domain), (neg, neu, pos), s in zip(items, pol, subj):
            t_subj = self.settings.subjectivity_threshold[domain]
            polarity = polarity_score(float(neg), float(neu), float(pos))
            subjectivity = stretch(float(s), t_subj, SUBJECTIVE_THRESHOLD)  # SUBJ from t_subj on
            out.append(ModelScore(polarity, subjectivity, float(neg), float(neu), float(pos), float(s)))
        return out

    # --- files ----------------------------------------------------------------------------------------

    def save(self, path: Path = MODEL_PATH, *, meta: dict | None = None) -> None:
        """Write ``features.npz``, ``polarity.npz``, ``subjectivity.npz`` and ``meta.json`` into ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "features.npz",
                            word_vocab=np.array(sorted(self.words.vocab, key=self.words.vocab.__getitem__)),
                            word_idf=self.words.idf.astype(np.float32),
                            char_vocab=np.array(sorted(self.chars.vocab, key=self.chars.vocab.__getitem__)),
                            char_idf=self.chars.idf.astype(np.float32))
        # numbers and class names only: nothing to pickle
        np.savez_compressed(path / "polarity.npz", allow_pickle=False, **self.polarity.arrays("head"))
        np.savez_compressed(path / "subjectivity.npz", allow_pickle=False, **self.subjectivity.arrays("head"))
        record = dict(meta if meta is not None else self.meta)
        record["settings"] = {"lexicon_scale": self.settings.lexicon_scale,
                              "subjectivity_threshold": self.settings.subjectivity_threshold}
        (path / "meta.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        self.meta = record

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "SentimentModel":
        """The model saved in ``path`` (FileNotFoundError, saying how to build it, when it is not there)."""
        path = Path(path)
        if not (path / "meta.json").is_file():
            raise FileNotFoundError(f"{path}: no trained sentiment model here; build it with `make sentiment-model` "
                                    "(needs ../shared/data)")
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        with np.load(path / "features.npz", allow_pickle=False) as f:
            words = NgramBlock({str(t): i for i, t in enumerate(f["word_vocab"])}, np.asarray(f["word_idf"], np.float64))
            chars = NgramBlock({str(t): i for i, t in enumerate(f["char_vocab"])}, np.asarray(f["char_idf"], np.float64))
        with np.load(path / "polarity.npz", allow_pickle=False) as f:
            polarity = LinearHead.from_arrays(f, "head")
        with np.load(path / "subjectivity.npz", allow_pickle=False) as f:
            subjectivity = LinearHead.from_arrays(f, "head")
        s = meta.get("settings", {})
        settings = ModelSettings(float(s.get("lexicon_scale", 1.0)),
                                 {k: float(v) for k, v in s.get("subjectivity_threshold", {}).items()})
        return cls(words, chars, polarity, subjectivity, settings, meta)


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> SentimentModel:
    """The model in ``path`` (default: the shipped one), loaded once."""
    return SentimentModel.load(path)
