"""The Italian pipeline measured on gold tokens: UPOS, UAS, LAS and named entities.

Gold data, read at measurement time only (nothing from it is stored):

* UD Italian ISDT dev (``ud-italian-isdt/``): never trained on; the figure to
  compare with spaCy's published small Italian model (trained on ISDT train);
* the held-out UD sentences of :mod:`analysis.evaluation.splits` (ParTUT test,
  one block in five of PUD and VIT): never trained on, other treebanks;
* KIND Wikinews dev (``kind-wikinews/``) for entities, and the held-out
  blocks of the KIND Wikinews training file.

Method: each sentence becomes a ``Doc`` on its gold surface tokens
(:func:`analysis.syntax.conllu.gold_tokens`: a written contraction such as
``del`` is one token with the annotation of its head word), the pipeline's
components run on it in turn, and spaCy's scorer compares: UPOS accuracy;
UAS and LAS over every token but punctuation (spaCy's convention, the one its
published figures use; with punctuation in brackets); entity precision,
recall and F1 on exact spans and labels.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterable

from ..paths import SHARED_DATA_DIR
from .splits import KIND_DIR, KIND_FILES, UD_DIR, UD_FILES, kind_role, ud_role

__all__ = ["ISDT_DEV", "KIND_DEV", "syntax_scores", "entity_scores", "heldout_ud", "heldout_kind", "report"]

ISDT_DEV = Path("ud-italian-isdt") / "it_isdt-ud-dev.conllu"
KIND_DEV = Path("kind-wikinews") / "evalita-2023_WN_dev.tsv"


def _run(nlp: Any, docs: Iterable[Any]) -> list[Any]:
    """Every component of ``nlp`` applied in turn to Docs already tokenized."""
    out = []
    for doc in docs:
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out.append(doc)
    return out


def _dep_label(token: Any, attr: str) -> str:
    """The relation as spaCy's parser scorer reads it (a lower-case string)."""
    return token.vocab.strings.as_string(getattr(token, attr)).lower()


def syntax_scores(nlp: Any, sentences: list[Any]) -> dict[str, float]:
    """UPOS accuracy, UAS and LAS (without and with punctuation) of ``nlp`` on UD sentences (gold tokens)."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    from ..syntax.conllu import gold_tokens, syntax_doc

    golds = [gold_tokens(s) for s in sentences]
    t0 = time.perf_counter()
    preds = _run(nlp, (syntax_doc(nlp.vocab, g, annotate=False) for g in golds))
    seconds = time.perf_counter() - t0
    examples = [Example(p, syntax_doc(nlp.vocab, g)) for p, g in zip(preds, golds)]
    pos = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    deps = Scorer.score_deps(examples, "dep", getter=_dep_label, ignore_labels=("p", "punct"))
    with_punct = Scorer.score_deps(examples, "dep", getter=_dep_label)
    n_tokens = sum(len(g.words) for g in golds)
    return {
        "sentences": len(golds), "tokens": n_tokens, "upos": pos, "uas": deps["dep_uas"], "las": deps["dep_las"],
        "uas_with_punct": with_punct["dep_uas"], "las_with_punct": with_punct["dep_las"],
        "tokens_per_second": n_tokens / seconds if seconds else 0.0,
    }


def entity_scores(nlp: Any, sentences: list[Any]) -> dict[str, Any]:
    """Entity precision, recall and F1 (exact span and label), overall and per label, on KIND sentences."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    from ..syntax.conllu import entities_doc

    preds = _run(nlp, (entities_doc(nlp.vocab, s, annotate=False) for s in sentences))
    examples = [Example(p, entities_doc(nlp.vocab, s)) for p, s in zip(preds, sentences)]
    scores = Scorer.score_spans(examples, "ents")
    return {
        "sentences": len(sentences), "precision": scores["ents_p"], "recall": scores["ents_r"], "f1": scores["ents_f"],
        "per_type": {k: v["f"] for k, v in (scores["ents_per_type"] or {}).items()},
    }


def heldout_ud(data_dir: Path | None = None) -> list[Any]:
    """The UD sentences kept out of training (see :mod:`analysis.evaluation.splits`)."""
    from ..syntax.conllu import read_ud

    base = data_dir or SHARED_DATA_DIR
    return [s for name in UD_FILES if (base / UD_DIR / name).exists()
            for i, s in enumerate(read_ud(base / UD_DIR / name)) if ud_role(name, i) == "heldout"]


def heldout_kind(data_dir: Path | None = None) -> list[Any]:
    """The KIND Wikinews training sentences kept out of training."""
    from ..syntax.conllu import read_kind

    base = data_dir or SHARED_DATA_DIR
    return [s for name, (prefix, _) in KIND_FILES.items() if (base / KIND_DIR / name).exists()
            for i, s in enumerate(read_kind(base / KIND_DIR / name, prefix)) if kind_role(name, i) == "heldout"]


def measure(nlp: Any = None, data_dir: Path | None = None) -> dict[str, dict]:
    """Every figure of the module docstring, keyed by set; sets whose files are absent are left out."""
    from ..syntax.conllu import read_kind, read_ud
    from ..syntax.model import load_nlp

    nlp = nlp if nlp is not None else load_nlp()
    base = data_dir or SHARED_DATA_DIR
    out: dict[str, dict] = {}
    if (base / ISDT_DEV).exists():
        out["isdt_dev"] = syntax_scores(nlp, read_ud(base / ISDT_DEV))
    held = heldout_ud(base)
    if held:
        out["ud_heldout"] = syntax_scores(nlp, held)
    if (base / KIND_DEV).exists():
        out["kind_wn_dev"] = entity_scores(nlp, read_kind(base / KIND_DEV, "kind-wn-dev"))
    held_kind = heldout_kind(base)
    if held_kind:
        out["kind_heldout"] = entity_scores(nlp, held_kind)
    return out


def report(nlp: Any = None, data_dir: Path | None = None) -> str:
    """A plain-text report of :func:`measure`, or why nothing was measured."""
    base = data_dir or SHARED_DATA_DIR
    if not base.is_dir():
        return f"{base}: shared data absent, the Italian pipeline was not measured"
    scores = measure(nlp, base)
    names = {"isdt_dev": "UD Italian ISDT dev (never trained on)",
             "ud_heldout": "UD held-out sentences (ParTUT test, PUD and VIT blocks; never trained on)",
             "kind_wn_dev": "KIND Wikinews dev (never trained on)",
             "kind_heldout": "KIND Wikinews training blocks held out"}
    lines = []
    for key, s in scores.items():
        if "upos" in s:
            lines.append(f"{names[key]}: {s['sentences']} sentences, {s['tokens']} tokens: UPOS {s['upos']:.3f}  "
                         f"UAS {s['uas']:.3f}  LAS {s['las']:.3f}  (with punctuation: UAS {s['uas_with_punct']:.3f}  "
                         f"LAS {s['las_with_punct']:.3f}); {s['tokens_per_second']:,.0f} tokens/s")
        else:
            per = "  ".join(f"{k} {v:.3f}" for k, v in sorted(s["per_type"].items()))
            lines.append(f"{names[key]}: {s['sentences']} sentences: entities P {s['precision']:.3f}  "
                         f"R {s['recall']:.3f}  F1 {s['f1']:.3f}  ({per})")
    return "\n".join(lines)
