"""Italian lexicon sentiment with rules, for TextBlob (``PatternAnalyzer``, in :mod:`.pattern_analyzer`).

Written by hand because no offline Italian sentiment library exists (the
"textblob-it" package was never published, and textblob-fr's analyzer is
French-only and ignores ``keep_assessments``). The scoring follows Pattern's
idea — polarity is the mean of the scores of the opinion words found — with
rules Pattern lacks or gets wrong for Italian news:

* **negation with a scope**: ``non``, ``mai``, ``né``, ``nessuno``, ``niente``,
  ``nulla``, ``neanche``, ``nemmeno``, ``neppure`` (and ``senza`` over the
  next two words) flip and damp the opinion words that follow, up to
  :data:`NEGATION_SCOPE` words, a clause boundary or punctuation. Unknown words
  do NOT end the scope (Pattern's bug: any word not in its lexicon cancelled a
  pending negation). ``affatto``, ``mica``, ``per niente`` make it stronger.
  Negative concord ("non ... mai") is one negation, not two.
* **intensifiers and diminishers**: an adverb with no polarity and an
  intensity ≠ 1 in the lexicon ("molto" 1.6, "poco" 0.6) scales the next
  opinion word within two words.
* **contrast**: after ``ma``, ``però``, ``tuttavia``, ``eppure`` the clause
  weighs :data:`CONTRAST_AFTER`, the words before it :data:`CONTRAST_BEFORE`.
* **exclamation**: opinion words in a sentence ending with ``!`` weigh more.
* **emoticons and emoji** from ``data/sentiment/emoticons.tsv``; with the
  social-media layer of the lexicon, written laughter ("ahahah", "hahaha",
  "lol", "asd") counts as a mild positive.
* **hashtags** are read as words ("#vergogna"); camel-case and underscored
  hashtags are split into their words ("#NonCiStoPiù" → non ci sto più,
  "#governo_ladro" → governo ladro), with negation and all rules applied.
* **subjectivity** adds up evidence — the opinion words' subjectivity plus
  cues of opinion in news (modal verbs, first person, evaluative adverbs,
  questions, exclamations; ``data/sentiment/subjectivity_cues.tsv``) — and maps
  it to [0, 1] with ``evidence / (evidence + SUBJECTIVITY_HALF)``.
* results are clamped to [-1, 1] and [0, 1].

Capitalised words inside a sentence are taken as names and not scored
("Forza Italia", "Pace" as a surname); all-capital words are scored.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import namedtuple
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..paths import DATA_DIR
from ..tokenization import Token, tokenize
from ..wordlists import read_word_list
from .lexicon import Entry, Lexicon, load_lexicon, normalise
from .names import NameParser, Names, curated_names, default_parser, needs_model, surface_names
from .senses import sense_of

# PatternAnalyzer lives in .pattern_analyzer (it needs TextBlob); this module still
# hands it out on request (``__getattr__`` below) but does not export it.
__all__ = [
    "Sentiment", "SentimentAssessments", "Assessment", "Analysis", "analyze", "analyze_tokens",
    "NEGATION_SCOPE", "NEGATION_FACTOR", "STRONG_NEGATION_FACTOR", "CONTRAST_BEFORE",
    "CONTRAST_AFTER", "EXCLAMATION_BOOST", "SUBJECTIVITY_HALF", "POLARITY_DAMPING", "LAUGHTER",
    "FIRST_PLURAL_CUE", "NUMBER_CUE", "SUBJECTIVITY_LENGTH", "SUBJECTIVITY_LENGTH_POWER",
    "split_hashtag",
]

#: How many words after a negator it still applies to (punctuation and clause
#: boundaries end it earlier).
NEGATION_SCOPE = 6
#: Words a ``short`` negator ("senza") applies to.
SHORT_NEGATION_SCOPE = 2
#: A negated opinion word keeps this fraction of its polarity, sign flipped
#: ("non è buono" is less negative than "è cattivo").
NEGATION_FACTOR = -0.6
#: With "affatto", "mica", "per niente": a stronger flip.
STRONG_NEGATION_FACTOR = -0.9
#: Weights of the opinion words before and after a contrast connective.
CONTRAST_BEFORE = 0.5
CONTRAST_AFTER = 1.5
#: Factor on opinion words in a sentence that ends with "!".
EXCLAMATION_BOOST = 1.3
#: Subjectivity evidence that maps to 0.5 (chosen on half A of the CheckThat! data).
SUBJECTIVITY_HALF = 1.2
#: Added to the weight sum in the polarity mean: a single weak opinion word in
#: a long sentence counts less than several agreeing ones.
POLARITY_DAMPING = 0.0
#: A modifier applies to an opinion word at most this many words later.
MODIFIER_REACH = 2
#: Polarity and subjectivity of written laughter ("ahahah", "lol").
LAUGHTER = (0.4, 0.8)
#: Subjectivity evidence of a first-person plural verb ("vogliamo", "chiediamo"):
#: the writer or speaker takes a stand.
FIRST_PLURAL_CUE = 0.4
#: Evidence added by each number (figures, dates, amounts): a sign of reporting,
#: so it lowers subjectivity.
NUMBER_CUE = -0.15
#: Long sentences pile up weak evidence: above this many words, evidence is
#: scaled by ``(SUBJECTIVITY_LENGTH / words) ** SUBJECTIVITY_LENGTH_POWER``.
SUBJECTIVITY_LENGTH = 25
SUBJECTIVITY_LENGTH_POWER = 0.6

Sentiment = namedtuple("Sentiment", ["polarity", "subjectivity"])
# Named "Sentiment" as TextBlob names its own result with assessments (the same repr); mypy wants the names equal.
SentimentAssessments = namedtuple("Sentiment", ["polarity", "subjectivity", "assessments"])  # type: ignore[name-match]


class Assessment(NamedTuple):
    """One word, phrase, emoji or cue that moved the score.

    ``start``/``end`` are offsets into the analysed text; ``polarity`` is the
    contribution after the rules, ``base_polarity`` the lexicon's value;
    ``subjectivity`` the evidence it adds; ``weight`` its weight in the mean
    (contrast); ``rules`` what changed it (``negated``, ``intensified``,
    ``diminished``, ``contrast-before``, ``contrast-after``, ``exclamation``,
    ``emoji``, ``cue``, ``superlative``).
    """

    start: int
    end: int
    text: str
    polarity: float
    subjectivity: float
    weight: float
    base_polarity: float
    rules: tuple[str, ...]


class Analysis(NamedTuple):
    """Result of :func:`analyze`: scores plus every assessment."""

    polarity: float
    subjectivity: float
    assessments: list[Assessment]


# --- word lists ------------------------------------------------------------

@lru_cache(maxsize=1)
def _negations() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for line in (DATA_DIR / "sentiment" / "negations.tsv").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        form, _, kind = line.partition("\t")
        kind = kind.strip()
        if kind not in ("negator", "short", "strengthener", "raising"):
            raise ValueError(f"negations.tsv: unknown kind {kind!r} for {form!r}")
        table[tuple(normalise(form).split())] = kind
    return table


@lru_cache(maxsize=None)
def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(normalise(p).split()) for p in read_word_list(f"sentiment/{name}"))


@lru_cache(maxsize=1)
def _emoticons() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for line in (DATA_DIR / "sentiment" / "emoticons.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"emoticons.tsv: expected symbol, polarity, subjectivity; got {line!r}")
        out[parts[0]] = (float(parts[1]), float(parts[2]))
    return out


@lru_cache(maxsize=1)
def _cues() -> dict[tuple[str, ...], float]:
    out: dict[tuple[str, ...], float] = {}
    for line in (DATA_DIR / "sentiment" / "subjectivity_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, _, weight = line.partition("\t")
        out[tuple(normalise(form).split())] = float(weight)
    return out


def first_word_index(keys) -> dict[str, int]:
    """First word of each key (a tuple of words) → length of the longest key starting with it."""
    index: dict[str, int] = {}
    for key in keys:
        if key and len(key) > index.get(key[0], 0):
            index[key[0]] = len(key)
    return index


@lru_cache(maxsize=None)
def _first_index(name: str) -> dict[str, int]:
    """:func:`first_word_index` of the phrase list or table called ``name``."""
    tables = {"negations": _negations, "cues": _cues}
    return first_word_index(tables[name]() if name in tables else _phrases(name))


def _match(words: list[str], i: int, table, first: dict[str, int], max_len: int = 4) -> int:
    """Length of the longest key of ``table`` starting at ``words[i]`` (0 if none).

    ``first`` is the table's :func:`first_word_index`: most words start no key
    and return at once.
    """
    longest = first.get(words[i])
    if not longest:
        return 0
    for n in range(min(longest, max_len, len(words) - i), 0, -1):
        if tuple(words[i : i + n]) in table:
            return n
    return 0


_SCOPE_BREAKERS = frozenset(",;:()[]{}«»\"“”—–") | {"-"}
_TERMINALS = frozenset(".!?…")
_WORDLIKE = ("word", "elision", "abbreviation", "acronym", "handle", "hashtag-part")

#: Written laughter: "ahah", "ahahahah", "hahaha", "ihih", "eheh", "lol", "asd".
_LAUGHTER_RE = re.compile(r"(?:a?(?:ha|ah){2,}h?|h?(?:ah){2,}a?|(?:hi|ih){2,}h?|(?:he|eh){2,}h?|lo+l|lmao|asd+)")
#: Boundaries inside a hashtag: lower→upper ("NonCiSto"), letters→digits, "_".
_HASHTAG_PART = re.compile(r"[A-ZÀ-Ý]?[a-zß-ÿ]+|[A-ZÀ-Ý]+(?![a-zß-ÿ])|\d+")


def split_hashtag(tok: Token) -> list[Token]:
    """A camel-case or underscored hashtag as word tokens (offsets into the text); else ``[tok]``."""
    body = tok.text[1:]
    if not tok.text.startswith("#") or not body:
        return [tok]
    camel = any(a.islower() and b.isupper() for a, b in zip(body, body[1:]))
    if not camel and "_" not in body:
        return [tok]
    parts = [Token(tok.start + 1 + m.start(), tok.start + 1 + m.end(), m.group(), "hashtag-part")
             for m in _HASHTAG_PART.finditer(body)]
    return parts or [tok]


#: "ma anche", "ma pure": additive, not a contrast.
_ADDITIVE = frozenset({"anche", "pure", "inoltre"})


def _joined_emoticon(sent: list[Token], i: int, emoticons: dict[str, tuple[float, float]]) -> int:
    """Tokens from ``i`` that touch each other and spell an emoticon the tokenizer split
    (":3", "^^", "*_*", tweets' HTML-escaped "&lt;3"); their number, or 0."""
    if sent[i].kind not in ("punct", "symbol", "number", "word") or len(sent[i].text) > 2:
        return 0
    if i + 1 >= len(sent) or sent[i].end != sent[i + 1].start:  # every group needs this pair to touch
        return 0
    for k in range(min(4, len(sent) - i), 1, -1):
        group = sent[i : i + k]
        if all(a.end == b.start for a, b in zip(group, group[1:])):
            if "".join(t.text for t in group) in emoticons:
                return k
    return 0


def _bare_emoji(text: str) -> str:
    """An emoji without variation selector and skin-tone modifier."""
    return "".join(ch for ch in text if ch != "\ufe0f" and not ("\U0001f3fb" <= ch <= "\U0001f3ff"))


def _clamp(x: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return lo if x < lo else hi if x > hi else x


def _sentences(tokens: Sequence[Token]) -> list[list[Token]]:
    """Group tokens into sentences at terminal punctuation (for the rules only)."""
    out: list[list[Token]] = [[]]
    for tok in tokens:
        out[-1].append(tok)
        if tok.kind == "punct" and tok.text[-1] in _TERMINALS:
            out.append([])
    return [s for s in out if s]


def _word_of(tok: Token) -> str:
    if tok.kind == "handle":
        return normalise(tok.text[1:]) if tok.text.startswith("#") else ""
    return normalise(tok.text)


def _is_evaluative(words: list[str], sent: list[Token], i: int, lexicon: Lexicon) -> float | None:
    """The lexicon polarity of ``sent[i]`` when it would move a score (a cue, a negation: 0.0), else None."""
    w, tok = words[i], sent[i]
    if not w or tok.kind not in _WORDLIKE:
        return None
    if (w in _first_index("cues") and _match(words, i, _cues(), _first_index("cues"))) or w in _first_index("negations"):
        return 0.0
    entry = lexicon.lookup(w, kind="word")  # lower case: "Sblocca" in a name is the verb "sblocca"
    if entry is None or entry.is_neutral:
        return None
    return entry.polarity


def _skipped(sent: list[Token], words: list[str], i: int, j: int, reason: str, lexicon: Lexicon,
             weight: float) -> Assessment | None:
    """The assessment listing the name ``sent[i:j]`` as skipped, when one of its words is evaluative."""
    found = [p for k in range(i, j) if (p := _is_evaluative(words, sent, k, lexicon)) is not None]
    if not found:
        return None
    parts = [sent[i].text]
    for prev, t in zip(sent[i:j], sent[i + 1:j]):
        parts.append((" " if t.start > prev.end else "") + t.text)
    text, start = "".join(parts), sent[i].start
    if sent[i].kind == "hashtag-part":  # the hashtag as written
        text, start = "#" + text, start - 1
    base = round(sum(found) / len(found), 4)
    return Assessment(start, sent[j - 1].end, text, 0.0, 0.0, weight, base, ("skipped", reason))


def _score_sentence(sent: list[Token], lexicon: Lexicon, out: list[Assessment], cues_out: list[Assessment],
                    skip=None) -> None:
    negations, exceptions = _negations(), _phrases("negation_exceptions.txt")
    contrast, boundaries = _phrases("contrast.txt"), _phrases("clause_boundaries.txt")
    emoticons, cues = _emoticons(), _cues()
    cues_first, exceptions_first = _first_index("cues"), _first_index("negation_exceptions.txt")
    negations_first, contrast_first = _first_index("negations"), _first_index("contrast.txt")
    boundaries_first, phrases_first = _first_index("clause_boundaries.txt"), lexicon.phrase_first
    sent = [part for t in sent for part in (split_hashtag(t) if t.kind == "handle" else (t,))]
    words = [_word_of(t) if t.kind in _WORDLIKE else t.text for t in sent]
    first_word = next((k for k, t in enumerate(sent) if t.kind in _WORDLIKE), 0)
    exclaim = any(t.kind == "punct" and "!" in t.text for t in sent)
    first_out = len(out)
    skipped_out = cues_out  # names skipped: listed, weighing nothing
    neg_left, neg_factor, neg_raising = 0, 0.0, False
    mod, mod_left, mod_rule = 1.0, 0, ""
    weight, contrast_at = 1.0, None
    i, n = 0, len(sent)
    while i < n:
        tok, w = sent[i], words[i]
        # names carry no sentiment: a name is one neutral word for the rules
        name = _covering(skip, tok.start) if skip else None
        if name is not None:
            _, end, reason = name
            j = i + 1
            while j < n and sent[j].start < end:
                j += 1
            a = _skipped(sent, words, i, j, reason, lexicon, weight)
            if a is not None:
                skipped_out.append(a)
            if neg_left:
                neg_left -= 1
            if mod_left:
                mod_left -= 1
            i = j
            continue
        # subjectivity cues (phrases of words, or "?", "!")
        k = _match(words, i, cues, cues_first) if w in cues_first else 0
        if k:
            cue = tuple(words[i : i + k])
            cues_out.append(Assessment(tok.start, sent[i + k - 1].end, " ".join(cue), 0.0, cues[cue], 1.0, 0.0, ("cue",)))
        k = _joined_emoticon(sent, i, emoticons)
        if k:
            sym = "".join(t.text for t in sent[i : i + k])
            p, s = emoticons[sym]
            out.append(Assessment(tok.start, sent[i + k - 1].end, sym, p, s, weight, p, ("emoji",)))
            i += k
            continue
        if tok.kind in ("emoticon", "emoji", "symbol") or (tok.kind == "punct" and tok.text in emoticons):
            sym = tok.text if tok.text in emoticons else _bare_emoji(tok.text)
            if sym in emoticons:
                p, s = emoticons[sym]
                out.append(Assessment(tok.start, tok.end, tok.text, p, s, weight, p, ("emoji",)))
            i += 1
            continue
        if lexicon.social_media and tok.kind in ("word", "handle") and _LAUGHTER_RE.fullmatch(w):
            p, s = LAUGHTER
            out.append(Assessment(tok.start, tok.end, tok.text, p, s, weight, p, ("laughter",)))
            i += 1
            continue
        if tok.kind == "number":
            cues_out.append(Assessment(tok.start, tok.end, tok.text, 0.0, NUMBER_CUE, 1.0, 0.0, ("cue",)))
        elif (not k and tok.kind == "word" and len(w) >= 6 and w.endswith("iamo")
              and (i == first_word or not tok.text[:1].isupper())):
            cues_out.append(Assessment(tok.start, tok.end, tok.text, 0.0, FIRST_PLURAL_CUE, 1.0, 0.0, ("cue",)))
        if tok.kind == "punct" or tok.kind not in _WORDLIKE or not w:
            if tok.text in _SCOPE_BREAKERS or (tok.kind == "punct" and tok.text[-1] in _TERMINALS):
                neg_left, mod_left = 0, 0
            i += 1
            continue
        # words that begin with a negation word but do not negate ("non solo")
        k = _match(words, i, exceptions, exceptions_first) if w in exceptions_first else 0
        if k:
            i += k
            continue
        k = _match(words, i, negations, negations_first) if w in negations_first else 0
        if k and lexicon.phrases and _match(words, i, lexicon.phrases, phrases_first, lexicon.max_phrase_len) > k:
            k = 0  # a lexicon phrase that starts with a negation word: "non vedo l'ora"
        if k:
            kind = negations[tuple(words[i : i + k])]
            if kind == "strengthener":
                neg_factor = STRONG_NEGATION_FACTOR
                neg_left = max(neg_left, NEGATION_SCOPE)
            elif kind == "short":
                if neg_left == 0:
                    neg_factor = NEGATION_FACTOR
                neg_left = max(neg_left, SHORT_NEGATION_SCOPE)
            elif kind == "negator":
                if neg_left == 0:
                    neg_factor = NEGATION_FACTOR
                neg_left = NEGATION_SCOPE  # concord: renew, never cancel
            elif kind == "raising" and neg_left:
                neg_raising = True  # "non credo che ..." carries the negation over "che"
            i += k
            continue
        k = _match(words, i, contrast, contrast_first) if w in contrast_first else 0
        if k and not (i + k < n and words[i + k] in _ADDITIVE):  # "non solo ... ma anche" adds
            contrast_at = len(out)
            weight = CONTRAST_AFTER
            neg_left, mod_left = 0, 0
            i += k
            continue
        k = _match(words, i, boundaries, boundaries_first) if w in boundaries_first else 0
        if k:
            if neg_left and neg_raising:
                neg_raising = False
            else:
                neg_left = 0
            i += k
            continue
        # lexicon: longest phrase first, then the single word
        entry: Entry | None = None
        k = _match(words, i, lexicon.phrases, phrases_first, lexicon.max_phrase_len) if w in phrases_first else 0
        if k > 1:
            entry = lexicon.phrases[tuple(words[i : i + k])]
        else:
            k = 1
            is_name = (tok.kind != "hashtag-part" and tok.text[:1].isupper() and not tok.text.isupper()
                       and i != first_word and i > 0 and sent[i - 1].kind in ("word", "elision"))
            if is_name:
                a = _skipped(sent, words, i, i + 1, "capitalised", lexicon, weight)
                if a is not None:
                    skipped_out.append(a)
            else:
                plain = tok.kind in ("handle", "hashtag-part")
                entry = lexicon.lookup(w if plain else tok.text, kind="word" if plain else tok.kind,
                                       sentence_initial=(i == first_word))
                if entry is not None and not entry.is_neutral and not entry.is_modifier:
                    sense = sense_of(words, i)
                    if sense is not None:  # "positivo al tampone": listed, weighing nothing
                        skipped_out.append(Assessment(tok.start, tok.end, tok.text, 0.0, 0.0, weight,
                                                      entry.polarity, ("sense", sense)))
                        entry = None
        end = sent[i + k - 1].end
        if neg_left:
            neg_left -= 1
        if entry is None or entry.is_neutral:
            if mod_left:
                mod_left -= 1
                if mod_left == 0:
                    mod = 1.0
            i += k
            continue
        if entry.is_modifier:
            mod = mod * entry.intensity if mod_left else entry.intensity
            mod_left = MODIFIER_REACH
            mod_rule = "intensified" if mod > 1 else "diminished"
            if entry.subjectivity:
                cues_out.append(Assessment(tok.start, end, tok.text, 0.0, entry.subjectivity, 1.0, 0.0, ("cue",)))
            i += k
            continue
        p, s, rules = entry.polarity, entry.subjectivity, []
        if entry.source.endswith("+superlative"):
            rules.append("superlative")
        if mod_left and mod != 1.0:
            p, s = p * mod, min(1.0, s * max(mod, 1.0))
            rules.append(mod_rule)
            mod, mod_left = 1.0, 0
        if neg_left and p:
            p *= neg_factor
            rules.append("negated")
        if exclaim and p:
            p *= EXCLAMATION_BOOST
            rules.append("exclamation")
        out.append(Assessment(tok.start, end, " ".join(words[i : i + k]) if k > 1 else tok.text,
                              _clamp(p), s, weight, entry.polarity, tuple(rules)))
        i += k
    if contrast_at is not None:
        for j in range(first_out, len(out)):
            a = out[j]
            if j < contrast_at:
                out[j] = a._replace(weight=CONTRAST_BEFORE, rules=a.rules + ("contrast-before",))
            else:
                out[j] = a._replace(rules=a.rules + ("contrast-after",))


def _names_of(names: bool | Names) -> Names | None:
    """The names list meant by an ``names`` argument: None (off), the curated list (True), or the one given."""
    if names is True:
        return curated_names()
    return names or None


def analyze(text: str, *, lexicon: Lexicon | None = None, social_media: bool = False, names: bool | Names = True,
            model: bool = True, parser: NameParser | None = None) -> Analysis:
    """Polarity, subjectivity and assessments of ``text`` (any string; never raises on text).

    ``polarity`` is the weighted mean of the opinion words' contributions,
    in [-1, 1] (0.0 when none is found); ``subjectivity`` maps the summed
    evidence (opinion words and cues) into [0, 1]. ``social_media=True``
    scores with the social-media layer of the lexicon (ignored when a
    ``lexicon`` is given).

    Names carry no sentiment (:mod:`analysis.textblob_it.names`): with
    ``names=True`` the curated names list (or the :class:`~analysis.textblob_it.names.Names`
    given), name heads, hashtags and quoted titles are skipped, and, with
    ``model=True``, the named entities and proper nouns the Italian model
    finds in the sentences where an evaluative word could be part of a name
    (cached by ``parser``, default :func:`~analysis.textblob_it.names.default_parser`).
    Skipped names with an evaluative word are listed among the assessments
    with the rules ``("skipped", reason)``; words read in a sense that is not
    an opinion ("positivo al test") with ``("sense", name)``.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() expects a str, got {type(text).__name__}")
    tokens = tokenize(text)
    lexicon = lexicon if lexicon is not None else load_lexicon(social_media=social_media)
    result = analyze_tokens(tokens, lexicon=lexicon, names=names)
    if names and model:
        spans = model_name_spans(text, tokens, result, lexicon=lexicon, parser=parser)
        if spans:
            result = analyze_tokens(tokens, lexicon=lexicon, names=names, name_spans=spans)
    return result


def name_candidate_groups(tokens: Sequence[Token], result: Analysis, *, lexicon: Lexicon | None = None) -> list[list[Token]]:
    """The sentences (token groups) of ``tokens`` where ``result`` scored a word that may be part of a name
    only the model can see (:func:`analysis.textblob_it.names.needs_model`)."""
    tokens = list(tokens)
    groups = _sentences(tokens)
    position = {t.start: k for k, t in enumerate(tokens)}
    first_idx = set()
    for g in groups:  # the first word of a sentence, after any @handles and #hashtags of a tweet
        first = next((t for t in g if t.kind in ("word", "elision", "abbreviation", "acronym")), g[0])
        first_idx.add(position[first.start])
    starts = needs_model(tokens, result.assessments, first_idx, lexicon or load_lexicon())
    if not starts:
        return []
    return [g for g in groups if any(g[0].start <= x < g[-1].end for x in starts)]


def model_name_spans(text: str, tokens: Sequence[Token], result: Analysis, *, lexicon: Lexicon | None = None,
                     parser: NameParser | None = None) -> list:
    """The model's names in the sentences of ``text`` where ``result`` scored a word that may be in a name.

    Sentences are parsed once (their names cached by sentence text in
    ``parser``); empty when no word needs it or the model is missing.
    """
    groups = name_candidate_groups(tokens, result, lexicon=lexicon)
    return (parser or default_parser()).names_in(text, groups) if groups else []


def analyze_tokens(tokens: Sequence[Token], *, lexicon: Lexicon | None = None, social_media: bool = False,
                   names: bool | Names = True, name_spans: Sequence[tuple[int, int, str]] = ()) -> Analysis:
    """:func:`analyze` of a text already tokenized: ``tokens`` must be exactly
    ``tokenize(text)`` (offsets into ``text``); the result is then identical.

    Lets callers that hold the tokens (``analysis.sentiment`` reads them from
    the corpus tokens table) skip tokenizing the text a second time. The
    model is not run here: ``name_spans`` (``(start, end, reason)`` offsets
    into the text, from :func:`model_name_spans`) are skipped on top of the
    names found on the surface (``names``: True for the curated list, or a
    :class:`~analysis.textblob_it.names.Names`).
    """
    lexicon = lexicon if lexicon is not None else load_lexicon(social_media=social_media)
    spans: list = list(name_spans)
    found_names = _names_of(names)
    if found_names is not None:
        spans = list(surface_names(tokens, lexicon=lexicon, names=found_names)) + spans
    skip = _union(spans) if spans else None
    assessed: list[Assessment] = []
    cues: list[Assessment] = []
    for sent in _sentences(tokens):
        _score_sentence(sent, lexicon, assessed, cues, skip)
    polar = [a for a in assessed if a.polarity != 0.0]
    wsum = sum(a.weight for a in polar)
    polarity = _clamp(sum(a.polarity * a.weight for a in polar) / (wsum + POLARITY_DAMPING)) if wsum else 0.0
    # one piece of evidence per span: a word that is both a cue and a lexicon
    # entry ("magari", "chiaramente") counts once, with the larger weight
    by_span: dict[tuple[int, int], float] = {}
    for a in assessed:
        by_span[(a.start, a.end)] = max(by_span.get((a.start, a.end), 0.0), a.subjectivity * a.weight)
    negative = 0.0
    for a in cues:
        if a.subjectivity < 0:
            negative += a.subjectivity
        else:
            by_span[(a.start, a.end)] = max(by_span.get((a.start, a.end), 0.0), a.subjectivity)
    evidence = max(0.0, sum(by_span.values()) + negative)
    n_words = sum(1 for t in tokens if t.kind in _WORDLIKE)
    if n_words > SUBJECTIVITY_LENGTH:
        evidence *= (SUBJECTIVITY_LENGTH / n_words) ** SUBJECTIVITY_LENGTH_POWER
    subjectivity = _clamp(evidence / (evidence + SUBJECTIVITY_HALF), 0.0, 1.0) if evidence > 0 else 0.0
    everything = sorted(assessed + cues, key=lambda a: (a.start, a.end))
    return Analysis(round(polarity, 6), round(subjectivity, 6), everything)


def _union(spans: Sequence[tuple[int, int, str]]) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Overlapping name spans joined (the reason of the span listed first among those starting first)."""
    order = sorted(enumerate(spans), key=lambda x: (x[1][0], x[0]))
    out: list[tuple[int, int, str]] = []
    for _, (a, b, reason) in order:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b), out[-1][2])
        else:
            out.append((a, b, reason))
    return [x[0] for x in out], out


def _covering(skip, pos: int) -> tuple[int, int, str] | None:
    """The joined name span containing offset ``pos``, or None."""
    starts, spans = skip
    k = bisect_right(starts, pos) - 1
    return spans[k] if k >= 0 and pos < spans[k][1] else None


def __getattr__(name: str):
    # PatternAnalyzer subclasses TextBlob's analyzer base: importing TextBlob
    # pulls in NLTK and SciPy (~1 s, ~100 MB), which scoring text never needs.
    if name == "PatternAnalyzer":
        from .pattern_analyzer import PatternAnalyzer

        return PatternAnalyzer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
