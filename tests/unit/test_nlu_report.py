"""nlu/report.py reads Rasa's intent report the way the README figures are computed."""

from __future__ import annotations

from nlu import report

REPORT = {
    "distress": {"precision": 0.8, "recall": 1.0, "f1-score": 0.889, "support": 4},
    "inform": {"precision": 1.0, "recall": 0.5, "f1-score": 0.667, "support": 2},
    "greet": {"precision": 0.0, "recall": 0.0, "f1-score": 0.0, "support": 0},
    "macro avg": {"precision": 0.6, "recall": 0.5, "f1-score": 0.5, "support": 6},
    "accuracy": 0.83,
}


def test_macro_f1_counts_only_the_intents_in_the_test_data() -> None:
    assert report.macro_f1(REPORT) == (0.889 + 0.667) / 2


def test_distress_recall_and_precision_are_both_shown() -> None:
    assert report.intent_recall(REPORT) == 1.0
    assert report.intent_precision(REPORT) == 0.8
    text = report.format_report(REPORT)
    assert "distress recall: 1.000" in text
    assert "distress precision: 0.800" in text


def test_an_intent_missing_from_the_test_data_has_no_scores() -> None:
    assert report.intent_precision(REPORT, "greet") is None
    assert report.intent_recall(REPORT, "goodbye") is None
