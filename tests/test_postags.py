"""Part-of-speech lookup read from the installed Pattern lexicon."""
from __future__ import annotations

import pytest

from analysis.postags import is_adverb, pattern_tag_lexicon_path, tag_lexicon, word_tag


def test_lexicon_is_read_from_the_installed_package():
    assert pattern_tag_lexicon_path().exists()
    assert len(tag_lexicon()) > 50_000


@pytest.mark.parametrize("word, tag", [("ministro", "NN"), ("ministri", "NNS"), ("giornalisti", None), ("diversamente", "RB")])
def test_word_tag(word, tag):
    assert word_tag(word) == tag


@pytest.mark.parametrize("word, expected", [
    ("diversamente", True), ("Personalmente", True), ("avanti", True), ("ieri", True),
    ("mente", False), ("ministro", False), ("fonti", False), ("Conte", False), ("xyzmente", True),
])
def test_is_adverb(word, expected):
    assert is_adverb(word) is expected
