"""process_text: paragraphs, sentences and tokens with lemmas and flags, exact offsets."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.pipeline import PARAGRAPH_COLUMNS, SENTENCE_COLUMNS, TOKEN_COLUMNS, process_text

TEXT = (
    "Vertice a Pyongyang\n\n"
    "Il Presidente Vladimir Putin ha promesso di “opporsi risolutamente” agli interessi occidentali. "
    "Lo riporta l’agenzia PTI: oltre 11.000 contenitori, il 2,5% in più! 😀\n\n"
    "Kim Jong Un ha visitato la Russia nel settembre 2023."
)


def rows(out):
    T = out.tokens
    return [dict(zip(TOKEN_COLUMNS, values)) for values in zip(*(T[c] for c in TOKEN_COLUMNS))]


def by_text(out):
    return {r["text"]: r for r in rows(out)}


def test_columns_and_lengths():
    out = process_text(TEXT)
    assert tuple(out.paragraphs) == PARAGRAPH_COLUMNS
    assert tuple(out.sentences) == SENTENCE_COLUMNS
    assert tuple(out.tokens) == TOKEN_COLUMNS
    n = len(out.tokens["text"])
    assert all(len(v) == n for v in out.tokens.values())
    assert len(out.paragraphs["para_id"]) == 3
    assert len(out.sentences["sent_id"]) == 4  # the headline stands alone


def test_ids_link_and_count_from_zero():
    out = process_text(TEXT)
    assert out.tokens["token_id"] == list(range(len(out.tokens["token_id"])))
    assert out.sentences["sent_id"] == list(range(4))
    assert sorted(set(out.tokens["sent_id"])) == out.sentences["sent_id"]
    assert out.sentences["para_id"] == [0, 1, 1, 2]


def test_offsets_round_trip():
    out = process_text(TEXT)
    for s, e, t in zip(out.tokens["start"], out.tokens["end"], out.tokens["text"]):
        assert TEXT[s:e] == t
    for table in (out.paragraphs, out.sentences):
        for s, e in zip(table["start"], table["end"]):
            assert TEXT[s:e] == TEXT[s:e].strip() != ""
    # every token lies inside its sentence
    sent = dict(zip(out.sentences["sent_id"], zip(out.sentences["start"], out.sentences["end"])))
    for sid, s, e in zip(out.tokens["sent_id"], out.tokens["start"], out.tokens["end"]):
        assert sent[sid][0] <= s < e <= sent[sid][1]


def test_flags():
    tok = by_text(process_text(TEXT))
    assert tok["“"]["is_punct"] and not tok["“"]["is_stop"]
    assert tok["agli"]["is_stop"] and tok["agli"]["lemma"] == "a"
    assert tok["ha"]["is_stop"]  # an auxiliary
    assert not tok["Presidente"]["is_stop"] and tok["Presidente"]["lemma"] == "presidente"
    assert tok["Putin"]["is_proper"] and tok["Putin"]["is_title"]
    assert tok["Un"]["lemma"] == "Un" and tok["Un"]["is_proper"]
    assert tok["PTI"]["is_upper"] and not tok["PTI"]["is_title"]
    assert tok["11.000"]["is_digit"] and tok["2,5%"]["is_digit"] and not tok["11.000"]["is_alpha"]
    assert tok["l’"]["kind"] == "elision" and tok["l’"]["lemma"] == "il" and tok["l’"]["is_stop"]
    assert tok["agenzia"]["is_alpha"] and not tok["agenzia"]["is_stop"]
    assert tok["😀"]["is_emoji"] and not tok["😀"]["is_punct"]
    assert not any(r["is_space"] for r in rows(process_text(TEXT)))


def test_empty_and_blank_text():
    for text in ("", "   ", "\n\n\n"):
        out = process_text(text)
        assert out.tokens["token_id"] == [] and out.sentences["sent_id"] == [] and out.paragraphs["para_id"] == []


def test_seed_has_16_sentences_and_exact_offsets(seed_text):
    out = process_text(seed_text)
    assert len(out.paragraphs["para_id"]) == 11
    assert len(out.sentences["sent_id"]) == 16
    assert all(seed_text[s:e] == t for s, e, t in zip(out.tokens["start"], out.tokens["end"], out.tokens["text"]))
    tok = by_text(out)
    assert [tok[w]["text"] for w in ("Russia", "-", "Ucraina")] == ["Russia", "-", "Ucraina"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_round_trip(text):
    out = process_text(text)
    for s, e, t in zip(out.tokens["start"], out.tokens["end"], out.tokens["text"]):
        assert text[s:e] == t
    for s, e in zip(out.sentences["start"], out.sentences["end"]):
        assert 0 <= s < e <= len(text)
    assert all(isinstance(x, str) and x for x in out.tokens["lemma"])
