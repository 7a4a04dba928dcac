"""The word lists attribution reads, from ``analysis/data/attribution/``.

Every list is an editable UTF-8 file (``#`` starts a comment; TSV files have a
header line). This module only loads them into lookup tables:

* :data:`SPEECH_VERBS`: every inflected form of a speech verb (``ha dichiarato``
  needs ``dichiarato``; ``disse``, ``dicendo``, ``fa sapere``) → (lemma, stance).
  Regular forms are generated here, irregular ones come from the file. Written
  by hand because no offline Italian morphology library generates forms.
* :data:`MEDIA`, :data:`INSTITUTIONS`: surface form (lower case) → entry.
* :data:`COUNTRY_NAMES`, :data:`COUNTRY_ADJECTIVES`, :data:`COUNTRY_METONYMS`.
* :data:`ROLES`, :data:`ANONYMOUS`, :data:`SOURCE_NOUNS`, :data:`CHANNEL_NOUNS`,
  :data:`PERSON_NOUNS` (common nouns for people who can speak).
* :data:`ROLE_SYNONYMS`, :data:`GENERIC_PERSON_NOUNS`: how a later mention
  refers back to a person (:mod:`.resolution`).
* :data:`REFLEXIVE_LEMMAS`: speech verbs also used with ``si`` ("si chiede",
  "si è detto convinto").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import DATA_DIR

__all__ = [
    "ATTRIBUTION_DATA_DIR", "SpeechVerb", "Entity", "SPEECH_VERBS", "MAX_CUE_WORDS",
    "MEDIA", "INSTITUTIONS", "COUNTRY_NAMES", "COUNTRY_ADJECTIVES", "COUNTRY_METONYMS",
    "ROLES", "ANONYMOUS", "SOURCE_NOUNS", "CHANNEL_NOUNS", "FORM_KINDS", "verb_forms", "norm",
    "PERSON_NOUNS", "REFLEXIVE_LEMMAS", "SPEECH_LEMMAS", "LEMMA_PREFIXES", "ROLE_SYNONYMS", "GENERIC_PERSON_NOUNS",
]

ATTRIBUTION_DATA_DIR: Path = DATA_DIR / "attribution"


# Accented Italian vowels read through the Central European code page (``chiamò`` → ``chiamň``,
# ``già`` → ``giŕ``): folded back so the word lists still match such text.
_MOJIBAKE = str.maketrans({"ŕ": "à", "č": "è", "ě": "ì", "ň": "ò", "ů": "ù", "\u2019": "'", "`": "'"})


def norm(text: str) -> str:
    """Lower case with the typographic apostrophe folded to ``'`` (and code-page slips to accents)."""
    return text.lower().translate(_MOJIBAKE)


def _rows(name: str, *, header: bool) -> list[list[str]]:
    path = ATTRIBUTION_DATA_DIR / name
    rows: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in raw.split("\t")])
    if header:
        rows = rows[1:]
    return rows


def _list(name: str) -> frozenset[str]:
    return frozenset(norm(r[0]) for r in _rows(name, header=False))


@dataclass(frozen=True)
class SpeechVerb:
    """One speech verb: its lemma and the stance its use signals."""

    lemma: str
    stance: str


@dataclass(frozen=True)
class Entity:
    """A known speaker or outlet: canonical name, type (media kind or speaker type), country."""

    canonical: str
    kind: str
    country: str | None


def _soften(stem: str, ending: str) -> str:
    """Spelling of a verb stem before an ending (critic+erà → criticherà, annunci+erà → annuncerà)."""
    if ending[:1] in ("e", "i") and stem.endswith(("c", "g")) and not stem.endswith(("ci", "gi")):
        return stem + "h" + ending
    if ending[:1] in ("e", "i") and stem.endswith(("ci", "gi")):
        return stem[:-1] + ending
    return stem + ending


def verb_forms(lemma: str, *, isc: bool = False, participle: str = "", remote: str = "") -> dict[str, str]:
    """Third-person finite forms, gerund, participle and infinitive of a verb → form kind.

    Kinds: ``finite``, ``participle``, ``gerund``, ``infinitive``.
    """
    forms: dict[str, str] = {lemma: "infinitive"}
    stem, conj = lemma[:-3], lemma[-3:]
    if conj == "are":
        finite = [stem + "a", stem + "ano", stem + "ava", stem + "avano", stem + "ò", stem + "arono",
                  stem + "asse", stem + "assero"] + [_soften(stem, e) for e in ("erà", "eranno", "erebbe", "erebbero")]
        gerund, part = stem + "ando", stem + "ato"
    elif conj == "ere":
        finite = [stem + "e", stem + "ono", stem + "eva", stem + "evano", stem + "erà", stem + "eranno",
                  stem + "erebbe", stem + "erebbero"]
        finite += [remote, remote[:-1] + "ero"] if remote else [stem + "é", stem + "è", stem + "erono"]
        gerund, part = stem + "endo", stem + "uto"
    elif conj == "ire":
        finite = [stem + "isce", stem + "iscono"] if isc else [stem + "e", stem + "ono"]
        finite += [stem + "iva", stem + "ivano", stem + "irà", stem + "iranno", stem + "irebbe", stem + "irebbero"]
        finite += [remote, remote[:-1] + "ero"] if remote else [stem + "ì", stem + "irono"]
        gerund, part = stem + "endo", stem + "ito"
    else:
        return forms
    if len(stem) < 2:
        # "dire": the regular pattern gives "de", "dono", "diva", words of their own; the data file lists its forms
        finite, gerund = [remote, remote[:-1] + "ero"] if remote else [], ""
    if remote and conj == "are":
        finite += [remote, remote[:-1] + "ero"]
    part = participle or part
    for f in [part[:-1] + e for e in "oaie"]:
        forms[f] = "participle"
    if gerund:
        forms[gerund] = "gerund"
    for f in finite:
        forms[f] = "finite"
    return forms


def guess_form_kind(form: str) -> str:
    """Kind of a form listed by hand in the data file (first word decides)."""
    first = form.split()[0]
    if first.endswith("ndo"):
        return "gerund"
    if first.endswith(("are", "ere", "ire", "rre")) or first == "far":
        return "infinitive"
    if first.endswith(("ette", "ettero")):
        return "finite"
    if first.endswith(("tto", "tta", "tti", "tte", "eso", "esa", "esi", "esso", "essa", "essi", "ato", "uto", "ito")):
        return "participle"
    return "finite"


@lru_cache(maxsize=1)
def _speech_verbs() -> dict[str, SpeechVerb]:
    table: dict[str, SpeechVerb] = {}
    for row in _rows("speech_verbs.tsv", header=True):
        row = row + [""] * (7 - len(row))
        lemma, stance, klass, participle, remote, extra, reflexive = row[:7]
        if reflexive.strip() == "si":
            REFLEXIVE_LEMMAS.add(lemma)
        verb = SpeechVerb(lemma, stance)
        forms: dict[str, str] = {}
        if " " not in lemma:
            forms = verb_forms(lemma, isc=klass == "isc", participle=participle, remote=remote)
        for f in extra.split(","):
            if f.strip():
                forms.setdefault(f.strip(), guess_form_kind(f.strip()))
        if reflexive.strip() == "si":
            # the gerund with its enclitic pronoun: "dicendosi disponibile", "dichiarandosi contrario"
            forms.update({f + "si": "gerund" for f, kind in list(forms.items()) if kind == "gerund" and f.endswith("ndo")})
        for form, kind in forms.items():
            if norm(form) not in table:
                table[norm(form)] = verb
                FORM_KINDS[norm(form)] = kind
    return table


#: Speech-verb form → kind (finite | participle | gerund | infinitive).
FORM_KINDS: dict[str, str] = {}
#: Lemmas whose pronominal use still reports speech ("si chiede se", "si è detto pronto").
REFLEXIVE_LEMMAS: set[str] = set()
SPEECH_VERBS: dict[str, SpeechVerb] = _speech_verbs()
#: Longest cue in words ("mettendo in guardia").
MAX_CUE_WORDS: int = max(len(f.split()) for f in SPEECH_VERBS)
#: One-word speech-verb lemma → verb, for forms the table does not list ("dicesse", "chiederle").
SPEECH_LEMMAS: dict[str, SpeechVerb] = {v.lemma: v for v in SPEECH_VERBS.values() if " " not in v.lemma}
#: First four letters of every such lemma and of its listed forms ("dice" for "dicesse"): a word that
#: shares none is never looked up.
LEMMA_PREFIXES: frozenset[str] = frozenset(
    [lemma[:4] for lemma in SPEECH_LEMMAS] + [f[:4] for f, v in SPEECH_VERBS.items() if " " not in f and v.lemma in SPEECH_LEMMAS])


def _entities(name: str) -> dict[str, Entity]:
    table: dict[str, Entity] = {}
    for row in _rows(name, header=True):
        row = row + [""] * (4 - len(row))
        canonical, kind, country, aliases = row[:4]
        entity = Entity(canonical, kind, country or None)
        for surface in [canonical, *aliases.split(",")]:
            if surface.strip():
                table.setdefault(norm(surface.strip()), entity)
    return table


#: Agencies, newspapers, broadcasters, social platforms (kind = agency | newspaper | …).
MEDIA: dict[str, Entity] = _entities("agencies_media.tsv")
#: Institutions (kind = government | organization).
INSTITUTIONS: dict[str, Entity] = _entities("institutions.tsv")


def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names, adjectives, metonyms = {}, {}, {}
    for row in _rows("countries.tsv", header=True):
        row = row + [""] * (3 - len(row))
        country, adjs, mets = row[:3]
        names[norm(country)] = country
        for a in adjs.split(","):
            if a.strip():
                adjectives[norm(a.strip())] = country
        for m in mets.split(","):
            if m.strip():
                metonyms[norm(m.strip())] = country
    names.setdefault("usa", "Stati Uniti")
    return names, adjectives, metonyms


#: Country name (lower case) → canonical; adjective → country; capital → country.
COUNTRY_NAMES, COUNTRY_ADJECTIVES, COUNTRY_METONYMS = _countries()
ROLES: frozenset[str] = _list("roles.txt")
ANONYMOUS: frozenset[str] = _list("anonymous_sources.txt")
SOURCE_NOUNS: frozenset[str] = _list("source_nouns.txt")
#: Common nouns naming people (or groups of people) who can speak: "la bambina", "i residenti".
PERSON_NOUNS: frozenset[str] = _list("person_nouns.txt")
#: Role noun → the office it stands for ("primo cittadino" → "sindaco", "legale" → "avvocato").
ROLE_SYNONYMS: dict[str, str] = {norm(r[0]): norm(r[1]) for r in _rows("role_synonyms.tsv", header=True)}
#: Nouns that refer back to a person already named ("la donna", "il giovane", "la vittima").
GENERIC_PERSON_NOUNS: frozenset[str] = _list("generic_person_nouns.txt")
#: Words before a street or square's name: "corso Canalchiaro", "via Galilei" name places, not people.
STREET_WORDS: frozenset[str] = frozenset({"via", "viale", "corso", "piazza", "piazzale", "piazzetta", "largo", "vicolo",
                                          "strada", "stradello", "borgo", "contrada", "località", "lungomare", "galleria"})
#: Last words of a company's name: "Futura Enterprise Srl" is a firm, not a person.
COMPANY_SUFFIXES: frozenset[str] = frozenset({"srl", "s.r.l.", "spa", "s.p.a.", "snc", "s.n.c.", "sas", "s.a.s.",
                                              "srls", "onlus", "coop", "inc", "ltd", "gmbh"})
#: Channel noun (lower case) → ``statement`` | ``medium``.
CHANNEL_NOUNS: dict[str, str] = {norm(r[0]): r[1] for r in _rows("channel_nouns.tsv", header=True)}
