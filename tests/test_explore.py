"""The explorers: the index, the queries, the markup and the widgets, driven from Python.

The corpus is the multi-outlet one of :mod:`multi_corpus`; expected counts
come from the article texts themselves (regular expressions), not from the
analysis under test. The same explorers in a real browser are in
``test_explore_browser.py``.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis import corpus_from_texts, load_corpus
from analysis.attribution import extract_attributions
from analysis.explore import build_index, explorer, queries
from analysis.explore.markup import article_html, table_html
from analysis.keywords import collocates
from multi_corpus import write_multi_corpus
from test_hostile import ARTICLE, inert_problems


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return load_corpus(write_multi_corpus(tmp_path_factory.mktemp("multi") / "seeds"))


@pytest.fixture(scope="module")
def index(corpus):
    return build_index(corpus)


def _count(corpus, pattern: str) -> int:
    return sum(len(re.findall(pattern, str(t))) for t in corpus.documents["text"])


def test_documents_in_date_order_with_labels(index, corpus):
    docs = index.documents
    assert len(docs) == len(corpus.documents) == 12
    assert docs["date"].is_monotonic_increasing
    first = docs.iloc[0]
    assert first["label"].startswith("2024-06-03 · Gazzetta del Lago · ")


def test_attributions_in_reading_order_with_tone(index, corpus):
    table = index.attributions
    assert len(table) == len(extract_attributions(corpus))
    order = {d: i for i, d in enumerate(index.documents["doc_id"])}
    keys = list(zip(table["doc_id"].map(order), table["content_start"].astype(float)))
    assert keys == sorted(keys)
    with_content = table["content_start"].notna()
    assert table.loc[with_content, "tone"].isin(["negative", "neutral", "positive"]).all()


@pytest.mark.parametrize(("query", "by", "pattern"), [
    ("bilancio", "form", r"\bbilancio\b"),
    ("Corea del Nord", "form", r"\bCorea del Nord\b"),
    ("pensioni", "any", r"\bpensioni\b"),
    ("missile", "lemma", r"\bmissil[ei]\b"),
])
def test_occurrences_match_the_texts(index, corpus, query, by, pattern):
    hits = queries.find_occurrences(index, query, by=by)
    assert len(hits) == _count(corpus, pattern) > 0
    for doc_id, start, end in zip(hits["doc_id"], hits["start"], hits["end"]):
        assert index.texts[doc_id][start:end].lower() == re.search(pattern, index.texts[doc_id][start:end]).group(0).lower()


def test_bad_queries_are_clear_errors(index):
    with pytest.raises(ValueError, match="non-empty"):
        queries.find_occurrences(index, "   ")
    with pytest.raises(ValueError, match="by must be"):
        queries.find_occurrences(index, "bilancio", by="stem")
    assert queries.find_occurrences(index, "zanzara").empty


def test_kwic_lines_point_at_the_keyword(index):
    hits = queries.find_occurrences(index, "bilancio")
    lines = queries.kwic_lines(index, hits)
    assert len(lines) == len(hits)
    for row in lines.itertuples(index=False):
        assert index.texts[row.doc_id][row.start:row.end] == row.keyword
        assert row.keyword.lower() == "bilancio"
        assert row.document == index.document_label(row.doc_id)


def test_dispersion_counts_every_document(index, corpus):
    hits = queries.find_occurrences(index, "bilancio")
    table = queries.dispersion(index, hits)
    assert len(table) == 12 and table["n_hits"].sum() == len(hits)
    per_doc = {d: len(re.findall(r"\bbilancio\b", t)) for d, t in zip(corpus.documents["doc_id"], corpus.documents["text"])}
    assert dict(zip(table["doc_id"], table["n_hits"])) == per_doc
    assert all(0 <= p <= 1 for ps in table["positions"] for p in ps)


def test_collocates_from_the_index_equal_the_keyword_module(index, corpus):
    hits = queries.find_occurrences(index, "bilancio", by="lemma")
    fast = queries.collocates_of(index, hits, window=5)
    slow = collocates(corpus, "bilancio", window=5, by="lemma")
    pd.testing.assert_frame_equal(fast, slow)


def test_speaker_queries(index, corpus):
    said = queries.speaker_attributions(index, "Anna Neri")
    expected = sum(len(re.findall(r"La ministra Anna Neri ha (?:dichiarato|aggiunto)", t)) for t in corpus.documents["text"])
    assert len(said) == expected
    assert pd.to_datetime(said["date"]).is_monotonic_increasing
    assert ("speaker_gender" in said.columns) == index.has_gender
    terms = queries.speaker_terms(index, "Anna Neri")
    assert "bilancio" in set(terms["term"])
    shared = queries.speakers_sharing_terms(index, "Anna Neri")
    vocab = index.vocabulary
    for row in shared.itertuples(index=False):
        theirs = set(vocab.loc[vocab["speaker"] == row.speaker, "term"])
        assert set(row.shared_terms.split(", ")) <= theirs & set(terms["term"])
    with pytest.raises(KeyError, match="no speaker"):
        queries.speaker_attributions(index, "Nessuno")


def test_speaker_gender_is_shown_only_when_present(corpus):
    table = extract_attributions(corpus).drop(columns="speaker_gender", errors="ignore")
    without = build_index(corpus, attributions=table)
    assert not without.has_gender
    assert "speaker_gender" not in queries.speaker_attributions(without, "Anna Neri").columns
    assert "gender:" not in article_html(without, without.attributions["doc_id"].iloc[0])
    table["speaker_gender"] = table["speaker_canonical"].map({"Anna Neri": "female", "Mario Bianchi": "male"})
    with_gender = build_index(corpus, attributions=table)
    assert with_gender.has_gender
    said = queries.speaker_attributions(with_gender, "Anna Neri")
    assert set(said["speaker_gender"]) == {"female"}
    doc = with_gender.attributions.loc[with_gender.attributions["speaker_canonical"] == "Anna Neri", "doc_id"].iloc[0]
    assert "gender: female" in article_html(with_gender, doc)


def test_article_marks_every_part_and_the_tone_strip(index):
    doc = index.attributions.loc[index.attributions["speaker_canonical"] == "Anna Neri", "doc_id"].iloc[0]
    soup = BeautifulSoup(article_html(index, doc), "html.parser")
    titles = [s["title"] for s in soup.find_all("span", title=True)]
    assert any(t.startswith("speaker — ") and "speaker: Anna Neri" in t for t in titles)
    assert any(t.startswith("reporting verb (cue) — ") for t in titles)
    assert any(t.startswith("what was said (content) — ") and "tone: " in t and "via: " in t for t in titles)
    n_sentences = int((index.sentences["doc_id"] == doc).sum())
    assert len(soup.find("tbody").find_all("tr")) == n_sentences
    # The text comes back whole once the markup is removed.
    text = index.texts[doc]
    starts = index.sentences.loc[index.sentences["doc_id"] == doc, ["start", "end"]]
    assert soup.find("tbody").get_text("") .replace("\n", "") != ""
    for start, end in starts.itertuples(index=False):
        assert text[start:end] in soup.get_text("")


def test_hostile_article_stays_text():
    corpus = corpus_from_texts({"attacco": ARTICLE})
    index = build_index(corpus)
    assert len(index.attributions) > 0  # the hostile article has attributions to mark
    page = article_html(index, "attacco", highlight=(0, 10))
    assert inert_problems(page) == []
    shown = BeautifulSoup(page, "html.parser").get_text("")
    for marker in ('<script>alert("quote")</script>', "onerror=alert(1)", '<a href="javascript:alert(2)">'):
        assert marker in shown, marker
    app = explorer(index)
    app.words.search("script")
    app.words.lines.value = 0
    for html in (app.reader.text.value, app.reader.details.value, app.words.collocates.value,
                 app._repr_mimebundle_()["text/html"], app.speakers.said.value):
        assert inert_problems(html) == []


def test_table_html_escapes():
    markup = table_html(pd.DataFrame({"a": ["<b onclick=x()>hi</b>"], "d": [pd.NaT]}))
    assert inert_problems(markup) == [] and "&lt;b onclick" in markup
    assert "Nothing" in table_html(pd.DataFrame({"a": []}))


def test_widgets_answer_interactions(index):
    app = explorer(index)
    reader, words, speakers = app.reader, app.words, app.speakers
    first = reader.text.value
    reader.picker.value = index.documents["doc_id"].iloc[5]
    assert reader.text.value != first
    assert index.texts[reader.picker.value][:30] in BeautifulSoup(reader.text.value, "html.parser").get_text("")

    words.query.value = "bilancio"  # what typing and pressing Enter does
    assert len(words.lines.options) == len(queries.find_occurrences(index, "bilancio"))
    assert words.figure.value[:4] == b"\x89PNG"
    assert "collocate" in words.collocates.value
    words.by.value = "form"
    words.query.value = "zanzara"
    assert words.lines.options == () and "0 occurrences" in words.status.value

    words.query.value = "Corea del Nord"
    line = words.kwic.iloc[1]
    words.lines.value = 1  # picking a line opens it in the reader
    assert app.selected_index == 0
    assert reader.picker.value == line["doc_id"] and reader.highlight == (line["start"], line["end"])
    assert "background-color:#ffe066" in reader.text.value

    before = speakers.said.value
    speakers.picker.value = "Paolo Gialli"
    assert speakers.said.value != before and "Paolo Gialli" not in before
    assert "Paolo Gialli" in speakers.said.value or "Gialli" in speakers.said.value


def test_static_fallback_is_a_table(index):
    bundle = explorer(index)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    soup = BeautifulSoup(bundle["text/html"], "html.parser")
    assert soup.find("table") is not None and "Static view" in soup.get_text()
    assert inert_problems(bundle["text/html"]) == []


def test_bad_input_is_a_clear_error(corpus):
    with pytest.raises(ValueError, match="Corpus"):
        build_index("seeds")
    with pytest.raises(ValueError, match="lacks column"):
        build_index(corpus, attributions=pd.DataFrame({"doc_id": []}))
    table = extract_attributions(corpus).assign(doc_id="nope")
    with pytest.raises(ValueError, match="not in the corpus"):
        build_index(corpus, attributions=table)
    index = build_index(corpus_from_texts({"vuoto": "Nessuno parla qui."}))
    app = explorer(index)
    assert "No attribution with a named speaker" in app.speakers.said.value
    with pytest.raises(KeyError, match="no document"):
        app.reader.show("altro")
