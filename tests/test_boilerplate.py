"""Scraping residue found across each outlet's documents and left out of every analysis.

The corpus is written here: three invented outlets whose pages carry their
own residue lines (as saved news pages do) around article text of our own.
Which lines are residue is known by construction, so the tests count from
the construction, not from the code under test.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.boilerplate import BoilerplateSettings, boilerplate_lines, find_boilerplate, inside_spans, line_key
from analysis.keywords import term_frequencies
from loader_helpers import assert_offsets_round_trip

#: Per outlet: the residue lines every page carries (before and after the article).
RESIDUE = {
    "Il Quotidiano Alfa": (["Loading...", "Ascolta la versione audio dell'articolo"], ["© RIPRODUZIONE RISERVATA"]),
    "Beta News": (["APPROFONDISCI CON IL PODCAST"], ["Aggiornato alle 10:32"]),
    "Gamma Web": ([], []),
}
N_PAGES = {"Il Quotidiano Alfa": 6, "Beta News": 5, "Gamma Web": 4}
TOPICS = ["bilancio", "scuola", "ospedale", "porto", "ferrovia", "biblioteca"]
#: A line that two pages of every outlet share: below the default threshold in each.
SHARED_BY_TWO = "Il consiglio comunale si riunirà di nuovo la prossima settimana."
#: A long paragraph that three Alfa pages repeat: article text (a background paragraph), not residue.
BACKGROUND = ("Il progetto, presentato per la prima volta tre anni fa, prevede la ristrutturazione di "
              "quattro edifici pubblici, un nuovo parcheggio e la riapertura della stazione, per una spesa "
              "complessiva che la giunta stima in dodici milioni di euro, in parte coperti da fondi europei.")


def _page(outlet: str, n: int) -> str:
    before, after = RESIDUE[outlet]
    topic = TOPICS[n % len(TOPICS)]
    body = [f"La giunta ha approvato il piano per {topic} numero {n + 1} dopo una lunga discussione.",
            f"L'assessora Marta Rossi ha detto che i lavori sul {topic} partiranno in autunno."]
    if outlet == "Beta News":
        after = [*after, f"Leggi anche: Nuovo {topic} in centro, parla il sindaco ({n + 1})"]
        after = [a.replace("10:32", f"{9 + n}:{10 + n}") for a in after]
    if n < 2:
        body.append(SHARED_BY_TWO)
    if outlet == "Il Quotidiano Alfa" and n < 3:
        body.append(BACKGROUND)
    return "\n".join([*before, *body, *after]) + "\n"


def _write(folder, duplicate: bool = True):
    records = [{"id": f"{outlet[:4].strip().lower()}{n}", "outlet": outlet, "text": _page(outlet, n)}
               for outlet, pages in N_PAGES.items() for n in range(pages)]
    if duplicate:  # one Gamma page saved three times: its lines are not residue
        records += [{"id": f"copy{k}", "outlet": "Gamma Web", "text": _page("Gamma Web", 0)} for k in range(3)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pages.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return _write(tmp_path_factory.mktemp("boilerplate") / "seeds")


@pytest.fixture(scope="module")
def corpus(pages):
    return load_corpus(pages)


def _expected_lines() -> set[tuple[str, str]]:
    out = {(outlet, line_key(line)) for outlet, (before, after) in RESIDUE.items() for line in before + after}
    out.add(("Beta News", line_key("Aggiornato alle 10:32")))  # digits vary, the line does not
    return out


def test_residue_lines_of_each_outlet_are_found_and_nothing_else(corpus):
    found = boilerplate_lines(corpus.boilerplate)
    repeated = found[found["reason"] == "repeated"]
    assert set(zip(repeated["outlet"], repeated["line"].map(line_key))) == _expected_lines()
    assert (repeated["n_documents"] == repeated["outlet"].map(N_PAGES)).all()
    assert (repeated["share"] == 1.0).all()
    leggi = found[found["reason"] == "prefix"]
    assert len(leggi) == N_PAGES["Beta News"] and leggi["line"].str.startswith("Leggi anche: Nuovo").all()
    kept_lines = {line_key(SHARED_BY_TWO), line_key(BACKGROUND)}
    assert not kept_lines & set(found["line"].map(line_key))


def test_spans_point_into_the_text_as_loaded(corpus, pages):
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    raw = {f"pages#{json.loads(line)['id']}": json.loads(line)["text"] for line in (pages / "pages.jsonl").open(encoding="utf-8")}
    assert texts == raw  # the text stays as it was loaded
    for doc_id, start, end, text in corpus.boilerplate[["doc_id", "start", "end", "text"]].itertuples(index=False):
        assert texts[doc_id][start:end] == text
    per_doc = corpus.boilerplate.groupby("doc_id").size()
    assert per_doc["pages#il q0"] == 3 and per_doc["pages#beta0"] == 3 and "pages#gamm0" not in per_doc


def test_every_table_skips_the_residue_and_offsets_stay_exact(corpus):
    assert_offsets_round_trip(corpus)
    for table in (corpus.paragraphs, corpus.sentences, corpus.tokens):
        assert not inside_spans(table, corpus.boilerplate).any()
    words = set(corpus.tokens["text"].str.lower())
    assert not {"loading", "riproduzione", "approfondisci", "podcast", "ascolta", "aggiornato", "leggi"} & words
    assert {"giunta", "assessora", "consiglio"} <= words
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["pages#il q0", "n_sentences"] == 4  # 2 own sentences + the shared line + the background
    assert docs.loc["pages#il q0", "n_tokens"] == corpus.tokens["doc_id"].eq("pages#il q0").sum()


def test_term_counts_hold_article_words_not_residue(corpus, pages):
    residue = {"Loading", "RIPRODUZIONE", "PODCAST", "APPROFONDISCI", "audio", "versione", "aggiornare"}
    raw = set(term_frequencies(load_corpus(pages, boilerplate=None))["term"])
    assert residue <= raw  # the same pages with the residue kept: it is counted
    terms = term_frequencies(corpus)
    assert not residue & set(terms["term"])
    assert {"giunta", "assessora", "bilancio"} <= set(terms.head(20)["term"])


def test_keep_lists_the_lines_and_leaves_them_in(pages, corpus):
    kept = load_corpus(pages, boilerplate=BoilerplateSettings(keep=True))
    pd.testing.assert_frame_equal(kept.boilerplate, corpus.boilerplate)
    assert inside_spans(kept.tokens, kept.boilerplate).sum() > 0
    assert len(kept.tokens) > len(corpus.tokens)


def test_threshold_is_a_parameter(pages):
    strict = load_corpus(pages, boilerplate=BoilerplateSettings(min_documents=6, prefixes=()))
    assert set(strict.boilerplate["outlet"]) == {"Il Quotidiano Alfa"}  # only Alfa has six pages
    loose = load_corpus(pages, boilerplate=BoilerplateSettings(min_documents=2, min_share=0.0))
    assert line_key(SHARED_BY_TWO) in set(loose.boilerplate["key"])  # two pages of each outlet now suffice
    assert line_key(BACKGROUND) not in set(loose.boilerplate["key"])  # too long to be a site's line


def test_copies_of_one_page_count_once(pages, corpus):
    gamma = corpus.boilerplate[corpus.boilerplate["outlet"] == "Gamma Web"]
    assert gamma.empty  # the page saved three more times does not make its own lines residue


def test_find_boilerplate_is_a_function_of_a_documents_table():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["X", "X", "X", None],
                         "text": ["Menu principale\nUno.", "Menu principale\nDue.", "Menu principale\nTre.",
                                  "Menu principale\nQuattro."]})
    spans = find_boilerplate(docs)
    assert list(spans["doc_id"]) == ["a", "b", "c"]  # d names no outlet: another group
    assert list(spans[["start", "end"]].itertuples(index=False, name=None)) == [(0, 15)] * 3
    assert find_boilerplate(docs.iloc[:0]).empty
    one_line = pd.DataFrame({"doc_id": list("abc"), "text": ["Tutto qui, una riga sola."] * 3})
    assert find_boilerplate(one_line).empty  # never a whole document


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"min_documents": 1}, "at least 2"), ({"min_share": 1.5}, "between 0 and 1"), ({"min_chars": 0}, ">= 1"),
     ({"min_chars": 50, "max_chars": 10}, "below min_chars"), ({"prefixes": "Leggi anche"}, "tuple of strings")],
)
def test_settings_say_what_is_wrong(kwargs, message):
    with pytest.raises(ValueError, match=message):
        BoilerplateSettings(**kwargs)
