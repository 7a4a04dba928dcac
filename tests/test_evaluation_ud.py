"""Measurement on UD Italian ISDT (dev): floors set from our measurement, and the method itself.

Measured (``python -m analysis.evaluation ud``): boundary F1 0.996, strict
(space-joined) F1 0.947, tokenization F1 0.998, lemma accuracy 0.966. The floors
sit slightly below so a regression fails while noise-free reruns pass.
"""
from __future__ import annotations

import pytest

from analysis.evaluation import evaluation_modules, ud

# Our own three-sentence CoNLL-U (not from any treebank), to test the method.
SAMPLE = """# sent_id = a
# text = Il sig. Rossi è arrivato dal mare.
1\tIl\til\tDET\t_\t_\t0\t_\t_\t_
2\tsig.\tsignore\tNOUN\t_\t_\t0\t_\t_\t_
3\tRossi\tRossi\tPROPN\t_\t_\t0\t_\t_\t_
4\tè\tessere\tAUX\t_\t_\t0\t_\t_\t_
5\tarrivato\tarrivare\tVERB\t_\t_\t0\t_\t_\t_
6-7\tdal\t_\t_\t_\t_\t_\t_\t_\t_
6\tda\tda\tADP\t_\t_\t0\t_\t_\t_
7\til\til\tDET\t_\t_\t0\t_\t_\t_
8\tmare\tmare\tNOUN\t_\t_\t0\t_\t_\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_

# sent_id = b
# text = Notizie dal fronte
1\tNotizie\tnotizia\tNOUN\t_\t_\t0\t_\t_\t_
2-3\tdal\t_\t_\t_\t_\t_\t_\t_\t_
2\tda\tda\tADP\t_\t_\t0\t_\t_\t_
3\til\til\tDET\t_\t_\t0\t_\t_\t_
4\tfronte\tfronte\tNOUN\t_\t_\t0\t_\t_\t_

# sent_id = c
# text = Sono 11.000 persone.
1\tSono\tessere\tAUX\t_\t_\t0\t_\t_\t_
2\t11.000\t11.000\tNUM\t_\t_\t0\t_\t_\t_
3\tpersone\tpersona\tNOUN\t_\t_\t0\t_\t_\t_
4\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_
"""


@pytest.fixture()
def sample(tmp_path):
    path = tmp_path / "sample.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    return ud.read_conllu(path)


def test_gold_offsets_and_multiword_tokens(sample):
    first = sample[0]
    assert [w.form for w in first.words] == ["Il", "sig.", "Rossi", "è", "arrivato", "dal", "mare", "."]
    assert all(first.text[w.start : w.end] == w.form for w in first.words)
    dal = first.words[5]
    assert dal.lemma is None and dal.upos is None  # a multiword token is never scored


def test_document_separators(sample):
    text, bounds = ud.build_document(sample)
    assert text == "Il sig. Rossi è arrivato dal mare. Notizie dal fronte\nSono 11.000 persone."
    assert [text[b - 1] for b in bounds] == [".", "e"]
    strict, _ = ud.build_document(sample, strict=True)
    assert "\n" not in strict


def test_scores_on_the_sample(sample):
    b = ud.boundary_scores(sample)
    assert b["f1"] == 1.0 and b["n_gold"] == 2
    t = ud.token_lemma_scores(sample)
    # scored: Il sig. Rossi è arrivato mare Notizie fronte Sono persone (no NUM, PUNCT, multiword)
    assert t["n_scored"] == 10
    assert t["lemma_accuracy"] == 1.0


def test_wrong_lemmas_are_counted(sample, monkeypatch):
    errors: list = []
    monkeypatch.setattr(sample[1].words[0], "lemma", "notizie")  # a gold lemma we do not produce
    t = ud.token_lemma_scores(sample, errors=errors)
    assert t["lemma_accuracy"] == pytest.approx(9 / 10)
    assert errors == [("Notizie", "notizie", "NOUN", "notizia")]


def test_missing_file_reports_instead_of_failing(tmp_path):
    assert "not found" in ud.report(tmp_path / "absent.conllu")
    assert "ud" in evaluation_modules()


@pytest.mark.data
def test_floors_on_ud_isdt_dev(shared_data):
    path = shared_data / "ud-italian-isdt" / "it_isdt-ud-dev.conllu"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    sentences = ud.read_conllu(path)
    assert len(sentences) == 564
    assert ud.boundary_scores(sentences)["f1"] >= 0.98
    assert ud.boundary_scores(sentences, strict=True)["f1"] >= 0.93
    t = ud.token_lemma_scores(sentences)
    assert t["token_f1"] >= 0.99
    assert t["lemma_accuracy"] >= 0.955
    assert t["lemma_accuracy"] > t["simplemma_gold_tokens"]  # our corrections beat simplemma alone
