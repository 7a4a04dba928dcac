"""Most frequent part of speech of an Italian word form.

Two lexicons. :func:`form_upos` gives the Universal Dependencies tag (NOUN,
PROPN, ADJ, VERB, AUX, NUM, ADV…) the workbook's own Italian model gives a
form most often, from ``data/pos/forms.tsv`` (derived from the model by
``training/pos_lexicon.py``, ``make pos-lexicon``; CC BY-NC-SA 4.0 like the
model); where that file is absent it falls back to Pattern's lexicon below,
its tags mapped to UPOS (:data:`PENN_TO_UPOS`). Keyword rankings read it
(:mod:`analysis.keywords.terms`).

The other is read from the part-of-speech lexicon that the installed Pattern package ships
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
from typing import Iterable

__all__ = ["pattern_tag_lexicon_path", "tag_lexicon", "word_tag", "is_adverb", "UPOS_LEXICON", "PENN_TO_UPOS",
           "upos_lexicon", "form_upos", "forms_upos"]

#: The model's part of speech of each form (``data/pos/forms.tsv``: form, upos, count, share).
UPOS_LEXICON = "pos/forms.tsv"
#: Pattern's Penn-style tags as Universal Dependencies tags (the fallback lexicon).
PENN_TO_UPOS: dict[str, str] = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "CD": "NUM", "IN": "ADP", "CC": "CCONJ", "DT": "DET",
    "PRP": "PRON", "PRP$": "DET", "WP": "PRON", "WDT": "DET", "WRB": "ADV", "UH": "INTJ", "RP": "PART",
    "TO": "ADP", "SYM": "SYM", "FW": "X", "EX": "PRON", "PDT": "DET", "LS": "X", "POS": "PART",
}


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


@lru_cache(maxsize=1)
def upos_lexicon() -> tuple[dict[str, str], str]:
    """``(form -> UPOS, source)``: the model's table, or Pattern's mapped to UPOS when the table is absent.

    ``source`` is ``"model"`` or ``"pattern"``. Forms keep their case (the
    model tags *Stati* PROPN and *stati* AUX); :func:`form_upos` looks a form
    up as written, then lower-cased.
    """
    from .paths import DATA_DIR

    path = DATA_DIR / UPOS_LEXICON
    if path.is_file():
        table: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) >= 2:
                table[parts[0]] = parts[1]
        return table, "model"
    return {form: PENN_TO_UPOS.get(tag, "X") for form, tag in tag_lexicon().items()}, "pattern"


def form_upos(form: str) -> str | None:
    """The most frequent UPOS of ``form`` (as written, then lower-cased), or None when unknown."""
    table, _ = upos_lexicon()
    return table.get(form) or table.get(form.lower())


def forms_upos(forms: "Iterable[str]") -> list[str | None]:
    """:func:`form_upos` of many forms, each distinct form looked up once."""
    seen: dict[str, str | None] = {}
    out = []
    for form in forms:
        if form not in seen:
            seen[form] = form_upos(form)
        out.append(seen[form])
    return out
