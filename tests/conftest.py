"""Shared fixtures: the seed corpus (loaded once) and the shared data folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.paths import PROJECT_ROOT, SHARED_DATA_DIR

SEED_ID = "000_785c457bafa34816"


@pytest.fixture(scope="session")
def seed_corpus():
    return load_corpus(PROJECT_ROOT / "seeds")


@pytest.fixture(scope="session")
def seed_text(seed_corpus) -> str:
    return seed_corpus.text(SEED_ID)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests using it skip when it is absent."""
    if not SHARED_DATA_DIR.is_dir():
        pytest.skip("../shared/data is absent: measurement tests skipped")
    return SHARED_DATA_DIR


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """Every notebook run once on seeds/ into a temporary OUT folder.

    The notebook, report and browser tests all inspect this one run, so the
    notebooks execute once per test session. Returns ``(out_dir, results)``.
    """
    from analysis.report import build_report

    out = tmp_path_factory.mktemp("report")
    results = build_report(seeds_dir=PROJECT_ROOT / "seeds", out_dir=out, progress=None)
    return out, results
