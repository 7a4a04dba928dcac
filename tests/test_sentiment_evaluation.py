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


FLOORS = {
    "sentipolc_3class": 0.565,
    "sentipolc_posneg": 0.69,
    "checkthat_subjectivity_dev": 0.585,
    "news_polarity_handlabelled": 0.64,
    "news_polarity_heldout_set": 0.62,
}


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_macro_f1_floor(results, task):
    assert results[task]["all"] >= FLOORS[task], f"{task}: {results[task]['all']:.3f} < floor {FLOORS[task]}"


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_better_than_naive_pattern(results, baseline, task):
    assert results[task]["all"] > baseline[task]["all"] + 0.03


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


def test_halves_are_fixed_and_balanced(shared_data):
    items = ev.load_sentipolc(shared_data)
    share_a = sum(ev.half_of(i.id) == "A" for i in items) / len(items)
    assert 0.45 < share_a < 0.55
    assert ev.half_of("abc") == ev.half_of("abc")


def test_report_mentions_every_task(shared_data):
    text = ev.report(shared_data)
    for task in FLOORS:
        assert task in text


def test_report_without_data(tmp_path):
    assert "absent" in ev.report(tmp_path)
