"""Our Italian tokenizer as a spaCy tokenizer, so a parsed ``Doc`` keeps our offsets.

spaCy's pipeline components read a ``Doc``; the tokenizer that builds it is
replaceable. This one cuts with :func:`analysis.tokenization.tokenize` (the
same tokens the corpus tables hold), so ``doc[i].idx`` is the ``start`` of our
token ``i`` and the parse lines up with every other table without alignment.

Whitespace follows spaCy's convention (``doc.text`` is always the input): one
plain space after a token is its ``whitespace_``; any other run of whitespace
(a line break, two spaces, a no-break space) becomes a token of its own, which
the trained pipeline tags ``SPACE``.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..tokenization import Token, tokenize

__all__ = ["ItalianTokenizer", "create_tokenizer", "doc_from_tokens"]


def doc_from_tokens(vocab: Vocab, text: str, tokens: Iterable[Token], start: int = 0, end: int | None = None) -> Doc:
    """A ``Doc`` over ``text[start:end]`` whose tokens are ``tokens`` (offsets into ``text``).

    ``doc[i].idx + start`` is the offset of token ``i`` in ``text``; whitespace
    between tokens becomes spaCy whitespace as described in the module docstring.
    """
    end = len(text) if end is None else end
    words: list[str] = []
    spaces: list[bool] = []
    pos = start
    for tok in tokens:
        gap = text[pos:tok.start]
        _add_gap(words, spaces, gap)
        words.append(tok.text)
        spaces.append(False)
        pos = tok.end
    _add_gap(words, spaces, text[pos:end])
    return Doc(vocab, words=words, spaces=spaces)


def _add_gap(words: list[str], spaces: list[bool], gap: str) -> None:
    """Attach the whitespace ``gap`` to the previous token or add it as a token."""
    if not gap:
        return
    if words and not spaces[-1] and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
        if not gap:
            return
    if words and words[-1].isspace():  # two gaps in a row cannot happen; keep it simple
        words[-1] += gap
    else:
        words.append(gap)
        spaces.append(False)


class ItalianTokenizer:
    """Callable ``text -> Doc`` for a spaCy ``Language`` (stateless; serialises to nothing)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return doc_from_tokens(self.vocab, text, tokenize(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy saves and loads a tokenizer with the pipeline; ours has no state.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ItalianTokenizer":
        return self

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        return None

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> "ItalianTokenizer":
        return self


@registry.tokenizers("analysis.italian_tokenizer.v1")
def create_tokenizer() -> Callable[[Any], ItalianTokenizer]:
    """Registered factory named in the pipeline's ``config.cfg`` (``[nlp.tokenizer]``)."""

    def make(nlp: Any) -> ItalianTokenizer:
        return ItalianTokenizer(nlp.vocab)

    return make
