"""analysis.sentiment tables, the sentiment figures, and measured floors on the shared data."""
from __future__ import annotations

import warnings

import matplotlib
import pandas as pd
import pytest

from analysis import corpus_from_texts
from analysis.sentiment import (
    attribution_sentiment,
    document_sentiment,
    entity_mentions,
    entity_sentiment,
    paragraph_sentiment,
    polarity_label,
    read_entity_aliases,
    sentence_assessments,
    sentence_sentiment,
    source_sentiment,
)
from analysis.sentiment.plots import (
    driver_table,
    plot_drivers,
    plot_group_tone,
    plot_paragraph_scores,
    plot_sentence_arc,
)

TEXTS = {
    "a": "La Russia ha lanciato un attacco terribile contro l'Ucraina. Mosca minaccia nuove sanzioni.\n\n"
         "Il vertice di Pyongyang è stato un successo, secondo la Corea del Nord.",
    "b": "Gli Stati Uniti sostengono l'accordo di pace. Non è affatto una buona notizia per il Cremlino!",
}


@pytest.fixture(scope="module")
def corpus():
    return corpus_from_texts(TEXTS)


def test_polarity_label_thresholds():
    assert [polarity_label(x) for x in (0.3, 0.05, 0.0, -0.05, -0.3)] == ["positive", "neutral", "neutral", "neutral", "negative"]
    with pytest.raises(ValueError, match="threshold"):
        polarity_label(0.1, threshold=-1)


def test_sentence_sentiment_columns_offsets_and_signs(corpus):
    s = sentence_sentiment(corpus)
    assert list(s.columns[:8]) == ["doc_id", "sent_id", "para_id", "start", "end", "text", "polarity", "subjectivity"]
    assert {"label", "n_assessments"} <= set(s.columns)
    assert len(s) == len(corpus.sentences)
    for d, a, b, t in s[["doc_id", "start", "end", "text"]].itertuples(index=False):
        assert corpus.text(d)[a:b] == t
    by_text = dict(zip(s["text"], s["polarity"]))
    assert by_text["La Russia ha lanciato un attacco terribile contro l'Ucraina."] < 0
    assert by_text["Il vertice di Pyongyang è stato un successo, secondo la Corea del Nord."] > 0
    assert by_text["Non è affatto una buona notizia per il Cremlino!"] < 0
    assert s["polarity"].between(-1, 1).all() and s["subjectivity"].between(0, 1).all()


def test_assessments_point_into_the_document(corpus):
    a = sentence_assessments(corpus)
    assert {"doc_id", "sent_id", "start", "end", "text", "polarity", "base_polarity", "rules"} <= set(a.columns)
    for d, st, en, t in a[["doc_id", "start", "end", "text"]].itertuples(index=False):
        if " " not in t:
            assert corpus.text(d)[st:en] == t
    assert "negated" in ",".join(a["rules"])


def test_paragraph_and_document_tables(corpus):
    p = paragraph_sentiment(corpus)
    assert len(p) == len(corpus.paragraphs) and p["n_sentences"].sum() == len(corpus.sentences)
    d = document_sentiment(corpus)
    assert list(d["doc_id"]) == ["a", "b"]
    shares = d[["share_negative", "share_neutral", "share_positive"]].sum(axis=1)
    assert shares.round(6).eq(1.0).all()
    assert d["most_negative_sent_id"].notna().all()


def test_entity_sentiment_uses_aliases(corpus):
    m = entity_mentions(corpus)
    russia = m[m["entity"] == "Russia"]
    # "Russia", "Mosca", "Cremlino" all count; one row per sentence
    assert set(russia["alias"]) == {"Russia", "Mosca", "Cremlino"}
    for d, a, b, alias in m[["doc_id", "start", "end", "alias"]].itertuples(index=False):
        assert corpus.text(d)[a:b] == alias
    e = entity_sentiment(corpus).set_index("entity")
    assert e.loc["Russia", "n"] == 3 and e.loc["Russia", "mean_polarity"] < 0
    assert {"Ucraina", "Corea del Nord", "Stati Uniti"} <= set(e.index)


def test_entity_aliases_custom_mapping_and_bad_file(corpus, tmp_path):
    e = entity_sentiment(corpus, {"pace": "Pace", "USA": "USA"})
    assert list(e["entity"]) == ["Pace"]  # "USA" is case-sensitive and absent
    bad = tmp_path / "aliases.tsv"
    bad.write_text("Russia\n", encoding="utf-8")
    with pytest.raises(ValueError, match="alias<TAB>canonical"):
        read_entity_aliases(bad)


def test_source_sentiment_from_given_attributions(corpus):
    text = corpus.text("b")
    start = text.index("Non è")
    att = pd.DataFrame({"doc_id": ["b", "b"], "speaker_canonical": ["Portavoce", "Portavoce"],
                        "content_start": [start, 0], "content_end": [len(text), 45]})
    rows = attribution_sentiment(corpus, att)
    assert rows["content"].iloc[0] == text[start:]
    src = source_sentiment(corpus, att)
    assert list(src["speaker"]) == ["Portavoce"] and src["n"].iloc[0] == 2


def test_source_sentiment_bad_attributions_is_clear(corpus):
    with pytest.raises(ValueError, match="speaker_canonical"):
        source_sentiment(corpus, pd.DataFrame({"doc_id": ["a"]}))


def test_source_sentiment_without_attribution_degrades(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        src = source_sentiment(corpus)
    assert {"speaker", "n", "mean_polarity"} <= set(src.columns)


def test_tables_reject_non_corpus():
    with pytest.raises(TypeError, match="Corpus"):
        sentence_sentiment("not a corpus")  # type: ignore[arg-type]


def test_empty_corpus():
    c = corpus_from_texts({"x": ""})
    assert len(sentence_sentiment(c)) == 0
    assert document_sentiment(c)["n_sentences"].tolist() == [0]


def test_empty_source_and_entity_tables_keep_their_dtypes(corpus):
    some = pd.DataFrame({"doc_id": ["a"], "speaker_canonical": ["Rossi"], "content_start": [0], "content_end": [10]})
    none = some.iloc[0:0]
    assert attribution_sentiment(corpus, none).dtypes.equals(attribution_sentiment(corpus, some).dtypes)
    assert source_sentiment(corpus, none).dtypes.equals(source_sentiment(corpus, some).dtypes)
    assert entity_sentiment(corpus, {"zzzz": "Nessuno"}).dtypes.equals(entity_sentiment(corpus).dtypes)


def test_figures_draw(corpus, tmp_path):
    from analysis.figures import save_figure

    s, p, a = sentence_sentiment(corpus), paragraph_sentiment(corpus), sentence_assessments(corpus)
    figs = [plot_sentence_arc(s, "a"), plot_paragraph_scores(p, "a"), plot_drivers(a),
            plot_group_tone(entity_sentiment(corpus), "entity")]
    for k, fig in enumerate(figs):
        paths = save_figure(fig, f"t{k}", out_dir=tmp_path, close=True)
        assert all(x.stat().st_size > 0 for x in paths)
    with pytest.raises(ValueError, match="no sentences"):
        plot_sentence_arc(s, "zzz")
    t = driver_table(a, top=3)
    assert (t["total"] < 0).any() and (t["total"] > 0).any()
    assert matplotlib.get_backend().lower() == "agg"


def test_seed_corpus_tone(seed_corpus):
    e = entity_sentiment(seed_corpus).set_index("entity")
    assert {"Russia", "Corea del Nord", "Ucraina"} <= set(e.index)
    d = document_sentiment(seed_corpus)
    assert d["polarity"].between(-1, 1).all()


# --- scoring from the corpus tokens ------------------------------------------

TRICKY = {
    "t1": "Non è affatto una buona notizia!!! #NonCiStoPiù :) Però il governo ha fatto bene.",
    "t2": "L'ing. Rossi (dott.) ha detto: «è un'ottima idea». Ahahah, 2,5% in più… www.esempio.it",
    "t3": "Ma anche no.Il 'sì' vince:3 😀👍🏻 @utente scrive a mario@esempio.it — che vergogna?!",
    "t4": "\u00a0Frase con spazio duro.\u00a0E poi\tun'altra. \n\nParagrafo nuovo: po' di E' vero.",
}


@pytest.mark.parametrize("name", ["seed", "tricky"])
def test_sentences_scored_from_corpus_tokens_equal_scoring_their_text(name, seed_corpus, monkeypatch):
    """Reusing the pipeline's tokens gives exactly what scoring each sentence's text gives."""
    import analysis.sentiment.scorer as scorer_module
    from analysis.sentiment import SentimentScorer
    from analysis.sentiment.tables import _sentence_scores
    from analysis.textblob_it import analyze

    corp = seed_corpus if name == "seed" else corpus_from_texts(TRICKY)
    s = corp.sentences
    texts = [corp.text(d)[a:b] for d, a, b in zip(s["doc_id"], s["start"], s["end"])]
    calls = []
    real = scorer_module.tokenize
    monkeypatch.setattr(scorer_module, "tokenize", lambda text: calls.append(1) or real(text))
    got = _sentence_scores(corp, texts, SentimentScorer(analyzer="lexicon"))
    assert len(calls) <= 0.2 * len(set(texts))  # the token path is the one taken
    assert [g.analysis for g in got] == [analyze(t) for t in texts]  # scores and every assessment, with offsets
