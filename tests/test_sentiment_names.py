"""Names carry no sentiment (analysis.sentiment.names): each kind of name, its reason, and the same word outside a name."""
from __future__ import annotations

import pytest

from analysis import corpus_from_texts
from analysis.sentiment import SentimentScorer, add_names, clear_user_names, sentence_assessments, sentence_sentiment
from analysis.sentiment.names import MODEL_REASONS, read_names, surface_names
from analysis.syntax import MODEL_DIR
from analysis.textblob_it import TextBlobIT, analyze
from analysis.textblob_it.lexicon import load_lexicon
from analysis.textblob_it.names import curated_names
from analysis.tokenization import tokenize

needs_model = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="the Italian model is not installed")


def skipped(text: str, **kw) -> dict[str, str]:
    """Skipped names of ``text`` with an evaluative word: text → reason."""
    return {a.text: a.rules[1] for a in analyze(text, **kw).assessments if a.rules[:1] == ("skipped",)}


def scored(text: str, **kw) -> set[str]:
    """Words of ``text`` that moved its polarity."""
    return {a.text for a in analyze(text, **kw).assessments if a.polarity}


@pytest.fixture(autouse=True)
def _no_user_names():
    clear_user_names()
    yield
    clear_user_names()


# --- the names list ------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Forza Italia ha votato contro la mozione.", "Forza Italia"),
    ("Il decreto sicurezza è stato approvato ieri.", "decreto sicurezza"),  # lower case
    ("Il Decreto Sicurezza è stato approvato ieri.", "Decreto Sicurezza"),
    ("Il decreto Sicurezza bis è in aula.", "decreto Sicurezza bis"),
    ("Il Popolo della libertà ha perso voti.", "Il Popolo della libertà"),
    ("Futuro e Libertà per l’Italia chiede un rinvio.", "Futuro e Libertà per l’Italia"),  # typographic apostrophe
    ("Ha ricevuto il premio Nobel per la pace a Oslo.", "premio Nobel per la pace"),
    ("Il Consiglio di Sicurezza si riunisce domani.", "Consiglio di Sicurezza"),
    ("Lo Sblocca-Italia fu varato nel 2014.", "Sblocca-Italia"),
    ("Lo Sblocca Italia fu varato nel 2014.", "Sblocca Italia"),
    ("Libera ha organizzato una marcia a Roma con Libera contro le mafie.", "Libera contro le mafie"),
])
def test_listed_names_are_skipped_in_any_case(text, name):
    assert skipped(text).get(name) == "name-list"
    assert analyze(text).polarity == analyze(text.replace(name, "Rossi")).polarity


@pytest.mark.parametrize("text, word", [
    ("La sicurezza dei cittadini è migliorata.", "sicurezza"),
    ("La libertà di stampa è un valore.", "libertà"),
    ("È stata una scelta giusta.", "giusta"),
    ("I negoziati di pace riprendono.", "pace"),
    ("Una buona scuola per tutti.", "buona"),
])
def test_the_same_word_outside_a_name_still_counts(text, word):
    assert word in scored(text)
    assert not skipped(text)


def test_a_cased_name_needs_its_capital():
    assert skipped("Lo ha detto a Libera, l'associazione.").get("Libera") in ("name-list", "capitalised")
    assert "libera" in scored("La stampa libera è essenziale.")


def test_a_one_word_cased_name_is_not_read_at_the_start_of_a_sentence():
    assert "Possibile" not in skipped("Possibile che nessuno abbia visto niente?")


def test_slogans_are_names_only_with_their_capitals():
    assert skipped("Lo slogan era Andrà tutto bene, scritto ovunque.")
    assert "bene" in scored("Domani andrà tutto bene.")


def test_names_file_is_checked(tmp_path):
    bad = tmp_path / "names.tsv"
    bad.write_text("Patto Civico\tparty\tsometimes\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'any', 'cased' or 'context'"):
        read_names(bad)
    assert all(e.words for e in read_names())


def test_every_listed_name_is_worth_listing():
    """The list is for names holding an evaluative word or a negation (the lexicon with the social-media layer)."""
    from analysis.textblob_it.analyzer import _negations

    lex = load_lexicon(social_media=True)
    negations = {key[0] for key in _negations()}

    def worth(name: str) -> bool:
        words = [p.lower() for t in tokenize(name) for p in t.text.split("-") if p]
        return any(w in negations or ((x := lex.lookup(w)) is not None and not x.is_neutral) for w in words)

    entries = read_names()
    idle = [e.name for e in entries if not worth(e.name)]
    assert len(idle) <= 0.05 * len(entries), idle


# --- name heads: "decreto" + noun -------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Il decreto speranza è stato firmato.", "speranza"),
    ("Il governo ha varato il decreto Rinascita.", "Rinascita"),
    ("La legge stabilità passa al Senato.", "stabilità"),
    ("Il piano Vittoria Sicura è partito.", "Vittoria Sicura"),
])
def test_the_noun_after_a_name_head_is_a_name(text, name):
    assert skipped(text).get(name) == "name-head"
    assert analyze(text).polarity == 0.0


@pytest.mark.parametrize("text, word", [
    ("È un decreto giusto.", "giusto"),       # an adjective is an opinion about the act
    ("La chiamano legge truffa.", "truffa"),  # so is a negative noun: critics' names
])
def test_adjectives_and_negative_nouns_after_a_head_still_count(text, word):
    assert word in scored(text)


# --- hashtags ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Oggi in aula il #DecretoSicurezza", "Oggi in aula il #decretosicurezza",
    "Votate #ForzaItalia", "#forzaitalia2018 alle urne", "Parliamo di #labuonascuola",
])
def test_hashtags_that_join_a_name_are_skipped(text):
    assert analyze(text).polarity == 0.0
    assert any(s.reason == "hashtag" for s in surface_names(tokenize(text), lexicon=load_lexicon()))


def test_an_evaluative_hashtag_still_counts():
    assert analyze("#vergogna").polarity < 0
    assert analyze("Evviva la #libertà").polarity > 0


# --- quoted titles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, title", [
    ("Ieri è uscito il film «La vita è bella» in versione restaurata.", "La vita è bella"),
    ("L'operazione \"Strade sicure\" è stata prorogata.", "Strade sicure"),
    ("Ha scritto un libro intitolato “Il coraggio e la paura”.", "Il coraggio e la paura"),
])
def test_titles_in_quotation_marks_are_skipped(text, title):
    assert skipped(text).get(title) in ("quoted-title", "name-list")
    assert analyze(text).polarity == 0.0


def test_a_quotation_that_is_speech_still_counts():
    assert analyze("Il ministro ha detto: «Il futuro è bello e luminoso».").polarity > 0


# --- capitalised words and the model -----------------------------------------------------------

def test_capitalised_word_inside_a_sentence_is_listed_as_skipped():
    assert skipped("Ha parlato con Benedetta Pace ieri.").get("Pace") == "capitalised"


@needs_model
@pytest.mark.parametrize("text, name", [
    ("Felice Casson ha presentato il ricorso.", "Felice Casson"),
    ("Sereno Variabile è un programma televisivo.", "Sereno Variabile"),
])
def test_the_model_finds_names_that_open_a_sentence(text, name):
    assert skipped(text).get(name) in MODEL_REASONS


@needs_model
@pytest.mark.parametrize("text, word", [
    ("Felice del risultato, il sindaco ha ringraziato tutti.", "Felice"),
    ("Bravo Rossi, che gol!", "Bravo"),             # praise, not a name
    ("Bomba sociale in arrivo.", "Bomba"),           # a headline's first word, not a name
])
def test_the_model_does_not_take_evaluative_openers_for_names(text, word):
    assert word in scored(text)


def test_without_the_model_the_surface_filters_still_apply():
    assert skipped("Forza Italia ha votato.", model=False).get("Forza Italia") == "name-list"
    assert "Felice" in scored("Felice Casson ha presentato il ricorso.", model=False)


def test_names_can_be_switched_off():
    assert "sicurezza" in scored("Il decreto sicurezza è stato approvato.", names=False)


# --- your own names -------------------------------------------------------------------------------

def test_add_names_to_a_scorer_from_a_notebook_cell():
    text = "Il patto per la crescita felice è stato firmato."
    scorer = SentimentScorer(analyzer="lexicon")
    assert "felice" in scored(text, names=scorer.names)
    before = scorer.analyze(text)
    scorer.add_names(["Patto per la Crescita Felice"])
    assert skipped(text, names=scorer.names).get("patto per la crescita felice") == "user-name"
    assert scorer.analyze(text) != before and scorer.analyze(text).polarity == 0.0  # its cache was dropped
    assert scorer.analyze("Firmiamo il #PattoPerLaCrescitaFelice").polarity == 0.0
    assert "felice" in scored(text)  # the curated list and other scorers are untouched
    assert SentimentScorer().analyze(text).polarity > 0
    scorer.clear_user_names()
    assert "felice" in scored(text, names=scorer.names) and scorer.analyze(text).polarity > 0


def test_add_names_cased_and_from_a_file(tmp_path):
    scorer = SentimentScorer()
    scorer.add_names("Vittoria", match="cased")
    assert "vittoria" in scored("Una vittoria netta.", names=scorer.names)
    path = tmp_path / "mine.tsv"
    path.write_text("# my names\nOnda Serena\tmovement\tany\n", encoding="utf-8")
    scorer.use_names_file(path)
    assert skipped("L'onda serena ha vinto.", names=scorer.names).get("onda serena") == "user-name"
    assert scorer.user_names() == ["Vittoria", "Onda Serena"]


def test_the_curated_names_refuse_additions():
    with pytest.raises(ValueError, match="your own"):
        curated_names().add(["Onda Serena"])


@pytest.mark.parametrize("text, name", [
    ("Gli insegnanti contestano la buona scuola di Renzi.", "buona scuola"),   # article + name, lower case
    ("Il decreto della buona scuola è in aula.", "buona scuola"),            # articulated preposition
    ("Approvata la riforma buona scuola.", "buona scuola"),                   # after a name head
    ("Tutti contro #LaBuonaScuola oggi", "#LaBuonaScuola"),                    # hashtag
    ("Il partito democratico ha vinto le primarie.", "partito democratico"),
])
def test_context_names_are_names_in_any_case_where_the_context_says_so(text, name):
    assert skipped(text).get(name) in ("name-list", "hashtag")


@pytest.mark.parametrize("text, word", [
    ("Vogliamo una buona scuola per tutti.", "buona"),          # no article: an opinion
    ("Una vittoria democratica e pacifica.", "pacifica"),
])
def test_context_names_without_their_context_are_words(text, word):
    assert word in scored(text)


def test_add_names_refuses_nonsense():
    with pytest.raises(ValueError, match="non-empty"):
        add_names([""])
    with pytest.raises(ValueError, match="'any', 'cased' or 'context'"):
        add_names(["Onda Serena"], match="sometimes")  # type: ignore[arg-type]


def test_added_names_reach_the_tables():
    corpus = corpus_from_texts({"a": "Il patto per la crescita felice è stato firmato."})
    before = sentence_sentiment(corpus, analyzer="lexicon")["polarity"].iloc[0]
    add_names(["Patto per la Crescita Felice"])
    after = sentence_sentiment(corpus, analyzer="lexicon")["polarity"].iloc[0]
    assert before > 0 and after == 0.0
    assert "felice" not in set(sentence_assessments(corpus)["text"])  # the explanation of either analyzer


# --- in TextBlobIT and every table ------------------------------------------------------------

def test_textblob_lists_skipped_names_with_their_reason():
    blob = TextBlobIT("Forza Italia e Italia Viva votano il decreto sicurezza.")
    rows = [(" ".join(w), rules) for w, p, s, rules in blob.sentiment_assessments.assessments]
    assert ("Forza Italia", ("skipped", "name-list")) in rows
    assert ("decreto sicurezza", ("skipped", "name-list")) in rows
    assert blob.polarity == 0.0


def test_tables_skip_names_and_list_them():
    text = "Il decreto sicurezza è passato. La sicurezza dei cittadini è migliorata."
    corpus = corpus_from_texts({"a": text})
    s = sentence_sentiment(corpus, analyzer="lexicon")
    assert s["polarity"].iloc[0] == 0.0 and s["polarity"].iloc[1] > 0
    a = sentence_assessments(corpus)
    rows = a[a["rules"].str.startswith("skipped")]
    assert list(rows["text"]) == ["decreto sicurezza"] and list(rows["rules"]) == ["skipped,name-list"]
    assert text[rows["start"].iloc[0]:rows["end"].iloc[0]] == "decreto sicurezza"
