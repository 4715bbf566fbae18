"""The coordinators' dashboard: how people move through the programme in a period, and how
well the service answers them.

Most figures come from the anonymous monthly counts (`funder_counts`), so they stay true
after people erase their data; the funnel counts events in the period (a person who
consented in March and booked in April counts in each month's step), not a cohort. The
handoff waiting time and the reminder answers need the live tables: erased people drop
out of those two.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dialogs.office_hours import OfficeHours
from store import dashboard as queries
from store.programme import Programme

# The funnel, in order: each step a label key and the metrics (or metric prefixes, ending
# in "_") whose counts make it.
FUNNEL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("first_contact", ("first_contact",)),
    ("consent", ("consent_given",)),
    ("prescreening", ("prescreening_",)),
    ("likely", ("prescreening_likely_eligible",)),
    ("orientation_booked", ("appointment_booked_orientation",)),
    ("orientation_attended", ("appointment_attended_orientation",)),
    ("taken_in_charge", ("taken_in_charge",)),
    ("course_or_internship", ("course_enrolled", "internship_started")),
    ("outcome", ("exit_",)),
)
# Per month: the rows of the participants table, and the chart's bars.
MONTHLY = (
    ("first_contact", ("first_contact",)),
    ("consent", ("consent_given",)),
    ("taken_in_charge", ("taken_in_charge",)),
)
NOT_UNDERSTOOD = ("event_clarify", "event_misunderstood_twice")


@dataclass(frozen=True)
class Step:
    key: str
    count: int


@dataclass(frozen=True)
class Month:
    month: str  # "2026-11"
    counts: tuple[Step, ...]


@dataclass(frozen=True)
class Waiting:
    """Office time from a request to the moment a person took it, in minutes."""

    taken: int
    still_waiting: int
    median_minutes: float | None
    p90_minutes: float | None


@dataclass(frozen=True)
class Dashboard:
    first: date
    last: date
    funnel: tuple[Step, ...]
    months: tuple[Month, ...]
    attended: int
    no_show: int
    lessons_attended: int
    lessons_missed: int
    reminders: tuple[Step, ...]  # confirmed, declined, none
    waiting: Waiting
    texts: int
    not_understood: int
    languages: tuple[Step, ...]  # most used first

    @property
    def no_show_rate(self) -> float | None:
        marked = self.attended + self.no_show
        return self.no_show / marked if marked else None

    @property
    def lesson_absence_rate(self) -> float | None:
        marked = self.lessons_attended + self.lessons_missed
        return self.lessons_missed / marked if marked else None

    @property
    def not_understood_rate(self) -> float | None:
        return self.not_understood / self.texts if self.texts else None


class DashboardService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        programme: Programme,
        timezone: str,
        clock: Callable[[], datetime],
    ) -> None:
        self._sessions = sessions
        self._programme = programme
        self._timezone = timezone
        self._zone = ZoneInfo(timezone)
        self._clock = clock

    def default_period(self) -> tuple[date, date]:
        """The last twelve months, this one included."""
        today = self._clock().astimezone(self._zone).date()
        first = _add_months(today.replace(day=1), -11)
        return first, today

    async def build(self, first: date, last: date) -> Dashboard:
        """The dashboard of the months from `first` to `last` (whole months: the days
        only choose the months)."""
        months = month_keys(first, last)
        after = datetime.combine(first.replace(day=1), time(0), self._zone)
        before = datetime.combine(_add_months(last.replace(day=1), 1), time(0), self._zone)
        async with self._sessions() as session:
            counts = await queries.monthly_counts(session, months[0], months[-1])
            waits = await queries.handoff_waits(session, after, before)
            answers = await queries.reminder_answers(session, after, before)
        total = _sum_months(counts.values())
        return Dashboard(
            first=first.replace(day=1),
            last=last,
            funnel=tuple(Step(key, _count(total, metrics)) for key, metrics in FUNNEL),
            months=tuple(
                Month(
                    month,
                    tuple(Step(key, _count(counts.get(month, {}), m)) for key, m in MONTHLY),
                )
                for month in months
            ),
            attended=_count(total, ("appointment_attended_",)),
            no_show=_count(total, ("appointment_no_show_",)),
            lessons_attended=total.get("lesson_attended", 0),
            lessons_missed=total.get("lesson_absent", 0),
            reminders=tuple(
                Step(key, answers.get(key, 0)) for key in ("confirmed", "declined", "none")
            ),
            waiting=_waiting(
                waits, self._programme.hours_in(self._timezone, range(first.year, last.year + 1))
            ),
            texts=total.get("text_turn", 0),
            not_understood=_count(total, NOT_UNDERSTOOD),
            languages=tuple(
                sorted(
                    (
                        Step(metric.removeprefix("language_"), count)
                        for metric, count in total.items()
                        if metric.startswith("language_")
                    ),
                    key=lambda step: (-step.count, step.key),
                )
            ),
        )


def _waiting(waits: Sequence[queries.Wait], hours: OfficeHours) -> Waiting:
    minutes = sorted(
        hours.open_between(wait.opened_at, wait.claimed_at).total_seconds() / 60
        for wait in waits
        if wait.claimed_at is not None
    )
    still = sum(1 for wait in waits if wait.claimed_at is None)
    if not minutes:
        return Waiting(0, still, None, None)
    return Waiting(len(minutes), still, statistics.median(minutes), _p90(minutes))


def month_keys(first: date, last: date) -> tuple[str, ...]:
    """ "2026-01", "2026-02", … from first's month to last's; at least one."""
    keys: list[str] = []
    month = first.replace(day=1)
    while month <= last or not keys:
        keys.append(f"{month.year:04d}-{month.month:02d}")
        month = _add_months(month, 1)
    return tuple(keys)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _sum_months(months: Iterable[Mapping[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for counts in months:
        for metric, count in counts.items():
            total[metric] = total.get(metric, 0) + count
    return total


def _count(counts: Mapping[str, int], metrics: Iterable[str]) -> int:
    """The sum of the metrics named; a name ending in "_" is a prefix."""
    return sum(
        count
        for metric, count in counts.items()
        if any(metric.startswith(m) if m.endswith("_") else metric == m for m in metrics)
    )


def _p90(ordered: list[float]) -> float:
    """The 90th percentile, nearest rank: a figure that happened, not an interpolation."""
    rank = max(1, -(-9 * len(ordered) // 10))
    return ordered[rank - 1]
