"""The trained sentiment model: loads offline from plain arrays, deterministic, sane on clear Italian sentences,
and plugs into TextBlob and the tables like the lexicon analyzer."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest

from analysis import corpus_from_texts
from analysis.sentiment import SentimentScorer, sentence_assessments, sentence_sentiment
from analysis.textblob_it import TextBlobIT, TrainedAnalyzer, analyze
from analysis.textblob_it.features import NgramBlock, char_terms, word_terms
from analysis.textblob_it.model import (
    MODEL_PATH,
    LinearHead,
    SentimentModel,
    load_model,
    polarity_class,
    polarity_score,
    stretch,
)
from analysis.tokenization import tokenize


@pytest.fixture(scope="module")
def model() -> SentimentModel:
    return load_model()


# --- the files --------------------------------------------------------------------------------------------

def test_model_files_are_plain_arrays_with_a_licence():
    for name in ("features.npz", "polarity.npz", "subjectivity.npz"):
        with np.load(MODEL_PATH / name, allow_pickle=False) as data:  # no pickled object anywhere
            assert all(data[k].dtype != object for k in data.files)
    meta = json.loads((MODEL_PATH / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-NC-SA 4.0"
    assert "CC BY-NC-SA 4.0" in (MODEL_PATH / "README.md").read_text(encoding="utf-8")
    size = sum(p.stat().st_size for p in MODEL_PATH.iterdir())
    assert size < 5_000_000, f"the model should stay small, got {size} bytes"


def test_model_loads_with_both_heads_and_its_settings(model):
    assert model.polarity.classes == ("negative", "neutral", "positive")
    assert model.subjectivity.classes == ("OBJ", "SUBJ")
    assert model.polarity.coef.shape[1] == model.subjectivity.coef.shape[1] == model.n_features
    assert set(model.settings.subjectivity_threshold) == {"news", "tweets"}


def test_a_missing_model_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="make sentiment-model"):
        SentimentModel.load(tmp_path)


def test_saved_and_loaded_model_scores_alike(model, tmp_path):
    model.save(tmp_path)
    again = SentimentModel.load(tmp_path)
    items = [(tokenize(t), analyze(t), "news") for t in CLEAR_NEGATIVE + CLEAR_NEUTRAL]
    # coefficients are stored as float32: scores agree to that precision
    for a, b in zip(model.score(items), again.score(items)):
        assert a.polarity == pytest.approx(b.polarity, abs=1e-5)
        assert a.subjectivity == pytest.approx(b.subjectivity, abs=1e-5)


# --- the features: the same weighting as scikit-learn -------------------------------------------------------

TEXTS = ["Il sindaco ha inaugurato la nuova scuola.", "Una vergogna! Il sindaco deve dimettersi.",
         "La nuova scuola è una vergogna per la città.", "#NonCiStoPiù @utente http://t.co/x 2,5%"]


@pytest.mark.parametrize("terms", [word_terms, char_terms])
def test_ngram_block_weights_as_tfidf_vectorizer(terms):
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [terms(tokenize(t)) for t in TEXTS]
    block = NgramBlock.fit(docs, min_df=1)
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, vocabulary=block.vocab).fit(docs)
    expected = vec.transform(docs).toarray()
    for k, d in enumerate(docs):
        row = np.zeros(len(block))
        idx, vals = block.row(d)
        row[idx] = vals
        assert np.allclose(row, expected[k])


def test_terms_read_placeholders_and_hashtag_words():
    words = word_terms(tokenize("#NonCiStoPiù @utente http://t.co/x 2,5% !!!!"))
    assert {"w:#nonciStopiù".lower(), "w:non", "w:@user", "w:<url>", "w:<num>", "w:!!"} <= set(words)
    assert "c: verg" in char_terms(tokenize("Vergogna"))


def test_polarity_score_keeps_the_model_class_on_the_label_scale():
    for p in ([0.2, 0.5, 0.3], [0.5, 0.2, 0.3], [0.3, 0.3, 0.4], [0.34, 0.33, 0.33], [0.1, 0.45, 0.45]):
        score = polarity_score(*p)
        label = "positive" if score > 0.05 else "negative" if score < -0.05 else "neutral"
        assert label == polarity_class(*p)
    assert stretch(0.39, 0.39, 0.5) == pytest.approx(0.5) and stretch(1.0, 0.39, 0.5) == pytest.approx(1.0)
    assert stretch(0.0, 0.39, 0.5) == 0.0


def test_linear_head_probabilities_sum_to_one():
    head = LinearHead(("negative", "neutral", "positive"), np.array([[1.0, 0.0], [0.0, 0.0], [-1.0, 2.0]]),
                      np.array([0.0, 0.1, -0.1]))
    p = head.probabilities(np.array([[1.0, 0.0], [0.0, 3.0]]))
    assert np.allclose(p.sum(axis=1), 1.0) and p[0].argmax() == 0 and p[1].argmax() == 2


# --- clear Italian sentences --------------------------------------------------------------------------------

CLEAR_NEGATIVE = [
    "Il ragazzo è stato accoltellato davanti alla discoteca e ora è in gravi condizioni.",
    "I ladri hanno devastato la scuola e rubato tutti i computer.",
    "È una vergogna: il comune ha abbandonato il quartiere al degrado.",
    "Un terribile incidente sulla statale ha causato la morte di due giovani.",
]
CLEAR_POSITIVE = [
    "I vigili del fuoco hanno salvato la famiglia intrappolata, un intervento eroico.",
    "La squadra ha vinto il campionato tra la gioia dei tifosi.",
    "Grazie alla generosità dei volontari il canile ha ritrovato casa per tutti i cani.",
    pytest.param("Il bambino scomparso è stato ritrovato sano e salvo dai carabinieri.",
                 marks=pytest.mark.xfail(strict=True, reason="a known error: the disappearance outweighs the "
                                                             "rescue (negative)")),
]
CLEAR_NEUTRAL = [
    "Il consiglio comunale si riunirà martedì alle 18 nella sala del municipio.",
    "La riunione è prevista per il prossimo mese a Bologna.",
]


@pytest.mark.parametrize("text", CLEAR_NEGATIVE)
def test_clear_negative_news(text):
    blob = TextBlobIT(text, analyzer=TrainedAnalyzer())
    assert blob.polarity < -0.05


@pytest.mark.parametrize("text", CLEAR_POSITIVE)
def test_clear_positive_news(text):
    assert TextBlobIT(text, analyzer=TrainedAnalyzer()).polarity > 0.05


@pytest.mark.parametrize("text", CLEAR_NEUTRAL)
def test_clear_neutral_news(text):
    assert abs(TextBlobIT(text, analyzer=TrainedAnalyzer()).polarity) <= 0.05


def test_opinion_is_more_subjective_than_a_report():
    analyzer = TrainedAnalyzer()
    opinion = analyzer.analyze("Secondo me è una scelta vergognosa e sbagliata, deve dimettersi subito!")
    report = analyzer.analyze("Il consiglio comunale si riunirà martedì alle 18 nella sala del municipio.")
    assert opinion.subjectivity >= 0.5 > report.subjectivity


def test_tweet_domain_reads_tweets():
    tweets = TrainedAnalyzer(domain="tweets")
    assert tweets.analyze("che schifo questo governo #vergogna").polarity < -0.05
    assert tweets.analyze("bellissima giornata con voi, grazie di cuore!! :)").polarity > 0.05
    with pytest.raises(ValueError, match="domain"):
        TrainedAnalyzer(domain="forum")  # type: ignore[arg-type]


def test_scores_are_deterministic_and_in_range():
    text = CLEAR_NEGATIVE[0]
    a, b = TrainedAnalyzer().analyze(text), TrainedAnalyzer().analyze(text)
    assert a == b
    assert -1.0 <= a.polarity <= 1.0 and 0.0 <= a.subjectivity <= 1.0
    probs = TrainedAnalyzer().probabilities(text)
    assert math.isclose(probs["negative"] + probs["neutral"] + probs["positive"], 1.0)


# --- TextBlob and the tables ------------------------------------------------------------------------------

def test_textblob_plug_in_keeps_the_lexicon_words_as_explanation():
    blob = TextBlobIT("Non è affatto una buona notizia.", analyzer=TrainedAnalyzer())
    assert blob.sentiment == TrainedAnalyzer().analyze("Non è affatto una buona notizia.")
    rows = blob.sentiment_assessments.assessments
    assert any(words == ["buona", "notizia"] and "negated" in rules for words, _, _, rules in rows)
    assert [s.polarity for s in blob.sentences] == [blob.polarity]


def test_sentence_sentiment_with_either_analyzer():
    corpus = corpus_from_texts({"a": CLEAR_NEGATIVE[1] + " " + CLEAR_NEUTRAL[0]})
    lexicon = sentence_sentiment(corpus, analyzer="lexicon")
    trained = sentence_sentiment(corpus, analyzer="trained")
    assert list(lexicon.columns) == list(trained.columns)
    assert list(trained["label"]) == ["negative", "neutral"]
    assert list(trained["n_assessments"]) == list(lexicon["n_assessments"])  # the lexicon's words, both times
    expected = TrainedAnalyzer().analyze(CLEAR_NEGATIVE[1])
    assert trained["polarity"].iloc[0] == pytest.approx(expected.polarity)
    with pytest.raises(ValueError, match="analyzer"):
        sentence_sentiment(corpus, analyzer="bayes")


def test_a_scorer_owns_its_analyzer_names_and_cache():
    corpus = corpus_from_texts({"a": "Il patto per la crescita felice è stato firmato."})
    scorer = SentimentScorer(analyzer="trained")
    before = sentence_assessments(corpus, scorer=scorer)
    assert "felice" in set(before["text"])
    scorer.add_names(["Patto per la Crescita Felice"])
    after = sentence_assessments(corpus, scorer=scorer)
    assert "felice" not in set(after["text"]) and after["rules"].str.startswith("skipped").any()
    assert "felice" in set(sentence_assessments(corpus)["text"])  # the default scorer is untouched
    assert scorer.using("lexicon").names is scorer.names
    assert scorer.using("lexicon") is scorer.using("lexicon")


def test_any_textblob_analyzer_object_can_score_the_tables():
    class Constant:
        def analyze(self, text):
            return (0.5, 0.25)

    corpus = corpus_from_texts({"a": "Una frase qualsiasi. E un'altra."})
    table = sentence_sentiment(corpus, analyzer=Constant())
    assert list(table["polarity"]) == [0.5, 0.5] and list(table["label"]) == ["positive", "positive"]
