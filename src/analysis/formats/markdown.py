"""Markdown (``.md``, ``.markdown``) with optional YAML front matter.

The document text is the body after the front matter (see
:mod:`analysis.frontmatter`): offsets count from the body's first character.
The Markdown itself is kept as written (``#`` headings, ``*emphasis*``).
"""
from __future__ import annotations

from pathlib import Path

from ..frontmatter import split_front_matter
from .base import Extracted, ReaderIterator, check_text, clean_metadata, decode_file, read_bytes_limited

__all__ = ["read_markdown"]


def read_markdown(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """One document: the body, with the front matter's fields as metadata."""
    decoded = decode_file(read_bytes_limited(file, rel, max_bytes=max_bytes), rel, declared=declared_encoding)
    meta, body, warnings = split_front_matter(decoded.text)
    check_text(body, f"{rel} (body after the front matter)" if body is not decoded.text else rel)
    yield Extracted(body, clean_metadata(meta), decoded.encoding, decoded.warnings + warnings)
