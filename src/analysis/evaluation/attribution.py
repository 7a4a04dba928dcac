"""Measuring source attribution on hand-annotated gold.

Gold sets (``tests/gold/``):

* ``attribution_seed.json``: every attribution of the seed article;
* ``attribution_dev.jsonl``: short news-style passages written for development,
  one JSON object a line (``id``, ``pattern``, ``text``, ``attributions``),
  covering every pattern and the negatives (passages with no attribution);
* ``attribution_realnews.jsonl`` (optional): sentence ids of the shared
  CheckThat! data with span offsets and labels only (no text); scored only
  when ``../shared/data`` is present. Sentences with a speech-verb form,
  "secondo" or a quotation mark, in a fixed hash order: the first 80 were read
  while fixing the rules (``tuning``), the next 60 were annotated blind
  (``heldout``, later also read while broadening the rules). A further 300
  (``blind_a``, ``blind_b``, ``blind_c``, 100 each; :func:`blind_sample`
  reproduces the selection:
  sentences not in the first 140 that contain a quotation mark, "secondo",
  "stando", "detta" or a word starting with one of a fixed list of
  reporting-verb stems, ordered by the SHA-1 of their id) were annotated
  before the extractor was ever run on them; the errors of ``blind_a``, then
  of ``blind_b``, were read to broaden the rules, ``blind_c`` was annotated
  after that and scored once untouched (F1@0.3 0.57), then read too. The next
  100 of the same order (``blind_d``) were annotated and scored before the last
  round of fixes (F1@0.3 0.49) and again after it, never read; the 60 after
  those (``blind_e``) were annotated after that fix and scored once; then the
errors of ``blind_b`` … ``blind_e`` were all read to broaden the rules (so
their scores are development scores, inflated). The next 100 (``blind_f``)
were annotated before that round of fixes, scored before and after it, then
read for the next round (inflated since). The next 100 (``blind_g``) were
annotated before the following round, scored before (F1@0.3 0.65) and after it
(0.69), then read for errors too (inflated since). The next 100 (``blind_h``)
were annotated before the next round, scored before (F1@0.3 0.61) and after it
(0.61), then read. The last 106 sentences of the sample (``blind_i``) and 150
sentences of KIND Wikinews (``kind_a``, :mod:`analysis.evaluation.kind`:
sentences with the same markers, in SHA-1 order of their ids) were annotated
before a round of fixes, scored before it (0.69 and 0.64), then read for
it; the next 150 KIND sentences (``kind_b``) were annotated during that round
and scored once after it (0.63), then read for the next round; ``kind_c`` and
``kind_d`` (300) were annotated during that round, scored once after it
(0.70), then read for the next; ``kind_e`` (the last 153 of the KIND sample)
was annotated during that round and scored once after it (0.70). ``ud_a``:
sentences of the UD Italian ISDT development file with the same markers
(:func:`ud_sample`), annotated for the last round of rules. ``fresh_kind``
(200) and ``fresh_ud`` (165): sentences with the same markers from the
training files that the Italian pipeline never learnt from
(:func:`fresh_sample`, :mod:`analysis.evaluation.splits`), annotated blind
with ``tests/gold/ANNOTATION.md`` before the extractor rebuilt on the parse
ran on them; scored once with it (first contact: F1@0.3 0.818 and 0.623,
speakers 0.877 and 0.875), then read for errors. ``fresh_kind2`` (the next
200 of the same KIND sample) was annotated blind in two halves by two
annotators once channels were looked for next to every cue, and scored once
(F1@0.3 0.733, speakers 0.900; the previous rules-only extractor 0.699 and
0.862). Only complete attributions
  inside one sentence are annotated: content together with its cue or
  speaker (a quotation whose speaker and cue are both in another sentence is
  not; a cue whose subject is outside the sentence has a null speaker); the
  writer's or a quoted speaker's own first-person statements are not. As in
  the development set, a quotation interrupted by a cue between dashes
  ("«…» – afferma X – «…»", or one quotation "«… – argomenta – …»") is two
  attributions, one for each part.

Protocol: a predicted attribution matches a gold one when its content covers
at least 30% (and, stricter, 80%) of the gold content's characters; matching
is one-to-one: among the gold attributions a prediction covers, one with the
same cue (overlapping cue spans) is paired first, then the best coverage (when
two gold attributions share content, e.g. "a suo dire e a dire del
quotidiano", coverage alone would pair a prediction with the wrong one). Reported: precision, recall and F1 at both
thresholds; on the pairs matched at 30%, speaker accuracy (predicted speaker
span overlaps the gold one), type accuracy, stance accuracy; channel recall
(gold channels whose attribution is matched with an overlapping predicted
channel), channel precision (matched attributions whose predicted channel
overlaps a gold one) and via recall (the predicted outer source names the
gold one: :func:`same_source`); all broken down by type.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from ..paths import PROJECT_ROOT, SEEDS_DIR, SHARED_DATA_DIR
from .kind import kind_sentences
from .ud import read_conllu

__all__ = [
    "GOLD_DIR", "Passage", "load_seed_gold", "load_dev_gold", "load_realnews_gold", "score", "Scores",
    "match", "report", "format_scores", "checkthat_sentences", "TYPES", "REALNEWS_SPLITS", "blind_sample", "kind_sample", "ud_sample", "heldout_sentences", "fresh_sample", "gender_scores", "GenderScores", "ud_sentences", "annotator_agreement",
    "same_source",
]

GOLD_DIR: Path = PROJECT_ROOT / "tests" / "gold"
TYPES = ("direct", "indirect", "mixed", "according_to")
#: Real-news splits, in the order they were made, with how they were used.
REALNEWS_SPLITS: dict[str, str] = {
    "tuning": "read while writing the first rules",
    "heldout": "annotated blind, then read while broadening the rules",
    "blind_a": "annotated before the extractor ran on them, then read for errors",
    "blind_b": "annotated before the extractor ran on them, then read for errors",
    "blind_c": "annotated before the extractor ran on them, scored once, then read for errors",
    "blind_d": "annotated before the extractor ran on them, scored unread (F1 0.49, 0.53), then read for errors",
    "blind_e": "annotated after a round of fixes, scored once unread (F1 0.43), then read for errors",
    "blind_f": "annotated before a round of fixes, scored before (F1 0.71) and after it (0.70), then read for errors",
    "blind_g": "annotated before a round of fixes, scored before (F1 0.65) and after it (0.69), then read for errors",
    "blind_h": "annotated before a round of fixes, scored before (F1 0.61) and after it (0.61), then read for errors",
    "blind_i": "the last 106 of the sample, annotated before the last round of fixes, scored before it (F1 0.69), then read for errors",
    "kind_a": "annotated before the last round of fixes, scored before it (F1 0.64), then read for errors",
    "kind_b": "annotated during a round of fixes, scored once after it (F1 0.63), then read for errors",
    "kind_c": "annotated during a round of fixes, scored once after it (F1 0.70), then read for errors",
    "kind_d": "annotated during a round of fixes, scored once after it (F1 0.69), then read for errors",
    "kind_e": "the last 153 of the KIND sample, annotated during a round of fixes, scored once after it (F1 0.70), then read for errors",
    "ud_a": "UD ISDT development sentences, annotated during the last round of fixes, scored once after it, never read",
    "fresh_kind": "KIND Wikinews training sentences held out of the Italian pipeline's training, annotated blind; the rules alone scored F1 0.80 on them, the extractor rebuilt on the parse 0.82 at first contact, then read for errors",
    "fresh_ud": "UD PUD, VIT and ParTUT sentences held out of the Italian pipeline's training, annotated blind; the rules alone scored F1 0.65 on them, the extractor rebuilt on the parse 0.62 at first contact, then read for errors",
    "fresh_kind2": "the next 200 held-out KIND Wikinews sentences, annotated blind by two annotators after the channel pass; first contact: F1 0.73 (speakers 0.90), the previous rules-only extractor 0.70 (0.86)",
}
_BLIND_STEMS = re.compile(
    r"[«»“”\"]|\b(secondo|stando|detta)\b|\b(dic|dett|diss|dichiar|afferm|spieg|sottoline|aggiun|precis|ribad|chiar|"
    r"ricord|sosten|sostien|annunc|conferm|negat|neg[aò]|smentit|promess|promett|chied|chies|rispo|replic|scriv|"
    r"scritt|raccont|rifer|riport|avvert|accus|critic|denunc|comment|osserv|ammess|ammett|rivel|minacc|assicur|"
    r"garant|conclu|insist|invit|esort|sottolin|fa sapere|fatto sapere|ha fatto|domand|propo|annunz)\w*", re.I)


@dataclass
class Passage:
    """A text with its gold attributions (each a dict of spans and labels)."""

    id: str
    text: str
    attributions: list[dict]
    pattern: str = ""


def load_seed_gold(path: Path | None = None, *, seeds_dir: Path | None = None) -> list[Passage]:
    """The seed article with its gold attributions."""
    path = path or GOLD_DIR / "attribution_seed.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    text_path = (seeds_dir or SEEDS_DIR) / f"{data['doc_id']}.txt"
    text = text_path.read_bytes().decode("utf-8")
    return [Passage(data["doc_id"], text, data["attributions"], "seed")]


def load_dev_gold(path: Path | None = None) -> list[Passage]:
    """The development passages."""
    path = path or GOLD_DIR / "attribution_dev.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(Passage(d["id"], d["text"], d["attributions"], d.get("pattern", "")))
    return out


def checkthat_sentences(data_dir: Path | None = None) -> dict[str, str]:
    """sentence_id → sentence of the CheckThat! Italian subjectivity files (train and dev)."""
    base = (data_dir or SHARED_DATA_DIR) / "checkthat-subjectivity-it"
    out: dict[str, str] = {}
    for name in ("train_it.tsv", "dev_it.tsv"):
        p = base / name
        if not p.exists():
            continue
        with p.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("sentence_id") and row.get("sentence") is not None:
                    out[row["sentence_id"]] = row["sentence"]
    return out


def blind_sample(n: int = 200, *, data_dir: Path | None = None, exclude: set[str] | None = None) -> list[str]:
    """Sentence ids of the blind real-news sample, in order (see the module docstring)."""
    sentences = checkthat_sentences(data_dir)
    if exclude is None:
        path = GOLD_DIR / "attribution_realnews.jsonl"
        exclude = {d["sentence_id"] for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                   if d.get("split") in ("tuning", "heldout")}
    return _marked_in_hash_order({i: t for i, t in sentences.items() if i not in exclude})[:n]


def _marked_in_hash_order(sentences: dict[str, str]) -> list[str]:
    """Ids of the sentences with a reporting marker, ordered by the SHA-1 of the id (every sample is drawn so)."""
    ids = [i for i, t in sentences.items() if _BLIND_STEMS.search(t)]
    ids.sort(key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    return ids


def ud_sentences(data_dir: Path | None = None) -> dict[str, str]:
    """sent_id → text of the UD Italian ISDT development file (``# text``); empty when absent."""
    path = (data_dir or SHARED_DATA_DIR) / "ud-italian-isdt" / "it_isdt-ud-dev.conllu"
    if not path.exists():
        return {}
    return {s.sent_id: s.text for s in read_conllu(path)}


def ud_sample(n: int = 200, *, data_dir: Path | None = None) -> list[str]:
    """Sentence ids of the UD ISDT sample (``ud_a``): same markers as the other samples, SHA-1 order."""
    return _marked_in_hash_order(ud_sentences(data_dir))[:n]


def kind_sample(n: int = 300, *, data_dir: Path | None = None) -> list[str]:
    """Sentence ids of the KIND Wikinews sample (``kind_a`` … ``kind_e``): same markers, SHA-1 order."""
    return _marked_in_hash_order(kind_sentences(data_dir))[:n]


def heldout_sentences(data_dir: Path | None = None) -> dict[str, str]:
    """sentence id → text of the training-data sentences our pipeline never learnt from.

    KIND Wikinews training blocks and UD (PUD, VIT, ParTUT test) sentences
    held out by :mod:`analysis.evaluation.splits`; KIND ids are
    ``kind-wn-train-<n>``, UD ids their ``# sent_id``. Empty when the data is absent.
    """
    from ..syntax.conllu import read_kind, read_ud  # needs spaCy, a dependency of the syntax model
    from .splits import KIND_DIR, KIND_FILES, UD_DIR, UD_FILES, kind_role, ud_role

    base = data_dir or SHARED_DATA_DIR
    out: dict[str, str] = {}
    for name, (prefix, _) in KIND_FILES.items():
        path = base / KIND_DIR / name
        if path.exists():
            out.update({s.sent_id: s.text for i, s in enumerate(read_kind(path, prefix)) if kind_role(name, i) == "heldout"})
    for name in UD_FILES:
        path = base / UD_DIR / name
        if path.exists():
            out.update({s.sent_id: s.text for i, s in enumerate(read_ud(path)) if ud_role(name, i) == "heldout"})
    return out


def fresh_sample(corpus: str, n: int = 200, *, data_dir: Path | None = None) -> list[str]:
    """Ids of the fresh blind samples (``fresh_kind`` then ``fresh_kind2``, or ``fresh_ud``): held-out sentences
    with a marker, SHA-1 order.

    ``corpus``: ``"kind"`` (KIND Wikinews training blocks) or ``"ud"`` (PUD, VIT, ParTUT test).
    """
    sentences = heldout_sentences(data_dir)
    keep = {i: t for i, t in sentences.items() if i.startswith("kind-") == (corpus == "kind")}
    return _marked_in_hash_order(keep)[:n]


def load_realnews_gold(path: Path | None = None, *, data_dir: Path | None = None, split: str | None = None) -> list[Passage]:
    """Real-news gold: ids and offsets from ``tests/gold``, text from the shared data (empty when absent).

    ``split``: one of :data:`REALNEWS_SPLITS` (``"tuning"``: 80 sentences,
    ``"heldout"``: 60, ``"blind_a"`` … ``"blind_d"``: 100 each,
    ``"blind_e"``: 60, ``"blind_f"`` … ``"blind_h"``: 100) or ``None`` for all.
    """
    path = path or GOLD_DIR / "attribution_realnews.jsonl"
    if not path.exists():
        return []
    sentences = {**checkthat_sentences(data_dir), **kind_sentences(data_dir), **ud_sentences(data_dir)}
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if sentences and any(d["sentence_id"] not in sentences for d in records):
        sentences.update(heldout_sentences(data_dir))  # the fresh sets (parsing the training files takes seconds)
    if not sentences:
        return []
    out = []
    for d in records:
        text = sentences.get(d["sentence_id"])
        if text is None or (split is not None and d.get("split") != split):
            continue
        attrs = []
        for a in d["attributions"]:
            a = dict(a)
            for key in ("speaker", "cue", "content", "channel"):
                if a.get(key) is not None:
                    s, e = a[key]
                    a[key] = {"start": s, "end": e, "text": text[s:e]}
            attrs.append(a)
        out.append(Passage(d["sentence_id"], text, attrs, d.get("split", "")))
    return out


# --- matching and scores -----------------------------------------------------------


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match(pred: list[dict], gold: list[dict], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs whose content covers ≥ threshold of the gold content."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            g0, g1 = g["content"]["start"], g["content"]["end"]
            cov = _overlap(p["content_start"], p["content_end"], g0, g1) / max(1, g1 - g0)
            if cov >= threshold:
                gc = g.get("cue")
                same_cue = bool(gc and p.get("cue_start") is not None
                                and _overlap(p["cue_start"], p["cue_end"], gc["start"], gc["end"]) > 0)
                cands.append((same_cue, cov, -abs(p["content_start"] - g0), i, j))
    cands.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, _, _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Scores:
    """Counts and rates for one gold set."""

    n_gold: int = 0
    n_pred: int = 0
    tp30: int = 0
    tp80: int = 0
    speaker_ok: int = 0
    type_ok: int = 0
    stance_ok: int = 0
    stance_n: int = 0
    channel_gold: int = 0
    channel_ok: int = 0
    channel_pred: int = 0  # matched attributions with a predicted channel
    channel_pred_ok: int = 0  # … that overlaps a gold channel
    via_gold: int = 0
    via_ok: int = 0
    negative_passages: int = 0
    negative_false_positives: int = 0
    by_type: dict = field(default_factory=lambda: {t: {"gold": 0, "pred": 0, "tp_gold": 0, "tp_pred": 0, "speaker_ok": 0} for t in TYPES})
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    def prf(self, threshold: float = 0.3) -> tuple[float, float, float]:
        return _prf(self.tp30 if threshold == 0.3 else self.tp80, self.n_pred, self.n_gold)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.tp30 if self.tp30 else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.tp30 if self.tp30 else 0.0

    @property
    def channel_recall(self) -> float:
        return self.channel_ok / self.channel_gold if self.channel_gold else float("nan")

    @property
    def channel_precision(self) -> float:
        return self.channel_pred_ok / self.channel_pred if self.channel_pred else float("nan")

    @property
    def via_recall(self) -> float:
        return self.via_ok / self.via_gold if self.via_gold else float("nan")

    def as_dict(self) -> dict[str, float]:
        p3, r3, f3 = self.prf(0.3)
        p8, r8, f8 = self.prf(0.8)
        return {"n_gold": self.n_gold, "n_pred": self.n_pred, "precision@0.3": p3, "recall@0.3": r3, "f1@0.3": f3,
                "precision@0.8": p8, "recall@0.8": r8, "f1@0.8": f8, "speaker_accuracy": self.speaker_accuracy,
                "type_accuracy": self.type_accuracy, "channel_recall": self.channel_recall, "channel_precision": self.channel_precision,
                "via_recall": self.via_recall,
                "stance_accuracy": self.stance_ok / self.stance_n if self.stance_n else float("nan"),
                "negative_false_positives": self.negative_false_positives}


_ARTICLES = ("il ", "lo ", "la ", "l'", "l’", "i ", "gli ", "le ", "un ", "uno ", "una ", "un'")


def same_source(predicted: str, gold: str) -> bool:
    """Does a predicted ``via`` (a canonical name, "funzionario statunitense") name the gold one (the words of
    the text, "Un funzionario statunitense a Baghdad")? Equal, or one holds the other as whole words, once
    case and a leading article are set aside."""
    def key(name: str) -> str:
        name = name.casefold().strip()
        for article in _ARTICLES:
            if name.startswith(article):
                return name[len(article):].strip()
        return name

    a, b = f" {key(predicted)} ", f" {key(gold)} "
    return bool(a.strip() and b.strip()) and (a in b or b in a)


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in df.to_dict("records")]


def score(passages: Iterable[Passage], predict: Callable[[str], pd.DataFrame] | None = None) -> Scores:
    """Run ``predict`` (default :func:`analysis.attribution.extract_attributions`) on each passage and score it."""
    if predict is None:
        from ..attribution import extract_attributions

        predict = extract_attributions
    sc = Scores()
    for passage in passages:
        pred = _records(predict(passage.text))
        gold = passage.attributions
        sc.n_gold += len(gold)
        sc.n_pred += len(pred)
        if not gold:
            sc.negative_passages += 1
            sc.negative_false_positives += len(pred)
        for g in gold:
            sc.by_type[g["type"]]["gold"] += 1
            if g.get("channel"):
                sc.channel_gold += 1
            if g.get("via"):
                sc.via_gold += 1
        for p in pred:
            if p["type"] in sc.by_type:
                sc.by_type[p["type"]]["pred"] += 1
        pairs30 = match(pred, gold, 0.3)
        sc.tp30 += len(pairs30)
        sc.tp80 += len(match(pred, gold, 0.8))
        matched_g = {j for _, j in pairs30}
        matched_p = {i for i, _ in pairs30}
        for i, j in pairs30:
            p, g = pred[i], gold[j]
            sc.by_type[g["type"]]["tp_gold"] += 1
            if p["type"] in sc.by_type:
                sc.by_type[p["type"]]["tp_pred"] += 1
            gs = g.get("speaker")
            ok = (gs is None and p["speaker_start"] is None) or (
                gs is not None and p["speaker_start"] is not None
                and _overlap(p["speaker_start"], p["speaker_end"], gs["start"], gs["end"]) > 0)
            sc.speaker_ok += ok
            sc.by_type[g["type"]]["speaker_ok"] += ok
            sc.type_ok += p["type"] == g["type"]
            if g.get("stance"):
                sc.stance_n += 1
                sc.stance_ok += p["stance"] == g["stance"]
            gc = g.get("channel")
            if gc and p["channel_start"] is not None and _overlap(p["channel_start"], p["channel_end"], gc["start"], gc["end"]) > 0:
                sc.channel_ok += 1
            if p["channel_start"] is not None:
                sc.channel_pred += 1
                sc.channel_pred_ok += bool(gc and _overlap(p["channel_start"], p["channel_end"], gc["start"], gc["end"]) > 0)
            if g.get("via") and p["via"] and same_source(str(p["via"]), g["via"]):
                sc.via_ok += 1
            if not ok:
                sc.misses.append((passage.id, "speaker", gs["text"] if gs else None, p["speaker"]))
        for j, g in enumerate(gold):
            if j not in matched_g:
                sc.misses.append((passage.id, g["type"], g["content"]["text"][:80], None))
        for i, p in enumerate(pred):
            if i not in matched_p:
                sc.false_positives.append((passage.id, p["type"], (p["content"] or "")[:80], p["speaker"]))
    return sc


@dataclass
class GenderScores:
    """Speaker gender on attributions matched at F1@0.3 whose predicted speaker overlaps the gold one."""

    pairs: int = 0
    gold_labelled: int = 0
    predicted_labelled: int = 0
    correct: int = 0
    errors: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of the genders the extractor gives that match the gold (gold null counts as a mismatch)."""
        return self.correct / self.predicted_labelled if self.predicted_labelled else float("nan")

    @property
    def coverage(self) -> float:
        """Share of the gold speakers with a gender that get that gender."""
        return self.correct / self.gold_labelled if self.gold_labelled else float("nan")


def gender_scores(passages: Iterable[Passage], predict: Callable[[str], pd.DataFrame] | None = None) -> GenderScores:
    """Precision and coverage of ``speaker_gender`` against the hand labels in the gold (``speaker_gender``)."""
    if predict is None:
        from ..attribution import extract_attributions

        predict = extract_attributions
    gs = GenderScores()
    for passage in passages:
        pred = _records(predict(passage.text))
        for i, j in match(pred, passage.attributions, 0.3):
            gold, p = passage.attributions[j], pred[i]
            span = gold.get("speaker")
            if span is None or p["speaker_start"] is None or not _overlap(p["speaker_start"], p["speaker_end"], span["start"], span["end"]):
                continue
            gs.pairs += 1
            g, q = gold.get("speaker_gender"), p.get("speaker_gender")
            gs.gold_labelled += bool(g)
            if q:
                gs.predicted_labelled += 1
                if q == g:
                    gs.correct += 1
                else:
                    gs.errors.append((passage.id, span["text"], g, q))
    return gs


def _fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:5.3f}"


def format_scores(name: str, sc: Scores) -> str:
    d = sc.as_dict()
    lines = [
        f"{name}: {sc.n_gold} gold, {sc.n_pred} predicted",
        f"  @0.3  P {_fmt(d['precision@0.3'])}  R {_fmt(d['recall@0.3'])}  F1 {_fmt(d['f1@0.3'])}",
        f"  @0.8  P {_fmt(d['precision@0.8'])}  R {_fmt(d['recall@0.8'])}  F1 {_fmt(d['f1@0.8'])}",
        f"  speaker accuracy {_fmt(d['speaker_accuracy'])}  type accuracy {_fmt(d['type_accuracy'])}  "
        f"stance accuracy {_fmt(d['stance_accuracy'])}",
        f"  channel recall {_fmt(d['channel_recall'])} ({sc.channel_ok}/{sc.channel_gold})  "
        f"channel precision {_fmt(d['channel_precision'])} ({sc.channel_pred_ok}/{sc.channel_pred})  "
        f"via recall {_fmt(d['via_recall'])} ({sc.via_ok}/{sc.via_gold})",
    ]
    if sc.negative_passages:
        lines.append(f"  negative passages {sc.negative_passages}: {sc.negative_false_positives} false attributions")
    lines.append("  by type        gold  pred     P      R      F1   speaker")
    for t, c in sc.by_type.items():
        if c["gold"] == 0 and c["pred"] == 0:
            continue
        p, r, f = _prf(c["tp_pred"], c["pred"], c["gold"]) if c["pred"] else (float("nan"), 0.0 if c["gold"] else float("nan"), float("nan"))
        if c["pred"]:
            r = c["tp_gold"] / c["gold"] if c["gold"] else float("nan")
            f = 2 * p * r / (p + r) if (p == p and r == r and p + r) else float("nan")
        spk = c["speaker_ok"] / c["tp_gold"] if c["tp_gold"] else float("nan")
        lines.append(f"  {t:<13} {c['gold']:5d} {c['pred']:5d}  {_fmt(p)}  {_fmt(r)}  {_fmt(f)}  {_fmt(spk)}")
    return "\n".join(lines)


def annotator_agreement(data_dir: Path | None = None) -> Scores | None:
    """A second, independent annotation of ``kind_e`` scored against the first as if it were predictions.

    ``tests/gold/attribution_second_annotator.jsonl`` (ids and offsets only) was written from the same
    guidelines without seeing the first; the F1 says how well-defined the task is. ``None`` without the data.
    """
    second = {p.id: p for p in load_realnews_gold(GOLD_DIR / "attribution_second_annotator.jsonl", data_dir=data_dir)}
    first = [p for p in load_realnews_gold(data_dir=data_dir, split="kind_e") if p.id in second]
    if not first:
        return None

    def as_rows(p: Passage) -> pd.DataFrame:
        rows = []
        for a in p.attributions:
            row = {"type": a["type"], "stance": a.get("stance"), "via": a.get("via")}
            for key in ("speaker", "cue", "content", "channel"):
                span = a.get(key)
                row[f"{key}_start"], row[f"{key}_end"] = (span["start"], span["end"]) if span else (None, None)
                row[key] = span["text"] if span else None
            rows.append(row)
        return pd.DataFrame(rows, columns=["type", "stance", "via"] + [f"{k}{s}" for k in ("speaker", "cue", "content", "channel")
                                                                           for s in ("", "_start", "_end")])

    by_text = {p.text: second[p.id] for p in first}
    return score(first, predict=lambda text: as_rows(by_text[text]))


def report() -> str:
    """Scores on the seed gold, the development set and (when present) real news."""
    parts = [format_scores("seed", score(load_seed_gold())), format_scores("development set", score(load_dev_gold()))]
    if not SHARED_DATA_DIR.is_dir():
        parts.append("real news: ../shared/data is absent, not measured")
    else:
        real = load_realnews_gold()
        if real:
            for split, label in REALNEWS_SPLITS.items():
                part = [p for p in real if p.pattern == split]
                if part:
                    corpus = ("KIND Wikinews" if split.startswith(("kind", "fresh_kind")) else "UD ISDT" if split.startswith("ud")
                              else "UD PUD/VIT/ParTUT" if split == "fresh_ud" else "CheckThat!")
                    parts.append(format_scores(f"real news, {corpus} {split} ({len(part)} sentences, {label})", score(part)))
            blind = [p for p in real if p.pattern.startswith("blind")]
            if blind:
                parts.append(format_scores(f"real news, all blind sets ({len(blind)} sentences)", score(blind)))
            parts.append(format_scores(f"real news, all {len(real)} sentences", score(real)))
            for name, part in (("read sets", [p for p in real if not p.pattern.startswith("fresh")]),
                               ("fresh sets (read since their first contact, reported in the README)",
                                [p for p in real if p.pattern.startswith("fresh")])):
                g = gender_scores(part)
                parts.append(f"speaker gender on the {name}: precision {_fmt(g.precision)} ({g.correct}/{g.predicted_labelled} "
                             f"labelled), coverage {_fmt(g.coverage)} of the {g.gold_labelled} gold speakers with a gender")
            agreement = annotator_agreement()
            if agreement is not None:
                parts.append(format_scores("agreement of two annotators on kind_e (the second scored as predictions)", agreement))
        else:
            parts.append("real news: no annotated sentences found")
    return "\n\n".join(parts)
