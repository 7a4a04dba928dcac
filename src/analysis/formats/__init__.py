"""File formats the loader reads, one module per format.

=================  ============================================  =========================
suffix             what becomes a document                        module
=================  ============================================  =========================
``.txt``           the whole file                                 :mod:`.plain`
``.md``            the body after optional YAML front matter      :mod:`.markdown`
``.html``/``.htm`` the readable text of the page                  :mod:`.html`
``.jsonl``         each line: a JSON object with ``text``         :mod:`.jsonl`
``.csv``/``.tsv``  each row: a ``text`` column                    :mod:`.delimited`
=================  ============================================  =========================

Each reader is called as ``reader(file, rel, *, max_bytes, declared_encoding)``
and yields :class:`~.base.Extracted` documents and :class:`~.base.Rejection`
rows; it raises :class:`~analysis.errors.InputRejected` when the whole file
is unusable.
"""
from __future__ import annotations

from typing import Callable

from .base import Extracted, ReaderIterator, Rejection
from .delimited import read_delimited
from .html import read_html
from .jsonl import read_jsonl
from .markdown import read_markdown
from .plain import read_plain

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "MULTI_RECORD_SUFFIXES", "Extracted", "Rejection", "Reader"]

Reader = Callable[..., ReaderIterator]

READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_delimited,
    ".tsv": read_delimited,
}
SUPPORTED_SUFFIXES = tuple(READERS)
#: Formats holding many articles: they stream, and a sidecar gives defaults.
MULTI_RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".tsv"})
