"""The attribution table: one row per attribution, for a text or a corpus.

:func:`extract_document_attributions` runs the patterns on one document and
merges speaker aliases inside it; :func:`canonicalize_speakers` merges aliases
across documents; :func:`extract_attributions` does both.
"""
from __future__ import annotations

import warnings
from dataclasses import replace
from itertools import starmap
from typing import Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..syntax.model import load_nlp
from ..tokenization import Token
from .canonical import alias_map, canonicalize_speakers, document_name_candidates
from .document import Document
from .find import AttributionSettings, find_attributions
from .profile import entity_typed, gender_of
from .resolution import Resolution, resolve_speakers
from .rows import Attribution
from .speakers import SpeakerInfo

__all__ = ["COLUMNS", "extract_attributions", "extract_document_attributions", "document_attribution_records",
           "attribution_frame", "empty_table", "corpus_document_inputs"]

#: Column → dtype of the attribution table.
COLUMNS: dict[str, str] = {
    "attribution_id": "string",
    "doc_id": "string",
    "sent_id": "Int64",
    "type": "string",
    "speaker": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_canonical": "string",
    "speaker_resolution": "string",
    "speaker_type": "string",
    "speaker_gender": "string",
    "role": "string",
    "affiliation": "string",
    "cue": "string",
    "cue_lemma": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "content": "string",
    "content_start": "Int64",
    "content_end": "Int64",
    "channel": "string",
    "channel_start": "Int64",
    "channel_end": "Int64",
    "via": "string",
    "stance": "string",
}


def empty_table() -> pd.DataFrame:
    """An attribution table with no rows and the documented dtypes."""
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in COLUMNS.items()})


def _frame(records: list[dict]) -> pd.DataFrame:
    if not records:
        return empty_table()
    df = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for col, dtype in COLUMNS.items():
        df[col] = df[col].astype(dtype)
    return df


def _records(text: str, rows: list[Attribution], doc_id: str | None, canon: dict[int, str],
             genders: dict[int, str | None], how: Mapping[int, str]) -> list[dict]:
    def span(sp: tuple[int, int] | None) -> tuple[str | None, int | None, int | None]:
        if sp is None:
            return None, None, None
        return text[sp[0]:sp[1]], sp[0], sp[1]

    out = []
    ordered = sorted(rows, key=lambda r: (r.content[0], r.cue[0] if r.cue else -1, r.speaker.start if r.speaker else -1))
    for n, r in enumerate(ordered):
        sp = r.speaker
        speaker, s0, s1 = span((sp.start, sp.end) if sp else None)
        cue, c0, c1 = span(r.cue)
        content, t0, t1 = span(r.content)
        channel, h0, h1 = span(r.channel)
        via = None
        if r.via_ref is not None and r.via_ref.speaker is not None:
            via = canon.get(id(r.via_ref.speaker), r.via_ref.speaker.canonical)
        out.append({
            "attribution_id": f"{doc_id}:{n}" if doc_id is not None else str(n),
            "doc_id": doc_id,
            "sent_id": r.sent_id,
            "type": r.type,
            "speaker": speaker,
            "speaker_start": s0,
            "speaker_end": s1,
            "speaker_canonical": canon.get(id(sp), sp.canonical) if sp else None,
            "speaker_resolution": how.get(id(sp)) if sp else None,
            "speaker_type": sp.type if sp else r.extra.get("speaker_type"),
            "speaker_gender": genders.get(id(r)),
            "role": sp.role if sp else None,
            "affiliation": sp.affiliation if sp else None,
            "cue": cue,
            "cue_lemma": r.cue_lemma,
            "cue_start": c0,
            "cue_end": c1,
            "content": content,
            "content_start": t0,
            "content_end": t1,
            "channel": channel,
            "channel_start": h0,
            "channel_end": h1,
            "via": via,
            "stance": r.stance,
        })
    return out


def extract_document_attributions(text: str, *, doc_id: str | None = None,
                                  sentences: Sequence[tuple[int, int, int]] | None = None,
                                  tokens: Sequence[Token] | None = None,
                                  settings: AttributionSettings | None = None) -> pd.DataFrame:
    """Attributions of one document, with speaker aliases merged inside it.

    ``sentences`` optionally gives ``(sent_id, start, end)`` rows (as in
    ``Corpus.sentences``); by default the text is split with
    :func:`analysis.segmentation.split_sentences` and sentences are numbered
    from 0. ``tokens`` optionally gives the text's tokens (as
    :func:`analysis.tokenization.tokenize` returns them, or as
    :func:`corpus_document_inputs` reads them from ``Corpus.tokens``); by
    default the text is tokenized. Columns as in :func:`extract_attributions`.
    """
    return _frame(document_attribution_records(text, doc_id=doc_id, sentences=sentences, tokens=tokens,
                                               settings=settings))


def _pipeline():
    """The Italian pipeline, or None (surface rules only, with a warning) when its folder is missing."""
    try:
        return load_nlp()
    except FileNotFoundError as exc:
        warnings.warn(f"{exc}; attribution falls back to surface rules", RuntimeWarning, stacklevel=3)
        return None


def document_attribution_records(text: str, *, doc_id: str | None = None,
                                 sentences: Sequence[tuple[int, int, int]] | None = None,
                                 tokens: Sequence[Token] | None = None,
                                 settings: AttributionSettings | None = None) -> list[dict]:
    """:func:`extract_document_attributions` as a list of row dicts (no DataFrame).

    For batch use: collect the records of many documents and build one table
    with :func:`attribution_frame`, which is much faster than one DataFrame
    per document.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected the document text as a str, got {type(text).__name__}")
    if not text.strip():
        return []
    doc = Document.build(text, sentences, tokens=tokens)
    rows = find_attributions(doc, _pipeline(), settings)
    typed: dict[int, SpeakerInfo] = {}
    for r in rows:
        for ref in (r, r.via_ref):
            if ref is not None and ref.speaker is not None:
                ref.speaker = typed.setdefault(id(ref.speaker), entity_typed(doc, ref.speaker))
    speakers = {id(s): s for s in typed.values()}
    resolved = resolve_speakers(doc, list(speakers.values()))
    # a noun for a person that our lists typed "unknown" ("il titolare") is a person once resolution reads it so
    persons = {k: replace(s, type="person") for k, s in speakers.items()
               if s.type == "unknown" and resolved[k].how in ("title", "pronoun", "unresolved")}
    for r in rows:
        for ref in (r, r.via_ref):
            if ref is not None and ref.speaker is not None and id(ref.speaker) in persons:
                old = id(ref.speaker)
                ref.speaker = persons[old]
                resolved[id(ref.speaker)] = resolved[old]
    # a name the article never gives in full stays as written unless one longer name in the text ends with it
    mapping = alias_map({res.canonical for res in resolved.values() if res.how == "name" and res.person is None},
                        extra_full_names=document_name_candidates(text))
    canon = {k: mapping.get(res.canonical, res.canonical) if res.how == "name" and res.person is None else res.canonical
             for k, res in resolved.items()}
    how = {k: res.how for k, res in resolved.items()}
    genders = _genders(doc, rows, canon, resolved)
    return _records(text, rows, doc_id, canon, genders, how)


def _genders(doc: Document, rows: list[Attribution], canon: dict[int, str],
             resolved: dict[int, Resolution]) -> dict[int, str | None]:
    """Each row's speaker gender: a resolved person's (the first name's, else what the grammar of every mention
    linked to them agrees on), else the grammar of the row's own mention (:func:`.profile.gender_of`)."""
    own = {id(r): gender_of(doc, r.speaker, canon.get(id(r.speaker)) if r.speaker else None,
                            r.speaker.type if r.speaker else None, r.cue) for r in rows}
    by_person: dict[int, set[str]] = {}
    for r in rows:
        res = resolved.get(id(r.speaker)) if r.speaker is not None else None
        gender = own[id(r)]
        if res is not None and res.person is not None and gender:
            by_person.setdefault(id(res.person), set()).add(gender)
    out: dict[int, str | None] = {}
    for r in rows:
        res = resolved.get(id(r.speaker)) if r.speaker is not None else None
        if res is None or res.person is None:
            out[id(r)] = own[id(r)]
            continue
        seen = by_person.get(id(res.person), set())
        named = res.person.gender if len(res.person.words) >= 2 or res.how != "unresolved" else None
        out[id(r)] = named or (next(iter(seen)) if len(seen) == 1 else None)
    return out




def _runs(doc_ids: pd.Series) -> dict[str, tuple[int, int]]:
    """``{doc_id: (first row, end row)}`` when each document's rows are contiguous, else ``{}``."""
    if not len(doc_ids):
        return {}
    codes, uniques = pd.factorize(doc_ids)
    cuts = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    firsts = np.concatenate(([0], cuts))
    if len(firsts) != len(uniques):  # a document's rows are split: not contiguous
        return {}
    ends = np.concatenate((cuts, [len(codes)]))
    return {str(uniques[c]): (int(a), int(b)) for c, a, b in zip(codes[firsts], firsts, ends)}


def _in_order(df: pd.DataFrame, key: str) -> pd.DataFrame:
    """``df`` with each document's rows together and in ``key`` order (unchanged when they already are)."""
    if len(df) < 2:
        return df
    same = df["doc_id"].to_numpy()[1:] == df["doc_id"].to_numpy()[:-1]
    if bool((np.diff(df[key].to_numpy()) >= 0)[same].all()) and _runs(df["doc_id"]):
        return df
    return df.sort_values(["doc_id", key], kind="stable")


def corpus_document_inputs(corpus: Corpus) -> Iterator[tuple[str, str, list[tuple[int, int, int]], list[Token] | None]]:
    """``(doc_id, text, sentences, tokens)`` for each document of ``corpus``, in order.

    ``sentences`` are the ``(sent_id, start, end)`` rows of ``Corpus.sentences``
    and ``tokens`` the rows of ``Corpus.tokens`` as
    :class:`~analysis.tokenization.Token` (start, end, text, kind): the
    pipeline made both with the splitter and tokenizer that
    :meth:`Document.build` would run, so passing them on skips the work and
    gives the same result. ``tokens`` is None for a document with no token
    rows (or when the table lacks those columns): it is then tokenized again.
    """
    S = _in_order(corpus.sentences, "start")
    s_runs = _runs(S["doc_id"])
    s_rows = list(zip(S["sent_id"].tolist(), S["start"].tolist(), S["end"].tolist()))
    T = corpus.tokens
    t_rows: list[Token] = []
    t_runs: dict[str, tuple[int, int]] = {}
    if {"doc_id", "start", "end", "text", "kind"} <= set(T.columns) and len(T):
        T = _in_order(T, "start")
        t_runs = _runs(T["doc_id"])
        t_rows = list(starmap(Token, zip(T["start"].tolist(), T["end"].tolist(), T["text"].tolist(),
                                         T["kind"].astype(str).tolist())))
    texts = corpus._texts()
    for doc_id in corpus.documents["doc_id"]:
        doc_id = str(doc_id)
        a, b = s_runs.get(doc_id, (0, 0))
        run = t_runs.get(doc_id)
        yield doc_id, texts[doc_id], s_rows[a:b], (t_rows[run[0]:run[1]] if run else None)


def attribution_frame(records: list[dict]) -> pd.DataFrame:
    """The attribution table (columns of :func:`extract_attributions`) from row dicts."""
    return _frame(records)


def extract_attributions(corpus_or_text: Corpus | str, *, settings: AttributionSettings | None = None) -> pd.DataFrame:
    """Who is quoted or reported, by whom, through which channel, with which stance.

    Accepts a :class:`~analysis.Corpus` (rows carry ``doc_id`` and ``sent_id``;
    offsets point into ``Corpus.text(doc_id)``) or a plain string (``doc_id``
    is null; offsets point into the string). One row per attribution:

    ============== ======= ===========================================================
    column         dtype   meaning
    ============== ======= ===========================================================
    attribution_id string  ``"{doc_id}:{n}"`` (``"{n}"`` for a string), stable
    doc_id         string  document id (null for a plain string)
    sent_id        Int64   sentence of the cue (of the content when there is no cue)
    type           string  direct | indirect | mixed | according_to
    speaker        string  the speaker as written (role included when contiguous)
    speaker_start  Int64   offsets of ``speaker``
    speaker_end    Int64
    speaker_canonical string the person or body who speaks, resolved inside the article: the fullest name the
                           article gives for a surname, a title ("il questore"), a generic noun ("la donna")
                           or a pronoun; aliases merged across the corpus ("Vladimir Putin"); an
                           unresolved title keeps its words ("portavoce")
    speaker_resolution string how the speaker was resolved (:mod:`analysis.attribution.resolution`): name |
                           alias (a surname or first name completed) | title | pronoun | entity
                           (organisation, outlet, country) | unresolved (a title or pronoun that links to no
                           one: never counted as a person)
    speaker_type   string  person | government | organization | media | country | anonymous | unknown
                           (our lists first, then the named entity over the speaker: PER, ORG)
    speaker_gender string  female | male, for persons whose name or grammar shows it
                           (:mod:`analysis.attribution.gender`); null otherwise
    role           string  "portavoce del Dipartimento di Stato americano", when stated
    affiliation    string  institution, outlet or country the speaker belongs to
    cue            string  the verb group or phrase ("ha dichiarato", "Secondo")
    cue_lemma      string  "dichiarare", "secondo", …
    cue_start      Int64   offsets of ``cue``
    cue_end        Int64
    content        string  what is said (inside of the quotation marks when direct)
    content_start  Int64   offsets of ``content``
    content_end    Int64
    channel        string  "all'agenzia di stampa TASS", "in una nota", …
    channel_start  Int64   offsets of ``channel``
    channel_end    Int64
    via            string  canonical name of the outer source when sourcing is nested
    stance         string  states | denies | promises | criticizes | warns | confirms | … | reports
    ============== ======= ===========================================================

    Missing values are ``pd.NA``; ``text[start:end]`` gives every span back.
    ``settings`` switches construction readers off by name (for measuring
    what each adds: :mod:`analysis.attribution.readers`).
    """
    if isinstance(corpus_or_text, str):
        return canonicalize_speakers(extract_document_attributions(corpus_or_text, settings=settings))
    if not isinstance(corpus_or_text, Corpus):
        raise ValueError(f"expected a Corpus or a str, got {type(corpus_or_text).__name__}")
    records: list[dict] = []
    for doc_id, text, sentences, tokens in corpus_document_inputs(corpus_or_text):
        records.extend(document_attribution_records(text, doc_id=doc_id, sentences=sentences, tokens=tokens,
                                                    settings=settings))
    if not records:
        return empty_table()
    return canonicalize_speakers(_frame(records))
