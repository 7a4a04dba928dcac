"""Measured floors on ../shared/data (skipped when absent): they catch regressions.

The floors sit a little under the figures measured when they were set
(``python -m analysis.evaluation sentiment``); raise them when the analyzer improves.
"""
from __future__ import annotations

import pytest

from analysis.evaluation import sentiment as ev

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def results(shared_data):
    return ev.evaluate(data_dir=shared_data)


@pytest.fixture(scope="module")
def baseline(shared_data):
    return ev.evaluate(ev.naive_pattern(), data_dir=shared_data)


#: Floors on the tuned sets (read while writing the lexicon and rules).
FLOORS = {
    "sentipolc_3class": 0.565,
    "sentipolc_posneg": 0.69,
    "checkthat_subjectivity": 0.60,
    "news_polarity_checkthat": 0.75,
}


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_macro_f1_floor(results, task):
    assert results[task]["f1"] >= FLOORS[task], f"{task}: {results[task]['f1']:.3f} < floor {FLOORS[task]}"


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_better_than_naive_pattern(results, baseline, task):
    assert results[task]["f1"] > baseline[task]["f1"] + 0.03


def test_gold_labels_are_ids_and_labels_only(shared_data):
    clear, ambiguous = ev.load_news_gold(shared_data)
    assert len(clear) + len(ambiguous) >= 200
    for line in ev.GOLD_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert len(line.split("\t")) == 3 and len(line) < 60


def test_heldout_gold_is_ids_and_labels_only_and_disjoint(shared_data):
    clear, ambiguous = ev.load_news_gold(shared_data, ev.GOLD_HELDOUT_PATH)
    assert len(clear) + len(ambiguous) >= 100
    first = {i.id for part in ev.load_news_gold(shared_data) for i in part}
    assert not first & {i.id for i in clear + ambiguous}
    for line in ev.GOLD_HELDOUT_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert len(line.split("\t")) == 3 and len(line) < 60


def test_fresh_gold_is_ids_and_labels_only_and_joins_held_out_kind_sentences(shared_data):
    from analysis.evaluation.splits import kind_role

    lines = [x for x in ev.FRESH_PATH.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    assert lines[0].split("\t") == ["sentence_id", "polarity", "subjectivity", "ambiguous"]
    assert all(len(x.split("\t")) == 4 and len(x) < 60 for x in lines)
    items = ev.load_news_fresh(shared_data)
    assert len(items) == 300 and len({i.id for i in items}) == 300
    order = {sid: n for n, sid in enumerate(ev.kind_train_sentences(shared_data))}
    assert {kind_role("evalita-2023_WN_train.tsv", order[i.id]) for i in items} == {"heldout"}


def test_halves_are_fixed_and_balanced(shared_data):
    items = ev.load_sentipolc(shared_data)
    share_a = sum(ev.half_of(i.id) == "A" for i in items) / len(items)
    assert 0.45 < share_a < 0.55
    assert ev.half_of("abc") == ev.half_of("abc")


def test_unknown_set_is_refused(shared_data):
    with pytest.raises(ValueError, match="tuned"):
        ev.evaluate(data_dir=shared_data, sets="everything")  # type: ignore[arg-type]


def test_report_without_data(tmp_path):
    assert "absent" in ev.report(tmp_path)


def test_report_mentions_every_tuned_task(shared_data):
    text = ev.report(shared_data)
    for task in FLOORS:
        assert task in text
