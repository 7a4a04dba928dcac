"""Terms: how a token becomes the unit that keyword analysis counts.

Every function in :mod:`analysis.keywords` counts *terms*, built here from the
corpus ``tokens`` table in three small steps:

1. :func:`content_mask` keeps content tokens: words, acronyms, abbreviations,
   hashtags (and numbers when asked); punctuation, symbols, URLs and stop words
   go. A stop word written with a capital inside a sentence is part of a name
   (``Un`` in *Kim Jong Un*) and is kept (:func:`capitalised_mask`). Of the
   other words, only content parts of speech are kept (:data:`CONTENT_UPOS`:
   nouns, proper names, adjectives, full verbs, and forms the lexicon does
   not know), by the most frequent tag the Italian model gives the form
   (:func:`analysis.postags.form_upos`, read from a table, so no tagger runs
   over the corpus); numerals written as words (*due*, *mille*) go with the
   numbers, and the light verbs of ``data/light_verbs.txt`` (*essere, fare,
   potere, dovere, stare*…) go by their lemma. All of them stay searchable:
   :mod:`analysis.keywords.kwic` and the explorers match every token.
2. :func:`token_labels` gives each token its label. With ``by="form"``, the
   word as written, lower-cased unless it is capitalised inside a sentence or
   a proper noun for the pipeline (``is_proper``). With ``by="lemma"``, the
   pipeline's lemma, lower-cased, except proper nouns and capitalised function
   words inside a name, which keep their form (*Putin*, *Corea*, *PTI*, *Un*).
3. :func:`merge_case_variants` joins labels that differ only by case or
   apostrophe (``Ucraina`` after a hyphen is lemmatised as *ucraina*; ``l'`` and
   ``l’``): they count as one term, displayed as their most frequent spelling
   (a tie goes to the capitalised one). So *Russia-Ucraina* counts *Russia* and
   *Ucraina* (the tokenizer splits hyphenated names).

Where words are counted per source, per outlet or as collocates, a name is
one term: :func:`name_of_tokens` finds, for each token, the name mention
(:func:`analysis.keywords.entity_mentions`) it lies in, and
:func:`labelled_tokens` given ``names`` counts *Corea del Nord* or *Kim Jong
Un* once, under the mention's canonical name, instead of word by word.

With ``by="lemma"`` the pipeline decides whether a capitalised common noun
inside a sentence (*i due Paesi*, *gli Stati*) is a name or a noun; with
``by="form"`` it is shown as written and merged with its lower-case spelling.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Literal

import numpy as np
import pandas as pd

__all__ = [
    "TermUnit",
    "TERM_UNITS",
    "CONTENT_KINDS",
    "check_unit",
    "sentence_initial_mask",
    "capitalised_mask",
    "CONTENT_UPOS",
    "content_mask",
    "content_pos_mask",
    "light_verbs",
    "running_word_mask",
    "token_labels",
    "term_key",
    "merge_case_variants",
    "labelled_tokens",
    "name_of_tokens",
    "merge_names",
]

#: What a term is made of: the dictionary lemma or the word as written.
TermUnit = Literal["lemma", "form"]
TERM_UNITS: tuple[str, ...] = ("lemma", "form")

#: Token kinds that can be content words (``number`` only on request).
CONTENT_KINDS: frozenset[str] = frozenset({"word", "elision", "abbreviation", "acronym", "handle"})
#: Parts of speech (UPOS, the model's) that make a content term.
CONTENT_UPOS: frozenset[str] = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
#: The part of speech of numerals written as words.
NUMERAL_UPOS = "NUM"
#: Light verbs, out of term rankings by lemma (editable list).
LIGHT_VERBS_FILE = "light_verbs.txt"
#: Token kinds that are not running words (per-10k rates leave them out).
_NON_WORD_KINDS: frozenset[str] = frozenset({"punct", "symbol", "emoticon", "url", "email"})


def check_unit(by: str) -> str:
    """Return ``by`` if it is a :data:`TermUnit`, else raise ValueError."""
    if by not in TERM_UNITS:
        raise ValueError(f"by must be one of {', '.join(map(repr, TERM_UNITS))}; got {by!r}")
    return by


def _kinds(tokens: pd.DataFrame) -> pd.Series:
    return tokens["kind"].astype("string").fillna("")


#: Opening quotes and brackets after which a capital may just start a sentence.
#: (A hyphen is not one: in *Russia-Ucraina* the capital is the name's.)
OPENERS: frozenset[str] = frozenset({"«", "“", '"', "‘", "'", "(", "[", "–", "—", ":"})
_NAME_KINDS = ("word", "acronym")


def sentence_initial_mask(tokens: pd.DataFrame) -> pd.Series:
    """True for the first non-punctuation token of each sentence and right after an opener.

    Needs the whole tokens table (or whole sentences of it), in document order.
    """
    if tokens.empty:
        return pd.Series([], dtype=bool, index=tokens.index)
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    doc = pd.factorize(tokens["doc_id"].astype(str))[0]
    sent = tokens["sent_id"].to_numpy()
    new_sentence = np.ones(len(tokens), dtype=bool)
    new_sentence[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    sentence_no = np.cumsum(new_sentence)
    words = (~punct).astype("int64")
    words_so_far = pd.Series(words).groupby(sentence_no).cumsum().to_numpy()
    first_word = ~punct & (words_so_far == 1)
    prev_opener = np.zeros(len(tokens), dtype=bool)
    prev_opener[1:] = tokens["text"].astype(str).isin(OPENERS).to_numpy(dtype=bool)[:-1]
    after_opener = ~punct & ~new_sentence & prev_opener
    return pd.Series(first_word | after_opener, index=tokens.index, dtype=bool)


def _starts_upper(text: pd.Series) -> np.ndarray:
    """``str(t)[:1].isupper()`` for every value, as a boolean array.

    For a string column the test runs once per distinct first character, not
    once per token.
    """
    if isinstance(text.dtype, pd.StringDtype):
        first = text.str.slice(0, 1)  # NA stays NA (``str(NA)`` is "<NA>": not upper)
        codes, uniques = pd.factorize(first, use_na_sentinel=True)
        upper = np.array([str(u).isupper() for u in uniques] + [False], dtype=bool)
        return upper[codes]
    form = text.astype(str).to_numpy(dtype=object)
    return np.array([f[:1].isupper() for f in form], dtype=bool)


_WORD_CHARACTER = re.compile(r"\w")


def _has_word_character(text: pd.Series) -> pd.Series:
    """True where the text contains a letter, digit or underscore (``\\w``); tested once per distinct text."""
    text = text.astype("string").fillna("")
    codes, uniques = pd.factorize(text)
    found = np.array([_WORD_CHARACTER.search(u) is not None for u in uniques] + [False], dtype=bool)
    return pd.Series(found[codes], index=text.index)


def _is_kind(tokens: pd.DataFrame, kinds: tuple[str, ...]) -> np.ndarray:
    """Boolean array: the token's ``kind`` is one of ``kinds``."""
    col = tokens["kind"]
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.isin(kinds).to_numpy(dtype=bool)
    return _kinds(tokens).isin(kinds).to_numpy(dtype=bool)


def capitalised_mask(tokens: pd.DataFrame) -> pd.Series:
    """Words written with a capital as names: inside a sentence, or anywhere if ``is_proper``.

    A capital at the start of a sentence only counts when the pipeline keeps
    the word as a proper noun (*Putin ha detto*, not *Secondo l’agenzia*).
    """
    capital = _starts_upper(tokens["text"]) & _is_kind(tokens, _NAME_KINDS)
    if {"doc_id", "sent_id"} <= set(tokens.columns):
        initial = sentence_initial_mask(tokens).to_numpy(dtype=bool)
    else:
        initial = np.zeros(len(tokens), dtype=bool)
    proper = tokens["is_proper"].to_numpy(dtype=bool)
    return pd.Series(capital & (~initial | proper), index=tokens.index, dtype=bool)


def _capitalised(tokens: pd.DataFrame) -> pd.Series:
    """:func:`capitalised_mask`, or the ``is_name`` column when a caller computed it on the full table."""
    if "is_name" in tokens.columns:
        return tokens["is_name"].astype(bool)
    return capitalised_mask(tokens)


def light_verbs() -> frozenset[str]:
    """The lemmas of ``data/light_verbs.txt``."""
    from ..wordlists import read_word_list

    return read_word_list(LIGHT_VERBS_FILE)


def content_pos_mask(tokens: pd.DataFrame, *, keep_numbers: bool = False) -> pd.Series:
    """True where a word's part of speech makes it a term: see the module doc.

    Names (:func:`capitalised_mask`) always are; a form the lexicon does not
    know is too (most are names and rare content words). Each distinct form is
    looked up once.
    """
    from ..postags import form_upos

    if tokens.empty:
        return pd.Series([], dtype=bool, index=tokens.index)
    codes, forms = pd.factorize(tokens["text"].astype("string").fillna(""))
    allowed = CONTENT_UPOS | ({NUMERAL_UPOS} if keep_numbers else set())
    by_form = np.array([(u := form_upos(str(f))) is None or u in allowed for f in forms] + [True], dtype=bool)
    ok = by_form[codes]
    if "lemma" in tokens.columns:
        lemma_codes, lemmas = pd.factorize(tokens["lemma"].astype("string").fillna("").str.lower())
        light = light_verbs()
        is_light = np.array([str(x) in light for x in lemmas] + [False], dtype=bool)[lemma_codes]
        ok &= ~is_light
    return pd.Series(ok, index=tokens.index) | _capitalised(tokens)


def content_mask(tokens: pd.DataFrame, *, keep_numbers: bool = False) -> pd.Series:
    """Boolean mask of the content tokens of a ``tokens`` table (see module doc)."""
    allowed = tuple(CONTENT_KINDS) + (("number",) if keep_numbers else ())
    ok_kind = pd.Series(_is_kind(tokens, allowed), index=tokens.index)
    not_stop = ~tokens["is_stop"].astype(bool) | _capitalised(tokens)
    has_letter = _has_word_character(tokens["text"])
    candidate = ok_kind & ~tokens["is_punct"].astype(bool) & not_stop & has_letter
    out = candidate.copy()
    if candidate.any():
        out[candidate] = content_pos_mask(tokens.loc[candidate], keep_numbers=keep_numbers)
    return out.astype(bool)


def running_word_mask(tokens: pd.DataFrame) -> pd.Series:
    """Tokens that count as running words (every token but punctuation, symbols, URLs…)."""
    non_word = pd.Series(_is_kind(tokens, tuple(_NON_WORD_KINDS)), index=tokens.index)
    return (~non_word & ~tokens["is_punct"].astype(bool)).astype(bool)


def token_labels(tokens: pd.DataFrame, by: TermUnit = "lemma") -> pd.Series:
    """Per-token label: lemma or form, lower case unless a name (see module doc).

    Pass the whole tokens table (or add an ``is_name`` column computed with
    :func:`capitalised_mask` on it): whether a capital starts a sentence is
    read from the neighbouring tokens.
    """
    check_unit(by)
    form = tokens["text"].astype("string").fillna("")
    capitalised = _capitalised(tokens)
    proper = tokens["is_proper"].astype(bool)
    if by == "form":
        return form.where(capitalised | proper, form.str.lower()).astype("string")
    lemma = tokens["lemma"].astype("string").fillna(form)
    lemma = lemma.where(lemma.str.len() > 0, form)
    keep = proper | (capitalised & tokens["is_stop"].astype(bool))
    return form.where(keep, lemma.str.lower()).astype("string")


def term_key(label: str) -> str:
    """The identity of a term: case-folded, apostrophes and spaces normalised."""
    return " ".join(label.replace("\u2019", "'").replace("\u02bc", "'").casefold().split())


def merge_case_variants(labels: Iterable[str]) -> dict[str, str]:
    """Map every label to the display form of its case/apostrophe variant group.

    The display form is the most frequent label of the group (a tie goes to
    the one with more capitals, then alphabetical order), so the mapping is
    deterministic.
    """
    counts = Counter(labels)
    by_key: dict[str, list[tuple[str, int]]] = {}
    for label, n in counts.items():
        by_key.setdefault(term_key(label), []).append((label, n))
    display: dict[str, str] = {}
    for variants in by_key.values():
        best = sorted(variants, key=lambda v: (-v[1], -sum(ch.isupper() for ch in v[0]), v[0]))[0][0]
        for label, _ in variants:
            display[label] = best
    return display


def name_of_tokens(tokens: pd.DataFrame, names: pd.DataFrame) -> np.ndarray:
    """For each row of ``tokens``, the row position in ``names`` of the name it lies in (-1: none).

    ``tokens`` and ``names`` both need doc_id, start and end (character
    offsets); ``names`` is a table of non-overlapping mentions such as
    :func:`analysis.keywords.entity_mentions`. A token belongs to a name when
    it lies wholly inside ``[start, end)``.
    """
    out = np.full(len(tokens), -1, dtype="int64")
    if tokens.empty or names.empty:
        return out
    docs = pd.Index(pd.unique(pd.concat([tokens["doc_id"], names["doc_id"]]).astype(str)))
    t_doc = docs.get_indexer(tokens["doc_id"].astype(str))
    n_doc = docs.get_indexer(names["doc_id"].astype(str))
    n_start = names["start"].to_numpy(dtype="int64")
    n_end = names["end"].to_numpy(dtype="int64")
    order = np.lexsort((n_start, n_doc))
    sorted_doc, sorted_start = n_doc[order], n_start[order]
    t_start = tokens["start"].to_numpy(dtype="int64")
    t_end = tokens["end"].to_numpy(dtype="int64")
    # The last name starting at or before each token, in the same document.
    pos = np.searchsorted(sorted_doc * (1 << 40) + sorted_start, t_doc * (1 << 40) + t_start, side="right") - 1
    ok = pos >= 0
    candidate = order[np.clip(pos, 0, None)]
    ok &= n_doc[candidate] == t_doc
    ok &= t_end <= n_end[candidate]
    out[ok] = candidate[ok]
    return out


def merge_names(content: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """Content tokens with every name counted once, as its canonical name.

    ``content`` has doc_id, start, end and term (as from
    :func:`labelled_tokens`); ``names`` has doc_id, start, end and entity
    (:func:`analysis.keywords.entity_mentions`). The first content token of
    each name takes the name as its ``term`` and the name's ``end``; the
    name's other tokens are dropped. Row order is kept.
    """
    which = name_of_tokens(content, names)
    if not (which >= 0).any():
        return content
    first = np.ones(len(content), dtype=bool)
    first[1:] = which[1:] != which[:-1]
    keep = (which < 0) | first
    out = content.copy()
    inside = which >= 0
    entity = names["entity"].astype("string").to_numpy(dtype=object)
    ends = names["end"].to_numpy(dtype="int64")
    terms = out["term"].astype("string").to_numpy(dtype=object)
    terms[inside] = entity[which[inside]]
    out["term"] = pd.array(terms, dtype="string")
    out_end = out["end"].to_numpy(dtype="int64").copy()
    out_end[inside] = ends[which[inside]]
    out["end"] = out_end
    return out.loc[keep]


def labelled_tokens(
    tokens: pd.DataFrame,
    *,
    by: TermUnit = "lemma",
    keep_numbers: bool = False,
    names: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The content tokens of ``tokens`` with a ``term`` column (merged display label).

    Columns: those of the tokens table plus ``term`` (str). Row order is kept.
    With ``names`` (a table of name mentions, see :func:`merge_names`) each
    name is one term spanning its words.
    """
    check_unit(by)
    tokens = tokens.assign(is_name=capitalised_mask(tokens))
    content = tokens.loc[content_mask(tokens, keep_numbers=keep_numbers)].copy()
    labels = token_labels(content, by)
    mapping = merge_case_variants(labels.tolist())
    content["term"] = labels.map(mapping).astype("string")
    if names is not None:
        content = merge_names(content, names)
    return content
