"""YAML front matter at the top of a Markdown article.

A front matter block is a first line ``---``, YAML lines, and a closing line
``---`` (or ``...``)::

    ---
    title: "Il vertice"
    date: 2024-06-18
    outlet: ANSA
    ---
    Testo dell'articolo…

The document text is the *body* after the closing line (offsets count from
the body's first character); the YAML becomes metadata.

Broken front matter never loses the article; the problem is recorded as a
document warning:

* delimiters present, YAML invalid or not a mapping → body after the closing
  line is the text, metadata from the block is ignored;
* a first line ``---`` that is never closed → it is not front matter: the
  whole file is the text.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["split_front_matter", "parse_yaml_mapping"]

_OPEN_RE = re.compile(r"\A---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE)


def parse_yaml_mapping(source: str, what: str) -> tuple[dict[str, Any], str | None]:
    """Parse YAML that should be a mapping: ``(mapping, None)`` or ``({}, warning)``."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at its line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        return {}, f"{what} is not valid YAML ({problem}{where}): its metadata was ignored"
    except Exception as exc:  # PyYAML can fail in odd ways on odd bytes
        return {}, f"{what} could not be read as YAML ({type(exc).__name__}): its metadata was ignored"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, f"{what} is a YAML {type(data).__name__}, not a mapping of fields: its metadata was ignored"
    return {str(k): v for k, v in data.items()}, None


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """``(metadata, body, warnings)`` for a Markdown text (see the module docstring)."""
    opened = _OPEN_RE.match(text)
    if not opened:
        return {}, text, []
    closed = _CLOSE_RE.search(text, opened.end())
    if not closed:
        return {}, text, ["starts with '---' but the front matter is never closed: the whole file is the text"]
    meta, warning = parse_yaml_mapping(text[opened.end() : closed.start()], "front matter")
    return meta, text[closed.end() :], [warning] if warning else []
