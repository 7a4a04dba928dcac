"""Coverage compared across outlets and over time.

When documents carry an ``outlet`` and/or a ``date`` (from a sidecar, front
matter or record fields), these functions compare them: articles per week per
outlet, share of voice by kind of speaker (and gender, when the attribution
table has ``speaker_gender``), tone with the number of sentences behind each
value, the words that set one outlet apart from the others, and the most
quoted speakers of each outlet. Each takes the corpus tables (or the
attribution and sentence-tone tables) and returns a DataFrame;
:func:`comparison_note` says in one line why a comparison cannot be made.

Time is counted in weeks starting on Monday (``week`` columns hold that
Monday's date). Documents without an outlet count under
:data:`NO_OUTLET`; documents without a date are left out of anything over
time (and counted by :func:`comparison_note`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from .keywords.entities import entity_mentions
from .keywords.statistics import log_likelihood, log_ratio
from .keywords.terms import TermUnit, check_unit, labelled_tokens, running_word_mask

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = [
    "Over", "NO_OUTLET", "NO_TYPE", "comparison_note", "document_groups", "has_gender",
    "articles_per_week", "share_of_voice", "tone_over", "outlet_term_counts", "outlet_keyness", "top_speakers",
]

#: What a comparison is made over: the outlet, or the week of publication.
Over = Literal["outlet", "week"]
#: The outlet of a document that names none.
NO_OUTLET = "(no outlet)"
#: The kind (or gender) of a speaker the attribution table leaves empty.
NO_TYPE = "(unknown)"


def _check_over(over: str) -> str:
    if over not in ("outlet", "week"):
        raise ValueError(f"over must be 'outlet' or 'week'; got {over!r}")
    return over


def _need(table: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame; got {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} lacks column(s) {', '.join(missing)}")


def document_groups(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, outlet and week of every document.

    Columns: doc_id (str); outlet (str: stripped, :data:`NO_OUTLET` when
    missing or blank); date (datetime64|NaT); week (datetime64|NaT: the
    Monday of the publication week).
    """
    _need(documents, ("doc_id",), "documents")
    outlet = documents["outlet"] if "outlet" in documents.columns else pd.Series(pd.NA, index=documents.index)
    outlet = outlet.astype("string").str.strip()
    outlet = outlet.where(outlet.notna() & (outlet != ""), NO_OUTLET)
    date = pd.to_datetime(documents["date"]) if "date" in documents.columns else pd.Series(pd.NaT, index=documents.index)
    week = date.dt.normalize() - pd.to_timedelta(date.dt.day_of_week, unit="D")
    return pd.DataFrame({"doc_id": documents["doc_id"].astype("string"), "outlet": outlet.astype("string"),
                         "date": date, "week": week}).reset_index(drop=True)


def comparison_note(documents: pd.DataFrame, over: Over) -> str | None:
    """None when documents can be compared ``over`` outlets or weeks; else one line saying why not."""
    _check_over(over)
    groups = document_groups(documents)
    n = len(groups)
    if n == 0:
        return "No documents: nothing to compare."
    if n == 1:
        return "Only one document: nothing to compare across outlets or over time."
    if over == "outlet":
        named = groups.loc[groups["outlet"] != NO_OUTLET, "outlet"]
        if named.empty:
            return (f"None of the {n} documents names its outlet (an 'outlet' field in a sidecar, "
                    "front matter or record): nothing to compare across outlets.")
        if named.nunique() == 1 and len(named) == n:
            return f"All {n} documents come from one outlet ({named.iloc[0]}): nothing to compare across outlets."
        return None
    dated = groups["week"].dropna()
    if dated.empty:
        return (f"None of the {n} documents has a date (a 'date' field in a sidecar, front matter or record): "
                "nothing to follow over time.")
    if dated.nunique() == 1:
        return f"Every dated document ({len(dated)} of {n}) falls in one week ({dated.iloc[0]:%Y-%m-%d}): nothing to follow over time."
    return None


def has_gender(attributions: pd.DataFrame) -> bool:
    """True when the attribution table has a ``speaker_gender`` column with at least one value."""
    return "speaker_gender" in attributions.columns and bool(attributions["speaker_gender"].notna().any())


def articles_per_week(documents: pd.DataFrame) -> pd.DataFrame:
    """How many articles each outlet published each week (dated documents only).

    Columns (by week, then outlet): week (datetime64: Monday); outlet (str);
    n_articles (int). Weeks between the first and the last with no article
    of an outlet are rows with 0, so a chart shows the gaps.
    """
    groups = document_groups(documents).dropna(subset=["week"])
    if groups.empty:
        return pd.DataFrame({"week": pd.Series([], dtype="datetime64[ns]"), "outlet": pd.Series([], dtype="string"),
                             "n_articles": pd.Series([], dtype="int64")})
    counts = groups.groupby(["week", "outlet"]).size()
    weeks = pd.date_range(groups["week"].min(), groups["week"].max(), freq="7D")
    outlets = sorted(groups["outlet"].unique())
    full = counts.reindex(pd.MultiIndex.from_product([weeks, outlets], names=["week", "outlet"]), fill_value=0)
    out = full.rename("n_articles").reset_index()
    return out.astype({"outlet": "string", "n_articles": "int64"})


def _attributions_with_groups(attributions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    _need(attributions, ("doc_id",), "attributions")
    groups = document_groups(documents)
    unknown = sorted(set(attributions["doc_id"].astype(str)) - set(groups["doc_id"].astype(str)))
    if unknown:
        raise ValueError(f"attributions refer to doc_id(s) not in documents: {', '.join(unknown[:5])}")
    return attributions.assign(doc_id=attributions["doc_id"].astype("string")).merge(groups, on="doc_id", how="left")


def share_of_voice(
    attributions: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    by: str = "speaker_type",
    over: Over = "outlet",
) -> pd.DataFrame:
    """Who gets the voice in each outlet (or week): attributions by ``by``, as shares.

    ``by`` is a column of the attribution table: ``speaker_type`` (person,
    government, media, …) or ``speaker_gender`` (when present; ValueError
    when it is not). Empty values count as :data:`NO_TYPE`.

    Columns (by group, then largest share): outlet or week; the ``by``
    column (str); n_attributions (int); share (float: of the group's
    attributions, summing to 1 per group); n_group (int: the group's
    attributions).
    """
    _check_over(over)
    _need(attributions, ("doc_id", by), "attributions")
    table = _attributions_with_groups(attributions, documents)
    if over == "week":
        table = table.dropna(subset=["week"])
    kind = table[by].astype("string").str.strip()
    table = table.assign(**{by: kind.where(kind.notna() & (kind != ""), NO_TYPE)})
    dtype = "datetime64[ns]" if over == "week" else "string"
    if table.empty:
        return pd.DataFrame({over: pd.Series([], dtype=dtype), by: pd.Series([], dtype="string"),
                             "n_attributions": pd.Series([], dtype="int64"), "share": pd.Series([], dtype="float64"),
                             "n_group": pd.Series([], dtype="int64")})
    counts = table.groupby([over, by]).size().rename("n_attributions").reset_index()
    counts["n_group"] = counts.groupby(over)["n_attributions"].transform("sum")
    counts["share"] = counts["n_attributions"] / counts["n_group"]
    counts = counts.sort_values([over, "share", by], ascending=[True, False, True], kind="mergesort")
    return counts.astype({by: "string", "n_attributions": "int64", "n_group": "int64", "share": "float64"}).reset_index(drop=True)[
        [over, by, "n_attributions", "share", "n_group"]]


def tone_over(sentences: pd.DataFrame, documents: pd.DataFrame, *, over: Over = "outlet") -> pd.DataFrame:
    """Sentence tone per outlet (or week), with how many sentences each value rests on.

    ``sentences`` is :func:`analysis.sentiment.sentence_sentiment`'s table
    (doc_id, polarity, label).

    Columns (by group): outlet or week; mean_polarity (float, −1…1);
    sem (float: standard error of that mean, NaN for one sentence);
    share_negative, share_positive (float); n_sentences, n_documents (int).
    """
    _check_over(over)
    _need(sentences, ("doc_id", "polarity", "label"), "sentences")
    groups = document_groups(documents)
    table = sentences.assign(doc_id=sentences["doc_id"].astype("string")).merge(groups, on="doc_id", how="inner")
    if over == "week":
        table = table.dropna(subset=["week"])
    rows = []
    for key, g in table.groupby(over, sort=True):
        labels = g["label"].astype(str)
        n = len(g)
        rows.append((key, float(g["polarity"].mean()), float(g["polarity"].std(ddof=1) / np.sqrt(n)) if n > 1 else np.nan,
                     float((labels == "negative").mean()), float((labels == "positive").mean()), n, g["doc_id"].nunique()))
    cols = [over, "mean_polarity", "sem", "share_negative", "share_positive", "n_sentences", "n_documents"]
    out = pd.DataFrame(rows, columns=cols)
    if over == "outlet":
        out["outlet"] = out["outlet"].astype("string")
    else:
        out["week"] = pd.to_datetime(out["week"])
    return out.astype({"n_sentences": "int64", "n_documents": "int64"})


def outlet_term_counts(corpus: "Corpus", *, by: TermUnit = "lemma", names: bool = True) -> pd.DataFrame:
    """Content terms counted per outlet (names as one term unless ``names=False``).

    Columns: outlet (str); term (str); count (int); n_words (int: running
    words of that outlet's documents).
    """
    check_unit(by)
    groups = document_groups(corpus.documents)[["doc_id", "outlet"]]
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
    table = _attributions_with_groups(attributions, documents).dropna(subset=["speaker_canonical"])
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
