"""The corpus: seed articles as linked pandas DataFrames.

:func:`load_corpus` reads a seeds folder (see :mod:`analysis.readers` for the
folder rules and :mod:`analysis.formats` for the formats) and runs the Italian
pipeline (:mod:`analysis.pipeline`) on every document. Bad input never raises:
each file is either one or more documents or a row in ``Corpus.rejected`` with
a reason. ``documents.text`` is the reference for every offset: it is the
decoded and normalised text (``\\n`` line endings, NFC; see
:mod:`analysis.encoding`), the body after any front matter, or the readable
text of a web page.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from .boilerplate import BoilerplateSettings, empty_boilerplate, find_boilerplate, inside_spans
from .dates import parse_date
from .language import detect_language, normalize_language_code, resolve_language
from .pipeline import PARAGRAPH_COLUMNS, SENTENCE_COLUMNS, TOKEN_COLUMNS, process_text

__all__ = ["Corpus", "RawDocument", "build_corpus", "corpus_from_texts", "load_corpus", "DOCUMENT_COLUMNS", "DEFAULT_BOILERPLATE",
           "duplicate_keys"]

#: Fixed columns of ``Corpus.documents``; metadata fields are added after them.
DOCUMENT_COLUMNS = (
    "doc_id", "path", "title", "date", "outlet", "language", "text",
    "n_paragraphs", "n_sentences", "n_tokens", "sha256", "duplicate_of",
    "is_italian", "italian_score", "language_declared", "encoding", "warnings",
)
#: Metadata names that would overwrite a computed column get this prefix.
CLASH_PREFIX = "meta_"


@dataclass
class RawDocument:
    """One document as read from a file, before the pipeline runs.

    ``doc_id`` is unique in the corpus; ``path`` is relative to the seeds folder;
    ``metadata`` holds title, date, outlet, language and any other fields;
    ``encoding`` says how the file (for a record: its lines) was decoded, None
    for texts given as strings;
    ``warnings`` lists what the reader had to fix or ignore.
    """

    doc_id: str
    path: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    """Linked tables for a set of documents.

    ``documents`` (one row per document):
        doc_id (string: path without suffix, ``file#key`` for records, see
        :mod:`analysis.readers`), path (string, relative to the seeds folder),
        title (string|NA), date (datetime64|NaT: see :mod:`analysis.dates`),
        outlet (string|NA), language (string: ISO 639-1 code, declared or
        detected, ``"und"`` when undetermined; see :mod:`analysis.language`),
        text (string: the document text, the reference for every offset),
        n_paragraphs, n_sentences, n_tokens (int64),
        sha256 (string: of the text, UTF-8),
        duplicate_of (string|NA: doc_id of the first document, in load order,
        with the same text, or the same text once runs of whitespace are
        collapsed: see :func:`duplicate_keys`), is_italian (bool: ``language == "it"``),
        italian_score (float64: share of sampled words simplemma knows as
        Italian, 0–1), language_declared (string|NA: from metadata),
        encoding (string|NA: how the file, or a record's lines, was decoded:
        ``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252``…; NA for texts given
        as strings), warnings (string|NA:
        what the loader fixed or ignored, ``"; "``-separated), then any other
        metadata fields (names lower-cased; a name equal to a computed column
        is prefixed ``meta_``).
    ``paragraphs``: doc_id, para_id (int), start, end (int offsets), text.
    ``sentences``: doc_id, sent_id (int, per document), para_id, start, end, text.
    ``tokens``: doc_id, sent_id, token_id (int, per document), start, end, text,
        lemma, kind (word | elision | number | punct | abbreviation | acronym |
        url | email | handle | emoticon | symbol), is_stop, is_punct, is_alpha,
        is_digit, is_title, is_upper, is_proper, is_space, like_url, is_emoji
        (bool; meanings in :func:`analysis.pipeline.process_text`).
    ``boilerplate``: the lines of scraping residue found in the documents
        (:func:`analysis.boilerplate.find_boilerplate`: doc_id, outlet, start,
        end, text, key, n_documents, share, reason). Unless the settings say
        ``keep``, each is a paragraph of its own and the paragraphs, sentences
        and tokens inside them are left out of the tables above (so their ids
        skip them, and ``n_paragraphs``/``n_sentences``/``n_tokens`` count what
        the analyses see); ``documents.text`` keeps them.
    ``rejected``: path (string, relative to the seeds folder; a skipped folder
        ends with ``/``), reason (string, starting with the path, and the line
        for a bad record: ``"feed.jsonl line 3: not valid JSON (...)"``): one
        row per file, folder or bad record that was not loaded. With
        ``documents.path`` it accounts for every file under the folder (a used
        sidecar is neither).

    Every start/end is a character offset into ``documents.text`` of the same
    doc_id: ``text[start:end]`` gives the span back exactly.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    rejected: pd.DataFrame
    root: Path | None = None
    boilerplate: pd.DataFrame = field(default_factory=empty_boilerplate)

    def __len__(self) -> int:
        return len(self.documents)

    def text(self, doc_id: str) -> str:
        """The full text of one document."""
        return self._texts()[doc_id]

    def _texts(self) -> dict[str, str]:
        if not hasattr(self, "_text_cache"):
            self._text_cache = dict(zip(self.documents["doc_id"], self.documents["text"]))
        return self._text_cache

    def span(self, doc_id: str, start: int, end: int) -> str:
        """``text[start:end]`` of one document."""
        return self.text(doc_id)[start:end]


def _rejected_frame(rows: Iterable[tuple[str, str]]) -> pd.DataFrame:
    rows = list(rows)
    return pd.DataFrame(
        {"path": pd.Series([r[0] for r in rows], dtype="string"), "reason": pd.Series([r[1] for r in rows], dtype="string")}
    )


def build_corpus(
    docs: Iterable[RawDocument], rejected: Iterable[tuple[str, str]] = (), *, root: Path | None = None,
    boilerplate: BoilerplateSettings | None = None, boilerplate_spans: pd.DataFrame | None = None,
) -> Corpus:
    """Run the pipeline on ``docs`` and assemble the linked tables.

    Per document: language detection, date parsing, duplicate flags and the
    pipeline. A document the pipeline cannot process is moved to ``rejected``
    (never raised). With ``boilerplate`` settings, the lines of scraping
    residue are found over all ``docs`` first (:mod:`analysis.boilerplate`)
    and, unless the settings keep them, left out of the paragraphs, sentences
    and tokens; None looks for none. ``boilerplate_spans`` gives the lines
    already found (:func:`~analysis.boilerplate.find_boilerplate` over a
    larger corpus, as :mod:`analysis.results` finds them once for all its
    files): they are used instead of looking in ``docs`` alone, and left out
    unless ``boilerplate`` says ``keep``.
    """
    rejected = list(rejected)
    docs = list(docs)
    spans = empty_boilerplate()
    breaks: dict[str, list[tuple[int, int]]] = {}
    if boilerplate is not None or boilerplate_spans is not None:
        if boilerplate_spans is not None:
            ids = {d.doc_id for d in docs}
            spans = boilerplate_spans[boilerplate_spans["doc_id"].isin(ids)].reset_index(drop=True)
        else:
            spans = find_boilerplate(raw_frame(docs), boilerplate)
        if boilerplate is None or not boilerplate.keep:
            for doc_id, start, end in zip(spans["doc_id"], spans["start"], spans["end"]):
                breaks.setdefault(str(doc_id), []).append((int(start), int(end)))
    doc_rows: list[dict[str, Any]] = []
    P: dict[str, list] = {c: [] for c in ("doc_id", *PARAGRAPH_COLUMNS)}
    S: dict[str, list] = {c: [] for c in ("doc_id", *SENTENCE_COLUMNS)}
    T: dict[str, list] = {c: [] for c in ("doc_id", *TOKEN_COLUMNS)}
    P_text: list[str] = []
    S_text: list[str] = []
    first_by_hash: dict[str, str] = {}
    first_by_loose_hash: dict[str, str] = {}
    for doc in docs:
        text = doc.text
        try:
            processed = process_text(text, breaks=breaks.get(doc.doc_id, ()))
        except Exception as exc:  # one odd text must not stop the corpus
            where = doc.path or doc.doc_id
            rejected.append((where, f"{where}: the text pipeline failed on {doc.doc_id!r} ({type(exc).__name__}: {exc})"))
            continue
        row, warnings = _document_row(doc, text, processed, first_by_hash, first_by_loose_hash)
        row["warnings"] = "; ".join(warnings) if warnings else None
        doc_rows.append(row)
        for table, cols in ((P, processed.paragraphs), (S, processed.sentences), (T, processed.tokens)):
            n = len(next(iter(cols.values())))
            table["doc_id"].extend([doc.doc_id] * n)
            for c, values in cols.items():
                table[c].extend(values)
        P_text.extend(text[s:e] for s, e in zip(processed.paragraphs["start"], processed.paragraphs["end"]))
        S_text.extend(text[s:e] for s, e in zip(processed.sentences["start"], processed.sentences["end"]))
    documents = _documents_frame(doc_rows)
    paragraphs = _typed(pd.DataFrame(P), {"doc_id": "string"})
    paragraphs["text"] = pd.Series(P_text, dtype="string")
    sentences = _typed(pd.DataFrame(S), {"doc_id": "string"})
    sentences["text"] = pd.Series(S_text, dtype="string")
    tokens = _typed(pd.DataFrame(T), {"doc_id": "string", "text": "string", "lemma": "string", "kind": "category"})
    if breaks:
        spans = spans[spans["doc_id"].isin(documents["doc_id"])].reset_index(drop=True)
        paragraphs, sentences, tokens = (_without(t, spans) for t in (paragraphs, sentences, tokens))
        for col, table in (("n_paragraphs", paragraphs), ("n_sentences", sentences), ("n_tokens", tokens)):
            counts = table.groupby("doc_id", observed=True).size()
            documents[col] = documents["doc_id"].map(counts).fillna(0).astype("int64")
    return Corpus(documents, paragraphs, sentences, tokens, _rejected_frame(rejected), root, spans)


def raw_frame(docs: list[RawDocument]) -> pd.DataFrame:
    """doc_id, outlet and text of documents not yet processed (what boilerplate detection reads)."""
    return pd.DataFrame({"doc_id": [d.doc_id for d in docs], "outlet": [_as_text(d.metadata.get("outlet")) for d in docs],
                         "text": [d.text for d in docs]})


def _without(table: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """``table`` without the rows that lie inside ``spans``."""
    inside = inside_spans(table, spans)
    return table[~inside].reset_index(drop=True) if inside.any() else table


def _document_row(
    doc: RawDocument, text: str, processed: Any, first_by_hash: dict[str, str], first_by_loose_hash: dict[str, str],
) -> tuple[dict[str, Any], list[str]]:
    warnings = list(doc.warnings)
    digest, loose = duplicate_keys(text)
    duplicate_of = first_by_hash.get(digest)
    if duplicate_of is None:
        duplicate_of = first_by_loose_hash.get(loose)
    first_by_hash.setdefault(digest, doc.doc_id)
    first_by_loose_hash.setdefault(loose, doc.doc_id)

    meta = dict(doc.metadata)
    declared = normalize_language_code(meta.pop("language", None))
    guess = detect_language(text)
    language, language_warning = resolve_language(declared, guess)
    if language_warning:
        warnings.append(language_warning)
    date, date_warning = parse_date(meta.pop("date", None))
    if date_warning:
        warnings.append(date_warning)
    row: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "title": _as_text(meta.pop("title", None)),
        "date": date,
        "outlet": _as_text(meta.pop("outlet", None)),
        "language": language,
        "text": text,
        "n_paragraphs": len(processed.paragraphs["para_id"]),
        "n_sentences": len(processed.sentences["sent_id"]),
        "n_tokens": len(processed.tokens["token_id"]),
        "sha256": digest,
        "duplicate_of": duplicate_of,
        "is_italian": language == "it",
        "italian_score": guess.italian_score,
        "language_declared": declared,
        "encoding": doc.encoding,
    }
    for key, value in meta.items():
        name = key if key not in row and key not in DOCUMENT_COLUMNS else CLASH_PREFIX + key
        if name != key:
            warnings.append(f"metadata field {key!r} has the name of a computed column: kept as {name!r}")
        row.setdefault(name, value)
    return row, warnings


def duplicate_keys(text: str) -> tuple[str, str]:
    """``(sha256 of the text, sha256 of the text with whitespace runs collapsed)``.

    Two documents are duplicates when either key matches; ``duplicate_of``
    points to the first of them in load order.
    """
    exact = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    loose = hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()
    return exact, loose


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _typed(df: pd.DataFrame, dtypes: Mapping[str, str]) -> pd.DataFrame:
    for col in df.columns:
        if col in dtypes:
            df[col] = df[col].astype(dtypes[col])
        elif col in ("para_id", "sent_id", "token_id", "start", "end"):
            df[col] = df[col].astype("int64")
        elif col.startswith("is_"):
            df[col] = df[col].astype("bool")
    return df


def _documents_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows) if rows else pd.DataFrame({c: [] for c in DOCUMENT_COLUMNS})
    df = df[list(DOCUMENT_COLUMNS) + [c for c in df.columns if c not in DOCUMENT_COLUMNS]]
    for col in ("doc_id", "path", "title", "outlet", "language", "text", "sha256", "duplicate_of",
                "language_declared", "encoding", "warnings"):
        df[col] = df[col].astype("string")
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    for col in ("n_paragraphs", "n_sentences", "n_tokens"):
        df[col] = df[col].astype("int64")
    df["is_italian"] = df["is_italian"].astype("bool")
    df["italian_score"] = df["italian_score"].astype("float64")
    for col in df.columns[len(DOCUMENT_COLUMNS):]:
        values = df[col].dropna()
        if len(values) and all(isinstance(v, str) for v in values):
            df[col] = df[col].astype("string")
    return df


def corpus_from_texts(texts: Mapping[str, str] | Iterable[str], metadata: Mapping[str, Mapping[str, Any]] | None = None) -> Corpus:
    """A corpus from strings (``{doc_id: text}`` or a list, ids ``doc0``, ``doc1``, …).

    Useful in tests, notebooks and for text that is not in files.
    """
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    metadata = metadata or {}
    docs = [RawDocument(str(k), "", t, {"language": "it", **dict(metadata.get(k, {}))}) for k, t in items]
    return build_corpus(docs)


#: What :func:`load_corpus` treats as boilerplate unless told otherwise.
DEFAULT_BOILERPLATE = BoilerplateSettings()


def load_corpus(
    path: str | Path = "seeds", *, max_bytes: int | None = None,
    boilerplate: BoilerplateSettings | None = DEFAULT_BOILERPLATE,
) -> Corpus:
    """Read every article under ``path`` (recursively) into a :class:`Corpus`.

    A relative ``path`` is taken from the current directory first, then from
    the project root. Unusable files and records are listed in
    ``Corpus.rejected``; nothing raises for bad data. A missing folder raises
    :class:`~analysis.errors.SeedsNotFoundError`.

    ``max_bytes``: largest one-document file (and largest record of a
    ``.jsonl``/``.csv``, which stream record by record) that is read; larger
    ones are rejected with the reason. Default
    :data:`analysis.readers.DEFAULT_MAX_BYTES` (50 MB).

    ``boilerplate``: lines of scraping residue repeated across an outlet's
    documents are found and left out of every analysis
    (:class:`~analysis.boilerplate.BoilerplateSettings`; listed in
    ``Corpus.boilerplate``). ``BoilerplateSettings(keep=True)`` lists them
    but keeps them; None does not look for them.
    """
    from .readers import DEFAULT_MAX_BYTES, read_seeds  # local import: readers imports RawDocument from here

    docs, rejected, root = read_seeds(path, max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    return build_corpus(docs, rejected, root=root, boilerplate=boilerplate)
