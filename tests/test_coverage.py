"""Coverage compared across outlets and time, on the multi-outlet corpora of :mod:`multi_corpus`.

Expected numbers are counted from :func:`multi_corpus.expected` (what each
article is) and from the article texts, not from the functions under test.
The notebook ``06_outlets_and_time`` runs on the same corpus at the end.
"""
from __future__ import annotations

import re
from collections import Counter

import matplotlib.colors
import nbformat
import numpy as np
import pandas as pd
import pytest

from analysis import coverage, load_corpus
from analysis.attribution import extract_attributions
from analysis.coverage_plots import (
    plot_articles_over_time,
    plot_outlet_keyness,
    plot_share_of_voice,
    plot_tone_over,
    plot_top_speakers,
)
from analysis.figures import category_colours
from analysis.paths import NOTEBOOKS_DIR
from analysis.sentiment import sentence_sentiment
from multi_corpus import OUTLETS, expected, write_multi_corpus, write_years_corpus, years_articles


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return write_multi_corpus(tmp_path_factory.mktemp("coverage") / "seeds")


@pytest.fixture(scope="module")
def corpus(seeds):
    return load_corpus(seeds)


@pytest.fixture(scope="module")
def attributions(corpus):
    return extract_attributions(corpus)


def _monday(date: str) -> pd.Timestamp:
    day = pd.Timestamp(date)
    return day - pd.Timedelta(days=day.weekday())


def test_metadata_from_sidecars_front_matter_and_records(corpus):
    groups = coverage.document_groups(corpus.documents)
    assert sorted(Counter(groups["outlet"]).items()) == sorted(Counter(a["outlet"] for a in expected()).items())
    assert sorted(groups["date"].dt.strftime("%Y-%m-%d")) == sorted(a["date"] for a in expected())


def test_articles_per_period(corpus):
    table = coverage.articles_per_period(corpus.documents)
    assert table.attrs["period"] == "week"  # four weeks of June: weeks
    want = Counter((_monday(a["date"]), a["outlet"]) for a in expected())
    got = {(p, o): n for p, o, n in table[["period", "outlet", "n_articles"]].itertuples(index=False)}
    assert got == dict(want)  # and no row of zeros: a period or outlet without articles has no row
    assert set(table["period_label"]) == {f"{d.day} {d:%b %Y}" for d, _ in want}
    monthly = coverage.articles_per_period(corpus.documents, period="month")
    assert monthly["period_label"].unique().tolist() == ["Jun 2024"]
    assert dict(zip(monthly["outlet"], monthly["n_articles"])) == dict(Counter(a["outlet"] for a in expected()))


@pytest.mark.parametrize(
    ("dates", "period"),
    [
        (pd.date_range("2024-06-03", "2024-06-28", freq="D"), "week"),
        (pd.date_range("2022-01-01", "2023-12-31", freq="5D"), "month"),
        (pd.date_range("2019-01-15", periods=48, freq="38D"), "quarter"),
        (pd.to_datetime(["2011-01-05", "2011-06-01", "2012-03-01", "2018-11-02", "2019-05-05", "2020-02-02",
                         "2021-07-07", "2021-12-31"]), "year"),
        (pd.to_datetime(["2024-01-01", "2024-01-02", "2024-12-30"]), "quarter"),  # sparse weeks and months: wider
        (pd.to_datetime(["2024-05-01"]), "week"),
    ],
    ids=["four-weeks", "two-years-dense", "five-years", "eleven-years-sparse", "three-dates", "one-date"],
)
def test_the_period_follows_the_span_and_density_of_the_dates(dates, period):
    assert coverage.choose_period(pd.Series(dates)) == period


def test_time_axis_settings_and_labels():
    dates = pd.Series(pd.date_range("2022-01-01", "2023-12-31", freq="5D"))
    assert coverage.choose_period(dates, coverage.TimeAxis(max_periods=12)) == "quarter"
    assert coverage.choose_period(dates, coverage.TimeAxis(max_periods=200)) == "week"
    day = pd.Timestamp("2024-06-05")
    labels = {p: coverage.period_label(coverage.period_start(pd.Series([day]), p)[0], p) for p in coverage.PERIODS}
    assert labels == {"week": "3 Jun 2024", "month": "Jun 2024", "quarter": "2024 Q2", "year": "2024"}
    with pytest.raises(ValueError, match="max_periods"):
        coverage.TimeAxis(max_periods=0)
    with pytest.raises(ValueError, match="period must be one of"):
        coverage.articles_per_period(pd.DataFrame({"doc_id": ["a"], "date": [day]}), period="decade")


def test_share_of_voice_per_outlet(corpus, attributions):
    table = coverage.share_of_voice(attributions, corpus.documents, by="speaker_type", over="outlet")
    assert np.allclose(table.groupby("outlet")["share"].sum(), 1.0)
    outlet_of = dict(zip(corpus.documents["doc_id"], corpus.documents["outlet"]))
    counted = Counter(outlet_of[d] for d in attributions["doc_id"])
    assert dict(table.drop_duplicates("outlet").set_index("outlet")["n_group"]) == dict(counted)
    people = Counter(outlet_of[d] for d, t in zip(attributions["doc_id"], attributions["speaker_type"]) if t == "person")
    persons = table[table["speaker_type"] == "person"].set_index("outlet")["n_attributions"]
    assert dict(persons) == dict(people)


def test_share_of_voice_over_time_and_by_gender(corpus, attributions):
    weekly = coverage.share_of_voice(attributions, corpus.documents, over="time")
    assert weekly.attrs["period"] == "week"
    dated = {_monday(a["date"]) for a in expected()}
    assert set(weekly["period"]) <= dated and np.allclose(weekly.groupby("period")["share"].sum(), 1.0)
    genderless = attributions.drop(columns="speaker_gender", errors="ignore")
    assert not coverage.has_gender(genderless)
    assert not coverage.has_gender(genderless.assign(speaker_gender=pd.NA))
    with pytest.raises(ValueError, match="speaker_gender"):
        coverage.share_of_voice(genderless, corpus.documents, by="speaker_gender")
    gendered = genderless.assign(speaker_gender=attributions["speaker_canonical"].map(
        {"Anna Neri": "female", "Sara Blu": "female", "Paolo Gialli": "male", "Mario Bianchi": "male"}))
    assert coverage.has_gender(gendered)
    table = coverage.share_of_voice(gendered, corpus.documents, by="speaker_gender")
    assert set(table["speaker_gender"]) <= {"female", "male", coverage.NO_TYPE}
    neri = sum(len(re.findall(r"ministra Anna Neri ha", a["text"])) for a in expected())
    blu = sum(len(re.findall(r"consigliera Sara Blu ha", a["text"])) for a in expected())
    assert table.loc[table["speaker_gender"] == "female", "n_attributions"].sum() == neri + blu


def test_tone_with_the_number_of_sentences(corpus):
    sentences = sentence_sentiment(corpus)
    table = coverage.tone_over(sentences, corpus.documents, over="outlet")
    assert table["n_sentences"].sum() == len(sentences)
    outlet_of = dict(zip(corpus.documents["doc_id"], corpus.documents["outlet"]))
    for row in table.itertuples(index=False):
        mine = sentences[sentences["doc_id"].map(outlet_of) == row.outlet]
        assert row.n_sentences == len(mine) and row.mean_polarity == pytest.approx(mine["polarity"].mean())
        assert row.n_documents == sum(1 for a in expected() if a["outlet"] == row.outlet)
    weekly = coverage.tone_over(sentences, corpus.documents, over="time")
    assert weekly["n_sentences"].sum() == len(sentences) and weekly["period"].is_monotonic_increasing


def test_keyness_of_one_outlet_against_the_others(corpus):
    counts = coverage.outlet_term_counts(corpus)
    # Names are one term: "Corea del Nord", never "Corea" and "Nord" apart.
    assert "Corea del Nord" in set(counts["term"]) and not {"Corea", "Nord"} & set(counts["term"])
    radio = "Gazzetta del Lago"
    key = coverage.outlet_keyness(counts, radio, min_count=2, top=None)
    assert (key["log_ratio"] > 0).all() and key["log_likelihood"].is_monotonic_decreasing
    texts = {o: " ".join(a["text"] for a in expected() if a["outlet"] == o) for o in OUTLETS}
    row = key.set_index("term").loc["pensione"]
    assert row["count"] == len(re.findall(r"\bpensioni\b", texts[radio]))
    assert row["count_others"] == sum(len(re.findall(r"\bpensioni\b", texts[o])) for o in OUTLETS if o != radio)
    with pytest.raises(ValueError, match="no outlet"):
        coverage.outlet_keyness(counts, "Il Nessuno")


def test_most_quoted_speakers_per_outlet(corpus, attributions):
    table = coverage.top_speakers(attributions, corpus.documents, top=3)
    assert set(table["outlet"]) == set(OUTLETS)
    assert table.groupby("outlet")["rank"].max().le(3).all()
    gazzetta = table[table["outlet"] == "Gazzetta del Lago"].iloc[0]
    texts = [a["text"] for a in expected() if a["outlet"] == "Gazzetta del Lago"]
    assert gazzetta["speaker"] == "Anna Neri"
    assert gazzetta["n_attributions"] == sum(len(re.findall(r"ministra Anna Neri ha", t)) for t in texts)
    with pytest.raises(ValueError, match="top"):
        coverage.top_speakers(attributions, corpus.documents, top=0)


def test_one_line_notes_when_nothing_can_be_compared(corpus, seed_corpus):
    assert coverage.comparison_note(corpus.documents, "outlet") is None
    assert coverage.comparison_note(corpus.documents, "time") is None
    assert coverage.comparison_notes(corpus.documents) == []
    assert coverage.comparison_notes(seed_corpus.documents) == ["Only one document: nothing to compare across outlets or over time."]
    bare = corpus.documents.drop(columns=["outlet", "date"])
    assert "outlet" in coverage.comparison_note(bare, "outlet")
    assert "date" in coverage.comparison_note(bare, "time")
    assert len(coverage.comparison_notes(bare)) == 2
    one = corpus.documents.assign(outlet="Radio Colle", date=pd.Timestamp("2024-06-03"))
    assert "one outlet" in coverage.comparison_note(one, "outlet") and "one week" in coverage.comparison_note(one, "time")
    with pytest.raises(ValueError, match="over"):
        coverage.comparison_note(corpus.documents, "month")


def test_one_unknown_kind_and_one_colour_per_category(corpus, attributions):
    mixed = attributions.assign(speaker_type=attributions["speaker_type"].astype("string"))
    mixed.loc[mixed.index[:2], "speaker_type"] = pd.NA
    mixed.loc[mixed.index[2:4], "speaker_type"] = "unknown"
    kinds = coverage.share_of_voice(mixed, corpus.documents, over="outlet")["speaker_type"]
    assert "unknown" in set(kinds) and not any(k.startswith("(") for k in kinds)
    by_outlet = plot_share_of_voice(coverage.share_of_voice(mixed, corpus.documents, over="outlet"))
    over_time = plot_share_of_voice(coverage.share_of_voice(mixed, corpus.documents, over="time"), over="time")
    colours = category_colours(["person", "government", "unknown", "media", "country"])
    for fig in (by_outlet, over_time):
        ax = fig.axes[0]
        for handle, label in zip(*ax.get_legend_handles_labels()):
            assert matplotlib.colors.to_hex(handle.patches[0].get_facecolor()) == colours[label].lower(), label
    outlet_colours = category_colours(OUTLETS)
    assert category_colours(reversed(OUTLETS)) == outlet_colours  # the same set: the same colours, whatever the order


def test_a_multi_year_corpus_reads_in_quarters(tmp_path):
    years = load_corpus(write_years_corpus(tmp_path / "years"))
    table = coverage.articles_per_period(years.documents)
    assert table.attrs["period"] == "quarter"
    assert table["n_articles"].sum() == sum(1 for a in years_articles() if a["date"])
    assert table["period_label"].iloc[0] == "2019 Q1" and table["period_label"].iloc[-1] == "2023 Q4"
    assert (table["n_articles"] > 0).all()
    fig = plot_articles_over_time(table)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert 3 <= len(labels) <= 12, labels  # a calendar axis: few readable labels, not one per period


def test_figures_have_titles_and_labelled_axes(corpus, attributions):
    docs = corpus.documents
    counts = coverage.outlet_term_counts(corpus)
    figures = [
        plot_articles_over_time(coverage.articles_per_period(docs)),
        plot_share_of_voice(coverage.share_of_voice(attributions, docs)),
        plot_share_of_voice(coverage.share_of_voice(attributions, docs, over="time"), over="time"),
        plot_tone_over(coverage.tone_over(sentence_sentiment(corpus), docs)),
        plot_tone_over(coverage.tone_over(sentence_sentiment(corpus), docs, over="time"), over="time"),
        plot_outlet_keyness(coverage.outlet_keyness(counts, "Gazzetta del Lago"), "Gazzetta del Lago"),
        plot_top_speakers(coverage.top_speakers(attributions, docs)),
    ]
    for fig in figures:
        title = fig._suptitle.get_text() if fig._suptitle else fig.axes[0].get_title()
        assert title
        for ax in fig.axes:
            assert ax.get_xlabel()
        assert fig.axes[0].get_ylabel()
    with pytest.raises(ValueError, match="empty"):
        plot_articles_over_time(coverage.articles_per_period(docs.iloc[:0]))


@pytest.mark.slow
def test_notebook_shows_outlets_and_dates(seeds, tmp_path):
    from analysis.report import execute_notebook

    executed = execute_notebook(NOTEBOOKS_DIR / "06_outlets_and_time.ipynb", seeds_dir=seeds,
                                figures_dir=tmp_path / "figures", output_path=tmp_path / "06.ipynb")
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs) + "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    for outlet in OUTLETS:
        assert outlet in text
    assert "3 Jun 2024" in text and "12 documents, 3 outlets, 12 dated; time in weeks" in text
    assert "Only one document" not in text
    made = sorted(p.stem for p in (tmp_path / "figures").glob("*.png"))
    for name in ("coverage_articles_over_time", "coverage_voice_by_outlet", "coverage_voice_over_time",
                 "coverage_tone_by_outlet", "coverage_tone_over_time", "coverage_top_speakers",
                 "coverage_keyness_gazzetta_del_lago", "coverage_people_gender_by_outlet",
                 "coverage_people_gender_over_time"):
        assert name in made, made
    # share of voice of women and men, and the people quoted most, from resolved people per outlet and period
    assert "female_share" in text and "unresolved" in text and "Anna Neri" in text
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    assert images >= 7
    nbformat.validate(executed)


@pytest.mark.slow
def test_one_document_says_so_in_one_line(seed_report):
    _, results = seed_report
    result = next(r for r in results if r.notebook.stem == "06_outlets_and_time")
    executed = nbformat.read(result.executed, as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    lines = [line for o in outputs if o.output_type == "stream" for line in o.get("text", "").splitlines()]
    assert lines == ["1 document, 1 outlet, 1 dated", "Only one document: nothing to compare across outlets or over time."]
    assert not [o for o in outputs if "image/png" in o.get("data", {})], "an empty chart was drawn"
    assert not result.figures


def test_tone_over_time_draws_no_line_across_empty_periods():
    periods = pd.to_datetime(["2011-01-01", "2012-01-01", "2018-01-01", "2019-01-01", "2020-01-01"])
    table = pd.DataFrame({"period": periods, "period_label": [str(p.year) for p in periods],
                          "mean_polarity": [0.1, 0.0, -0.2, 0.05, 0.1], "sem": [0.01] * 5, "n_sentences": [10] * 5})
    table.attrs["period"] = "year"
    fig = plot_tone_over(table, over="time")
    drawn = [line for line in fig.axes[0].get_lines() if line.get_linestyle() == "-" and line.get_color() != "black"]
    runs = sorted(len(line.get_xdata()) for line in drawn if len(line.get_xdata()) > 1)
    assert runs == [2, 3]  # 2011-2012 and 2018-2020, never 2012 to 2018
