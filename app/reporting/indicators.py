"""Indicators defined as data: load config/indicators.yaml, count them for a period, split
by gender (always), age band and comune, and suppress small cells for what leaves the agency.

Who is counted depends on the indicator's kind (written in the file's header too):

- `output`: participants taken in charge within the period (their state at entry);
- `result_on_leaving`: participants who left within the period (the outcome at exit,
  which the Commission reads as the situation within four weeks of leaving);
- `result_six_months`: participants whose six-month follow-up fell due within the period
  (the exit date plus six calendar months).

Suppression (`suppress`): a cell of 1 to 4 people is shown as "<5"; then, so that no total
minus the shown cells gives a small one back, any row or column that has exactly one hidden
cell also hides its smallest other non-zero cell (shown as "n.d.", since it is not under 5),
or its total when there is none, until no line has exactly one hidden cell left.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, Literal

import yaml

from app.reporting.records import GENDERS, ParticipantRecord
from app.reporting.rules import Predicate, RuleError, compile_rule

Kind = Literal["output", "result_on_leaving", "result_six_months"]
KINDS: Final[tuple[Kind, ...]] = ("output", "result_on_leaving", "result_six_months")
Split = Literal["all", "age_band", "comune"]
SPLITS: Final[tuple[Split, ...]] = ("age_band", "comune")
AGE_BANDS: Final[tuple[str, ...]] = ("30-39", "40-49", "50-60", "other")
UNKNOWN_COMUNE: Final = "unknown"

THRESHOLD: Final = 5
SMALL: Final = "<5"
# A cell of 5 or more hidden only so that a small one beside it cannot be worked out.
HIDDEN: Final = "n.d."
Cell = int | str

CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,23}$")
ENTRY_KEYS: Final = frozenset(
    {"code", "name_it", "name_en", "regulation", "framework", "kind", "unit", "rule", "note"}
)
REQUIRED: Final = frozenset({"code", "name_it", "name_en", "regulation", "kind", "unit", "rule"})


class IndicatorFileError(ValueError):
    """The indicator file cannot be used; the message names the entry and the problem."""


@dataclass(frozen=True)
class Indicator:
    code: str
    name_it: str
    name_en: str
    regulation: str
    framework: str
    kind: Kind
    rule: Predicate
    note: str = ""
    unit: str = "participants"


@dataclass(frozen=True)
class IndicatorSet:
    indicators: tuple[Indicator, ...]

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def codes(self) -> list[str]:
        return [i.code for i in self.indicators]


def load_indicators(path: Path) -> IndicatorSet:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise IndicatorFileError(f"{path}: not valid YAML: {exc}") from exc
    return parse_indicators(data, str(path))


def parse_indicators(data: Any, source: str = "indicators") -> IndicatorSet:
    if not isinstance(data, Mapping) or not isinstance(data.get("indicators"), list):
        raise IndicatorFileError(f"{source}: expected a mapping with a list 'indicators'")
    seen: set[str] = set()
    found: list[Indicator] = []
    for number, entry in enumerate(data["indicators"], start=1):
        indicator = _parse_entry(entry, f"{source}, entry {number}")
        if indicator.code in seen:
            raise IndicatorFileError(
                f"{source}, entry {number}: indicator '{indicator.code}' is defined twice"
            )
        seen.add(indicator.code)
        found.append(indicator)
    if not found:
        raise IndicatorFileError(f"{source}: no indicators")
    return IndicatorSet(tuple(found))


def _parse_entry(entry: Any, where: str) -> Indicator:
    if not isinstance(entry, Mapping):
        raise IndicatorFileError(f"{where}: expected a mapping, got {entry!r}")
    code = entry.get("code")
    if isinstance(code, str):
        where = f"{where} (indicator '{code}')"
    missing = REQUIRED - set(entry)
    if missing:
        raise IndicatorFileError(f"{where}: missing {', '.join(sorted(missing))}")
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        raise IndicatorFileError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(code, str) or not CODE.match(code):
        raise IndicatorFileError(
            f"{where}: code {code!r} must be capital letters, digits and _ (2-24)"
        )
    for key in ("name_it", "name_en", "regulation"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise IndicatorFileError(f"{where}: '{key}' must be a non-empty text")
    if entry["kind"] not in KINDS:
        raise IndicatorFileError(f"{where}: kind must be one of {', '.join(KINDS)}")
    if entry["unit"] != "participants":
        raise IndicatorFileError(f"{where}: unit must be 'participants' (people, counted once)")
    try:
        rule = compile_rule(entry["rule"])
    except RuleError as exc:
        raise IndicatorFileError(f"{where}: {exc}") from exc
    return Indicator(
        code=code,
        name_it=entry["name_it"].strip(),
        name_en=entry["name_en"].strip(),
        regulation=entry["regulation"].strip(),
        framework=str(entry.get("framework") or "agency"),
        kind=entry["kind"],
        rule=rule,
        note=str(entry.get("note") or "").strip(),
    )


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2025', '2025-Q2', '2025-03' or '2025-01-01..2025-06-30'."""
        text = text.strip()
        try:
            if m := re.fullmatch(r"(\d{4})", text):
                year = int(m[1])
                return cls(date(year, 1, 1), date(year, 12, 31))
            if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
                year, quarter = int(m[1]), int(m[2])
                first = 3 * quarter - 2
                return cls(date(year, first, 1), _month_end(year, first + 2))
            if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
                year, month = int(m[1]), int(m[2])
                return cls(date(year, month, 1), _month_end(year, month))
            if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", text):
                return cls(date.fromisoformat(m[1]), date.fromisoformat(m[2]))
        except ValueError as exc:
            raise ValueError(f"not a period: {text!r} ({exc})") from exc
        raise ValueError(f"not a period: {text!r} (try 2025, 2025-Q2, 2025-03 or a..b)")

    @property
    def label(self) -> str:
        if (
            self.start.day == 1
            and self.start.month == 1
            and self.end == date(self.start.year, 12, 31)
        ):
            return str(self.start.year)
        if self.start.day == 1 and self.end == _month_end(self.start.year, self.start.month):
            return f"{self.start.year}-{self.start.month:02d}"
        if (
            self.start.day == 1
            and self.start.month % 3 == 1
            and self.end == _month_end(self.start.year, self.start.month + 2)
        ):
            return f"{self.start.year}-Q{(self.start.month + 2) // 3}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def followup_due(exit_on: date) -> date:
    """Six calendar months after the exit (31 August + 6 months is the end of February)."""
    month = exit_on.month + 6
    year = exit_on.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(exit_on.day, calendar.monthrange(year, month)[1]))


def in_population(kind: Kind, record: ParticipantRecord, period: Period) -> bool:
    if kind == "output":
        return record.taken_in_charge_on in period
    if record.exit_on is None:
        return False
    if kind == "result_on_leaving":
        return record.exit_on in period
    return followup_due(record.exit_on) in period


def age_band(record: ParticipantRecord) -> str:
    age = record.age_at_entry()
    if age is None or not 30 <= age <= 60:
        return "other"
    return "50-60" if age >= 50 else "40-49" if age >= 40 else "30-39"


@dataclass(frozen=True)
class Row:
    """One line of a report: an indicator for all its participants (split 'all', group '')
    or for one group of a split (an age band, a comune), counted by gender."""

    code: str
    name_it: str
    name_en: str
    regulation: str
    framework: str
    kind: str
    split: str
    group: str
    counts: tuple[int, int, int, int]  # in the order of GENDERS

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Report:
    period: Period
    rows: tuple[Row, ...]
    # When the period was closed and its figures frozen; None: computed now, may change.
    closed_at: datetime | None = None

    def row(self, code: str, split: str = "all", group: str = "") -> Row:
        for row in self.rows:
            if (row.code, row.split, row.group) == (code, split, group):
                return row
        raise KeyError((code, split, group))

    def only(self, splits: Iterable[str]) -> Report:
        """The same report with only these extra splits (the 'all' rows always stay)."""
        keep = {"all", *splits}
        return Report(self.period, tuple(r for r in self.rows if r.split in keep), self.closed_at)


def compute(
    indicators: IndicatorSet,
    records: Iterable[ParticipantRecord],
    period: Period,
    splits: Sequence[str] = SPLITS,
) -> Report:
    unknown = set(splits) - set(SPLITS)
    if unknown:
        raise ValueError(f"unknown splits {sorted(unknown)}")
    by_age, by_comune = "age_band" in splits, "comune" in splits
    populations: dict[str, list[ParticipantRecord]] = {kind: [] for kind in KINDS}
    for record in records:
        for kind in KINDS:
            if in_population(kind, record, period):
                populations[kind].append(record)
    gender_index = {g: i for i, g in enumerate(GENDERS)}
    rows: list[Row] = []
    for indicator in indicators:
        tally: dict[tuple[str, str], list[int]] = {("all", ""): [0, 0, 0, 0]}
        if by_age:
            for band in AGE_BANDS:
                tally[("age_band", band)] = [0, 0, 0, 0]
        for record in populations[indicator.kind]:
            if not indicator.rule(record):
                continue
            g = gender_index[record.gender]
            tally[("all", "")][g] += 1
            if by_age:
                tally[("age_band", age_band(record))][g] += 1
            if by_comune:
                key = ("comune", record.comune_istat or UNKNOWN_COMUNE)
                tally.setdefault(key, [0, 0, 0, 0])[g] += 1
        comuni = sorted(
            (k for k in tally if k[0] == "comune"), key=lambda k: (k[1] == UNKNOWN_COMUNE, k[1])
        )
        order = [k for k in tally if k[0] != "comune"] + comuni
        for split, group in order:
            a, b, c, d = tally[(split, group)]
            rows.append(
                Row(indicator.code, indicator.name_it, indicator.name_en, indicator.regulation,
                    indicator.framework, indicator.kind, split, group, (a, b, c, d))
            )  # fmt: skip
    return Report(period, tuple(rows))


@dataclass(frozen=True)
class ShownRow:
    """A row as it leaves the agency: counts by gender then the total, small ones hidden."""

    row: Row
    cells: tuple[Cell, Cell, Cell, Cell, Cell]


Key = tuple[int, int]  # (row index, column: 0-3 genders, 4 total)


def shown_rows(report: Report, *, for_export: bool) -> list[ShownRow]:
    """The rows as cells: every count inside the agency (its own console), suppressed in
    anything that leaves it (files, reports for the funder)."""
    if for_export:
        return suppress(report)
    return [ShownRow(row, (*row.counts, row.total)) for row in report.rows]


def suppress(report: Report) -> list[ShownRow]:
    values: dict[Key, int] = {}
    for i, row in enumerate(report.rows):
        for col, count in enumerate((*row.counts, row.total)):
            values[(i, col)] = count
    hidden = suppressed_cells(values, _constraints(report.rows))
    shown: list[ShownRow] = []
    for i, row in enumerate(report.rows):
        cells = tuple(_shown(values[(i, col)], (i, col) in hidden) for col in range(5))
        shown.append(ShownRow(row, cells))  # type: ignore[arg-type]
    return shown


def _shown(value: int, hidden: bool) -> Cell:
    if not hidden:
        return value
    return SMALL if value < THRESHOLD else HIDDEN


def _constraints(rows: Sequence[Row]) -> list[tuple[list[Key], Key]]:
    """Every sum a reader can check: each row (genders add up to the total), and for each
    indicator and split, each column (the groups add up to the indicator's 'all' row)."""
    lines: list[tuple[list[Key], Key]] = [
        ([(i, c) for c in range(4)], (i, 4)) for i in range(len(rows))
    ]
    overall: dict[str, int] = {}
    groups: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if row.split == "all":
            overall[row.code] = i
        else:
            groups.setdefault((row.code, row.split), []).append(i)
    for (code, _split), members in groups.items():
        if code not in overall:
            continue
        for col in range(5):
            lines.append(([(i, col) for i in members], (overall[code], col)))
    return lines


def suppressed_cells(values: Mapping[Key, int], lines: Sequence[tuple[list[Key], Key]]) -> set[Key]:
    """Primary suppression (1 to THRESHOLD-1), then secondary until every line (parts and
    their total) has either none or at least two hidden cells."""
    hidden = {key for key, value in values.items() if 0 < value < THRESHOLD}
    changed = True
    while changed:
        changed = False
        for parts, total in lines:
            if sum(1 for key in (*parts, total) if key in hidden) != 1:
                continue
            others = [key for key in parts if key not in hidden and values[key] > 0]
            if others:
                hidden.add(min(others, key=lambda key: (values[key], key)))
            elif total not in hidden:
                hidden.add(total)
            else:  # pragma: no cover - a hidden total with every part 0 or hidden
                continue
            changed = True
    return hidden
