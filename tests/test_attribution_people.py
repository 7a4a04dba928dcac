"""The published figures: most quoted people and share of voice by gender (analysis.attribution.people)."""
from __future__ import annotations

import math

import pandas as pd

from analysis.attribution import extract_attributions
from analysis.attribution.people import gender_share, most_quoted, plot_gender_share, plot_most_quoted

TEXT = ("La sindaca Giulia Ferretti ha firmato l'ordinanza. «Serve rispetto» – ha detto la sindaca – «lo pretendiamo». "
        "Il questore Marco Bellini ha annunciato più controlli. «Non ci fermiamo» – ha aggiunto Bellini. "
        "«Hanno rubato tutto» – racconta il titolare – «in pochi minuti».")


def _table(rows: list[tuple[str, str, str, str | None, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["speaker_canonical", "speaker_type", "speaker_resolution", "speaker_gender",
                                       "type"]).assign(doc_id="d1", role=None)


def test_titles_count_for_the_person_and_unresolved_titles_apart() -> None:
    df = extract_attributions(TEXT)
    people = most_quoted(df)
    counts = dict(zip(people["person"], people["attributions"]))
    assert counts["Giulia Ferretti"] == 2 and counts["Marco Bellini"] >= 1
    assert "titolare" not in counts  # never named: not a person of the table
    share = gender_share(df)
    assert share.loc[0, "unresolved"] >= 1
    assert share.loc[0, "female"] == 2
    assert math.isclose(share.loc[0, "female_share"], 2 / (2 + share.loc[0, "male"]))


def test_gender_share_by_group_and_empty_groups() -> None:
    df = _table([("Anna Riva", "person", "name", "female", "direct"), ("Luca Neri", "person", "alias", "male", "direct"),
                 ("portavoce", "person", "unresolved", None, "indirect"), ("Comune", "organization", "entity", None, "direct")])
    df["outlet"] = ["A", "A", "B", "B"]
    out = gender_share(df, by="outlet").set_index("outlet")
    assert out.loc["A", ["female", "male", "unresolved"]].tolist() == [1, 1, 0]
    assert out.loc["B", "unresolved"] == 1 and math.isnan(out.loc["B", "female_share"])


def test_figures_draw_with_and_without_people() -> None:
    df = extract_attributions(TEXT)
    assert plot_most_quoted(most_quoted(df), unresolved=2).axes
    assert plot_most_quoted(most_quoted(df.iloc[0:0]), unresolved=0).axes
    shares = gender_share(df)
    assert plot_gender_share(shares).axes
