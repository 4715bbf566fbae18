"""Office time between two instants (dialogs/office_hours.py `open_between`): what the
funder's dashboard counts as the time a person waited for an operator."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs.office_hours import OfficeHours

ROME = ZoneInfo("Europe/Rome")
WEEK = {
    day: ["09:00-13:00", "14:00-17:00"]
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
}
HOURS = OfficeHours.from_mapping(WEEK, "Europe/Rome", holidays=[date(2026, 12, 8)])


def rome(*args: int) -> datetime:
    return datetime(*args, tzinfo=ROME)


def test_inside_one_opening_it_is_the_plain_difference() -> None:
    assert HOURS.open_between(rome(2026, 12, 2, 9, 30), rome(2026, 12, 2, 9, 47)) == timedelta(
        minutes=17
    )


def test_lunch_nights_weekends_and_holidays_do_not_count() -> None:
    # Friday 16:50 → Monday 9:10: ten minutes on Friday, ten on Monday.
    assert HOURS.open_between(rome(2026, 12, 4, 16, 50), rome(2026, 12, 7, 9, 10)) == timedelta(
        minutes=20
    )
    # Across lunch: 12:50 → 14:05 is 15 minutes of office time.
    assert HOURS.open_between(rome(2026, 12, 2, 12, 50), rome(2026, 12, 2, 14, 5)) == timedelta(
        minutes=15
    )
    # Monday 7 December 16:00 → Wednesday 9 December 9:30, the 8th a holiday: 1 h + 30 min.
    assert HOURS.open_between(rome(2026, 12, 7, 16, 0), rome(2026, 12, 9, 9, 30)) == timedelta(
        minutes=90
    )


def test_a_request_made_and_taken_while_closed_waited_no_office_time() -> None:
    assert HOURS.open_between(rome(2026, 12, 5, 10), rome(2026, 12, 6, 18)) == timedelta(0)
    assert HOURS.open_between(rome(2026, 12, 2, 10), rome(2026, 12, 2, 9)) == timedelta(0)


def test_utc_instants_across_the_change_to_summer_time() -> None:
    # Friday 27 March 2026 16:00 Rome (15:00 UTC) → Monday 30 March 10:00 Rome (8:00 UTC,
    # after the change on Sunday): one hour on Friday, one on Monday.
    start = datetime(2026, 3, 27, 15, 0, tzinfo=UTC)
    end = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert HOURS.open_between(start, end) == timedelta(hours=2)
