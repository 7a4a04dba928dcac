"""Scraping residue: lines that an outlet's pages repeat, found over the whole corpus.

Pages saved from news sites carry lines that are the site's, not the
article's: "Loading...", "Ascolta la versione audio dell'articolo",
"APPROFONDISCI CON IL PODCAST", "© RIPRODUZIONE RISERVATA". Counted as
language they rank among the top terms and phrases. A line is **boilerplate**
when, among the documents of one outlet (documents without an outlet form
one group),

* it is repeated: the same line (compared with runs of whitespace collapsed,
  case ignored and every number read as ``0``, so "Aggiornato alle 10:32"
  matches "aggiornato alle 09:15") stands in at least
  :attr:`BoilerplateSettings.min_documents` documents and at least
  :attr:`BoilerplateSettings.min_share` of the outlet's documents, or
* it starts with one of the editable prefixes of
  ``data/boilerplate_prefixes.txt`` ("Leggi anche", "Iscriviti alla
  newsletter"…), whose rest changes from page to page,

and it is between :attr:`~BoilerplateSettings.min_chars` and
:attr:`~BoilerplateSettings.max_chars` characters long (short enough to be a
site's label, not a paragraph an article repeats from an earlier one).
Copies of one text (the same text once whitespace is collapsed) count as one
document, so a duplicated article does not make its own lines boilerplate.

Offsets stay exact: the document text is left as loaded; each boilerplate
line is a span ``(doc_id, start, end)`` into it (:func:`find_boilerplate`),
and :func:`analysis.load_corpus` leaves the sentences and tokens inside those
spans out of its tables, so every analysis skips them. The pure functions here
(text in, DataFrame out) can run anywhere a corpus is computed.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from .wordlists import read_word_list

__all__ = [
    "BoilerplateSettings", "BOILERPLATE_COLUMNS", "NO_OUTLET_GROUP", "PREFIXES_FILE",
    "find_boilerplate", "boilerplate_lines", "line_key", "inside_spans", "empty_boilerplate",
]

#: The file of line prefixes that mark residue wherever they stand.
PREFIXES_FILE = "boilerplate_prefixes.txt"
#: The group of documents that name no outlet.
NO_OUTLET_GROUP = "(no outlet)"
#: Columns of :func:`find_boilerplate`, with their dtypes.
BOILERPLATE_COLUMNS: dict[str, str] = {
    "doc_id": "string", "outlet": "string", "start": "int64", "end": "int64", "text": "string",
    "key": "string", "n_documents": "int64", "share": "float64", "reason": "string",
}

_LINE_RE = re.compile(r"[^\n]+")
_SPACE_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d+")


@lru_cache(maxsize=None)
def _default_prefixes() -> tuple[str, ...]:
    return tuple(sorted({line_key(p) for p in read_word_list(PREFIXES_FILE)}))


@dataclass(frozen=True)
class BoilerplateSettings:
    """When a line counts as boilerplate, and whether the analyses keep it.

    ``min_documents``: documents of one outlet that must carry the line (3);
    ``min_share``: share of that outlet's documents that must carry it
    (0.2, one in five); ``min_chars``/``max_chars``: length of the line,
    whitespace trimmed (8 to 250); ``prefixes``: lines starting with one of
    these are boilerplate however often they occur (None: the editable list
    ``data/boilerplate_prefixes.txt``; ``()`` for none); ``keep``: find and
    list the lines but leave them in every analysis.
    """

    min_documents: int = 3
    min_share: float = 0.2
    min_chars: int = 8
    max_chars: int = 250
    prefixes: tuple[str, ...] | None = None
    keep: bool = False
    _prefix_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("min_documents", "min_chars", "max_chars"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"BoilerplateSettings.{name} must be a whole number >= 1; got {value!r}")
        if self.min_documents < 2:
            raise ValueError(f"BoilerplateSettings.min_documents must be at least 2 (a line repeated in one "
                             f"document is not repeated across documents); got {self.min_documents}")
        if isinstance(self.min_share, bool) or not isinstance(self.min_share, (int, float)) or not 0 <= self.min_share <= 1:
            raise ValueError(f"BoilerplateSettings.min_share must be a share between 0 and 1; got {self.min_share!r}")
        if self.max_chars < self.min_chars:
            raise ValueError(f"BoilerplateSettings.max_chars ({self.max_chars}) is below min_chars ({self.min_chars})")
        if isinstance(self.prefixes, str):
            raise ValueError("BoilerplateSettings.prefixes must be a tuple of strings, not one string")
        keys = _default_prefixes() if self.prefixes is None else tuple(line_key(p) for p in self.prefixes if p.strip())
        object.__setattr__(self, "_prefix_keys", keys)

    def starts_with_prefix(self, key: str) -> bool:
        """Whether a line (as :func:`line_key` gives it) starts with one of the prefixes."""
        return any(key.startswith(p) for p in self._prefix_keys)


def line_key(line: str) -> str:
    """A line as boilerplate lines are compared: whitespace collapsed, case folded, each number as ``0``."""
    return _DIGIT_RE.sub("0", _SPACE_RE.sub(" ", line).strip().casefold())


def empty_boilerplate() -> pd.DataFrame:
    """A :func:`find_boilerplate` table with no rows."""
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in BOILERPLATE_COLUMNS.items()})


def _outlets(documents: pd.DataFrame) -> pd.Series:
    if "outlet" not in documents.columns:
        return pd.Series(NO_OUTLET_GROUP, index=documents.index, dtype="string")
    outlet = documents["outlet"].astype("string").str.strip()
    return outlet.where(outlet.notna() & (outlet != ""), NO_OUTLET_GROUP)


def find_boilerplate(documents: pd.DataFrame, settings: BoilerplateSettings | None = None) -> pd.DataFrame:
    """Every boilerplate line of every document (see the module docstring for the rule).

    ``documents`` needs ``doc_id`` and ``text`` (and ``outlet``, when the
    documents name one). One row per line found, in document and text order:

    =========== ======= ==========================================================
    doc_id      string  the document
    outlet      string  its outlet (:data:`NO_OUTLET_GROUP` when it names none)
    start, end  int64   offsets of the line, whitespace trimmed: ``text[start:end]``
    text        string  the line as written
    key         string  the line as compared (:func:`line_key`)
    n_documents int64   distinct documents of the outlet that carry the line
    share       float64 ``n_documents`` over the outlet's distinct documents
    reason      string  ``repeated`` or ``prefix`` (a line of the prefix list)
    =========== ======= ==========================================================
    """
    settings = settings or BoilerplateSettings()
    missing = [c for c in ("doc_id", "text") if c not in documents.columns]
    if missing:
        raise ValueError(f"find_boilerplate needs the column(s) {', '.join(missing)} of a documents table")
    if documents.empty:
        return empty_boilerplate()
    outlets = _outlets(documents)
    # Candidate lines per document: (doc, outlet, start, end, key); and the documents carrying each key.
    candidates: list[tuple[str, str, int, int, str, str]] = []
    carriers: dict[tuple[str, str], set[str]] = defaultdict(set)
    distinct: dict[str, set[str]] = defaultdict(set)
    for doc_id, outlet, text in zip(documents["doc_id"].astype(str), outlets, documents["text"]):
        if not isinstance(text, str):
            continue
        copy = hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()
        distinct[outlet].add(copy)
        lines = list(_LINE_RE.finditer(text))
        if len(lines) < 2:
            continue  # a one-line document is all article (or all residue): never cut it out whole
        for m in lines:
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if not settings.min_chars <= end - start <= settings.max_chars:
                continue
            key = line_key(text[start:end])
            candidates.append((doc_id, outlet, start, end, text[start:end], key))
            carriers[(outlet, key)].add(copy)
    rows = []
    for doc_id, outlet, start, end, line, key in candidates:
        n = len(carriers[(outlet, key)])
        share = n / len(distinct[outlet])
        if n >= settings.min_documents and share >= settings.min_share:
            reason = "repeated"
        elif settings.starts_with_prefix(key):
            reason = "prefix"
        else:
            continue
        rows.append((doc_id, outlet, start, end, line, key, n, share, reason))
    if not rows:
        return empty_boilerplate()
    out = pd.DataFrame(rows, columns=list(BOILERPLATE_COLUMNS))
    return out.astype(BOILERPLATE_COLUMNS)


def boilerplate_lines(spans: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct boilerplate line of each outlet, most widespread first.

    ``spans`` is :func:`find_boilerplate`'s table. Columns: outlet (string);
    line (string: as first written); n_documents (int64: documents of the
    outlet that carry it); share (float64: of the outlet's documents);
    n_lines (int64: times it was left out, all documents); reason (string).
    """
    cols = {"outlet": "string", "line": "string", "n_documents": "int64", "share": "float64",
            "n_lines": "int64", "reason": "string"}
    if spans.empty:
        return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in cols.items()})
    grouped = spans.groupby(["outlet", "key"], sort=False)
    out = grouped.agg(line=("text", "first"), n_documents=("doc_id", "nunique"), share=("share", "max"),
                      n_lines=("doc_id", "size"), reason=("reason", "first")).reset_index()
    out = out.sort_values(["n_documents", "outlet", "line"], ascending=[False, True, True], kind="mergesort")
    return out[list(cols)].astype(cols).reset_index(drop=True)


def inside_spans(table: pd.DataFrame, spans: pd.DataFrame) -> np.ndarray:
    """For each row of ``table`` (doc_id, start, end), whether it lies inside one of ``spans``.

    ``spans`` has doc_id, start, end (as :func:`find_boilerplate` gives them);
    a row is inside when ``span.start <= row.start`` and ``row.end <= span.end``.
    """
    if spans.empty or table.empty:
        return np.zeros(len(table), dtype=bool)
    rows = pd.DataFrame({"doc_id": table["doc_id"].astype(str).to_numpy(), "start": table["start"].to_numpy(np.int64),
                         "end": table["end"].to_numpy(np.int64), "row": np.arange(len(table))})
    found = pd.DataFrame({"doc_id": spans["doc_id"].astype(str).to_numpy(), "start": spans["start"].to_numpy(np.int64),
                          "span_end": spans["end"].to_numpy(np.int64)})
    matched = pd.merge_asof(rows.sort_values("start", kind="stable"), found.sort_values("start", kind="stable"),
                            on="start", by="doc_id", direction="backward")
    inside = np.zeros(len(table), dtype=bool)
    hit = matched["span_end"].notna() & (matched["end"] <= matched["span_end"])
    inside[matched.loc[hit, "row"].to_numpy()] = True
    return inside
