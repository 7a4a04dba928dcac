"""Keyness: terms unusually frequent in the corpus compared with general Italian.

The reference is the Italian word list of the `wordfreq` package (a blend of
Wikipedia, subtitles, news, books, web text and social media, shipped inside
the package, so nothing is downloaded), or another :class:`~analysis.Corpus`.

**From frequencies to a reference corpus.** wordfreq gives each word a
frequency (a share of all tokens), not a count, and does not publish the size
of the corpora behind it. We treat it as a corpus of
:data:`REFERENCE_SIZE` = 10⁸ tokens: the rarest word its large Italian list
contains has frequency ≈ 1·10⁻⁸, i.e. one occurrence in such a corpus, so no
listed word gets a count below 1. A word's reference count is
``b = frequency × REFERENCE_SIZE``. (The real sources are larger; a larger size
would only make every G² larger, not change the ranking much.)

**Tokenisation.** wordfreq keeps articulated prepositions glued to the next
word (``dell'ucraina`` is one entry), while our tokenizer splits them
(``dell’`` + ``Ucraina``). The frequency of each glued entry is therefore
added to the word after the apostrophe, so *Ucraina* is compared with all its
uses in general Italian.

**Smoothing.** A word wordfreq does not list (*multipolarizzato*) gets a
reference count of 0.5 (:data:`~analysis.keywords.statistics.ZERO_COUNT`, half
the smallest listed count), in both statistics: it ranks high when repeated,
but one occurrence is not infinitely key.

**Statistics** (see :mod:`analysis.keywords.statistics`): log-likelihood G²
over the 2×2 table (term vs other running words, corpus vs reference) says how
certain the difference is; Hardie's log ratio says how large it is. Candidate
terms are content word forms (stop words, punctuation and numbers out, see
:mod:`analysis.keywords.terms`); the corpus size ``N1`` counts every running
word, stop words included, as wordfreq's frequencies do. Forms, not lemmas,
because wordfreq lists forms.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from .statistics import ZERO_COUNT, chi2_p_value, log_likelihood, log_ratio
from .terms import labelled_tokens, running_word_mask, term_key

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["keyness", "reference_frequency", "ReferenceName", "REFERENCE_SIZE", "KEYNESS_COLUMNS"]

#: Named references; a :class:`~analysis.Corpus` is accepted too.
ReferenceName = Literal["wordfreq"]
#: Notional size, in tokens, of the wordfreq reference corpus (see module doc).
REFERENCE_SIZE = 100_000_000
KEYNESS_COLUMNS = (
    "term", "count", "per_10k", "ref_count", "ref_per_10k", "in_reference",
    "log_likelihood", "log_ratio", "p_value", "direction",
)


@lru_cache(maxsize=1)
def _wordfreq_table() -> dict[str, float]:
    """wordfreq's large Italian list, with glued elisions credited to their word."""
    import wordfreq  # local import: loading the list takes a moment

    table = dict(wordfreq.get_frequency_dict("it", wordlist="large"))
    for key, freq in list(table.items()):
        if "'" in key:
            word = key.rsplit("'", 1)[1]
            if word:
                table[word] = table.get(word, 0.0) + freq
    return table


def reference_frequency(word: str) -> float:
    """Frequency of ``word`` in general Italian (wordfreq, elisions credited); 0 if unlisted.

    A hyphenated word (*know-how*), which wordfreq splits, gets wordfreq's own
    estimate for the sequence of its parts.
    """
    key = term_key(word)
    freq = _wordfreq_table().get(key, 0.0)
    if freq == 0.0 and "-" in key.strip("-"):
        import wordfreq

        freq = float(wordfreq.word_frequency(key, "it", wordlist="large"))
    return freq


def keyness(
    corpus: "Corpus",
    reference: ReferenceName | "Corpus" = "wordfreq",
    *,
    min_count: int = 1,
    reference_size: int = REFERENCE_SIZE,
) -> pd.DataFrame:
    """Terms over- (and under-) represented in ``corpus`` against ``reference``.

    ``reference`` is ``"wordfreq"`` (general Italian, see the module doc) or
    another Corpus (its content forms and running words are counted the same
    way; ``reference_size`` is then ignored).

    Columns, sorted most distinctive first (over-represented terms by
    decreasing G², then under-represented ones by increasing G²):
        term (str): content word form as displayed (names keep capitals).
        count (int): occurrences in the corpus (``a``).
        per_10k (float): per 10,000 running words of the corpus.
        ref_count (float): count in the reference (``b``); 0.5 when absent.
        ref_per_10k (float): per 10,000 tokens of the reference (unsmoothed).
        in_reference (bool): the reference has the word.
        log_likelihood (float): G² (≥ 0; 3.84 ≈ p 0.05, 10.83 ≈ p 0.001).
        log_ratio (float): log2 of the ratio of relative frequencies
            (+1 = twice as frequent as in the reference).
        p_value (float): χ² (1 df) p-value of G².
        direction (str): ``"over"`` or ``"under"``.

    Terms with ``count < min_count`` are left out.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer; got {min_count!r}")
    from ..corpus import Corpus

    if isinstance(reference, Corpus):
        ref_counts, ref_size = _corpus_counts(reference)
        lookup = lambda term: float(ref_counts.get(term_key(term), 0))  # noqa: E731
    elif isinstance(reference, str) and reference == "wordfreq":
        if isinstance(reference_size, bool) or not isinstance(reference_size, (int, float)) or reference_size <= 0:
            raise ValueError(f"reference_size must be a positive number of tokens; got {reference_size!r}")
        ref_size = float(reference_size)
        lookup = lambda term: reference_frequency(term) * ref_size  # noqa: E731
    else:
        raise ValueError(f"reference must be 'wordfreq' or a Corpus; got {reference!r}")

    tokens = corpus.tokens
    content = labelled_tokens(tokens, by="form") if not tokens.empty else tokens
    if content.empty:
        return _empty()
    n1 = float(running_word_mask(tokens).sum())
    counts = content["term"].value_counts()
    counts = counts[counts >= min_count]
    if counts.empty:
        return _empty()
    terms = counts.index.astype(str).tolist()
    a = counts.to_numpy(dtype="float64")
    raw_b = np.array([lookup(t) for t in terms], dtype="float64")
    b = np.where(raw_b > 0, raw_b, ZERO_COUNT)
    g2 = log_likelihood(a, b, n1, ref_size)
    lr = log_ratio(a, b, n1, ref_size)
    over = (a / n1) >= (b / ref_size)
    out = pd.DataFrame(
        {
            "term": pd.Series(terms, dtype="string"),
            "count": a.astype("int64"),
            "per_10k": a / n1 * 10_000,
            "ref_count": b,
            "ref_per_10k": raw_b / ref_size * 10_000,
            "in_reference": raw_b > 0,
            "log_likelihood": g2,
            "log_ratio": lr,
            "p_value": chi2_p_value(g2),
            "direction": pd.Series(np.where(over, "over", "under"), dtype="string"),
        }
    )
    out["_rank"] = np.where(over, g2, -g2)
    out = out.sort_values(["_rank", "count", "term"], ascending=[False, False, True], kind="mergesort")
    return out.drop(columns="_rank").reset_index(drop=True)[list(KEYNESS_COLUMNS)]


def _corpus_counts(corpus: "Corpus") -> tuple[dict[str, int], float]:
    tokens = corpus.tokens
    if tokens.empty:
        raise ValueError("the reference corpus has no tokens")
    content = labelled_tokens(tokens, by="form")
    counts: dict[str, int] = {}
    for term, n in content["term"].value_counts().items():
        key = term_key(str(term))
        counts[key] = counts.get(key, 0) + int(n)
    return counts, float(running_word_mask(tokens).sum())


def _empty() -> pd.DataFrame:
    dtypes = {"term": "string", "count": "int64", "per_10k": "float64", "ref_count": "float64", "ref_per_10k": "float64",
              "in_reference": "bool", "log_likelihood": "float64", "log_ratio": "float64", "p_value": "float64", "direction": "string"}
    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in KEYNESS_COLUMNS})
