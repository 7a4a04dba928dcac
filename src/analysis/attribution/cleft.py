"""Cleft reports, the speaker after the copula: "A chiedere che si faccia presto c'è anche Matteo Salvini"."""
from __future__ import annotations

from .cues import Cue
from .document import Document, Sentence
from .rows import Attribution, content_of, tok_span
from .speakers import can_speak, right_np
from .subjects import BE_PARTICIPLES, with_apposition_right
from .tags import is_adverb_word

__all__ = ["cleft"]

_COPULAS = frozenset({"è", "c'è", "sono", "fu", "furono", "era", "erano", "sarebbe", "sarebbero", "sarà", "saranno"})


def cleft(doc: Document, sent: Sentence, cue: Cue) -> list[Attribution]:
    """"A chiedere che si faccia presto c'è anche Matteo Salvini": the speaker follows the copula."""
    m = cue.last + 1
    while m < sent.t1 and m - cue.last <= 30 and doc.low[m] not in _COPULAS:
        m += 1
    if m >= sent.t1 or doc.low[m] not in _COPULAS or m == cue.last + 1:
        return []
    k = m + 1
    while k < sent.t1 and (doc.low[k] in BE_PARTICIPLES or is_adverb_word(doc.low[k]) or doc.low[k] in ("ci",)):
        k += 1
    np = right_np(doc, k, sent.t1)
    if np is None or not can_speak(doc, *np):
        return []
    c0 = cue.last + 1
    if doc.low[c0] == "che":
        c0 += 1
    end = m - 1 if doc.low[m - 1] not in ("c'", "ci") else m - 2  # "c'è"
    content = content_of(doc, doc.tokens[c0].start, doc.tokens[end].end) if c0 <= end else None
    if content is None:
        return []
    speaker, _ = with_apposition_right(doc, np, sent.t1)
    return [Attribution(sent.sent_id, content[0], content[1], speaker, tok_span(doc, cue.first - 1, cue.last + 1),
                        cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start)]
