"""The seed article: byte-identical to the original, and its known structure."""
from __future__ import annotations

from analysis.paths import PROJECT_ROOT, SHARED_DATA_DIR
from conftest import SEED_ID


def test_seed_structure(seed_corpus):
    doc = seed_corpus.documents.set_index("doc_id").loc[SEED_ID]
    assert doc["n_paragraphs"] == 11
    assert doc["n_sentences"] == 16
    assert doc["language"] == "it"
    assert doc["outlet"] == "PTI"
    assert str(doc["date"].date()) == "2024-06-18"


def test_seed_offsets_round_trip(seed_corpus, seed_text):
    for table in (seed_corpus.paragraphs, seed_corpus.sentences, seed_corpus.tokens):
        for start, end, text in zip(table["start"], table["end"], table["text"]):
            assert seed_text[start:end] == text


def test_seed_text_unaltered(seed_text):
    raw = (PROJECT_ROOT / "seeds" / f"{SEED_ID}.txt").read_bytes()
    assert seed_text == raw.decode("utf-8")
    original = SHARED_DATA_DIR.parent / "seeds" / f"{SEED_ID}.txt"
    if original.exists():
        assert raw == original.read_bytes()
