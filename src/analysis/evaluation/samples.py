"""The fresh samples annotated blind: whole real articles and news sentences.

Every sample is drawn from text the Italian pipeline never learnt from
(:mod:`analysis.evaluation.splits`: the held-out DICE articles, the held-out
KIND Wikinews blocks, the held-out UD blocks) in a fixed SHA-1 order, so the
selection can be rebuilt from ``../shared/data`` alone and only ids, offsets
and our labels are stored in ``tests/gold``.

* **Articles** (:func:`article_sample`): held-out DICE articles of 150 to
  1,000 words with at least three opening quotation marks and eight
  reporting markers (the same markers as the sentence samples), chosen for
  their reported speech. The first 40 (``articles_a``, with six more drawn
  after the 15 below to pass 300 attributions) are scored once at first
  contact and then read; the next 15 (``articles_b``) stay untouched until
  the end and are scored once.
* **News sentences** (:func:`news_sentence_sample`): sentences of 8 to 60
  words from the held-out DICE articles that are not in the article sample
  (local crime news), from held-out KIND Wikinews blocks that no earlier gold
  file uses and from the held-out PUD and VIT blocks (national and
  international news). Each sentence is ``test`` (frozen before any training,
  never read) or ``train`` by the SHA-1 of its id.

Sentence ids: ``dice-<article id>:<start>-<end>`` (character offsets into the
article), ``kind-wn-train-<n>``, or the UD ``# sent_id``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..paths import PROJECT_ROOT, SHARED_DATA_DIR
from .splits import dice_articles, dice_role

__all__ = ["ARTICLE_SPLITS", "article_sample", "article_split", "NewsSentence", "news_sentence_sample",
           "news_sentence_text", "REPORTING_MARKERS", "actor_article_sample", "mention_id", "scored_actor_mentions"]

#: Quotation marks, "secondo"-like words and reporting-verb stems: what makes a text likely to report speech.
REPORTING_MARKERS = re.compile(
    r"[«»“”\"]|\b(secondo|stando|detta)\b|\b(dic|dett|diss|dichiar|afferm|spieg|sottoline|aggiun|precis|ribad|chiar|"
    r"ricord|sosten|sostien|annunc|conferm|negat|neg[aò]|smentit|promess|promett|chied|chies|rispo|replic|scriv|"
    r"scritt|raccont|rifer|riport|avvert|accus|critic|denunc|comment|osserv|ammess|ammett|rivel|minacc|assicur|"
    r"garant|conclu|insist|invit|esort|sottolin|fa sapere|fatto sapere|ha fatto|domand|propo|annunz)\w*", re.I)
_OPENING_QUOTES = re.compile(r"[«“]|(?:^|(?<=\s))\"")

#: Article split → its slices of :func:`article_sample`.
ARTICLE_SPLITS: dict[str, tuple[tuple[int, int], ...]] = {"articles_a": ((0, 40), (55, 61)), "articles_b": ((40, 55),)}
#: The article sample's first articles, as drawn when the sentence and actor samples were made: those leave them out.
_ARTICLES_TAKEN = 55

SentenceSplit = Literal["train", "test"]
#: Percentage of the news-sentence sample frozen as the never-read test part.
TEST_PERCENT = 30
#: How many sentences each source gives to the news-sentence sample.
NEWS_SAMPLE_SIZES = {"dice": 1500, "kind": 450, "ud": 200}
#: Earlier gold files whose KIND sentences the news-sentence sample leaves out.
_EARLIER_GOLD = ("news_fresh.tsv", "news_blind_b.tsv", "news_dev_kind.tsv", "attribution_realnews.jsonl")


def _sha(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


@lru_cache(maxsize=2)
def _heldout_articles(data_dir: Path) -> dict[str, str]:
    return {a["id"]: a["text"] for a in dice_articles(data_dir) if dice_role(a["id"]) == "heldout"}


def article_sample(data_dir: Path = SHARED_DATA_DIR) -> list[str]:
    """Ids of the held-out DICE articles rich in reported speech, in SHA-1 order (see the module docstring)."""
    if not (data_dir / "dice-news").is_dir():
        return []
    keep = []
    for aid, text in _heldout_articles(data_dir).items():
        words = len(text.split())
        if 150 <= words <= 1000 and len(_OPENING_QUOTES.findall(text)) >= 3 \
                and len(REPORTING_MARKERS.findall(text)) >= 8:
            keep.append(aid)
    return sorted(keep, key=lambda a: _sha(f"article:{a}"))


def actor_article_sample(data_dir: Path = SHARED_DATA_DIR) -> list[str]:
    """Ids of held-out DICE articles of 120 to 700 words, not in the attribution article sample, in SHA-1 order:
    whole articles whose actor mentions are labelled for tone (``actor_tone_articles.tsv``)."""
    if not (data_dir / "dice-news").is_dir():
        return []
    taken = set(article_sample(data_dir)[:_ARTICLES_TAKEN])
    keep = [aid for aid, text in _heldout_articles(data_dir).items()
            if aid not in taken and 120 <= len(text.split()) <= 700]
    return sorted(keep, key=lambda a: _sha(f"actor:{a}"))


def article_split(split: str, data_dir: Path = SHARED_DATA_DIR) -> list[str]:
    """The article ids of one split (``articles_a`` or ``articles_b``)."""
    sample = article_sample(data_dir)
    return [aid for a, b in ARTICLE_SPLITS[split] for aid in sample[a:b]]


@dataclass(frozen=True)
class NewsSentence:
    """One sentence of the news-sentence sample."""

    id: str
    text: str
    source: Literal["dice", "kind", "ud"]
    split: SentenceSplit


def _split_of(sentence_id: str) -> SentenceSplit:
    return "test" if int(_sha(f"news:{sentence_id}")[:8], 16) % 100 < TEST_PERCENT else "train"


def _earlier_gold_ids() -> set[str]:
    import json

    ids: set[str] = set()
    for name in _EARLIER_GOLD:
        path = PROJECT_ROOT / "tests" / "gold" / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if name.endswith(".jsonl"):
                if line.strip():
                    ids.add(json.loads(line)["sentence_id"])
            elif line and not line.startswith("#"):
                ids.add(line.split("\t", 1)[0])
    return ids


def _fits(text: str) -> bool:
    return 8 <= len(text.split()) <= 60


def news_sentence_sample(data_dir: Path = SHARED_DATA_DIR) -> list[NewsSentence]:
    """The news-sentence sample, each source in SHA-1 order (see the module docstring); empty without the data."""
    from ..segmentation import split_sentences
    from ..syntax.conllu import read_kind, read_ud
    from .splits import KIND_DIR, KIND_FILES, UD_DIR, kind_role, ud_role

    out: list[NewsSentence] = []
    if (data_dir / "dice-news").is_dir():
        in_articles = set(article_sample(data_dir)[:_ARTICLES_TAKEN])
        found = []
        for aid, text in _heldout_articles(data_dir).items():
            if aid in in_articles:
                continue
            for span in split_sentences(text):
                sent = text[span.start:span.end]
                if _fits(sent):
                    found.append((f"dice-{aid}:{span.start}-{span.end}", sent))
        found.sort(key=lambda p: _sha(p[0]))
        out += [NewsSentence(i, t, "dice", _split_of(i)) for i, t in found[:NEWS_SAMPLE_SIZES["dice"]]]
    earlier = _earlier_gold_ids()
    name = "evalita-2023_WN_train.tsv"
    path = data_dir / KIND_DIR / name
    if path.is_file():
        found = [(s.sent_id, s.text) for i, s in enumerate(read_kind(path, KIND_FILES[name][0]))
                 if kind_role(name, i) == "heldout" and s.sent_id not in earlier and _fits(s.text)]
        found.sort(key=lambda p: _sha(p[0]))
        out += [NewsSentence(i, t, "kind", _split_of(i)) for i, t in found[:NEWS_SAMPLE_SIZES["kind"]]]
    found = []
    for name in ("it_pud-ud-test.conllu", "it_vit-ud-dev.conllu"):
        path = data_dir / UD_DIR / name
        if path.is_file():
            found += [(s.sent_id, s.text) for i, s in enumerate(read_ud(path))
                      if ud_role(name, i) == "heldout" and s.sent_id not in earlier and _fits(s.text)]
    found.sort(key=lambda p: _sha(p[0]))
    out += [NewsSentence(i, t, "ud", _split_of(i)) for i, t in found[:NEWS_SAMPLE_SIZES["ud"]]]
    return out


def news_sentence_text(sentence_id: str, data_dir: Path = SHARED_DATA_DIR) -> str | None:
    """The text of a DICE sentence id (``dice-<article>:<start>-<end>``), or None when the article is absent."""
    m = re.fullmatch(r"dice-(\w+):(\d+)-(\d+)", sentence_id)
    if m is None:
        raise ValueError(f"not a DICE sentence id: {sentence_id!r}")
    text = _heldout_articles(data_dir).get(m.group(1))
    return None if text is None else text[int(m.group(2)):int(m.group(3))]


def mention_id(article_id: str, start: int, end: int) -> str:
    """The id of an actor mention of ``actor_tone_articles.tsv``: ``<article id>:<start>-<end>``."""
    return f"{article_id}:{start}-{end}"


def scored_actor_mentions(rows: list[tuple[str, str]]) -> list[str]:
    """The mentions scored for tone toward actors, from ``(mention id, tone)`` of the unambiguous mentions.

    Every non-neutral mention, and as many neutral ones, the first in SHA-1
    order of ``mention:<id>``: by design of the sample half of the scored set
    is praised or blamed, whatever share of an article that is.
    """
    polar = [i for i, tone in rows if tone != "neutral"]
    neutral = sorted((i for i, tone in rows if tone == "neutral"), key=lambda i: _sha(f"mention:{i}"))
    return polar + neutral[:len(polar)]
