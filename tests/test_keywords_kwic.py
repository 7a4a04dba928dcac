"""Keyword in context: offsets round-trip, forms and lemmas, phrases."""
from __future__ import annotations

import pytest

from analysis import corpus_from_texts
from analysis.keywords import kwic, term_frequencies


def test_seed_putin_occurrences(seed_corpus):
    table = kwic(seed_corpus, "Putin", window=3)
    assert list(table.columns) == ["doc_id", "left", "keyword", "right", "start", "end"]
    assert len(table) == 6  # counted by hand, see test_keywords_frequency
    first = table.iloc[0]
    assert first["left"] == "Il Presidente Vladimir" and first["right"] == "ha promesso di"


def test_offsets_round_trip_for_top_terms(seed_corpus):
    for by in ("form", "lemma"):
        for term in term_frequencies(seed_corpus, by=by)["term"].head(15):
            table = kwic(seed_corpus, term, by=by)
            assert len(table) > 0, term
            for doc_id, keyword, start, end in zip(table["doc_id"], table["keyword"], table["start"], table["end"]):
                assert seed_corpus.text(doc_id)[start:end] == keyword


def test_lemma_matching_and_phrases(seed_corpus):
    # "missile" as a lemma finds the 4 "missili"; the phrase "Corea del Nord" 5 times.
    assert kwic(seed_corpus, "missile", by="lemma")["keyword"].tolist() == ["missili"] * 4
    assert len(kwic(seed_corpus, "missile", by="form")) == 0
    assert kwic(seed_corpus, "corea del nord")["keyword"].tolist() == ["Corea del Nord"] * 5


def test_context_stays_in_paragraph_and_window_counts_words():
    corpus = corpus_from_texts({"d": "Primo paragrafo qui.\n\nUno, due, tre Putin quattro cinque sei sette.\n\nAltro."})
    row = kwic(corpus, "Putin", window=2).iloc[0]
    assert row["left"] == "due, tre" and row["right"] == "quattro cinque"
    wide = kwic(corpus, "Putin", window=50).iloc[0]
    assert "paragrafo" not in wide["left"] and "Altro" not in wide["right"]


@pytest.mark.parametrize("kwargs", [{"term": ""}, {"term": "Putin", "window": -1}, {"term": "Putin", "by": "stem"}])
def test_bad_options_raise_value_error(seed_corpus, kwargs):
    with pytest.raises(ValueError):
        kwic(seed_corpus, **kwargs)
