"""Dates as researchers write them: ISO, Italian day-first, Italian month names."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-18", "2024-06-18 00:00:00"),
        (dt.date(2024, 6, 18), "2024-06-18 00:00:00"),
        ("2024-06-18T10:30:00+02:00", "2024-06-18 10:30:00"),  # local wall-clock time kept
        ("18/06/2024", "2024-06-18 00:00:00"),  # day first, as in Italy
        ("05.03.2024 14:05", "2024-03-05 14:05:00"),
        ("18 giugno 2024", "2024-06-18 00:00:00"),
        ("martedì 18 giugno 2024, ore 10:30", "2024-06-18 10:30:00"),
        ("3 ott. 2023", "2023-10-03 00:00:00"),
        ("June 18, 2024", "2024-06-18 00:00:00"),
    ],
)
def test_dates_are_read(value, expected):
    ts, warning = parse_date(value)
    assert warning is None
    assert ts == pd.Timestamp(expected) and ts.tzinfo is None


@pytest.mark.parametrize("value", ["presto", "31/02/2024", "0001-01-01", "18 brumaio 2024"])
def test_unreadable_dates_are_empty_with_a_warning(value):
    ts, warning = parse_date(value)
    assert ts is None and value in warning


@pytest.mark.parametrize("value", [None, "", "  ", float("nan")])
def test_missing_dates_are_empty_without_warning(value):
    assert parse_date(value) == (None, None)
