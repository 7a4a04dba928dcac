"""tf-idf: distinctive terms per document; one document is said to be a special case."""
from __future__ import annotations

import pytest

from analysis import corpus_from_texts
from analysis.keywords import SingleDocumentWarning, tfidf


def test_distinctive_terms_per_document():
    corpus = corpus_from_texts({
        "d1": "Putin incontra Kim a Pyongyang. Putin parla.",
        "d2": "Meloni incontra Macron a Roma.",
    })
    table = tfidf(corpus, by="form", top_n=None)
    assert list(table.columns) == ["doc_id", "term", "count", "tfidf", "rank"]
    d1 = table[table["doc_id"] == "d1"].set_index("term")
    assert d1.index[0] == "Putin"  # twice, and only in d1
    assert d1.loc["Kim", "tfidf"] > d1.loc["incontra", "tfidf"]  # shared words weigh less
    assert (table.groupby("doc_id")["rank"].min() == 1).all()


def test_single_document_warns(seed_corpus):
    with pytest.warns(SingleDocumentWarning, match="keyness"):
        table = tfidf(seed_corpus, top_n=5)
    assert len(table) == 5 and table["rank"].tolist() == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("kwargs", [{"top_n": 0}, {"by": "stem"}])
def test_bad_options_raise_value_error(seed_corpus, kwargs):
    with pytest.raises(ValueError):
        tfidf(seed_corpus, **kwargs)
