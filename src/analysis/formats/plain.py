"""Plain text (``.txt``): the whole decoded file is the document text."""
from __future__ import annotations

from pathlib import Path

from .base import Extracted, ReaderIterator, check_text, decode_file, read_bytes_limited

__all__ = ["read_plain"]


def read_plain(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """One document: the file's text (decoded and normalised, see :mod:`analysis.encoding`)."""
    decoded = decode_file(read_bytes_limited(file, rel, max_bytes=max_bytes), rel, declared=declared_encoding)
    check_text(decoded.text, rel)
    yield Extracted(decoded.text, {}, decoded.encoding, decoded.warnings)
