"""Most frequent part of speech of an Italian word form.

Read from the part-of-speech lexicon that the installed Pattern package ships
(``pattern/text/it/it-lexicon.txt``, mined from Wiktionary; Penn-style tags
such as NN, NNS, NNP, VB, VBN, VBG, JJ, RB, IN, CC, PRP, DT). Nothing is
copied into the project: the file is read in place. Used where a closed word
list cannot decide, e.g. that "diversamente" or "avanti" is an adverb and
cannot head a speaker's noun phrase.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["pattern_tag_lexicon_path", "tag_lexicon", "word_tag", "is_adverb"]


def pattern_tag_lexicon_path() -> Path:
    """Path of Pattern's Italian part-of-speech lexicon inside the installed package."""
    return Path(str(resources.files("pattern"))) / "text" / "it" / "it-lexicon.txt"


@lru_cache(maxsize=1)
def tag_lexicon() -> dict[str, str]:
    """word form → tag, as written in the lexicon (case kept); empty if the file is missing."""
    path = pattern_tag_lexicon_path()
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith(";;;"):
            continue
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = parts[1]
    return out


def word_tag(word: str) -> str | None:
    """The lexicon's tag of ``word`` (as written, then lower-cased), or ``None`` when unknown."""
    lex = tag_lexicon()
    return lex.get(word) or lex.get(word.lower())


def is_adverb(word: str) -> bool:
    """Is ``word`` an adverb: tagged RB, or an -mente form of six letters or more?"""
    low = word.lower()
    if word_tag(low) == "RB":
        return True
    return len(low) >= 6 and low.endswith("mente") and word_tag(low) in (None, "RB", "JJ")
