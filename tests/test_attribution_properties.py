"""Property-based checks: any string is handled, spans round-trip, content is never empty."""
from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.attribution import COLUMNS, extract_attributions

# Italian news fragments mixed with arbitrary text, so the rules actually fire.
_PIECES = st.sampled_from([
    "Il ministro", " ha dichiarato che ", "«", "»", "“", "”", '"', ", ha detto ", "Secondo l’Ansa, ", "Lo riporta la Reuters.",
    " sono state negate dalla Russia", ": ", "\n\n", ". ", "Ha poi aggiunto che ", " – aggiunge Rossi – ", "il piano è pronto",
    "fonti diplomatiche", " si legge in una nota di ", "secondo", "Putin", " in cui promette di ", "l’agenzia TASS",
])
_TEXT = st.one_of(st.text(max_size=200), st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25).map("".join))


def _check(text: str) -> None:
    df = extract_attributions(text)
    assert list(df.columns) == list(COLUMNS)
    for part in ("speaker", "cue", "content", "channel"):
        for value, s, e in zip(df[part], df[f"{part}_start"], df[f"{part}_end"]):
            if pd.isna(s):
                assert pd.isna(value) and pd.isna(e)
            else:
                assert 0 <= int(s) < int(e) <= len(text)
                assert text[int(s):int(e)] == value
    assert df["content"].notna().all()
    assert all(any(c.isalnum() for c in v) for v in df["content"])
    assert set(df["type"]) <= {"direct", "indirect", "mixed", "according_to"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_never_raises_and_spans_round_trip(text):
    _check(text)
