"""Bytes → document text: decoding, binary detection and newline clean-up.

The text this module returns IS the document text (``documents.text``), the
reference for every offset in the corpus.

Decoding follows an explicit ladder, because statistical detectors often guess
wrong on short Italian texts (a CP1252 article with three accented letters can
come out as Turkish or Mac-Roman):

1. a byte order mark: UTF-8 (BOM removed), UTF-16 or UTF-32 (LE/BE);
2. UTF-16 without a BOM, recognised by NUL bytes on every other position;
3. strict UTF-8 (the common case);
4. mostly UTF-8 with a few stray bytes (files glued together from two
   sources): UTF-8, each undecodable byte read as CP1252, with a warning;
5. an encoding declared by the file itself (an HTML ``<meta charset>``);
6. CP1252 (Windows Western: ``“ ” ’ €`` and accented letters); Latin-1,
   which decodes anything, for the five bytes CP1252 leaves undefined;
7. only when that reading looks wrong for Western text (more than
   :data:`FOREIGN_LETTER_RATIO` of the letters, and at least
   :data:`MIN_FOREIGN_LETTERS`, non-ASCII): charset-normalizer's guess, kept if it reads as a
   non-Latin script (a Cyrillic or Greek code page), with a warning. Without
   a guess the Western reading stands; a sidecar ``encoding:`` overrides all.

Before decoding, a file is rejected as binary when it starts with a known
binary signature (PNG, PDF, ZIP/Office, …) or when more than
:data:`BINARY_CONTROL_RATIO` (and at least :data:`MIN_BINARY_CONTROLS`) of
its first bytes are NUL or other control characters (and it is not UTF-16).

After decoding, the text is normalised (:func:`normalize_text`): line endings
CRLF and CR become ``\\n``; NUL and other C0 control characters (except tab,
newline and form feed) are removed; the text is put in Unicode NFC form
(``e`` + combining grave → ``è``). Each change that alters characters is
reported as a warning, never done silently.
"""
from __future__ import annotations

import codecs
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator, NamedTuple

from .errors import InputRejected

__all__ = [
    "Decoded", "TextLine", "decode_bytes", "normalize_text", "binary_reason", "iter_text_lines",
    "BINARY_CONTROL_RATIO", "MIN_BINARY_CONTROLS", "SAMPLE_BYTES", "FOREIGN_LETTER_RATIO", "MIN_FOREIGN_LETTERS",
]

#: Share of NUL/control bytes (in the first :data:`SAMPLE_BYTES`) above which
#: a file that is not UTF-16/32 is treated as binary.
BINARY_CONTROL_RATIO = 0.05
#: Share of non-ASCII letters above which CP1252-decoded text is suspected
#: to be another script's code page (Cyrillic, Greek…).
FOREIGN_LETTER_RATIO = 0.3
#: ... counting at least this many non-ASCII letters (short texts are left alone:
#: detectors guess wrong on them).
MIN_FOREIGN_LETTERS = 20
#: ... and at least this many of them (a stray NUL in a short note is not binary).
MIN_BINARY_CONTROLS = 4
#: How many leading bytes the binary check looks at.
SAMPLE_BYTES = 8192

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (also .docx/.xlsx/.odt)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc/.xls)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable program"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
)

_WEAK_SIGNATURES = frozenset({b"MZ", b"ID3", b"RIFF", b"OggS", b"PAR1", b"BZh"})
# C0 controls that are not text layout (tab, newline, CR, form feed stay).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_WESTERN = frozenset({"cp1252", "windows-1252", "latin-1", "latin_1", "iso8859-1", "iso-8859-1", "ascii"})
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.IGNORECASE)


@dataclass
class Decoded:
    """A decoded, normalised text, the encoding used, and what was changed."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary (non-text) file, or None if it looks like text.

    UTF-16/32 text (with or without BOM) is not binary: its NUL bytes are part
    of the encoding.
    """
    for sig, what in _SIGNATURES:
        if data.startswith(sig) and (sig not in _WEAK_SIGNATURES or _has_control_bytes(data[:1024])):
            # A short signature made of letters ("MZ", "ID3") could also start
            # an article: it counts only when control bytes follow.
            return f"binary file ({what}), not text"
    if _bom_encoding(data) is not None or _utf16_without_bom(data) is not None:
        return None
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return None
    n_control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if n_control > max(BINARY_CONTROL_RATIO * len(sample), MIN_BINARY_CONTROLS - 1):
        return (
            f"binary file (not text): {n_control} of its first {len(sample)} bytes are "
            "NUL or control characters"
        )
    return None


def _has_control_bytes(head: bytes) -> bool:
    return len(head.translate(None, _CONTROL_BYTES)) < len(head)


def _bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit on every other byte, like ASCII in UTF-16."""
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.6 * half and even_nul <= 0.05 * half:
        codec = "utf-16-le"
    elif even_nul >= 0.6 * half and odd_nul <= 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf8_with_cp1252_bytes(data: bytes) -> tuple[str, int] | None:
    """Decode mostly-UTF-8 ``data``, reading stray bytes as CP1252.

    Returns None unless valid multi-byte UTF-8 characters outnumber the stray
    bytes (a pure CP1252 file almost never contains valid UTF-8 sequences).
    """
    text = data.decode("utf-8", "replace")
    n_bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    n_good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if n_good <= n_bad:
        return None
    out: list[str] = []
    pos = 0
    while pos < len(data):
        try:
            out.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(data[pos : pos + exc.start].decode("utf-8"))
            bad = data[pos + exc.start : pos + exc.end]
            out.append(bad.decode("cp1252", "replace"))
            pos += exc.end
    return "".join(out), n_bad


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode one file's bytes into normalised text (see the module docstring).

    ``declared`` is an encoding named by metadata; with ``html=True`` a
    ``<meta charset>`` in the first 4 KB is honoured when the bytes are not UTF-8.
    Raises :class:`InputRejected` for binary data (the message says why).
    """
    reason = binary_reason(data)
    if reason:
        raise InputRejected(reason)
    warnings: list[str] = []
    bom = _bom_encoding(data)
    if bom is not None:
        codec, name, n = bom
        text = data[n:].decode(codec, "replace")
        n_bad = text.count("\ufffd") - data[n:].decode(codec, "ignore").count("\ufffd")
        if n_bad:
            warnings.append(f"{n_bad} byte sequence(s) were not valid {name} and became U+FFFD")
        encoding = name
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text, encoding = data.decode(utf16), utf16
    else:
        text, encoding = _decode_single_byte(data, declared or (_declared_charset(data) if html else None), warnings)
    text, more = normalize_text(text)
    return Decoded(text, encoding, warnings + more)


def _decode_single_byte(data: bytes, declared: str | None, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_cp1252_bytes(data)
    if mixed is not None:
        text, n_bad = mixed
        warnings.append(f"mixed encodings: {n_bad} byte(s) were not UTF-8 and were read as CP1252")
        return text, "utf-8+cp1252"
    if declared:
        try:
            name = codecs.lookup(declared).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"declared encoding {declared!r} does not decode the file: ignored")
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if _looks_like_another_script(text):
        guess = _other_script_guess(data)
        if guess is not None:
            warnings.append(f"not UTF-8 and not Western European text: read as {guess[1]} (charset-normalizer's guess)")
            return guess
    return text, encoding


def _looks_like_another_script(text: str) -> bool:
    """More than :data:`FOREIGN_LETTER_RATIO` of the letters are non-ASCII.

    Italian has about 2% accented letters; a Cyrillic or Greek code page read
    as CP1252 comes out as mostly ``Ð Ñ Ï`` letters.
    """
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha())
    non_ascii = sum(1 for ch in sample if ch.isalpha() and ord(ch) > 127)
    return non_ascii >= MIN_FOREIGN_LETTERS and non_ascii > FOREIGN_LETTER_RATIO * letters


def _other_script_guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's guess, kept only when it reads as a non-Latin script."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # a detector failure must not lose the file: keep the Western reading
        return None
    if best is None or best.encoding.replace("_", "-") in _WESTERN or not best.coherence > 0:
        return None  # no guess, a Western one, or one that matches no language's letter frequencies
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    letters = [ch for ch in text[:20000] if ch.isalpha() and ord(ch) > 127]
    if not letters or sum(ord(ch) > 0x24F for ch in letters) < 0.5 * len(letters):
        return None  # another Latin code page (cp1250, Mac-Roman…): it would only move the accents
    return text, best.encoding


def normalize_text(text: str) -> tuple[str, list[str]]:
    """Line endings to ``\\n``, control characters removed, Unicode NFC.

    Returns the new text and warnings for changes beyond line endings.
    """
    warnings: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):  # a BOM left inside an already-decoded string
        text = text[1:]
    n_nul = text.count("\x00")
    if n_nul or _CONTROL_RE.search(text):
        cleaned = _CONTROL_RE.sub("", text)
        n_other = len(text) - len(cleaned) - n_nul
        parts = ([f"{n_nul} NUL byte(s)"] if n_nul else []) + ([f"{n_other} control character(s)"] if n_other else [])
        warnings.append(f"removed {' and '.join(parts)}")
        text = cleaned
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        warnings.append("Unicode normalised to NFC (composed accents)")
    return text, warnings


class TextLine(NamedTuple):
    """One line of a streamed file: its text (None when skipped), encoding, warnings."""

    text: str | None
    encoding: str
    warnings: list[str]


def iter_text_lines(fh: BinaryIO, *, max_line_bytes: int | None = None) -> Iterator[TextLine]:
    """Decoded lines of a binary file, read one at a time (for large JSONL/CSV).

    A UTF-16/32 file (by BOM) is read through a streaming decoder; otherwise
    each line is decoded on its own with the ladder (UTF-8, then CP1252, then
    Latin-1), so one bad line cannot spoil the others. Lines keep their
    ``\\n`` ending; CRLF becomes ``\\n``. A line longer than
    ``max_line_bytes`` is skipped unread and yields ``TextLine(None, ..., [reason])``.
    """
    buffered = io.BufferedReader(_Prefixed(b"", fh), buffer_size=1 << 16)  # type: ignore[arg-type]
    head = buffered.peek(4)[:4]
    bom = _bom_encoding(head)
    too_long = [f"record longer than {max_line_bytes:,} bytes (max_bytes)"] if max_line_bytes else []
    if bom is not None and bom[1] != "utf-8-sig":
        name = bom[1]
        wrapper = io.TextIOWrapper(buffered, encoding=name, errors="replace", newline="")
        factor = 2 if "16" in name else 4
        limit = -1 if max_line_bytes is None else max_line_bytes // factor + 1
        while line := wrapper.readline(limit):
            if limit > 0 and len(line) >= limit and not line.endswith("\n"):
                while (more := wrapper.readline(limit)) and not more.endswith("\n"):
                    pass
                yield TextLine(None, name, list(too_long))
                continue
            yield _clean_line(line, name)
        return
    if head.startswith(codecs.BOM_UTF8):
        buffered.read(len(codecs.BOM_UTF8))
    limit = -1 if max_line_bytes is None else max_line_bytes + 1
    while raw := buffered.readline(limit):
        if limit > 0 and len(raw) >= limit and not raw.endswith(b"\n"):
            while (rest := buffered.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield TextLine(None, "utf-8", list(too_long))
            continue
        try:
            line, name = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                line, name = raw.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                line, name = raw.decode("latin-1"), "latin-1"
        yield _clean_line(line, name)


def _clean_line(line: str, encoding: str) -> TextLine:
    ending = "\n" if line.endswith(("\n", "\r")) else ""
    body, warnings = normalize_text(line.rstrip("\r\n"))
    return TextLine(body + ending, encoding, warnings)


class _Prefixed(io.RawIOBase):
    """A read-only raw binary stream over ``fh`` (lets BufferedReader wrap any file object)."""

    def __init__(self, prefix: bytes, fh: BinaryIO) -> None:
        self._prefix = prefix
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        if self._prefix:
            n = min(len(buf), len(self._prefix))
            buf[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._fh.read(len(buf))
        buf[: len(data)] = data
        return len(data)
