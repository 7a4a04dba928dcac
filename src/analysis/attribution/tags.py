"""Coarse word classes for the attribution rules (hand-written, no tagger needed).

A full Italian part-of-speech tagger would need a model download; the rules
only need to know articles, prepositions, role nouns, country adjectives,
capitalised names and punctuation, which closed lists decide reliably.
"""
from __future__ import annotations

from ..postags import is_adverb
from ..stopwords import STOP_WORDS
from .lexicon import COUNTRY_ADJECTIVES, ROLES, norm

__all__ = [
    "DET", "DI", "DA", "A", "PREP", "CONJ", "ADVERBS", "NAME_PARTICLES", "RELATIVES",
    "tag", "is_capitalised", "is_adverb_word",
]

DET = frozenset({
    "il", "lo", "la", "l'", "i", "gli", "le", "un", "uno", "una", "un'",
    "questo", "questa", "questi", "queste", "quello", "quella", "quelli", "quelle", "quel", "quei", "quegli",
    "tale", "tali", "suo", "sua", "suoi", "sue", "loro", "nostro", "nostra", "vostro", "vostra", "stesso", "stessa",
    "alcuni", "alcune", "alcuna", "alcuno", "molti", "molte", "diversi", "diverse", "numerosi", "numerose",
    "vari", "varie", "tutti", "tutte", "quell'", "quest'",
})
DI = frozenset({"di", "d'", "del", "dello", "della", "dell'", "dei", "degli", "delle"})
DA = frozenset({"da", "dal", "dallo", "dalla", "dall'", "dai", "dagli", "dalle"})
A = frozenset({"a", "ad", "al", "allo", "alla", "all'", "ai", "agli", "alle"})
PREP = frozenset({
    "in", "nel", "nello", "nella", "nell'", "nei", "negli", "nelle", "su", "sul", "sullo", "sulla", "sull'",
    "sui", "sugli", "sulle", "con", "col", "per", "tra", "fra", "attraverso", "tramite", "verso", "contro",
    "dopo", "prima", "durante", "secondo", "oltre", "presso", "senza", "entro",
})
CONJ = frozenset({"e", "ed", "o", "ma", "né"})
#: Words that may sit inside a verb group ("ha poi aggiunto", "ha detto ieri").
ADVERBS = frozenset({
    "poi", "anche", "ancora", "inoltre", "già", "infatti", "invece", "però", "quindi", "oggi", "ieri",
    "stamani", "stamattina", "stasera", "più", "volte", "nuovamente", "subito", "successivamente", "non",
    "mai", "sempre", "così", "dunque", "pure", "spesso", "tuttavia", "intanto", "allora", "pertanto",
    "ora", "adesso", "finora", "addirittura", "solo", "soltanto", "perfino", "persino", "comunque",
    "stesso", "stessa", "peraltro", "altresì", "frattempo", "domani", "stamane", "recentemente",
    "chiaramente", "esplicitamente", "ufficialmente", "pubblicamente", "apertamente", "duramente",
})
#: Lower-case particles inside personal names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "bin", "ben", "al", "el", "dos", "da", "di", "del", "la", "le"})
RELATIVES = frozenset({"cui", "quale", "quali", "dove", "che"})

_ADJECTIVES = frozenset({"ex", "neo", "vice", "nuovo", "nuova", "attuale", "uscente", "alto", "alta", "alti", "stesso", "stessa"})


# Adverbs by the lexicon that still matter to the rules: negation, amounts, answers.
_KEPT_ADVERBS = frozenset({"non", "quanto", "sì", "no", "tanto", "meno", "circa", "molto", "come"})


#: Days and months, capitalised in headlines and at sentence starts but never speakers.
_CALENDAR_NAMES = frozenset({
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
    "novembre", "dicembre",
})


def is_adverb_word(low: str) -> bool:
    """May the lower-case word ``low`` be skipped as an adverb inside a verb group or before a subject?"""
    return low in ADVERBS or (low not in _KEPT_ADVERBS and is_adverb(low))


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def tag(word: str, kind: str = "word") -> str:
    """Class of one token: DET, DI, DA, A, PREP, CONJ, PUNCT, ROLE, ADJ, NAME, STOP, NUM or WORD."""
    low = norm(word)
    if kind in ("punct", "symbol", "emoticon"):
        return "PUNCT"
    if kind == "number":
        return "NUM"
    if low in DET:
        return "DET"
    if low in DI:
        return "DI"
    if low in DA:
        return "DA"
    if low in A:
        return "A"
    if low in PREP:
        return "PREP"
    if low in CONJ:
        return "CONJ"
    if low in ROLES:
        return "ROLE"
    if not is_capitalised(word) and (low in COUNTRY_ADJECTIVES or low in _ADJECTIVES):
        return "ADJ"
    if not word.isupper() and is_adverb(low):
        return "STOP"  # "diversamente", "Personalmente", "avanti": never inside a noun phrase
    if low in _CALENDAR_NAMES:
        return "STOP"  # "Martedì lo studente ha ammesso …": a day, not a name
    if is_capitalised(word) and (low not in STOP_WORDS or word.isupper() and len(word) > 1):
        return "NAME"
    if low in STOP_WORDS or low in ADVERBS:
        return "STOP"
    return "WORD"
