"""Italian word tokenizer with character offsets.

Written by hand because no offline library tokenizes Italian the way news
analysis needs: elisions split on both apostrophes (``l’agenzia`` → ``l’`` +
``agenzia``), hyphenated name compounds split (``Russia-Ucraina`` → ``Russia``,
``-``, ``Ucraina``), while numbers (``11.000``, ``2,5%``), abbreviations
(``dott.``) and dotted acronyms (``U.S.A.``) stay whole. The patterns are
compiled once with the ``regex`` package (for Unicode grapheme clusters, so an
emoji with modifiers is one token).
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

import regex

from .wordlists import read_word_list

__all__ = ["Token", "tokenize", "ABBREVIATIONS", "is_punct_text"]

#: Abbreviations that keep their final dot (``data/abbreviations_it.txt``).
ABBREVIATIONS: frozenset[str] = read_word_list("abbreviations_it.txt")

#: Word forms truncated with an apostrophe that is part of the word (``po’``).
_TRUNCATED = frozenset({"po", "mo", "be", "de", "pie"})

_L = r"[^\W\d_]"  # any letter
_TOKEN_RE = regex.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>«»“”"]+[^\s<>«»“”".,;:!?)\]])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<handle>[@#]\w+)
  | (?P<acronym>(?:{_L}\.){{2,}}(?!{_L}))
  | (?P<number>\d+(?:[.,:/]\d+)*(?:\s?%|[°ºª])?)
  | (?P<elision>{_L}+['’](?={_L}))
  | (?P<word>{_L}+)
  | (?P<emoticon>(?<!\w)[:;=8][\-o*']?[)(\]\[dDpP/\\|*](?!\w)|<3)
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<punctrun>[!?]{{2,}})
  | (?P<other>\X)
    """,
    regex.VERBOSE,
)
_SPACE_RE = regex.compile(r"\s+")


class Token(NamedTuple):
    """One token: ``text == source[start:end]`` always holds."""

    start: int
    end: int
    text: str
    kind: str  # url | email | handle | acronym | number | elision | word | abbreviation | emoticon | punct | symbol


def is_punct_text(text: str) -> bool:
    """True when every character of ``text`` is Unicode punctuation."""
    return bool(text) and all(regex.match(r"\p{P}", ch) for ch in text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(iter_tokens(text, start, end))


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Generator form of :func:`tokenize`."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        space = _SPACE_RE.match(text, pos, end)
        if space:
            pos = space.end()
            continue
        m = _TOKEN_RE.match(text, pos, end)
        assert m is not None  # \X matches any character
        kind = m.lastgroup or "other"
        s, e = m.start(), m.end()
        if kind == "word":
            # abbreviation with its dot (dott., sig.ra.) or truncation (po')
            nxt = text[e] if e < end else ""
            lower = text[s:e].lower()
            if nxt == "." and lower in ABBREVIATIONS:
                e += 1
                kind = "abbreviation"
            elif nxt == "." and e - s == 1 and text[s].isupper():
                e += 1  # an initial: "J. Smith"
                kind = "abbreviation"
            elif nxt in "'’" and lower in _TRUNCATED:
                e += 1
        elif kind == "acronym":
            kind = "abbreviation" if text[s:e].lower().rstrip(".") in ABBREVIATIONS else "acronym"
        elif kind in ("ellipsis", "punctrun"):
            kind = "punct"
        elif kind == "other":
            kind = "punct" if is_punct_text(text[s:e]) else "symbol"
        yield Token(s, e, text[s:e], kind)
        pos = e
