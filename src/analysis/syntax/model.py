"""Load the workbook's Italian spaCy pipeline, shipped inside the package.

The pipeline (``analysis/data/model/``: tokenizer, tok2vec, morphologizer,
dependency parser, named entities PER/LOC/ORG) was trained by ``make model``
on Universal Dependencies Italian and KIND (see ``training/`` and the
``meta.json`` beside the model for data, licence and measured scores). It
loads from disk: nothing is downloaded.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..paths import DATA_DIR

__all__ = ["MODEL_DIR", "load_nlp", "model_meta"]

#: Where the trained pipeline lives (a spaCy ``nlp.to_disk`` folder).
MODEL_DIR: Path = DATA_DIR / "model"


@lru_cache(maxsize=None)
def load_nlp(path: Path | str | None = None) -> Any:
    """The trained Italian pipeline as a spaCy ``Language`` (loaded once per path, then cached).

    Its tokenizer is ours (:mod:`analysis.syntax.tokenizer`), so ``doc[i].idx``
    are our token offsets. Raises :class:`FileNotFoundError` with the way out
    when the model folder is missing.
    """
    import spacy

    from . import tokenizer  # noqa: F401  registers "analysis.italian_tokenizer.v1"

    folder = Path(path) if path is not None else MODEL_DIR
    if not (folder / "config.cfg").is_file():
        raise FileNotFoundError(
            f"{folder}: no trained Italian pipeline here; it ships with the workbook, "
            "or run `make model` to train it from ../shared/data"
        )
    return spacy.load(folder)


def model_meta(path: Path | str | None = None) -> dict[str, Any]:
    """The pipeline's ``meta.json`` (name, version, licence, training data, measured scores)."""
    folder = Path(path) if path is not None else MODEL_DIR
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))
