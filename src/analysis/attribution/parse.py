"""The dependency parse of the sentences that may hold an attribution.

Parsing is the slow step of the workbook, so only candidate sentences are
parsed: those with a speech cue (:func:`analysis.attribution.cues.find_cues`).
Quotations, "secondo" phrases and headline colons are read from the surface
and need no parse. The pipeline's tokenizer is ours, so every spaCy token of a
sentence is one of the document's tokens (or a whitespace token spaCy adds
for a line break inside the sentence), and the mapping between the two is a
list lookup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..syntax.tokenizer import doc_from_tokens
from .document import Document, Sentence

__all__ = ["SentenceParse", "parse_sentences"]


@dataclass
class SentenceParse:
    """One parsed sentence: the spaCy ``Doc`` and the token mapping both ways."""

    sentence: Sentence
    doc: Any  # spacy.tokens.Doc
    to_sp: list[int]  # document token index - sentence.t0 → spaCy token index
    from_sp: list[int | None]  # spaCy token index → document token index (None for whitespace)

    def token(self, i: int) -> Any:
        """The spaCy token of document token ``i`` (which must be inside the sentence)."""
        return self.doc[self.to_sp[i - self.sentence.t0]]

    def index(self, token: Any) -> int | None:
        """The document token index of a spaCy token (None for a whitespace token)."""
        return self.from_sp[token.i]


def _parse(sentence: Sentence, sp: Any) -> SentenceParse:
    to_sp: list[int] = []
    from_sp: list[int | None] = []
    k = sentence.t0
    for t in sp:
        if t.is_space:
            from_sp.append(None)
        else:
            from_sp.append(k)
            to_sp.append(t.i)
            k += 1
    return SentenceParse(sentence, sp, to_sp, from_sp)


def parse_sentences(doc: Document, indices: Iterable[int], nlp: Any) -> dict[int, SentenceParse]:
    """Parses of ``doc.sentences[k]`` for each ``k`` in ``indices``, in one batch through ``nlp``."""
    indices = list(indices)
    if not indices:
        return {}
    docs = []
    for k in indices:
        s = doc.sentences[k]
        docs.append(doc_from_tokens(nlp.vocab, doc.text, doc.tokens[s.t0:s.t1], s.start, s.end))
    return {k: _parse(doc.sentences[k], sp) for k, sp in zip(indices, nlp.pipe(docs))}
