"""The Italian tokenizer: real cases, kinds, and offsets on arbitrary text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.tokenization import ABBREVIATIONS, TOKEN_KINDS, Token, is_emoji_text, is_punct_text, iter_tokens, tokenize


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # elisions split after the apostrophe, straight or curly
        ("l’agenzia", ["l’", "agenzia"]),
        ("l'agenzia", ["l'", "agenzia"]),
        ("dall’Ucraina", ["dall’", "Ucraina"]),
        ("un’opinione", ["un’", "opinione"]),
        ("c’è", ["c’", "è"]),
        ("C'era una volta", ["C'", "era", "una", "volta"]),
        ("dell'11 settembre", ["dell'", "11", "settembre"]),
        ("sull’«Unità»", ["sull’", "«", "Unità", "»"]),
        ("quest'anno", ["quest'", "anno"]),
        # truncations keep their apostrophe
        ("un po’ di tempo", ["un", "po’", "di", "tempo"]),
        ("E' vero", ["E'", "vero"]),
        # name compounds split, lower-case compounds stay whole
        ("guerra Russia-Ucraina", ["guerra", "Russia", "-", "Ucraina"]),
        ("il know-how russo", ["il", "know-how", "russo"]),
        ("l'e-mail", ["l'", "e-mail"]),
        ("anti-Putin", ["anti", "-", "Putin"]),
        # numbers and percentages whole
        ("oltre 11.000 contenitori", ["oltre", "11.000", "contenitori"]),
        ("il 2,5% in più", ["il", "2,5%", "in", "più"]),
        ("il 2,5 % in più", ["il", "2,5 %", "in", "più"]),
        ("sono 5\n% di", ["sono", "5", "%", "di"]),
        ("alle 18:30", ["alle", "18:30"]),
        ("18–19 giugno", ["18", "–", "19", "giugno"]),
        ("gli anni '90", ["gli", "anni", "'90"]),
        ("il G7 e la CO2", ["il", "G7", "e", "la", "CO2"]),
        # abbreviations, initials and acronyms whole
        ("il sig. Rossi", ["il", "sig.", "Rossi"]),
        ("la dott.ssa Bianchi", ["la", "dott.ssa", "Bianchi"]),
        ("p.es. questo", ["p.es.", "questo"]),
        ("la sig.ra Verdi", ["la", "sig.ra", "Verdi"]),
        ("negli U.S.A. oggi", ["negli", "U.S.A.", "oggi"]),
        ("Fiat S.p.A. e", ["Fiat", "S.p.A.", "e"]),
        ("George W. Bush", ["George", "W.", "Bush"]),
        ("art. 70 l. 633/1941", ["art.", "70", "l.", "633/1941"]),
        ("ecc. ecc.", ["ecc.", "ecc."]),
        # punctuation runs, ellipses, quotes
        ("Davvero?!", ["Davvero", "?!"]),
        ("Aspetta...", ["Aspetta", "..."]),
        ("Aspetta…", ["Aspetta", "…"]),
        ("«Basta!»", ["«", "Basta", "!", "»"]),
        ("“opporsi risolutamente”", ["“", "opporsi", "risolutamente", "”"]),
        # web, social and emoji
        ("vedi https://www.ansa.it/sito.html.", ["vedi", "https://www.ansa.it/sito.html", "."]),
        ("scrivi a redazione@ansa.it", ["scrivi", "a", "redazione@ansa.it"]),
        ("@ansa_it #Pyongyang", ["@ansa_it", "#Pyongyang"]),
        ("bene 👍🏽 :)", ["bene", "👍🏽", ":)"]),
        ("🇮🇹 Italia", ["🇮🇹", "Italia"]),
        # English possessive
        ("Martha's Vineyard", ["Martha", "'s", "Vineyard"]),
    ],
)
def test_real_italian_cases(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("l’anno", "elision"),
        ("dott.", "abbreviation"),
        ("J.", "abbreviation"),
        ("U.S.A.", "acronym"),
        ("11.000", "number"),
        ("2,5%", "number"),
        ("G7", "word"),
        ("https://ansa.it", "url"),
        ("a@b.it", "email"),
        ("#news", "handle"),
        ("😀", "symbol"),
        (":-)", "emoticon"),
        ("«", "punct"),
        ("...", "punct"),
        ("€", "symbol"),
        ("Putin", "word"),
    ],
)
def test_kinds(text, kind):
    tok = tokenize(text)[0]
    assert tok.kind == kind and kind in TOKEN_KINDS


def test_abbreviation_list_is_lower_case_without_final_dot():
    assert "sig" in ABBREVIATIONS and "p.es" in ABBREVIATIONS
    assert all(a == a.lower() and not a.endswith(".") for a in ABBREVIATIONS)


def test_words_that_often_end_a_sentence_are_not_abbreviations():
    # "no." and "km." must leave their full stop to the sentence splitter
    assert texts("Ha detto no.") == ["Ha", "detto", "no", "."]
    assert texts("5 km.") == ["5", "km", "."]


def test_abbreviation_before_ellipsis_keeps_every_character():
    assert texts("il dott... sparito") == ["il", "dott", "...", "sparito"]


def test_offsets_within_a_slice():
    text = "Primo. Secondo paragrafo con l’agenzia."
    toks = tokenize(text, 7, len(text))
    assert toks[0] == Token(7, 14, "Secondo", "word")
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert list(iter_tokens(text, 7)) == toks


def test_whitespace_is_never_a_token():
    assert tokenize(" \t\n\u00a0 ") == []


def test_non_string_is_a_clear_error():
    with pytest.raises(TypeError, match="expects a str"):
        tokenize(b"bytes")  # type: ignore[arg-type]


def test_emoji_are_symbols_told_apart():
    assert is_emoji_text("👍🏽") and is_emoji_text("🇮🇹") and not is_emoji_text("€")


def test_is_punct_text():
    assert is_punct_text("«»") and is_punct_text("...")
    assert not is_punct_text("a.") and not is_punct_text("")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokens_round_trip_offsets_on_arbitrary_text(text):
    toks = tokenize(text)
    pos = 0
    for tok in toks:
        assert text[tok.start : tok.end] == tok.text
        assert tok.start >= pos and tok.end > tok.start
        assert text[pos : tok.start].strip() == ""  # only whitespace is skipped
        assert tok.kind in TOKEN_KINDS
        pos = tok.end
    assert text[pos:].strip() == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aàeèLlUSA.'’-«»“”\"!?… 0123456789,%\n"))))
def test_tokens_round_trip_on_italian_like_text(text):
    toks = tokenize(text)
    # a percentage may hold a space ("2,5 %"); nothing else does
    assert "".join("".join(t.text.split()) for t in toks) == "".join(text.split())
    assert all(t.kind == "number" for t in toks if " " in t.text)
