"""The workbook's notebooks: committed clean, parameterised, thin and safe.

Static checks read the committed ``.ipynb`` files; the execution checks use
the ``seed_report`` run (every notebook executed once on seeds/).
"""
from __future__ import annotations

import ast
import re

import nbformat
import pytest

from analysis.paths import NOTEBOOKS_DIR
from analysis.report import find_notebooks

#: The workbook as the README describes it, in running order.
EXPECTED = [
    "00_corpus_overview",
    "01_source_attribution",
    "02_sentiment",
    "03_keyword_frequency",
    "04_summary",
    "05_explore",
    "06_outlets_and_time",
]
#: Notebooks that answer a question with figures (at least two each).
ANALYSIS = ["01_source_attribution", "02_sentiment", "03_keyword_frequency", "04_summary"]

#: Code that would turn data into markup or depend on the working directory.
FORBIDDEN = {
    r"\bHTML\s*\(": "IPython.display.HTML builds markup; display a DataFrame instead",
    r"\bMarkdown\s*\(": "Markdown built in code could interpolate article text",
    r"\bJavascript\s*\(": "no JavaScript in notebooks",
    r"^\s*%%\s*(html|markdown|javascript|js)\b": "no HTML/Markdown/JS cell magics",
    r"\bescape\s*=\s*False": "tables must stay escaped",
    r"\bunsafe_allow_html\b|\.set_table_attributes\(": "no raw HTML in tables",
    r"\bos\.chdir\b|\bgetcwd\b|Path\.cwd\(|['\"]\.\./": "paths come from analysis.paths, not the working directory",
}

NOTEBOOKS = find_notebooks(NOTEBOOKS_DIR)
IDS = [p.stem for p in NOTEBOOKS]


def _read(path):
    return nbformat.read(path, as_version=4)


def test_the_workbook_notebooks_exist():
    missing = [name for name in EXPECTED if not (NOTEBOOKS_DIR / f"{name}.ipynb").exists()]
    assert not missing, f"missing notebooks: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path):
    nb = _read(path)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts; clear them before committing"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_opens_with_question_then_parameters(path):
    nb = _read(path)
    first, second = nb.cells[0], nb.cells[1]
    assert first.cell_type == "markdown" and first.source.lstrip().startswith("# "), "first cell: a markdown heading"
    assert len(first.source.split()) >= 12, "the first cell states the question the notebook answers"
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [1], f"{path.name}: exactly one parameters-tagged cell, the second one (found {tagged})"
    assert second.cell_type == "code"
    assigned = {}
    for node in ast.parse(second.source).body:
        assert isinstance(node, ast.Assign), "the parameters cell holds plain assignments only"
        for target in node.targets:
            assigned[target.id] = ast.literal_eval(node.value)
    assert assigned.get("SEEDS_DIR", "missing") is None
    assert assigned.get("OUT_DIR", "missing") is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_markup_from_code_and_no_working_directory_paths(path):
    nb = _read(path)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "raw":
            pytest.fail(f"{path.name}: raw cell {index}; use markdown")
        if cell.cell_type != "code":
            continue
        for pattern, why in FORBIDDEN.items():
            match = re.search(pattern, cell.source, flags=re.MULTILINE)
            assert not match, f"{path.name}, cell {index}: {match.group(0)!r}: {why}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executes_on_seeds_without_errors(seed_report, path):
    _, results = seed_report
    result = next(r for r in results if r.notebook.name == path.name)
    executed = _read(result.executed)
    errors = [
        (i, o.get("ename"), o.get("evalue"))
        for i, c in enumerate(executed.cells)
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert not errors, f"{path.name}: error outputs {errors}"
    shown = sum(
        1 for c in executed.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})
    )
    saved = [f for f in result.figures if f.suffix == ".png"]
    if path.stem in ANALYSIS:
        assert len(saved) >= 2, f"{path.name} saved {len(saved)} figures to OUT_DIR; expected at least 2"
        assert shown >= 1, f"{path.name} shows no figure"
    for fig in result.figures:
        assert fig.stat().st_size > 0
