"""Summarise a Rasa NLU evaluation (`rasa test nlu`) for Proximity.

Reads `intent_report.json` from a results directory (default: `nlu/results`)
and prints a per-intent table (precision, recall, F1, support), the macro and
weighted F1 and the recall and precision of `distress`, the intent we must never
miss (and should not raise for ordinary sentences).

    python nlu/report.py [RESULTS_DIR_OR_JSON] [--min-macro-f1 0.85]
                         [--min-distress-recall 1.0]

Exit status: 0 when every threshold given is met, 1 when one is not, 2 when
the report cannot be read. Standard library only: it runs with the app's
Python, not the Rasa virtualenv.

Macro-F1 here is the mean F1 over the intents that occur in the test data
(support > 0). Rasa's own "macro avg" also averages labels that were only
predicted, never expected, which is not what we want to track.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPORT_FILE = "intent_report.json"
DEFAULT_RESULTS = Path(__file__).resolve().parent / "results"
DISTRESS = "distress"
SUMMARY_KEYS = frozenset({"accuracy", "macro avg", "weighted avg", "micro avg"})


@dataclass(frozen=True)
class IntentScore:
    """Scores of one intent, as found in Rasa's report."""

    intent: str
    precision: float
    recall: float
    f1: float
    support: int


def intent_scores(report: Mapping[str, Any]) -> list[IntentScore]:
    """Per-intent scores for the intents present in the test data, sorted by name."""
    scores = []
    for name, row in report.items():
        if name in SUMMARY_KEYS or not isinstance(row, Mapping):
            continue
        support = int(row.get("support", 0))
        if support <= 0:
            continue
        scores.append(
            IntentScore(
                intent=name,
                precision=float(row.get("precision", 0.0)),
                recall=float(row.get("recall", 0.0)),
                f1=float(row.get("f1-score", 0.0)),
                support=support,
            )
        )
    return sorted(scores, key=lambda s: s.intent)


def macro_f1(report: dict) -> float:
    """Unweighted mean F1 over the intents with support > 0 in a Rasa intent report.

    Raises ValueError when the report holds no such intent.
    """
    scores = intent_scores(report)
    if not scores:
        raise ValueError("the report has no intent with support > 0")
    return sum(s.f1 for s in scores) / len(scores)


def weighted_f1(report: dict) -> float:
    """Mean F1 weighted by support, over the intents with support > 0."""
    scores = intent_scores(report)
    total = sum(s.support for s in scores)
    if total == 0:
        raise ValueError("the report has no intent with support > 0")
    return sum(s.f1 * s.support for s in scores) / total


def intent_recall(report: dict, intent: str = DISTRESS) -> float | None:
    """Recall of one intent, or None when it is not in the test data."""
    for s in intent_scores(report):
        if s.intent == intent:
            return s.recall
    return None


def intent_precision(report: dict, intent: str = DISTRESS) -> float | None:
    """Precision of one intent, or None when it is not in the test data."""
    for s in intent_scores(report):
        if s.intent == intent:
            return s.precision
    return None


def weakest(report: dict, n: int = 3) -> list[IntentScore]:
    """The n intents with the lowest F1 (ties broken by name)."""
    return sorted(intent_scores(report), key=lambda s: (s.f1, s.intent))[:n]


def format_report(report: dict) -> str:
    """A readable plain-text summary of the report."""
    scores = intent_scores(report)
    width = max([len("intent"), *(len(s.intent) for s in scores)])
    header = f"{'intent':<{width}}  {'prec':>6}  {'recall':>6}  {'f1':>6}  {'support':>7}"
    lines = [header, "-" * len(header)]
    for s in scores:
        flag = "  <-- below 0.85" if s.f1 < 0.85 else ""
        lines.append(
            f"{s.intent:<{width}}  {s.precision:6.3f}  {s.recall:6.3f}  {s.f1:6.3f}"
            f"  {s.support:7d}{flag}"
        )
    lines.append("-" * len(header))
    distress = intent_recall(report)
    lines += [
        f"intents: {len(scores)}   examples: {sum(s.support for s in scores)}",
        f"macro-F1:    {macro_f1(report):.3f}",
        f"weighted-F1: {weighted_f1(report):.3f}",
    ]
    if isinstance(report.get("accuracy"), int | float):
        lines.append(f"accuracy:    {float(report['accuracy']):.3f}")
    shown = "n/a (no distress examples)" if distress is None else f"{distress:.3f}"
    lines.append(f"distress recall: {shown}")
    precision = intent_precision(report)
    if precision is not None:
        # Precision counts ordinary sentences taken for distress (the false alarms).
        lines.append(f"distress precision: {precision:.3f}")
    lines.append("weakest: " + ", ".join(f"{s.intent} ({s.f1:.3f})" for s in weakest(report)))
    return "\n".join(lines)


def load_report(path: Path) -> dict:
    """Load intent_report.json from a results directory or a direct file path."""
    file = path / REPORT_FILE if path.is_dir() else path
    with file.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{file}: expected a JSON object")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "results",
        nargs="?",
        type=Path,
        default=DEFAULT_RESULTS,
        help=f"results directory of `rasa test nlu`, or the {REPORT_FILE} itself",
    )
    parser.add_argument("--min-macro-f1", type=float, default=None, metavar="F1")
    parser.add_argument("--min-distress-recall", type=float, default=None, metavar="R")
    args = parser.parse_args(argv)

    try:
        report = load_report(args.results)
        print(format_report(report))
        score = macro_f1(report)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    failed = False
    if args.min_macro_f1 is not None and score < args.min_macro_f1:
        print(f"FAIL: macro-F1 {score:.3f} < {args.min_macro_f1}", file=sys.stderr)
        failed = True
    if args.min_distress_recall is not None:
        recall = intent_recall(report)
        if recall is None or recall < args.min_distress_recall:
            shown = "n/a" if recall is None else f"{recall:.3f}"
            print(f"FAIL: distress recall {shown} < {args.min_distress_recall}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
