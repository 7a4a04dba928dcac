"""Attribution measured at the level researchers read: whole articles, speakers resolved to people.

Gold: ``tests/gold/attribution_articles.jsonl`` (guidelines: ``tests/gold/ANNOTATION.md``,
"Whole articles"): every attribution of held-out DICE articles
(:func:`analysis.evaluation.samples.article_sample`), with the speaker as
written and who the speaker is (``person``: the span of the fullest name the
article gives, ``"unnamed"`` or ``"unknown"``), ``person_type`` and
``speaker_gender``. Only ids, offsets and labels are stored; the article
text is read from ``../shared/data``.

Reported, beside the sentence-level figures of :mod:`.attribution` (same
matching: content coverage ≥ 30% / 80%, one-to-one):

* **speaker right**: the predicted speaker span overlaps the gold one; where
  the gold has no speaker in the sentence (a continuation, a null subject),
  the predicted person is the gold person;
* **resolved person**: the predicted person (``speaker_canonical``) is the
  gold person: the same name (case and articles aside) for people; for
  organisations and groups one name holds the other; an unnamed or unknown
  gold speaker is right when the prediction names nobody;
* **share of voice**: the female share of the attributions whose speaker has
  a gender, predicted against gold, and its error in points; the five and ten
  most quoted people (attribution counts per named person over the whole
  set), and how many of the gold ones the prediction has;
* ``via`` recall, recall by type, speaker-gender precision and coverage, and
  the number of predicted rows whose speaker is left unresolved.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from ..paths import PROJECT_ROOT, SHARED_DATA_DIR
from .attribution import TYPES, Passage, _fmt, _overlap, _prf, match, same_source

__all__ = ["ARTICLES_GOLD", "load_article_gold", "ArticleScores", "score_articles", "format_article_scores",
           "same_person", "person_key", "is_named_person", "report"]

ARTICLES_GOLD = PROJECT_ROOT / "tests" / "gold" / "attribution_articles.jsonl"

_LEADING = re.compile(r"^(?:il|lo|la|l'|l’|i|gli|le|un|uno|una|un'|un’)\s*", re.I)


def person_key(name: str) -> str:
    """A name compared without case, accents, a leading article or punctuation."""
    name = unicodedata.normalize("NFKD", name.casefold())
    name = "".join(c for c in name if not unicodedata.combining(c)).replace("’", "'")
    name = _LEADING.sub("", name.strip())
    return " ".join(re.findall(r"[\w']+", name))


def load_article_gold(path: Path = ARTICLES_GOLD, *, data_dir: Path = SHARED_DATA_DIR,
                      split: str | None = None) -> list[Passage]:
    """The article gold joined to the DICE texts; empty when the data or the gold file is absent.

    Each attribution's spans become ``{"start", "end", "text"}``; ``person``
    becomes such a span too, or stays ``"unnamed"`` / ``"unknown"``.
    """
    from .splits import dice_articles

    if not path.is_file() or not (data_dir / "dice-news").is_dir():
        return []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {d["article_id"] for d in records if split is None or d.get("split") == split}
    texts = {a["id"]: a["text"] for a in dice_articles(data_dir) if a["id"] in wanted}
    out = []
    for d in records:
        if d["article_id"] not in wanted:
            continue
        text = texts[d["article_id"]]
        attrs = []
        for a in d["attributions"]:
            a = dict(a)
            for key in ("speaker", "cue", "content", "channel", "person"):
                if isinstance(a.get(key), list):
                    s, e = a[key]
                    a[key] = {"start": s, "end": e, "text": text[s:e]}
            attrs.append(a)
        out.append(Passage(d["article_id"], text, attrs, d.get("split", "")))
    return out


def is_named_person(row: dict) -> bool:
    """Does a predicted row name a person (not a role, pronoun or body, not left unresolved)?"""
    name = row.get("speaker_canonical")
    if row.get("speaker_type") != "person" or not isinstance(name, str) or not name[:1].isupper():
        return False
    return row.get("speaker_resolution") != "unresolved"


def same_person(row: dict, gold: dict) -> bool:
    """Is the predicted row's person the gold attribution's person (see the module docstring)?"""
    person = gold.get("person")
    name = row.get("speaker_canonical")
    if not isinstance(person, dict):  # "unnamed" / "unknown"
        return not is_named_person(row)
    if not isinstance(name, str) or not name:
        return False
    a, b = person_key(name), person_key(person["text"])
    if gold.get("person_type") == "person":
        return a == b
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _gold_person_name(g: dict) -> str | None:
    p = g.get("person")
    return person_key(p["text"]) if isinstance(p, dict) and g.get("person_type") == "person" else None


def _top(counts: Counter, order: dict[str, int], k: int) -> list[str]:
    return sorted(counts, key=lambda n: (-counts[n], order[n]))[:k]


@dataclass
class ArticleScores:
    """Counts over a set of articles."""

    articles: int = 0
    n_gold: int = 0
    n_pred: int = 0
    tp30: int = 0
    tp80: int = 0
    speaker_ok: int = 0
    person_ok: int = 0
    via_gold: int = 0
    via_ok: int = 0
    gender_pred: int = 0
    gender_gold: int = 0
    gender_ok: int = 0
    unresolved: int = 0
    by_type: dict = field(default_factory=lambda: {t: {"gold": 0, "pred": 0, "tp_gold": 0, "tp_pred": 0} for t in TYPES})
    gold_gender: Counter = field(default_factory=Counter)
    pred_gender: Counter = field(default_factory=Counter)
    gold_people: Counter = field(default_factory=Counter)
    pred_people: Counter = field(default_factory=Counter)
    gold_order: dict = field(default_factory=dict)
    pred_order: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    def prf(self, threshold: float = 0.3) -> tuple[float, float, float]:
        return _prf(self.tp30 if threshold == 0.3 else self.tp80, self.n_pred, self.n_gold)

    @staticmethod
    def _female_share(c: Counter) -> float:
        n = c["female"] + c["male"]
        return c["female"] / n if n else float("nan")

    def female_share(self) -> tuple[float, float]:
        """(predicted, gold) share of female speakers among the attributions with a gender."""
        return self._female_share(self.pred_gender), self._female_share(self.gold_gender)

    def top(self, k: int) -> tuple[list[str], list[str], int]:
        """(gold top k, predicted top k, how many of the gold top k the prediction's top k has)."""
        g = _top(self.gold_people, self.gold_order, k)
        p = _top(self.pred_people, self.pred_order, k)
        return g, p, len(set(g) & set(p))

    def as_dict(self) -> dict[str, float]:
        p3, r3, f3 = self.prf(0.3)
        p8, r8, f8 = self.prf(0.8)
        fp, fg = self.female_share()
        return {
            "articles": self.articles, "n_gold": self.n_gold, "n_pred": self.n_pred,
            "precision@0.3": p3, "recall@0.3": r3, "f1@0.3": f3, "precision@0.8": p8, "recall@0.8": r8, "f1@0.8": f8,
            "speaker_accuracy": self.speaker_ok / self.tp30 if self.tp30 else float("nan"),
            "person_accuracy": self.person_ok / self.tp30 if self.tp30 else float("nan"),
            "via_recall": self.via_ok / self.via_gold if self.via_gold else float("nan"),
            "gender_precision": self.gender_ok / self.gender_pred if self.gender_pred else float("nan"),
            "gender_coverage": self.gender_ok / self.gender_gold if self.gender_gold else float("nan"),
            "female_share_pred": fp, "female_share_gold": fg, "female_share_error_points": abs(fp - fg) * 100,
            "top5_right": self.top(5)[2], "top10_right": self.top(10)[2], "unresolved_rows": self.unresolved,
        }


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in df.to_dict("records")]


def score_articles(passages: Iterable[Passage], predict: Callable[[str], pd.DataFrame] | None = None) -> ArticleScores:
    """Run ``predict`` (default :func:`analysis.attribution.extract_attributions`) on each article and score it."""
    if predict is None:
        from ..attribution import extract_attributions

        predict = extract_attributions
    sc = ArticleScores()
    for passage in passages:
        sc.articles += 1
        pred = _records(predict(passage.text))
        gold = passage.attributions
        sc.n_gold += len(gold)
        sc.n_pred += len(pred)
        for g in gold:
            sc.by_type[g["type"]]["gold"] += 1
            sc.via_gold += bool(g.get("via"))
            if g.get("speaker_gender") in ("female", "male"):
                sc.gold_gender[g["speaker_gender"]] += 1
            name = _gold_person_name(g)
            if name:
                sc.gold_people[name] += 1
                sc.gold_order.setdefault(name, len(sc.gold_order))
        for p in pred:
            if p["type"] in sc.by_type:
                sc.by_type[p["type"]]["pred"] += 1
            if p.get("speaker_gender") in ("female", "male"):
                sc.pred_gender[p["speaker_gender"]] += 1
            if p.get("speaker_resolution") == "unresolved":
                sc.unresolved += 1
            if is_named_person(p):
                name = person_key(p["speaker_canonical"])
                sc.pred_people[name] += 1
                sc.pred_order.setdefault(name, len(sc.pred_order))
        pairs = match(pred, gold, 0.3)
        sc.tp30 += len(pairs)
        sc.tp80 += len(match(pred, gold, 0.8))
        for i, j in pairs:
            p, g = pred[i], gold[j]
            sc.by_type[g["type"]]["tp_gold"] += 1
            if p["type"] in sc.by_type:
                sc.by_type[p["type"]]["tp_pred"] += 1
            gs = g.get("speaker")
            person_ok = same_person(p, g)
            if gs is not None:
                speaker_ok = p["speaker_start"] is not None and _overlap(p["speaker_start"], p["speaker_end"],
                                                                         gs["start"], gs["end"]) > 0
            else:
                speaker_ok = person_ok if g.get("person") != "unknown" else p["speaker_start"] is None
            sc.speaker_ok += speaker_ok
            sc.person_ok += person_ok
            if g.get("via") and p.get("via") and same_source(str(p["via"]), g["via"]):
                sc.via_ok += 1
            gg, pg = g.get("speaker_gender"), p.get("speaker_gender")
            sc.gender_gold += bool(gg)
            if pg:
                sc.gender_pred += 1
                sc.gender_ok += pg == gg
            if not (speaker_ok and person_ok):
                gp = g.get("person")
                sc.errors.append((passage.id, "speaker" if not speaker_ok else "person",
                                  gs["text"] if gs else None, gp["text"] if isinstance(gp, dict) else gp,
                                  p.get("speaker"), p.get("speaker_canonical")))
        matched_g = {j for _, j in pairs}
        matched_p = {i for i, _ in pairs}
        sc.errors += [(passage.id, "missed", g["type"], g["content"]["text"][:90]) for j, g in enumerate(gold)
                      if j not in matched_g]
        sc.errors += [(passage.id, "false", p["type"], (p["content"] or "")[:90], p.get("speaker"))
                      for i, p in enumerate(pred) if i not in matched_p]
    return sc


def format_article_scores(name: str, sc: ArticleScores) -> str:
    """The figures of one article set, as text."""
    d = sc.as_dict()
    g5, p5, _ = sc.top(5)
    lines = [
        f"{name}: {sc.articles} articles, {sc.n_gold} gold attributions, {sc.n_pred} predicted",
        f"  @0.3  P {_fmt(d['precision@0.3'])}  R {_fmt(d['recall@0.3'])}  F1 {_fmt(d['f1@0.3'])}   "
        f"@0.8  P {_fmt(d['precision@0.8'])}  R {_fmt(d['recall@0.8'])}  F1 {_fmt(d['f1@0.8'])}",
        f"  speaker right {_fmt(d['speaker_accuracy'])}  resolved person right {_fmt(d['person_accuracy'])}  "
        f"via recall {_fmt(d['via_recall'])} ({sc.via_ok}/{sc.via_gold})  unresolved rows {sc.unresolved}",
        f"  gender precision {_fmt(d['gender_precision'])} ({sc.gender_ok}/{sc.gender_pred})  "
        f"coverage {_fmt(d['gender_coverage'])} (of {sc.gender_gold})",
        f"  female share of voice: predicted {_fmt(d['female_share_pred'])}, gold {_fmt(d['female_share_gold'])}, "
        f"error {d['female_share_error_points']:.1f} points",
        f"  five most quoted: {d['top5_right']} of 5 right; ten most quoted: {d['top10_right']} of 10",
        f"    gold {g5}",
        f"    predicted {p5}",
        "  recall by type: " + ", ".join(
            f"{t} {c['tp_gold']}/{c['gold']}" for t, c in sc.by_type.items() if c["gold"]),
    ]
    return "\n".join(lines)


def report(data_dir: Path = SHARED_DATA_DIR) -> str:
    """Figures on each article split (empty message when the data or gold is absent)."""
    from .samples import ARTICLE_SPLITS

    parts = []
    for split in ARTICLE_SPLITS:
        passages = load_article_gold(data_dir=data_dir, split=split)
        if passages:
            parts.append(format_article_scores(f"whole articles, {split}", score_articles(passages)))
    return "\n\n".join(parts) or "whole articles: no gold or no ../shared/data, not measured"
