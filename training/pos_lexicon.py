"""The part of speech of each word form, as the workbook's Italian model tags it: a table derived from the model.

    python training/pos_lexicon.py --data ../shared/data --model src/analysis/data/model \
        --out src/analysis/data/pos/forms.tsv [--max-words N]

Keyword rankings keep content words by their part of speech (nouns, proper
names, adjectives, full verbs: :mod:`analysis.keywords.terms`), but tagging
every sentence of a corpus would cost more than the rest of the analysis.
So the model tags raw news text once, here, and the table of its most
frequent tag per word form is shipped beside the model
(``src/analysis/data/pos/``), read by :mod:`analysis.postags`.

The text: the DICE local-news articles of the model's training side only
(:func:`analysis.evaluation.splits.dice_role` is ``"train"``), split and
tokenized by the workbook's own pipeline, tagged by the model's tok2vec and
morphologizer (no parser, no entities). Columns of the table: ``form`` (as
written, case kept), ``upos`` (the most frequent tag; a tie goes to the first
in alphabetical order), ``count`` (occurrences tagged), ``share`` (of those
with that tag). Forms seen fewer than ``--min-count`` times are left out.

The table is derived from the model, so it carries the model's licence (CC
BY-NC-SA 4.0) and is regenerated whenever the model is (``make pos-lexicon``).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from analysis.evaluation.splits import dice_articles, dice_role
from analysis.pipeline import process_text
from analysis.syntax.model import load_nlp, model_meta
from analysis.syntax.tokenizer import doc_from_tokens
from analysis.tokenization import Token

HEADER = """# Most frequent part of speech (Universal Dependencies UPOS) of each word form, as the workbook's
# Italian model ({model} {version}) tags DICE training-side news text ({words:,} words).
# Derived from the model: licence CC BY-NC-SA 4.0, like the model. Made by training/pos_lexicon.py.
# form\tupos\tcount\tshare
"""


def sentences(data_dir: Path, max_words: int | None):
    """``(text, tokens)`` of every sentence of the training-side DICE articles, offsets into the sentence."""
    words = 0
    for article in dice_articles(data_dir):
        if dice_role(str(article.get("id"))) != "train" or not isinstance(article.get("text"), str):
            continue
        text = article["text"]
        done = process_text(text)
        T, S = done.tokens, done.sentences
        k = 0
        for a, b in zip(S["start"], S["end"]):
            toks = []
            while k < len(T["start"]) and T["start"][k] < b:
                toks.append(Token(T["start"][k] - a, T["end"][k] - a, T["text"][k], T["kind"][k]))
                k += 1
            if toks:
                yield text[a:b], toks
                words += len(toks)
        if max_words is not None and words >= max_words:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--max-words", type=int, default=None, help="stop after this many words (default: all)")
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args(argv)
    nlp = load_nlp(args.model)
    meta = model_meta(args.model)
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    words = 0

    def docs():
        for text, toks in sentences(args.data, args.max_words):
            yield doc_from_tokens(nlp.vocab, text, toks, 0, len(text))

    with nlp.select_pipes(enable=[p for p in ("tok2vec", "morphologizer", "tagger") if p in nlp.pipe_names]):
        for doc in nlp.pipe(docs(), batch_size=256):
            for tok in doc:
                if not tok.is_space and tok.pos_:
                    tags[tok.text][tok.pos_] += 1
                    words += 1
    rows = []
    for form, counts in tags.items():
        n = sum(counts.values())
        if n < args.min_count:
            continue
        upos, top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        rows.append((form, upos, n, top / n))
    rows.sort(key=lambda r: (-r[2], r[0]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER.format(model=meta.get("name", "model"), version=meta.get("version", ""), words=words))
        for form, upos, n, share in rows:
            fh.write(f"{form}\t{upos}\t{n}\t{share:.3f}\n")
    print(f"{len(rows):,} forms from {words:,} tagged words → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
