"""A speech verb's frame from the parse: who speaks, what is reported, through which channel.

"Il ministro ha dichiarato all'ANSA che il piano partirà" → speaker *il
ministro* (the verb's subject), content *il piano partirà* (its clausal
complement), channel *all'ANSA* (its oblique). The grammar is in
:mod:`.grammar`; this module decides what of it makes a report.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue
from .document import Document
from .grammar import agent_of, channel_of, is_verb, object_of, reported_clause, subject_of
from .lexicon import norm
from .parse import SentenceParse

__all__ = ["Frame", "verb_frame", "OBJECT_STANCES", "ABILITY"]

#: Stances whose verb reports its noun object ("ha annunciato le dimissioni", "chiede una riconversione").
OBJECT_STANCES = frozenset({"announces", "criticizes", "accuses", "asks", "promises", "confirms", "denies",
                            "proposes", "threatens", "hopes", "admits", "claims"})
#: Verbs whose object is someone else's words or a thing acted on, not a report of the speaker's own.
NOT_OBJECT_LEMMAS = frozenset({"respingere", "replicare", "rispondere", "dire", "parlare", "raccontare", "scrivere"})


#: Forms of "potere" that make a verb a possibility ("può chiedere", "potrebbe annunciare").
ABILITY = frozenset({"può", "possono", "potrà", "potranno", "potrebbe", "potrebbero", "poteva", "potevano",
                      "possa", "possano", "potesse", "potessero"})


@dataclass(frozen=True)
class Frame:
    """Document token spans ``[i0, i1)`` of a speech verb's report; ``kind`` says how the content hangs on it."""

    content: tuple[int, int]
    kind: str  # che | di | se | bare | passive | object
    subject: tuple[int, int] | None
    subject_head: int | None
    channel: tuple[int, int] | None


def verb_frame(doc: Document, cue: Cue, p: SentenceParse) -> Frame | None:
    """The report the parse shows for ``cue``, or None (the cue is not a verb here, or reports nothing after it).

    Content: the clausal complement (``che``/``di``/``se`` clause, or a bare
    clause after a colon), or, for verbs of announcing, asking, accusing and
    the like, the noun object. Subject: the verb's own or the one it shares
    (coordination, relative clause, gerund); for a passive, the agent.
    """
    verb = cue.head
    if not is_verb(p, verb) or cue.passive or (cue.clitic and doc.low[cue.first] in ("lo", "l'")):
        return None  # passives and "Lo dice X" (what precedes) have readers of their own
    t = p.token(verb)
    if any(norm(a.text) in ABILITY for a in t.children if a.dep_ == "aux"):
        return None  # "il costruttore può chiedere al giudice …": a right or a possibility, not a report
    if {"ci", "si"} <= {norm(c.text) for c in t.children if c.dep_.startswith("expl")}:
        return None  # "ci si chiede": impersonal, nobody in particular asks
    rc = reported_clause(doc, p, verb, asks=cue.stance == "asks")
    if rc is not None:
        span, kind = (rc[0], rc[1]), rc[2]
    elif cue.stance in OBJECT_STANCES and cue.lemma not in NOT_OBJECT_LEMMAS and "Sub" not in t.morph.get("Mood"):
        # (a subjunctive asks for something to happen: "è ora che i leader riconoscano il ruolo …")
        obj = object_of(doc, p, verb)
        if obj is None:
            return None
        span, kind = obj, "object"
    else:
        return None
    if span[0] <= cue.last:
        return None
    who = agent_of(doc, p, verb) if cue.passive else subject_of(doc, p, verb)
    subject, head = who if who is not None else (None, None)
    return Frame(span, kind, subject, head, channel_of(doc, p, verb))
