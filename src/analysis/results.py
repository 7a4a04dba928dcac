"""The analysis of a corpus, computed once and read by every notebook, the explorers and the batch command.

:func:`load_results` gives a :class:`CorpusResults`: the corpus tables
(documents, paragraphs, sentences, tokens, rejected, boilerplate: a
:class:`~analysis.corpus.Corpus`, so every function that takes a corpus keeps
working) and the analysis tables (attributions, sentence sentiment and the
other sentiment tables, name mentions, term and n-gram totals), the tables
``python -m analysis run`` writes (:data:`analysis.batch.TABLES`).

They are computed through the batch machinery (:mod:`analysis.batch`: the
per-document pass, then :class:`~analysis.batch.CorpusAssembler` for the
corpus-level steps) and cached on disk beside the output, in
``OUT/.cache/analysis/``:

``files/<key>/``
    one seed file's per-document tables, in chunks of about
    :attr:`ResultSettings.chunk_bytes` of text. The key hashes the file's
    bytes (and its metadata sidecar's), its place in the folder (path and
    doc_id), the boilerplate lines found in its documents, the code
    (:func:`code_key`: the package's source and data files), the Italian
    model (:func:`model_key`) and the settings that change results
    (:meth:`ResultSettings.key`).
``corpus/<key>/``
    the corpus tables, assembled from the files' tables in seed-file order
    (duplicates, speaker aliases merged across documents, name mentions, term
    and n-gram totals), and ``derived/``: tables computed from them on demand
    (:meth:`CorpusResults.derived`). The key hashes every file key and the
    folder's rejected entries, so a run with nothing changed reads this
    folder and nothing else.

What is redone when something changes: a changed, added or removed seed file
has its own tables computed again; the others are read from ``files/``
unless the change moved the boilerplate lines of their outlet (then their
key changes too); the corpus-level pass is always re-assembled from the
files' tables (cheap next to the per-document pass). A change to the code,
the model or the settings changes every key: everything is computed again.

Every entry is written to a temporary folder and renamed into place when it
is complete, with a manifest of its tables and row counts; an entry whose
manifest is missing, or whose files do not match it, is removed and
computed again, never read.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import batch, readers
from .batch import (
    DEFAULT_PARTITION_BYTES,
    TABLES,
    AnalysisSteps,
    CorpusAssembler,
    RunSummary,
    analyze_documents,
    to_arrow,
)
from .boilerplate import BoilerplateSettings, empty_boilerplate, find_boilerplate
from .corpus import DEFAULT_BOILERPLATE, Corpus, RawDocument, raw_frame
from .errors import AnalysisError
from .paths import DATA_DIR
from .readers import SeedFile, SeedPlan, plan_seeds

__all__ = [
    "CACHE_FOLDER", "CorpusResults", "ResultSettings", "ResultCache", "code_key", "model_key",
    "compute_results", "load_results", "export_tables",
]

#: Where the cache lives inside an output folder.
CACHE_FOLDER = Path(".cache") / "analysis"
#: Written last into a complete cache entry: its tables and row counts.
MANIFEST = "manifest.json"
#: Corpus entries kept (the most recently used); older ones, and the files only they used, are removed.
KEEP_CORPORA = 3
_LABELS = pd.CategoricalDtype(["negative", "neutral", "positive"])
#: Columns written as text that the analyses give as categories.
_CATEGORIES: dict[str, dict[str, Any]] = {
    "tokens": {"kind": "category"},
    "sentiment": {"label": _LABELS},
    "paragraph_sentiment": {"label": _LABELS},
    "document_sentiment": {"label": _LABELS},
    "entity_mentions": {"label": _LABELS},
    "actor_mentions": {"target_label": _LABELS, "sentence_label": _LABELS},
}
_INTEGER_NA = {"document_sentiment": ("most_negative_sent_id", "most_positive_sent_id")}


@dataclass(frozen=True)
class ResultSettings:
    """How a corpus is analysed: what changes the results, and how much text is analysed at once.

    ``boilerplate``: the lines of scraping residue to find and leave out (as
    :func:`analysis.load_corpus`; None: none looked for); ``max_bytes``: the
    largest one-document file or record read (:data:`analysis.readers.DEFAULT_MAX_BYTES`);
    ``actor_entities``: the ``actor_mentions`` table counts the people and
    organisations the Italian model recognises, not only the entities of the
    alias list (``data/sentiment/entity_aliases.tsv``); it then parses nearly
    every sentence with the entity recogniser, which doubles the time of the
    whole analysis, so it is off by default;
    ``chunk_bytes``: seed text analysed together, and ``workers``: processes
    that analyse chunks side by side (speed and memory only, never the
    results, so neither is part of the cache key; ``make report`` and the
    batch command use one worker per core).
    """

    boilerplate: BoilerplateSettings | None = DEFAULT_BOILERPLATE
    max_bytes: int = readers.DEFAULT_MAX_BYTES
    actor_entities: bool = False
    chunk_bytes: int = DEFAULT_PARTITION_BYTES
    workers: int = 1

    def __post_init__(self) -> None:
        for name in ("max_bytes", "chunk_bytes", "workers"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"ResultSettings.{name} must be a positive whole number, got {value!r}")

    def key(self) -> dict[str, Any]:
        """The settings that change the tables, as plain data for the cache key."""
        b = self.boilerplate
        boilerplate = None if b is None else {
            "min_documents": b.min_documents, "min_share": b.min_share, "min_chars": b.min_chars,
            "max_chars": b.max_chars, "prefixes": None if b.prefixes is None else list(b.prefixes), "keep": b.keep}
        return {"boilerplate": boilerplate, "max_bytes": self.max_bytes, "actor_entities": self.actor_entities}


# --------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------

_PACKAGE = Path(__file__).resolve().parent
_SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


@lru_cache(maxsize=1)
def code_key() -> str:
    """SHA-256 of the package's source and data files (the model apart: :func:`model_key`).

    Any edit to a ``.py`` file or a word list changes it. About 2 MB are read,
    once per process.
    """
    digest = hashlib.sha256()
    model = DATA_DIR / "model"
    for path in sorted(_PACKAGE.rglob("*")):
        if not path.is_file() or _SKIPPED_PARTS & set(path.parts) or path.suffix in (".pyc", ".pyo"):
            continue
        if path.is_relative_to(model):
            continue
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def model_key() -> str:
    """SHA-256 of the Italian model's ``meta.json`` and ``config.cfg``, and the name and size of its files.

    ``make model`` writes a new ``meta.json`` (training inputs, scores), so a
    retrained model changes the key; "no model" is a key of its own.
    """
    digest = hashlib.sha256()
    model = DATA_DIR / "model"
    if not model.is_dir():
        return "no-model"
    for path in sorted(model.rglob("*")):
        if not path.is_file():
            continue
        digest.update(f"{path.relative_to(model).as_posix()}\0{path.stat().st_size}\0".encode())
        if path.name in ("meta.json", "config.cfg"):
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:  # the reader records why; the key only has to differ
        return f"unreadable:{type(exc).__name__}"
    return digest.hexdigest()


def _key(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _spans_digest(spans: pd.DataFrame) -> str:
    if spans is None or spans.empty:
        return ""
    rows = spans[["doc_id", "start", "end", "n_documents", "share", "reason"]].astype(str).agg("\t".join, axis=1)
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------
# The cache on disk
# --------------------------------------------------------------------------

class ResultCache:
    """Cache entries under ``root`` (``OUT/.cache/analysis``): ``files/<key>`` and ``corpus/<key>``.

    An entry is a folder of parquet tables and a :data:`MANIFEST` written
    last; :meth:`valid` checks the manifest against the files, and
    :meth:`write` fills a temporary folder and renames it into place.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def entry(self, kind: str, key: str) -> Path:
        return self.root / kind / key

    @staticmethod
    def manifest(entry: Path) -> dict[str, Any] | None:
        try:
            return json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def valid(self, entry: Path) -> bool:
        """Whether ``entry`` is complete: its manifest reads, and every table it lists has its rows."""
        manifest = self.manifest(entry)
        if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
            return False
        try:
            for rel, rows in manifest["tables"].items():
                if pq.read_metadata(entry / rel).num_rows != rows:
                    return False
        except (OSError, pa.ArrowException, ValueError):
            return False
        return True

    def usable(self, entry: Path) -> bool:
        """:meth:`valid`; an entry that exists but is not is removed (it will be computed again)."""
        if self.valid(entry):
            return True
        if entry.exists():
            shutil.rmtree(entry, ignore_errors=True)
        return False

    def write(self, kind: str, key: str, fill: Callable[[Path], dict[str, Any]]) -> Path:
        """Make entry ``kind/key``: ``fill(folder)`` writes its tables and returns extra manifest fields."""
        final = self.entry(kind, key)
        tmp = self.root / kind / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir(parents=True, exist_ok=False)
        try:
            extra = fill(tmp) or {}
            tables = {p.relative_to(tmp).as_posix(): pq.read_metadata(p).num_rows for p in sorted(tmp.rglob("*.parquet"))}
            (tmp / MANIFEST).write_text(json.dumps({"key": key, "tables": tables, **extra}, indent=1, default=str),
                                        encoding="utf-8")
            if final.exists():
                shutil.rmtree(final, ignore_errors=True)
            os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return final

    def touch(self, entry: Path) -> None:
        try:
            os.utime(entry / MANIFEST)
        except OSError:
            pass

    def prune(self, keep: int = KEEP_CORPORA) -> None:
        """Keep the ``keep`` most recently used corpus entries and the file entries they use; remove the rest."""
        corpus_dir, files_dir = self.root / "corpus", self.root / "files"
        if not corpus_dir.is_dir():
            return
        entries = sorted((p for p in corpus_dir.iterdir() if p.is_dir() and not p.name.startswith(".tmp-")),
                         key=lambda p: (p / MANIFEST).stat().st_mtime if (p / MANIFEST).exists() else 0, reverse=True)
        used: set[str] = set()
        for old in entries[keep:]:
            shutil.rmtree(old, ignore_errors=True)
        for entry in entries[:keep]:
            used.update((self.manifest(entry) or {}).get("file_keys", []))
        if files_dir.is_dir():
            for entry in files_dir.iterdir():
                if entry.is_dir() and not entry.name.startswith(".tmp-") and entry.name not in used:
                    shutil.rmtree(entry, ignore_errors=True)


# --------------------------------------------------------------------------
# Tables on disk and back
# --------------------------------------------------------------------------

def _write(folder: Path, name: str, df: pd.DataFrame) -> None:
    pq.write_table(to_arrow(df) if len(df.columns) else pa.table({}), folder / f"{name}.parquet", compression="zstd")


_TEXT_TYPES = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}


def _read(path: Path) -> pd.DataFrame:
    """A parquet table as pandas, text as the ``string`` dtype (as the analysis functions give it)."""
    return pq.read_table(path).to_pandas(types_mapper=_TEXT_TYPES.get)


def _typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A table read back from parquet with the dtypes the analysis functions give it."""
    for col, dtype in _CATEGORIES.get(name, {}).items():
        if col in df.columns:
            df[col] = df[col].astype(dtype)
    for col in _INTEGER_NA.get(name, ()):
        if col in df.columns:
            df[col] = df[col].astype("Int64")
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col].dtype):
            df[col] = df[col].astype("datetime64[ns]")
    return df


def _documents(df: pd.DataFrame) -> pd.DataFrame:
    """The batch ``documents`` table as ``Corpus.documents``: the metadata JSON back into columns."""
    if "metadata" not in df.columns:
        return df
    meta = [json.loads(m) if isinstance(m, str) and m else {} for m in df.pop("metadata")]
    extra = pd.DataFrame(meta, index=df.index)
    extra = extra[[c for c in extra.columns if c not in df.columns]]
    for col in extra.columns:
        values = extra[col].dropna()
        if len(values) and all(isinstance(v, str) for v in values):
            extra[col] = extra[col].astype("string")
    df = pd.concat([df, extra], axis=1) if len(extra.columns) else df
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    for col in ("n_paragraphs", "n_sentences", "n_tokens"):
        if col in df.columns:
            df[col] = df[col].astype("int64")
    return df


# --------------------------------------------------------------------------
# The results object
# --------------------------------------------------------------------------

@dataclass
class CorpusResults:
    """The analysis of one corpus, read from its cache entry table by table, on first use.

    Tables (:data:`analysis.batch.TABLES`; schemas in :mod:`analysis.batch`
    and the functions named there): ``documents``, ``paragraphs``,
    ``sentences``, ``tokens``, ``rejected``, ``boilerplate`` (as in
    :class:`~analysis.corpus.Corpus`; ``corpus`` joins them), ``attributions``
    (:func:`analysis.attribution.extract_attributions`), ``sentiment``
    (:func:`analysis.sentiment.sentence_sentiment`), ``sentence_assessments``,
    ``paragraph_sentiment``, ``document_sentiment``, ``entity_mentions``
    (:func:`analysis.sentiment.entity_mentions`: sentences that mention an
    entity of the alias list), ``actor_mentions``
    (:func:`analysis.sentiment.actor_mentions`), ``names``
    (:func:`analysis.keywords.entity_mentions`: name mentions, one per name),
    ``term_frequencies`` (:func:`analysis.keywords.term_frequencies`) and
    ``ngrams`` (:func:`analysis.keywords.ngrams`, n = 2).

    ``key`` identifies the corpus, code, model and settings; ``folder`` is the
    cache entry; ``summary`` what the run that made it counted; ``seeds`` the
    folder the corpus was read from.
    """

    folder: Path
    key: str
    seeds: Path | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _corpus: Corpus | None = field(default=None, repr=False)

    def table(self, name: str) -> pd.DataFrame:
        """Table ``name`` (read once, then kept)."""
        if name not in self._tables:
            path = self.folder / f"{name}.parquet"
            if name not in TABLES:
                raise KeyError(f"no table {name!r}; the tables are: {', '.join(TABLES)}")
            if not path.exists():
                why = self.summary.get("skipped", {}).get(name, "it was not computed")
                raise KeyError(f"no table {name!r} in these results: {why}")
            df = _typed(name, _read(path))
            self._tables[name] = _documents(df) if name == "documents" else df
        return self._tables[name]

    def has(self, name: str) -> bool:
        """Whether table ``name`` was computed (its analysis module is installed)."""
        return (self.folder / f"{name}.parquet").exists()

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES:
            return self.table(name)
        raise AttributeError(name)

    @property
    def corpus(self) -> Corpus:
        """The corpus tables as a :class:`~analysis.corpus.Corpus` (what :func:`analysis.load_corpus` gives)."""
        if self._corpus is None:
            t = self.table
            self._corpus = Corpus(t("documents"), t("paragraphs"), t("sentences"), t("tokens"), t("rejected"),
                                  self.seeds, t("boilerplate") if self.has("boilerplate") else empty_boilerplate())
        return self._corpus

    def derived(self, name: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """A table computed from these results once, then read from the cache entry (``derived/name``).

        ``name`` must say everything the table depends on beyond the corpus,
        the code and the settings (e.g. ``"ngrams_3"``, ``"tfidf_top8"``): a
        table is computed again only when the corpus key changes. Attributes
        of the DataFrame (``df.attrs``) are not kept.
        """
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
        path = self.folder / "derived" / f"{safe}.parquet"
        if path.exists():
            try:
                return pd.read_parquet(path)  # dtypes as written (pandas metadata)
            except (OSError, pa.ArrowException, ValueError):
                path.unlink(missing_ok=True)  # a broken file is computed again
        df = compute()
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_name(f".{safe}-{uuid.uuid4().hex[:8]}.parquet")
        try:
            df.to_parquet(tmp, index=False)  # pandas metadata kept: categories, nullable integers
            os.replace(tmp, path)
        except (OSError, pa.ArrowException, ValueError, TypeError):
            tmp.unlink(missing_ok=True)  # a table parquet cannot hold is simply not cached
        return df


# --------------------------------------------------------------------------
# Computing
# --------------------------------------------------------------------------

@dataclass
class _FileJob:
    """One seed file of the corpus: what its cache key is made of and, when read already, its documents."""

    seed_file: SeedFile
    base: str
    key: str
    docs: list[RawDocument] | None
    rejected: list[tuple[str, str]]


def _chunks(docs: Sequence[RawDocument], chunk_bytes: int) -> list[list[RawDocument]]:
    out: list[list[RawDocument]] = [[]]
    size = 0
    for doc in docs:
        n = len(doc.text.encode("utf-8", "surrogatepass"))
        if out[-1] and size + n > chunk_bytes:
            out.append([])
            size = 0
        out[-1].append(doc)
        size += n
    return out


def _analyze_chunk(sub: Path, chunk: Sequence[RawDocument], rejected: Sequence[tuple[str, str]],
                   spans: pd.DataFrame | None, settings: ResultSettings, steps: AnalysisSteps | None = None) -> int:
    """One chunk's per-document tables into ``sub`` (a task a worker process can run); returns its documents."""
    steps = steps or batch.analysis_steps(actor_entities=settings.actor_entities)
    boilerplate = None
    if settings.boilerplate is not None:
        boilerplate = (settings.boilerplate, spans if spans is not None else empty_boilerplate())
    result = analyze_documents(chunk, rejected=rejected, steps=steps, boilerplate=boilerplate)
    sub.mkdir()
    for name, df in result.items():
        _write(sub, name, df)
    return len(chunk)


def _spans_of(spans: pd.DataFrame | None, docs: Sequence[RawDocument]) -> pd.DataFrame | None:
    if spans is None or spans.empty:
        return spans
    return spans[spans["doc_id"].isin({d.doc_id for d in docs})].reset_index(drop=True)


def analyze_file(folder: Path, docs: Sequence[RawDocument], rejected: Sequence[tuple[str, str]], *,
                 spans: pd.DataFrame | None, settings: ResultSettings, steps: AnalysisSteps | None = None,
                 on_chunk: Callable[[int], None] | None = None, pool: Any = None) -> dict[str, Any]:
    """The per-document tables of one file's documents, chunk by chunk, into ``folder/chunk-NNNN/``.

    The first chunk carries the file's rejected rows; a file with no
    document still writes one chunk (its rejections). With ``pool`` (a
    :class:`concurrent.futures.Executor` of worker processes) the chunks are
    analysed side by side; the tables are the same. Returns manifest fields.
    """
    chunks = _chunks(docs, settings.chunk_bytes) if docs else [[]]
    if pool is None or len(chunks) == 1:
        for i, chunk in enumerate(chunks):
            n = _analyze_chunk(folder / f"chunk-{i:04d}", chunk, rejected if i == 0 else (), _spans_of(spans, chunk),
                               settings, steps)
            if on_chunk is not None:
                on_chunk(n)
    else:
        from concurrent.futures import as_completed

        futures = [pool.submit(_analyze_chunk, folder / f"chunk-{i:04d}", chunk, rejected if i == 0 else (),
                               _spans_of(spans, chunk), settings) for i, chunk in enumerate(chunks)]
        for future in as_completed(futures):
            n = future.result()
            if on_chunk is not None:
                on_chunk(n)
    return {"n_chunks": len(chunks), "n_documents": len(docs)}


def compute_file_entry(cache_root: str, key: str, base: str, seed_file: SeedFile, spans: pd.DataFrame | None,
                       settings: ResultSettings) -> str:
    """Read one seed file and write its cache entry (for engines that run files elsewhere, e.g. Dask workers)."""
    cache = ResultCache(cache_root)
    entry = cache.entry("files", key)
    if cache.usable(entry):
        return str(entry)
    docs, rejected = readers.read_file(base, seed_file, max_bytes=settings.max_bytes, used_ids=set())
    return str(cache.write("files", key, lambda folder: analyze_file(folder, docs, rejected, spans=spans,
                                                                       settings=settings)))


def _load_chunk(folder: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: _read(p) for p in sorted(folder.glob("*.parquet"))}


def _plan_jobs(plan: SeedPlan, settings: ResultSettings, base_key: str) -> tuple[list[_FileJob], str]:
    """Every file's job and the corpus key (file bytes hashed; files read only to find the boilerplate)."""
    file_parts = []
    for sf in plan.files:
        side = _hash_file(plan.base / sf.sidecar) if sf.sidecar else None
        file_parts.append((sf.rel, sf.base_id, sf.sidecar, _hash_file(plan.base / sf.rel), side))
    corpus_key = _key("corpus", base_key, sorted(plan.rejected), file_parts)
    return [_FileJob(sf, str(plan.base), _key("file", base_key, part), None, []) for sf, part in zip(plan.files, file_parts)], corpus_key


def _with_boilerplate(plan: SeedPlan, jobs: list[_FileJob], settings: ResultSettings) -> pd.DataFrame:
    """Read every file, find the boilerplate over the whole corpus, and fold each file's lines into its key."""
    for job in jobs:
        job.docs, job.rejected = readers.read_file(plan.base, job.seed_file, max_bytes=settings.max_bytes,
                                                   used_ids=set())
    if settings.boilerplate is None:
        return empty_boilerplate()
    spans = find_boilerplate(raw_frame([d for job in jobs for d in job.docs or []]), settings.boilerplate)
    by_doc = spans.groupby("doc_id", sort=False).indices if len(spans) else {}
    for job in jobs:
        rows = [i for d in job.docs or [] for i in by_doc.get(d.doc_id, [])]
        if rows:
            job.key = _key(job.key, _spans_digest(spans.iloc[rows]))
    return spans


def _pool(workers: int) -> Any:
    """Worker processes for chunks (each loads the Italian model once, on its first chunk)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


#: Runs the missing files' per-document pass: ``(jobs, spans, write one entry) -> None``.
FileRunner = Callable[[list[_FileJob], pd.DataFrame, Callable[[_FileJob], None]], None]


def _run_here(jobs: list[_FileJob], spans: pd.DataFrame, make: Callable[[_FileJob], None]) -> None:
    for job in jobs:
        make(job)


def compute_results(
    seeds: str | Path, out_dir: str | Path, *, settings: ResultSettings | None = None, progress: bool = False,
    runner: FileRunner | None = None, engine: str = "local",
) -> CorpusResults:
    """Compute what is missing from the cache ``OUT/.cache/analysis`` and return the corpus's results.

    ``runner`` runs the per-document pass of the files whose entry is
    missing (default: here, one after the other; :mod:`analysis.dask_engine`
    passes one that runs them on a cluster). ``progress`` shows a progress
    bar (documents analysed). Raises :class:`~analysis.errors.SeedsNotFoundError`
    for a missing seeds folder; bad files are rejected rows, never errors.
    """
    settings = settings or ResultSettings()
    started = time.perf_counter()
    cache = ResultCache(Path(out_dir) / CACHE_FOLDER)
    plan = plan_seeds(seeds)
    base_key = _key(code_key(), model_key(), settings.key())
    jobs, corpus_key = _plan_jobs(plan, settings, base_key)
    entry = cache.entry("corpus", corpus_key)
    root = readers._resolve(seeds)
    if cache.usable(entry):
        cache.touch(entry)
        return CorpusResults(entry, corpus_key, root, (cache.manifest(entry) or {}).get("summary", {}))
    spans = _with_boilerplate(plan, jobs, settings)
    missing = [job for job in jobs if not cache.usable(cache.entry("files", job.key))]
    steps = batch.analysis_steps(actor_entities=settings.actor_entities)
    from tqdm.auto import tqdm

    total = sum(len(job.docs or []) for job in missing)
    with tqdm(total=total, unit="doc", disable=not progress or not missing, dynamic_ncols=True,
              desc="analysing") as bar:
        pool = _pool(settings.workers) if settings.workers > 1 and total > 1 and runner is None else None

        def make(job: _FileJob) -> None:
            docs = job.docs if job.docs is not None else readers.read_file(
                plan.base, job.seed_file, max_bytes=settings.max_bytes, used_ids=set())[0]
            cache.write("files", job.key, lambda folder: analyze_file(
                folder, docs, job.rejected, spans=spans, settings=settings, steps=steps, on_chunk=bar.update,
                pool=pool))

        try:
            (runner or _run_here)(missing, spans, make)
        finally:
            if pool is not None:
                pool.shutdown()
    for job in jobs:
        job.docs = None  # the text lives in the tables from here on
    entry = cache.write("corpus", corpus_key, lambda folder: _assemble(folder, cache, plan, jobs, steps, engine,
                                                                        started, progress=progress))
    cache.prune()
    return CorpusResults(entry, corpus_key, root, (cache.manifest(entry) or {}).get("summary", {}))


def _assemble(folder: Path, cache: ResultCache, plan: SeedPlan, jobs: list[_FileJob], steps: AnalysisSteps,
              engine: str, started: float, *, progress: bool) -> dict[str, Any]:
    """The corpus-level pass: the files' chunks in seed-file order through the assembler, then the keyword totals."""
    assembler = CorpusAssembler(folder, fmt="parquet", steps=steps, engine=engine)
    assembler.add_rejected(plan.rejected)
    for job in jobs:
        entry = cache.entry("files", job.key)
        if not cache.valid(entry):
            raise AnalysisError(f"{job.seed_file.rel}: its analysed tables are missing from the cache ({entry})")
        for chunk in sorted(p for p in entry.iterdir() if p.is_dir() and p.name.startswith("chunk-")):
            assembler.add(_load_chunk(chunk))
    if not jobs:  # an empty folder: empty tables, with their columns
        assembler.add(analyze_documents([], steps=steps))
    summary = assembler.close()
    results = CorpusResults(folder, "", None)
    _keyword_tables(folder, results, summary)
    summary.seconds = time.perf_counter() - started
    summary.files = {name: Path(folder.name) / path.name for name, path in summary.files.items()}
    return {"file_keys": [job.key for job in jobs], "summary": _summary_dict(summary)}


def _keyword_tables(folder: Path, results: CorpusResults, summary: RunSummary) -> None:
    """Name mentions, term frequencies (names as one term) and n-grams, over the whole corpus."""
    try:
        from .keywords import entity_mentions, ngrams, term_frequencies
    except ImportError as exc:
        for name in ("names", "term_frequencies", "ngrams"):
            summary.skipped[name] = f"analysis.keywords is not available ({exc})"
        return
    corpus = results.corpus
    names = entity_mentions(corpus)
    for name, df in (("names", names), ("term_frequencies", term_frequencies(corpus, names=names)),
                     ("ngrams", ngrams(corpus, 2))):
        _write(folder, name, df)
        summary.rows[name] = len(df)
        summary.files[name] = folder / f"{name}.parquet"


def _summary_dict(summary: RunSummary) -> dict[str, Any]:
    return {"engine": summary.engine, "n_partitions": summary.n_partitions, "n_documents": summary.n_documents,
            "n_duplicates": summary.n_duplicates, "n_rejected": summary.n_rejected, "n_failed": summary.n_failed,
            "n_sentences": summary.n_sentences, "n_tokens": summary.n_tokens, "n_words": summary.n_words,
            "rows": dict(summary.rows), "skipped": dict(summary.skipped), "seconds": summary.seconds}


def load_results(seeds_dir: str | Path, out_dir: str | Path, *, settings: ResultSettings | None = None,
                 progress: bool = False) -> CorpusResults:
    """The results of ``seeds_dir``, from the cache in ``out_dir/.cache/analysis`` (computing what is missing).

    What every notebook calls first: ``make report`` has computed them
    already (with a progress bar), so a notebook only reads.
    """
    return compute_results(seeds_dir, out_dir, settings=settings, progress=progress)


def export_tables(results: CorpusResults, out_dir: str | Path, *, fmt: str = "parquet",
                  engine: str = "local", seconds: float | None = None) -> RunSummary:
    """Write every table of ``results`` to ``out_dir`` as ``NAME.parquet`` (copied) or ``NAME.csv``.

    Returns the run's summary with the paths written (what ``python -m analysis run`` prints).
    """
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format must be 'parquet' or 'csv', got {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    s = results.summary
    summary = RunSummary(engine=engine, **{k: s.get(k, 0) for k in (
        "n_partitions", "n_documents", "n_duplicates", "n_rejected", "n_failed", "n_sentences", "n_tokens", "n_words")})
    summary.skipped = dict(s.get("skipped", {}))
    summary.seconds = s.get("seconds", 0.0) if seconds is None else seconds
    for name in TABLES:
        source = results.folder / f"{name}.parquet"
        if not source.exists():
            continue
        target = out / f"{name}.{fmt}"
        if fmt == "parquet":
            shutil.copyfile(source, target)
        else:
            pq.read_table(source).to_pandas().to_csv(target, index=False)
        summary.files[name] = target
        summary.rows[name] = pq.read_metadata(source).num_rows
    return summary
