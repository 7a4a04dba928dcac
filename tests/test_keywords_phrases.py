"""Phrases: n-grams with stop words allowed inside, never at the edges."""
from __future__ import annotations

import pytest

from analysis import corpus_from_texts
from analysis.keywords import ngrams
from analysis.keywords.phrases import ngram_spans
from analysis.stopwords import STOP_WORDS


def _counts(table):
    return dict(zip(table["term"], table["count"]))


def test_seed_bigrams_counted_by_hand(seed_corpus):
    # Counted by reading the seed: "missili balistici" in ¶6, ¶7, ¶8, ¶9;
    # "Kim Jong" in ¶1 ("Kim Jong."), ¶3, ¶4, ¶5; "Stati Uniti" in ¶8, ¶11;
    # "Vladimir Putin" in ¶1, ¶2.
    counts = _counts(ngrams(seed_corpus, 2))
    assert counts["missili balistici"] == 4
    assert counts["Kim Jong"] == 4
    assert counts["Stati Uniti"] == 2
    assert counts["Vladimir Putin"] == 2


def test_seed_trigrams_counted_by_hand(seed_corpus):
    # "Corea del Nord": ¶1, ¶2, ¶7 twice, ¶9; "Kim Jong Un": ¶3, ¶4, ¶5 (¶1 has
    # only "Kim Jong."); "agenzia di stampa": ¶1, ¶3, ¶10.
    counts = _counts(ngrams(seed_corpus, 3))
    assert counts["Corea del Nord"] == 5
    assert counts["Kim Jong Un"] == 3
    assert counts["agenzia di stampa"] == 3


def test_no_stop_word_or_punctuation_at_the_edges(seed_corpus):
    for n in (2, 3):
        for term in ngrams(seed_corpus, n)["term"]:
            words = term.split()
            for edge in (words[0], words[-1]):
                if edge == edge.lower():
                    assert edge not in STOP_WORDS, term
            assert not any(ch in term for ch in ",.;:“”«»()")


def test_phrases_do_not_cross_punctuation_or_sentences():
    corpus = corpus_from_texts({"d": "Ha parlato Putin, Kim ascolta. Pyongyang risponde."})
    terms = set(ngrams(corpus, 2)["term"])
    assert "Putin Kim" not in terms
    assert "ascolta Pyongyang" not in terms
    assert "Kim ascolta" in terms


def test_lemma_phrases():
    corpus = corpus_from_texts({"d": "Lanciati missili balistici. Un missile balistico è caduto."})
    assert _counts(ngrams(corpus, 2, by="lemma"))["missile balistico"] == 2


def test_spans_round_trip(seed_corpus):
    spans = ngram_spans(seed_corpus, n=3)
    text = seed_corpus.text(spans["doc_id"].iloc[0])
    for start, end, term in zip(spans["start"], spans["end"], spans["term"]):
        assert " ".join(text[start:end].split()).lower() == term.lower() or "’" in text[start:end]


@pytest.mark.parametrize("n", [1, 7, 2.0, True])
def test_bad_n_raises_value_error(seed_corpus, n):
    with pytest.raises(ValueError, match="n must be"):
        ngrams(seed_corpus, n)
