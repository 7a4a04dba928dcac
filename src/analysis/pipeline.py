"""The Italian text pipeline: one document's text → paragraphs, sentences, tokens.

Pure functions from a string to column dicts; :mod:`analysis.corpus` stacks
them into the corpus DataFrames. Every span is a character offset into the
document text, so ``text[start:end]`` gives it back exactly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from .lemmatization import document_names, lemmatize_tokens
from .segmentation import Span, sentence_spans_from_tokens, split_paragraphs
from .stopwords import STOP_LEMMAS, STOP_WORDS
from .tokenization import Token, is_emoji_text, tokenize

__all__ = ["ProcessedText", "process_text", "PARAGRAPH_COLUMNS", "SENTENCE_COLUMNS", "TOKEN_COLUMNS"]

PARAGRAPH_COLUMNS = ("para_id", "start", "end")
SENTENCE_COLUMNS = ("sent_id", "para_id", "start", "end")
TOKEN_COLUMNS = (
    "sent_id", "token_id", "start", "end", "text", "lemma", "kind",
    "is_stop", "is_punct", "is_alpha", "is_digit", "is_title", "is_upper", "is_proper",
    "is_space", "like_url", "is_emoji",
)


@dataclass
class ProcessedText:
    """Column lists for one document (no doc_id yet; ids count from 0)."""

    paragraphs: dict[str, list] = field(default_factory=lambda: {c: [] for c in PARAGRAPH_COLUMNS})
    sentences: dict[str, list] = field(default_factory=lambda: {c: [] for c in SENTENCE_COLUMNS})
    tokens: dict[str, list] = field(default_factory=lambda: {c: [] for c in TOKEN_COLUMNS})


def process_text(text: str, *, breaks: Sequence[tuple[int, int]] = ()) -> ProcessedText:
    """Split ``text`` into paragraphs, sentences and tokens with lemmas and flags.

    ``breaks`` are spans ``(start, end)`` that must stand as paragraphs of
    their own (the boilerplate lines of :mod:`analysis.boilerplate`, so that
    no sentence runs into or out of them). ``sent_id`` and ``token_id`` count
    within the document; ``token_id`` runs through the whole document so
    (doc_id, token_id) is unique. Token columns (:data:`TOKEN_COLUMNS`):

    ========== ===== ==========================================================
    sent_id    int   sentence the token belongs to
    token_id   int   position in the document, from 0
    start, end int   character offsets: ``text[start:end] == text`` column
    text       str   the token as written
    lemma      str   dictionary form (:func:`analysis.lemmatization.lemmatize`)
    kind       str   :data:`analysis.tokenization.TOKEN_KINDS` (word, number…)
    is_stop    bool  function word (:mod:`analysis.stopwords`) or auxiliary
    is_punct   bool  punctuation
    is_alpha   bool  letters only
    is_digit   bool  a number (``11.000``, ``2,5%``)
    is_title   bool  capitalised, not all capitals
    is_upper   bool  all capitals, two characters or more
    is_proper  bool  capitalised word kept as its own lemma (a name)
    is_space   bool  always False (whitespace is never a token); for spaCy parity
    like_url   bool  a URL or e-mail address
    is_emoji   bool  an emoji or emoticon
    ========== ===== ==========================================================
    """
    if not isinstance(text, str):
        raise TypeError(f"process_text expects a str, got {type(text).__name__}")
    out = ProcessedText()
    P, S = out.paragraphs, out.sentences
    all_toks: list[Token] = []
    lemmas: list[str] = []
    sent_ids: list[int] = []
    sentences: list[list[Token]] = []
    sent_id = 0
    for para_id, para in enumerate(_cut(text, split_paragraphs(text), breaks)):
        P["para_id"].append(para_id)
        P["start"].append(para.start)
        P["end"].append(para.end)
        toks = tokenize(text, para.start, para.end)
        k = 0
        for span in sentence_spans_from_tokens(text, toks, para.start, para.end):
            S["sent_id"].append(sent_id)
            S["para_id"].append(para_id)
            S["start"].append(span.start)
            S["end"].append(span.end)
            first = k
            while k < len(toks) and toks[k].start < span.end:
                k += 1
            sentences.append(toks[first:k])
            sent_ids.extend([sent_id] * (k - first))
            sent_id += 1
    names = document_names(sentences)
    for sent_toks in sentences:
        all_toks.extend(sent_toks)
        lemmas.extend(lemmatize_tokens(sent_toks, names=names))
    forms = [t.text for t in all_toks]
    kinds = [t.kind for t in all_toks]
    upper = [f.isupper() for f in forms]
    T = out.tokens
    T["sent_id"] = sent_ids
    T["token_id"] = list(range(len(all_toks)))
    T["start"] = [t.start for t in all_toks]
    T["end"] = [t.end for t in all_toks]
    T["text"] = forms
    T["lemma"] = lemmas
    T["kind"] = kinds
    stop_forms = {f for f in set(forms) if f.lower().replace("\u2019", "'") in STOP_WORDS}  # once per distinct form
    T["is_stop"] = [f in stop_forms or lem in STOP_LEMMAS for f, lem in zip(forms, lemmas)]
    T["is_punct"] = [k == "punct" for k in kinds]
    T["is_alpha"] = [f.isalpha() for f in forms]
    T["is_digit"] = [k == "number" for k in kinds]
    T["is_title"] = [f[0].isupper() and not u for f, u in zip(forms, upper)]
    T["is_upper"] = [u and len(f) > 1 for f, u in zip(forms, upper)]
    T["is_proper"] = [k == "word" and f[0].isupper() and lem == f for f, k, lem in zip(forms, kinds, lemmas)]
    T["is_space"] = [False] * len(forms)
    T["like_url"] = [k == "url" or k == "email" for k in kinds]
    T["is_emoji"] = [k == "emoticon" or (k == "symbol" and is_emoji_text(f)) for f, k in zip(forms, kinds)]
    return out




def _cut(text: str, paragraphs: list[Span], breaks: Sequence[tuple[int, int]]) -> list[Span]:
    """``paragraphs`` with every span of ``breaks`` made a paragraph of its own (pieces trimmed)."""
    if not breaks:
        return paragraphs
    ordered = sorted((int(a), int(b)) for a, b in breaks)
    out: list[Span] = []
    for para in paragraphs:
        pos = para.start
        for a, b in ordered:
            if b <= pos or a >= para.end:
                continue
            for s, e in ((pos, max(pos, a)), (max(pos, a), min(b, para.end))):
                piece = _trim(text, s, e)
                if piece is not None:
                    out.append(piece)
            pos = min(b, para.end)
        piece = _trim(text, pos, para.end)
        if piece is not None:
            out.append(piece)
    return out


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
