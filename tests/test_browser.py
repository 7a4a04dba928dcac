"""The reports in a real browser: Debian's Chromium, headless, offline.

Opens ``reports/index.html`` and every notebook report of the ``seed_report``
run from ``file://``, and checks that every figure loads, that nothing is
fetched from the network, that no script runs and the console stays clean.
Screenshots are saved under the test's temporary folder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


@dataclass
class PageVisit:
    """What the browser reported while loading one page."""

    images: list[dict]
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    remote_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    screenshot: Path | None = None


def visit(browser, page_file: Path, screenshot: Path) -> PageVisit:
    """Load ``page_file`` in a fresh page, record problems, take a screenshot."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = PageVisit(images=[])

    def on_remote(route):
        seen.remote_requests.append(route.request.url)
        route.abort()

    def on_dialog(dialog):
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.route(re.compile(r"^(https?|wss?|ftp):"), on_remote)
    page.on("console", lambda msg: seen.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.page_errors.append(str(exc)))
    page.on("requestfailed", lambda req: seen.failed_requests.append(f"{req.url} ({req.failure})"))
    page.on("dialog", on_dialog)
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        seen.images = page.evaluate(
            """() => Array.from(document.images).map(img => ({
                src: img.currentSrc.slice(0, 80), complete: img.complete, naturalWidth: img.naturalWidth}))"""
        )
        page.screenshot(path=str(screenshot), full_page=True)
        seen.screenshot = screenshot
    finally:
        context.close()
    return seen


def assert_clean(seen: PageVisit, name: str, *, min_images: int) -> None:
    assert len(seen.images) >= min_images, f"{name}: {len(seen.images)} images, expected at least {min_images}"
    broken = [img["src"] for img in seen.images if not (img["complete"] and img["naturalWidth"] > 0)]
    assert not broken, f"{name}: images that did not load: {broken}"
    assert not seen.console_errors, f"{name}: console errors: {seen.console_errors}"
    assert not seen.page_errors, f"{name}: page errors: {seen.page_errors}"
    assert not seen.failed_requests, f"{name}: failed requests: {seen.failed_requests}"
    assert not seen.remote_requests, f"{name}: tried to reach the network: {seen.remote_requests}"
    assert not seen.dialogs, f"{name}: a script opened dialogs: {seen.dialogs}"
    assert seen.screenshot is not None and seen.screenshot.stat().st_size > 0


def test_index_and_every_report_load_cleanly_offline(chromium, seed_report, tmp_path):
    out, results = seed_report
    reports = out / "reports"
    index_figures = sum(1 for r in results for f in r.figures if f.suffix == ".png")
    seen = visit(chromium, reports / "index.html", tmp_path / "index.png")
    assert_clean(seen, "index.html", min_images=index_figures)
    for r in results:
        shows_figures = any(f.suffix == ".png" for f in r.figures)
        seen = visit(chromium, r.html, tmp_path / f"{r.html.stem}.png")
        assert_clean(seen, r.html.name, min_images=1 if shows_figures else 0)
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(shots) == len(results) + 1, shots
