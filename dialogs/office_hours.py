"""When the office answers: weekly opening hours, closed on public holidays."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Looking further ahead than this for an opening means the data is wrong, not the calendar.
HORIZON_DAYS = 31


@dataclass(frozen=True)
class OfficeHours:
    # For each weekday (0 = Monday), the (opens, closes) intervals in local time.
    week: tuple[tuple[tuple[time, time], ...], ...]
    timezone: str
    holidays: frozenset[date] = frozenset()

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Sequence[str]], timezone: str, holidays: Collection[date] = ()
    ) -> OfficeHours:
        week = tuple(tuple(_interval(text) for text in data.get(day, ())) for day in WEEKDAYS)
        return cls(week, timezone, frozenset(holidays))

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(ZoneInfo(self.timezone))
        if local.date() in self.holidays:
            return False
        return any(opens <= local.time() < closes for opens, closes in self.week[local.weekday()])

    def next_opening(self, at: datetime) -> datetime | None:
        """The next moment the office opens (now, if it is open)."""
        zone = ZoneInfo(self.timezone)
        local = at.astimezone(zone)
        for offset in range(HORIZON_DAYS):
            day = local.date() + timedelta(days=offset)
            if day in self.holidays:
                continue
            for opens, closes in self.week[day.weekday()]:
                start = datetime.combine(day, opens, zone)
                end = datetime.combine(day, closes, zone)
                if end > local:
                    return max(start, local)
        return None

    def open_between(self, start: datetime, end: datetime) -> timedelta:
        """How much of [start, end) the office was open: a request made on Friday evening
        and taken on Monday at 9:10 waited ten minutes of office time, not a weekend."""
        zone = ZoneInfo(self.timezone)
        if end <= start:
            return timedelta(0)
        total = timedelta(0)
        day = start.astimezone(zone).date()
        last = end.astimezone(zone).date()
        while day <= last:
            if day not in self.holidays:
                for opens, closes in self.week[day.weekday()]:
                    # Aware instants, so a DST change inside the span counts real time.
                    lo = max(start, datetime.combine(day, opens, zone))
                    hi = min(end, datetime.combine(day, closes, zone))
                    if hi > lo:
                        total += hi - lo
            day += timedelta(days=1)
        return total


def _interval(text: str) -> tuple[time, time]:
    opens, closes = (time.fromisoformat(part.strip()) for part in text.split("-"))
    if closes <= opens:
        raise ValueError(f"office hours {text!r}: closing time before opening time")
    return opens, closes
