"""One parse per sentence: the parses of a document's sentences, made once and shared by the analyses.

Several analyses read the parse of the same sentence: the names filter of
sentiment (parts of speech and entities of the sentences where an evaluative
word may be part of a name), the tone toward each actor (the dependency
parse of the sentences that mention one) and source attribution (the
sentences with a speech cue). A :class:`ParseStore` holds the parses of one
batch of documents (the per-document pass keeps one per chunk): the first
analysis that asks for a sentence has it parsed (tagger, morphologizer and
parser, in one batch with the other sentences it asks for); the entity
recogniser runs on demand, on the same ``Doc``, for the analyses that read
entities; every later request for that sentence gets the same ``Doc``.

A sentence is identified by its text and its tokens' offsets into it, so
two analyses that cut it the same way (every analysis reads the corpus
tokens) share its parse.
"""
from __future__ import annotations

from typing import Any, Sequence

from ..tokenization import Token
from .tokenizer import doc_from_tokens

__all__ = ["ParseStore"]

#: The pipeline component that recognises entities (run on demand).
NER = "ner"


class ParseStore:
    """Parses of sentences by ``(text, token offsets)``, each made once with ``nlp``.

    ``parse(items)`` gives the parsed ``Doc`` of each ``(text, tokens)``
    (tokens with offsets into ``text``); with ``entities=True`` the entity
    recogniser has run on it too. ``n_parsed`` counts the sentences parsed,
    ``n_requests`` the sentences asked for (the difference is the parses
    shared). ``max_sentences`` bounds the store: when full, it starts afresh.
    """

    def __init__(self, nlp: Any, *, max_sentences: int = 20_000) -> None:
        if nlp is None:
            raise ValueError("ParseStore needs the Italian pipeline (analysis.syntax.load_nlp()), got None")
        self.nlp = nlp
        self.max_sentences = max_sentences
        self._docs: dict[tuple[str, tuple[tuple[int, int], ...]], Any] = {}
        self.n_parsed = 0
        self.n_requests = 0

    @staticmethod
    def key(text: str, tokens: Sequence[Token]) -> tuple[str, tuple[tuple[int, int], ...]]:
        return text, tuple((t.start, t.end) for t in tokens)

    def __len__(self) -> int:
        return len(self._docs)

    def parse(self, items: Sequence[tuple[str, Sequence[Token]]], *, entities: bool = False) -> list[Any]:
        """The ``Doc`` of each ``(text, tokens)``: parsed once (in one batch for those not parsed yet)."""
        keys = [self.key(text, toks) for text, toks in items]
        self.n_requests += len(keys)
        todo: dict[tuple, tuple[str, Sequence[Token]]] = {}
        for key, item in zip(keys, items):
            if key not in self._docs and key not in todo:
                todo[key] = item
        if todo:
            if len(self._docs) + len(todo) > self.max_sentences:
                self._docs.clear()
                return self.parse(items, entities=entities)
            docs = [doc_from_tokens(self.nlp.vocab, text, toks, 0, len(text)) for text, toks in todo.values()]
            disabled = [NER] if NER in self.nlp.pipe_names else []
            for key, doc in zip(todo, self.nlp.pipe(docs, disable=disabled)):
                self._docs[key] = doc
            self.n_parsed += len(todo)
        out = [self._docs[key] for key in keys]
        if entities:
            for doc in out:
                self.recognise(doc)
        return out

    def recognise(self, doc: Any) -> Any:
        """Run the entity recogniser on ``doc`` (one of this store's) unless it has run already."""
        if NER in self.nlp.pipe_names and not doc.has_annotation("ENT_IOB"):
            self.nlp.get_pipe(NER)(doc)
        return doc

    def clear(self) -> None:
        self._docs.clear()
