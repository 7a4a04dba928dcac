"""What each attribution reader adds: the ablation table.

Every reader of :mod:`analysis.attribution.readers` is switched off in turn
(:class:`~analysis.attribution.AttributionSettings`) and each gold set is
scored again; the table gives, per reader and set, the change in precision
and recall at 30% content coverage when it is removed (a reader that adds
recall shows a negative ΔR when off). Slow: every set is scored once per
reader.

    python -m analysis.evaluation.ablation [--sets seed,dev,articles_a,...]
"""
from __future__ import annotations

import argparse
from typing import Callable

import pandas as pd

from .articles import load_article_gold, score_articles
from .attribution import Passage, load_dev_gold, load_realnews_gold, load_seed_gold, score

__all__ = ["gold_sets", "ablation", "format_ablation"]


def gold_sets() -> dict[str, tuple[list[Passage], bool]]:
    """Set name → (passages, whole articles?) for every gold set present."""
    real = load_realnews_gold()
    sets: dict[str, tuple[list[Passage], bool]] = {"seed": (load_seed_gold(), False), "dev": (load_dev_gold(), False)}
    if real:
        sets["fresh sentences"] = ([p for p in real if p.pattern.startswith("fresh")], False)
        sets["read sentences"] = ([p for p in real if not p.pattern.startswith("fresh")], False)
    articles = load_article_gold(split="articles_a")
    if articles:
        sets["articles_a"] = (articles, True)
    return sets


def _pr(passages: list[Passage], articles: bool, predict: Callable[[str], pd.DataFrame]) -> tuple[float, float]:
    if articles:
        d = score_articles(passages, predict).as_dict()
        return d["precision@0.3"], d["recall@0.3"]
    p, r, _ = score(passages, predict).prf(0.3)
    return p, r


def ablation(sets: dict[str, tuple[list[Passage], bool]] | None = None,
             readers: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per reader (plus ``all``): for each set, precision and recall with that reader off.

    Columns: ``reader``, then ``<set> P`` / ``<set> R`` (absolute figures; the ``all`` row is the
    reference) and ``<set> ΔP`` / ``<set> ΔR`` (reader off minus all on).
    """
    from ..attribution import READER_NAMES, AttributionSettings, extract_attributions

    sets = sets if sets is not None else gold_sets()
    names = readers if readers is not None else tuple(n for n in READER_NAMES if n != "cues")
    rows = []
    base: dict[str, tuple[float, float]] = {}
    for reader in ("all",) + names:
        settings = AttributionSettings() if reader == "all" else AttributionSettings(frozenset({reader}))

        def predict(text: str, settings: AttributionSettings = settings) -> pd.DataFrame:
            return extract_attributions(text, settings=settings)

        row: dict[str, object] = {"reader": reader}
        for name, (passages, articles) in sets.items():
            p, r = _pr(passages, articles, predict)
            if reader == "all":
                base[name] = (p, r)
            row[f"{name} P"], row[f"{name} R"] = p, r
            row[f"{name} ΔP"], row[f"{name} ΔR"] = p - base[name][0], r - base[name][1]
        rows.append(row)
    return pd.DataFrame(rows)


def format_ablation(df: pd.DataFrame) -> str:
    """The ablation table as Markdown: ΔP / ΔR in points for each set, the reference row in absolute figures."""
    sets = [c[:-2] for c in df.columns if c.endswith(" P") and not c.endswith("ΔP")]
    head = "| reader off | " + " | ".join(f"{s} ΔP / ΔR" for s in sets) + " |"
    lines = [head, "|" + " --- |" * (len(sets) + 1)]
    for _, r in df.iterrows():
        if r["reader"] == "all":
            cells = [f"P {r[f'{s} P']:.3f} / R {r[f'{s} R']:.3f}" for s in sets]
            lines.append("| (all readers on) | " + " | ".join(cells) + " |")
        else:
            cells = [f"{100 * r[f'{s} ΔP']:+.1f} / {100 * r[f'{s} ΔR']:+.1f}" for s in sets]
            lines.append(f"| {r['reader']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", help="comma-separated set names (default: every set present)")
    parser.add_argument("--readers", help="comma-separated reader names (default: all)")
    args = parser.parse_args(argv)
    sets = gold_sets()
    if args.sets:
        sets = {k: v for k, v in sets.items() if k in args.sets.split(",")}
    readers = tuple(args.readers.split(",")) if args.readers else None
    print(format_ablation(ablation(sets, readers)))


if __name__ == "__main__":
    main()
