"""Per-source vocabulary, tested with a hand-made attributions table."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.keywords import source_vocabulary
from conftest import SEED_ID


def _span(text: str, first: str, last: str) -> tuple[int, int]:
    start = text.index(first)
    return start, text.index(last, start) + len(last)


@pytest.fixture()
def attributions(seed_text):
    kirby = _span(seed_text, "“non solo", "coreana”")
    miller = _span(seed_text, "“decine", "alla Russia”")
    pentagon = _span(seed_text, "la Russia sta usando", "in Ucraina")
    return pd.DataFrame({
        "doc_id": [SEED_ID] * 5,
        "speaker_canonical": ["John Kirby", "John Kirby", "Matthew Miller", "Matthew Miller", None],
        "content_start": [kirby[0], kirby[0], miller[0], pentagon[0], 0],
        "content_end": [kirby[1], kirby[1], miller[1], pentagon[1], 10],
    })


def _counts(table, speaker):
    rows = table[table["speaker"] == speaker]
    return dict(zip(rows["term"], rows["count"]))


def test_terms_counted_inside_each_speakers_content(seed_corpus, attributions):
    # By reading the spans: Kirby's quote has "missili", "balistici",
    # "penisola", "reciprocità" once; Miller's quote has "missili", "munizioni",
    # "Russia" once, and the second span given to him has "missili" and
    # "Russia" once more.
    table = source_vocabulary(seed_corpus, attributions=attributions, by="form")
    kirby, miller = _counts(table, "John Kirby"), _counts(table, "Matthew Miller")
    assert kirby["missili"] == 1 and kirby["penisola"] == 1 and kirby["reciprocità"] == 1
    assert "Putin" not in kirby and "Russia" not in kirby
    assert miller["missili"] == 2 and miller["munizioni"] == 1 and miller["Russia"] == 2
    n_attr = table.set_index(["speaker", "term"])["n_attributions"]
    assert n_attr[("Matthew Miller", "missili")] == 2
    assert n_attr[("John Kirby", "missili")] == 1  # the duplicate span counts once


def test_rows_without_speaker_are_skipped(seed_corpus, attributions):
    table = source_vocabulary(seed_corpus, attributions=attributions)
    assert set(table["speaker"]) == {"John Kirby", "Matthew Miller"}
    assert list(table.columns) == ["speaker", "term", "count", "per_10k", "n_attributions", "log_ratio"]


def test_log_ratio_against_other_speakers(seed_corpus, attributions):
    table = source_vocabulary(seed_corpus, attributions=attributions, by="form").set_index(["speaker", "term"])
    assert table.loc[("John Kirby", "penisola"), "log_ratio"] > 0  # only Kirby says it
    single = source_vocabulary(seed_corpus, attributions=attributions.iloc[:1], by="form")
    assert single["log_ratio"].isna().all()


def test_bad_attributions_raise_value_error(seed_corpus, attributions):
    with pytest.raises(ValueError, match="lacks column"):
        source_vocabulary(seed_corpus, attributions=attributions.drop(columns="content_end"))
    with pytest.raises(ValueError, match="not in the corpus"):
        source_vocabulary(seed_corpus, attributions=attributions.assign(doc_id="nope"))
    with pytest.raises(ValueError):
        source_vocabulary(seed_corpus, attributions=attributions, top_n=0)


NAMES_TEXT = (
    "Il portavoce ha detto: «La Corea del Nord e Kim Jong Un minacciano la pace in Asia». "
    "Poi il ministro ha aggiunto che la Corea del Nord tratta."
)


def test_a_name_is_one_term_in_a_speakers_vocabulary():
    from analysis import corpus_from_texts

    corpus = corpus_from_texts({"d": NAMES_TEXT})
    start = NAMES_TEXT.index("«") + 1
    spans = pd.DataFrame({"doc_id": ["d"], "speaker_canonical": ["Portavoce"],
                          "content_start": [start], "content_end": [NAMES_TEXT.index("»")]})
    merged = _counts(source_vocabulary(corpus, attributions=spans, by="form"), "Portavoce")
    assert merged["Corea del Nord"] == 1 and merged["Kim Jong Un"] == 1 and merged["pace"] == 1
    assert not {"Corea", "Nord", "Kim", "Jong", "Un"} & set(merged)
    split = _counts(source_vocabulary(corpus, attributions=spans, by="form", names=False), "Portavoce")
    assert {"Corea", "Nord", "Kim", "Jong", "Un"} <= set(split) and "Corea del Nord" not in split


def test_a_name_cut_by_the_content_span_is_not_counted():
    from analysis import corpus_from_texts

    corpus = corpus_from_texts({"d": NAMES_TEXT})
    cut = NAMES_TEXT.index("Nord")  # the content ends inside "Corea del Nord"
    spans = pd.DataFrame({"doc_id": ["d"], "speaker_canonical": ["Portavoce"],
                          "content_start": [0], "content_end": [cut]})
    terms = set(source_vocabulary(corpus, attributions=spans, by="form")["term"])
    assert "portavoce" in terms and not {"Corea", "Corea del Nord"} & terms
