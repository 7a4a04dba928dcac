"""Join the trained syntax pipeline and entity recogniser into the workbook's model folder.

    python training/assemble.py SYNTAX_MODEL NER_MODEL OUT [--inputs training/corpus/inputs.json]

The entity recogniser was trained with a tok2vec of its own; a copy of it
goes inside the recogniser, which then joins the syntax pipeline as it is. The
model's ``meta.json`` names the training data, the licence (CC BY-NC-SA 4.0:
a derived work of non-commercial, share-alike data) and, after ``make
model`` has measured it, the scores; ``LICENSE`` beside it gives the terms.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

from analysis.syntax import tokenizer  # noqa: F401  registers our tokenizer for spacy.load

LICENSE_TEXT = """\
The trained Italian pipeline in this folder (tokenizer rules aside, which are
the workbook's own code) is a derived work of:

- Universal Dependencies Italian ParTUT (CC BY-NC-SA 4.0), PUD (CC BY-SA 3.0),
  VIT (CC BY-NC-SA 3.0), MarkIT (CC BY 4.0), TWITTIRO (CC BY-SA 4.0) and
  PoSTWITA (CC BY-NC-SA 4.0);
- KIND (EVALITA 2023) named entities, Wikinews, fiction and De Gasperi
  training files (text CC BY 2.5 / public domain; labels CC BY-NC 4.0,
  ADG CC BY-NC-SA 4.0);
- DICE (Bonisoli, di Buono, Po, Rollo, SIGIR 2023), local news articles of the
  Gazzetta di Modena (CC BY-NC-SA 4.0): raw text only, for the pretrained
  tok2vec and the floret static vectors.

It is therefore distributed under the Creative Commons
Attribution-NonCommercial-ShareAlike 4.0 International licence
(https://creativecommons.org/licenses/by-nc-sa/4.0/), as spaCy's own Italian
models are. No sentence of the training data is stored here: the folder holds
model weights and label lists only.

Cite the treebanks (Sanguinetti and Bosco; Delmonte; Cignarella et al.;
Sanguinetti et al.; the UD PUD and MarkIT authors), KIND (Paccosi and
Palmero Aprosio) and DICE (Bonisoli et al.) when you publish results
obtained with it.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("syntax", type=Path)
    parser.add_argument("ner", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--inputs", type=Path, default=Path(__file__).resolve().parent / "corpus" / "inputs.json",
                        help="checksums of the shared files the corpora were built from (training/prepare.py)")
    args = parser.parse_args()
    nlp = spacy.load(args.syntax)
    ner_nlp = spacy.load(args.ner)
    if "tok2vec" in ner_nlp.pipe_names:
        # the recogniser listens to its own tok2vec: give it a copy, so it runs on its own in our pipeline
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({
        "name": "analysis_it",
        "version": "2.0.0",
        "description": "Italian tagger, morphologizer, dependency parser and named entities (PER, LOC, ORG) "
                       "of the media-analysis workbook, on its own tokenizer; CNN tok2vecs pretrained on news text, "
                       "floret static vectors.",
        "license": "CC BY-NC-SA 4.0",
        "sources": [
            {"name": "Universal Dependencies Italian ParTUT, PUD, VIT, MarkIT, TWITTIRO, PoSTWITA",
             "url": "https://universaldependencies.org", "license": "CC BY-NC-SA 4.0 / CC BY-SA / CC BY"},
            {"name": "KIND (EVALITA 2023): Wikinews, fiction, De Gasperi", "url": "https://github.com/dhfbk/KIND",
             "license": "CC BY-NC 4.0 / CC BY-NC-SA 4.0"},
            {"name": "DICE: Italian crime news of the Gazzetta di Modena (raw text: pretraining and vectors)",
             "url": "https://github.com/federicarollo/Italian-Crime-News", "license": "CC BY-NC-SA 4.0"},
        ],
        "author": "Italian media-analysis workbook",
    })
    if args.inputs.is_file():
        nlp.meta["training_inputs_sha256"] = json.loads(args.inputs.read_text(encoding="utf-8"))
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    (args.out / "LICENSE").write_text(LICENSE_TEXT, encoding="utf-8")
    print(f"{args.out}: {', '.join(nlp.pipe_names)}")


if __name__ == "__main__":
    main()
