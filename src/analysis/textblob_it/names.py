"""Names carry no sentiment: which spans of a text are names, and why.

A party, law, programme, movement, slogan or title whose name holds an
evaluative word ("Forza Italia", "Popolo della Libertà", "decreto
sicurezza", "#DecretoSicurezza", "Premio Nobel per la pace", il film «La
vita è bella») is repeated in every article about it and would turn neutral
or critical coverage into praise. The analyzer
(:func:`analysis.textblob_it.analyze`) skips every span found here and lists
it among the assessments as ``skipped`` with its reason:

==================  ==============================================================
reason              what
==================  ==============================================================
``name-list``       a name of ``data/sentiment/names.tsv`` (any case when marked
                    ``any``: "decreto sicurezza" as well as "Decreto Sicurezza";
                    in any case where its context says it is a name when marked
                    ``context``: "la buona scuola", "riforma buona scuola")
``user-name``       a name added with :meth:`Names.add` (or :meth:`Names.add_file`)
``name-head``       the noun written right after a head of ``name_heads.txt``:
                    "decreto Dignità", "piano casa" (an adjective is still scored)
``hashtag``         a hashtag that joins a listed name: #forzaitalia,
                    #DecretoSicurezza, #labuonascuola
``quoted-title``    words in quotation marks after a noun of ``title_nouns.txt``:
                    il film «La vita è bella», l'operazione "Strade sicure"
``capitalised``     a capitalised word inside a sentence ("Pace" as a surname)
``entity:ORG`` …    a named entity of the Italian model (PER, LOC, ORG)
``proper-noun``     a run of proper nouns of the Italian model
==================  ==============================================================

The first five need no model and are found in every text
(:func:`surface_names`). The model is slow, so it runs only on the sentences
whose scoring touches an evaluative word that could be part of a name: a
capitalised word (at the start of a sentence, in capitals) or a lower-case
word after a capitalised one with only articles, prepositions or numbers
between ("Popolo della libertà", "Movimento 5 stelle"):
:func:`needs_model`, then :func:`model_names` over those sentences' parse.

A :class:`Names` object holds the curated list and the names you add;
the analyzer reads the one it is given (the curated list alone by default).
Add your own names to a scorer (:class:`analysis.sentiment.SentimentScorer`),
which owns a :class:`Names` and drops its cached scores when it changes::

    from analysis.sentiment import SentimentScorer
    scorer = SentimentScorer()
    scorer.add_names(["Patto per la Salute", "Onda Civica"])     # any case, and as hashtags
    scorer.add_names(["Vittoria"], match="cased")                  # only capitalised
    scorer.use_names_file("my_names.tsv")                          # a file like names.tsv

The model's names are cached by sentence text in a :class:`NameParser`
(one per scorer; :func:`default_parser` for one-off calls).
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Literal, NamedTuple, Sequence

from ..paths import DATA_DIR
from ..tokenization import Token, tokenize
from ..wordlists import read_word_list

__all__ = [
    "NAMES_PATH", "NameEntry", "NameSpan", "Names", "curated_names", "read_names", "surface_names", "needs_model",
    "model_names", "NameParser", "default_parser", "names_model", "merge_spans",
    "MODEL_REASONS", "CONTEXT_BEFORE",
]

#: The curated list of names (editable).
NAMES_PATH: Path = DATA_DIR / "sentiment" / "names.tsv"
Match = Literal["any", "cased", "context"]
_MATCHES = ("any", "cased", "context")
#: Reasons given by the model (entities and proper-noun runs).
MODEL_REASONS = ("entity:PER", "entity:LOC", "entity:ORG", "proper-noun")


class NameSpan(NamedTuple):
    """A name in a text: ``text[start:end]``, skipped by the analyzer for ``reason``."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class NameEntry:
    """One name of the list: its words (lower case, accents and apostrophes normalised)."""

    name: str
    kind: str
    match: Match
    words: tuple[str, ...]
    reason: str = "name-list"


# --- normalising words ------------------------------------------------------------

_JOINERS = frozenset({"-", "–", "‐"})


@lru_cache(maxsize=200_000)
def _fold(word: str) -> str:
    """Lower case, typographic apostrophes made plain, accents folded ("Libertà" → "liberta"); cached: words repeat."""
    word = word.lower().replace("\u2019", "'").replace("\u02bc", "'")
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _words_of(name: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """A name's words (folded) and whether each is written with a capital; hyphens dropped."""
    words, caps = [], []
    for tok in tokenize(name):
        if tok.text in _JOINERS:
            continue
        for part in tok.text.split("-"):  # "Salva-Italia" as one token in some contexts
            if part:
                words.append(_fold(part))
                caps.append(part[:1].isupper())
    return tuple(words), tuple(caps)


def _hashtag_key(words: Iterable[str]) -> str:
    return "".join(ch for w in words for ch in w if ch.isalnum())


# --- the lists ---------------------------------------------------------------------

def read_names(path: str | Path = NAMES_PATH, *, reason: str = "name-list") -> list[NameEntry]:
    """The entries of a names file (``name<TAB>kind<TAB>match``; ``#`` comments).

    ``kind`` and ``match`` may be left out (``name``, ``any``).
    """
    path = Path(path)
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        name = parts[0]
        kind = parts[1] if len(parts) > 1 and parts[1] else "name"
        match = parts[2] if len(parts) > 2 and parts[2] else "any"
        if match not in _MATCHES:
            raise ValueError(f"{path.name}:{n}: match must be 'any', 'cased' or 'context', got {match!r}")
        out.append(_entry(name, kind, match, reason, where=f"{path.name}:{n}"))
    return out


def _entry(name: str, kind: str, match: str, reason: str, *, where: str) -> NameEntry:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: a name must be a non-empty string, got {name!r}")
    if match not in _MATCHES:
        raise ValueError(f"{where}: match must be 'any', 'cased' or 'context', got {match!r}")
    words, _ = _words_of(name.strip())
    if not words:
        raise ValueError(f"{where}: {name!r} has no words")
    return NameEntry(name.strip(), kind, match, words, reason)  # type: ignore[arg-type]


@dataclass
class _Index:
    first: dict[str, int]  # first word → longest name length starting with it
    names: dict[tuple[str, ...], list[NameEntry]]
    hashtags: dict[str, NameEntry]


def _build_index(entries: Sequence[NameEntry]) -> _Index:
    names: dict[tuple[str, ...], list[NameEntry]] = {}
    first: dict[str, int] = {}
    hashtags: dict[str, NameEntry] = {}
    for e in entries:
        names.setdefault(e.words, []).append(e)
        first[e.words[0]] = max(first.get(e.words[0], 0), len(e.words))
        if e.match != "cased" or len(e.words) > 1:
            hashtags.setdefault(_hashtag_key(e.words), e)
    return _Index(first, names, hashtags)


class Names:
    """The names whose words carry no sentiment: a names file plus names added by hand.

    ``Names()`` reads the curated list (:data:`NAMES_PATH`); :meth:`add` and
    :meth:`add_file` add your own (reason ``user-name``). ``version`` grows
    at every change, so that whoever caches scores made with these names
    (:class:`analysis.sentiment.SentimentScorer`) knows when to drop them.
    """

    def __init__(self, path: str | Path | None = NAMES_PATH, *, frozen: bool = False) -> None:
        self._base: list[NameEntry] = read_names(path) if path is not None else []
        self._user: list[NameEntry] = []
        self._frozen = frozen
        self._index: _Index | None = None
        self.version = 0

    def _changed(self) -> None:
        if self._frozen:
            raise ValueError("these are the curated names, shared by every analyzer: add names to your own "
                             "Names() or SentimentScorer() instead")
        self._index = None
        self.version += 1

    def add(self, names: Iterable[str] | str, *, match: Match = "any", kind: str = "name") -> None:
        """Add names: their words are never scored.

        ``match="any"`` finds them in any case and as hashtags; ``"cased"``
        only with their capitals as written; ``"context"`` in any case where
        the context says it is a name (after a definite article or a name head,
        in quotation marks, as a hashtag), else with its capitals.
        """
        if isinstance(names, str):
            names = [names]
        new = [_entry(n, kind, match, "user-name", where="add_names") for n in names]
        self._changed()
        self._user.extend(new)

    def add_file(self, path: str | Path) -> None:
        """Add every name of a file shaped like ``names.tsv`` (reason ``user-name``)."""
        new = read_names(path, reason="user-name")
        self._changed()
        self._user.extend(new)

    def clear_user(self) -> None:
        """Forget the names added by hand."""
        if self._user:
            self._changed()
            self._user.clear()

    @property
    def user_names(self) -> list[str]:
        """The names added by hand, in order."""
        return [e.name for e in self._user]

    def copy(self) -> "Names":
        """An editable copy, with the names added by hand so far."""
        other = Names(None)
        other._base, other._user = list(self._base), list(self._user)
        return other

    def index(self) -> _Index:
        """Every entry indexed by its words and as a hashtag (built on first use)."""
        if self._index is None:
            self._index = _build_index(self._base + self._user)
        return self._index

    def surface(self, tokens: Sequence[Token], *, lexicon: Any = None) -> list[NameSpan]:
        """:func:`surface_names` of ``tokens`` with these names."""
        return surface_names(tokens, lexicon=lexicon, names=self)


@lru_cache(maxsize=1)
def curated_names() -> Names:
    """The curated list alone, read once and shared (it refuses additions: make your own :class:`Names`)."""
    return Names(NAMES_PATH, frozen=True)


@lru_cache(maxsize=1)
def _heads() -> dict[tuple[str, ...], int]:
    return {tuple(_fold(w) for w in h.split()): len(h.split()) for h in read_word_list("sentiment/name_heads.txt")}


@lru_cache(maxsize=1)
def _vocatives() -> frozenset[str]:
    return frozenset(_fold(w) for w in read_word_list("sentiment/vocatives.txt"))


@lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    words = read_word_list("sentiment/title_nouns.txt")
    return (frozenset(_fold(w) for w in words if not w.endswith("+")),
            frozenset(_fold(w[:-1]) for w in words if w.endswith("+")))


# --- finding names on the surface ------------------------------------------------------

_WORDS = ("word", "elision", "abbreviation", "acronym", "number", "hashtag-part")
_OPEN_CLOSE = {"«": "»", "“": "”", "\"": "\"", "‘": "’", "'": "'", "„": "“", "‹": "›"}
#: A quoted title is at most this many tokens long.
MAX_TITLE_TOKENS = 16
_ARTICLES = ("la", "il", "lo", "l", "i", "gli", "le", "un", "una", "uno")
_HASHTAG_SUFFIX = re.compile(r"\d*$")


def _cased_match(entry: NameEntry, toks: Sequence[Token]) -> bool:
    """Every word written with a capital in the entry has one in the text."""
    _, caps = _words_of(entry.name)
    forms = [part for t in toks if t.text not in _JOINERS for part in t.text.split("-") if part]
    return len(forms) == len(caps) and all(f[:1].isupper() for f, c in zip(forms, caps) if c)


#: Words right before a name that say it is one, whatever its case: definite articles and articulated
#: prepositions ("la buona scuola", "della buona scuola"); name heads and opening quotation marks count too.
CONTEXT_BEFORE = frozenset({
    "il", "lo", "la", "l'", "i", "gli", "le", "del", "dello", "della", "dell'", "dei", "degli", "delle", "al", "allo",
    "alla", "all'", "ai", "agli", "alle", "dal", "dallo", "dalla", "dall'", "dai", "dagli", "dalle", "nel", "nello",
    "nella", "nell'", "nei", "negli", "nelle", "sul", "sullo", "sulla", "sull'", "sui", "sugli", "sulle", "col", "coi",
})


def _name_context(tokens: Sequence[Token], folded: Sequence[str], i: int) -> bool:
    """The words before ``tokens[i]`` say that a name starts there: an article, a name head, a quotation mark."""
    if i == 0:
        return False
    before = folded[i - 1]
    if before in CONTEXT_BEFORE or (tokens[i - 1].kind == "punct" and tokens[i - 1].text in _OPEN_CLOSE):
        return True
    heads = _heads()
    return (before,) in heads or (i >= 2 and (folded[i - 2], before) in heads)


def _list_names(tokens: Sequence[Token], out: list[NameSpan], names: Names) -> None:
    idx = names.index()
    folded = [_fold(t.text) for t in tokens]
    i, n = 0, len(tokens)
    while i < n:
        w = folded[i]
        longest = idx.first.get(w) or (idx.first.get(w.split("-")[0]) if "-" in w else None)
        if not longest or tokens[i].kind not in _WORDS:
            i += 1
            continue
        found = None
        # walk word by word, skipping hyphens, to every length up to the longest name
        words: list[str] = []
        j = i
        while j < n and len(words) < longest:
            t = tokens[j]
            if t.text in _JOINERS and words:
                j += 1
                continue
            if t.kind not in _WORDS and t.kind != "punct":
                break
            if "-" in folded[j]:
                words.extend(p for p in folded[j].split("-") if p)
            else:
                words.append(folded[j])
            j += 1
            for e in idx.names.get(tuple(words), ()):
                if e.match == "cased" and len(e.words) == 1 and (i == 0 or tokens[i - 1].kind not in _WORDS):
                    continue  # "Possibile?", "Azione!" open a sentence as common words
                if e.match == "any" or _cased_match(e, tokens[i:j]) or (
                        e.match == "context" and _name_context(tokens, folded, i)):
                    found = (j, e)
                    break
        if found:
            j, e = found
            out.append(NameSpan(tokens[i].start, tokens[j - 1].end, e.reason))
            i = j
        else:
            i += 1


def _head_names(tokens: Sequence[Token], out: list[NameSpan], lexicon: Any) -> None:
    """A noun right after a name head ("decreto sicurezza"), or a capitalised run ("decreto Dignità")."""
    heads = _heads()
    folded = [_fold(t.text) for t in tokens]
    n = len(tokens)
    for i in range(n):
        for k in (2, 1):
            if i + k < n and tuple(folded[i:i + k]) in heads:
                j = i + k
                nxt = tokens[j]
                if nxt.kind != "word":
                    break
                if _titlecase(nxt.text):
                    end = j
                    while end + 1 < n and tokens[end + 1].kind == "word" and _titlecase(tokens[end + 1].text):
                        end += 1
                    out.append(NameSpan(nxt.start, tokens[end].end, "name-head"))
                elif _is_bare_noun(nxt.text, lexicon):
                    out.append(NameSpan(nxt.start, nxt.end, "name-head"))
                break


def _is_bare_noun(word: str, lexicon: Any) -> bool:
    """An evaluative noun that is not negative (lexicon part of speech NN): "sicurezza", "dignità".

    Adjectives are opinions about the act ("un decreto giusto"), and so are
    negative nouns: critics, not governments, name a law after one ("legge
    truffa", "legge bavaglio").
    """
    if lexicon is None:
        return False
    entry = lexicon.lookup(word)
    return entry is not None and not entry.is_neutral and entry.polarity >= 0 and entry.pos.upper().startswith("NN")


def _hashtag_names(tokens: Sequence[Token], out: list[NameSpan], names: Names) -> None:
    hashtags = names.index().hashtags
    for t in tokens:
        if t.kind != "handle" or not t.text.startswith("#"):
            continue
        body = _hashtag_key([_fold(t.text[1:])])
        body = _HASHTAG_SUFFIX.sub("", body) or body
        if body in hashtags or any(body.startswith(a) and body[len(a):] in hashtags for a in _ARTICLES):
            out.append(NameSpan(t.start, t.end, "hashtag"))


def _quoted_titles(tokens: Sequence[Token], out: list[NameSpan]) -> None:
    nouns, between = _title_words()
    n = len(tokens)
    for i, t in enumerate(tokens):
        close = _OPEN_CLOSE.get(t.text)
        if close is None or t.kind != "punct":
            continue
        k = i - 1
        while k >= 0 and k >= i - 3 and _fold(tokens[k].text) in between:
            k -= 1
        if k < 0 or _fold(tokens[k].text) not in nouns:
            continue
        for j in range(i + 1, min(n, i + 2 + MAX_TITLE_TOKENS)):
            if tokens[j].text == close and j > i + 1:
                out.append(NameSpan(tokens[i + 1].start, tokens[j - 1].end, "quoted-title"))
                break


def surface_names(tokens: Sequence[Token], *, lexicon: Any = None, names: Names | None = None) -> list[NameSpan]:
    """Names found without the model: the list, name heads, hashtags, quoted titles.

    ``tokens`` are :func:`analysis.tokenization.tokenize` tokens (offsets into
    their text); ``lexicon`` (an :class:`~analysis.textblob_it.lexicon.Lexicon`)
    tells nouns from adjectives after a name head; ``names`` is the list to
    look for (default: :func:`curated_names`). Spans are sorted and do not
    overlap (the first found wins).
    """
    names = names if names is not None else curated_names()
    found: list[NameSpan] = []
    _list_names(tokens, found, names)
    _hashtag_names(tokens, found, names)
    _quoted_titles(tokens, found)
    _head_names(tokens, found, lexicon)
    return merge_spans(found)


def merge_spans(spans: Iterable[NameSpan]) -> list[NameSpan]:
    """Spans sorted by start; a span overlapping an earlier-listed one is dropped (first listed wins)."""
    kept: list[NameSpan] = []
    for s in spans:
        if s.end > s.start and not any(s.start < k.end and k.start < s.end for k in kept):
            kept.append(s)
    return sorted(kept)


# --- when the model is needed, and what it says -------------------------------------------

#: Words that may sit inside a name between a capitalised word and a lower-case one.
_NAME_GLUE = frozenset({
    "di", "d'", "del", "dello", "della", "dell'", "dei", "degli", "delle", "per", "e", "ed", "a", "al", "allo",
    "alla", "all'", "ai", "agli", "alle", "da", "dal", "dalla", "in", "nel", "nella", "con", "sul", "sulla",
    "il", "lo", "la", "l'", "i", "gli", "le", "-",
})
_FUNCTION_START = _NAME_GLUE | {"un", "una", "uno", "un'", "questo", "questa", "quel", "quella", "ma", "se", "non"}


def _titlecase(text: str) -> bool:
    """Capitalised and not written in capitals ("Forza", "D'Alema"; not "FORZA", "forza")."""
    return text[:1].isupper() and not (len(text) > 1 and text.isupper())


#: Parts of speech (lexicon tags) that do not end a name: verbs, adverbs, interjections.
_NOT_IN_NAMES = ("VB", "RB", "MD", "UH")


def needs_model(tokens: Sequence[Token], assessments: Iterable[Any], first_words: set[int] | None = None,
                lexicon: Any = None) -> list[int]:
    """Starts of the scored words that may be part of a name only the model can see.

    A scored word (an assessment from the lexicon, not a cue, an emoji or a
    skipped name) is a candidate when it opens a sentence with a capital and a
    capitalised word follows ("Forza Italia ha…", "Fratelli d'Italia"), or
    when it is written in lower case after a capitalised word with one to
    four articles, prepositions, "e" or numbers between ("Popolo della
    libertà", "Movimento 5 stelle"). ``first_words`` are the token indices that open a
    sentence. A capitalised word inside a sentence is already skipped
    (``capitalised``); words in capitals are never taken for names, and
    neither are verbs and adverbs of the ``lexicon`` ("Rossi vince").
    """
    index = {t.start: k for k, t in enumerate(tokens)}
    firsts = first_words or set()
    out = []
    for a in assessments:
        if a.rules and any(r in ("skipped", "sense", "cue", "emoji", "laughter") for r in a.rules):
            continue
        k = index.get(a.start)
        if k is None or not _may_be_in_name(tokens, k, firsts):
            continue
        entry = lexicon.lookup(tokens[k].text) if lexicon is not None else None
        if entry is not None and entry.pos.upper().startswith(_NOT_IN_NAMES):
            continue
        out.append(a.start)
    return out


def _may_be_in_name(tokens: Sequence[Token], k: int, first_words: set[int]) -> bool:
    text = tokens[k].text
    if _titlecase(text):
        return k in first_words and _capital_follows(tokens, k)
    if text[:1].isupper():
        return False
    j = k - 1
    steps = 0
    while j >= 0 and steps < 5:
        t = tokens[j]
        low = _fold(t.text)
        if t.kind == "word" and _titlecase(t.text):
            # a word right after a name is rarely in it ("Rossi leader"); "Popolo della libertà" is
            return steps > 0 and not (j in first_words and low in _FUNCTION_START)
        if low in _NAME_GLUE or t.kind == "number":
            j -= 1
            steps += 1
            continue
        return False
    return False


def _capital_follows(tokens: Sequence[Token], k: int) -> bool:
    """A capitalised word follows ``tokens[k]``, right after it or after "di", "della", "d'"…"""
    for t in tokens[k + 1:k + 4]:
        if t.kind in ("word", "acronym") and _titlecase(t.text):
            return True
        if _fold(t.text) not in _NAME_GLUE:
            return False
    return False


#: At most this many lower-case content words may close a name after its last
#: capitalised word ("Popolo della libertà", "Partito democratico").
MAX_LOWER_TAIL = 2


def model_names(doc: Any, offset: int = 0) -> list[NameSpan]:
    """Names in a parsed spaCy ``Doc`` (one sentence), as spans (+ ``offset``).

    Named entities and runs of proper nouns (which may hold articles and
    prepositions between two proper nouns: "Fratelli d'Italia"), kept only
    where a statistical model is trustworthy for this purpose:

    * the span has a capitalised word (not all in capitals: headlines and
      shouted tweets are not names);
    * a span that opens the sentence keeps its first word only when that word
      is tagged a proper noun, another capitalised word follows and it is not
      a cheer or greeting of ``vocatives.txt`` ("Felice Casson ha detto…";
      not "Grande Roma!", "Bomba sociale", "Ciao Marco");
    * after its last capitalised word a span keeps at most
      :data:`MAX_LOWER_TAIL` lower-case content words.
    """
    first = next((t.i for t in doc if t.text[:1].isalpha()), 0)
    raw = [(e.start, e.end, f"entity:{e.label_}") for e in doc.ents]
    n, i = len(doc), 0
    while i < n:
        if doc[i].pos_ != "PROPN":
            i += 1
            continue
        j, k = i, i + 1
        while k < n:
            if doc[k].pos_ == "PROPN":
                j, k = k, k + 1
            elif doc[k].pos_ in ("ADP", "DET") and doc[k].text.lower() in _NAME_GLUE:
                k += 1
            else:
                break
        raw.append((i, j + 1, "proper-noun"))
        i = j + 1
    spans = []
    for a, b, reason in raw:
        caps = [t for t in range(a, b) if _titlecase(doc[t].text)]
        if not caps:
            continue
        if a == first and (doc[a].pos_ != "PROPN" or len(caps) < 2 or _fold(doc[a].text) in _vocatives()):
            a += 1
            caps = [t for t in caps if t >= a]
            if not caps:
                continue
        content = [t for t in range(caps[-1] + 1, b) if doc[t].is_alpha and doc[t].text.lower() not in _NAME_GLUE]
        if len(content) > MAX_LOWER_TAIL:
            b = caps[-1] + 1
        if b > a:
            spans.append(NameSpan(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), reason))
    return merge_spans(spans)


def names_model() -> Any | None:
    """The Italian model (:func:`analysis.syntax.load_nlp`), or None with one warning when it is missing."""
    return _names_model()


@lru_cache(maxsize=1)
def _names_model() -> Any | None:
    try:
        from ..syntax import load_nlp

        return load_nlp()
    except (FileNotFoundError, OSError, ImportError) as exc:
        warnings.warn(f"names filter without the Italian model ({exc}): named entities and proper nouns "
                      "are not found; the names list, hashtags, quoted titles and capitals still are",
                      stacklevel=4)
        return None


class NameParser:
    """The model's names of sentences, parsed in batches and cached by sentence text.

    The model's names do not depend on any names list, so one parser may
    serve several scorers; each :class:`analysis.sentiment.SentimentScorer`
    owns one. ``maxsize`` sentences are kept (the oldest go first).
    """

    def __init__(self, maxsize: int = 50_000) -> None:
        self.maxsize = maxsize
        self._cache: dict[str, list[NameSpan]] = {}

    def clear(self) -> None:
        """Forget the cached names."""
        self._cache.clear()

    def parse(self, items: Sequence[tuple[str, Sequence[Token]]], *, parses: Any = None) -> list[list[NameSpan]]:
        """Model names of each ``(text, tokens)`` (a sentence and its tokens, offsets into it), in one batch.

        Only the tagger and the entity recogniser run (no dependency parse),
        unless ``parses`` (a :class:`~analysis.syntax.parses.ParseStore`) is
        given: the sentences' shared parses are then read (and made there when
        missing). Empty lists when the model is missing.
        """

        out: list[list[NameSpan] | None] = [self._cache.get(text) for text, _ in items]
        todo = [k for k, r in enumerate(out) if r is None]
        nlp = names_model() if todo and parses is None else None
        if todo and (nlp is not None or parses is not None):
            for k, doc in zip(todo, self._tagged(nlp, [items[k] for k in todo], parses)):
                spans = model_names(doc)
                if len(self._cache) >= self.maxsize:
                    del self._cache[next(iter(self._cache))]
                self._cache[items[k][0]] = spans
                out[k] = spans
        return [r or [] for r in out]

    @staticmethod
    def _tagged(nlp: Any, items: Sequence[tuple[str, Sequence[Token]]], parses: Any) -> list[Any]:
        """The ``Doc`` of each item with parts of speech and entities: the shared parses, or tagged here."""
        from ..syntax.tokenizer import doc_from_tokens

        if parses is not None:
            return parses.parse(items, entities=True)
        docs = [doc_from_tokens(nlp.vocab, text, toks, 0, len(text)) for text, toks in items]
        with nlp.select_pipes(enable=[p for p in ("tok2vec", "morphologizer", "ner") if p in nlp.pipe_names]):
            return list(nlp.pipe(docs))

    def names_in(self, text: str, groups: Sequence[Sequence[Token]]) -> list[NameSpan]:
        """Model names of the token ``groups`` (sentences) of ``text``, as offsets into ``text``."""
        groups = [g for g in groups if g]
        if not groups:
            return []
        items = []
        for g in groups:
            a = g[0].start
            items.append((text[a:g[-1].end], [t._replace(start=t.start - a, end=t.end - a) for t in g]))
        out: list[NameSpan] = []
        for g, spans in zip(groups, self.parse(items)):
            out += [NameSpan(s.start + g[0].start, s.end + g[0].start, s.reason) for s in spans]
        return out


@lru_cache(maxsize=1)
def default_parser() -> NameParser:
    """The parser of one-off calls (:func:`analysis.textblob_it.analyze` without a scorer)."""
    return NameParser()
