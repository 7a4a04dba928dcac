"""The workbook's report: every notebook run headless, rendered as HTML.

``python -m analysis.report --seeds DIR --out DIR`` (``make report``) runs
each ``notebooks/NN_*.ipynb`` in order with papermill (after computing the
corpus's results once, with a progress bar: :func:`analysis.results.compute_results`,
cached in ``OUT/.cache/analysis``, which every notebook then reads), passing ``SEEDS_DIR``
and ``OUT_DIR`` (``OUT/figures``) to its ``parameters`` cell, then writes one
self-contained HTML page per notebook, the executed notebook (with its
outputs, to open in JupyterLab) and an ``index.html`` to ``OUT/reports``,
with a copy of the figures in ``OUT/reports/figures`` so that the folder can
be moved or sent on its own. A failing cell stops the run with a non-zero
exit and a message naming the notebook and the cell. A seeds folder with
nothing readable runs the first notebook only (the corpus overview, which
lists every rejected file with its reason) and stops with one sentence and
the same list on the command line.

No page names a folder of the machine it was made on: the notebooks get
their folders relative to the repository, warnings are shown without the
file they come from, and any absolute path left in an output is shortened
(:func:`without_local_paths`).

The HTML pages are meant to be opened offline and to stay inert whatever the
articles contain: no scripts at all (no MathJax, require.js or widget
loaders from a CDN), a Content-Security-Policy that forbids scripts and
remote requests, figures embedded as data URIs, and HTML in outputs
sanitized on top of the escaping the notebooks already do. Interactive
widgets cannot work there: a widget output shows its static fallback (the
``text/html`` the explorers of :mod:`analysis.explore` put beside the widget
view) and a widget without one is left out, never shown as a dead control;
the saved widget state is not written into the page.
"""
from __future__ import annotations

import argparse
import copy
import html
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import nbformat

from .errors import AnalysisError
from .paths import NOTEBOOKS_DIR, PROJECT_ROOT, SEEDS_DIR
from .readers import first_readable, nothing_readable
from .results import CACHE_FOLDER

__all__ = [
    "NOTEBOOK_PATTERN",
    "NotebookFailed",
    "NothingReadable",
    "without_local_paths",
    "NotebookResult",
    "build_report",
    "find_notebooks",
    "execute_notebook",
    "render_html",
    "static_outputs",
    "main",
]

#: Notebooks that make up the workbook, run in file-name order.
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
#: Figure files a notebook writes through :func:`analysis.figures.save_figure`.
FIGURE_SUFFIXES = (".png", ".svg")
#: Folder inside ``reports/`` that holds a copy of the figures (for index.html).
REPORT_FIGURES = "figures"
#: Cells with these tags are left out of the HTML report.
HIDDEN_TAGS = ("parameters", "injected-parameters", "remove_cell")
#: The display type of a live widget (rendered by a kernel-backed front end only).
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Longest time one cell may run (seconds).
CELL_TIMEOUT = 900

#: Nothing may run or be fetched: styles are inline, images are data URIs or
#: files next to the report.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; style-src 'unsafe-inline'; img-src data: 'self'; font-src data:"
)

# The lab template without anything that loads or runs JavaScript.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head -%}
<meta http-equiv="Content-Security-Policy" content="{{ resources.csp }}">
{{ super() }}
{%- endblock html_head -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block data_javascript scoped -%}{%- endblock data_javascript -%}
{%- block data_widget_view scoped -%}{%- endblock data_widget_view -%}
{%- block footer_js -%}{%- endblock footer_js -%}
"""
_TEMPLATE_NAME = "workbook_report.html.j2"

#: HTML that may appear in cell outputs (pandas tables and the like); anything
#: else, and every event-handler attribute or non-http(s) link, is removed.
OUTPUT_TAGS = (
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "div", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "small", "span", "strong", "style", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
)
OUTPUT_ATTRIBUTES = {
    "*": ["class", "id", "title", "style"],
    "a": ["href", "title"],
    "table": ["border"],
    "th": ["colspan", "rowspan", "halign", "valign"],
    "td": ["colspan", "rowspan"],
}


class NotebookFailed(AnalysisError):
    """A notebook cell raised while the report was being built."""

    def __init__(self, notebook: str, cell: int, first_line: str, error: str) -> None:
        self.notebook, self.cell, self.first_line, self.error = notebook, cell, first_line, error
        super().__init__(f"{notebook}: cell {cell} failed ({first_line!r}): {error}")


class NothingReadable(AnalysisError):
    """The seeds folder gave no article; ``rejected`` lists every file (and record) with its reason."""

    def __init__(self, sentence: str, rejected: list[tuple[str, str]]) -> None:
        self.sentence, self.rejected = sentence, rejected
        super().__init__(sentence)

    def details(self) -> str:
        """The sentence, then one line per rejected file."""
        return "\n".join([self.sentence, *(f"  {reason}" for _path, reason in self.rejected)])


@dataclass
class NotebookResult:
    """One notebook of the report: its HTML page, the executed notebook, what it drew."""

    notebook: Path
    html: Path
    executed: Path
    title: str
    question: str
    seconds: float
    figures: list[Path] = field(default_factory=list)


def find_notebooks(notebooks_dir: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The workbook's notebooks (``NN_name.ipynb``) in running order."""
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise AnalysisError(f"{folder}: no notebooks folder")
    return sorted(folder.glob(NOTEBOOK_PATTERN))


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _folder_name(path: Path) -> str:
    """How a report names a folder: relative to the repository inside it, else its name alone."""
    shown = _display(path)
    return (shown if not Path(shown).is_absolute() else path.resolve().name) + "/"


def _from_root(path: Path) -> str:
    """``path`` relative to the repository (``../`` steps when outside it), for the notebooks' parameters."""
    return Path(os.path.relpath(path.resolve(), PROJECT_ROOT)).as_posix()


def without_local_paths(text: str, *folders: Path) -> str:
    """``text`` with the absolute paths of this machine shortened.

    The repository, ``folders`` (the seeds and output folders of the run),
    Python's installation and the home folder become a relative path, the
    folder's name, ``<python>`` (escaped: the text is HTML) and ``~``: a report names no folder of the
    machine that made it.
    """
    places: list[tuple[str, str]] = [(str(PROJECT_ROOT), ".")]
    places += [(str(Path(f).resolve()), Path(f).resolve().name) for f in folders]
    places += [(sys.prefix, "&lt;python&gt;"), (sys.base_prefix, "&lt;python&gt;"), (str(Path.home()), "~")]
    for place, short in sorted(places, key=lambda p: -len(p[0])):
        if len(place) > 1:
            # Never inside base64 (embedded figures): a path starts after a character base64 does not use.
            pattern = re.compile(r"(?<![A-Za-z0-9+/=,])" + re.escape(place) + r"(?![A-Za-z0-9+=])")
            text = pattern.sub(_literal(short), text)
    return text


def _literal(replacement: str) -> Callable[[re.Match[str]], str]:
    """A :func:`re.sub` replacement that is ``replacement`` as written (no backslash escapes)."""
    return lambda _m: replacement


def _scrub_metadata(nb: nbformat.NotebookNode) -> None:
    """Papermill's record of the run, without the folders of this machine."""
    record = nb.metadata.get("papermill")
    if not record:
        return
    for key in ("input_path", "output_path"):
        if record.get(key):
            record[key] = Path(record[key]).name
    record.pop("environment_variables", None)


def _original_cell_number(nb: nbformat.NotebookNode, executed_index: int) -> int:
    """1-based position in the notebook as written, skipping papermill's injected cell."""
    injected = [i for i, c in enumerate(nb.cells) if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
    shift = sum(1 for i in injected if i < executed_index)
    return executed_index - shift + 1


def execute_notebook(
    notebook: str | Path,
    *,
    seeds_dir: str | Path,
    figures_dir: str | Path,
    output_path: str | Path | None = None,
) -> nbformat.NotebookNode:
    """Run ``notebook`` top to bottom with its parameters set; return it executed.

    Raises :class:`NotebookFailed` naming the cell when one raises; the
    executed notebook (with the error) is still written to ``output_path``.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    notebook = Path(notebook)
    params = {"SEEDS_DIR": _from_root(Path(seeds_dir)), "OUT_DIR": _from_root(Path(figures_dir))}
    try:
        return papermill.execute_notebook(
            str(notebook),
            None if output_path is None else str(output_path),
            parameters=params,
            cwd=str(notebook.parent.resolve()),
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=CELL_TIMEOUT,
            # The kernel's own chatter (transport notices, the interrupt sent at shutdown) is not the report's business.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        executed = nbformat.read(output_path, as_version=4) if output_path and Path(output_path).exists() else None
        # papermill puts an error banner first and the parameters after the parameters cell.
        if executed is not None:
            cells = [c for c in executed.cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
            executed.cells = cells
            number = _original_cell_number(executed, exc.cell_index) if exc.cell_index is not None else 0
        else:
            number = (exc.cell_index or 0) + 1
        first = next((ln for ln in (exc.source or "").splitlines() if ln.strip()), "")
        evalue = " ".join(str(exc.evalue or "").split())
        evalue = evalue if len(evalue) <= 400 else evalue[:400] + " …"
        raise NotebookFailed(_display(notebook), number, first, f"{exc.ename}: {evalue}") from None


def render_html(nb: nbformat.NotebookNode, *, title: str) -> str:
    """A self-contained, script-free HTML page for an executed notebook.

    Code is left out (the reader sees text, tables and figures); the
    parameters cells are dropped; figures stay embedded as data URIs.
    """
    import jinja2
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from nbconvert.preprocessors.sanitize import SanitizeHTML

    class _SanitizeOutputs(SanitizeHTML):
        # Markdown cells are the notebook's own prose; outputs may carry article text.
        def preprocess_cell(self, cell, resources, cell_index):
            if cell.cell_type == "code":
                cell.outputs = self.sanitize_code_outputs(static_outputs(cell.outputs))
            return cell, resources

    exporter = HTMLExporter(
        template_name="lab",
        template_file=_TEMPLATE_NAME,
        extra_loaders=[jinja2.DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_TAGS), enabled=True), enabled=True)
    exporter.register_preprocessor(
        _SanitizeOutputs(tags=list(OUTPUT_TAGS), attributes=OUTPUT_ATTRIBUTES, strip=True, enabled=True), enabled=True
    )
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)  # saved widget state: a script block, and useless without a kernel
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}, "csp": CONTENT_SECURITY_POLICY})
    return body


def static_outputs(outputs: list) -> list:
    """``outputs`` with every widget view replaced by its static fallback.

    A widget output that carries ``text/html`` keeps that (and its
    ``text/plain``); one that carries no fallback is dropped.
    """
    kept = []
    for output in outputs:
        data = output.get("data", {})
        if WIDGET_VIEW in data:
            if "text/html" not in data:
                continue
            output = copy.deepcopy(output)
            del output["data"][WIDGET_VIEW]
        kept.append(output)
    return kept


def _heading_and_question(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """The first markdown cell's heading and first paragraph (our own words)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [ln.strip() for ln in cell.source.splitlines()]
        heading = next((ln.lstrip("#").strip() for ln in lines if ln.startswith("#")), fallback)
        paragraph: list[str] = []
        for ln in lines:
            if ln.startswith("#"):
                if paragraph:
                    break
                continue
            if not ln:
                if paragraph:
                    break
                continue
            paragraph.append(ln)
        # Plain text for the index: drop Markdown emphasis and code marks.
        plain = re.sub(r"\*\*|__|`", "", " ".join(paragraph))
        plain = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", plain)
        return heading, plain
    return fallback, ""


def _figures_written(figures_dir: Path, since_ns: int) -> list[Path]:
    if not figures_dir.is_dir():
        return []
    return sorted(
        p for p in figures_dir.iterdir() if p.suffix in FIGURE_SUFFIXES and p.stat().st_mtime_ns >= since_ns
    )


def _index_html(results: Sequence[NotebookResult], *, seeds_dir: Path, reports_dir: Path, readable: bool = True) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CONTENT_SECURITY_POLICY)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        "<title>Italian media-analysis workbook: reports</title>",
        "<style>",
        "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}",
        "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}",
        ".figures{display:flex;flex-wrap:wrap;gap:.75rem}.figures img{width:18rem;height:auto;border:1px solid #ddd}",
        "code{background:#f3f3f3;padding:0 .2rem}.small{font-size:.85rem;color:#555}",
        "</style>",
        "</head>",
        "<body>",
        "<h1>Italian media-analysis workbook</h1>",
        f"<p>Reports built from the seeds folder <code>{esc(_folder_name(seeds_dir))}</code>. "
        "Each report is one notebook, run from top to bottom.</p>",
    ]
    if not readable:
        parts.append("<p>No article could be read: the corpus overview lists every file with the reason.</p>")
    for r in results:
        link = r.html.relative_to(reports_dir).as_posix()
        parts.append(f'<h2><a href="{esc(link)}">{esc(r.title)}</a></h2>')
        if r.question:
            parts.append(f"<p>{esc(r.question)}</p>")
        nb_link = r.executed.relative_to(reports_dir).as_posix()
        parts.append(f'<p class="small">Executed notebook with outputs: <a href="{esc(nb_link)}">{esc(nb_link)}</a></p>')
        pngs = [f for f in r.figures if f.suffix == ".png"]
        if pngs:
            parts.append('<div class="figures">')
            for fig in pngs:
                rel = f"{REPORT_FIGURES}/{fig.name}"
                parts.append(f'<a href="{esc(rel)}"><img src="{esc(rel)}" alt="{esc(fig.stem)}"></a>')
            parts.append("</div>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _copy_figures(results: Sequence[NotebookResult], reports_dir: Path) -> None:
    """The figures of this run beside the reports (``reports/figures``), and no others."""
    folder = reports_dir / REPORT_FIGURES
    folder.mkdir(exist_ok=True)
    made = {f.name: f for r in results for f in r.figures}
    for old in folder.iterdir():
        if old.is_file() and old.name not in made:
            old.unlink()
    for name, source in made.items():
        shutil.copyfile(source, folder / name)


def build_report(
    *,
    seeds_dir: str | Path = SEEDS_DIR,
    out_dir: str | Path = PROJECT_ROOT,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    progress: Callable[[str], None] | None = print,
) -> list[NotebookResult]:
    """Run every notebook on ``seeds_dir``; write ``out_dir/figures`` and ``out_dir/reports``.

    Figures in ``out_dir/figures`` that no notebook wrote in this run are
    removed, so the folder always matches the notebooks. Raises
    :class:`NotebookFailed` when a cell fails (its report page, with the
    error, is written first).
    """
    say = progress or (lambda _msg: None)
    seeds = Path(seeds_dir)
    if not seeds.exists():
        raise AnalysisError(f"{seeds}: no such seeds folder or file")
    out = Path(out_dir)
    figures_dir, reports_dir = out / "figures", out / "reports"
    figures_dir.mkdir(parents=True, exist_ok=True)
    reports_dir.mkdir(parents=True, exist_ok=True)
    notebooks = find_notebooks(notebooks_dir)
    if not notebooks:
        raise AnalysisError(f"{notebooks_dir}: no notebooks named like {NOTEBOOK_PATTERN}")
    readable, rejected = first_readable(seeds)
    if not readable:  # the overview says why in its report; nothing else has anything to show
        notebooks = notebooks[:1]
    if readable:  # once for every notebook: each of them then only reads the tables (analysis.results)
        from .batch import cpu_count
        from .results import ResultSettings, compute_results

        t0 = time.perf_counter()
        say(f"Analysing {_display(seeds)} (results cached in {_display(out / CACHE_FOLDER)}) …")
        analysed = compute_results(seeds, out, settings=ResultSettings(workers=cpu_count()), progress=progress is not None)
        s = analysed.summary
        say(f"Analysed: {s.get('n_documents', 0):,} documents, {s.get('n_words', 0):,} words "
            f"({time.perf_counter() - t0:.1f} s)")
    say(f"Running {len(notebooks)} notebook(s) on {_display(seeds)}; figures → {_display(figures_dir)}, reports → {_display(reports_dir)}")
    results: list[NotebookResult] = []
    written: set[Path] = set()
    for number, notebook in enumerate(notebooks, start=1):
        say(f"[{number}/{len(notebooks)}] {notebook.name} …")
        start_ns, t0 = time.time_ns(), time.perf_counter()
        executed_path = reports_dir / notebook.name
        html_path = reports_dir / f"{notebook.stem}.html"
        title, question = _heading_and_question(nbformat.read(notebook, as_version=4), notebook.stem)
        try:
            executed = execute_notebook(notebook, seeds_dir=seeds, figures_dir=figures_dir, output_path=executed_path)
        except NotebookFailed:
            if executed_path.exists():
                page = render_html(nbformat.read(executed_path, as_version=4), title=title)
                html_path.write_text(without_local_paths(page, seeds, out), encoding="utf-8")
            say(f"[{number}/{len(notebooks)}] {notebook.name} FAILED (partial report: {_display(html_path)})")
            raise
        _scrub_metadata(executed)
        nbformat.write(executed, executed_path)
        html_path.write_text(without_local_paths(render_html(executed, title=title), seeds, out), encoding="utf-8")
        figures = _figures_written(figures_dir, start_ns)
        written.update(figures)
        seconds = time.perf_counter() - t0
        results.append(NotebookResult(notebook, html_path, executed_path, title, question, seconds, figures))
        say(f"[{number}/{len(notebooks)}] {notebook.name} ok ({seconds:.1f} s, {len(figures)} figure files) → {_display(html_path)}")
    stale_figures = [p for p in figures_dir.iterdir() if p.suffix in FIGURE_SUFFIXES and p not in written] if readable else []
    for stale in sorted(stale_figures):
        stale.unlink()
        say(f"removed {_display(stale)} (no notebook makes it any more)")
    _copy_figures(results, reports_dir)
    index = reports_dir / "index.html"
    index.write_text(_index_html(results, seeds_dir=seeds, reports_dir=reports_dir, readable=readable), encoding="utf-8")
    if not readable:
        say(f"Stopped: {_display(index)} shows the corpus overview only")
        raise NothingReadable(nothing_readable(_folder_name(seeds), rejected), rejected)
    say(f"Done: {_display(index)}")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report",
        description="Run every workbook notebook on a seeds folder; write figures and HTML reports.",
    )
    parser.add_argument("--seeds", default=str(SEEDS_DIR), help="seeds folder (default: seeds/)")
    parser.add_argument("--out", default=str(PROJECT_ROOT), help="output folder: figures/ and reports/ go inside (default: the repository)")
    parser.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        build_report(seeds_dir=args.seeds, out_dir=args.out, notebooks_dir=args.notebooks)
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except NothingReadable as exc:
        print(f"error: {exc.details()}", file=sys.stderr)
        return 2
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
