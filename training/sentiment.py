"""Train the Italian sentiment model (``analysis.textblob_it.model``) from ../shared/data and our labels.

    python training/sentiment.py cv [--config NAME ...]   # development: cross-validation on the training parts
    python training/sentiment.py build [--out DIR]        # train on every training part, write the model

What it learns from (never from a part held back for measuring):

* SENTIPOLC 2016 tweets, half A (:func:`analysis.evaluation.sentiment.half_of`):
  polarity (mixed tweets left out) and subjectivity (its ``subj`` flag), tweet domain;
* CheckThat! subjectivity sentences, half A: subjectivity, news domain; our
  polarity labels of its half A sentences (``news_polarity_labels.tsv``);
* our news sentences, ``train`` part (``news_sentences.tsv``), and the KIND
  sentences labelled and read before (``news_fresh.tsv``, ``news_dev_kind.tsv``):
  polarity and subjectivity, news domain; ambiguous sentences left out.

Held back and never fitted: SENTIPOLC and CheckThat! halves B, the frozen
``test`` part of the news sentences, the second blind KIND set
(``news_blind_b.tsv``) and the CheckThat! polarity labels of half B and of
the held-out file. Cross-validation (``cv``) folds keep the sentences of one
DICE article together. Polarity is the most likely class; the subjectivity
threshold of each domain is chosen on the out-of-fold predictions (news:
our news sentences and CheckThat! together), and ``build`` stores it with
the model.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402

from analysis.evaluation import sentiment as ev  # noqa: E402
from analysis.paths import SHARED_DATA_DIR  # noqa: E402
from analysis.sentiment import SentimentScorer  # noqa: E402
from analysis.textblob_it.analyzer import Analysis  # noqa: E402
from analysis.textblob_it.features import NgramBlock, char_terms, word_terms  # noqa: E402
from analysis.textblob_it.model import (  # noqa: E402
    MODEL_PATH,
    LinearHead,
    ModelSettings,
    SentimentModel,
    feature_matrix,
    polarity_class,
)
from analysis.tokenization import Token, tokenize  # noqa: E402

POLARITY_CLASSES = ("negative", "neutral", "positive")
FOLDS = 5


@dataclass
class Example:
    """One training text with whichever labels it has (None: not labelled for that head)."""

    id: str
    text: str
    domain: str
    group: str
    source: str
    polarity: str | None
    subjectivity: str | None
    tokens: list[Token] = field(default_factory=list, repr=False)
    analysis: Analysis | None = field(default=None, repr=False)

    @property
    def fold(self) -> int:
        return int(hashlib.sha1(f"fold:{self.group}".encode()).hexdigest()[:8], 16) % FOLDS


@dataclass(frozen=True)
class Config:
    """Everything a training run chooses."""

    name: str = "base"
    C_polarity: float = 2.0
    C_subjectivity: float = 1.0
    lexicon_scale: float = 1.0
    news_weight: float = 3.0          # a news sentence weighs this many tweets
    word_min_df: int = 2
    char_min_df: int = 3
    max_word_features: int | None = 60_000
    max_char_features: int | None = 120_000
    class_weight: str | None = "balanced"
    use_chars: bool = True
    use_tweets: bool = True
    use_checkthat: bool = True


CONFIGS = {c.name: c for c in [
    Config(),
    Config(name="no-chars", use_chars=False),
    Config(name="news-only", use_tweets=False, use_checkthat=False),
    Config(name="no-tweets", use_tweets=False),
    Config(name="lex0", lexicon_scale=0.0),
    Config(name="lex2", lexicon_scale=2.0),
    Config(name="lex4", lexicon_scale=4.0),
    Config(name="news1", news_weight=1.0),
    Config(name="news6", news_weight=6.0),
    Config(name="C0.5", C_polarity=0.5, C_subjectivity=0.5),
    Config(name="C5", C_polarity=5.0, C_subjectivity=2.0),
    Config(name="small", max_word_features=20_000, max_char_features=40_000),
]}


# --- the data ------------------------------------------------------------------------------------------------

def training_examples(data_dir: Path = SHARED_DATA_DIR) -> list[Example]:
    """Every training text, with its labels (see the module docstring)."""
    out: list[Example] = []
    polarity = {it.id: it.label for it in ev.load_sentipolc(data_dir) if ev.half_of(it.id) == "A"}
    for it in ev.load_sentipolc_subjectivity(data_dir):
        if ev.half_of(it.id) == "A":
            out.append(Example(f"sentipolc-{it.id}", it.text, "tweets", f"sentipolc-{it.id}", "sentipolc",
                               polarity.get(it.id), it.label))
    checkthat_polarity = {it.id: it.label for it in ev.load_news_gold(data_dir)[0] if ev.half_of(it.id) == "A"}
    for it in ev.load_checkthat(data_dir):
        if ev.half_of(it.id) == "A":
            out.append(Example(f"checkthat-{it.id}", it.text, "news", f"checkthat-{it.id}", "checkthat",
                               checkthat_polarity.get(it.id), it.label))
    for s in ev.load_news_sentences(data_dir, split="train"):
        if not s.ambiguous:
            out.append(Example(s.id, s.text, "news", s.group, f"news-{s.source}", s.polarity, s.subjectivity))
    for path in (ev.FRESH_PATH, ev.NEWS_DEV_PATH):
        for f in ev.load_news_fresh(data_dir, path):
            if not f.ambiguous:
                out.append(Example(f.id, f.text, "news", f.id, "news-kind-earlier", f.polarity, f.subjectivity))
    seen: set[str] = set()
    unique = []
    for e in out:  # a sentence labelled twice keeps its first labels
        if e.id not in seen:
            seen.add(e.id)
            unique.append(e)
    return unique


def analyse(examples: list[Example]) -> None:
    """Tokens and the lexicon's analysis of every example (tweets with the social-media layer), in place."""
    scorers = {"news": SentimentScorer(analyzer="lexicon"), "tweets": SentimentScorer(analyzer="lexicon", social_media=True)}
    for domain, scorer in scorers.items():
        chosen = [e for e in examples if e.domain == domain]
        tokens = [tokenize(e.text) for e in chosen]
        for e, toks, a in zip(chosen, tokens, scorer.analyze_many([e.text for e in chosen], tokens)):
            e.tokens, e.analysis = toks, a


# --- fitting ----------------------------------------------------------------------------------------------

def _kept(examples: list[Example], config: Config) -> list[Example]:
    return [e for e in examples if (config.use_tweets or e.domain != "tweets")
            and (config.use_checkthat or e.source != "checkthat")]


def fit(examples: list[Example], config: Config, *, thresholds: ModelSettings | None = None) -> SentimentModel:
    """A model trained on ``examples`` with ``config`` (thresholds: ``thresholds``' or 0.5 / 0.5)."""
    examples = _kept(examples, config)
    words = NgramBlock.fit((word_terms(e.tokens) for e in examples), min_df=config.word_min_df,
                           max_features=config.max_word_features)
    chars = (NgramBlock.fit((char_terms(e.tokens) for e in examples), min_df=config.char_min_df,
                            max_features=config.max_char_features)
             if config.use_chars else NgramBlock({}, np.zeros(0)))
    X = feature_matrix(words, chars, config.lexicon_scale, [(e.tokens, e.analysis, e.domain) for e in examples])
    heads = {}
    for head, classes, C in (("polarity", POLARITY_CLASSES, config.C_polarity),
                             ("subjectivity", ("OBJ", "SUBJ"), config.C_subjectivity)):
        rows = [k for k, e in enumerate(examples) if getattr(e, head) is not None]
        y = np.array([getattr(examples[k], head) for k in rows])
        w = np.array([config.news_weight if examples[k].domain == "news" else 1.0 for k in rows])
        clf = LogisticRegression(C=C, class_weight=config.class_weight, max_iter=3000)
        clf.fit(X[rows], y, sample_weight=w)
        if tuple(clf.classes_) != classes:
            raise ValueError(f"{head}: classes {tuple(clf.classes_)}, expected {classes}")
        heads[head] = LinearHead(classes, clf.coef_.astype(np.float64), clf.intercept_.astype(np.float64))
    settings = replace(thresholds or ModelSettings(), lexicon_scale=config.lexicon_scale)
    return SentimentModel(words, chars, heads["polarity"], heads["subjectivity"], settings)


def _macro(gold: list[str], pred: list[str], labels) -> float:
    return float(f1_score(gold, pred, labels=list(labels), average="macro", zero_division=0))


def best_subjectivity_threshold(gold: list[str], p: np.ndarray) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.2, 0.8, 0.01):
        f = _macro(gold, ["SUBJ" if x >= t else "OBJ" for x in p], ("OBJ", "SUBJ"))
        if f > best[1] + 1e-9:
            best = (round(float(t), 2), f)
    return best


def out_of_fold(examples: list[Example], config: Config) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities of every example: ``polarity`` (n × 3) and ``subjective`` (n)."""
    pol = np.zeros((len(examples), 3))
    subj = np.zeros(len(examples))
    for fold in range(FOLDS):
        train = [e for e in examples if e.fold != fold]
        test = [k for k, e in enumerate(examples) if e.fold == fold]
        model = fit(train, config)
        X = model.matrix([(examples[k].tokens, examples[k].analysis, examples[k].domain) for k in test])
        pol[test] = model.polarity.probabilities(X)
        subj[test] = model.subjectivity.probabilities(X)[:, 1]
        print(f"  fold {fold + 1}/{FOLDS} done", file=sys.stderr, flush=True)
    return {"polarity": pol, "subjective": subj}


def figures_of(examples: list[Example], oof: dict[str, np.ndarray]) -> dict[str, float]:
    """Cross-validated figures from out-of-fold probabilities, beside the lexicon's on the same texts."""
    out: dict[str, float] = {}
    groups = {
        "news (ours)": lambda e: e.source.startswith("news"),
        "news (ours, DICE)": lambda e: e.source == "news-dice",
        "checkthat": lambda e: e.source == "checkthat",
        "tweets": lambda e: e.domain == "tweets",
    }
    for name, keep in groups.items():
        rows = [k for k, e in enumerate(examples) if keep(e) and examples[k].polarity is not None]
        if rows and name != "checkthat":
            gold = [examples[k].polarity for k in rows]
            pred = [polarity_class(*oof["polarity"][k]) for k in rows]
            lex = [ev.polarity_label(examples[k].analysis.polarity) for k in rows]
            out[f"{name} polarity"] = _macro(gold, pred, POLARITY_CLASSES)
            out[f"{name} polarity lexicon"] = _macro(gold, lex, POLARITY_CLASSES)
            if name == "tweets":
                polar = [k for k in rows if examples[k].polarity != "neutral"]
                pg = [examples[k].polarity for k in polar]
                pp = ["positive" if oof["polarity"][k, 2] > oof["polarity"][k, 0] else "negative" for k in polar]
                lp = ["positive" if examples[k].analysis.polarity > 0 else "negative"
                      if examples[k].analysis.polarity < 0 else "zero" for k in polar]
                out["tweets posneg"] = _macro(pg, pp, ("positive", "negative"))
                out["tweets posneg lexicon"] = _macro(pg, lp, ("positive", "negative"))
        rows = [k for k, e in enumerate(examples) if keep(e) and examples[k].subjectivity is not None]
        if rows:
            gold = [examples[k].subjectivity for k in rows]
            p = oof["subjective"][rows]
            out[f"{name} subjectivity 0.5"] = _macro(gold, ["SUBJ" if x >= 0.5 else "OBJ" for x in p], ("OBJ", "SUBJ"))
            t, f = best_subjectivity_threshold(gold, p)
            out[f"{name} subjectivity best-threshold"] = f
            out[f"{name} subjectivity threshold"] = t
            lex = ["SUBJ" if examples[k].analysis.subjectivity >= 0.5 else "OBJ" for k in rows]
            out[f"{name} subjectivity lexicon"] = _macro(gold, lex, ("OBJ", "SUBJ"))
    return out


def cv_report(examples: list[Example], config: Config) -> dict[str, float]:
    """Cross-validated figures of ``config`` (out-of-fold), beside the lexicon's on the same texts."""
    return thresholds_from_cv(examples, config)[1]


def thresholds_from_cv(examples: list[Example], config: Config) -> tuple[ModelSettings, dict[str, float]]:
    """Subjectivity thresholds per domain chosen on out-of-fold predictions, and the cross-validated figures."""
    oof = out_of_fold(examples, config)
    figures = figures_of(examples, oof)
    chosen = {}
    for domain in ("news", "tweets"):
        rows = [k for k, e in enumerate(examples) if e.domain == domain and e.subjectivity is not None
                and (config.use_tweets or domain == "news")]
        if rows:
            t, f = best_subjectivity_threshold([examples[k].subjectivity for k in rows], oof["subjective"][rows])
            chosen[domain] = t
            figures[f"{domain} subjectivity threshold (chosen)"] = t
    settings = ModelSettings(lexicon_scale=config.lexicon_scale,
                             subjectivity_threshold={"news": chosen.get("news", 0.5), "tweets": chosen.get("tweets", 0.5)})
    return settings, figures


# --- commands -----------------------------------------------------------------------------------------------

def _load(data_dir: Path) -> list[Example]:
    if not (data_dir / "sentipolc16").is_dir():
        raise SystemExit(f"{data_dir}: shared data absent; nothing to train on")
    t0 = time.time()
    examples = training_examples(data_dir)
    analyse(examples)
    counts: dict[str, int] = {}
    for e in examples:
        counts[e.source] = counts.get(e.source, 0) + 1
    print(f"{len(examples)} training texts ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
          f"analysed in {time.time() - t0:.0f} s", file=sys.stderr)
    return examples


def cmd_cv(args: argparse.Namespace) -> None:
    examples = _load(args.data)
    names = args.config or ["base"]
    results = {}
    for name in names:
        t0 = time.time()
        results[name] = cv_report(examples, CONFIGS[name])
        print(f"{name}: {time.time() - t0:.0f} s", file=sys.stderr)
    keys = list(next(iter(results.values())))
    print(f"{'figure':48}" + "".join(f"{n:>12}" for n in names))
    for k in keys:
        print(f"{k:48}" + "".join(f"{results[n].get(k, float('nan')):12.3f}" for n in names))


def cmd_build(args: argparse.Namespace) -> None:
    examples = _load(args.data)
    config = CONFIGS[args.config]
    settings, figures = thresholds_from_cv(examples, config)
    model = fit(examples, config, thresholds=settings)
    kept = _kept(examples, config)
    counts: dict[str, dict[str, int]] = {}
    for e in kept:
        c = counts.setdefault(e.source, {"texts": 0, "polarity": 0, "subjectivity": 0})
        c["texts"] += 1
        c["polarity"] += e.polarity is not None
        c["subjectivity"] += e.subjectivity is not None
    meta = {
        "name": "analysis-sentiment-it",
        "description": "Italian polarity (negative / neutral / positive) and subjectivity (OBJ / SUBJ): two "
                       "logistic regressions over word 1-2-grams, character 2-5-grams inside words, the lexicon "
                       "analyzer's scores and a news / tweets domain feature.",
        "license": "CC BY-NC-SA 4.0",
        "license_note": "A derived work of SENTIPOLC 2016 (CC BY-NC-SA 3.0 IT), CLEF CheckThat! subjectivity "
                        "(CC BY-NC-SA 4.0), DICE news text (CC BY-NC-SA 4.0), KIND Wikinews text (CC BY 2.5) and "
                        "UD PUD / VIT text, with labels of our own.",
        "training_data": counts,
        "config": {k: v for k, v in config.__dict__.items()},
        "features": {"words": len(model.words), "chars": len(model.chars), "total": model.n_features},
        "cross_validation": {k: round(v, 4) for k, v in figures.items()},
        "built": time.strftime("%Y-%m-%d"),
    }
    model.save(args.out, meta=meta)
    size = sum(p.stat().st_size for p in Path(args.out).iterdir() if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB, {model.n_features} features); settings "
          f"{json.dumps(model.meta['settings'])}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA_DIR)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("cv", help="cross-validate configurations on the training parts")
    p.add_argument("--config", action="append", choices=sorted(CONFIGS))
    p.set_defaults(func=cmd_cv)
    p = sub.add_parser("build", help="train on every training part and write the model")
    p.add_argument("--config", default="base", choices=sorted(CONFIGS))
    p.add_argument("--out", type=Path, default=MODEL_PATH)
    p.set_defaults(func=cmd_build)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
