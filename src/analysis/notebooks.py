"""What every workbook notebook does first: resolve its folders, display safely.

A notebook's ``parameters`` cell sets ``SEEDS_DIR`` and ``OUT_DIR`` (``None``
means the repository's ``seeds/`` and ``figures/``); the next cell calls::

    from analysis.notebooks import workbook_folders
    from analysis.results import load_results
    seeds_dir, figures_dir = workbook_folders(SEEDS_DIR, OUT_DIR)
    results = load_results(seeds_dir, figures_dir.parent)

so that every notebook reads the tables computed once for the corpus, cached
in the output folder (the parent of the figures folder: ``OUT`` for ``make
report OUT=…``, the repository by default) under ``.cache/analysis``.

Importing this module also makes pandas' ``Styler`` escape HTML by default
(plain ``DataFrame`` display already does), so article text shown in a table
is always text, never markup; and, in a notebook, shows every table the same
way (:func:`table_html`): text columns aligned left, missing values blank,
at most ``display.max_rows`` rows. Warnings are shown without the file they
come from (a report names no folder of the machine it ran on).
"""
from __future__ import annotations

import html
import itertools
import os
import warnings
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from . import figures
from .paths import FIGURES_DIR, PROJECT_ROOT, SEEDS_DIR

__all__ = ["workbook_folders", "safe_display_defaults", "table_html", "chosen_documents",
           "SEEDS_ENVIRONMENT_VARIABLE", "OUT_ENVIRONMENT_VARIABLE"]

#: A seeds folder named here replaces ``seeds/`` when a notebook's
#: ``SEEDS_DIR`` is None (``make app SEEDS=dir`` sets it for Voila).
SEEDS_ENVIRONMENT_VARIABLE = "WORKBOOK_SEEDS"


#: An output folder named here replaces the repository when a notebook's
#: ``OUT_DIR`` is None: figures go to its ``figures/`` (``make lab OUT=dir`` sets it).
OUT_ENVIRONMENT_VARIABLE = "WORKBOOK_OUT"
#: Decimals shown for floating-point numbers in tables (trailing zeros dropped).
TABLE_DECIMALS = 4

_table_ids = itertools.count(1)


def safe_display_defaults() -> None:
    """Escape HTML in every pandas table, show tables and warnings the workbook's way; apply the figure style."""
    pd.set_option("styler.format.escape", "html")
    pd.set_option("styler.format.na_rep", "")
    pd.set_option("display.max_colwidth", 120)
    # a styled table shows at most as many rows as a plain one (a corpus of thousands of articles)
    pd.set_option("styler.render.max_rows", pd.get_option("display.max_rows"))
    warnings.formatwarning = _warning_line
    figures.use_style()
    _register_table_display()


def _warning_line(message, category, filename, lineno, line=None) -> str:  # type: ignore[no-untyped-def]
    return f"{category.__name__}: {message}\n"


def _is_text(column: pd.Series) -> bool:
    dtype = column.dtype
    return isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype)


def _number(value: float) -> str:
    return np.format_float_positional(value, precision=TABLE_DECIMALS, trim="-")


def _escaped_cell(func):  # type: ignore[no-untyped-def]
    """A Styler cell formatter that escapes text and shows missing values blank, whatever it did before.

    ``Styler.format({"col": ...})`` gives every other column pandas' default
    formatter, which neither escapes nor blanks missing values; this puts both back.
    """
    def show(value):  # type: ignore[no-untyped-def]
        if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value) is True):
            return ""
        out = func(value)
        if isinstance(value, str) or isinstance(out, str):
            text = str(out)
            return text if isinstance(value, str) and text == html.escape(value) else html.escape(text)
        return out
    return show


def _styled(styler: Styler) -> Styler:
    """``styler`` with text columns aligned left, every value and label escaped, missing values blank."""
    funcs = getattr(styler, "_display_funcs", None)  # pandas' per-cell formatters (pinned pandas: checked by tests)
    if funcs is not None:
        for key, func in list(funcs.items()):
            funcs[key] = _escaped_cell(func)
        default = funcs.default_factory
        if default is not None:
            funcs.default_factory = lambda: _escaped_cell(default())
    data = styler.data
    text = [c for c in data.columns if _is_text(data[c])] if data.columns.is_unique else []
    if text:
        styler.set_table_styles({c: [{"selector": "", "props": [("text-align", "left")]}] for c in text}, overwrite=False)
    styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    return styler


def table_html(df: pd.DataFrame | Styler) -> str:
    """A table as the workbook's notebooks and reports show it.

    Text columns (and their headers) are aligned left, numbers right;
    missing values are blank; floating-point numbers show up to
    :data:`TABLE_DECIMALS` decimals; everything (cells, index and column
    labels) is escaped. A DataFrame longer than ``display.max_rows`` shows its
    first rows and says how many there are.
    """
    if isinstance(df, Styler):
        return _styled(df).to_html()
    limit = pd.get_option("display.max_rows") or len(df)
    shown = df.head(limit) if len(df) > limit else df
    if not (shown.index.is_unique and shown.columns.is_unique):
        return df.to_html(na_rep="", max_rows=limit)  # escaped; the Styler needs unique labels
    floats = [c for c in shown.columns if pd.api.types.is_float_dtype(shown[c].dtype)]
    styler = shown.style.set_uuid(f"t{next(_table_ids)}").format(_number, subset=floats, na_rep="")
    if len(df) > limit:
        styler.set_caption(f"The first {limit:,} of {len(df):,} rows")
    return _styled(styler).to_html()


def _register_table_display() -> None:
    """In a notebook, show every DataFrame and Styler through :func:`table_html`."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, table_html)
    formatter.for_type(Styler, table_html)


def workbook_folders(seeds_dir: str | Path | None = None, out_dir: str | Path | None = None) -> tuple[Path, Path]:
    """``(seeds folder, figures folder)`` from a notebook's parameters.

    ``None`` gives the folders named by the environment (``WORKBOOK_SEEDS``
    for the seeds; ``WORKBOOK_OUT`` for the output, whose ``figures/`` takes
    the figures: what ``make lab SEEDS=… OUT=…`` and ``make app`` set), else
    the repository defaults from :mod:`analysis.paths`; a relative path is
    taken from the repository root, so the result never depends on the
    notebook's working directory. The figures folder is created; a missing
    seeds folder raises ``ValueError``.
    """
    if seeds_dir is None:
        seeds_dir = os.environ.get(SEEDS_ENVIRONMENT_VARIABLE) or None
    if out_dir is None and os.environ.get(OUT_ENVIRONMENT_VARIABLE):
        out_dir = Path(os.environ[OUT_ENVIRONMENT_VARIABLE]).expanduser() / "figures"
    seeds = _from_root(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    out = _from_root(out_dir) if out_dir is not None else FIGURES_DIR
    if not seeds.exists():
        raise ValueError(f"seeds folder {seeds} does not exist (set SEEDS_DIR in the parameters cell)")
    out.mkdir(parents=True, exist_ok=True)
    return seeds.resolve(), out.resolve()


def _from_root(path: str | Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


safe_display_defaults()


def chosen_documents(documents: pd.DataFrame, choice: int | str | Sequence[str]) -> list[str]:
    """The doc_ids a notebook parameter names: a number N (the N longest documents, longest first) or doc_ids.

    ``documents`` is ``Corpus.documents`` (doc_id, n_tokens). Named ids keep
    the order given; an id that is not in the corpus raises ``ValueError``
    naming it (and a few that are).
    """
    ids = documents["doc_id"].astype(str)
    if isinstance(choice, bool) or not isinstance(choice, (int, str, list, tuple)):
        raise ValueError(f"expected a number of documents or a list of doc_ids; got {choice!r}")
    if isinstance(choice, int):
        if choice < 1:
            raise ValueError(f"the number of documents must be at least 1; got {choice}")
        order = documents.assign(_order=range(len(documents))).sort_values(["n_tokens", "_order"], ascending=[False, True])
        return order["doc_id"].astype(str).head(choice).tolist()
    wanted = [choice] if isinstance(choice, str) else [str(c) for c in choice]
    unknown = [w for w in wanted if w not in set(ids)]
    if unknown:
        some = ", ".join(ids.head(5))
        raise ValueError(f"not a doc_id of this corpus: {', '.join(unknown)} (doc_ids look like: {some})")
    return list(dict.fromkeys(wanted))
