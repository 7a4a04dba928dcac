"""Speakers resolved to people inside an article: names, surnames, titles, pronouns.

One mechanism for every kind of mention. First the article's **people** are
collected from its text (:func:`people_in`): personal names (a run of
capitalised words opening with a first name: "Filippo Ippolito"), with the
offices written beside them ("il questore Maurizio Agricola", "Maurizio Dori,
presidente dell'associazione") and the gender of the first name. Then each
speaker mention is linked (:func:`resolve_speakers`), in reading order:

* a **name** links to the fullest name of the article that holds it: a
  surname ("Ippolito"), a first name ("Chiara"), or the name itself;
* a **title or role** ("il questore", "la portavoce", "il primo cittadino")
  links to the person last introduced with that office (offices that name the
  same post are one: :data:`~.lexicon.ROLE_SYNONYMS`), when the genders agree;
* a **generic noun** for one person ("la donna", "il giovane", "la
  vittima": :data:`~.lexicon.GENERIC_PERSON_NOUNS`) and a **pronoun**
  ("lei", "lui") link to the last person named before it with the same
  gender;
* anything else, or a title that finds no one, stays **unresolved**: it keeps
  its words as its name and is never counted as a person of the article.

Organisations, outlets and countries keep their own names. Each link
records how it was made (``speaker_resolution``: ``name``, ``alias``,
``title``, ``pronoun``, ``entity``, ``unresolved``). The gender of a resolved
speaker is the person's: the first name's, else what the grammar of the
mentions linked to them agrees on. Written by hand: no offline tool resolves
Italian coreference.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

from .document import Document
from .gender import PRONOUNS, Gender, first_name_gender, is_first_name
from .lexicon import (
    COUNTRY_NAMES,
    GENERIC_PERSON_NOUNS,
    INSTITUTIONS,
    MEDIA,
    PERSON_NOUNS,
    ROLE_SYNONYMS,
    ROLES,
    STREET_WORDS,
    norm,
)
from .speakers import SpeakerInfo, is_person_noun, np_tags
from .tags import DI, NAME_PARTICLES

__all__ = ["Person", "Resolution", "Resolved", "people_in", "resolve_speakers", "office_of"]

Resolved = Literal["name", "alias", "title", "pronoun", "entity", "unresolved"]

#: Lower-case particles that sit inside foreign names even when not capitalised ("von der Leyen").
_FOREIGN_PARTICLES = frozenset({"von", "van", "der", "den", "bin", "ben", "dos", "el"})
#: Tokens that end the search for an office beside a name.
_STOPS = frozenset({".", ";", ":", "!", "?", "«", "»", "“", "”", '"', "(", ")", "–", "—", "-"})
_QUOTE_MARKS = frozenset({"«", "»", "“", "”", '"'})
#: Prepositions after which a capitalised run is a place, not a person ("in Emilia Romagna").
_PLACE_PREPOSITIONS = frozenset({"in", "nel", "nella", "verso", "per"})


@dataclass
class Person:
    """A person named in the article: fullest name, gender of the first name, offices, where it is written."""

    name: str
    gender: str | None
    offices: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # character offsets of the name or a part of it
    introduced: bool = False  # written with an office, an age or as a speaker: surely a person

    @property
    def words(self) -> list[str]:
        return self.name.split()


@dataclass(frozen=True)
class Resolution:
    """Who a speaker mention is: canonical name, how the link was made, the person (None when unresolved)."""

    canonical: str
    how: Resolved
    person: Person | None = None


def office_of(word: str) -> str | None:
    """The office a lower-case role noun names ("legale" → "avvocato", "funzionari" → "funzionario"), or None."""
    word = norm(word)
    if word.endswith("mente"):
        return None  # an adverb ("chiaramente")
    if word.endswith(("i", "e")):
        for singular in (word[:-1] + "o", word[:-1] + "e", word[:-1] + "a", word[:-1] + "io"):
            if singular != word and (singular in ROLES or singular in ROLE_SYNONYMS or singular in PERSON_NOUNS):
                return ROLE_SYNONYMS.get(singular, singular)  # "funzionari" → "funzionario"
    if word in ROLE_SYNONYMS:
        return ROLE_SYNONYMS[word]
    if word in ROLES or is_person_noun(word):
        return word
    return None


def _offices(doc: Document, i0: int, i1: int) -> set[str]:
    """Offices named by the lower-case words of tokens ``[i0, i1)`` (two-word roles first: "primo cittadino")."""
    out: set[str] = set()
    k = i0
    while k < i1:
        pair = f"{doc.low[k]} {doc.low[k + 1]}" if k + 1 < i1 else ""
        if pair and (pair in ROLE_SYNONYMS or pair in ROLES):
            out.add(ROLE_SYNONYMS.get(pair, pair))
            k += 2
            continue
        if doc.tokens[k].text[:1].islower():
            office = office_of(doc.low[k])
            if office is not None and doc.low[k] not in GENERIC_PERSON_NOUNS:
                out.add(office)
        k += 1
    return out


def _is_name_token(doc: Document, k: int) -> bool:
    return np_tags(doc, k) == "NAME"


def _name_runs(doc: Document) -> Iterable[tuple[int, int]]:
    """Runs of capitalised name tokens ``[i0, i1)``, with particles inside ("De Luca", "von der Leyen")."""
    n = len(doc.tokens)
    k = 0
    while k < n:
        if not _is_name_token(doc, k):
            k += 1
            continue
        e = k + 1
        while e < n:
            text = doc.tokens[e].text
            if _is_name_token(doc, e) and doc.tokens[e - 1].end < doc.tokens[e].start:
                e += 1
            elif e + 1 < n and _is_name_token(doc, e + 1) and (
                    (text[:1].isupper() and norm(text) in NAME_PARTICLES) or text in _FOREIGN_PARTICLES):
                e += 2
            else:
                break
        yield k, e
        k = e


def _first_name_start(doc: Document, i0: int, i1: int) -> int | None:
    """Where a personal name starts in a run: its first word when that is a first name; after the words of an
    institution when the run follows "di" ("dell'Economia Giancarlo Giorgetti", "della Cgil Maurizio Landini")."""
    if is_first_name(doc.tokens[i0].text):
        return i0
    if i0 == 0 or doc.low[i0 - 1] not in DI:
        return None
    for k in range(i0 + 1, i1 - 1):
        if is_first_name(doc.tokens[k].text):
            return k
    return None


def _left_offices(doc: Document, k: int, lo: int) -> tuple[set[str], bool]:
    """Offices written just before a name ("il questore", "il presidente della Corte d'Appello,"), and whether
    a determiner or office precedes it at all."""
    j = k - 1
    if j >= lo and doc.tokens[j].text == ",":
        j -= 1
    start = j
    while j >= lo and j > k - 12 and (doc.tokens[j].text not in _STOPS or doc.tokens[j].text in _QUOTE_MARKS) \
            and doc.tokens[j].text != ",":
        tg = np_tags(doc, j)
        if doc.tokens[j].text in _QUOTE_MARKS:
            j -= 1  # a name in quotation marks inside the office: "il preside del “Vallauri”, X"
            continue
        if tg == "WORD" and j + 1 < k and np_tags(doc, j + 1) == "NAME" and j - 1 >= lo \
                and np_tags(doc, j - 1) in ("NAME", "DI", "ROLE"):
            j -= 1  # a common noun before a place name: "di Confesercenti area Terre dei Castelli"
            continue
        if tg == "DET" and not (j - 1 >= lo and np_tags(doc, j - 1) in ("DI", "A")):
            j -= 1
            break  # the article that opens the phrase: "ai giornalisti il vicecapo …" starts at "il"
        if tg in ("NAME", "DET", "DI", "A", "ROLE", "ADJ") or (doc.tokens[j].text[:1].islower() and office_of(doc.low[j])):
            j -= 1
            continue
        if tg == "WORD" and j - 1 >= lo and np_tags(doc, j - 1) in ("DI", "A"):
            j -= 2  # the complement of an office: "la titolare del forno, Paola Neri"
            continue
        break
    offices = _offices(doc, j + 1, start + 1)
    # a generic noun introduces a person too, though it names no office: "la vittima, Paola Neri"
    return offices, bool(offices) or any(doc.low[m] in GENERIC_PERSON_NOUNS for m in range(j + 1, start + 1))


def _right_offices(doc: Document, e: int, hi: int) -> tuple[set[str], bool]:
    """Offices in an apposition after a name ("Filippo Ippolito, uno dei funzionari,"), or an age ("…, 45 anni"):
    a noun phrase that a comma, bracket or dash closes (not the clause that goes on: "X, gli agenti erano …")."""
    if e >= hi or doc.tokens[e].text not in (",", "("):
        return set(), False
    j = e + 1
    while j < hi and j < e + 10 and doc.tokens[j].text not in _STOPS and doc.tokens[j].text != ",":
        tg = np_tags(doc, j)
        if not (tg in ("NAME", "DET", "DI", "A", "ROLE", "ADJ", "NUM") or office_of(doc.low[j])
                or doc.low[j] in ("anni", "uno", "una") or doc.low[j].endswith("enne")
                or (tg == "WORD" and np_tags(doc, j - 1) in ("DI", "A", "NAME"))):
            return set(), False
        j += 1
    words = [doc.low[m] for m in range(e + 1, j)]
    aged = any(w.isdigit() or w.endswith("enne") or w == "anni" for w in words)
    offices = _offices(doc, e + 1, j)
    return offices, bool(offices) or aged


def people_in(doc: Document, speakers: Iterable[SpeakerInfo] = ()) -> list[Person]:
    """The people named in the article, in order of first mention (see the module docstring).

    ``speakers``: speaker mentions already described; a speaker's name is a person even without a first name
    the list knows ("Vannis Marchi"), and their roles count as offices.
    """
    by_name: dict[str, Person] = {}
    speaker_names = {s.canonical: s for s in speakers if s.type == "person" and s.canonical[:1].isupper()}
    speaker_surnames = {name.split()[-1] for name in speaker_names}
    for i0, i1 in _name_runs(doc):
        text = doc.text[doc.tokens[i0].start:doc.tokens[i1 - 1].end]
        start = _first_name_start(doc, i0, i1)
        if start is None:
            # a name whose first name the list lacks counts when a speaker is named by it or by its surname
            # ("Vannis Marchi" beside "dice Marchi")
            if i1 - i0 < 2 or not (text in speaker_names or doc.tokens[i1 - 1].text in speaker_surnames):
                continue
            start = i0
        name = doc.text[doc.tokens[start].start:doc.tokens[i1 - 1].end]
        key = norm(name)
        if key in INSTITUTIONS or key in MEDIA or key in COUNTRY_NAMES:
            continue
        if start > 0 and doc.low[start - 1] in _PLACE_PREPOSITIONS and name not in speaker_names:
            continue  # "in Emilia Romagna": a place whose first word is also a first name
        if start > 0 and doc.low[start - 1] in STREET_WORDS:
            continue  # "via Giuseppe Mazzini": a street
        sent = doc.sentences[max(0, doc.sentence_index(doc.tokens[start].start))]
        left, has_left = _left_offices(doc, start, sent.t0)
        right, has_right = _right_offices(doc, i1, sent.t1)
        person = by_name.get(name)
        if person is None:
            person = by_name[name] = Person(name, first_name_gender(doc.tokens[start].text))
        person.offices |= left | right
        person.introduced |= has_left or has_right or name in speaker_names or name.split()[-1] in speaker_surnames
        person.mentions.append(doc.tokens[start].start)
    for s in speaker_names.values():
        person = by_name.get(s.canonical)
        if person is not None and s.role:
            person.offices |= {o for w in s.role.split() if (o := office_of(w))}
    # a person named once in full and elsewhere by surname or first name alone is one person
    people = list(by_name.values())
    for short in people:
        fuller = [p for p in people if p is not short and len(p.words) > len(short.words)
                  and (p.words[-len(short.words):] == short.words or p.words[:len(short.words)] == short.words)]
        if len(fuller) == 1:
            fuller[0].mentions += short.mentions
            fuller[0].offices |= short.offices
            fuller[0].introduced |= short.introduced
            short.mentions = []
    people = [p for p in people if p.mentions]
    for p in people:
        p.mentions.sort()
    return sorted(people, key=lambda p: p.mentions[0])


def _last_before(people: list[Person], pos: int, sentence_end: int) -> list[Person]:
    """People ordered by their last mention before ``pos`` (most recent first); people first named later in
    the same sentence come after them."""
    before = [(max(m for m in p.mentions if m < pos), p) for p in people if any(m < pos for m in p.mentions)]
    after = [(min(m for m in p.mentions if m >= pos), p) for p in people
             if not any(m < pos for m in p.mentions) and any(pos <= m < sentence_end for m in p.mentions)]
    return [p for _, p in sorted(before, key=lambda x: -x[0])] + [p for _, p in sorted(after, key=lambda x: x[0])]


def _by_name(people: list[Person], canonical: str, pos: int, sentence_end: int) -> Person | None:
    words = canonical.split()
    exact = [p for p in people if p.words == words]
    holding = [p for p in people if len(p.words) > len(words)
               and (p.words[-len(words):] == words or p.words[:len(words)] == words)]
    for group in (holding, exact):
        if group:
            return _last_before(group, pos, sentence_end + 10 ** 9)[0] if len(group) > 1 else group[0]
    return None


def _mention_words(doc: Document, s: SpeakerInfo) -> list[int]:
    i0, i1 = doc.token_index(s.start), doc.token_index(s.end)
    return list(range(i0, max(i0 + 1, i1)))


#: Endings of singular Italian nouns for people that show their gender after an elided article ("l'uomo").
_MASCULINE_ENDINGS = ("o", "ore")
_FEMININE_ENDINGS = ("a", "trice", "essa")


def _grammar_gender(doc: Document, s: SpeakerInfo) -> Gender | None:
    """The gender the first words of a mention show ("la donna", "il giovane"; after "l'", the noun's ending:
    "l'uomo", "l'imprenditrice"), or None."""
    from .gender import gender_from_phrase

    idx = _mention_words(doc, s)
    gender = gender_from_phrase([doc.tokens[i].text for i in idx[:3]])
    if gender is None and len(idx) >= 2 and doc.low[idx[0]] in ("l'", "un'") and doc.tokens[idx[1]].text[:1].islower():
        noun = doc.low[idx[1]]
        if noun.endswith(_FEMININE_ENDINGS):
            return "female"
        if noun.endswith(_MASCULINE_ENDINGS):
            return "male" if doc.low[idx[0]] == "l'" else None
    return gender


def resolve_speakers(doc: Document, speakers: list[SpeakerInfo]) -> dict[int, Resolution]:
    """``{id(speaker): Resolution}`` for each speaker mention, linked in reading order (module docstring)."""
    people = people_in(doc, speakers)
    out: dict[int, Resolution] = {}
    spoken: list[tuple[int, Person]] = []  # (position, person) of the speakers resolved so far
    for s in sorted(speakers, key=lambda x: x.start):
        if id(s) in out:
            continue
        res = _resolve_one(doc, s, people, spoken)
        out[id(s)] = res
        if res.person is not None:
            spoken.append((s.start, res.person))
    return out


def _resolve_one(doc: Document, s: SpeakerInfo, people: list[Person], spoken: list[tuple[int, Person]]) -> Resolution:
    if s.type not in ("person", "unknown") or (s.type == "unknown" and s.canonical[:1].isupper()):
        return Resolution(s.canonical, "entity")
    k = doc.sentence_index(s.start)
    sentence_end = doc.sentences[k].end if k >= 0 else s.end
    if s.canonical[:1].isupper():
        person = _by_name(people, s.canonical, s.start, sentence_end)
        words = s.canonical.split()
        cut = next((i for i in range(1, len(words) - 1) if is_first_name(words[i])), None)
        if person is None and cut is not None:
            # words of an institution before the name: "Bologna Luigi Martello" of "di Bologna Luigi Martello"
            person = _by_name(people, " ".join(words[cut:]), s.start, sentence_end)
            if person is None:
                return Resolution(" ".join(words[cut:]), "name")
        if person is None:
            return Resolution(s.canonical, "name")
        return Resolution(person.name, "name" if person.name == s.canonical else "alias", person)
    idx = _mention_words(doc, s)
    words = [doc.low[i] for i in idx]
    if len(words) == 1 and words[0] in PRONOUNS:
        pronoun_gender = PRONOUNS[words[0]]
        for _, person in sorted(spoken, key=lambda x: -x[0]):
            if person.gender in (pronoun_gender, None) and _person_gender(person) == pronoun_gender:
                return Resolution(person.name, "pronoun", person)
        return Resolution(s.canonical, "unresolved")
    gender = _grammar_gender(doc, s)
    # the head phrase only: "una prima ricostruzione degli inquirenti" names no office
    head_end = next((i for i in idx[1:] if np_tags(doc, i) in ("DI", "A")), idx[-1] + 1)
    offices = _offices(doc, idx[0], head_end)
    head = next((doc.low[i] for i in range(idx[0], head_end) if doc.low[i] in GENERIC_PERSON_NOUNS), None)
    if offices:
        # a masculine title may name a woman ("il sindaco Emilia Muratori"); a feminine one never names a man
        for person in _last_before(people, s.start, sentence_end):
            if person.offices & offices and not (gender == "female" and person.gender == "male"):
                return Resolution(person.name, "title", person)
    elif head is not None and gender is not None:
        candidates = _last_before([p for p in people if p.introduced], s.start, sentence_end)
        person = next((p for p in candidates if p.gender == gender), None) \
            or next((p for p in candidates if p.gender is None), None)
        if person is not None:
            return Resolution(person.name, "title", person)
    if s.type == "unknown" and not offices and head is None:
        return Resolution(s.canonical, "entity")  # "una prima ricostruzione degli inquirenti": not a person
    return Resolution(s.canonical, "unresolved")


def _person_gender(person: Person) -> str | None:
    return person.gender
