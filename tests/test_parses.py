"""One parse per sentence: the parse store shared by the names filter and actor tone."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus_from_texts
from analysis.syntax import load_nlp
from analysis.syntax.parses import ParseStore
from analysis.tokenization import tokenize

TEXTS = {
    # "Felice" may open a name only the model sees: the names filter parses the sentence, and so does actor tone
    "a": "Felice Casson ha criticato la Russia. Mosca ha condannato duramente l'attacco di Kiev.",
    "b": "Forza Italia ha votato il decreto. La disastrosa gestione del governo russo preoccupa Bruxelles.",
}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_each_sentence_is_parsed_once(nlp):
    store = ParseStore(nlp)
    text = "Il ministro ha dichiarato che il piano partirà."
    first = store.parse([(text, tokenize(text))])
    again = store.parse([(text, tokenize(text))], entities=True)
    assert first[0] is again[0] and store.n_parsed == 1 and store.n_requests == 2
    assert again[0].has_annotation("DEP") and again[0].has_annotation("ENT_IOB")
    with pytest.raises(ValueError, match="Italian pipeline"):
        ParseStore(None)


def test_shared_parses_give_the_same_tables(nlp):
    from analysis.sentiment import actor_mentions, sentence_sentiment
    from analysis.sentiment.scorer import default_scorer

    corpus = corpus_from_texts(TEXTS)

    def fresh():  # the model's names by sentence and every cached score forgotten
        default_scorer().parser.clear()
        default_scorer().clear_cache()

    fresh()
    alone = (sentence_sentiment(corpus), actor_mentions(corpus))
    fresh()
    store = ParseStore(nlp)
    shared = (sentence_sentiment(corpus, parses=store), actor_mentions(corpus, parses=store))
    fresh()
    for a, b in zip(alone, shared):
        pd.testing.assert_frame_equal(a, b)
    assert len(shared[1]) >= 3
    # the names filter and actor tone both read sentences of these texts: some parses were shared
    assert store.n_requests == store.n_parsed + 1 and store.n_parsed >= 3
