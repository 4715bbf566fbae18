"""NLU quality on the held-out split (nlu/test/), which training never sees."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import httpx
import pytest
import yaml

from dialogs.intents import INTENTS
from nlu import report, train

pytestmark = pytest.mark.e2e

MIN_MACRO_F1 = 0.85
# Every held-out distress sentence, in every language: a missed one is a person in danger
# who gets a generic answer (the keyword net in the core is a second line, not the first).
MIN_DISTRESS_RECALL = 1.0
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
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                found.add(line.removeprefix("- ").strip().lower())
        return found - {""}

    training = set().union(*(examples(p) for p in (train.NLU_DIR / "data").rglob("*.yml")))
    for split in (TEST_SPLIT, *sorted((train.NLU_DIR / "test").glob("test_data_*.yml"))):
        assert examples(split) & training == set(), split.name


# --- the other languages, through the running server ---------------------------------
# One `rasa test nlu` per language would load the model five more times; asking the
# session's server gives the same predictions in seconds.

ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")
OTHER_SPLITS = sorted((train.NLU_DIR / "test").glob("test_data_*.yml"))
MIN_OTHER_MACRO_F1 = 0.80

LANGUAGES_WITH_NLU = ("en", "ro", "ar", "fr", "es")


def test_every_language_has_a_held_out_split() -> None:
    found = {p.stem.removeprefix("test_data_") for p in OTHER_SPLITS}
    assert set(LANGUAGES_WITH_NLU) <= found


def labelled_examples(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
        if "intent" not in block:
            continue
        for line in str(block.get("examples", "")).splitlines():
            text = ANNOTATION.sub(
                lambda m: m.group(1) or m.group(2), line.removeprefix("- ").strip()
            )
            if text:
                pairs.append((text, block["intent"]))
    return pairs


def macro_f1_of(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    """pairs of (expected, predicted) → macro-F1 over the expected intents, and each F1."""
    scores = {}
    for intent in {expected for expected, _ in pairs}:
        tp = sum(1 for e, p in pairs if e == intent and p == intent)
        fp = sum(1 for e, p in pairs if e != intent and p == intent)
        fn = sum(1 for e, p in pairs if e == intent and p != intent)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[intent] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    return sum(scores.values()) / len(scores), scores


@pytest.mark.parametrize(
    "split", OTHER_SPLITS, ids=[p.stem.removeprefix("test_data_") for p in OTHER_SPLITS]
)
def test_other_languages_are_understood(split: Path, rasa_server) -> None:  # type: ignore[no-untyped-def]
    pairs = []
    with httpx.Client(trust_env=False, timeout=10) as http:
        for text, intent in labelled_examples(split):
            answer = http.post(
                f"{rasa_server.url}/model/parse",
                params={"token": rasa_server.token},
                json={"text": text},
            ).json()
            # As `rasa test nlu` does: the best real intent, not the fallback.
            ranking = [r["name"] for r in answer["intent_ranking"] if r["name"] != "nlu_fallback"]
            pairs.append((intent, ranking[0] if ranking else "nlu_fallback"))
    score, per_intent = macro_f1_of(pairs)
    weakest = sorted(per_intent.items(), key=lambda kv: kv[1])[:3]
    assert score >= MIN_OTHER_MACRO_F1, f"{split.name}: macro-F1 {score:.3f}, weakest {weakest}"
    distress = [(e, p) for e, p in pairs if e == "distress"]
    recalled = sum(1 for _, p in distress if p == "distress") / len(distress)
    assert recalled >= MIN_DISTRESS_RECALL, f"{split.name}: distress recall {recalled:.2f}"


def test_macro_f1_of_can_fail() -> None:
    assert macro_f1_of([("a", "a"), ("b", "a")])[0] < 0.7
