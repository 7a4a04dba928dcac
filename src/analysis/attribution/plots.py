"""Tables and figures about who gets voice, for the source-attribution notebook.

Every function takes the table of :func:`analysis.attribution.extract_attributions`.
Figures are returned, not saved: the notebook saves them with
:func:`analysis.figures.save_figure`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..figures import PALETTE
from .canonical import country_of

__all__ = ["voice_table", "type_counts", "quotes_table", "sourcing_chains", "plot_voice", "plot_sourcing_chain",
           "plot_types"]

TYPE_ORDER = ["direct", "mixed", "indirect", "according_to"]


def _label(text: object, width: int = 42) -> str:
    """Article text as a plain matplotlib label (no mathtext from a "$")."""
    s = str(text)
    s = s if len(s) <= width else s[:width - 2] + "…"
    return s.replace("$", r"\$")


def _with_words(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["words"] = out["content"].fillna("").map(lambda s: len(str(s).split())).astype("int64")
    out["country"] = [country_of(c, t, a, r) for c, t, a, r in
                      zip(out["speaker_canonical"], out["speaker_type"], out["affiliation"], out["role"])]
    out["country"] = out["country"].astype("string")
    return out


def voice_table(df: pd.DataFrame, *, by: str = "speaker_canonical") -> pd.DataFrame:
    """Attributions and words given to each speaker (or ``speaker_type``, ``country``).

    Columns: ``by``, attributions (int), direct (int: rows whose content is all
    quoted), words (int: words of content), share_of_words (float, 0–1).
    Sorted by words, then name.
    """
    if by not in ("speaker_canonical", "speaker_type", "country"):
        raise ValueError(f"by must be 'speaker_canonical', 'speaker_type' or 'country', got {by!r}")
    d = _with_words(df)
    d[by] = d[by].fillna("(unknown)")
    g = d.groupby(by, dropna=False).agg(attributions=("type", "size"),
                                        direct=("type", lambda s: int((s == "direct").sum())),
                                        words=("words", "sum")).reset_index()
    total = g["words"].sum()
    g["share_of_words"] = g["words"] / total if total else 0.0
    return g.sort_values(["words", by], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def type_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Attributions by type (direct, mixed, indirect, according_to) and by speaker type."""
    t = pd.crosstab(df["speaker_type"].fillna("(none)"), df["type"])
    return t.reindex(columns=[c for c in TYPE_ORDER if c in t.columns], fill_value=0)


def quotes_table(df: pd.DataFrame) -> pd.DataFrame:
    """A readable table: who, how, through which channel and source, saying what."""
    cols = ["sent_id", "speaker_canonical", "type", "cue", "stance", "channel", "via", "content"]
    return df[cols].rename(columns={"speaker_canonical": "speaker"}).reset_index(drop=True)


def sourcing_chains(df: pd.DataFrame, *, article: str = "article", only_sourced: bool = True) -> pd.DataFrame:
    """Edges of the sourcing chain article → outer source (via) → channel → speaker.

    With ``only_sourced`` (default) only attributions with a via or a channel
    are drawn. Columns: source, target (str), kind (via | channel | speaker), n (int).
    """
    rows = []
    for via, channel, speaker in zip(df["via"], df["channel"], df["speaker_canonical"]):
        if only_sourced and not isinstance(via, str) and not isinstance(channel, str):
            continue
        speaker = speaker if isinstance(speaker, str) else "(unknown)"
        chain = [article]
        if isinstance(via, str):
            chain.append(via)
        if isinstance(channel, str):
            chain.append(channel)
        chain.append(speaker)
        kinds = ["via" if isinstance(via, str) else None, "channel" if isinstance(channel, str) else None, "speaker"]
        kinds = [k for k in kinds if k]
        for (a, b), k in zip(zip(chain, chain[1:]), kinds):
            rows.append((a, b, k))
    e = pd.DataFrame(rows, columns=["source", "target", "kind"])
    if e.empty:
        return e.assign(n=pd.Series([], dtype="int64"))
    return e.groupby(["source", "target", "kind"]).size().rename("n").reset_index()


def plot_voice(table: pd.DataFrame, *, by: str = "speaker_canonical", title: str | None = None) -> plt.Figure:
    """Horizontal bars: words of content per speaker, direct share marked."""
    t = table.head(15).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.4 * len(t) + 1)))
    ax.barh([_label(v) for v in t[by]], t["words"], color=PALETTE[0], label="words of content")
    ax2 = ax.twiny()
    ax2.plot(t["attributions"], range(len(t)), "o", color=PALETTE[1], label="attributions")
    ax2.set_xlabel("attributions")
    ax.set_xlabel("words of content (quoted or reported)")
    ax.set_title(title or "Who gets voice", pad=28)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="lower right", frameon=False)
    fig.tight_layout()
    return fig


def plot_types(df: pd.DataFrame) -> plt.Figure:
    """Stacked bars: how each speaker type is given voice (direct, mixed, indirect, according to)."""
    t = type_counts(df)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    left = pd.Series(0, index=t.index)
    for k, col in enumerate(t.columns):
        ax.barh([_label(v) for v in t.index], t[col], left=left, color=PALETTE[k % len(PALETTE)], label=col)
        left = left + t[col]
    ax.set_xlabel("attributions")
    ax.set_title("Direct, mixed, indirect and 'according to', by speaker type")
    ax.legend(frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def plot_sourcing_chain(edges: pd.DataFrame, *, title: str = "Sourcing chain: article → agency → channel → speaker") -> plt.Figure:
    """A layered diagram of :func:`sourcing_chains`: each node placed by its depth in the chain."""
    column = {"via": 1, "channel": 2, "speaker": 3}
    depth: dict[str, int] = {}
    for s_, t, kind in zip(edges["source"], edges["target"], edges["kind"]):
        depth.setdefault(s_, 0)
        depth[t] = column[kind]
    layers: dict[int, list[str]] = {}
    for node, d in sorted(depth.items(), key=lambda kv: (kv[1], kv[0])):
        layers.setdefault(d, []).append(node)
    height = max((len(v) for v in layers.values()), default=1)
    fig, ax = plt.subplots(figsize=(11, max(3.0, 0.55 * height + 1)))
    pos = {}
    for d, nodes in layers.items():
        for k, node in enumerate(nodes):
            pos[node] = (d * 1.3, (len(nodes) - 1) / 2 - k)
    colours = {"via": PALETTE[3], "channel": PALETTE[2], "speaker": PALETTE[0]}
    for s, t, kind, n in zip(edges["source"], edges["target"], edges["kind"], edges["n"]):
        (x0, y0), (x1, y1) = pos[s], pos[t]
        ax.annotate("", xy=(x1 - 0.35, y1), xytext=(x0 + 0.35, y0),
                    arrowprops={"arrowstyle": "->", "color": colours[kind], "lw": 1 + n})
    for node, (x, y) in pos.items():
        ax.text(x, y, _label(node, 34), ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#999999"})
    for kind, c in colours.items():
        ax.plot([], [], color=c, label={"via": "reported via (agency)", "channel": "through channel", "speaker": "to speaker"}[kind])
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, -0.02), ncol=3)
    ax.set_xlim(-0.7, 1.3 * max(layers, default=0) + 0.7)
    ax.set_ylim(-height / 2 - 0.5, height / 2 + 0.5)
    ax.axis("off")
    ax.set_title(title)
    fig.tight_layout()
    return fig
