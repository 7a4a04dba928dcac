"""Batch analysis of a seeds folder into tables on disk, one partition at a time.

The work is split in two passes so that results never depend on how the seed
files are grouped:

1. **Per-document pass** (:func:`analyze_partition`): a *partition* is a list
   of seed files; each is read with :mod:`analysis.readers`, run through the
   Italian pipeline, and analysed document by document (attribution,
   sentence sentiment, term and n-gram counts). Nothing here looks beyond one
   document, so any grouping of files gives the same rows.
2. **Corpus-level pass** (:class:`CorpusAssembler`): partitions are fed *in
   seed-file order*; document-level tables stream straight to disk, while the
   steps that need the whole corpus run at the end: duplicate flagging
   (``duplicate_of`` is the first document, in file order, with the same
   text), speaker alias merging across documents, and corpus-wide term and
   n-gram totals.

The local engine (:func:`run_local`) runs both passes in one process; the Dask
engine (:mod:`analysis.dask_engine`) runs pass 1 on a cluster and pass 2 on the
client with the same :class:`CorpusAssembler`, so both write identical tables.

Memory: pass 1 holds one partition (about ``target_bytes`` of text, or one
file when a file is larger); pass 2 streams every per-document table and
keeps only the attribution rows (few per article), one hash per document and
the corpus vocabulary counts.

Tables written to ``OUT`` (``NAME.parquet`` or ``NAME.csv``):

``documents``
    the fixed columns of ``Corpus.documents`` (:data:`analysis.corpus.DOCUMENT_COLUMNS`:
    doc_id, path, title, date, …, sha256, duplicate_of, …, warnings), then
    ``metadata`` (str: every other metadata field as a JSON object, so the
    table has one schema whatever the sidecars and records contain).
``paragraphs``, ``sentences``, ``tokens``
    as in :class:`analysis.corpus.Corpus` (``tokens.kind`` written as text).
``rejected``
    path, reason: unreadable files and records, and documents on which one
    analysis step failed (the reason names the step).
``attributions``
    the columns of :func:`analysis.attribution.extract_document_attributions`
    after :func:`analysis.attribution.canonicalize_speakers` over the corpus.
``sentiment``
    the columns of :func:`analysis.sentiment.sentence_sentiment`.
``term_frequencies``
    term, count, per_10k, n_docs, is_proper: as
    ``analysis.keywords.term_frequencies(corpus)`` (lemmas) on the whole corpus.
``ngrams``
    term, count, per_10k, n_docs: as ``analysis.keywords.ngrams(corpus, n=2)``.

A table whose analysis module is not installed is not written; the run
summary says which and why.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import readers
from .boilerplate import BoilerplateSettings
from .corpus import DOCUMENT_COLUMNS, Corpus, RawDocument, build_corpus
from .errors import AnalysisError
from .readers import SeedFile, SeedPlan, plan_seeds

__all__ = [
    "OutputFormat",
    "Partition",
    "PartitionResult",
    "SeedFile",
    "SeedPlan",
    "RunSummary",
    "TABLES",
    "CorpusAssembler",
    "TableWriter",
    "analysis_steps",
    "analyze_documents",
    "analyze_partition",
    "plan_partitions",
    "plan_seeds",
    "read_partition",
    "run_local",
]

OutputFormat = Literal["parquet", "csv"]

#: Every table the batch command can write, in the order of the summary.
TABLES: tuple[str, ...] = (
    "documents", "paragraphs", "sentences", "tokens", "rejected", "boilerplate",
    "attributions", "sentiment", "sentence_assessments", "paragraph_sentiment", "document_sentiment",
    "entity_mentions", "actor_mentions", "names", "term_frequencies", "ngrams",
)

#: Boilerplate for the per-document pass: the settings (keep or leave out) and the
#: lines found over the whole corpus.
BoilerplateChoice = tuple["BoilerplateSettings | None", "pd.DataFrame | None"]

#: A partition's tables, keyed by table name.
PartitionResult = dict[str, pd.DataFrame]

#: Default amount of seed text (bytes on disk) per partition.
DEFAULT_PARTITION_BYTES = 2_000_000


# --------------------------------------------------------------------------
# Seed files and partitions
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Partition:
    """A group of seed files analysed together.

    ``base`` is the folder the relative paths are taken from (the seeds
    folder, or its parent when the seeds path is one file); ``index`` is the
    partition's place in seed-file order.
    """

    index: int
    base: str
    files: tuple[SeedFile, ...]


def plan_partitions(seeds: str | Path | SeedPlan, *, target_bytes: int = DEFAULT_PARTITION_BYTES) -> list[Partition]:
    """Group the seed files, in order, into partitions of about ``target_bytes``.

    A file larger than ``target_bytes`` is a partition of its own. The grouping
    changes speed and memory only, never the tables.
    """
    if isinstance(target_bytes, bool) or not isinstance(target_bytes, int) or target_bytes <= 0:
        raise ValueError(f"target_bytes must be a positive number of bytes, got {target_bytes!r}")
    plan = seeds if isinstance(seeds, SeedPlan) else plan_seeds(seeds)
    partitions: list[Partition] = []
    current: list[SeedFile] = []
    size = 0
    for seed_file in plan.files:
        try:
            n = (plan.base / seed_file.rel).stat().st_size
        except OSError:
            n = 0  # the reader will record why it cannot be read
        if current and size + n > target_bytes:
            partitions.append(Partition(len(partitions), str(plan.base), tuple(current)))
            current, size = [], 0
        current.append(seed_file)
        size += n
    if current:
        partitions.append(Partition(len(partitions), str(plan.base), tuple(current)))
    return partitions


def read_partition(partition: Partition, *, max_bytes: int | None = None) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """Documents and rejections of one partition's files (:func:`analysis.readers.read_file`)."""
    max_bytes = max_bytes or readers.DEFAULT_MAX_BYTES
    docs: list[RawDocument] = []
    rejected: list[tuple[str, str]] = []
    used_ids: set[str] = set()  # a file never spans two partitions, and ids of different files differ
    for seed_file in partition.files:
        file_docs, file_rejected = readers.read_file(partition.base, seed_file, max_bytes=max_bytes, used_ids=used_ids)
        docs.extend(file_docs)
        rejected.extend(file_rejected)
    return docs, rejected


# --------------------------------------------------------------------------
# Analysis steps (other modules), found at run time
# --------------------------------------------------------------------------

@dataclass
class AnalysisSteps:
    """The analysis functions available in this installation.

    ``missing`` maps a table name to the reason it cannot be produced.
    """

    attribution: Callable[..., pd.DataFrame] | None = None
    #: (records function, frame function): one DataFrame per partition instead of per document
    attribution_records: tuple[Callable[..., list[dict]], Callable[[list[dict]], pd.DataFrame]] | None = None
    canonicalize: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    sentiment: Callable[[Corpus], pd.DataFrame] | None = None
    #: the other per-document sentiment tables, by table name (:data:`SENTIMENT_TABLES`)
    sentiment_tables: dict[str, Callable[[Corpus], pd.DataFrame]] = field(default_factory=dict)
    terms: Any = None  # analysis.keywords.terms
    phrases: Any = None  # analysis.keywords.phrases
    missing: dict[str, str] = field(default_factory=dict)


def _find(module: str, names: Sequence[str]) -> tuple[list[Any], str | None]:
    import importlib

    try:
        mod = importlib.import_module(f"analysis.{module}")
    except ImportError as exc:
        return [], f"analysis.{module} is not available ({exc})"
    found = [mod if n == "" else getattr(mod, n, None) for n in names]
    absent = [n for n, f in zip(names, found) if f is None]
    if absent:
        return [], f"analysis.{module} has no {', '.join(absent)}"
    return found, None


def analysis_steps(*, actor_entities: bool = False) -> AnalysisSteps:
    """Look up the attribution, sentiment and keyword functions.

    ``actor_entities``: the ``actor_mentions`` table counts the people and
    organisations the Italian model recognises too, not only the entities of
    the alias list (it then parses nearly every sentence, with the entity
    recogniser: about twice the time of everything else together).
    """
    steps = AnalysisSteps()
    found, why = _find("attribution", ["extract_document_attributions", "canonicalize_speakers"])
    if why:
        steps.missing["attributions"] = why
    else:
        steps.attribution, steps.canonicalize = found
        fast, _ = _find("attribution.extract", ["document_attribution_records", "attribution_frame"])
        if fast:
            steps.attribution_records = (fast[0], fast[1])
    found, why = _find("sentiment", ["sentence_sentiment"])
    if why:
        steps.missing["sentiment"] = why
    else:
        (steps.sentiment,) = found
    for table, function in SENTIMENT_TABLES.items():
        found, why = _find("sentiment", [function])
        if why:
            steps.missing[table] = why
        elif table == "actor_mentions":
            steps.sentiment_tables[table] = partial(found[0], model_entities=actor_entities)
        else:
            steps.sentiment_tables[table] = found[0]
    # Corpus totals are summed from per-document raw counts, so the batch uses
    # the keyword package's building blocks rather than its corpus functions
    # (whose case merging looks at the whole corpus at once).
    found, why = _find("keywords.terms", ["", "content_mask", "token_labels", "running_word_mask",
                                          "merge_case_variants", "term_key"])
    if why:
        steps.missing["term_frequencies"] = why
    else:
        steps.terms = found[0]
    found, why = _find("keywords.phrases", ["", "_iter_ngrams", "_check_n"])
    if why or steps.terms is None:
        steps.missing["ngrams"] = why or steps.missing["term_frequencies"]
    else:
        steps.phrases = found[0]
    return steps


#: The per-document sentiment tables beside ``sentiment`` (one row per
#: sentence): table name -> function of :mod:`analysis.sentiment` (each takes a
#: Corpus and looks at one document at a time).
SENTIMENT_TABLES: dict[str, str] = {
    "sentence_assessments": "sentence_assessments",
    "paragraph_sentiment": "paragraph_sentiment",
    "document_sentiment": "document_sentiment",
    "entity_mentions": "entity_mentions",
    "actor_mentions": "actor_mentions",
}

#: Term unit of the ``term_frequencies`` table and size and unit of ``ngrams``
#: (the defaults of analysis.keywords.term_frequencies and ngrams).
TERM_UNIT = "lemma"
NGRAM_N = 2
NGRAM_UNIT = "form"


# --------------------------------------------------------------------------
# Pass 1: per-document analysis
# --------------------------------------------------------------------------

def _rejected_frame(rows: Iterable[tuple[str, str]]) -> pd.DataFrame:
    rows = list(rows)
    return pd.DataFrame({
        "path": pd.Series([r[0] for r in rows], dtype="string"),
        "reason": pd.Series([r[1] for r in rows], dtype="string"),
    })


def _hashes(text: str) -> tuple[str, str]:
    """Exact and whitespace-insensitive text hashes, as :mod:`analysis.corpus` computes them."""
    exact = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    loose = hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()
    return exact, loose


def _without_repeats(docs: Sequence[RawDocument]) -> list[list[RawDocument]]:
    """Split ``docs`` (order kept) into runs with no repeated text inside a run.

    ``build_corpus`` flags a repeated text against the first copy *it* has
    seen; in the batch that decision is the corpus's (:class:`CorpusAssembler`),
    so the per-document pass must never see two copies together.
    """
    runs: list[list[RawDocument]] = [[]]
    seen: set[str] = set()
    for doc in docs:
        exact, loose = _hashes(doc.text)
        if exact in seen or loose in seen:
            runs.append([])
            seen = set()
        runs[-1].append(doc)
        seen.update((exact, loose))
    return [r for r in runs if r]


def _build(docs: Sequence[RawDocument], boilerplate: BoilerplateChoice | None = None) -> Corpus:
    runs = _without_repeats(docs)
    settings, spans = boilerplate if boilerplate is not None else (None, None)
    build = lambda r: build_corpus(r, boilerplate=settings, boilerplate_spans=spans)  # noqa: E731
    if len(runs) <= 1:
        return build(runs[0] if runs else [])
    parts = [build(r) for r in runs]
    cat = lambda name: pd.concat([getattr(c, name) for c in parts], ignore_index=True)  # noqa: E731
    return Corpus(cat("documents"), cat("paragraphs"), cat("sentences"), cat("tokens"), cat("rejected"),
                  boilerplate=cat("boilerplate"))


def _documents_table(documents: pd.DataFrame, docs: Sequence[RawDocument]) -> pd.DataFrame:
    """Fixed documents columns plus extra metadata as one JSON column.

    Two hidden columns (dropped before writing) let the corpus pass set
    ``duplicate_of`` and its warning: ``_loose_sha256`` and ``_head_len`` (how
    many characters of ``warnings`` come from the reader, before the
    duplicate warning's place).
    """
    fixed = [c for c in DOCUMENT_COLUMNS if c in documents.columns]
    extra = [c for c in documents.columns if c not in DOCUMENT_COLUMNS]
    out = documents[fixed].copy()
    if extra:
        records = documents[extra].to_dict("records")
        out["metadata"] = pd.Series(
            [json.dumps({k: v for k, v in r.items() if not _is_missing(v)}, ensure_ascii=False, sort_keys=True, default=str)
             for r in records],
            dtype="string", index=out.index,
        )
    else:
        out["metadata"] = pd.Series(["{}"] * len(out), dtype="string", index=out.index)
    by_id = {d.doc_id: d for d in docs}
    out["_loose_sha256"] = [_hashes(t)[1] for t in out["text"]]
    out["_head_len"] = [len("; ".join(getattr(by_id[d], "warnings", None) or [])) for d in out["doc_id"]]
    return out.reset_index(drop=True)


def _is_missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False  # lists, dicts


def _per_document(
    corpus: Corpus, step: str, fn: Callable[[str], pd.DataFrame], failures: list[tuple[str, str]],
) -> pd.DataFrame:
    frames = []
    paths = dict(zip(corpus.documents["doc_id"], corpus.documents["path"]))
    for doc_id in corpus.documents["doc_id"]:
        try:
            frames.append(fn(doc_id))
        except Exception as exc:  # one bad document must not stop a corpus run
            failures.append((paths.get(doc_id) or doc_id, f"{doc_id}: {step} failed ({type(exc).__name__}: {exc})"))
    frames = [f for f in frames if f is not None and len(f.columns)]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)


def _sub_corpus(corpus: Corpus, doc_id: str) -> Corpus:
    pick = lambda df: df[df["doc_id"] == doc_id].reset_index(drop=True)  # noqa: E731
    return Corpus(pick(corpus.documents), pick(corpus.paragraphs), pick(corpus.sentences), pick(corpus.tokens),
                  corpus.rejected.iloc[0:0], corpus.root)


def _corpus_step(
    corpus: Corpus, step: str, fn: Callable[[Corpus], pd.DataFrame], failures: list[tuple[str, str]],
) -> pd.DataFrame:
    """Run a corpus-taking function; on error, retry document by document to isolate it."""
    try:
        return fn(corpus).reset_index(drop=True)
    except Exception:  # find which document breaks it; the others still count
        return _per_document(corpus, step, lambda d: fn(_sub_corpus(corpus, d)), failures)


def _parse_store() -> Any:
    """A :class:`~analysis.syntax.parses.ParseStore` over the Italian model, or None without the model."""
    try:
        from .syntax import load_nlp
        from .syntax.parses import ParseStore

        return ParseStore(load_nlp())
    except (ImportError, OSError):  # FileNotFoundError included: each analysis then says so itself
        return None


def _sharing(function: Callable[..., pd.DataFrame], parses: Any) -> Callable[[Corpus], pd.DataFrame]:
    """``function`` given the shared parses when it reads them (a ``parses=`` keyword)."""
    import inspect

    if parses is None:
        return function
    try:
        accepts = "parses" in inspect.signature(function).parameters
    except (TypeError, ValueError):
        accepts = False
    return partial(function, parses=parses) if accepts else function


def analyze_documents(
    docs: Sequence[RawDocument], *, rejected: Iterable[tuple[str, str]] = (), steps: AnalysisSteps | None = None,
    boilerplate: BoilerplateChoice | None = None,
) -> PartitionResult:
    """The per-document analysis of ``docs``: every table, before corpus-level steps.

    Each row depends on its own document only (``duplicate_of`` is left empty
    and speakers are not yet merged across documents: :class:`CorpusAssembler`
    does both), so splitting ``docs`` differently gives the same rows.
    ``boilerplate`` is ``(settings, spans)``: the lines of scraping residue
    found over the whole corpus (:func:`analysis.boilerplate.find_boilerplate`)
    and whether to keep them; None looks for none.
    Returns a dict ``{table name: DataFrame}`` with the tables of :data:`TABLES`
    that this installation can produce per document, and ``_failed`` (documents an
    analysis step failed on) and ``_stats`` (n_words, n_running_words).
    """
    steps = steps or analysis_steps()
    corpus = _build(docs, boilerplate)
    failures: list[tuple[str, str]] = list(zip(corpus.rejected["path"], corpus.rejected["reason"]))
    out: PartitionResult = {
        "documents": _documents_table(corpus.documents, docs),
        "paragraphs": corpus.paragraphs,
        "sentences": corpus.sentences,
        "tokens": corpus.tokens,
        "boilerplate": corpus.boilerplate,
    }
    if steps.attribution is not None:
        from .attribution.extract import corpus_document_inputs

        # the pipeline's own sentences and tokens: attribution does not tokenize again
        inputs = {d: (text, sents, toks) for d, text, sents, toks in corpus_document_inputs(corpus)}
        if steps.attribution_records is not None:
            records_of, frame = steps.attribution_records
            records: list[dict] = []
            _per_document(corpus, "attribution",
                          lambda d: records.extend(records_of(inputs[d][0], doc_id=d, sentences=inputs[d][1],
                                                              tokens=inputs[d][2])),
                          failures)
            out["attributions"] = frame(records)
        else:
            attribution = steps.attribution
            out["attributions"] = _per_document(
                corpus, "attribution",
                lambda d: attribution(inputs[d][0], doc_id=d, sentences=inputs[d][1], tokens=inputs[d][2]),
                failures,
            )
    parses = _parse_store()  # one parse per sentence for the sentiment tables of these documents
    if steps.sentiment is not None:
        out["sentiment"] = _corpus_step(corpus, "sentiment", _sharing(steps.sentiment, parses), failures)
    for table, function in steps.sentiment_tables.items():
        out[table] = _corpus_step(corpus, table.replace("_", " "), _sharing(function, parses), failures)
    out["rejected"] = _rejected_frame(rejected)
    out["_failed"] = _rejected_frame(failures)
    tokens = corpus.tokens
    out["_stats"] = pd.DataFrame({
        "n_words": [int((~tokens["is_punct"]).sum()) if len(tokens) else 0],
        "n_running_words": [int(steps.terms.running_word_mask(tokens).sum()) if steps.terms is not None and len(tokens) else 0],
    })
    return out


def analyze_partition(partition: Partition, *, steps: AnalysisSteps | None = None) -> PartitionResult:
    """Read one partition's files and run :func:`analyze_documents` on them."""
    docs, rejected = read_partition(partition)
    return analyze_documents(docs, rejected=rejected, steps=steps)


# --------------------------------------------------------------------------
# Writing tables in chunks
# --------------------------------------------------------------------------

def _arrow_type(t: pa.DataType) -> pa.DataType:
    """One stable Arrow type per column whatever the chunk: text as string, times in µs."""
    if pa.types.is_dictionary(t):
        return _arrow_type(t.value_type)
    if pa.types.is_large_string(t) or pa.types.is_null(t):
        return pa.string()
    if pa.types.is_timestamp(t):
        return pa.timestamp("us", tz=t.tz)
    return t


def to_arrow(df: pd.DataFrame | pa.Table) -> pa.Table:
    """``df`` as an Arrow table with normalised types and no pandas metadata."""
    table = df if isinstance(df, pa.Table) else pa.Table.from_pandas(df, preserve_index=False)
    table = table.replace_schema_metadata(None)
    schema = pa.schema([pa.field(f.name, _arrow_type(f.type)) for f in table.schema])
    return table.cast(schema)


class TableWriter:
    """Appends DataFrames to ``OUT/NAME.parquet`` (one row group each) or ``OUT/NAME.csv``.

    The first non-empty chunk fixes a table's columns; later chunks must have
    the same columns. Memory holds one chunk at a time.
    """

    def __init__(self, out_dir: str | Path, *, fmt: OutputFormat = "parquet") -> None:
        if fmt not in ("parquet", "csv"):
            raise ValueError(f"format must be 'parquet' or 'csv', got {fmt!r}")
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.rows: dict[str, int] = {}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._schemas: dict[str, pa.Schema] = {}
        self._empty: dict[str, pd.DataFrame] = {}

    def path(self, name: str) -> Path:
        return self.out_dir / f"{name}.{self.fmt}"

    def write(self, name: str, df: pd.DataFrame | pa.Table) -> None:
        """Append ``df`` (a DataFrame or an Arrow table) to table ``name``."""
        if len(df) == 0:
            self.rows.setdefault(name, 0)
            if isinstance(df, pa.Table):
                df = df.to_pandas()
            if len(df.columns) and name not in self._empty:
                self._empty[name] = df
            return
        table = to_arrow(df)
        schema = self._schemas.get(name)
        if schema is None:
            self._schemas[name] = schema = table.schema
        elif table.schema != schema:
            if table.schema.names != schema.names:
                raise AnalysisError(f"table {name}: columns changed between chunks: {schema.names} then {table.schema.names}")
            table = table.cast(schema)
        if self.fmt == "parquet":
            writer = self._parquet.get(name)
            if writer is None:
                writer = self._parquet[name] = pq.ParquetWriter(self.path(name), schema, compression="zstd")
            writer.write_table(table)
        else:
            first = self.rows.get(name, 0) == 0 and not self.path(name).exists()
            with open(self.path(name), "w" if first else "a", encoding="utf-8", newline="") as fh:
                table.to_pandas().to_csv(fh, header=first, index=False)
        self.rows[name] = self.rows.get(name, 0) + len(df)

    def close(self) -> dict[str, Path]:
        """Finish every file (empty tables get a header-only file); return their paths."""
        for writer in self._parquet.values():
            writer.close()
        self._parquet.clear()
        for name in self.rows:
            if name in self._schemas or self.path(name).exists():
                continue
            df = self._empty.get(name, pd.DataFrame())
            if self.fmt == "parquet":
                pq.write_table(to_arrow(df), self.path(name))
            else:
                df.to_csv(self.path(name), index=False)
        return {name: self.path(name) for name in self.rows}


# --------------------------------------------------------------------------
# Pass 2: corpus-level steps, in seed-file order
# --------------------------------------------------------------------------

_PROBE_FIRST = "\u2063first\u2063"


@lru_cache(maxsize=1)
def _duplicate_notes() -> tuple[str | None, str | None]:
    """The warning :func:`analysis.corpus.build_corpus` gives an exact and a whitespace duplicate.

    Asked of build_corpus itself on two tiny texts (None when it gives no
    warning), so the batch writes what load_corpus would, in its words.
    """
    notes = []
    for second in ("Uno due tre.", "Uno  due tre."):
        docs = build_corpus([RawDocument(_PROBE_FIRST, "", "Uno due tre."), RawDocument("second", "", second)]).documents
        old = docs["warnings"].iloc[0] if "warnings" in docs.columns else None
        new = docs["warnings"].iloc[1] if "warnings" in docs.columns else None
        new = None if _is_missing(new) else str(new)
        old = "" if _is_missing(old) else str(old)
        notes.append(new.replace(old, "", 1).strip("; ") or None if new and _PROBE_FIRST in new else None)
    return notes[0], notes[1]


@dataclass
class RunSummary:
    """What a batch run did: counts, skipped tables, files written, time."""

    engine: str
    n_partitions: int = 0
    n_documents: int = 0
    n_duplicates: int = 0
    n_rejected: int = 0
    n_failed: int = 0
    n_sentences: int = 0
    n_tokens: int = 0
    n_words: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def format(self) -> str:
        """A short human-readable report."""
        wps = self.n_words / self.seconds if self.seconds else 0.0
        lines = [
            f"engine {self.engine}: {self.n_partitions} partitions, {self.seconds:.1f} s, {wps:,.0f} words/s",
            f"documents {self.n_documents:,} ({self.n_duplicates:,} duplicates), rejected {self.n_rejected:,}, "
            f"sentences {self.n_sentences:,}, tokens {self.n_tokens:,}, words {self.n_words:,}",
        ]
        if self.n_failed:
            lines.append(f"WARNING: an analysis step failed {self.n_failed:,} times; the reasons are in the "
                         "rejected table")
        for name in TABLES:
            if name in self.files:
                lines.append(f"  {name:<17} {self.rows.get(name, 0):>12,} rows  {self.files[name]}")
        for name, why in self.skipped.items():
            lines.append(f"  {name:<17} not written: {why}")
        return "\n".join(lines)


class CorpusAssembler:
    """Pass 2: takes partition results in seed-file order and writes the tables.

    Streams documents, paragraphs, sentences, tokens, sentiment and rejected
    rows as they come (setting ``duplicate_of`` from a running map of text
    hashes, which in file order gives the same answer as a global pass);
    keeps attribution rows and count tables until :meth:`close`, which merges
    speaker aliases over the whole corpus and sums counts.
    """

    STREAMED = ("documents", "paragraphs", "sentences", "tokens", "boilerplate", "sentiment",
                *SENTIMENT_TABLES)

    def __init__(self, out_dir: str | Path, *, fmt: OutputFormat = "parquet", steps: AnalysisSteps | None = None,
                 engine: str = "local") -> None:
        self.writer = TableWriter(out_dir, fmt=fmt)
        self.steps = steps or analysis_steps()
        self.summary = RunSummary(engine=engine, skipped=dict(self.steps.missing))
        self._first_by_hash: dict[bytes, str] = {}
        self._seen_ids: set[str] = set()
        self._attributions: list[pd.DataFrame] = []
        self._rejected: list[pd.DataFrame] = []
        self._failed: list[pd.DataFrame] = []
        self._first_by_loose_hash: dict[bytes, str] = {}
        self._n_running_words = 0
        self._started = time.perf_counter()

    def add(self, result: Mapping[str, pd.DataFrame]) -> None:
        """Add one partition's tables (partitions must come in index order)."""
        s = self.summary
        s.n_partitions += 1
        docs = result["documents"]
        if len(docs):
            docs = self._flag_duplicates(docs)
        s.n_documents += len(docs)
        s.n_sentences += len(result["sentences"])
        tokens = result["tokens"]
        s.n_tokens += len(tokens)
        stats = result["_stats"]
        s.n_words += int(stats["n_words"].sum())
        self._n_running_words += int(stats["n_running_words"].sum())
        self.add_rejected(result["rejected"])
        if "_failed" in result and len(result["_failed"]):
            self._failed.append(result["_failed"])
            s.n_rejected += len(result["_failed"])
            s.n_failed += int(result["_failed"]["reason"].str.contains(" failed (", regex=False).sum())
        for name in self.STREAMED:
            if name == "documents":
                self.writer.write(name, docs)
            elif name in result:
                self.writer.write(name, result[name])
        if "attributions" in result and result["attributions"].shape[1]:
            self._attributions.append(result["attributions"])

    def _flag_duplicates(self, docs: pd.DataFrame) -> pd.DataFrame:
        """``duplicate_of`` and its warning, from running maps of hashes (file order = corpus order)."""
        dup_ids = [d for d in docs["doc_id"] if d in self._seen_ids]
        if dup_ids:
            raise AnalysisError(f"doc_id {dup_ids[0]!r} is given to two documents; the seeds folder has two "
                                "files or records with the same name")
        self._seen_ids.update(docs["doc_id"])
        duplicate_of: list[str | None] = []
        warnings: list[str | None] = []
        has_warnings = "warnings" in docs.columns
        old_warnings = docs["warnings"] if has_warnings else [None] * len(docs)
        for doc_id, exact, loose, head, old in zip(docs["doc_id"], docs["sha256"], docs["_loose_sha256"],
                                                   docs["_head_len"], old_warnings):
            # the same rule (and warning, if any) as analysis.corpus
            exact, loose = bytes.fromhex(exact), bytes.fromhex(loose)  # half the memory of hex text
            dup = self._first_by_hash.get(exact)
            note = None
            if dup is not None:
                note = _duplicate_notes()[0]
            elif (dup := self._first_by_loose_hash.get(loose)) is not None:
                note = _duplicate_notes()[1]
            if note is not None and dup is not None:  # a note comes with the first copy's doc_id
                note = note.replace(_PROBE_FIRST, dup)
            self._first_by_hash.setdefault(exact, doc_id)
            self._first_by_loose_hash.setdefault(loose, doc_id)
            duplicate_of.append(dup)
            if note is not None:
                old = "" if _is_missing(old) else str(old)
                parts = [old[:head], note, old[head:].removeprefix("; ")]
                warnings.append("; ".join(p for p in parts if p))
            else:
                warnings.append(None if _is_missing(old) else old)
        docs = docs.drop(columns=["_loose_sha256", "_head_len"])
        docs["duplicate_of"] = pd.Series(duplicate_of, dtype="string", index=docs.index)
        if has_warnings:
            docs["warnings"] = pd.Series(warnings, dtype="string", index=docs.index)
        self.summary.n_duplicates += sum(d is not None for d in duplicate_of)
        return docs

    def add_rejected(self, rows: pd.DataFrame | Iterable[tuple[str, str]]) -> None:
        """Rows for the ``rejected`` table (written at the end, sorted by path as the loader does)."""
        df = rows if isinstance(rows, pd.DataFrame) else _rejected_frame(rows)
        if len(df):
            self._rejected.append(df)
            self.summary.n_rejected += len(df)

    def close(self) -> RunSummary:
        """Run the corpus-level steps, close every file and return the summary."""
        rejected = pd.concat(self._rejected, ignore_index=True) if self._rejected else _rejected_frame([])
        rejected = rejected.sort_values("path", kind="stable").reset_index(drop=True) if len(rejected) else rejected
        # as load_corpus: reader rejections sorted by path, then documents the analysis could not process
        if self._failed:
            rejected = pd.concat([rejected, *self._failed], ignore_index=True)
        self.writer.write("rejected", rejected)
        if self.steps.attribution is not None:
            frames = [f for f in self._attributions if len(f)] or self._attributions[:1]
            if frames:
                attributions = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
                if len(attributions) and self.steps.canonicalize is not None:
                    attributions = self.steps.canonicalize(attributions)
                self.writer.write("attributions", attributions.reset_index(drop=True))
            else:
                self.writer.write("attributions", pd.DataFrame())
        self.summary.files = self.writer.close()
        self.summary.rows = dict(self.writer.rows)
        self.summary.seconds = time.perf_counter() - self._started
        return self.summary


# --------------------------------------------------------------------------
# The local engine
# --------------------------------------------------------------------------

def _progress(total: int, *, enabled: bool, unit: str = "partition"):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit=unit, disable=not enabled, dynamic_ncols=True)


def run_local(
    seeds: str | Path, out_dir: str | Path, *, fmt: OutputFormat = "parquet",
    target_bytes: int = DEFAULT_PARTITION_BYTES, progress: bool = True, workers: int = 1,
) -> RunSummary:
    """Analyse ``seeds`` on this machine into ``out_dir``, through the results cache.

    The tables are those of :func:`analysis.results.load_results` (computed
    once, cached in ``out_dir/.cache/analysis``, read again when nothing
    changed), copied to ``out_dir`` as parquet or written as csv.
    ``target_bytes`` is the seed text analysed at once and ``workers`` the
    processes that analyse it side by side (speed and memory, never results).
    """
    from .results import ResultSettings, compute_results, export_tables

    started = time.perf_counter()
    results = compute_results(seeds, out_dir, settings=ResultSettings(chunk_bytes=target_bytes, workers=workers),
                              progress=progress)
    return export_tables(results, out_dir, fmt=fmt, engine="local", seconds=time.perf_counter() - started)


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
