"""Italian word tokenizer with character offsets.

Written by hand because no offline library tokenizes Italian the way news
analysis needs (spaCy's rules need its whole pipeline and split differently):

* elisions split after the apostrophe, straight or curly: ``l’agenzia`` →
  ``l’`` + ``agenzia``, ``dall'Ucraina``, ``un’opinione``, ``c’è``,
  ``dell'11 settembre``, ``l'«Unità»``;
* an article or preposition elided before a space typed by mistake keeps its
  apostrophe (``l' uomo``, ``dell' anno``);
* truncations keep their apostrophe: ``po’``, ``E'`` (for *È*);
* hyphenated compounds that contain a name split (``Russia-Ucraina`` →
  ``Russia``, ``-``, ``Ucraina``); lower-case compounds stay whole
  (``know-how``, ``e-mail``, ``nord-est``);
* numbers stay whole with their separators and a percent or degree sign
  (``11.000``, ``2,5%``, ``18:30``, ``'90``), and so do letter–digit codes
  (``G7``, ``CO2``, ``5G``, kind ``word``);
* abbreviations from ``data/abbreviations.txt`` keep their dot (``dott.``,
  ``p.es.``, ``S.p.A.``), and so do initials (``J.``) and dotted acronyms
  (``U.S.A.``);
* URLs, e-mail addresses, @handles and #hashtags, emoticons, emoji (one
  grapheme cluster, with modifiers; kind ``symbol``, see :func:`is_emoji_text`),
  runs of ``!``/``?`` and ellipses are one token each.

The pattern is compiled once (``regex`` package, for grapheme clusters and
Unicode properties) and scanned with ``finditer``: whitespace is never a token.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

import regex

from .wordlists import read_word_list

__all__ = ["Token", "tokenize", "iter_tokens", "ABBREVIATIONS", "TOKEN_KINDS", "is_punct_text", "is_emoji_text"]

#: Abbreviations that keep their final dot (``data/abbreviations.txt``),
#: lower case, without the final dot (``p.es``, ``dott``).
ABBREVIATIONS: frozenset[str] = read_word_list("abbreviations.txt")

#: Every value :attr:`Token.kind` can take.
TOKEN_KINDS: tuple[str, ...] = (
    "word", "elision", "abbreviation", "acronym", "number",
    "url", "email", "handle", "emoticon", "punct", "symbol",
)

#: Articles and prepositions elided before a space typed by mistake (``l' uomo``,
#: ``dell' anno``): the apostrophe still belongs to them.
_ELIDED = frozenset({"l", "un", "dell", "all", "dall", "nell", "sull", "coll", "quell", "quest", "c", "d", "s", "m", "t", "v"})

#: Words truncated with an apostrophe that belongs to them (``po’``, ``E’`` = È).
_TRUNCATED = frozenset({"po", "mo", "be", "de", "pie", "ca"})

_L = r"[^\W\d_]"  # any letter


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# Alternatives are ordered so that a word is scanned once: the letter-initial
# branch matches the letters, then at most one tail (elision, digits, lower-case
# compound, truncation). URLs and e-mail addresses are tried only in text that
# may contain them (``_FULL_RE``), which keeps the common case fast.
_WEB = r"""
    (?P<url>(?:https?://|www\.)[^\s<>«»“”"]+[^\s<>«»“”".,;:!?)\]'’])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  |"""
_CORE = rf"""
    (?P<handle>(?<!\w)[@#]\w+)
  | (?={_L}{{1,7}}\.)(?:
        (?P<dotted>(?<![\w.])(?={_L}{{1,5}}\.{_L})(?i:{_alternation([a for a in ABBREVIATIONS if "." in a])})\.?(?!\w))
      | (?P<acronym>(?:{_L}\.){{2,}}(?!{_L}))
      | (?P<abbreviation>(?<![\w.])(?i:{_alternation([a for a in ABBREVIATIONS if "." not in a])})\.(?!\.))
      | (?P<initial>(?<!\w)(?:\p{{Lu}}|[bcdfghjklmnpqrstvwxyz])\.(?!\.))
    )
  | (?P<word>{_L}+)(?:
        (?P<elision>['’](?!s(?!\w))(?=[^\W_]|["“«]))
      | (?P<spaced>(?<=(?<!\w)(?i:{_alternation(sorted(_ELIDED))}))['’](?=[ \u00a0]\p{{L}}))
      | (?P<alnum>\d\w*)
      | (?P<compound>(?<=\p{{Ll}})(?:-\p{{Ll}}+)+)
      | (?P<truncation>(?<=(?<!\w)(?:(?i:{_alternation(sorted(_TRUNCATED))})|E))['’](?!\w))
    )?
  | (?P<digitalnum>\d+{_L}\w*)
  | (?P<number>\d+(?:[.,:/]\d+)*(?:[ \u00a0\u202f]?%|[°ºª])?|(?<!\w)['’]\d\d(?!\d))
  | (?P<possessive>(?<={_L})['’]s(?!\w))
  | (?P<emoticon>(?<!\w)[:;=8][\-o*']?[)(\]\[dDpP/\\|*](?!\w)|<3)
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<punctrun>[!?]{{2,}})
  | (?P<emoji>(?=[\p{{Extended_Pictographic}}\p{{Regional_Indicator}}])\X)
  | (?P<punct>(?=\p{{P}})\X)
  | (?P<symbol>(?!\s)\X)
"""
_TOKEN_RE = regex.compile(_CORE, regex.VERBOSE)
_FULL_RE = regex.compile(_WEB + _CORE, regex.VERBOSE)
# regex group → token kind
_KIND = {
    "url": "url", "email": "email", "handle": "handle", "dotted": "abbreviation",
    "acronym": "acronym", "abbreviation": "abbreviation", "initial": "abbreviation",
    "alnum": "word", "digitalnum": "word", "number": "number", "possessive": "word", "elision": "elision",
    "truncation": "word", "spaced": "elision", "compound": "word", "word": "word", "emoticon": "emoticon",
    "ellipsis": "punct", "punctrun": "punct", "emoji": "symbol", "punct": "punct", "symbol": "symbol",
}
_PUNCT_RE = regex.compile(r"\p{P}+")
_EMOJI_RE = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")


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


def is_emoji_text(text: str) -> bool:
    """True when ``text`` contains an emoji (a pictograph or a flag letter)."""
    return _EMOJI_RE.search(text) is not None


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Generator form of :func:`tokenize`."""
    return iter(tokenize(text, start, end))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects a str, got {type(text).__name__}")
    end = len(text) if end is None else end
    new, kinds = tuple.__new__, _KIND
    piece = text[start:end]
    pattern = _FULL_RE if ("@" in piece or "://" in piece or "www." in piece) else _TOKEN_RE
    return [
        new(Token, (m.start(), m.end(), m.group(), kinds[m.lastgroup]))  # type: ignore[arg-type]
        for m in pattern.finditer(text, start, end)
    ]
