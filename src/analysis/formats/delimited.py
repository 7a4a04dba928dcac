"""CSV files (``.csv``, ``.tsv``): one article per row, a header row first.

The delimiter is sniffed from the header (comma, semicolon, tab or pipe:
Italian spreadsheets often save with ``;``). A ``text`` column is required
(any case); without it the whole file is rejected, listing the columns it has.
Rows are read one at a time, so a file of any size streams (each text is
still held to ``max_bytes``). A row with more or fewer fields than the
header, or an empty text, is one row in ``rejected``; the other rows load.
Values are strings; empty cells are dropped from metadata. Each line is
decoded on its own (see :func:`analysis.encoding.iter_text_lines`). Record
keys: line number where the row starts (the header is line 1), or the ``id``
column (:mod:`analysis.formats.records`).
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from ..encoding import TextLine, binary_reason, iter_text_lines
from ..errors import InputRejected
from .base import ReaderIterator, Rejection
from .records import find_text_field, record_to_extracted

__all__ = ["read_delimited", "DELIMITERS"]

DELIMITERS = ",;\t|"


def read_delimited(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """Documents from the good rows, rejections for the bad ones."""
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, max_bytes + 1))
    try:
        yield from _read(file, rel, max_bytes)
    finally:
        csv.field_size_limit(old_limit)


def _read(file: Path, rel: str, max_bytes: int) -> ReaderIterator:
    with file.open("rb") as fh:
        reason = binary_reason(fh.read(8192))
        if reason:
            raise InputRejected(f"{rel}: {reason}")
        fh.seek(0)
        lines = _LineFeed(iter_text_lines(fh, max_line_bytes=max_bytes))
        header_line = next(lines, None)
        while header_line is not None and not header_line.strip():
            header_line = next(lines, None)
        if header_line is None:
            raise InputRejected(f"{rel}: empty file (no header row)")
        dialect = _sniff(header_line, file.suffix.lower())
        header = next(csv.reader([header_line], dialect), [])
        header = [h.strip() for h in header]
        text_field = find_text_field(header)
        if text_field is None:
            cols = ", ".join(h or "(blank)" for h in header)
            raise InputRejected(f"{rel}: no 'text' column (columns: {cols})")
        lines.take_warnings()  # the header's own clean-up is not a row's
        lines.take_encoding()
        reader = csv.reader(lines, dialect)
        used: set[str] = set()
        n_rows = 0
        while True:
            start_line = lines.line_no + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield Rejection(rel, f"{rel} line {start_line}: not valid CSV ({exc}); the rest of the file was not read")
                return
            if lines.skipped:
                yield Rejection(rel, f"{rel} line {lines.skipped_line}: {lines.skipped}")
                lines.skipped = None
                continue
            if not row or all(not cell.strip() for cell in row):
                continue
            n_rows += 1
            where = f"{rel} line {start_line}"
            if len(row) != len(header):
                yield Rejection(rel, f"{where}: {len(row)} fields but the header has {len(header)}")
                continue
            try:
                yield record_to_extracted(
                    dict(zip(header, row)), where, start_line, used, max_bytes=max_bytes,
                    encoding=lines.take_encoding(), warnings=lines.take_warnings(),
                )
            except InputRejected as exc:
                yield Rejection(rel, str(exc))
        if n_rows == 0:
            raise InputRejected(f"{rel}: header only, no rows")


def _sniff(header_line: str, suffix: str) -> type[csv.Dialect] | csv.Dialect:
    if suffix == ".tsv":
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(header_line, delimiters=DELIMITERS)
    except csv.Error:
        return csv.excel


class _LineFeed:
    """Lines for ``csv.reader``, counting line numbers and collecting warnings."""

    def __init__(self, source: Iterator[TextLine]) -> None:
        self._source = source
        self.line_no = 0
        self.skipped: str | None = None
        self.skipped_line = 0
        self._warnings: list[str] = []
        self._encodings: list[str] = []

    def __iter__(self) -> "_LineFeed":
        return self

    def __next__(self) -> str:
        line, encoding, warnings = next(self._source)
        self.line_no += 1
        if encoding not in self._encodings:
            self._encodings.append(encoding)
        if line is None:  # too long: hand csv an empty line and report it
            self.skipped, self.skipped_line = warnings[0], self.line_no
            return "\n"
        self._warnings.extend(warnings)
        return line

    def take_encoding(self) -> str | None:
        """The encoding(s) of the lines read since the last call (``utf-8+cp1252`` if mixed)."""
        out, self._encodings = "+".join(self._encodings) or None, []
        return out

    def take_warnings(self) -> list[str]:
        out, self._warnings = self._warnings, []
        return out
