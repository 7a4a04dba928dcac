"""Sentence boundaries, tokens and lemmas measured on Universal Dependencies Italian ISDT.

The gold data is ``../shared/data/ud-italian-isdt/it_isdt-ud-dev.conllu`` (dev
split, CC BY-NC-SA 3.0). It is read at measurement time only; nothing from it is
stored in the project.

Method
------
**Sentence boundaries.** ISDT is a collection of isolated sentences from news,
legal texts, Wikipedia and questions, with no paragraph markup (``# newpar``
never occurs; ``# newdoc`` twice). We rebuild one document from the ``# text =``
lines in file order. Sentences ending in ``.``, ``!``, ``?`` or ``…`` (possibly
followed by closing quotes or brackets) are running prose and are joined to the
next one with a single space. A sentence without a final stop (a headline, a
list item of a legal text ending in ``;`` or ``:``) could only have stood on its
own line in the source document, so it is followed by a line break (a one-line
paragraph, which is how the loader sees a headline). The gold boundaries are the
end offsets of every sentence but the last; the predicted ones are the end
offsets of the sentences from :func:`analysis.segmentation.split_sentences`;
precision, recall and F1 count exact offset matches. We also report the
*strict* variant where every sentence is joined with a space (no line breaks at
all): there a boundary after ``;`` or ``:`` or after a headline is invisible to
any punctuation-based splitter, so it caps recall; it is given for
transparency, not as the target.

**Tokens.** Gold surface tokens (a multiword token such as ``del`` counts once,
as its surface form) get character offsets by walking the sentence text. Our
tokens come from :func:`analysis.pipeline.process_text` run on the sentence
text. Tokenization agreement is the F1 of exact (start, end) spans.

**Lemmas.** Scored on surface forms: every gold word that is its own surface
token (not part of a multiword token such as ``del`` = ``di`` + ``il`` or
``farne``), skipping UPOS PUNCT, SYM, NUM and X. A word counts as correct when
one of our tokens has exactly its offsets and the same lemma (case-sensitive,
apostrophes normalised to ``'``); a word our tokenizer cut differently counts
as wrong. We also report accuracy on the aligned words only, and simplemma
alone on the gold tokens (forms as written) as a reference point.

**Speed.** Tokens per second of :func:`analysis.pipeline.process_text` on the
rebuilt document (CPU time, best of three, caches warm), for comparison with
``bench/``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import SHARED_DATA_DIR
from ..pipeline import process_text
from ..segmentation import split_sentences

__all__ = [
    "UD_DEV_PATH",
    "GoldWord",
    "GoldSentence",
    "read_conllu",
    "build_document",
    "boundary_scores",
    "token_lemma_scores",
    "report",
]

UD_DEV_PATH: Path = SHARED_DATA_DIR / "ud-italian-isdt" / "it_isdt-ud-dev.conllu"

#: Gold UPOS tags not scored for lemmas.
SKIPPED_UPOS = frozenset({"PUNCT", "SYM", "NUM", "X"})
_FINAL_STOPS = (".", "!", "?", "…")
_CLOSING = "»”\"’')]"


@dataclass
class GoldWord:
    """A gold surface token with its offsets into the sentence text."""

    start: int
    end: int
    form: str
    lemma: str | None  # None for a multiword token's surface form
    upos: str | None


@dataclass
class GoldSentence:
    sent_id: str
    text: str
    words: list[GoldWord] = field(default_factory=list)


def _norm(s: str) -> str:
    return s.replace("\u2019", "'")


def read_conllu(path: Path | str = UD_DEV_PATH) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file with surface tokens located in ``# text``.

    Raises :class:`ValueError` when a token's form cannot be found in the
    sentence text (a malformed file).
    """
    sentences: list[GoldSentence] = []
    sent_id, text = "", None
    rows: list[list[str]] = []

    def flush() -> None:
        if text is None:
            return
        sentences.append(_locate(sent_id, text, rows))

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            sent_id, text, rows = "", None, []
        elif line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    flush()
    return sentences


def _locate(sent_id: str, text: str, rows: list[list[str]]) -> GoldSentence:
    sent = GoldSentence(sent_id, text)
    pos = 0
    covered_until = 0  # last word id inside the current multiword token
    for cols in rows:
        tid = cols[0]
        if "." in tid:  # empty node
            continue
        if "-" in tid:
            first, last = (int(x) for x in tid.split("-"))
            lemma, upos = None, None
            covered_until = last
        else:
            if int(tid) <= covered_until:
                continue
            lemma, upos = cols[2], cols[3]
        form = cols[1]
        start = text.find(form, pos)
        if start < 0:
            raise ValueError(f"{sent_id}: token {form!r} not found in the sentence text after offset {pos}")
        end = start + len(form)
        sent.words.append(GoldWord(start, end, form, lemma, upos))
        pos = end
    return sent


def _ends_with_stop(text: str) -> bool:
    return text.rstrip(_CLOSING).endswith(_FINAL_STOPS)


def build_document(sentences: list[GoldSentence], *, strict: bool = False) -> tuple[str, list[int]]:
    """The rebuilt document and its gold boundary offsets (see the module docstring)."""
    parts: list[str] = []
    bounds: list[int] = []
    pos = 0
    for i, sent in enumerate(sentences):
        parts.append(sent.text)
        pos += len(sent.text)
        if i < len(sentences) - 1:
            bounds.append(pos)
            sep = " " if strict or _ends_with_stop(sent.text) else "\n"
            parts.append(sep)
            pos += len(sep)
    return "".join(parts), bounds


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def boundary_scores(sentences: list[GoldSentence], *, strict: bool = False) -> dict[str, float]:
    """Precision, recall and F1 of predicted sentence boundaries."""
    text, gold = build_document(sentences, strict=strict)
    spans = split_sentences(text)
    pred = {s.end for s in spans[:-1]}
    tp = len(pred & set(gold))
    p, r, f = _prf(tp, len(pred), len(gold))
    return {"precision": p, "recall": r, "f1": f, "n_gold": len(gold), "n_pred": len(pred)}


def token_lemma_scores(sentences: list[GoldSentence], *, errors: list | None = None) -> dict[str, float]:
    """Tokenization agreement and lemma accuracy (see the module docstring).

    When ``errors`` is a list, (form, gold lemma, our lemma or None) tuples of
    the wrong lemmas are appended to it.
    """
    import simplemma

    tok_tp = tok_pred = tok_gold = 0
    n_scored = n_correct = n_aligned = n_aligned_correct = n_simplemma = 0
    n_tokens = 0
    for sent in sentences:
        processed = process_text(sent.text)
        T = processed.tokens
        ours = {(s, e): lem for s, e, lem in zip(T["start"], T["end"], T["lemma"])}
        n_tokens += len(T["start"])
        tok_pred += len(ours)
        tok_gold += len(sent.words)
        tok_tp += sum((w.start, w.end) in ours for w in sent.words)
        for w in sent.words:
            if w.lemma is None or w.upos in SKIPPED_UPOS:
                continue
            n_scored += 1
            gold = _norm(w.lemma)
            try:
                if _norm(simplemma.lemmatize(w.form, lang="it")) == gold:
                    n_simplemma += 1
            except ValueError:  # simplemma rejects some odd strings: counted as wrong
                pass
            lemma = ours.get((w.start, w.end))
            if lemma is not None:
                n_aligned += 1
                if _norm(lemma) == gold:
                    n_aligned_correct += 1
                    n_correct += 1
                    continue
            if errors is not None:
                errors.append((w.form, w.lemma, w.upos, lemma))
    tp, tr, tf = _prf(tok_tp, tok_pred, tok_gold)
    return {
        "token_precision": tp,
        "token_recall": tr,
        "token_f1": tf,
        "n_scored": n_scored,
        "lemma_accuracy": n_correct / n_scored if n_scored else 0.0,
        "lemma_accuracy_aligned": n_aligned_correct / n_aligned if n_aligned else 0.0,
        "n_aligned": n_aligned,
        "simplemma_gold_tokens": n_simplemma / n_scored if n_scored else 0.0,
        "n_tokens": n_tokens,
    }


def spacy_sentencizer_scores(sentences: list[GoldSentence]) -> dict[str, float] | None:
    """Boundary scores of spaCy's rule sentencizer on the same document, or None without spaCy.

    A reference point only (spaCy is a benchmark extra, not a dependency).
    """
    try:
        import spacy
    except ImportError:
        return None
    text, gold = build_document(sentences)
    nlp = spacy.blank("it")
    nlp.add_pipe("sentencizer")
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    ends = [s.end_char for s in list(nlp(text).sents)[:-1]]
    pred = {len(text[:e].rstrip()) for e in ends}  # spaCy spans may end in whitespace
    p, r, f = _prf(len(pred & set(gold)), len(pred), len(gold))
    return {"precision": p, "recall": r, "f1": f}


def _speed(sentences: list[GoldSentence], repeat: int = 3) -> tuple[int, float]:
    """Tokens per second of the whole pipeline on the rebuilt document (CPU time, best of ``repeat``)."""
    text, _ = build_document(sentences)
    best = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.process_time()
        n = len(process_text(text).tokens["start"])
        best = min(best, time.process_time() - t0)
    return n, n / best if best > 0 else 0.0


def report(path: Path | str = UD_DEV_PATH) -> str:
    """A plain-text report of every measurement, or why none was made."""
    path = Path(path)
    if not path.is_file():
        return f"UD Italian ISDT not found at {path}: nothing measured."
    sentences = read_conllu(path)
    b = boundary_scores(sentences)
    bs = boundary_scores(sentences, strict=True)
    t = token_lemma_scores(sentences)
    n, tps = _speed(sentences)
    sp = spacy_sentencizer_scores(sentences)
    lines = [
        f"UD Italian ISDT dev: {len(sentences)} sentences ({path.name})",
        f"sentence boundaries (stops joined by a space, others by a line break): "
        f"P={b['precision']:.3f} R={b['recall']:.3f} F1={b['f1']:.3f} ({b['n_gold']} gold, {b['n_pred']} predicted)",
        f"sentence boundaries, strict (every sentence joined by a space): "
        f"P={bs['precision']:.3f} R={bs['recall']:.3f} F1={bs['f1']:.3f}",
        (
            f"reference: spaCy blank('it') + sentencizer on the same document: "
            f"P={sp['precision']:.3f} R={sp['recall']:.3f} F1={sp['f1']:.3f}"
            if sp
            else "reference: spaCy not installed (make bench installs it)"
        ),
        f"tokenization agreement (exact spans, surface tokens): "
        f"P={t['token_precision']:.3f} R={t['token_recall']:.3f} F1={t['token_f1']:.3f}",
        f"lemma accuracy (surface words, no PUNCT/SYM/NUM/X, no multiword parts): "
        f"{t['lemma_accuracy']:.3f} of {t['n_scored']} words; on the {t['n_aligned']} aligned words "
        f"{t['lemma_accuracy_aligned']:.3f}",
        f"reference: simplemma alone on the gold tokens, forms as written: {t['simplemma_gold_tokens']:.3f}",
        f"speed: full pipeline {tps:,.0f} tokens/s of CPU time ({n} tokens, best of 3)",
    ]
    return "\n".join(lines)
