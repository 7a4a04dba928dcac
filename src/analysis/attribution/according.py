"""According-to phrases: "secondo X", "stando a X", "a detta di X".

Also "secondo quanto riporta X", "secondo cui", "a suo dire", "per il
ministro, …", "si legge in una nota di X", "si apprende da fonti di X".
Not attributions: "secondo" as an ordinal ("il secondo giorno") or after a
rule ("secondo la legge").
"""
from __future__ import annotations

import re

from ..postags import is_adverb
from .according_content import according_content
from .channels import channel_at
from .cues import Cue
from .document import Document, Sentence
from .lexicon import CHANNEL_NOUNS, SOURCE_NOUNS
from .rows import CLAUSE_ENDS, DASHES, OPENING, TIME_WORDS, Attribution, State, content_of, tok_span
from .speakers import can_speak, describe, is_speakerlike, left_np, np_tags, right_np, sentence_subject
from .subjects import speaker_after, with_apposition_right
from .tags import DA, DET, DI, PREP, A, is_adverb_word

__all__ = ["clause_opening", "according"]

_POSSESSIVES = frozenset({"suo", "sua", "suoi", "sue", "loro", "mio", "mia", "nostro", "nostra", "nostri", "nostre"})
#: Nouns for someone's figures or claims after "secondo": the source is their owner ("secondo le stime di X").
_ESTIMATE_NOUNS = frozenset({"stime", "stima", "dati", "calcoli", "previsioni", "previsione", "denunce", "denuncia",
                             "ricostruzione", "analisi", "versione"})
#: Heads after "secondo" that are no source at all ("vivere secondo la loro coscienza").
_NOT_SOURCE_HEADS = frozenset({"coscienza", "coscienze", "convinzione", "convinzioni", "volontà", "logica", "schema",
                               "copione", "tradizione", "consuetudine", "procedura", "procedure"})
_NOT_SOURCES_AFTER_SECONDO = frozenset({
    "me", "te", "noi", "voi", "cui", "legge", "norma", "norme", "regole", "regola", "natura", "tradizione",
    "contratto", "accordo", "costituzione", "programma", "piano", "modalità", "criteri", "criterio",
    "posto", "tempo", "turno", "giorno", "anno", "classificato", "classificata", "round", "set", "livello",
    "leggi", "regolamento", "regolamenti", "statuto", "trattato", "trattati", "direttiva", "direttive", "codice",
    "calendario", "classifica", "orario", "principio", "principi", "canoni", "protocollo", "protocolli",
})
#: Impersonal reports after "secondo quanto" / "a quanto": nobody is named ("si apprende", "è stato ricostruito").
_IMPERSONAL_REPORTS = frozenset({"apprende", "legge", "sa", "riferisce", "riporta", "ricostruito", "ricostruisce", "emerso",
                                 "emerge", "risulta", "trapela", "trapelato", "appreso", "riferito", "riportato"})
_PARTICIPLE_RE = re.compile(r"[a-zàèéìòù]{3,}(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute)$")
#: Indefinite pronouns that stand for unnamed sources: "secondo molti", "a detta di alcuni".
_INDEFINITE_SOURCES = frozenset({"molti", "tanti", "alcuni", "parecchi", "diversi", "vari", "taluni", "altri", "più"})


def _impersonal_report(doc: Document, j: int, hi: int) -> int | None:
    """End of "si apprende", "è stato ricostruito (finora)", "emerge" after "quanto", if nobody is named after it."""
    low = doc.low
    k = j
    while k < hi and k - j < 4 and (low[k] in ("si", "è", "e'", "stato", "sarebbe", "era", "stata") or is_adverb_word(low[k])):
        k += 1
    if k >= hi or low[k] not in _IMPERSONAL_REPORTS or (k == j and low[k] not in ("emerge", "risulta", "trapela", "emerso",
                                                                               "trapelato", "appreso", "ricostruito")):
        return None
    if low[k] in ("riferisce", "riporta", "legge", "apprende", "sa") and (k == j or low[k - 1] not in ("si",)):
        return None
    k += 1
    while k < hi and (is_adverb_word(low[k]) or low[k] in TIME_WORDS or low[k] in ("finora", "ora")):
        k += 1
    if k < hi and (low[k] in DA | DI | A or np_tags(doc, k) in ("NAME",)) :
        return None  # "si apprende da fonti di governo", "emerge dalle indagini": a source follows
    return k


def clause_opening(doc: Document, sent: Sentence, i: int) -> bool:
    """Does token ``i`` open a clause (sentence start, after a comma, a quotation mark or a connective)?"""
    k = i
    while k > sent.t0 and (doc.low[k - 1] in ("e", "ed", "ma", "anche", "però", "invece", "insomma", "infatti", "poi", "già")
                           or doc.tokens[k - 1].text in OPENING):
        k -= 1
    return k == sent.t0 or doc.tokens[k - 1].text in (",", ";", ":", "(") or doc.tokens[k - 1].text in DASHES


def _per_source_ok(doc: Document, np: tuple[int, int]) -> bool:
    """"per il ministro" as a source: a speaker-like phrase, not a beneficiary ("per i bambini", "per tutti")."""
    k = _first_content(doc, np)
    if doc.low[k] in ("tutti", "tutte", "molti", "alcuni", "questo", "questa", "ora", "esempio", "fortuna", "caso"):
        return False
    # a partisan or an expert group: "per i renziani", "per gli analisti", "per il leghista"
    return is_speakerlike(doc, *np) or np_tags(doc, k) in ("NAME", "ROLE") or doc.low[k].endswith(("ista", "isti", "iste", "iani"))


def according(doc: Document, sent: Sentence, state: State, cues: list[Cue]) -> list[Attribution]:
    low = doc.low
    rows: list[Attribution] = []
    cue_heads = {c.head for c in cues}
    i = sent.t0
    while i < sent.t1:
        w = low[i]
        prev = low[i - 1] if i > sent.t0 else ""
        start = i
        np = None
        cue_end = i + 1
        lemma = None
        if w == "secondo" and prev not in DET | DI | A | PREP | DA and prev not in ("in", "un", "il", "al", "nel"):
            j = i + 1
            lemma = "secondo"
            if j < sent.t1 and low[j] in ("cui",) or (j + 1 < sent.t1 and low[j] in ("il", "la", "i", "le") and low[j + 1] in ("quale", "quali")):
                rows += _according_relative(doc, sent, i, j + (1 if low[j] == "cui" else 2), cues)
                i = j + 1
                continue
            cue_here = next((c for c in cues if j + 1 < sent.t1 and low[j] == "quanto" and c.first == j + 1), None)
            if cue_here is not None:
                # "Secondo quanto aveva spiegato venerdì ai giornalisti il vicecapo …, Andre Anderson, …"
                np, _, _ = speaker_after(doc, cue_here.last + 1, sent.t1)
                if np is not None and can_speak(doc, *np):
                    info, after = with_apposition_right(doc, np, sent.t1)
                    rows += according_content(doc, sent, i, after, info, tok_span(doc, i, cue_here.last + 1),
                                              "secondo")
                    i = max(after, i + 1)
                    continue
            if j < sent.t1 and low[j] == "quanto":
                anon = _impersonal_report(doc, j + 1, sent.t1)
                if anon is not None:
                    # "Secondo quanto si apprende, …", "secondo quanto è stato ricostruito finora": no source named
                    rows += according_content(doc, sent, i, anon, None, tok_span(doc, i, anon), "secondo quanto",
                                              anonymous=True)
                    i = anon
                    continue
                j += 1
                if j in cue_heads or (j < sent.t1 and low[j] in ("ha", "è", "hanno", "si", "emerso", "emerge", "appreso",
                                                             "apprende", "apprendono")):
                    # "secondo quanto riporta/ha riferito X": the cue belongs to this phrase
                    while j < sent.t1 and np_tags(doc, j) not in ("DET", "NAME", "DA", "DI") and j - i < 6:
                        j += 1
            if j < sent.t1 and low[j] in _NOT_SOURCES_AFTER_SECONDO:
                i += 1
                continue
            if j < sent.t1 and low[j] in ("lui", "lei", "loro"):
                if state.last_speaker is not None:
                    rows += according_content(doc, sent, start, j + 1, state.last_speaker,
                                              tok_span(doc, i, i + 1), lemma)
                i = j + 1
                continue
            cue_end = j
            np = right_np(doc, j, sent.t1) or _indefinite_source(doc, j, sent.t1)
            if np is not None and np[0] > j + 1 and np_tags(doc, j) not in ("DA", "DI"):
                np = None
        elif w == "a" and i + 2 < sent.t1 and low[i + 1] == "quanto" and any(c.first == i + 2 for c in cues):
            # "che a quanto riferiscono fonti vicine alla trattativa troverebbe …": like "secondo quanto"
            cue_here = next(c for c in cues if c.first == i + 2)
            np, _, _ = speaker_after(doc, cue_here.last + 1, sent.t1)
            if np is not None and (can_speak(doc, *np) or is_speakerlike(doc, *np)):
                info, after = with_apposition_right(doc, np, sent.t1)
                rows += according_content(doc, sent, i, after, info, tok_span(doc, i, cue_here.last + 1), "a quanto")
                i = max(after, i + 1)
                continue
            i += 1
            continue
        elif w == "stando" and i + 2 < sent.t1 and low[i + 1] == "a" and low[i + 2] == "quanto" \
                and (anon := _impersonal_report(doc, i + 3, sent.t1)) is not None:
            # "Stando a quanto emerso nel corso dell'indagine, …": no source named
            rows += according_content(doc, sent, i, anon, None, tok_span(doc, i, anon), "stando a quanto", anonymous=True)
            i = anon
            continue
        elif w == "stando" and i + 1 < sent.t1 and low[i + 1] in A:
            lemma = "stando a"
            cue_end = i + 2
            np = right_np(doc, i + 2, sent.t1) if low[i + 1] in ("a", "ad") else _np_after_contraction(doc, i + 1, sent.t1)
        elif w in ("a", "ad") and i + 2 < sent.t1 and low[i + 1] in ("suo", "sua", "loro") \
                and low[i + 2] in ("dire", "giudizio", "parere", "avviso", "detta"):
            # "a suo dire", "a loro avviso": the owner is the last speaker, or unnamed in this sentence
            speaker = state.last_speaker
            if speaker is None and low[i + 1] in ("suo", "sua"):
                subj = sentence_subject(doc, sent, i)  # "Vito Crimi vuole … che - a suo dire - …"
                speaker = describe(doc, *subj) if subj is not None and describe(doc, *subj).type == "person" else None
            rows += according_content(doc, sent, i, i + 3, speaker, tok_span(doc, i, i + 3),
                                      f"a {low[i + 1]} {low[i + 2]}", anonymous=speaker is None)
            i += 3
            continue
        elif w in ("nelle", "con") and i + 2 < sent.t1 and low[i + 1] == "parole" and low[i + 2] in DI:
            lemma = "nelle parole di"
            cue_end = i + 3
            np = right_np(doc, i + 2, sent.t1)
        elif w == "per" and clause_opening(doc, sent, i):
            # "per il ministro, la crisi è finita", "Insomma, per i renziani si tratterebbe di …"
            np = right_np(doc, i + 1, sent.t1)
            if np is None or not can_speak(doc, *np) or np[1] >= sent.t1 or np_tags(doc, np[1]) in ("DI", "DA", "A", "PREP") \
                    or doc.low[np[1]] in ("che", "e", "ed", "o") or not _per_source_ok(doc, np):
                i += 1
                continue
            lemma = "per"
            cue_end = i + 1
        elif w in ("a", "ad") and i + 2 < sent.t1 and low[i + 1] in ("detta", "giudizio", "parere", "avviso", "dire") and low[i + 2] in DI:
            lemma = f"a {low[i + 1]} di"
            cue_end = i + 3
            np = right_np(doc, i + 2, sent.t1) or _indefinite_source(doc, i + 3, sent.t1)
        elif w == "si" and i + 1 < sent.t1 and low[i + 1] in ("legge", "apprende", "leggeva"):
            lemma = "si legge" if low[i + 1] != "apprende" else "si apprende"
            cue_end = i + 2
            # "si legge in una nota di X" / "si apprende da fonti di X"
            e = channel_at(doc, i + 2, sent.t1)
            k = i + 2
            channel = None
            if e > k:
                channel = (k, e)
                k = e
            while k < sent.t1 and low[k] not in DI | DA and k - i < 8 and doc.tokens[k].text not in CLAUSE_ENDS \
                    and doc.tokens[k].text not in OPENING and doc.tokens[k].text not in DASHES:
                k += 1  # the source stays in the phrase: ", si legge nella nota, «per la firma …»" names none
            np = right_np(doc, k, sent.t1) if k < sent.t1 and low[k] in DI | DA else None
            close = next((m for m in range(i + 2, min(sent.t1, i + 9)) if doc.tokens[m].text == ","), None)
            if np is None and i > sent.t0 and doc.tokens[i - 1].text == "," and close is not None \
                    and all(doc.tokens[m].text not in OPENING for m in range(i + 2, close)):
                # "La battaglia, si legge ancora nella nota, «non si ferma»": an inserted phrase with no named
                # source reports the whole sentence around it
                content = content_of(doc, sent.start, sent.end)
                if content is not None:
                    row = Attribution(sent.sent_id, content[0], content[1], None, tok_span(doc, i, i + 2), lemma,
                                      "reports", tok_span(doc, *channel) if channel else None, head=doc.tokens[i].start)
                    rows.append(row)
                    i = close
                    continue
            if np is not None:
                phrase_end = np[1]
                info = describe(doc, *np)
                lead = i == sent.t0 or all(low[t] in ("e", "ma", "come", "quanto") for t in range(sent.t0, i))
                if lead or (i > sent.t0 and low[i - 1] in ("come",)):
                    c_start = doc.tokens[phrase_end].start if phrase_end < sent.t1 else sent.end
                    content = content_of(doc, c_start, sent.end)
                else:
                    content = content_of(doc, sent.start, doc.tokens[i].start)
                if content is not None:
                    rows.append(Attribution(sent.sent_id, "according_to", content[1], info, tok_span(doc, i, i + 2),
                                            lemma, "reports", tok_span(doc, *channel) if channel else None,
                                            head=doc.tokens[i].start))
                i = phrase_end
                continue
            q = _unnamed_quote_after(doc, sent, k)
            if q is not None:
                # "In una nota si legge: «…»", "si apprende che «…»": a quotation with no named source
                content = content_of(doc, q, sent.end)
                if content is not None:
                    rows.append(Attribution(sent.sent_id, content[0], content[1], None, tok_span(doc, i, i + 2), lemma,
                                            "reports", tok_span(doc, *channel) if channel else None,
                                            head=doc.tokens[i].start))
                    break
            i += 1
            continue
        if np is None or lemma is None:
            i += 1
            continue
        if lemma == "secondo":
            h = _first_content(doc, np)
            while h < np[1] - 1 and low[h] in _POSSESSIVES:
                h += 1
            if low[h] in _NOT_SOURCE_HEADS:
                i += 1
                continue
            if (low[h] in _ESTIMATE_NOUNS or CHANNEL_NOUNS.get(low[h]) == "statement") and h + 1 < sent.t1 \
                    and np_tags(doc, h + 1) == "DI":
                # "secondo le stime di Marco Leonardi", "secondo denunce di varie associazioni": the owner speaks;
                # "secondo le stime di crescita", "secondo la loro coscienza" name no source
                owner = right_np(doc, h + 1, sent.t1)
                if owner is None or not can_speak(doc, *owner):
                    i += 1
                    continue
                np = owner
        head_words = range(np[0], next((k for k in range(np[0], np[1]) if np_tags(doc, k) == "DI"), np[1]))
        known = is_speakerlike(doc, *np) or any(low[k] in SOURCE_NOUNS for k in head_words)  # "una prima ricostruzione"
        set_off = _set_off_source(doc, sent, i, np) if lemma in ("secondo", "stando a") and not known else None
        if lemma != "per" and not known and set_off is None:
            i += 1
            continue
        if set_off is not None:
            np = (np[0], set_off)  # the participle belongs to the source phrase: "le indagini appena avviate"
        phrase_end = np[1]
        rows += according_content(doc, sent, start, phrase_end, describe(doc, *np), tok_span(doc, i, cue_end), lemma)
        i = phrase_end
    return rows


def _indefinite_source(doc: Document, j: int, hi: int) -> tuple[int, int] | None:
    """An indefinite pronoun alone as the source (followed by punctuation or a new word class), else ``None``."""
    if j < hi and doc.low[j] in _INDEFINITE_SOURCES and (j + 1 >= hi or np_tags(doc, j + 1) not in ("WORD", "NAME", "ROLE", "ADJ")
                                                        or is_adverb_word(doc.low[j + 1])):
        return j, j + 1
    return None


def _set_off_source(doc: Document, sent: Sentence, i: int, np: tuple[int, int]) -> int | None:
    """"Secondo l'accusa, …", "…, sempre secondo i pubblici ministeri, …": a "secondo" phrase set off by commas.

    Returns where the source phrase ends (after a participle: "le indagini appena avviate"), else ``None``.

    Punctuation on both sides marks the phrase as a source whatever its head noun (an investigation, the
    prosecution, reconstructions); the heads of rules and ordinals are kept out by the callers' word lists.
    """
    k = i - 1
    while k >= sent.t0 and is_adverb_word(doc.low[k]):
        k -= 1  # "sempre secondo", "infatti secondo"
    opened = k < sent.t0 or doc.tokens[k].text in (",", "(", ";", ":") or doc.tokens[k].text in DASHES \
        or doc.low[k] in ("che", "e", "ed", "ma", "perché", "poiché", "cui")
    e = np[1]
    while e < min(sent.t1, np[1] + 3) and (is_adverb(doc.low[e]) or _PARTICIPLE_RE.search(doc.low[e])):
        e += 1  # "secondo le indagini appena avviate, …"
    closed = e < sent.t1 and (doc.tokens[e].text in (",", ")", ":") or doc.tokens[e].text in DASHES)
    head = doc.low[_first_content(doc, np)]
    ok = opened and closed and head not in _NOT_SOURCES_AFTER_SECONDO and head not in _NOT_SOURCE_HEADS \
        and np_tags(doc, _first_content(doc, np)) in ("WORD", "NAME", "ROLE")
    return e if ok else None


def _unnamed_quote_after(doc: Document, sent: Sentence, k: int) -> int | None:
    """Start of a quotation opening right after "si legge:" / "si apprende che" (at token ``k``), else None.

    Only a colon or "che" may stand between; the quotation must open there and run to the end of the
    sentence (or stay open), so "si legge che il «piano» è pronto" is not taken here.
    """
    if k < sent.t1 and doc.tokens[k].text in (":", "che"):
        k += 1
    if k >= sent.t1 or doc.tokens[k].text not in OPENING:
        return None
    start = doc.tokens[k].start
    for q in doc.quotes_overlapping(start, sent.end):
        if q.open == start:
            tail = doc.text[q.close:sent.end] if q.close <= sent.end else ""
            return start if not any(c.isalnum() for c in tail) else None
    return start  # the quotation stays open past the sentence


def _according_relative(doc: Document, sent: Sentence, i: int, c0: int, cues: list[Cue]) -> list[Attribution]:
    """"il ministro, secondo cui la crisi è finita": the antecedent is the source."""
    k = i
    if k - 1 >= sent.t0 and doc.tokens[k - 1].text == ",":
        k -= 1
    np = left_np(doc, k, sent.t0)
    if np is None or not can_speak(doc, *np) or c0 >= sent.t1:
        return []
    end = sent.end
    for c in cues:
        if c.first > c0 and c.first - 1 > c0 and doc.tokens[c.first - 1].text == ",":
            end = doc.tokens[c.first - 1].start  # "…, secondo cui …, ha detto": the relative ends at the main clause
            break
    content = content_of(doc, doc.tokens[c0].start, end)
    if content is None:
        return []
    return [Attribution(sent.sent_id, "according_to", content[1], describe(doc, *np), tok_span(doc, i, c0), "secondo",
                        "reports", None, head=doc.tokens[i].start)]


def _first_content(doc: Document, np: tuple[int, int]) -> int:
    k = np[0]
    while k < np[1] - 1 and np_tags(doc, k) == "DET":
        k += 1
    return k


def _np_after_contraction(doc: Document, i: int, hi: int) -> tuple[int, int] | None:
    """A noun phrase after an article-preposition ("stando alle fonti")."""
    return right_np(doc, i + 1, hi)
