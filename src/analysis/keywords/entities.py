"""Named entities: proper-noun phrases found by capitalisation and a gazetteer.

No offline Italian named-entity recogniser ships with the workbook's
dependencies (spaCy's Italian models are a download), so names are found by
rules, written here:

1. **Gazetteer**: every alias of ``data/entities.tsv`` (alias → canonical
   name), and the names and aliases of the institutions and media listed for
   source attribution (``data/attribution/institutions.tsv``,
   ``agencies_media.tsv``, when present), is matched as a token sequence, case
   included (*Usa* the country, never *usa* the verb).
2. **Capitalisation**: a run of capitalised words (inside a sentence, or
   proper nouns for the pipeline, see
   :func:`~analysis.keywords.terms.capitalised_mask`), which may contain the
   connectors *di, del, della, dei, degli, delle, d’, de, von, van, der*
   between two capitalised words: *Corea del Nord*, *Dipartimento di Stato*,
   *Kim Jong Un*. Titles and roles in front of a name (the one-word entries
   of ``data/attribution/roles.txt``, shared with source attribution:
   *Presidente*, *ministro*, …) are dropped: *Presidente Vladimir Putin* is
   *Vladimir Putin*. Where both rules match at a token the longer span wins.
3. **Filters**: a run that starts a sentence with a common Italian word
   (*Arriva Miller*) loses that word unless it is also capitalised inside a
   sentence elsewhere. For one-word runs outside the gazetteer: a capitalised word at
   the start of a sentence counts only if the same word is also capitalised
   inside a sentence somewhere in the corpus (*Attualmente* is not a name); a
   capitalised common word (*Paesi*) is dropped when the corpus also has it in
   lower case; a title alone is dropped.
4. **Aliases**: a span that is an alias in the gazetteer takes its canonical
   name; then, within each document, a one-word name that is the surname of
   exactly one longer name of that document (*Miller* → *Matthew Miller*) is
   merged into it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from ..lemmatization import is_known_word
from ..paths import DATA_DIR
from ..tokenization import tokenize
from ..wordlists import read_word_list, read_word_table
from .terms import capitalised_mask, running_word_mask, sentence_initial_mask

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["entity_mentions", "entities", "entity_aliases", "TITLES", "CONNECTORS", "ATTRIBUTION_GAZETTEERS", "MENTION_COLUMNS", "ENTITY_COLUMNS"]

MENTION_COLUMNS = ("doc_id", "start", "end", "text", "entity", "source")
ENTITY_COLUMNS = ("entity", "count", "per_10k", "n_docs", "variants")

#: Lower-case words allowed between two capitalised words of one name.
CONNECTORS: frozenset[str] = frozenset({"di", "del", "della", "dello", "dei", "degli", "delle", "d'", "dell'", "de", "von", "van", "der", "da"})


def _roles() -> frozenset[str]:
    try:
        roles = read_word_list("attribution/roles.txt")
    except FileNotFoundError:  # the attribution word lists are optional here
        return frozenset()
    return frozenset(r.lower() for r in roles if " " not in r)


#: Titles and roles dropped from the front of a name (one-word roles of attribution).
TITLES: frozenset[str] = _roles()
#: Gazetteers of source attribution whose ``canonical`` and ``aliases`` columns name entities.
ATTRIBUTION_GAZETTEERS = ("attribution/institutions.tsv", "attribution/agencies_media.tsv")


def _norm(form: str) -> str:
    return form.replace("\u2019", "'")


def _attribution_aliases(name: str) -> dict[str, str]:
    """{alias: canonical} from an attribution table with ``canonical`` and ``aliases`` columns."""
    path = DATA_DIR / name
    if not path.is_file():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    if not rows or "canonical" not in rows[0]:
        return {}
    header = rows[0]
    at_canonical = header.index("canonical")
    at_aliases = header.index("aliases") if "aliases" in header else None
    table: dict[str, str] = {}
    for row in rows[1:]:
        if len(row) <= at_canonical or not row[at_canonical].strip():
            continue
        canonical = row[at_canonical].strip()
        table[canonical] = canonical
        if at_aliases is not None and len(row) > at_aliases:
            for alias in row[at_aliases].split(","):
                if alias.strip():
                    table[alias.strip()] = canonical
    return table


@lru_cache(maxsize=1)
def entity_aliases() -> dict[str, str]:
    """The gazetteer as {alias: canonical name}.

    ``data/entities.tsv`` first; the attribution tables
    (:data:`ATTRIBUTION_GAZETTEERS`) add the names it does not have.
    """
    table: dict[str, str] = {}
    for name in ATTRIBUTION_GAZETTEERS:
        table.update(_attribution_aliases(name))
    table.update(read_word_table("entities.tsv"))
    return {" ".join(_norm(k).split()): v for k, v in table.items()}


@lru_cache(maxsize=1)
def _alias_sequences() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Aliases as token sequences, indexed by first token, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for alias, canonical in entity_aliases().items():
        seq = tuple(_norm(t.text) for t in tokenize(alias))
        if seq:
            index.setdefault(seq[0], []).append((seq, canonical))
    for seqs in index.values():
        seqs.sort(key=lambda s: -len(s[0]))
    return index


def _canonical(text: str) -> str:
    key = " ".join(_norm(text).split())
    return entity_aliases().get(key, key)


def entity_mentions(corpus: "Corpus") -> pd.DataFrame:
    """Every name mention in ``corpus`` (see the module doc for the rules).

    Columns (in document order):
        doc_id (str).
        start, end (int): character offsets; ``text[start:end]`` is the
            mention as written (title excluded).
        text (str): the mention as written.
        entity (str): the canonical name (gazetteer alias resolved, surname
            merged with the full name of the same document).
        source (str): ``"gazetteer"`` or ``"capitalisation"``.
    """
    tokens = corpus.tokens
    if tokens.empty:
        return _empty_mentions()
    forms = [_norm(str(f)) for f in tokens["text"].to_numpy()]
    proper = capitalised_mask(tokens).to_numpy(dtype=bool)
    initial = sentence_initial_mask(tokens).to_numpy(dtype=bool)
    docs = tokens["doc_id"].astype("string").to_numpy()
    sents = tokens["sent_id"].to_numpy()
    starts = tokens["start"].to_numpy()
    ends = tokens["end"].to_numpy()
    lower_forms = {f.lower() for f, p in zip(forms, tokens["is_proper"].to_numpy(dtype=bool)) if not p and f[:1].islower()}
    mid_caps = {f for f, p, ini in zip(forms, proper, initial) if p and not ini}
    index = _alias_sequences()
    n = len(forms)

    def same_sentence(i: int, j: int) -> bool:
        return j < n and docs[i] == docs[j] and sents[i] == sents[j]

    rows: list[tuple[str, int, int, str, str]] = []
    i = 0
    while i < n:
        # 1. gazetteer: longest alias starting here
        gaz_end, gaz_name = -1, ""
        for seq, canonical in index.get(forms[i], ()):
            j = i + len(seq)
            if j <= n and tuple(forms[i:j]) == seq and same_sentence(i, j - 1):
                gaz_end, gaz_name = j, canonical
                break
        # 2. capitalisation run
        run_end = -1
        if proper[i]:
            j = i + 1
            while True:
                if same_sentence(i, j) and proper[j]:
                    j += 1
                    continue
                k = j
                while same_sentence(i, k) and forms[k].lower() in CONNECTORS and not proper[k]:
                    k += 1
                if k > j and same_sentence(i, k) and proper[k]:
                    j = k + 1
                    continue
                break
            run_end = j
        if gaz_end < 0 and run_end < 0:
            i += 1
            continue
        if gaz_end >= run_end:
            rows.append((str(docs[i]), int(starts[i]), int(ends[gaz_end - 1]), gaz_name, "gazetteer"))
            i = gaz_end
            continue
        first = i
        if initial[first] and run_end - first > 1 and forms[first] not in mid_caps and is_known_word(forms[first].lower()):
            first += 1  # "Arriva Miller": a common word that only starts the sentence
        while first < run_end - 1 and forms[first].lower() in TITLES and proper[first + 1]:
            first += 1
        i = run_end
        if run_end - first == 1:
            form = forms[first]
            if form.lower() in TITLES:
                continue
            if initial[first] and form not in mid_caps:
                continue
            if form.lower() in lower_forms and is_known_word(form.lower()):
                continue
        rows.append((str(docs[first]), int(starts[first]), int(ends[run_end - 1]), "", "capitalisation"))

    texts = corpus._texts()
    out = []
    for doc_id, start, end, name, source in rows:
        surface = texts[doc_id][start:end]
        out.append((doc_id, start, end, surface, name or _canonical(surface), source))
    frame = pd.DataFrame(out, columns=list(MENTION_COLUMNS))
    if frame.empty:
        return _empty_mentions()
    frame["entity"] = _merge_surnames(frame)
    return frame.astype({"doc_id": "string", "start": "int64", "end": "int64", "text": "string", "entity": "string", "source": "string"})


def _merge_surnames(frame: pd.DataFrame) -> pd.Series:
    """Within each document, a one-word name → the unique longer name ending with it."""
    entity = frame["entity"].copy()
    for _, group in frame.groupby("doc_id", sort=False):
        names = set(group["entity"])
        by_surname: dict[str, set[str]] = {}
        for name in names:
            parts = name.split()
            if 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts):
                by_surname.setdefault(parts[-1], set()).add(name)
        for idx, name in group["entity"].items():
            full = by_surname.get(name, set())
            if " " not in name and len(full) == 1:
                entity.at[idx] = next(iter(full))
    return entity


def _empty_mentions() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="int64" if c in ("start", "end") else "string") for c in MENTION_COLUMNS})


def entities(corpus: "Corpus", *, min_count: int = 1) -> pd.DataFrame:
    """Names in ``corpus`` with their frequency, merged by alias.

    Columns (sorted by count, then entity):
        entity (str): canonical name.
        count (int): mentions in the corpus.
        per_10k (float): mentions per 10,000 running words.
        n_docs (int): documents that mention it.
        variants (str): the distinct spellings seen, ``"; "``-separated,
            most frequent first.

    See :func:`entity_mentions` for each mention with its offsets.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive integer; got {min_count!r}")
    mentions = entity_mentions(corpus)
    if mentions.empty:
        return pd.DataFrame({"entity": pd.Series([], dtype="string"), "count": pd.Series([], dtype="int64"),
                             "per_10k": pd.Series([], dtype="float64"), "n_docs": pd.Series([], dtype="int64"),
                             "variants": pd.Series([], dtype="string")})
    n_words = int(running_word_mask(corpus.tokens).sum())
    rows = []
    for name, group in mentions.groupby("entity", sort=False):
        spellings = group["text"].map(lambda s: " ".join(s.split())).value_counts()
        order = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append((name, len(group), group["doc_id"].nunique(), "; ".join(s for s, _ in order)))
    out = pd.DataFrame(rows, columns=["entity", "count", "n_docs", "variants"])
    out = out[out["count"] >= min_count]
    out["per_10k"] = out["count"] / max(n_words, 1) * 10_000
    out = out.sort_values(["count", "entity"], ascending=[False, True], kind="mergesort")
    out = out.astype({"entity": "string", "count": "int64", "n_docs": "int64", "per_10k": "float64", "variants": "string"})
    return out.reset_index(drop=True)[list(ENTITY_COLUMNS)]

