"""Speakers: the noun phrase that speaks, and what it is.

Noun phrases are found by walking tokens with the coarse classes of
:mod:`analysis.attribution.tags`: articles, role nouns, country adjectives,
capitalised names and ``di``-complements ("Il portavoce del Dipartimento di
Stato americano Matthew Miller"). :func:`describe` then tells the speaker's
type, role, affiliation and a first canonical name from the data files
(agencies and media, institutions, countries, anonymous-source phrases).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lemmatization import is_known_word
from .document import Document, Sentence
from .lexicon import (
    ANONYMOUS,
    CHANNEL_NOUNS,
    COMPANY_SUFFIXES,
    COUNTRY_ADJECTIVES,
    COUNTRY_METONYMS,
    COUNTRY_NAMES,
    INSTITUTIONS,
    MEDIA,
    PERSON_NOUNS,
    ROLES,
    SOURCE_NOUNS,
    STREET_WORDS,
    Entity,
    norm,
)
from .tags import NAME_PARTICLES, tag

__all__ = [
    "SpeakerInfo", "SpeakerType", "left_np", "right_np", "describe", "np_tags", "trim_np",
    "sentence_subject", "is_speakerlike", "can_speak", "looks_infinitive", "SUBJECT_PRONOUNS",
]

SpeakerType = str  # person | government | organization | media | country | anonymous | unknown

_HEAD_TAGS = ("NAME", "ROLE", "WORD", "ADJ", "NUM")
#: Articles that open a phrase naming one person or thing.
_SINGULAR_ARTICLES = frozenset({"il", "lo", "la", "l'", "un", "uno", "una", "un'"})


@dataclass(frozen=True)
class SpeakerInfo:
    """A speaker mention: character span, canonical name, type, role and affiliation."""

    start: int
    end: int
    canonical: str
    type: str
    role: str | None = None
    affiliation: str | None = None


_INFINITIVE_RE = re.compile(r"(?:are|ere|ire|rre|rsi|rlo|rla|rli|rle|rne|rci|rvi|rgli)$")


def looks_infinitive(word: str) -> bool:
    """"di aver nascosto", "di collaborare": a clause, not a noun complement."""
    return word in ("aver", "esser", "fare", "far") or bool(_INFINITIVE_RE.search(word))


def np_tags(doc: Document, i: int) -> str:
    t = doc.tokens[i]
    if doc.low[i] == "ad" and i > 0 and doc.low[i - 1] == "l'":
        return "ROLE"  # "l'ad" (amministratore delegato), not the preposition
    return tag(t.text, t.kind)


def _word_ok_left(doc: Document, j: int, lo: int) -> bool:
    """May the lower-case word at ``j`` sit inside a noun phrase (looking left)?"""
    t1 = np_tags(doc, j - 1) if j - 1 >= lo else ""
    t2 = np_tags(doc, j - 2) if j - 2 >= lo else ""
    low = doc.low[j]
    if low in INSTITUTIONS or low in ANONYMOUS or low in SOURCE_NOUNS or low in CHANNEL_NOUNS:
        return t1 in ("DET", "DI", "DA", "A", "ADJ", "") or j == lo
    if is_person_noun(low) and low not in COUNTRY_ADJECTIVES:
        return True  # a bare plural or a noun for people: "amici che ti chiedono", "cittadini"
    if t1 in ("DI", "DET", "ROLE"):
        return True
    if t1 == "WORD" and t2 in ("DI", "DET"):
        return True
    if t1 == "NAME" and t2 == "DI":
        return True  # "delle Risorse naturali"
    prev = doc.low[j - 1] if j - 1 >= lo else ""
    if prev in ANONYMOUS or prev in SOURCE_NOUNS or prev in INSTITUTIONS:
        return True  # an adjective after a head noun: "Fonti diplomatiche"
    return False


def left_np(doc: Document, end: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``end`` (not before ``lo``): ``[i0, i1)``."""
    j = end - 1
    taken: list[int] = []
    while j >= lo:
        tg = np_tags(doc, j)
        if tg in ("NAME", "ROLE", "ADJ"):
            taken.append(j)
        elif tg == "NUM" and taken:
            taken.append(j)
        elif tg == "DI" and taken and j - 1 >= lo and np_tags(doc, j - 1) in ("NAME", "ROLE", "WORD", "ADJ"):
            taken.append(j)
        elif tg == "WORD" and _word_ok_left(doc, j, lo):
            taken.append(j)
        elif tg == "DET":
            taken.append(j)
            # several determiners in a row ("il suo portavoce")
            if j - 1 >= lo and np_tags(doc, j - 1) == "DET":
                j -= 1
                continue
            break
        elif tg == "STOP" and doc.low[j] in NAME_PARTICLES and taken and np_tags(doc, taken[-1]) == "NAME" \
                and j - 1 >= lo and np_tags(doc, j - 1) == "NAME":
            taken.append(j)
        elif j == lo and doc.tokens[j].text[:1].isupper() and tg not in ("PUNCT", "DET", "DI", "DA", "A", "PREP", "CONJ"):
            taken.append(j)  # a sentence-initial surname that is also a word ("Conte")
        else:
            break
        j -= 1
    if not taken:
        return None
    i0, i1 = min(taken), max(taken) + 1
    return trim_np(doc, i0, i1)


def trim_np(doc: Document, i0: int, i1: int) -> tuple[int, int] | None:
    """Drop prepositions at the edges; ``None`` when no head word is left."""
    while i0 < i1 and np_tags(doc, i0) in ("DI", "DA", "A", "PREP", "CONJ", "PUNCT", "STOP"):
        i0 += 1
    while i1 > i0 and np_tags(doc, i1 - 1) in ("DI", "DA", "A", "PREP", "CONJ", "PUNCT", "DET", "STOP"):
        i1 -= 1
    if i0 >= i1 or not any(np_tags(doc, k) in ("NAME", "ROLE", "WORD") for k in range(i0, i1)):
        return None
    return i0, i1


_PARTITIVE_HEADS = frozenset({"uno", "una", "alcuni", "alcune", "molti", "molte", "tanti", "tante", "diversi", "diverse"})


#: Endings of finite verb forms that no noun or adjective has (conditional, imperfect plural).
_VERB_ENDINGS = ("rebbe", "rebbero", "avano", "evano", "ivano")


#: Personal pronouns that can be the subject written after a cue ("– aggiunge lei –").
SUBJECT_PRONOUNS = frozenset({"lui", "lei", "egli", "ella", "essa", "esso"})


def right_np(doc: Document, start: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``start`` (before ``hi``): ``[i0, i1)``."""
    if start < hi and doc.low[start] in SUBJECT_PRONOUNS and (
            start + 1 >= hi or np_tags(doc, start + 1) == "PUNCT" or doc.tokens[start + 1].text in ("–", "—", "-")):
        return start, start + 1  # "– aggiunge lei –", "ha detto lui."
    j = start
    while j < hi and np_tags(doc, j) in ("DA", "DI"):
        j += 1  # "riporta dall'agenzia", "a detta del ministro"
    i0 = j
    while j < hi and np_tags(doc, j) == "DET":
        j += 1
    # an articulated preposition carries the article: "del museo", "dalla compagnia"
    last_tag = "DET" if j > i0 or (i0 > start and doc.low[i0 - 1] not in ("di", "d'", "da")) else ""
    if j == i0 + 1 and doc.low[i0] in _PARTITIVE_HEADS and j < hi and np_tags(doc, j) == "DI":
        last_tag = "WORD"  # "uno dei passeggeri", "alcuni degli abitanti": the pronoun heads the phrase
    while j < hi:
        tg = np_tags(doc, j)
        low = doc.low[j]
        if tg == "WORD" and low.endswith(_VERB_ENDINGS):
            break  # "secondo alcune rivendicazioni farebbero capo a …": the clause's verb
        if tg == "NAME" and last_tag == "WORD" and doc.low[j - 1] in ANONYMOUS | SOURCE_NOUNS \
                and doc.low[j - 1].endswith(("i", "e")):
            break  # "secondo alcune fonti Zacharčenko aveva …": the clause's subject, not a name of the sources
        if tg in ("NAME", "ROLE", "ADJ"):
            pass
        elif tg == "NUM" and last_tag == "NAME":
            pass
        elif tg == "DI" and last_tag in ("NAME", "ROLE", "WORD", "ADJ") and j + 1 < hi \
                and np_tags(doc, j + 1) in ("NAME", "WORD", "ROLE", "DET") and not looks_infinitive(doc.low[j + 1]):
            pass
        elif tg == "DET" and last_tag == "DI":
            pass
        elif tg == "WORD" and (last_tag in ("DI", "DET", "ROLE", "") or (last_tag == "WORD" and j - 2 >= i0
                                                                        and np_tags(doc, j - 2) in ("DI", "DET"))
                               or (last_tag == "ADJ" and j - 2 >= i0 and np_tags(doc, j - 2) == "DET")  # "una prima ricostruzione"
                               or (j - 1 >= i0 and doc.low[j - 1] in ANONYMOUS | SOURCE_NOUNS | INSTITUTIONS.keys())):
            if last_tag == "" and not (low in ANONYMOUS or low in SOURCE_NOUNS or low in INSTITUTIONS or low in CHANNEL_NOUNS):
                break
            pass
        elif tg in ("STOP", "DET", "DI", "DA") and low in NAME_PARTICLES and last_tag == "NAME" and j + 1 < hi and np_tags(doc, j + 1) == "NAME":
            pass  # "De la Torre Ugarte", "von der Leyen"
        elif tg in ("PREP", "WORD", "STOP") and low in ("prima", "primo", "prime", "primi", "ultima", "ultimo", "ultime", "ultimi",
                                                        "altro", "altra", "altri", "altre") and last_tag == "DET":
            tg = "ADJ"  # "una prima ricostruzione", "un altro titolare"
        else:
            break
        last_tag = tg
        j += 1
    return trim_np(doc, i0, j) if j > i0 else None


# --- describing a speaker ---------------------------------------------------------


def _words(doc: Document, i0: int, i1: int) -> list[str]:
    return [doc.tokens[k].text for k in range(i0, i1)]


def _join(doc: Document, i0: int, i1: int) -> str:
    return doc.text[doc.tokens[i0].start:doc.tokens[i1 - 1].end] if i1 > i0 else ""


def _longest_entity(doc: Document, i0: int, i1: int, table: dict[str, Entity]) -> tuple[int, int, Entity] | None:
    """Longest table entry found inside tokens ``[i0, i1)``: (start, end, entity)."""
    best = None
    for a in range(i0, i1):
        for b in range(i1, a, -1):
            if best is not None and b - a <= best[1] - best[0]:
                break
            key = norm(_join(doc, a, b))
            if key in table:
                best = (a, b, table[key])
                break
    return best


def _name_run(doc: Document, i0: int, i1: int) -> tuple[int, int] | None:
    """The personal name at the end of a noun phrase ("Vladimir Putin" in "Il Presidente Vladimir Putin")."""
    k = i1
    while k > i0:
        tg = np_tags(doc, k - 1)
        if tg == "NAME" or (tg == "STOP" and doc.low[k - 1] in NAME_PARTICLES and k - 2 >= i0 and np_tags(doc, k - 2) == "NAME" and k < i1):
            k -= 1
            continue
        if doc.tokens[k - 1].text == "-" and k - 2 >= i0 and k < i1 and np_tags(doc, k - 2) == "NAME" \
                and _joined(doc, k - 2, k - 1) and _joined(doc, k - 1, k):
            k -= 1  # "Domscheit-Berg": one name the tokenizer splits at the hyphen
            continue
        break
    if k == i1:
        return None
    # leading words that name an institution: "Repubblica Sergio Mattarella", "Cremlino Dmitry Peskov"
    while i1 - k >= 2 and (is_known_word(doc.low[k]) and i1 - k > 2 or doc.low[k] in INSTITUTIONS
                           or doc.low[k] in MEDIA or doc.low[k] in COUNTRY_NAMES):
        k += 1
    while k < i1 and np_tags(doc, k) != "NAME":
        k += 1
    if i1 - k >= 3 and k > i0 and np_tags(doc, k - 1) == "DI":
        k += 1  # "di Bologna Matteo Lepore": the first word closes the complement
    if k < i1 and k > i0 and np_tags(doc, k - 1) == "DI":
        return None  # a complement, not a name: "portavoce … degli Stati Uniti"
    return (k, i1) if k < i1 else None


def _affiliation(doc: Document, i0: int, i1: int) -> str | None:
    """Institution, outlet or country named inside a role ("portavoce del Cremlino" → Cremlino)."""
    if i1 <= i0:
        return None
    for table in (INSTITUTIONS, MEDIA):
        hit = _longest_entity(doc, i0, i1, table)
        if hit is not None and hit[2].kind not in ("social",) and not (hit[1] - hit[0] == 1 and doc.low[hit[0]] in ("governo", "ministero")):
            return hit[2].canonical
    for k in range(i0, i1):
        key = doc.low[k]
        if doc.tokens[k].text[:1].islower() and key in COUNTRY_ADJECTIVES:
            return COUNTRY_ADJECTIVES[key]
    hit = _longest_entity(doc, i0, i1, {**{k: Entity(v, "country", v) for k, v in COUNTRY_NAMES.items()}})
    if hit is not None:
        return hit[2].canonical
    for k in range(i0, i1 - 1):
        if np_tags(doc, k) == "DI" and np_tags(doc, k + 1) == "NAME":
            e = k + 1
            while e < i1 and np_tags(doc, e) == "NAME":
                e += 1
            return _join(doc, k + 1, e)
    return None


def _country_adjective(doc: Document, i0: int, i1: int) -> str | None:
    for k in range(i0, i1):
        if doc.tokens[k].text[:1].islower() and doc.low[k] in COUNTRY_ADJECTIVES:
            return COUNTRY_ADJECTIVES[doc.low[k]]
    return None


def _joined(doc: Document, a: int, b: int) -> bool:
    """Are tokens ``a`` and ``b`` written together, with no space between them?"""
    return 0 <= a < b < len(doc.tokens) and doc.tokens[a].end == doc.tokens[b].start


def _hyphen_name(doc: Document, i0: int, i1: int) -> tuple[int, int]:
    """``[i0, i1)`` widened over the other half of a hyphenated name the tokenizer splits ("Domscheit-Berg",
    "Jean-Luc Mélenchon"), so that a speaker is never half a name."""
    def capital(k: int) -> bool:
        return doc.tokens[k].text[:1].isupper()

    while i0 >= 2 and doc.tokens[i0 - 1].text == "-" and capital(i0) and capital(i0 - 2) \
            and _joined(doc, i0 - 2, i0 - 1) and _joined(doc, i0 - 1, i0):
        i0 -= 2
    while i1 + 1 < len(doc.tokens) and doc.tokens[i1].text == "-" and capital(i1 - 1) and capital(i1 + 1) \
            and _joined(doc, i1 - 1, i1) and _joined(doc, i1, i1 + 1):
        i1 += 2
    return i0, i1


def describe(doc: Document, i0: int, i1: int) -> SpeakerInfo:
    """Type, canonical name, role and affiliation of the speaker tokens ``[i0, i1)``."""
    i0, i1 = _hyphen_name(doc, i0, i1)
    start, end = doc.tokens[i0].start, doc.tokens[i1 - 1].end
    w0 = i0
    while w0 < i1 - 1 and np_tags(doc, w0) in ("DET", "DA", "DI", "A"):
        w0 += 1
    text = _join(doc, w0, i1)
    key = norm(text)
    low_words = [doc.low[k] for k in range(i0, i1)]
    # anonymous sources: "fonti diplomatiche", "un alto funzionario"
    for n in range(len(low_words), 0, -1):
        if " ".join(low_words[:n]) in ANONYMOUS or " ".join(low_words[w0 - i0:w0 - i0 + n]) in ANONYMOUS:
            return SpeakerInfo(start, end, text[:1].lower() + text[1:] if not doc.tokens[w0].text.isupper() else text,
                               "anonymous", None, _affiliation(doc, w0 + 1, i1))
    # outlets: "l'agenzia di stampa TASS", "il Rodong Sinmun", "Reuters"
    if key in MEDIA:
        return SpeakerInfo(start, end, MEDIA[key].canonical, "media", None, MEDIA[key].country)
    if doc.low[w0] in CHANNEL_NOUNS and CHANNEL_NOUNS[doc.low[w0]] == "medium":
        run = _name_run(doc, w0, i1)
        if run is not None:
            name = _join(doc, *run)
            entity = MEDIA.get(norm(name))
            role = _join(doc, w0, run[0]) or None
            return SpeakerInfo(start, end, entity.canonical if entity else name, "media", role,
                               entity.country if entity else _country_adjective(doc, w0, i1))
        return SpeakerInfo(start, end, text, "media", None, _country_adjective(doc, w0, i1))
    # countries and their capitals: "la Russia", "Mosca"
    if key in COUNTRY_NAMES:
        return SpeakerInfo(start, end, COUNTRY_NAMES[key], "country", None, COUNTRY_NAMES[key])
    if key in COUNTRY_METONYMS:
        return SpeakerInfo(start, end, text, "government", None, COUNTRY_METONYMS[key])
    # institutions: "il Pentagono", "Il governo sudcoreano", "il Dipartimento di Stato"
    hit = _longest_entity(doc, w0, i1, INSTITUTIONS)
    if hit is not None and hit[0] == w0 and all(np_tags(doc, k) in ("ADJ", "WORD", "DI", "NAME") for k in range(hit[1], i1)) \
            and _name_run(doc, hit[1], i1) is None:
        entity = hit[2]
        country = _country_adjective(doc, hit[1], i1) or entity.country or _affiliation(doc, hit[1], i1)
        canonical = entity.canonical
        if entity.country is None and country:
            canonical = f"{entity.canonical} ({country})"
        return SpeakerInfo(start, end, canonical, entity.kind, None, country)
    run = _name_run(doc, w0, i1)
    if run is not None and run[0] > 0 and doc.low[run[0] - 1] in STREET_WORDS:
        run = None  # "gli agenti del comando di via Galilei": an address, not the speaker's name
    if run is not None:
        name = _join(doc, *run)
        nkey = norm(name)
        role = _join(doc, w0, run[0]).rstrip(" ,") or None
        if nkey.split()[-1] in COMPANY_SUFFIXES:
            return SpeakerInfo(start, end, name, "organization", None, None)
        if nkey in MEDIA:
            return SpeakerInfo(start, end, MEDIA[nkey].canonical, "media", role, MEDIA[nkey].country)
        if nkey in INSTITUTIONS and role is None:
            e = INSTITUTIONS[nkey]
            return SpeakerInfo(start, end, e.canonical, e.kind, None, e.country)
        if nkey in COUNTRY_NAMES and role is None:
            return SpeakerInfo(start, end, COUNTRY_NAMES[nkey], "country", None, COUNTRY_NAMES[nkey])
        if role is None and run[1] - run[0] == 1 and name.isupper() and len(name) > 1:
            return SpeakerInfo(start, end, name, "organization", None, None)
        if role is not None and norm(role) in INSTITUTIONS and INSTITUTIONS[norm(role)].kind == "organization" \
                and INSTITUTIONS[norm(role)].country is None:
            return SpeakerInfo(start, end, name, "organization", None, None)  # "il partito Nea Dimokratia"
        affiliation = _affiliation(doc, w0, run[0]) if role else None
        return SpeakerInfo(start, end, name, "person", role, affiliation)
    singular = i0 < w0 and doc.low[i0] in _SINGULAR_ARTICLES
    if np_tags(doc, w0) in ("ROLE", "ADJ") or doc.low[w0] in ROLES or (singular and is_person_noun(doc.low[w0])):
        # "il portavoce", "il vicecapo del dipartimento di polizia": one person named by a role
        role = text[:1].lower() + text[1:]
        return SpeakerInfo(start, end, role, "person", role, _affiliation(doc, w0 + 1, i1))
    if doc.low[w0] in SOURCE_NOUNS:
        return SpeakerInfo(start, end, text[:1].lower() + text[1:], "unknown", None, _affiliation(doc, w0 + 1, i1))
    return SpeakerInfo(start, end, text, "unknown", None, None)


def sentence_subject(doc: Document, sent: Sentence, before: int) -> tuple[int, int] | None:
    """The first speaker-like noun phrase of the sentence outside a prepositional phrase, before ``before``."""
    j = sent.t0
    while j < before:
        if j == sent.t0 and np_tags(doc, j) == "NAME" and is_known_word(doc.low[j]) and j + 1 < before \
                and np_tags(doc, j + 1) == "DET":
            j += 1  # a capitalised first word that is an ordinary word ("Durissimo il commento di …")
            continue
        if np_tags(doc, j) in ("NAME", "ROLE", "DET"):
            prev_tag = np_tags(doc, j - 1) if j > sent.t0 else "PUNCT"
            np = right_np(doc, j, before)
            if np is not None:
                if prev_tag not in ("DI", "DA", "A", "PREP") and can_speak(doc, *np):
                    return np
                j = max(np[1], j + 1)
                continue
        j += 1
    return None


def is_speakerlike(doc: Document, i0: int, i1: int) -> bool:
    """Could tokens ``[i0, i1)`` speak? (a name, role, institution, outlet, country or anonymous source)."""
    for k in range(i0, i1):
        low = doc.low[k]
        if np_tags(doc, k) in ("NAME", "ROLE") or low in INSTITUTIONS or low in ANONYMOUS or low in SOURCE_NOUNS:
            return True
        if low in CHANNEL_NOUNS and CHANNEL_NOUNS[low] == "medium":
            return True
    return False



# Agent-noun endings of Italian words for people: giornalista, portavoce aside,
# senatore, direttrice, manifestante, dirigente, infermiere, virologo.
_PERSON_SUFFIXES = ("ista", "isti", "iste", "tore", "tori", "trice", "trici", "ante", "anti", "ente", "enti",
                    "iere", "ieri", "iera", "ologo", "ologi", "ologa", "ologhe",
                    "iani")  # followers named after a leader: "renziani", "draghiani"
_NOT_PERSONS = frozenset({"ambiente", "presente", "precedente", "incidente", "continente", "corrente", "parente",
                          "accidente", "mente", "gente", "niente", "ente", "dente", "torrente", "fonte",
                          "pista", "lista", "vista", "conquista", "intervista", "rivista", "autista",
                          "tante", "quante", "durante", "mentre", "importante", "sente", "settore", "motore",
                          "fattore", "valore", "colore", "errore", "calore", "dolore", "timore", "rumore",
                          "amore", "favore", "onore", "odore", "sapore", "terrore", "umore", "vapore"})


_LONG_ROLES = tuple(r for r in ROLES if len(r) >= 7 and " " not in r)  # "neuroscienziata", "exministro"


def is_person_noun(word: str) -> bool:
    """Does this lower-case common noun name a person or a group of people?"""
    if word in PERSON_NOUNS or word in ROLES or word in COUNTRY_ADJECTIVES:
        return True
    for prefix in ("vice", "ex-", "ex", "co", "sotto"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2 and word[len(prefix):] in ROLES:
            return True  # "vicecapo", "exministro", "cofondatrice"
    if word in _NOT_PERSONS or len(word) < 6:
        return False
    return word.endswith(_PERSON_SUFFIXES) or word.endswith(_LONG_ROLES)


def _head_can_speak(word: str) -> bool:
    if word in INSTITUTIONS or word in ANONYMOUS or word in SOURCE_NOUNS or word in MEDIA or word in COUNTRY_NAMES:
        return True
    if CHANNEL_NOUNS.get(word) == "medium" or word in _ENTITY_FIRST_WORDS:
        return True
    return is_person_noun(word)


def can_speak(doc: Document, i0: int, i1: int) -> bool:
    """Animacy check for a speaker noun phrase ``[i0, i1)``.

    The head (first word after articles and adjectives) decides: a name or a
    role; or a common noun that names an institution, outlet, country,
    document or anonymous source, or people ("la bambina", "i residenti",
    "un manifestante"). Other common nouns cannot speak, even with a name in
    a complement ("l'episodio diceva", "l'approvazione dell'Unione europea").
    """
    if i1 - i0 == 1 and doc.low[i0] in SUBJECT_PRONOUNS:
        return True
    k = i0
    while k < i1 - 1 and np_tags(doc, k) in ("DET", "ADJ", "NUM", "DA", "A", "DI"):
        k += 1
    tg = np_tags(doc, k)
    if tg == "NAME" and k > 0 and doc.low[k - 1] in STREET_WORDS:
        return False  # "corso Canalchiaro": a street
    if tg in ("NAME", "ROLE"):
        return True
    low = doc.low[k]
    if tg == "ADJ":
        return low in COUNTRY_ADJECTIVES  # "i russi"
    if _head_can_speak(low):
        return True
    if np_tags(doc, i1 - 1) == "NAME" and all(np_tags(doc, x) not in ("DI", "DA", "A", "PREP") for x in range(i0, i1)):
        return True  # a name after descriptive words: "il nerboruto capataz Acerbo"
    if i1 - i0 >= 3 and np_tags(doc, i1 - 1) == "NAME" and np_tags(doc, i1 - 2) == "NAME" \
            and np_tags(doc, i1 - 3) not in ("DI", "DA", "A", "PREP", "NAME"):
        return True  # a full name closing a description: "lo storico dei presidenti americani Michael Beschloss"
    # an adjective before the head: "un lunghissimo ritratto", "il nuovo sindaco"
    if k + 1 < i1 and np_tags(doc, k + 1) in ("WORD", "ROLE", "NAME") and doc.tokens[k].text[:1].islower():
        # a capitalised head is judged as a word: "il primo Cittadino di Cosenza", not "il nuovo Dpcm"
        return np_tags(doc, k + 1) == "ROLE" or _head_can_speak(doc.low[k + 1])
    return False


_ENTITY_FIRST_WORDS = frozenset(key.split()[0] for key in list(INSTITUTIONS) + list(ANONYMOUS) if " " in key)
