"""CSV files (``.csv``, ``.tsv``): one article per row, a header row first.

Quoting follows RFC 4180, as pandas (``DataFrame.to_csv``) and Excel write
it: a field holding the separator, a line break or a double quote is put in
double quotes, and a double quote inside it is doubled (``"Il ""sì"" del
governo"``). The separator is sniffed by Python's :class:`csv.Sniffer` from
the header and the first rows (:data:`SNIFF_CHARS`), among comma, semicolon
(what Excel writes in an Italian locale), tab and pipe; ``.tsv`` is always
tab-separated, and a file whose header has a single column (``text``) is read
without splitting rows. A UTF-8 byte order mark (Excel's "CSV UTF-8") is
dropped; each line is decoded on its own (see
:func:`analysis.encoding.iter_text_lines`), so Excel's CP1252 files load too.

A ``text`` column is required (any case); without it the whole file is
rejected, listing the columns it has. Rows are read one at a time, so a file
of any size streams (each text is still held to ``max_bytes``). A row that
cannot be used is one row in ``rejected`` with the reason (a field too many
or too few, the separator outside quotes, a quote that is never closed, an
empty text); the other rows load. Values are strings; empty cells are dropped
from metadata. Record keys: line number where the row starts (the header is
line 1), or the ``id`` column (:mod:`analysis.formats.records`).
"""
from __future__ import annotations

import csv
from collections import deque
from pathlib import Path
from typing import Iterator

from ..encoding import TextLine, binary_reason, iter_text_lines
from ..errors import InputRejected
from .base import ReaderIterator, Rejection
from .records import find_text_field, record_to_extracted

__all__ = ["read_delimited", "DELIMITERS", "SNIFF_CHARS", "csv_dialect"]

#: Separators the sniffer chooses from, in order of preference.
DELIMITERS = ",;\t|"
#: How much of the file (header and first rows, in characters) the sniffer reads.
SNIFF_CHARS = 64_000
#: Used as the separator of a one-column file: a control character no text holds.
_NO_SPLIT = "\x1f"
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", _NO_SPLIT: "none"}


class _RFC4180(csv.Dialect):
    """Quoting as pandas and Excel write it; the separator is set per file."""

    delimiter = ","
    quotechar: str = '"'  # never None (csv.Dialect allows it): rows are checked for unclosed quotes
    doublequote = True
    escapechar = None
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = False


def csv_dialect(header_line: str, sample: str, suffix: str = ".csv") -> type[_RFC4180]:
    """The dialect of a file from its header line and the text that follows it.

    The separator is the one :class:`csv.Sniffer` finds in ``header_line +
    sample`` when it leaves a ``text`` column in the header; otherwise the
    first of :data:`DELIMITERS` that does. Quoting is always RFC 4180 (the
    sniffer cannot see doubled quotes in a sample that has none, and pandas and
    Excel always double them).
    """
    if suffix == ".tsv":
        delimiter = "\t"
    else:
        sniffed = _sniffed_delimiter(header_line + sample)
        if sniffed is not None and _has_text_column(header_line, sniffed):
            delimiter = sniffed
        else:
            delimiter = next((d for d in DELIMITERS if _has_text_column(header_line, d)), sniffed or ",")
        if len(_split(header_line, delimiter)) == 1:
            delimiter = _NO_SPLIT  # one column: rows are never split
    return type("FileDialect", (_RFC4180,), {"delimiter": delimiter})


def _sniffed_delimiter(sample: str) -> str | None:
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return None


def _split(line: str, delimiter: str) -> list[str]:
    dialect = type("Probe", (_RFC4180,), {"delimiter": delimiter})
    return [h.strip() for h in next(csv.reader([line], dialect), [])]


def _has_text_column(header_line: str, delimiter: str) -> bool:
    return find_text_field(_split(header_line, delimiter)) is not None


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
        dialect = csv_dialect(header_line, lines.peek(SNIFF_CHARS), file.suffix.lower())
        header = _split(header_line, dialect.delimiter)
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
            lines.take_row_lines()
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield Rejection(rel, f"{rel} line {start_line}: not valid CSV ({exc}); the rest of the file was not read")
                return
            raw = lines.take_row_lines()
            if lines.exhausted and len(raw) > 1 and sum((t.text or "").count(dialect.quotechar) for t in raw) % 2:
                # A quote opened in this row never closes: the csv module read the rest of the file into it.
                n_rows += 1
                yield Rejection(rel, f"{rel} line {start_line}: a double quote opened in this row is never closed "
                                     f"(the lines after it were read again as rows of their own)")
                lines.push_back(raw[1:])
                lines.take_warnings()
                lines.take_encoding()
                reader = csv.reader(lines, dialect)
                continue
            if lines.skipped:
                yield Rejection(rel, f"{rel} line {lines.skipped_line}: {lines.skipped}")
                lines.skipped = None
                continue
            if not row or all(not cell.strip() for cell in row):
                continue
            n_rows += 1
            where = f"{rel} line {start_line}"
            if len(row) != len(header):
                lines.take_warnings()
                lines.take_encoding()
                yield Rejection(rel, f"{where}: {_field_count_reason(row, header, dialect.delimiter, start_line, lines.line_no)}")
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


def _field_count_reason(row: list[str], header: list[str], delimiter: str, first: int, last: int) -> str:
    """Why a row has more or fewer fields than the header, as far as the row shows it."""
    n, m = len(row), len(header)
    counts = f"{n} field{'s' if n != 1 else ''} but the header has {m}"
    if last > first and any("\n" in cell for cell in row):
        return (f"{counts}: a double quote opened in this row is closed only on line {last}, "
                "so the lines between were read as one field")
    if n > m:
        return (f"{counts}: the row holds the separator ({_NAMES.get(delimiter, repr(delimiter))}) "
                "outside double quotes; a field that contains it must be quoted")
    return f"{counts}: {'a field is' if m - n == 1 else f'{m - n} fields are'} missing"


class _LineFeed:
    """Lines for ``csv.reader``, counting line numbers and collecting warnings; can look ahead."""

    def __init__(self, source: Iterator[TextLine]) -> None:
        self._source = source
        self._ahead: deque[TextLine] = deque()
        self._row: list[TextLine] = []
        self.exhausted = False
        self.line_no = 0
        self.skipped: str | None = None
        self.skipped_line = 0
        self._warnings: list[str] = []
        self._encodings: list[str] = []

    def __iter__(self) -> "_LineFeed":
        return self

    def peek(self, max_chars: int) -> str:
        """The next lines (about ``max_chars`` of text) without consuming them."""
        size = sum(len(t.text or "") for t in self._ahead)
        while size < max_chars:
            item = next(self._source, None)
            if item is None:
                break
            self._ahead.append(item)
            size += len(item.text or "")
        return "".join(t.text or "\n" for t in self._ahead)[:max_chars]

    def __next__(self) -> str:
        if self._ahead:
            item = self._ahead.popleft()
        else:
            try:
                item = next(self._source)
            except StopIteration:
                self.exhausted = True
                raise
        self._row.append(item)
        line, encoding, warnings = item
        self.line_no += 1
        if encoding not in self._encodings:
            self._encodings.append(encoding)
        if line is None:  # too long: hand csv an empty line and report it
            self.skipped, self.skipped_line = warnings[0], self.line_no
            return "\n"
        self._warnings.extend(warnings)
        return line

    def take_row_lines(self) -> list[TextLine]:
        """The lines read since the last call (one row's raw lines)."""
        out, self._row = self._row, []
        return out

    def push_back(self, items: list[TextLine]) -> None:
        """Read ``items`` again next, as the lines that follow the current one."""
        self._ahead.extendleft(reversed(items))
        self.line_no -= len(items)
        self.exhausted = False

    def take_encoding(self) -> str | None:
        """The encoding(s) of the lines read since the last call (``utf-8+cp1252`` if mixed)."""
        out, self._encodings = "+".join(self._encodings) or None, []
        return out

    def take_warnings(self) -> list[str]:
        out, self._warnings = self._warnings, []
        return out
