"""Who speaks, read from the surface around a cue.

The subject on the cue's left, with an apposition on either side ("John Kirby,
portavoce del Pentagono, ha dichiarato"), the subject after it ("ha detto ieri
il ministro"), a gerund's or a relative clause's antecedent ("Serray, che
aveva dichiarato …"), the owner of a fronted statement ("Nella dichiarazione
di Putin …, ha chiarito"), the person named before a colon, or the last speaker.
"""
from __future__ import annotations

from .channels import channel_at
from .cues import Cue
from .document import Document, Sentence
from .lexicon import CHANNEL_NOUNS
from .rows import (
    CLAUSE_ENDS,
    CLOSING,
    DASHES,
    OPENING,
    TIME_WORDS,
    Attribution,
    State,
    is_preceded_by_preposition,
    skip_det,
)
from .speakers import SpeakerInfo, can_speak, describe, is_speakerlike, left_np, np_tags, right_np, sentence_subject
from .tags import DET, DI, RELATIVES, is_adverb_word

__all__ = [
    "INDEFINITE_SPEAKERS", "BE_PARTICIPLES", "with_apposition_right", "speaker_left", "speaker_of_cue",
    "speaker_after", "speaker_right", "relative_antecedent", "speaker_before_colon",
]

#: Indefinite pronouns that speak when they are the whole subject of a cue (listed as anonymous sources too).
INDEFINITE_SPEAKERS = frozenset({"qualcuno", "altri", "alcuni", "molti", "tanti"})
_CLITIC_WORDS = frozenset({"mi", "ti", "ci", "vi", "gli", "le", "si", "ne", "lo", "la", "li"})
BE_PARTICIPLES = frozenset({"stato", "stata", "stati", "state"})
_AUXILIARIES = frozenset({"ha", "hanno", "aveva", "avevano", "avrebbe", "avrebbero", "è", "sono", "era", "erano"})


def with_apposition_right(doc: Document, np: tuple[int, int], hi: int) -> tuple[SpeakerInfo, int]:
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
    if j + 1 < hi and doc.tokens[j].text == "," and np_tags(doc, skip_det(doc, j + 1, hi)) in ("ROLE", "ADJ"):
        role_np = right_np(doc, j + 1, hi)
        if role_np is not None:
            role_text = doc.text[doc.tokens[skip_det(doc, role_np[0], hi)].start:doc.tokens[role_np[1] - 1].end]
            role_info = describe(doc, *role_np)
            info = SpeakerInfo(info.start, info.end, info.canonical, "person" if info.type == "unknown" else info.type,
                               info.role or role_text, info.affiliation or role_info.affiliation)
            j = role_np[1]
            if j < hi and doc.tokens[j].text == ",":
                j += 1
    return info, j


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
        if not any(low[k] in BE_PARTICIPLES for k in range(max(sent.t0, cue_first - 12), cue_first)):
            return None
    for k in range(cue_first - 1, sent.t0, -1):
        t = doc.tokens[k].text
        if t in (";", ":", ".") or t in OPENING or t in CLOSING:
            return None
        if low[k] == "che" and doc.tokens[k - 1].text == "," and k + 1 < cue_first - 1:
            np = _speaking_np(doc, left_np(doc, k - 1, sent.t0))
            if np is not None:
                return describe(doc, *np)
            return None
        if np_tags(doc, k) == "DA" and k - 2 >= sent.t0 and (low[k - 2] in BE_PARTICIPLES or low[k - 3] in BE_PARTICIPLES):
            np = right_np(doc, k, cue_first)
            if np is not None and can_speak(doc, *np):
                return describe(doc, *np)  # "è stata data dalla Pfizer … spiegando"
    return None


def speaker_left(doc: Document, sent: Sentence, cue_first: int) -> SpeakerInfo | None:
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
    if j - 1 >= lo and doc.low[j - 1] in INDEFINITE_SPEAKERS and (
            j - 1 == lo or doc.tokens[j - 2].text in (",", ";", ":") or doc.low[j - 2] in ("e", "ed", "ma", "mentre", "poi")):
        return describe(doc, j - 1, j)  # "Qualcuno racconta che …, altri affermano che …"
    if j - 1 >= lo and doc.tokens[j - 1].text == ",":
        inner = left_np(doc, j - 1, lo)
        if inner is not None and inner[0] - 1 >= lo and doc.tokens[inner[0] - 1].text == ",":
            outer = left_np(doc, inner[0] - 1, lo)
            if outer is not None and not is_preceded_by_preposition(doc, outer, lo):
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
            if np is not None and not is_preceded_by_preposition(doc, np, lo) and can_speak(doc, *np) \
                    and (np[0] == lo or doc.tokens[np[0] - 1].text in (",", ";", ":", "(") or doc.tokens[np[0] - 1].text in DASHES
                         or doc.low[np[0] - 1] in ("e", "ed", "ma", "poi", "quando", "mentre", "perché", "se", "cui", "che")):
                return describe(doc, *np)
        if inner is not None and inner[0] - 1 > lo and doc.tokens[inner[0] - 1].text == "," and can_speak(doc, *inner) \
                and any(np_tags(doc, m) == "NAME" for m in range(*inner)) and not is_preceded_by_preposition(doc, inner, lo):
            # "Il capo delle forze armate birmane, il generale Min Aung Hlaing, ha sostenuto": the named apposition
            return describe(doc, *inner)
        return None
    np = left_np(doc, j, lo)
    if np is None or is_preceded_by_preposition(doc, np, lo):
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


def speaker_of_cue(doc: Document, sent: Sentence, cue: Cue, inverted: tuple[int, int] | None, before: int | None,
                   sent_rows: list[Attribution], state: State) -> SpeakerInfo | None:
    """The speaker of a cue that reports forward, read from the surface: the subject on its left (with
    appositions), a gerund's or a relative clause's subject, a subject written after the cue (``inverted``,
    up to ``before``), the owner of a fronted statement, the sentence subject, or the last speaker."""
    low = doc.low
    lo = sent.t0
    # speaker
    speaker: SpeakerInfo | None = speaker_left(doc, sent, cue.first)
    if cue.form == "gerund":
        gs = _gerund_subject(doc, sent, cue.first)
        if gs is not None:
            speaker = gs
    if speaker is None and inverted is not None and before is not None:  # the two come together (a Marker's)
        speaker, _ = with_apposition_right(doc, inverted, before)
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
        if speaker is None and (prev == "" or prev == "," or doc.tokens[cue.first - 1].text in DASHES if cue.first - 1 >= lo else True):
            speaker = state.last_speaker
        if speaker is None and prev in ("e", "ed", ""):
            speaker = state.last_speaker
        if speaker is None and (cue.form == "finite" or cue.form == "participle" and cue.has_aux) and not cue.reflexive:
            # a clause without its own subject: the subject of the sentence ("X, …, fa un tweet … e dice: «…»")
            np = sentence_subject(doc, sent, cue.first)
            speaker = describe(doc, *np) if np is not None else state.last_speaker
    return speaker


def speaker_after(doc: Document, j: int, hi: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int]:
    """The subject written after a cue: (noun phrase, channel, next token).

    Skips adverbs and time words, a channel ("all'agenzia TASS") and an
    addressee followed by the subject ("ha spiegato ai giornalisti il vicecapo").
    """
    channel = None
    if j < hi and doc.low[j] == "loro":
        j += 1  # "ha detto loro il comandante"
    for _ in range(4):
        j0 = j
        while j < hi and (is_adverb_word(doc.low[j]) or doc.low[j] in TIME_WORDS):
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


def speaker_right(doc: Document, j: int, hi: int) -> tuple[tuple[int, int] | None, SpeakerInfo | None, int,
                                                            tuple[int, int] | None]:
    """The speaker written after a cue with its apposition: (noun phrase, speaker or None when the phrase cannot
    speak, first token after them, channel) — "Lo riporta l'agenzia PTI", "«…», ha detto X, portavoce, …"."""
    np, channel, after = speaker_after(doc, j, hi)
    speaker = None
    if np is not None and can_speak(doc, *np):
        speaker, after = with_apposition_right(doc, np, hi)
    return np, speaker, after, channel


def relative_antecedent(doc: Document, sent: Sentence, cue_first: int) -> SpeakerInfo | None:
    """"Italia viva, che aveva chiesto …", "le Regioni, che hanno già scritto al commissario chiedendo …"."""
    for k in range(cue_first - 1, max(sent.t0, cue_first - 9), -1):
        t = doc.tokens[k].text
        if t in CLAUSE_ENDS and t != ",":
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
                        not is_preceded_by_preposition(doc, np, sent.t0)
                        or (np_tags(doc, np[0] - 1) == "DI" and describe(doc, *np).type == "person")):
                    return describe(doc, *np)  # "la vicenda del segretario di Rifondazione che prima minaccia …"
            return None
    return None


def speaker_before_colon(doc: Document, sent: Sentence, i: int) -> SpeakerInfo | None:
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
