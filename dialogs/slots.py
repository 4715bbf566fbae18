"""Appointment slots: recurring availabilities, one-off slots, grouping, paging and labels.

Instants are kept in UTC and only turned into Europe/Rome wall time to build or show them, so a
slot opened "every Tuesday at 9:00" stays at 9:00 local across the DST changes while its UTC
instant moves by an hour. Holidays are passed in as dates: this module reads no calendars.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_MINUTES",
    "ITALIAN_NAMES",
    "AppointmentType",
    "Availability",
    "NonexistentLocalTime",
    "Slot",
    "day_label",
    "generate_slots",
    "group_by_day",
    "local_to_utc",
    "one_off",
    "page",
    "page_count",
    "slot_label",
]

T = TypeVar("T")


class AppointmentType(StrEnum):
    ORIENTATION = "orientation"
    SKILLS_ASSESSMENT = "skills_assessment"
    TUTORING = "tutoring"
    SOCIAL_WORKER = "social_worker"

    @property
    def default_duration(self) -> timedelta:
        return timedelta(minutes=DEFAULT_MINUTES[self])

    @property
    def italian_name(self) -> str:
        return ITALIAN_NAMES[self]


# A skills-assessment session is the long one (about 16 hours over 6-8 meetings).
DEFAULT_MINUTES: dict[AppointmentType, int] = {
    AppointmentType.ORIENTATION: 45,
    AppointmentType.SKILLS_ASSESSMENT: 90,
    AppointmentType.TUTORING: 60,
    AppointmentType.SOCIAL_WORKER: 45,
}
ITALIAN_NAMES: dict[AppointmentType, str] = {
    AppointmentType.ORIENTATION: "colloquio di orientamento",
    AppointmentType.SKILLS_ASSESSMENT: "bilancio di competenze",
    AppointmentType.TUTORING: "tutoraggio specialistico",
    AppointmentType.SOCIAL_WORKER: "incontro con l'assistente sociale",
}

# Our own tables: the locale module depends on what the server has installed.
_WEEKDAYS_IT = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")
_MONTHS_IT = ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic")


class NonexistentLocalTime(ValueError):
    """A wall time skipped by the spring DST change (02:00-03:00 on the last Sunday of March)."""


@dataclass(frozen=True, order=True)
class Slot:
    """A bookable interval. `start` and `end` are aware datetimes in UTC."""

    start: datetime
    end: datetime
    type: AppointmentType
    place_id: str
    operator: str

    def __post_init__(self) -> None:
        for instant in (self.start, self.end):
            if instant.tzinfo is None or instant.utcoffset() != timedelta(0):
                raise ValueError(f"slot times must be aware UTC datetimes, got {instant!r}")
        if self.end <= self.start:
            raise ValueError("a slot must end after it starts")

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class Availability:
    """An operator's recurring opening: every `weekday` from `start` to `end`, local time.

    Slots start every `step_minutes`; each lasts `duration_minutes` (the type's default when
    None). A step shorter than the duration gives overlapping candidate starts: whoever books
    must then hide the ones that overlap a booking.
    """

    weekday: int  # 0 = Monday, as date.weekday()
    start: time
    end: time
    step_minutes: int
    first_date: date  # the first occurrence is the first `weekday` on or after this date
    weeks: int
    type: AppointmentType
    place_id: str
    operator: str
    duration_minutes: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {self.weekday}")
        if self.end <= self.start:
            raise ValueError("an availability must end after it starts")
        if self.step_minutes <= 0:
            raise ValueError("the step must be a positive number of minutes")
        if self.weeks < 0:
            raise ValueError("the number of weeks cannot be negative")
        if self.duration_minutes is not None and self.duration_minutes <= 0:
            raise ValueError("the duration must be a positive number of minutes")

    @property
    def duration(self) -> timedelta:
        if self.duration_minutes is None:
            return self.type.default_duration
        return timedelta(minutes=self.duration_minutes)

    def dates(self) -> list[date]:
        """Every occurrence, holidays included."""
        first = self.first_date + timedelta(days=(self.weekday - self.first_date.weekday()) % 7)
        return [first + timedelta(weeks=n) for n in range(self.weeks)]


def local_to_utc(local: datetime, zone: str) -> datetime:
    """A naive wall time in `zone` as an aware UTC instant.

    In the autumn hour that happens twice, `fold` chooses (0, the default, is the first, still
    summer time). A wall time that never happens raises rather than silently moving an hour.
    """
    if local.tzinfo is not None:
        raise ValueError(f"expected a naive local time, got {local!r}")
    tz = ZoneInfo(zone)
    instant = local.replace(tzinfo=tz).astimezone(UTC)
    # A skipped wall time does not survive the round trip.
    if instant.astimezone(tz).replace(tzinfo=None) != local:
        raise NonexistentLocalTime(f"{local:%Y-%m-%d %H:%M} does not exist in {zone}")
    return instant


def generate_slots(
    availability: Availability, zone: str, holidays: Collection[date] = frozenset()
) -> list[Slot]:
    """All slots of a recurring availability, in order, skipping holidays.

    A slot is offered only if it ends by the availability's end time. Wall times swallowed by
    the spring DST change are skipped (offices are not open at 02:30, but the data may say so).
    """
    slots: list[Slot] = []
    for day in availability.dates():
        if day not in holidays:
            slots.extend(_slots_on(availability, day, zone))
    return slots


def _slots_on(availability: Availability, day: date, zone: str) -> list[Slot]:
    closes = _utc_or_none(datetime.combine(day, availability.end), zone)
    if closes is None:
        return []
    step = timedelta(minutes=availability.step_minutes)
    wall = datetime.combine(day, availability.start)
    last = datetime.combine(day, availability.end)
    slots: list[Slot] = []
    # Steps are taken on the wall clock, so "every 45 minutes from 9:00" lands on :00/:45/...
    while wall < last:
        start = _utc_or_none(wall, zone)
        if start is not None and start + availability.duration <= closes:
            slots.append(
                Slot(
                    start,
                    start + availability.duration,
                    availability.type,
                    availability.place_id,
                    availability.operator,
                )
            )
        wall += step
    return slots


def _utc_or_none(local: datetime, zone: str) -> datetime | None:
    try:
        return local_to_utc(local, zone)
    except NonexistentLocalTime:
        return None


def one_off(
    local_start: datetime,
    duration: timedelta | None,
    zone: str,
    type: AppointmentType,
    place_id: str,
    operator: str,
) -> Slot:
    """A single slot from a naive local start; `duration` None means the type's default."""
    length = type.default_duration if duration is None else duration
    if length <= timedelta(0):
        raise ValueError("the duration must be positive")
    start = local_to_utc(local_start, zone)
    return Slot(start, start + length, type, place_id, operator)


def group_by_day(slots: Iterable[Slot], zone: str) -> list[tuple[date, list[Slot]]]:
    """Slots sorted by start and grouped by their local date, days in order."""
    tz = ZoneInfo(zone)
    days: dict[date, list[Slot]] = {}
    for slot in sorted(slots, key=lambda s: s.start):
        days.setdefault(slot.start.astimezone(tz).date(), []).append(slot)
    return list(days.items())


def page_count(total: int, per_page: int) -> int:
    """How many pages `total` items fill; an empty list still shows one (empty) page."""
    _check_per_page(per_page)
    return max(1, -(-total // per_page))


def page(items: Sequence[T], page: int, per_page: int) -> tuple[list[T], bool, bool]:
    """Page number `page` (0-based) of `items`, and whether a previous/next page exists.

    A page past the end is empty but still reports the previous one, so a stale "next" button
    (slots booked meanwhile) leads back instead of to a dead end.
    """
    _check_per_page(per_page)
    if page < 0:
        raise ValueError(f"page numbers start at 0, got {page}")
    first = page * per_page
    chunk = list(items[first : first + per_page])
    return chunk, page > 0, first + per_page < len(items)


def _check_per_page(per_page: int) -> None:
    if per_page <= 0:
        raise ValueError(f"per_page must be positive, got {per_page}")


def day_label(day: date) -> str:
    """Short Italian date, as in "mar 1 dic"."""
    return f"{_WEEKDAYS_IT[day.weekday()]} {day.day} {_MONTHS_IT[day.month - 1]}"


def slot_label(slot: Slot, zone: str, place_short: str) -> str:
    """Button text for a slot, as in "mar 1 dic, 9:45 – Crema" (local time, no leading zero)."""
    local = slot.start.astimezone(ZoneInfo(zone))
    return f"{day_label(local.date())}, {local.hour}:{local.minute:02d} – {place_short}"
