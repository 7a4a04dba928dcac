"""Lemmas: simplemma guarded, corrected for closed-class words, and read in context."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.lemmatization import (
    CAPITALIZED_NOUNS,
    DETERMINERS,
    LEMMA_CORRECTIONS,
    PARTICIPLES,
    document_names,
    lemmatize,
    lemmatize_tokens,
)
from analysis.segmentation import split_sentences
from analysis.tokenization import tokenize


def lemmas(sentence: str) -> dict[str, str]:
    """form → lemma for one sentence (later forms win when repeated)."""
    toks = tokenize(sentence)
    return dict(zip((t.text for t in toks), lemmatize_tokens(toks)))


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("il", "il"), ("gli", "il"), ("l'", "il"), ("l’", "il"),
        ("una", "uno"), ("un'", "uno"), ("un", "uno"),
        ("agli", "a"), ("alle", "a"), ("dell'", "di"), ("della", "di"), ("nei", "in"), ("sulla", "su"),
        ("essa", "esso"), ("quella", "quello"), ("tutte", "tutto"), ("sue", "suo"),
        ("po'", "poco"), ("fin", "fino"),
        ("dott.", "dottore"), ("art.", "articolo"), ("ecc.", "eccetera"),
    ],
)
def test_closed_class_conventions(form, lemma):
    kind = tokenize(form + " x")[0].kind
    assert lemmatize(form, kind=kind) == lemma


@pytest.mark.parametrize(
    "sentence, form, lemma",
    [
        # proper nouns keep their form; "Un" in "Kim Jong Un" is not "uno"
        ("Putin e Kim Jong Un hanno firmato.", "Un", "Un"),
        ("Putin e Kim Jong Un hanno firmato.", "hanno", "avere"),
        ("Lo ha detto Meloni ieri.", "Meloni", "Meloni"),
        ("Arriva a Pyongyang domani.", "Pyongyang", "Pyongyang"),
        ("Lo riporta l'agenzia PTI.", "PTI", "PTI"),
        ("Una città degli Stati Uniti.", "Stati", "Stati"),
        # institutional nouns written with a capital are common nouns
        ("Lo ha detto il Governo.", "Governo", "governo"),
        ("Tra i due Paesi.", "Paesi", "paese"),
        ("Il Presidente Vladimir Putin ha promesso.", "Presidente", "presidente"),
        # sentence-initial common words are lower-cased
        ("Anche il Pentagono ha parlato.", "Anche", "anche"),
        ("Dopo Putin parla Kim.", "Dopo", "dopo"),
        # clitic pronouns are not articles
        ("L'ha detto lui.", "L'", "lo"),
        ("Lo vedo domani.", "Lo", "lo"),
        ("Gli ha scritto.", "Gli", "gli"),
        ("Gli studenti e lo studio.", "Gli", "il"),
        ("Gli studenti e lo studio.", "lo", "il"),
        ("Poi la usano spesso.", "la", "la"),
        ("Alla fine ce la fa.", "la", "la"),
        # nouns after determiners and prepositions, not verbs
        ("Il fatto è noto.", "fatto", "fatto"),
        ("Le richieste sono state accolte.", "richieste", "richiesta"),
        ("Le imposte sono alte.", "imposte", "imposta"),
        ("Attendiamo l'arrivo del treno.", "arrivo", "arrivo"),
        ("Arrivo domani.", "Arrivo", "arrivare"),
        ("La morte di Rossi.", "morte", "morte"),
        ("Ha agito su richiesta del consumatore.", "richiesta", "richiesta"),
        ("È la prima volta.", "prima", "primo"),
        # stato, subito, fa
        ("È stato il fatto.", "stato", "essere"),
        ("Lo stato è forte.", "stato", "stato"),
        ("Tre anni fa è arrivato subito.", "fa", "fa"),
        ("Tre anni fa è arrivato subito.", "subito", "subito"),
        ("Ha subito danni.", "subito", "subire"),
        ("Lo fa spesso.", "fa", "fare"),
        # participles after an auxiliary
        ("Lo ha detto lui.", "detto", "dire"),
        ("È stata presa ieri.", "presa", "prendere"),
        ("È partita ieri.", "partita", "partire"),
        ("Ha speso molto.", "speso", "spendere"),
    ],
)
def test_lemmas_in_context(sentence, form, lemma):
    assert lemmas(sentence)[form] == lemma


def test_sentence_initial_name_known_from_the_document():
    text = "Meloni ha parlato. Poi la premier Meloni è partita."
    sents = [tokenize(text, s, e) for s, e in split_sentences(text)]
    names = document_names(sents)
    assert "Meloni" in names
    assert lemmatize_tokens(sents[0], names=names)[0] == "Meloni"
    assert lemmatize_tokens(sents[0])[0] != "Meloni"  # simplemma alone: the fruit


def test_document_names_leave_out_function_words_and_institutions():
    text = "Kim Jong Un e il Governo. Il Paese."
    names = document_names([tokenize(text)])
    assert "Jong" in names and "Un" not in names and "Governo" not in names


@pytest.mark.parametrize("form", ["", " ", "\n", "'", "’", "-", "…"])
def test_guarded_against_degenerate_input(form):
    assert lemmatize(form) == form or isinstance(lemmatize(form), str)


def test_lone_surrogate_is_its_own_lemma():
    # simplemma raises UnicodeEncodeError on it; the lemmatizer keeps the form.
    assert lemmatize("ab\ud800") == "ab\ud800"


def test_other_kinds_are_their_own_lemma():
    assert lemmatize("11.000", kind="number") == "11.000"
    assert lemmatize("U.S.A.", kind="acronym") == "U.S.A."
    assert lemmatize("😀", kind="emoji") == "😀"


def test_data_files_are_consistent():
    assert all(k == k.lower() and "’" not in k for k in LEMMA_CORRECTIONS)
    assert set(DETERMINERS.values()) <= {"m.sg", "f.sg", "-.sg", "m.pl", "f.pl"}
    assert {"governo", "stato", "paese", "presidente", "ministro"} <= CAPITALIZED_NOUNS
    assert PARTICIPLES["detto"] == PARTICIPLES["dette"] == "dire"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["word", "elision", "abbreviation", "number"]), st.booleans())
def test_lemmatize_never_raises(form, kind, initial):
    assert isinstance(lemmatize(form, kind=kind, sentence_initial=initial, previous=form[:2] or None, following=form[-2:] or None), str)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_lemmatize_tokens_one_lemma_per_token(text):
    toks = tokenize(text)
    out = lemmatize_tokens(toks)
    assert len(out) == len(toks) and all(isinstance(x, str) and x for x in out)
