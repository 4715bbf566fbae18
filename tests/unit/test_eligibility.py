"""The pre-screening rules, table-driven: every boundary and every "don't know"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dialogs.eligibility import Outcome, Rules, Status, assess

RULES = Rules.from_mapping(
    yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "config" / "eligibility.yaml").read_text()
    )
)
TODAY = date(2026, 11, 25)
GOOD = {"age": "45", "residence": "in:Crema", "work": "not_working", "services": "yes"}


def status_of(answers: dict[str, str], criterion: str) -> Status:
    return next(c.status for c in assess(answers, RULES, TODAY).criteria if c.name == criterion)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("29", Status.NOT_MET),
        ("30", Status.MET),
        ("45", Status.MET),
        ("60", Status.MET),
        ("61", Status.NOT_MET),
        ("range:under", Status.NOT_MET),
        ("range:in", Status.MET),
        ("range:over", Status.NOT_MET),
        ("unknown", Status.TO_CHECK),
        # Birth year only: this year's age or one less, depending on the birthday.
        ("born:1996", Status.TO_CHECK),  # 29 or 30
        ("born:1995", Status.MET),  # 30 or 31
        ("born:1966", Status.MET),  # 59 or 60
        ("born:1965", Status.TO_CHECK),  # 60 or 61
        ("born:1964", Status.NOT_MET),  # 61 or 62
        ("born:1997", Status.NOT_MET),  # 28 or 29
    ],
)
def test_age_boundaries(age: str, expected: Status) -> None:
    assert status_of(GOOD | {"age": age}, "age") is expected


@pytest.mark.parametrize(
    ("criterion", "answer", "expected"),
    [
        ("residence", "in:Crema", Status.MET),
        ("residence", "out:Cremona (CR)", Status.NOT_MET),
        ("residence", "unknown", Status.TO_CHECK),
        ("work", "not_working", Status.MET),
        ("work", "occasional", Status.TO_CHECK),
        ("work", "training", Status.TO_CHECK),
        ("work", "working", Status.NOT_MET),
        ("work", "unknown", Status.TO_CHECK),
        ("services", "yes", Status.MET),
        ("services", "no", Status.TO_CHECK),
        ("services", "unknown", Status.TO_CHECK),
        ("permit", "eu_citizen", Status.MET),
        ("permit", "valid_permit", Status.MET),
        ("permit", "no_permit", Status.TO_CHECK),
        ("permit", "unknown", Status.TO_CHECK),
    ],
)
def test_each_answer_maps_to_the_rules_file(criterion: str, answer: str, expected: Status) -> None:
    assert status_of(GOOD | {criterion: answer}, criterion) is expected


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({}, Outcome.LIKELY),
        ({"work": "occasional"}, Outcome.TO_CHECK),
        ({"age": "unknown", "residence": "unknown"}, Outcome.TO_CHECK),
        ({"age": "61"}, Outcome.NOT_ELIGIBLE),
        ({"age": "61", "work": "occasional"}, Outcome.NOT_ELIGIBLE),
        ({"residence": "out:Lodi (LO)"}, Outcome.NOT_ELIGIBLE),
    ],
)
def test_outcome(changes: dict[str, str], outcome: Outcome) -> None:
    assessment = assess(GOOD | changes, RULES, TODAY)
    assert assessment.outcome is outcome
    assert assessment.rules_version == RULES.version


def test_missing_answers_count_as_unknown_and_permit_only_when_asked() -> None:
    assessment = assess({}, RULES, TODAY)
    assert [c.name for c in assessment.criteria] == ["age", "residence", "work", "services"]
    assert {c.status for c in assessment.criteria} == {Status.TO_CHECK}
    with_permit = assess(GOOD | {"permit": "no_permit"}, RULES, TODAY)
    assert [c.name for c in with_permit.criteria][-1] == "permit"


def test_the_rules_file_is_the_source_of_truth() -> None:
    stricter = Rules.from_mapping(
        yaml.safe_load(
            (Path(__file__).resolve().parents[2] / "config" / "eligibility.yaml")
            .read_text()
            .replace("max: 60", "max: 55")
        )
    )
    assert assess(GOOD | {"age": "58"}, stricter, TODAY).outcome is Outcome.NOT_ELIGIBLE


def test_an_unknown_status_in_the_file_is_refused() -> None:
    data = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "config" / "eligibility.yaml").read_text()
    )
    data["work"]["working"] = "maybe"
    with pytest.raises(ValueError):
        Rules.from_mapping(data)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("عمري ٤٥ سنة", "45"),  # Arabic-Indic digits
        ("ولدت سنة ١٩٨٠", "born:1980"),
        ("۴۵", "45"),  # Persian digits
        ("ho 45 anni", "45"),
    ],
)
def test_ages_and_years_in_any_script_of_digits(typed: str, read: str) -> None:
    from dialogs.answers import parse_age

    assert parse_age(typed, date(2026, 12, 6)) == read
