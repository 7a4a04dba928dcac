"""Paragraph and sentence boundaries for Italian news, as character spans.

Written by hand: offline Italian sentence splitters either need model
downloads (NLTK punkt, spaCy models) or break on Italian abbreviations. Rules,
applied to the tokens of each paragraph:

* a sentence ends at ``.``, ``!``, ``?``, ``…`` (and runs of them), together
  with any closing quotes or brackets glued to it, when the next token opens a
  new sentence (capital letter, digit, opening quote, bracket or dash);
* abbreviations (``sig.``, ``dott.``, ``art.``) and initials (``J.``) keep
  their dot and do not end a sentence, except ``ecc.``/``etc.`` before a capital;
* numbers keep their dots (``11.000``) because the tokenizer keeps them whole;
* a paragraph break always ends a sentence, so headlines and list items without
  a final stop stand alone.

Paragraphs are blocks separated by blank lines; in a text with no blank line,
each non-empty line is a paragraph (one-article-per-line exports).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .tokenization import Token, tokenize

__all__ = ["Span", "split_paragraphs", "split_sentences", "sentence_spans_from_tokens"]


class Span(NamedTuple):
    """A half-open character span ``[start, end)`` into the source text."""

    start: int
    end: int


_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LINE_RE = re.compile(r"[^\n]+")
_TERMINALS = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({"»", "”", '"', "’", "'", ")", "]", "}"})
_OPENERS = frozenset({"«", "“", '"', "‘", "'", "(", "[", "-", "–", "—", "¿", "¡", "‹"})
_SENTENCE_ENDING_ABBREVIATIONS = frozenset({"ecc.", "etc.", "ecc..", "etc.."})


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans of ``text`` (whitespace trimmed, empty ones skipped)."""
    if _BLANK_LINE_RE.search(text):
        bounds, pos = [], 0
        for m in _BLANK_LINE_RE.finditer(text):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, len(text)))
    else:
        bounds = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    spans = (_trimmed(text, s, e) for s, e in bounds)
    return [s for s in spans if s is not None]


def _is_terminal(tok: Token) -> bool:
    if tok.kind == "punct":
        return tok.text[-1] in _TERMINALS or tok.text in ("...",)
    if tok.kind == "abbreviation":
        return tok.text.lower() in _SENTENCE_ENDING_ABBREVIATIONS
    return False


def _opens_sentence(tok: Token) -> bool:
    ch = tok.text[0]
    return ch.isupper() or ch.isdigit() or tok.text in _OPENERS or tok.kind in ("symbol", "emoticon", "handle")


def sentence_spans_from_tokens(text: str, tokens: list[Token], start: int, end: int) -> list[Span]:
    """Sentence spans for one paragraph ``text[start:end]`` given its tokens."""
    spans: list[Span] = []
    sent_start = start
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if _is_terminal(tok):
            j = i + 1
            # closing quotes/brackets glued to the stop belong to this sentence
            while j < n and tokens[j].text in _CLOSERS and tokens[j].start == tokens[j - 1].end:
                j += 1
            # a second stop after the closing quote: «...». Poi
            if j < n and tokens[j].kind == "punct" and tokens[j].text in _TERMINALS and tokens[j].start == tokens[j - 1].end:
                j += 1
            if j < n and _opens_sentence(tokens[j]):
                spans.append(Span(sent_start, tokens[j - 1].end))
                sent_start = tokens[j].start
            i = j
            continue
        i += 1
    last = _trimmed(text, sent_start, end)
    if last is not None:
        spans.append(last)
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``; paragraph breaks always split."""
    end = len(text) if end is None else end
    out: list[Span] = []
    for para in split_paragraphs(text[start:end]):
        ps, pe = para.start + start, para.end + start
        out.extend(sentence_spans_from_tokens(text, tokenize(text, ps, pe), ps, pe))
    return out
