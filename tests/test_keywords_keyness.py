"""Keyness against wordfreq's general Italian: names and topic words first."""
from __future__ import annotations

import math
import socket

import numpy as np
import pytest

from analysis import corpus_from_texts
from analysis.keywords import keyness, reference_frequency
from analysis.keywords.statistics import chi2_p_value, log_likelihood, log_ratio
from analysis.stopwords import STOP_WORDS


def test_seed_topic_words_rank_high(seed_corpus):
    table = keyness(seed_corpus)
    top = table["term"].head(10).tolist()
    for word in ("Putin", "Pyongyang", "nordcoreani"):
        assert word in top, (word, top)
    assert table["log_likelihood"].head(10).min() > 10.83  # p < 0.001


def test_function_words_never_rank_high(seed_corpus):
    table = keyness(seed_corpus)
    lower_stops = {t for t in table["term"] if t.lower().replace("\u2019", "'") in STOP_WORDS}
    # only capitalised name parts such as "Un" (Kim Jong Un) may be stop words
    assert all(t[:1].isupper() for t in lower_stops)
    top = set(table["term"].head(len(table) // 2))
    assert not (lower_stops & top)


def test_sorted_most_distinctive_first(seed_corpus):
    table = keyness(seed_corpus)
    over = table[table["direction"] == "over"]
    under = table[table["direction"] == "under"]
    assert over["log_likelihood"].is_monotonic_decreasing
    assert under["log_likelihood"].is_monotonic_increasing
    assert (over.index.max() if len(over) else -1) < (under.index.min() if len(under) else len(table))
    assert ((table["log_ratio"] > 0) == (table["direction"] == "over")).all()


def test_ordering_on_a_small_corpus():
    # "Pyongyang" is rare in general Italian, "casa" very common: the same
    # count makes Pyongyang far more key.
    corpus = corpus_from_texts({"d": "Pyongyang e la casa. Pyongyang e la casa. Pyongyang e la casa."})
    table = keyness(corpus).set_index("term")
    assert table.loc["Pyongyang", "log_likelihood"] > table.loc["casa", "log_likelihood"]
    assert table.index[0] == "Pyongyang"


def test_word_absent_from_wordfreq_is_smoothed():
    corpus = corpus_from_texts({"d": "Il multipolarizzato ordine."})
    row = keyness(corpus).set_index("term").loc["multipolarizzato"]
    assert not row["in_reference"] and row["ref_count"] == 0.5
    assert math.isfinite(row["log_ratio"]) and math.isfinite(row["log_likelihood"])


def test_glued_elisions_credited_to_the_word():
    # wordfreq lists "dell'ucraina" as one entry; our tokenizer splits it.
    import wordfreq

    plain = wordfreq.get_frequency_dict("it", wordlist="large")["ucraina"]
    assert reference_frequency("Ucraina") > plain


def test_wordfreq_works_offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert reference_frequency("governo") > 0


def test_corpus_as_reference():
    target = corpus_from_texts({"t": "Putin parla. Putin tace. Il governo decide."})
    reference = corpus_from_texts({"r": "Il governo decide. Il governo parla. Il governo tace."})
    table = keyness(target, reference).set_index("term")
    assert table.loc["Putin", "direction"] == "over" and not table.loc["Putin", "in_reference"]
    assert table.loc["governo", "direction"] == "under"


def test_log_likelihood_worked_example():
    # Worked by hand: a=2 of n1=4, b=0 of n2=4 → cells (2, 2 | 0, 4), total 8,
    # expected (1, 3 | 1, 3): G² = 2·(2·ln2 + 2·ln(2/3) + 4·ln(4/3)).
    expected = 2 * (2 * math.log(2) + 2 * math.log(2 / 3) + 4 * math.log(4 / 3))
    assert log_likelihood(2, 0, 4, 4) == pytest.approx(expected)
    assert log_likelihood(10, 100, 1000, 10000) == pytest.approx(0.0, abs=1e-9)  # same rate
    assert log_likelihood(3, 7, 50, 90) == pytest.approx(log_likelihood(7, 3, 90, 50))


def test_log_ratio_and_p_value():
    assert log_ratio(4, 2, 100, 100) == pytest.approx(1.0)  # twice as frequent
    assert log_ratio(1, 0, 1, 1) == pytest.approx(1.0)  # zero → 0.5
    assert chi2_p_value(np.array([3.841459]))[0] == pytest.approx(0.05, abs=1e-5)


@pytest.mark.parametrize("kwargs", [{"reference": "coris"}, {"reference": 3}, {"min_count": 0}, {"reference_size": -1}])
def test_bad_options_raise_value_error(seed_corpus, kwargs):
    with pytest.raises(ValueError):
        keyness(seed_corpus, **kwargs)
