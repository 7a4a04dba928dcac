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


#: Debian's Chromium (``make chromium`` installs it); never a downloaded browser.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium driven by Playwright; skips when Chromium is absent."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (`make chromium` as root, "
                    "or `apt-get install chromium`) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (make test installs it)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
