"""What every format reader returns, and the checks they share.

A reader takes one file and yields, in file order, :class:`Extracted`
documents and :class:`Rejection` rows (a bad record inside a good file). It
raises :class:`~analysis.errors.InputRejected` when the whole file is unusable.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Union

from ..encoding import Decoded, decode_bytes
from ..errors import InputRejected

__all__ = [
    "Extracted", "Rejection", "ReadResult", "read_bytes_limited", "decode_file",
    "clean_metadata", "check_text", "format_size",
]


class Extracted(NamedTuple):
    """One document read from a file.

    ``key`` is None for a file that holds one document; for a record it is the
    record's own ``id`` field or the line number where the record starts.
    """

    text: str
    metadata: dict[str, Any]
    encoding: str | None
    warnings: list[str]
    key: str | None = None


class Rejection(NamedTuple):
    """A file, or one record inside a file, that could not be used."""

    path: str
    reason: str


ReadResult = Union[Extracted, Rejection]
ReaderIterator = Iterator[ReadResult]

_KEY_RE = re.compile(r"[\s\-]+")


def format_size(n: int) -> str:
    """``52428800`` → ``"50.0 MB"`` (decimal megabytes: what file managers show)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def read_bytes_limited(file: Path, rel: str, *, max_bytes: int) -> bytes:
    """The whole file, or :class:`InputRejected` when it is larger than ``max_bytes``."""
    size = file.stat().st_size
    if size > max_bytes:
        raise InputRejected(
            f"{rel}: file too large ({format_size(size)}; the limit is {format_size(max_bytes)}, "
            "see load_corpus(max_bytes=...))"
        )
    data = file.read_bytes()
    if len(data) > max_bytes:  # the file grew while we read it
        raise InputRejected(f"{rel}: file too large (over {format_size(max_bytes)})")
    return data


def decode_file(data: bytes, rel: str, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode ``data`` and reject empty or whitespace-only text (messages name ``rel``)."""
    if not data:
        raise InputRejected(f"{rel}: empty file (0 bytes)")
    try:
        decoded = decode_bytes(data, declared=declared, html=html)
    except InputRejected as exc:
        raise InputRejected(f"{rel}: {exc}") from None
    return decoded


def check_text(text: str, where: str) -> None:
    """Reject text with nothing in it but whitespace."""
    if not text:
        raise InputRejected(f"{where}: empty text")
    if text.isspace():
        raise InputRejected(f"{where}: whitespace-only text")


def clean_metadata(fields: dict[Any, Any]) -> dict[str, Any]:
    """Field names lower-cased, spaces and dashes → ``_``; empty values dropped."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        name = _KEY_RE.sub("_", str(key).strip().lower())
        if not name or value is None or (isinstance(value, str) and not value.strip()):
            continue
        out.setdefault(name, value)
    return out
