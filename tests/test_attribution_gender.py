"""Speaker gender: first names, Italian grammar, agreement; unknown whenever in doubt."""
from __future__ import annotations

import pytest

from analysis.attribution import extract_attributions
from analysis.attribution.gender import gender_from_agreement, gender_from_name, gender_from_phrase, speaker_gender


@pytest.mark.parametrize("name, gender", [
    ("Giorgia Meloni", "female"), ("Andrea Orlando", "male"),  # Italian usage first: Andrea is a man's name
    ("Matteo Salvini", "male"), ("John Kirby", "male"), ("Ursula von der Leyen", "female"),
    ("Kim Jong Un", None),  # not plainly one or the other in the list
    ("Putin", None), ("J. Biden", None), ("ministro degli Esteri", None), ("", None), (None, None),
])
def test_first_names(name, gender):
    assert gender_from_name(name) == gender


@pytest.mark.parametrize("words, morphs, pos, gender", [
    (["la", "ministra"], ["Definite=Def|Gender=Fem|Number=Sing", "Gender=Fem|Number=Sing"], ["DET", "NOUN"], "female"),
    # an article decides for a noun of both genders
    (["la", "portavoce"], ["Gender=Fem|Number=Sing", "Gender=Masc|Number=Sing"], ["DET", "NOUN"], "female"),
    (["il", "sindaco"], ["Gender=Masc|Number=Sing", "Gender=Masc|Number=Sing"], ["DET", "NOUN"], "male"),
    # a masculine noun without a masculine article may be generic; a feminine one is marked
    (["l'", "allenatore"], ["Number=Sing", "Gender=Masc|Number=Sing"], ["DET", "NOUN"], None),
    (["l'", "avvocata"], ["Number=Sing", "Gender=Fem|Number=Sing"], ["DET", "NOUN"], "female"),
    (["i", "medici"], ["Gender=Masc|Number=Plur", "Gender=Masc|Number=Plur"], ["DET", "NOUN"], None),
    # a name's article says nothing: "Il Tempo", "De la Torre"
    (["Il", "Tempo"], ["Gender=Masc|Number=Sing", "Gender=Masc|Number=Sing"], ["DET", "PROPN"], None),
    (["De", "la", "Torre"], ["", "Gender=Fem|Number=Sing", ""], ["PROPN", "DET", "PROPN"], None),
])
def test_grammar_of_the_speakers_phrase(words, morphs, pos, gender):
    assert gender_from_phrase(words, morphs, pos) == gender


@pytest.mark.parametrize("words, gender", [
    (["la", "portavoce"], "female"), (["Il", "portavoce"], "male"), (["La", "Georgia"], None), (["lei"], "female"),
    (["egli"], "male"), (["Rossi"], None),
])
def test_unparsed_phrases_read_their_article(words, gender):
    assert gender_from_phrase(words) == gender


def test_agreeing_participles():
    assert gender_from_agreement([("AUX", "Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part"),
                                  ("VERB", "Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part")]) == "female"
    assert gender_from_agreement([("VERB", "Gender=Masc|Number=Plur|Tense=Past|VerbForm=Part")]) is None
    assert gender_from_agreement([("VERB", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")]) is None


def test_only_persons_have_a_gender():
    assert speaker_gender("organization", "Maria Rossi Spa", ["la", "società"]) is None
    assert speaker_gender("person", "Maria Rossi", ["Maria", "Rossi"]) == "female"
    # the first name outranks a masculine title: "il ministro Luciana Lamorgese"
    assert speaker_gender("person", "Luciana Lamorgese", ["il", "ministro", "Luciana", "Lamorgese"]) == "female"


def test_gender_column_in_the_table():
    df = extract_attributions(
        "La ministra dell'Interno ha dichiarato che il piano partirà. Il portavoce ha spiegato che tutto è pronto. "
        "Elly Schlein ha detto che non ci sta. I medici hanno detto che va meglio. Il governo ha detto che si vedrà.")
    got = dict(zip(df["speaker"], df["speaker_gender"].astype(object).where(df["speaker_gender"].notna(), None)))
    assert got == {"La ministra dell'Interno": "female", "Il portavoce": "male", "Elly Schlein": "female",
                   "I medici": None, "Il governo": None}


def test_one_gender_per_named_person_across_rows():
    df = extract_attributions("Vladimir Putin ha detto che la Russia è pronta. Più tardi Putin ha aggiunto che non cederà.")
    assert set(df["speaker_canonical"]) == {"Vladimir Putin"}
    assert (df["speaker_gender"] == "male").all()
