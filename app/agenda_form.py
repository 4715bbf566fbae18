"""Reading and checking the availability an operator types, before anything is stored.
Pure (no I/O, no clock: `now` is passed in), so the web console, the command line and the
tests share one set of rules.

Bad input changes nothing: building availability either gives the slots or raises
`Invalid` with one `FieldProblem` per field. Two slots of the same operator may not
overlap (`overlaps` checks the new slots among themselves; app/agenda.py checks them
against the stored ones). The check is per operator, not per place: one person cannot hold
two interviews at once, while a place with two desks can hold two operators' interviews at
the same time.

Times are typed in the office's zone (Europe/Rome); `dialogs.slots` turns wall times into
instants, so a weekly block keeps its wall-clock time across DST, and Italian public
holidays are skipped (store/slot_admin.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dialogs.agenda import AgendaConfig
from dialogs.slots import AppointmentType, Availability, NonexistentLocalTime
from dialogs.slots import Slot as NewSlot
from dialogs.slots import one_off as one_off_slot
from store import slot_admin

# The longest slot anyone may open, and the most weeks one rule may cover: a typo (900
# minutes, year 2062) must be caught, not fill the agenda.
MAX_MINUTES = 8 * 60
MAX_RULE_DAYS = 366
MAX_OPERATOR = 64


@dataclass(frozen=True)
class FieldProblem:
    """A field and what is wrong with it (`code`), with values for the message."""

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)


class Invalid(ValueError):
    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class OneOff:
    """One slot, as typed: a local day and time."""

    place: str
    kind: str
    operator: str
    day: date | None
    start: time | None
    minutes: int | None = None  # None: the kind's length from config/appointments.yaml


@dataclass(frozen=True)
class Weekly:
    """A block every chosen weekday from `first` to `last` (both included), slots of
    `minutes` starting every `every` minutes (back to back when None)."""

    place: str
    kind: str
    operator: str
    weekdays: frozenset[int]
    start: time | None
    end: time | None
    first: date | None
    last: date | None
    minutes: int | None = None
    every: int | None = None


def parse_weekdays(values: Iterable[str]) -> frozenset[int]:
    """The weekdays ticked on a form (0 is Monday); anything else is ignored."""
    return frozenset(int(v) for v in values if v.isdigit() and int(v) < 7)


def _minutes(config: AgendaConfig, kind: str, minutes: int | None) -> int:
    return minutes if minutes is not None else config.kinds[kind].minutes


def _common(
    config: AgendaConfig, place: str, kind: str, operator: str, minutes: int | None
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if place not in config.venues:
        problems.append(FieldProblem("place", "unknown_place", {"place": place}))
    if kind not in config.kinds or kind not in {t.value for t in AppointmentType}:
        problems.append(FieldProblem("kind", "unknown_kind", {"kind": kind}))
    if not operator.strip():
        problems.append(FieldProblem("operator", "operator_empty"))
    elif len(operator) > MAX_OPERATOR:
        problems.append(FieldProblem("operator", "operator_long", {"max": MAX_OPERATOR}))
    if minutes is not None and not 5 <= minutes <= MAX_MINUTES:
        problems.append(FieldProblem("minutes", "minutes_range", {"max": MAX_MINUTES}))
    return problems


def one_off_slots(wanted: OneOff, config: AgendaConfig, zone: str, now: datetime) -> list[NewSlot]:
    """The one slot a one-off asks for, or Invalid."""
    problems = _common(config, wanted.place, wanted.kind, wanted.operator, wanted.minutes)
    if wanted.day is None:
        problems.append(FieldProblem("day", "day_missing"))
    if wanted.start is None:
        problems.append(FieldProblem("start", "time_missing"))
    if problems or wanted.day is None or wanted.start is None:
        raise Invalid(problems)
    try:
        slot = one_off_slot(
            datetime.combine(wanted.day, wanted.start),
            timedelta(minutes=_minutes(config, wanted.kind, wanted.minutes)),
            zone,
            AppointmentType(wanted.kind),
            wanted.place,
            wanted.operator.strip(),
        )
    except NonexistentLocalTime:
        raise Invalid([FieldProblem("start", "time_skipped")]) from None
    if slot.start <= now:
        raise Invalid([FieldProblem("day", "in_the_past")])
    return [slot]


def weekly_slots(wanted: Weekly, config: AgendaConfig, zone: str, now: datetime) -> list[NewSlot]:
    """Every slot of a weekly rule, holidays skipped, or Invalid (a rule that gives no slot
    at all is a mistake, not an empty success)."""
    problems = _common(config, wanted.place, wanted.kind, wanted.operator, wanted.minutes)
    today = now.astimezone(ZoneInfo(zone)).date()
    if not wanted.weekdays or not wanted.weekdays <= set(range(7)):
        problems.append(FieldProblem("weekdays", "weekdays_empty"))
    if wanted.start is None:
        problems.append(FieldProblem("start", "time_missing"))
    if wanted.end is None:
        problems.append(FieldProblem("end", "time_missing"))
    elif wanted.start is not None and wanted.end <= wanted.start:
        problems.append(FieldProblem("end", "end_before_start"))
    if wanted.first is None:
        problems.append(FieldProblem("first", "day_missing"))
    elif wanted.first < today:
        problems.append(FieldProblem("first", "in_the_past"))
    if wanted.last is None:
        problems.append(FieldProblem("last", "day_missing"))
    elif wanted.first is not None and wanted.last < wanted.first:
        problems.append(FieldProblem("last", "last_before_first"))
    elif wanted.first is not None and (wanted.last - wanted.first).days > MAX_RULE_DAYS:
        problems.append(FieldProblem("last", "too_long", {"days": MAX_RULE_DAYS}))
    if wanted.every is not None and not 5 <= wanted.every <= MAX_MINUTES:
        problems.append(FieldProblem("every", "minutes_range", {"max": MAX_MINUTES}))
    if problems:
        raise Invalid(problems)
    assert wanted.start and wanted.end and wanted.first and wanted.last
    length = _minutes(config, wanted.kind, wanted.minutes)
    weeks = (wanted.last - wanted.first).days // 7 + 1
    slots: list[NewSlot] = []
    for weekday in sorted(wanted.weekdays):
        availability = Availability(
            weekday=weekday,
            start=wanted.start,
            end=wanted.end,
            step_minutes=wanted.every or length,
            first_date=wanted.first,
            weeks=weeks,
            type=AppointmentType(wanted.kind),
            place_id=wanted.place,
            operator=wanted.operator.strip(),
            duration_minutes=length,
        )
        slots += slot_admin.recurring(availability, zone)
    last_instant = datetime.combine(wanted.last + timedelta(days=1), time(), ZoneInfo(zone))
    slots = sorted(s for s in slots if now < s.start < last_instant)
    if not slots:
        raise Invalid([FieldProblem("weekdays", "rule_empty")])
    return slots


def overlaps(slots: Sequence[NewSlot]) -> list[tuple[NewSlot, NewSlot]]:
    """Pairs of the same operator's slots that overlap, among these (in order). A slot and
    its exact twin (same operator and start) are the same slot, not an overlap."""
    found: list[tuple[NewSlot, NewSlot]] = []
    by_operator: dict[str, list[NewSlot]] = {}
    for slot in sorted(slots):
        by_operator.setdefault(slot.operator.casefold(), []).append(slot)
    for mine in by_operator.values():
        latest: NewSlot | None = None
        for slot in mine:
            if latest is not None and slot.start < latest.end and slot.start != latest.start:
                found.append((latest, slot))
            if latest is None or slot.end > latest.end:
                latest = slot
    return found
