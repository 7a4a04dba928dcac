"""Term frequencies: seed counts checked by hand, stop words and punctuation out."""
from __future__ import annotations

import pytest

from analysis import corpus_from_texts
from analysis.keywords import term_frequencies
from analysis.stopwords import STOP_WORDS
from conftest import SEED_ID


def _counts(table):
    return dict(zip(table["term"], table["count"]))


# Expected counts found by reading the seed article and counting each word by
# hand (cross-checked with `grep -o '\bWORD\b' seeds/000_785c457bafa34816.txt | wc -l`).
# Forms only, and content words whose status as a content word is not in doubt.
SEED_FORM_COUNTS = {
    "Putin": 6,        # ¶1 "Vladimir Putin", ¶2 "Vladimir Putin", ¶3, ¶4, ¶9 "di Putin", ¶11
    "Russia": 7,       # ¶1, ¶4 "Russia-Ucraina", ¶5, ¶6, ¶7 twice, ¶11
    "Ucraina": 6,      # ¶4 "Russia-Ucraina", ¶5, ¶6, ¶7, ¶9 "dell’Ucraina", ¶11 "l’Ucraina"
    "Pyongyang": 5,    # ¶1, ¶2, ¶5, ¶10, ¶11
    "Mosca": 3,        # ¶5, ¶9, ¶10
    "missili": 4,      # ¶6, ¶7, ¶8, ¶9 (always followed by "balistici")
    "balistici": 4,
    "nordcoreani": 4,  # ¶1, ¶6, ¶8, ¶9 ("nordcoreano" once more in ¶4)
    "nordcoreano": 1,
    "sanzioni": 3,     # ¶1, ¶9 twice
    "dichiarato": 5,   # ¶3, ¶6, ¶7, ¶8, ¶10
    "TASS": 2,         # ¶3, ¶10
    "Vladimir": 2,
}


def test_seed_form_counts_counted_by_hand(seed_corpus):
    counts = _counts(term_frequencies(seed_corpus, by="form"))
    for term, expected in SEED_FORM_COUNTS.items():
        assert counts.get(term) == expected, term


def test_seed_lemmas_join_inflected_forms(seed_corpus):
    counts = _counts(term_frequencies(seed_corpus, by="lemma"))
    # nordcoreani (4) + nordcoreano (1), counted above by hand
    assert counts["nordcoreano"] == 5
    assert counts["Putin"] == 6  # a name keeps its capital as a lemma


def test_seed_columns_and_rates(seed_corpus):
    table = term_frequencies(seed_corpus)
    assert list(table.columns) == ["term", "count", "per_10k", "n_docs", "is_proper"]
    assert (table["n_docs"] == 1).all()
    assert table["count"].is_monotonic_decreasing
    row = table.set_index("term").loc["Putin"]
    assert bool(row["is_proper"])
    ratio = table["per_10k"] / table["count"]
    assert ratio.nunique() == 1  # one denominator for every term


def test_stop_words_and_punctuation_excluded(seed_corpus):
    for by in ("lemma", "form"):
        terms = term_frequencies(seed_corpus, by=by)["term"].tolist()
        lower = [t for t in terms if t == t.lower()]
        assert not [t for t in lower if t.replace("\u2019", "'") in STOP_WORDS], by
        assert not [t for t in terms if not any(ch.isalnum() for ch in t)], by
        for word in ("il", "di", "e", "che", ",", ".", "“", "”"):
            assert word not in terms


def test_hyphenated_names_split_and_case_variants_merged():
    corpus = corpus_from_texts({"d": "La guerra Russia-Ucraina continua. In Ucraina si combatte."})
    counts = _counts(term_frequencies(corpus, by="lemma"))
    assert counts["Russia"] == 1
    assert counts["Ucraina"] == 2  # "ucraina" after the hyphen joins "Ucraina"
    assert "Russia-Ucraina" not in counts and "ucraina" not in counts


def test_numbers_only_on_request():
    corpus = corpus_from_texts({"d": "Nel 2023 sono arrivati 11.000 contenitori."})
    assert "2023" not in _counts(term_frequencies(corpus))
    assert _counts(term_frequencies(corpus, keep_numbers=True))["2023"] == 1


def test_per_document_counts():
    corpus = corpus_from_texts({"a": "Putin parla. Putin tace.", "b": "Putin e Kim."})
    table = term_frequencies(corpus, per_document=True)
    assert list(table.columns) == ["doc_id", "term", "count", "per_10k"]
    got = {(d, t): n for d, t, n in zip(table["doc_id"], table["term"], table["count"])}
    assert got[("a", "Putin")] == 2 and got[("b", "Putin")] == 1 and got[("b", "Kim")] == 1
    overall = term_frequencies(corpus).set_index("term")
    assert overall.loc["Putin", "count"] == 3 and overall.loc["Putin", "n_docs"] == 2


def test_empty_corpus_gives_empty_table():
    table = term_frequencies(corpus_from_texts({"d": ""}))
    assert table.empty and list(table.columns) == ["term", "count", "per_10k", "n_docs", "is_proper"]


@pytest.mark.parametrize("kwargs", [{"by": "stem"}, {"min_count": 0}, {"min_count": "2"}])
def test_bad_options_raise_value_error(seed_corpus, kwargs):
    with pytest.raises(ValueError):
        term_frequencies(seed_corpus, **kwargs)


def test_seed_doc_id_present(seed_corpus):
    table = term_frequencies(seed_corpus, per_document=True)
    assert set(table["doc_id"]) == {SEED_ID}


# --- content terms by part of speech, names as one term ---------------------------------------------------------

POS_TEXTS = {
    "a": "Kim Jong Un ha detto che la Corea del Nord potrà fare due nuovi test missilistici. "
         "Il regime deve stare attento, dicono gli esperti.",
    "b": "La Corea del Nord ha lanciato tre missili balistici. Kim Jong Un vuole andare avanti con il programma.",
}


@pytest.fixture(scope="module")
def pos_corpus():
    from analysis import corpus_from_texts

    return corpus_from_texts(POS_TEXTS)


def test_numerals_and_light_verbs_are_out_of_the_ranking_but_searchable(pos_corpus):
    from analysis.keywords import kwic

    terms = set(term_frequencies(pos_corpus)["term"])
    for out in ("due", "tre", "fare", "potere", "dovere", "stare", "volere", "andare", "dire"):
        assert out not in terms, out
    for kept in ("missile", "test", "regime", "esperto", "balistico", "lanciare", "programma"):
        assert kept in terms, kept
    assert len(kwic(pos_corpus, "due")) == 1 and len(kwic(pos_corpus, "fare")) == 1
    with_numbers = set(term_frequencies(pos_corpus, keep_numbers=True)["term"])
    assert {"due", "tre"} <= with_numbers


def test_names_are_one_term(pos_corpus):
    from analysis.keywords import entity_mentions

    table = term_frequencies(pos_corpus, names=entity_mentions(pos_corpus))
    counts = dict(zip(table["term"], table["count"]))
    assert counts["Kim Jong Un"] == 2 and counts["Corea del Nord"] == 2
    assert not {"Kim", "Jong", "Un", "Corea", "Nord"} & set(counts)
    assert table.loc[table["term"] == "Kim Jong Un", "is_proper"].item()


def test_without_the_model_table_the_pattern_lexicon_decides(pos_corpus, monkeypatch, tmp_path):
    from analysis import paths, postags

    postags.upos_lexicon.cache_clear()
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)  # no pos/forms.tsv there
    try:
        table, source = postags.upos_lexicon()
        assert source == "pattern" and table["due"] == "NUM" and table["ministro"] == "NOUN"
        terms = set(term_frequencies(pos_corpus)["term"])
        assert "due" not in terms and "missile" in terms
    finally:
        postags.upos_lexicon.cache_clear()


def test_the_model_table_is_shipped_with_its_licence():
    from analysis.paths import DATA_DIR
    from analysis.postags import UPOS_LEXICON, form_upos, upos_lexicon

    head = (DATA_DIR / UPOS_LEXICON).read_text(encoding="utf-8")[:600]
    assert "CC BY-NC-SA 4.0" in head
    assert upos_lexicon()[1] == "model"
    assert form_upos("due") == "NUM" and form_upos("sindaco") == "NOUN" and form_upos("Nord") == "PROPN"
