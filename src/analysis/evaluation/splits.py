"""Which shared sentences train our Italian pipeline, which choose its checkpoint, which are held out.

One definition used by ``training/prepare.py`` (what the model learns from)
and by the evaluations (what it has never seen). The shared data's README
allows training on ``ud-italian-train/`` and ``kind-train/``; of those we keep
blocks of sentences out, so that they stay fresh text both for scoring the
model and for annotating attribution blind:

* UD: ParTUT's test split, and one block in five of PUD and VIT (blocks of
  :data:`BLOCK` consecutive sentences, chosen by the SHA-1 of
  ``file:block``), are **held out**; ParTUT, MarkIT and TWITTIRO dev splits
  choose the checkpoint (**dev**); everything else is **train**.
* KIND: one block in five of the Wikinews training file is held out, one in
  ten is dev; the fiction and De Gasperi files are all train.
* DICE news (``dice-news/``, whole local news articles, raw text only): one
  article in ten (by the SHA-1 of ``dice:<id>``) is **held out** of
  pretraining and vectors; every whole-article and news-sentence sample
  annotated blind is drawn from those (:func:`dice_heldout_ids`).

The measuring sets (UD ISDT dev, KIND Wikinews dev, SENTIPOLC, CheckThat!)
are never in any of these lists.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator, Literal

__all__ = ["BLOCK", "Role", "UD_FILES", "KIND_FILES", "DICE_FILE", "ud_role", "kind_role", "dice_role",
           "dice_articles", "dice_heldout_ids"]

Role = Literal["train", "dev", "heldout"]

#: Consecutive sentences kept together, so that held-out text is whole passages.
BLOCK = 20

UD_DIR = Path("ud-italian-train")
KIND_DIR = Path("kind-train")
DICE_FILE = Path("dice-news") / "dice_articles.jsonl"

#: Percentage of DICE articles held out of the model's raw text.
DICE_HELDOUT_PERCENT = 10

#: UD file → its role, or "blocks" when blocks of it are held out.
UD_FILES: dict[str, str] = {
    "it_partut-ud-train.conllu": "train",
    "it_partut-ud-dev.conllu": "dev",
    "it_partut-ud-test.conllu": "heldout",
    "it_pud-ud-test.conllu": "blocks",
    "it_vit-ud-dev.conllu": "blocks",
    "it_markit-ud-train.conllu": "train",
    "it_markit-ud-dev.conllu": "dev",
    "it_markit-ud-test.conllu": "train",
    "it_twittiro-ud-train.conllu": "train",
    "it_twittiro-ud-dev.conllu": "dev",
    "it_twittiro-ud-test.conllu": "train",
    "it_postwita-ud-dev.conllu": "train",
    "it_postwita-ud-test.conllu": "train",
}

#: KIND file → (sentence id prefix, whether blocks of it are held out).
KIND_FILES: dict[str, tuple[str, bool]] = {
    "evalita-2023_WN_train.tsv": ("kind-wn-train", True),
    "evalita-2023_FIC_train.tsv": ("kind-fic-train", False),
    "evalita-2023_ADG_train.tsv": ("kind-adg-train", False),
}


def _bucket(name: str, index: int) -> int:
    """0–99 from the SHA-1 of the file name and the block of sentence ``index``."""
    digest = hashlib.sha1(f"{name}:{index // BLOCK}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100


def ud_role(file_name: str, index: int) -> Role:
    """Role of sentence ``index`` (0-based, file order) of a UD training file."""
    role = UD_FILES[file_name]
    if role != "blocks":
        return role  # type: ignore[return-value]
    return "heldout" if _bucket(file_name, index) < 20 else "train"


def kind_role(file_name: str, index: int) -> Role:
    """Role of sentence ``index`` (0-based, file order) of a KIND training file."""
    if not KIND_FILES[file_name][1]:
        return "train"
    bucket = _bucket(file_name, index)
    return "heldout" if bucket < 20 else "dev" if bucket < 30 else "train"


def dice_role(article_id: str) -> Role:
    """Role of a DICE article: "heldout" (never in the model's raw text) or "train"."""
    digest = hashlib.sha1(f"dice:{article_id}".encode()).digest()
    return "heldout" if int.from_bytes(digest[:4], "big") % 100 < DICE_HELDOUT_PERCENT else "train"


def dice_articles(data_dir: Path) -> Iterator[dict]:
    """The DICE articles (``id``, ``text``, ``outlet``, ``date``, ``url``) in file order."""
    with open(data_dir / DICE_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def dice_heldout_ids(data_dir: Path) -> list[str]:
    """Ids of the held-out DICE articles, in file order."""
    return [a["id"] for a in dice_articles(data_dir) if dice_role(a["id"]) == "heldout"]
