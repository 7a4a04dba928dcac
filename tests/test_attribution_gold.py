"""Gold files: every span round-trips, and the measured quality stays above its floors."""
from __future__ import annotations

import json

import pytest

from analysis.evaluation.attribution import (
    GOLD_DIR,
    REALNEWS_SPLITS,
    TYPES,
    blind_sample,
    checkthat_sentences,
    fresh_sample,
    kind_sample,
    load_dev_gold,
    load_realnews_gold,
    load_seed_gold,
    score,
    ud_sample,
)
from analysis.evaluation.kind import kind_sentences

SPANS = ("speaker", "cue", "content", "channel")


def _check_spans(text: str, attrs: list[dict]) -> None:
    for a in attrs:
        assert a["type"] in TYPES
        assert a["content"] is not None
        for key in SPANS:
            span = a.get(key)
            if span is not None:
                assert text[span["start"]:span["end"]] == span["text"], (key, span)


def test_seed_gold_round_trips():
    (passage,) = load_seed_gold()
    assert len(passage.attributions) == 14  # 12 statements and the two agencies that relay them (PTI, TASS)
    _check_spans(passage.text, passage.attributions)


def test_dev_gold_round_trips_and_covers_patterns_and_negatives():
    passages = load_dev_gold()
    assert len(passages) >= 40
    assert len({p.id for p in passages}) == len(passages)
    for p in passages:
        _check_spans(p.text, p.attributions)
    negatives = [p for p in passages if not p.attributions]
    assert len(negatives) >= 8
    assert {a["type"] for p in passages for a in p.attributions} == set(TYPES)


def test_realnews_gold_holds_ids_and_offsets_only():
    for line in (GOLD_DIR / "attribution_realnews.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        assert set(d) == {"sentence_id", "source", "attributions", "split"}
        assert d["split"] in REALNEWS_SPLITS
        for a in d["attributions"]:
            for key in SPANS:
                assert a[key] is None or (len(a[key]) == 2 and all(isinstance(x, int) for x in a[key]))


def test_seed_meets_its_targets():
    sc = score(load_seed_gold())
    p, r, f = sc.prf(0.3)
    assert f >= 0.95
    assert sc.speaker_accuracy == 1.0
    assert sc.channel_recall == 1.0 and sc.via_recall == 1.0


def test_dev_set_floors():
    sc = score(load_dev_gold())
    assert sc.prf(0.3)[2] >= 0.90
    assert sc.prf(0.8)[2] >= 0.80
    assert sc.speaker_accuracy >= 0.90
    assert sc.negative_false_positives == 0


#: False attributions allowed in the 1,613 real-news sentences with none (53 measured: 15 of them in the
#: 165 fresh UD sentences, mostly school regulations; 5 in the 111 of fresh_kind2).
NEGATIVE_CEILING = 56


@pytest.mark.data
def test_realnews_floors(shared_data):
    """Regression floors just under the measured values (see the evaluation report)."""
    if not checkthat_sentences(shared_data):
        pytest.skip("CheckThat! files absent")
    passages = load_realnews_gold(data_dir=shared_data)
    assert len(passages) == 2458
    for p in passages:
        _check_spans(p.text, p.attributions)

    def split(*names: str):
        return score([p for p in passages if p.pattern in names])

    tuning = split("tuning")
    # 17 of 18 speakers with the second model ("… il partito di Aung San Suu Kyi, da tempo molto criticata … per
    # aver negato …": the participle agrees with her, the parse hangs it elsewhere)
    assert tuning.prf(0.3)[2] >= 0.89 and tuning.speaker_accuracy >= 0.94
    heldout = split("heldout")
    assert heldout.prf(0.3)[0] >= 0.87 and heldout.prf(0.3)[2] >= 0.84 and heldout.speaker_accuracy >= 0.92
    blind_a = split("blind_a")
    assert blind_a.prf(0.3)[2] >= 0.95 and blind_a.speaker_accuracy >= 0.95
    blind_b = split("blind_b")  # read for errors in every round (development data)
    assert blind_b.prf(0.3)[0] >= 0.94 and blind_b.prf(0.3)[2] >= 0.84 and blind_b.speaker_accuracy >= 0.86
    blind_c = split("blind_c")  # scored once untouched (F1 0.57), then read for errors
    assert blind_c.prf(0.3)[0] >= 0.94 and blind_c.prf(0.3)[2] >= 0.84 and blind_c.speaker_accuracy >= 0.90
    blind_d = split("blind_d")  # 0.49 and 0.53 when unread; read for errors since
    assert blind_d.prf(0.3)[0] >= 0.90 and blind_d.prf(0.3)[2] >= 0.83 and blind_d.speaker_accuracy >= 0.96
    blind_e = split("blind_e")  # 0.43 when unread; read for errors since
    assert blind_e.prf(0.3)[2] >= 0.55
    blind_f = split("blind_f")  # 0.71 and 0.70 when unread; read for errors since (0.80 after)
    assert blind_f.prf(0.3)[0] >= 0.81 and blind_f.prf(0.3)[2] >= 0.79 and blind_f.speaker_accuracy >= 0.95
    blind_g = split("blind_g")  # 0.65 and 0.69 when unread; read for errors since
    assert blind_g.prf(0.3)[0] >= 0.86 and blind_g.prf(0.3)[2] >= 0.81 and blind_g.speaker_accuracy >= 0.93
    blind_h = split("blind_h")  # 0.61 and 0.61 when unread; read for errors since
    assert blind_h.prf(0.3)[0] >= 0.67 and blind_h.prf(0.3)[2] >= 0.65 and blind_h.speaker_accuracy >= 0.90
    blind_i = split("blind_i")  # 0.69 when unread; read for errors since
    assert blind_i.prf(0.3)[0] >= 0.83 and blind_i.prf(0.3)[2] >= 0.66 and blind_i.speaker_accuracy >= 0.80
    kind_a = split("kind_a")  # KIND Wikinews: 0.64 when unread; read for errors since
    assert kind_a.prf(0.3)[0] >= 0.86 and kind_a.prf(0.3)[2] >= 0.71 and kind_a.speaker_accuracy >= 0.86
    kind_b = split("kind_b")  # KIND Wikinews: 0.63 when unread; read for errors since
    assert kind_b.prf(0.3)[0] >= 0.85 and kind_b.prf(0.3)[2] >= 0.73 and kind_b.speaker_accuracy >= 0.89
    kind_cd = split("kind_c", "kind_d")  # 0.70 when unread; read for errors since
    assert kind_cd.prf(0.3)[0] >= 0.92 and kind_cd.prf(0.3)[2] >= 0.75 and kind_cd.speaker_accuracy >= 0.92
    kind_e = split("kind_e")  # 0.70 when unread; read for errors since
    assert kind_e.prf(0.3)[0] >= 0.86 and kind_e.prf(0.3)[2] >= 0.71 and kind_e.speaker_accuracy >= 0.83
    ud_a = split("ud_a")  # UD ISDT, never read: 0.62 after the last round of fixes
    assert ud_a.prf(0.3)[0] >= 0.80 and ud_a.prf(0.3)[2] >= 0.65 and ud_a.speaker_accuracy >= 0.83
    # held out of the pipeline's training and annotated blind; first contact with the extractor rebuilt on the
    # parse: F1@0.3 0.818 and 0.623 (speakers 0.877, 0.875); read for errors since
    fresh_kind = split("fresh_kind")
    assert fresh_kind.prf(0.3)[0] >= 0.90 and fresh_kind.prf(0.3)[2] >= 0.81 and fresh_kind.speaker_accuracy >= 0.90
    fresh_ud = split("fresh_ud")
    assert fresh_ud.prf(0.3)[0] >= 0.65 and fresh_ud.prf(0.3)[2] >= 0.64 and fresh_ud.speaker_accuracy >= 0.86
    # the next 200 held-out KIND sentences, annotated blind after the channel pass: first contact F1@0.3 0.733
    # (P 0.864), speakers 0.900
    fresh_kind2 = split("fresh_kind2")
    assert fresh_kind2.prf(0.3)[0] >= 0.85 and fresh_kind2.prf(0.3)[2] >= 0.72 and fresh_kind2.speaker_accuracy >= 0.89
    everything = split(*REALNEWS_SPLITS)
    assert everything.prf(0.3)[0] >= 0.87 and everything.prf(0.3)[2] >= 0.77 and everything.speaker_accuracy >= 0.90
    assert everything.negative_false_positives <= NEGATIVE_CEILING


@pytest.mark.data
def test_blind_sample_selection_is_reproducible(shared_data):
    if not checkthat_sentences(shared_data):
        pytest.skip("CheckThat! files absent")
    stored = [d["sentence_id"] for d in map(json.loads, (GOLD_DIR / "attribution_realnews.jsonl").read_text(encoding="utf-8").splitlines())
              if d["split"].startswith("blind")]
    assert blind_sample(len(stored), data_dir=shared_data) == stored


def test_kind_sample_selection_is_reproducible(shared_data):
    if not kind_sentences(shared_data):
        pytest.skip("KIND Wikinews file absent")
    stored = [d["sentence_id"] for d in map(json.loads, (GOLD_DIR / "attribution_realnews.jsonl").read_text(encoding="utf-8").splitlines())
              if d["split"].startswith("kind")]
    assert len(stored) == 753
    assert kind_sample(len(stored), data_dir=shared_data) == stored
    ud = [d["sentence_id"] for d in map(json.loads, (GOLD_DIR / "attribution_realnews.jsonl").read_text(encoding="utf-8").splitlines())
          if d["split"] == "ud_a"]
    assert ud_sample(len(ud), data_dir=shared_data) == ud


def test_fresh_sample_selection_is_reproducible(shared_data):
    if not kind_sentences(shared_data):
        pytest.skip("KIND Wikinews file absent")
    stored = [d["sentence_id"] for d in map(json.loads, (GOLD_DIR / "attribution_realnews.jsonl").read_text(encoding="utf-8").splitlines())
              if d["split"] in ("fresh_kind", "fresh_kind2")]
    assert len(stored) == 400
    assert fresh_sample("kind", 400, data_dir=shared_data) == stored


def test_match_pairs_the_same_cue_first():
    """Two gold attributions share content; the prediction goes to the one with its cue, not the best coverage."""
    from analysis.evaluation.attribution import match
    gold = [{"content": {"start": 0, "end": 40}, "cue": {"start": 50, "end": 55}},
            {"content": {"start": 0, "end": 30}, "cue": {"start": 60, "end": 65}}]
    pred = [{"content_start": 0, "content_end": 30, "cue_start": 50, "cue_end": 55}]
    assert match(pred, gold, 0.3) == [(0, 0)]
    pred[0]["cue_start"], pred[0]["cue_end"] = 70, 75  # no shared cue: best coverage
    assert match(pred, gold, 0.3) == [(0, 1)]


def test_two_annotators_agree_on_kind_e(shared_data):
    from analysis.evaluation.attribution import annotator_agreement
    if not kind_sentences(shared_data):
        pytest.skip("KIND Wikinews file absent")
    for p in load_realnews_gold(GOLD_DIR / "attribution_second_annotator.jsonl", data_dir=shared_data):
        _check_spans(p.text, p.attributions)
    agreement = annotator_agreement(shared_data)
    assert agreement is not None and agreement.n_gold == 76
    assert agreement.prf(0.3)[2] >= 0.95 and agreement.speaker_accuracy >= 0.99
