"""One document prepared for attribution: tokens, sentences, paragraphs, quotations.

Tokens and sentences come from the project's tokenizer and sentence splitter
(:mod:`analysis.tokenization`, :mod:`analysis.segmentation`), so every offset is
a character offset into the document text. A corpus already holds both (its
``tokens`` and ``sentences`` tables come from the same tokenizer and splitter),
so :meth:`Document.build` takes them as given instead of tokenizing again.
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
    _by_open: dict[int, Quote] = field(default_factory=dict, repr=False)
    _by_end: dict[int, Quote] = field(default_factory=dict, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    #: Dependency parses of candidate sentences, by index into :attr:`sentences`
    #: (:func:`analysis.attribution.parse.parse_sentences`); empty when not parsed.
    parses: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, text: str, sentences: Sequence[tuple[int, int, int]] | None = None, *,
              tokens: Sequence[Token] | None = None) -> "Document":
        """Prepare ``text``.

        ``sentences`` optionally gives (sent_id, start, end) rows to use;
        ``tokens`` optionally gives the tokens of the whole text, in order, as
        :func:`analysis.tokenization.tokenize` returns them (e.g. from
        ``Corpus.tokens``); by default the text is tokenized here.
        """
        paragraphs = split_paragraphs(text)
        if sentences is None:
            spans = [(i, s.start, s.end) for i, s in enumerate(split_sentences(text))]
        else:
            spans = [(int(i), int(s), int(e)) for i, s, e in sentences]
        tokens = tokenize(text) if tokens is None else list(tokens)
        starts = [t.start for t in tokens]
        para_starts = [p.start for p in paragraphs]
        sents = []
        for sid, s, e in sorted(spans, key=lambda r: r[1]):
            t0, t1 = bisect_left(starts, s), bisect_left(starts, e)
            pid = max(0, bisect_right(para_starts, s) - 1)
            sents.append(Sentence(sid, s, e, pid, t0, t1))
        quotes = find_quotes(text, paragraphs)
        forms: dict[str, str] = {}  # norm once per distinct form
        low = [forms.get(t.text) or forms.setdefault(t.text, norm(t.text)) for t in tokens]
        doc = cls(text, tokens, low, sents, paragraphs, quotes)
        doc._starts = starts
        # lookups by position in O(log n): quotations are outermost, so they do not overlap
        doc._by_open = {q.open: q for q in quotes if q.opened}
        doc._by_end = {q.end: q for q in quotes if q.closed}
        doc._quote_starts = [q.start for q in quotes]
        doc._sent_starts = [x.start for x in sents]
        return doc

    # -- lookups ---------------------------------------------------------
    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self._starts, pos)

    def quote_opening_at(self, pos: int) -> Quote | None:
        return self._by_open.get(pos)

    def quote_closing_at(self, pos: int) -> Quote | None:
        """The quotation whose closing mark is at ``pos``."""
        return self._by_end.get(pos)

    def quote_containing(self, pos: int) -> Quote | None:
        k = bisect_right(self._quote_starts, pos) - 1
        if k >= 0 and self.quotes[k].start <= pos < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quotes_overlapping(self, s: int, e: int) -> list[Quote]:
        """Quotations whose inside overlaps ``[s, e)``, in order."""
        k = max(0, bisect_right(self._quote_starts, s) - 1)
        out = []
        while k < len(self.quotes) and self.quotes[k].start < e:
            if self.quotes[k].end > s:
                out.append(self.quotes[k])
            k += 1
        return out

    def sentence_index(self, pos: int) -> int:
        """Index in :attr:`sentences` of the last sentence starting at or before ``pos`` (-1 if none)."""
        return bisect_right(self._sent_starts, pos) - 1

    def sentence_of_token(self, i: int) -> Sentence | None:
        if not self.tokens or i >= len(self.tokens):
            return None
        k = self.sentence_index(self.tokens[i].start)
        if k >= 0 and self.sentences[k].t0 <= i < self.sentences[k].t1:
            return self.sentences[k]
        return None

    def is_quote_mark(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].text in ("«", "»", "“", "”", '"', "‘", "’", "„")
