"""The construction readers of attribution, as ordered registries over one shared context.

:func:`analysis.attribution.find.find_attributions` walks a document sentence
by sentence and runs three registries, in order:

* :data:`SENTENCE_READERS` — readers of a whole sentence (a quotation after a
  colon cue of the sentence before, cues inside a quotation, "secondo X", the
  per-cue readers, "Il ministro: «…»");
* :data:`CUE_READERS` — for each speech cue outside a quotation, the first
  reader that claims it gives its rows (the order of precedence is the list);
  a reader answers ``None`` when the construction is not its own;
* :data:`DOCUMENT_READERS` — passes over the whole document once every
  sentence is read (floating quotations, channels, nested sources).

Every reader has a name; :class:`AttributionSettings` switches any of them
off by name, so the evaluation can measure what each adds (the ablation table
of :func:`analysis.evaluation.attribution.ablation`). Readers take a
:class:`Context` (document, parse, state, rows so far) and return rows; they
never keep state of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .according import according, clause_opening
from .according_content import according_content
from .channels import attach_channels, channel_at
from .cleft import cleft
from .clitic import clitic
from .colon import colon, quote_after_colon_cue
from .cues import Cue
from .document import Document, Sentence
from .filters import hypothetical
from .floating import floating_quotes
from .forward import find_marker, forward, quote_colon_subject
from .frames import ABILITY, verb_frame
from .nesting import link_sources
from .objects import object_report, predicate_report
from .passive import passive
from .postposed import aside_rows, inserted, inserted_open, postposed
from .rows import DASHES, Attribution, State, skip_adverbs, tok_span
from .speakers import SpeakerInfo, can_speak, describe, is_speakerlike, right_np, sentence_subject
from .subjects import speaker_left
from .syntax_rows import parsed_speaker, syntax_row

__all__ = ["Context", "AttributionSettings", "Reader", "SENTENCE_READERS", "CUE_READERS", "DOCUMENT_READERS",
           "READER_NAMES"]


@dataclass(frozen=True)
class AttributionSettings:
    """Which readers run. ``disabled``: names from :data:`READER_NAMES` switched off (for ablation)."""

    disabled: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.disabled) - set(READER_NAMES)
        if unknown:
            raise ValueError(f"unknown attribution readers {sorted(unknown)}; expected some of {READER_NAMES}")

    def on(self, name: str) -> bool:
        return name not in self.disabled


@dataclass
class Context:
    """What every reader sees: the document, its parses and cues, the state and the rows found so far."""

    doc: Document
    nlp: Any
    settings: AttributionSettings
    cues_of: list[list[Cue]]
    state: State = field(default_factory=State)
    rows: list[Attribution] = field(default_factory=list)
    # the sentence being read
    k_sent: int = 0
    sent: Sentence | None = None
    parse: Any = None
    cues: list[Cue] = field(default_factory=list)  # cues outside quotations, in order
    sent_rows: list[Attribution] = field(default_factory=list)
    according_rows: list[Attribution] = field(default_factory=list)
    seg_start: int = 0
    pending: Any = None  # a colon cue ending the previous sentence ("ha commentato:")

    @property
    def sentence(self) -> Sentence:
        """The sentence being read (set before any sentence or cue reader runs)."""
        if self.sent is None:
            raise RuntimeError("no sentence is being read")
        return self.sent

    @property
    def according_cues(self) -> tuple[int, ...]:
        return tuple(r.cue[0] for r in self.according_rows if r.cue is not None)


@dataclass(frozen=True)
class Reader:
    """A named construction reader. ``raw``: its rows skip the per-cue filters and the last-speaker update."""

    name: str
    read: Callable[..., Any]
    raw: bool = False


# --- sentence readers ---------------------------------------------------------------


def _colon_after_cue(ctx: Context) -> list[Attribution]:
    """"Ha commentato l'accaduto:" closing a sentence, the quotation opening the next one."""
    if ctx.pending is None:
        return []
    return quote_after_colon_cue(ctx.doc, ctx.sentence, ctx.pending)


def _split_inserted(ctx: Context, all_cues: list[Cue]) -> list[Attribution]:
    """Cues inside a quotation ("«…» – afferma X – «…»") are read here; the others go on to the cue readers."""
    doc, sent = ctx.doc, ctx.sentence
    found: list[Attribution] = []
    on = ctx.settings.on("inserted")
    for c in all_cues:
        q = doc.quote_containing(doc.tokens[c.head].start)
        if q is None or not q.opened:
            ctx.cues.append(c)  # cues in a quotation that opened before the text are the text's own
            continue
        rows = inserted(doc, sent, c, q, ctx.state) if on else []
        found += rows
        if rows and rows[0].speaker is not None:
            ctx.state.last_speaker = rows[0].speaker  # "«…» – prosegue – «…»" later on is theirs
        if not rows and not q.closed and doc.tokens[c.first - 1].text not in DASHES \
                and len(doc.text[q.start:doc.tokens[c.first].start].split()) >= 3 \
                and (speaker_left(doc, sent, c.first) or sentence_subject(doc, sent, c.first)) is not None:
            # a quotation mark never closed ("\"A seguito delle …, AIFA precisa che …"): read the cue as usual
            ctx.cues.append(c)
        elif not rows and doc.tokens[c.first - 1].text not in DASHES and doc.tokens[c.first].start > q.start \
                and _reports_a_clause(ctx, c) \
                and (speaker_left(doc, sent, c.first) is not None or _parse_subject(ctx, c)):
            # a report inside a quotation, its speaker written ("«… Quel delinquente chiama mio marito dicendo che …»",
            # "«Il Comune, che nel rendere il parere …, ha negato che …»")
            ctx.cues.append(c)
    return found


#: Endings of future and conditional forms: "si chiederanno", "direbbe" inside a quotation foresee, not report.
_NOT_REPORTED = ("rà", "ranno", "rebbe", "rebbero", "rò", "remo")


def _reports_a_clause(ctx: Context, cue: Cue) -> bool:
    """Inside a quotation, a cue reports only with a clause written after it ("dicendo che …", "ha detto di …",
    "ha spiegato: …"), in the past or present ("molti si chiederanno: …" foresees)."""
    doc = ctx.doc
    if doc.low[cue.head].endswith(_NOT_REPORTED):
        return False
    k = skip_adverbs(doc, cue.last + 1, ctx.sentence.t1)
    return k < ctx.sentence.t1 and (doc.low[k] in ("che", "di", "se", "come") or doc.tokens[k].text == ":")


def _parse_subject(ctx: Context, cue: Cue) -> bool:
    """Does the parse give the cue a reported clause and a written third-person subject that can speak?"""
    if ctx.parse is None:
        return False
    frame = verb_frame(ctx.doc, cue, ctx.parse)
    if frame is None or frame.subject is None or frame.kind == "object":
        return False
    i0, i1 = frame.subject
    return ctx.doc.low[i0] not in ("io", "noi", "tu", "voi") and can_speak(ctx.doc, i0, i1)


def _according(ctx: Context) -> list[Attribution]:
    """"Secondo l'agenzia TASS, …", "stando a X", "a detta di X" (kept aside: appended after the colon rows)."""
    ctx.according_rows = according(ctx.doc, ctx.sentence, ctx.state, ctx.cues)
    return []


def _aside(ctx: Context) -> list[Attribution]:
    """"«A – riprende ancora X – B»": an aside in a quotation whose verb the cue table lacks."""
    cue_tokens = {k for c in ctx.cues_of[ctx.k_sent] for k in range(c.first, c.last + 1)}
    covered = [r.content for r in ctx.sent_rows]
    return [r for r in aside_rows(ctx.doc, ctx.sentence, cue_tokens, ctx.state)
            if not any(s <= r.content[0] < e for s, e in covered)]


def _colon(ctx: Context) -> list[Attribution]:
    """"Il ministro: «…»" — headline and summary colons."""
    return colon(ctx.doc, ctx.sentence, [r.content for r in ctx.sent_rows])


# --- cue readers ---------------------------------------------------------------------


def _skip_parenthesis(doc: Document, k: int, hi: int) -> int:
    """Past a parenthesis opening at token ``k`` ("(tradotto in Italia da …)")."""
    if k < hi and doc.tokens[k].text == "(":
        j = k + 1
        while j < hi and doc.tokens[j].text != ")" and j - k < 30:
            j += 1
        if j < hi and doc.tokens[j].text == ")":
            return j + 1
    return k


def _come(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"Come riferisce l'Ansa, …", "Come racconta in un libro, …": an according-to phrase."""
    doc, sent = ctx.doc, ctx.sentence
    if not (cue.first - 1 >= sent.t0 and doc.low[cue.first - 1] == "come" and not cue.passive):
        return None
    k = skip_adverbs(doc, cue.last + 1, sent.t1)
    np = right_np(doc, k, sent.t1)
    if np is not None and (is_speakerlike(doc, *np) or can_speak(doc, *np)):
        return according_content(doc, sent, cue.first - 1, np[1], describe(doc, *np),
                                 tok_span(doc, cue.first - 1, cue.last + 1), cue.lemma)
    if clause_opening(doc, sent, cue.first - 1) and cue.form == "finite" and not cue.reflexive:
        # "Come racconta in un libro, …": the speaker is not named in this sentence
        e = channel_at(doc, k, sent.t1)
        end = _skip_parenthesis(doc, e if e > k else k, sent.t1)
        if end < sent.t1 and doc.tokens[end].text == ",":
            rows = according_content(doc, sent, cue.first - 1, end, ctx.state.last_speaker,
                                     tok_span(doc, cue.first - 1, cue.last + 1), cue.lemma, anonymous=True)
            for r in rows:
                r.extra.pop("speaker_type", None)
                if e > k:
                    r.channel = tok_span(doc, k, e)
            return rows
    return []


def _parse(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """The cue read from the dependency parse: its subject and its reported clause or object (:mod:`.frames`)."""
    frame = verb_frame(ctx.doc, cue, ctx.parse) if ctx.parse is not None else None
    if frame is None:
        return [] if cue.by_lemma else None  # a form the table lacks is read through the parse only
    return syntax_row(ctx.doc, ctx.sentence, cue, frame, ctx.state, ctx.sent_rows, nxt, ctx.according_cues) or None


def _by_lemma_only(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """Without the parse reader, a cue found by its lemma alone is not read (only the parse vouches for it)."""
    return [] if cue.by_lemma and not ctx.settings.on("parse") else None


def _cleft(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"A chiedere che si faccia presto c'è anche Matteo Salvini"."""
    doc = ctx.doc
    if cue.form == "infinitive" and cue.first - 1 == ctx.sentence.t0 and doc.low[ctx.sentence.t0] in ("a", "ad"):
        return cleft(doc, ctx.sentence, cue)
    return None


def _passive(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"sono state negate dalla Russia", "una mossa criticata dagli Stati Uniti"."""
    return passive(ctx.doc, ctx.sentence, cue, ctx.state) if cue.passive else None


def _clitic_object(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"Lo dichiara X", "Lo promette X: …": the clitic is the object, what precedes or follows a colon."""
    if cue.clitic and ctx.doc.low[cue.first] in ("lo", "l'"):
        return clitic(ctx.doc, ctx.sentence, cue, ctx.state)
    return None


def _inserted_open(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """A cue between dashes inside an open quotation."""
    return inserted_open(ctx.doc, ctx.sentence, cue, ctx.state) or None


def _forward(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"X ha dichiarato che …", "X ha detto: «…»": speaker on the left, content after a marker."""
    marker = find_marker(ctx.doc, ctx.sentence, cue)
    if marker is None:
        return None
    rows = forward(ctx.doc, ctx.sentence, cue, marker, nxt, ctx.sent_rows, ctx.state, ctx.according_cues)
    for r in rows:
        r.speaker = parsed_speaker(ctx.doc, ctx.sentence, cue, ctx.parse, r.speaker)
    return rows


def _clitic(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """Other clitic cues ("gli ha detto", "le ha chiesto")."""
    return clitic(ctx.doc, ctx.sentence, cue, ctx.state) if cue.clitic else None


def _quote_colon_subject(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"«…»: così ha commentato X"."""
    return quote_colon_subject(ctx.doc, ctx.sentence, cue) or None


def _postposed(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"«…», ha detto X", "CLAUSE, ha dichiarato X, collaboratore del Cremlino"."""
    return postposed(ctx.doc, ctx.sentence, cue, ctx.seg_start, ctx.state) or None


def _object(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """"La Casa Bianca annuncia l'avvio della campagna"."""
    return object_report(ctx.doc, ctx.sentence, cue, ctx.state) or None


def _predicate(ctx: Context, cue: Cue, nxt: Cue | None) -> list[Attribution] | None:
    """A cue whose report is a predicate after it ("si è detto pronto a …")."""
    return predicate_report(ctx.doc, ctx.sentence, cue) or None


# --- document readers ----------------------------------------------------------------


def _floating(ctx: Context) -> None:
    """Quotations no cue reads: pointed back to, after a colon, answers, the lede, continuations (:mod:`.floating`)."""
    ctx.rows += floating_quotes(ctx.doc, ctx.rows)


def _channels(ctx: Context) -> None:
    """The channel next to each cue ("all'agenzia TASS", "in una nota")."""
    attach_channels(ctx.doc, ctx.rows)


def _nesting(ctx: Context) -> None:
    """Outer sources become the inner rows' ``via`` ("Secondo l'agenzia TASS, il ministro ha dichiarato …")."""
    ctx.rows = link_sources(ctx.doc, ctx.rows)


#: Readers of a whole sentence, in order ("cues" runs :data:`CUE_READERS` on each cue).
SENTENCE_READERS: tuple[Reader, ...] = (
    Reader("colon_after_cue", _colon_after_cue),
    Reader("according", _according),
    Reader("cues", lambda ctx: []),  # placeholder: the engine runs the cue readers here
    Reader("aside", _aside),
    Reader("colon", _colon),
)

#: Readers of one cue, in order of precedence: the first that claims the cue gives its rows.
CUE_READERS: tuple[Reader, ...] = (
    Reader("come", _come, raw=True),
    Reader("parse", _parse),
    Reader("by_lemma_only", _by_lemma_only),
    Reader("cleft", _cleft, raw=True),
    Reader("passive", _passive),
    Reader("clitic_object", _clitic_object),
    Reader("inserted_open", _inserted_open),
    Reader("forward", _forward),
    Reader("clitic", _clitic),
    Reader("quote_colon_subject", _quote_colon_subject),
    Reader("postposed", _postposed),
    Reader("object", _object),
    Reader("predicate", _predicate),
)

#: Passes over the whole document, in order, once every sentence is read.
DOCUMENT_READERS: tuple[Reader, ...] = (
    Reader("floating", _floating),
    Reader("channels", _channels),
    Reader("nesting", _nesting),
)

#: Every reader's name (``inserted`` reads cues inside quotations, see :func:`_split_inserted`).
READER_NAMES: tuple[str, ...] = tuple(
    [r.name for r in SENTENCE_READERS] + ["inserted"] + [r.name for r in CUE_READERS] + [r.name for r in DOCUMENT_READERS])

__all__ += ["split_inserted", "cue_blocked"]
split_inserted = _split_inserted


def cue_blocked(ctx: Context, cue: Cue, claimed: set[int]) -> bool:
    """Cues no reader may read: taken by an according-to phrase, hypothetical, or a mere possibility."""
    doc = ctx.doc
    if doc.tokens[cue.first].start in claimed or doc.tokens[cue.head].start in claimed:
        return True
    if any(s <= doc.tokens[cue.head].start < e for s, e in (r.cue for r in ctx.according_rows if r.cue is not None)):
        return True  # "secondo quanto riferito da X": the verb belongs to the according-to phrase
    if hypothetical(doc, ctx.sentence, cue):
        return True  # "il cessate il fuoco ci sarà se Gheddafi annuncerà la sua partenza": nothing was said
    return any(doc.low[k] in ABILITY for k in range(cue.first, cue.head))  # "può chiedere", "potrebbe annunciare"


_ = SpeakerInfo  # re-exported type for readers' signatures
