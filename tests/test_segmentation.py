"""Paragraphs and sentences of Italian news text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.segmentation import Span, sentence_spans_from_tokens, split_paragraphs, split_sentences
from analysis.tokenization import tokenize


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations keep the sentence going
        ("Il sig. Rossi è arrivato. Poi è ripartito.", ["Il sig. Rossi è arrivato.", "Poi è ripartito."]),
        (
            "Lo ha detto il dott. Bianchi. Anche il prof. Verdi e l'on. Neri, con il sen. Gialli.",
            ["Lo ha detto il dott. Bianchi.", "Anche il prof. Verdi e l'on. Neri, con il sen. Gialli."],
        ),
        ("Secondo l'art. 3 della Costituzione siamo uguali. Tutti.", ["Secondo l'art. 3 della Costituzione siamo uguali.", "Tutti."]),
        ("Vedi pag. 12 e p.es. il cap. 3. Fine.", ["Vedi pag. 12 e p.es. il cap. 3.", "Fine."]),
        ("Mele, pere ecc. Poi il resto.", ["Mele, pere ecc.", "Poi il resto."]),
        # initials
        ("George W. Bush ha parlato. J. K. Rowling no.", ["George W. Bush ha parlato.", "J. K. Rowling no."]),
        # numbers
        ("Sono 11.000 persone. Il 2,5% vota. Alle 18.30 si chiude.", ["Sono 11.000 persone.", "Il 2,5% vota.", "Alle 18.30 si chiude."]),
        ("Nel 2023. Poi nel 2024.", ["Nel 2023.", "Poi nel 2024."]),
        # quotation marks and guillemets
        ("«Non ci sto», ha detto. «Andiamo via.» Poi è uscito.", ["«Non ci sto», ha detto.", "«Andiamo via.»", "Poi è uscito."]),
        ("Ha detto: “Basta!”. Il giorno dopo è tornato.", ["Ha detto: “Basta!”.", "Il giorno dopo è tornato."]),
        ("Ha gridato «Basta!» e se n'è andato.", ["Ha gridato «Basta!» e se n'è andato."]),
        ('Ha scritto "mai più." Poi ha taciuto.', ['Ha scritto "mai più."', "Poi ha taciuto."]),
        ("Disse: ‘Vado.’ Poi andò.", ["Disse: ‘Vado.’", "Poi andò."]),
        # ellipses
        ("Aspettava... Poi arrivò. E poi… niente.", ["Aspettava...", "Poi arrivò.", "E poi… niente."]),
        # question and exclamation marks
        ("Chi vincerà? Nessuno lo sa! Davvero?! Sì.", ["Chi vincerà?", "Nessuno lo sa!", "Davvero?!", "Sì."]),
        # a full stop before a lower-case word after a word ending in a vowel
        ("Era finita. poi tutto ricominciò.", ["Era finita.", "poi tutto ricominciò."]),
        # ... but not after an unknown abbreviation ending in a consonant
        ("Vedi sez. civile della corte.", ["Vedi sez. civile della corte."]),
        ("Collezione (distr. da Palazzo) in marmo.", ["Collezione (distr. da Palazzo) in marmo."]),
        # emoji after the stop stay with their sentence
        ("Bellissimo! 😀 Domani si parte.", ["Bellissimo! 😀", "Domani si parte."]),
        # list and article labels
        ("1. Premessa. Il testo segue.", ["1. Premessa.", "Il testo segue."]),
        # words that are not abbreviations end a sentence
        ("Ha detto no. Poi ha percorso 5 km. Tutto qui.", ["Ha detto no.", "Poi ha percorso 5 km.", "Tutto qui."]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_headline_without_stop_is_its_own_sentence():
    text = "Vertice a Pyongyang\n\nPutin e Kim firmano un accordo. Seguono i dettagli."
    assert sentences(text) == ["Vertice a Pyongyang", "Putin e Kim firmano un accordo.", "Seguono i dettagli."]


def test_list_items_without_stop():
    text = "Ecco i punti:\n- primo punto\n- secondo punto\n\nFine."
    assert sentences(text) == ["Ecco i punti:", "- primo punto", "- secondo punto", "Fine."]


def test_line_break_after_headline_inside_a_paragraph():
    text = "Intro.\n\nVertice a Pyongyang\nPutin arriva oggi. Kim lo attende."
    assert sentences(text) == ["Intro.", "Vertice a Pyongyang", "Putin arriva oggi.", "Kim lo attende."]


def test_hard_wrapped_line_does_not_split():
    text = "Intro.\n\nIl portavoce del presidente\nha confermato la visita."
    assert sentences(text) == ["Intro.", "Il portavoce del presidente\nha confermato la visita."]


def test_paragraphs_by_blank_lines_or_by_lines():
    assert split_paragraphs("A\n\n  B\r\n \r\nC") == [Span(0, 1), Span(5, 6), Span(11, 12)]
    assert split_paragraphs("uno\ndue\n") == [Span(0, 3), Span(4, 7)]  # no blank line: one per line
    assert split_paragraphs("uno\ndue\n\ntre") == [Span(0, 7), Span(9, 12)]
    assert split_paragraphs("") == [] and split_paragraphs(" \n\n ") == []


def test_sentence_slice_offsets():
    text = "Prima. Seconda frase. Terza."
    spans = split_sentences(text, 7)
    assert [text[s:e] for s, e in spans] == ["Seconda frase.", "Terza."]


def test_spans_from_given_tokens():
    text = "Uno. Due."
    assert sentence_spans_from_tokens(text, tokenize(text), 0, len(text)) == [Span(0, 4), Span(5, 9)]


def test_seed_headline_structure(seed_text):
    spans = split_sentences(seed_text)
    assert len(spans) == 16
    assert seed_text[spans[0].start : spans[0].end].startswith("Il Presidente Vladimir Putin")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sentences_round_trip_on_arbitrary_text(text):
    spans = split_sentences(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and piece
        pos = e
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa e.!?…«»“”\"'’()-:;\n 1,0%sig")), max_size=80))
def test_sentences_round_trip_on_punctuation_heavy_text(text):
    spans = split_sentences(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
