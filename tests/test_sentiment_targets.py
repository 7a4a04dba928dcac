"""Tone toward each actor (analysis.sentiment.targets, .actors): one construction per case, the tables, the measurement."""
from __future__ import annotations

import pytest

from analysis import corpus_from_texts
from analysis.sentiment import actor_mentions, actor_tone
from analysis.sentiment.targets import TARGET_CLASSES, _classes, tone_toward, word_class
from analysis.syntax import MODEL_DIR

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="the Italian model is not installed")


@pytest.fixture(scope="module")
def nlp():
    from analysis.syntax import load_nlp

    return load_nlp()


def tone(nlp, text: str, mention: str):
    doc = nlp(text)
    a = text.index(mention)
    toks = [t.i for t in doc if a <= t.idx < a + len(mention)]
    return tone_toward(doc, toks[0], toks[-1] + 1)


@pytest.mark.parametrize("text, mention, label, relation", [
    # predicate: the subject's own clause
    ("Rossi è un politico corrotto.", "Rossi", "negative", "predicate"),
    ("Rossi ha vinto le elezioni.", "Rossi", "positive", "predicate"),
    # passive and object: a judgement reaches the one judged, and catching blames the one caught
    ("Marchetti è stato criticato ieri.", "Marchetti", "negative", "passive"),
    ("Il sindaco ha criticato Rossi.", "Rossi", "negative", "object"),
    ("Marchetti è stato arrestato ieri.", "Marchetti", "negative", "catch"),
    ("La polizia ha arrestato Rossi.", "Rossi", "negative", "catch"),
    # catching credits the one who catches
    ("La polizia ha arrestato Rossi.", "polizia", "positive", "catch"),
    ("Rossi è stato arrestato dai carabinieri.", "carabinieri", "positive", "catch"),
    ("L'arresto di Rossi da parte della Squadra Mobile è avvenuto ieri.", "Squadra Mobile", "positive", "catch"),
    # an actor named by an evaluative noun
    ("I ladri sono fuggiti a bordo di un furgone.", "ladri", "negative", "self"),
    # modifiers: participles, title nouns
    ("Rossi, accusato di frode, è fuggito.", "Rossi", "negative", "passive"),
    ("Il dittatore Assad ha parlato.", "Assad", "negative", "modifier"),
    # possessor and target of a noun
    ("La disastrosa gestione del governo ha provocato proteste.", "governo", "negative", "possessor"),
    ("La vittoria di Rossi è stata netta.", "Rossi", "positive", "possessor"),
    ("Le critiche a Rossi sono arrivate da tutti.", "Rossi", "negative", "target"),
    # light verbs pass on their object's tone
    ("Rossi ha ottenuto una vittoria schiacciante.", "Rossi", "positive", "light-object"),
    ("Rossi ha commesso un grave errore.", "Rossi", "negative", "light-object"),
    # harm blames its agent; beat splits winner and loser
    ("Rossi ha ucciso la moglie.", "Rossi", "negative", "predicate"),
    ("Rossi ha sconfitto Bianchi.", "Rossi", "positive", "beat"),
    ("Rossi ha sconfitto Bianchi.", "Bianchi", "negative", "beat"),
])
def test_constructions_give_the_tone_toward_the_mention(nlp, text, mention, label, relation):
    t = tone(nlp, text, mention)
    assert t.label == label, t.explain()
    assert relation in {w.relation for w in t.words}


@pytest.mark.parametrize("text, mention", [
    ("Mosca ha condannato duramente l'attacco.", "Mosca"),       # the judge is not judged
    ("Il sindaco ha criticato Rossi.", "sindaco"),
    ("Bianchi è stato ucciso ieri sera.", "Bianchi"),             # victims are neutral
    ("La vittima è stata soccorsa dal 118.", "vittima"),          # and so is an actor named by what befell it
    ("Rossi è morto ieri.", "Rossi"),
    ("Il sindaco ha incontrato Rossi in municipio.", "Rossi"),    # nothing evaluative attached
    ("Dopo la strage, Rossi ha parlato ai giornalisti.", "Rossi"),  # the sentence is negative, not toward Rossi
])
def test_mentions_with_nothing_attached_are_neutral(nlp, text, mention):
    t = tone(nlp, text, mention)
    assert t.label == "neutral" and t.polarity == 0.0, t.explain()


def test_negation_flips_and_damps(nlp):
    plain, negated = tone(nlp, "Rossi è stato arrestato.", "Rossi"), tone(nlp, "Rossi non è stato arrestato.", "Rossi")
    assert plain.polarity < 0 < negated.polarity < abs(plain.polarity)


def test_words_are_shown_with_offsets(nlp):
    text = "La polizia ha arrestato Rossi."
    t = tone(nlp, text, "Rossi")
    assert [text[w.start:w.end] for w in t.words] == ["arrestato"]
    assert "arrestato" in t.explain() and "(catch)" in t.explain()


def test_word_classes_file_is_valid(nlp):
    assert set(_classes().values()) <= set(TARGET_CLASSES)
    doc = nlp("Rossi è stato arrestato e condannato.")
    assert word_class(doc[3]) == "catch" and word_class(doc[5]) == "judge"


TEXTS = {
    "a": "La polizia ha arrestato Mario Rossi a Milano. Il sindaco Giuseppe Bianchi ha elogiato gli agenti.",
    "b": "Dopo il terribile attentato, la Russia ha condannato duramente l'attacco. L'Ucraina è stata bombardata.",
}


@pytest.fixture(scope="module")
def corpus():
    return corpus_from_texts(TEXTS)


def test_actor_mentions_give_both_tones(corpus):
    m = actor_mentions(corpus)
    for d, a, b, text in m[["doc_id", "start", "end", "mention"]].itertuples(index=False):
        assert corpus.text(d)[a:b] == text
    russia = m[m["entity"] == "Russia"].iloc[0]
    assert russia["sentence_label"] == "negative" and russia["target_label"] == "neutral"
    assert set(m["source"]) >= {"alias", "PER"}
    rossi = m[m["mention"].str.contains("Rossi")].iloc[0]
    assert rossi["target_label"] == "negative" and "arrestato" in rossi["target_words"]


def test_actor_tone_summary(corpus):
    t = actor_tone(corpus).set_index("entity")
    assert t.loc["Russia", "sentence_mean_polarity"] < 0 and t.loc["Russia", "target_mean_polarity"] == 0
    shares = t[["target_share_negative", "target_share_neutral", "target_share_positive"]].sum(axis=1)
    assert shares.round(6).eq(1.0).all()
    assert (t["with_words"] <= t["n"]).all()


def test_actor_tables_keep_their_dtypes_when_empty(corpus):
    empty = actor_mentions(corpus_from_texts({"x": "niente da dire qui."}), {"zzzz": "Nessuno"})
    assert len(empty) == 0
    assert empty.dtypes.equals(actor_mentions(corpus).dtypes)
    assert len(actor_tone(corpus, mentions=empty)) == 0


def test_actor_figure_draws(corpus, tmp_path):
    from analysis.figures import save_figure
    from analysis.sentiment.plots import plot_actor_tone

    paths = save_figure(plot_actor_tone(actor_tone(corpus)), "actors", out_dir=tmp_path, close=True)
    assert all(p.stat().st_size > 0 for p in paths)
    with pytest.raises(ValueError, match="plot_actor_tone"):
        plot_actor_tone(actor_tone(corpus).drop(columns="with_words"))
