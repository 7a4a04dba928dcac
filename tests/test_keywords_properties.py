"""Property-based tests: no keyword function raises on any corpus, offsets round-trip."""
from __future__ import annotations

import warnings

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import corpus_from_texts
from analysis.keywords import (
    collocates,
    entities,
    entity_mentions,
    keyness,
    kwic,
    ngrams,
    source_vocabulary,
    term_frequencies,
    tfidf,
)
from analysis.keywords.phrases import ngram_spans

# Arbitrary text, plus text made of Italian-looking pieces so that names,
# elisions, hyphens, quotes and sentence ends actually occur.
_PIECES = st.sampled_from([
    "Putin", "Kim Jong Un", "Corea del Nord", "la", "di", "dell’", "l'", "Russia-Ucraina", "missili",
    "balistici", ".", ",", "“", "”", "«", "»", "\n\n", "\n", " ", "E", "Stati Uniti", "11.000", "è", "Usa",
    "usa", "-", "PTI", "😀", "Presidente", "#tag", "http://x.it", "—", "'", "’",
])
TEXTS = st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=40).map(" ".join), st.lists(_PIECES, max_size=40).map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=3), term=TEXTS)
def test_keyword_functions_never_raise(texts, term):
    corpus = corpus_from_texts({f"d{i}": t for i, t in enumerate(texts)})
    for by in ("lemma", "form"):
        assert isinstance(term_frequencies(corpus, by=by), pd.DataFrame)
        assert isinstance(term_frequencies(corpus, by=by, per_document=True), pd.DataFrame)
    for n in (2, 3):
        assert isinstance(ngrams(corpus, n), pd.DataFrame)
    assert isinstance(entities(corpus), pd.DataFrame)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert isinstance(tfidf(corpus), pd.DataFrame)
    table = keyness(corpus)
    assert table["log_likelihood"].ge(0).all()
    words = term_frequencies(corpus, by="form")["term"].tolist()
    for query in words[:2] + ([term] if term.strip() else []):
        try:
            hits = kwic(corpus, query)
            near = collocates(corpus, query)
        except ValueError:  # a query with no tokens is refused with a message
            continue
        for doc_id, keyword, start, end in zip(hits["doc_id"], hits["keyword"], hits["start"], hits["end"]):
            assert corpus.text(doc_id)[start:end] == keyword
        assert isinstance(near, pd.DataFrame)
    spans = pd.DataFrame({
        "doc_id": list(corpus.documents["doc_id"]),
        "speaker_canonical": ["A"] * len(corpus),
        "content_start": [0] * len(corpus),
        "content_end": [len(t) for t in corpus.documents["text"]],
    })
    assert isinstance(source_vocabulary(corpus, attributions=spans), pd.DataFrame)


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_spans_round_trip(texts):
    corpus = corpus_from_texts({f"d{i}": t for i, t in enumerate(texts)})
    mentions = entity_mentions(corpus)
    for doc_id, start, end, text in zip(mentions["doc_id"], mentions["start"], mentions["end"], mentions["text"]):
        assert corpus.text(doc_id)[start:end] == text
    for doc_id, start, end in ngram_spans(corpus, n=2)[["doc_id", "start", "end"]].itertuples(index=False):
        assert 0 <= start < end <= len(corpus.text(doc_id))


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_counts_agree_across_functions(texts):
    corpus = corpus_from_texts({f"d{i}": t for i, t in enumerate(texts)})
    overall = term_frequencies(corpus, by="form")
    per_doc = term_frequencies(corpus, by="form", per_document=True)
    assert overall["count"].sum() == per_doc["count"].sum()
    assert keyness(corpus)["count"].sum() == overall["count"].sum()
