"""Indicators as data: the rule language, the shipped file, bad files refused, periods and
populations, the splits, and the suppression of small cells (primary and secondary)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.reporting.indicators import (
    HIDDEN,
    SMALL,
    IndicatorFileError,
    Period,
    Report,
    Row,
    compute,
    followup_due,
    load_indicators,
    parse_indicators,
    shown_rows,
    suppress,
    suppressed_cells,
)
from app.reporting.records import ParticipantRecord
from app.reporting.rules import RuleError, compile_rule
from store.settings import PROJECT_ROOT

INDICATORS = PROJECT_ROOT / "config" / "indicators.yaml"
Q1 = Period(date(2025, 1, 1), date(2025, 3, 31))


def person(key: int = 1, **changes: Any) -> ParticipantRecord:
    base = ParticipantRecord(
        key=key,
        gender="female",
        education="isced_0_2",
        employment_at_entry="long_term_unemployed",
        taken_in_charge_on=date(2025, 2, 10),
        birth_year=1980,
        comune_istat="019035",
    )
    return replace(base, **changes)


# --- the rule language ------------------------------------------------------------------

RULES: list[tuple[Any, dict[str, Any], bool]] = [
    ("everyone", {}, True),
    ("no_one", {}, False),
    ({"field": "gender", "is": "female"}, {}, True),
    ({"field": "gender", "is": "male"}, {}, False),
    ({"field": "employment_at_entry", "in": ["unemployed", "long_term_unemployed"]}, {}, True),
    ({"field": "employment_at_entry", "not_in": ["inactive"]}, {}, True),
    # an unknown special-category answer is never in, and never "not in", a list
    ({"field": "disability", "not_in": ["yes"]}, {}, False),
    ({"field": "disability", "not_in": ["yes"]}, {"disability": "no"}, True),
    ({"field": "disability", "is": "yes"}, {"disability": "yes"}, True),
    ({"field": "disability", "known": False}, {}, True),
    ({"field": "exit_on", "known": True}, {"exit_on": date(2025, 3, 1)}, True),
    ({"field": "tutoring_hours", "at_least": 10}, {"tutoring_hours": 10.0}, True),
    ({"field": "tutoring_hours", "at_least": 10, "at_most": 20}, {"tutoring_hours": 20.5}, False),
    ({"field": "comune_istat", "in": ["019035", "019001"]}, {}, True),
    ({"field": "comune_istat", "in": []}, {}, False),
    ({"field": "birth_year", "is": 1980}, {}, True),
    ({"field": "followup_status", "in": ["employed"]}, {}, False),
    ({"field": "followup_status", "in": ["employed"]}, {"followup_status": "employed"}, True),
    ({"age_at_entry": {"at_least": 45}}, {}, True),  # 2025 - 1980
    ({"age_at_entry": {"at_least": 46}}, {}, False),
    ({"age_at_entry": {"at_most": 60}}, {"birth_year": None}, False),  # unknown age
    ({"exited_within_days": 30}, {}, False),  # not left
    ({"exited_within_days": 30}, {"exit_on": date(2025, 3, 12)}, True),
    ({"exited_within_days": 30}, {"exit_on": date(2025, 3, 13)}, False),
    ({"attended": "orientamento"}, {"appointments_attended": {"orientamento": 1}}, True),
    ({"attended": "orientamento", "at_least": 2},
     {"appointments_attended": {"orientamento": 1}}, False),
    ({"all": []}, {}, True),
    ({"any": []}, {}, False),
    ({"all": [{"field": "gender", "is": "female"}, {"age_at_entry": {"at_least": 55}}]}, {}, False),
    ({"any": [{"field": "gender", "is": "male"}, {"age_at_entry": {"at_most": 50}}]}, {}, True),
    ({"not": {"field": "gender", "is": "female"}}, {}, False),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "changes", "expected"), RULES)
def test_a_rule_holds_or_not(rule: Any, changes: dict[str, Any], expected: bool) -> None:
    assert compile_rule(rule)(person(**changes)) is expected


BAD_RULES: list[tuple[Any, str]] = [
    ("everybody", "expected 'everyone'"),
    ({"field": "gendr", "is": "female"}, "'gendr' is not a field"),
    ({"field": "gender", "is": "femal"}, "'femal' is not a value of 'gender'"),
    ({"field": "gender"}, "needs one of"),
    ({"field": "gender", "is": "female", "in": ["male"]}, "one comparison"),
    ({"field": "gender", "equals": "female"}, "not ['equals']"),
    ({"field": "gender", "at_least": 3}, "compare numbers"),
    ({"field": "exit_on", "is": "2025-01-01"}, "only be compared with known"),
    ({"field": "gender", "in": "female"}, "takes a list"),
    ({"field": "exit_on", "known": "yes"}, "true or false"),
    ({"age_at_entry": {"at_least": 50, "at_most": 40}}, "above at_most"),
    ({"age_at_entry": {"over": 50}}, "expected at_least and/or at_most"),
    ({"age_at_entry": {"at_least": "50"}}, "expected a number"),
    ({"exited_within_days": -1}, "whole number"),
    ({"all": {"field": "gender", "is": "male"}}, "expected a list"),
    ({"all": [{"eval": "__import__('os')"}]}, "rule.all[0]: unknown form"),
    ({"field": "gender", "is": "female", "extra": 1}, "not ['extra']"),
    ({"field": "comune_istat", "in": [19035]}, "quote 19035"),
    ({"field": "birth_year", "is": "1980"}, "compares with a number"),
]


@pytest.mark.parametrize(("rule", "message"), BAD_RULES)
def test_a_bad_rule_is_refused_with_where_and_why(rule: Any, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        compile_rule(rule)
    assert message in str(caught.value)


# --- the shipped file and bad files -------------------------------------------------------


def test_the_shipped_file_defines_every_common_indicator() -> None:
    codes = set(load_indicators(INDICATORS).codes())
    expected = (
        {f"EECO{n:02d}" for n in range(1, 18)}
        | {f"EECR{n:02d}" for n in range(1, 7)}
        | {f"CO{n:02d}" for n in range(1, 19)}
        | {f"CR{n:02d}" for n in range(1, 10)}
    )
    assert expected <= codes, sorted(expected - codes)


def entry(**changes: Any) -> dict[str, Any]:
    base = {
        "code": "PRX_TEST", "name_it": "Prova", "name_en": "Test", "regulation": "ente",
        "kind": "output", "unit": "participants", "rule": "everyone",
    }  # fmt: skip
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


BAD_FILES: list[tuple[Any, str]] = [
    ({"indicators": [entry(rule={"field": "gendr", "is": "x"})]}, "indicator 'PRX_TEST'"),
    ({"indicators": [entry(kind="outcome")]}, "kind must be one of"),
    ({"indicators": [entry(unit="euro")]}, "unit must be 'participants'"),
    ({"indicators": [entry(name_it=" ")]}, "'name_it' must be a non-empty text"),
    ({"indicators": [entry(regulation=None)]}, "missing regulation"),
    ({"indicators": [entry(colour="red")]}, "unknown keys colour"),
    ({"indicators": [entry(code="bad code")]}, "code 'bad code'"),
    ({"indicators": [entry(), entry()]}, "'PRX_TEST' is defined twice"),
    ({"indicators": []}, "no indicators"),
    ({"indicator": [entry()]}, "a list 'indicators'"),
    ({"indicators": ["EECO01"]}, "entry 1: expected a mapping"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_a_bad_entry_is_refused_at_load_naming_it(data: Any, message: str) -> None:
    with pytest.raises(IndicatorFileError) as caught:
        parse_indicators(data, "config/indicators.yaml")
    assert message in str(caught.value)
    assert "config/indicators.yaml" in str(caught.value)


def test_an_agency_can_add_its_own_indicator_and_a_bad_one_in_the_file_names_it(
    tmp_path: Path,
) -> None:
    text = INDICATORS.read_text(encoding="utf-8") + (
        "  - code: PRX_DONNE_OVER_50\n"
        "    name_it: Donne di 50 anni e oltre\n"
        "    name_en: Women aged 50 and over\n"
        "    regulation: ente\n"
        "    kind: output\n"
        "    unit: participants\n"
        "    rule: {all: [{field: gender, is: female}, {age_at_entry: {at_least: 50}}]}\n"
    )
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    indicators = load_indicators(path)
    records = [person(1, birth_year=1970), person(2, birth_year=1990), person(3, gender="male")]
    report = compute(indicators, records, Q1, splits=())
    assert report.row("PRX_DONNE_OVER_50").counts == (1, 0, 0, 0)

    path.write_text(text.replace("is: female}, {age", "is: woman}, {age"), encoding="utf-8")
    with pytest.raises(IndicatorFileError, match=r"PRX_DONNE_OVER_50.*'woman' is not a value"):
        load_indicators(path)


# --- periods and populations -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-01-15..2025-06-30", date(2025, 1, 15), date(2025, 6, 30)),
    ],
)
def test_periods_are_read_and_named_back(text: str, start: date, end: date) -> None:
    period = Period.parse(text)
    assert (period.start, period.end) == (start, end)
    assert period.label == text


@pytest.mark.parametrize("text", ["2025-Q5", "2025-13", "25", "2025-03-01..2025-02-01", ""])
def test_a_bad_period_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="period"):
        Period.parse(text)


def test_followup_falls_due_six_calendar_months_after_the_exit() -> None:
    assert followup_due(date(2025, 1, 15)) == date(2025, 7, 15)
    assert followup_due(date(2024, 8, 31)) == date(2025, 2, 28)
    assert followup_due(date(2025, 12, 1)) == date(2026, 6, 1)


def test_each_kind_counts_its_own_population() -> None:
    indicators = load_indicators(INDICATORS)
    records = [
        # entered in Q1, still in the programme
        person(1),
        # entered before, left in Q1 with a job
        person(2, taken_in_charge_on=date(2024, 5, 1), exit_on=date(2025, 3, 31),
               exit_outcome="employed"),
        # left in July 2024: the six-month follow-up fell due in January 2025
        person(3, gender="male", taken_in_charge_on=date(2024, 1, 8), exit_on=date(2024, 7, 20),
               exit_outcome="job_searching", followup_status="employed"),
        # entered the day after Q1
        person(4, taken_in_charge_on=date(2025, 4, 1)),
    ]  # fmt: skip
    report = compute(indicators, records, Q1, splits=())
    assert report.row("EECO01").counts == (1, 0, 0, 0)
    assert report.row("EECO03").total == 1
    assert report.row("EECR04").counts == (1, 0, 0, 0)  # person 2, upon leaving
    assert report.row("EECR01").total == 0  # person 3 left before Q1 (and was not inactive)
    assert report.row("EECR05").counts == (0, 1, 0, 0)  # person 3, six months after
    assert report.row("CR06").counts == (0, 1, 0, 0)


def test_the_shipped_rules_on_a_varied_group() -> None:
    indicators = load_indicators(INDICATORS)
    records = [
        person(1, birth_year=1968, education="isced_3_4", disability="yes"),  # 57
        person(2, gender="male", employment_at_entry="inactive", third_country_national="yes"),
        person(3, gender="non_binary", employment_at_entry="unemployed", minority="not_stated"),
        person(4, gender="not_stated", education="isced_5_8", homeless_or_housing_exclusion="yes"),
    ]
    report = compute(indicators, records, Q1, splits=())
    got = {code: report.row(code).counts for code in (
        "EECO01", "EECO02", "EECO03", "EECO04", "EECO06", "EECO08", "EECO09", "EECO10",
        "EECO11", "EECO12", "EECO13", "EECO15", "EECO16", "CO08", "CO15", "CO17", "CO12",
    )}  # fmt: skip
    assert got == {
        "EECO01": (1, 1, 1, 1),
        "EECO02": (1, 0, 1, 1),
        "EECO03": (1, 0, 0, 1),
        "EECO04": (0, 1, 0, 0),
        "EECO06": (0, 0, 0, 0),
        "EECO08": (1, 0, 0, 0),
        "EECO09": (0, 1, 1, 0),
        "EECO10": (1, 0, 0, 0),
        "EECO11": (0, 0, 0, 1),
        "EECO12": (1, 0, 0, 0),
        "EECO13": (0, 1, 0, 0),
        "EECO15": (0, 0, 0, 0),  # "not stated" is not a yes
        "EECO16": (0, 0, 0, 1),
        "CO08": (1, 0, 0, 0),
        "CO15": (0, 1, 0, 0),
        "CO17": (0, 0, 1, 0),
        "CO12": (0, 0, 0, 0),
    }


def test_splits_by_age_band_and_comune_add_up_to_the_total() -> None:
    indicators = load_indicators(INDICATORS)
    rng = random.Random(7)
    records = [
        person(
            n,
            gender=rng.choice(["female", "male", "non_binary", "not_stated"]),
            birth_year=rng.choice([None, 1960, 1964, 1970, 1980, 1990, 2000]),
            comune_istat=rng.choice([None, "019035", "019001", "019110"]),
            taken_in_charge_on=date(2025, rng.randint(1, 3), rng.randint(1, 28)),
        )
        for n in range(300)
    ]
    report = compute(indicators, records, Q1)
    total = report.row("EECO01")
    assert total.total == 300
    bands = [report.row("EECO01", "age_band", band) for band in ("30-39", "40-49", "50-60")]
    other = report.row("EECO01", "age_band", "other")
    by_band = [sum(r.counts[g] for r in [*bands, other]) for g in range(4)]
    assert tuple(by_band) == total.counts
    # born 1960 or 1964 is over 60 in 2025, 2000 is 25, unknown is unknown: all "other"
    assert other.total == sum(1 for r in records if r.birth_year in (None, 1960, 1964, 2000))
    comuni = [r for r in report.rows if r.code == "EECO01" and r.split == "comune"]
    assert [r.group for r in comuni] == ["019001", "019035", "019110", "unknown"]
    assert tuple(sum(r.counts[g] for r in comuni) for g in range(4)) == total.counts
    assert report.only([]).rows == tuple(r for r in report.rows if r.split == "all")


# --- suppression -------------------------------------------------------------------------


def row(code: str, counts: tuple[int, int, int, int], split: str = "all", group: str = "") -> Row:
    return Row(code, code, code, "reg", "test", "output", split, group, counts)


def cells(report_rows: list[Row]) -> list[tuple[Any, ...]]:
    return [s.cells for s in suppress(Report(Q1, tuple(report_rows)))]


def test_cells_of_five_or_more_and_zeros_are_shown() -> None:
    assert cells([row("A", (5, 12, 0, 0))]) == [(5, 12, 0, 0, 17)]


def test_a_small_cell_and_the_next_smallest_are_hidden_so_the_total_cannot_reveal_it() -> None:
    # female 3 hidden; total 28 - 20 - 5 - 0 would give 3 back, so 5 (the next smallest) goes
    assert cells([row("A", (3, 20, 5, 0))]) == [(SMALL, 20, HIDDEN, 0, 28)]


def test_two_small_cells_protect_each_other() -> None:
    assert cells([row("A", (3, 20, 2, 0))]) == [(SMALL, 20, SMALL, 0, 25)]


def test_a_small_total_is_hidden_with_its_cell() -> None:
    assert cells([row("A", (3, 0, 0, 0))]) == [(SMALL, 0, 0, 0, SMALL)]


def test_a_lone_small_cell_beside_zeros_hides_the_total() -> None:
    # 3 + 0 + 0 + 0 with a total of 3 is already small; with a big cell the big cell goes
    assert cells([row("A", (3, 0, 0, 9))]) == [(SMALL, 0, 0, HIDDEN, 12)]


def test_columns_of_a_split_are_protected_too() -> None:
    rows = [
        row("A", (10, 10, 0, 0)),
        row("A", (3, 5, 0, 0), "age_band", "30-39"),
        row("A", (7, 5, 0, 0), "age_band", "40-49"),
    ]
    shown = cells(rows)
    # 30-39 female 3 is small; its row hides 5 (male); then the female column (10 = 3 + 7)
    # and the male column (10 = 5 + 5) each have one hidden cell, so 7 and 5 go too.
    assert shown[1] == (SMALL, HIDDEN, 0, 0, 8)
    assert shown[2][:2] == (HIDDEN, HIDDEN)
    assert shown[0][:2] == (10, 10)


def test_no_line_is_left_with_exactly_one_hidden_cell_on_random_tables() -> None:
    rng = random.Random(2026)
    for _ in range(300):
        groups = rng.randint(1, 6)
        parts = [
            tuple(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 20]) for _ in range(4))
            for _ in range(groups)
        ]
        overall = tuple(sum(p[g] for p in parts) for g in range(4))
        rows = [row("A", overall)] + [  # type: ignore[arg-type]
            row("A", p, "comune", f"c{i}")
            for i, p in enumerate(parts)  # type: ignore[arg-type]
        ]
        shown = cells(rows)
        values = [(*r.counts, r.total) for r in rows]
        for i, line in enumerate(shown):
            for col, cell in enumerate(line):
                value = values[i][col]
                if 0 < value < 5:
                    assert cell == SMALL
                elif isinstance(cell, int):
                    assert cell == value
        hidden = [[isinstance(c, str) for c in line] for line in shown]
        for i in range(len(rows)):  # every row: genders and total
            assert sum(hidden[i]) != 1, (rows[i], shown[i])
        for col in range(5):  # every column: the groups and the overall row
            assert sum(hidden[i][col] for i in range(len(rows))) != 1, (col, shown)


def test_suppressed_cells_picks_the_smallest_non_zero_partner() -> None:
    values = {(0, 0): 2, (0, 1): 0, (0, 2): 7, (0, 3): 30, (0, 4): 39}
    lines = [([(0, 0), (0, 1), (0, 2), (0, 3)], (0, 4))]
    assert suppressed_cells(values, lines) == {(0, 0), (0, 2)}


def test_only_what_leaves_the_agency_is_suppressed() -> None:
    report = Report(Q1, (row("A", (3, 20, 5, 0)),))
    assert shown_rows(report, for_export=False)[0].cells == (3, 20, 5, 0, 28)
    assert shown_rows(report, for_export=True)[0].cells == (SMALL, 20, HIDDEN, 0, 28)
