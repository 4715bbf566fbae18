"""Pre-screening rules: answers in, a status per criterion and an overall outcome out.

Never a decision: an operator always confirms. The rules come from a data file
(config/eligibility.yaml) so the agency can change them without a developer.

Answers are short strings, as stored:
- age: "45", "born:1971", "range:under", "range:in", "range:over" or "unknown"
- residence: "in:Crema", "out:Cremona (CR)" or "unknown"
- work, services, permit, did: one of the keys of that section of the rules file
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    TO_CHECK = "to_check"


class Outcome(StrEnum):
    LIKELY = "likely_eligible"
    TO_CHECK = "to_check"
    NOT_ELIGIBLE = "not_eligible"


CRITERIA = ("age", "residence", "work", "services", "permit")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Rules:
    version: str
    age_min: int
    age_max: int
    statuses: Mapping[str, Mapping[str, Status]]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Rules:
        """Builds the rules from the parsed YAML file, refusing unknown statuses."""
        statuses = {
            section: {str(answer): Status(value) for answer, value in data[section].items()}
            for section in ("residence", "work", "services", "permit")
        }
        statuses["age"] = {UNKNOWN: Status(data["age"]["unknown"])}
        return cls(
            version=str(data["version"]),
            age_min=int(data["age"]["min"]),
            age_max=int(data["age"]["max"]),
            statuses=statuses,
        )

    def choices(self, criterion: str) -> tuple[str, ...]:
        return tuple(self.statuses[criterion])


@dataclass(frozen=True)
class Criterion:
    name: str
    status: Status
    # Why, as a catalogue selector: e.g. "too_young", "outside", "birthday".
    reason: str


@dataclass(frozen=True)
class Assessment:
    criteria: tuple[Criterion, ...]
    outcome: Outcome
    rules_version: str


def assess(answers: Mapping[str, str], rules: Rules, today: date) -> Assessment:
    criteria = tuple(
        _criterion(name, answers.get(name, UNKNOWN), rules, today)
        for name in CRITERIA
        if name != "permit" or "permit" in answers
    )
    statuses = {c.status for c in criteria}
    if Status.NOT_MET in statuses:
        outcome = Outcome.NOT_ELIGIBLE
    elif Status.TO_CHECK in statuses:
        outcome = Outcome.TO_CHECK
    else:
        outcome = Outcome.LIKELY
    return Assessment(criteria, outcome, rules.version)


def _criterion(name: str, answer: str, rules: Rules, today: date) -> Criterion:
    if name == "age":
        return _age(answer, rules, today)
    if name == "residence":
        kind = answer.split(":", 1)[0]
        key = {"in": "in_ambito", "out": "outside"}.get(kind, UNKNOWN)
        return Criterion(name, rules.statuses["residence"][key], key)
    status = rules.statuses[name].get(answer, rules.statuses[name][UNKNOWN])
    return Criterion(name, status, answer if answer in rules.statuses[name] else UNKNOWN)


def _age(answer: str, rules: Rules, today: date) -> Criterion:
    if answer.startswith("range:"):
        where = answer.removeprefix("range:")
        return Criterion("age", Status.MET if where == "in" else Status.NOT_MET, where)
    if answer.startswith("born:"):
        # Without the birthday the age is one of two values: this year's, or one less.
        oldest = today.year - int(answer.removeprefix("born:"))
        inside = [rules.age_min <= age <= rules.age_max for age in (oldest - 1, oldest)]
        if all(inside):
            return Criterion("age", Status.MET, "in")
        if not any(inside):
            return Criterion("age", Status.NOT_MET, "under" if oldest < rules.age_min else "over")
        return Criterion("age", Status.TO_CHECK, "birthday")
    if answer.isdigit():
        age = int(answer)
        if age < rules.age_min:
            return Criterion("age", Status.NOT_MET, "under")
        if age > rules.age_max:
            return Criterion("age", Status.NOT_MET, "over")
        return Criterion("age", Status.MET, "in")
    return Criterion("age", rules.statuses["age"][UNKNOWN], UNKNOWN)
