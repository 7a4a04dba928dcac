"""Speaker gender: ``female``, ``male`` or unknown, from Italian grammar and first names.

Only persons get a gender, and only when the text or the name shows it; in
doubt the answer is ``None``. In order:

1. **the first name** of the speaker's canonical name ("Giorgia Meloni",
   "Andrea Orlando"), looked up in the first-name list of the
   ``gender-guesser`` package, Italian usage first, then its international
   list (plain answers only there; androgynous names never count);
2. **grammar in the speaker's phrase**: the gender the parse reads on its
   articles, nouns and adjectives ("la ministra", "la portavoce", "il
   sindaco"), or, unparsed, the article that opens it; plural phrases have
   none;
3. **agreement with the verb**: a participle that agrees with its subject
   ("si è detta soddisfatta", "è stata chiara");
4. a personal pronoun ("lei", "lui", "egli").

A masculine role noun with a woman's name ("il ministro Luciana Lamorgese")
is decided by the name, which comes first.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Literal, Sequence

__all__ = ["Gender", "gender_from_name", "first_name_gender", "is_first_name", "gender_from_phrase", "gender_from_agreement", "speaker_gender"]

Gender = Literal["female", "male"]

#: Articles and articled prepositions that open a singular phrase of one gender.
FEMININE_OPENERS = frozenset({"la", "una", "della", "alla", "dalla", "nella", "sulla", "questa", "quella", "sua", "nostra",
                              "mia", "tua"})
MASCULINE_OPENERS = frozenset({"il", "lo", "un", "uno", "del", "dello", "al", "allo", "dal", "dallo", "nel", "nello",
                               "sul", "sullo", "questo", "quello", "quel", "suo", "nostro", "mio", "tuo"})
PRONOUNS: dict[str, Gender] = {"lei": "female", "ella": "female", "essa": "female", "lui": "male", "egli": "male",
                               "esso": "male"}


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gg  # loads its name list (a few MB) once

    return gg.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def gender_from_name(name: str | None) -> Gender | None:
    """Gender of the first name that opens ``name`` ("Vladimir Putin" → male), or None.

    The name must have at least two capitalised words (a lone word is
    usually a surname) and the first must be longer than one letter (not an
    initial). The package's Italian list is asked first (its "mostly female"
    for Maria counts: in Italian usage the name is a woman's); a name it does
    not know for Italy is looked up in its general list, where only plain
    answers count.
    """
    if not name:
        return None
    words = name.split()
    first = words[0].strip(".,'’")
    if not any(w[:1].isupper() for w in words[1:]):
        return None  # a single word is a surname in news far more often than a first name ("Viola", "Conte")
    if len(first) < 2 or not first[:1].isupper() or not first.isalpha():
        return None
    detector = _detector()
    italian = detector.get_gender(first, "italy")
    if italian in ("female", "male"):
        return italian  # type: ignore[return-value]
    if italian in ("mostly_female", "mostly_male"):
        return italian.split("_")[1]  # type: ignore[return-value]  # "Maria": mostly female in Italy
    general = detector.get_gender(first)
    return general if general in ("female", "male") else None  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def first_name_gender(word: str) -> Gender | None:
    """Gender of one capitalised word read as a first name ("Chiara" → female), or None.

    Unlike :func:`gender_from_name` this does not ask for a surname: it says
    whether a word *can* open a personal name; the caller decides whether it
    does. Italian usage first; the general list only for plain answers.
    """
    first = word.strip(".,'’")
    if len(first) < 2 or not first[:1].isupper() or not first.isalpha() or first.isupper():
        return None
    detector = _detector()
    italian = detector.get_gender(first, "italy")
    if italian in ("female", "male"):
        return italian  # type: ignore[return-value]
    if italian in ("mostly_female", "mostly_male"):
        return italian.split("_")[1]  # type: ignore[return-value]
    if italian != "unknown":
        return None  # androgynous in Italy
    general = detector.get_gender(first)
    return general if general in ("female", "male") else None  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def is_first_name(word: str) -> bool:
    """Can this capitalised word open a personal name (a first name of either gender, or both: "Andrea", "Andre")?"""
    first = word.strip(".,'’")
    if len(first) < 2 or not first[:1].isupper() or not first.isalpha() or first.isupper():
        return False
    detector = _detector()
    return detector.get_gender(first, "italy") != "unknown" or detector.get_gender(first) != "unknown"


def _gender_feature(morph: str) -> str | None:
    feats = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
    if feats.get("Number") == "Plur":
        return "Plur"
    return feats.get("Gender")


def gender_from_phrase(words: Sequence[str], morphs: Sequence[str] | None = None,
                       pos: Sequence[str] | None = None) -> Gender | None:
    """Gender shown by the speaker's phrase: its articles, else its head noun, else its adjectives.

    ``words`` are the tokens of the phrase's core (its head with articles and
    adjectives, no complements: "la ministra" of "la ministra dell'Interno");
    ``morphs`` (``"Gender=Fem|Number=Sing"``) and ``pos`` (UPOS) come from the
    parse when there is one, else the opening article decides. An article
    outranks the noun because some nouns serve both genders ("la portavoce");
    a masculine noun without a masculine article says nothing ("l'allenatore"
    may be generic), a feminine one is marked ("l'avvocata"). Proper nouns
    carry no grammatical gender, so a phrase headed by a name has none here
    ("Il Tempo", "De la Torre"); a plural, or disagreeing features of one
    class, give None.
    """
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return PRONOUNS[words[0].lower()]
    if morphs is not None and pos is not None:
        if not any(p == "NOUN" and _is_common(w) for w, p in zip(words, pos)):
            return None  # a name's article tells nothing reliable ("Il Tempo", "De la Torre", "il New York Post")
        for wanted in ("DET", "NOUN", "ADJ"):
            genders = {_gender_feature(m) for m, p in zip(morphs, pos) if p == wanted} - {None}
            if "Plur" in genders:
                return None
            if len(genders) > 1:
                return None
            if genders == {"Fem"}:
                return "female"
            if genders == {"Masc"} and wanted == "DET":
                return "male"  # "il sindaco"; a masculine noun alone ("l'allenatore") may be generic
        return _by_article(words)  # the parse gave the article no gender: "un parente"
    return _by_article(words)


def _is_common(word: str) -> bool:
    """A common noun: lower case, or a capitalised office ("il Sindaco Muzzarelli")."""
    from .lexicon import ROLES

    return word[:1].islower() or word.lower() in ROLES


def _by_article(words: Sequence[str]) -> Gender | None:
    """The gender the opening article (or possessive) gives a phrase headed by a common noun."""
    first = words[0].replace("’", "'").lower()
    role_noun = len(words) > 1 and _is_common(words[1])  # "la portavoce", not "La Georgia"
    if first in FEMININE_OPENERS and role_noun:
        return "female"
    if first in MASCULINE_OPENERS and role_noun:
        return "male"
    return None


def gender_from_agreement(participles: Iterable[tuple[str, str]]) -> Gender | None:
    """Gender of participles or adjectives agreeing with the subject: ``(UPOS, morph)`` pairs ("è stata", "detta")."""
    genders = set()
    for p, m in participles:
        feats = dict(f.split("=", 1) for f in m.split("|") if "=" in f)
        if feats.get("Number") == "Plur":
            return None
        if p in ("VERB", "AUX", "ADJ") and feats.get("VerbForm", "Part") == "Part" and "Gender" in feats:
            genders.add(feats["Gender"])
    if len(genders) == 1:
        return "female" if genders == {"Fem"} else "male"
    return None


def speaker_gender(speaker_type: str | None, canonical: str | None, words: Sequence[str],
                   morphs: Sequence[str] | None = None, pos: Sequence[str] | None = None,
                   agreement: Iterable[tuple[str, str]] = ()) -> Gender | None:
    """The speaker's gender by the rules of the module docstring; None for anything but a person."""
    if speaker_type != "person":
        return None
    return (gender_from_name(canonical) or gender_from_phrase(words, morphs, pos)
            or gender_from_agreement(agreement))
