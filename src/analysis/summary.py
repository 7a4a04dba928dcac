"""Who said what, in what tone, about what: the three analyses joined.

:func:`attribution_overview` puts each attribution
(:func:`analysis.attribution.extract_attributions`) next to the tone of its
content (:func:`analysis.sentiment.attribution_sentiment`);
:func:`speaker_summary` sums that up per speaker and adds the terms each one
uses most (:func:`analysis.keywords.source_vocabulary`). The two ``plot_``
functions draw them; they return a ``Figure`` and neither save nor show it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm
from matplotlib.ticker import MaxNLocator

from .sentiment import POLARITY_THRESHOLD, attribution_sentiment, polarity_label

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = [
    "OVERVIEW_COLUMNS", "SUMMARY_COLUMNS", "attribution_overview", "speaker_summary",
    "plot_speaker_tone", "plot_speaker_terms",
]

#: Columns of :func:`attribution_overview`, in order.
OVERVIEW_COLUMNS = (
    "attribution_id", "doc_id", "sent_id", "speaker", "speaker_type", "type", "stance", "cue",
    "content", "content_start", "content_end", "polarity", "subjectivity", "tone",
)
#: Columns of :func:`speaker_summary`, in order.
SUMMARY_COLUMNS = (
    "speaker", "speaker_type", "n_attributions", "n_documents", "n_direct", "mean_polarity",
    "mean_subjectivity", "tone", "share_negative", "share_positive", "stances", "top_terms",
)
_KEYS = ["doc_id", "speaker_canonical", "content_start", "content_end"]
_TONES = pd.CategoricalDtype(["negative", "neutral", "positive"])


def _attributions(corpus: "Corpus", attributions: pd.DataFrame | None) -> pd.DataFrame:
    if attributions is None:
        from .attribution import extract_attributions

        attributions = extract_attributions(corpus)
    if not isinstance(attributions, pd.DataFrame):
        raise ValueError(f"attributions must be a pandas DataFrame, got {type(attributions).__name__}")
    missing = [c for c in (*_KEYS, "attribution_id", "type") if c not in attributions.columns]
    if missing:
        raise ValueError(f"attributions lacks column(s) {', '.join(missing)}; expected the table of extract_attributions")
    return attributions


def _empty(columns: tuple[str, ...], dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, "string")) for c in columns})


def attribution_overview(corpus: "Corpus", attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per attribution that has a speaker and content: who, how, what, in what tone.

    ``attributions`` is the table of
    :func:`analysis.attribution.extract_attributions` (computed when None).

    Columns:
        attribution_id, doc_id (str); sent_id (Int64);
        speaker (str: ``speaker_canonical``); speaker_type (str|NA);
        type (str: direct, indirect, mixed, according_to…); stance (str|NA);
        cue (str|NA: the reporting verb or phrase as written);
        content (str: the reported words, ``text[content_start:content_end]``);
        content_start, content_end (int: offsets into the document text);
        polarity (float, −1…1), subjectivity (float, 0…1);
        tone (category: negative / neutral / positive, threshold
        ±:data:`analysis.sentiment.POLARITY_THRESHOLD`).
    Sorted by doc_id, then position in the document.
    """
    table = _attributions(corpus, attributions)
    dtypes = {"sent_id": "Int64", "content_start": "int64", "content_end": "int64", "polarity": "float64",
              "subjectivity": "float64", "tone": _TONES}
    usable = table.dropna(subset=_KEYS)
    usable = usable[usable["speaker_canonical"].astype(str).str.strip() != ""]
    if usable.empty:
        return _empty(OVERVIEW_COLUMNS, dtypes)
    tone = attribution_sentiment(corpus, usable).drop_duplicates(["doc_id", "speaker", "content_start", "content_end"])
    left = usable.assign(content_start=usable["content_start"].astype("int64"), content_end=usable["content_end"].astype("int64"),
                         speaker=usable["speaker_canonical"].astype("string"), doc_id=usable["doc_id"].astype("string"))
    merged = left.merge(tone.drop(columns=["content"]), on=["doc_id", "speaker", "content_start", "content_end"], how="left",
                        validate="many_to_one")
    merged["content"] = [corpus.text(d)[a:b] for d, a, b in zip(merged["doc_id"], merged["content_start"], merged["content_end"])]
    merged["tone"] = pd.Series([polarity_label(p) if pd.notna(p) else None for p in merged["polarity"]],
                               index=merged.index, dtype=_TONES)
    for col in ("sent_id", "speaker_type", "stance", "cue"):
        if col not in merged.columns:
            merged[col] = pd.NA
    out = merged[list(OVERVIEW_COLUMNS)].sort_values(["doc_id", "content_start", "attribution_id"], ignore_index=True)
    return out.astype({c: d for c, d in dtypes.items() if c != "tone"} | {
        "attribution_id": "string", "doc_id": "string", "speaker": "string", "speaker_type": "string",
        "type": "string", "stance": "string", "cue": "string", "content": "string"})


def _counts(values: pd.Series) -> str:
    counts = values.dropna().astype(str).value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{k} {v}" for k, v in ordered)


def speaker_summary(
    corpus: "Corpus",
    attributions: pd.DataFrame | None = None,
    *,
    top_terms: int = 5,
    vocabulary: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per speaker: how often quoted, in what tone, about what.

    ``attributions`` as in :func:`attribution_overview`; ``vocabulary`` is
    :func:`analysis.keywords.source_vocabulary`'s table (computed from the
    same attributions when None).

    Columns:
        speaker (str); speaker_type (str|NA: the most frequent type);
        n_attributions (int); n_documents (int); n_direct (int: direct or
        mixed quotations, i.e. with the speaker's own words in quotes);
        mean_polarity, mean_subjectivity (float);
        tone (category: ``mean_polarity`` as negative / neutral / positive);
        share_negative, share_positive (float: of the speaker's attributions);
        stances (str: e.g. ``"states 2, denies 1"``);
        top_terms (str: the speaker's most frequent content terms, ``"; "``-separated).
    Sorted by n_attributions (most first), then speaker.
    """
    if isinstance(top_terms, bool) or not isinstance(top_terms, int) or top_terms < 1:
        raise ValueError(f"top_terms must be a positive integer, got {top_terms!r}")
    table = _attributions(corpus, attributions)
    overview = attribution_overview(corpus, table)
    dtypes = {"n_attributions": "int64", "n_documents": "int64", "n_direct": "int64", "mean_polarity": "float64",
              "mean_subjectivity": "float64", "tone": _TONES, "share_negative": "float64", "share_positive": "float64"}
    if overview.empty:
        return _empty(SUMMARY_COLUMNS, dtypes)
    if vocabulary is None:
        from .keywords import source_vocabulary

        vocabulary = source_vocabulary(corpus, attributions=table)
    terms: dict[str, str] = {}
    if len(vocabulary):
        ranked = vocabulary.sort_values(["speaker", "count", "term"], ascending=[True, False, True])
        for speaker, group in ranked.groupby("speaker", sort=True, observed=True):
            terms[str(speaker)] = "; ".join(group["term"].astype(str).head(top_terms))
    rows = []
    for speaker, g in overview.groupby("speaker", sort=True, observed=True):
        types = g["speaker_type"].dropna().astype(str)
        tones = g["tone"].value_counts(normalize=True)
        mean_polarity = float(g["polarity"].mean())
        rows.append({
            "speaker": str(speaker),
            "speaker_type": types.value_counts().sort_index().idxmax() if len(types) else pd.NA,
            "n_attributions": len(g),
            "n_documents": g["doc_id"].nunique(),
            "n_direct": int(g["type"].isin(["direct", "mixed"]).sum()),
            "mean_polarity": mean_polarity,
            "mean_subjectivity": float(g["subjectivity"].mean()),
            "tone": polarity_label(mean_polarity) if not np.isnan(mean_polarity) else None,
            "share_negative": float(tones.get("negative", 0.0)),
            "share_positive": float(tones.get("positive", 0.0)),
            "stances": _counts(g["stance"]),
            "top_terms": terms.get(str(speaker), ""),
        })
    out = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    out = out.sort_values(["n_attributions", "speaker"], ascending=[False, True], ignore_index=True)
    return out.astype(dtypes | {"speaker": "string", "speaker_type": "string", "stances": "string", "top_terms": "string"})


def _no_data(title: str, message: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(8, 2.5))
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    return fig


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def plot_speaker_tone(summary: pd.DataFrame, *, top: int = 15, title: str = "Who speaks, how often, in what tone") -> plt.Figure:
    """Bars: attributions per speaker (the ``top`` most quoted), coloured by mean polarity.

    ``summary`` is :func:`speaker_summary`'s table.
    """
    if top < 1:
        raise ValueError(f"top must be >= 1, got {top}")
    if summary.empty:
        return _no_data(title, "No attributed speech found in these articles.")
    data = summary.head(top).iloc[::-1]
    limit = max(0.1, float(np.nanmax(np.abs(data["mean_polarity"].to_numpy(dtype=float)))))
    norm = TwoSlopeNorm(vmin=-limit, vcenter=0.0, vmax=limit)
    cmap = plt.get_cmap("RdBu")
    colours = [cmap(norm(v)) if not np.isnan(v) else "#999999" for v in data["mean_polarity"].to_numpy(dtype=float)]
    fig, ax = plt.subplots(figsize=(9, 1.4 + 0.38 * len(data)))
    labels = [_short(str(s)) for s in data["speaker"]]
    y = np.arange(len(data))
    ax.barh(y, data["n_attributions"].to_numpy(), color=colours, edgecolor="#444444", linewidth=0.4)
    ax.set_yticks(y, labels)
    ax.set_xlabel("attributed passages")
    ax.set_ylabel("speaker")
    ax.set_xlim(0, float(data["n_attributions"].max()) * 1.2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for yi, (n, tone) in enumerate(zip(data["n_attributions"], data["tone"])):
        ax.annotate(str(tone), (n, yi), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8, color="#333333")
    bar = fig.colorbar(plt.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, pad=0.02, fraction=0.04)
    bar.set_label(f"mean polarity (|p| ≤ {POLARITY_THRESHOLD} is neutral)")
    ax.set_title(title)
    return fig


def plot_speaker_terms(
    vocabulary: pd.DataFrame,
    *,
    speakers: list[str] | None = None,
    top_speakers: int = 10,
    top_terms: int = 12,
    title: str = "What each source talks about",
) -> plt.Figure:
    """Heat map: how often each speaker uses the terms most used across speakers.

    ``vocabulary`` is :func:`analysis.keywords.source_vocabulary`'s table;
    ``speakers`` fixes the rows (default: the ``top_speakers`` with most terms).
    """
    if top_speakers < 1 or top_terms < 1:
        raise ValueError(f"top_speakers and top_terms must be >= 1, got {top_speakers}, {top_terms}")
    if vocabulary.empty:
        return _no_data(title, "No attributed speech, so no vocabulary by source.")
    if speakers is None:
        totals = vocabulary.groupby("speaker", observed=True)["count"].sum()
        speakers = sorted(totals.index.astype(str), key=lambda s: (-int(totals[s]), s))[:top_speakers]
    rows = vocabulary[vocabulary["speaker"].astype(str).isin(speakers)]
    if rows.empty:
        return _no_data(title, "None of these speakers has content terms.")
    term_totals = rows.groupby("term", observed=True)["count"].sum()
    terms = sorted(term_totals.index.astype(str), key=lambda t: (-int(term_totals[t]), t))[:top_terms]
    matrix = (rows.assign(speaker=rows["speaker"].astype(str), term=rows["term"].astype(str))
              .pivot_table(index="speaker", columns="term", values="count", aggfunc="sum", fill_value=0)
              .reindex(index=speakers, columns=terms, fill_value=0))
    fig, ax = plt.subplots(figsize=(1.8 + 0.6 * len(terms) + 2.2, 1.6 + 0.42 * len(speakers)))
    image = ax.imshow(matrix.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(np.arange(len(terms)), terms, rotation=45, ha="right")
    ax.set_yticks(np.arange(len(speakers)), [_short(s) for s in speakers])
    ax.set_xlabel("term (lemma or name) in the speaker's reported words")
    ax.set_ylabel("speaker")
    peak = max(1, int(matrix.to_numpy().max()))
    for (i, j), value in np.ndenumerate(matrix.to_numpy()):
        if value:
            ax.text(j, i, str(int(value)), ha="center", va="center", fontsize=8,
                    color="white" if value > peak / 2 else "#222222")
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, pad=0.02, fraction=0.04)
    bar.set_label("occurrences in the speaker's reported words")
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    ax.set_title(title)
    return fig
