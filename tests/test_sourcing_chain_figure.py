"""The sourcing-chain figure: layered, no crossing arrows, every label whole, arrows ending on boxes."""
from __future__ import annotations

from itertools import combinations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Annotation

from analysis.attribution import extract_attributions
from analysis.attribution.plots import plot_sourcing_chain, sourcing_chains

EDGES = pd.DataFrame([
    ("article", "Agenzia Nova", "via", 1), ("Agenzia Nova", "Corriere della Sera", "channel", 2),
    ("Corriere della Sera", "Giorgia Meloni", "speaker", 2), ("article", "ANSA", "via", 1),
    ("ANSA", "Ministero degli Affari Esteri e della Cooperazione Internazionale", "speaker", 1),
    ("article", "in una lunga intervista televisiva rilasciata alla rete pubblica nazionale", "channel", 1),
    ("in una lunga intervista televisiva rilasciata alla rete pubblica nazionale", "Elly Schlein", "speaker", 1),
    ("article", "Agenzia Nova", "via", 1), ("Agenzia Nova", "Antonio Tajani", "speaker", 1),
], columns=["source", "target", "kind", "n"])


def _segments(fig):
    ax = fig.axes[0]
    return [(a.xyann, a.xy) for a in ax.texts if isinstance(a, Annotation)]


def _cross(p, q) -> bool:
    (a, b), (c, d) = p, q
    if len({a, b, c, d}) < 4:  # arrows sharing an end (a fan from one box) do not cross
        return False

    def orient(p1, p2, p3):
        v = (p2[0] - p1[0]) * (p3[1] - p1[1]) - (p2[1] - p1[1]) * (p3[0] - p1[0])
        return (v > 1e-9) - (v < -1e-9)

    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def _check(fig, edges):
    ax = fig.axes[0]
    segments = _segments(fig)
    assert len(segments) >= len(edges.drop_duplicates(["source", "target"])) - 0
    assert not [pair for pair in combinations(segments, 2) if _cross(*pair)], "arrows cross"
    boxes = [p.get_bbox() for p in ax.patches if isinstance(p, FancyBboxPatch)]
    for start, end in segments:
        assert start[0] < end[0], "arrows run left to right"
        assert any(abs(b.x1 - start[0]) < 1e-6 and b.y0 <= start[1] <= b.y1 for b in boxes), "arrow starts off a box"
        assert any(abs(b.x0 - end[0]) < 1e-6 and b.y0 <= end[1] <= b.y1 for b in boxes), "arrow ends off a box"
    shown = " ".join(" ".join(t.get_text().split()) for t in ax.texts)
    for name in set(edges["source"]) | set(edges["target"]):
        assert " ".join(str(name).split()) in shown, f"label cut: {name}"
    assert "…" not in shown
    assert fig.get_suptitle()


def test_layered_without_crossings_on_a_hand_made_chain():
    assert _cross(((0, 0), (1, 1)), ((0, 1), (1, 0))) and not _cross(((0, 0), (1, 0)), ((0, 1), (1, 1)))
    fig = plot_sourcing_chain(EDGES.groupby(["source", "target", "kind"], as_index=False)["n"].sum())
    _check(fig, EDGES)
    shown = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "Giorgia Meloni (×2)" in shown
    plt.close(fig)


def test_seed_chain(seed_corpus):
    edges = sourcing_chains(extract_attributions(seed_corpus))
    assert len(edges) > 0
    fig = plot_sourcing_chain(edges)
    _check(fig, edges)
    plt.close(fig)


def test_no_chain_says_so():
    fig = plot_sourcing_chain(EDGES.iloc[:0])
    assert "no sourcing chain" in " ".join(t.get_text() for t in fig.texts)
    plt.close(fig)
