"""File formats the loader reads, one module per format.

=================  ============================================  =========================
suffix             what becomes a document                        module
=================  ============================================  =========================
``.txt``           the whole file                                 :mod:`.plain`
``.md``            the body after optional YAML front matter      :mod:`.markdown`
``.html``/``.htm`` the readable text of the page                  :mod:`.html`
``.docx``          the paragraphs and tables of a Word document   :mod:`.word`
``.pdf``           the text layer of every page                   :mod:`.pdf`
``.jsonl``         each line: a JSON object with ``text``         :mod:`.jsonl`
``.csv``/``.tsv``  each row: a ``text`` column                    :mod:`.delimited`
=================  ============================================  =========================

Each reader is called as ``reader(file, rel, *, max_bytes, declared_encoding)``
and yields :class:`~.base.Extracted` documents and :class:`~.base.Rejection`
rows; it raises :class:`~analysis.errors.InputRejected` when the whole file
is unusable. Formats the loader does not read but researchers often have are
rejected with the way to convert them (:data:`CONVERT_HINTS`).
"""
from __future__ import annotations

from typing import Callable

from .base import Extracted, ReaderIterator, Rejection
from .delimited import read_delimited
from .html import read_html
from .jsonl import read_jsonl
from .markdown import read_markdown
from .pdf import read_pdf
from .plain import read_plain
from .word import read_docx

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "MULTI_RECORD_SUFFIXES", "CONVERT_HINTS", "Extracted", "Rejection", "Reader"]

Reader = Callable[..., ReaderIterator]

READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_delimited,
    ".tsv": read_delimited,
}
SUPPORTED_SUFFIXES = tuple(READERS)
#: Formats holding many articles: they stream, and a sidecar gives defaults.
MULTI_RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".tsv"})

_AS_DOCX = "open it in Word or LibreOffice and save it as .docx (or as plain text, .txt)"
_AS_CSV = "save the sheet as CSV UTF-8 (.csv) with a 'text' column"
#: How to turn a file the loader does not read into one it does.
CONVERT_HINTS: dict[str, str] = {
    ".doc": "old Word format: " + _AS_DOCX,
    ".odt": "OpenDocument text: " + _AS_DOCX,
    ".rtf": "rich text: " + _AS_DOCX,
    ".pages": "Apple Pages document: export it as Word (.docx) or plain text (.txt)",
    ".xlsx": "Excel workbook: " + _AS_CSV,
    ".xls": "old Excel workbook: " + _AS_CSV,
    ".ods": "OpenDocument spreadsheet: " + _AS_CSV,
    ".json": "a JSON file: write one JSON object per line with a 'text' field, as .jsonl",
    ".xml": "an XML file: export its articles as .jsonl or .csv with a 'text' field",
    ".epub": "an e-book: export its text as .txt",
}
