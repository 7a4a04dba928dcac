"""``TextBlobIT``: a TextBlob that speaks Italian and needs no NLTK data.

TextBlob hard-wires three things to English or to NLTK downloads:
``.sentences`` always calls NLTK's ``sent_tokenize`` (punkt), ``.words``
uses NLTK's word tokenizer, and ``.polarity``/``.subjectivity`` build a new
*English* ``PatternAnalyzer`` whatever analyzer the blob was given. This
subclass overrides all of them so that, by default, everything runs offline
on our Italian tokenizer, sentence splitter and sentiment analyzer.
"""
from __future__ import annotations

from textblob.base import BaseTokenizer
from textblob.blob import Sentence, TextBlob, WordList
from textblob.decorators import cached_property

from .pattern_analyzer import PatternAnalyzer
from .tokenizers import ItalianSentenceTokenizer, ItalianWordTokenizer

__all__ = ["TextBlobIT", "SentenceIT"]

_WORD_TOKENIZER = ItalianWordTokenizer()
_SENTENCE_TOKENIZER = ItalianSentenceTokenizer()
_ANALYZER = PatternAnalyzer()


class _ItalianBlob:
    """What :class:`SentenceIT` and :class:`TextBlobIT` override in TextBlob's blobs.

    ``.words`` leaves punctuation out with our tokenizer; ``.polarity`` and
    ``.subjectivity`` come from the blob's own analyzer (TextBlob's build a
    new English one).
    """

    # What the blob classes it is mixed into provide (TextBlob's BaseBlob).
    tokenizer: BaseTokenizer
    raw: str
    sentiment: tuple[float, ...]

    @cached_property
    def words(self) -> WordList:
        tokenizer = self.tokenizer
        if isinstance(tokenizer, ItalianWordTokenizer):
            return WordList(tokenizer.tokenize(self.raw, include_punc=False))
        return WordList(tokenizer.tokenize(self.raw))

    @cached_property
    def polarity(self) -> float:
        return self.sentiment[0]

    @cached_property
    def subjectivity(self) -> float:
        return self.sentiment[1]


class SentenceIT(_ItalianBlob, Sentence):
    """A sentence of a :class:`TextBlobIT`; ``start``/``end`` are offsets into the blob."""

    def __init__(self, sentence, start_index=0, end_index=None, *args, **kwargs):
        kwargs.setdefault("tokenizer", _WORD_TOKENIZER)
        kwargs.setdefault("analyzer", _ANALYZER)
        super().__init__(sentence, start_index, end_index, *args, **kwargs)
        # TextBlob's default end for a lone sentence is len - 1; ours is exclusive.
        if end_index is None:
            self.end = self.end_index = start_index + len(sentence)


class TextBlobIT(_ItalianBlob, TextBlob):
    """TextBlob for Italian text, offline.

    Defaults: :class:`ItalianWordTokenizer`, the Italian
    :class:`~analysis.textblob_it.pattern_analyzer.PatternAnalyzer`. ``.sentences``
    are :class:`SentenceIT` objects that are exact substrings of the text
    (``blob.raw[s.start:s.end] == s.raw``); ``.words`` leaves punctuation out;
    ``.polarity`` and ``.subjectivity`` come from the blob's own analyzer.

    >>> TextBlobIT("Non è affatto una buona notizia.").polarity < 0
    True
    """

    def __init__(self, text, tokenizer=None, pos_tagger=None, np_extractor=None, analyzer=None,
                 parser=None, classifier=None, clean_html=False):
        super().__init__(text, tokenizer=tokenizer or _WORD_TOKENIZER, pos_tagger=pos_tagger,
                         np_extractor=np_extractor, analyzer=analyzer or _ANALYZER, parser=parser,
                         classifier=classifier, clean_html=clean_html)

    def _create_sentence_objects(self) -> list[SentenceIT]:
        return [
            SentenceIT(self.raw[s:e], start_index=s, end_index=e, tokenizer=self.tokenizer,
                       np_extractor=self.np_extractor, pos_tagger=self.pos_tagger,
                       analyzer=self.analyzer, parser=self.parser, classifier=self.classifier)
            for s, e in _SENTENCE_TOKENIZER.spans(self.raw)
        ]
