"""Nested sourcing: "Secondo l'agenzia TASS, il ministro ha dichiarato …".

An outer source becomes the inner row's ``via`` and stays a row of its own;
"Lo riporta X" covers the sentences before it in its paragraph.
"""
from __future__ import annotations

from .document import Document
from .rows import REPORTING_LEMMAS, Attribution, trim, words_in

__all__ = ["link_sources"]


def link_sources(doc: Document, rows: list[Attribution]) -> list[Attribution]:
    """Nested sourcing: an outer source becomes the inner attribution's ``via`` and stays a row of its own
    ("Secondo l'agenzia TASS, il ministro ha dichiarato …": a TASS row and the minister's row via TASS)."""
    drop: set[int] = set()
    for outer in rows:
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
                span = trim(doc, s, cut)
                while span is not None and doc.text[span[0]:span[1]].split()[-1].lower() in ("perché", "che", "e", "ma", "poiché"):
                    span = trim(doc, span[0], span[1] - len(doc.text[span[0]:span[1]].split()[-1]))
                if span is not None and words_in(doc, span) >= 3:
                    outer.content = span
                continue
            for r in inner:
                if r.via_ref is None:
                    r.via_ref = outer
            continue
    for outer in rows:
        if outer.type in ("according_to",) or (outer.cue is None and outer.type != "direct") or outer.speaker is None:
            continue
        s, e = outer.content
        for r in rows:
            pos = r.head if r.head is not None else (r.cue[0] if r.cue is not None else None)
            if r is outer or pos is None or r.via_ref is not None:
                continue
            # a report inside someone's words is relayed by them ("«… come hanno detto i Cc …» – prosegue Baldi")
            if s <= pos < e and (r.speaker is None or r.speaker.canonical != outer.speaker.canonical):
                r.via_ref = outer
    return [r for n, r in enumerate(rows) if n not in drop]
