"""Which language a document is written in (offline, with simplemma's dictionaries).

Non-Italian documents are kept, not rejected: ``documents.language`` says
what they are and ``documents.is_italian`` lets an analysis leave them out.

How a text is judged (:func:`detect_language`):

* ``italian_score`` is :func:`simplemma.in_target_language` for ``"it"``: the
  share of the most common words (in the first :data:`SAMPLE_CHARS` characters) that simplemma's Italian dictionary
  knows (0–1). At or above :data:`ITALIAN_THRESHOLD` (0.5) the text is
  Italian. Italian news scores about 0.9; English, French, German or Spanish
  news about 0.0–0.2.
* Below the threshold, the text is compared with :data:`OTHER_LANGUAGES`
  (their dictionaries load on first need) and gets the code that scores best
  (Italian wins ties); ``"und"`` (undetermined) when the best score is under
  :data:`MIN_SCORE` or the text has fewer than :data:`MIN_WORDS` words of
  three or more letters (too little to tell; such a text is still ``"it"`` if
  its Italian score reaches the threshold).

A language declared in metadata (front matter, sidecar, record field, HTML
``lang``) wins, unless it is evidently wrong (:func:`resolve_language`): the
text has at least :data:`MIN_WORDS_TO_OVERRULE` words and reads as another
language with a score of at least :data:`OVERRULE_SCORE` while the declared
language scores under :data:`MIN_SCORE`. Then the detected code is used and a
warning names both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "LanguageGuess", "detect_language", "resolve_language", "normalize_language_code",
    "ITALIAN_THRESHOLD", "MIN_SCORE", "MIN_WORDS", "MIN_WORDS_TO_OVERRULE", "OVERRULE_SCORE",
    "OTHER_LANGUAGES", "UNDETERMINED", "SAMPLE_CHARS",
]

ITALIAN_THRESHOLD = 0.5
MIN_SCORE = 0.3
MIN_WORDS = 5
MIN_WORDS_TO_OVERRULE = 20
OVERRULE_SCORE = 0.6
#: Only the first characters of a long text are judged (its most common words show by then).
SAMPLE_CHARS = 5000
#: Languages a non-Italian text is compared with (each costs ~60 MB when first used).
OTHER_LANGUAGES = ("en", "fr", "de", "es", "pt")
UNDETERMINED = "und"

_WORD_RE = re.compile(r"[^\W\d_]{3,}")  # the words simplemma samples
_NAMES = {
    "italian": "it", "italiano": "it", "ita": "it",
    "english": "en", "inglese": "en", "eng": "en",
    "french": "fr", "francese": "fr", "français": "fr", "fra": "fr", "fre": "fr",
    "german": "de", "tedesco": "de", "deutsch": "de", "deu": "de", "ger": "de",
    "spanish": "es", "spagnolo": "es", "español": "es", "spa": "es",
    "portuguese": "pt", "portoghese": "pt", "português": "pt", "por": "pt",
}


@dataclass(frozen=True)
class LanguageGuess:
    """``code`` (ISO 639-1 or ``"und"``), ``score`` of that code, ``italian_score``, word count."""

    code: str
    score: float
    italian_score: float
    n_words: int
    scores: tuple[tuple[str, float], ...] = ()


def normalize_language_code(value: object) -> str | None:
    """``"IT"``, ``"it-IT"``, ``"ita"``, ``"Italiano"`` → ``"it"``; None/blank → None."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if not text or text in ("nan", "none", "null"):
        return None
    text = re.split(r"[-_ ]", text, maxsplit=1)[0]
    return _NAMES.get(text, text)


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` (see the module docstring for the rules)."""
    import simplemma

    text = text[:SAMPLE_CHARS]
    n_words = len(_WORD_RE.findall(text))
    if n_words == 0:
        return LanguageGuess(UNDETERMINED, 0.0, 0.0, 0)
    it_score = float(simplemma.in_target_language(text, lang="it"))
    if it_score >= ITALIAN_THRESHOLD:
        return LanguageGuess("it", it_score, it_score, n_words, (("it", it_score),))
    if n_words < MIN_WORDS:
        return LanguageGuess(UNDETERMINED, 0.0, it_score, n_words, (("it", it_score),))
    scores = [("it", it_score)]
    for code in OTHER_LANGUAGES:
        scores.append((code, float(simplemma.in_target_language(text, lang=code))))
    best_code, best = max(scores, key=lambda cs: cs[1])  # max keeps the first: Italian wins ties
    if best < MIN_SCORE:
        best_code = UNDETERMINED
    return LanguageGuess(best_code, best, it_score, n_words, tuple(scores))


def resolve_language(declared: object, guess: LanguageGuess) -> tuple[str, str | None]:
    """The language to record, and a warning when the declared one is overruled."""
    code = normalize_language_code(declared)
    if code is None:
        return guess.code, None
    if (
        guess.code not in (code, UNDETERMINED)
        and guess.n_words >= MIN_WORDS_TO_OVERRULE
        and guess.score >= OVERRULE_SCORE
        and dict(guess.scores).get(code, 0.0) < MIN_SCORE
    ):
        return guess.code, (
            f"declared language {code!r} but the text reads as {guess.code!r} "
            f"(score {guess.score:.2f}; Italian {guess.italian_score:.2f}): recorded as {guess.code!r}"
        )
    return code, None
