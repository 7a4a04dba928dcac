"""PDF files (``.pdf``): the text layer, read with pypdf.

Each page's text (pypdf's ``extract_text``, in reading order as the PDF
stores it) becomes one paragraph or more: pages are joined by a blank line;
inside a page, lines stay lines, so a sentence that runs across a line break
is still one sentence. A word hyphenated at the end of a line stays as
printed. The document text is this rendering: offsets point into it.

Rejected with a reason that says what to do: a PDF with no text layer (a
scan: run OCR on it first), a password-protected PDF, a damaged file.
Metadata: the PDF's own title → title.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from ..encoding import normalize_text
from ..errors import InputRejected
from .base import Extracted, ReaderIterator, check_text, clean_metadata, read_bytes_limited

__all__ = ["read_pdf", "pdf_to_text"]


def read_pdf(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """One document: the text of every page, with the title from the PDF's properties."""
    data = read_bytes_limited(file, rel, max_bytes=max_bytes)
    if not data:
        raise InputRejected(f"{rel}: empty file (0 bytes)")
    text, meta, warnings = pdf_to_text(data, rel)
    text, more = normalize_text(text)
    check_text(text, f"{rel} (text of the PDF)")
    yield Extracted(text, clean_metadata(meta), None, warnings + more)


def pdf_to_text(data: bytes, rel: str = "document.pdf") -> tuple[str, dict[str, Any], list[str]]:
    """``(text, metadata, warnings)`` of a PDF's bytes; :class:`InputRejected` when it has no usable text."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputRejected(f"{rel}: not a PDF file (it does not start with %PDF-)")
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pypdf logs every oddity of a damaged file; the reason below says enough
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputRejected(f"{rel}: password-protected PDF: open it with its password and save or "
                                "export an unprotected copy (or its text as .txt)")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except InputRejected:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InputRejected(f"{rel}: damaged or unreadable PDF ({type(exc).__name__}: {exc})") from None
    finally:
        quiet.setLevel(level)
    texts = ["\n".join(line.strip() for line in page.splitlines()).strip() for page in pages]
    if not any(texts):
        n = len(pages)
        raise InputRejected(
            f"{rel}: the PDF has no text layer ({n} page{'s' if n != 1 else ''} of images, as a scan is): "
            "run OCR on it first (for example ocrmypdf) or save its text as .txt"
        )
    blank = [i + 1 for i, t in enumerate(texts) if not t]
    warnings = [f"page(s) {', '.join(map(str, blank))} of the PDF have no text layer (images?): not read"] if blank else []
    return "\n\n".join(t for t in texts if t), {"title": str(title).strip()} if str(title).strip() else {}, warnings
