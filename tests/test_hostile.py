"""Article text is data, never markup: ``make report`` on a hostile seeds folder.

The articles, their metadata and even their file names carry script tags,
event-handler attributes, ``javascript:`` links, Markdown links and
mathtext. The report must still build, show that text as text, and stay
inert: no script from the articles, no ``on*`` attributes, no
``javascript:`` URLs, in the HTML pages and in the executed notebooks.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow

ARTICLE = """\
<script>alert("headline")</script> Il vertice di Roma sul bilancio

Il ministro <img src=x onerror=alert(1)> Rossi ha dichiarato: «<script>alert("quote")</script> Il governo non cambierà rotta sul bilancio».

"La situazione è <b onmouseover=alert(3)>grave</b> e inaccettabile", ha detto <a href="javascript:alert(2)">Mario Bianchi</a>, portavoce dell'opposizione.

Secondo Luca <svg onload=alert(4)> Verdi, segretario del partito, "non accetteremo [questo accordo](javascript:alert(6)) sul bilancio".

La presidente Anna $\\frac{ Neri ha affermato: «Siamo soddisfatti del risultato {{ 7*7 }} e ${alert(8)}».

«Il governo ha fallito», ha aggiunto <iframe src="javascript:alert(12)"></iframe> Bianchi.
"""

METADATA = """\
title: '<script>alert("title")</script> Vertice'
date: 2025-03-03
outlet: '<a href="javascript:alert(7)">Agenzia</a>'
language: it
note: '<iframe src="javascript:alert(10)"></iframe>'
"""

SECOND = """\
Il sindaco Paolo Gialli ha detto: «La città è pronta ad accogliere il vertice».

"Serve più trasparenza sul bilancio", ha affermato la consigliera Sara Blu.
"""

#: A file name is data too: it becomes a doc_id and a path in the tables.
HOSTILE_NAME = "x<img src=y onerror=alert(9)> $\\frac{a}$.txt"
EMPTY_NAME = "<b onclick=alert(11)>vuoto.txt"

#: Text that must reach the reader, as text (proof the data was shown at all).
VISIBLE = ['<script>alert("title")</script>', "onerror=alert(9)", "onerror=alert(1)"]

DANGEROUS_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "form"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "srcset"}


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """``make report`` on the hostile seeds; returns ``(out_dir, completed process)``."""
    base = tmp_path_factory.mktemp("hostile")
    seeds = base / "seeds"
    seeds.mkdir()
    (seeds / "attacco.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "attacco.meta.yaml").write_text(METADATA, encoding="utf-8")
    (seeds / HOSTILE_NAME).write_text(SECOND, encoding="utf-8")
    (seeds / EMPTY_NAME).write_text("", encoding="utf-8")
    out = base / "out"
    make = shutil.which("make")
    if make:
        cmd = [make, "-s", "-C", str(PROJECT_ROOT), "report", f"SEEDS={seeds}", f"OUT={out}"]
    else:  # the same command make would run
        cmd = [sys.executable, "-m", "analysis.report", "--seeds", str(seeds), "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"report failed on hostile input:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return out, proc


def _normalise_url(value: str) -> str:
    # Browsers ignore whitespace and control characters inside a scheme.
    return re.sub(r"[\x00-\x20]+", "", value).lower()


def inert_problems(markup: str) -> list[str]:
    """Everything in ``markup`` that could run code or leave the page."""
    soup = BeautifulSoup(markup, "html.parser")
    problems = []
    for tag in soup.find_all(True):
        if tag.name in DANGEROUS_ELEMENTS:
            problems.append(f"<{tag.name}> element")
        for attr, value in tag.attrs.items():
            if attr.lower().startswith("on"):
                problems.append(f"<{tag.name} {attr}=...> event handler")
            if attr.lower() in URL_ATTRIBUTES:
                url = _normalise_url(" ".join(value) if isinstance(value, list) else str(value))
                if url.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg")):
                    problems.append(f"<{tag.name} {attr}={url[:40]!r}>")
        if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            problems.append("<meta http-equiv=refresh>")
    return problems


def test_inert_problems_finds_what_it_looks_for():
    bad = '<p onclick="x()">a</p><a href=" JavaScript:alert(1)">b</a><script>c</script><svg onload=x></svg>'
    assert len(inert_problems(bad)) == 5
    assert inert_problems("<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)</p>") == []


def test_report_builds_and_every_page_stays_inert(hostile_report):
    out, proc = hostile_report
    pages = sorted((out / "reports").glob("*.html"))
    assert any(p.name == "index.html" for p in pages) and len(pages) >= 2
    assert "[1/" in proc.stdout, "progress lines expected"
    text = ""
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        assert inert_problems(markup) == [], f"{page.name}: {inert_problems(markup)}"
        text += BeautifulSoup(markup, "html.parser").get_text()
    missing = [marker for marker in VISIBLE if marker not in text]
    assert not missing, f"hostile text never reached the report as text: {missing}"


def test_executed_notebooks_show_article_text_only_as_text(hostile_report):
    out, _ = hostile_report
    notebooks = sorted((out / "reports").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                assert output.output_type != "error", f"{path.name}, cell {index}: {output.get('ename')}: {output.get('evalue')}"
                data = output.get("data", {})
                assert "application/javascript" not in data, f"{path.name}, cell {index}: JavaScript output"
                assert "text/markdown" not in data, f"{path.name}, cell {index}: Markdown output built in code"
                if "text/html" in data:
                    problems = inert_problems(data["text/html"])
                    assert problems == [], f"{path.name}, cell {index}: {problems}"


def test_hostile_reports_in_the_browser(chromium, hostile_report, tmp_path):
    from test_browser import assert_clean, visit

    out, _ = hostile_report
    for page in sorted((out / "reports").glob("*.html")):
        seen = visit(chromium, page, tmp_path / f"{page.stem}.png")
        assert_clean(seen, f"hostile {page.name}", min_images=0)
