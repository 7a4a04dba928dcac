"""Postposed and inserted cues: "«…», ha detto X".

Also "“…” – aggiunge X –", "CLAUSE, ha dichiarato X, collaboratore del
Cremlino, all'agenzia TASS", the parenthetical "Per questo – ha concluso X –
sarà importante …", and a cue set between dashes inside a quotation
("«Può sembrare ingiusto – argomenta – ma apre gli occhi …»").
"""
from __future__ import annotations

from .channels import channel_at, find_channel
from .cues import Cue
from .document import Document, Sentence
from .quotes import Quote, quote_word_count
from .rows import (
    CLOSING,
    DASHES,
    OPENING,
    TIME_WORDS,
    Attribution,
    State,
    content_of,
    extend_over_quote,
    tok_span,
    trim,
    words_in,
)
from .speakers import can_speak, np_tags, right_np
from .subjects import speaker_after, speaker_right, with_apposition_right
from .tags import is_adverb_word

__all__ = ["after_subordinator", "postposed", "inserted", "inserted_open", "aside_dash", "aside_close", "aside_rows"]

#: Words that open a subordinate or relative clause: an inserted source right after one of them ("anche se,
#: sottolinea il sindaco, …", "che, secondo le stime di X, …") is about the words that follow it.
_SUBORDINATORS = frozenset({"che", "se", "perché", "poiché", "giacché", "siccome", "quando", "mentre", "cui", "dove", "quanto"})


def after_subordinator(doc: Document, sent: Sentence, lead: int) -> bool:
    """Is the inserted phrase at ``lead`` (after a comma) preceded by a clause opening it interrupts?

    "… anche se, sottolinea il sindaco, …", "un effetto … che, secondo le stime di X, determinerà …",
    "Ma che in questo caso, come riporta La Stampa, ha portato …" (a short lead opened by "che").
    """
    if lead - 2 < sent.t0 or doc.tokens[lead - 1].text != ",":
        return False
    if doc.low[lead - 2] in _SUBORDINATORS:
        return True
    k = lead - 2
    while k > sent.t0 and lead - k <= 7 and doc.tokens[k - 1].text not in (",", ";", ":", "(", ".") \
            and doc.tokens[k - 1].text not in DASHES:
        k -= 1
    if lead - k > 7:
        return False
    while k < lead - 2 and doc.low[k] in ("e", "ed", "ma", "però"):
        k += 1
    return doc.low[k] == "che" and k < lead - 2


def postposed(doc: Document, sent: Sentence, cue: Cue, seg_start: int, state: State) -> list[Attribution]:
    """"«…», ha detto X", "“…” – aggiunge X –", "CLAUSE, ha dichiarato X, ruolo, all'agenzia TASS",
    and the parenthetical "Per questo – ha concluso X – sarà importante …" (content on both sides)."""
    low = doc.low
    p = cue.first - 1
    if p < sent.t0 or cue.form == "gerund":
        return []  # "…, parlando ai giornalisti, …" is an adjunct, not a postposed cue
    ptxt = doc.tokens[p].text
    if ptxt not in (",", ":") and ptxt not in DASHES and ptxt not in CLOSING and ptxt not in ("?", "!", "…", "("):
        return []
    # content: the quotation or clause before the cue
    end_char = doc.tokens[p].start if ptxt not in CLOSING else doc.tokens[p].end
    q = None
    k = p
    while k >= sent.t0 and (doc.tokens[k].text in (",", ":", "?", "!", "…", ".", "(") or doc.tokens[k].text in DASHES):
        k -= 1
    if k >= 0 and doc.tokens[k].text in CLOSING:
        q = doc.quote_closing_at(doc.tokens[k].start)
    before: tuple[str, tuple[int, int]] | None
    if q is not None:
        if q.open < seg_start or not any(c.isalnum() for c in doc.text[seg_start:q.open]):
            trimmed = trim(doc, q.start, q.end)
            if trimmed is None:
                return []
            span = (q.start, q.end) if any(c.isalnum() for c in doc.text[q.start:q.end]) else trimmed
            before = ("direct", span)
        else:
            before = content_of(doc, seg_start, q.close)
    else:
        before = content_of(doc, seg_start, end_char)
    # speaker after the cue, then role and channel
    hi = sent.t1
    np, speaker, after, channel = speaker_right(doc, cue.last + 1, hi)
    j = after
    if speaker is not None and np is not None:  # speaker_right gives a speaker only with its phrase
        k = after
        if k < hi and channel_at(doc, k, hi) > k:
            k = channel_at(doc, k, hi)
        while k < hi and (is_adverb_word(low[k]) or low[k] in TIME_WORDS):
            k += 1
        if k < hi and k > np[1] and doc.tokens[k - 1].text == ",":
            pass  # the apposition ended with a comma: a new clause follows ("…, responsabile legale, aggiungendo che")
        elif k < hi and doc.tokens[k].text not in (",", ".", ";", ":", "!", "?", "…", ")") and doc.tokens[k].text not in DASHES \
                and doc.tokens[k].text not in OPENING and low[k] not in ("e", "ed", "mentre", "ma", "in", "nel", "nella", "durante") \
                and np_tags(doc, k) not in ("A", "DA", "PREP") and not doc.low[k].endswith(("ando", "endo")):
            return []  # "ha chiesto un incontro al ministro": an object, not a speaker ("annunciando …" goes on)
    elif np is not None:
        return []  # an object that cannot speak: "…, continua la guerra"
    elif j < hi and doc.tokens[j].text not in (",", ".", ";", ":", "!", "?", "…", ")") and doc.tokens[j].text not in DASHES \
            and doc.tokens[j].text not in OPENING:
        return []
    elif cue.first - 1 >= sent.t0:
        speaker = state.last_speaker
    if channel is None:
        c = find_channel(doc, after, hi, prefer_near=after)
        if c is not None:
            channel = c
            after = max(after, c[1])
    # a parenthetical cue ("– ha concluso X –", ", spiega X,") with the content going on after it
    rest = None
    k = after
    if ptxt in DASHES and k < hi and doc.tokens[k].text not in DASHES:
        # "– hanno raccontato i testimoni a bordo della nave –": the aside runs to its closing dash
        close = next((m for m in range(k, min(hi, k + 8)) if doc.tokens[m].text in DASHES), None)
        if close is not None and all(doc.tokens[m].text not in OPENING and doc.tokens[m].text not in CLOSING
                                     and doc.tokens[m].text not in (".", ";", ":") for m in range(k, close)):
            k = close
    closing = DASHES if ptxt in DASHES else {")"} if ptxt == "(" else {",", ")"} | DASHES
    if k < hi and doc.tokens[k].text in closing and (ptxt in DASHES or ptxt in (",", "(")):
        k += 1
        if k < hi and not (before is not None and before[0] == "direct" and doc.tokens[k].text in OPENING):
            c_end = extend_over_quote(doc, sent.end, doc.tokens[k].start)
            rest = content_of(doc, doc.tokens[k].start, c_end)
            short_before = before[1] if before is not None and before[0] == "indirect" and speaker is not None else None
            if rest is not None and words_in(doc, rest[1]) < 4 and not (
                    short_before is not None and words_in(doc, short_before) + words_in(doc, rest[1]) >= 4):
                rest = None  # "La situazione, ha spiegato il sindaco, è sotto controllo": one clause around the aside
    if ptxt == "," and after_subordinator(doc, sent, cue.first) and (before is None or before[0] == "indirect"):
        before = None  # "anche se, sottolinea il sindaco, …": the report is what follows the cue, if anything
    if before is not None and before[0] == "indirect" and (words_in(doc, before[1]) < 3 and rest is None or speaker is None):
        before = None  # an unquoted clause before a cue with no speaker at all ("Il ricordo di X, ha concluso")
    if before is None and rest is None:
        return []
    if before is None or (rest is not None and before[0] == "indirect" and words_in(doc, before[1]) < 4
                          and words_in(doc, rest[1]) >= 4):
        kind, span = rest  # type: ignore[misc]
    elif rest is not None and before[0] != "direct":
        both = content_of(doc, before[1][0], rest[1][1])
        kind, span = both if both is not None else before
        if kind == "direct":
            kind = "mixed"
    else:
        kind, span = before
    rows = []
    row = Attribution(sent.sent_id, kind, span, speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                      tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)
    rows.append(row)
    # "«…» – aggiunge X – «…»": a second quotation for the same speaker
    k = after
    while k < hi and (doc.tokens[k].text in (",",) or doc.tokens[k].text in DASHES):
        k += 1
    if k < hi and k > after and doc.tokens[k].text in OPENING:
        q2 = doc.quote_opening_at(doc.tokens[k].start)
        if q2 is not None and quote_word_count(doc.text, q2) >= 1:
            rows.append(Attribution(sent.sent_id, "direct", (q2.start, q2.end), speaker,
                                    row.cue, cue.lemma, cue.stance, row.channel, head=row.head))
    return rows


def aside_dash(doc: Document, k: int) -> bool:
    """Is token ``k`` a dash that opens or closes an aside ("– afferma X –"), not one inside a compound
    ("Federalberghi–Confcommercio"): a space on at least one side."""
    if not 0 <= k < len(doc.tokens) or doc.tokens[k].text not in DASHES:
        return False
    t = doc.tokens[k]
    before = t.start == 0 or doc.text[t.start - 1].isspace()
    after = t.end >= len(doc.text) or doc.text[t.end].isspace()
    return before or after


#: The longest aside between dashes that a cue opens ("– ha detto ieri il sindaco X commentando … –").
_ASIDE_MAX_TOKENS = 40


def aside_close(doc: Document, k: int, limit: int) -> int | None:
    """The dash closing an aside whose words start at token ``k``, before character ``limit`` (the end of the
    quotation): the first aside dash, with no sentence stop or quotation mark before it; None when there is none."""
    m = k
    while m < len(doc.tokens) and m - k <= _ASIDE_MAX_TOKENS and doc.tokens[m].start < limit:
        t = doc.tokens[m].text
        if aside_dash(doc, m):
            return m
        if t in (".", "!", "?", ";", "…"):
            return None
        m += 1
    return None


def inserted(doc: Document, sent: Sentence, cue: Cue, q: Quote, state: State) -> list[Attribution]:
    """"«Può sembrare ingiusto – argomenta – ma apre gli occhi …»": a cue set between dashes inside the quotation.

    The aside runs from the cue to the next dash inside the quotation, whatever lies between the speaker and
    that dash (an apposition, "ieri", a gerund clause, the outlet: "– ha commentato X, capogruppo del Pd,
    a Radio Uno –"); between the dashes of a quotation the subject speaks whatever its noun ("– aggiunge un
    altro titolare –"). Each part of the quotation is one row.
    """
    open_k = cue.first - 1
    if open_k < sent.t0 or not aside_dash(doc, open_k):
        return []
    close = aside_close(doc, cue.last + 1, q.end)
    if close is None:
        return []
    np, channel, _ = speaker_after(doc, cue.last + 1, close)
    speaker = None
    if np is not None and np_tags(doc, np[0]) not in ("A", "PREP", "DI"):
        speaker, _ = with_apposition_right(doc, np, close)
    if speaker is None:
        speaker = state.last_speaker
    # one row for each part of the quotation, as for two quotations around the cue ("«…» – afferma X – «…»")
    trimmed = [trim(doc, q.start, doc.tokens[open_k].start), trim(doc, doc.tokens[close].end, q.end)]
    parts = [x for x in trimmed if x is not None] or [(q.start, q.end)]
    return [Attribution(sent.sent_id, "direct", part, speaker, tok_span(doc, cue.first, cue.last + 1),
                        cue.lemma, cue.stance, tok_span(doc, *channel) if channel else None,
                        head=doc.tokens[cue.head].start) for part in parts]


def _aside_verb(doc: Document, k: int, hi: int) -> tuple[int, int, str] | None:
    """A finite verb group opening an aside at token ``k`` that the cue table lacks ("riprende ancora",
    "ha ripreso", "recrimina"): (first, last, lemma), or None. Written by hand: the lemma comes from
    :func:`analysis.lemmatization.lemmatize`; infinitives and gerunds are not cues."""
    from ..lemmatization import lemmatize

    first = k
    if k < hi and doc.low[k] in ("ha", "hanno", "aveva", "avevano", "è", "sono", "era"):
        k += 1
    if k >= hi or not doc.tokens[k].text.isalpha() or not doc.tokens[k].text.islower():
        return None
    word = doc.low[k]
    lemma = lemmatize(doc.tokens[k].text)
    if not lemma.endswith(("are", "ere", "ire", "rre")) or lemma == word or word.endswith(("ndo", "ndosi")):
        return None
    return first, k, lemma


def aside_rows(doc: Document, sent: Sentence, cue_tokens: set[int], state: State) -> list[Attribution]:
    """"«A – riprende ancora Costetti – B»": an aside between dashes inside a quotation whose verb the cue table
    lacks, with a speaker after it. As :func:`inserted`, one row for each part of the quotation."""
    rows: list[Attribution] = []
    for k in range(sent.t0, sent.t1 - 2):
        if not aside_dash(doc, k):
            continue
        q = doc.quote_containing(doc.tokens[k].start)
        if q is None or not q.opened:
            continue
        close = aside_close(doc, k + 1, q.end)
        if close is None or any(k < c < close for c in cue_tokens):
            continue
        verb = _aside_verb(doc, k + 1, close)
        if verb is None:
            continue
        np, channel, _ = speaker_after(doc, verb[1] + 1, close)
        if np is None or np_tags(doc, np[0]) in ("A", "PREP", "DI"):
            continue
        speaker, _ = with_apposition_right(doc, np, close)
        if not can_speak(doc, *np) and speaker.type != "person":
            continue
        parts = [trim(doc, q.start, doc.tokens[k].start), trim(doc, doc.tokens[close].end, q.end)]
        cue = tok_span(doc, verb[0], verb[1] + 1)
        rows += [Attribution(sent.sent_id, "direct", part, speaker, cue, verb[2], "states",
                             tok_span(doc, *channel) if channel else None, head=cue[0])
                 for part in parts if part is not None]
    return rows


def _words_in_span(doc: Document, span: tuple[int, int]) -> int:
    return len(doc.text[span[0]:span[1]].split())


def inserted_open(doc: Document, sent: Sentence, cue: Cue, state: State) -> list[Attribution]:
    """"“Una tale idea è da rimuovere– prosegue il sindaco – in maniera …": a quotation opened at the sentence start
    and left open (the paragraph goes on), a cue between dashes inside it."""
    first = doc.tokens[sent.t0]
    if first.text not in OPENING or doc.quote_containing(first.end) is not None:
        return []
    if cue.first - 1 <= sent.t0 or doc.tokens[cue.first - 1].text not in DASHES:
        return []
    if any(doc.tokens[m].text in CLOSING and m != sent.t0 for m in range(sent.t0 + 1, cue.first)):
        return []
    k = cue.last + 1
    np = right_np(doc, k, sent.t1)
    if np is None or not can_speak(doc, *np):
        return []
    speaker, k = with_apposition_right(doc, np, sent.t1)
    if k >= sent.t1 or doc.tokens[k].text not in DASHES:
        return []
    end = sent.end
    for m in range(k + 1, sent.t1):
        if doc.tokens[m].text in CLOSING:
            end = doc.tokens[m].start
            break
    parts = [trim(doc, first.end, doc.tokens[cue.first - 1].start), trim(doc, doc.tokens[k].end, end)]
    return [Attribution(sent.sent_id, "direct", part, speaker, tok_span(doc, cue.first, cue.last + 1),
                        cue.lemma, cue.stance, None, head=doc.tokens[cue.head].start)
            for part in parts if part is not None and _words_in_span(doc, part) >= 2]
