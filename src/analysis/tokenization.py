"""Italian word tokenizer with character offsets.

Written by hand because no offline library tokenizes Italian the way news
analysis needs (spaCy's rules need its whole pipeline and split differently):

* elisions split after the apostrophe, straight or curly: ``l’agenzia`` →
  ``l’`` + ``agenzia``, ``dall'Ucraina``, ``un’opinione``, ``c’è``,
  ``dell'11 settembre``, ``l'«Unità»``;
* truncations keep their apostrophe: ``po’``, ``E'`` (for *È*);
* hyphenated compounds that contain a name split (``Russia-Ucraina`` →
  ``Russia``, ``-``, ``Ucraina``); lower-case compounds stay whole
  (``know-how``, ``e-mail``, ``nord-est``);
* numbers stay whole with their separators and a percent or degree sign
  (``11.000``, ``2,5%``, ``18:30``, ``'90``), and so do letter–digit codes
  (``G7``, ``CO2``, ``5G``);
* abbreviations from ``data/abbreviations_it.txt`` keep their dot (``dott.``,
  ``p.es.``, ``S.p.A.``), and so do initials (``J.``) and dotted acronyms
  (``U.S.A.``);
* URLs, e-mail addresses, @handles and #hashtags, emoticons, emoji (one
  grapheme cluster, with modifiers), runs of ``!``/``?`` and ellipses are one
  token each.

The pattern is compiled once (``regex`` package, for grapheme clusters and
Unicode properties) and scanned with ``finditer``: whitespace is never a token.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

import regex

from .wordlists import read_word_list

__all__ = ["Token", "tokenize", "iter_tokens", "ABBREVIATIONS", "TOKEN_KINDS", "is_punct_text"]

#: Abbreviations that keep their final dot (``data/abbreviations_it.txt``),
#: lower case, without the final dot (``p.es``, ``dott``).
ABBREVIATIONS: frozenset[str] = read_word_list("abbreviations_it.txt")

#: Every value :attr:`Token.kind` can take.
TOKEN_KINDS: tuple[str, ...] = (
    "word", "elision", "abbreviation", "acronym", "number", "alnum",
    "url", "email", "handle", "emoticon", "emoji", "punct", "symbol",
)

#: Words truncated with an apostrophe that belongs to them (``po’``, ``E’`` = È).
_TRUNCATED = frozenset({"po", "mo", "be", "de", "pie", "ca", "e"})

_L = r"[^\W\d_]"  # any letter
_ABBREV_ALT = "|".join(
    regex.escape(a) for a in sorted((a for a in ABBREVIATIONS if "." in a), key=len, reverse=True)
)
_TOKEN_RE = regex.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>«»“”"]+[^\s<>«»“”".,;:!?)\]'’])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<handle>(?<!\w)[@#]\w+)
  | (?P<dotted>(?<![\w.])(?i:{_ABBREV_ALT})\.?(?!\w))
  | (?P<acronym>(?:{_L}\.){{2,}}(?!{_L}))
  | (?P<alnum>{_L}+\d\w*|\d+{_L}\w*)
  | (?P<number>\d+(?:[.,:/]\d+)*(?:\s?%|[°ºª])?|(?<!\w)['’]\d\d(?!\d))
  | (?P<elision>{_L}+['’](?=[^\W_]|["“«]))
  | (?P<compound>\p{{Ll}}+(?:-\p{{Ll}}+)+)
  | (?P<word>{_L}+)
  | (?P<emoticon>(?<!\w)[:;=8][\-o*']?[)(\]\[dDpP/\\|*](?!\w)|<3)
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<punctrun>[!?]{{2,}})
  | (?P<other>(?!\s)\X)
    """,
    regex.VERBOSE,
)
_PUNCT_RE = regex.compile(r"\p{P}+")
_EMOJI_RE = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
_APOSTROPHES = "'’"
_VOWELS = frozenset("aeiouàèéìíòóùú")


class Token(NamedTuple):
    """One token: ``text == source[start:end]`` always holds.

    ``kind`` is one of :data:`TOKEN_KINDS`.
    """

    start: int
    end: int
    text: str
    kind: str


def is_punct_text(text: str) -> bool:
    """True when every character of ``text`` is Unicode punctuation."""
    return _PUNCT_RE.fullmatch(text) is not None


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(iter_tokens(text, start, end))


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Generator form of :func:`tokenize`."""
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects a str, got {type(text).__name__}")
    end = len(text) if end is None else end
    skip_to = start
    for m in _TOKEN_RE.finditer(text, start, end):
        s, e = m.span()
        if s < skip_to:  # the previous token was extended over this match
            continue
        kind = m.lastgroup or "other"
        if kind == "word":
            # an abbreviation with its dot (dott.), an initial (J.), a truncation (po')
            nxt = text[e] if e < end else ""
            if nxt == "." and text[e + 1 : e + 2] != ".":
                if e - s == 1 and (text[s].isupper() or text[s] not in _VOWELS):
                    e += 1  # an initial (J.) or a one-consonant abbreviation (l. = legge)
                    kind = "abbreviation"
                elif text[s:e].lower() in ABBREVIATIONS:
                    e += 1
                    kind = "abbreviation"
            elif nxt in _APOSTROPHES and nxt and text[s:e].lower() in _TRUNCATED:
                after = text[e + 1] if e + 1 < end else ""
                if not after.isalnum() and (text[s:e] != "e"):  # "e'" alone is ambiguous
                    e += 1
        elif kind == "compound":  # lower case only: names (Russia-Ucraina) split
            kind = "word"
        elif kind == "dotted":
            kind = "abbreviation"
        elif kind == "acronym":
            if text[s:e].lower().rstrip(".") in ABBREVIATIONS:
                kind = "abbreviation"
        elif kind in ("ellipsis", "punctrun"):
            kind = "punct"
        elif kind == "other":
            piece = text[s:e]
            if _PUNCT_RE.fullmatch(piece):
                kind = "punct"
            elif _EMOJI_RE.search(piece):
                kind = "emoji"
            else:
                kind = "symbol"
        skip_to = e
        yield Token(s, e, text[s:e], kind)
