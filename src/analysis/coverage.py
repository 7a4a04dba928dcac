"""Coverage compared across outlets and over time.

When documents carry an ``outlet`` and/or a ``date`` (from a sidecar, front
matter or record fields), these functions compare them: articles per period
per outlet, share of voice by kind of speaker (and gender, when the
attribution table has ``speaker_gender``), tone with the number of sentences
behind each value, the words that set one outlet apart from the others, and
the most quoted speakers of each outlet. Each takes the corpus tables (or the
attribution and sentence-tone tables) and returns a DataFrame;
:func:`comparison_notes` says, once, why a comparison cannot be made.

Time is counted in periods of one :data:`Period` (week from Monday, month,
quarter or year), chosen from the span and density of the dates
(:func:`choose_period`, settings in :class:`TimeAxis`) unless given: a
``period`` column holds the first day of each period and ``period_label``
a readable name ("3 Jun 2024", "Jun 2024", "2024 Q2", "2024"). Tables list
only the periods that have something in them. Documents without an outlet
count under :data:`NO_OUTLET`; documents without a date are left out of
anything over time (and counted by :func:`comparison_note`). A speaker
whose kind or gender the attribution table leaves empty counts as
:data:`NO_TYPE`, the same word the attribution table uses.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import pandas as pd

from .keywords.entities import entity_mentions
from .keywords.statistics import log_likelihood, log_ratio
from .keywords.terms import TermUnit, check_unit, labelled_tokens, running_word_mask

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = [
    "Over", "Period", "PERIODS", "PERIOD_FREQUENCIES", "TimeAxis", "NO_OUTLET", "NO_TYPE",
    "choose_period", "period_start", "period_label", "comparison_note", "comparison_notes", "document_groups",
    "has_gender", "articles_per_period", "share_of_voice", "tone_over", "outlet_term_counts", "outlet_keyness",
    "top_speakers",
]

#: What a comparison is made over: the outlet, or the period of publication.
Over = Literal["outlet", "time"]
#: The length of a period of time, shortest first.
Period = Literal["week", "month", "quarter", "year"]
PERIODS: tuple[Period, ...] = get_args(Period)
#: The outlet of a document that names none.
NO_OUTLET = "(no outlet)"
#: The kind (or gender) of a speaker the attribution table leaves empty (its own word for an unknown kind).
NO_TYPE = "unknown"

#: pandas period frequency of each Period (a week runs Monday to Sunday).
PERIOD_FREQUENCIES = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


@dataclass(frozen=True)
class TimeAxis:
    """How :func:`choose_period` picks the period of a time axis.

    The shortest period whose axis has at most ``max_periods`` periods from
    the first date to the last, of which at least ``min_filled`` (a share)
    hold a dated document; a year when none does.
    """

    max_periods: int = 40
    min_filled: float = 0.5

    def __post_init__(self) -> None:
        if isinstance(self.max_periods, bool) or not isinstance(self.max_periods, int) or self.max_periods < 1:
            raise ValueError(f"TimeAxis.max_periods must be a whole number >= 1; got {self.max_periods!r}")
        if not 0 <= self.min_filled <= 1:
            raise ValueError(f"TimeAxis.min_filled must be a share between 0 and 1; got {self.min_filled!r}")


def _check_over(over: str) -> str:
    if over not in ("outlet", "time"):
        raise ValueError(f"over must be 'outlet' or 'time'; got {over!r}")
    return over


def _check_period(period: str) -> Period:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}; got {period!r}")
    return period  # type: ignore[return-value]


def period_start(dates: pd.Series, period: Period) -> pd.Series:
    """The first day of the period (Monday for a week) each date falls in; NaT stays NaT."""
    dates = pd.to_datetime(pd.Series(dates))
    return dates.dt.to_period(PERIOD_FREQUENCIES[_check_period(period)]).dt.start_time.astype("datetime64[ns]")


def period_label(start: pd.Timestamp, period: Period) -> str:
    """A period's name in a table or on an axis: "3 Jun 2024" (week from), "Jun 2024", "2024 Q2", "2024"."""
    start = pd.Timestamp(start)
    return {"week": f"{start.day} {start:%b %Y}", "month": f"{start:%b %Y}",
            "quarter": f"{start.year} Q{start.quarter}", "year": f"{start.year}"}[_check_period(period)]


def choose_period(dates: pd.Series, axis: TimeAxis | None = None) -> Period:
    """The period for a time axis over ``dates`` (see :class:`TimeAxis`); a week when there is at most one date."""
    axis = axis or TimeAxis()
    dates = pd.to_datetime(pd.Series(dates)).dropna()
    if dates.nunique() < 2:
        return "week"
    for period in PERIODS:
        starts = period_start(dates, period)
        span = len(pd.period_range(starts.min(), starts.max(), freq=PERIOD_FREQUENCIES[period]))
        if span <= axis.max_periods and starts.nunique() / span >= axis.min_filled:
            return period
    return "year"


def _time_column(documents: pd.DataFrame, period: Period | None) -> Period:
    if period is not None:
        return _check_period(period)
    dates = documents["date"] if "date" in documents.columns else pd.Series([], dtype="datetime64[ns]")
    return choose_period(dates)


def _need(table: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame; got {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} lacks column(s) {', '.join(missing)}")


def document_groups(documents: pd.DataFrame, *, period: Period | None = None) -> pd.DataFrame:
    """doc_id, outlet and period of every document.

    ``period`` None: chosen from the documents' dates (:func:`choose_period`).
    Columns: doc_id (str); outlet (str: stripped, :data:`NO_OUTLET` when
    missing or blank); date (datetime64|NaT); period (datetime64|NaT: the
    first day of the publication period); period_label (str|NA). The
    period used is in ``.attrs["period"]``.
    """
    _need(documents, ("doc_id",), "documents")
    outlet = documents["outlet"] if "outlet" in documents.columns else pd.Series(pd.NA, index=documents.index)
    outlet = outlet.astype("string").str.strip()
    outlet = outlet.where(outlet.notna() & (outlet != ""), NO_OUTLET)
    date = pd.to_datetime(documents["date"]) if "date" in documents.columns else pd.Series(pd.NaT, index=documents.index)
    date = date.astype("datetime64[ns]").reset_index(drop=True)
    chosen = _time_column(documents, period)
    start = period_start(date, chosen)
    labels = pd.Series([period_label(v, chosen) if pd.notna(v) else pd.NA for v in start], dtype="string")
    out = pd.DataFrame({"doc_id": documents["doc_id"].astype("string").reset_index(drop=True),
                        "outlet": outlet.astype("string").reset_index(drop=True), "date": date,
                        "period": start, "period_label": labels})
    out.attrs["period"] = chosen
    return out


def comparison_notes(documents: pd.DataFrame) -> list[str]:
    """Why outlets, and why periods, cannot be compared: at most two lines, never the same twice."""
    notes = [comparison_note(documents, "outlet"), comparison_note(documents, "time")]
    return list(dict.fromkeys(n for n in notes if n))


def comparison_note(documents: pd.DataFrame, over: Over) -> str | None:
    """None when documents can be compared ``over`` outlets or time; else one line saying why not."""
    _check_over(over)
    groups = document_groups(documents, period="week")
    n = len(groups)
    if n == 0:
        return "No documents: nothing to compare."
    if n == 1:
        return "Only one document: nothing to compare across outlets or over time."
    if over == "outlet":
        named = groups.loc[groups["outlet"] != NO_OUTLET, "outlet"]
        if named.empty:
            return (f"None of the {n:,} documents names its outlet (an 'outlet' field in a sidecar, "
                    "front matter or record): nothing to compare across outlets.")
        if named.nunique() == 1 and len(named) == n:
            return f"All {n:,} documents come from one outlet ({named.iloc[0]}): nothing to compare across outlets."
        return None
    dated = groups["period"].dropna()
    if dated.empty:
        return (f"None of the {n:,} documents has a date (a 'date' field in a sidecar, front matter or record): "
                "nothing to follow over time.")
    if dated.nunique() == 1:
        return (f"Every dated document ({len(dated):,} of {n:,}) falls in one week (from {dated.iloc[0]:%Y-%m-%d}): "
                "nothing to follow over time.")
    return None


def has_gender(attributions: pd.DataFrame) -> bool:
    """True when the attribution table has a ``speaker_gender`` column with at least one value."""
    return "speaker_gender" in attributions.columns and bool(attributions["speaker_gender"].notna().any())


def articles_per_period(documents: pd.DataFrame, *, period: Period | None = None) -> pd.DataFrame:
    """How many articles each outlet published in each period (dated documents only).

    ``period`` None: chosen from the dates (:func:`choose_period`).
    Columns (by period, then outlet): period (datetime64: first day);
    period_label (str); outlet (str); n_articles (int, at least 1: a period
    or outlet with no article has no row). The period is in ``.attrs["period"]``.
    """
    groups = document_groups(documents, period=period).dropna(subset=["period"])
    chosen = _time_column(documents, period)
    if groups.empty:
        out = pd.DataFrame({"period": pd.Series([], dtype="datetime64[ns]"), "period_label": pd.Series([], dtype="string"),
                            "outlet": pd.Series([], dtype="string"), "n_articles": pd.Series([], dtype="int64")})
    else:
        out = groups.groupby(["period", "period_label", "outlet"]).size().rename("n_articles").reset_index()
        out = out.astype({"period_label": "string", "outlet": "string", "n_articles": "int64"})
    out.attrs["period"] = chosen
    return out


def _attributions_with_groups(attributions: pd.DataFrame, documents: pd.DataFrame, period: Period | None = None) -> pd.DataFrame:
    _need(attributions, ("doc_id",), "attributions")
    groups = document_groups(documents, period=period)
    unknown = sorted(set(attributions["doc_id"].astype(str)) - set(groups["doc_id"].astype(str)))
    if unknown:
        raise ValueError(f"attributions refer to doc_id(s) not in documents: {', '.join(unknown[:5])}")
    return attributions.assign(doc_id=attributions["doc_id"].astype("string")).merge(groups, on="doc_id", how="left")


def _group_columns(over: Over) -> list[str]:
    return ["outlet"] if over == "outlet" else ["period", "period_label"]


def share_of_voice(
    attributions: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    by: str = "speaker_type",
    over: Over = "outlet",
    period: Period | None = None,
) -> pd.DataFrame:
    """Who gets the voice in each outlet (or period): attributions by ``by``, as shares.

    ``by`` is a column of the attribution table: ``speaker_type`` (person,
    government, media, …) or ``speaker_gender`` (when present; ValueError
    when it is not). Empty values count as :data:`NO_TYPE`. ``period``
    (over time only) None: chosen from the dates.

    Columns (by group, then largest share): outlet, or period and
    period_label; the ``by`` column (str); n_attributions (int); share
    (float: of the group's attributions, summing to 1 per group); n_group
    (int: the group's attributions). Over time, ``.attrs["period"]`` holds the period.
    """
    _check_over(over)
    _need(attributions, ("doc_id", by), "attributions")
    table = _attributions_with_groups(attributions, documents, period)
    keys = _group_columns(over)
    if over == "time":
        table = table.dropna(subset=["period"])
    kind = table[by].astype("string").str.strip()
    table = table.assign(**{by: kind.where(kind.notna() & (kind != ""), NO_TYPE)})
    columns = [*keys, by, "n_attributions", "share", "n_group"]
    dtypes = {"outlet": "string", "period": "datetime64[ns]", "period_label": "string", by: "string",
              "n_attributions": "int64", "share": "float64", "n_group": "int64"}
    if table.empty:
        counts = pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in columns})
    else:
        counts = table.groupby([*keys, by]).size().rename("n_attributions").reset_index()
        counts["n_group"] = counts.groupby(keys[0])["n_attributions"].transform("sum")
        counts["share"] = counts["n_attributions"] / counts["n_group"]
        counts = counts.sort_values([keys[0], "share", by], ascending=[True, False, True], kind="mergesort")
        counts = counts.astype({c: dtypes[c] for c in columns}).reset_index(drop=True)[columns]
    if over == "time":
        counts.attrs["period"] = _time_column(documents, period)
    return counts


def tone_over(sentences: pd.DataFrame, documents: pd.DataFrame, *, over: Over = "outlet",
              period: Period | None = None) -> pd.DataFrame:
    """Sentence tone per outlet (or period), with how many sentences each value rests on.

    ``sentences`` is :func:`analysis.sentiment.sentence_sentiment`'s table
    (doc_id, polarity, label); ``period`` (over time only) None: chosen from the dates.

    Columns (by group): outlet, or period and period_label; mean_polarity
    (float, −1…1); sem (float: standard error of that mean, NaN for one
    sentence); share_negative, share_positive (float); n_sentences,
    n_documents (int). Over time, ``.attrs["period"]`` holds the period.
    """
    _check_over(over)
    _need(sentences, ("doc_id", "polarity", "label"), "sentences")
    groups = document_groups(documents, period=period)
    keys = _group_columns(over)
    table = sentences.assign(doc_id=sentences["doc_id"].astype("string")).merge(groups, on="doc_id", how="inner")
    if over == "time":
        table = table.dropna(subset=["period"])
    rows = []
    for key, g in table.groupby(keys, sort=True):
        labels = g["label"].astype(str)
        n = len(g)
        rows.append((*key, float(g["polarity"].mean()), float(g["polarity"].std(ddof=1) / np.sqrt(n)) if n > 1 else np.nan,
                     float((labels == "negative").mean()), float((labels == "positive").mean()), n, g["doc_id"].nunique()))
    cols = [*keys, "mean_polarity", "sem", "share_negative", "share_positive", "n_sentences", "n_documents"]
    out = pd.DataFrame(rows, columns=cols)
    if over == "outlet":
        out["outlet"] = out["outlet"].astype("string")
    else:
        out["period"] = pd.to_datetime(out["period"]).astype("datetime64[ns]")
        out["period_label"] = out["period_label"].astype("string")
        out.attrs["period"] = _time_column(documents, period)
    return out.astype({"n_sentences": "int64", "n_documents": "int64"})


def outlet_term_counts(corpus: "Corpus", *, by: TermUnit = "lemma", names: bool = True) -> pd.DataFrame:
    """Content terms counted per outlet (names as one term unless ``names=False``).

    Columns: outlet (str); term (str); count (int); n_words (int: running
    words of that outlet's documents).
    """
    check_unit(by)
    groups = document_groups(corpus.documents, period="year")[["doc_id", "outlet"]]
    tokens = corpus.tokens
    if tokens.empty:
        return pd.DataFrame({"outlet": pd.Series([], dtype="string"), "term": pd.Series([], dtype="string"),
                             "count": pd.Series([], dtype="int64"), "n_words": pd.Series([], dtype="int64")})
    words = tokens.loc[running_word_mask(tokens), ["doc_id"]].astype({"doc_id": "string"}).merge(groups, on="doc_id")
    size = words.groupby("outlet").size()
    content = labelled_tokens(tokens, by=by, names=entity_mentions(corpus) if names else None)
    content = content[["doc_id", "term"]].astype({"doc_id": "string"}).merge(groups, on="doc_id")
    counts = content.groupby(["outlet", "term"]).size().rename("count").reset_index()
    counts["n_words"] = counts["outlet"].map(size).fillna(0)
    return counts.astype({"outlet": "string", "term": "string", "count": "int64", "n_words": "int64"})


def outlet_keyness(counts: pd.DataFrame, outlet: str, *, min_count: int = 2, top: int | None = 20) -> pd.DataFrame:
    """The terms that set ``outlet`` apart from every other outlet (:func:`outlet_term_counts`).

    Log-likelihood G² (Dunning) of the term in this outlet's words against
    the other outlets' words, and Hardie's log ratio (log2 of the ratio of
    relative frequencies). Only over-represented terms (log ratio > 0) with
    at least ``min_count`` occurrences in the outlet are kept.

    Columns (by G², then count): term (str); count, count_others (int);
    per_10k, per_10k_others (float: per 10,000 running words);
    log_likelihood, log_ratio (float). ValueError for an outlet that is not
    in ``counts``.
    """
    _need(counts, ("outlet", "term", "count", "n_words"), "counts")
    outlets = set(counts["outlet"].astype(str))
    if outlet not in outlets:
        raise ValueError(f"no outlet {outlet!r}; outlets: {', '.join(sorted(outlets))}")
    sizes = counts.drop_duplicates("outlet").set_index("outlet")["n_words"]
    n1 = float(sizes[outlet])
    n2 = float(sizes.drop(outlet).sum())
    mine = counts[counts["outlet"] == outlet].set_index("term")["count"]
    others = counts[counts["outlet"] != outlet].groupby("term")["count"].sum()
    table = pd.DataFrame({"count": mine}).join(others.rename("count_others"), how="left").fillna({"count_others": 0})
    table = table[table["count"] >= min_count]
    a, b = table["count"].to_numpy(float), table["count_others"].to_numpy(float)
    table["per_10k"] = a / max(n1, 1) * 10_000
    table["per_10k_others"] = b / max(n2, 1) * 10_000
    table["log_likelihood"] = log_likelihood(a, b, n1, n2)
    table["log_ratio"] = log_ratio(a, b, n1, n2)
    table = table[table["log_ratio"] > 0].reset_index().rename(columns={"index": "term"})
    table = table.sort_values(["log_likelihood", "count", "term"], ascending=[False, False, True], kind="mergesort")
    if top is not None:
        table = table.head(top)
    cols = ["term", "count", "count_others", "per_10k", "per_10k_others", "log_likelihood", "log_ratio"]
    return table.astype({"term": "string", "count": "int64", "count_others": "int64"}).reset_index(drop=True)[cols]


def top_speakers(attributions: pd.DataFrame, documents: pd.DataFrame, *, top: int = 5) -> pd.DataFrame:
    """The most quoted speakers of each outlet (named speakers only).

    Columns (by outlet, then rank): outlet (str); rank (int, from 1);
    speaker (str: ``speaker_canonical``); speaker_type (str|NA: the most
    frequent); n_attributions, n_documents (int); share (float: of the
    outlet's attributions with a named speaker).
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive integer; got {top!r}")
    _need(attributions, ("doc_id", "speaker_canonical"), "attributions")
    table = _attributions_with_groups(attributions, documents, "year").dropna(subset=["speaker_canonical"])
    table = table[table["speaker_canonical"].astype(str).str.strip() != ""]
    rows = []
    for outlet, g in table.groupby("outlet", sort=True):
        total = len(g)
        for speaker, h in g.groupby(g["speaker_canonical"].astype(str)):
            kinds = h["speaker_type"].dropna().astype(str).value_counts() if "speaker_type" in h else pd.Series(dtype=int)
            rows.append((outlet, speaker, kinds.index[0] if len(kinds) else pd.NA, len(h), h["doc_id"].nunique(), len(h) / total))
    out = pd.DataFrame(rows, columns=["outlet", "speaker", "speaker_type", "n_attributions", "n_documents", "share"])
    out = out.sort_values(["outlet", "n_attributions", "n_documents", "speaker"], ascending=[True, False, False, True], kind="mergesort")
    out["rank"] = out.groupby("outlet").cumcount() + 1
    out = out[out["rank"] <= top]
    cols = ["outlet", "rank", "speaker", "speaker_type", "n_attributions", "n_documents", "share"]
    return out.astype({"outlet": "string", "speaker": "string", "speaker_type": "string", "rank": "int64",
                       "n_attributions": "int64", "n_documents": "int64", "share": "float64"}).reset_index(drop=True)[cols]
