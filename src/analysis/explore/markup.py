"""The explorers' HTML: article text marked up, escaped, with no script.

Every piece of article text, metadata and speaker name goes through
:func:`html.escape` (quotes included) before it reaches the page, so nothing
an article contains ever becomes markup. The markup itself is a fixed set of
``table``, ``span`` and ``div`` elements with inline styles: it renders the
same in JupyterLab, Voilà and the script-free HTML report.
"""
from __future__ import annotations

import html
from typing import Iterable

import pandas as pd

from .index import ExplorerIndex
from .queries import document_attributions, document_sentences

__all__ = ["ROLE_STYLES", "TONE_COLOURS", "legend_html", "article_html", "table_html", "attribution_note", "message_html"]

#: Each part of an attribution: (label in the legend, inline style).
ROLE_STYLES: dict[str, tuple[str, str]] = {
    "speaker": ("speaker", "background-color:#b9d7f0;text-decoration:underline solid #0072B2"),
    "cue": ("reporting verb (cue)", "background-color:#f6d39a;text-decoration:underline solid #E69F00"),
    "channel": ("channel", "background-color:#eccbe0;text-decoration:underline solid #CC79A7"),
    "content": ("what was said (content)", "background-color:#d3efe2;text-decoration:underline dotted #009E73"),
}
#: Which style a piece of text takes when it is in several parts (first wins).
_PRIORITY = ("speaker", "cue", "channel", "content")
#: Only CSS properties that survive the report's sanitizer are used
#: (background-color, color, text-decoration, font-*, text-align, width…).
#: Sentence-tone strip colours.
TONE_COLOURS = {"negative": "#e8a07a", "neutral": "#e4e4e4", "positive": "#8fd0b6"}
_HIGHLIGHT = "background-color:#ffe066;font-weight:bold;text-decoration:underline double #000000"


def _esc(value: object) -> str:
    return html.escape("" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value), quote=True)


def message_html(text: str) -> str:
    """One escaped line of explanation."""
    return f'<p style="color:#444444">{_esc(text)}</p>'


def legend_html() -> str:
    """The colour key of :func:`article_html`."""
    items = [f'<span style="{style}">{_esc(label)}</span>' for label, style in ROLE_STYLES.values()]
    tones = [f'<span style="background-color:{c}">{_esc(t)}</span>' for t, c in TONE_COLOURS.items()]
    return (f'<div style="margin:.3em 0;line-height:1.8">{" ".join(items)}</div>'
            f'<div style="margin:.3em 0;font-size:90%">sentence tone (left strip): {" ".join(tones)}</div>')


def attribution_note(row: pd.Series, *, number: int, with_gender: bool = False) -> str:
    """One line describing an attribution (unescaped; callers escape)."""
    def value(col: str, empty: str = "—") -> str:
        v = row.get(col)
        return empty if v is None or (not isinstance(v, str) and pd.isna(v)) or str(v) == "" else str(v)

    polarity = row.get("polarity")
    tone = value("tone")
    if polarity is not None and not pd.isna(polarity):
        tone += f" ({float(polarity):+.2f})"
    parts = [f"attribution {number}", f"type: {value('type')}", f"speaker: {value('speaker_canonical', 'no named source')}",
             f"stance: {value('stance')}", f"tone: {tone}", f"channel: {value('channel')}", f"via: {value('via')}"]
    if with_gender:
        parts.append(f"gender: {value('speaker_gender')}")
    return "; ".join(parts)


def _spans(attributions: pd.DataFrame) -> list[tuple[int, int, str, int]]:
    spans = []
    for number, (_, row) in enumerate(attributions.iterrows(), start=1):
        for role in _PRIORITY:
            a, b = row.get(f"{role}_start"), row.get(f"{role}_end")
            if a is None or b is None or pd.isna(a) or pd.isna(b) or int(b) <= int(a):
                continue
            spans.append((int(a), int(b), role, number))
    return spans


def _pieces(text: str, start: int, end: int, spans: list[tuple[int, int, str, int]], notes: dict[int, str],
            highlight: tuple[int, int] | None) -> str:
    inside = [(max(a, start), min(b, end), role, n) for a, b, role, n in spans if a < end and b > start]
    cuts = {start, end}
    for a, b, _, _ in inside:
        cuts.update((a, b))
    if highlight is not None and highlight[0] < end and highlight[1] > start:
        cuts.update((max(highlight[0], start), min(highlight[1], end)))
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = _esc(text[a:b])
        covering = [(role, n) for s, e, role, n in inside if s <= a and e >= b]
        if highlight is not None and highlight[0] <= a and highlight[1] >= b:
            piece = f'<span style="{_HIGHLIGHT}">{piece}</span>'
        if covering:
            roles = {r for r, _ in covering}
            role = next(r for r in _PRIORITY if r in roles)
            lines = [f"{ROLE_STYLES[r][0]} — {notes[n]}" for r, n in sorted(covering, key=lambda rn: (rn[1], _PRIORITY.index(rn[0])))]
            piece = f'<span style="{ROLE_STYLES[role][1]}" title="{_esc(chr(10).join(lines))}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def article_html(index: ExplorerIndex, doc_id: str, *, highlight: tuple[int, int] | None = None) -> str:
    """One document as an HTML table: a tone strip beside each sentence, attributions marked.

    Speaker, cue, channel and content of every attribution take the colours
    of :data:`ROLE_STYLES`; hovering shows the attribution's type, speaker,
    stance, tone, channel and via. ``highlight`` (start, end offsets) frames
    one passage, such as a word picked in the word explorer. ``KeyError`` for
    an unknown document.
    """
    text = index.texts[str(doc_id)] if str(doc_id) in index.texts else None
    if text is None:
        raise KeyError(f"no document {doc_id!r} in this corpus")
    attributions = document_attributions(index, doc_id)
    notes = {n: attribution_note(row, number=n, with_gender=index.has_gender)
             for n, (_, row) in enumerate(attributions.iterrows(), start=1)}
    spans = _spans(attributions)
    sentences = document_sentences(index, doc_id)
    rows = []
    for sent in sentences.itertuples(index=False):
        start, end = int(sent.start), int(sent.end)
        tone = str(sent.tone) if pd.notna(sent.tone) else "neutral"
        colour = TONE_COLOURS.get(tone, TONE_COLOURS["neutral"])
        strip = (f'<td style="background-color:{colour};width:3.2em;text-align:center;font-size:80%;vertical-align:top" '
                 f'title="{_esc(f"sentence tone: {tone} ({float(sent.polarity):+.2f})")}">{float(sent.polarity):+.2f}</td>')
        body = _pieces(text, start, end, spans, notes, highlight)
        rows.append(f'<tr>{strip}<td style="text-align:left;vertical-align:top;line-height:1.7">{body}</td></tr>')
    if not rows:
        return message_html("This document has no sentences to show.")
    return ('<table style="border-collapse:separate;border-spacing:0 .25em;max-width:60em">'
            '<thead><tr><th title="polarity, -1 to +1">tone</th><th style="text-align:left">text</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def table_html(table: pd.DataFrame, *, columns: Iterable[str] | None = None, max_rows: int = 200,
               empty: str = "Nothing to show.") -> str:
    """``table`` as an escaped HTML table (first ``max_rows`` rows); ``empty`` when it has none."""
    if table.empty:
        return message_html(empty)
    shown = table if columns is None else table[[c for c in columns if c in table.columns]]
    shown = shown.head(max_rows)
    for col in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[col]):
            shown = shown.assign(**{col: shown[col].dt.strftime("%Y-%m-%d").fillna("—")})
        elif not pd.api.types.is_numeric_dtype(shown[col]):
            shown = shown.assign(**{col: shown[col].astype(object).where(shown[col].notna(), "—")})
    markup = shown.to_html(index=False, escape=True, border=0, na_rep="—", float_format=lambda x: f"{x:.2f}")
    more = "" if len(table) <= max_rows else message_html(f"… and {len(table) - max_rows} more rows.")
    return markup + more
