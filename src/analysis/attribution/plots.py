"""Tables and figures about who gets voice, for the source-attribution notebook.

Every function takes the table of :func:`analysis.attribution.extract_attributions`.
Figures are returned, not saved: the notebook saves them with
:func:`analysis.figures.save_figure`.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

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
    """Attributions and words given to each speaker (or ``speaker_type``, ``country``, ``speaker_gender``).

    Columns: ``by``, attributions (int), direct (int: rows whose content is all
    quoted), words (int: words of content), share_of_words (float, 0–1).
    Sorted by words, then name. By ``speaker_gender`` only persons count
    (female, male, and "(unknown)" for persons whose gender neither their name
    nor the grammar shows): the share of voice of women and men.
    """
    if by not in ("speaker_canonical", "speaker_type", "country", "speaker_gender"):
        raise ValueError(f"by must be 'speaker_canonical', 'speaker_type', 'country' or 'speaker_gender', got {by!r}")
    if by == "speaker_gender":
        if "speaker_gender" not in df.columns:
            raise ValueError("the attribution table has no speaker_gender column")
        df = df[df["speaker_type"] == "person"]
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
    ax2.set_xlim(0, max(1, int(t["attributions"].max())) * 1.1 if len(t) else 1)
    ax2.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax2.set_xlabel("attributions")
    ax.set_xlabel("words of content (quoted or reported)")
    ax.set_ylabel({"speaker_canonical": "speaker", "speaker_type": "kind of speaker", "country": "country or side",
                   "speaker_gender": "gender of the person speaking"}.get(by, by))
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
    ax.set_ylabel("kind of speaker")
    ax.set_title("Direct, mixed, indirect and 'according to', by speaker type")
    ax.legend(frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


#: Columns of the sourcing-chain figure: (kind of node, left edge, width), in inches.
_CHAIN_COLUMNS = {"article": (0.15, 1.0), "via": (1.75, 2.0), "channel": (4.45, 2.9), "speaker": (8.05, 2.8)}
_CHAIN_COLOURS = {"via": PALETTE[3], "channel": PALETTE[2], "speaker": PALETTE[0]}
_CHAIN_LEGEND = {"via": "reported via (agency, outer source)", "channel": "through a channel", "speaker": "to the speaker"}
_LINE = 0.15  # inches per line of 8-point text
_PAD = 0.14  # inches of box padding, top and bottom together


def _chain_paths(edges: pd.DataFrame, root: str) -> list[tuple[list[tuple[str, str]], int]]:
    """Every path from ``root`` along the edges: ([(kind, node), …], n of the last edge)."""
    out_edges: dict[str, list[tuple[str, str, int]]] = {}
    for s_, t, kind, n in zip(edges["source"], edges["target"], edges["kind"], edges["n"]):
        out_edges.setdefault(str(s_), []).append((str(kind), str(t), int(n)))
    paths: list[tuple[list[tuple[str, str]], int]] = []

    def walk(node: str, path: list[tuple[str, str]], seen: frozenset[str]) -> None:
        nexts = [e for e in out_edges.get(node, []) if e[1] not in seen]
        for kind, target, n in sorted(nexts, key=lambda e: (list(_CHAIN_COLUMNS).index(e[0]), e[1])):
            step = path + [(kind, target)]
            if kind == "speaker" or not out_edges.get(target):
                paths.append((step, n))
            else:
                walk(target, step, seen | {target})

    walk(root, [("article", root)], frozenset({root}))
    return sorted(paths, key=lambda p: [(list(_CHAIN_COLUMNS).index(k), v) for k, v in p[0]])


def _wrapped(text: str, width_in: float) -> str:
    import textwrap

    chars = max(8, int((width_in - 0.2) / 0.068))
    return "\n".join(textwrap.wrap(str(text).replace("$", r"\$"), width=chars, break_long_words=True)) or " "


def plot_sourcing_chain(edges: pd.DataFrame, *, title: str = "Sourcing chain: article → agency → channel → speaker") -> plt.Figure:
    """A layered diagram of :func:`sourcing_chains`, one row per chain, read left to right.

    Columns: the article, the outer source it names (*via*), the channel, the
    speaker. Chains sharing a start are grouped, so a node spans the rows of
    its chains and no two arrows cross; labels are wrapped in full, never cut,
    and every arrow ends on the edge of its box. A speaker reached by several
    attributions along one chain shows the count (×n).
    """
    from matplotlib.patches import FancyBboxPatch

    roots = sorted(set(edges["source"]) - set(edges["target"])) if len(edges) else []
    paths = [p for root in roots for p in _chain_paths(edges, root)]
    width = sum(_CHAIN_COLUMNS["speaker"]) + 0.15
    if not paths:
        fig = plt.figure(figsize=(width, 1.6))
        fig.text(0.5, 0.55, "No attribution names an outer source or a channel: there is no sourcing chain to draw.",
                 ha="center", va="center")
        fig.suptitle(title)
        return fig
    # Nodes of the outline: one per distinct prefix, spanning the rows of its chains.
    nodes: dict[tuple, dict] = {}
    for row, (path, n) in enumerate(paths):
        for depth in range(len(path)):
            key = tuple(path[: depth + 1])
            kind, name = path[depth]
            label = name if depth < len(path) - 1 or n == 1 else f"{name} (×{n})"
            node = nodes.setdefault(key, {"kind": kind, "rows": [], "label": label, "n": n})
            node["rows"].append(row)
    for node in nodes.values():
        node["text"] = _wrapped(node["label"], _CHAIN_COLUMNS[node["kind"]][1])
        node["height"] = node["text"].count("\n") * _LINE + _LINE + _PAD
    # Row heights: every node fits in the rows it spans.
    heights = [0.0] * len(paths)
    for node in sorted(nodes.values(), key=lambda nd: len(nd["rows"])):
        need = node["height"] + 0.16
        have = sum(heights[r] for r in node["rows"])
        if have < need:
            extra = (need - have) / len(node["rows"])
            for r in node["rows"]:
                heights[r] += extra
    top, bottom = 0.55, 0.45
    height = top + sum(heights) + bottom
    tops = [height - top - sum(heights[:r]) for r in range(len(paths))]
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    for node in nodes.values():
        first, last = min(node["rows"]), max(node["rows"])
        node["y"] = (tops[first] + tops[last] - heights[last]) / 2
        left, w = _CHAIN_COLUMNS[node["kind"]]
        node["left"], node["right"] = left, left + w
        ax.add_patch(FancyBboxPatch((left, node["y"] - node["height"] / 2), w, node["height"],
                                    boxstyle="round,pad=0,rounding_size=0.06", fc="white",
                                    ec=_CHAIN_COLOURS.get(node["kind"], "#777777"), lw=1.0))
        ax.text(left + w / 2, node["y"], node["text"], ha="center", va="center", fontsize=8, linespacing=1.25)
    for key, node in nodes.items():
        if len(key) < 2:
            continue
        parent = nodes[key[:-1]]
        lw = 1.0 + 0.6 * min(node["n"] - 1, 5) if node["kind"] == "speaker" else 1.0
        ax.annotate("", xy=(node["left"], node["y"]), xytext=(parent["right"], parent["y"]),
                    arrowprops={"arrowstyle": "-|>", "color": _CHAIN_COLOURS[node["kind"]], "lw": lw,
                                "shrinkA": 0, "shrinkB": 0, "mutation_scale": 10})
    for kind, (left, w) in _CHAIN_COLUMNS.items():
        ax.text(left + w / 2, height - 0.38, {"article": "article", "via": "via (outer source)", "channel": "channel",
                                               "speaker": "speaker"}[kind], ha="center", va="center", fontsize=9,
                fontweight="bold", color="#444444")
    for kind, colour in _CHAIN_COLOURS.items():
        ax.plot([], [], color=colour, label=_CHAIN_LEGEND[kind])
    ax.legend(frameon=False, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3, fontsize=8)
    fig.suptitle(title, y=1.0, va="bottom")
    return fig
