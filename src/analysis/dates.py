"""Publication dates from metadata, as the values researchers actually write.

Accepted: ISO dates and date-times (``2024-06-18``, ``2024-06-18T10:30:00+02:00``),
YAML dates, Italian day-first dates (``18/06/2024``, ``18-06-2024``,
``18.06.2024``) and Italian or English month names (``18 giugno 2024``,
``martedì 18 giugno 2024``, ``June 18, 2024``). A time zone is dropped after
keeping the local wall-clock time, so every date in the column is naive and
comparable. A value that cannot be read becomes ``NaT`` with a warning.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

__all__ = ["parse_date", "ITALIAN_MONTHS", "MIN_YEAR", "MAX_YEAR"]

#: Years outside this range are treated as typing mistakes (and fit pandas' ns range).
MIN_YEAR, MAX_YEAR = 1800, 2200

ITALIAN_MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8,
    "set": 9, "sett": 9, "ott": 10, "nov": 11, "dic": 12,
}
_DAY_FIRST_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?\s*$")
_ITALIAN_RE = re.compile(
    r"^\s*(?:[a-zàèéìòù]+,?\s+)?(\d{1,2})\s+([a-zà-ù]+)\.?\s+(\d{4})(?:\s*,?\s*(?:ore\s+)?(\d{1,2})[:.](\d{2}))?\s*$",
    re.IGNORECASE,
)


def parse_date(value: object) -> tuple[pd.Timestamp | None, str | None]:
    """``(timestamp or None, warning or None)`` for one metadata value."""
    if value is None or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return _checked(str(value), _naive(pd.Timestamp(value)))
    text = str(value).strip()
    if not text:
        return None, None
    m = _DAY_FIRST_RE.match(text)
    if m:
        day, month, year, hh, mm, ss = m.groups()
        return _build(text, int(year), int(month), int(day), hh, mm, ss)
    m = _ITALIAN_RE.match(text)
    if m and m.group(2).lower() in ITALIAN_MONTHS:
        day, month_name, year, hh, mm = m.groups()
        return _build(text, int(year), ITALIAN_MONTHS[month_name.lower()], int(day), hh, mm, None)
    try:
        ts = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return None, f"date {text!r} could not be read: left empty"
    if ts is pd.NaT:
        return None, f"date {text!r} could not be read: left empty"
    return _checked(text, _naive(ts))


def _build(text: str, year: int, month: int, day: int, hh: str | None, mm: str | None, ss: str | None) -> tuple[pd.Timestamp | None, str | None]:
    try:
        ts = pd.Timestamp(year, month, day, int(hh or 0), int(mm or 0), int(ss or 0))
    except (ValueError, OverflowError):
        return None, f"date {text!r} is not a real date: left empty"
    return _checked(text, _naive(ts))


def _checked(text: str, ts: pd.Timestamp | None) -> tuple[pd.Timestamp | None, str | None]:
    if ts is None:
        return None, f"date {text!r} is outside {MIN_YEAR}-{MAX_YEAR}: left empty"
    return ts, None


def _naive(ts: pd.Timestamp) -> pd.Timestamp | None:
    ts = ts.tz_localize(None) if ts.tzinfo is not None else ts
    return ts if MIN_YEAR <= ts.year <= MAX_YEAR else None
