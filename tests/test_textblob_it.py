"""TextBlobIT and the Italian analyzer: hand-written Italian cases, offline behaviour, properties."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import Blobber

from analysis.textblob_it import PatternAnalyzer, TextBlobIT, analyze
from analysis.textblob_it.lexicon import load_lexicon, pattern_lexicon_path


def pol(text: str) -> float:
    return analyze(text).polarity


def pol_social(text: str) -> float:
    """Polarity with the social-media layer (slang, greetings, laughter) switched on."""
    return analyze(text, social_media=True).polarity


# --- the contract -------------------------------------------------------------------

def test_done_when_sentence_is_negative():
    assert TextBlobIT("Non è affatto una buona notizia.").sentiment.polarity < 0


def test_polarity_and_subjectivity_use_the_italian_analyzer():
    blob = TextBlobIT("È una bellissima giornata.")
    assert blob.polarity == blob.sentiment.polarity > 0.3
    assert blob.subjectivity == blob.sentiment.subjectivity > 0


def test_blobber_with_italian_analyzer():
    tb = Blobber(analyzer=PatternAnalyzer())
    assert tb("Un disastro terribile.").sentiment.polarity < 0
    assert tb("Un successo straordinario.").sentiment.polarity > 0


def test_keep_assessments_returns_words_and_rules():
    result = PatternAnalyzer().analyze("Non è una buona notizia", keep_assessments=True)
    assert result.polarity < 0
    words = [(w, p, rules) for w, p, s, rules in result.assessments if p]
    assert words == [(["buona", "notizia"], pytest.approx(result.polarity), ("negated",))]


def test_sentiment_assessments_on_blob():
    a = TextBlobIT("Molto bene!").sentiment_assessments
    assert a.polarity > 0 and any("intensified" in (r or ()) for *_, r in a.assessments)


def test_sentences_are_exact_substrings_with_offsets():
    text = "Il sig. Rossi è arrivato. «Che disastro!» ha detto.\n\nPoi è ripartito… Ok"
    blob = TextBlobIT(text)
    assert len(blob.sentences) >= 3
    for s in blob.sentences:
        assert text[s.start:s.end] == s.raw
        assert s.end_index == s.end
    assert blob.sentences[0].raw == "Il sig. Rossi è arrivato."
    assert blob.raw_sentences == [s.raw for s in blob.sentences]


def test_sentence_polarity_is_italian():
    blob = TextBlobIT("La guerra continua. La pace è vicina.")
    first, second = blob.sentences
    assert first.polarity < 0 < second.polarity


def test_words_split_elisions_and_drop_punctuation():
    blob = TextBlobIT("L’agenzia dell'ONU: «tregua»!")
    assert list(blob.words) == ["L’", "agenzia", "dell'", "ONU", "tregua"]
    assert "!" in blob.tokens


def test_offline_without_nltk_data(tmp_path):
    """Nothing in our code path may need NLTK corpora (MissingCorpusError)."""
    code = (
        "from analysis.textblob_it import TextBlobIT, PatternAnalyzer\n"
        "from textblob import Blobber\n"
        "b = TextBlobIT('Una crisi grave. Ma la pace è vicina! Non è male.')\n"
        "print(len(b.sentences), list(b.words)[:2], b.sentiment, b.polarity, b.subjectivity,\n"
        "      b.sentiment_assessments.polarity, [s.polarity for s in b.sentences], b.tokens[:2])\n"
        "print(Blobber(analyzer=PatternAnalyzer())('Un disastro').sentiment)\n"
    )
    env = dict(os.environ, NLTK_DATA=str(tmp_path), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "MissingCorpus" not in done.stderr


def test_pattern_lexicon_read_from_installed_package():
    path = pattern_lexicon_path()
    assert path.name == "it-sentiment.xml" and "site-packages" in str(path)
    plain = load_lexicon(supplement=False)
    assert len(plain) > 3000
    assert len(load_lexicon()) > len(plain) + 300  # our supplement adds hundreds of entries


# --- negation -----------------------------------------------------------------------

@pytest.mark.parametrize("positive, negated", [
    ("È una buona notizia.", "Non è una buona notizia."),
    ("Il piano è efficace.", "Il piano non è mai stato efficace."),
    ("Un accordo utile.", "Nessun accordo utile."),
    ("Un risultato positivo.", "Neanche un risultato positivo."),
])
def test_negation_flips_positive(positive, negated):
    assert pol(positive) > 0 > pol(negated)


def test_negating_a_negative_word_is_mildly_positive():
    assert pol("Non è male.") > 0
    assert pol("Non ci sono stati feriti.") > 0
    assert pol("Senza problemi.") > 0


def test_unknown_words_do_not_cancel_negation():
    # Pattern's bug: an unknown word between "non" and the opinion word cancelled the negation
    assert pol("Non è stata proprio una buona notizia") < 0
    assert pol("Non è xyzzy buona") < 0


def test_affatto_and_per_niente_strengthen():
    assert pol("Non è affatto buona.") < pol("Non è buona.") < 0
    assert pol("Non è per niente buona.") < pol("Non è buona.")


def test_negative_concord_is_one_negation():
    assert pol("Non è mai stata una buona idea.") < 0


def test_negation_scope_ends_at_punctuation_and_clauses():
    assert pol("Non lo so, ma è un ottimo accordo.") > 0
    assert pol("Non ha detto che la pace è un successo") > 0  # "che" opens a new clause


def test_non_solo_is_not_a_negation():
    assert pol("Non solo è bello, ma anche utile.") > 0


# --- intensifiers, diminishers, superlatives -------------------------------------------

def test_intensifier_strengthens():
    assert pol("È molto grave.") < pol("È grave.") < 0
    assert pol("È estremamente positivo.") > pol("È positivo.") > 0


def test_diminisher_weakens():
    assert pol("È grave.") < pol("È poco grave.") <= 0


@pytest.mark.parametrize("base, superlative", [("grave", "gravissimo"), ("bello", "bellissimo"), ("brutto", "bruttissima")])
def test_superlative_keeps_intensity(base, superlative):
    b, s = pol(f"È {base}."), pol(f"È {superlative}.")
    assert abs(s) >= abs(b) > 0 and (s > 0) == (b > 0)


def test_adverb_in_mente_scored_as_adjective():
    assert pol("È finita tragicamente.") < 0


# --- contrast, exclamation, emoji, elisions ----------------------------------------------

def test_contrast_weighs_the_clause_after():
    assert pol("Il piano è buono, ma è un disastro.") < 0
    assert pol("È un disastro, però il piano è ottimo.") > 0


def test_ma_anche_is_not_a_contrast():
    a = analyze("Un risultato buono ma anche utile.")
    assert not any("contrast-before" in x.rules for x in a.assessments)


def test_exclamation_amplifies():
    assert pol("Che disastro!") < pol("Che disastro.") < 0


@pytest.mark.parametrize("text, sign", [("Ottima giornata 😀", 1), ("Pessima notizia 😡", -1), ("Evviva :)", 1),
                                        ("Eh già :(", -1), ("👍🏻", 1), ("💔", -1)])
def test_emoji_and_emoticons(text, sign):
    assert pol(text) * sign > 0


def test_elided_forms_are_found():
    assert pol("L'invasione dell'Ucraina") < 0
    assert pol("Un'ottima idea") > 0
    assert pol("L’aggressione") < 0


def test_accent_folding_and_lemma_lookup():
    assert pol("la liberta") > 0  # accent missing, as often in tweets
    assert pol("Le sanzioni") < 0 and pol("gli attacchi") < 0  # plural → lemma


def test_news_words_are_not_falsely_positive():
    # Pattern scores these common words as positive; our supplement neutralises them
    for text in ("ancora qui", "la fine", "un nuovo", "Caro lettore"):
        assert pol(text) == 0.0, text


def test_names_are_not_scored():
    assert pol("Ha parlato con Benedetta Pace di Forza Italia") == 0.0


def test_subjectivity_cues_raise_subjectivity():
    assert analyze("Credo che il governo dovrebbe dimettersi.").subjectivity > analyze(
        "Il governo si è riunito alle 10.").subjectivity


@pytest.mark.parametrize("form, lemma_entry", [
    ("vergognatevi", None), ("fischiato", "fischiare"), ("incazzati", "incazzato"),
    ("dannose", "dannoso"), ("schifezze", "schifezza"), ("picchiato", "picchiare"),
])
def test_inflected_forms_reach_their_lemma(form, lemma_entry):
    entry = load_lexicon(social_media=True).lookup(form)
    assert entry is not None and entry.polarity < 0, form
    if lemma_entry is not None:
        assert entry.form == lemma_entry


def test_inflected_pattern_forms_follow_our_lemma_score():
    # Pattern scores "cari" and "vere" positive; our supplement neutralises "caro" and "vero"
    lex = load_lexicon()
    assert lex.get("caro").polarity == 0.0 and lex.get("cari").polarity == 0.0
    assert lex.get("vero").polarity == 0.0 and lex.get("vere").polarity == 0.0


@pytest.mark.parametrize("text, sign", [("che schifooo", -1), ("bellissimooo", 1), ("vergognaaa", -1)])
def test_elongated_words_are_squeezed(text, sign):
    assert pol_social(text) * sign > 0


def test_hashtags_are_read_and_camel_case_split():
    assert pol("#vergogna") < 0
    assert pol("#governo_ladro") < 0
    r = analyze("Oggi #NonSonoFelice")
    assert r.polarity < 0  # "non" in the hashtag negates "felice"
    text = "Oggi #NonSonoFelice"
    for a in r.assessments:
        assert text[a.start:a.end].lower() == a.text.lower()


def test_laughter_is_mildly_positive_with_the_social_media_layer():
    assert 0 < pol_social("ahahahah") <= 0.5
    assert pol_social("lol") > 0 and pol_social("hahaha") > 0
    assert pol_social("ah") == 0.0
    assert pol("ahahahah") == 0.0 and pol("lol") == 0.0  # news text: off


@pytest.mark.parametrize("text", ["Che cazzata", "Fa schifo", "Buongiorno a tutti", "Vabbè"])
def test_slang_and_greetings_count_only_with_the_social_media_layer(text):
    assert pol(text) == 0.0
    assert pol_social(text) != 0.0


def test_social_media_layer_in_pattern_analyzer():
    assert PatternAnalyzer(social_media=True).analyze("che cazzata").polarity < 0
    assert PatternAnalyzer().analyze("che cazzata").polarity == 0.0


@pytest.mark.parametrize("text, sign", [("ci vediamo domani :3", 1), ("ti voglio bene &lt;3", 1),
                                        ("che giornata T_T", -1), ("*_*", 1)])
def test_emoticons_split_by_the_tokenizer_are_joined(text, sign):
    assert pol(text) * sign > 0


def test_phrases_that_begin_with_non():
    assert pol("Non vedo l'ora!") > 0
    assert pol("Non ne posso più") < 0


def test_invece_di_sets_the_alternative_aside():
    assert pol("Invece di demonizzare l'aria condizionata") > 0


def test_capitalised_word_after_a_handle_is_not_a_name():
    assert pol("@amica Grazie") > 0


def test_first_person_plural_and_second_person_raise_subjectivity():
    base = analyze("Il sindaco presenta il piano.").subjectivity
    assert analyze("Presentiamo il piano.").subjectivity > base
    assert analyze("Tu presenti il piano.").subjectivity > base


def test_reporting_signs_lower_subjectivity():
    opinion = analyze("Purtroppo il piano è sbagliato.").subjectivity
    reported = analyze("Purtroppo il piano è sbagliato, ha detto il 12 marzo il sindaco.").subjectivity
    assert reported < opinion


def test_long_sentences_do_not_pile_up_weak_evidence():
    short = "Il piano è abbastanza utile."
    long = short[:-1] + " " + " ".join(["e il consiglio comunale lo esaminerà nella seduta prevista"] * 4) + "."
    assert analyze(long).subjectivity < analyze(short).subjectivity


def test_non_string_input_is_a_clear_error():
    with pytest.raises(TypeError, match="expects a str"):
        analyze(None)  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------

_WORDS = st.sampled_from(["non", "molto", "buono", "guerra", "ma", "!", "?", "affatto", "pace", "😀", ":(",
                          "l'", "senza", "bellissimo", "per", "niente", ",", ".", "né", "mai", "poco", "però"])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_in_range_on_any_string(text):
    r = analyze(text)
    assert -1.0 <= r.polarity <= 1.0
    assert 0.0 <= r.subjectivity <= 1.0
    for a in r.assessments:
        assert 0 <= a.start <= a.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_in_range_on_rule_heavy_strings(text):
    blob = TextBlobIT(text)
    assert -1.0 <= blob.polarity <= 1.0 and 0.0 <= blob.subjectivity <= 1.0
    for s in blob.sentences:
        assert text[s.start:s.end] == s.raw
