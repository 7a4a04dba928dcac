"""The attribution patterns of Italian news, applied to one document.

Written by hand: no offline tool attributes quotations for Italian. Each
pattern is one function; :func:`find_attributions` runs them in order and then
links nested sourcing. The patterns:

* **forward**: "X ha dichiarato (all'agenzia TASS) che …", "X ha promesso di …",
  "X ha detto: «…»"; the speaker is on the left (with an apposition
  "John Kirby, portavoce …, ha dichiarato"), or after the cue, or, when the
  clause has no subject, the sentence subject ("… in cui ringrazia … e promette
  di …"), the owner of a fronted statement ("Nella dichiarazione di Putin …,
  ha chiarito che …") or the last speaker ("Ha poi aggiunto che …");
* **postposed**: "«…», ha detto X", "“…” – aggiunge X –", "CLAUSE, ha dichiarato X,
  collaboratore del Cremlino, all'agenzia TASS";
* **clitic**: "Lo dichiara X", "Lo riporta l'agenzia PTI" (what precedes);
* **passive**: "sono state negate dalla Russia e dalla Corea del Nord",
  "una mossa criticata dagli Stati Uniti";
* **according to**: "secondo X", "stando a X", "a detta di X", "secondo quanto
  riporta X", "come riferisce X", "si legge in una nota di X";
* **colon**: "Il ministro: «…»";
* **continuation**: a quotation opening a later sentence or paragraph keeps
  the last speaker.

Not attributions: quotation marks with no cue or speaker (scare quotes,
titles), "secondo" as an ordinal ("il secondo giorno"), the writer's own
first-person verbs ("come abbiamo scritto").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .channels import STATEMENT_PREPS, channel_at, find_channel
from .cues import Cue, find_cues
from .document import Document, Sentence
from .lexicon import CHANNEL_NOUNS, SOURCE_NOUNS
from .quotes import Quote, quote_word_count
from .speakers import (
    SpeakerInfo, can_speak, describe, is_speakerlike, left_np, np_tags, right_np, sentence_subject,
)
from ..postags import is_adverb
from .tags import DA, DET, DI, PREP, RELATIVES, A, is_adverb_word

__all__ = ["Attribution", "find_attributions", "REPORTING_LEMMAS"]

#: Cues that pass on what someone else published ("Lo riporta l'agenzia PTI").
REPORTING_LEMMAS = frozenset({"riportare", "riferire", "scrivere", "rendere noto", "far sapere", "rivelare"})
_DASHES = frozenset({"-", "–", "—"})
#: Time expressions that may sit between a cue and its speaker or content ("ha detto ieri sera il ministro").
_TIME_WORDS = frozenset({
    "ieri", "oggi", "domani", "stamani", "stamane", "stamattina", "stasera", "stanotte", "mattina", "sera",
    "pomeriggio", "notte", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "scorso", "scorsa", "mattinata", "serata", "giorni", "fa",
})
_CLOSING = frozenset({"»", "”", '"', "’"})
_OPENING = frozenset({"«", "“", '"', "‘", "„"})
_INFINITIVE_RE = re.compile(r"(?:are|ere|ire|rre|rsi|rlo|rla|rli|rle|rne|rci|rvi|rgli|rmi|rti)$")
_POSSESSIVES = frozenset({"suo", "sua", "suoi", "sue", "loro", "mio", "mia", "nostro", "nostra", "nostri", "nostre"})
#: Nouns for someone's figures or claims after "secondo": the source is their owner ("secondo le stime di X").
_ESTIMATE_NOUNS = frozenset({"stime", "stima", "dati", "calcoli", "previsioni", "previsione", "denunce", "denuncia",
                             "ricostruzione", "analisi", "versione"})
#: Heads after "secondo" that are no source at all ("vivere secondo la loro coscienza").
_NOT_SOURCE_HEADS = frozenset({"coscienza", "coscienze", "convinzione", "convinzioni", "volontà", "logica", "schema",
                               "copione", "tradizione", "consuetudine", "procedura", "procedure"})
_NOT_SOURCES_AFTER_SECONDO = frozenset({
    "me", "te", "noi", "voi", "cui", "legge", "norma", "norme", "regole", "regola", "natura", "tradizione",
    "contratto", "accordo", "costituzione", "programma", "piano", "modalità", "criteri", "criterio",
    "posto", "tempo", "turno", "giorno", "anno", "classificato", "classificata", "round", "set", "livello",
    "leggi", "regolamento", "regolamenti", "statuto", "trattato", "trattati", "direttiva", "direttive", "codice",
    "calendario", "classifica", "orario", "principio", "principi", "canoni", "protocollo", "protocolli",
})


@dataclass
class Attribution:
    """One attribution in character offsets of the document text."""

    sent_id: int
    type: str
    content: tuple[int, int]
    speaker: SpeakerInfo | None = None
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    stance: str | None = None
    channel: tuple[int, int] | None = None
    via_ref: "Attribution | None" = None
    via: str | None = None
    head: int | None = None  # character offset of the cue's verb, for nesting
    reporting: bool = False  # "Lo riporta X": passes on the preceding sentences
    extra: dict = field(default_factory=dict)


class _State:
    def __init__(self) -> None:
        self.last_speaker: SpeakerInfo | None = None


# --- small helpers ----------------------------------------------------------------


def _tok_span(doc: Document, i0: int, i1: int) -> tuple[int, int]:
    """Character span of tokens ``[i0, i1)``."""
    return doc.tokens[i0].start, doc.tokens[i1 - 1].end


def _trim(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """Trim spaces, commas, dashes and the final stop from a content span."""
    text = doc.text
    while s < e and (text[s].isspace() or text[s] in ",;:-–—"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-–—"):
        e -= 1
    # an unmatched closing mark at the start or opening mark at the end
    while s < e and text[s] in "»”" and doc.quote_closing_at(s) is not None:
        s += 1
    while e > s and text[e - 1] in _OPENING and doc.quote_opening_at(e - 1) is not None:
        e -= 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-–—"):
        e -= 1
    if s >= e or not any(c.isalnum() for c in text[s:e]):
        return None
    return s, e


def _classify(doc: Document, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """direct / mixed / indirect for a content span, shrinking a whole quotation to its inside."""
    s, e = span
    inside = [q for q in doc.quotes_overlapping(s, e) if quote_word_count(doc.text, q) >= 1]
    if not inside:
        return "indirect", span
    outside = []
    pos = s
    for q in inside:
        outside.append(doc.text[pos:max(pos, q.open)])
        pos = max(pos, q.close)
    outside.append(doc.text[pos:e])
    if not any(c.isalnum() for c in "".join(outside)):
        q0, q1 = inside[0], inside[-1]
        return "direct", (max(s, q0.start), min(max(e, q1.end), q1.end) if q1.end >= e - 1 else e)
    return "mixed", span


def _content(doc: Document, s: int, e: int) -> tuple[str, tuple[int, int]] | None:
    span = _trim(doc, s, e)
    if span is None:
        return None
    kind, span = _classify(doc, span)
    span2 = _trim(doc, *span) if kind != "direct" else span
    if span2 is None:
        return None
    return kind, span2


def _extend_over_quote(doc: Document, e: int, s: int) -> int:
    """If a quotation opened inside ``[s, e)`` runs past ``e``, extend to its close."""
    for q in doc.quotes_overlapping(s, e):
        if q.opened and s <= q.open < e < q.close:
            return q.close
    return e


def _is_preceded_by_preposition(doc: Document, np: tuple[int, int], lo: int) -> bool:
    return np[0] - 1 >= lo and np_tags(doc, np[0] - 1) in ("DI", "DA", "A", "PREP")


def _skip_adverbs(doc: Document, i: int, hi: int) -> int:
    while i < hi and is_adverb_word(doc.low[i]):
        i += 1
    return i


# --- speakers around a cue -------------------------------------------------------------


def _with_apposition_right(doc: Document, np: tuple[int, int], hi: int) -> tuple[SpeakerInfo, int]:
    """Describe a speaker found after a cue, reading a role apposition ", collaboratore del Cremlino,"."""
    info = describe(doc, *np)
    j = np[1]
    if j + 1 < hi and doc.tokens[j].text == "," and info.type == "person" and info.role and info.canonical == info.role:
        e = j + 1
        while e < hi and np_tags(doc, e) == "NAME":
            e += 1
        if e - (j + 1) >= 2:  # "il presidente della Regione, Stefano Bonaccorsi"
            name = describe(doc, j + 1, e)
            info = SpeakerInfo(name.start, name.end, name.canonical, "person", info.role, info.affiliation)
            return info, (e + 1 if e < hi and doc.tokens[e].text == "," else e)
    if j + 1 < hi and doc.tokens[j].text == "," and np_tags(doc, _skip_det(doc, j + 1, hi)) in ("ROLE", "ADJ"):
        role_np = right_np(doc, j + 1, hi)
        if role_np is not None:
            role_text = doc.text[doc.tokens[_skip_det(doc, role_np[0], hi)].start:doc.tokens[role_np[1] - 1].end]
            role_info = describe(doc, *role_np)
            info = SpeakerInfo(info.start, info.end, info.canonical, "person" if info.type == "unknown" else info.type,
                               info.role or role_text, info.affiliation or role_info.affiliation)
            j = role_np[1]
            if j < hi and doc.tokens[j].text == ",":
                j += 1
    return info, j


def _skip_det(doc: Document, i: int, hi: int) -> int:
    while i < hi - 1 and np_tags(doc, i) == "DET":
        i += 1
    return i


#: Indefinite pronouns that speak when they are the whole subject of a cue (listed as anonymous sources too).
_INDEFINITE_SPEAKERS = frozenset({"qualcuno", "altri", "alcuni", "molti", "tanti"})


def _speaking_np(doc: Document, np: tuple[int, int] | None) -> tuple[int, int] | None:
    """``np`` if it can speak, else the named complement closing it ("l'addio di Emilio Neri",
    "la delegazione di Italia viva"), else None."""
    if np is None or can_speak(doc, *np):
        return np
    d = max((m for m in range(*np) if np_tags(doc, m) == "DI"), default=None)
    if d is None or d + 1 >= np[1] or np_tags(doc, d + 1) != "NAME":
        return None
    sub = (d + 1, np[1])
    return sub if can_speak(doc, *sub) else None


def _gerund_subject(doc: Document, sent: Sentence, cue_first: int) -> SpeakerInfo | None:
    """The subject of the clause a gerund cue hangs on, when it is not the noun phrase just before the cue.

    "X, che lascia il gruppo, affermando che …" → X (the antecedent of the relative clause, not its
    object); "La comunicazione è stata data dalla Pfizer … spiegando che …" → the passive agent.
    Only within the gerund's own sentence, up to a strong stop; None when neither pattern is there.
    """
    low = doc.low
    if cue_first - 1 < sent.t0 or doc.tokens[cue_first - 1].text != ",":
        if not any(low[k] in _BE_PARTICIPLES for k in range(max(sent.t0, cue_first - 12), cue_first)):
            return None
    for k in range(cue_first - 1, sent.t0, -1):
        t = doc.tokens[k].text
        if t in (";", ":", ".") or t in _OPENING or t in _CLOSING:
            return None
        if low[k] == "che" and doc.tokens[k - 1].text == "," and k + 1 < cue_first - 1:
            np = _speaking_np(doc, left_np(doc, k - 1, sent.t0))
            if np is not None:
                return describe(doc, *np)
            return None
        if np_tags(doc, k) == "DA" and k - 2 >= sent.t0 and (low[k - 2] in _BE_PARTICIPLES or low[k - 3] in _BE_PARTICIPLES):
            np = right_np(doc, k, cue_first)
            if np is not None and can_speak(doc, *np):
                return describe(doc, *np)  # "è stata data dalla Pfizer … spiegando"
    return None


def _speaker_left(doc: Document, sent: Sentence, cue_first: int) -> SpeakerInfo | None:
    """The subject written before the cue, with an apposition on either side."""
    lo = sent.t0
    j = cue_first
    while j - 1 > lo and doc.tokens[j - 1].text == ",":
        k = j - 2
        while k > lo and is_adverb_word(doc.low[k]):
            k -= 1
        if k < j - 2 and doc.tokens[k].text == ",":
            j = k  # "Molti, infatti, si chiedono": an adverb between commas stands between subject and cue
        else:
            break
    if j - 1 >= lo and doc.low[j - 1] in _INDEFINITE_SPEAKERS and (
            j - 1 == lo or doc.tokens[j - 2].text in (",", ";", ":") or doc.low[j - 2] in ("e", "ed", "ma", "mentre", "poi")):
        return describe(doc, j - 1, j)  # "Qualcuno racconta che …, altri affermano che …"
    if j - 1 >= lo and doc.tokens[j - 1].text == ",":
        inner = left_np(doc, j - 1, lo)
        if inner is not None and inner[0] - 1 >= lo and doc.tokens[inner[0] - 1].text == ",":
            outer = left_np(doc, inner[0] - 1, lo)
            if outer is not None and not _is_preceded_by_preposition(doc, outer, lo):
                a, b = describe(doc, *outer), describe(doc, *inner)
                if a.type == "person" and b.type == "person" and b.role and not a.role and b.canonical == b.role:
                    return SpeakerInfo(a.start, a.end, a.canonical, "person", b.role, b.affiliation)
                if a.type == "person" and a.role and a.canonical == a.role and b.type == "person" and b.role is None:
                    return SpeakerInfo(b.start, b.end, b.canonical, "person", a.role, a.affiliation)
                if b.type in ("person", "unknown") and b.role and b.canonical == b.role:
                    return SpeakerInfo(a.start, a.end, a.canonical, a.type if a.type != "unknown" else "person",
                                       b.role, b.affiliation or a.affiliation)
                if a.type == "person" and b.type == "person":
                    # "il ministro dello Sviluppo Economico, il leghista Giancarlo Giorgetti," → the named one
                    named = b if b.canonical != b.role else a
                    other = a if named is b else b
                    return SpeakerInfo(named.start, named.end, named.canonical, "person", other.role or named.role,
                                       other.affiliation or named.affiliation)
        # "la bambina, di 9 anni, aveva detto": skip a short parenthetical between commas
        k = j - 2
        while k > lo and j - k <= 25 and doc.tokens[k].text not in (",", ".", ";", ":") and (
                doc.low[k] not in ("che", "e", "ma") or doc.tokens[k - 1].text == ","):
            k -= 1  # "Il direttore, che da giorni chiede nuovi letti, ha avvertito"; "la bambina, di 9 anni, aveva detto"
        if k > lo and doc.tokens[k].text == "," and j - k > 2:
            np = left_np(doc, k, lo)
            if np is not None and not _is_preceded_by_preposition(doc, np, lo) and can_speak(doc, *np) \
                    and (np[0] == lo or doc.tokens[np[0] - 1].text in (",", ";", ":", "(") or doc.tokens[np[0] - 1].text in _DASHES
                         or doc.low[np[0] - 1] in ("e", "ed", "ma", "poi", "quando", "mentre", "perché", "se", "cui", "che")):
                return describe(doc, *np)
        if inner is not None and inner[0] - 1 > lo and doc.tokens[inner[0] - 1].text == "," and can_speak(doc, *inner) \
                and any(np_tags(doc, m) == "NAME" for m in range(*inner)) and not _is_preceded_by_preposition(doc, inner, lo):
            # "Il capo delle forze armate birmane, il generale Min Aung Hlaing, ha sostenuto": the named apposition
            return describe(doc, *inner)
        return None
    np = left_np(doc, j, lo)
    if np is None or _is_preceded_by_preposition(doc, np, lo):
        return None
    if not can_speak(doc, *np):
        return None  # a subject next to the cue must be able to speak: "l'episodio diceva" is no attribution
    return describe(doc, *np)


def _fronted_owner(doc: Document, sent: Sentence, cue_first: int) -> SpeakerInfo | None:
    """"Nella dichiarazione di Putin ai media, ha chiarito …" → Putin."""
    for k in range(sent.t0, cue_first - 1):
        if CHANNEL_NOUNS.get(doc.low[k]) == "statement" and doc.low[k + 1] in DI:
            np = right_np(doc, k + 1, cue_first)
            if np is not None and is_speakerlike(doc, *np):
                return describe(doc, *np)
    return None


# --- the content marker after a cue ------------------------------------------------------


@dataclass
class _Marker:
    kind: str  # che | colon | quote | di | a | se | come
    index: int  # token index of the marker
    inverted: tuple[int, int] | None  # a speaker written between cue and marker
    channel: tuple[int, int] | None


def _find_marker(doc: Document, sent: Sentence, cue: Cue) -> _Marker | None:
    low = doc.low
    i = cue.last + 1
    hi = sent.t1
    inverted = channel = None
    steps = 0
    while i < hi and steps < 16:
        steps += 1
        w = low[i]
        text = doc.tokens[i].text
        if w == "che":
            if inverted is not None and doc.tokens[i - 1].text == "," and i - 1 == inverted[1]:
                return None  # "ha assicurato il team di Navalny, che già ieri …": a relative clause
            return _Marker("che", i, inverted, channel)
        if text == ":":
            return _Marker("colon", i, inverted, channel)
        if text in _OPENING and doc.quote_opening_at(doc.tokens[i].start) is not None:
            return _Marker("quote", i, inverted, channel)
        if w in ("di", "d'") :
            k = i + 1
            while k < hi and doc.tokens[k].text in _OPENING:
                k += 1
            if k < hi and (_INFINITIVE_RE.search(low[k]) or low[k] in ("non", "essere", "aver", "esser", "voler", "poter",
                                                                      "dover", "saper", "far")):
                return _Marker("di", i, inverted, channel)
            if cue.lemma == "parlare" and any(doc.tokens[t].text in _OPENING and doc.quote_opening_at(doc.tokens[t].start) is not None
                                              for t in range(k, min(hi, k + 4))):
                return _Marker("di", i + 1, inverted, channel)  # "parla di un “ulteriore incredibile ritardo”"
            if cue.lemma == "riferire" and np_tags(doc, k) in ("DET", "NUM", "WORD"):
                return _Marker("di", i + 1, inverted, channel)  # "hanno riferito di un solo morto"
            np = right_np(doc, i + 1, hi)  # "diceva di Joe: «…»"
            if np is not None and np[1] < hi and doc.tokens[np[1]].text == ":":
                i = np[1]
                continue
            return None
        if w in ("a", "ad") and cue.stance == "asks" and i + 1 < hi and _INFINITIVE_RE.search(low[i + 1]):
            return _Marker("a", i, inverted, channel)
        if w in ("se", "come", "perché", "quando", "quanto") and (cue.stance in ("asks", "explains") or (
                w in ("se", "come") and cue.stance in ("states", "emphasizes", "reports"))):
            # "ha urlato … quando è arrivato": after a verb of saying, "quando"/"perché" open a time or cause clause
            if steps == 1 or channel is not None or inverted is not None:
                return _Marker("se" if w == "se" else "come", i, inverted, channel)
            return None
        if is_adverb_word(w) or w in _TIME_WORDS or text == "," or (w == "loro" and i == cue.last + 1):
            i += 1  # "ha detto loro che", "ha spiegato ieri sera che"
            continue
        if w in ("tra", "fra") and i + 2 < hi and low[i + 1] == "l'" and low[i + 2] == "altro":
            i += 3  # "ha detto tra l'altro «…»"
            continue
        if cue.reflexive and i == cue.last + 1 and np_tags(doc, i) == "WORD":
            # "si è detto convinto che", "si dice pronto a trattare"
            if i + 2 < hi and w not in ("che",) and low[i + 1] in ("a", "ad", "di", "d'") and _INFINITIVE_RE.search(low[i + 2]):
                return _Marker("di", i, inverted, channel)  # the predicate belongs to the content
            i += 1
            continue
        e = channel_at(doc, i, hi)
        if e > i:
            channel = (i, e)
            i = e
            continue
        if np_tags(doc, i) in ("A",):
            # an indirect object: "ha detto ai collaboratori", "ha spiegato a Putin"
            k = i + 1
            while k < hi and k - i <= 7 and (np_tags(doc, k) in ("DET", "WORD", "NAME", "ROLE", "ADJ")
                                             or low[k] in ("ogni", "tutti", "tutte", "ciascun", "ciascuno", "ciascuna") or (
                    np_tags(doc, k) == "DI" and not (k + 1 < hi and (_INFINITIVE_RE.search(low[k + 1]) or low[k + 1] in ("aver", "esser"))))):
                k += 1  # "a uno scettico Elon Musk" (stops before "di essere stato …")
            if k == i + 1:
                return None
            i = k
            continue
        if inverted is None and np_tags(doc, i) in ("NAME", "ROLE", "DET") and cue.lemma in _NAMING_LEMMAS:
            np = right_np(doc, i, hi)  # "ha definito Psaki «…»": the object, then its description
            if np is not None and np[1] + 1 < hi and low[np[1]] == "come" and doc.tokens[np[1] + 1].text in _OPENING:
                return _Marker("di", i, inverted, channel)  # "ha definito la manifestazione come «…»": object and label
            if np is not None and np[1] < hi and (doc.tokens[np[1]].text in _OPENING or low[np[1]] == "come"):
                i = np[1]
                continue
        if inverted is None and np_tags(doc, i) in ("NAME", "ROLE", "DET") and cue.stance in ("accuses", "asks") \
                and cue.lemma != "chiedere":
            np = right_np(doc, i, hi)  # "accusano il Piano di …", "invita i cittadini a …": the object
            if np is not None and np[1] < hi and low[np[1]] in ("di", "d'", "a", "ad", "per"):
                i = np[1]
                continue
        if inverted is None and np_tags(doc, i) in ("NAME", "ROLE", "DET"):
            np = right_np(doc, i, hi)
            if np is not None and can_speak(doc, *np):
                inverted = np
                i = np[1]
                continue
        # "risponde manco fosse un ragazzo de' borgata: “…”": a short aside before a colon and a quotation
        for k in range(i, min(hi - 1, i + 14)):
            if doc.tokens[k].text in (".", ";", "?", "!") or low[k] == "che":
                break
            if doc.tokens[k].text == ":" and doc.tokens[k + 1].text in _OPENING:
                return _Marker("colon", k, inverted, channel)
        return None
    return None


# --- pattern functions -----------------------------------------------------------------


def _speaker_of_cue(doc: Document, sent: Sentence, cue: Cue, inverted: tuple[int, int] | None, before: int | None,
                    sent_rows: list[Attribution], state: _State) -> SpeakerInfo | None:
    """The speaker of a cue that reports forward, read from the surface: the subject on its left (with
    appositions), a gerund's or a relative clause's subject, a subject written after the cue (``inverted``,
    up to ``before``), the owner of a fronted statement, the sentence subject, or the last speaker."""
    low = doc.low
    lo = sent.t0
    # speaker
    speaker: SpeakerInfo | None = _speaker_left(doc, sent, cue.first)
    if cue.form == "gerund":
        gs = _gerund_subject(doc, sent, cue.first)
        if gs is not None:
            speaker = gs
    if speaker is None and inverted is not None:
        speaker, _ = _with_apposition_right(doc, inverted, before)
    if speaker is None:
        p = cue.first - 1
        while p > lo and is_adverb_word(low[p]) and low[p - 1] in ("che", ","):
            p -= 1  # "che subito ha voluto chiarire"
        prev = low[p] if p >= lo else ""
        prev2 = low[p - 1] if p - 1 >= lo else ""
        if prev in ("che",) or (prev in ("quale",) and prev2 in DET):
            # "Serray, che aveva dichiarato …", "il segretario Nicola Zingaretti che ha annunciato …"
            k = p if prev == "che" else p - 1
            if k - 1 >= lo and doc.tokens[k - 1].text == ",":
                k -= 1
            np = _speaking_np(doc, left_np(doc, k, lo))
            if np is not None:  # the antecedent may sit in a phrase: "al posto di Serray, che …"
                speaker = describe(doc, *np)
    if speaker is None:
        prev = low[cue.first - 1] if cue.first - 1 >= lo else ""
        prev2 = low[cue.first - 2] if cue.first - 2 >= lo else ""
        if cue.form == "gerund" and sent_rows and sent_rows[-1].speaker is not None:
            speaker = sent_rows[-1].speaker
        elif prev in RELATIVES or prev2 in ("in", "nel", "nella") and prev in ("cui", "quale") or prev in ("e", "ed") or cue.form == "gerund":
            np = sentence_subject(doc, sent, cue.first)
            if np is not None:
                speaker = describe(doc, *np)
            elif sent_rows and sent_rows[-1].speaker is not None:
                speaker = sent_rows[-1].speaker
        if speaker is None:
            speaker = _fronted_owner(doc, sent, cue.first)
        if speaker is None and (prev == "" or prev == "," or doc.tokens[cue.first - 1].text in _DASHES if cue.first - 1 >= lo else True):
            speaker = state.last_speaker
        if speaker is None and prev in ("e", "ed", ""):
            speaker = state.last_speaker
        if speaker is None and (cue.form == "finite" or cue.form == "participle" and cue.has_aux) and not cue.reflexive:
            # a clause without its own subject: the subject of the sentence ("X, …, fa un tweet … e dice: «…»")
            np = sentence_subject(doc, sent, cue.first)
            speaker = describe(doc, *np) if np is not None else state.last_speaker
    return speaker


def _forward(doc: Document, sent: Sentence, cue: Cue, marker: _Marker, next_cue: Cue | None,
             sent_rows: list[Attribution], state: _State, according_starts: tuple[int, ...] = ()) -> list[Attribution]:
    low = doc.low
    lo = sent.t0
    speaker = _speaker_of_cue(doc, sent, cue, marker.inverted, marker.index, sent_rows, state)
    # content
    m = marker.index
    if marker.kind in ("che", "colon"):
        c_start = doc.tokens[m].end
    elif marker.kind == "quote":
        c_start = doc.tokens[m].start
    else:
        c_start = doc.tokens[m].start
    c_end_tok = sent.t1
    if next_cue is not None and next_cue.first > m:
        k = next_cue.first
        if doc.quote_containing(doc.tokens[k].start) is None:
            # stop before ", ha aggiunto", "e ha poi detto", "mentre il sindaco ha replicato"
            np = left_np(doc, k, m + 1)
            if np is not None and np_tags(doc, np[0]) in ("DET", "NAME", "ROLE"):
                k = np[0]
            elif k - 1 > m and low[k - 1] in _INDEFINITE_SPEAKERS:
                k -= 1  # "… e altri affermano che …"
            k0 = k
            while k - 1 > m and (low[k - 1] in ("e", "ed", "ma", "mentre", "invece", "poi") or doc.tokens[k - 1].text in (",", ";")):
                k -= 1
            if k < k0 and k > m + 1:  # a separate clause, not a report nested in this one
                c_end_tok = k
    c_end = doc.tokens[c_end_tok - 1].end if c_end_tok > m else sent.end
    for a0 in according_starts:
        if c_start < a0 < c_end and doc.quote_containing(a0) is None \
                and any(ch.isalnum() for ch in doc.text[c_start:a0]):
            c_end = a0  # "…, secondo il Washington Post" (not "ha scritto che, secondo la Procura, …")
    c_end = _extend_over_quote(doc, c_end, c_start)
    channel = marker.channel
    # a statement channel written after the content: "… in una dichiarazione rilasciata ai media"
    if channel is None:
        k = doc.token_index(c_start)
        stop = doc.token_index(c_end)
        while k < stop:
            if doc.quote_containing(doc.tokens[k].start) is None and low[k] in STATEMENT_PREPS and k - doc.token_index(c_start) >= 4:
                e = channel_at(doc, k, stop)
                if e > k and e - k >= 3:
                    channel = (k, e)
                    c_end = doc.tokens[k - 1].end
                    break
            k += 1
    content = _content(doc, c_start, c_end)
    if content is None:
        return []
    kind, span = content
    if channel is None:
        channel = find_channel(doc, lo, cue.first, prefer_near=cue.first)
        if channel is not None and speaker is not None:
            c0, c1 = _tok_span(doc, *channel)
            if c0 < speaker.end and speaker.start < c1 and doc.low[channel[0]] in STATEMENT_PREPS:
                channel = None
    row = Attribution(sent.sent_id, kind, span, speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                      _tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)
    return [row]


def _speaker_after(doc: Document, j: int, hi: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int]:
    """The subject written after a cue: (noun phrase, channel, next token).

    Skips adverbs and time words, a channel ("all'agenzia TASS") and an
    addressee followed by the subject ("ha spiegato ai giornalisti il vicecapo").
    """
    channel = None
    if j < hi and doc.low[j] == "loro":
        j += 1  # "ha detto loro il comandante"
    for _ in range(4):
        j0 = j
        while j < hi and (is_adverb_word(doc.low[j]) or doc.low[j] in _TIME_WORDS):
            j += 1
        e = channel_at(doc, j, hi)
        if e > j and channel is None:
            channel = (j, e)
            j = e
        elif j < hi and np_tags(doc, j) == "A":
            np = right_np(doc, j + 1, hi) if doc.low[j] in ("a", "ad") else right_np(doc, j, hi)
            if np is not None and np[1] < hi and np_tags(doc, np[1]) in ("DET", "NAME", "ROLE"):
                j = np[1]  # an addressee before the subject
        if j == j0:
            break
    np = right_np(doc, j, hi)
    return np, channel, j


def _words_in(doc: Document, span: tuple[int, int] | None) -> int:
    return 0 if span is None else sum(1 for w in doc.text[span[0]:span[1]].split() if any(c.isalnum() for c in w))


#: Words that open a subordinate or relative clause: an inserted source right after one of them ("anche se,
#: sottolinea il sindaco, …", "che, secondo le stime di X, …") is about the words that follow it.
_SUBORDINATORS = frozenset({"che", "se", "perché", "poiché", "giacché", "siccome", "quando", "mentre", "cui", "dove", "quanto"})


def _after_subordinator(doc: Document, sent: Sentence, lead: int) -> bool:
    """Is the inserted phrase at ``lead`` (after a comma) preceded by a clause opening it interrupts?

    "… anche se, sottolinea il sindaco, …", "un effetto … che, secondo le stime di X, determinerà …",
    "Ma che in questo caso, come riporta La Stampa, ha portato …" (a short lead opened by "che").
    """
    if lead - 2 < sent.t0 or doc.tokens[lead - 1].text != ",":
        return False
    if doc.low[lead - 2] in _SUBORDINATORS:
        return True
    k = lead - 2
    while k > sent.t0 and lead - k <= 7 and doc.tokens[k - 1].text not in (",", ";", ":", "(", ".") \
            and doc.tokens[k - 1].text not in _DASHES:
        k -= 1
    if lead - k > 7:
        return False
    while k < lead - 2 and doc.low[k] in ("e", "ed", "ma", "però"):
        k += 1
    return doc.low[k] == "che" and k < lead - 2


def _quote_colon_subject(doc: Document, sent: Sentence, cue: Cue) -> list[Attribution]:
    """"«Le scuole rischiano di restare al buio»: il presidente della Provincia scrive a Draghi".

    A sentence opening with a quotation, then a colon, then a subject and a finite cue with nothing
    reported after it (no "che", colon or quotation): the subject speaks the quotation.
    """
    if cue.form not in ("finite", "participle") or cue.passive or sent.t1 - sent.t0 < 4:
        return []
    first = doc.tokens[sent.t0]
    q = doc.quote_opening_at(first.start) if first.text in _OPENING else None
    if q is None or not q.closed or q.close > doc.tokens[cue.first].start:
        return []
    k = next((m for m in range(sent.t0, cue.first) if doc.tokens[m].start >= q.close), None)
    if k is None or doc.tokens[k].text != ":" or len(doc.text[q.start:q.end].split()) < 3:
        return []  # "«Il Padrino»: …" is a title
    speaker = _speaker_left(doc, sent, cue.first)
    if speaker is None or speaker.start < doc.tokens[k].end:
        return []
    if doc.text[doc.tokens[k].end:speaker.start].strip():
        return []  # only the subject between the colon and the cue
    for m in range(cue.last + 1, sent.t1):
        t = doc.tokens[m].text
        if doc.low[m] == "che" or t in (":",) or t in _OPENING:
            return []
    nxt = cue.last + 1
    if nxt < sent.t1 and np_tags(doc, nxt) not in ("A", "DA", "PREP", "PUNCT") and not is_adverb_word(doc.low[nxt]):
        return []  # "il regista racconta il suo film": the cue has its own object
    span = _trim(doc, q.start, q.end)
    if span is None:
        return []
    return [Attribution(sent.sent_id, "direct", span, speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma,
                        cue.stance, None, head=doc.tokens[cue.head].start)]


def _postposed(doc: Document, sent: Sentence, cue: Cue, seg_start: int, state: _State) -> list[Attribution]:
    """"«…», ha detto X", "“…” – aggiunge X –", "CLAUSE, ha dichiarato X, ruolo, all'agenzia TASS",
    and the parenthetical "Per questo – ha concluso X – sarà importante …" (content on both sides)."""
    low = doc.low
    p = cue.first - 1
    if p < sent.t0 or cue.form == "gerund":
        return []  # "…, parlando ai giornalisti, …" is an adjunct, not a postposed cue
    ptxt = doc.tokens[p].text
    if ptxt not in (",", ":") and ptxt not in _DASHES and ptxt not in _CLOSING and ptxt not in ("?", "!", "…", "("):
        return []
    # content: the quotation or clause before the cue
    end_char = doc.tokens[p].start if ptxt not in _CLOSING else doc.tokens[p].end
    q = None
    k = p
    while k >= sent.t0 and (doc.tokens[k].text in (",", ":", "?", "!", "…", ".", "(") or doc.tokens[k].text in _DASHES):
        k -= 1
    if k >= 0 and doc.tokens[k].text in _CLOSING:
        q = doc.quote_closing_at(doc.tokens[k].start)
    before: tuple[str, tuple[int, int]] | None
    if q is not None:
        if q.open < seg_start or not any(c.isalnum() for c in doc.text[seg_start:q.open]):
            trimmed = _trim(doc, q.start, q.end)
            if trimmed is None:
                return []
            span = (q.start, q.end) if any(c.isalnum() for c in doc.text[q.start:q.end]) else trimmed
            before = ("direct", span)
        else:
            before = _content(doc, seg_start, q.close)
    else:
        before = _content(doc, seg_start, end_char)
    # speaker after the cue, then role and channel
    hi = sent.t1
    np, channel, j = _speaker_after(doc, cue.last + 1, hi)
    speaker = None
    after = j
    if np is not None and can_speak(doc, *np):
        speaker, after = _with_apposition_right(doc, np, hi)
        k = after
        if k < hi and channel_at(doc, k, hi) > k:
            k = channel_at(doc, k, hi)
        while k < hi and (is_adverb_word(low[k]) or low[k] in _TIME_WORDS):
            k += 1
        if k < hi and k > np[1] and doc.tokens[k - 1].text == ",":
            pass  # the apposition ended with a comma: a new clause follows ("…, responsabile legale, aggiungendo che")
        elif k < hi and doc.tokens[k].text not in (",", ".", ";", ":", "!", "?", "…", ")") and doc.tokens[k].text not in _DASHES \
                and doc.tokens[k].text not in _OPENING and low[k] not in ("e", "ed", "mentre", "ma", "in", "nel", "nella", "durante") \
                and np_tags(doc, k) not in ("A", "DA", "PREP") and not doc.low[k].endswith(("ando", "endo")):
            return []  # "ha chiesto un incontro al ministro": an object, not a speaker ("annunciando …" goes on)
    elif np is not None:
        return []  # an object that cannot speak: "…, continua la guerra"
    elif j < hi and doc.tokens[j].text not in (",", ".", ";", ":", "!", "?", "…", ")") and doc.tokens[j].text not in _DASHES \
            and doc.tokens[j].text not in _OPENING:
        return []
    elif cue.first - 1 >= sent.t0:
        speaker = state.last_speaker
    if channel is None:
        c = find_channel(doc, after, hi, prefer_near=after)
        if c is not None:
            channel = c
            after = max(after, c[1])
    # a parenthetical cue ("– ha concluso X –", ", spiega X,") with the content going on after it
    rest = None
    k = after
    if ptxt in _DASHES and k < hi and doc.tokens[k].text not in _DASHES:
        # "– hanno raccontato i testimoni a bordo della nave –": the aside runs to its closing dash
        close = next((m for m in range(k, min(hi, k + 8)) if doc.tokens[m].text in _DASHES), None)
        if close is not None and all(doc.tokens[m].text not in _OPENING and doc.tokens[m].text not in _CLOSING
                                     and doc.tokens[m].text not in (".", ";", ":") for m in range(k, close)):
            k = close
    closing = _DASHES if ptxt in _DASHES else {")"} if ptxt == "(" else {",", ")"} | _DASHES
    if k < hi and doc.tokens[k].text in closing and (ptxt in _DASHES or ptxt in (",", "(")):
        k += 1
        if k < hi and not (before is not None and before[0] == "direct" and doc.tokens[k].text in _OPENING):
            c_end = _extend_over_quote(doc, sent.end, doc.tokens[k].start)
            rest = _content(doc, doc.tokens[k].start, c_end)
            short_before = before is not None and before[0] == "indirect" and speaker is not None
            if rest is not None and _words_in(doc, rest[1]) < 4 and not (
                    short_before and _words_in(doc, before[1]) + _words_in(doc, rest[1]) >= 4):
                rest = None  # "La situazione, ha spiegato il sindaco, è sotto controllo": one clause around the aside
    if ptxt == "," and _after_subordinator(doc, sent, cue.first) and (before is None or before[0] == "indirect"):
        before = None  # "anche se, sottolinea il sindaco, …": the report is what follows the cue, if anything
    if before is not None and before[0] == "indirect" and (_words_in(doc, before[1]) < 3 and rest is None or speaker is None):
        before = None  # an unquoted clause before a cue with no speaker at all ("Il ricordo di X, ha concluso")
    if before is None and rest is None:
        return []
    if before is None or (rest is not None and before[0] == "indirect" and _words_in(doc, before[1]) < 4
                          and _words_in(doc, rest[1]) >= 4):
        kind, span = rest  # type: ignore[misc]
    elif rest is not None and before[0] != "direct":
        both = _content(doc, before[1][0], rest[1][1])
        kind, span = both if both is not None else before
        if kind == "direct":
            kind = "mixed"
    else:
        kind, span = before
    rows = []
    row = Attribution(sent.sent_id, kind, span, speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                      _tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)
    rows.append(row)
    # "«…» – aggiunge X – «…»": a second quotation for the same speaker
    k = after
    while k < hi and (doc.tokens[k].text in (",",) or doc.tokens[k].text in _DASHES):
        k += 1
    if k < hi and k > after and doc.tokens[k].text in _OPENING:
        q2 = doc.quote_opening_at(doc.tokens[k].start)
        if q2 is not None and quote_word_count(doc.text, q2) >= 1:
            rows.append(Attribution(sent.sent_id, "direct", (q2.start, q2.end), speaker,
                                    row.cue, cue.lemma, cue.stance, row.channel, head=row.head))
    return rows


#: Cues whose direct object is itself what is reported ("annuncia l'avvio della campagna").
_OBJECT_STANCES = frozenset({"announces", "criticizes", "accuses", "asks", "promises", "confirms", "denies",
                             "proposes", "threatens", "hopes", "admits", "emphasizes", "claims"})
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "?", "!", "…", "(", ")"})
#: Other cues whose object is the report ("ha segnalato una nuova apertura").
_OBJECT_LEMMAS = frozenset({"segnalare", "esprimere"})  # "ha espresso il suo rammarico"
#: Cues whose object is someone else's words ("ha respinto le critiche"), not the speaker's report.
_NOT_OBJECT_LEMMAS = frozenset({"respingere", "replicare", "rispondere"})
#: Words that open a new clause after an object report.
_OBJECT_STOPS = frozenset({"perché", "poiché", "mentre", "quando", "dopo", "ma", "però", "finché", "affinché", "che", "cui"})


def _relative_antecedent(doc: Document, sent: Sentence, cue_first: int) -> SpeakerInfo | None:
    """"Italia viva, che aveva chiesto …", "le Regioni, che hanno già scritto al commissario chiedendo …"."""
    for k in range(cue_first - 1, max(sent.t0, cue_first - 9), -1):
        t = doc.tokens[k].text
        if t in _CLAUSE_ENDS and t != ",":
            return None
        if doc.low[k] == "che" and k - 1 > sent.t0 and doc.tokens[k - 1].text == ",":
            np = left_np(doc, k - 1, sent.t0)
            if np is not None and can_speak(doc, *np):
                return describe(doc, *np)
            return None
        if doc.low[k] == "che":
            # no comma: "la paladina … Alexandria Ocasio-Cortez che chiede …", "critici che accusano il Piano …"
            # only with nothing but adverbs and clitics between "che" and the cue
            if k - 1 >= sent.t0 and all(is_adverb_word(doc.low[m]) or doc.low[m] in _CLITIC_WORDS for m in range(k + 1, cue_first)):
                np = left_np(doc, k, sent.t0)
                if np is not None and can_speak(doc, *np) and (
                        not _is_preceded_by_preposition(doc, np, sent.t0)
                        or (np_tags(doc, np[0] - 1) == "DI" and describe(doc, *np).type == "person")):
                    return describe(doc, *np)  # "la vicenda del segretario di Rifondazione che prima minaccia …"
            return None
    return None


_CLITIC_WORDS = frozenset({"mi", "ti", "ci", "vi", "gli", "le", "si", "ne", "lo", "la", "li"})


def _clause_end(doc: Document, k: int, hi: int) -> int:
    while k < hi and doc.tokens[k].text not in _CLAUSE_ENDS and doc.tokens[k].text not in _DASHES:
        k += 1
    return k


def _quoted_object(doc: Document, sent: Sentence, cue: Cue) -> bool:
    """Does a determiner-led object with a quotation inside its first words follow the cue ("il «tono …» del …")?"""
    k = _skip_adverbs(doc, cue.last + 1, sent.t1)
    if k >= sent.t1 or np_tags(doc, k) != "DET":
        return False
    for m in range(k + 1, min(sent.t1, k + 5)):
        t = doc.tokens[m].text
        if t in _CLAUSE_ENDS or doc.low[m] in ("che", "di"):
            return False
        if t in _OPENING:
            q = doc.quote_opening_at(doc.tokens[m].start)
            # two words or more, not a capitalised title ("ha ricordato il «Presente»")
            return q is not None and 2 <= quote_word_count(doc.text, q) <= 8 and not doc.text[q.start:q.start + 1].isupper()
    return False


def _object_report(doc: Document, sent: Sentence, cue: Cue, state: _State | None = None) -> list[Attribution]:
    """"La Casa Bianca annuncia l'avvio della campagna", "Il primo accusa il governo per …": the object is the content."""
    # any cue whose object opens with a quoted fragment reports it: "ha sottolineato il «tono neofascista» del
    # discorso", "si sono affrettati a sottolineare il «…»" (a mixed quotation as object)
    quoted = _quoted_object(doc, sent, cue)
    if not quoted and ((cue.stance not in _OBJECT_STANCES and cue.lemma not in _OBJECT_LEMMAS) or cue.lemma in _NOT_OBJECT_LEMMAS):
        return []
    if cue.passive or not (cue.form in ("finite", "gerund") or (cue.form == "participle" and cue.has_aux)
                           or (quoted and cue.form == "infinitive" and cue.first > sent.t0 and doc.low[cue.first - 1] in ("a", "di"))):
        return []
    if any(doc.low[k] == "non" for k in range(max(sent.t0, cue.first - 1), cue.head)):
        return []  # "non ha ancora chiesto scusa"
    speaker = _speaker_left(doc, sent, cue.first) or _relative_antecedent(doc, sent, cue.first)
    if speaker is None and cue.form != "gerund" and not any(
            doc.tokens[k].text in _CLAUSE_ENDS or doc.tokens[k].text in _DASHES or doc.low[k] in ("che", "cui", "e", "ed", "ma")
            for k in range(sent.t0, cue.first)):
        # one clause up to the cue: its subject ("Le colleghe presenti sul posto … hanno chiesto …")
        np = sentence_subject(doc, sent, cue.first)
        speaker = describe(doc, *np) if np is not None else None
    if speaker is None and (cue.form == "gerund" or (quoted and cue.form == "infinitive")):
        np = sentence_subject(doc, sent, cue.first)
        speaker = describe(doc, *np) if np is not None else None
    null_subject = speaker is None and cue.first == sent.t0 and cue.form in ("finite", "participle") \
        and doc.tokens[cue.first].text[:1].isupper()
    if speaker is None and not null_subject:
        return []
    if null_subject and state is not None:
        speaker = state.last_speaker  # "Ha altresì confermato il sostegno …": the subject of an earlier sentence
    k = _skip_adverbs(doc, cue.last + 1, sent.t1)
    while k < sent.t1 and doc.low[k] in _TIME_WORDS:
        k += 1
    if k < sent.t1 and doc.tokens[k].text == ",":
        # "chiede, fra l'altro, la sospensione …": a short aside between commas before the object
        close = next((m for m in range(k + 1, min(sent.t1, k + 5)) if doc.tokens[m].text == ","), None)
        if close is not None and all(doc.tokens[m].kind == "word" and not doc.low[m].endswith(("ando", "endo"))
                                     for m in range(k + 1, close)):  # not a gerund adjunct ("parlando ai giornalisti")
            k = close + 1
    if k >= sent.t1 or np_tags(doc, k) not in ("DET", "WORD", "A", "PREP", "NUM") or doc.low[k] in ("che", "di", "a"):
        return []
    if doc.low[k] in ("contro", "con", "insieme", "verso"):
        return []  # "protestavano contro di lui": a complement, not a report
    end = _clause_end(doc, k, sent.t1)
    while end < sent.t1 and doc.tokens[end].text == "(":
        # a bracket inside the object: "un piano di riforme del dipartimento (NYPD) che …"
        close = _skip_parenthesis_end(doc, end + 1, sent.t1)
        if close >= sent.t1 or doc.tokens[close].text != ")":
            break
        end = _clause_end(doc, close + 1, sent.t1)
    for m in range(k + 1, end):
        if doc.low[m] in _OBJECT_STOPS and doc.quote_containing(doc.tokens[m].start) is None:
            end = m  # "aveva chiesto aiuto al governo perché …": the object ends before a new clause
            break
    if end - k < 2:
        return []
    if end < sent.t1 and doc.tokens[end].text == ":" and end + 1 >= sent.t1:
        return []  # "Un portavoce ha commentato quanto è accaduto:": the words follow in the next sentence
    content = _content(doc, doc.tokens[k].start, doc.tokens[end - 1].end)
    if content is None:
        return []
    kind, span = content
    return [Attribution(sent.sent_id, kind, span, speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                        None, head=doc.tokens[cue.head].start)]


def _predicate_report(doc: Document, sent: Sentence, cue: Cue) -> list[Attribution]:
    """"X si dichiara ampiamente soddisfatto del proprio lavoro": a pronominal cue with a predicate."""
    if not cue.reflexive or cue.lemma not in ("dire", "dichiarare"):
        return []
    speaker = _speaker_left(doc, sent, cue.first)
    k = cue.last + 1
    if speaker is None or k >= sent.t1 or np_tags(doc, k) not in ("WORD", "STOP") or not doc.tokens[k].text[:1].islower():
        return []
    end = _clause_end(doc, k, sent.t1)
    content = _content(doc, doc.tokens[k].start, doc.tokens[end - 1].end) if end > k else None
    if content is None:
        return []
    return [Attribution(sent.sent_id, content[0], content[1], speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma,
                        cue.stance, None, head=doc.tokens[cue.head].start)]


def _inserted(doc: Document, sent: Sentence, cue: Cue, q: Quote, state: _State) -> list[Attribution]:
    """"«Può sembrare ingiusto – argomenta – ma apre gli occhi …»": a cue set between dashes inside the quotation."""
    if cue.first - 1 < sent.t0 or doc.tokens[cue.first - 1].text not in _DASHES:
        return []
    k = cue.last + 1
    speaker = None
    np = right_np(doc, k, sent.t1)
    if np is not None and (can_speak(doc, *np) or (np[1] < sent.t1 and doc.tokens[np[1]].text in _DASHES)):
        # between the dashes of a quotation the subject speaks whatever its noun ("– ha commentato un passeggero –")
        speaker, k = _with_apposition_right(doc, np, sent.t1)
    if k >= sent.t1 or doc.tokens[k].text not in _DASHES:
        return []
    if speaker is None:
        speaker = state.last_speaker
    # one row for each part of the quotation, as for two quotations around the cue ("«…» – afferma X – «…»")
    parts = [_trim(doc, q.start, doc.tokens[cue.first - 1].start), _trim(doc, doc.tokens[k].end, q.end)]
    parts = [x for x in parts if x is not None and _words_in_span(doc, x) >= 2] or [(q.start, q.end)]
    return [Attribution(sent.sent_id, "direct", part, speaker, _tok_span(doc, cue.first, cue.last + 1),
                        cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start) for part in parts]


def _words_in_span(doc: Document, span: tuple[int, int]) -> int:
    return len(doc.text[span[0]:span[1]].split())


def _inserted_open(doc: Document, sent: Sentence, cue: Cue, state: _State) -> list[Attribution]:
    """"“Una tale idea è da rimuovere– prosegue il sindaco – in maniera …": a quotation opened at the sentence start
    and left open (the paragraph goes on), a cue between dashes inside it."""
    first = doc.tokens[sent.t0]
    if first.text not in _OPENING or doc.quote_containing(first.end) is not None:
        return []
    if cue.first - 1 <= sent.t0 or doc.tokens[cue.first - 1].text not in _DASHES:
        return []
    if any(doc.tokens[m].text in _CLOSING and m != sent.t0 for m in range(sent.t0 + 1, cue.first)):
        return []
    k = cue.last + 1
    np = right_np(doc, k, sent.t1)
    if np is None or not can_speak(doc, *np):
        return []
    speaker, k = _with_apposition_right(doc, np, sent.t1)
    if k >= sent.t1 or doc.tokens[k].text not in _DASHES:
        return []
    end = sent.end
    for m in range(k + 1, sent.t1):
        if doc.tokens[m].text in _CLOSING:
            end = doc.tokens[m].start
            break
    parts = [_trim(doc, first.end, doc.tokens[cue.first - 1].start), _trim(doc, doc.tokens[k].end, end)]
    return [Attribution(sent.sent_id, "direct", part, speaker, _tok_span(doc, cue.first, cue.last + 1),
                        cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start)
            for part in parts if part is not None and _words_in_span(doc, part) >= 2]


def _clitic(doc: Document, sent: Sentence, cue: Cue, state: _State) -> list[Attribution]:
    """"Lo riporta l'agenzia PTI." / "Lo ha dichiarato il ministro." — about what precedes."""
    hi = sent.t1
    np, channel0, j = _speaker_after(doc, cue.last + 1, hi)
    speaker = None
    after = j
    if np is not None and can_speak(doc, *np):
        speaker, after = _with_apposition_right(doc, np, hi)
    if speaker is None:
        speaker = _speaker_left(doc, sent, cue.first)
    if speaker is None:
        return []
    channel = channel0 or find_channel(doc, after, hi, prefer_near=after)
    # "Lo promette Bertolaso, neo nominato consulente …: da fine febbraio si comincerà …"
    for k in range(after, min(hi - 1, after + 25)):
        t = doc.tokens[k].text
        if t in (".", ";", "?", "!") or (t in _OPENING and doc.quote_opening_at(doc.tokens[k].start) is not None):
            break
        if t == ":":
            c_end = _extend_over_quote(doc, sent.end, doc.tokens[k].end)
            content = _content(doc, doc.tokens[k].end, c_end)
            if content is None:
                return []
            kind, span = content
            return [Attribution(sent.sent_id, kind, span, speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma,
                                cue.stance, _tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)]
    # the content: the previous sentence of the paragraph (or the quotation it is)
    idx = doc.sentence_index(sent.start)
    if not idx:
        return []
    prev = doc.sentences[idx - 1]
    q = doc.quote_closing_at(doc.text.rfind("»", prev.start, prev.end)) if "»" in doc.text[prev.start:prev.end] else None
    content = _content(doc, prev.start, prev.end)
    if content is None:
        return []
    kind, span = content
    if q is not None and q.open <= prev.start + 1:
        kind, span = "direct", (q.start, q.end)
    reporting = cue.lemma in REPORTING_LEMMAS
    row = Attribution(prev.sent_id, "according_to" if reporting else kind, span, speaker,
                      _tok_span(doc, cue.first, cue.last + 1), cue.lemma, "reports" if reporting else cue.stance,
                      _tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start, reporting=reporting)
    row.extra["paragraph"] = sent.para_id
    row.extra["sentence_index"] = idx
    return [row]


#: Auxiliaries of passives that report nothing said yet, or a process rather than a report.
_NOT_REPORTED_AUX = frozenset({"sarà", "saranno", "verrà", "verranno", "viene", "vengono", "venne", "vennero", "veniva",
                               "venivano", "sia", "siano"})


def _passive(doc: Document, sent: Sentence, cue: Cue, state: _State) -> list[Attribution]:
    """"queste accuse sono state negate dalla Russia e dalla Corea del Nord"."""
    hi = sent.t1
    k = _skip_adverbs(doc, cue.last + 1, hi)
    agents = []
    while k < hi and doc.low[k] in DA:
        np = right_np(doc, k, hi)
        if np is None:
            break
        agents.append(np)
        m = np[1]
        if m + 1 < hi and doc.low[m] in ("e", "ed") and doc.low[m + 1] in DA:
            k = m + 1
            continue
        break
    if not agents:
        content = None
        aux = {doc.low[m] for m in range(cue.first, cue.head)}
        if aux & _NOT_REPORTED_AUX or (cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] == "non") \
                or (cue.first - 2 >= sent.t0 and doc.low[cue.first - 2] == "non"):
            return []  # "sarà precisato il luogo", "viene minacciato", "non è stata segnalata": nothing was reported yet
        if k < hi and doc.low[k] == "che" and k + 1 < hi:
            # "È stato precisato che …": a report whose source is not named
            content = _content(doc, doc.tokens[k].end, sent.end)
        elif k < hi and doc.low[k] in DET:
            # "È stata confermata l'ipotesi di suicidio": the subject follows
            content = _content(doc, doc.tokens[k].start, doc.tokens[_clause_end(doc, k, hi) - 1].end)
        elif k >= hi or doc.tokens[k].text in (".", ";", "!"):
            # "La circostanza è stata smentita.": the subject before the verb is what was reported
            np = left_np(doc, cue.first, sent.t0)
            if np is not None and not _is_preceded_by_preposition(doc, np, sent.t0) and not can_speak(doc, *np):
                content = _content(doc, *_tok_span(doc, *np))  # a person before the verb is its target, not its content
        if content is not None:
            row = Attribution(sent.sent_id, content[0], content[1], None, _tok_span(doc, cue.first, cue.last + 1),
                              cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start)
            row.extra["speaker_type"] = "anonymous"
            return [row]
        return []
    as_source = cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] in ("come", "quanto")
    if as_source:
        return _according_content(doc, sent, cue.first - 1 - (1 if doc.low[cue.first - 2: cue.first - 1] == ["secondo"] else 0),
                                   agents[-1][1], describe(doc, *agents[0]), _tok_span(doc, cue.first - 1, cue.last + 1),
                                   cue.lemma)
    np = left_np(doc, cue.first, sent.t0)
    if np is None and cue.first - 1 > sent.t0 and doc.tokens[cue.first - 1].text == ",":
        np = left_np(doc, cue.first - 1, sent.t0)
    if np is None:
        return []
    content = _content(doc, *_tok_span(doc, *np))
    after = agents[-1][1]
    if after + 1 < hi and doc.tokens[after].text == ":" and doc.tokens[after + 1].text in _OPENING:
        q = doc.quote_opening_at(doc.tokens[after + 1].start)
        if q is not None:  # "la considerazione scritta da Salvatore: «…»"
            content = ("direct", (q.start, q.end))
    if content is None:
        return []
    kind, span = content
    rows = []
    after = agents[-1][1]
    channel = find_channel(doc, after, hi, prefer_near=after)
    for a in agents:
        rows.append(Attribution(sent.sent_id, kind, span, describe(doc, *a), _tok_span(doc, cue.first, cue.last + 1),
                                cue.lemma, cue.stance, _tok_span(doc, *channel) if channel else None,
                                head=doc.tokens[cue.head].start))
    return rows


def _subject_np_before(doc: Document, sent: Sentence, comma: int) -> bool:
    """The sentence opens with a speaking noun phrase that ends at ``comma`` ("Rossi, come riporta …, è …")."""
    np = left_np(doc, comma, sent.t0)
    return np is not None and np[0] == sent.t0 and can_speak(doc, *np) and doc.low[sent.t0] not in _TIME_WORDS

def _parenthetical_source(sent: Sentence, content, speaker: SpeakerInfo | None, cue_span, lemma, *,
                          anonymous: bool) -> list[Attribution]:
    """The one according-to row of a source set off by dashes or brackets, or none when it has no content
    or no source (a named speaker, or an anonymous one such as "a quanto si apprende")."""
    if content is None or (speaker is None and not anonymous):
        return []
    row = Attribution(sent.sent_id, "according_to", content[1], speaker, cue_span, lemma, "reports", None, head=cue_span[0])
    row.extra["parenthetical"] = True
    if speaker is None:
        row.extra["speaker_type"] = "anonymous"
    return [row]


def _according_content(doc: Document, sent: Sentence, phrase_start: int, phrase_end: int, speaker: SpeakerInfo | None,
                       cue_span: tuple[int, int], lemma: str | None, *, anonymous: bool = False) -> list[Attribution]:
    """Content of an according-to phrase: what follows it at the start of a sentence, else what precedes."""
    lead = phrase_start
    while lead > sent.t0 and (doc.low[lead - 1] in ("e", "ed", "ma", "anche", "però", "invece", "inoltre") or is_adverb_word(doc.low[lead - 1])
                              or doc.tokens[lead - 1].text in _OPENING):
        lead -= 1
    opens_clause = lead > sent.t0 and doc.low[lead - 1] in ("che", "cui", "e", "ma", "mentre", "perché", "poiché", "se")
    in_brackets = lead - 1 > sent.t0 and doc.tokens[lead - 1].text == "(" and (
        phrase_end >= sent.t1 or doc.tokens[_skip_parenthesis_end(doc, phrase_end, sent.t1)].text == ")")
    # a phrase set between dashes: "Bonafede che - a suo dire - «resta alla Giustizia»", "Il ministro - secondo
    # quanto apprende l'Ansa - sarebbe in pressing …"
    open_dash = next((m for m in range(phrase_start - 1, max(sent.t0, phrase_start - 7) - 1, -1)
                      if doc.tokens[m].text in _DASHES or doc.tokens[m].text in (",", ";", ":", "(", ")")), None)
    close_dash = next((m for m in range(phrase_end, min(sent.t1, phrase_end + 12))
                       if doc.tokens[m].text in _DASHES or doc.tokens[m].text in (",", ";", ":", "(", ")", ".")), None)
    if open_dash is not None and close_dash is not None and open_dash > sent.t0 and doc.tokens[open_dash].text in _DASHES \
            and doc.tokens[close_dash].text in _DASHES:
        if doc.low[open_dash - 1] in ("che", "perché", "se", "e", "ma", "cui", "poiché"):
            content = _content(doc, doc.tokens[close_dash].end, sent.end)
        else:
            content = _content(doc, sent.start, sent.end)
        return _parenthetical_source(sent, content, speaker, cue_span, lemma, anonymous=anonymous)
    if in_brackets:
        # "picchiati dai poliziotti (secondo denunce di varie associazioni …)", "obiettivi poco ambiziosi (come hanno
        # scritto molti giornali)": the bracket is about the words just before it, back to a clause break
        b = lead - 1
        k = b
        while k > sent.t0 and b - k < 15 and doc.tokens[k - 1].text not in (")", ";", ":", ".", "?", "!"):
            k -= 1
        content = _content(doc, doc.tokens[k].start, doc.tokens[b].start)
        return _parenthetical_source(sent, content, speaker, cue_span, lemma, anonymous=anonymous)
    capital = lead > sent.t0 and doc.tokens[phrase_start].text[:1].isupper() and doc.tokens[lead - 1].text not in (",", "(")
    if lead == sent.t0 or opens_clause or capital:
        # a capitalised "Secondo" inside a sentence opens a new one after a run-in title
        k = phrase_end
        c_start = doc.tokens[k].start if k < sent.t1 else sent.end
        content = _content(doc, c_start, sent.end)
    elif _after_subordinator(doc, sent, lead):
        # "… che, secondo le stime di X, determinerà …": the source is about the clause it interrupts, which
        # goes on after it; nothing after it (a sentence cut there) is no attribution
        k = phrase_end
        if k + 1 < sent.t1 and doc.tokens[k].text == ",":
            # an apposition of the source ("secondo le stime di X, consigliere del ministro, …") is not content
            m = k + 1
            while m < sent.t1 and np_tags(doc, m) == "DET":
                m += 1
            close = next((t for t in range(k + 1, min(sent.t1, k + 10)) if doc.tokens[t].text == ","), None)
            if m < sent.t1 and np_tags(doc, m) == "ROLE" and close is not None:
                k = close
        content = _content(doc, doc.tokens[k].start, sent.end) if k < sent.t1 else None
    elif phrase_start - 1 > sent.t0 and doc.tokens[phrase_start - 1].text == "," and phrase_end < sent.t1 \
            and doc.tokens[phrase_end].text == "," and (_subject_np_before(doc, sent, phrase_start - 1)
                                                       or (_words_in(doc, (sent.start, doc.tokens[phrase_start - 1].start)) >= 2
                                                           and not (phrase_end + 1 < sent.t1
                                                                    and doc.tokens[phrase_end + 1].text in _OPENING))):
        # "Rossi, come riporta la stampa locale, è stato fermato", "Questa è la prova, secondo i carabinieri, che …":
        # a phrase set off inside the clause qualifies all of it
        content = _content(doc, sent.start, sent.end)
    elif phrase_start > sent.t0 and doc.low[phrase_start - 1] in ("e", "ed", "ma") and (
            phrase_end >= sent.t1 or _content(doc, doc.tokens[phrase_end].start, sent.end) is None):
        return []  # "… e secondo la professoressa X" closing a cut sentence: what it sources is not here
    else:
        content = _content(doc, sent.start, doc.tokens[phrase_start].start)
        after = _content(doc, doc.tokens[phrase_end].start, sent.end) if phrase_end < sent.t1 else None
        if after is not None and (content is None or (_words_in(doc, content[1]) < 4 and _words_in(doc, after[1]) >= 4)):
            content = after  # "Stamattina, secondo gli investigatori, Baglione era uscito …"
        elif after is not None and after[0] == "direct" and phrase_start > sent.t0 \
                and doc.tokens[phrase_start - 1].text == "," and doc.tokens[phrase_end].text == ",":
            content = after  # "E deve ritenersi, dunque, secondo il giudice, «l'insussistenza …»": the quotation
    if content is None or (speaker is None and not anonymous):
        return []
    _, span = content
    channel = None
    row = Attribution(sent.sent_id, "according_to", span, speaker, cue_span, lemma, "reports", channel, head=cue_span[0])
    if speaker is None:
        row.extra["speaker_type"] = "anonymous"
    return [row]


#: Impersonal reports after "secondo quanto" / "a quanto": nobody is named ("si apprende", "è stato ricostruito").
_IMPERSONAL_REPORTS = frozenset({"apprende", "legge", "sa", "riferisce", "riporta", "ricostruito", "ricostruisce", "emerso",
                                 "emerge", "risulta", "trapela", "trapelato", "appreso", "riferito", "riportato"})


def _impersonal_report(doc: Document, j: int, hi: int) -> int | None:
    """End of "si apprende", "è stato ricostruito (finora)", "emerge" after "quanto", if nobody is named after it."""
    low = doc.low
    k = j
    while k < hi and k - j < 4 and (low[k] in ("si", "è", "e'", "stato", "sarebbe", "era", "stata") or is_adverb_word(low[k])):
        k += 1
    if k >= hi or low[k] not in _IMPERSONAL_REPORTS or (k == j and low[k] not in ("emerge", "risulta", "trapela")):
        return None
    if low[k] in ("riferisce", "riporta", "legge", "apprende", "sa") and (k == j or low[k - 1] not in ("si",)):
        return None
    k += 1
    while k < hi and (is_adverb_word(low[k]) or low[k] in _TIME_WORDS or low[k] in ("finora", "ora")):
        k += 1
    if k < hi and (low[k] in DA | DI | A or np_tags(doc, k) in ("NAME",)) :
        return None  # "si apprende da fonti di governo", "emerge dalle indagini": a source follows
    return k


def _introduced_clause(doc: Document, start: int) -> bool:
    """Does the content at ``start`` open with, or follow, "che" / "di" (a reported clause, not an object)?"""
    before = doc.text[max(0, start - 5):start].split()
    after = doc.text[start:start + 4].split()
    return bool((before and before[-1].lower() in ("che", "di")) or (after and after[0].lower() in ("di", "d'")))


_COPULAS = frozenset({"è", "c'è", "sono", "fu", "furono", "era", "erano", "sarebbe", "sarebbero", "sarà", "saranno"})


def _cleft(doc: Document, sent: Sentence, cue: Cue) -> list[Attribution]:
    """"A chiedere che si faccia presto c'è anche Matteo Salvini": the speaker follows the copula."""
    m = cue.last + 1
    while m < sent.t1 and m - cue.last <= 30 and doc.low[m] not in _COPULAS:
        m += 1
    if m >= sent.t1 or doc.low[m] not in _COPULAS or m == cue.last + 1:
        return []
    k = m + 1
    while k < sent.t1 and (doc.low[k] in _BE_PARTICIPLES or is_adverb_word(doc.low[k]) or doc.low[k] in ("ci",)):
        k += 1
    np = right_np(doc, k, sent.t1)
    if np is None or not can_speak(doc, *np):
        return []
    c0 = cue.last + 1
    if doc.low[c0] == "che":
        c0 += 1
    end = m - 1 if doc.low[m - 1] not in ("c'", "ci") else m - 2  # "c'è"
    content = _content(doc, doc.tokens[c0].start, doc.tokens[end].end) if c0 <= end else None
    if content is None:
        return []
    speaker, _ = _with_apposition_right(doc, np, sent.t1)
    return [Attribution(sent.sent_id, content[0], content[1], speaker, _tok_span(doc, cue.first - 1, cue.last + 1),
                        cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start)]


_BE_PARTICIPLES = frozenset({"stato", "stata", "stati", "state"})


def _skip_parenthesis_end(doc: Document, k: int, hi: int) -> int:
    """The first token at or after ``k`` that is a bracket or sentence stop (``hi - 1`` at most)."""
    while k < hi - 1 and doc.tokens[k].text not in (")", "(", ".", ";"):
        k += 1
    return k


def _skip_parenthesis(doc: Document, k: int, hi: int) -> int:
    """Past a parenthesis opening at token ``k`` ("(tradotto in Italia da …)")."""
    if k < hi and doc.tokens[k].text == "(":
        j = k + 1
        while j < hi and doc.tokens[j].text != ")" and j - k < 30:
            j += 1
        if j < hi and doc.tokens[j].text == ")":
            return j + 1
    return k


def _clause_opening(doc: Document, sent: Sentence, i: int) -> bool:
    """Does token ``i`` open a clause (sentence start, after a comma, a quotation mark or a connective)?"""
    k = i
    while k > sent.t0 and (doc.low[k - 1] in ("e", "ed", "ma", "anche", "però", "invece", "insomma", "infatti", "poi", "già")
                           or doc.tokens[k - 1].text in _OPENING):
        k -= 1
    return k == sent.t0 or doc.tokens[k - 1].text in (",", ";", ":", "(") or doc.tokens[k - 1].text in _DASHES


def _per_source_ok(doc: Document, np: tuple[int, int]) -> bool:
    """"per il ministro" as a source: a speaker-like phrase, not a beneficiary ("per i bambini", "per tutti")."""
    k = _first_content(doc, np)
    if doc.low[k] in ("tutti", "tutte", "molti", "alcuni", "questo", "questa", "ora", "esempio", "fortuna", "caso"):
        return False
    # a partisan or an expert group: "per i renziani", "per gli analisti", "per il leghista"
    return is_speakerlike(doc, *np) or np_tags(doc, k) in ("NAME", "ROLE") or doc.low[k].endswith(("ista", "isti", "iste", "iani"))


def _according(doc: Document, sent: Sentence, state: _State, cues: list[Cue]) -> list[Attribution]:
    low = doc.low
    rows: list[Attribution] = []
    cue_heads = {c.head for c in cues}
    i = sent.t0
    while i < sent.t1:
        w = low[i]
        prev = low[i - 1] if i > sent.t0 else ""
        start = i
        np = None
        cue_end = i + 1
        lemma = None
        if w == "secondo" and prev not in DET | DI | A | PREP | DA and prev not in ("in", "un", "il", "al", "nel"):
            j = i + 1
            lemma = "secondo"
            if j < sent.t1 and low[j] in ("cui",) or (j + 1 < sent.t1 and low[j] in ("il", "la", "i", "le") and low[j + 1] in ("quale", "quali")):
                rows += _according_relative(doc, sent, i, j + (1 if low[j] == "cui" else 2), cues)
                i = j + 1
                continue
            cue_here = next((c for c in cues if j + 1 < sent.t1 and low[j] == "quanto" and c.first == j + 1), None)
            if cue_here is not None:
                # "Secondo quanto aveva spiegato venerdì ai giornalisti il vicecapo …, Andre Anderson, …"
                np, _, _ = _speaker_after(doc, cue_here.last + 1, sent.t1)
                if np is not None and can_speak(doc, *np):
                    info, after = _with_apposition_right(doc, np, sent.t1)
                    rows += _according_content(doc, sent, i, after, info, _tok_span(doc, i, cue_here.last + 1),
                                               "secondo")
                    i = max(after, i + 1)
                    continue
            if j < sent.t1 and low[j] == "quanto":
                anon = _impersonal_report(doc, j + 1, sent.t1)
                if anon is not None:
                    # "Secondo quanto si apprende, …", "secondo quanto è stato ricostruito finora": no source named
                    rows += _according_content(doc, sent, i, anon, None, _tok_span(doc, i, anon), "secondo quanto",
                                               anonymous=True)
                    i = anon
                    continue
                j += 1
                if j in cue_heads or (j < sent.t1 and low[j] in ("ha", "è", "hanno", "si", "emerso", "emerge", "appreso",
                                                             "apprende", "apprendono")):
                    # "secondo quanto riporta/ha riferito X": the cue belongs to this phrase
                    while j < sent.t1 and np_tags(doc, j) not in ("DET", "NAME", "DA", "DI") and j - i < 6:
                        j += 1
            if j < sent.t1 and low[j] in _NOT_SOURCES_AFTER_SECONDO:
                i += 1
                continue
            if j < sent.t1 and low[j] in ("lui", "lei", "loro"):
                if state.last_speaker is not None:
                    rows += _according_content(doc, sent, start, j + 1, state.last_speaker,
                                               _tok_span(doc, i, i + 1), lemma)
                i = j + 1
                continue
            cue_end = j
            np = right_np(doc, j, sent.t1) or _indefinite_source(doc, j, sent.t1)
            if np is not None and np[0] > j + 1 and np_tags(doc, j) not in ("DA", "DI"):
                np = None
        elif w == "a" and i + 2 < sent.t1 and low[i + 1] == "quanto" and any(c.first == i + 2 for c in cues):
            # "che a quanto riferiscono fonti vicine alla trattativa troverebbe …": like "secondo quanto"
            cue_here = next(c for c in cues if c.first == i + 2)
            np, _, _ = _speaker_after(doc, cue_here.last + 1, sent.t1)
            if np is not None and (can_speak(doc, *np) or is_speakerlike(doc, *np)):
                info, after = _with_apposition_right(doc, np, sent.t1)
                rows += _according_content(doc, sent, i, after, info, _tok_span(doc, i, cue_here.last + 1), "a quanto")
                i = max(after, i + 1)
                continue
            i += 1
            continue
        elif w == "stando" and i + 1 < sent.t1 and low[i + 1] in A:
            lemma = "stando a"
            cue_end = i + 2
            np = right_np(doc, i + 2, sent.t1) if low[i + 1] in ("a", "ad") else _np_after_contraction(doc, i + 1, sent.t1)
        elif w in ("a", "ad") and i + 2 < sent.t1 and low[i + 1] in ("suo", "sua", "loro") \
                and low[i + 2] in ("dire", "giudizio", "parere", "avviso", "detta"):
            # "a suo dire", "a loro avviso": the owner is the last speaker, or unnamed in this sentence
            speaker = state.last_speaker
            if speaker is None and low[i + 1] in ("suo", "sua"):
                subj = sentence_subject(doc, sent, i)  # "Vito Crimi vuole … che - a suo dire - …"
                speaker = describe(doc, *subj) if subj is not None and describe(doc, *subj).type == "person" else None
            rows += _according_content(doc, sent, i, i + 3, speaker, _tok_span(doc, i, i + 3),
                                       f"a {low[i + 1]} {low[i + 2]}", anonymous=speaker is None)
            i += 3
            continue
        elif w in ("nelle", "con") and i + 2 < sent.t1 and low[i + 1] == "parole" and low[i + 2] in DI:
            lemma = "nelle parole di"
            cue_end = i + 3
            np = right_np(doc, i + 2, sent.t1)
        elif w == "per" and _clause_opening(doc, sent, i):
            # "per il ministro, la crisi è finita", "Insomma, per i renziani si tratterebbe di …"
            np = right_np(doc, i + 1, sent.t1)
            if np is None or not can_speak(doc, *np) or np[1] >= sent.t1 or np_tags(doc, np[1]) in ("DI", "DA", "A", "PREP") \
                    or doc.low[np[1]] in ("che", "e", "ed", "o") or not _per_source_ok(doc, np):
                i += 1
                continue
            lemma = "per"
            cue_end = i + 1
        elif w in ("a", "ad") and i + 2 < sent.t1 and low[i + 1] in ("detta", "giudizio", "parere", "avviso", "dire") and low[i + 2] in DI:
            lemma = f"a {low[i + 1]} di"
            cue_end = i + 3
            np = right_np(doc, i + 2, sent.t1) or _indefinite_source(doc, i + 3, sent.t1)
        elif w == "si" and i + 1 < sent.t1 and low[i + 1] in ("legge", "apprende", "leggeva"):
            lemma = "si legge" if low[i + 1] != "apprende" else "si apprende"
            cue_end = i + 2
            # "si legge in una nota di X" / "si apprende da fonti di X"
            e = channel_at(doc, i + 2, sent.t1)
            k = i + 2
            channel = None
            if e > k:
                channel = (k, e)
                k = e
            while k < sent.t1 and low[k] not in DI | DA and k - i < 8 and doc.tokens[k].text not in _CLAUSE_ENDS \
                    and doc.tokens[k].text not in _OPENING and doc.tokens[k].text not in _DASHES:
                k += 1  # the source stays in the phrase: ", si legge nella nota, «per la firma …»" names none
            np = right_np(doc, k, sent.t1) if k < sent.t1 and low[k] in DI | DA else None
            close = next((m for m in range(i + 2, min(sent.t1, i + 9)) if doc.tokens[m].text == ","), None)
            if np is None and i > sent.t0 and doc.tokens[i - 1].text == "," and close is not None \
                    and all(doc.tokens[m].text not in _OPENING for m in range(i + 2, close)):
                # "La battaglia, si legge ancora nella nota, «non si ferma»": an inserted phrase with no named
                # source reports the whole sentence around it
                content = _content(doc, sent.start, sent.end)
                if content is not None:
                    row = Attribution(sent.sent_id, content[0], content[1], None, _tok_span(doc, i, i + 2), lemma,
                                      "reports", _tok_span(doc, *channel) if channel else None, head=doc.tokens[i].start)
                    rows.append(row)
                    i = close
                    continue
            if np is not None:
                phrase_end = np[1]
                info = describe(doc, *np)
                lead = i == sent.t0 or all(low[t] in ("e", "ma", "come", "quanto") for t in range(sent.t0, i))
                if lead or (i > sent.t0 and low[i - 1] in ("come",)):
                    c_start = doc.tokens[phrase_end].start if phrase_end < sent.t1 else sent.end
                    content = _content(doc, c_start, sent.end)
                else:
                    content = _content(doc, sent.start, doc.tokens[i].start)
                if content is not None:
                    rows.append(Attribution(sent.sent_id, "according_to", content[1], info, _tok_span(doc, i, i + 2),
                                            lemma, "reports", _tok_span(doc, *channel) if channel else None,
                                            head=doc.tokens[i].start))
                i = phrase_end
                continue
            q = _unnamed_quote_after(doc, sent, k)
            if q is not None:
                # "In una nota si legge: «…»", "si apprende che «…»": a quotation with no named source
                content = _content(doc, q, sent.end)
                if content is not None:
                    rows.append(Attribution(sent.sent_id, content[0], content[1], None, _tok_span(doc, i, i + 2), lemma,
                                            "reports", _tok_span(doc, *channel) if channel else None,
                                            head=doc.tokens[i].start))
                    break
            i += 1
            continue
        if np is None or lemma is None:
            i += 1
            continue
        if lemma == "secondo":
            h = _first_content(doc, np)
            while h < np[1] - 1 and low[h] in _POSSESSIVES:
                h += 1
            if low[h] in _NOT_SOURCE_HEADS:
                i += 1
                continue
            if (low[h] in _ESTIMATE_NOUNS or CHANNEL_NOUNS.get(low[h]) == "statement") and h + 1 < sent.t1 \
                    and np_tags(doc, h + 1) == "DI":
                # "secondo le stime di Marco Leonardi", "secondo denunce di varie associazioni": the owner speaks;
                # "secondo le stime di crescita", "secondo la loro coscienza" name no source
                owner = right_np(doc, h + 1, sent.t1)
                if owner is None or not can_speak(doc, *owner):
                    i += 1
                    continue
                np = owner
        known = is_speakerlike(doc, *np) or low[np[0]] in SOURCE_NOUNS or low[_first_content(doc, np)] in SOURCE_NOUNS
        set_off = _set_off_source(doc, sent, i, np) if lemma in ("secondo", "stando a") and not known else None
        if lemma != "per" and not known and set_off is None:
            i += 1
            continue
        if set_off is not None:
            np = (np[0], set_off)  # the participle belongs to the source phrase: "le indagini appena avviate"
        phrase_end = np[1]
        rows += _according_content(doc, sent, start, phrase_end, describe(doc, *np), _tok_span(doc, i, cue_end), lemma)
        i = phrase_end
    return rows


_PARTICIPLE_RE = re.compile(r"[a-zàèéìòù]{3,}(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute)$")


#: Indefinite pronouns that stand for unnamed sources: "secondo molti", "a detta di alcuni".
_INDEFINITE_SOURCES = frozenset({"molti", "tanti", "alcuni", "parecchi", "diversi", "vari", "taluni", "altri", "più"})


def _indefinite_source(doc: Document, j: int, hi: int) -> tuple[int, int] | None:
    """An indefinite pronoun alone as the source (followed by punctuation or a new word class), else ``None``."""
    if j < hi and doc.low[j] in _INDEFINITE_SOURCES and (j + 1 >= hi or np_tags(doc, j + 1) not in ("WORD", "NAME", "ROLE", "ADJ")
                                                        or is_adverb_word(doc.low[j + 1])):
        return j, j + 1
    return None


def _set_off_source(doc: Document, sent: Sentence, i: int, np: tuple[int, int]) -> int | None:
    """"Secondo l'accusa, …", "…, sempre secondo i pubblici ministeri, …": a "secondo" phrase set off by commas.

    Returns where the source phrase ends (after a participle: "le indagini appena avviate"), else ``None``.

    Punctuation on both sides marks the phrase as a source whatever its head noun (an investigation, the
    prosecution, reconstructions); the heads of rules and ordinals are kept out by the callers' word lists.
    """
    k = i - 1
    while k >= sent.t0 and is_adverb_word(doc.low[k]):
        k -= 1  # "sempre secondo", "infatti secondo"
    opened = k < sent.t0 or doc.tokens[k].text in (",", "(", ";", ":") or doc.tokens[k].text in _DASHES \
        or doc.low[k] in ("che", "e", "ed", "ma", "perché", "poiché", "cui")
    e = np[1]
    while e < min(sent.t1, np[1] + 3) and (is_adverb(doc.low[e]) or _PARTICIPLE_RE.search(doc.low[e])):
        e += 1  # "secondo le indagini appena avviate, …"
    closed = e < sent.t1 and (doc.tokens[e].text in (",", ")", ":") or doc.tokens[e].text in _DASHES)
    head = doc.low[_first_content(doc, np)]
    ok = opened and closed and head not in _NOT_SOURCES_AFTER_SECONDO and head not in _NOT_SOURCE_HEADS \
        and np_tags(doc, _first_content(doc, np)) in ("WORD", "NAME", "ROLE")
    return e if ok else None


def _unnamed_quote_after(doc: Document, sent: Sentence, k: int) -> int | None:
    """Start of a quotation opening right after "si legge:" / "si apprende che" (at token ``k``), else None.

    Only a colon or "che" may stand between; the quotation must open there and run to the end of the
    sentence (or stay open), so "si legge che il «piano» è pronto" is not taken here.
    """
    if k < sent.t1 and doc.tokens[k].text in (":", "che"):
        k += 1
    if k >= sent.t1 or doc.tokens[k].text not in _OPENING:
        return None
    start = doc.tokens[k].start
    for q in doc.quotes_overlapping(start, sent.end):
        if q.open == start:
            tail = doc.text[q.close:sent.end] if q.close <= sent.end else ""
            return start if not any(c.isalnum() for c in tail) else None
    return start  # the quotation stays open past the sentence


def _according_relative(doc: Document, sent: Sentence, i: int, c0: int, cues: list[Cue]) -> list[Attribution]:
    """"il ministro, secondo cui la crisi è finita": the antecedent is the source."""
    k = i
    if k - 1 >= sent.t0 and doc.tokens[k - 1].text == ",":
        k -= 1
    np = left_np(doc, k, sent.t0)
    if np is None or not can_speak(doc, *np) or c0 >= sent.t1:
        return []
    end = sent.end
    for c in cues:
        if c.first > c0 and c.first - 1 > c0 and doc.tokens[c.first - 1].text == ",":
            end = doc.tokens[c.first - 1].start  # "…, secondo cui …, ha detto": the relative ends at the main clause
            break
    content = _content(doc, doc.tokens[c0].start, end)
    if content is None:
        return []
    return [Attribution(sent.sent_id, "according_to", content[1], describe(doc, *np), _tok_span(doc, i, c0), "secondo",
                        "reports", None, head=doc.tokens[i].start)]


def _first_content(doc: Document, np: tuple[int, int]) -> int:
    k = np[0]
    while k < np[1] - 1 and np_tags(doc, k) == "DET":
        k += 1
    return k


def _np_after_contraction(doc: Document, i: int, hi: int) -> tuple[int, int] | None:
    """A noun phrase after an article-preposition ("stando alle fonti")."""
    return right_np(doc, i + 1, hi)


def _colon(doc: Document, sent: Sentence, used: list[tuple[int, int]]) -> list[Attribution]:
    """"Il ministro: «…»"."""
    rows = []
    for i in range(sent.t0 + 1, sent.t1 - 1):
        if doc.tokens[i].text != ":":
            continue
        nxt = doc.tokens[i + 1]
        q = doc.quote_opening_at(nxt.start) if nxt.text in _OPENING else None
        if q is None or quote_word_count(doc.text, q) < 2:
            continue
        if any(s <= q.start < e for s, e in used):
            continue
        np = left_np(doc, i, sent.t0)
        if np is not None:
            # "il commento di Rossi: «…»": the owner of a statement noun speaks
            k = _skip_det(doc, np[0], np[1])
            if k + 2 < np[1] and CHANNEL_NOUNS.get(doc.low[k]) == "statement" and np_tags(doc, k + 1) == "DI" \
                    and can_speak(doc, k + 2, np[1]):
                np = (k + 2, np[1])
        if np is not None and np[0] - 2 >= sent.t0 and np_tags(doc, np[0] - 1) == "DI" \
                and CHANNEL_NOUNS.get(doc.low[np[0] - 2]) == "statement" and can_speak(doc, *np):
            pass  # "Tranchant invece il giudizio di Giulio: «…»": the owner of the statement
        elif np is None or not can_speak(doc, *np) or _is_preceded_by_preposition(doc, np, sent.t0) or (
                np[0] > sent.t0 and doc.tokens[np[0] - 1].text not in (",", ".", "(", "-", "–", "—")
                and np_tags(doc, np[0] - 1) not in ("CONJ",)):
            # "Calenda sogna: «…»", "Jill chiamò la mamma: «…»": the subject and a short predicate
            np = _colon_subject(doc, sent, i, q)
            if np is None:
                continue
        rows.append(Attribution(sent.sent_id, "direct", (q.start, q.end), describe(doc, *np), None, None, None, None,
                                head=None))
    return rows


def _colon_subject(doc: Document, sent: Sentence, i: int, q: Quote) -> tuple[int, int] | None:
    """The speaker of "X …: «…»" when the noun phrase is not right before the colon."""
    np = sentence_subject(doc, sent, i)
    if np is not None and 1 <= i - np[1] <= 6 and doc.tokens[np[1]].text[:1].islower() and not any(
            np_tags(doc, k) == "PUNCT" or doc.low[k] in ("che", "e", "ed", "ma", "se", "cui") for k in range(np[1], i)):
        return np
    if quote_word_count(doc.text, q) < 3:
        return None
    # the clause before the colon: no other quotation, colon or sentence stop in it
    lo = i - 1
    while lo > sent.t0 and i - lo < 30 and doc.tokens[lo - 1].text not in (":", ";", ".", "?", "!") \
            and not (doc.tokens[lo - 1].text in _CLOSING and doc.quote_closing_at(doc.tokens[lo - 1].start) is not None):
        lo -= 1
    if i - lo >= 30:
        return None
    # an agent next to the colon: "come quello dedicato a Letta da un utente: «…»"
    k = i - 1
    while k > lo and np_tags(doc, k) != "DA" and doc.tokens[k].text not in (",",):
        k -= 1
    if k > lo and np_tags(doc, k) == "DA":
        np = right_np(doc, k, i)
        if np is not None and np[1] == i and can_speak(doc, *np):
            return np
    # the named person opening the clause: "Travaglio, doppia pagina sul Fatto …: «…»",
    # "Delusa anche Lela, che … si sarebbe aspettata altro: «…»"
    for k in range(lo, min(i, lo + 4)):
        if np_tags(doc, k) in ("NAME", "DET", "ROLE") and (k == lo or np_tags(doc, k - 1) not in ("DI", "DA", "A", "PREP", "DET")):
            np = right_np(doc, k, i)
            if np is not None and can_speak(doc, *np) and describe(doc, *np).type == "person" and np[1] < i \
                    and doc.tokens[np[1]].text == ",":
                return np
    return None


def _continuations(doc: Document, rows: list[Attribution]) -> list[Attribution]:
    """Quotations opening a sentence after an attributed one keep its speaker (one pass over both, in order)."""
    out: list[Attribution] = []
    by_start = sorted(rows, key=lambda r: r.content[0])
    starts_sorted = [r.content[0] for r in by_start]
    max_end: list[int] = []
    for r in by_start:
        max_end.append(max(r.content[1], max_end[-1]) if max_end else r.content[1])
    by_end = sorted((r for r in rows if r.speaker is not None and r.type in ("direct", "mixed", "indirect")),
                    key=lambda r: r.content[1])
    starts = {s.start: s for s in doc.sentences}
    k = 0
    last: Attribution | None = None
    for q in doc.quotes:
        while k < len(by_end) and by_end[k].content[1] <= q.open:
            if last is None or by_end[k].content[0] >= last.content[0]:
                last = by_end[k]
            k += 1
        sent = starts.get(q.open)
        if sent is None or quote_word_count(doc.text, q) < 4:
            continue
        n = bisect_left(starts_sorted, q.end)  # rows starting before the quotation ends
        if n and max_end[n - 1] > q.start:
            continue  # already attributed
        # the quotation must end its sentence: "«…»." not "«Titolo» ha vinto"
        after = doc.text[q.close:q.close + 3].lstrip()
        if after and after[0] not in ".!?…" and after[0] not in "\n" and q.close < sent.end - 1:
            continue
        if last is None:
            continue
        gap = doc.sentence_index(q.open - 1) - doc.sentence_index(last.content[1] - 1)
        if gap > 1:
            continue
        out.append(Attribution(sent.sent_id, "direct", (q.start, q.end), last.speaker, None, None, None, None))
    return out


# --- the document pass ---------------------------------------------------------------


_FUTURE_OR_CONDITIONAL = ("rà", "ranno", "rò", "rebbe", "rebbero", "ressi", "resse", "ressero")


def _hypothetical(doc: Document, sent: Sentence, cue: Cue) -> bool:
    """A cue in the future or conditional inside a "se" clause: a condition, not a report."""
    if cue.form != "finite" or not doc.low[cue.head].endswith(_FUTURE_OR_CONDITIONAL):
        return False
    for k in range(cue.first - 1, max(sent.t0, cue.first - 10) - 1, -1):
        if doc.tokens[k].text in (",", ";", ":", "(", ")") or doc.tokens[k].text in _DASHES:
            return False
        if doc.low[k] == "se":
            return True
    return False


SYNTAX_MODE = "rules_first"
SPEAKER_MODE = "syntax"


def _syntax_row(doc: Document, sent: Sentence, cue: Cue, frame, state: _State, sent_rows) -> list[Attribution]:
    s = doc.tokens[frame.content[0]].start
    e = _extend_over_quote(doc, doc.tokens[frame.content[1] - 1].end, s)
    content = _content(doc, s, e)
    if content is None:
        return []
    kind, span = content
    speaker = None
    if SPEAKER_MODE == "rules":
        speaker = _speaker_of_cue(doc, sent, cue, None, None, sent_rows, state)
    if speaker is None and frame.subject is not None:
        if not can_speak(doc, *frame.subject):
            return []
        speaker = describe(doc, *frame.subject)
    if speaker is None and SPEAKER_MODE != "rules" and not cue.passive:
        speaker = _speaker_of_cue(doc, sent, cue, None, None, sent_rows, state)
    if speaker is None and cue.reflexive:
        return []
    channel = frame.channel
    if channel is None:
        channel = find_channel(doc, sent.t0, sent.t1, prefer_near=cue.first)
        if channel is not None and channel[0] >= frame.content[0] and channel[1] <= frame.content[1]:
            channel = None
    row = Attribution(sent.sent_id, kind, span, speaker, _tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                      _tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)
    if speaker is None:
        row.extra["speaker_type"] = "anonymous" if cue.passive else None
    return [row]


def find_attributions(doc: Document, nlp=None) -> list[Attribution]:
    """Every attribution of a document, nested sourcing linked (``via_ref``)."""
    from .frames import verb_frame
    from .parse import parse_sentences
    state = _State()
    rows: list[Attribution] = []
    pending: tuple[tuple[int, int], str, str, SpeakerInfo | None] | None = None
    parsing = nlp is not None and SYNTAX_MODE != "rules"
    cues_of = [find_cues(doc, sent, by_lemma=parsing) for sent in doc.sentences]
    if parsing:
        doc.parses = parse_sentences(doc, [k for k, c in enumerate(cues_of) if c], nlp)
    from .grammar import is_verb
    from .grammar import person_of
    cues_of = [[c for c in cues if not c.by_lemma or (k in doc.parses and is_verb(doc.parses[k], c.head)
                                                      and person_of(doc.parses[k], c.head) in (None, "3"))]
               for k, cues in enumerate(cues_of)]
    for k_sent, sent in enumerate(doc.sentences):
        if pending is not None:
            rows += _quote_after_colon_cue(doc, sent, pending)
            pending = None
        all_cues = cues_of[k_sent]
        parse = doc.parses.get(k_sent)
        cues = []
        sent_rows: list[Attribution] = []
        for c in all_cues:
            q = doc.quote_containing(doc.tokens[c.head].start)
            if q is None or not q.opened:
                cues.append(c)  # cues in a quotation that opened before the text are the text's own
            else:
                inserted = _inserted(doc, sent, c, q, state)
                sent_rows += inserted
                if not inserted and not q.closed and doc.tokens[c.first - 1].text not in _DASHES \
                        and len(doc.text[q.start:doc.tokens[c.first].start].split()) >= 3 \
                        and (_speaker_left(doc, sent, c.first) or sentence_subject(doc, sent, c.first)) is not None:
                    # a quotation mark never closed ("\"A seguito delle …, AIFA precisa che …"): read the cue as usual
                    cues.append(c)
        seg_start = sent.start
        according = _according(doc, sent, state, cues)
        claimed = {r.head for r in according}
        claimed_cues = [r.cue for r in according if r.cue is not None]
        for n, cue in enumerate(cues):
            if doc.tokens[cue.first].start in claimed or doc.tokens[cue.head].start in claimed:
                continue
            if any(s <= doc.tokens[cue.head].start < e for s, e in claimed_cues):
                continue  # "secondo quanto riferito da X": the verb belongs to the according-to phrase
            if _hypothetical(doc, sent, cue):
                continue  # "il cessate il fuoco ci sarà se Gheddafi annuncerà la sua partenza": nothing was said
            if cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] in ("come",) and not cue.passive:
                # "come riferisce l'Ansa, …", "come ricorda il leghista, …": an according-to phrase
                k = _skip_adverbs(doc, cue.last + 1, sent.t1)
                np = right_np(doc, k, sent.t1)
                if np is not None and (is_speakerlike(doc, *np) or can_speak(doc, *np)):
                    sent_rows += _according_content(doc, sent, cue.first - 1, np[1], describe(doc, *np),
                                                    _tok_span(doc, cue.first - 1, cue.last + 1), cue.lemma)
                elif _clause_opening(doc, sent, cue.first - 1) and cue.form == "finite" and not cue.reflexive:
                    # "Come racconta in un libro, …": the speaker is not named in this sentence
                    e = channel_at(doc, k, sent.t1)
                    end = e if e > k else k
                    end = _skip_parenthesis(doc, end, sent.t1)
                    if end < sent.t1 and doc.tokens[end].text == ",":
                        rows_c = _according_content(doc, sent, cue.first - 1, end, state.last_speaker,
                                                    _tok_span(doc, cue.first - 1, cue.last + 1), cue.lemma, anonymous=True)
                        for r in rows_c:
                            r.extra.pop("speaker_type", None)
                            if e > k:
                                r.channel = _tok_span(doc, k, e)
                        sent_rows += rows_c
                continue
            nxt = cues[n + 1] if n + 1 < len(cues) else None
            found: list[Attribution] = []
            frame = verb_frame(doc, cue, parse) if parse is not None else None
            if parse is not None and frame is None and SYNTAX_MODE == "strict" and not cue.clitic and cue.form != "participle":
                continue
            if frame is not None and SYNTAX_MODE in ("syntax_first", "strict"):
                found = _syntax_row(doc, sent, cue, frame, state, sent_rows)
                if found:
                    for r in found:
                        if r.speaker is not None:
                            state.last_speaker = r.speaker
                    seg_start = max(seg_start, doc.tokens[cue.last].end)
                    sent_rows += found
                    continue
            if cue.form == "infinitive" and cue.first - 1 == sent.t0 and doc.low[sent.t0] in ("a", "ad"):
                sent_rows += _cleft(doc, sent, cue)
                continue
            if cue.passive:
                found = _passive(doc, sent, cue, state)
            elif cue.clitic and doc.low[cue.first] in ("lo", "l'"):
                # the clitic is the object: what precedes, or what follows a colon ("Lo promette X: …")
                found = _clitic(doc, sent, cue, state)
            else:
                marker = _find_marker(doc, sent, cue)
                opened = _inserted_open(doc, sent, cue, state)
                if opened:
                    found = opened
                elif marker is not None:
                    found = _forward(doc, sent, cue, marker, nxt, sent_rows, state,
                                     tuple(r.cue[0] for r in according if r.cue is not None))
                elif cue.clitic:
                    found = _clitic(doc, sent, cue, state)
                else:
                    found = _quote_colon_subject(doc, sent, cue) \
                        or _postposed(doc, sent, cue, seg_start, state) or _object_report(doc, sent, cue, state) \
                        or _predicate_report(doc, sent, cue)
            if not found and frame is not None and SYNTAX_MODE == "rules_first":
                found = _syntax_row(doc, sent, cue, frame, state, sent_rows)
            if cue.lemma in OPINION_LEMMAS:
                # "X ritiene che …" is a report of X's view; "pensa di partire", "crede nel progetto" are not
                found = [r for r in found if r.speaker is not None and r.cue_lemma == cue.lemma
                         and r.type != "according_to" and _after_che(doc, cue, r)]
            # "ha commentato quanto è accaduto:" at the end of a sentence: the words follow in the next one
            found = [r for r in found if r.type == "direct" or doc.text[r.content[1]:sent.end].strip() != ":"
                     or _introduced_clause(doc, r.content[0])]
            if cue.reflexive:
                # "si chiede se", "si è detto pronto": only with a written speaker ("si dice che" is impersonal)
                found = [r for r in found if r.speaker is not None or r.type == "direct"]
            for r in found:
                if r.speaker is not None and r.type != "according_to":
                    state.last_speaker = r.speaker
            if found:
                seg_start = max(seg_start, doc.tokens[cue.last].end)
            sent_rows += found
        used = [r.content for r in sent_rows]
        sent_rows += _colon(doc, sent, used)
        for r in according:
            sent_rows.append(r)
        for r in sent_rows:
            if r.speaker is not None and r.type != "according_to" and r.cue is None:
                state.last_speaker = r.speaker
        for r in sent_rows:
            if r.speaker is None and r.cue is not None and r.type != "according_to":
                r.speaker = _speaker_before_colon(doc, sent, doc.token_index(r.cue[0]))
        rows += [r for r in sent_rows if _plausible(doc, r)]
        pending = _colon_cue_at_end(doc, sent, cues, sent_rows, state)
    rows += _continuations(doc, rows)
    return _link_sources(doc, rows)


def _colon_cue_at_end(doc: Document, sent: Sentence, cues: list[Cue], sent_rows: list[Attribution],
                      state: _State) -> tuple[tuple[int, int], str, str, SpeakerInfo | None] | None:
    """A sentence ending with a cue and a colon ("Quindi ha aggiunto:", "Il ministro ha spiegato:", "Si legge:")
    whose words are in the next sentence: (cue span, lemma, stance, speaker), else None."""
    if sent.t1 - 1 <= sent.t0 or doc.tokens[sent.t1 - 1].text != ":":
        return None
    k = sent.t1 - 2
    while k > sent.t0 and is_adverb_word(doc.low[k]):
        k -= 1
    if doc.low[k] == "legge" and doc.low[k - 1] == "si":
        return _tok_span(doc, k - 1, k + 1), "si legge", "reports", None
    cue = next((c for c in cues if c.last == k and not c.passive), None)
    if cue is None or any(r.cue is not None and r.cue[0] == doc.tokens[cue.first].start for r in sent_rows):
        return None
    speaker = _speaker_left(doc, sent, cue.first) or _relative_antecedent(doc, sent, cue.first)
    if speaker is None and cue.form in ("finite", "participle") and not cue.reflexive:
        np = sentence_subject(doc, sent, cue.first)
        speaker = describe(doc, *np) if np is not None else state.last_speaker
    return _tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance, speaker


def _quote_after_colon_cue(doc: Document, sent: Sentence,
                           pending: tuple[tuple[int, int], str, str, SpeakerInfo | None]) -> list[Attribution]:
    """The quotation opening the sentence after a "…ha aggiunto:" sentence is what the cue reports."""
    first = doc.tokens[sent.t0]
    if first.text not in _OPENING:
        return []
    q = doc.quote_opening_at(first.start)
    if q is None:
        return []
    end = q.end if q.closed else sent.end
    span = _trim(doc, q.start, end)
    if span is None:
        return []
    cue_span, lemma, stance, speaker = pending
    return [Attribution(sent.sent_id, "direct", span, speaker, cue_span, lemma, stance, None, head=cue_span[0])]


_AUXILIARIES = frozenset({"ha", "hanno", "aveva", "avevano", "avrebbe", "avrebbero", "è", "sono", "era", "erano"})


def _speaker_before_colon(doc: Document, sent: Sentence, i: int) -> SpeakerInfo | None:
    """"È giunto anche Davide Casaleggio: ha sostenuto che …": a cue with no subject opening the clause after a
    colon is said by the person named just before the colon."""
    k = i
    while k > sent.t0 and (doc.low[k - 1] in _AUXILIARIES or is_adverb_word(doc.low[k - 1]) or doc.low[k - 1] in ("poi", "anche")):
        k -= 1
    if k - 1 <= sent.t0 or doc.tokens[k - 1].text != ":":
        return None
    np = left_np(doc, k - 1, sent.t0)
    if np is None or not can_speak(doc, *np) or np_tags(doc, np[1] - 1) not in ("NAME", "ROLE"):
        return None
    return describe(doc, *np)


#: Agents that state nothing: "allusioni smentite dai fatti", "ipotesi confermata dai dati".
_NOT_AGENT_HEADS = frozenset({"fatti", "fatto", "dati", "numeri", "cifre", "risultati", "immagini", "prove", "evidenze",
                              "eventi", "circostanze", "esami", "analisi", "test", "tamponi"})
#: What one can be denied rather than a statement one denies: "negare ai manifestanti il permesso di riunirsi".
_GRANTED_NOUNS = frozenset({"permesso", "autorizzazione", "accesso", "visto", "licenza", "asilo", "cittadinanza",
                            "ingresso", "possibilità", "diritto", "consenso"})
#: A content that only points at events ("A rivelare quanto accaduto è stato X"): no statement is reported.
_EVENT_REFERENCE = re.compile(r"^(?:quanto|ciò che|quello che|cosa|che cosa)\s+(?:è\s+|era\s+|e'\s+)?(?:stato\s+|stata\s+)?"
                              r"(?:accaduto|successo|avvenuto|capitato)$", re.I)


def _plausible(doc: Document, r: Attribution) -> bool:
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
        between = re.findall(r"\w+", text[r.cue[1]:r.content[0]].lower())
        if any(w in _GRANTED_NOUNS for w in between):
            return False
    if r.speaker is not None and 0 <= r.content[0] - r.speaker.end <= 3 and r.content[0] > r.speaker.start \
            and text[r.speaker.end:r.content[0]].strip() in (",", ""):
        words = re.findall(r"\w+", content)
        if 0 < len(words) <= 5 and all(w[0].isupper() or len(w) <= 4 for w in words):
            return False  # "– scrive il presidente, mons José Gómez": the speaker's name, not a report
    return True


#: Cues whose object is named and then described ("ha definito Psaki «…»", "descrive il piano come …").
_NAMING_LEMMAS = frozenset({"definire", "descrivere", "bollare", "chiamare"})
#: Verbs of opinion: attributed only with a written speaker and a "che" clause.
OPINION_LEMMAS = frozenset({"pensare", "credere", "ritenere"})


def _after_che(doc: Document, cue: Cue, row: Attribution) -> bool:
    """Is the content of ``row`` a "che" clause right after the cue (adverbs, time words or a comma between)?"""
    k = cue.last + 1
    while k < len(doc.tokens) and (is_adverb_word(doc.low[k]) or doc.low[k] in _TIME_WORDS or doc.tokens[k].text == ","):
        k += 1
    return k < len(doc.tokens) and doc.low[k] == "che" and row.content[0] >= doc.tokens[k].end


def _link_sources(doc: Document, rows: list[Attribution]) -> list[Attribution]:
    """Nested sourcing: an outer source becomes the inner attribution's ``via`` and stays a row of its own
    ("Secondo l'agenzia TASS, il ministro ha dichiarato …": a TASS row and the minister's row via TASS)."""
    drop: set[int] = set()
    for n, outer in enumerate(rows):
        if outer.reporting:
            # "Lo riporta X": the attributions of the sentences before it in its paragraph
            para = outer.extra.get("paragraph")
            idx = outer.extra.get("sentence_index", 0)
            before = {s.sent_id for s in doc.sentences[:idx] if s.para_id == para}
            inner = [r for r in rows if r is not outer and r.sent_id in before and not r.reporting and r.via_ref is None]
            for r in inner:
                r.via_ref = outer  # the outer source stays a row of its own: a source the article cites
            continue
        if outer.extra.get("parenthetical"):
            continue  # a bracketed source covers the words before it, not the reports around them
        if outer.type == "according_to" or (outer.speaker is not None and outer.speaker.type == "media" and outer.cue_lemma in REPORTING_LEMMAS):
            s, e = outer.content
            inner = [r for r in rows if r is not outer and r.head is not None and s <= r.head < e and r.type != "according_to"]
            if inner and outer.speaker is None:
                # "A suo dire …, perché, spiega, «…»": no outer source to pass on; the content stops before the report
                cut = min(min(r.content[0], r.cue[0] if r.cue else r.content[0]) for r in inner)
                span = _trim(doc, s, cut)
                while span is not None and doc.text[span[0]:span[1]].split()[-1].lower() in ("perché", "che", "e", "ma", "poiché"):
                    span = _trim(doc, span[0], span[1] - len(doc.text[span[0]:span[1]].split()[-1]))
                if span is not None and _words_in(doc, span) >= 3:
                    outer.content = span
                continue
            for r in inner:
                if r.via_ref is None:
                    r.via_ref = outer
            continue
    for outer in rows:
        if outer.type in ("according_to",) or outer.cue is None:
            continue
        s, e = outer.content
        for r in rows:
            if r is outer or r.head is None or r.via_ref is not None:
                continue
            if s <= r.head < e and (r.speaker is None or outer.speaker is None or r.speaker.canonical != outer.speaker.canonical):
                r.via_ref = outer
    return [r for n, r in enumerate(rows) if n not in drop]

