"""What an according-to phrase covers: "Secondo il ministro, la crisi è finita".

At the start of a sentence or clause, the words after the phrase; set off by
commas inside a clause, the whole clause; between dashes or in brackets
("(come hanno scritto molti giornali)"), the words around or before it.
"""
from __future__ import annotations

from .document import Document, Sentence
from .postposed import after_subordinator
from .rows import DASHES, OPENING, TIME_WORDS, Attribution, content_of, skip_parenthesis_end, words_in
from .speakers import SpeakerInfo, can_speak, left_np, np_tags
from .tags import is_adverb_word

__all__ = ["according_content"]


def _subject_np_before(doc: Document, sent: Sentence, comma: int) -> bool:
    """The sentence opens with a speaking noun phrase that ends at ``comma`` ("Rossi, come riporta …, è …")."""
    np = left_np(doc, comma, sent.t0)
    return np is not None and np[0] == sent.t0 and can_speak(doc, *np) and doc.low[sent.t0] not in TIME_WORDS


def _parenthetical_source(sent: Sentence, content, speaker: SpeakerInfo | None, cue_span, lemma, *,
                          anonymous: bool) -> list[Attribution]:
    """The one according-to row of a source set off by dashes or brackets, or none when it has no content
    or no source (a named speaker, or an anonymous one such as "a quanto si apprende")."""
    if content is None or (speaker is None and not anonymous):
        return []
    row = Attribution(sent.sent_id, "according_to", content[1], speaker, cue_span, lemma, "reports", None, head=cue_span[0])
    row.extra["parenthetical"] = True
    if speaker is None:
        row.extra["speaker_type"] = "anonymous"
    return [row]


def according_content(doc: Document, sent: Sentence, phrase_start: int, phrase_end: int, speaker: SpeakerInfo | None,
                      cue_span: tuple[int, int], lemma: str | None, *, anonymous: bool = False) -> list[Attribution]:
    """Content of an according-to phrase: what follows it at the start of a sentence, else what precedes."""
    lead = phrase_start
    while lead > sent.t0 and (doc.low[lead - 1] in ("e", "ed", "ma", "anche", "però", "invece", "inoltre") or is_adverb_word(doc.low[lead - 1])
                              or doc.tokens[lead - 1].text in OPENING):
        lead -= 1
    opens_clause = lead > sent.t0 and doc.low[lead - 1] in ("che", "cui", "e", "ma", "mentre", "perché", "poiché", "se")
    in_brackets = lead - 1 > sent.t0 and doc.tokens[lead - 1].text == "(" and (
        phrase_end >= sent.t1 or doc.tokens[skip_parenthesis_end(doc, phrase_end, sent.t1)].text == ")")
    # a phrase set between dashes: "Bonafede che - a suo dire - «resta alla Giustizia»", "Il ministro - secondo
    # quanto apprende l'Ansa - sarebbe in pressing …"
    open_dash = next((m for m in range(phrase_start - 1, max(sent.t0, phrase_start - 7) - 1, -1)
                      if doc.tokens[m].text in DASHES or doc.tokens[m].text in (",", ";", ":", "(", ")")), None)
    close_dash = next((m for m in range(phrase_end, min(sent.t1, phrase_end + 12))
                       if doc.tokens[m].text in DASHES or doc.tokens[m].text in (",", ";", ":", "(", ")", ".")), None)
    if open_dash is not None and close_dash is not None and open_dash > sent.t0 and doc.tokens[open_dash].text in DASHES \
            and doc.tokens[close_dash].text in DASHES:
        if doc.low[open_dash - 1] in ("che", "perché", "se", "e", "ma", "cui", "poiché"):
            content = content_of(doc, doc.tokens[close_dash].end, sent.end)
        else:
            content = content_of(doc, sent.start, sent.end)
        return _parenthetical_source(sent, content, speaker, cue_span, lemma, anonymous=anonymous)
    if in_brackets:
        # "picchiati dai poliziotti (secondo denunce di varie associazioni …)", "obiettivi poco ambiziosi (come hanno
        # scritto molti giornali)": the bracket is about the words just before it, back to a clause break
        b = lead - 1
        k = b
        while k > sent.t0 and b - k < 15 and doc.tokens[k - 1].text not in (")", ";", ":", ".", "?", "!"):
            k -= 1
        content = content_of(doc, doc.tokens[k].start, doc.tokens[b].start)
        return _parenthetical_source(sent, content, speaker, cue_span, lemma, anonymous=anonymous)
    capital = lead > sent.t0 and doc.tokens[phrase_start].text[:1].isupper() and doc.tokens[lead - 1].text not in (",", "(")
    if lead == sent.t0 or opens_clause or capital:
        # a capitalised "Secondo" inside a sentence opens a new one after a run-in title
        k = phrase_end
        c_start = doc.tokens[k].start if k < sent.t1 else sent.end
        content = content_of(doc, c_start, sent.end)
    elif after_subordinator(doc, sent, lead):
        # "… che, secondo le stime di X, determinerà …": the source is about the clause it interrupts, which
        # goes on after it; nothing after it (a sentence cut there) is no attribution
        k = phrase_end
        if k + 1 < sent.t1 and doc.tokens[k].text == ",":
            # an apposition of the source ("secondo le stime di X, consigliere del ministro, …") is not content
            m = k + 1
            while m < sent.t1 and np_tags(doc, m) == "DET":
                m += 1
            close = next((t for t in range(k + 1, min(sent.t1, k + 10)) if doc.tokens[t].text == ","), None)
            if m < sent.t1 and np_tags(doc, m) == "ROLE" and close is not None:
                k = close
        content = content_of(doc, doc.tokens[k].start, sent.end) if k < sent.t1 else None
    elif phrase_start - 1 > sent.t0 and doc.tokens[phrase_start - 1].text == "," and phrase_end < sent.t1 \
            and doc.tokens[phrase_end].text == "," and (_subject_np_before(doc, sent, phrase_start - 1)
                                                       or (words_in(doc, (sent.start, doc.tokens[phrase_start - 1].start)) >= 2
                                                           and not (phrase_end + 1 < sent.t1
                                                                    and doc.tokens[phrase_end + 1].text in OPENING))):
        # "Rossi, come riporta la stampa locale, è stato fermato", "Questa è la prova, secondo i carabinieri, che …":
        # a phrase set off inside the clause qualifies all of it
        content = content_of(doc, sent.start, sent.end)
    elif phrase_start > sent.t0 and doc.low[phrase_start - 1] in ("e", "ed", "ma") and (
            phrase_end >= sent.t1 or content_of(doc, doc.tokens[phrase_end].start, sent.end) is None):
        return []  # "… e secondo la professoressa X" closing a cut sentence: what it sources is not here
    else:
        content = content_of(doc, sent.start, doc.tokens[phrase_start].start)
        after = content_of(doc, doc.tokens[phrase_end].start, sent.end) if phrase_end < sent.t1 else None
        opens_after_comma = doc.tokens[lead - 1].text in (",", ";") and phrase_end < sent.t1 \
            and np_tags(doc, phrase_end) != "PUNCT"
        relative = phrase_end < sent.t1 and doc.low[phrase_end] in ("che", "cui", "il", "la", "i", "le") and (
            doc.low[phrase_end] in ("che", "cui") or (phrase_end + 1 < sent.t1 and doc.low[phrase_end + 1] in ("quale", "quali")))
        if after is not None and (content is None or (words_in(doc, content[1]) < 4 and words_in(doc, after[1]) >= 4)
                                  or (opens_after_comma and not relative and words_in(doc, content[1]) <= 5
                                      and words_in(doc, after[1]) >= words_in(doc, content[1]) + 2)):
            # "Stamattina, secondo gli investigatori, Baglione era uscito …", "Al tempo stesso, però, secondo il
            # giudice non si può dire …": a short lead-in, the claim after the phrase
            content = after
        elif after is not None and opens_after_comma and words_in(doc, after[1]) >= 3 \
                and np_tags(doc, phrase_end) in ("NAME", "DET"):
            # "…, infatti secondo alcune fonti Zacharčenko aveva perso …": no comma closes the phrase, and a clause
            # with its own subject follows it
            content = after
        elif after is not None and after[0] == "direct" and phrase_start > sent.t0 \
                and doc.tokens[phrase_start - 1].text == "," and doc.tokens[phrase_end].text == ",":
            content = after  # "E deve ritenersi, dunque, secondo il giudice, «l'insussistenza …»": the quotation
    if content is None or (speaker is None and not anonymous):
        return []
    _, span = content
    channel = None
    row = Attribution(sent.sent_id, "according_to", span, speaker, cue_span, lemma, "reports", channel, head=cue_span[0])
    if speaker is None:
        row.extra["speaker_type"] = "anonymous"
    return [row]
