"""Our sentiment gold files: ids, offsets and labels only, and the agreement of two annotators (no shared data needed)."""
from __future__ import annotations

import pytest

from analysis.evaluation import sentiment as ev
from analysis.evaluation.samples import scored_actor_mentions


def _rows(path):
    return [x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]


@pytest.mark.parametrize("path, columns", [
    (ev.NEWS_SENTENCES_PATH, ["sentence_id", "split", "polarity", "subjectivity", "evaluative", "fact", "ambiguous"]),
    (ev.NEWS_SECOND_PATH, ["sentence_id", "split", "polarity", "subjectivity", "evaluative", "fact", "ambiguous"]),
    (ev.ACTOR_ARTICLES_PATH, ["article_id", "start", "end", "kind", "tone", "ambiguous"]),
    (ev.ACTOR_DEV_PATH, ["sentence_id", "start", "end", "tone", "ambiguous"]),
])
def test_gold_files_hold_ids_offsets_and_labels_only(path, columns):
    lines = _rows(path)
    assert lines[0].split("\t") == columns
    assert all(len(x.split("\t")) == len(columns) and len(x) < 90 for x in lines[1:])


def test_second_annotator_labelled_300_sentences_of_the_sample():
    first = {r["sentence_id"]: r for r in ev.read_news_labels()}
    second = ev.read_news_labels(ev.NEWS_SECOND_PATH)
    assert len(second) == 300 and all(r["sentence_id"] in first for r in second)
    assert all(r["split"] == first[r["sentence_id"]]["split"] for r in second)


def test_agreement_per_label():
    a = ev.agreement()
    assert set(a) == set(ev.AGREEMENT_LABELS) and all(r["n"] == 300 for r in a.values())
    assert a["polarity"]["kappa"] > 0.8 and a["subjectivity"]["kappa"] > 0.8
    assert all(0.0 <= r["agreement"] <= 1.0 for r in a.values())


def test_agreement_is_one_with_itself_and_lower_with_changed_labels(tmp_path):
    same = ev.agreement(ev.NEWS_SECOND_PATH, ev.NEWS_SECOND_PATH)
    assert all(r["agreement"] == 1.0 for r in same.values())
    lines = ev.NEWS_SECOND_PATH.read_text(encoding="utf-8").splitlines()
    body = [x for x in lines if x and not x.startswith("#")]
    flipped = [body[0]] + [x.replace("\tnegative\t", "\tpositive\t", 1) for x in body[1:]]
    changed = tmp_path / "changed.tsv"
    changed.write_text("\n".join(flipped) + "\n", encoding="utf-8")
    assert ev.agreement(ev.NEWS_SECOND_PATH, changed)["polarity"]["kappa"] < 0.5


def test_agreement_is_empty_without_a_second_file(tmp_path):
    assert ev.agreement(second=tmp_path / "absent.tsv") == {}


def test_scored_actor_mentions_keep_every_polar_one_and_as_many_neutral():
    rows = [(f"a:{k}-{k + 1}", "neutral") for k in range(10)] + [("a:100-101", "negative"), ("a:200-201", "positive")]
    kept = scored_actor_mentions(rows)
    assert len(kept) == 4 and {"a:100-101", "a:200-201"} <= set(kept)
    assert set(scored_actor_mentions(list(reversed(rows)))) == set(kept)  # the neutral ones chosen by SHA-1, not order
