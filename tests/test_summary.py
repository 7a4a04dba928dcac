"""analysis.summary: attributions joined with their tone and vocabulary."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import corpus_from_texts
from analysis.attribution import extract_attributions
from analysis.keywords import source_vocabulary
from analysis.sentiment import default_scorer, polarity_label
from analysis.summary import (
    OVERVIEW_COLUMNS,
    SUMMARY_COLUMNS,
    attribution_overview,
    plot_speaker_terms,
    plot_speaker_tone,
    speaker_summary,
)

TEXT = (
    "Mario Rossi ha detto: «Il governo ha fatto un lavoro ottimo e coraggioso sul bilancio».\n\n"
    "Luisa Bianchi ha dichiarato che la crisi del bilancio è terribile e la situazione gravissima.\n\n"
    "Rossi ha aggiunto: «Il bilancio dello Stato resta solido»."
)
CONTENTS = [
    ("Mario Rossi", "Il governo ha fatto un lavoro ottimo e coraggioso sul bilancio", "direct", "states"),
    ("Luisa Bianchi", "la crisi del bilancio è terribile e la situazione gravissima", "indirect", "states"),
    ("Mario Rossi", "Il bilancio dello Stato resta solido", "direct", "adds"),
]


@pytest.fixture(scope="module")
def corpus():
    return corpus_from_texts({"d1": TEXT})


@pytest.fixture(scope="module")
def attributions(corpus):
    """A hand-made attribution table (independent of the extractor's accuracy)."""
    text = corpus.text("d1")
    rows = []
    for n, (speaker, content, kind, stance) in enumerate(CONTENTS):
        start = text.index(content)
        rows.append({
            "attribution_id": f"d1:{n}", "doc_id": "d1", "sent_id": n, "type": kind,
            "speaker_canonical": speaker, "speaker_type": "person", "stance": stance, "cue": "ha detto",
            "content_start": start, "content_end": start + len(content),
        })
    rows.append({**rows[0], "attribution_id": "d1:9", "speaker_canonical": None})  # no speaker: left out
    return pd.DataFrame(rows)


def test_overview_puts_each_attribution_next_to_its_tone(corpus, attributions):
    overview = attribution_overview(corpus, attributions)
    assert tuple(overview.columns) == OVERVIEW_COLUMNS
    assert list(overview["attribution_id"]) == ["d1:0", "d1:1", "d1:2"]
    text = corpus.text("d1")
    for row in overview.itertuples():
        assert text[row.content_start:row.content_end] == row.content
        expected = default_scorer().score(row.content)
        assert row.polarity == pytest.approx(expected.polarity)
        assert row.subjectivity == pytest.approx(expected.subjectivity)
        assert row.tone == polarity_label(expected.polarity)


def test_speaker_summary_counts_tone_and_terms(corpus, attributions):
    summary = speaker_summary(corpus, attributions, top_terms=3)
    assert tuple(summary.columns) == SUMMARY_COLUMNS
    assert list(summary["speaker"]) == ["Mario Rossi", "Luisa Bianchi"]  # most quoted first
    rossi, bianchi = summary.iloc[0], summary.iloc[1]
    assert (rossi.n_attributions, rossi.n_direct, rossi.n_documents) == (2, 2, 1)
    assert (bianchi.n_attributions, bianchi.n_direct) == (1, 0)
    polarities = [default_scorer().score(c).polarity for s, c, *_ in CONTENTS if s == "Mario Rossi"]
    assert rossi.mean_polarity == pytest.approx(sum(polarities) / 2)
    assert rossi.tone == polarity_label(rossi.mean_polarity)
    assert rossi.stances == "adds 1, states 1"
    vocab = source_vocabulary(corpus, attributions=attributions.dropna(subset=["speaker_canonical"]))
    mine = vocab[vocab["speaker"] == "Mario Rossi"].sort_values(["count", "term"], ascending=[False, True])
    assert rossi.top_terms == "; ".join(mine["term"].astype(str).head(3))
    assert "bilancio" in rossi.top_terms.split("; ")
    assert 0 < len(bianchi.top_terms.split("; ")) <= 3


def test_seed_overview_matches_the_extractor(seed_corpus):
    table = extract_attributions(seed_corpus)
    overview = attribution_overview(seed_corpus, table)
    usable = table.dropna(subset=["speaker_canonical", "content_start", "content_end"])
    assert sorted(overview["attribution_id"]) == sorted(usable["attribution_id"])
    summary = speaker_summary(seed_corpus, table)
    assert summary["n_attributions"].sum() == len(overview)
    assert set(summary["speaker"]) == set(overview["speaker"])


def test_no_attributions_gives_empty_tables_and_explaining_figures(corpus):
    empty = pd.DataFrame({c: pd.Series([], dtype="object") for c in
                          ("attribution_id", "type", "doc_id", "speaker_canonical", "content_start", "content_end")})
    overview = attribution_overview(corpus, empty)
    summary = speaker_summary(corpus, empty)
    assert overview.empty and tuple(overview.columns) == OVERVIEW_COLUMNS
    assert summary.empty and tuple(summary.columns) == SUMMARY_COLUMNS
    for fig in (plot_speaker_tone(summary), plot_speaker_terms(source_vocabulary(corpus, attributions=empty))):
        assert "No attributed speech" in " ".join(t.get_text() for t in fig.axes[0].texts)
        plt.close(fig)


def test_plots_draw_one_bar_per_speaker_and_a_speaker_by_term_grid(corpus, attributions):
    summary = speaker_summary(corpus, attributions)
    fig = plot_speaker_tone(summary)
    assert len(fig.axes[0].patches) == len(summary)
    plt.close(fig)
    vocab = source_vocabulary(corpus, attributions=attributions.dropna(subset=["speaker_canonical"]))
    fig = plot_speaker_terms(vocab, top_terms=4)
    assert fig.axes[0].images[0].get_array().shape == (2, 4)
    plt.close(fig)


def test_bad_arguments_are_explained(corpus, attributions):
    with pytest.raises(ValueError, match="top_terms"):
        speaker_summary(corpus, attributions, top_terms=0)
    with pytest.raises(ValueError, match="lacks column"):
        attribution_overview(corpus, attributions.drop(columns=["content_end"]))
    with pytest.raises(ValueError, match="DataFrame"):
        attribution_overview(corpus, [1, 2])
