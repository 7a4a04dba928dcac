"""Rebuilding KIND Wikinews sentences from their tokens."""
from __future__ import annotations

from analysis.evaluation.kind import detokenize, kind_sentences


def test_detokenize_spacing_of_printed_italian():
    toks = ["Lee", "ha", "detto", "che", "«", "l'", "antibiotico", "è", "un", "po'", "lontano", "»", ",", "(", "ieri", ")", "."]
    assert detokenize(toks) == "Lee ha detto che «l'antibiotico è un po' lontano», (ieri)."


def test_straight_quotes_alternate():
    assert detokenize(["la", '"', "dichiarazione", '"', "di", '"', "ieri", '"', "."]) == 'la "dichiarazione" di "ieri".'


def test_missing_file_gives_no_sentences(tmp_path):
    assert kind_sentences(tmp_path) == {}


def test_shared_file_rebuilt(shared_data):
    sentences = kind_sentences(shared_data)
    assert len(sentences) == 2594
    assert all(s == s.strip() and "  " not in s for s in sentences.values())
