"""Collocates: PMI and log-likelihood on a corpus small enough to count by hand."""
from __future__ import annotations

import math

import pytest

from analysis import corpus_from_texts
from analysis.keywords import collocates


def test_hand_counted_collocates():
    # Content words (the articles "Il" are stop words): missile balistico cade /
    # missile balistico vola / gatto dorme → N = 8. With window 2 the node
    # "missile" sees balistico, cade and balistico, vola → W = 4.
    corpus = corpus_from_texts({"d": "Il missile balistico cade. Il missile balistico vola. Il gatto dorme."})
    table = collocates(corpus, "missile", window=2, by="form").set_index("collocate")
    assert set(table.index) == {"balistico", "cade", "vola"}
    row = table.loc["balistico"]
    assert row["count"] == 2 and row["collocate_freq"] == 2 and row["right"] == 2 and row["left"] == 0
    assert row["expected"] == pytest.approx(4 * 2 / 8)  # W · f_c / N
    assert row["pmi"] == pytest.approx(1.0)  # log2(2 / 1)
    # 2×2 table (2, 2 | 0, 4), worked by hand in test_keywords_keyness
    assert row["log_likelihood"] == pytest.approx(2 * (2 * math.log(2) + 2 * math.log(2 / 3) + 4 * math.log(4 / 3)))
    assert table.loc["cade", "pmi"] == pytest.approx(1.0)  # log2(1 / 0.5)
    assert table.index[0] == "balistico"  # sorted by log-likelihood


def test_seed_collocates_of_missile(seed_corpus):
    table = collocates(seed_corpus, "missile", window=3)
    assert table.iloc[0]["collocate"] == "balistico"  # always next to it (4 of 4)
    assert table.iloc[0]["count"] == 4


def test_unknown_term_gives_empty_table(seed_corpus):
    assert collocates(seed_corpus, "zanzara").empty


@pytest.mark.parametrize("kwargs", [{"window": 0}, {"min_count": 0}, {"by": "x"}])
def test_bad_options_raise_value_error(seed_corpus, kwargs):
    with pytest.raises(ValueError):
        collocates(seed_corpus, "Putin", **kwargs)


def test_names_are_one_collocate_and_never_their_own():
    text = ("Il portavoce ha detto: «La Corea del Nord e Kim Jong Un minacciano la pace in Asia». "
            "Poi la pace con la Corea del Nord è tornata.")
    corpus = corpus_from_texts({"d": text})
    table = collocates(corpus, "pace", window=5, by="form").set_index("collocate")
    assert table.loc["Corea del Nord", "count"] == 2 and table.loc["Kim Jong Un", "count"] == 1
    assert not {"Corea", "Nord", "Kim", "Jong", "Un"} & set(table.index)
    split = collocates(corpus, "pace", window=5, by="form", names=False)
    assert {"Nord", "Jong", "Un"} <= set(split["collocate"])
    # "Nord" is inside the name "Corea del Nord": that name is not its collocate.
    around_nord = collocates(corpus, "Nord", window=5, by="form")
    assert not {"Corea", "Corea del Nord"} & set(around_nord["collocate"])
