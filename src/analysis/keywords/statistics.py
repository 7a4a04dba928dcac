"""Association statistics shared by keyness, collocates and per-source vocabulary.

All functions are vectorised over numpy arrays and take the four cells of a
2×2 contingency table::

                      term      other words
    target            a         c = N1 - a
    reference         b         d = N2 - b

*Log-likelihood* (G², Dunning 1993) compares every observed cell O with its
expected value E under independence (E = row total × column total / grand
total)::

    G² = 2 · Σ O · ln(O / E)          (a cell with O = 0 adds 0)

It measures how sure we can be that the difference is real; G² ≥ 3.84 is
p < 0.05, 6.63 is p < 0.01, 10.83 is p < 0.001 (χ², one degree of freedom).

*Log ratio* (Hardie 2014) measures how big the difference is::

    log ratio = log2( (a / N1) / (b / N2) )

+1 means twice as frequent in the target, −1 half as frequent. A zero count is
replaced by 0.5 first, so a word absent from one side gets a large but finite
value.

*PMI* (pointwise mutual information, Church & Hanks 1990) for collocation::

    PMI = log2( O11 / E11 )
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["log_likelihood", "log_ratio", "pmi", "chi2_p_value", "ZERO_COUNT"]

#: Count used in place of zero in ratios (Hardie's convention).
ZERO_COUNT = 0.5


def _xlogx_over(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    o = np.asarray(o, dtype="float64")
    e = np.asarray(e, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where((o > 0) & (e > 0), o * np.log(np.where(o > 0, o, 1.0) / np.where(e > 0, e, 1.0)), 0.0)
    return term


def log_likelihood(a, b, n1, n2) -> np.ndarray:
    """G² of the 2×2 table: ``a`` of ``n1`` target tokens vs ``b`` of ``n2`` reference tokens."""
    a, b, n1, n2 = (np.asarray(x, dtype="float64") for x in (a, b, n1, n2))
    c = np.maximum(n1 - a, 0.0)
    d = np.maximum(n2 - b, 0.0)
    total = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        safe = np.where(total > 0, total, 1.0)
        ea, eb = (a + b) * (a + c) / safe, (a + b) * (b + d) / safe
        ec, ed = (c + d) * (a + c) / safe, (c + d) * (b + d) / safe
    g2 = 2.0 * (_xlogx_over(a, ea) + _xlogx_over(b, eb) + _xlogx_over(c, ec) + _xlogx_over(d, ed))
    return np.maximum(g2, 0.0)  # rounding can give -1e-15


def log_ratio(a, b, n1, n2) -> np.ndarray:
    """Hardie's log ratio (base 2), zero counts replaced by :data:`ZERO_COUNT`."""
    a, b, n1, n2 = (np.asarray(x, dtype="float64") for x in (a, b, n1, n2))
    a = np.where(a > 0, a, ZERO_COUNT)
    b = np.where(b > 0, b, ZERO_COUNT)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log2((a / np.where(n1 > 0, n1, 1.0)) / (b / np.where(n2 > 0, n2, 1.0)))


def pmi(observed, expected) -> np.ndarray:
    """log2(observed / expected); ``-inf`` never occurs because observed ≥ 1 where used."""
    observed = np.asarray(observed, dtype="float64")
    expected = np.asarray(expected, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log2(np.where(observed > 0, observed, np.nan) / np.where(expected > 0, expected, np.nan))


def chi2_p_value(g2) -> np.ndarray:
    """Upper-tail p-value of χ² with one degree of freedom (erfc(√(G²/2)))."""
    g2 = np.asarray(g2, dtype="float64")
    return np.vectorize(lambda x: math.erfc(math.sqrt(max(x, 0.0) / 2.0)), otypes=["float64"])(g2) if g2.size else g2
