"""Passive reports, the agent speaking: "sono state negate dalla Russia e dalla Corea del Nord".

Also "una mossa criticata dagli Stati Uniti"; with no agent, an unnamed source
("È stato precisato che …").
"""
from __future__ import annotations

from .according_content import according_content
from .cues import Cue
from .document import Document, Sentence
from .rows import (
    OPENING,
    Attribution,
    State,
    clause_end,
    content_of,
    is_preceded_by_preposition,
    skip_adverbs,
    tok_span,
)
from .speakers import can_speak, describe, left_np, right_np
from .tags import DA, DET

__all__ = ["passive"]

#: Auxiliaries of passives that report nothing said yet, or a process rather than a report.
_NOT_REPORTED_AUX = frozenset({"sarà", "saranno", "verrà", "verranno", "viene", "vengono", "venne", "vennero", "veniva",
                               "venivano", "sia", "siano"})


def passive(doc: Document, sent: Sentence, cue: Cue, state: State) -> list[Attribution]:
    """"queste accuse sono state negate dalla Russia e dalla Corea del Nord"."""
    hi = sent.t1
    k = skip_adverbs(doc, cue.last + 1, hi)
    agents = []
    while k < hi and doc.low[k] in DA:
        np = right_np(doc, k, hi)
        if np is None:
            break
        if not can_speak(doc, *np):
            break  # "sostenuto da un numero considerevole di voti": a thing, no source
        agents.append(np)
        m = np[1]
        if m + 1 < hi and doc.low[m] in ("e", "ed") and doc.low[m + 1] in DA:
            k = m + 1
            continue
        break
    if not agents:
        content = None
        aux = {doc.low[m] for m in range(cue.first, cue.head)}
        if aux & _NOT_REPORTED_AUX or (cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] == "non") \
                or (cue.first - 2 >= sent.t0 and doc.low[cue.first - 2] == "non"):
            return []  # "sarà precisato il luogo", "viene minacciato", "non è stata segnalata": nothing was reported yet
        if k < hi and doc.low[k] == "che" and k + 1 < hi:
            # "È stato precisato che …": a report whose source is not named
            content = content_of(doc, doc.tokens[k].end, sent.end)
        elif k < hi and doc.low[k] in DET:
            # "È stata confermata l'ipotesi di suicidio": the subject follows
            content = content_of(doc, doc.tokens[k].start, doc.tokens[clause_end(doc, k, hi) - 1].end)
        elif k >= hi or doc.tokens[k].text in (".", ";", "!"):
            # "La circostanza è stata smentita.": the subject before the verb is what was reported
            np = left_np(doc, cue.first, sent.t0)
            if np is not None and not is_preceded_by_preposition(doc, np, sent.t0) and not can_speak(doc, *np):
                content = content_of(doc, *tok_span(doc, *np))  # a person before the verb is its target, not its content
        if content is not None:
            row = Attribution(sent.sent_id, content[0], content[1], None, tok_span(doc, cue.first, cue.last + 1),
                              cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start)
            row.extra["speaker_type"] = "anonymous"
            return [row]
        return []
    as_source = cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] in ("come", "quanto")
    if as_source:
        return according_content(doc, sent, cue.first - 1 - (1 if doc.low[cue.first - 2: cue.first - 1] == ["secondo"] else 0),
                                   agents[-1][1], describe(doc, *agents[0]), tok_span(doc, cue.first - 1, cue.last + 1),
                                   cue.lemma)
    np = left_np(doc, cue.first, sent.t0)
    if np is None and cue.first - 1 > sent.t0 and doc.tokens[cue.first - 1].text == ",":
        np = left_np(doc, cue.first - 1, sent.t0)
    if np is None:
        return []
    content = content_of(doc, *tok_span(doc, *np))
    after = agents[-1][1]
    if after + 1 < hi and doc.tokens[after].text == ":" and doc.tokens[after + 1].text in OPENING:
        q = doc.quote_opening_at(doc.tokens[after + 1].start)
        if q is not None:  # "la considerazione scritta da Salvatore: «…»"
            content = ("direct", (q.start, q.end))
    if content is None:
        return []
    kind, span = content
    # the channel ("… dalla Russia in una nota") is found with every other row's (channels.attach_channels)
    return [Attribution(sent.sent_id, kind, span, describe(doc, *a), tok_span(doc, cue.first, cue.last + 1),
                        cue.lemma, cue.stance, head=doc.tokens[cue.head].start) for a in agents]
