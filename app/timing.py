"""When to send appointment reminders: before the appointment, never at night, never late.

Pure: the caller passes the clock (`now_utc`), so the same rules run in tests and in the job.

The rules, in order:
1. The whole days of an offset are counted on the local calendar, the rest is elapsed time:
   24 h before an 8:30 appointment is 8:30 the day before even when a DST change makes that
   23 or 25 real hours, which is what "the day before" means to people; 2 h before is two
   real hours earlier. (timedelta(hours=24) == timedelta(days=1): both are one day.)
2. A due time inside quiet hours (local wall time, from `quiet_start` inclusive to `quiet_end`
   exclusive, crossing midnight when quiet_start > quiet_end) moves EARLIER, to one minute
   before the quiet period it falls in began: a 06:30 reminder becomes 20:59 the evening
   before, a 22:00 one 20:59 the same evening. Earlier rather than later, because "later"
   would be 08:00, often too close to (or after) a morning appointment.
3. Reminders that end up before `now_utc` are dropped (nothing is ever scheduled in the past).
4. Several reminders on the same instant (the move can make them meet) become one: the one
   with the longest offset, i.e. the one planned earliest, is kept.
Results are sorted by due time. Since offsets are positive and moves only go earlier, every
reminder is strictly before the appointment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_OFFSETS",
    "PlannedReminder",
    "in_quiet_hours",
    "offset_label",
    "reminder_times",
]

DEFAULT_OFFSETS: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=2))
# How far before the start of quiet hours a moved reminder goes.
BEFORE_QUIET = timedelta(minutes=1)


@dataclass(frozen=True)
class PlannedReminder:
    due_utc: datetime
    offset: timedelta  # as configured, e.g. 2 h
    label: str  # offset_label(offset), e.g. "2h": the key of the reminder kind
    moved: bool  # True when quiet hours moved it earlier than appointment - offset

    def lead(self, appointment_start_utc: datetime) -> timedelta:
        """How long before the appointment it is really sent: what the text should say."""
        return appointment_start_utc - self.due_utc


def offset_label(offset: timedelta) -> str:
    """Compact, stable name of an offset: "24h", "2h", "30m", "1h30m"."""
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}h{rest}m"
    return f"{hours}h" if hours else f"{rest}m"


def in_quiet_hours(local: time, quiet_start: time, quiet_end: time) -> bool:
    """Whether a wall-clock time is quiet; equal bounds mean there are no quiet hours."""
    if quiet_start <= quiet_end:
        return quiet_start <= local < quiet_end
    return local >= quiet_start or local < quiet_end


def reminder_times(
    appointment_start_utc: datetime,
    offsets: Sequence[timedelta] = DEFAULT_OFFSETS,
    quiet_start: time = time(21, 0),
    quiet_end: time = time(8, 0),
    zone: str = "Europe/Rome",
    *,
    now_utc: datetime,
) -> list[PlannedReminder]:
    """The reminders to schedule for an appointment, earliest first (see the module rules)."""
    _require_aware(appointment_start_utc, "appointment_start_utc")
    _require_aware(now_utc, "now_utc")
    if any(offset <= timedelta(0) for offset in offsets):
        raise ValueError("reminder offsets must be positive: a reminder comes before")
    tz = ZoneInfo(zone)
    start = appointment_start_utc.astimezone(UTC)
    planned: dict[datetime, PlannedReminder] = {}
    # Longest offset first, so that on a collision the earliest-planned reminder is kept.
    for offset in sorted(set(offsets), reverse=True):
        reminder = _plan(start, offset, quiet_start, quiet_end, tz)
        if reminder.due_utc >= now_utc and reminder.due_utc < start:
            planned.setdefault(reminder.due_utc, reminder)
    return sorted(planned.values(), key=lambda r: r.due_utc)


def _plan(
    start: datetime, offset: timedelta, quiet_start: time, quiet_end: time, tz: ZoneInfo
) -> PlannedReminder:
    due = _minus(start, offset, tz)
    local = due.astimezone(tz)
    if not in_quiet_hours(local.time(), quiet_start, quiet_end):
        return PlannedReminder(due, offset, offset_label(offset), moved=False)
    began = _quiet_began(local, quiet_start, quiet_end)
    moved = _wall_to_utc(began, quiet_start, tz) - BEFORE_QUIET
    return PlannedReminder(moved, offset, offset_label(offset), moved=True)


def _minus(start: datetime, offset: timedelta, tz: ZoneInfo) -> datetime:
    """`start` minus `offset`: whole days on the local calendar, the remainder elapsed."""
    wall = start.astimezone(tz).replace(tzinfo=None) - timedelta(days=offset.days)
    same_time_days_before = _wall_to_utc(wall.date(), wall.time(), tz)
    return same_time_days_before - (offset - timedelta(days=offset.days))


def _quiet_began(local: datetime, quiet_start: time, quiet_end: time) -> date:
    """The date on which the quiet period containing `local` started."""
    crosses_midnight = quiet_start > quiet_end
    if crosses_midnight and local.time() < quiet_end:
        return local.date() - timedelta(days=1)
    return local.date()


def _wall_to_utc(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """A wall time as UTC. With fold=0 (PEP 495) a time repeated in October is its first
    occurrence, and one skipped in March is read with the offset in force before the change
    (02:30 becomes 03:30 CEST). Both are night hours, quiet with the default settings."""
    return datetime.combine(day, clock, tz).astimezone(UTC)


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
