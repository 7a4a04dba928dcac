"""Floating quotations: a quotation no cue reads, given to its speaker by what surrounds it.

A quotation that stands as a sentence of its own (or after a colon) with no
speech verb of its own is read, in order of precedence:

1. **pointed back to** by the next sentence: "«…». Così il sindaco Rossi.",
   "Sono le parole del direttore …", "Con queste parole il geometra X …",
   "Queste le parole di X";
2. **introduced by a colon** after a clause with a speaking subject ("La
   vittima ha, però, una certezza: «…»"), else, after any clause, the last
   speaker ("Dicevamo della tecnica: «…»");
3. **an answer**: after a question that is not itself quoted ("Sindaco, come
   commenta il nuovo piano? «…»"), the last speaker: the person interviewed;
4. **the lede**: a quotation opening the article, whose speaker the next
   sentence names as its subject ("«…». Maurizio Rossi cerca di prenderla con
   un sorriso");
5. **a continuation**: a quotation opening a sentence within two sentences of
   the last attribution with a speaker keeps that speaker.

Short quotations inside a sentence (titles, scare quotes) are never floating.
"""
from __future__ import annotations

import re

from .document import Document, Sentence
from .quotes import Quote, quote_word_count
from .rows import CLOSING, OPENING, Attribution, trim
from .speakers import SpeakerInfo, can_speak, describe, right_np, sentence_subject

__all__ = ["floating_quotes", "BACK_REFERENCES"]

#: Openings of a sentence that hands the quotation before it to a speaker ("Così X.", "Sono le parole di X").
BACK_REFERENCES = re.compile(
    r"(?:così|con queste parole|sono (?:queste )?le parole|queste (?:sono )?le parole|parole|è quanto|"
    r"questo (?:è )?il (?:commento|pensiero|racconto|ricordo|grido|appello|sfogo)|"
    r"queste (?:le|sono le) (?:parole|considerazioni|riflessioni))\b", re.I)
#: How far a continuation may be from the last attribution with a speaker, in sentences.
CONTINUATION_GAP = 2


def _is_whole_sentence(doc: Document, q: Quote, sent: Sentence) -> bool:
    """Does the quotation open its sentence (after a dateline or "In conclusione") and close it?"""
    before = doc.text[sent.start:q.open].strip()
    if before and not (before.isupper() or before.endswith((".", ":", "?", "!")) or len(before.split()) <= 2):
        return False
    after = doc.text[q.close:q.close + 3].lstrip()
    return not after or after[0] in ".!?…\n" or q.close >= sent.end - 1 or after[0] in OPENING


def _after_colon(doc: Document, q: Quote) -> bool:
    return doc.text[:q.open].rstrip().endswith(":")


def _speaker_in(doc: Document, sent: Sentence, start_token: int) -> SpeakerInfo | None:
    """The speaker a back-reference sentence names: "Così il sindaco X", "Sono le parole del direttore X"."""
    k = start_token
    while k < sent.t1 and doc.low[k] in ("così", "con", "queste", "sono", "le", "parole", "è", "quanto", "questo", "il",
                                         "commento", "pensiero", "racconto", "ricordo", "grido", "appello", "sfogo",
                                         "considerazioni", "riflessioni", ",", "ha", "dichiarato", "detto", "con", "cui"):
        k += 1
    np = right_np(doc, k, sent.t1)
    if np is not None and can_speak(doc, *np):
        return describe(doc, *np)
    np = sentence_subject(doc, sent, sent.t1)
    return describe(doc, *np) if np is not None else None


def _plain_subject(doc: Document, np: tuple[int, int]) -> bool:
    """A subject that names someone: not a capitalised verb opening the sentence ("Dovette …"), not a title in
    quotation marks, not a heading ("Le reazioni social"): a person, a body, a country."""
    from ..lemmatization import is_known_word

    if np[1] - np[0] == 1 and doc.tokens[np[0]].text[:1].isupper() and is_known_word(doc.low[np[0]]):
        return False
    if np[0] > 0 and doc.tokens[np[0] - 1].text in OPENING:
        return False
    return describe(doc, *np).type in ("person", "organization", "government", "country")


def _covered(rows: list[Attribution], q: Quote) -> bool:
    return any(r.content[0] < q.end and q.start < r.content[1] for r in rows)


def floating_quotes(doc: Document, rows: list[Attribution]) -> list[Attribution]:
    """Rows for the quotations no other reader attributed (see the module docstring), in one pass."""
    out: list[Attribution] = []
    by_end = sorted((r for r in rows if r.speaker is not None and r.type in ("direct", "mixed", "indirect")),
                    key=lambda r: r.content[1])
    k = 0
    last: Attribution | None = None
    for q in doc.quotes:
        while k < len(by_end) and by_end[k].content[1] <= q.open:
            if last is None or by_end[k].content[0] >= last.content[0]:
                last = by_end[k]
            k += 1
        if not q.opened or quote_word_count(doc.text, q) < 3 or _covered(rows + out, q):
            continue
        k_sent = doc.sentence_index(q.open)
        if k_sent < 0:
            continue
        sent = doc.sentences[k_sent]
        colon = _after_colon(doc, q)
        if not colon and not _is_whole_sentence(doc, q, sent):
            continue
        span = trim(doc, q.start, q.end if q.closed else sent.end)
        if span is None:
            continue
        row = _owner(doc, q, k_sent, sent, colon, last, rows + out)
        if row is not None:
            speaker, cue = row
            out.append(Attribution(sent.sent_id, "direct", span, speaker, cue, None, None, None))
            if speaker is not None:
                last = out[-1]
    return out


def _owner(doc: Document, q: Quote, k_sent: int, sent: Sentence, colon: bool, last: Attribution | None,
           rows: list[Attribution]) -> tuple[SpeakerInfo | None, tuple[int, int] | None] | None:
    """(speaker, cue span) of a floating quotation, or None when nothing in its surroundings gives one."""
    # 1. the next sentence points back to it
    k_next = doc.sentence_index(q.close) if q.closed else k_sent
    nxt = doc.sentences[k_next + 1] if 0 <= k_next < len(doc.sentences) - 1 else None
    if nxt is not None and doc.text[q.close:nxt.start].strip(" .»”\"\n") == "":
        m = BACK_REFERENCES.match(doc.text, nxt.start)
        if m is not None:
            speaker = _speaker_in(doc, nxt, doc.token_index(m.end()))
            if speaker is not None:
                return speaker, (m.start(), m.end())
    gap = None if last is None else k_sent - doc.sentence_index(last.content[1] - 1)
    # 2. after a colon: the subject of the clause before it, else the last speaker
    if colon:
        i = doc.token_index(q.open) - 1  # the colon
        np = sentence_subject(doc, sent, i) if i > sent.t0 else None
        if np is not None and can_speak(doc, *np) and doc.tokens[np[0]].start >= sent.start and _plain_subject(doc, np):
            return describe(doc, *np), None
        if last is not None and gap is not None and gap <= CONTINUATION_GAP:
            return last.speaker, None
        return None
    # 3. an answer to a question the article asks
    if k_sent > 0:
        prev = doc.sentences[k_sent - 1]
        prev_text = doc.text[prev.start:prev.end].rstrip()
        if prev_text.endswith("?") and prev_text[-2:-1] not in CLOSING and doc.quote_containing(prev.end - 2) is None \
                and last is not None:
            return last.speaker, None
    # 4. the lede: the article opens with the quotation and the next sentence names its subject
    if k_sent == 0 and nxt is not None and not any(r.content[0] < nxt.end and nxt.start < r.content[1] for r in rows):
        np = sentence_subject(doc, nxt, nxt.t1)
        if np is not None and can_speak(doc, *np):
            info = describe(doc, *np)
            if info.type == "person":
                return info, None
    # 5. a continuation of the last speaker
    if last is not None and gap is not None and 0 <= gap <= CONTINUATION_GAP and doc.text[sent.start:q.open].strip() == "":
        return last.speaker, None
    return None

