"""Word documents (``.docx``): the text of the body, read with python-docx.

Each paragraph of the document becomes a paragraph of the article text
(paragraphs are joined by a blank line, so the corpus splits them the same
way); a line break inside a Word paragraph stays a line break; empty
paragraphs are skipped. A table is read row by row, its cells joined by
:data:`CELL_SEPARATOR`, each row a paragraph, in its place in the body.
Headers, footers, footnotes, comments and text boxes are not read. The
document text is this rendering: offsets point into it.

Metadata: the document's own title (File › Properties) → title, its language
→ language. The author property names who made the file, not necessarily who
wrote the article, so it is not read. The old binary ``.doc`` format is not
read (see :data:`analysis.formats.CONVERT_HINTS`).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Iterator

from ..encoding import normalize_text
from ..errors import InputRejected
from .base import Extracted, ReaderIterator, check_text, clean_metadata, read_bytes_limited

__all__ = ["read_docx", "docx_to_text", "CELL_SEPARATOR"]

#: Between the cells of a table row.
CELL_SEPARATOR = " | "


def read_docx(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """One document: the body's paragraphs and tables, with title and language from the file's properties."""
    data = read_bytes_limited(file, rel, max_bytes=max_bytes)
    if not data:
        raise InputRejected(f"{rel}: empty file (0 bytes)")
    text, meta = docx_to_text(data, rel)
    text, warnings = normalize_text(text)
    check_text(text, f"{rel} (text of the Word document)")
    yield Extracted(text, clean_metadata(meta), None, warnings)


def docx_to_text(data: bytes, rel: str = "document.docx") -> tuple[str, dict[str, Any]]:
    """``(text, metadata)`` of a ``.docx`` file's bytes; :class:`InputRejected` when it is not one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputRejected(
            f"{rel}: not a .docx file (a .docx is a ZIP package; this may be an old .doc, an encrypted "
            "document or another format renamed): open it in Word or LibreOffice and save it as .docx or .txt"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputRejected(f"{rel}: not a readable Word document ({type(exc).__name__}: {exc}); "
                            "open it in Word or LibreOffice and save it again as .docx or .txt") from None
    blocks = [block for block in _blocks(document) if block.strip()]
    props = document.core_properties
    meta = {"title": (props.title or "").strip() or None, "language": (props.language or "").strip() or None}
    return "\n\n".join(blocks), {k: v for k, v in meta.items() if v}


def _blocks(document: Any) -> Iterator[str]:
    """The body's paragraphs and table rows in reading order."""
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):  # a table
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                yield CELL_SEPARATOR.join(dict.fromkeys(c for c in cells if c))  # merged cells repeat: once
        else:
            yield "\n".join(line.strip() for line in item.text.split("\n")).strip("\n")
