"""Colon reports: "Il ministro: «…»".

Also a sentence that ends with a cue and a colon, its words opening the next
sentence ("Il ministro ha spiegato:" then "«…»").
"""
from __future__ import annotations

from .cues import Cue
from .document import Document, Sentence
from .lexicon import CHANNEL_NOUNS
from .quotes import Quote, quote_word_count
from .rows import CLOSING, OPENING, Attribution, State, is_preceded_by_preposition, skip_det, tok_span, trim
from .speakers import SpeakerInfo, can_speak, describe, left_np, np_tags, right_np, sentence_subject
from .subjects import relative_antecedent, speaker_left
from .tags import is_adverb_word

__all__ = ["colon", "colon_cue_at_end", "quote_after_colon_cue"]


def colon(doc: Document, sent: Sentence, used: list[tuple[int, int]]) -> list[Attribution]:
    """"Il ministro: «…»"."""
    rows = []
    for i in range(sent.t0 + 1, sent.t1 - 1):
        if doc.tokens[i].text != ":":
            continue
        nxt = doc.tokens[i + 1]
        q = doc.quote_opening_at(nxt.start) if nxt.text in OPENING else None
        if q is None or quote_word_count(doc.text, q) < 2:
            continue
        if any(s <= q.start < e for s, e in used):
            continue
        np = left_np(doc, i, sent.t0)
        if np is not None:
            # "il commento di Rossi: «…»": the owner of a statement noun speaks
            k = skip_det(doc, np[0], np[1])
            if k + 2 < np[1] and CHANNEL_NOUNS.get(doc.low[k]) == "statement" and np_tags(doc, k + 1) == "DI" \
                    and can_speak(doc, k + 2, np[1]):
                np = (k + 2, np[1])
        if np is not None and np[0] - 2 >= sent.t0 and np_tags(doc, np[0] - 1) == "DI" \
                and CHANNEL_NOUNS.get(doc.low[np[0] - 2]) == "statement" and can_speak(doc, *np):
            pass  # "Tranchant invece il giudizio di Giulio: «…»": the owner of the statement
        elif np is None or not can_speak(doc, *np) or is_preceded_by_preposition(doc, np, sent.t0) or (
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
            and not (doc.tokens[lo - 1].text in CLOSING and doc.quote_closing_at(doc.tokens[lo - 1].start) is not None):
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


def colon_cue_at_end(doc: Document, sent: Sentence, cues: list[Cue], sent_rows: list[Attribution],
                     state: State) -> tuple[tuple[int, int], str, str, SpeakerInfo | None] | None:
    """A sentence ending with a cue and a colon ("Quindi ha aggiunto:", "Il ministro ha spiegato:", "Si legge:")
    whose words are in the next sentence: (cue span, lemma, stance, speaker), else None."""
    if sent.t1 - 1 <= sent.t0 or doc.tokens[sent.t1 - 1].text != ":":
        return None
    k = sent.t1 - 2
    while k > sent.t0 and is_adverb_word(doc.low[k]):
        k -= 1
    if doc.low[k] == "legge" and doc.low[k - 1] == "si":
        return tok_span(doc, k - 1, k + 1), "si legge", "reports", None
    cue = next((c for c in cues if c.last == k and not c.passive), None)
    if cue is None or any(r.cue is not None and r.cue[0] == doc.tokens[cue.first].start for r in sent_rows):
        return None
    speaker = speaker_left(doc, sent, cue.first) or relative_antecedent(doc, sent, cue.first)
    if speaker is None and cue.form in ("finite", "participle") and not cue.reflexive:
        np = sentence_subject(doc, sent, cue.first)
        speaker = describe(doc, *np) if np is not None else state.last_speaker
    return tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance, speaker


def quote_after_colon_cue(doc: Document, sent: Sentence,
                          pending: tuple[tuple[int, int], str, str, SpeakerInfo | None]) -> list[Attribution]:
    """The quotation opening the sentence after a "…ha aggiunto:" sentence is what the cue reports."""
    first = doc.tokens[sent.t0]
    if first.text not in OPENING:
        return []
    q = doc.quote_opening_at(first.start)
    if q is None:
        return []
    end = q.end if q.closed else sent.end
    span = trim(doc, q.start, end)
    if span is None:
        return []
    cue_span, lemma, stance, speaker = pending
    return [Attribution(sent.sent_id, "direct", span, speaker, cue_span, lemma, stance, None, head=cue_span[0])]
