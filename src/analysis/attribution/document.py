"""One document prepared for attribution: tokens, sentences, paragraphs, quotations.

Tokens and sentences come from the project's tokenizer and sentence splitter
(:mod:`analysis.tokenization`, :mod:`analysis.segmentation`), so every offset is
a character offset into the document text.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from ..segmentation import Span, split_paragraphs, split_sentences
from ..tokenization import Token, tokenize
from .lexicon import norm
from .quotes import Quote, find_quotes

__all__ = ["Sentence", "Document"]


@dataclass(frozen=True)
class Sentence:
    """A sentence: its id, character span, paragraph and token range ``[t0, t1)``."""

    sent_id: int
    start: int
    end: int
    para_id: int
    t0: int
    t1: int


@dataclass
class Document:
    """Text plus the tables the attribution rules walk over."""

    text: str
    tokens: list[Token]
    low: list[str]
    sentences: list[Sentence]
    paragraphs: list[Span]
    quotes: list[Quote]
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def build(cls, text: str, sentences: Sequence[tuple[int, int, int]] | None = None) -> "Document":
        """Prepare ``text``; ``sentences`` optionally gives (sent_id, start, end) rows to use."""
        paragraphs = split_paragraphs(text)
        if sentences is None:
            spans = [(i, s.start, s.end) for i, s in enumerate(split_sentences(text))]
        else:
            spans = [(int(i), int(s), int(e)) for i, s, e in sentences]
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        para_starts = [p.start for p in paragraphs]
        sents = []
        for sid, s, e in sorted(spans, key=lambda r: r[1]):
            t0, t1 = bisect_left(starts, s), bisect_left(starts, e)
            pid = max(0, bisect_right(para_starts, s) - 1)
            sents.append(Sentence(sid, s, e, pid, t0, t1))
        quotes = find_quotes(text, paragraphs)
        doc = cls(text, tokens, [norm(t.text) for t in tokens], sents, paragraphs, quotes)
        doc._starts = starts
        return doc

    # -- lookups ---------------------------------------------------------
    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self._starts, pos)

    def quote_opening_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.open == pos and q.opened:
                return q
        return None

    def quote_closing_at(self, pos: int) -> Quote | None:
        """The quotation whose closing mark is at ``pos``."""
        for q in self.quotes:
            if q.closed and q.end == pos:
                return q
        return None

    def quote_containing(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def sentence_of_token(self, i: int) -> Sentence | None:
        for s in self.sentences:
            if s.t0 <= i < s.t1:
                return s
        return None

    def is_quote_mark(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].text in ("«", "»", "“", "”", '"', "‘", "’", "„")
