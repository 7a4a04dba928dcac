"""The attribution constructions of Italian news, applied to one document.

Written by hand: no offline tool attributes quotations for Italian. Each
construction is one module; :func:`find_attributions` runs them in order,
drops rows that report nothing (:mod:`.filters`) and links nested sourcing
(:mod:`.nesting`). The constructions:

* **forward** (:mod:`.forward`, or :mod:`.syntax_rows` where the parse shows
  the report): "X ha dichiarato (all'agenzia TASS) che …", "X ha promesso di …",
  "X ha detto: «…»"; the speaker (:mod:`.subjects`) is on the left, after the
  cue, the sentence subject, the owner of a fronted statement or the last speaker;
* **postposed** (:mod:`.postposed`): "«…», ha detto X", "“…” – aggiunge X –",
  "CLAUSE, ha dichiarato X, collaboratore del Cremlino, all'agenzia TASS";
* **object** (:mod:`.objects`): "La Casa Bianca annuncia l'avvio della campagna";
* **clitic** (:mod:`.clitic`): "Lo dichiara X", "Lo riporta l'agenzia PTI" (what precedes);
* **passive** (:mod:`.passive`): "sono state negate dalla Russia e dalla Corea del Nord",
  "una mossa criticata dagli Stati Uniti";
* **according to** (:mod:`.according`, :mod:`.according_content`): "secondo X",
  "stando a X", "a detta di X", "secondo quanto riporta X", "come riferisce X",
  "si legge in una nota di X";
* **cleft** (:mod:`.cleft`): "A chiedere che si faccia presto c'è anche Matteo Salvini";
* **colon** (:mod:`.colon`): "Il ministro: «…»";
* **continuation** (:mod:`.continuations`): a quotation opening a later
  sentence or paragraph keeps the last speaker.

Not attributions: quotation marks with no cue or speaker (scare quotes,
titles), "secondo" as an ordinal ("il secondo giorno"), the writer's own
first-person verbs ("come abbiamo scritto").
"""
from __future__ import annotations

from typing import Any

from .according import according, clause_opening
from .according_content import according_content
from .channels import attach_channels, channel_at
from .cleft import cleft
from .clitic import clitic
from .colon import colon, colon_cue_at_end, quote_after_colon_cue
from .continuations import continuations
from .cues import Cue, find_cues
from .document import Document
from .filters import OPINION_LEMMAS, after_che, hypothetical, introduced_clause, plausible
from .forward import find_marker, forward, quote_colon_subject
from .frames import ABILITY, verb_frame
from .grammar import is_verb, person_of
from .nesting import link_sources
from .objects import object_report, predicate_report
from .parse import parse_sentences
from .passive import passive
from .postposed import inserted, inserted_open, postposed
from .rows import DASHES, Attribution, State, skip_adverbs, tok_span
from .speakers import SpeakerInfo, can_speak, describe, is_speakerlike, right_np, sentence_subject
from .subjects import speaker_before_colon, speaker_left
from .syntax_rows import parsed_speaker, syntax_row

__all__ = ["find_attributions"]


def _skip_parenthesis(doc: Document, k: int, hi: int) -> int:
    """Past a parenthesis opening at token ``k`` ("(tradotto in Italia da …)")."""
    if k < hi and doc.tokens[k].text == "(":
        j = k + 1
        while j < hi and doc.tokens[j].text != ")" and j - k < 30:
            j += 1
        if j < hi and doc.tokens[j].text == ")":
            return j + 1
    return k


def _cues_and_parses(doc: Document, nlp) -> list[list[Cue]]:
    """The speech cues of every sentence; with ``nlp``, the sentences holding one are parsed (``doc.parses``)
    and cues found by their lemma stay only where the parse reads a third-person verb ("dicesse", not
    "chiediamo")."""
    cues_of = [find_cues(doc, sent, by_lemma=nlp is not None) for sent in doc.sentences]
    if nlp is None:
        return cues_of
    doc.parses = parse_sentences(doc, [k for k, cues in enumerate(cues_of) if cues], nlp)
    return [[c for c in cues if not c.by_lemma or (k in doc.parses and is_verb(doc.parses[k], c.head)
                                                   and person_of(doc.parses[k], c.head) in (None, "3"))]
            for k, cues in enumerate(cues_of)]


def find_attributions(doc: Document, nlp: Any = None) -> list[Attribution]:
    """Every attribution of a document, nested sourcing linked (``via_ref``).

    With ``nlp`` (the Italian pipeline, :func:`analysis.syntax.load_nlp`), the
    sentences that hold a speech cue are parsed: a cue the parse shows with a
    reported clause or object is read from the parse (:mod:`.frames`), and
    cues missing from the table of forms are found by their lemma. Without it,
    or where the parse shows no report, the surface readers below apply.
    """
    state = State()
    rows: list[Attribution] = []
    pending: tuple[tuple[int, int], str, str, SpeakerInfo | None] | None = None
    cues_of = _cues_and_parses(doc, nlp)
    for k_sent, sent in enumerate(doc.sentences):
        if pending is not None:
            rows += quote_after_colon_cue(doc, sent, pending)
            pending = None
        all_cues = cues_of[k_sent]
        parse = doc.parses.get(k_sent)
        cues = []
        sent_rows: list[Attribution] = []
        for c in all_cues:
            q = doc.quote_containing(doc.tokens[c.head].start)
            if q is None or not q.opened:
                cues.append(c)  # cues in a quotation that opened before the text are the text's own
            else:
                inserted_rows = inserted(doc, sent, c, q, state)
                sent_rows += inserted_rows
                if not inserted_rows and not q.closed and doc.tokens[c.first - 1].text not in DASHES \
                        and len(doc.text[q.start:doc.tokens[c.first].start].split()) >= 3 \
                        and (speaker_left(doc, sent, c.first) or sentence_subject(doc, sent, c.first)) is not None:
                    # a quotation mark never closed ("\"A seguito delle …, AIFA precisa che …"): read the cue as usual
                    cues.append(c)
        seg_start = sent.start
        according_rows = according(doc, sent, state, cues)
        claimed = {r.head for r in according_rows}
        claimed_cues = [r.cue for r in according_rows if r.cue is not None]
        for n, cue in enumerate(cues):
            if doc.tokens[cue.first].start in claimed or doc.tokens[cue.head].start in claimed:
                continue
            if any(s <= doc.tokens[cue.head].start < e for s, e in claimed_cues):
                continue  # "secondo quanto riferito da X": the verb belongs to the according-to phrase
            if hypothetical(doc, sent, cue):
                continue  # "il cessate il fuoco ci sarà se Gheddafi annuncerà la sua partenza": nothing was said
            if any(doc.low[k] in ABILITY for k in range(cue.first, cue.head)):
                continue  # "l'insegnante può chiedere di …", "potrebbe annunciare": a right or a guess, no report
            if cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] in ("come",) and not cue.passive:
                # "come riferisce l'Ansa, …", "come ricorda il leghista, …": an according-to phrase
                k = skip_adverbs(doc, cue.last + 1, sent.t1)
                np = right_np(doc, k, sent.t1)
                if np is not None and (is_speakerlike(doc, *np) or can_speak(doc, *np)):
                    sent_rows += according_content(doc, sent, cue.first - 1, np[1], describe(doc, *np),
                                                   tok_span(doc, cue.first - 1, cue.last + 1), cue.lemma)
                elif clause_opening(doc, sent, cue.first - 1) and cue.form == "finite" and not cue.reflexive:
                    # "Come racconta in un libro, …": the speaker is not named in this sentence
                    e = channel_at(doc, k, sent.t1)
                    end = e if e > k else k
                    end = _skip_parenthesis(doc, end, sent.t1)
                    if end < sent.t1 and doc.tokens[end].text == ",":
                        rows_c = according_content(doc, sent, cue.first - 1, end, state.last_speaker,
                                                   tok_span(doc, cue.first - 1, cue.last + 1), cue.lemma, anonymous=True)
                        for r in rows_c:
                            r.extra.pop("speaker_type", None)
                            if e > k:
                                r.channel = tok_span(doc, k, e)
                        sent_rows += rows_c
                continue
            nxt = cues[n + 1] if n + 1 < len(cues) else None
            found: list[Attribution] = []
            frame = verb_frame(doc, cue, parse) if parse is not None else None
            if cue.by_lemma and frame is None:
                continue  # a form the table lacks is read through the parse only
            if frame is not None:
                found = syntax_row(doc, sent, cue, frame, state, sent_rows, nxt,
                                   tuple(r.cue[0] for r in according_rows if r.cue is not None))
            if found:
                pass
            elif cue.form == "infinitive" and cue.first - 1 == sent.t0 and doc.low[sent.t0] in ("a", "ad"):
                sent_rows += cleft(doc, sent, cue)
                continue
            elif cue.passive:
                found = passive(doc, sent, cue, state)
            elif cue.clitic and doc.low[cue.first] in ("lo", "l'"):
                # the clitic is the object: what precedes, or what follows a colon ("Lo promette X: …")
                found = clitic(doc, sent, cue, state)
            else:
                marker = find_marker(doc, sent, cue)
                opened = inserted_open(doc, sent, cue, state)
                if opened:
                    found = opened
                elif marker is not None:
                    found = forward(doc, sent, cue, marker, nxt, sent_rows, state,
                                    tuple(r.cue[0] for r in according_rows if r.cue is not None))
                    for r in found:
                        r.speaker = parsed_speaker(doc, sent, cue, parse, r.speaker)
                elif cue.clitic:
                    found = clitic(doc, sent, cue, state)
                else:
                    found = quote_colon_subject(doc, sent, cue) \
                        or postposed(doc, sent, cue, seg_start, state) or object_report(doc, sent, cue, state) \
                        or predicate_report(doc, sent, cue)
            if cue.lemma in OPINION_LEMMAS:
                # "X ritiene che …" is a report of X's view; "pensa di partire", "crede nel progetto" are not
                found = [r for r in found if r.speaker is not None and r.cue_lemma == cue.lemma
                         and r.type != "according_to" and after_che(doc, cue, r)]
            # "ha commentato quanto è accaduto:" at the end of a sentence: the words follow in the next one
            found = [r for r in found if r.type == "direct" or doc.text[r.content[1]:sent.end].strip() != ":"
                     or introduced_clause(doc, r.content[0])]
            if cue.reflexive:
                # "si chiede se", "si è detto pronto": only with a written speaker ("si dice che" is impersonal)
                found = [r for r in found if r.speaker is not None or r.type == "direct"]
            for r in found:
                if r.speaker is not None and r.type != "according_to":
                    state.last_speaker = r.speaker
            if found:
                seg_start = max(seg_start, doc.tokens[cue.last].end)
            sent_rows += found
        used = [r.content for r in sent_rows]
        sent_rows += colon(doc, sent, used)
        for r in according_rows:
            sent_rows.append(r)
        for r in sent_rows:
            if r.speaker is not None and r.type != "according_to" and r.cue is None:
                state.last_speaker = r.speaker
        for r in sent_rows:
            if r.speaker is None and r.cue is not None and r.type != "according_to":
                r.speaker = speaker_before_colon(doc, sent, doc.token_index(r.cue[0]))
        rows += [r for r in sent_rows if plausible(doc, r)]
        pending = colon_cue_at_end(doc, sent, cues, sent_rows, state)
    rows += continuations(doc, rows)
    attach_channels(doc, rows)
    return link_sources(doc, rows)
