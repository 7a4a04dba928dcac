"""Helpers for the loader tests: seed folders written from bytes in tmp_path."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from analysis import Corpus

__all__ = ["write_files", "assert_offsets_round_trip", "reasons", "pdf_bytes", "docx_bytes"]


def write_files(root: Path, files: Mapping[str, bytes | str]) -> Path:
    """Write ``{relative path: content}`` under ``root`` (str content as UTF-8); return ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def assert_offsets_round_trip(corpus: Corpus) -> None:
    """Every paragraph, sentence and token span gives its text back from documents.text."""
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    for table in (corpus.paragraphs, corpus.sentences, corpus.tokens):
        for doc_id, start, end, text in zip(table["doc_id"], table["start"], table["end"], table["text"]):
            assert 0 <= start < end <= len(texts[doc_id])
            assert texts[doc_id][start:end] == text


def reasons(corpus: Corpus) -> dict[str, list[str]]:
    """``{path: [reasons]}`` of ``corpus.rejected``."""
    out: dict[str, list[str]] = {}
    for path, reason in zip(corpus.rejected["path"], corpus.rejected["reason"]):
        out.setdefault(path, []).append(reason)
    return out


def pdf_bytes(pages: list[list[str]], *, title: str | None = None) -> bytes:
    """A small PDF whose pages show ``pages`` (lines of text CP1252 can encode) in Helvetica.

    Written by hand (PDF 1.4, WinAnsi encoding) so that the test checks the
    reader against a file no library of ours produced; an empty page list
    entry gives a page with no text layer.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages) + (1 if title else 0) + 1  # reserved below
    kids = []
    for lines in pages:
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            escaped = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + escaped + b") Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops) if lines else b""
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    info = add(b"<< /Title (" + title.encode("cp1252") + b") >>") if title else None
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    pages_obj = add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    assert pages_obj == pages_id, "object numbering of the hand-written PDF is off"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog) + (b" /Info %d 0 R" % info if info else b"") + b" >>"
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def docx_bytes(paragraphs: list[str], *, title: str | None = None, table: list[list[str]] | None = None) -> bytes:
    """A Word document made with python-docx: ``paragraphs`` (a ``\\n`` is a line break), then ``table``."""
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        first, *rest = text.split("\n")
        paragraph = document.add_paragraph(first)
        for line in rest:
            run = paragraph.add_run()
            run.add_break()
            run.add_text(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if title is not None:
        document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
