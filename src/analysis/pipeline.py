"""The Italian text pipeline: one document's text → paragraphs, sentences, tokens.

Pure functions from a string to column dicts; :mod:`analysis.corpus` stacks
them into the corpus DataFrames. Every span is a character offset into the
document text, so ``text[start:end]`` gives it back exactly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lemmatization import lemmatize
from .segmentation import sentence_spans_from_tokens, split_paragraphs
from .stopwords import STOP_WORDS
from .tokenization import iter_tokens

__all__ = ["ProcessedText", "process_text", "PARAGRAPH_COLUMNS", "SENTENCE_COLUMNS", "TOKEN_COLUMNS"]

PARAGRAPH_COLUMNS = ("para_id", "start", "end")
SENTENCE_COLUMNS = ("sent_id", "para_id", "start", "end")
TOKEN_COLUMNS = (
    "sent_id", "token_id", "start", "end", "text", "lemma", "kind",
    "is_stop", "is_punct", "is_alpha", "is_digit", "is_title", "is_upper", "is_proper",
)


@dataclass
class ProcessedText:
    """Column lists for one document (no doc_id yet; ids count from 0)."""

    paragraphs: dict[str, list] = field(default_factory=lambda: {c: [] for c in PARAGRAPH_COLUMNS})
    sentences: dict[str, list] = field(default_factory=lambda: {c: [] for c in SENTENCE_COLUMNS})
    tokens: dict[str, list] = field(default_factory=lambda: {c: [] for c in TOKEN_COLUMNS})


def process_text(text: str) -> ProcessedText:
    """Split ``text`` into paragraphs, sentences and tokens with lemmas and flags.

    ``sent_id`` and ``token_id`` count within the document; ``token_id`` runs
    through the whole document so (doc_id, token_id) is unique.
    """
    out = ProcessedText()
    P, S, T = out.paragraphs, out.sentences, out.tokens
    sent_id = token_id = 0
    for para_id, para in enumerate(split_paragraphs(text)):
        P["para_id"].append(para_id)
        P["start"].append(para.start)
        P["end"].append(para.end)
        toks = list(iter_tokens(text, para.start, para.end))
        spans = sentence_spans_from_tokens(text, toks, para.start, para.end)
        k = 0
        for span in spans:
            S["sent_id"].append(sent_id)
            S["para_id"].append(para_id)
            S["start"].append(span.start)
            S["end"].append(span.end)
            first = True
            while k < len(toks) and toks[k].start < span.end:
                tok = toks[k]
                k += 1
                if tok.start < span.start:
                    continue
                form, kind = tok.text, tok.kind
                lemma = lemmatize(form, kind=kind, sentence_initial=first or _after_opener(T, sent_id))
                is_punct = kind == "punct"
                is_alpha = form.isalpha()
                T["sent_id"].append(sent_id)
                T["token_id"].append(token_id)
                T["start"].append(tok.start)
                T["end"].append(tok.end)
                T["text"].append(form)
                T["lemma"].append(lemma)
                T["kind"].append(kind)
                T["is_stop"].append(form.lower().replace("\u2019", "'") in STOP_WORDS)
                T["is_punct"].append(is_punct)
                T["is_alpha"].append(is_alpha)
                T["is_digit"].append(kind == "number")
                T["is_title"].append(form[:1].isupper() and not form.isupper())
                T["is_upper"].append(len(form) > 1 and form.isupper())
                T["is_proper"].append(kind in ("word", "acronym") and form[:1].isupper() and lemma == form)
                token_id += 1
                if not is_punct:
                    first = False
            sent_id += 1
    return out


def _after_opener(T: dict[str, list], sent_id: int) -> bool:
    """True when the previous token of this sentence opens a quote or bracket."""
    if not T["sent_id"] or T["sent_id"][-1] != sent_id:
        return False
    return T["text"][-1] in ("«", "“", '"', "(", "‘", "-", "–", "—", ":")
