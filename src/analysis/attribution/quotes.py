"""Quotation marks paired into quotations, across sentences and paragraphs.

Written by hand: no offline library pairs Italian quotation marks. The rules:

* ``«…»``, ``“…”`` and ``‘…’`` pair as opener/closer; a straight ``"`` opens
  when none is open and closes otherwise; ``’`` inside a word is an apostrophe;
* only outermost quotations are kept (an inner ``‘…’`` stays inside its
  ``«…»``);
* a quotation still open at the end of a paragraph continues when the next
  paragraph starts with the same opening mark (the Italian convention for a
  quotation running over several paragraphs), or when the next paragraph
  closes it before opening anything; otherwise it ends with the paragraph;
* a closing mark with nothing open (``…lavoro", conclude Scacchetti.`` when
  the text starts inside a quotation) closes a quotation that runs from the
  start of its paragraph: such a quotation has ``opened=False``. A straight
  ``"`` counts as closing only when it follows a word or punctuation and is
  not followed by a letter.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..segmentation import Span

__all__ = ["Quote", "find_quotes", "OPENERS", "CLOSERS", "QUOTE_CHARS", "quote_word_count"]

#: Opening mark → closing mark.
OPENERS: dict[str, str] = {"«": "»", "“": "”", "‘": "’", '"': '"', "„": "“"}
CLOSERS: frozenset[str] = frozenset({"»", "”", "’", '"', "“"})
QUOTE_CHARS: frozenset[str] = frozenset("«»“”‘’\"„")


@dataclass(frozen=True)
class Quote:
    """One quotation: ``text[open:close]`` with its marks, ``text[start:end]`` without."""

    open: int
    start: int
    end: int
    close: int
    closed: bool = True
    opened: bool = True

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _orphan(text: str, start: int, pos: int) -> Quote | None:
    """A quotation closed at ``pos`` whose opening mark lies before the paragraph."""
    s = start
    while s < pos and text[s].isspace():
        s += 1
    if not any(c.isalnum() for c in text[s:pos]):
        return None
    return Quote(s, s, pos, pos + 1, True, False)


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quote], tuple[int, str] | None]:
    """Outermost quotes of one paragraph, and the (position, mark) of one left open."""
    out: list[Quote] = []
    stack: list[tuple[int, str]] = []
    seen_mark = False
    for pos in range(start, end):
        ch = text[pos]
        if ch not in QUOTE_CHARS:
            continue
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + 1] if pos + 1 < end else " "
        top = stack[-1][1] if stack else None
        if ch == "’" or ch == "‘":
            if ch == "’" and top == "‘" and not _is_word_char(nxt):
                o, _ = stack.pop()
                if not stack:
                    out.append(Quote(o, o + 1, pos, pos + 1))
            elif ch == "‘" and not _is_word_char(prev):
                stack.append((pos, "‘"))
            continue
        if ch == '"':
            if top in ("“", "«") and not _is_word_char(nxt) and _is_word_char(prev) or top in ("“", "«") and prev in ".!?…":
                o, _ = stack.pop()  # “…" : a straight mark typed for the closing one
                if not stack:
                    out.append(Quote(o, o + 1, pos, pos + 1))
            elif top == '"':
                o, _ = stack.pop()
                if not stack:
                    out.append(Quote(o, o + 1, pos, pos + 1))
            elif '"' in (m for _, m in stack):
                while stack and stack[-1][1] != '"':
                    stack.pop()
                o, _ = stack.pop()
                if not stack:
                    out.append(Quote(o, o + 1, pos, pos + 1))
            elif not seen_mark and (_is_word_char(prev) or prev in ".!?…,;:)") and not _is_word_char(nxt):
                q = _orphan(text, start, pos)  # closes a quotation opened before the paragraph
                if q is not None:
                    out.append(q)
            else:
                stack.append((pos, '"'))
            seen_mark = True
            continue
        if ch == "“" and top == "„":
            o, _ = stack.pop()
            if not stack:
                out.append(Quote(o, o + 1, pos, pos + 1))
            continue
        if ch in OPENERS:
            stack.append((pos, ch))
            seen_mark = True
            continue
        # a closing mark: close the matching opener, if any
        for k in range(len(stack) - 1, -1, -1):
            if OPENERS[stack[k][1]] == ch:
                o, _ = stack[k]
                del stack[k:]
                if not stack:
                    out.append(Quote(o, o + 1, pos, pos + 1))
                break
        else:
            if not seen_mark and not stack:
                q = _orphan(text, start, pos)
                if q is not None:
                    out.append(q)
        seen_mark = True
    pending = (stack[0][0], stack[0][1]) if stack else None
    return out, pending


def find_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    """Outermost quotations of ``text`` in order; see the module docstring."""
    quotes: list[Quote] = []
    pending: tuple[int, str] | None = None
    for k, para in enumerate(paragraphs):
        if pending is not None:
            o, mark = pending
            if text[para.start] == mark:
                # the quotation continues in this paragraph: pair from the new opener
                qs, still = _paragraph_quotes(text, para.start, para.end)
                if qs and qs[0].open == para.start:
                    first = qs[0]
                    quotes.append(Quote(o, o + 1, first.end, first.close))
                    quotes.extend(qs[1:])
                    pending = still
                    continue
                if still is not None and still[0] == para.start and not qs:
                    pending = (o, mark)  # opened again and still open: keep running
                    continue
                quotes.append(Quote(o, o + 1, paragraphs[k - 1].end, paragraphs[k - 1].end, closed=False))
                quotes.extend(q for q in qs if q.open != para.start)
                pending = still if still is None or still[0] != para.start else None
                continue
            qs, still = _paragraph_quotes(text, para.start, para.end)
            if qs and not qs[0].opened:
                # closed in this paragraph without being opened again
                quotes.append(Quote(o, o + 1, qs[0].end, qs[0].close))
                quotes.extend(qs[1:])
                pending = still
                continue
            quotes.append(Quote(o, o + 1, paragraphs[k - 1].end, paragraphs[k - 1].end, closed=False))
            quotes.extend(qs)
            pending = still
            continue
        qs, pending = _paragraph_quotes(text, para.start, para.end)
        quotes.extend(qs)
    if pending is not None and paragraphs:
        o, _ = pending
        quotes.append(Quote(o, o + 1, paragraphs[-1].end, paragraphs[-1].end, closed=False))
    quotes = [q for q in quotes if q.end > q.start]
    return sorted(quotes, key=lambda q: q.open)


def quote_word_count(text: str, quote: Quote) -> int:
    """Number of words inside a quotation."""
    return sum(1 for w in text[quote.start:quote.end].split() if any(c.isalnum() for c in w))
