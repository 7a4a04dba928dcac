"""Helpers for the loader tests: seed folders written from bytes in tmp_path."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from analysis import Corpus

__all__ = ["write_files", "assert_offsets_round_trip", "reasons"]


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
