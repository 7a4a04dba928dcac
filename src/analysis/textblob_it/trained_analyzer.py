"""``TrainedAnalyzer``: the trained Italian sentiment model as a TextBlob analyzer.

Plugs in as TextBlob's own ``NaiveBayesAnalyzer`` does
(``TextBlobIT(text, analyzer=TrainedAnalyzer())``; the model is loaded on
first use, as NaiveBayesAnalyzer trains on first use), but returns what the
Italian ``PatternAnalyzer`` returns, ``Sentiment(polarity, subjectivity)``,
so that ``blob.polarity``, the tables and the figures read both alike. The
words behind a score stay the lexicon's: ``sentiment_assessments`` lists the
lexicon's assessments beside the model's scores, and :meth:`probabilities`
gives the model's class probabilities.

Kept apart from :mod:`analysis.textblob_it.model` so that scoring text
does not import TextBlob.
"""
from __future__ import annotations

from pathlib import Path

from textblob.base import CONTINUOUS, BaseSentimentAnalyzer

from ..tokenization import tokenize
from .analyzer import Analysis, Sentiment, SentimentAssessments, analyze
from .features import DOMAINS, Domain
from .lexicon import load_lexicon
from .model import MODEL_PATH, ModelScore, SentimentModel, load_model
from .names import NameParser, Names
from .pattern_analyzer import assessment_rows

__all__ = ["TrainedAnalyzer"]


class TrainedAnalyzer(BaseSentimentAnalyzer):
    """The trained model (:mod:`analysis.textblob_it.model`) as a TextBlob sentiment analyzer (continuous).

    ``domain``: ``"news"`` (default) or ``"tweets"`` (tweets and comments:
    the lexicon's social-media layer among the features, and the tweet
    thresholds); ``names``: the names whose words the lexicon features skip
    (a :class:`~analysis.textblob_it.names.Names`, default the curated list);
    ``model``: a :class:`~analysis.textblob_it.model.SentimentModel` (default
    the shipped one, loaded on first use).
    """

    kind = CONTINUOUS
    RETURN_TYPE = Sentiment

    def __init__(self, *, domain: Domain = "news", names: bool | Names = True, model: SentimentModel | None = None,
                 model_path: str | Path = MODEL_PATH, parser: NameParser | None = None) -> None:
        super().__init__()
        if domain not in DOMAINS:
            raise ValueError(f"domain must be one of {', '.join(DOMAINS)}, got {domain!r}")
        self.domain = domain
        self.names = names
        self.parser = parser
        self._model = model
        self._model_path = Path(model_path)

    def train(self) -> None:
        """Load the trained model (nothing is trained at run time)."""
        if self._model is None:
            self._model = load_model(self._model_path)
        self._trained = True

    @property
    def model(self) -> SentimentModel:
        if not self._trained:
            self.train()
        return self._model  # type: ignore[return-value]

    def _score(self, text: str) -> tuple[ModelScore, Analysis]:
        if not isinstance(text, str):
            text = str(text)
        tokens = tokenize(text)
        lexicon = load_lexicon(social_media=self.domain == "tweets")
        result = analyze(text, lexicon=lexicon, names=self.names, parser=self.parser)
        return self.model.score([(tokens, result, self.domain)])[0], result

    def analyze(self, text, keep_assessments: bool = False):
        """``Sentiment(polarity, subjectivity)``; with ``keep_assessments`` also the lexicon's assessments."""
        score, result = self._score(text)
        if keep_assessments:
            return SentimentAssessments(score.polarity, score.subjectivity, assessment_rows(result))
        return Sentiment(score.polarity, score.subjectivity)

    def probabilities(self, text) -> dict[str, float]:
        """The model's probabilities: ``negative``, ``neutral``, ``positive`` and ``subjective``."""
        score, _ = self._score(text)
        return {"negative": score.p_negative, "neutral": score.p_neutral, "positive": score.p_positive,
                "subjective": score.p_subjective}
