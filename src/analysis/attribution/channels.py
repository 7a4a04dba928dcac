"""Channels: the medium a statement went through.

Three shapes, from ``data/attribution/channel_nouns.tsv`` and the outlet list:

* to an outlet: "all'agenzia di stampa TASS", "ai media nordcoreani", "al Corriere della Sera";
* a form of statement: "in una nota", "in un'intervista al Financial Times",
  "in una dichiarazione rilasciata ai media nordcoreani";
* through or on an outlet: "attraverso il quotidiano statale nordcoreano Rodong Sinmun", "su X".
"""
from __future__ import annotations

from .document import Document
from .lexicon import CHANNEL_NOUNS, COUNTRY_ADJECTIVES, MEDIA, norm
from .tags import DET, DI, A, tag

__all__ = ["find_channel", "channel_at", "STATEMENT_PREPS"]

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
        k = _medium_noun(doc, j, hi)
        if k > j and CHANNEL_NOUNS.get(" ".join(low[j:k])) == "medium":
            if low[j] == "microfoni" and k < hi and low[k] in DI:
                e = _outlet_name(doc, k + 1, hi)
                return e if e > k + 1 else k
            if k < hi and low[k] in DI and k + 1 < hi and low[k + 1] == "stampa":
                k += 2
            return _extend(doc, k, hi)
        e = _outlet_name(doc, j, hi)
        if e > j and norm(doc.text[doc.tokens[j].start:doc.tokens[e - 1].end]) in MEDIA:
            return e
        return i
    if first in STATEMENT_PREPS:
        while j < hi and low[j] in DET:
            j += 1
        k = _medium_noun(doc, j, hi)
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
        k = _medium_noun(doc, j, hi)
        if k > j:
            return _extend(doc, k, hi)
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
