"""Forward reports: "X ha dichiarato (all'agenzia TASS) che …".

Also "X ha promesso di …", "X ha detto: «…»"; the speaker is on the left
(with an apposition "John Kirby, portavoce …, ha dichiarato"), or after the
cue, or, when the clause has no subject, the sentence subject ("… in cui
ringrazia … e promette di …"), the owner of a fronted statement ("Nella
dichiarazione di Putin …, ha chiarito che …") or the last speaker ("Ha poi
aggiunto che …"): see :mod:`.subjects`. And a quotation, a colon, then its
speaker with a cue that reports nothing after it ("«Le scuole rischiano di
restare al buio»: il presidente della Provincia scrive a Draghi").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .channels import STATEMENT_PREPS, channel_at
from .cues import Cue
from .document import Document, Sentence
from .rows import OPENING, TIME_WORDS, Attribution, State, content_of, extend_over_quote, tok_span, trim
from .speakers import SpeakerInfo, can_speak, left_np, np_tags, right_np
from .subjects import INDEFINITE_SPEAKERS, speaker_left, speaker_of_cue
from .tags import is_adverb_word

__all__ = ["Marker", "find_marker", "forward", "forward_content", "quote_colon_subject"]

_INFINITIVE_RE = re.compile(r"(?:are|ere|ire|rre|rsi|rlo|rla|rli|rle|rne|rci|rvi|rgli|rmi|rti)$")
#: Cues whose object is named and then described ("ha definito Psaki «…»", "descrive il piano come …").
_NAMING_LEMMAS = frozenset({"definire", "descrivere", "bollare", "chiamare"})


@dataclass
class Marker:
    kind: str  # che | colon | quote | di | a | se | come
    index: int  # token index of the marker
    inverted: tuple[int, int] | None  # a speaker written between cue and marker
    channel: tuple[int, int] | None


def find_marker(doc: Document, sent: Sentence, cue: Cue) -> Marker | None:
    low = doc.low
    i = cue.last + 1
    hi = sent.t1
    inverted = channel = None
    steps = 0
    while i < hi and steps < 16:
        steps += 1
        w = low[i]
        text = doc.tokens[i].text
        if w == "che":
            if inverted is not None and doc.tokens[i - 1].text == "," and i - 1 == inverted[1]:
                return None  # "ha assicurato il team di Navalny, che già ieri …": a relative clause
            return Marker("che", i, inverted, channel)
        if text == ":":
            return Marker("colon", i, inverted, channel)
        if text in OPENING and doc.quote_opening_at(doc.tokens[i].start) is not None:
            return Marker("quote", i, inverted, channel)
        if w in ("di", "d'") :
            k = i + 1
            while k < hi and doc.tokens[k].text in OPENING:
                k += 1
            if k < hi and (_INFINITIVE_RE.search(low[k]) or low[k] in ("non", "essere", "aver", "esser", "voler", "poter",
                                                                      "dover", "saper", "far")):
                return Marker("di", i, inverted, channel)
            if cue.lemma == "parlare" and any(doc.tokens[t].text in OPENING and doc.quote_opening_at(doc.tokens[t].start) is not None
                                              for t in range(k, min(hi, k + 4))):
                return Marker("di", i + 1, inverted, channel)  # "parla di un “ulteriore incredibile ritardo”"
            if cue.lemma == "riferire" and np_tags(doc, k) in ("DET", "NUM", "WORD"):
                return Marker("di", i + 1, inverted, channel)  # "hanno riferito di un solo morto"
            np = right_np(doc, i + 1, hi)  # "diceva di Joe: «…»"
            if np is not None and np[1] < hi and doc.tokens[np[1]].text == ":":
                i = np[1]
                continue
            return None
        if w in ("a", "ad") and cue.stance == "asks" and i + 1 < hi and _INFINITIVE_RE.search(low[i + 1]):
            return Marker("a", i, inverted, channel)
        if w in ("se", "come", "perché", "quando", "quanto") and (cue.stance in ("asks", "explains") or (
                w in ("se", "come") and cue.stance in ("states", "emphasizes", "reports"))):
            # "ha urlato … quando è arrivato": after a verb of saying, "quando"/"perché" open a time or cause clause
            if steps == 1 or channel is not None or inverted is not None:
                return Marker("se" if w == "se" else "come", i, inverted, channel)
            return None
        if is_adverb_word(w) or w in TIME_WORDS or text == "," or (w == "loro" and i == cue.last + 1):
            i += 1  # "ha detto loro che", "ha spiegato ieri sera che"
            continue
        if w in ("tra", "fra") and i + 2 < hi and low[i + 1] == "l'" and low[i + 2] == "altro":
            i += 3  # "ha detto tra l'altro «…»"
            continue
        if cue.reflexive and i == cue.last + 1 and np_tags(doc, i) == "WORD":
            # "si è detto convinto che", "si dice pronto a trattare"
            if i + 2 < hi and w not in ("che",) and low[i + 1] in ("a", "ad", "di", "d'") and _INFINITIVE_RE.search(low[i + 2]):
                return Marker("di", i, inverted, channel)  # the predicate belongs to the content
            i += 1
            continue
        e = channel_at(doc, i, hi)
        if e > i:
            channel = (i, e)
            i = e
            continue
        if np_tags(doc, i) in ("A",):
            # an indirect object: "ha detto ai collaboratori", "ha spiegato a Putin"
            k = i + 1
            while k < hi and k - i <= 7 and (np_tags(doc, k) in ("DET", "WORD", "NAME", "ROLE", "ADJ")
                                             or low[k] in ("ogni", "tutti", "tutte", "ciascun", "ciascuno", "ciascuna") or (
                    np_tags(doc, k) == "DI" and not (low[k] in ("di", "d'") and k + 1 < hi and (
                        _INFINITIVE_RE.search(low[k + 1]) or low[k + 1] in ("aver", "esser"))))):
                k += 1  # "a uno scettico Elon Musk", "ai cittadini del quartiere" (stops before "di essere stato …")
            if k == i + 1:
                return None
            i = k
            continue
        if inverted is None and np_tags(doc, i) in ("NAME", "ROLE", "DET") and cue.lemma in _NAMING_LEMMAS:
            np = right_np(doc, i, hi)  # "ha definito Psaki «…»": the object, then its description
            if np is not None and np[1] + 1 < hi and low[np[1]] == "come" and doc.tokens[np[1] + 1].text in OPENING:
                return Marker("di", i, inverted, channel)  # "ha definito la manifestazione come «…»": object and label
            if np is not None and np[1] < hi and (doc.tokens[np[1]].text in OPENING or low[np[1]] == "come"):
                i = np[1]
                continue
        if inverted is None and np_tags(doc, i) in ("NAME", "ROLE", "DET") and cue.stance in ("accuses", "asks") \
                and cue.lemma != "chiedere":
            np = right_np(doc, i, hi)  # "accusano il Piano di …", "invita i cittadini a …": the object
            if np is not None and np[1] < hi and low[np[1]] in ("di", "d'", "a", "ad", "per"):
                i = np[1]
                continue
        if inverted is None and np_tags(doc, i) in ("NAME", "ROLE", "DET"):
            np = right_np(doc, i, hi)
            if np is not None and can_speak(doc, *np):
                inverted = np
                i = np[1]
                continue
        # "risponde manco fosse un ragazzo de' borgata: “…”": a short aside before a colon and a quotation
        for k in range(i, min(hi - 1, i + 14)):
            if doc.tokens[k].text in (".", ";", "?", "!") or low[k] == "che":
                break
            if doc.tokens[k].text == ":" and doc.tokens[k + 1].text in OPENING:
                return Marker("colon", k, inverted, channel)
        return None
    return None


def forward(doc: Document, sent: Sentence, cue: Cue, marker: Marker, next_cue: Cue | None,
            sent_rows: list[Attribution], state: State, according_starts: tuple[int, ...] = ()) -> list[Attribution]:
    speaker = speaker_of_cue(doc, sent, cue, marker.inverted, marker.index, sent_rows, state)
    found = forward_content(doc, sent, cue, marker, next_cue, speaker, according_starts)
    if found is None:
        return []
    kind, span, channel = found
    row = Attribution(sent.sent_id, kind, span, speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma, cue.stance,
                      tok_span(doc, *channel) if channel else None, head=doc.tokens[cue.head].start)
    return [row]


def _quoted_clause_end(doc: Document, c_start: int, c_end: int) -> int:
    """A reported clause that is one quotation ends with it when a comma and no further quotation follow: "ha
    ricordato che «il dialogo lo abbiamo offerto», argomento sul quale …" (what comes after is the writer's)."""
    k = c_start
    while k < c_end and doc.text[k].isspace():
        k += 1
    q = doc.quote_opening_at(k) or doc.quote_containing(k)
    if q is None or not q.closed or q.close >= c_end or k not in (q.open, q.start):
        return c_end
    rest = doc.text[q.close:c_end].lstrip()
    if not rest.startswith(",") or doc.quotes_overlapping(q.close, c_end):
        return c_end  # "«è di importanza esistenziale», inutile negarlo, «ma …»": the quotation goes on
    return q.close


def forward_content(doc: Document, sent: Sentence, cue: Cue, marker: Marker, next_cue: Cue | None,
                    speaker: SpeakerInfo | None, according_starts: tuple[int, ...] = (), *, min_end: int = 0,
                    ) -> tuple[str, tuple[int, int], tuple[int, int] | None] | None:
    """What a cue reports after its marker: ``(kind, character span, channel token span)`` or None.

    The content runs from the marker to the end of the sentence, stopping
    before another reporting clause (", ha aggiunto …"), a "secondo" source,
    or a statement channel written after it; ``min_end`` (a character offset,
    e.g. the end of the clause the parse shows) is never cut.
    """
    low = doc.low
    # content
    m = marker.index
    if marker.kind in ("che", "colon"):
        c_start = doc.tokens[m].end
    elif marker.kind == "quote":
        c_start = doc.tokens[m].start
    else:
        c_start = doc.tokens[m].start
    c_end_tok = sent.t1
    if next_cue is not None and next_cue.first > m:
        k = next_cue.first
        if doc.quote_containing(doc.tokens[k].start) is None:
            # stop before ", ha aggiunto", "e ha poi detto", "mentre il sindaco ha replicato"
            np = left_np(doc, k, m + 1)
            if np is not None and np_tags(doc, np[0]) in ("DET", "NAME", "ROLE"):
                k = np[0]
            elif k - 1 > m and low[k - 1] in INDEFINITE_SPEAKERS:
                k -= 1  # "… e altri affermano che …"
            k0 = k
            while k - 1 > m and (low[k - 1] in ("e", "ed", "ma", "mentre", "invece", "poi") or doc.tokens[k - 1].text in (",", ";")):
                k -= 1
            if k < k0 and k > m + 1:  # a separate clause, not a report nested in this one
                c_end_tok = k
    c_end = doc.tokens[c_end_tok - 1].end if c_end_tok > m else sent.end
    for a0 in according_starts:
        if c_start < a0 < c_end and doc.quote_containing(a0) is None \
                and any(ch.isalnum() for ch in doc.text[c_start:a0]):
            c_end = a0  # "…, secondo il Washington Post" (not "ha scritto che, secondo la Procura, …")
    c_end = extend_over_quote(doc, max(c_end, min_end), c_start)
    c_end = _quoted_clause_end(doc, c_start, c_end) if marker.kind in ("che", "quote") else c_end
    channel = marker.channel
    # a statement channel written after the content: "… in una dichiarazione rilasciata ai media"
    if channel is None:
        k = doc.token_index(c_start)
        stop = doc.token_index(c_end)
        while k < stop:
            if doc.quote_containing(doc.tokens[k].start) is None and low[k] in STATEMENT_PREPS and k - doc.token_index(c_start) >= 4:
                e = channel_at(doc, k, stop)
                if e > k and e - k >= 3:
                    channel = (k, e)
                    c_end = doc.tokens[k - 1].end
                    break
            k += 1
    content = content_of(doc, c_start, c_end)
    if content is None:
        return None
    kind, span = content
    return kind, span, channel


def quote_colon_subject(doc: Document, sent: Sentence, cue: Cue) -> list[Attribution]:
    """"«Le scuole rischiano di restare al buio»: il presidente della Provincia scrive a Draghi".

    A sentence opening with a quotation, then a colon, then a subject and a finite cue with nothing
    reported after it (no "che", colon or quotation): the subject speaks the quotation.
    """
    if cue.form not in ("finite", "participle") or cue.passive or sent.t1 - sent.t0 < 4:
        return []
    first = doc.tokens[sent.t0]
    q = doc.quote_opening_at(first.start) if first.text in OPENING else None
    if q is None or not q.closed or q.close > doc.tokens[cue.first].start:
        return []
    k = next((m for m in range(sent.t0, cue.first) if doc.tokens[m].start >= q.close), None)
    if k is None or doc.tokens[k].text != ":" or len(doc.text[q.start:q.end].split()) < 3:
        return []  # "«Il Padrino»: …" is a title
    speaker = speaker_left(doc, sent, cue.first)
    if speaker is None or speaker.start < doc.tokens[k].end:
        return []
    if doc.text[doc.tokens[k].end:speaker.start].strip():
        return []  # only the subject between the colon and the cue
    for m in range(cue.last + 1, sent.t1):
        t = doc.tokens[m].text
        if doc.low[m] == "che" or t in (":",) or t in OPENING:
            return []
    nxt = cue.last + 1
    if nxt < sent.t1 and np_tags(doc, nxt) not in ("A", "DA", "PREP", "PUNCT") and not is_adverb_word(doc.low[nxt]):
        return []  # "il regista racconta il suo film": the cue has its own object
    span = trim(doc, q.start, q.end)
    if span is None:
        return []
    return [Attribution(sent.sent_id, "direct", span, speaker, tok_span(doc, cue.first, cue.last + 1), cue.lemma,
                        cue.stance, None, head=doc.tokens[cue.head].start)]
