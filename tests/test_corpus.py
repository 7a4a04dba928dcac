"""Corpus assembly: the documents schema, dtypes, links between tables, failures recorded."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus as corpus_module
from analysis.corpus import DOCUMENT_COLUMNS, RawDocument, build_corpus, corpus_from_texts
from loader_helpers import assert_offsets_round_trip

TEXTS = {
    "a": "Il governo ha approvato la riforma.\n\nIl ministro ha parlato ai giornalisti.",
    "b": "Il Senato ha votato la fiducia.",
}


def test_documents_columns_and_dtypes():
    docs = corpus_from_texts(TEXTS, {"a": {"title": "Riforma", "date": "18/06/2024", "tags": "politica"}}).documents
    assert list(docs.columns[: len(DOCUMENT_COLUMNS)]) == list(DOCUMENT_COLUMNS)
    assert list(docs.columns[len(DOCUMENT_COLUMNS):]) == ["tags"]
    assert str(docs["date"].dtype) == "datetime64[ns]"
    for col in ("n_paragraphs", "n_sentences", "n_tokens"):
        assert docs[col].dtype == "int64"
    assert docs["is_italian"].dtype == bool and docs["italian_score"].dtype == "float64"
    for col in ("doc_id", "path", "title", "outlet", "language", "text", "sha256", "duplicate_of", "warnings", "tags"):
        assert isinstance(docs[col].dtype, pd.StringDtype), col
    assert docs.set_index("doc_id").loc["a", "date"] == pd.Timestamp("2024-06-18")


def test_empty_corpus_has_the_same_schema():
    docs = build_corpus([]).documents
    assert list(docs.columns) == list(DOCUMENT_COLUMNS) and docs.empty
    assert str(docs["date"].dtype) == "datetime64[ns]"


def test_tables_link_by_doc_id_and_counts_agree():
    corpus = corpus_from_texts(TEXTS)
    docs = corpus.documents.set_index("doc_id")
    assert (corpus.paragraphs.groupby("doc_id").size() == docs["n_paragraphs"]).all()
    assert (corpus.sentences.groupby("doc_id").size() == docs["n_sentences"]).all()
    assert (corpus.tokens.groupby("doc_id").size() == docs["n_tokens"]).all()
    assert_offsets_round_trip(corpus)


def test_metadata_named_like_a_computed_column_is_kept_under_a_prefix():
    doc = build_corpus([RawDocument("x", "x.txt", "Il governo ha deciso.", {"sha256": "abc", "n_tokens": 3})]).documents.iloc[0]
    assert doc["meta_sha256"] == "abc" and doc["meta_n_tokens"] == 3
    assert doc["sha256"] != "abc"
    assert "metadata field 'sha256' has the name of a computed column" in doc["warnings"]


def test_reader_warnings_and_encoding_reach_the_documents_table():
    raw = RawDocument("x", "x.txt", "Il governo ha deciso.", {}, encoding="cp1252", warnings=["removed 1 NUL byte(s)"])
    doc = build_corpus([raw]).documents.iloc[0]
    assert doc["encoding"] == "cp1252" and doc["warnings"] == "removed 1 NUL byte(s)"


def test_bad_date_is_empty_and_reported():
    doc = corpus_from_texts({"x": "Il governo ha deciso."}, {"x": {"date": "ieri sera"}}).documents.iloc[0]
    assert pd.isna(doc["date"]) and "date 'ieri sera' could not be read" in doc["warnings"]


def test_duplicates_point_to_the_first_in_load_order():
    docs = corpus_from_texts({"a": "Uguale.", "b": "Diverso.", "c": "Uguale.", "d": " Uguale. "}).documents
    assert docs["duplicate_of"].fillna("-").tolist() == ["-", "-", "a", "a"]


def test_a_document_the_pipeline_cannot_process_is_rejected_not_raised(monkeypatch):
    real = corpus_module.process_text

    def fragile(text, **options):
        if "rompe" in text:
            raise RuntimeError("caso imprevisto")
        return real(text, **options)

    monkeypatch.setattr(corpus_module, "process_text", fragile)
    corpus = build_corpus([RawDocument("ok", "ok.txt", "Il governo ha deciso."), RawDocument("ko", "ko.txt", "Questo rompe tutto.")])
    assert corpus.documents["doc_id"].tolist() == ["ok"]
    assert corpus.rejected["reason"].tolist() == ["ko.txt: the text pipeline failed on 'ko' (RuntimeError: caso imprevisto)"]


def test_corpus_from_texts_declares_italian():
    docs = corpus_from_texts(["Roma.", "Il governo ha deciso."]).documents
    assert docs["doc_id"].tolist() == ["doc0", "doc1"]
    assert (docs["language"] == "it").all() and docs["is_italian"].all()


@pytest.mark.parametrize("max_bytes", [-1, 0, 1.5, True])
def test_load_corpus_rejects_a_bad_max_bytes(tmp_path, max_bytes):
    from analysis import load_corpus

    with pytest.raises(ValueError, match="max_bytes"):
        load_corpus(tmp_path, max_bytes=max_bytes)
