"""What the trained analyzer reads in a text: word and character n-grams, and the lexicon's own scores.

One code path for training (``training/sentiment.py``) and for scoring, so
that a text gets exactly the same features in both:

* **word n-grams** (:data:`WORD_NGRAMS`) of our tokens, lower case; numbers,
  links, e-mail addresses and @handles become placeholders, a hashtag is
  kept and its camel-case words added ("#NonCiStoPiù" → non ci sto più);
* **character n-grams** (:data:`CHAR_NGRAMS`) inside each word padded with
  spaces (scikit-learn's ``char_wb``): they read inflections and tweets'
  spellings ("arrestat", "vergogn");
* **the lexicon's own scores** (:func:`lexicon_features`): polarity,
  subjectivity, the positive and negative evidence and its strongest words,
  negations, cues, names and senses skipped, from
  :func:`analysis.textblob_it.analyze` of the same text;
* **the domain**: news or tweets, as an indicator and as a copy of the
  lexicon scores that only tweets switch on (the two kinds of labels differ:
  a crime reported in news is negative, the same words in a tweet are
  often labelled neutral when nobody takes a stand).

Each n-gram block is weighted like scikit-learn's ``TfidfVectorizer``
(``sublinear_tf=True``, smoothed idf, l2 norm per block); a test checks the
two agree.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Literal, Sequence

import numpy as np

from ..tokenization import Token
from .analyzer import Analysis, split_hashtag
from .lexicon import normalise

__all__ = [
    "Domain", "DOMAINS", "WORD_NGRAMS", "CHAR_NGRAMS", "LEXICON_FEATURES", "word_terms", "char_terms", "char_forms",
    "form_char_terms", "word_forms",
    "lexicon_features", "NgramBlock", "dense_features",
]

Domain = Literal["news", "tweets"]
DOMAINS: tuple[Domain, ...] = ("news", "tweets")
#: Word n-gram lengths.
WORD_NGRAMS = (1, 2)
#: Character n-gram lengths inside a word.
CHAR_NGRAMS = (2, 5)
#: The lexicon scores, in the order of :func:`lexicon_features`.
LEXICON_FEATURES: tuple[str, ...] = (
    "polarity", "subjectivity", "positive", "negative", "n_positive", "n_negative", "strongest_positive",
    "strongest_negative", "negated", "cues", "skipped_names", "senses", "is_positive", "is_negative", "length",
)

_PLACEHOLDERS = {"number": "<num>", "url": "<url>", "email": "<email>"}
_NO_CHARS = frozenset({"number", "url", "email", "punct", "emoticon", "symbol"})


def word_forms(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """``(form, kind)`` of each token as the features see it."""
    out: list[tuple[str, str]] = []
    for t in tokens:
        if t.kind in _PLACEHOLDERS:
            out.append((_PLACEHOLDERS[t.kind], t.kind))
        elif t.kind == "handle" and t.text.startswith("@"):
            out.append(("@user", "handle"))
        elif t.kind == "handle":
            out.append(("#" + normalise(t.text[1:]), "hashtag"))
            parts = split_hashtag(t)
            if len(parts) > 1:
                out += [(normalise(p.text), "word") for p in parts]
        elif t.kind == "punct" and len(t.text) > 2 and len(set(t.text)) == 1:
            out.append((t.text[:2], "punct"))  # "!!!!" as "!!"
        else:
            out.append((normalise(t.text), t.kind))
    return out


def word_terms(tokens: Sequence[Token], forms: Sequence[tuple[str, str]] | None = None) -> list[str]:
    """The word n-grams of a text's tokens (``w:`` and the words joined by a space); ``forms``: their
    :func:`word_forms`, when already known."""
    words = [f for f, _ in (word_forms(tokens) if forms is None else forms)]
    out = []
    for n in range(WORD_NGRAMS[0], WORD_NGRAMS[1] + 1):
        out += ["w:" + " ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    return out


def char_forms(tokens: Sequence[Token], forms: Sequence[tuple[str, str]] | None = None) -> list[str]:
    """The words whose character n-grams are read, as the features see them (lower case, hashtags without #);
    ``forms``: the tokens' :func:`word_forms`, when already known."""
    forms = word_forms(tokens) if forms is None else forms
    return [form.lstrip("#") for form, kind in forms if kind not in _NO_CHARS and kind != "handle"]


def form_char_terms(form: str) -> list[str]:
    """The character n-grams of one word, padded with a space on either side (``c:`` and the n-gram)."""
    padded = f" {form} "
    lo, hi = CHAR_NGRAMS
    return ["c:" + padded[i:i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


def char_terms(tokens: Sequence[Token]) -> list[str]:
    """The character n-grams inside each word of the tokens (:func:`form_char_terms`)."""
    return [t for form in char_forms(tokens) for t in form_char_terms(form)]


def lexicon_features(analysis: Analysis, n_words: int) -> list[float]:
    """The lexicon's scores of a text (:data:`LEXICON_FEATURES`), from its :class:`Analysis`."""
    pos = neg = 0.0
    n_pos = n_neg = negated = cues = skipped = senses = 0
    top_pos = top_neg = 0.0
    for a in analysis.assessments:
        rules = a.rules
        if rules and rules[0] == "skipped":
            skipped += 1
        elif rules and rules[0] == "sense":
            senses += 1
        elif rules == ("cue",):
            cues += a.subjectivity > 0
        elif a.polarity > 0:
            pos += a.polarity * a.weight
            n_pos += 1
            top_pos = max(top_pos, a.polarity)
        elif a.polarity < 0:
            neg -= a.polarity * a.weight
            n_neg += 1
            top_neg = max(top_neg, -a.polarity)
        if "negated" in rules:
            negated += 1
    p = analysis.polarity
    return [p, analysis.subjectivity, math.log1p(pos), math.log1p(neg), math.log1p(n_pos), math.log1p(n_neg),
            top_pos, top_neg, math.log1p(negated), math.log1p(cues), math.log1p(skipped), math.log1p(senses),
            float(p > 0.05), float(p < -0.05), math.log1p(n_words) / 4.0]


def dense_features(analysis: Analysis, n_words: int, domain: Domain, scale: float) -> list[float]:
    """The lexicon scores, their copy for tweets, and the tweet indicator, times ``scale``."""
    if domain not in DOMAINS:
        raise ValueError(f"domain must be one of {', '.join(DOMAINS)}, got {domain!r}")
    lex = [scale * x for x in lexicon_features(analysis, n_words)]
    tweet = domain == "tweets"
    return lex + [x if tweet else 0.0 for x in lex] + [scale if tweet else 0.0]


@dataclass
class NgramBlock:
    """A vocabulary of n-grams with their idf: one block of the feature vector.

    ``row`` weights a text's terms as ``TfidfVectorizer(sublinear_tf=True,
    smooth_idf=True, norm="l2")`` would with this vocabulary.
    """

    vocab: dict[str, int]
    idf: np.ndarray

    def __post_init__(self) -> None:
        self._forms: dict[str, tuple[int, ...]] = {}  # word → columns of its character n-grams (form_columns)

    def __len__(self) -> int:
        return len(self.vocab)

    @classmethod
    def fit(cls, docs: Iterable[Sequence[str]], *, min_df: int = 2, max_features: int | None = None) -> "NgramBlock":
        """Terms seen in at least ``min_df`` documents, the ``max_features`` most frequent (ties by term)."""
        df: Counter[str] = Counter()
        n = 0
        for terms in docs:
            df.update(set(terms))
            n += 1
        kept = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))
        if max_features is not None:
            kept = kept[:max_features]
        kept.sort()
        vocab = {t: i for i, t in enumerate(kept)}
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept], dtype=np.float64)
        return cls(vocab, idf)

    def columns(self, terms: Sequence[str]) -> list[int]:
        """The column of each term in the vocabulary (repeated as often as the term; unknown terms left out)."""
        vocab = self.vocab
        return [vocab[t] for t in terms if t in vocab]

    def form_columns(self, forms: Sequence[str]) -> list[int]:
        """:meth:`columns` of the character n-grams of ``forms`` (:func:`form_char_terms`), each word's columns
        looked up once and kept (words repeat: this is most of the speed of the trained analyzer)."""
        cache, vocab = self._forms, self.vocab
        out: list[int] = []
        for form in forms:
            cols = cache.get(form)
            if cols is None:
                cols = tuple(vocab[t] for t in form_char_terms(form) if t in vocab)
                if len(cache) < 200_000:
                    cache[form] = cols
            out.extend(cols)
        return out

    def weigh(self, columns: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, columns and weights (sublinear tf × idf, l2-normalised per row) of texts given as the columns
        of their terms (:meth:`columns`), all texts at once."""
        n, width = len(columns), max(len(self.vocab), 1)
        lengths = np.fromiter((len(c) for c in columns), dtype=np.int64, count=n)
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        cols = np.fromiter(chain.from_iterable(columns), dtype=np.int64, count=int(lengths.sum()))
        keys, counts = np.unique(rows * width + cols, return_counts=True)
        rows, cols = keys // width, keys % width
        vals = (1.0 + np.log(counts)) * self.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n))
        return rows, cols, vals / norms[rows] if len(vals) else vals

    def row(self, terms: Sequence[str]) -> tuple[list[int], list[float]]:
        """Column indices and weights of one text's terms (what :meth:`weigh` gives that text)."""
        _, cols, vals = self.weigh([self.columns(terms)])
        return cols.tolist(), vals.tolist()
