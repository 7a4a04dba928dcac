"""What the notebooks share (:mod:`analysis.notebooks`): how a table is shown, the folders, the documents a parameter names."""
from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis import corpus_from_texts
from analysis.notebooks import chosen_documents, table_html, workbook_folders
from analysis.paths import FIGURES_DIR, SEEDS_DIR

HOSTILE = "<img src=x onerror=alert(1)>"


def _cells(page: str) -> list[list[str]]:
    soup = BeautifulSoup(page, "html.parser")
    return [[td.decode_contents() for td in tr.find_all("td")] for tr in soup.find("tbody").find_all("tr")]


def _left_aligned_columns(page: str) -> set[int]:
    return {int(n) for n in re.findall(r"\.col(\d+) \{\s*text-align: left;", page)}


def test_text_columns_left_numbers_right_missing_blank():
    df = pd.DataFrame({"speaker": ["Anna Neri", None], "n": [3, 4], "share": [0.25, None],
                       "kind": pd.Series(["person", pd.NA], dtype="string")})
    page = table_html(df)
    assert _left_aligned_columns(page) == {0, 3}  # speaker and kind; n and share stay right
    assert _cells(page) == [["Anna Neri", "3", "0.25", "person"], ["", "4", "", ""]]
    assert "&lt;NA&gt;" not in page and "nan" not in page and "NaN" not in page


def test_every_value_and_label_is_escaped():
    df = pd.DataFrame({HOSTILE: [HOSTILE], "n": [1.0]}, index=[HOSTILE])
    for page in (table_html(df), table_html(df.style.format({"n": "{:.0%}"}))):
        soup = BeautifulSoup(page, "html.parser")
        assert soup.find("img") is None, page
        assert page.count("&lt;img src=x onerror=alert(1)&gt;") == 3  # cell, column label, index label


def test_a_styler_keeps_its_own_formats_and_gets_the_same_care():
    df = pd.DataFrame({"speaker": ["Anna <Neri>", None], "share_of_words": [0.5, None]})
    page = table_html(df.style.hide(axis="index").format({"share_of_words": "{:.0%}"}))
    assert _cells(page) == [["Anna &lt;Neri&gt;", "50%"], ["", ""]]
    assert _left_aligned_columns(page) == {0}


def test_long_tables_show_their_first_rows_and_say_how_many():
    page = table_html(pd.DataFrame({"n": range(1000)}))
    assert len(_cells(page)) == pd.get_option("display.max_rows")
    assert "The first 60 of 1,000 rows" in page


def test_warnings_name_no_file():
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        text = warnings.formatwarning("attenzione", RuntimeWarning, "/home/someone/x.py", 12)
    assert text == "RuntimeWarning: attenzione\n"


def test_documents_a_parameter_names():
    docs = corpus_from_texts({"corto": "Uno.", "lungo": "Uno due tre quattro cinque sei.", "medio": "Uno due tre.",
                              "pari": "Tre due uno."}).documents
    assert chosen_documents(docs, 2) == ["lungo", "medio"]  # the longest first; ties in load order
    assert chosen_documents(docs, 10) == ["lungo", "medio", "pari", "corto"]
    assert chosen_documents(docs, ["pari", "corto", "pari"]) == ["pari", "corto"]
    assert chosen_documents(docs, "medio") == ["medio"]
    with pytest.raises(ValueError, match="not a doc_id of this corpus: nessuno"):
        chosen_documents(docs, ["corto", "nessuno"])
    with pytest.raises(ValueError, match="at least 1"):
        chosen_documents(docs, 0)


def test_folders_from_the_environment_that_make_lab_sets(monkeypatch, tmp_path):
    monkeypatch.delenv("WORKBOOK_SEEDS", raising=False)
    monkeypatch.delenv("WORKBOOK_OUT", raising=False)
    assert workbook_folders() == (SEEDS_DIR.resolve(), FIGURES_DIR.resolve())
    (tmp_path / "articoli").mkdir()
    monkeypatch.setenv("WORKBOOK_SEEDS", str(tmp_path / "articoli"))
    monkeypatch.setenv("WORKBOOK_OUT", str(tmp_path / "uscita"))
    assert workbook_folders() == ((tmp_path / "articoli").resolve(), (tmp_path / "uscita" / "figures").resolve())
    assert (tmp_path / "uscita" / "figures").is_dir()
    assert workbook_folders(SEEDS_DIR, tmp_path / "altro")[1] == (tmp_path / "altro").resolve()  # parameters win
