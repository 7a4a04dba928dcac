"""Source attribution for Italian news: who speaks, through whom, and how.

:func:`extract_attributions` gives one row per attribution (direct, indirect,
mixed or "according to") with speaker, cue, content, channel, nested source
(``via``) and stance, every span as character offsets. The two halves,
:func:`extract_document_attributions` (per document) and
:func:`canonicalize_speakers` (corpus-wide alias merging), can run separately.

Modules: :mod:`.lexicon` (data files), :mod:`.document`, :mod:`.quotes`,
:mod:`.tags`, :mod:`.cues`, :mod:`.speakers`, :mod:`.channels`; the parse:
:mod:`.parse`, :mod:`.grammar`, :mod:`.frames`; the constructions, run by
:mod:`.find` on one document: :mod:`.rows` (the row and span helpers),
:mod:`.subjects` (who speaks), :mod:`.forward`, :mod:`.syntax_rows`,
:mod:`.postposed`, :mod:`.objects`, :mod:`.clitic`, :mod:`.passive`,
:mod:`.according`, :mod:`.according_content`, :mod:`.cleft`, :mod:`.colon`,
:mod:`.floating`, :mod:`.filters`, :mod:`.nesting`; then
:mod:`.gender`, :mod:`.profile`, :mod:`.canonical`, :mod:`.extract`, :mod:`.plots`.
"""
from __future__ import annotations

from .canonical import canonicalize_speakers, country_of
from .extract import COLUMNS, empty_table, extract_attributions, extract_document_attributions
from .readers import READER_NAMES, AttributionSettings

__all__ = [
    "extract_attributions", "extract_document_attributions", "canonicalize_speakers",
    "country_of", "COLUMNS", "empty_table", "AttributionSettings", "READER_NAMES",
]
