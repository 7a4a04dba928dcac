"""The Italian pipeline: our tokenizer inside spaCy, the shipped model, the training-data readers, the floors."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from analysis.evaluation import splits
from analysis.syntax.conllu import UDSentence, UDWord, gold_tokens, our_tokens
from analysis.syntax.model import MODEL_DIR, load_nlp, model_meta
from analysis.syntax.tokenizer import ItalianTokenizer, doc_from_tokens
from analysis.tokenization import tokenize


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("text", [
    "L’agenzia ha detto: «Basta!»",
    "Il ministro  ha parlato.\n\nDell'11 settembre.",
    " testo che comincia con uno spazio ",
    "a\u00a0b\tc",
    "",
])
def test_tokenizer_keeps_the_text_and_our_offsets(text):
    doc = ItalianTokenizer(spacy.blank("it").vocab)(text)
    assert doc.text == text
    ours = tokenize(text)
    words = [t for t in doc if not t.is_space]
    assert [(t.idx, t.text) for t in words] == [(t.start, t.text) for t in ours]


def test_doc_from_tokens_covers_a_slice_of_the_text():
    text = "Prima frase. Il sindaco ha detto che si parte."
    toks = tokenize(text)
    doc = doc_from_tokens(spacy.blank("it").vocab, text, toks[3:], 13, len(text))
    assert doc.text == text[13:]
    assert doc[0].text == "Il" and doc[0].idx + 13 == text.index("Il")


def test_model_loads_offline_with_our_tokenizer_and_its_licence(nlp):
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "parser", "ner"]
    assert isinstance(nlp.tokenizer, ItalianTokenizer)
    meta = model_meta()
    assert meta["license"] == "CC BY-NC-SA 4.0"
    assert "NonCommercial-ShareAlike" in (MODEL_DIR / "LICENSE").read_text(encoding="utf-8")
    assert load_nlp() is nlp  # cached


def test_model_parses_a_sentence_on_our_tokens(nlp):
    text = "Il ministro dell’Interno ha dichiarato che il piano partirà a settembre."
    doc = nlp(text)
    assert [t.text for t in doc] == [t.text for t in tokenize(text)]
    verb = next(t for t in doc if t.text == "dichiarato")
    assert verb.pos_ == "VERB"
    assert any(c.dep_ == "nsubj" and c.text == "ministro" for c in verb.children)
    assert any(c.dep_ == "ccomp" for c in verb.children)


def test_components_run_on_a_doc_built_from_given_words(nlp):
    doc = Doc(nlp.vocab, words=["Mario", "Draghi", "ha", "parlato", "a", "Roma", "."])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert all(t.pos_ for t in doc) and all(t.dep_ for t in doc)
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")


def _sentence(text: str, rows: list[tuple]) -> UDSentence:
    """A UD sentence written by hand: rows (form, span, upos, feats, head, deprel)."""
    words = [UDWord(s, e, form, form.lower(), upos, feats, head, dep) for form, (s, e), upos, feats, head, dep in rows]
    surface = sorted({(w.start, w.end) for w in words})
    return UDSentence("t1", text, words, surface)


def test_a_contraction_becomes_one_token_with_its_head_word():
    # "Parla del piano": "del" = "di" (case, head outside) + "il" (det, head outside)
    text = "Parla del piano"
    sent = _sentence(text, [
        ("Parla", (0, 5), "VERB", "Mood=Ind", 0, "root"),
        ("di", (6, 9), "ADP", "_", 4, "case"),
        ("il", (6, 9), "DET", "Gender=Masc|Number=Sing", 4, "det"),
        ("piano", (10, 15), "NOUN", "Gender=Masc|Number=Sing", 1, "obl"),
    ])
    gold = gold_tokens(sent)
    assert gold.words == ["Parla", "del", "piano"]
    assert gold.pos == ["VERB", "ADP", "NOUN"]
    assert gold.deps == ["ROOT", "case", "obl"]
    assert gold.heads == [0, 2, 0]
    assert gold.morphs[1] == "Gender=Masc|Number=Sing"


def test_our_tokens_merge_what_ud_splits_and_refuse_what_they_cut():
    # UD splits "60 %"; our tokenizer keeps "60%" whole: one token, the number's annotation
    text = "Sale al 60%"
    sent = _sentence(text, [
        ("Sale", (0, 4), "VERB", "_", 0, "root"),
        ("a", (5, 7), "ADP", "_", 5, "case"),
        ("il", (5, 7), "DET", "_", 5, "det"),
        ("60", (8, 10), "NUM", "_", 5, "nummod"),
        ("%", (10, 11), "SYM", "_", 1, "obl"),
    ])
    ours = our_tokens(sent)
    assert ours is not None and ours.words == ["Sale", "al", "60%"]
    assert ours.deps[2] == "obl" and ours.heads == [0, 2, 0]


def test_held_out_sentences_are_fixed_blocks():
    roles = [splits.ud_role("it_pud-ud-test.conllu", i) for i in range(1000)]
    assert roles == [splits.ud_role("it_pud-ud-test.conllu", i) for i in range(1000)]
    assert 0.1 < roles.count("heldout") / 1000 < 0.3
    block = splits.BLOCK
    assert all(len(set(roles[b:b + block])) == 1 for b in range(0, 1000, block))
    assert splits.ud_role("it_partut-ud-test.conllu", 5) == "heldout"
    assert {splits.kind_role("evalita-2023_FIC_train.tsv", i) for i in range(200)} == {"train"}


@pytest.mark.data
def test_model_meets_its_floors_on_text_it_never_saw(shared_data, nlp):
    """UD ISDT dev and KIND Wikinews dev, never trained on (figures in the README and meta.json)."""
    from analysis.evaluation.syntax import ISDT_DEV, KIND_DEV, entity_scores, syntax_scores
    from analysis.syntax.conllu import read_kind, read_ud

    if not (shared_data / ISDT_DEV).exists() or not (shared_data / KIND_DEV).exists():
        pytest.skip("UD ISDT dev or KIND Wikinews dev absent")
    ud = syntax_scores(nlp, read_ud(shared_data / ISDT_DEV))
    assert ud["upos"] >= 0.95 and ud["uas"] >= 0.855 and ud["las"] >= 0.80, ud
    ner = entity_scores(nlp, read_kind(shared_data / KIND_DEV, "kind-wn-dev"))
    assert ner["f1"] >= NER_FLOOR, ner
    stored = model_meta()["performance_measured"]
    assert abs(stored["isdt_dev"]["las"] - ud["las"]) < 0.005  # meta.json says what the model does
    assert json.dumps(stored)  # serialisable


#: Entity F1 floor on KIND Wikinews dev, just under the measured 0.709 (see the README: below the
#: 0.80 the pipeline was asked for; a regression floor, not the target).
NER_FLOOR = 0.70
