"""The workbook's own Italian spaCy pipeline: tokens, parts of speech, morphology, dependencies, entities.

:func:`load_nlp` returns the trained pipeline shipped in ``analysis/data/model``
(CC BY-NC-SA 4.0; see its ``LICENSE`` and ``meta.json``), whose tokenizer is
ours (:mod:`.tokenizer`), so its tokens are the corpus tokens. :mod:`.conllu`
reads the Universal Dependencies and KIND files it was trained and measured
on; ``training/`` and ``make model`` rebuild it.
"""
from __future__ import annotations

from .model import MODEL_DIR, load_nlp, model_meta

__all__ = ["load_nlp", "model_meta", "MODEL_DIR"]
