"""The explorers as a researcher uses them: JupyterLab and the Voilà app in headless Chromium.

One JupyterLab server and one Voilà server are started on loopback, both
reading the multi-outlet corpus of :mod:`multi_corpus` (through
``WORKBOOK_SEEDS``, as ``make app SEEDS=…`` does) from a copy of
``05_explore.ipynb``, so the committed notebook is never saved over. In each,
the test picks a document, types a word, picks a keyword-in-context line and
a speaker, and checks that what is shown changed accordingly. Screenshots
are saved under the test's temporary folder.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from analysis.paths import DATA_DIR, NOTEBOOKS_DIR
from multi_corpus import expected, write_multi_corpus

pytestmark = pytest.mark.slow

NOTEBOOK = "05_explore.ipynb"
#: Long enough for a cold start of the server, the kernel and the index on a busy 2-core machine.
START_TIMEOUT = 120
WIDGET_TIMEOUT_MS = 120_000
WORD = "bilancio"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bin(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (make test installs the project's dependencies)")
    return found


@contextmanager
def _server(cmd: list[str], url: str, cwd: Path, env: dict[str, str], log: Path):
    """Run ``cmd`` until ``url`` answers; stop it (and only it) afterwards."""
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"{cmd[0]} exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
                try:
                    with urllib.request.urlopen(url, timeout=5):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        pytest.fail(f"{cmd[0]} did not answer at {url} within {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")
                    time.sleep(0.5)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder holding a copy of the notebook, the corpus, and the servers' environment."""
    root = tmp_path_factory.mktemp("explore_browser")
    seeds = write_multi_corpus(root / "seeds")
    (root / "notebooks").mkdir()
    shutil.copy(NOTEBOOKS_DIR / NOTEBOOK, root / "notebooks" / NOTEBOOK)
    env = dict(os.environ)
    env.update({
        "WORKBOOK_SEEDS": str(seeds),
        "JUPYTER_CONFIG_DIR": str(root / "jupyter_config"),
        "JUPYTER_RUNTIME_DIR": str(root / "jupyter_runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(root / "lab_workspaces"),
        "JUPYTERLAB_SETTINGS_DIR": str(root / "lab_settings"),
        "PYTHONUNBUFFERED": "1",
    })
    return root, env


def _expected_hits() -> int:
    return sum(len(re.findall(rf"\b{WORD}\b", a["text"], flags=re.IGNORECASE)) for a in expected())


def _open_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    remote: list[str] = []

    def block(route):
        remote.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(https?|wss?)://(?!127\.0\.0\.1[:/]|localhost[:/])"), block)
    page.goto(url, wait_until="domcontentloaded", timeout=WIDGET_TIMEOUT_MS)
    return context, page, remote


def _reader_text(page) -> str:
    return page.locator(".workbook-reader tbody").first.inner_text()


def _exercise(page, shots: Path, name: str) -> None:
    """What a researcher does: pick a document, search a word, open a line, pick a speaker."""
    page.wait_for_selector(".workbook-reader tbody", timeout=WIDGET_TIMEOUT_MS)
    before = _reader_text(page)
    page.screenshot(path=str(shots / f"{name}_reader.png"), full_page=True)

    picker = page.locator(".workbook-reader select").first
    options = picker.locator("option").all_text_contents()
    assert len(options) == len(expected()), options
    picker.select_option(index=5)
    page.wait_for_function(
        "before => document.querySelector('.workbook-reader tbody').innerText !== before", arg=before, timeout=30_000)
    after = _reader_text(page)
    assert after != before and len(after) > 50

    page.get_by_role("tab", name="Word explorer").first.click()
    box = page.locator(".workbook-words input[type=text]").first
    box.fill(WORD)
    box.press("Enter")
    lines = page.locator(".workbook-kwic select option")
    page.wait_for_function(
        "n => document.querySelectorAll('.workbook-kwic select option').length === n", arg=_expected_hits(), timeout=30_000)
    assert lines.count() == _expected_hits()
    assert all(f"[{WORD}]" in t.lower() for t in lines.all_text_contents())
    page.wait_for_function(
        "() => { const img = document.querySelector('.workbook-words img'); return img && img.naturalWidth > 0; }",
        timeout=60_000)
    page.screenshot(path=str(shots / f"{name}_words.png"), full_page=True)

    page.locator(".workbook-kwic select").first.select_option(index=0)
    # The reader comes to the front with the word framed.
    try:
        page.wait_for_function(
            "() => [...document.querySelectorAll('.workbook-reader span')].some("
            "s => (s.getAttribute('style') || '').includes('#ffe066'))", timeout=60_000)
    finally:
        page.screenshot(path=str(shots / f"{name}_opened.png"), full_page=True)
    framed = page.locator(".workbook-reader span[style*='#ffe066']").first
    assert framed.inner_text().lower() == WORD
    assert framed.is_visible()

    page.get_by_role("tab", name="Speaker explorer").first.click()
    page.wait_for_selector(".workbook-speakers select option", state="attached", timeout=30_000)
    page.wait_for_selector(".workbook-speakers table", timeout=30_000)
    speakers = page.locator(".workbook-speakers select").first
    said_before = page.locator(".workbook-speakers table").first.inner_text()
    names = [t.replace("\xa0", " ") for t in speakers.locator("option").all_text_contents()]  # widgets show non-breaking spaces
    speakers.select_option(index=next(i for i, t in enumerate(names) if t.startswith("Paolo Gialli")))
    page.wait_for_function(
        "before => document.querySelector('.workbook-speakers table').innerText !== before", arg=said_before, timeout=30_000)
    assert "ha detto" in page.locator(".workbook-speakers table").first.inner_text()
    page.screenshot(path=str(shots / f"{name}_speakers.png"), full_page=True)


def test_explorers_in_jupyterlab(chromium, workspace, tmp_path):
    root, env = workspace
    port, token = _free_port(), "workbook-test"
    cmd = [_bin("jupyter"), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
           "--allow-root", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    with _server(cmd, f"http://127.0.0.1:{port}/api/status?token={token}", root, env, tmp_path / "lab.log"):
        context, page, remote = _open_page(chromium, f"http://127.0.0.1:{port}/lab/tree/notebooks/{NOTEBOOK}?token={token}")
        try:
            page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=WIDGET_TIMEOUT_MS)
            page.wait_for_function(
                "() => { const w = window.jupyterapp.shell.currentWidget;"
                " return w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel"
                " && w.sessionContext.session.kernel.status === 'idle'; }", timeout=WIDGET_TIMEOUT_MS)
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            _exercise(page, tmp_path, "lab")
            assert not remote, f"JupyterLab tried to reach the network: {remote}"
        finally:
            context.close()


def test_explorers_in_the_voila_app(chromium, workspace, tmp_path):
    root, env = workspace
    port = _free_port()
    # As `make app` runs it: the workbook's page template, found through JUPYTER_PATH.
    cmd = [_bin("voila"), f"notebooks/{NOTEBOOK}", "--template=workbook", "--no-browser", f"--port={port}",
           "--Voila.ip=127.0.0.1"]
    env = dict(env, JUPYTER_PATH=str(DATA_DIR))
    with _server(cmd, f"http://127.0.0.1:{port}/", root, env, tmp_path / "voila.log"):
        context, page, remote = _open_page(chromium, f"http://127.0.0.1:{port}/")
        try:
            _exercise(page, tmp_path, "voila")
            # The app shows the narrative and the widgets, not the code.
            assert "computed once" not in page.content() and "workbook_folders" not in page.content()
            assert not remote, f"the app tried to reach the network: {remote}"
        finally:
            context.close()
