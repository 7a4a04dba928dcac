"""JSON Lines (``.jsonl``, ``.ndjson``): one JSON object per line, one article each.

Read line by line, so a file of any size streams (each record is still held
to ``max_bytes``). Blank lines are skipped. A line that is not valid JSON,
not an object, or has no usable ``text`` is one row in ``rejected``
("x.jsonl line 3: not valid JSON (...)"); the other lines load. Each line is
decoded on its own (UTF-8, else CP1252, else Latin-1; a UTF-16 file with a
BOM is decoded as a stream). Rules for fields: :mod:`analysis.formats.records`.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..encoding import binary_reason, iter_text_lines
from ..errors import InputRejected
from .base import ReaderIterator, Rejection
from .records import record_to_extracted

__all__ = ["read_jsonl"]


def read_jsonl(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """Documents from the good lines, rejections for the bad ones."""
    n_records = n_lines = 0
    used: set[str] = set()
    with file.open("rb") as fh:
        reason = binary_reason(fh.read(8192))
        if reason:
            raise InputRejected(f"{rel}: {reason}")
        fh.seek(0)
        for line_no, (line, encoding, warnings) in enumerate(iter_text_lines(fh, max_line_bytes=max_bytes), start=1):
            n_lines += 1
            where = f"{rel} line {line_no}"
            if line is None:
                yield Rejection(rel, f"{where}: {warnings[0]}")
                continue
            if not line.strip():
                continue
            n_records += 1
            try:
                value = json.loads(line)
            except RecursionError:
                yield Rejection(rel, f"{where}: JSON nested too deeply to read")
                continue
            except ValueError as exc:
                msg = getattr(exc, "msg", str(exc))
                col = getattr(exc, "colno", None)
                yield Rejection(rel, f"{where}: not valid JSON ({msg}{f' at column {col}' if col else ''})")
                continue
            if not isinstance(value, dict):
                kind = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false"}.get(type(value), "null")
                yield Rejection(rel, f"{where}: {kind}, not a JSON object with a 'text' field")
                continue
            try:
                yield record_to_extracted(value, where, line_no, used, max_bytes=max_bytes, encoding=encoding, warnings=warnings)
            except InputRejected as exc:
                yield Rejection(rel, str(exc))
    if n_records == 0:
        raise InputRejected(f"{rel}: no records (the file is {'empty' if n_lines == 0 else 'blank'})")
