"""The curated news stop list and its editable data file."""
from __future__ import annotations

import pytest

from analysis.paths import DATA_DIR
from analysis.stopwords import STOP_LEMMAS, STOP_WORDS, is_stop
from analysis.wordlists import read_word_list


@pytest.mark.parametrize("word", ["governo", "ministro", "paese", "presidente", "stato", "stati", "nazionale", "milioni", "anni", "guerra", "Russia"])
def test_news_content_words_are_kept(word):
    assert not is_stop(word)


@pytest.mark.parametrize(
    "word",
    ["il", "la", "gli", "l'", "l’", "un’", "della", "dell’", "agli", "che", "e", "ma", "non", "è", "ha", "sono", "questo", "Il", "PER", "c'", "po'"],
)
def test_function_words_are_out(word):
    assert is_stop(word)


def test_auxiliary_lemmas_count_only_with_a_lemma():
    assert not is_stop("stati")
    assert is_stop("stati", lemma="essere")
    assert not is_stop("Stati", lemma="Stati")
    assert STOP_LEMMAS == {"essere", "avere"}


def test_data_file_is_the_source_and_is_clean():
    path = DATA_DIR / "stopwords.txt"
    assert read_word_list("stopwords.txt") == STOP_WORDS
    entries = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    entries = [e for e in entries if e]
    assert all(e == e.lower() and " " not in e for e in entries)
    assert len(entries) == len(set(entries)), "duplicate entries in stopwords.txt"


def test_editing_the_file_changes_the_list(tmp_path, monkeypatch):
    import analysis.wordlists as wordlists

    (tmp_path / "stopwords.txt").write_text("# custom\ngoverno\n", encoding="utf-8")
    monkeypatch.setattr(wordlists, "DATA_DIR", tmp_path)
    wordlists.read_word_list.cache_clear()
    try:
        assert wordlists.read_word_list("stopwords.txt") == {"governo"}
    finally:
        wordlists.read_word_list.cache_clear()
