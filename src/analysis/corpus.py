"""The corpus: seed articles as linked pandas DataFrames.

:func:`load_corpus` reads a seeds folder (see :mod:`analysis.readers` for the
formats) and runs the Italian pipeline (:mod:`analysis.pipeline`) on every
document. Bad input never raises: each file is either one or more documents
or a row in ``Corpus.rejected`` with a reason.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from .pipeline import PARAGRAPH_COLUMNS, SENTENCE_COLUMNS, TOKEN_COLUMNS, process_text

__all__ = ["Corpus", "RawDocument", "build_corpus", "corpus_from_texts", "load_corpus", "DOCUMENT_COLUMNS"]

#: Fixed columns of ``Corpus.documents``; metadata fields are added after them.
DOCUMENT_COLUMNS = (
    "doc_id", "path", "title", "date", "outlet", "language", "text",
    "n_paragraphs", "n_sentences", "n_tokens", "sha256", "duplicate_of",
)


@dataclass
class RawDocument:
    """One document as read from a file, before the pipeline runs.

    ``doc_id`` is unique in the corpus; ``path`` is relative to the seeds folder;
    ``metadata`` holds title, date, outlet, language and any other fields.
    """

    doc_id: str
    path: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Corpus:
    """Linked tables for a set of documents.

    ``documents`` (one row per document):
        doc_id (str), path (str, relative to the seeds folder), title (str|None),
        date (datetime64|NaT), outlet (str|None), language (str: declared or
        detected code, ``"it"`` for Italian), text (str: the document text as
        decoded, unaltered), n_paragraphs, n_sentences, n_tokens (int),
        sha256 (str: of the text, UTF-8), duplicate_of (str|None: doc_id of the
        first document with the same text), then any other metadata fields.
    ``paragraphs``: doc_id, para_id (int), start, end (int offsets), text.
    ``sentences``: doc_id, sent_id (int, per document), para_id, start, end, text.
    ``tokens``: doc_id, sent_id, token_id (int, per document), start, end, text,
        lemma, kind (word | elision | number | punct | abbreviation | acronym |
        url | email | handle | emoticon | symbol), is_stop, is_punct, is_alpha,
        is_digit, is_title, is_upper, is_proper (bool).
    ``rejected``: path (str), reason (str): one row per file, or per bad record
        inside a file, that could not be used.

    Every start/end is a character offset into ``documents.text`` of the same
    doc_id: ``text[start:end]`` gives the span back exactly.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    rejected: pd.DataFrame
    root: Path | None = None

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


def build_corpus(docs: Iterable[RawDocument], rejected: Iterable[tuple[str, str]] = (), *, root: Path | None = None) -> Corpus:
    """Run the pipeline on ``docs`` and assemble the linked tables."""
    doc_rows: list[dict[str, Any]] = []
    P: dict[str, list] = {c: [] for c in ("doc_id", *PARAGRAPH_COLUMNS)}
    S: dict[str, list] = {c: [] for c in ("doc_id", *SENTENCE_COLUMNS)}
    T: dict[str, list] = {c: [] for c in ("doc_id", *TOKEN_COLUMNS)}
    P_text: list[str] = []
    S_text: list[str] = []
    first_by_hash: dict[str, str] = {}
    for doc in docs:
        text = doc.text
        processed = process_text(text)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        meta = dict(doc.metadata)
        row = {
            "doc_id": doc.doc_id,
            "path": doc.path,
            "title": meta.pop("title", None),
            "date": meta.pop("date", None),
            "outlet": meta.pop("outlet", None),
            "language": meta.pop("language", None),
            "text": text,
            "n_paragraphs": len(processed.paragraphs["para_id"]),
            "n_sentences": len(processed.sentences["sent_id"]),
            "n_tokens": len(processed.tokens["token_id"]),
            "sha256": digest,
            "duplicate_of": first_by_hash.get(digest),
        }
        first_by_hash.setdefault(digest, doc.doc_id)
        for key, value in meta.items():
            if key not in row:
                row[key] = value
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
    return Corpus(documents, paragraphs, sentences, tokens, _rejected_frame(rejected), root)


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
    df = pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS)) if not rows else pd.DataFrame(rows)
    for col in ("doc_id", "path", "title", "outlet", "language", "text", "sha256", "duplicate_of"):
        df[col] = df[col].astype("string")
    df["date"] = pd.to_datetime(df["date"].astype("string"), errors="coerce", format="mixed") if len(df) else pd.Series([], dtype="datetime64[ns]")
    for col in ("n_paragraphs", "n_sentences", "n_tokens"):
        df[col] = df[col].astype("int64")
    return df


def corpus_from_texts(texts: Mapping[str, str] | Iterable[str], metadata: Mapping[str, Mapping[str, Any]] | None = None) -> Corpus:
    """A corpus from strings (``{doc_id: text}`` or a list, ids ``doc0``, ``doc1``, …).

    Useful in tests, notebooks and for text that is not in files.
    """
    items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts))
    metadata = metadata or {}
    docs = [RawDocument(str(k), "", t, {"language": "it", **dict(metadata.get(k, {}))}) for k, t in items]
    return build_corpus(docs)


def load_corpus(path: str | Path = "seeds") -> Corpus:
    """Read every article under ``path`` (recursively) into a :class:`Corpus`.

    A relative ``path`` is taken from the current directory first, then from
    the project root. Unusable files and records are listed in
    ``Corpus.rejected``; nothing raises for bad data. A missing folder raises
    :class:`~analysis.errors.SeedsNotFoundError`.
    """
    from .readers import read_seeds  # local import: readers imports this module's RawDocument

    docs, rejected, root = read_seeds(path)
    return build_corpus(docs, rejected, root=root)
