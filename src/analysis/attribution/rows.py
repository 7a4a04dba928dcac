"""The attribution row, the per-document state, and the span helpers every construction uses.

:class:`Attribution` is one row in character offsets of the document text;
:class:`State` carries the last speaker from sentence to sentence. The
helpers trim a content span and say whether it is direct, mixed or indirect
("«Siamo pronti», ha detto" → direct), and step over adverbs, determiners,
brackets and quotations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .quotes import quote_word_count
from .speakers import SpeakerInfo, np_tags
from .tags import is_adverb_word

__all__ = [
    "REPORTING_LEMMAS", "DASHES", "TIME_WORDS", "CLOSING", "OPENING", "CLAUSE_ENDS", "Attribution", "State",
    "tok_span", "trim", "content_of", "extend_over_quote", "is_preceded_by_preposition", "skip_adverbs", "skip_det",
    "words_in", "clause_end", "skip_parenthesis_end",
]

#: Cues that pass on what someone else published ("Lo riporta l'agenzia PTI").
REPORTING_LEMMAS = frozenset({"riportare", "riferire", "scrivere", "rendere noto", "far sapere", "rivelare"})
DASHES = frozenset({"-", "–", "—"})
#: Time expressions that may sit between a cue and its speaker or content ("ha detto ieri sera il ministro").
TIME_WORDS = frozenset({
    "ieri", "oggi", "domani", "stamani", "stamane", "stamattina", "stasera", "stanotte", "mattina", "sera",
    "pomeriggio", "notte", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "scorso", "scorsa", "mattinata", "serata", "giorni", "fa",
})
CLOSING = frozenset({"»", "”", '"', "’"})
OPENING = frozenset({"«", "“", '"', "‘", "„"})
CLAUSE_ENDS = frozenset({",", ";", ":", ".", "?", "!", "…", "(", ")"})


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


class State:
    def __init__(self) -> None:
        self.last_speaker: SpeakerInfo | None = None


def tok_span(doc: Document, i0: int, i1: int) -> tuple[int, int]:
    """Character span of tokens ``[i0, i1)``."""
    return doc.tokens[i0].start, doc.tokens[i1 - 1].end


def trim(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """Trim spaces, commas, dashes and the final stop from a content span."""
    text = doc.text
    while s < e and (text[s].isspace() or text[s] in ",;:-–—"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-–—"):
        e -= 1
    # an unmatched closing mark at the start or opening mark at the end
    while s < e and text[s] in "»”" and doc.quote_closing_at(s) is not None:
        s += 1
    while e > s and text[e - 1] in OPENING and doc.quote_opening_at(e - 1) is not None:
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


def content_of(doc: Document, s: int, e: int) -> tuple[str, tuple[int, int]] | None:
    span = trim(doc, s, e)
    if span is None:
        return None
    kind, span = _classify(doc, span)
    span2 = trim(doc, *span) if kind != "direct" else span
    if span2 is None:
        return None
    return kind, span2


def extend_over_quote(doc: Document, e: int, s: int) -> int:
    """If a quotation opened inside ``[s, e)`` runs past ``e``, extend to its close."""
    for q in doc.quotes_overlapping(s, e):
        if q.opened and s <= q.open < e < q.close:
            return q.close
    return e


def is_preceded_by_preposition(doc: Document, np: tuple[int, int], lo: int) -> bool:
    return np[0] - 1 >= lo and np_tags(doc, np[0] - 1) in ("DI", "DA", "A", "PREP")


def skip_adverbs(doc: Document, i: int, hi: int) -> int:
    while i < hi and is_adverb_word(doc.low[i]):
        i += 1
    return i


def skip_det(doc: Document, i: int, hi: int) -> int:
    while i < hi - 1 and np_tags(doc, i) == "DET":
        i += 1
    return i


def words_in(doc: Document, span: tuple[int, int] | None) -> int:
    return 0 if span is None else sum(1 for w in doc.text[span[0]:span[1]].split() if any(c.isalnum() for c in w))


def clause_end(doc: Document, k: int, hi: int) -> int:
    while k < hi and doc.tokens[k].text not in CLAUSE_ENDS and doc.tokens[k].text not in DASHES:
        k += 1
    return k


def skip_parenthesis_end(doc: Document, k: int, hi: int) -> int:
    """The first token at or after ``k`` that is a bracket or sentence stop (``hi - 1`` at most)."""
    while k < hi - 1 and doc.tokens[k].text not in (")", "(", ".", ";"):
        k += 1
    return k
