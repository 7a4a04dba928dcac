"""What the parse adds to a speaker: an entity type where our lists know none, and gender.

:func:`speaker_profile` reads the parsed sentence that holds the speaker (when
it was parsed): the named entity over the speaker's words (PER → person, ORG
→ organization) fills a speaker type our lists left ``unknown``; the
morphology of the speaker's phrase and of the cue's participles feeds
:func:`analysis.attribution.gender.speaker_gender`.
"""
from __future__ import annotations

from dataclasses import replace

from ..syntax.model import load_nlp
from .document import Document
from .gender import speaker_gender
from .parse import entities
from .speakers import SpeakerInfo

__all__ = ["entity_typed", "gender_of"]

#: Entity label of the pipeline → speaker type.
ENTITY_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


_ARTICLES = frozenset({"il", "lo", "la", "l'", "i", "gli", "le"})


def _parse_at(doc: Document, pos: int):
    k = doc.sentence_index(pos)
    return doc.parses.get(k) if k >= 0 else None


def _tokens(doc: Document, start: int, end: int) -> range:
    return range(doc.token_index(start), doc.token_index(end))


def _entities_in(doc: Document, speaker: SpeakerInfo) -> list[tuple[int, int, str]]:
    """Named entities of the parse overlapping the speaker: ``(start, end, label)`` in characters."""
    p = _parse_at(doc, speaker.start)
    if p is None:
        return []
    out = []
    for ent in entities(p, load_nlp()):
        first, last = p.index(ent[0]), p.index(ent[-1])
        if first is None or last is None:
            continue
        s, e = doc.tokens[first].start, doc.tokens[last].end
        if s < speaker.end and speaker.start < e:
            out.append((s, e, ent.label_))
    return out


def entity_typed(doc: Document, speaker: SpeakerInfo) -> SpeakerInfo:
    """``speaker`` corrected by the named entities over it.

    * our lists said ``unknown``: PER → person, ORG → organization, LOC → place;
    * a capitalised name after an article that our lists took for a person
      ("La Regione Lombardia", "La Georgia", "il New York Post") and the
      recogniser reads as an organisation or place, with no personal name
      marked and no first name opening it, takes that type (a bare surname,
      "Macron", stays a person: the recogniser is less sure than the article);
    * a person whose phrase holds a personal name the recogniser marks ("il
      ministro degli Interni, Luciana Lamorgese") is named by it.
    """
    from .gender import gender_from_name

    ents = _entities_in(doc, speaker)
    if not ents:
        return speaker
    labels = {label for _, _, label in ents}
    if speaker.type == "unknown":
        for label in ("PER", "ORG", "LOC"):
            if label in labels:
                return replace(speaker, type=ENTITY_TYPES[label])
        return speaker
    if speaker.type != "person":
        return speaker
    articled = doc.low[doc.token_index(speaker.start)] in _ARTICLES  # "La Georgia", not the bare surname "Macron"
    if "PER" not in labels and articled and speaker.canonical[:1].isupper():  # not a role: "il preside del “Vallauri”"
        name = speaker.canonical
        for s, e, label in ents:
            covers = doc.text[s:e].endswith(name) or name in doc.text[s:e]
            first_name = len(name.split()) >= 2 and gender_from_name(name) is not None
            if covers and label in ("ORG", "LOC") and not first_name:
                return replace(speaker, type=ENTITY_TYPES[label], role=None, affiliation=None)
        return speaker
    persons = [(s, e) for s, e, label in ents if label == "PER" and speaker.start <= s and e <= speaker.end]
    if persons:
        s, e = persons[-1]
        name = doc.text[s:e]
        if name != speaker.canonical and len(name.split()) >= 2 and not speaker.canonical.endswith(name) \
                and name.split()[-1] in speaker.canonical.split() + [name.split()[-1]]:
            # a canonical name that already ends with the recognised one is the fuller name ("Jean-Luc Mélenchon")
            return replace(speaker, canonical=name)
    return speaker


def gender_of(doc: Document, speaker: SpeakerInfo | None, canonical: str | None, speaker_type: str | None,
              cue: tuple[int, int] | None) -> str | None:
    """``female``, ``male`` or None for one attribution's speaker (see :mod:`.gender`)."""
    if speaker is None or speaker_type != "person":
        return None
    idx = _tokens(doc, speaker.start, speaker.end)
    words = [doc.tokens[i].text for i in idx]
    morphs = pos = None
    agreement: list[tuple[str, str]] = []
    p = _parse_at(doc, speaker.start)
    if p is not None and idx and all(p.sentence.t0 <= i < p.sentence.t1 for i in idx):
        phrase = [p.token(i) for i in idx]
        if _several(phrase):
            return None  # "Gli avvocati di X", "il sindaco X e il presidente Y": not one person
        core = _phrase_core(phrase)
        words = [t.text for t in core]
        morphs = [str(t.morph) for t in core]
        pos = [t.pos_ for t in core]
    if cue is not None:
        pc = _parse_at(doc, cue[0])
        if pc is not None:
            cue_idx = [i for i in _tokens(doc, cue[0], cue[1]) if pc.sentence.t0 <= i < pc.sentence.t1]
            agreement = [(pc.token(i).pos_, str(pc.token(i).morph)) for i in cue_idx]
            # a participle agrees with the subject only after "essere": "è stata", "si è detta"
            if not any(doc.low[i] in _ESSERE for i in cue_idx):
                agreement = []
    return speaker_gender(speaker_type, canonical, words, morphs, pos, agreement)


def _phrase_head(tokens: list):
    """The token of a phrase whose head lies outside it (the first such), or None."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)


def _several(tokens: list) -> bool:
    """Does the phrase name several people: a plural head, or heads joined by a conjunction?"""
    head = _phrase_head(tokens)
    if head is None:
        return False
    inside = {t.i for t in tokens}
    return "Plur" in head.morph.get("Number") or any(c.dep_ == "conj" and c.i in inside for c in head.children)


def _phrase_core(tokens: list) -> list:
    """The head of a phrase with its articles and adjectives (not those inside a name: "De la Torre")."""
    head = _phrase_head(tokens)
    if head is None:
        return tokens
    inside = {t.i for t in tokens}

    def in_name(t) -> bool:
        return t.i > 0 and t.doc[t.i - 1].text[:1].isupper() and t.doc[t.i - 1].i in inside

    return [t for t in tokens if t.i == head.i
            or (t.head.i == head.i and t.dep_ in ("det", "det:poss", "amod") and not in_name(t))]


_ESSERE = frozenset({"è", "e'", "sono", "era", "erano", "fu", "furono", "sarebbe", "sarebbero", "sarà", "saranno",
                     "stata", "stato", "state", "stati", "sia", "fosse", "essendo"})
