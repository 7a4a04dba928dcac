"""The figures researchers publish about sources: the most quoted people and the share of voice of women and men.

Both count **resolved people** only (:mod:`analysis.attribution.resolution`):
a row whose speaker is a named person (a name, or a title, surname, generic
noun or pronoun linked to one). Rows whose speaker is a person left
unresolved (a bare title or pronoun that links to no one named) are counted
apart, never as a person, so a researcher sees how much the figures leave
out. Every function takes the table of
:func:`analysis.attribution.extract_attributions` (``speaker_resolution``
column; tables without it count every named person as resolved).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..figures import PALETTE

__all__ = ["resolved_people", "is_resolved_person", "is_unresolved_person", "most_quoted", "gender_share",
           "plot_most_quoted", "plot_gender_share", "GENDER_COLOURS"]

#: One colour per gender in every figure of the workbook.
GENDER_COLOURS = {"female": PALETTE[3], "male": PALETTE[0], "unknown": "#999999"}


def _resolution(df: pd.DataFrame) -> pd.Series:
    if "speaker_resolution" in df.columns:
        return df["speaker_resolution"].astype("string")
    return pd.Series(pd.NA, index=df.index, dtype="string")


def is_resolved_person(df: pd.DataFrame) -> pd.Series:
    """Rows whose speaker is a named person (bool Series aligned with ``df``)."""
    named = df["speaker_canonical"].astype("string").str[:1].str.isupper().fillna(False).astype(bool)
    return (df["speaker_type"] == "person").fillna(False).astype(bool) & named & (_resolution(df) != "unresolved").fillna(True)


def is_unresolved_person(df: pd.DataFrame) -> pd.Series:
    """Rows whose speaker is a person the article never names (a bare title, a pronoun)."""
    person = (df["speaker_type"] == "person").fillna(False).astype(bool)
    return person & ~is_resolved_person(df)


def resolved_people(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``df`` whose speaker is a resolved, named person."""
    return df[is_resolved_person(df)]


def most_quoted(df: pd.DataFrame, *, top: int | None = 10) -> pd.DataFrame:
    """The people quoted or reported most often.

    Columns: ``person`` (string: the resolved name), ``gender`` (string:
    female, male or unknown), ``role`` (string: the roles the articles give
    them, most frequent first, blank when none), ``attributions`` (int),
    ``direct`` (int: attributions all in quotation marks), ``documents`` (int:
    articles that quote them). Sorted by attributions, then name; ``top`` rows
    (all with None).
    """
    people = resolved_people(df)
    columns = {"person": "string", "gender": "string", "role": "string", "attributions": "int64", "direct": "int64",
               "documents": "int64"}
    if people.empty:
        return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in columns.items()})
    doc = people["doc_id"] if "doc_id" in people.columns else pd.Series("", index=people.index)

    def roles(values: pd.Series) -> str:
        counts = values.dropna().astype(str).str.strip().value_counts()
        return ", ".join(counts.index[:2]) if len(counts) else ""

    def gender(values: pd.Series) -> str:
        seen = set(values.dropna().astype(str))
        return next(iter(seen)) if len(seen) == 1 else "unknown"

    g = people.assign(_doc=doc.astype("string").fillna("")).groupby("speaker_canonical", sort=False).agg(
        gender=("speaker_gender", gender), role=("role", roles), attributions=("type", "size"),
        direct=("type", lambda s: int((s == "direct").sum())), documents=("_doc", "nunique"))
    g = g.reset_index().rename(columns={"speaker_canonical": "person"})
    g = g.sort_values(["attributions", "person"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    if top is not None:
        g = g.head(top)
    return g.astype(columns)


def gender_share(df: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Share of voice of women and men among resolved people, with what it leaves out.

    One row per value of ``by`` (a column of ``df`` such as ``outlet`` or a
    period; None: one row for the whole table). Columns: ``by`` (when given),
    ``female``, ``male`` (int: attributions to resolved people of that
    gender), ``gender_unknown`` (int: resolved people whose gender neither
    name nor grammar shows), ``unresolved`` (int: attributions to persons
    left unresolved), ``female_share`` (float: female / (female + male), NaN
    when both are 0).
    """
    if by is not None and by not in df.columns:
        raise ValueError(f"no column {by!r} in the attribution table; expected one of {list(df.columns)}")
    d = df.assign(_resolved=is_resolved_person(df), _unresolved=is_unresolved_person(df),
                  _g=df["speaker_gender"].astype("string"))
    d = d.assign(_female=d["_resolved"] & (d["_g"] == "female").fillna(False),
                 _male=d["_resolved"] & (d["_g"] == "male").fillna(False))
    d = d.assign(_unknown=d["_resolved"] & ~d["_female"] & ~d["_male"])
    keys = [by] if by is not None else []
    if by is None:
        d = d.assign(_all="all")
        keys = ["_all"]
    out = d.groupby(keys, dropna=False).agg(female=("_female", "sum"), male=("_male", "sum"),
                                            gender_unknown=("_unknown", "sum"), unresolved=("_unresolved", "sum"))
    out = out.reset_index()
    if by is None:
        out = out.drop(columns="_all")
    known = out["female"] + out["male"]
    out["female_share"] = (out["female"] / known.where(known > 0)).astype("float64")
    return out.astype({"female": "int64", "male": "int64", "gender_unknown": "int64", "unresolved": "int64"})


def plot_most_quoted(people: pd.DataFrame, *, unresolved: int = 0,
                     title: str = "Most quoted people") -> plt.Figure:
    """Horizontal bars of :func:`most_quoted`, coloured by gender; the unresolved count in the caption."""
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(3, len(people)) + 1.2))
    if people.empty:
        ax.text(0.5, 0.5, "No named person is quoted", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        rows = people.iloc[::-1]
        colours = [GENDER_COLOURS.get(g, GENDER_COLOURS["unknown"]) for g in rows["gender"]]
        labels = [str(p).replace("$", r"\$") for p in rows["person"]]
        ax.barh(labels, rows["attributions"], color=colours)
        ax.set_xlabel("attributions")
        locator = ax.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):  # matplotlib's default (AutoLocator): ticks at whole numbers
            locator.set_params(integer=True)
        handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in GENDER_COLOURS.values()]
        ax.legend(handles, list(GENDER_COLOURS), loc="lower right", frameon=False)
    ax.set_title(title)
    n = "attribution" if unresolved == 1 else "attributions"
    fig.text(0.01, 0.005, f"Not counted: {unresolved} {n} to a person the article never names (a bare title or pronoun).",
             fontsize=8, color="#555555")
    return fig


def plot_gender_share(shares: pd.DataFrame, *, by: str | None = None,
                      title: str = "Share of voice of women and men") -> plt.Figure:
    """Stacked bars of :func:`gender_share` (female, male, gender unknown), the unresolved count beside each bar."""
    labels = ["all"] if by is None else [str(v) for v in shares[by]]
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(2, len(shares)) + 1.4))
    left = pd.Series(0.0, index=shares.index)
    for col, colour in (("female", GENDER_COLOURS["female"]), ("male", GENDER_COLOURS["male"]),
                        ("gender_unknown", GENDER_COLOURS["unknown"])):
        ax.barh(labels, shares[col], left=left, color=colour, label=col.replace("_", " "))
        left = left + shares[col]
    for y, (total, unresolved, share) in enumerate(zip(left, shares["unresolved"], shares["female_share"])):
        pct = "" if share != share else f"{share:.0%} women"
        note = "; ".join(x for x in (pct, f"+{unresolved} unresolved" if unresolved else "") if x)
        ax.text(total, y, f"  {note or 'no one quoted'}", va="center", fontsize=8, color="#555555")
    ax.set_xlabel("attributions to resolved people")
    ax.set_xlim(0, max(1.0, float(left.max())) * 1.45)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False)
    ax.set_title(title)
    return fig
