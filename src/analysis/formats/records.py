"""One article per record (JSON Lines and CSV): the rules both formats share.

A record needs a ``text`` field (name matched case-insensitively) holding a
non-empty string; every other field becomes metadata (names lower-cased,
spaces → ``_``, empty values dropped). A record's key, used in its doc_id
``<file without extension>#<key>``, is its ``id`` field when that is present,
short and not already used in the same file; otherwise the line number where
the record starts (a repeated id is kept as metadata and a warning says so).
"""
from __future__ import annotations

from typing import Any

from ..encoding import normalize_text
from ..errors import InputRejected
from .base import Extracted, check_text, clean_metadata, format_size

__all__ = ["record_to_extracted", "find_text_field", "MAX_ID_LENGTH"]

MAX_ID_LENGTH = 100


def find_text_field(names: list[str]) -> str | None:
    """The name of the text field among ``names`` (``text``, any case), or None."""
    for name in names:
        if isinstance(name, str) and name.strip().lower() == "text":
            return name
    return None


def record_to_extracted(
    fields: dict[Any, Any], where: str, line_no: int, used_keys: set[str], *, max_bytes: int,
    encoding: str | None, warnings: list[str],
) -> Extracted:
    """Turn one parsed record into a document (raises :class:`InputRejected`)."""
    text_field = find_text_field(list(fields))
    if text_field is None:
        names = ", ".join(str(k) for k in fields) or "none"
        raise InputRejected(f"{where}: no 'text' field (fields: {names})")
    value = fields[text_field]
    if not isinstance(value, str):
        kind = "empty" if value is None else f"a {type(value).__name__}"
        raise InputRejected(f"{where}: 'text' is {kind}, not a string")
    if len(value) > max_bytes // 4 and len(value.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputRejected(f"{where}: text too large (over {format_size(max_bytes)}, see load_corpus(max_bytes=...))")
    text, more = normalize_text(value)
    check_text(text, where)
    meta = clean_metadata({k: v for k, v in fields.items() if k != text_field})
    warnings = list(warnings) + more
    key = str(line_no)
    raw_id = meta.get("id")
    if raw_id is not None and not isinstance(raw_id, (dict, list)):
        candidate = str(raw_id).strip()
        if candidate and len(candidate) <= MAX_ID_LENGTH and candidate not in used_keys:
            key = candidate
        elif candidate in used_keys:
            warnings.append(f"id {candidate!r} already used earlier in the file: doc_id uses the line number")
    if key in used_keys:  # a line number equal to an earlier id
        key = f"line{line_no}"
    used_keys.add(key)
    return Extracted(text, meta, encoding, warnings, key)
