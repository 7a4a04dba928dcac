"""Reading a seeds folder into raw documents (first version: plain text).

Each file becomes one or more :class:`~analysis.corpus.RawDocument` or a
``(path, reason)`` rejection. Metadata for ``name.txt`` may sit beside it in
``name.meta.yaml``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .corpus import RawDocument
from .errors import InputRejected, SeedsNotFoundError
from .paths import PROJECT_ROOT

__all__ = ["read_seeds", "SIDECAR_SUFFIX"]

SIDECAR_SUFFIX = ".meta.yaml"


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if p.exists() or p.is_absolute():
        return p
    alt = PROJECT_ROOT / p
    return alt if alt.exists() else p


def _sidecar(file: Path) -> dict[str, Any]:
    side = file.with_name(file.stem + SIDECAR_SUFFIX)
    if not side.exists():
        return {}
    data = yaml.safe_load(side.read_text(encoding="utf-8"))
    return dict(data) if isinstance(data, dict) else {}


def _read_file(file: Path, rel: str) -> list[RawDocument]:
    data = file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputRejected(f"{rel}: not valid UTF-8 text") from exc
    if not text.strip():
        raise InputRejected(f"{rel}: empty or whitespace-only file")
    meta = {"language": "it", **_sidecar(file)}
    doc_id = str(Path(rel).with_suffix("")).replace("\\", "/")
    return [RawDocument(doc_id, rel, text, meta)]


def read_seeds(path: str | Path) -> tuple[list[RawDocument], list[tuple[str, str]], Path]:
    """All documents and rejections under ``path`` (a folder or one file)."""
    root = _resolve(path)
    if not root.exists():
        raise SeedsNotFoundError(f"{path}: no such seeds folder or file")
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    base = root.parent if root.is_file() else root
    docs: list[RawDocument] = []
    rejected: list[tuple[str, str]] = []
    for file in files:
        rel = file.relative_to(base).as_posix()
        if rel.endswith(SIDECAR_SUFFIX):
            continue
        try:
            docs.extend(_read_file(file, rel))
        except InputRejected as exc:
            rejected.append((rel, str(exc)))
    return docs, rejected, root
