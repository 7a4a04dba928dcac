"""Channels: the medium a statement went through.

Three shapes, from ``data/attribution/channel_nouns.tsv`` and the outlet list:

* to an outlet: "all'agenzia di stampa TASS", "ai media nordcoreani", "al Corriere della Sera";
* a form of statement: "in una nota", "in un'intervista al Financial Times",
  "in una dichiarazione rilasciata ai media nordcoreani";
* through or on an outlet: "attraverso il quotidiano statale nordcoreano Rodong Sinmun", "su X";
* a public venue: "in Parlamento", "in Aula".

:func:`attach_channels` gives a row the channel written next to its cue
("ha annunciato in una breve conferenza stampa che …", "Nel corso di una sua
intervista, X ha dichiarato …") and keeps every channel clear of the speaker.
"""
from __future__ import annotations

from .document import Document
from .lexicon import CHANNEL_NOUNS, COUNTRY_ADJECTIVES, MEDIA, norm
from .rows import Attribution, clause_end, tok_span, trim
from .tags import DET, DI, A, tag

__all__ = ["find_channel", "channel_at", "attach_channels", "STATEMENT_PREPS"]

#: Prepositions that open a form-of-statement channel ("in una nota", "nel comunicato").
STATEMENT_PREPS = frozenset({"in", "nel", "nella", "nell'", "nei", "nelle", "durante", "con", "tramite"})
_THROUGH = frozenset({"attraverso", "tramite", "via", "su", "sul", "sulla", "sull'", "sui", "sulle", "sugli"})
_PARTICIPLES = frozenset({"rilasciata", "rilasciato", "rilasciate", "rilasciati", "pubblicata", "pubblicato",
                          "diffusa", "diffuso", "inviata", "inviato", "concessa", "concesso", "trasmessa",
                          "trasmesso", "apparsa", "apparso", "affidata", "affidato", "postato", "postata",
                          "pubblicati", "pubblicate", "diffuse", "diffusi"})


def _tg(doc: Document, i: int) -> str:
    t = doc.tokens[i]
    return tag(t.text, t.kind)


def _medium_noun(doc: Document, i: int, hi: int) -> int:
    """End (exclusive) of a medium/statement noun at ``i`` ("agenzia di stampa"), or ``i`` if none."""
    for n in (3, 2, 1):
        if i + n <= hi and " ".join(doc.low[i:i + n]) in CHANNEL_NOUNS:
            return i + n
    return i


def _noun_after_modifiers(doc: Document, j: int, hi: int) -> tuple[int, int]:
    """A channel noun at ``j`` or after at most two lower-case modifiers ("una breve conferenza stampa",
    "le sue prime dichiarazioni", "il suo frequentato blog"): its token range, or ``(j, j)``."""
    for s in range(j, min(j + 3, hi)):
        if s > j and (_tg(doc, s - 1) not in ("WORD", "ADJ") or not doc.tokens[s - 1].text.islower()):
            break
        k = _medium_noun(doc, s, hi)
        if k > s:
            return s, k
    return j, j


def _skip_frame(doc: Document, i: int, hi: int) -> int:
    """Past "nel corso di", "in occasione di" to the determiner or noun they introduce ("Nel corso dell'angelus")."""
    low = doc.low
    for frame in (("nel", "corso"), ("in", "occasione"), ("in", "corso")):
        if tuple(low[i:i + 2]) == frame and i + 2 < hi and low[i + 2] in DI:
            return i + 3
    return i


def _outlet_name(doc: Document, i: int, hi: int) -> int:
    """End of a capitalised outlet name at ``i`` ("Rodong Sinmun", "Corriere della Sera", "Rai 3")."""
    j = i
    while j < hi:
        tg = _tg(doc, j)
        if tg == "NAME" or (tg == "NUM" and j > i):
            j += 1
        elif tg == "DI" and j > i and j + 1 < hi and _tg(doc, j + 1) == "NAME" and norm(" ".join(doc.low[i:j + 2])) in MEDIA:
            j += 1
        else:
            break
    return j


def _extend(doc: Document, j: int, hi: int) -> int:
    """Extend a channel past adjectives and an outlet name: "quotidiano statale nordcoreano Rodong Sinmun"."""
    n_adj = 0
    while j < hi and n_adj < 3:
        low = doc.low[j]
        tg = _tg(doc, j)
        if tg == "ADJ" or (tg == "WORD" and low in COUNTRY_ADJECTIVES) or (
                tg == "WORD" and low.endswith(("ale", "ali", "ico", "ica", "ici", "iche", "ano", "ana", "ani", "ane",
                                               "ese", "esi", "ato", "ata", "ivo", "iva"))):
            j += 1
            n_adj += 1
        else:
            break
    if j < hi and (doc.low[j] in ("suo", "sua", "proprio", "propria", "ufficiale")):
        j += 1
    end = _outlet_name(doc, j, hi)
    return end


def channel_at(doc: Document, i: int, hi: int) -> int:
    """End (exclusive) of a channel phrase starting at token ``i``, or ``i`` when none starts there."""
    low = doc.low
    if i >= hi:
        return i
    first = low[i]
    j = i + 1
    if first in A:
        while j < hi and low[j] in DET:
            j += 1
        j0 = j
        j, k = _noun_after_modifiers(doc, j, hi)
        if k > j and CHANNEL_NOUNS.get(" ".join(low[j:k])) == "venue":
            return k
        if k > j and CHANNEL_NOUNS.get(" ".join(low[j:k])) == "medium":
            if low[j] == "microfoni" and k < hi and low[k] in DI:
                e = _outlet_name(doc, k + 1, hi)
                return e if e > k + 1 else k
            if k < hi and low[k] in DI and k + 1 < hi and low[k + 1] == "stampa":
                k += 2
            return _extend(doc, k, hi)
        j = j0
        e = _outlet_name(doc, j, hi)
        if e > j and norm(doc.text[doc.tokens[j].start:doc.tokens[e - 1].end]) in MEDIA:
            return e
        return i
    if first in STATEMENT_PREPS:
        framed = _skip_frame(doc, i, hi)
        if framed > i:
            j = framed
        while j < hi and low[j] in DET:
            j += 1
        j, k = _noun_after_modifiers(doc, j, hi)
        if k > j and CHANNEL_NOUNS.get(" ".join(low[j:k])) == "venue":
            return k
        if k > j and CHANNEL_NOUNS.get(" ".join(low[j:k])) == "statement":
            end = k
            m = k
            while m < hi and low[m] in ("pubblicata", "rilasciata") or (m < hi and low[m] in _PARTICIPLES):
                m += 1
            if m < hi and (low[m] in A or low[m] in _THROUGH):
                e = channel_at(doc, m, hi)
                if e > m:
                    return e
            if m < hi and low[m] in ("stampa",):
                return m + 1
            return end
        return i
    if first in _THROUGH:
        while j < hi and low[j] in DET:
            j += 1
        j0 = j
        j, k = _noun_after_modifiers(doc, j, hi)
        if k > j:
            return _extend(doc, k, hi)
        j = j0
        e = _outlet_name(doc, j, hi)
        if e > j and norm(doc.text[doc.tokens[j].start:doc.tokens[e - 1].end]) in MEDIA:
            return e
    return i


def find_channel(doc: Document, lo: int, hi: int, *, prefer_near: int | None = None) -> tuple[int, int] | None:
    """The channel phrase in tokens ``[lo, hi)`` as a token range; the one nearest ``prefer_near`` wins.

    An outlet ("ai media nordcoreani") is preferred to a bare form of statement
    ("Nella dichiarazione") when both are present.
    """
    found: list[tuple[int, int, bool]] = []
    i = lo
    while i < hi:
        e = channel_at(doc, i, hi)
        if e > i:
            has_outlet = doc.low[i] not in STATEMENT_PREPS or any(doc.low[k] in A or doc.low[k] in _THROUGH for k in range(i + 1, e))
            found.append((i, e, has_outlet))
            i = e
        else:
            i += 1
    if not found:
        return None
    outlets = [f for f in found if f[2]] or found
    if prefer_near is not None:
        outlets.sort(key=lambda f: min(abs(f[0] - prefer_near), abs(f[1] - prefer_near)))
    return outlets[0][0], outlets[0][1]


def _clear_of(doc: Document, channel: tuple[int, int], other: tuple[int, int] | None) -> tuple[int, int] | None:
    """``channel`` cut short where it runs into ``other`` (the speaker or the content), None when it starts inside."""
    if other is None or channel[1] <= other[0] or other[1] <= channel[0]:
        return channel
    if other[1] < channel[1]:
        # "Nella dichiarazione di Putin ai media nordcoreani": the outlet after the speaker is the channel
        k = doc.token_index(other[1])
        e = channel_at(doc, k, doc.token_index(channel[1]))
        if e > k:
            return doc.tokens[k].start, doc.tokens[e - 1].end
    if channel[0] >= other[0]:
        return None
    return trim(doc, channel[0], other[0])


def _channel_near_cue(doc: Document, cue: tuple[int, int], content: tuple[int, int]) -> tuple[int, int] | None:
    """The channel phrase next to a row's ``cue``: between the cue and the ``content`` that follows it (or to the
    end of the clause when the content came first), else the one nearest the cue before it, outside a content that
    came first ("Nel corso di una sua intervista, X ha dichiarato")."""
    c0 = doc.token_index(cue[0])
    c1 = doc.token_index(cue[1])
    sent = doc.sentence_of_token(c0)
    if sent is None:
        return None
    hi = doc.token_index(content[0]) if content[0] >= cue[1] else clause_end(doc, c1, sent.t1)
    found = find_channel(doc, c1, min(hi, sent.t1), prefer_near=c1)
    if found is not None:
        return found
    lo = sent.t0
    if content[1] <= cue[0]:
        lo = max(lo, doc.token_index(content[1]))  # not inside the content that came first
    return find_channel(doc, lo, c0, prefer_near=c0)


def attach_channels(doc: Document, rows: list[Attribution]) -> None:
    """Give each row with a cue and no channel the channel written next to its cue; keep every channel clear of
    the row's speaker and content (a parse may run "In una nota" on into the speaker that follows)."""
    for r in rows:
        if r.channel is None and r.cue is not None:
            found = _channel_near_cue(doc, r.cue, r.content)
            if found is not None:
                r.channel = tok_span(doc, *found)
        if r.channel is not None:
            r.channel = _clear_of(doc, r.channel, (r.speaker.start, r.speaker.end) if r.speaker is not None else None)
        if r.channel is not None:
            r.channel = _clear_of(doc, r.channel, r.content)
