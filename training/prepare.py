"""Build the training corpora (spaCy DocBin files) from ``../shared/data``.

Writes into ``training/corpus/`` (ignored by git: it holds the shared
sentences' text, which never enters the repository):

* ``syntax-train.spacy`` / ``syntax-dev.spacy``: UD sentences on our tokens
  with UPOS, morphology, lemmas and dependencies;
* ``ner-train.spacy`` / ``ner-dev.spacy``: KIND sentences on our tokens with
  PER/LOC/ORG entities;
* ``raw-text.jsonl``: raw text for ``spacy pretrain``, one ``{"text": …}`` a
  sentence: every training sentence of UD and KIND (not dev, not held out)
  and every sentence of the DICE news articles that are not held out
  (:func:`~analysis.evaluation.splits.dice_role`);
* ``raw-text.txt``: the same sentences on our tokens, separated by spaces,
  one a line: the input of the floret vectors (``training/vectors.py``);
* ``inputs.json``: the SHA-256 of every shared file read, which
  ``training/assemble.py`` records in the model's ``meta.json``.

KIND's Wikinews training sentences are written :data:`WN_REPEAT` times into
``ner-train.spacy``: the entity recogniser is measured on Wikinews, and the
fiction and De Gasperi files are three times as large.

Which sentence goes where is :mod:`analysis.evaluation.splits`; held-out
sentences are written nowhere. Sentences that our tokenizer cuts inside a gold
word (``l'`` typed as ``l`` + ``'``… rare after the tokenizer learnt the
spaced elision) are left out and counted.

    python training/prepare.py [--data ../shared/data] [--out training/corpus]
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from analysis.evaluation.splits import (
    DICE_FILE,
    KIND_DIR,
    KIND_FILES,
    UD_DIR,
    UD_FILES,
    dice_articles,
    dice_role,
    kind_role,
    ud_role,
)
from analysis.paths import SHARED_DATA_DIR
from analysis.segmentation import split_sentences
from analysis.syntax.conllu import entities_doc, kind_our_tokens, our_tokens, read_kind, read_ud, syntax_doc
from analysis.tokenization import tokenize

#: Relation subtypes used only by the tweet or translated treebanks (not by the
#: news and legal ones, ParTUT and VIT) are trained as their base relation.
NEWS_SUBTYPES = frozenset({
    "acl:relcl", "aux:pass", "csubj:pass", "det:poss", "det:predet", "expl:impers", "expl:pass",
    "flat:foreign", "flat:name", "nsubj:pass", "obl:agent",
})


def training_label(deprel: str, pos: str = "", head_pos: str = "") -> str:
    """The relation as the parser learns it (see :data:`NEWS_SUBTYPES`).

    Personal and place names made of several words are ``flat:name`` in every
    Italian treebank here but PUD, which writes plain ``flat``: learnt as
    ``flat:name`` (the other treebanks' convention) when both words are proper nouns.
    """
    if deprel == "flat" and pos == "PROPN" and head_pos == "PROPN":
        return "flat:name"
    return deprel if ":" not in deprel or deprel in NEWS_SUBTYPES else deprel.split(":", 1)[0]


#: How many times each KIND Wikinews training sentence is written into the entity training corpus.
WN_REPEAT = 2


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA_DIR)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    args = parser.parse_args()
    if not (args.data / UD_DIR).is_dir() or not (args.data / KIND_DIR).is_dir():
        raise SystemExit(f"{args.data}: no {UD_DIR}/ or {KIND_DIR}/ here; the training data is not available")
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("it").vocab
    bins = {name: DocBin(store_user_data=False) for name in ("syntax-train", "syntax-dev", "ner-train", "ner-dev")}
    counts: Counter[str] = Counter()
    raw: list[str] = []

    for name in UD_FILES:
        for i, sent in enumerate(read_ud(args.data / UD_DIR / name)):
            role = ud_role(name, i)
            counts[f"ud {role}"] += 1
            if role == "heldout":
                continue
            gold = our_tokens(sent)
            if gold is None:
                counts[f"ud {role} left out (tokens)"] += 1
                continue
            gold.deps = [training_label(d, p, gold.pos[h]) for d, p, h in zip(gold.deps, gold.pos, gold.heads)]
            bins[f"syntax-{role}"].add(syntax_doc(vocab, gold))
            if role == "train":
                raw.append(sent.text)
            counts[f"ud {role} tokens"] += len(gold.words)

    for name, (prefix, _) in KIND_FILES.items():
        for i, sent in enumerate(read_kind(args.data / KIND_DIR / name, prefix)):
            role = kind_role(name, i)
            counts[f"kind {role}"] += 1
            if role == "heldout":
                continue
            gold = kind_our_tokens(sent)
            if gold is None:
                counts[f"kind {role} left out (tokens)"] += 1
                continue
            repeat = WN_REPEAT if role == "train" and name.startswith("evalita-2023_WN") else 1
            for _ in range(repeat):
                bins[f"ner-{role}"].add(entities_doc(vocab, gold))
            if role == "train":
                raw.append(sent.text)
            counts[f"kind {role} entities"] += len(gold.entities)

    if (args.data / DICE_FILE).is_file():
        for article in dice_articles(args.data):
            role = dice_role(article["id"])
            counts[f"dice {role} articles"] += 1
            if role == "heldout":
                continue
            for span in split_sentences(article["text"]):
                raw.append(article["text"][span.start:span.end])
                counts["dice train sentences"] += 1
    else:
        print(f"note: {args.data / DICE_FILE} is missing; raw text from the training sentences only")

    read = [args.data / UD_DIR / n for n in UD_FILES] + [args.data / KIND_DIR / n for n in KIND_FILES]
    if (args.data / DICE_FILE).is_file():
        read.append(args.data / DICE_FILE)
    checksums = {str(p.relative_to(args.data)): sha256(p) for p in read}
    (args.out / "inputs.json").write_text(json.dumps(checksums, indent=1) + "\n", encoding="utf-8")
    words = 0
    with open(args.out / "raw-text.jsonl", "w", encoding="utf-8") as fh, \
            open(args.out / "raw-text.txt", "w", encoding="utf-8") as txt:
        for text in raw:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            tokens = [t.text for t in tokenize(text) if not t.text.isspace()]
            words += len(tokens)
            txt.write(" ".join(tokens) + "\n")
    print(f"raw-text: {len(raw)} sentences, {words} tokens")
    for name, docbin in bins.items():
        docbin.to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(docbin)} sentences")
    for key in sorted(counts):
        print(f"  {key}: {counts[key]}")


if __name__ == "__main__":
    main()
