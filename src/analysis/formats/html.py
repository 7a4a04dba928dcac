"""Web pages (``.html``, ``.htm``): the readable text only.

BeautifulSoup (Python's built-in ``html.parser``) parses the page. Dropped
entirely: ``<head>`` (read for metadata only), ``script``, ``style``,
``noscript``, ``template``, ``svg``, ``iframe`` and other embedded objects,
forms, and page furniture (``nav``, ``aside``, ``footer``); comments too.

Layout: every block element (``p``, ``div``, ``h1``–``h6``, ``li``,
``blockquote``, ``article``, ``section``, table rows, …) starts a new
paragraph, and paragraphs are joined by a blank line, so the corpus splits
them as paragraphs; ``<br>`` is a line break inside a paragraph. Runs of
spaces and newlines in the markup collapse to one space, as a browser shows
them. The document text is this rendering: offsets point into it, not into
the HTML source.

Metadata read from the page: ``<title>`` (or ``og:title``) → title;
``<html lang>`` → language; ``article:published_time``/``date`` meta →
date; ``og:site_name`` → outlet; canonical link or ``og:url`` → url;
``author`` meta → author.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputRejected
from .base import Extracted, ReaderIterator, check_text, clean_metadata, decode_file, read_bytes_limited

__all__ = ["read_html", "html_to_text", "DROPPED_TAGS", "BLOCK_TAGS"]

DROPPED_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
    "object", "embed", "video", "audio", "picture", "map", "form", "button", "select",
    "textarea", "input", "nav", "aside", "footer", "dialog",
})
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})

# Private-use characters mark block and line breaks while the tree is flattened.
_BLOCK = "\ue000"
_LINE = "\ue001"
_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
_LINE_SPLIT_RE = re.compile(r" ?" + _LINE + r" ?")
_META_FIELDS = {
    "og:title": "title", "twitter:title": "title",
    "article:published_time": "date", "date": "date", "dc.date": "date", "pubdate": "date",
    "og:site_name": "outlet", "og:url": "url", "author": "author", "article:author": "author",
    "description": "description", "og:description": "description",
}


def read_html(file: Path, rel: str, *, max_bytes: int, declared_encoding: str | None = None) -> ReaderIterator:
    """One document: the page's readable text, with metadata from its head."""
    decoded = decode_file(read_bytes_limited(file, rel, max_bytes=max_bytes), rel, declared=declared_encoding, html=True)
    try:
        text, meta = html_to_text(decoded.text)
    except RecursionError:
        raise InputRejected(f"{rel}: HTML nested too deeply to read") from None
    check_text(text, f"{rel} (readable text of the page)")
    yield Extracted(text, clean_metadata(meta), decoded.encoding, decoded.warnings)


def html_to_text(source: str) -> tuple[str, dict[str, Any]]:
    """``(readable text, metadata)`` of an HTML page (see the module docstring)."""
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction

    source = source.replace(_BLOCK, " ").replace(_LINE, " ")
    soup = BeautifulSoup(source, "html.parser")
    meta = _page_metadata(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Declaration, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(DROPPED_TAGS):
        if not getattr(tag, "decomposed", True):  # a dropped parent already took it
            tag.decompose()
    for tag in soup.find_all("br"):
        tag.replace_with(_LINE)
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert(0, _BLOCK)
        tag.append(_BLOCK)
    flat = "".join(soup.strings)
    paragraphs = []
    for block in flat.split(_BLOCK):
        block = _SPACE_RE.sub(" ", block)
        lines = [line.strip() for line in _LINE_SPLIT_RE.split(block)]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs), meta


def _page_metadata(soup) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    meta: dict[str, Any] = {}
    html = soup.find("html")
    if html is not None and html.get("lang"):
        meta["language"] = str(html.get("lang"))
    for tag in soup.find_all("meta"):
        name = str(tag.get("property") or tag.get("name") or "").strip().lower()
        content = tag.get("content")
        field = _META_FIELDS.get(name)
        if field and content and str(content).strip():
            meta.setdefault(field, str(content).strip())
    if "url" not in meta:
        link = soup.find("link", rel="canonical")
        if link is not None and link.get("href"):
            meta["url"] = str(link.get("href"))
    title = soup.find("title")
    if title is not None and title.get_text(strip=True):
        meta.setdefault("title", _SPACE_RE.sub(" ", title.get_text()).strip())
    return meta
