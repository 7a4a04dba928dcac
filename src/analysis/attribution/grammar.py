"""The grammar of reported speech read off a dependency parse (Universal Dependencies relations).

Each function answers one question about a speech verb and returns document
token spans ``[i0, i1)`` (or character spans for content), so the rest of the
extractor never handles spaCy objects. Written here because no library reads
Italian reported speech from a parse; the relation names are UD's, which is
what our Italian pipeline was trained on.
"""
from __future__ import annotations

from typing import Any, Iterator

from .document import Document
from .lexicon import CHANNEL_NOUNS, MEDIA, norm
from .parse import SentenceParse

__all__ = [
    "subject_of", "agent_of", "reported_clause", "channel_of", "object_of", "noun_phrase",
    "is_verb", "governing_verb", "person_of", "SUBJECT_DEPS",
]

#: Relations of a verb's subject; a passive subject is what was said, not who said it.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Relations through which a clause takes the subject of the verb it hangs on.
_SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl"})
#: Dependents that end a speaker's noun phrase: relative and other clauses, asides, punctuation.
_NOT_IN_NP = frozenset({"acl:relcl", "acl", "parataxis", "advcl", "ccomp", "punct", "dep", "cc", "conj", "discourse"})
#: Prepositions of a channel: "all'agenzia", "in una nota", "su X", "attraverso il quotidiano".
_CHANNEL_CASES = frozenset({"a", "in", "su", "attraverso", "tramite", "via", "durante", "con", "per"})
#: Relative pronouns that stand for the antecedent as subject ("X, che ha detto …").
_RELATIVE_SUBJECTS = frozenset({"che", "il quale", "la quale", "i quali", "le quali", "quale", "quali", "cui"})


def is_verb(p: SentenceParse, i: int) -> bool:
    """Is document token ``i`` a verb (or an auxiliary-led participle) in the parse?"""
    t = p.token(i)
    return t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ in ("ROOT", "conj", "acl", "advcl", "ccomp", "parataxis"))


def governing_verb(t: Any) -> Any | None:
    """The verb whose subject a clause shares: head of a coordination, control or gerund clause."""
    seen = 0
    while t.dep_ in _SHARED_SUBJECT_DEPS and t.head.i != t.i and seen < 6:
        if t.dep_ == "advcl" and _finite_subordinate(t):
            return None  # "Quando X e Y avevano chiesto …, il ministro …": a finite clause has its own subject
        t = t.head
        seen += 1
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _finite_subordinate(t: Any) -> bool:
    """A finite clause opened by a conjunction ("quando avevano chiesto", "mentre dice"), not a gerund or "per dire"."""
    finite = "Fin" in t.morph.get("VerbForm") or any(
        c.dep_ in ("aux", "aux:pass", "cop") and ("Fin" in c.morph.get("VerbForm")
                                                  or not c.lower_.endswith(("re", "r", "ndo", "to", "ta", "ti", "te")))
        for c in t.children)
    return finite and any(c.dep_ == "mark" and c.pos_ == "SCONJ" for c in t.children)


def _children(t: Any, deps: frozenset[str] | set[str]) -> Iterator[Any]:
    return (c for c in t.children if c.dep_ in deps)


def _edges(p: SentenceParse, tokens: list[Any]) -> tuple[int, int] | None:
    found = [p.index(t) for t in tokens if not t.is_space and not t.is_punct]
    idx = [i for i in found if i is not None]
    return (min(idx), max(idx) + 1) if idx else None


def noun_phrase(p: SentenceParse, head: Any) -> tuple[int, int] | None:
    """The noun phrase headed by ``head``: its subtree without clauses, asides and coordinated phrases.

    "Il portavoce del Dipartimento di Stato americano Matthew Miller" (one
    phrase), but "John Kirby" from "John Kirby, portavoce del …," and "il
    sindaco" from "il sindaco, che ha parlato a lungo,".
    """
    keep: list[Any] = []

    def walk(t: Any) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ in ("nmod", "obl") and c.i < t.i:
                continue  # a complement fronted before the name: "Di lei Rossi …"
            if c.pos_ in ("ADV", "CCONJ", "SCONJ") and c.i < head.i and c.dep_ not in ("fixed", "flat"):
                continue  # "Tuttavia Floyd": a sentence adverb, not part of the name
            if c.dep_ in _NOT_IN_NP or (c.dep_ == "appos" and _after_comma(c)):
                continue
            walk(c)

    walk(head)
    span = _edges(p, keep)
    if span is None:
        return None
    # keep the phrase contiguous: cut at the first gap left by a dropped dependent
    i0, i1 = span
    inside = {p.index(t) for t in keep}
    inside.discard(None)
    h = p.index(head)
    if h is None:
        return None
    a = h
    while a - 1 >= i0 and (a - 1) in inside:
        a -= 1
    b = h + 1
    while b < i1 and b in inside:
        b += 1
    return a, b


def _after_comma(t: Any) -> bool:
    """Is dependent ``t`` set off by a comma or bracket before it (an apposition, an aside)?"""
    left = t.left_edge
    return left.i > 0 and t.doc[left.i - 1].text in (",", "(", "–", "-", "—")


def subject_of(doc: Document, p: SentenceParse, verb_i: int) -> tuple[tuple[int, int], int] | None:
    """Who does the verb at document token ``verb_i``? ``(phrase span, head token)`` of its subject, or of the
    one it shares.

    "Il ministro ha dichiarato …" → il ministro; "Legambiente dice no … e chiede …"
    (coordination) → Legambiente; "X, che aveva chiesto …" (relative clause) → X;
    "… spiegando che …" (gerund) → the subject of the main verb.
    """
    t = p.token(verb_i)
    for step in range(6):
        subjects = [s for s in _children(t, SUBJECT_DEPS) if not (step and _unsure_postposed(t, s))]
        if subjects:
            subj = subjects[0]
            if norm(subj.text) in _RELATIVE_SUBJECTS and t.dep_ == "acl:relcl":
                return _phrase(p, t.head)
            if subj.dep_ == "csubj":
                return None
            found = _phrase(p, subj)
            for other in subjects[1:]:
                # "Il presidente francese Emmanuel Macron" parsed as two subjects side by side: one phrase
                more = _phrase(p, other)
                if found is not None and more is not None and more[0][0] == found[0][1]:
                    found = ((found[0][0], more[0][1]), more[1])
            return found
        if t.dep_ == "acl:relcl" and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            rel = next((c for c in t.children if norm(c.text) in _RELATIVE_SUBJECTS), None)
            if rel is not None and rel.dep_.startswith("nsubj"):
                return _phrase(p, t.head)
            # "X scrive un post, in cui critica …": a relative clause with no subject of its own speaks
            # for the subject of the clause its noun belongs to
            if rel is not None and rel.dep_ in ("obl", "nmod") and t.head.dep_ in ("obj", "obl", "nmod") \
                    and t.head.head.pos_ in ("VERB", "AUX"):
                t = t.head.head
                continue
            return None
        gov = governing_verb(t)
        if gov is None:
            return None
        t = gov
    return None


def _unsure_postposed(verb: Any, subj: Any) -> bool:
    """A subject after the verb of an oblique relative clause ("…, in cui ringrazia Kim Jong Un … e promette …"):
    as often the object as the subject, so a verb coordinated with it does not take it as its own."""
    return subj.i > verb.i and verb.dep_ == "acl:relcl" and any(
        norm(c.text) in _RELATIVE_SUBJECTS and c.dep_ in ("obl", "nmod") for c in verb.children)


def _phrase(p: SentenceParse, head: Any) -> tuple[tuple[int, int], int] | None:
    span, h = noun_phrase(p, head), p.index(head)
    return (span, h) if span is not None and h is not None else None


def agent_of(doc: Document, p: SentenceParse, verb_i: int) -> tuple[tuple[int, int], int] | None:
    """The agent of a passive ("… negate dalla Russia", "è stato annunciato dal governo"): ``(span, head)``."""
    t = p.token(verb_i)
    for c in t.children:
        if c.dep_ == "obl:agent" or (c.dep_ == "obl" and any(norm(g.text) in ("da", "dal", "dalla", "dallo", "dall'", "dai", "dagli", "dalle")
                                                         and g.dep_ == "case" for g in c.children)):
            return _phrase(p, c)
    return None


def object_of(doc: Document, p: SentenceParse, verb_i: int) -> tuple[int, int] | None:
    """The noun object of the verb, as a token span ("ha annunciato [le sue dimissioni]")."""
    t = p.token(verb_i)
    obj = next((c for c in t.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN", "NUM", "X")), None)
    if obj is None:
        return None
    return _edges(p, list(obj.subtree))


def reported_clause(doc: Document, p: SentenceParse, verb_i: int, *, asks: bool = False) -> tuple[int, int, str] | None:
    """What the verb reports, as document token span and marker: ``(i0, i1, kind)``.

    kind ``che`` ("ha detto che [il piano partirà]": the clause without *che*),
    ``di`` ("ha promesso [di opporsi]": the infinitive with its *di*; with
    ``asks`` also *a*: "invita [a votare]"), ``se`` ("si chiede [se …]",
    "spiega [come …]"), ``bare`` (a clause after a colon, "ha detto: [il piano
    partirà]"), ``passive`` ("È stato precisato [che …]"). A clause opened by
    any other word ("quando", "perché", "mentre") tells when or why, not what.
    """
    t = p.token(verb_i)
    for c in t.children:
        if c.dep_ not in ("ccomp", "csubj:pass", "csubj", "xcomp") or c.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON"):
            continue
        if c.i < t.i and c.dep_ != "csubj:pass":
            continue  # a clause before the verb is a postposed report, read elsewhere
        sub = list(c.subtree)
        marks = [m for m in c.children if m.dep_ == "mark" and m.i < c.i]
        mark = norm(marks[0].text) if marks else ""
        infinitive_marks = ("di", "d'", "a", "ad") if asks else ("di", "d'")
        if c.dep_ == "xcomp" and mark not in infinitive_marks:
            continue  # "si è detto soddisfatto", "ha continuato a pattugliare": no report
        if mark == "che":
            kind = "che"
            sub = [s for s in sub if s.i != marks[0].i]
        elif mark in ("se", "come"):
            kind = "se"  # "si chiede [se …]": the question keeps its "se"
        elif mark in infinitive_marks:
            kind = "di"
        elif mark:
            continue
        elif c.dep_.startswith("csubj"):
            kind = "passive"
        elif c.dep_ == "ccomp" and "Sub" in c.morph.get("Mood") and c.i > t.i:
            kind = "bare"  # "i tecnici sostengono [sia troppo presto]": "che" dropped before a subjunctive
        elif any(doc.tokens[k].text in (":", "«", "“", '"') for k in range(verb_i + 1, p.index(c.left_edge) or verb_i + 1)) \
                or p.index(c.left_edge) == verb_i + 1 and doc.tokens[verb_i + 1].text in (":", "«", "“", '"'):
            kind = "bare"
        else:
            continue
        span = _edges(p, sub)
        if span is not None:
            return span[0], span[1], kind
    return None


def person_of(p: SentenceParse, verb_i: int) -> str | None:
    """Grammatical person ("1", "2", "3") of the verb or its auxiliary, when the parse marks it."""
    t = p.token(verb_i)
    for w in [t] + [c for c in t.children if c.dep_ in ("aux", "aux:pass")]:
        person = w.morph.get("Person")
        if person:
            return person[0]
    return None


def channel_of(doc: Document, p: SentenceParse, verb_i: int) -> tuple[int, int] | None:
    """The medium the verb's words went through: "all'agenzia TASS", "in una nota", "su X", "al Corriere"."""
    t = p.token(verb_i)
    for c in t.children:
        if c.dep_ not in ("obl", "iobj", "nmod", "advcl"):
            continue
        cases = [g for g in c.children if g.dep_ == "case"]
        if not cases or _PREPOSITION.get(norm(cases[0].text).rstrip("'"), "") not in _CHANNEL_CASES:
            continue
        span = _edges(p, list(c.subtree))
        if span is None:
            continue
        name = [norm(w.text) for w in c.subtree if w.dep_ not in ("case", "det") and not w.is_punct]
        if norm(c.text) in CHANNEL_NOUNS or " ".join(name) in MEDIA or any(w in MEDIA for w in name):
            return span
    return None


#: Articled prepositions → their preposition.
_PREPOSITION = {
    "a": "a", "al": "a", "all": "a", "alla": "a", "ai": "a", "agli": "a", "alle": "a", "allo": "a",
    "in": "in", "nel": "in", "nella": "in", "nell": "in", "nei": "in", "nelle": "in", "negli": "in", "nello": "in",
    "su": "su", "sul": "su", "sulla": "su", "sull": "su", "sui": "su", "sulle": "su", "sugli": "su", "sullo": "su",
    "attraverso": "attraverso", "tramite": "tramite", "via": "via", "durante": "durante", "con": "con", "per": "per",
}
