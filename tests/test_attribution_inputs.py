"""Attribution on a corpus reuses the pipeline's tokens and sentences: same table as tokenizing again."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.attribution import canonicalize_speakers, empty_table, extract_attributions, extract_document_attributions
from analysis.attribution.extract import corpus_document_inputs
from analysis.evaluation.attribution import load_dev_gold
from analysis.tokenization import tokenize

TRICKY = {
    "web": "Lo ha scritto su https://www.governo.it/notizie?id=3 il ministro: «Rispondete a info@mef.gov.it».\n\n"
           "@PalazzoChigi ha twittato che «il #G7 è concluso» 😀👍🏽.",
    "elisions": "L'ambasciatore dell'Ue, l’on. Rossi, ha detto all'ANSA che «c’è un po’ di preoccupazione».\n\n"
                "E' stato il dott. J. Smith della S.p.A. a dichiarare: \"Nessun rischio\".",
    "paragraph_quote": "«Non firmeremo,\n\nmai», ha detto il portavoce.\n\n\n\nSecondo fonti del Cremlino la tregua regge.",
    "numbers": "Il 2,5 % in più, ha spiegato l'Istat, è 11.000 euro nel '90 alle 18:30.\r\n\r\nLo ha riferito Reuters.",
    "spaces": "   \n\n  Il premier ha annunciato che    si dimetterà.   \n\n\t ",
    "no_sentence_end": "Secondo il New York Times Putin avrebbe detto «basta» ",
    "empty": "",
    "blank": " \n\n \t",
    "nested": "Il quotidiano riporta che, secondo il ministro Tajani, «l'Italia è pronta».\n"
              "Tajani ha poi aggiunto: «Non ci sono alternative». Lui stesso lo ha negato.",
}


def _retokenizing(corpus: analysis.Corpus) -> pd.DataFrame:
    """The table built the old way: every document tokenized again from its text."""
    frames = []
    sents = corpus.sentences
    for doc_id in corpus.documents["doc_id"]:
        rows = sents[sents["doc_id"] == doc_id]
        triples = list(zip(rows["sent_id"], rows["start"], rows["end"]))
        frames.append(extract_document_attributions(corpus.text(doc_id), doc_id=str(doc_id), sentences=triples))
    frames = [f for f in frames if not f.empty]
    return canonicalize_speakers(pd.concat(frames, ignore_index=True)) if frames else empty_table()


def _check_same(corpus: analysis.Corpus) -> pd.DataFrame:
    for doc_id, text, _, toks in corpus_document_inputs(corpus):
        if text.strip():
            assert toks == tokenize(text), doc_id
    reused = extract_attributions(corpus)
    pd.testing.assert_frame_equal(reused, _retokenizing(corpus))
    return reused


def test_seed_table_is_the_same_with_pipeline_tokens(seed_corpus):
    assert len(_check_same(seed_corpus)) > 0


def test_dev_gold_table_is_the_same_with_pipeline_tokens():
    passages = load_dev_gold()
    corpus = analysis.corpus_from_texts({p.id: p.text for p in passages})
    assert len(_check_same(corpus)) > 0


def test_tricky_texts_give_the_same_table():
    corpus = analysis.corpus_from_texts({k: v for k, v in TRICKY.items() if v.strip()})
    table = _check_same(corpus)
    assert set(table["doc_id"]) >= {"paragraph_quote", "nested"}
    for text in TRICKY.values():  # the plain-string path is unchanged
        per_doc = extract_document_attributions(text)
        pd.testing.assert_frame_equal(per_doc, extract_document_attributions(text, tokens=tokenize(text)))


def test_shuffled_tables_and_missing_tokens_give_the_same_table(seed_corpus):
    corpus = analysis.corpus_from_texts({"a": TRICKY["nested"], "b": TRICKY["elisions"], "c": TRICKY["web"]})
    expected = extract_attributions(corpus)
    shuffled = analysis.Corpus(corpus.documents, corpus.paragraphs,
                               corpus.sentences.sample(frac=1, random_state=1),
                               corpus.tokens.sample(frac=1, random_state=2), corpus.rejected, corpus.root)
    pd.testing.assert_frame_equal(extract_attributions(shuffled), expected)
    no_b = analysis.Corpus(corpus.documents, corpus.paragraphs, corpus.sentences,
                           corpus.tokens[corpus.tokens["doc_id"] != "b"], corpus.rejected, corpus.root)
    inputs = {d: toks for d, _, _, toks in corpus_document_inputs(no_b)}
    assert inputs["b"] is None and inputs["a"] is not None
    pd.testing.assert_frame_equal(extract_attributions(no_b), expected)


def test_bad_input_still_gives_a_clear_error():
    with pytest.raises(ValueError, match="Corpus or a str"):
        extract_attributions(42)  # type: ignore[arg-type]
