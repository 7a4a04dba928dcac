"""``make report``: one self-contained HTML page per notebook, an index, figures.

Most checks inspect the ``seed_report`` run (every notebook executed once on
seeds/ into a temporary folder); the failure check runs a tiny notebook.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT
from analysis.report import CONTENT_SECURITY_POLICY, NotebookFailed, build_report, find_notebooks

pytestmark = pytest.mark.slow


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_one_report_per_notebook_and_an_index(seed_report):
    out, results = seed_report
    reports = out / "reports"
    expected = {f"{p.stem}.html" for p in find_notebooks(NOTEBOOKS_DIR)}
    assert expected and expected == {p.name for p in reports.glob("[0-9][0-9]_*.html")}
    index = _soup(reports / "index.html")
    links = {a["href"] for a in index.find_all("a", href=True)}
    assert expected <= links, f"index.html does not link {sorted(expected - links)}"
    for r in results:
        assert r.html.stat().st_size > 0 and r.executed.exists()


def test_reports_are_self_contained_and_script_free(seed_report):
    out, _ = seed_report
    for page in sorted((out / "reports").glob("*.html")):
        soup = _soup(page)
        assert not soup.find_all("script"), f"{page.name}: has <script> elements"
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None and csp["content"] == CONTENT_SECURITY_POLICY, f"{page.name}: no CSP"
        for tag in soup.find_all(["img", "link", "iframe", "source", "video", "audio"]):
            for attr in ("src", "href"):
                value = tag.get(attr, "")
                assert not value.startswith(("http:", "https:", "//")), f"{page.name}: external {attr}={value}"
        if page.name != "index.html":
            # Code is hidden in the reader's report; text and figures remain.
            assert not soup.select(".jp-InputArea-editor"), f"{page.name}: shows code cells"
            assert "SEEDS_DIR" not in soup.get_text(), f"{page.name}: shows the parameters cell"


def test_every_report_shows_its_figures(seed_report):
    _, results = seed_report
    for r in results:
        pngs = [f for f in r.figures if f.suffix == ".png"]
        if not pngs:
            continue
        images = _soup(r.html).find_all("img")
        assert images, f"{r.html.name}: saved {len(pngs)} figures but shows none"
        assert all(img["src"].startswith("data:image/png;base64,") for img in images)


def test_committed_figures_are_what_the_report_makes_from_seeds(seed_report):
    out, _ = seed_report
    made = {p.name: p.read_bytes() for p in sorted((out / "figures").iterdir()) if p.is_file()}
    committed = {p.name: p.read_bytes() for p in sorted(FIGURES_DIR.iterdir()) if p.is_file() and p.name != ".gitkeep"}
    assert made, "the report made no figures"
    hint = "run `make report` and commit figures/"
    assert sorted(made) == sorted(committed), f"figure files differ ({hint}): only made {sorted(set(made) - set(committed))}, only committed {sorted(set(committed) - set(made))}"
    changed = sorted(name for name in made if made[name] != committed[name])
    assert not changed, f"figures differ in content ({hint}): {changed}"


def _tiny_notebook(folder: Path, name: str, cells) -> Path:
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_a_failing_cell_stops_the_report_naming_notebook_and_cell(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _tiny_notebook(
        notebooks,
        "00_breaks.ipynb",
        [
            new_markdown_cell("# A notebook that fails\n\nIts third cell raises on purpose."),
            new_code_cell("SEEDS_DIR = None\nOUT_DIR = None", metadata={"tags": ["parameters"]}),
            new_code_cell("x = 1"),
            new_code_cell("raise ValueError('deliberate failure')"),
        ],
    )
    with pytest.raises(NotebookFailed) as caught:
        build_report(seeds_dir=PROJECT_ROOT / "seeds", out_dir=tmp_path / "out", notebooks_dir=notebooks, progress=None)
    assert caught.value.cell == 4  # counted as in the notebook file, parameters cell included
    assert "00_breaks.ipynb" in str(caught.value) and "deliberate failure" in str(caught.value)
    # The partial report shows the traceback to whoever opens it.
    assert "deliberate failure" in (tmp_path / "out" / "reports" / "00_breaks.html").read_text(encoding="utf-8")

    # The command line says the same and exits non-zero.
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.report", "--seeds", str(PROJECT_ROOT / "seeds"), "--out", str(tmp_path / "cli"), "--notebooks", str(notebooks)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert "00_breaks.ipynb: cell 4 failed" in proc.stderr and "ValueError: deliberate failure" in proc.stderr


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.report", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "no such seeds folder" in proc.stderr


def test_widgets_become_static_tables_in_the_report(seed_report):
    """The explorers of 05_explore show a table in the report, never controls that cannot work."""
    _, results = seed_report
    explore = next(r for r in results if r.notebook.stem == "05_explore")
    soup = _soup(explore.html)
    assert not soup.find_all(["select", "input", "button", "script"])
    text = soup.get_text(" ")
    assert "Static view" in text and soup.find("table") is not None
    assert "VBox(" not in text and "Tab(" not in text and "widget-view" not in str(soup)
    # The executed notebook keeps the live widget for JupyterLab, beside the fallback.
    executed = nbformat.read(explore.executed, as_version=4)
    bundles = [o.get("data", {}) for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert any("application/vnd.jupyter.widget-view+json" in b and "text/html" in b for b in bundles)


def test_a_widget_without_fallback_is_left_out():
    from analysis.report import WIDGET_VIEW, static_outputs

    view = {"model_id": "x", "version_major": 2, "version_minor": 0}
    outputs = [
        nbformat.v4.new_output("display_data", data={"text/plain": "IntSlider(value=1)", WIDGET_VIEW: view}),
        nbformat.v4.new_output("display_data", data={"text/plain": "Tab()", "text/html": "<table></table>", WIDGET_VIEW: view}),
        nbformat.v4.new_output("stream", text="kept"),
    ]
    kept = static_outputs(outputs)
    assert len(kept) == 2 and WIDGET_VIEW not in kept[0]["data"] and kept[1]["text"] == "kept"
    assert WIDGET_VIEW in outputs[1]["data"]  # the notebook itself is not changed


def _local_folders(out: Path) -> list[str]:
    places = [str(PROJECT_ROOT), str(out.resolve()), sys.prefix]
    home = str(Path.home())
    if home not in ("/", ""):
        places.append(home)
    return places


def test_no_report_names_a_folder_of_this_machine(seed_report):
    out, _ = seed_report
    for page in sorted((out / "reports").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        leaked = [place for place in _local_folders(out) if place in text]
        assert not leaked, f"{page.name} names {leaked}"
        assert "PosixPath(" not in text, f"{page.name} shows the paths of saved figures"


def test_numbers_agree_with_their_nouns(seed_report):
    out, _ = seed_report
    for page in sorted((out / "reports").glob("*.html")):
        text = _soup(page).get_text(" ")
        wrong = re.findall(r"(?<![\d.,])1 (?:documents|paragraphs|sentences|tokens|attributions|speakers|outlets|"
                           r"files|attributed passages|named speakers|distinct speakers)\b", text)
        assert not wrong, f"{page.name}: {wrong}"


def test_the_reports_folder_stands_alone(seed_report, tmp_path):
    out, results = seed_report
    alone = tmp_path / "sent" / "reports"
    shutil.copytree(out / "reports", alone)
    index = _soup(alone / "index.html")
    sources = [img["src"] for img in index.find_all("img")]
    assert len(sources) == sum(1 for r in results for f in r.figures if f.suffix == ".png")
    for target in sources + [a["href"] for a in index.find_all("a", href=True)]:
        assert not target.startswith(("/", "..", "file:")), target
        assert (alone / target).is_file(), f"index.html points at {target}, not in the reports folder"


def test_tables_show_text_left_and_missing_values_blank(seed_report):
    out, _ = seed_report
    page = (out / "reports" / "01_source_attribution.html").read_text(encoding="utf-8")
    assert "text-align: left" in page
    assert "&lt;NA&gt;" not in page and ">nan<" not in page and ">None<" not in page


def test_a_folder_with_nothing_readable_ends_with_one_sentence_and_the_list(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (seeds / "vecchio.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 binary")
    (seeds / "vuoto.txt").write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.report", "--seeds", str(seeds), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=900,
    )
    sentence = "No article could be read from seeds/: all 3 files and records were rejected, each for the reason listed."
    assert proc.returncode == 2, proc.stderr
    assert f"error: {sentence}" in proc.stderr
    for name in ("scan.pdf: damaged or unreadable PDF", "vecchio.doc: unsupported file type '.doc'", "vuoto.txt: empty file"):
        assert name in proc.stderr
    reports = tmp_path / "out" / "reports"
    assert sorted(p.name for p in reports.glob("*.html")) == ["00_corpus_overview.html", "index.html"]
    page = _soup(reports / "00_corpus_overview.html").get_text(" ")
    assert sentence in page and "scan.pdf" in page and "vecchio.doc" in page
    executed = nbformat.read(reports / "00_corpus_overview.ipynb", as_version=4)
    assert not [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert "No article could be read" in (reports / "index.html").read_text(encoding="utf-8")


def test_local_paths_are_shortened_but_embedded_figures_are_left_alone(tmp_path):
    from analysis.report import without_local_paths

    home = str(Path.home())
    page = (f"<pre>{PROJECT_ROOT}/src/analysis/x.py and {tmp_path}/out/figures/a.png and {sys.prefix}/lib "
            f"and ({home})</pre><img src='data:image/png;base64,QUJD{home}REVG'>")
    short = without_local_paths(page, tmp_path)
    assert f"./src/analysis/x.py and {tmp_path.name}/out/figures/a.png and &lt;python&gt;/lib" in short
    assert str(PROJECT_ROOT) not in short and str(tmp_path) not in short
    assert f"base64,QUJD{home}REVG" in short  # base64 is never touched
