"""Paragraph and sentence boundaries for Italian news, as character spans.

Written by hand: offline Italian sentence splitters either need model
downloads (NLTK punkt, spaCy models) or break on Italian abbreviations. Rules,
applied to the tokens of each paragraph (:mod:`analysis.tokenization` already
keeps ``dott.``, ``p.es.``, ``U.S.A.``, initials and ``11.000`` whole, so their
dots never reach these rules):

* a sentence ends at ``.``, ``!``, ``?``, ``…``/``...`` (and runs of them),
  together with closing quotes or brackets glued to it (``».``, ``?”``), when
  the next token opens a sentence: a capital letter, a digit, an opening quote,
  bracket or dash, a symbol; emoji and emoticons right after the stop stay
  with the sentence they close;
* a lone full stop also ends a sentence before a lower-case word when the word
  before it ends in a vowel (Italian words do, abbreviations such as ``distr.``
  or ``sez.`` end in a consonant); ``!``, ``?`` and ellipses before a lower-case
  word, and any stop followed by a closing quote, continue the sentence
  (``«Basta!» ha detto``);
* ``ecc.``/``etc.`` end a sentence before a capital; other abbreviations never do;
* a number opening a sentence and followed by a stop is a list or article
  label (``1. Premessa``, ``858. Comprensorio``), not a sentence;
* a line break inside a paragraph ends a sentence when the line before ends in
  ``:``/``;``, a stop or a capitalised word (a headline) and the next line opens
  a sentence, or when the next line starts with a bullet;
* a paragraph break always ends a sentence, so headlines and list items without
  a final stop stand alone.

Paragraphs are blocks separated by blank lines; in a text with no blank line,
each non-empty line is a paragraph (one-article-per-line exports).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .tokenization import Token, is_emoji_text, tokenize

__all__ = ["Span", "split_paragraphs", "split_sentences", "sentence_spans_from_tokens"]


class Span(NamedTuple):
    """A half-open character span ``[start, end)`` into the source text."""

    start: int
    end: int


_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LINE_RE = re.compile(r"[^\n]+")
_TERMINALS = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({"»", "”", '"', "’", "'", ")", "]", "}", "›"})
_OPENERS = frozenset({"«", "“", '"', "‘", "'", "(", "[", "-", "–", "—", "¿", "¡", "‹", "•", "*", "·"})
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "►"})
_SENTENCE_ENDING_ABBREVIATIONS = frozenset({"ecc.", "etc.", "ecc..", "etc.."})
_OPENING_KINDS = frozenset({"symbol", "handle", "number", "url"})
_VOWEL_ENDINGS = frozenset("aeiouàèéìíòóùúAEIOUÀÈÉÌÍÒÓÙÚ")


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


def _is_candidate(tok: Token) -> bool:
    if tok.kind == "punct":
        return tok.text[-1] in _TERMINALS
    if tok.kind == "abbreviation":
        return tok.text.lower() in _SENTENCE_ENDING_ABBREVIATIONS
    return False


def _opens_sentence(tok: Token) -> bool:
    ch = tok.text[0]
    return ch.isupper() or ch.isdigit() or tok.text in _OPENERS or tok.kind in _OPENING_KINDS


def _ends_at(tokens: list[Token], i: int, j: int, sent_first: int) -> bool:
    """Whether the stop at ``tokens[i]`` (with glued closers up to ``j``) ends a sentence."""
    stop, nxt = tokens[i], tokens[j]
    if stop.text == "." and i == sent_first + 1 and tokens[i - 1].kind == "number":
        return False  # "1. Premessa": a list or article label
    if _opens_sentence(nxt):
        return True
    if stop.text == "." and j == i + 1 and nxt.kind in ("word", "elision") and nxt.text[0].islower() and i > 0:
        prev = tokens[i - 1]
        return prev.kind in ("word", "number") and prev.end == stop.start and (
            prev.kind != "word" or prev.text[-1] in _VOWEL_ENDINGS
        )
    return False


def _line_break_ends(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the line break between ``tokens[k-1]`` and ``tokens[k]`` ends a sentence."""
    prev, nxt = tokens[k - 1], tokens[k]
    if nxt.text in _BULLETS:
        return True
    if not _opens_sentence(nxt):
        return False
    last = prev.text[-1]
    return last in ":;" or last in _TERMINALS or last in _CLOSERS or (prev.kind == "word" and prev.text[0].isupper()) or prev.kind in ("number", "acronym")


def sentence_spans_from_tokens(text: str, tokens: list[Token], start: int, end: int) -> list[Span]:
    """Sentence spans for one paragraph ``text[start:end]`` given its tokens."""
    n = len(tokens)
    cuts: list[int] = []  # index of the first token of each new sentence
    candidates = [i for i, t in enumerate(tokens) if (t.kind == "punct" or t.kind == "abbreviation") and _is_candidate(t)]
    if "\n" in text[start:end]:
        breaks = [k for k in range(1, n) if "\n" in text[tokens[k - 1].end : tokens[k].start]]
    else:
        breaks = []
    events = sorted([(i, 0) for i in candidates] + [(k, 1) for k in breaks])
    sent_first = 0
    for idx, what in events:
        if what == 1:
            if idx > sent_first and _line_break_ends(text, tokens, idx):
                cuts.append(idx)
                sent_first = idx
            continue
        if idx < sent_first:
            continue
        j = idx + 1
        # closing quotes/brackets glued to the stop belong to this sentence
        while j < n and tokens[j].text in _CLOSERS and tokens[j].start == tokens[j - 1].end:
            j += 1
        # a second stop after the closing quote: «...». Poi
        if j < n and tokens[j].kind == "punct" and tokens[j].text in _TERMINALS and tokens[j].start == tokens[j - 1].end:
            j += 1
        # emoji and emoticons after the stop close the sentence too: "Bello! 😀 Poi"
        while j < n and (tokens[j].kind == "emoticon" or (tokens[j].kind == "symbol" and is_emoji_text(tokens[j].text))):
            j += 1
        if j < n and _ends_at(tokens, idx, j, sent_first):
            cuts.append(j)
            sent_first = j
    spans: list[Span] = []
    sent_start = start
    for j in cuts:
        spans.append(Span(sent_start, tokens[j - 1].end))
        sent_start = tokens[j].start
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
