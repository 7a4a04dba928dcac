"""Sentences of the KIND Italian Wikinews file, rebuilt as running text.

The shared file (``kind-wikinews/evalita-2023_WN_dev.tsv``) has one token a
line and a blank line between sentences. Gold annotations keep only sentence
ids and character offsets, so the text must be rebuilt the same way every
time: :func:`detokenize` is that one deterministic rule. It is written here
because the Moses detokenizer (sacremoses, ``lang="it"``) leaves a space
inside Italian guillemets ("« gli insetti") and does not pair straight quotes.

Sentence ids are ``kind-wn-dev-<n>``, ``n`` counting sentences from 0 in file
order.
"""
from __future__ import annotations

from pathlib import Path

from ..paths import SHARED_DATA_DIR

__all__ = ["KIND_FILE", "detokenize", "kind_sentences"]

KIND_FILE = Path("kind-wikinews") / "evalita-2023_WN_dev.tsv"

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}»”%…") | {"...", "’"}
_NO_SPACE_AFTER = frozenset("([{«“")
# Apocopes written with an apostrophe that are whole words ("un po' di").
_APOCOPES = frozenset({"po'", "po’", "mo'", "mo’", "be'", "be’", "di'", "di’", "fa'", "fa’", "va'", "va’", "sta'", "sta’"})


def detokenize(tokens: list[str]) -> str:
    """Join tokens with the spacing of printed Italian.

    No space before closing punctuation, after opening brackets and quotes, or
    after an elided word ("dell'", "l’"); straight double quotes alternate
    between opening and closing within the sentence.
    """
    out: list[str] = []
    glue_next = True  # no space before the first token
    quote_open = False
    for tok in tokens:
        if tok == '"':
            if quote_open:
                out.append(tok)
                glue_next = False
            else:
                if not glue_next:
                    out.append(" ")
                out.append(tok)
                glue_next = True
            quote_open = not quote_open
            continue
        if not glue_next and tok not in _NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue_next = tok in _NO_SPACE_AFTER or (
            len(tok) > 1 and tok[-1] in "'’" and tok[:-1].isalpha() and tok.lower() not in _APOCOPES
        )
    return "".join(out)


def kind_sentences(data_dir: Path | None = None) -> dict[str, str]:
    """sentence id → rebuilt sentence text; empty when the shared file is absent."""
    path = (data_dir or SHARED_DATA_DIR) / KIND_FILE
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    tokens: list[str] = []
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            tokens.append(line.split("\t", 1)[0])
        elif tokens:
            out[f"kind-wn-dev-{n}"] = detokenize(tokens)
            n += 1
            tokens = []
    return out
