"""The attribution constructions of Italian news, applied to one document.

Written by hand: no offline tool attributes quotations for Italian. Each
construction is one module, wrapped as a named reader in :mod:`.readers`;
:func:`find_attributions` runs the registries there in order (sentence
readers, the cue readers on each cue, then the document passes), drops rows
that report nothing (:mod:`.filters`) and links nested sourcing. The
constructions:

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
* **floating quotations** (:mod:`.floating`): a quotation no cue reads,
  pointed back to ("Così X."), after a colon, an interview answer, the lede,
  or a continuation of the last speaker.

Not attributions: quotation marks with no cue or speaker (scare quotes,
titles), "secondo" as an ordinal ("il secondo giorno"), the writer's own
first-person verbs ("come abbiamo scritto").
"""
from __future__ import annotations

from typing import Any

from .colon import colon_cue_at_end
from .cues import Cue, find_cues
from .document import Document
from .filters import OPINION_LEMMAS, after_che, introduced_clause, plausible
from .grammar import is_verb, person_of
from .parse import parse_sentences
from .readers import (
    CUE_READERS,
    DOCUMENT_READERS,
    SENTENCE_READERS,
    AttributionSettings,
    Context,
    Reader,
    cue_blocked,
    split_inserted,
)
from .rows import Attribution
from .subjects import speaker_before_colon

__all__ = ["find_attributions", "AttributionSettings"]


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


def _filtered(ctx: Context, cue: Cue, found: list[Attribution]) -> list[Attribution]:
    """What no cue reader may give: an opinion verb without "che", a content ending on a colon, an impersonal
    reflexive."""
    doc, sent = ctx.doc, ctx.sentence
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
    return found


def _read_cue(ctx: Context, cue: Cue, nxt: Cue | None) -> tuple[Reader | None, list[Attribution]]:
    """The first enabled cue reader that claims ``cue``, and its rows."""
    for reader in CUE_READERS:
        if ctx.settings.on(reader.name):
            rows = reader.read(ctx, cue, nxt)
            if rows is not None:
                return reader, rows
    return None, []


def _read_cues(ctx: Context) -> None:
    claimed = {r.head for r in ctx.according_rows if r.head is not None}
    for n, cue in enumerate(ctx.cues):
        if cue_blocked(ctx, cue, claimed):
            continue
        nxt = ctx.cues[n + 1] if n + 1 < len(ctx.cues) else None
        reader, found = _read_cue(ctx, cue, nxt)
        if reader is not None and reader.raw:
            ctx.sent_rows += found
            continue
        found = _filtered(ctx, cue, found)
        for r in found:
            if r.speaker is not None and r.type != "according_to":
                ctx.state.last_speaker = r.speaker
        if found:
            ctx.seg_start = max(ctx.seg_start, ctx.doc.tokens[cue.last].end)
        ctx.sent_rows += found


def _read_sentence(ctx: Context, k_sent: int) -> None:
    doc = ctx.doc
    ctx.k_sent, ctx.sent = k_sent, doc.sentences[k_sent]
    ctx.parse = doc.parses.get(k_sent)
    ctx.cues, ctx.sent_rows, ctx.according_rows = [], [], []
    ctx.seg_start = ctx.sent.start
    if ctx.settings.on("colon_after_cue"):
        ctx.rows += SENTENCE_READERS[0].read(ctx)
    ctx.pending = None
    ctx.sent_rows += split_inserted(ctx, ctx.cues_of[k_sent])
    for reader in SENTENCE_READERS[1:]:
        if not ctx.settings.on(reader.name):
            continue
        if reader.name == "cues":
            _read_cues(ctx)
        else:
            ctx.sent_rows += reader.read(ctx)
    ctx.sent_rows += ctx.according_rows
    for r in ctx.sent_rows:
        if r.speaker is not None and r.type != "according_to" and r.cue is None:
            ctx.state.last_speaker = r.speaker
    for r in ctx.sent_rows:
        if r.speaker is None and r.cue is not None and r.type != "according_to":
            r.speaker = speaker_before_colon(doc, ctx.sent, doc.token_index(r.cue[0]))
    ctx.rows += [r for r in ctx.sent_rows if plausible(doc, r)]
    ctx.pending = colon_cue_at_end(doc, ctx.sent, ctx.cues, ctx.sent_rows, ctx.state)


def find_attributions(doc: Document, nlp: Any = None, settings: AttributionSettings | None = None) -> list[Attribution]:
    """Every attribution of a document, nested sourcing linked (``via_ref``).

    With ``nlp`` (the Italian pipeline, :func:`analysis.syntax.load_nlp`), the
    sentences that hold a speech cue are parsed: a cue the parse shows with a
    reported clause or object is read from the parse (:mod:`.frames`), and
    cues missing from the table of forms are found by their lemma. Without it,
    or where the parse shows no report, the surface readers apply.
    ``settings`` switches readers off by name (:mod:`.readers`).
    """
    ctx = Context(doc, nlp, settings or AttributionSettings(), _cues_and_parses(doc, nlp))
    for k_sent in range(len(doc.sentences)):
        _read_sentence(ctx, k_sent)
    for reader in DOCUMENT_READERS:
        if ctx.settings.on(reader.name):
            reader.read(ctx)
    return ctx.rows
