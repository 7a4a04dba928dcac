"""``PatternAnalyzer``: the Italian analyzer (:func:`analysis.textblob_it.analyze`) for TextBlob.

Kept apart from :mod:`analysis.textblob_it.analyzer` so that scoring text
does not import TextBlob (and with it NLTK and SciPy).
"""
from __future__ import annotations

from textblob.base import CONTINUOUS, BaseSentimentAnalyzer

from .analyzer import Analysis, Sentiment, SentimentAssessments, analyze
from .lexicon import Lexicon, load_lexicon
from .names import NameParser, Names

__all__ = ["PatternAnalyzer", "assessment_rows"]


def assessment_rows(result: Analysis) -> list[tuple]:
    """The assessments as TextBlob lists them: ``(words, polarity, subjectivity, rules or None)``."""
    return [(a.text.split(), a.polarity, a.subjectivity, a.rules or None) for a in result.assessments]


class PatternAnalyzer(BaseSentimentAnalyzer):
    """Italian sentiment analyzer for TextBlob (continuous).

    ``analyze(text)`` returns ``Sentiment(polarity, subjectivity)``;
    ``analyze(text, keep_assessments=True)`` returns
    ``Sentiment(polarity, subjectivity, assessments)`` where each assessment
    is ``(words, polarity, subjectivity, rules)`` like TextBlob's English
    analyzer (``words`` a list of the words, ``rules`` a tuple naming what
    changed the lexicon score, or None). Use with ``TextBlobIT`` or
    ``Blobber(analyzer=PatternAnalyzer())``.

    ``social_media=True`` adds the social-media layer of the lexicon (slang,
    greetings, written laughter: for tweets and comments); ``names`` is a
    :class:`~analysis.textblob_it.names.Names` (default: the curated list),
    or False to score the evaluative words inside names too (see
    :mod:`analysis.textblob_it.names`). Skipped names are among the
    assessments with the rules ``("skipped", reason)``.
    """

    kind = CONTINUOUS
    RETURN_TYPE = Sentiment

    def __init__(self, *, lexicon: Lexicon | None = None, social_media: bool = False, names: bool | Names = True,
                 parser: NameParser | None = None):
        super().__init__()
        self._lexicon = lexicon
        self.social_media = social_media
        self.names = names
        self.parser = parser

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(social_media=self.social_media)
        return self._lexicon

    def train(self) -> None:  # nothing to train: a lexicon
        self._trained = True

    def analyze(self, text, keep_assessments: bool = False):
        if not isinstance(text, str):
            text = str(text)  # TextBlob passes str; a blob or Word is str-like
        result = analyze(text, lexicon=self.lexicon, names=self.names, parser=self.parser)
        if keep_assessments:
            return SentimentAssessments(result.polarity, result.subjectivity, assessment_rows(result))
        return Sentiment(result.polarity, result.subjectivity)
