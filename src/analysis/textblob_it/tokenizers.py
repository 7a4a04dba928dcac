"""Our Italian tokenizer and sentence splitter as TextBlob tokenizers.

TextBlob's own ``WordTokenizer`` and ``SentenceTokenizer`` call NLTK's punkt
models, which are not installed offline (``MissingCorpusError``) and are not
Italian. These wrap :func:`analysis.tokenization.tokenize` and
:func:`analysis.segmentation.split_sentences` instead.
"""
from __future__ import annotations

from textblob.base import BaseTokenizer

from ..segmentation import Span, split_sentences
from ..tokenization import tokenize

__all__ = ["ItalianWordTokenizer", "ItalianSentenceTokenizer"]

_WORD_KINDS = frozenset({"word", "elision", "abbreviation", "acronym", "number", "url", "email", "handle"})


class ItalianWordTokenizer(BaseTokenizer):
    """Italian words (``l'`` + ``agenzia``), punctuation included unless ``include_punc=False``."""

    def tokenize(self, text: str, include_punc: bool = True) -> list[str]:
        if not isinstance(text, str):
            raise TypeError(f"tokenize() expects a str, got {type(text).__name__}")
        return [t.text for t in tokenize(text) if include_punc or t.kind in _WORD_KINDS]


class ItalianSentenceTokenizer(BaseTokenizer):
    """Italian sentences: exact substrings of the text (see :meth:`spans`)."""

    def tokenize(self, text: str) -> list[str]:
        return [text[s:e] for s, e in self.spans(text)]

    def spans(self, text: str) -> list[Span]:
        """``(start, end)`` of every sentence; ``text[start:end]`` is the sentence."""
        if not isinstance(text, str):
            raise TypeError(f"spans() expects a str, got {type(text).__name__}")
        return split_sentences(text)
