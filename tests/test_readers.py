"""The loader's formats and folder rules: one test per format and per rule."""
from __future__ import annotations

import json
import os

import pytest

from analysis import SeedsNotFoundError, load_corpus
from analysis.readers import read_seeds
from loader_helpers import assert_offsets_round_trip, docx_bytes, pdf_bytes, reasons, write_files

ARTICLE = "Il governo ha approvato la riforma.\n\nIl ministro ha detto: «È un passo avanti».\n"


def docs_by_id(corpus):
    return corpus.documents.set_index("doc_id")


# --- formats -----------------------------------------------------------------

def test_txt_is_read_whole(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"a.txt": ARTICLE}))
    doc = docs_by_id(corpus).loc["a"]
    assert doc["text"] == ARTICLE
    assert doc["path"] == "a.txt"
    assert doc["n_paragraphs"] == 2
    assert corpus.rejected.empty
    assert_offsets_round_trip(corpus)


def test_md_front_matter_is_metadata_and_text_is_the_body(tmp_path):
    md = (
        "---\ntitle: \"Riforma approvata\"\ndate: 2024-03-05\noutlet: ANSA\n"
        "url: https://example.org/a\nlanguage: it\nauthor: Mario Rossi\n---\n" + ARTICLE
    )
    corpus = load_corpus(write_files(tmp_path, {"n.md": md}))
    doc = docs_by_id(corpus).loc["n"]
    assert doc["text"] == ARTICLE  # offsets count from the body's first character
    assert (doc["title"], doc["outlet"], doc["url"], doc["author"]) == ("Riforma approvata", "ANSA", "https://example.org/a", "Mario Rossi")
    assert str(doc["date"].date()) == "2024-03-05"
    assert doc["language_declared"] == "it"
    assert pd_isna(doc["warnings"])
    assert_offsets_round_trip(corpus)


def test_md_without_front_matter_is_read_whole(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"n.md": "# Titolo\n\n" + ARTICLE}))
    assert corpus.text("n") == "# Titolo\n\n" + ARTICLE


def test_jsonl_one_document_per_line_with_metadata(tmp_path):
    lines = [
        {"id": "ansa-1", "text": "Il governo ha approvato la riforma.", "title": "Uno", "outlet": "ANSA", "tags": ["politica"]},
        {"text": "Il Senato ha votato la fiducia.", "Title": "Due", "date": "2024-06-18T09:30:00+02:00"},
    ]
    content = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    corpus = load_corpus(write_files(tmp_path, {"feed.jsonl": content}))
    docs = docs_by_id(corpus)
    assert list(docs.index) == ["feed#ansa-1", "feed#2"]  # id field, else the line number
    assert docs.loc["feed#ansa-1", "outlet"] == "ANSA"
    assert docs.loc["feed#ansa-1", "tags"] == ["politica"]
    assert docs.loc["feed#2", "title"] == "Due"  # field names are lower-cased
    assert str(docs.loc["feed#2", "date"]) == "2024-06-18 09:30:00"  # local wall-clock time kept
    assert (docs["path"] == "feed.jsonl").all()
    assert corpus.rejected.empty
    assert_offsets_round_trip(corpus)


def test_csv_one_document_per_row_with_quoted_newlines(tmp_path):
    content = 'id,title,text,outlet\n7,Uno,"Il governo, oggi, ha deciso.",ANSA\n8,Due,"Primo paragrafo.\n\nSecondo paragrafo.",\n'
    corpus = load_corpus(write_files(tmp_path, {"t.csv": content}))
    docs = docs_by_id(corpus)
    assert list(docs.index) == ["t#7", "t#8"]
    assert docs.loc["t#7", "text"] == "Il governo, oggi, ha deciso."
    assert docs.loc["t#8", "n_paragraphs"] == 2
    assert docs.loc["t#7", "outlet"] == "ANSA" and pd_isna(docs.loc["t#8", "outlet"])
    assert_offsets_round_trip(corpus)


def test_csv_with_semicolons_as_italian_spreadsheets_save_it(tmp_path):
    content = "titolo;text\nUno;Il governo ha deciso, dopo ore.\n".encode("cp1252")
    corpus = load_corpus(write_files(tmp_path, {"excel.csv": content}))
    assert corpus.text("excel#2") == "Il governo ha deciso, dopo ore."
    assert docs_by_id(corpus).loc["excel#2", "titolo"] == "Uno"


def test_docx_paragraphs_line_breaks_tables_and_title(tmp_path):
    raw = docx_bytes(["Il governo ha approvato la riforma.", "", "Il ministro ha detto: «È un passo avanti».\nRiga due."],
                     title="Riforma approvata", table=[["Voti", "Favorevoli"], ["Camera", "201"]])
    corpus = load_corpus(write_files(tmp_path, {"articolo.docx": raw}))
    doc = docs_by_id(corpus).loc["articolo"]
    assert doc["text"] == ("Il governo ha approvato la riforma.\n\nIl ministro ha detto: «È un passo avanti».\nRiga due."
                           "\n\nVoti | Favorevoli\n\nCamera | 201")
    assert doc["title"] == "Riforma approvata" and doc["n_paragraphs"] == 4
    assert corpus.rejected.empty
    assert_offsets_round_trip(corpus)


def test_pdf_text_of_every_page_and_title(tmp_path):
    raw = pdf_bytes([["Il governo ha approvato la riforma (ieri).", "Perché la città è già lì: 5 €."], ["Seconda pagina."]],
                    title="Riforma")
    corpus = load_corpus(write_files(tmp_path, {"articolo.pdf": raw}))
    doc = docs_by_id(corpus).loc["articolo"]
    assert doc["text"] == "Il governo ha approvato la riforma (ieri).\nPerché la città è già lì: 5 €.\n\nSeconda pagina."
    assert doc["title"] == "Riforma" and doc["n_paragraphs"] == 2
    assert_offsets_round_trip(corpus)


def test_html_readable_text_only_with_paragraph_breaks(tmp_path):
    page = (
        "<!DOCTYPE html><html lang='it'><head><title>Vertice - Il Giornale</title>"
        "<meta property='og:title' content='Vertice a Roma'>"
        "<meta property='article:published_time' content='2024-06-18T08:00:00Z'>"
        "<style>p { color: red }</style><script>var x = '<p>nascosto</p>';</script></head>"
        "<body><nav>Home | Esteri</nav><article><h1>Vertice a Roma</h1>"
        "<p>Il governo ha   incontrato i <b>sindacati</b>.</p><!-- commento -->"
        "<p>Il ministro ha detto &laquo;basta&raquo;.<br>Poi &egrave; uscito.</p></article>"
        "<footer>&copy; 2024</footer><script>track()</script></body></html>"
    )
    corpus = load_corpus(write_files(tmp_path, {"p.html": page}))
    doc = docs_by_id(corpus).loc["p"]
    assert doc["text"] == (
        "Vertice a Roma\n\nIl governo ha incontrato i sindacati.\n\n"
        "Il ministro ha detto «basta».\nPoi è uscito."
    )
    assert doc["n_paragraphs"] == 3
    assert doc["title"] == "Vertice a Roma"
    assert str(doc["date"].date()) == "2024-06-18"
    for hidden in ("nascosto", "color", "track", "Home", "commento", "©"):
        assert hidden not in doc["text"]
    assert_offsets_round_trip(corpus)


def test_htm_suffix_and_meta_charset(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Citt\xe0 \x93bella\x94 \x80</p></body></html>'
    corpus = load_corpus(write_files(tmp_path, {"old.htm": page.encode("latin-1")}))
    assert corpus.text("old") == "Città “bella” €"


# --- folder rules ----------------------------------------------------------------

def test_folders_are_read_recursively_with_path_doc_ids(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"2024/06/a.txt": ARTICLE, "b.md": "Il Senato ha votato.", "2024/c.txt": "Il Papa ha parlato."}))
    assert sorted(corpus.documents["doc_id"]) == ["2024/06/a", "2024/c", "b"]
    assert docs_by_id(corpus).loc["2024/06/a", "path"] == "2024/06/a.txt"


def test_files_differing_only_by_suffix_keep_it_in_their_doc_id(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"a.txt": "Il governo ha deciso.", "a.md": "Il Senato ha votato."}))
    assert sorted(corpus.documents["doc_id"]) == ["a.md", "a.txt"]


def test_sidecar_metadata_is_read_and_not_a_document(tmp_path):
    files = {"a.txt": ARTICLE, "a.meta.yaml": "title: Riforma\noutlet: ANSA\ndate: 2024-01-02\nlanguage: it\n"}
    corpus = load_corpus(write_files(tmp_path, files))
    doc = docs_by_id(corpus).loc["a"]
    assert (doc["title"], doc["outlet"], str(doc["date"].date())) == ("Riforma", "ANSA", "2024-01-02")
    assert doc["text"] == ARTICLE
    assert len(corpus.documents) == 1 and corpus.rejected.empty


def test_sidecar_wins_over_front_matter_and_gives_defaults_to_records(tmp_path):
    files = {
        "n.md": "---\ntitle: Vecchio\noutlet: ANSA\n---\nIl governo ha deciso.",
        "n.meta.yaml": "title: Corretto\n",
        "f.jsonl": '{"text": "Il Senato ha votato.", "outlet": "AGI"}\n{"text": "La Camera ha votato."}\n',
        "f.meta.yaml": "outlet: Reuters\n",
    }
    docs = docs_by_id(load_corpus(write_files(tmp_path, files)))
    assert (docs.loc["n", "title"], docs.loc["n", "outlet"]) == ("Corretto", "ANSA")
    assert docs.loc["f#1", "outlet"] == "AGI" and docs.loc["f#2", "outlet"] == "Reuters"


def test_sidecar_can_name_the_encoding(tmp_path):
    files = {"ru.txt": "Правительство объявило новые меры.".encode("cp1251"), "ru.meta.yaml": "encoding: cp1251\n"}
    corpus = load_corpus(write_files(tmp_path, files))
    assert corpus.text("ru") == "Правительство объявило новые меры."
    assert docs_by_id(corpus).loc["ru", "encoding"] == "cp1251"


def test_orphan_and_broken_sidecars_are_reported(tmp_path):
    files = {"ghost.meta.yaml": "title: x\n", "a.txt": ARTICLE, "a.meta.yaml": "title: [rotto\n"}
    corpus = load_corpus(write_files(tmp_path, files))
    assert "no article beside it" in reasons(corpus)["ghost.meta.yaml"][0]
    doc = docs_by_id(corpus).loc["a"]
    assert pd_isna(doc["title"]) and "sidecar a.meta.yaml is not valid YAML" in doc["warnings"]


def test_hidden_files_folders_and_readme_are_listed_not_loaded(tmp_path):
    files = {
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
        ".ipynb_checkpoints/a-checkpoint.txt": ARTICLE,
        "README.md": "# Questa cartella\n\nContiene gli articoli.",
        "a.txt": ARTICLE,
    }
    corpus = load_corpus(write_files(tmp_path, files))
    assert list(corpus.documents["doc_id"]) == ["a"]
    got = reasons(corpus)
    assert got[".DS_Store"] == [".DS_Store: hidden file, not read"]
    assert got[".ipynb_checkpoints/"] == [".ipynb_checkpoints/: hidden folder, not read"]
    assert "README" in got["README.md"][0]


def test_unsupported_suffix_is_rejected_naming_the_readable_ones(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"a.xyz": b"qualcosa", "notes": "testo"}))
    got = reasons(corpus)
    assert "unsupported file type '.xyz'" in got["a.xyz"][0] and ".jsonl" in got["a.xyz"][0] and ".docx" in got["a.xyz"][0]
    assert "no file extension" in got["notes"][0]


@pytest.mark.parametrize(
    ("name", "advice"),
    [("a.doc", "save it as .docx"), ("a.odt", "save it as .docx"), ("a.xlsx", "save the sheet as CSV UTF-8"),
     ("a.rtf", "save it as .docx")],
)
def test_formats_researchers_have_are_rejected_with_how_to_convert_them(tmp_path, name, advice):
    corpus = load_corpus(write_files(tmp_path, {name: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 binary", "ok.txt": ARTICLE}))
    reason = reasons(corpus)[name][0]
    assert reason.startswith(f"{name}: unsupported file type") and advice in reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_symlinks_outside_the_folder_are_not_followed(tmp_path):
    outside = write_files(tmp_path / "elsewhere", {"secret.txt": "Il testo segreto del governo."})
    seeds = write_files(tmp_path / "seeds", {"a.txt": ARTICLE, "sub/b.txt": "Il Senato ha votato."})
    (seeds / "out.txt").symlink_to(outside / "secret.txt")
    (seeds / "outdir").symlink_to(outside, target_is_directory=True)
    (seeds / "inside.txt").symlink_to(seeds / "a.txt")
    (seeds / "loop").symlink_to(seeds, target_is_directory=True)
    (seeds / "dangling.txt").symlink_to(seeds / "missing.txt")
    corpus = load_corpus(seeds)
    got = reasons(corpus)
    assert "outside the seeds folder: not followed" in got["out.txt"][0]
    assert "outside the seeds folder: not followed" in got["outdir"][0]
    assert "symlink to a folder, not followed" in got["loop"][0]
    assert "broken symlink" in got["dangling.txt"][0]
    assert "Il testo segreto" not in "".join(corpus.documents["text"])
    docs = docs_by_id(corpus)
    assert docs.loc["inside", "duplicate_of"] == "a"  # a link inside the folder is read, and flagged
    assert set(docs.index) == {"a", "inside", "sub/b"}


def test_a_single_file_can_be_loaded_with_its_sidecar(tmp_path):
    write_files(tmp_path, {"a.txt": ARTICLE, "a.meta.yaml": "title: Uno\n"})
    corpus = load_corpus(tmp_path / "a.txt")
    assert docs_by_id(corpus).loc["a", "title"] == "Uno"


def test_missing_folder_raises_seeds_not_found(tmp_path):
    with pytest.raises(SeedsNotFoundError, match="no such seeds folder"):
        load_corpus(tmp_path / "nope")


def test_max_bytes_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="max_bytes must be a positive"):
        read_seeds(tmp_path, max_bytes=0)


def test_doc_ids_are_stable_across_loads(tmp_path):
    files = {"b.txt": ARTICLE, "a.jsonl": '{"text": "Uno due tre."}\n{"text": "Quattro cinque."}\n', "z/c.md": "Testo qui."}
    root = write_files(tmp_path, files)
    first = list(load_corpus(root).documents["doc_id"])
    assert first == list(load_corpus(root).documents["doc_id"])
    assert len(set(first)) == len(first) == 4


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


@pytest.mark.parametrize(
    ("name", "content", "doc_id"),
    [
        ("a.tsv", "title\ttext\nUno\tIl governo, oggi; ha deciso.\n", "a#2"),
        ("a.ndjson", '{"text": "Il governo ha deciso."}\n', "a#1"),
        ("a.markdown", "---\ntitle: Uno\n---\nIl governo ha deciso.", "a"),
    ],
)
def test_other_suffixes_of_the_same_formats(tmp_path, name, content, doc_id):
    corpus = load_corpus(write_files(tmp_path, {name: content}))
    assert corpus.documents["doc_id"].tolist() == [doc_id]
    assert corpus.text(doc_id).startswith("Il governo")


# --- the per-file API ----------------------------------------------------------

def test_plan_and_read_file_give_what_read_seeds_gives(tmp_path):
    from analysis.readers import plan_seeds, read_file

    root = write_files(tmp_path, {
        "a.txt": ARTICLE, "a.meta.yaml": "title: Primo\n", "b.md": ARTICLE, "b.txt": ARTICLE,
        "README.md": "note", "README.meta.yaml": "title: x\n", "orphan.meta.yaml": "title: y\n",
        "sub/c.txt": ARTICLE, ".hidden.txt": ARTICLE, "d.bin": "x",
    })
    docs, rejected, _ = read_seeds(root)
    plan = plan_seeds(root)
    assert [f.base_id for f in plan.files if f.rel.endswith(".txt")] == ["a", "b.txt", "sub/c"]
    assert next(f for f in plan.files if f.rel == "a.txt").sidecar == "a.meta.yaml"
    got_docs, got_rejected, used = [], list(plan.rejected), set()
    for f in plan.files:
        d, r = read_file(plan.base, f, used_ids=used)
        got_docs += d
        got_rejected += r
    assert got_docs == docs
    assert sorted(got_rejected) == sorted(rejected)
    # a README is not an article, so its sidecar has none beside it
    assert any(p == "README.meta.yaml" for p, _ in rejected)
    assert {p for p, _ in rejected} >= {"README.md", "orphan.meta.yaml", ".hidden.txt", "d.bin"}
