"""``SentimentScorer``: one object that owns how text is scored for tone.

A scorer holds everything a score depends on, and the caches that depend on
it: the lexicon (news, or news plus the social-media layer), the names that
carry no sentiment (the curated list plus your own), the model's names
cached by sentence, the lexicon analyses cached by text, and which analyzer
gives the scores:

* ``"lexicon"`` — the lexicon with rules (:func:`analysis.textblob_it.analyze`):
  every score explained word by word;
* ``"trained"`` — the trained model (:mod:`analysis.textblob_it.model`),
  which reads the lexicon's analysis among its features; the lexicon still
  gives the explanations (``sentence_assessments``);
* any TextBlob sentiment analyzer object whose ``analyze(text)`` returns
  ``(polarity, subjectivity)``.

Changing the names or the social-media setting drops this scorer's cached
scores, and no other::

    scorer = SentimentScorer()                       # the default analyzer, news
    scorer.add_names(["Patto per la Crescita Felice"])
    sentence_sentiment(corpus, scorer=scorer)
    tweets = SentimentScorer(social_media=True)      # tweets and comments

The functions of :mod:`analysis.sentiment` use :func:`default_scorer` when
given none.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Literal, NamedTuple, Sequence

from ..textblob_it.analyzer import Analysis, analyze_tokens, name_candidate_groups
from ..textblob_it.lexicon import Lexicon, load_lexicon
from ..textblob_it.names import Match, NameParser, Names, curated_names
from ..tokenization import Token, tokenize

__all__ = ["SentimentScorer", "AnalyzerName", "ANALYZERS", "DEFAULT_ANALYZER", "Score", "default_scorer"]

AnalyzerName = Literal["lexicon", "trained"]
ANALYZERS: tuple[AnalyzerName, ...] = ("lexicon", "trained")
#: The analyzer of the tables when none is named: the one measured better on news
#: (README, "Sentiment": both figures on the frozen news test).
DEFAULT_ANALYZER: AnalyzerName = "trained"


class Score(NamedTuple):
    """A text's tone: the analyzer's ``polarity`` and ``subjectivity``, and the lexicon's ``analysis`` (its words)."""

    polarity: float
    subjectivity: float
    analysis: Analysis


class _Cache:
    """At most ``maxsize`` values by key (the oldest go first)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._values: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        return self._values.get(key)

    def put(self, key: Any, value: Any) -> None:
        if len(self._values) >= self.maxsize:
            del self._values[next(iter(self._values))]
        self._values[key] = value

    def clear(self) -> None:
        self._values.clear()


class SentimentScorer:
    """Scores Italian text for tone; owns its lexicon, names, analyzer and caches (see the module docstring).

    ``analyzer``: ``"lexicon"``, ``"trained"``, ``"default"``
    (:data:`DEFAULT_ANALYZER`) or an analyzer object; ``social_media``: the
    social-media layer of the lexicon, and the tweet domain of the trained
    model; ``names``: a :class:`~analysis.textblob_it.names.Names` to start
    from (copied; default the curated list); ``model_names``: let the Italian
    model find names in the sentences that need it.
    """

    def __init__(self, *, analyzer: AnalyzerName | Literal["default"] | Any = "default", social_media: bool = False,
                 names: Names | None = None, model_names: bool = True, cache_size: int = 50_000,
                 model_path: str | Path | None = None) -> None:
        if isinstance(analyzer, str) and analyzer not in (*ANALYZERS, "default"):
            raise ValueError(f"analyzer must be one of {', '.join(ANALYZERS)}, 'default' or an analyzer object; "
                             f"got {analyzer!r}")
        self.analyzer = DEFAULT_ANALYZER if analyzer == "default" else analyzer
        self._social_media = bool(social_media)
        self.names = (names or curated_names()).copy()
        self.model_names = model_names
        self.parser = NameParser(cache_size)
        self.model_path = Path(model_path) if model_path is not None else None
        self._analyses = _Cache(cache_size)
        self._scores = _Cache(cache_size)
        self._version = self.names.version
        self._variants: dict[Any, SentimentScorer] = {}  # the same scorer with other analyzers (:meth:`using`)

    def __repr__(self) -> str:
        name = self.analyzer if isinstance(self.analyzer, str) else type(self.analyzer).__name__
        return (f"SentimentScorer(analyzer={name!r}, social_media={self._social_media}, "
                f"user_names={len(self.names.user_names)})")

    # --- settings -----------------------------------------------------------------------------------------

    @property
    def social_media(self) -> bool:
        """The social-media layer of the lexicon (slang, greetings, laughter) and the tweet domain; off for news."""
        return self._social_media

    @social_media.setter
    def social_media(self, on: bool) -> None:
        if bool(on) != self._social_media:
            self._social_media = bool(on)
            # fresh caches of its own (a scorer made by :meth:`using` shares its lexicon cache until now)
            self._analyses = _Cache(self._analyses.maxsize)
            self._scores = _Cache(self._scores.maxsize)
            self._variants = {}

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon this scorer reads (loaded once per process: it is never modified)."""
        return load_lexicon(social_media=self._social_media)

    @property
    def domain(self) -> str:
        """``"tweets"`` with the social-media setting, else ``"news"`` (the trained model's domain)."""
        return "tweets" if self._social_media else "news"

    def using(self, analyzer: AnalyzerName | Literal["default"] | Any) -> "SentimentScorer":
        """A scorer like this one (the same names, settings and lexicon cache) with another analyzer.

        The same scorer is returned for the same analyzer, so its cached scores serve again.
        """
        if isinstance(analyzer, str) and analyzer not in (*ANALYZERS, "default"):
            raise ValueError(f"analyzer must be one of {', '.join(ANALYZERS)} or 'default', got {analyzer!r}")
        analyzer = DEFAULT_ANALYZER if analyzer == "default" else analyzer
        if analyzer is self.analyzer or (isinstance(analyzer, str) and analyzer == self.analyzer):
            return self
        key = analyzer if isinstance(analyzer, str) else id(analyzer)
        other = self._variants.get(key)
        if other is None:
            other = SentimentScorer.__new__(SentimentScorer)
            other.__dict__.update(self.__dict__)
            other.analyzer = analyzer
            other._scores = _Cache(self._scores.maxsize)
            self._variants[key] = other
        return other

    # --- names --------------------------------------------------------------------------------------------

    def add_names(self, names: Iterable[str] | str, *, match: Match = "any", kind: str = "name") -> None:
        """Add names whose words are never scored (see :meth:`analysis.textblob_it.names.Names.add`)."""
        self.names.add(names, match=match, kind=kind)
        self._check_names()

    def use_names_file(self, path: str | Path) -> None:
        """Add every name of a file shaped like ``names.tsv``."""
        self.names.add_file(path)
        self._check_names()

    def clear_user_names(self) -> None:
        """Forget the names added to this scorer."""
        self.names.clear_user()
        self._check_names()

    def user_names(self) -> list[str]:
        """The names added to this scorer, in order."""
        return self.names.user_names

    def _check_names(self) -> None:
        if self.names.version != self._version:
            self._version = self.names.version
            self.clear_cache()

    def clear_cache(self) -> None:
        """Forget every cached analysis and score (the model's names by sentence stay: they depend on no setting)."""
        self._analyses.clear()
        self._scores.clear()
        for other in self._variants.values():
            other._scores.clear()

    # --- the lexicon's analysis ---------------------------------------------------------------------------

    def analyze(self, text: str) -> Analysis:
        """The lexicon's analysis of ``text``: polarity, subjectivity and every word that moved them (cached)."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str], tokens: Sequence[Sequence[Token] | None] | None = None, *,
                     parses: Any = None) -> list[Analysis]:
        """:meth:`analyze` of many texts, parsing the sentences that need the model in one batch.

        ``tokens[k]``, when given, must be exactly ``tokenize(texts[k])``
        (the corpus tokens of a sentence): the text is then not tokenized again.
        ``parses`` (a :class:`~analysis.syntax.parses.ParseStore`): the names
        filter reads the sentences' shared parses instead of tagging them itself.
        """
        self._check_names()
        if not isinstance(texts, (list, tuple)):
            texts = list(texts)
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"expected str texts, got {type(t).__name__}")
        lexicon = self.lexicon
        out: list[Analysis | None] = [self._analyses.get(t) for t in texts]
        pending: dict[str, tuple[Sequence[Token], Analysis, list[list[Token]]]] = {}
        for k, text in enumerate(texts):
            if out[k] is not None or text in pending:
                continue
            given = tokens[k] if tokens is not None else None
            toks = given if given is not None else tokenize(text)
            result = analyze_tokens(toks, lexicon=lexicon, names=self.names)
            groups = name_candidate_groups(toks, result, lexicon=lexicon) if self.model_names else []
            if groups:
                pending[text] = (toks, result, groups)
            else:
                self._analyses.put(text, result)
                out[k] = result
        if pending:
            self._rescore_with_model_names(pending, lexicon, parses)
        return [r if r is not None else (self._analyses.get(t) or pending[t][1]) for r, t in zip(out, texts)]

    def _rescore_with_model_names(self, pending: dict[str, tuple[Sequence[Token], Analysis, list[list[Token]]]],
                                  lexicon: Lexicon, parses: Any = None) -> None:
        """Parse the candidate sentences of ``pending`` in one batch and score them again without their names."""
        items, owners = [], []
        for text, (_, _, groups) in pending.items():
            for g in groups:
                a = g[0].start
                items.append((text[a:g[-1].end], [t._replace(start=t.start - a, end=t.end - a) for t in g]))
                owners.append((text, a))
        spans: dict[str, list] = {text: [] for text in pending}
        for (text, a), found in zip(owners, self.parser.parse(items, parses=parses)):
            spans[text] += [(x.start + a, x.end + a, x.reason) for x in found]
        for text, (toks, result, _) in pending.items():
            if spans[text]:
                result = analyze_tokens(toks, lexicon=lexicon, names=self.names, name_spans=spans[text])
            self._analyses.put(text, result)
            pending[text] = (toks, result, [])

    # --- scores -------------------------------------------------------------------------------------------

    def score(self, text: str) -> Score:
        """The tone of ``text`` by this scorer's analyzer, with the lexicon's analysis (its words)."""
        return self.score_many([text])[0]

    def score_many(self, texts: Sequence[str], tokens: Sequence[Sequence[Token] | None] | None = None, *,
                   parses: Any = None) -> list[Score]:
        """:meth:`score` of many texts (``tokens`` as in :meth:`analyze_many`), the model run in one batch."""
        texts = list(texts)
        analyses = self.analyze_many(texts, tokens, parses=parses)
        if self.analyzer == "lexicon":
            return [Score(a.polarity, a.subjectivity, a) for a in analyses]
        out: list[Score | None] = [self._scores.get(t) for t in texts]
        todo = [k for k, s in enumerate(out) if s is None]
        if todo:
            if self.analyzer == "trained":
                model = self.model()
                items = []
                for k in todo:
                    toks = tokens[k] if tokens is not None and tokens[k] is not None else tokenize(texts[k])
                    items.append((toks, analyses[k], self.domain))
                values = [(m.polarity, m.subjectivity) for m in model.score(items)]
            else:
                values = [tuple(self.analyzer.analyze(texts[k]))[:2] for k in todo]
            for k, (p, s) in zip(todo, values):
                out[k] = Score(float(p), float(s), analyses[k])
                self._scores.put(texts[k], out[k])
        return out  # type: ignore[return-value]

    def model(self):
        """The trained model this scorer uses (:func:`analysis.textblob_it.model.load_model`)."""
        from ..textblob_it.model import MODEL_PATH, load_model

        return load_model(self.model_path or MODEL_PATH)

    # --- TextBlob -------------------------------------------------------------------------------------------

    def textblob_analyzer(self):
        """A TextBlob sentiment analyzer that scores as this scorer does (its names, lexicon and analyzer)."""
        if self.analyzer == "lexicon":
            from ..textblob_it.pattern_analyzer import PatternAnalyzer

            return PatternAnalyzer(lexicon=self.lexicon, names=self.names, social_media=self._social_media,
                                   parser=self.parser)
        if self.analyzer == "trained":
            from ..textblob_it.trained_analyzer import TrainedAnalyzer

            return TrainedAnalyzer(domain=self.domain, names=self.names, model=self.model(), parser=self.parser)
        return self.analyzer

    def textblob(self, text: str):
        """``TextBlobIT(text)`` with this scorer's analyzer."""
        from ..textblob_it.blob import TextBlobIT

        return TextBlobIT(text, analyzer=self.textblob_analyzer())


@lru_cache(maxsize=1)
def default_scorer() -> SentimentScorer:
    """The scorer of the :mod:`analysis.sentiment` functions when none is given (news, the default analyzer)."""
    return SentimentScorer()
