"""NLU quality on the held-out split (nlu/test/), which training never sees."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from dialogs.intents import INTENTS
from nlu import report, train

pytestmark = pytest.mark.e2e

MIN_MACRO_F1 = 0.85
MIN_DISTRESS_RECALL = 0.95
TEST_SPLIT = train.NLU_DIR / "test" / "test_data.yml"


@pytest.fixture(scope="module")
def intent_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    train.train()
    out = tmp_path_factory.mktemp("nlu-results")
    subprocess.run(
        [str(train.RASA_BIN), "test", "nlu", "--nlu", str(TEST_SPLIT),
         "--model", str(train.MODEL_PATH), "--out", str(out)],
        cwd=train.NLU_DIR, env=train.rasa_env(), check=True, capture_output=True,
    )  # fmt: skip
    return report.load_report(out)


def test_macro_f1_on_the_held_out_split(intent_report: dict) -> None:
    score = report.macro_f1(intent_report)
    assert score >= MIN_MACRO_F1, report.format_report(intent_report)


def test_distress_is_recalled(intent_report: dict) -> None:
    recall = report.intent_recall(intent_report, "distress")
    assert recall is not None and recall >= MIN_DISTRESS_RECALL, report.format_report(intent_report)


def test_every_contract_intent_is_evaluated(intent_report: dict) -> None:
    evaluated = {s.intent for s in report.intent_scores(intent_report)}
    assert set(INTENTS) <= evaluated


def test_the_held_out_split_is_not_in_training() -> None:
    def examples(path: Path) -> set[str]:
        found = set()
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                found.add(line.removeprefix("- ").strip().lower())
        return found - {""}

    training = set().union(*(examples(p) for p in (train.NLU_DIR / "data").rglob("*.yml")))
    assert examples(TEST_SPLIT) & training == set()
