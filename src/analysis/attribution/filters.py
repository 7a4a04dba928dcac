"""Rows a construction matched that report nothing: "se Gheddafi annuncerà la sua partenza".

A cue in a condition, a verb of opinion without a "che" clause ("pensa di
partire"), a passive agent that is a thing ("smentite dai fatti"), a refusal
("ha negato il permesso"), a content that only points at events ("quanto
accaduto").
"""
from __future__ import annotations

import re

from .cues import Cue
from .document import Document, Sentence
from .rows import DASHES, TIME_WORDS, Attribution
from .tags import DA, DI, A, is_adverb_word

__all__ = ["GRANTED_NOUNS", "ACT_NOUNS", "OPINION_LEMMAS", "introduced_clause", "hypothetical", "plausible", "after_che"]

_FUTURE_OR_CONDITIONAL = ("rà", "ranno", "rò", "rebbe", "rebbero", "ressi", "resse", "ressero")
#: Agents that state nothing: "allusioni smentite dai fatti", "ipotesi confermata dai dati".
_NOT_AGENT_HEADS = frozenset({"fatti", "fatto", "dati", "numeri", "cifre", "risultati", "immagini", "prove", "evidenze",
                              "eventi", "circostanze", "esami", "analisi", "test", "tamponi"})
#: What one can be denied rather than a statement one denies: "negare ai manifestanti il permesso di riunirsi".
GRANTED_NOUNS = frozenset({"permesso", "autorizzazione", "accesso", "visto", "licenza", "asilo", "cittadinanza",
                           "ingresso", "possibilità", "diritto", "consenso", "arresti", "domiciliari", "scarcerazione",
                           "grazia", "estradizione", "libertà"})
#: What declaring or proclaiming brings about rather than reports: "ha dichiarato lo stato di emergenza",
#: "è stata proclamata una giornata di lutto", "dichiarò la sua indipendenza".
ACT_NOUNS = frozenset({"guerra", "indipendenza", "emergenza", "stato", "lutto", "sciopero", "fallimento", "bancarotta",
                       "default", "morte", "decesso", "quarantena", "coprifuoco", "allerta", "allarme", "giornata",
                       "vittoria", "chiusura", "apertura", "zona", "decadenza", "nullità"})
_ACT_LEMMAS = frozenset({"dichiarare", "proclamare"})
#: A content that only points at events ("A rivelare quanto accaduto è stato X"): no statement is reported.
_EVENT_REFERENCE = re.compile(r"^(?:quanto|ciò che|quello che|cosa|che cosa)\s+(?:è\s+|era\s+|e'\s+)?(?:stato\s+|stata\s+)?"
                              r"(?:accaduto|successo|avvenuto|capitato)$", re.I)
#: Verbs of opinion: attributed only with a written speaker and a "che" clause.
OPINION_LEMMAS = frozenset({"pensare", "credere", "ritenere"})


def introduced_clause(doc: Document, start: int) -> bool:
    """Does the content at ``start`` open with, or follow, "che" / "di" (a reported clause, not an object)?"""
    before = doc.text[max(0, start - 5):start].split()
    after = doc.text[start:start + 4].split()
    return bool((before and before[-1].lower() in ("che", "di")) or (after and after[0].lower() in ("di", "d'")))


#: Words before "che" that make its clause a call for something to happen: "È ora che i leader riconoscano …".
_CALL_WORDS = frozenset({"ora", "tempo", "bisogna", "occorre", "serve", "necessario", "indispensabile", "urgente",
                         "auspicabile", "importante", "giusto", "opportuno", "tocca"})


def called_for(doc: Document, sent: Sentence, cue: Cue) -> bool:
    """A cue in the clause of "è ora che", "bisogna che" …: a call for someone to speak, not a report."""
    for k in range(cue.first - 1, max(sent.t0, cue.first - 8) - 1, -1):
        if doc.tokens[k].text in (",", ";", ":", "(", ")") or doc.tokens[k].text in DASHES:
            return False
        if doc.low[k] in ("che", "ch'"):
            return k > sent.t0 and doc.low[k - 1] in _CALL_WORDS
    return False


def hypothetical(doc: Document, sent: Sentence, cue: Cue) -> bool:
    """A cue in the future or conditional inside a "se" clause: a condition, not a report; or a call
    (:func:`called_for`)."""
    if cue.form == "finite" and called_for(doc, sent, cue):
        return True
    if cue.form != "finite" or not doc.low[cue.head].endswith(_FUTURE_OR_CONDITIONAL):
        return False
    for k in range(cue.first - 1, max(sent.t0, cue.first - 10) - 1, -1):
        if doc.tokens[k].text in (",", ";", ":", "(", ")") or doc.tokens[k].text in DASHES:
            return False
        if doc.low[k] == "se":
            return True
    return False


def _object_head(content: str) -> list[str]:
    """The first words of a noun-phrase content up to its first preposition ("la sua prima emergenza", not the
    "Stato" of "il bilancio dello Stato")."""
    words = []
    for w in re.findall(r"\w+", content)[:4]:
        if w.lower() in DI | A | DA:
            break
        words.append(w.lower())
    return words


def _object_after(text: str, r: Attribution) -> bool:
    """Is the content the cue's object, written right after it (no "che", colon or quotation between)?"""
    return r.cue is not None and r.cue[1] <= r.content[0] and not text[r.cue[1]:r.content[0]].strip()


def plausible(doc: Document, r: Attribution) -> bool:
    """Filter rows that a pattern matched but that report nothing (general checks on the row's spans)."""
    text = doc.text
    content = text[r.content[0]:r.content[1]].strip().rstrip(".")
    if _EVENT_REFERENCE.match(content):
        return False
    if r.speaker is not None and r.type != "according_to":
        head = text[r.speaker.start:r.speaker.end].split()
        if head and head[-1].lower() in _NOT_AGENT_HEADS and r.cue is not None and r.cue[0] < r.speaker.start:
            return False  # a passive agent that is a thing, not a speaker
    if r.cue_lemma == "negare" and r.cue is not None and r.cue[1] <= r.content[0]:
        # "ha negato ai manifestanti il permesso", "nega gli arresti domiciliari all'ex capo": a refusal
        between = re.findall(r"\w+", text[r.cue[1]:r.content[0]].lower())
        if any(w in GRANTED_NOUNS for w in between) or (
                _object_after(text, r) and set(_object_head(content)) & GRANTED_NOUNS):
            return False
    if r.cue_lemma in _ACT_LEMMAS and _object_after(text, r) and set(_object_head(content)) & ACT_NOUNS:
        return False  # "ha dichiarato la sua prima «emergenza nucleare»": an act, not a report
    if r.speaker is not None and 0 <= r.content[0] - r.speaker.end <= 3 and r.content[0] > r.speaker.start \
            and text[r.speaker.end:r.content[0]].strip() in (",", ""):
        words = re.findall(r"\w+", content)
        if 0 < len(words) <= 5 and all(w[0].isupper() or len(w) <= 4 for w in words):
            return False  # "– scrive il presidente, mons José Gómez": the speaker's name, not a report
    return True


def after_che(doc: Document, cue: Cue, row: Attribution) -> bool:
    """Is the content of ``row`` a "che" clause right after the cue (adverbs, time words or a comma between)?"""
    k = cue.last + 1
    while k < len(doc.tokens) and (is_adverb_word(doc.low[k]) or doc.low[k] in TIME_WORDS or doc.tokens[k].text == ","):
        k += 1
    return k < len(doc.tokens) and doc.low[k] == "che" and row.content[0] >= doc.tokens[k].end
