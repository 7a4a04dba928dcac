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

__all__ = ["SentenceParse", "parse_sentences", "entities"]


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


def _parse(doc: Document, sentence: Sentence, sp: Any) -> SentenceParse:
    """Map tokens by character offset (a spaCy token that starts no document token is whitespace)."""
    starts = {doc.tokens[k].start - sentence.start: k for k in range(sentence.t0, sentence.t1)}
    from_sp: list[int | None] = [starts.get(t.idx) for t in sp]
    to_sp = [0] * (sentence.t1 - sentence.t0)
    for i, k in enumerate(from_sp):
        if k is not None:
            to_sp[k - sentence.t0] = i
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
    parsed = nlp.pipe(docs, disable=[n for n in ("ner",) if n in nlp.pipe_names])
    return {k: _parse(doc, doc.sentences[k], sp) for k, sp in zip(indices, parsed)}


def entities(p: SentenceParse, nlp: Any) -> Any:
    """The named entities of a parsed sentence, recognised on first use (parsing leaves them out: most
    sentences never need them, and the recogniser costs as much as the parser)."""
    if not p.doc.has_annotation("ENT_IOB") and "ner" in nlp.pipe_names:
        p.doc = nlp.get_pipe("ner")(p.doc)
    return p.doc.ents
