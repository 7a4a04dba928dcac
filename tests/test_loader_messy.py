"""Messy seed folders: every file is either documents or a row in ``rejected``, never a crash."""
from __future__ import annotations

import codecs
import json

import pandas as pd
import pytest

from analysis import load_corpus
from loader_helpers import assert_offsets_round_trip, docx_bytes, pdf_bytes, reasons, write_files

ITALIAN = "Il governo ha detto “sì” all’accordo: costerà 5 €, perché la città è già lì."


def one_doc(tmp_path, name: str, content: bytes | str):
    corpus = load_corpus(write_files(tmp_path, {name: content}))
    assert corpus.rejected.empty, corpus.rejected.to_dict("records")
    assert len(corpus.documents) == 1
    assert_offsets_round_trip(corpus)
    return corpus.documents.iloc[0]


# --- encodings ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ITALIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ITALIAN.encode("utf-8"), "utf-8-sig"),
        (ITALIAN.encode("utf-16"), "utf-16"),  # with BOM, native order
        (codecs.BOM_UTF16_BE + ITALIAN.encode("utf-16-be"), "utf-16"),
        (ITALIAN.encode("utf-32"), "utf-32"),
        (ITALIAN.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL pattern
        (ITALIAN.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-be-bom", "utf32-bom", "utf16le-no-bom", "cp1252"],
)
def test_encodings_decode_with_smart_quotes_accents_and_euro_intact(tmp_path, raw, encoding):
    doc = one_doc(tmp_path, "a.txt", raw)
    assert doc["text"] == ITALIAN  # BOM stripped, “ ” ’ € and accents intact
    assert doc["encoding"] == encoding


def test_latin1_accents_intact(tmp_path):
    text = "Perché la città è già lì, però più giù."
    doc = one_doc(tmp_path, "a.txt", text.encode("latin-1"))
    assert doc["text"] == text


def test_bytes_undefined_in_cp1252_fall_back_without_loss(tmp_path):
    raw = "Città".encode("latin-1") + b" \x81\x8d " + "è bella.".encode("latin-1")
    doc = one_doc(tmp_path, "a.txt", raw)
    assert doc["text"].startswith("Città") and doc["text"].endswith("è bella.")


def test_mostly_utf8_with_a_stray_cp1252_byte_is_not_mojibake(tmp_path):
    raw = "Perché la città è già lì, però più giù. ".encode("utf-8") + b"Costa 5 \x80."
    doc = one_doc(tmp_path, "a.txt", raw)
    assert doc["text"] == "Perché la città è già lì, però più giù. Costa 5 €."
    assert "mixed encodings" in doc["warnings"]


def test_crlf_and_cr_become_newlines_and_offsets_refer_to_the_normalised_text(tmp_path):
    doc = one_doc(tmp_path, "a.txt", b"Primo paragrafo.\r\n\r\nSecondo paragrafo.\rRiga.\r\n")
    assert doc["text"] == "Primo paragrafo.\n\nSecondo paragrafo.\nRiga.\n"
    assert doc["n_paragraphs"] == 2


def test_nul_bytes_in_text_are_removed_and_reported(tmp_path):
    doc = one_doc(tmp_path, "a.txt", b"Il governo\x00 ha deciso.\x00")
    assert doc["text"] == "Il governo ha deciso."
    assert "removed 2 NUL byte(s)" in doc["warnings"]


def test_decomposed_accents_become_composed(tmp_path):
    doc = one_doc(tmp_path, "a.txt", "Perche\u0301 la citta\u0300.".encode("utf-8"))
    assert doc["text"] == "Perché la città."
    assert "NFC" in doc["warnings"]


# --- rejected files -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "a.txt: empty file (0 bytes)"),
        (b"  \n\t\r\n  \n", "a.txt: whitespace-only text"),
        ("\u00a0\u2003\n".encode("utf-8"), "a.txt: whitespace-only text"),
        (codecs.BOM_UTF8, "a.txt: empty text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a.txt: binary file (PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a.txt: binary file (PDF document), not text"),
        (bytes(range(256)) * 4, "a.txt: binary file (not text)"),
        (b"\x00\x01\x02\x03\x00\x00\x07Il\x00 governo\x00\x00\x10\x11", "a.txt: binary file (not text)"),
    ],
    ids=["empty", "whitespace", "unicode-whitespace", "bom-only", "png", "pdf", "all-bytes", "many-nuls"],
)
def test_unusable_files_are_rejected_with_a_reason(tmp_path, content, expected):
    corpus = load_corpus(write_files(tmp_path, {"a.txt": content}))
    assert corpus.documents.empty
    assert corpus.rejected["path"].tolist() == ["a.txt"]
    assert corpus.rejected["reason"].iloc[0].startswith(expected)


def test_broken_jsonl_line_is_reported_and_good_lines_load(tmp_path):
    content = (
        '{"text": "Il governo ha deciso."}\n'
        '{"text": "Manca la chiusura"\n'
        "\n"
        '{"title": "senza testo"}\n'
        '["un", "array"]\n'
        '{"text": 42}\n'
        '{"text": "   "}\n'
        '{"text": "Il Senato ha votato."}\n'
    )
    corpus = load_corpus(write_files(tmp_path, {"f.jsonl": content}))
    assert list(corpus.documents["doc_id"]) == ["f#1", "f#8"]
    got = reasons(corpus)["f.jsonl"]
    assert got[0].startswith("f.jsonl line 2: not valid JSON (")
    assert got[1] == "f.jsonl line 4: no 'text' field (fields: title)"
    assert got[2] == "f.jsonl line 5: an array, not a JSON object with a 'text' field"
    assert got[3] == "f.jsonl line 6: 'text' is a int, not a string"
    assert got[4] == "f.jsonl line 7: whitespace-only text"
    assert len(got) == 5


def test_jsonl_lines_with_different_encodings_each_decode(tmp_path):
    raw = '{"text": "Città di Roma."}\n'.encode("utf-8") + '{"text": "Però “così”."}\n'.encode("cp1252")
    corpus = load_corpus(write_files(tmp_path, {"f.jsonl": raw}))
    assert list(corpus.documents["text"]) == ["Città di Roma.", "Però “così”."]


def test_utf16_jsonl_streams(tmp_path):
    raw = ('{"text": "Città di Roma."}\r\n{"text": "Però “così”."}\r\n').encode("utf-16")
    corpus = load_corpus(write_files(tmp_path, {"f.jsonl": raw}))
    assert list(corpus.documents["text"]) == ["Città di Roma.", "Però “così”."]


def test_csv_without_text_column_is_rejected_listing_its_columns(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"x.csv": "title,body\nUno,Il governo ha deciso.\n"}))
    assert corpus.documents.empty
    assert reasons(corpus) == {"x.csv": ["x.csv: no 'text' column (columns: title, body)"]}


def test_csv_bad_rows_are_reported_and_good_rows_load(tmp_path):
    content = "title,text\nUno,Il governo ha deciso.\nDue\nTre,Il Senato,ha votato\nQuattro,\nCinque,La Camera ha votato.\n"
    corpus = load_corpus(write_files(tmp_path, {"x.csv": content}))
    assert list(corpus.documents["doc_id"]) == ["x#2", "x#6"]  # the line where each row starts
    assert reasons(corpus)["x.csv"] == [
        "x.csv line 3: 1 field but the header has 2: a field is missing",
        "x.csv line 4: 3 fields but the header has 2: the row holds the separator (comma) outside double quotes; "
        "a field that contains it must be quoted",
        "x.csv line 5: empty text",
    ]


QUOTED = [
    'Il ministro ha detto: "È un passo avanti", poi è uscito.',
    'Due righe:\n"prima" e "seconda"; fine.',
    '"Tutto tra virgolette"',
    "Nessuna virgoletta, ma una virgola; e un punto e virgola.",
    'Un solo " spaiato.',
]


@pytest.mark.parametrize(
    ("options", "encoding"),
    [({}, "utf-8"), ({"sep": ";"}, "utf-8-sig"), ({"sep": ";"}, "cp1252"), ({"sep": "\t"}, "utf-8"),
     ({"lineterminator": "\r\n"}, "utf-8")],
    ids=["pandas", "excel-csv-utf8-semicolon-bom", "excel-csv-cp1252-semicolon", "tab", "crlf"],
)
def test_csv_written_by_pandas_or_excel_loses_no_row(tmp_path, options, encoding):
    """RFC 4180: a quote inside a field is doubled; the rows with quotes are exactly the ones that matter."""
    table = pd.DataFrame({"id": range(1, len(QUOTED) + 1), "title": ["Uno", 'Il "due"', "Tre", "Quattro", "Cinque"],
                          "text": QUOTED, "outlet": ["ANSA"] * len(QUOTED)})
    path = tmp_path / "export.csv"
    table.to_csv(path, index=False, encoding=encoding, **options)
    corpus = load_corpus(tmp_path)
    assert corpus.rejected.empty, corpus.rejected.to_dict("records")
    docs = corpus.documents.set_index("doc_id")
    assert list(docs["text"]) == QUOTED
    assert docs.loc["export#2", "title"] == 'Il "due"'
    assert_offsets_round_trip(corpus)


def test_one_column_csv_with_commas_and_semicolons_in_the_text(tmp_path):
    content = "text\nIl governo, oggi, ha deciso; domani vota.\n\"Con \"\"virgolette\"\", e virgole\"\n"
    corpus = load_corpus(write_files(tmp_path, {"a.csv": content}))
    assert list(corpus.documents["text"]) == ["Il governo, oggi, ha deciso; domani vota.", 'Con "virgolette", e virgole']


def test_csv_quote_never_closed_says_so(tmp_path):
    content = 'title,text\nUno,Il governo ha deciso.\nDue,"Il Senato ha votato.\nTre,Altro.\n'
    corpus = load_corpus(write_files(tmp_path, {"x.csv": content}))
    assert list(corpus.documents["text"]) == ["Il governo ha deciso.", "Altro."]  # the row after it still loads
    assert list(corpus.documents["doc_id"]) == ["x#2", "x#4"]
    assert reasons(corpus)["x.csv"] == [
        "x.csv line 3: a double quote opened in this row is never closed (the lines after it were read again as rows of their own)"]


def test_csv_quote_closed_rows_later_names_the_lines_it_swallowed(tmp_path):
    content = 'title,text,outlet\nUno,"Il governo ha deciso.,ANSA\nDue,Il Senato,"ANSA"\nTre,Altro.,AGI\n'
    corpus = load_corpus(write_files(tmp_path, {"x.csv": content}))
    assert list(corpus.documents["text"]) == ["Altro."]
    (reason,) = reasons(corpus)["x.csv"]
    assert reason.startswith("x.csv line 2: ") and "a double quote opened in this row is closed only on line 3" in reason


def test_pdf_and_docx_that_cannot_be_read_say_what_to_do(tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    locked = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["Il governo ha deciso."]]))))
    locked.encrypt(user_password="segreto", owner_password="proprietario", algorithm="RC4-128")
    buffer = io.BytesIO()
    locked.write(buffer)
    files = {
        "scan.pdf": pdf_bytes([[], []]),
        "locked.pdf": buffer.getvalue(),
        "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog",
        "renamed.docx": "Testo semplice, non un documento Word.",
        "empty.docx": docx_bytes(["", "  "]),
        "ok.pdf": pdf_bytes([["Il governo ha deciso."], []]),
    }
    corpus = load_corpus(write_files(tmp_path, files))
    got = reasons(corpus)
    assert "no text layer (2 pages of images, as a scan is): run OCR" in got["scan.pdf"][0]
    assert "password-protected PDF" in got["locked.pdf"][0]
    assert got["broken.pdf"][0].startswith("broken.pdf: damaged or unreadable PDF")
    assert "not a .docx file" in got["renamed.docx"][0] and "save it as .docx or .txt" in got["renamed.docx"][0]
    assert got["empty.docx"] == ["empty.docx (text of the Word document): empty text"]
    assert list(corpus.documents["doc_id"]) == ["ok"]
    assert "page(s) 2 of the PDF have no text layer" in corpus.documents["warnings"].iloc[0]


def test_csv_with_header_only_is_rejected(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"x.csv": "title,text\n"}))
    assert reasons(corpus) == {"x.csv": ["x.csv: header only, no rows"]}


@pytest.mark.parametrize(
    ("md", "body", "warning"),
    [
        ("---\ntitle: [non chiuso\n---\nIl governo ha deciso.\n", "Il governo ha deciso.\n", "front matter is not valid YAML"),
        ("---\n- una\n- lista\n---\nIl governo ha deciso.\n", "Il governo ha deciso.\n", "front matter is a YAML list, not a mapping"),
        ("---\ntitle: Mai chiuso\nIl governo ha deciso.\n", "---\ntitle: Mai chiuso\nIl governo ha deciso.\n", "never closed"),
    ],
    ids=["invalid-yaml", "not-a-mapping", "never-closed"],
)
def test_broken_front_matter_keeps_the_article_and_records_the_problem(tmp_path, md, body, warning):
    doc = one_doc(tmp_path, "a.md", md)
    assert doc["text"] == body
    assert warning in doc["warnings"]
    assert pd.isna(doc["title"])


def test_front_matter_with_empty_body_is_rejected(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"a.md": "---\ntitle: Solo titolo\n---\n\n"}))
    assert reasons(corpus)["a.md"] == ["a.md (body after the front matter): whitespace-only text"]


# --- language -----------------------------------------------------------------------

ENGLISH = (
    "The government announced new measures on Tuesday to curb inflation, and the minister said "
    "that families would receive help with their energy bills before the end of the winter."
)
FRENCH = "Le gouvernement a annoncé mardi de nouvelles mesures pour freiner l'inflation et aider les familles."


def test_non_italian_text_is_kept_and_flagged(tmp_path):
    corpus = load_corpus(write_files(tmp_path, {"en.txt": ENGLISH, "fr.txt": FRENCH, "it.txt": ITALIAN}))
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["en", "language"] == "en" and not docs.loc["en", "is_italian"]
    assert docs.loc["fr", "language"] == "fr" and not docs.loc["fr", "is_italian"]
    assert docs.loc["it", "language"] == "it" and docs.loc["it", "is_italian"]
    assert docs.loc["it", "italian_score"] > docs.loc["en", "italian_score"]


def test_declared_language_is_overruled_only_when_evidently_wrong(tmp_path):
    files = {
        "wrong.md": "---\nlanguage: it\n---\n" + ENGLISH,
        "short.md": "---\nlanguage: it\n---\nRoma, 12 giugno.",
        "named.md": "---\nlanguage: Italiano\n---\n" + ITALIAN,
    }
    docs = load_corpus(write_files(tmp_path, files)).documents.set_index("doc_id")
    assert docs.loc["wrong", "language"] == "en"
    assert docs.loc["wrong", "language_declared"] == "it"
    assert "declared language 'it' but the text reads as 'en'" in docs.loc["wrong", "warnings"]
    assert docs.loc["short", "language"] == "it"  # too little text to overrule
    assert docs.loc["named", "language"] == "it"


def test_text_with_no_words_is_undetermined(tmp_path):
    doc = one_doc(tmp_path, "a.txt", "12.000 — 2,5% (3/4) !!!")
    assert doc["language"] == "und" and not doc["is_italian"]


# --- size and duplicates ---------------------------------------------------------------

def test_files_over_max_bytes_are_rejected_unread(tmp_path):
    root = write_files(tmp_path, {"big.txt": "Il governo ha deciso. " * 100, "small.txt": "Il Senato ha votato."})
    corpus = load_corpus(root, max_bytes=1000)
    assert list(corpus.documents["doc_id"]) == ["small"]
    reason = reasons(corpus)["big.txt"][0]
    assert reason.startswith("big.txt: file too large (2.2 kB; the limit is 1.0 kB")


def test_large_jsonl_streams_and_only_oversized_records_are_rejected(tmp_path):
    lines = [json.dumps({"text": f"Articolo numero {i} sul governo."}) for i in range(300)]
    lines.insert(5, json.dumps({"text": "Il governo ha deciso. " * 200}))
    root = write_files(tmp_path, {"feed.jsonl": "\n".join(lines) + "\n"})
    corpus = load_corpus(root, max_bytes=1000)  # the file itself is larger than the limit
    assert len(corpus.documents) == 300
    assert reasons(corpus)["feed.jsonl"] == ["feed.jsonl line 6: record longer than 1,000 bytes (max_bytes)"]


def test_large_csv_record_is_rejected_and_the_rest_loads(tmp_path):
    rows = ["text"] + [f"Articolo numero {i}." for i in range(50)] + ['"' + "Il governo ha deciso. " * 100 + '"']
    corpus = load_corpus(write_files(tmp_path, {"x.csv": "\n".join(rows) + "\n"}), max_bytes=1000)
    assert len(corpus.documents) == 50
    assert reasons(corpus)["x.csv"][0].startswith("x.csv line 52: record longer than 1,000 bytes")


def test_duplicates_are_flagged_exact_and_whitespace_only(tmp_path):
    files = {
        "a.txt": ITALIAN + "\n",
        "b.txt": (ITALIAN + "\r\n").encode("cp1252"),  # same text once decoded and normalised
        "c.txt": "  " + ITALIAN.replace(" ", "\n", 1),  # differs only in whitespace
        "d.txt": "Il Senato ha votato.",
    }
    docs = load_corpus(write_files(tmp_path, files)).documents.set_index("doc_id")
    assert pd.isna(docs.loc["a", "duplicate_of"])
    assert docs.loc["b", "duplicate_of"] == "a"
    assert docs.loc["c", "duplicate_of"] == "a"
    assert pd.isna(docs.loc["d", "duplicate_of"])
    assert docs.loc["a", "sha256"] == docs.loc["b", "sha256"] != docs.loc["c", "sha256"]


def test_a_messy_folder_never_loses_a_file(tmp_path):
    files = {
        "ok.txt": ITALIAN, "empty.txt": b"", "bin.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        "cp.md": ("---\ntitle: Prova\n---\n" + ITALIAN).encode("cp1252"),
        "bad.jsonl": '{"text": "Buono."}\n{oops\n', "nt.csv": "a,b\n1,2\n", "p.html": "<p>Ciao a tutti.</p>",
        ".hidden.txt": ITALIAN, "x.pdf": b"%PDF-1.4", "orphan.meta.yaml": "title: x\n",
    }
    corpus = load_corpus(write_files(tmp_path, files))
    loaded = set(corpus.documents["path"])
    rejected = set(corpus.rejected["path"])
    assert loaded | rejected == set(files)
    assert loaded == {"ok.txt", "cp.md", "bad.jsonl", "p.html"}
    assert all(r.split(":")[0].split(" ")[0] in files for r in corpus.rejected["reason"])


def test_deeply_nested_json_line_is_rejected_and_the_rest_loads(tmp_path):
    content = "[" * 100_000 + "]" * 100_000 + '\n{"text": "Il governo ha deciso."}\n'
    corpus = load_corpus(write_files(tmp_path, {"f.jsonl": content}))
    assert list(corpus.documents["doc_id"]) == ["f#2"]
    assert reasons(corpus) == {"f.jsonl": ["f.jsonl line 1: JSON nested too deeply to read"]}


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_listed_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    write_files(tmp_path, {"a.txt": ITALIAN})
    corpus = load_corpus(tmp_path)
    assert reasons(corpus) == {"pipe.txt": ["pipe.txt: not a regular file (device, pipe or socket)"]}


def test_records_report_the_encoding_of_their_lines(tmp_path):
    raw = '{"text": "Città."}\n'.encode("utf-8") + '{"text": "Però."}\n'.encode("cp1252")
    csv_raw = "text\n".encode() + '"Città\n'.encode("utf-8") + 'e però."\n'.encode("cp1252")
    docs = load_corpus(write_files(tmp_path, {"f.jsonl": raw, "c.csv": csv_raw})).documents.set_index("doc_id")
    assert docs.loc["f#1", "encoding"] == "utf-8" and docs.loc["f#2", "encoding"] == "cp1252"
    assert docs.loc["c#2", "encoding"] == "utf-8+cp1252" and docs.loc["c#2", "text"] == "Città\ne però."
