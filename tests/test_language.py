"""Language detection: Italian kept as "it", other languages named, short text undetermined."""
from __future__ import annotations

import csv

import pytest

from analysis.language import (
    ITALIAN_THRESHOLD,
    detect_language,
    normalize_language_code,
    resolve_language,
)

OTHER = {
    "en": "The prime minister told reporters on Monday that the government would present the budget to parliament next week.",
    "fr": "Le Premier ministre a déclaré lundi que le gouvernement présenterait le budget au Parlement la semaine prochaine.",
    "de": "Der Ministerpräsident sagte am Montag, die Regierung werde den Haushalt nächste Woche dem Parlament vorlegen.",
    "es": "El presidente del Gobierno dijo el lunes que el Ejecutivo presentará los presupuestos al Parlamento la próxima semana.",
    "pt": "O primeiro-ministro disse na segunda-feira que o governo vai apresentar o orçamento ao parlamento na próxima semana.",
}
ITALIAN = "Il presidente del Consiglio ha detto lunedì che il governo presenterà la legge di bilancio al Parlamento la prossima settimana."


def test_italian_news_sentence_is_italian():
    guess = detect_language(ITALIAN)
    assert guess.code == "it" and guess.italian_score >= ITALIAN_THRESHOLD


@pytest.mark.parametrize("code", sorted(OTHER))
def test_other_news_languages_are_named(code):
    guess = detect_language(OTHER[code])
    assert guess.code == code
    assert guess.italian_score < ITALIAN_THRESHOLD


@pytest.mark.parametrize("text", ["", "   ", "12.000 2,5% 3/4", "Ок", "ΑΒΓ"])
def test_text_without_enough_words_is_undetermined(text):
    assert detect_language(text).code == "und"


def test_text_in_an_unscored_script_is_undetermined():
    assert detect_language("Правительство объявило во вторник новые меры поддержки для семей.").code == "und"


@pytest.mark.parametrize(("value", "code"), [("IT", "it"), ("it-IT", "it"), ("ita", "it"), ("Italiano", "it"), ("en_GB", "en"), ("", None), (None, None)])
def test_declared_codes_are_normalised(value, code):
    assert normalize_language_code(value) == code


def test_declared_language_wins_unless_evidently_wrong():
    assert resolve_language("it", detect_language("Roma, 12 giugno.")) == ("it", None)
    assert resolve_language("en", detect_language(OTHER["en"])) == ("en", None)
    short = detect_language(OTHER["en"])  # 16 words: too few to overrule a declaration
    assert short.n_words < 20 and resolve_language("it", short) == ("it", None)
    longer = OTHER["en"] + " Opposition leaders said they would vote against every article of the bill."
    code, warning = resolve_language("it", detect_language(longer))
    assert code == "en" and "declared language 'it'" in warning


def _rate(texts):
    guesses = [detect_language(t).code for t in texts]
    return sum(g == "it" for g in guesses) / len(guesses)


@pytest.mark.data
def test_measured_italian_recall_on_shared_data(shared_data):
    """Share of real Italian text recognised as Italian (floors set from measurement).

    Measured: UD ISDT dev, 5-sentence chunks 113/113; CheckThat! single news
    sentences 2265/2280 (0.993); SENTIPOLC tweets 7049/7410 (0.951).
    """
    ud = [line[9:].strip() for line in (shared_data / "ud-italian-isdt/it_isdt-ud-dev.conllu").open(encoding="utf-8")
          if line.startswith("# text =")]
    chunks = [" ".join(ud[i : i + 5]) for i in range(0, len(ud), 5)]
    assert _rate(chunks) >= 0.99
    sentences = []
    for name in ("dev_it.tsv", "train_it.tsv"):
        with (shared_data / "checkthat-subjectivity-it" / name).open(encoding="utf-8") as fh:
            sentences += [r["sentence"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    assert _rate(sentences) >= 0.98
    with (shared_data / "sentipolc16/sentipolc16_officialdistrib_train.csv").open(encoding="utf-8") as fh:
        tweets = [r["text"] for r in csv.DictReader(fh)]
    assert _rate(tweets) >= 0.93
