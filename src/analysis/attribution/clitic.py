"""Clitic reports about what precedes: "Lo riporta l'agenzia PTI", "Lo dichiara X"."""
from __future__ import annotations

from .cues import Cue
from .document import Document, Sentence
from .rows import OPENING, REPORTING_LEMMAS, Attribution, State, content_of, extend_over_quote, tok_span
from .subjects import speaker_left, speaker_right

__all__ = ["clitic"]


def clitic(doc: Document, sent: Sentence, cue: Cue, state: State) -> list[Attribution]:
    """"Lo riporta l'agenzia PTI." / "Lo ha dichiarato il ministro." — about what precedes."""
    hi = sent.t1
    _, speaker, after, channel = speaker_right(doc, cue.last + 1, hi)
    if speaker is None:
        speaker = speaker_left(doc, sent, cue.first)
    if speaker is None:
        return []
    # "Lo promette Bertolaso, neo nominato consulente …: da fine febbraio si comincerà …"
    for k in range(after, min(hi - 1, after + 25)):
        t = doc.tokens[k].text
        if t in (".", ";", "?", "!") or (t in OPENING and doc.quote_opening_at(doc.tokens[k].start) is not None):
            break
        if t == ":":
            c_end = extend_over_quote(doc, sent.end, doc.tokens[k].end)
            content = content_of(doc, doc.tokens[k].end, c_end)
            if content is None:
                return []
            kind, span = content
            return [Attribution(sent.sent_id, kind, span, speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma,
                                cue.stance, tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)]
    # the content: the previous sentence of the paragraph (or the quotation it is)
    idx = doc.sentence_index(sent.start)
    if not idx:
        return []
    prev = doc.sentences[idx - 1]
    q = doc.quote_closing_at(doc.text.rfind("»", prev.start, prev.end)) if "»" in doc.text[prev.start:prev.end] else None
    content = content_of(doc, prev.start, prev.end)
    if content is None:
        return []
    kind, span = content
    if q is not None and q.open <= prev.start + 1:
        kind, span = "direct", (q.start, q.end)
    reporting = cue.lemma in REPORTING_LEMMAS
    row = Attribution(prev.sent_id, "according_to" if reporting else kind, span, speaker,
                      tok_span(doc, cue.first, cue.last + 1), cue.lemma, "reports" if reporting else cue.stance,
                      tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start, reporting=reporting)
    row.extra["paragraph"] = sent.para_id
    row.extra["sentence_index"] = idx
    return [row]
