"""Measuring Italian sentiment (``analysis.textblob_it``) on labelled data.

Two analyzers are measured: the lexicon (written by hand: the labelled sets
only measure it) and the trained model (``training/sentiment.py``), which
learnt from SENTIPOLC half A, CheckThat! half A and our news labels. The
trained model is measured only on parts held back from its training
(:func:`evaluate_frozen`): the frozen ``test`` part of our news sentences
(``news_sentences.tsv``, never read: scored as a whole, never printed
sentence by sentence), SENTIPOLC and CheckThat! halves B, the second blind
KIND set and the CheckThat! polarity labels held back; with tone toward
actors on whole articles (``actor_tone_articles.tsv``: the parse, the trained
model on the actor's clause, their combination) and the agreement of two
annotators (:func:`agreement`). Their first scoring is recorded in
:data:`TRAINED_FIRST_CONTACT_PATH`, later scorings in :data:`TRAINED_AFTER_PATH`.

For the lexicon alone every figure is a macro-F1 on sets of its own design:

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
    "read_first_contact", "load_sentipolc_subjectivity", "NewsSentence", "load_news_sentences", "read_news_labels",
    "NEWS_SENTENCES_PATH", "NEWS_SECOND_PATH", "ACTOR_ARTICLES_PATH", "TRAINED_FIRST_CONTACT_PATH",
    "TRAINED_AFTER_PATH", "ACTOR_DEV_PATH", "load_actor_dev", "load_actor_articles", "actor_scored_set", "actor_tone_predictions", "evaluate_actor_methods",
    "AnalyzerScorer", "agreement", "evaluate_frozen", "record_trained_first_contact",
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
#: News sentences labelled by us (national and local news): ``train`` trains and develops the trained analyzer,
#: ``test`` is frozen and never read (scored as a whole only).
NEWS_SENTENCES_PATH: Path = GOLD / "news_sentences.tsv"
#: The second annotator's labels of 300 of those sentences (agreement).
NEWS_SECOND_PATH: Path = GOLD / "news_sentences_second.tsv"
#: Tone toward every actor mention of whole held-out DICE articles (offsets into the article), labelled blind.
ACTOR_ARTICLES_PATH: Path = GOLD / "actor_tone_articles.tsv"
#: Development set (read): tone toward actor mentions in DICE sentences of the news-sentence train part.
ACTOR_DEV_PATH: Path = GOLD / "actor_tone_dev_dice.tsv"
#: First contact of the trained analyzer, the lexicon and the default on the frozen never-read parts (issue 19).
TRAINED_FIRST_CONTACT_PATH: Path = GOLD / "sentiment_trained_first_contact.json"
#: Figures of the same parts after a later change (beside the first contact, never instead).
TRAINED_AFTER_PATH: Path = GOLD / "sentiment_trained_after.json"
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


def _sentipolc_rows(data_dir: Path) -> list[dict[str, str]]:
    path = data_dir / "sentipolc16" / "sentipolc16_officialdistrib_train.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_sentipolc(data_dir: Path = SHARED_DATA_DIR) -> list[Item]:
    """SENTIPOLC 2016 training tweets as positive / negative / neutral (mixed left out)."""
    items = []
    for row in _sentipolc_rows(data_dir):
        pos, neg = row["opos"].strip(), row["oneg"].strip()
        label = {("1", "0"): "positive", ("0", "1"): "negative", ("0", "0"): "neutral"}.get((pos, neg))
        if label is not None:
            items.append(Item(row["idtwitter"], row["text"], label))
    return items


def load_sentipolc_subjectivity(data_dir: Path = SHARED_DATA_DIR) -> list[Item]:
    """SENTIPOLC 2016 training tweets as SUBJ / OBJ (its ``subj`` flag; every tweet, mixed ones too)."""
    return [Item(row["idtwitter"], row["text"], "SUBJ" if row["subj"].strip() == "1" else "OBJ")
            for row in _sentipolc_rows(data_dir)]


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
    clear: list[Item] = []
    ambiguous: list[Item] = []
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
class NewsSentence:
    """One labelled sentence of ``news_sentences.tsv``, with its text from ``../shared/data``."""

    id: str
    text: str
    split: str
    polarity: str
    subjectivity: str
    evaluative: bool
    fact: str
    ambiguous: bool
    source: str

    @property
    def group(self) -> str:
        """What keeps sentences of one article together in cross-validation: the DICE article, else the id."""
        return self.id.split(":", 1)[0]


def read_news_labels(path: Path = NEWS_SENTENCES_PATH) -> list[dict[str, str]]:
    """The rows of a news-sentence label file (ids and labels only), checked."""
    rows = _gold_rows(path)
    for row in rows:
        if row["polarity"] not in ("positive", "negative", "neutral") or row["subjectivity"] not in ("SUBJ", "OBJ"):
            raise ValueError(f"{path.name}: {row['sentence_id']}: bad labels {row['polarity']!r}, {row['subjectivity']!r}")
        if row["split"] not in ("train", "test"):
            raise ValueError(f"{path.name}: {row['sentence_id']}: split must be train or test, got {row['split']!r}")
    return rows


def load_news_sentences(data_dir: Path = SHARED_DATA_DIR, *, split: str, path: Path = NEWS_SENTENCES_PATH
                        ) -> list[NewsSentence]:
    """The labelled news sentences of one ``split`` ("train" or "test") joined to their text.

    The ``test`` part is frozen and never read: load it only to score it as a
    whole (:func:`evaluate_news`), never to look at its sentences or errors.
    Empty when the shared data is absent.
    """
    from .samples import news_sentence_sample

    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    sample = {s.id: s for s in news_sentence_sample(data_dir)}
    if not sample:
        return []
    out = []
    for row in read_news_labels(path):
        if row["split"] != split:
            continue
        s = sample.get(row["sentence_id"])
        if s is None:
            raise ValueError(f"{path.name}: {row['sentence_id']} is not in the news-sentence sample")
        if s.split != row["split"]:
            raise ValueError(f"{path.name}: {row['sentence_id']} is {row['split']} here but {s.split} in the sample")
        out.append(NewsSentence(s.id, s.text, s.split, row["polarity"], row["subjectivity"],
                                row["evaluative"].strip() == "1", row["fact"], row["ambiguous"].strip() == "1",
                                s.source))
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


def _score_labels(gold: list[str], pred: list[str]) -> dict[str, float]:
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return {"f1": _macro_f1(gold, pred, POLARITY_LABELS), "accuracy": acc, "n": float(len(gold))}


def actor_tone_predictions(items: list[TargetItem], *, model_path: Path | None = None) -> dict[str, list[str]]:
    """Every way of reading the tone toward each mention of ``items`` (unambiguous or not), by name.

    * ``parse``: the words the parse attaches to it (:func:`analysis.sentiment.targets.tone_toward`);
    * ``clause``: the trained model on the mention's clause (:func:`analysis.sentiment.targets.clause_text`);
    * ``combined``: :func:`analysis.sentiment.actors.combined_tone` of the two and the mention's role;
    * ``sentence``: the lexicon's tone of the whole sentence (co-occurrence);
    * ``sentence_trained``: the trained model's tone of the whole sentence.
    """
    from ..sentiment import SentimentScorer
    from ..sentiment.actors import combined_tone
    from ..sentiment.targets import clause_text, mention_role, tone_toward
    from ..syntax import load_nlp

    nlp = load_nlp()
    texts = sorted({it.text for it in items})
    docs = dict(zip(texts, nlp.pipe(texts)))
    lexicon = SentimentScorer(analyzer="lexicon")
    trained = SentimentScorer(analyzer="trained", model_path=model_path)
    out: dict[str, list[str]] = {k: [] for k in ("parse", "clause", "combined", "sentence", "sentence_trained")}
    spans = []
    for it in items:
        doc = docs[it.text]
        toks = [t.i for t in doc if t.idx < it.end and t.idx + len(t.text) > it.start and not t.is_space]
        spans.append((doc, toks[0], toks[-1] + 1))
    clauses = trained.score_many([clause_text(doc, a, b) for doc, a, b in spans])
    sent_lex = lexicon.score_many([it.text for it in items])
    sent_trained = trained.score_many([it.text for it in items])
    for (doc, a, b), clause, sl, st in zip(spans, clauses, sent_lex, sent_trained):
        parse = tone_toward(doc, a, b).label
        clause_label = polarity_label(clause.polarity)
        out["parse"].append(parse)
        out["clause"].append(clause_label)
        out["combined"].append(combined_tone(parse, clause_label, mention_role(doc, a, b)))
        out["sentence"].append(polarity_label(sl.polarity))
        out["sentence_trained"].append(polarity_label(st.polarity))
    return out


def evaluate_actor_methods(items: list[TargetItem], *, model_path: Path | None = None) -> dict[str, dict[str, float]]:
    """Accuracy and macro-F1 of every :func:`actor_tone_predictions` method on the unambiguous mentions."""
    items = [it for it in items if not it.ambiguous]
    preds = actor_tone_predictions(items, model_path=model_path)
    gold = [it.tone for it in items]
    return {f"actor_tone_{name}": _score_labels(gold, pred) for name, pred in preds.items()}


def load_actor_articles(data_dir: Path = SHARED_DATA_DIR, path: Path = ACTOR_ARTICLES_PATH) -> list[TargetItem]:
    """The actor mentions of whole articles, each within its sentence (``sentence_id`` is the mention id,
    ``start``/``end`` offsets into the sentence); empty when the data or the gold file is absent."""
    from ..segmentation import split_sentences
    from .samples import _heldout_articles, actor_article_sample, mention_id

    if not path.is_file() or not (data_dir / "dice-news").is_dir():
        return []
    articles = _heldout_articles(data_dir)
    allowed = set(actor_article_sample(data_dir))
    spans: dict[str, list] = {}
    out = []
    for row in _gold_rows(path):
        aid, a, b = row["article_id"], int(row["start"]), int(row["end"])
        if aid not in allowed:
            raise ValueError(f"{path.name}: article {aid} is not in the actor article sample")
        text = articles[aid]
        if not 0 <= a < b <= len(text):
            raise ValueError(f"{path.name}: {aid}: offsets {a}-{b} outside the article")
        if row["tone"] not in ("positive", "negative", "neutral"):
            raise ValueError(f"{path.name}: {aid}:{a}-{b}: tone must be positive, negative or neutral, got {row['tone']!r}")
        if row["kind"] not in ("person", "group", "organization"):
            raise ValueError(f"{path.name}: {aid}:{a}-{b}: kind must be person, group or organization, got {row['kind']!r}")
        if aid not in spans:
            spans[aid] = split_sentences(text)
        sent = next((s for s in spans[aid] if s.start <= a and b <= s.end), None)
        if sent is None:  # a mention across a sentence boundary: its first sentence
            sent = next(s for s in spans[aid] if s.start <= a < s.end)
        piece = text[sent.start:sent.end]
        out.append(TargetItem(mention_id(aid, a, b), piece, a - sent.start, min(b, sent.end) - sent.start,
                              row["tone"], row["ambiguous"].strip() == "1"))
    return out


def load_actor_dev(data_dir: Path = SHARED_DATA_DIR, path: Path = ACTOR_DEV_PATH) -> list[TargetItem]:
    """The development mentions of DICE train-part sentences (offsets into the sentence); empty without the data."""
    texts = {s.id: s.text for s in load_news_sentences(data_dir, split="train")}
    out = []
    for row in _gold_rows(path) if texts else []:
        sid, a, b = row["sentence_id"], int(row["start"]), int(row["end"])
        if sid not in texts:
            raise ValueError(f"{path.name}: {sid} is not a train sentence of {NEWS_SENTENCES_PATH.name}")
        if not 0 <= a < b <= len(texts[sid]):
            raise ValueError(f"{path.name}: {sid}: offsets {a}-{b} outside the sentence")
        out.append(TargetItem(sid, texts[sid], a, b, row["tone"], row["ambiguous"].strip() == "1"))
    return out


def actor_scored_set(items: list[TargetItem]) -> list[TargetItem]:
    """The scored mentions of :func:`load_actor_articles`: every unambiguous non-neutral mention and as many
    neutral ones in SHA-1 order (:func:`analysis.evaluation.samples.scored_actor_mentions`)."""
    from .samples import scored_actor_mentions

    clear = [it for it in items if not it.ambiguous]
    keep = set(scored_actor_mentions([(it.sentence_id, it.tone) for it in clear]))
    return [it for it in clear if it.sentence_id in keep]


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


class AnalyzerScorer:
    """A scorer from a :class:`~analysis.sentiment.SentimentScorer` analyzer ("lexicon", "trained" or
    "default"), news or tweets; ``many`` scores a list of texts in one batch (the trained model's way)."""

    def __init__(self, analyzer: str = "default", *, social_media: bool = False) -> None:
        from ..sentiment import SentimentScorer

        self.scorer = SentimentScorer(analyzer=analyzer, social_media=social_media)

    def __call__(self, text: str) -> tuple[float, float]:
        r = self.scorer.score(text)
        return r.polarity, r.subjectivity

    def many(self, texts: list[str]) -> list[tuple[float, float]]:
        return [(r.polarity, r.subjectivity) for r in self.scorer.score_many(texts)]


def _scores(scorer: Scorer, items: list[Item]) -> list[tuple[float, float]]:
    """Every item scored, in one batch when the scorer can."""
    texts = [it.text for it in items]
    many = getattr(scorer, "many", None)
    return many(texts) if many is not None else [scorer(t) for t in texts]


def _polarity_task(items: list[Item], scorer: Scorer) -> dict[str, float]:
    pred = [polarity_label(p) for p, _ in _scores(scorer, items)]
    return {"f1": _macro_f1([it.label for it in items], pred, POLARITY_LABELS), "n": float(len(items))}


def _posneg_task(items: list[Item], scorer: Scorer) -> dict[str, float]:
    polar = [it for it in items if it.label != "neutral"]
    pred = ["positive" if p > 0 else "negative" if p < 0 else "zero" for p, _ in _scores(scorer, polar)]
    return {"f1": _macro_f1([it.label for it in polar], pred, ["positive", "negative"]), "n": float(len(polar))}


def _subjectivity_task(items: list[Item], scorer: Scorer) -> dict[str, float]:
    pred = ["SUBJ" if s >= SUBJECTIVITY_THRESHOLD else "OBJ" for _, s in _scores(scorer, items)]
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


AGREEMENT_LABELS = ("polarity", "subjectivity", "evaluative", "fact", "ambiguous")


def agreement(first: Path = NEWS_SENTENCES_PATH, second: Path = NEWS_SECOND_PATH) -> dict[str, dict[str, float]]:
    """Cohen's κ and raw agreement per label between two annotators on the sentences both labelled.

    Every label of :data:`AGREEMENT_LABELS`, on every shared sentence
    (ambiguous ones included: ambiguity is one of the labels); empty when the
    second file is absent. Ids and labels only: no text is read.
    """
    from sklearn.metrics import cohen_kappa_score

    if not (first.is_file() and second.is_file()):
        return {}
    a = {r["sentence_id"]: r for r in read_news_labels(first)}
    b = {r["sentence_id"]: r for r in read_news_labels(second)}
    shared = [i for i in b if i in a]
    out = {}
    for label in AGREEMENT_LABELS:
        x = [a[i][label].strip() for i in shared]
        y = [b[i][label].strip() for i in shared]
        kappa = float(cohen_kappa_score(x, y)) if len(set(x) | set(y)) > 1 else 1.0
        out[label] = {"kappa": kappa, "agreement": sum(p == q for p, q in zip(x, y)) / len(shared) if shared else 0.0,
                      "n": float(len(shared))}
    return out


def _news_items(sentences: list[NewsSentence], label: str) -> list[Item]:
    return [Item(s.id, s.text, getattr(s, label)) for s in sentences if not s.ambiguous]


def evaluate_frozen(analyzer: str, data_dir: Path = SHARED_DATA_DIR, *, news_split: str = "test"
                    ) -> dict[str, dict[str, float]]:
    """Macro-F1 of one analyzer ("lexicon", "trained" or "default") on the parts held back from training.

    News: the frozen ``test`` part of our news sentences (all, local DICE
    news, national KIND and UD news), polarity and subjectivity; the second
    blind KIND set and the CheckThat! sentences of our polarity labels held
    back (half B and the held-out file). Tweets: SENTIPOLC half B (with the
    social-media setting: lexicon layer and tweet domain), 3 classes and
    positive vs negative. Subjectivity: CheckThat! half B. Sentences and
    errors are never printed: only these aggregates. (``news_split="train"``
    runs the same code on the training part, to try it without touching the test.)
    """
    news = AnalyzerScorer(analyzer)
    tweets = AnalyzerScorer(analyzer, social_media=True)
    results: dict[str, dict[str, float]] = {}
    test = load_news_sentences(data_dir, split=news_split)
    if test:
        results["news_polarity"] = _polarity_task(_news_items(test, "polarity"), news)
        results["news_subjectivity"] = _subjectivity_task(_news_items(test, "subjectivity"), news)
        local = [s for s in test if s.source == "dice"]
        national = [s for s in test if s.source != "dice"]
        results["news_polarity_local"] = _polarity_task(_news_items(local, "polarity"), news)
        results["news_polarity_national"] = _polarity_task(_news_items(national, "polarity"), news)
    if NEWS_BLIND_B_PATH.is_file() and kind_train_sentences(data_dir):
        blind = [f for f in load_news_fresh(data_dir, NEWS_BLIND_B_PATH) if not f.ambiguous]
        results["news_polarity_blind_b"] = _polarity_task([Item(f.id, f.text, f.polarity) for f in blind], news)
        results["news_subjectivity_blind_b"] = _subjectivity_task(
            [Item(f.id, f.text, f.subjectivity) for f in blind], news)
    held: list[Item] = []
    if GOLD_PATH.is_file():
        held += [it for it in load_news_gold(data_dir)[0] if half_of(it.id) == "B"]
    if GOLD_HELDOUT_PATH.is_file():
        held += load_news_gold(data_dir, GOLD_HELDOUT_PATH)[0]
    if held:
        results["news_polarity_checkthat"] = _polarity_task(held, news)
    half_b = [t for t in load_sentipolc(data_dir) if half_of(t.id) == "B"]
    results["sentipolc_3class"] = _polarity_task(half_b, tweets)
    results["sentipolc_posneg"] = _posneg_task(half_b, tweets)
    results["checkthat_subjectivity"] = _subjectivity_task(
        [s for s in load_checkthat(data_dir) if half_of(s.id) == "B"], news)
    return results


def evaluate_actor_articles(data_dir: Path = SHARED_DATA_DIR, path: Path = ACTOR_ARTICLES_PATH
                            ) -> dict[str, dict[str, float]]:
    """Tone toward actors on whole articles (:func:`actor_scored_set`), every method; empty without the gold."""
    items = actor_scored_set(load_actor_articles(data_dir, path))
    return evaluate_actor_methods(items) if items else {}


def model_size(path: Path | None = None) -> int:
    """Bytes of the trained model's files (0 when it is absent)."""
    from ..textblob_it.model import MODEL_PATH

    path = path or MODEL_PATH
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file()) if path.is_dir() else 0


def _git_commit() -> str:
    import subprocess

    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _rounded(results: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    return {k: {m: round(v, 4) for m, v in r.items()} for k, r in results.items()}


def frozen_figures(data_dir: Path = SHARED_DATA_DIR) -> dict:
    """Every figure of issue 19 on the held-back parts: per analyzer, tone toward actors, agreement, model size."""
    from ..sentiment.scorer import DEFAULT_ANALYZER

    analyzers = {name: _rounded(evaluate_frozen(name, data_dir)) for name in ("lexicon", "trained")}
    return {"analyzers": analyzers, "default": DEFAULT_ANALYZER,
            "actor_tone": _rounded(evaluate_actor_articles(data_dir)), "agreement": _rounded(agreement()),
            "model_bytes": model_size()}


def record_trained_first_contact(data_dir: Path = SHARED_DATA_DIR, path: Path = TRAINED_FIRST_CONTACT_PATH) -> dict:
    """Score the held-back parts once, with the design finished, and write the figures (refused if written).

    ``better_on_news`` names the analyzer with the higher news polarity
    macro-F1 on the frozen test: the one to make the default.
    """
    import datetime

    if path.exists():
        raise FileExistsError(f"{path}: first contact already recorded; it is never overwritten")
    figures = frozen_figures(data_dir)
    a = figures["analyzers"]
    better = max(("lexicon", "trained"), key=lambda n: a[n].get("news_polarity", {}).get("f1", -1.0))
    record = {"date": datetime.date.today().isoformat(), "commit": _git_commit(),
              "note": "held-back parts scored for the first time, with the design finished: the frozen news test, "
                      "SENTIPOLC half B, CheckThat! half B, the second blind KIND set, CheckThat! polarity labels "
                      "half B and held-out file, tone toward actors on whole articles",
              "better_on_news": better, **figures}
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def record_after(note: str, data_dir: Path = SHARED_DATA_DIR, path: Path = TRAINED_AFTER_PATH) -> dict:
    """Figures of the same parts after a change, appended to ``path`` (a list, oldest first) with ``note``."""
    import datetime

    runs = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
    runs.append({"date": datetime.date.today().isoformat(), "commit": _git_commit(), "note": note,
                 **frozen_figures(data_dir)})
    path.write_text(json.dumps(runs, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return runs[-1]


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


#: Targets of issue 19 on the held-back parts (macro-F1; accuracy for actors).
TARGETS = {"news_polarity": 0.65, "sentipolc_3class": 0.60, "sentipolc_posneg": 0.75, "checkthat_subjectivity": 0.68,
           "news_subjectivity": 0.68}


def _frozen_table(now: dict, first: dict | None) -> list[str]:
    """Lexicon, trained and default side by side: now, and at first contact when recorded."""
    default = now["default"]
    head = f"{'task':28} {'n':>5} {'lexicon':>8} {'trained':>8} {'default':>8} {'target':>7}"
    if first:
        head += f" {'first contact: lexicon / trained':>34}"
    lines = [head]
    lex, tr = now["analyzers"]["lexicon"], now["analyzers"]["trained"]
    for task in lex:
        line = (f"{task:28} {int(lex[task]['n']):5d} {lex[task]['f1']:8.3f} {tr.get(task, {}).get('f1', float('nan')):8.3f} "
                f"{now['analyzers'][default][task]['f1']:8.3f} " + (f"{TARGETS[task]:7.2f}" if task in TARGETS else " " * 7))
        if first:
            f = first["analyzers"]
            if task in f["lexicon"]:
                line += f" {f['lexicon'][task]['f1']:>21.3f} / {f['trained'][task]['f1']:.3f}"
        lines.append(line)
    return lines


def trained_report(data_dir: Path = SHARED_DATA_DIR) -> list[str]:
    """The trained analyzer beside the lexicon on the parts held back from its training (issue 19)."""
    first = read_first_contact(TRAINED_FIRST_CONTACT_PATH)
    lines = ["Trained analyzer beside the lexicon, on the parts held back from training (macro-F1):"]
    if first is None:
        return lines + ["not scored yet (frozen until the design is finished)."]
    try:
        now = frozen_figures(data_dir)
    except FileNotFoundError as exc:
        return lines + [f"the trained model is missing ({exc})"]
    lines += [f"first contact recorded {first.get('date', '?')}; default analyzer: {now['default']} "
              f"(better on news at first contact: {first.get('better_on_news', '?')})"]
    lines += _frozen_table(now, first)
    if now["actor_tone"]:
        lines += ["", "Tone toward actors on whole articles (accuracy / macro-F1; target 0.80 / 0.55):"]
        fa = first.get("actor_tone", {})
        for name, r in now["actor_tone"].items():
            was = fa.get(name)
            lines.append(f"  {name:28} n={int(r['n'])} {r['accuracy']:.3f} / {r['f1']:.3f}"
                         + (f"   first contact {was['accuracy']:.3f} / {was['f1']:.3f}" if was else ""))
    if now["agreement"]:
        lines += ["", "Annotation agreement, news sentences (Cohen's kappa / raw agreement):"]
        lines += [f"  {label:14} n={int(r['n'])} {r['kappa']:.3f} / {r['agreement']:.3f}"
                  for label, r in now["agreement"].items()]
    lines += ["", f"Trained model: {now['model_bytes'] / 1e6:.1f} MB (data/sentiment/model, CC BY-NC-SA 4.0)."]
    return lines


def report(data_dir: Path = SHARED_DATA_DIR) -> str:
    """Text report: the trained analyzer beside the lexicon, tuned sets, never-read sets (once their first contact
    is recorded), the naive baseline."""
    if not (data_dir / "sentipolc16").is_dir():
        return f"{data_dir}: shared data absent; sentiment not measured."
    lines = ["Italian sentiment (analysis.textblob_it), macro-F1.", ""]
    lines += trained_report(data_dir)
    lines += ["", "The lexicon analyzer alone, on the sets of its own design:", "",
             "Tuned sets (read while the lexicon and rules were written; optimistic):"]
    lines += _table({**evaluate(data_dir=data_dir), **evaluate_target_sets(data_dir)})
    contacts: tuple[tuple[SetName, Path, str], ...] = (("never-read", FIRST_CONTACT_PATH, "Never-read sets"),
                                                       ("blind-b", SECOND_CONTACT_PATH, "Second blind set"))
    for sets, path, what in contacts:
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
