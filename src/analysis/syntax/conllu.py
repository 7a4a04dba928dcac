"""Universal Dependencies (CoNLL-U) and KIND (IOB) sentences as spaCy ``Doc`` objects.

Used to build the training corpora (``training/prepare.py``) and to score the
trained pipeline on gold tokens (:mod:`analysis.evaluation.syntax`), so that
training and measuring read the shared files the same way. Written here
because spaCy's ``convert`` keeps UD's split contractions (``di`` + ``il`` for
``del``), which our tokenizer never produces.

**Tokens.** Each syntactic word of a sentence has a character span: its own,
or, for the parts of a multiword token (``del`` = ``di`` + ``il``, ``farne`` =
``fare`` + ``ne``), the span of the written contraction. Words are grouped into
tokens, either the gold surface tokens (:func:`gold_tokens`, for measuring)
or our tokenizer's (:func:`our_tokens`, for training: ``60%`` and ``92/42``
are one token for us, two or three in UD). A group becomes one token carrying
the annotation of its *head word*, the first word whose head lies outside the
group (``di`` in ``del``: UPOS ``ADP``, relation ``case``; ``fare`` in
``farne``), with the morphological features of the other words added where
the head word has none (``del`` gets the article's gender and number). Words
attached to any word of a group attach to the group's token. spaCy's Italian
models are scored on written contractions in the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..evaluation.kind import detokenize
from ..tokenization import tokenize

__all__ = [
    "UDWord", "UDSentence", "GoldSyntax", "GoldEntities",
    "read_ud", "gold_tokens", "our_tokens", "read_kind", "kind_our_tokens", "syntax_doc", "entities_doc",
]


@dataclass
class UDWord:
    """A syntactic word: character span (of its written token), form, lemma, UPOS, features, head id, relation."""

    start: int
    end: int
    form: str
    lemma: str
    upos: str
    feats: str
    head: int  # 1-based id of the head word, 0 for the root
    deprel: str


@dataclass
class UDSentence:
    sent_id: str
    text: str
    words: list[UDWord]              # word id i+1 is words[i]
    surface: list[tuple[int, int]]   # spans of the written tokens


@dataclass
class GoldSyntax:
    """One sentence on some tokenization; ``heads`` are 0-based indices (a root points to itself)."""

    sent_id: str
    text: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)


@dataclass
class GoldEntities:
    """One KIND sentence: tokens, spacing and entity spans as token indices ``(start, end, label)``."""

    sent_id: str
    text: str
    words: list[str]
    spaces: list[bool]
    entities: list[tuple[int, int, str]]


def _blocks(path: Path) -> Iterator[list[str]]:
    """Blank-line separated blocks of a file (each a list of lines)."""
    block: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip():
                block.append(line)
            elif block:
                yield block
                block = []
    if block:
        yield block


def _locate(text: str, forms: Sequence[str], where: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for form in forms:
        start = text.find(form, pos)
        if start < 0:
            raise ValueError(f"{where}: token {form!r} not found in the sentence text after offset {pos}")
        spans.append((start, start + len(form)))
        pos = start + len(form)
    return spans


def _ud_sentence(sent_id: str, text: str, rows: list[list[str]]) -> UDSentence:
    ranges: dict[int, int] = {}  # first word id of a multiword token -> last
    forms: list[str] = []
    first_ids: list[int] = []
    skip_until = 0
    for cols in rows:
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            ranges[a] = b
            forms.append(cols[1])
            first_ids.append(a)
            skip_until = b
        elif int(cols[0]) > skip_until:
            forms.append(cols[1])
            first_ids.append(int(cols[0]))
    surface = _locate(text, forms, sent_id)
    span_of: dict[int, tuple[int, int]] = {}
    for (start, end), a in zip(surface, first_ids):
        for w in range(a, ranges.get(a, a) + 1):
            span_of[w] = (start, end)
    words = [
        UDWord(*span_of[int(c[0])], c[1], c[2], c[3], c[5], int(c[6]), c[7])
        for c in rows if c[0].isdigit()
    ]
    return UDSentence(sent_id, text, words, surface)


def read_ud(path: Path | str) -> list[UDSentence]:
    """Every sentence of a CoNLL-U file (empty nodes skipped)."""
    out: list[UDSentence] = []
    for block in _blocks(Path(path)):
        sent_id, text = "", None
        rows: list[list[str]] = []
        for line in block:
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text ="):
                text = line.split("=", 1)[1].strip()
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "." not in cols[0]:
                    rows.append(cols)
        if text is None:
            raise ValueError(f"{path}: sentence {sent_id or len(out)} has no '# text =' line")
        out.append(_ud_sentence(sent_id, text, rows))
    return out


def _merge_feats(first: str, others: list[str]) -> str:
    feats = {} if first == "_" else dict(f.split("=", 1) for f in first.split("|"))
    for other in others:
        if other != "_":
            for f in other.split("|"):
                key, value = f.split("=", 1)
                feats.setdefault(key, value)
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))


def _groups(word_spans: list[tuple[int, int]], token_spans: list[tuple[int, int]]) -> list[list[int]] | None:
    """Word indices inside each token, or None when a word crosses a token boundary or is left out."""
    groups: list[list[int]] = [[] for _ in token_spans]
    t = 0
    for w, (ws, we) in enumerate(word_spans):
        while t < len(token_spans) and token_spans[t][1] <= ws:
            t += 1
        if t == len(token_spans) or not (token_spans[t][0] <= ws and we <= token_spans[t][1]):
            return None
        groups[t].append(w)
    return groups if all(groups) else None


def _spaces(text: str, spans: list[tuple[int, int]]) -> list[bool] | None:
    """Space after each token; None when a gap is other than nothing or one plain space."""
    gaps = [text[e:s] for (_, e), (s, _) in zip(spans, spans[1:])] + [""]
    if any(g not in ("", " ") for g in gaps):
        return None
    return [g == " " for g in gaps]


def _merged(sent: UDSentence, spans: list[tuple[int, int]]) -> GoldSyntax | None:
    groups = _groups([(w.start, w.end) for w in sent.words], spans)
    spaces = _spaces(sent.text, spans)
    if groups is None or spaces is None:
        return None
    token_of = {w: t for t, group in enumerate(groups) for w in group}
    out = GoldSyntax(sent.sent_id, sent.text, spaces=spaces)
    for t, group in enumerate(groups):
        outside = [w for w in group if sent.words[w].head - 1 not in group]
        head_word = sent.words[outside[0] if outside else group[0]]
        out.words.append(sent.text[spans[t][0]:spans[t][1]])
        out.pos.append(head_word.upos)
        out.morphs.append(_merge_feats(head_word.feats, [sent.words[w].feats for w in group if sent.words[w] is not head_word]))
        out.lemmas.append(head_word.lemma if len(group) == 1 else out.words[-1])
        out.heads.append(t if head_word.head == 0 else token_of[head_word.head - 1])
        out.deps.append("ROOT" if head_word.head == 0 else head_word.deprel)
    return out if _is_tree(out.heads) else None


def _is_tree(heads: list[int]) -> bool:
    """One root and no cycle (merging words into tokens can close a loop)."""
    if sum(h == i for i, h in enumerate(heads)) != 1:
        return False
    for i in range(len(heads)):
        seen = 0
        while heads[i] != i:
            i = heads[i]
            seen += 1
            if seen > len(heads):
                return False
    return True


def gold_tokens(sent: UDSentence) -> GoldSyntax:
    """The sentence on its written (surface) tokens.

    Odd whitespace inside the sentence (two spaces, a tab) becomes one space,
    so the ``Doc`` can be built from words and spaces.
    """
    out = _merged(sent, sent.surface)
    if out is None:
        forms = [sent.text[s:e] for s, e in sent.surface]
        text = " ".join(forms)
        spans = _locate(text, forms, sent.sent_id)
        shift = dict(zip(sent.surface, spans))
        words = [UDWord(*shift[(w.start, w.end)], w.form, w.lemma, w.upos, w.feats, w.head, w.deprel) for w in sent.words]
        out = _merged(UDSentence(sent.sent_id, text, words, spans), spans)
    if out is None:
        raise ValueError(f"{sent.sent_id}: syntactic words outside the written tokens")
    return out


def our_tokens(sent: UDSentence) -> GoldSyntax | None:
    """The sentence on our tokenizer's tokens, or None where a gold word is cut by them (or the spacing is odd)."""
    return _merged(sent, [(t.start, t.end) for t in tokenize(sent.text)])


def read_kind(path: Path | str, prefix: str) -> list[GoldEntities]:
    """Every sentence of a KIND file on its own tokens; ids ``<prefix>-<n>`` from 0; text by :func:`detokenize`."""
    out: list[GoldEntities] = []
    for n, block in enumerate(_blocks(Path(path))):
        words = [line.split("\t")[0] for line in block]
        tags = [line.split("\t")[1].strip() if "\t" in line else "O" for line in block]
        text = detokenize(words)
        sent_id = f"{prefix}-{n}"
        spans = _locate(text, words, sent_id)
        out.append(GoldEntities(sent_id, text, words, _spaces(text, spans) or [True] * len(words), _iob_spans(tags)))
    return out


def kind_our_tokens(sent: GoldEntities) -> GoldEntities | None:
    """The sentence on our tokens, or None where an entity boundary falls inside one of them."""
    word_spans = _locate(sent.text, sent.words, sent.sent_id)
    spans = [(t.start, t.end) for t in tokenize(sent.text)]
    groups = _groups(word_spans, spans)
    spaces = _spaces(sent.text, spans)
    if groups is None or spaces is None:
        return None
    token_of = {w: t for t, group in enumerate(groups) for w in group}
    entities = []
    for s, e, label in sent.entities:
        ts, te = token_of[s], token_of[e - 1] + 1
        if groups[ts][0] != s or groups[te - 1][-1] != e - 1:
            return None
        entities.append((ts, te, label))
    return GoldEntities(sent.sent_id, sent.text, [sent.text[s:e] for s, e in spans], spaces, entities)


def syntax_doc(vocab: Vocab, sent: GoldSyntax, *, annotate: bool = True) -> Doc:
    """The sentence as a ``Doc`` on its tokens, with its annotation unless ``annotate`` is False."""
    if not annotate:
        return Doc(vocab, words=sent.words, spaces=sent.spaces)
    sent_starts: list[bool | int | None] = [True, *[False] * (len(sent.words) - 1)]  # the type Doc asks for
    return Doc(
        vocab, words=sent.words, spaces=sent.spaces, pos=sent.pos, morphs=sent.morphs,
        lemmas=sent.lemmas, heads=sent.heads, deps=sent.deps, sent_starts=sent_starts,
    )


def entities_doc(vocab: Vocab, sent: GoldEntities, *, annotate: bool = True) -> Doc:
    """The sentence as a ``Doc`` on its tokens, with its PER/LOC/ORG spans unless ``annotate`` is False."""
    doc = Doc(vocab, words=sent.words, spaces=sent.spaces)
    if annotate:
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in sent.entities]
    return doc


def _iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""  # the open span's label (read only while ``start`` is set)
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        if start is not None and (prefix != "I" or lab != label):
            spans.append((start, i, label))
            start, label = None, ""
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, lab
    return spans
