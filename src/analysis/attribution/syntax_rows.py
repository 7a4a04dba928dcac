"""Reports the parse shows: "Il ministro ha dichiarato all'ANSA che il piano partirà".

A speech verb whose parse (:func:`.frames.verb_frame`) shows a reported
clause or object: the speaker is its subject, with the surface reading of
appositions; the content runs from the marker the parse finds to the end of
the report.
"""
from __future__ import annotations

from .cues import Cue
from .document import Document, Sentence
from .filters import GRANTED_NOUNS
from .forward import Marker, forward_content
from .objects import OBJECT_STOPS, object_end
from .rows import CLOSING, DASHES, Attribution, State, content_of, tok_span
from .speakers import SpeakerInfo, can_speak, describe, left_np, looks_infinitive
from .subjects import speaker_left, speaker_of_cue
from .tags import DA, DI, PREP, A

__all__ = ["syntax_row", "parsed_speaker"]


def parsed_speaker(doc: Document, sent: Sentence, cue: Cue, p, surface: SpeakerInfo | None) -> SpeakerInfo | None:
    """The speaker of a surface reading checked against the parse: the parse's subject of the cue when the
    surface reading found none or another phrase ("…, la capotreno, dopo una serie di annunci, ha annunciato")."""
    from .grammar import agent_of, subject_of

    if p is None or cue.clitic:
        return surface
    who = agent_of(doc, p, cue.head) if cue.passive else subject_of(doc, p, cue.head)
    if who is None:
        return surface
    (i0, i1), h = who
    if doc.low[i0] in DA | DI | A | PREP or not (can_speak(doc, h, h + 1) or doc.tokens[h].text[:1].isupper()):
        return surface
    if surface is None:
        return describe(doc, i0, i1)
    return _reconciled(doc, sent, cue, (i0, i1), surface, [], State())


def _charge_follows(doc: Document, k0: int, k1: int) -> bool:
    """Does what a person is accused of follow them: "di" + an infinitive, or "per" ("accusa il governo per …")?"""
    for k in range(k0, k1):
        if doc.low[k] == "per" or (doc.low[k] in ("di", "d'") and k + 1 < k1 and looks_infinitive(doc.low[k + 1])):
            return True
    return False


def _reconciled(doc: Document, sent: Sentence, cue: Cue, subject: tuple[int, int], left: SpeakerInfo | None,
                sent_rows, state: State) -> SpeakerInfo:
    """The parse's subject, read with the surface reading of the same stretch when they meet.

    The surface reading knows titles and appositions ("Il capo …, il generale X,"; "la deputata Maria
    Rossi che chiede …"): it wins when it overlaps the parse's subject or lies between it and the cue. A
    parsed subject set off by commas right before the cue is an aside (", Promesse mantenute, ha
    scritto"): the surface speaker before it wins.
    """
    s0, s1 = doc.tokens[subject[0]].start, doc.tokens[subject[1] - 1].end
    surface = left or speaker_of_cue(doc, sent, cue, None, None, sent_rows, state)
    if surface is not None and (surface.start < s1 and s0 < surface.end or surface.end > s0):
        return surface
    aside = subject[0] - 1 > sent.t0 and doc.tokens[subject[0] - 1].text == "," \
        and subject[1] < len(doc.tokens) and doc.tokens[subject[1]].text == "," and subject[1] + 1 >= cue.first - 2
    if aside and surface is not None and surface.end <= s0:
        return surface
    return describe(doc, *subject)


def _inside_own_report(doc: Document, cue: Cue, speaker, sent_rows) -> bool:
    """Is the cue inside the content of a report by the same speaker ("ha rivelato di aver chiesto …")?"""
    start = doc.tokens[cue.first].start
    return any(r.content[0] <= start < r.content[1] and r.speaker is not None and speaker is not None
               and (r.speaker.start, r.speaker.end) == (speaker.start, speaker.end) for r in sent_rows)


def syntax_row(doc: Document, sent: Sentence, cue: Cue, frame, state: State, sent_rows, next_cue: Cue | None = None,
               according_starts: tuple[int, ...] = ()) -> list[Attribution]:
    """The row of a cue whose report the parse shows: its speaker from the parse (the subject, or the one
    the clause shares), its content from the marker the parse found to the end of the report."""
    i0, i1 = frame.content
    if frame.kind == "che":
        m = i0 - 1 if i0 - 1 > cue.last and doc.low[i0 - 1] in ("che", "ch'") else i0
        kind = "che" if m < i0 else "quote"
    elif frame.kind == "bare":
        m = next((k for k in range(cue.last + 1, i0 + 1) if doc.tokens[k].text == ":"), i0)
        kind = "colon" if doc.tokens[m].text == ":" else "quote"
    else:
        m, kind = i0, "di"
    speaker = None
    if frame.subject is not None:
        h = frame.subject_head
        if doc.low[frame.subject[0]] in DA | DI | A | PREP:
            return []  # a phrase opened by a preposition is no subject ("dal nostro segretario"): a misparse
        if not (can_speak(doc, h, h + 1) or doc.tokens[h].text[:1].isupper()):
            return []  # "Gli altri documenti dicono …": a thing as subject, left to the surface readers
        left = speaker_left(doc, sent, cue.first)
        near = left_np(doc, cue.first, sent.t0)
        if left is None and near is not None and near[0] < frame.subject[1] and frame.subject[0] < near[1] \
                and not can_speak(doc, *near):
            return []  # the surface reading of the same phrase says it cannot speak ("Gli altri documenti")
        speaker = _reconciled(doc, sent, cue, frame.subject, left, sent_rows, state)
    else:
        speaker = speaker_of_cue(doc, sent, cue, None, None, sent_rows, state)
    if speaker is None:
        return []  # the parse shows a report, but nobody to say it: left to the surface readers
    if frame.kind == "object":
        if _inside_own_report(doc, cue, speaker, sent_rows):
            return []  # "ha rivelato di aver chiesto … la vendita delle dosi": part of what was revealed
        # "ha annunciato le dimissioni, attese da giorni": the object up to the end of its clause
        end = object_end(doc, sent, i0)
        if i1 > end and doc.tokens[end].text == "," and all(doc.low[k] not in OBJECT_STOPS for k in range(end, i1)):
            end = i1  # "chiedono riforme, più libertà e più democrazia": a list the parse keeps in the object
        words = {doc.low[k] for k in range(i0, min(end, i0 + 3))}
        negated = any(doc.low[k] == "non" for k in range(max(sent.t0, cue.first - 1), cue.head))
        if end - i0 < 2 or negated or (cue.lemma == "negare" and words & GRANTED_NOUNS):
            return []  # "ha negato ai manifestanti il permesso": a refusal, not a denial of a claim
        head_end = object_end(doc, sent, i0)  # the object before a list the parse joins to it
        if can_speak(doc, i0, head_end) and (
                (cue.first > sent.t0 and doc.tokens[cue.first - 1].text in (",",) + tuple(CLOSING) + tuple(DASHES))
                or cue.lemma == "denunciare"  # "ha denunciato il sindaco per …": a complaint at law
                or not _charge_follows(doc, i0 + 1, head_end)):
            # "«…», ha lamentato un commentatore": the subject after a postposed cue; "ha denunciato i
            # coniugi": the people acted on. A person is reported only with what they are accused of
            # ("accusa il governo per la gestione …")
            return []
        content = content_of(doc, doc.tokens[i0].start, doc.tokens[end - 1].end)
        if content is None:
            return []
        kind, span = content
        channel = None
    else:
        marker = Marker(kind, m, None, None)
        if next_cue is not None and cue.last < next_cue.first <= i1:
            i1 = m + 1  # the parse runs the clause over or up to the next report ("… e altri affermano che …"): let it stop
        found = forward_content(doc, sent, cue, marker, next_cue, speaker, according_starts,
                                min_end=doc.tokens[i1 - 1].end)
        if found is None:
            return []
        kind, span, channel = found
    if frame.channel is not None:
        channel = frame.channel
    return [Attribution(sent.sent_id, kind, span, speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                        tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)]
