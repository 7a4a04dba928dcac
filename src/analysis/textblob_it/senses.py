"""Words that are evaluative in one sense and not in another, told apart by the words around them.

"Positivo" praises in "un bilancio positivo" and reports a test result in
"è risultato positivo al tampone"; "sostiene" supports in "sostiene il
progetto" and only reports a claim in "sostiene che …". Deleting such words
from the lexicon would lose the evaluative sense; instead the rules of
``data/sentiment/senses.tsv`` recognise the other sense from its neighbours
and the analyzer leaves the word unscored there, listing it among the
assessments with the rules ``("sense", <name>)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..paths import DATA_DIR

__all__ = ["SENSES_PATH", "SenseRule", "read_senses", "sense_of", "BEFORE_REACH"]

#: The editable rules.
SENSES_PATH: Path = DATA_DIR / "sentiment" / "senses.tsv"
#: How many words before the word a ``before`` cue may stand.
BEFORE_REACH = 2
#: Articles an ``after`` cue may follow ("positivo *al* test", "positivo *a un* controllo").
_SKIPPABLE_AFTER = frozenset({"il", "lo", "la", "l'", "i", "gli", "le", "un", "una", "uno", "un'"})


@dataclass(frozen=True)
class SenseRule:
    """One rule: in this ``sense`` the ``forms`` are not opinions, when ``before`` and ``after`` (if given) hold."""

    forms: frozenset[str]
    before: frozenset[str]
    after: frozenset[str]
    sense: str


def read_senses(path: str | Path = SENSES_PATH) -> list[SenseRule]:
    """The rules of a senses file (``forms<TAB>before<TAB>after<TAB>sense``; ``-`` for no condition)."""
    path = Path(path)
    rules = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("\t")]
        if len(parts) != 4:
            raise ValueError(f"{path.name}:{n}: expected forms, before, after, sense (tab-separated), got {raw!r}")

        def words(cell: str) -> frozenset[str]:
            return frozenset() if cell == "-" else frozenset(w.strip().lower().replace("\u2019", "'")
                                                             for w in cell.split(",") if w.strip())

        forms, before, after = words(parts[0]), words(parts[1]), words(parts[2])
        if not forms or not (before or after):
            raise ValueError(f"{path.name}:{n}: a rule needs forms and a 'before' or an 'after' condition")
        rules.append(SenseRule(forms, before, after, parts[3]))
    return rules


@lru_cache(maxsize=1)
def _by_form() -> dict[str, tuple[SenseRule, ...]]:
    table: dict[str, list[SenseRule]] = {}
    for rule in read_senses():
        for form in rule.forms:
            table.setdefault(form, []).append(rule)
    return {k: tuple(v) for k, v in table.items()}


def _after_matches(words: Sequence[str], i: int, cues: frozenset[str]) -> bool:
    j = i + 1
    if j < len(words) and words[j] in cues:
        return True
    return j + 1 < len(words) and words[j] in _SKIPPABLE_AFTER and words[j + 1] in cues


def sense_of(words: Sequence[str], i: int) -> str | None:
    """The name of the non-evaluative sense of ``words[i]`` (lower-case words of a sentence), or None.

    >>> sense_of("è risultato positivo al tampone".split(), 2)
    'test-result'
    """
    rules = _by_form().get(words[i])
    if not rules:
        return None
    before = words[max(0, i - BEFORE_REACH):i]
    for rule in rules:
        if rule.before and not any(w in rule.before for w in before):
            continue
        if rule.after and not _after_matches(words, i, rule.after):
            continue
        return rule.sense
    return None
