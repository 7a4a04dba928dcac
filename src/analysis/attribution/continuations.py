"""Continuations: a quotation opening a later sentence keeps the last speaker.

"Il ministro ha detto che il piano partirà. «Non ci fermeremo davanti a nulla».": the second
quotation is the minister's too.
"""
from __future__ import annotations

from bisect import bisect_left

from .document import Document
from .quotes import quote_word_count
from .rows import Attribution

__all__ = ["continuations"]


def continuations(doc: Document, rows: list[Attribution]) -> list[Attribution]:
    """Quotations opening a sentence after an attributed one keep its speaker (one pass over both, in order)."""
    out: list[Attribution] = []
    by_start = sorted(rows, key=lambda r: r.content[0])
    starts_sorted = [r.content[0] for r in by_start]
    max_end: list[int] = []
    for r in by_start:
        max_end.append(max(r.content[1], max_end[-1]) if max_end else r.content[1])
    by_end = sorted((r for r in rows if r.speaker is not None and r.type in ("direct", "mixed", "indirect")),
                    key=lambda r: r.content[1])
    starts = {s.start: s for s in doc.sentences}
    k = 0
    last: Attribution | None = None
    for q in doc.quotes:
        while k < len(by_end) and by_end[k].content[1] <= q.open:
            if last is None or by_end[k].content[0] >= last.content[0]:
                last = by_end[k]
            k += 1
        sent = starts.get(q.open)
        if sent is None or quote_word_count(doc.text, q) < 4:
            continue
        n = bisect_left(starts_sorted, q.end)  # rows starting before the quotation ends
        if n and max_end[n - 1] > q.start:
            continue  # already attributed
        # the quotation must end its sentence: "«…»." not "«Titolo» ha vinto"
        after = doc.text[q.close:q.close + 3].lstrip()
        if after and after[0] not in ".!?…" and after[0] not in "\n" and q.close < sent.end - 1:
            continue
        if last is None:
            continue
        gap = doc.sentence_index(q.open - 1) - doc.sentence_index(last.content[1] - 1)
        if gap > 1:
            continue
        out.append(Attribution(sent.sent_id, "direct", (q.start, q.end), last.speaker, None, None, None, None))
    return out
