"""Italian lemmas: simplemma, guarded, corrected and read in context.

simplemma gives good dictionary lemmas offline, but on its own it raises on an
empty string, lemmatizes proper nouns as common words ("Un" in "Kim Jong Un" →
"uno", "Meloni" → "melone"), and, having no context, picks the verb for many
nouns ("il fatto" → "fare", "le richieste" → "richiedere", "subito" →
"subire"). This module wraps it; the order of the steps is:

1. closed-class words and conventions from ``data/lemma_corrections.tsv``
   (articles → ``il``/``uno``, articulated prepositions → the preposition,
   determiners and pronouns → masculine singular, abbreviations → the word);
   clitic pronouns (``lo``, ``la``, ``l’``, ``gli``, ``le`` before a verb) are
   told apart from articles first, by the sound the next word starts with
   (``lo`` is an article only before s + consonant, z, gn, ps…) and by an
   auxiliary or clitic next to them (``l’ha``, ``se la``);
2. capitalised words inside a sentence are proper nouns and keep their form,
   as do acronyms, except the institutional nouns of
   ``data/capitalized_nouns.txt`` (il Governo → governo); a capitalised
   word that opens a sentence and is followed by another one (``Corriere
   Sport``) is a name too;
3. simplemma (cached) for everything else;
4. context rules written from Italian grammar: after an article, an
   articulated preposition or a possessive (``data/determiners.tsv``) a
   word is a noun or an adjective, so a verb lemma becomes the noun, put in the
   singular the article agrees with (il fatto → fatto, le richieste →
   richiesta); ``stato`` is the noun unless a form of *essere* precedes it;
   ``subito`` is the adverb unless a form of *avere* precedes it; ``fa`` after
   a span of time (``due anni fa``) is the adverb.

No rule or list here was taken from an annotated corpus; measure with
``python -m analysis.evaluation ud``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import AbstractSet, Iterable, Sequence

import simplemma

from .stopwords import STOP_WORDS
from .tokenization import Token
from .wordlists import read_word_list, read_word_table

__all__ = [
    "LEMMA_CORRECTIONS",
    "CAPITALIZED_NOUNS",
    "DETERMINERS",
    "PARTICIPLES",
    "lemmatize",
    "lemmatize_tokens",
    "document_names",
    "is_known_word",
]

LEMMA_CORRECTIONS: dict[str, str] = read_word_table("lemma_corrections.tsv")
#: Lemmas of nouns written with a capital in news that stay common nouns.
CAPITALIZED_NOUNS: frozenset[str] = read_word_list("capitalized_nouns.txt")
#: Determiner form → agreement ("m.sg", "f.pl", "-.sg", ...).
DETERMINERS: dict[str, str] = read_word_table("determiners.tsv")


def _participle_forms(table: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for masc, infinitive in table.items():
        for ending in "oaie":
            out[masc[:-1] + ending] = infinitive
    return out


#: Irregular past participle (every gender and number) → infinitive.
PARTICIPLES: dict[str, str] = _participle_forms(read_word_table("participles.tsv"))

_LEMMA_KINDS = frozenset({"word", "elision", "abbreviation"})

# Clitic pronouns that look like articles, and their lemma as pronouns.
_CLITIC_LEMMAS = {"lo": "lo", "la": "la", "l'": "lo", "gli": "gli", "le": "le", "li": "li"}
# Clitics that come before lo/la/le/ne in a cluster (se la, me lo, ce l'ha).
_CLUSTER_HEADS = frozenset({"me", "te", "ce", "ve", "glie"})  # not "se": mostly "if"
# Clitics that may follow another clitic (la si colloca, lo si vede).
_CLITICS_AFTER = frozenset({"si", "ci", "ne", "vi", "mi", "ti"})
# Endings only a finite verb has (usano, ideò, dicevano, farebbe…): with a
# verb lemma from simplemma they mark "la usano" as clitic + verb.
_VERB_ENDINGS = ("ò", "ano", "ono", "vano", "vamo", "rono", "rebbe", "rebbero", "remo", "iamo", "isce", "iscono", "ava", "eva", "iva")
# Simple prepositions: after them a finite verb cannot stand (in concorso, su richiesta).
_PREPOSITIONS = frozenset("di a da in con su per tra fra senza verso contro sotto sopra".split())
# Forms of essere and avere (auxiliaries), the verbs a clitic most often precedes.
_ESSERE = frozenset(
    "è e' era erano ero eri eravamo eravate sono sei siamo siete sarà saranno sarò sarai saremo sarete "
    "sarebbe sarebbero sarei saresti saremmo sareste fu furono fui fosti fummo foste sia siano siate "
    "fosse fossero fossi essere essendo".split()
)
_AVERE = frozenset(
    "ha hanno ho hai abbiamo avete aveva avevano avevo avevi avevamo avevate avrà avranno avrò avrai "
    "avremo avrete avrebbe avrebbero avrei avresti avremmo avreste ebbe ebbero ebbi abbia abbiano "
    "avesse avessero avessi avere avendo".split()
)
_AUXILIARIES = _ESSERE | _AVERE
# What may stand between an auxiliary and its participle (è stato detto).
_BEFORE_PARTICIPLE = _AUXILIARIES | frozenset({"stato", "stata", "stati", "state"})
# Spans of time that "fa" follows as an adverb (due anni fa, poco fa).
_TIME_SPANS = frozenset(
    "anni anno mesi mese settimane settimana giorni giorno ore ora minuti minuto secondi secondo "
    "decenni decennio secoli secolo tempo poco".split()
)
# Onsets after which the article is lo/gli rather than il/i.
_LO_ONSETS = ("gn", "ps", "pn", "z", "x", "y")
_VOWELS = frozenset("aeiouàèéìíòóùúh")
_INFINITIVE_ENDINGS = ("are", "ere", "ire", "rre")


def _norm(form: str) -> str:
    return form.lower().replace("\u2019", "'")


@lru_cache(maxsize=200_000)
def _simplemma(lower: str) -> str:
    if not lower or not lower.strip():
        return lower
    try:
        return simplemma.lemmatize(lower, lang="it")
    except ValueError:  # simplemma rejects some odd strings (e.g. lone surrogates: UnicodeEncodeError)
        return lower


@lru_cache(maxsize=200_000)
def is_known_word(lower: str) -> bool:
    """True when simplemma's Italian dictionary knows ``lower``."""
    if not lower or not lower.strip():
        return False
    try:
        return bool(simplemma.is_known(lower, lang="it"))
    except ValueError:  # as in _simplemma
        return False


def _lo_onset(word: str) -> bool:
    """True when ``word`` starts with a sound that takes the article lo/gli."""
    if not word:
        return False
    if word[0] == "s" and len(word) > 1 and word[1] not in _VOWELS:
        return True
    return word.startswith(_LO_ONSETS) or (word[0] == "i" and len(word) > 1 and word[1] in "aeiou")


def _is_clitic(lower: str, prev: str, nxt: str) -> bool:
    """Whether the article-like ``lower`` is a clitic pronoun here (nxt, prev lower-cased)."""
    if lower == "li":
        return True
    if not nxt or not nxt[0].isalpha():
        return prev in _CLUSTER_HEADS  # "ce la." / a quoted word
    if prev in _CLUSTER_HEADS or nxt in _AUXILIARIES or nxt in _CLITICS_AFTER:
        return True
    if nxt.endswith(_VERB_ENDINGS) and _simplemma(nxt).endswith(_INFINITIVE_ENDINGS) and _simplemma(nxt) != nxt:
        return True
    if lower == "lo":
        return not _lo_onset(nxt)
    if lower == "gli":
        return nxt[0] not in _VOWELS and not _lo_onset(nxt)
    return False


@lru_cache(maxsize=200_000)
def _base_lemma(form: str, kind: str, sentence_initial: bool, next_is_name: bool, next_is_known_name: bool) -> str:
    """Lemma of one token without the context rules of step 4."""
    lower = _norm(form)
    if lower in LEMMA_CORRECTIONS and (sentence_initial or not form[0].isupper() or lower in STOP_WORDS):
        return LEMMA_CORRECTIONS[lower]  # but "San Marco", "L." (an initial) keep their form
    if kind == "abbreviation":
        return form if len(form) == 2 and form[0].isupper() else lower  # an initial keeps its form
    if kind == "elision":
        return _simplemma(lower.rstrip("'")) if lower[:-1] else form
    if form[0].isupper():
        if len(form) > 1 and form.isupper():
            return form  # acronym: PTI, TASS, ONU
        if lower in STOP_WORDS:
            return _simplemma(lower)  # a function word is never a name: Dopo, Con
        if lower in ("stato", "stati"):
            lemma = "stato"  # simplemma says essere; capitalised, it is the noun
        else:
            lemma = _simplemma(lower)
        if (lemma in CAPITALIZED_NOUNS or lower in CAPITALIZED_NOUNS) and not next_is_known_name:
            return lemma if lemma in CAPITALIZED_NOUNS else lower  # il Governo, i due Paesi
        if not sentence_initial or next_is_name or not is_known_word(lower):
            return form  # proper noun: Putin, Kim Jong Un, Corriere Sport
        return lemma
    return _simplemma(lower)


def _noun_reading(lower: str, lemma: str, agreement: str, nxt: str | None) -> str:
    """The lemma of ``lower`` read as a noun after a determiner with ``agreement``."""
    gender, _, number = agreement.partition(".")
    verbal = lemma.endswith(_INFINITIVE_ENDINGS) and lemma != lower and lemma != lower[:-1] + "e"
    # (gli esseri, i particolari: a noun whose singular ends like an infinitive)
    if gender == "?":  # after a bare preposition: only the plain singular forms
        return lower if verbal and lower.endswith(("o", "a")) else lemma
    if verbal:
        if number == "sg":
            return lower
        if lower.endswith("nti"):
            return lower[:-1] + "e"  # i rappresentanti → rappresentante
        if gender == "f" and lower.endswith("e"):
            return lower[:-1] + "a"  # le richieste → richiesta
        if gender == "f" and lower.endswith("i"):
            return lower[:-1] + "e"
        if lower.endswith("i"):
            return lower[:-1] + "o"  # i fatti → fatto
        return lemma
    # simplemma's other reading of a feminine noun (la morte → morta, la data
    # → dato): after a feminine singular determiner, a word with no content
    # word after it is the noun itself
    if gender == "f" and number == "sg" and lower.endswith("e") and lemma == lower[:-1] + "a":
        return lower  # la morte, la notte: not the plural of an -a word
    if gender == "f" and number == "sg" and lemma != lower and (nxt is None or not nxt.isalpha() or nxt in STOP_WORDS):
        return lower
    return lemma


def lemmatize(
    form: str,
    *,
    kind: str = "word",
    sentence_initial: bool = False,
    previous: str | None = None,
    following: str | None = None,
) -> str:
    """Lemma of one token.

    ``kind`` is the tokenizer's token kind (only words, elisions and
    abbreviations are lemmatized; other tokens are their own lemma);
    ``sentence_initial`` tells whether a capital may just mark the start of a
    sentence; ``previous`` and ``following`` are the texts of the neighbouring
    tokens in the sentence (None at its edges), used by the context rules.
    """
    if not form or kind not in _LEMMA_KINDS:
        return form
    return _lemma(
        form,
        _norm(form),
        kind,
        sentence_initial,
        _norm(previous) if previous else "",
        following,
        _norm(following) if following else "",
    )


def _lemma(form: str, lower: str, kind: str, initial: bool, prev: str, following: str | None, nxt: str) -> str:
    """:func:`lemmatize` with the forms already normalised (``prev``, ``nxt`` lower case).

    ``prev`` is empty when the previous token is not a lower-case word (or
    the sentence-initial one), so a name is never read as a determiner.
    """
    if lower in _CLITIC_LEMMAS and _is_clitic(lower, prev, nxt):
        return _CLITIC_LEMMAS[lower]
    if lower in PARTICIPLES and form[0].islower():
        if prev in _BEFORE_PARTICIPLE:
            return PARTICIPLES[lower]  # ha detto, è stata presa
        guess = _simplemma(lower)
        if guess.endswith("are") and lower[-1] in "oi" and guess != PARTICIPLES[lower]:
            # simplemma took an irregular participle for a regular -are verb
            # (detto → dettare, speso → spesare): the participle's verb
            return PARTICIPLES[lower] if not (prev in DETERMINERS or prev in _PREPOSITIONS) else lower
    if form[0].isupper() and following:
        next_is_name = following[0].isupper() and following[0].isalpha()
        next_is_known_name = next_is_name and not following.isupper() and is_known_word(nxt)
        lemma = _base_lemma(form, kind, initial, next_is_name, next_is_known_name)
    else:
        lemma = _base_lemma(form, kind, initial, False, False)
    if prev in _BEFORE_PARTICIPLE and kind == "word" and lower[-3:-1] in _REGULAR_PARTICIPLE and lower[-1] in "oaie":
        if not lemma.endswith(_INFINITIVE_ENDINGS) and lower not in ("stato", "stata", "stati", "state"):
            # after an auxiliary a regular participle is the verb (è partita → partire)
            return lower[:-3] + _REGULAR_PARTICIPLE[lower[-3:-1]]
    if lower in _SPECIAL:
        if lower == "subito":
            return "subire" if prev in _AVERE else "subito"
        if form[0].islower() and lower != "fa":  # stato, stati
            return "essere" if prev in _ESSERE else "stato"
        if lower == "fa" and prev in _TIME_SPANS:
            return "fa"
    if not prev or kind != "word" or lower in LEMMA_CORRECTIONS or lower in _AUXILIARIES:
        return lemma
    # step 4: a noun after a determiner or a preposition
    agreement = DETERMINERS.get(prev) or ("?.?" if prev in _PREPOSITIONS else None)
    if agreement is not None and form[0].islower():
        if prev in _CLITIC_LEMMAS and _is_clitic(prev, "", lower):
            return lemma
        if lower in ("prima", "prime", "primi"):
            return "primo"
        return _noun_reading(lower, lemma, agreement, nxt or None)
    return lemma


_SPECIAL = frozenset({"subito", "stato", "stati", "fa"})
# Previous words after which some context rule may change a lemma.
_TRIGGERS = frozenset(DETERMINERS) | _PREPOSITIONS | _BEFORE_PARTICIPLE | _TIME_SPANS | _CLUSTER_HEADS

# Regular participle stems (-at-, -it-, -ut-) and their infinitive endings.
_REGULAR_PARTICIPLE = {"at": "are", "it": "ire", "ut": "ere"}


def lemmatize_tokens(
    tokens: Sequence[Token], *, sentence_start: bool = True, names: AbstractSet[str] = frozenset()
) -> list[str]:
    """Lemmas of the tokens of one sentence, in order, with context.

    ``sentence_start`` tells whether ``tokens`` begins a sentence (so the first
    word's capital may be only the sentence's). ``names`` are forms known to
    be names from elsewhere in the document (capitalised inside a sentence,
    see :func:`document_names`): at the start of a sentence they keep their
    form too ("Meloni ha detto" is not the fruit).
    """
    out: list[str] = []
    n = len(tokens)
    initial = sentence_start
    lowers = [t.text.lower().replace("\u2019", "'") for t in tokens]
    kinds = [t.kind for t in tokens]
    lemma_kinds = _LEMMA_KINDS
    first_word = next((i for i, k in enumerate(kinds) if k in lemma_kinds), -1) if sentence_start else -1
    fast = _FAST_CACHE
    for i, tok in enumerate(tokens):
        kind = kinds[i]
        if kind not in lemma_kinds:
            out.append(tok.text)
            if kind == "punct" and tok.text in _OPENING_PUNCT:
                initial = True
            continue
        if initial and names and tok.text in names:
            out.append(tok.text)
            initial = False
            continue
        prev = ""
        if i and kinds[i - 1] in lemma_kinds:
            before = tokens[i - 1].text
            if before[0].islower() or (i - 1 == first_word and before.lower() in STOP_WORDS):
                prev = lowers[i - 1]
            elif tok.text[0].isupper() and not initial:
                out.append(tok.text)  # a name goes on: Kim Jong Un, Stati Uniti
                initial = False
                continue
        text = tok.text
        if kind == "word" and text[0].islower() and prev not in _TRIGGERS:
            # no context rule can apply: the lemma depends on the form alone
            lemma = fast.get(text)
            if lemma is None:
                lemma = _lemma(text, lowers[i], kind, initial, prev, None, "")
                if lowers[i] not in _CLITIC_LEMMAS:
                    if len(fast) > _FAST_CACHE_SIZE:
                        fast.clear()
                    fast[text] = lemma
                else:
                    nxt = tokens[i + 1] if i + 1 < n else None
                    lemma = _lemma(text, lowers[i], kind, initial, prev, nxt.text if nxt else None, lowers[i + 1] if nxt else "")
            out.append(lemma)
        elif i + 1 < n:
            out.append(_lemma(text, lowers[i], kind, initial, prev, tokens[i + 1].text, lowers[i + 1]))
        else:
            out.append(_lemma(text, lowers[i], kind, initial, prev, None, ""))
        initial = False
    return out


# Lemmas of lower-case words seen after a word that triggers no context rule.
_FAST_CACHE: dict[str, str] = {}
_FAST_CACHE_SIZE = 500_000


def document_names(sentences: Iterable[Sequence[Token]]) -> frozenset[str]:
    """Forms written with a capital inside a sentence somewhere in a document.

    Capitalised words that do not open a sentence (or a quote) and are not
    function words or institutional nouns: the document's names. Used by
    :func:`lemmatize_tokens` for sentence-initial words.
    """
    found: set[str] = set()
    for tokens in sentences:
        initial = True
        for tok in tokens:
            kind, text = tok.kind, tok.text
            if kind != "word":
                if kind == "punct" and text in _OPENING_PUNCT:
                    initial = True
                continue
            if not initial and text[0].isupper() and not text.isupper():
                found.add(text)
            initial = False
    return frozenset(
        w for w in found
        if (low := _norm(w)) not in STOP_WORDS and low not in LEMMA_CORRECTIONS and _simplemma(low) not in CAPITALIZED_NOUNS
    )


# After these a capital may just open a quoted or listed sentence.
_OPENING_PUNCT = frozenset({"«", "“", '"', "(", "‘", "-", "–", "—", ":", "[", "•", "*"})
