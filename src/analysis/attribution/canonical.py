"""Canonical speaker names: aliases merged within a document and across a corpus.

A person named once in full ("Il Presidente Vladimir Putin") and later by
surname ("Putin") gets one canonical name, "Vladimir Putin". A short name is
merged only when exactly one longer name ends with it, so two different
"Kim" stay apart. Corpus-level merging depends only on the set of names, never
on row order, so running it on per-document results in any partition gives
the same table.
"""
from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from ..stopwords import STOP_WORDS
from .lexicon import COUNTRY_ADJECTIVES, COUNTRY_NAMES, INSTITUTIONS, MEDIA, ROLES, norm

__all__ = ["alias_map", "document_name_candidates", "canonicalize_speakers", "country_of"]

_CAP_RUN_RE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*)(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)+")


def document_name_candidates(text: str) -> set[str]:
    """Capitalised multiword names written in a text, without leading titles or function words."""
    names = set()
    for m in _CAP_RUN_RE.finditer(text):
        words = m.group(0).split()
        while words and (norm(words[0]) in ROLES or norm(words[0]) in STOP_WORDS):
            words = words[1:]
        if len(words) >= 2:
            names.add(" ".join(words))
    return names


def _is_plain_name(name: str) -> bool:
    key = norm(name)
    return not (key in MEDIA or key in INSTITUTIONS or key in COUNTRY_NAMES)


def alias_map(names: Iterable[str], *, extra_full_names: Iterable[str] = ()) -> dict[str, str]:
    """Short person names → the only longer name that ends with them.

    ``names`` are canonical person names; ``extra_full_names`` are further
    multiword names (e.g. found in the document text) that may complete them.
    """
    names = set(names)
    full = {n for n in names | set(extra_full_names) if len(n.split()) >= 2 and _is_plain_name(n)}
    mapping: dict[str, str] = {}
    for short in sorted(names):
        words = short.split()
        if not words or not _is_plain_name(short):
            continue
        candidates = {f for f in full if f != short and len(f.split()) > len(words) and f.split()[-len(words):] == words}
        # keep the longest forms only ("Vladimir Putin", not both it and "Presidente Vladimir Putin")
        if len(candidates) == 1:
            mapping[short] = next(iter(candidates))
        elif len(candidates) > 1:
            minimal = {c for c in candidates if not any(o != c and o.endswith(" " + c) for o in candidates)}
            if len(minimal) == 1:
                mapping[short] = next(iter(minimal))
    return mapping


def canonicalize_speakers(df: pd.DataFrame) -> pd.DataFrame:
    """Merge person aliases across all rows of an attribution table (and in ``via``).

    Running it on the concatenation of per-document results, in any order or
    partition, gives the same values: the mapping depends only on the set of
    canonical names. Row order and every other column are kept.
    """
    if df.empty:
        return df.copy()
    out = df.copy()
    persons = out.loc[out["speaker_type"] == "person", "speaker_canonical"].dropna().astype(str)
    mapping = alias_map(set(persons))
    if mapping:
        mask = out["speaker_type"] == "person"
        out.loc[mask, "speaker_canonical"] = out.loc[mask, "speaker_canonical"].map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)
        out["via"] = out["via"].map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)
    if "speaker_gender" in out.columns:
        out["speaker_gender"] = person_genders(out)
    for col in ("speaker_canonical", "via"):
        out[col] = out[col].astype("string")
    return out


def person_genders(df: pd.DataFrame) -> pd.Series:
    """``speaker_gender`` made one per named person: what any of their rows shows, when the rows agree.

    A person named in full ("Vladimir Putin") and by surname ("Putin") share a
    canonical name, so the first name, or a feminine participle in one
    sentence, tells the gender of every row. Rows that disagree are all left
    unknown; role-only speakers ("portavoce", several people) keep their own.
    """
    from .gender import gender_from_name

    genders = df["speaker_gender"].astype("string")
    persons = (df["speaker_type"] == "person") & df["speaker_canonical"].map(
        lambda v: isinstance(v, str) and v[:1].isupper() and _is_plain_name(v))
    if not persons.any():
        return genders
    names = df.loc[persons, "speaker_canonical"].astype(str)
    found: dict[str, set[str]] = {}
    for name, g in zip(names, genders[persons]):
        seen = found.setdefault(name, set())
        if isinstance(g, str):
            seen.add(g)
    for name, seen in found.items():
        by_name = gender_from_name(name)
        if by_name is not None:
            seen.add(by_name)
    decided = {name: next(iter(seen)) if len(seen) == 1 else None for name, seen in found.items()}
    genders.loc[persons] = names.map(decided).astype("string")
    return genders


def country_of(speaker_canonical: object, speaker_type: object, affiliation: object, role: object = None) -> str | None:
    """The country or side a speaker stands for, when the table says it."""
    def s(v: object) -> str | None:
        return v if isinstance(v, str) and v else None

    canonical, kind, aff, role_s = s(speaker_canonical), s(speaker_type), s(affiliation), s(role)
    if kind == "country" and canonical:
        return canonical
    for value in (aff, canonical):
        if value is None:
            continue
        key = norm(value)
        if key in COUNTRY_NAMES:
            return COUNTRY_NAMES[key]
        if key in INSTITUTIONS and INSTITUTIONS[key].country:
            return INSTITUTIONS[key].country
        if key in MEDIA and MEDIA[key].country:
            return MEDIA[key].country
    m = re.search(r"\(([^)]+)\)$", canonical or "")
    if m and norm(m.group(1)) in COUNTRY_NAMES:
        return COUNTRY_NAMES[norm(m.group(1))]
    for word in (role_s or "").split():
        if norm(word) in COUNTRY_ADJECTIVES:
            return COUNTRY_ADJECTIVES[norm(word)]
    return None
