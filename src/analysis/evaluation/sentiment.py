"""Measuring Italian sentiment (``analysis.textblob_it``) on labelled data.

Every figure is a macro-F1, on labels nobody fitted anything to: the lexicon,
rules and constants are written by hand and the labelled sets only measure.

Two kinds of set, kept apart in code and in every report:

* **tuned** sets were read while the lexicon and rules were written (their
  errors reviewed, constants chosen on them): their figures are optimistic;
* **never-read** sets were frozen before the lexicon was reviewed and are
  scored once the design is finished. The figure of that first scoring is the
  *first-contact* figure (recorded in :data:`FIRST_CONTACT_PATH`), the honest
  estimate of accuracy on new text; later scores of the same sets are shown
  beside it, never instead of it.

The sets:

* **SENTIPOLC 2016** training tweets (``sentipolc16/…_train.csv``), mixed
  tweets (``opos=1, oneg=1``) left out. *3-class*: positive if polarity >
  0.05, negative if < −0.05, else neutral; *pos/neg*: on the polar tweets
  only, the sign of polarity (0 counts as wrong for both classes). Half A
  (:func:`half_of`) is tuned, half B never read. Tweets are scored with the
  social-media layer of the lexicon switched on, as a user scoring tweets
  would; the figure without it is reported beside.
* **CheckThat! subjectivity** (``checkthat-subjectivity-it/{train,dev}_it.tsv``),
  SUBJ when subjectivity ≥ 0.5: half A tuned, half B never read.
* **News polarity, CheckThat! sentences** with our hand labels
  (``tests/gold/news_polarity_labels.tsv``; its half A was read, its half B
  never) and a second hand-labelled set (``news_polarity_labels_heldout.tsv``,
  never read), 3 classes, ambiguous sentences left out.
* **Fresh news** (``tests/gold/news_fresh.tsv``): 300 held-out KIND Wikinews
  sentences (:mod:`analysis.evaluation.splits`) labelled by hand for polarity
  and subjectivity before the analyzer ran on them; never read. Sentences
  marked ambiguous are left out.
* **Tone toward actors** (``targets_fresh.tsv``): the tone of those sentences
  toward 294 gold entity mentions; the parse
  (:func:`analysis.sentiment.targets.tone_toward`) against the tone of the
  whole sentence (co-occurrence), accuracy and macro-F1. Tuned on our
  development set of KIND training sentences (``news_dev_kind.tsv``,
  ``targets_dev_kind.tsv``).
* **Second blind set** ("blind-b": ``news_blind_b.tsv``, ``targets_blind_b.tsv``):
  110 more held-out KIND sentences labelled by us before the analyzer ran on
  them, scored once after the changes made on reading the first-contact
  errors (:data:`SECOND_CONTACT_PATH`).

Only ids and labels are in the project; the text is read from
``../shared/data`` at run time.
"""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Literal

from sklearn.metrics import f1_score

from ..lemmatization import lemmatize
from ..paths import PROJECT_ROOT, SHARED_DATA_DIR
from ..tokenization import tokenize

__all__ = [
    "Item", "load_sentipolc", "load_checkthat", "load_news_gold", "load_news_fresh", "kind_train_sentences",
    "half_of", "polarity_label", "evaluate", "report", "naive_pattern", "ours",
    "GOLD_PATH", "GOLD_HELDOUT_PATH", "FRESH_PATH", "FIRST_CONTACT_PATH", "TARGETS_FRESH_PATH", "NEWS_DEV_PATH",
    "TARGETS_DEV_PATH", "NEWS_BLIND_B_PATH", "TARGETS_BLIND_B_PATH", "SECOND_CONTACT_PATH", "load_targets", "evaluate_targets", "evaluate_target_sets", "record_first_contact",
    "read_first_contact",
    "POLARITY_THRESHOLD", "SUBJECTIVITY_THRESHOLD", "SETS",
]

GOLD = PROJECT_ROOT / "tests" / "gold"
GOLD_PATH: Path = GOLD / "news_polarity_labels.tsv"
#: Second hand-labelled set, never used for choices (never read as a whole).
GOLD_HELDOUT_PATH: Path = GOLD / "news_polarity_labels_heldout.tsv"
#: Held-out KIND Wikinews sentences labelled blind for polarity and subjectivity.
FRESH_PATH: Path = GOLD / "news_fresh.tsv"
#: Held-out KIND Wikinews mentions labelled blind for the tone toward each actor.
TARGETS_FRESH_PATH: Path = GOLD / "targets_fresh.tsv"
#: Development sets (read): KIND Wikinews training-block sentences labelled by us.
NEWS_DEV_PATH: Path = GOLD / "news_dev_kind.tsv"
TARGETS_DEV_PATH: Path = GOLD / "targets_dev_kind.tsv"
#: The figures of the first scoring of the never-read sets (written once).
FIRST_CONTACT_PATH: Path = GOLD / "sentiment_first_contact.json"
#: A second blind set of held-out KIND sentences, labelled by us before the analyzer ran on them, scored once
#: after the changes made on reading the first-contact errors.
NEWS_BLIND_B_PATH: Path = GOLD / "news_blind_b.tsv"
TARGETS_BLIND_B_PATH: Path = GOLD / "targets_blind_b.tsv"
SECOND_CONTACT_PATH: Path = GOLD / "sentiment_second_contact.json"
POLARITY_THRESHOLD = 0.05
SUBJECTIVITY_THRESHOLD = 0.5

SetName = Literal["tuned", "never-read", "blind-b"]
SETS: tuple[SetName, ...] = ("tuned", "never-read", "blind-b")
KIND_WN_TRAIN = Path("kind-train") / "evalita-2023_WN_train.tsv"


@dataclass(frozen=True)
class Item:
    """One labelled text: ``id``, ``text``, ``label``."""

    id: str
    text: str
    label: str


def half_of(item_id: str) -> str:
    """``"A"`` (tuned half) or ``"B"`` (never-read half), fixed by a hash of the id."""
    return "A" if hashlib.sha1(item_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def load_sentipolc(data_dir: Path = SHARED_DATA_DIR) -> list[Item]:
    """SENTIPOLC 2016 training tweets as positive / negative / neutral (mixed left out)."""
    path = data_dir / "sentipolc16" / "sentipolc16_officialdistrib_train.csv"
    items = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pos, neg = row["opos"].strip(), row["oneg"].strip()
            label = {("1", "0"): "positive", ("0", "1"): "negative", ("0", "0"): "neutral"}.get((pos, neg))
            if label is not None:
                items.append(Item(row["idtwitter"], row["text"], label))
    return items


def _read_checkthat(path: Path) -> list[Item]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        return [Item(r["sentence_id"], r["sentence"], r["label"]) for r in reader]


def load_checkthat(data_dir: Path = SHARED_DATA_DIR, *, split: str = "all") -> list[Item]:
    """CheckThat! Italian subjectivity sentences (``split``: train, dev or all)."""
    base = data_dir / "checkthat-subjectivity-it"
    names = {"train": ["train_it.tsv"], "dev": ["dev_it.tsv"], "all": ["train_it.tsv", "dev_it.tsv"]}
    if split not in names:
        raise ValueError(f"split must be 'train', 'dev' or 'all', got {split!r}")
    return [item for name in names[split] for item in _read_checkthat(base / name)]


def _gold_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV gold file with a header line; ``#`` lines are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_news_gold(data_dir: Path = SHARED_DATA_DIR, gold_path: Path = GOLD_PATH) -> tuple[list[Item], list[Item]]:
    """Our hand labels joined to the CheckThat! sentences: (unambiguous, ambiguous)."""
    texts = {item.id: item.text for item in load_checkthat(data_dir)}
    clear, ambiguous = [], []
    for row in _gold_rows(gold_path):
        sid, label, amb = row["sentence_id"], row["label"], row.get("ambiguous") or ""
        if label not in ("positive", "negative", "neutral"):
            raise ValueError(f"{gold_path.name}: label must be positive, negative or neutral, got {label!r}")
        if sid not in texts:
            raise ValueError(f"{gold_path.name}: sentence id {sid} not in the CheckThat! files")
        (ambiguous if amb.strip() in ("1", "ambiguous", "yes") else clear).append(Item(sid, texts[sid], label))
    return clear, ambiguous


@lru_cache(maxsize=2)
def kind_train_sentences(data_dir: Path = SHARED_DATA_DIR) -> dict[str, str]:
    """``kind-wn-train-<n>`` → sentence text, rebuilt as the syntax module rebuilds it."""
    from ..syntax.conllu import read_kind

    path = data_dir / KIND_WN_TRAIN
    if not path.is_file():
        return {}
    return {s.sent_id: s.text for s in read_kind(path, "kind-wn-train")}


@dataclass(frozen=True)
class FreshItem:
    """One sentence of the fresh news set: polarity and subjectivity labels."""

    id: str
    text: str
    polarity: str
    subjectivity: str
    ambiguous: bool


def _kind_gold_rows(gold_path: Path, data_dir: Path) -> Iterator[tuple[dict[str, str], str, str]]:
    """``(row, sentence id, sentence text)`` for each row of a gold file keyed by KIND Wikinews training ids."""
    texts = kind_train_sentences(data_dir)
    for row in _gold_rows(gold_path):
        sid = row["sentence_id"]
        if sid not in texts:
            raise ValueError(f"{gold_path.name}: sentence id {sid} not in {KIND_WN_TRAIN}")
        yield row, sid, texts[sid]


def load_news_fresh(data_dir: Path = SHARED_DATA_DIR, gold_path: Path = FRESH_PATH) -> list[FreshItem]:
    """The fresh news set joined to the KIND Wikinews training file by sentence id."""
    out = []
    for row, sid, text in _kind_gold_rows(gold_path, data_dir):
        if row["polarity"] not in ("positive", "negative", "neutral") or row["subjectivity"] not in ("SUBJ", "OBJ"):
            raise ValueError(f"{gold_path.name}: {sid}: bad labels {row['polarity']!r}, {row['subjectivity']!r}")
        out.append(FreshItem(sid, text, row["polarity"], row["subjectivity"], row["ambiguous"].strip() == "1"))
    return out


@dataclass(frozen=True)
class TargetItem:
    """One gold mention: sentence id and text, character offsets of the mention, tone."""

    sentence_id: str
    text: str
    start: int
    end: int
    tone: str
    ambiguous: bool


def load_targets(data_dir: Path = SHARED_DATA_DIR, gold_path: Path = TARGETS_FRESH_PATH) -> list[TargetItem]:
    """A tone-toward-actor gold file joined to the KIND Wikinews training file by sentence id."""
    out = []
    for row, sid, text in _kind_gold_rows(gold_path, data_dir):
        a, b = int(row["start"]), int(row["end"])
        if not 0 <= a < b <= len(text):
            raise ValueError(f"{gold_path.name}: {sid}: offsets {a}-{b} outside the sentence")
        if row["tone"] not in ("positive", "negative", "neutral"):
            raise ValueError(f"{gold_path.name}: {sid}: tone must be positive, negative or neutral, got {row['tone']!r}")
        out.append(TargetItem(sid, text, a, b, row["tone"], row["ambiguous"].strip() == "1"))
    return out


def evaluate_targets(items: list[TargetItem]) -> dict[str, dict[str, float]]:
    """Tone toward each unambiguous mention: the parse (:func:`analysis.sentiment.targets.tone_toward`)
    against the sentence's own tone (co-occurrence, what ``entity_sentiment`` measures); accuracy and macro-F1."""
    from ..sentiment.targets import tone_toward
    from ..syntax import load_nlp
    from ..textblob_it.analyzer import analyze

    items = [it for it in items if not it.ambiguous]
    nlp = load_nlp()
    texts = sorted({it.text for it in items})
    docs = dict(zip(texts, nlp.pipe(texts)))
    gold, target, sentence = [], [], []
    for it in items:
        doc = docs[it.text]
        toks = [t.i for t in doc if t.idx < it.end and t.idx + len(t.text) > it.start and not t.is_space]
        gold.append(it.tone)
        target.append(tone_toward(doc, toks[0], toks[-1] + 1).label)
        sentence.append(polarity_label(analyze(it.text).polarity))
    out = {}
    for name, pred in (("target_tone_parse", target), ("target_tone_sentence", sentence)):
        acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
        out[name] = {"f1": _macro_f1(gold, pred, POLARITY_LABELS), "accuracy": acc, "n": float(len(gold))}
    return out


def polarity_label(polarity: float, threshold: float = POLARITY_THRESHOLD) -> str:
    """positive / negative / neutral by the fixed thresholds."""
    return "positive" if polarity > threshold else "negative" if polarity < -threshold else "neutral"


def _macro_f1(gold: list[str], pred: list[str], labels: list[str]) -> float:
    return float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))


Scorer = Callable[[str], tuple[float, float]]


def ours(**options) -> Scorer:
    """Our analyzer as a scorer (``options`` go to :func:`analysis.textblob_it.analyze`)."""
    from ..textblob_it.analyzer import analyze

    def score(text: str) -> tuple[float, float]:
        r = analyze(text, **options)
        return r.polarity, r.subjectivity

    return score


def naive_pattern() -> Scorer:
    """Baseline: plain mean of Pattern's scores over the words found (surface, then lemma)."""
    from ..textblob_it.lexicon import load_lexicon

    lex = load_lexicon(supplement=False)

    def score(text: str) -> tuple[float, float]:
        ps, ss = [], []
        for tok in tokenize(text):
            if tok.kind not in ("word", "elision"):
                continue
            e = lex.get(tok.text) or lex.get(lemmatize(tok.text, kind=tok.kind))
            if e is not None and (e.polarity or e.subjectivity):
                ps.append(e.polarity)
                ss.append(e.subjectivity)
        return (sum(ps) / len(ps), sum(ss) / len(ss)) if ps else (0.0, 0.0)

    return score


POLARITY_LABELS = ["positive", "negative", "neutral"]


def _polarity_task(items: list[Item], scorer: Scorer) -> dict[str, float]:
    pred = [polarity_label(scorer(it.text)[0]) for it in items]
    return {"f1": _macro_f1([it.label for it in items], pred, POLARITY_LABELS), "n": float(len(items))}


def _posneg_task(items: list[Item], scorer: Scorer) -> dict[str, float]:
    polar = [it for it in items if it.label != "neutral"]
    pred = []
    for it in polar:
        p = scorer(it.text)[0]
        pred.append("positive" if p > 0 else "negative" if p < 0 else "zero")
    return {"f1": _macro_f1([it.label for it in polar], pred, ["positive", "negative"]), "n": float(len(polar))}


def _subjectivity_task(items: list[Item], scorer: Scorer) -> dict[str, float]:
    pred = ["SUBJ" if scorer(it.text)[1] >= SUBJECTIVITY_THRESHOLD else "OBJ" for it in items]
    return {"f1": _macro_f1([it.label for it in items], pred, ["OBJ", "SUBJ"]), "n": float(len(items))}


def _check_set(sets: str) -> None:
    if sets not in SETS:
        raise ValueError(f"sets must be one of {', '.join(SETS)}, got {sets!r}")


def evaluate(scorer: Scorer | None = None, data_dir: Path = SHARED_DATA_DIR, *, sets: SetName = "tuned",
             tweet_scorer: Scorer | None = None) -> dict[str, dict[str, float]]:
    """Macro-F1 of every task on the ``sets`` ("tuned" or "never-read"): ``{task: {"f1": f, "n": n}}``.

    ``scorer`` scores news text (default: our analyzer); ``tweet_scorer``
    scores SENTIPOLC tweets (default: our analyzer with the social-media
    layer; ``scorer`` when a scorer is given). Tasks whose gold file is
    missing are left out.
    """
    _check_set(sets)
    if scorer is None:
        scorer = ours()
        tweet_scorer = tweet_scorer or ours(social_media=True)
    tweet_scorer = tweet_scorer or scorer
    results: dict[str, dict[str, float]] = {}
    if sets == "blind-b":
        if NEWS_BLIND_B_PATH.is_file() and kind_train_sentences(data_dir):
            blind = [f for f in load_news_fresh(data_dir, NEWS_BLIND_B_PATH) if not f.ambiguous]
            results["news_polarity_blind_b"] = _polarity_task([Item(f.id, f.text, f.polarity) for f in blind], scorer)
            results["news_subjectivity_blind_b"] = _subjectivity_task(
                [Item(f.id, f.text, f.subjectivity) for f in blind], scorer)
        return results
    half = "A" if sets == "tuned" else "B"

    tweets = [t for t in load_sentipolc(data_dir) if half_of(t.id) == half]
    results["sentipolc_3class"] = _polarity_task(tweets, tweet_scorer)
    results["sentipolc_posneg"] = _posneg_task(tweets, tweet_scorer)
    if tweet_scorer is not scorer:
        results["sentipolc_3class_news_lexicon"] = _polarity_task(tweets, scorer)
        results["sentipolc_posneg_news_lexicon"] = _posneg_task(tweets, scorer)
    sents = [s for s in load_checkthat(data_dir) if half_of(s.id) == half]
    results["checkthat_subjectivity"] = _subjectivity_task(sents, scorer)

    news: list[Item] = []
    if GOLD_PATH.is_file():
        news += [it for it in load_news_gold(data_dir)[0] if half_of(it.id) == half]
    if sets == "never-read" and GOLD_HELDOUT_PATH.is_file():
        news += load_news_gold(data_dir, GOLD_HELDOUT_PATH)[0]
    if news:
        results["news_polarity_checkthat"] = _polarity_task(news, scorer)
    if sets == "tuned" and NEWS_DEV_PATH.is_file() and kind_train_sentences(data_dir):
        dev = [f for f in load_news_fresh(data_dir, NEWS_DEV_PATH) if not f.ambiguous]
        results["news_polarity_kind"] = _polarity_task([Item(f.id, f.text, f.polarity) for f in dev], scorer)
        results["news_subjectivity_kind"] = _subjectivity_task([Item(f.id, f.text, f.subjectivity) for f in dev], scorer)
    if sets == "never-read" and FRESH_PATH.is_file() and kind_train_sentences(data_dir):
        fresh = [f for f in load_news_fresh(data_dir) if not f.ambiguous]
        results["news_polarity_fresh"] = _polarity_task([Item(f.id, f.text, f.polarity) for f in fresh], scorer)
        results["news_subjectivity_fresh"] = _subjectivity_task([Item(f.id, f.text, f.subjectivity) for f in fresh],
                                                                scorer)
    return results


def evaluate_target_sets(data_dir: Path = SHARED_DATA_DIR, *, sets: SetName = "tuned") -> dict[str, dict[str, float]]:
    """Tone toward each actor on the development mentions ("tuned") or the fresh ones ("never-read")."""
    _check_set(sets)
    path = {"tuned": TARGETS_DEV_PATH, "never-read": TARGETS_FRESH_PATH, "blind-b": TARGETS_BLIND_B_PATH}[sets]
    if not path.is_file() or not kind_train_sentences(data_dir):
        return {}
    return evaluate_targets(load_targets(data_dir, path))


def record_first_contact(data_dir: Path = SHARED_DATA_DIR, path: Path = FIRST_CONTACT_PATH, *,
                         sets: SetName = "never-read") -> dict:
    """Score never-read sets for the first time and write the figures to ``path`` (refused if it exists).

    Run once, when the design is finished: the figures written are the
    honest estimate on new text, and stay in the file whatever changes later
    (``sets="blind-b"``, ``path=SECOND_CONTACT_PATH`` for the second blind set).
    """
    import datetime
    import subprocess

    if path.exists():
        raise FileExistsError(f"{path}: first contact already recorded; it is never overwritten")
    results = evaluate(data_dir=data_dir, sets=sets)
    results.update(evaluate_target_sets(data_dir, sets=sets))
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    record = {"date": datetime.date.today().isoformat(), "commit": commit,
              "note": "never-read sets scored for the first time, after the design was finished",
              "results": {k: {m: round(v, 4) for m, v in r.items()} for k, r in results.items()}}
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def read_first_contact(path: Path = FIRST_CONTACT_PATH) -> dict | None:
    """The recorded first-contact figures, or None before the never-read sets were scored."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _table(results: dict[str, dict[str, float]], *, first: dict[str, dict[str, float]] | None = None) -> list[str]:
    head = f"{'task':34} {'n':>6} {'macro-F1':>9} {'accuracy':>9}"
    lines = [head + (f" {'first contact F1 / acc.':>24}" if first else "")]
    for task, r in results.items():
        acc = f"{r['accuracy']:9.3f}" if "accuracy" in r else f"{'':>9}"
        line = f"{task:34} {int(r['n']):6d} {r['f1']:9.3f} {acc}"
        if first:
            f = first.get(task)
            line += (f" {f['f1']:14.3f}" + (f" / {f['accuracy']:.3f}" if "accuracy" in f else "")) if f else ""
        lines.append(line)
    return lines


def report(data_dir: Path = SHARED_DATA_DIR) -> str:
    """Text report: tuned sets, never-read sets (only once their first contact is recorded), the naive baseline."""
    if not (data_dir / "sentipolc16").is_dir():
        return f"{data_dir}: shared data absent; sentiment not measured."
    lines = ["Italian sentiment (analysis.textblob_it), macro-F1.", "",
             "Tuned sets (read while the lexicon and rules were written; optimistic):"]
    lines += _table({**evaluate(data_dir=data_dir), **evaluate_target_sets(data_dir)})
    for sets, path, what in (("never-read", FIRST_CONTACT_PATH, "Never-read sets"),
                             ("blind-b", SECOND_CONTACT_PATH, "Second blind set")):
        first = read_first_contact(path)
        if first is None:
            lines += ["", f"{what}: not scored yet (frozen until the design is finished)."]
            continue
        lines += ["", f"{what}, first contact recorded {first.get('date', '?')} (now, then at first contact):"]
        now = {**evaluate(data_dir=data_dir, sets=sets), **evaluate_target_sets(data_dir, sets=sets)}
        lines += _table(now, first=first["results"])
    lines += ["", "target_tone_parse: tone toward each actor from the words the parse attaches to it; "
                  "target_tone_sentence: the tone of its sentence (co-occurrence)."]
    lines += ["", "Baseline on the tuned sets: naive mean of Pattern's lexicon (lemma fallback, no rules)."]
    lines += _table(evaluate(naive_pattern(), data_dir=data_dir))
    return "\n".join(lines)
