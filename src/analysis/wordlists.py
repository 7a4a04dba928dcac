"""Reading the editable word-list files in ``analysis/data``.

A word list is a UTF-8 text file, one entry per line; ``#`` starts a comment.
Keeping lists in files lets a researcher edit them without touching code.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .paths import DATA_DIR

__all__ = ["read_word_list", "read_word_table"]


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def read_word_list(name: str) -> frozenset[str]:
    """Entries of ``data/<name>`` as a frozenset (apostrophes normalised to ``'``)."""
    return frozenset(w.replace("\u2019", "'") for w in _lines(DATA_DIR / name))


@lru_cache(maxsize=None)
def read_word_table(name: str) -> dict[str, str]:
    """A two-column, tab-separated ``data/<name>`` as a dict (first column → second)."""
    table: dict[str, str] = {}
    for line in _lines(DATA_DIR / name):
        key, _, value = line.partition("\t")
        if not value:
            raise ValueError(f"{name}: expected two tab-separated columns, got {line!r}")
        table[key.strip()] = value.strip()
    return table
