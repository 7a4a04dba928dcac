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
