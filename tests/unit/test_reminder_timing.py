"""Reminder times: offsets, quiet hours, the past, duplicates, and the DST changes of 2026."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.timing import (
    DEFAULT_OFFSETS,
    PlannedReminder,
    in_quiet_hours,
    offset_label,
    reminder_times,
)

ROME = ZoneInfo("Europe/Rome")
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)
H = timedelta(hours=1)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def rome(*parts: int) -> datetime:
    """A wall time in Rome as the UTC instant the store would hold."""
    return datetime(*parts, tzinfo=ROME).astimezone(UTC)  # type: ignore[misc]


def plan(start: datetime, now: datetime = LONG_AGO, **kwargs: object) -> list[tuple[datetime, str]]:
    return [(r.due_utc, r.label) for r in reminder_times(start, now_utc=now, **kwargs)]  # type: ignore[arg-type]


# -- ordinary days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("appointment", "expected"),
    [
        # 24 h before 8:30 is 8:30 the day before (fine); 2 h before is 6:30, quiet: 20:59.
        (
            rome(2026, 12, 1, 8, 30),
            [(rome(2026, 11, 30, 8, 30), "24h"), (rome(2026, 11, 30, 20, 59), "2h")],
        ),
        # 10:00: 2 h before is 8:00, the first minute after quiet hours.
        (
            rome(2026, 12, 1, 10, 0),
            [(rome(2026, 11, 30, 10, 0), "24h"), (rome(2026, 12, 1, 8, 0), "2h")],
        ),
        # 9:59: 2 h before is 7:59, still quiet.
        (
            rome(2026, 12, 1, 9, 59),
            [(rome(2026, 11, 30, 9, 59), "24h"), (rome(2026, 11, 30, 20, 59), "2h")],
        ),
        # Afternoon: nothing moves.
        (
            rome(2026, 12, 1, 15, 0),
            [(rome(2026, 11, 30, 15, 0), "24h"), (rome(2026, 12, 1, 13, 0), "2h")],
        ),
        # 22:59 appointment: 2 h before is 20:59, the last minute before quiet hours.
        (
            rome(2026, 12, 1, 22, 59),
            [(rome(2026, 11, 30, 20, 59), "24h"), (rome(2026, 12, 1, 20, 59), "2h")],
        ),
        # 23:00: 2 h before is 21:00, the first quiet minute: back to 20:59 the same evening.
        (
            rome(2026, 12, 1, 23, 0),
            [(rome(2026, 11, 30, 20, 59), "24h"), (rome(2026, 12, 1, 20, 59), "2h")],
        ),
        # An appointment inside quiet hours: both reminders go to the evenings before.
        (
            rome(2026, 12, 1, 7, 30),
            [(rome(2026, 11, 29, 20, 59), "24h"), (rome(2026, 11, 30, 20, 59), "2h")],
        ),
    ],
)
def test_reminders_with_the_default_settings(
    appointment: datetime, expected: list[tuple[datetime, str]]
) -> None:
    assert plan(appointment) == expected


def test_moved_reminders_say_so_and_know_their_real_lead() -> None:
    start = rome(2026, 12, 1, 8, 30)
    day_before, two_hours = reminder_times(start, now_utc=LONG_AGO)
    assert day_before == PlannedReminder(rome(2026, 11, 30, 8, 30), 24 * H, "24h", moved=False)
    assert two_hours == PlannedReminder(rome(2026, 11, 30, 20, 59), 2 * H, "2h", moved=True)
    assert two_hours.lead(start) == timedelta(hours=11, minutes=31)
    assert day_before.lead(start) == 24 * H


# -- the DST changes of 2026 -----------------------------------------------------------------
# Clocks go forward on Sunday 29 March (02:00 CET -> 03:00 CEST) and back on Sunday
# 25 October (03:00 CEST -> 02:00 CET). "24 h before" is the same wall time the day before.


@pytest.mark.parametrize(
    ("appointment", "expected"),
    [
        # Sunday 29 March, 8:30 CEST = 06:30 UTC.
        (
            utc(2026, 3, 29, 6, 30),
            [
                (utc(2026, 3, 28, 7, 30), "24h"),  # Saturday 8:30 CET (23 real hours before)
                (utc(2026, 3, 28, 19, 59), "2h"),  # 6:30 CEST is quiet: Saturday 20:59 CET
            ],
        ),
        # Sunday 29 March, 10:00 CEST = 08:00 UTC.
        (
            utc(2026, 3, 29, 8, 0),
            [(utc(2026, 3, 28, 9, 0), "24h"), (utc(2026, 3, 29, 6, 0), "2h")],  # 8:00 CEST
        ),
        # Monday 30 March, 8:30 CEST = 06:30 UTC.
        (
            utc(2026, 3, 30, 6, 30),
            [
                (utc(2026, 3, 29, 6, 30), "24h"),  # Sunday 8:30 CEST
                (utc(2026, 3, 29, 18, 59), "2h"),  # Sunday 20:59 CEST
            ],
        ),
        # Monday 30 March, 15:00 CEST = 13:00 UTC.
        (
            utc(2026, 3, 30, 13, 0),
            [(utc(2026, 3, 29, 13, 0), "24h"), (utc(2026, 3, 30, 11, 0), "2h")],
        ),
        # Sunday 25 October, 8:30 CET = 07:30 UTC.
        (
            utc(2026, 10, 25, 7, 30),
            [
                (utc(2026, 10, 24, 6, 30), "24h"),  # Saturday 8:30 CEST (25 real hours before)
                (utc(2026, 10, 24, 18, 59), "2h"),  # 6:30 CET is quiet: Saturday 20:59 CEST
            ],
        ),
        # Sunday 25 October, 10:00 CET = 09:00 UTC.
        (
            utc(2026, 10, 25, 9, 0),
            [(utc(2026, 10, 24, 8, 0), "24h"), (utc(2026, 10, 25, 7, 0), "2h")],  # 8:00 CET
        ),
        # Monday 26 October, 8:30 CET = 07:30 UTC.
        (
            utc(2026, 10, 26, 7, 30),
            [
                (utc(2026, 10, 25, 7, 30), "24h"),  # Sunday 8:30 CET
                (utc(2026, 10, 25, 19, 59), "2h"),  # Sunday 20:59 CET
            ],
        ),
        # Monday 26 October, 15:00 CET = 14:00 UTC.
        (
            utc(2026, 10, 26, 14, 0),
            [(utc(2026, 10, 25, 14, 0), "24h"), (utc(2026, 10, 26, 12, 0), "2h")],
        ),
    ],
)
def test_exact_instants_across_the_dst_changes(
    appointment: datetime, expected: list[tuple[datetime, str]]
) -> None:
    assert plan(appointment) == expected


def test_hours_are_real_hours_across_the_spring_jump() -> None:
    # With no quiet hours: 3 h before 04:00 CEST (02:00 UTC) on 29 March is 23:00 UTC,
    # which is 00:00 CET on the wall clock (a 4-hour difference on the clock face).
    start = utc(2026, 3, 29, 2, 0)
    result = plan(start, offsets=[3 * H], quiet_start=time(0), quiet_end=time(0))
    assert result == [(utc(2026, 3, 28, 23, 0), "3h")]


def test_a_day_before_a_time_skipped_by_the_spring_jump_reads_it_on_winter_time() -> None:
    # Monday 30 March 02:30 CEST; Sunday 02:30 does not exist: read with CET, 01:30 UTC.
    result = plan(
        rome(2026, 3, 30, 2, 30), offsets=[24 * H], quiet_start=time(0), quiet_end=time(0)
    )
    assert result == [(utc(2026, 3, 29, 1, 30), "24h")]


def test_quiet_hours_through_the_autumn_night_start_from_the_evening_before() -> None:
    # 2 h before 04:30 CET on 25 October is 02:30 CET, the second 02:30: quiet since
    # Saturday 21:00 CEST, so 20:59 CEST = 18:59 UTC.
    assert plan(utc(2026, 10, 25, 3, 30), offsets=[2 * H]) == [(utc(2026, 10, 24, 18, 59), "2h")]


# -- the past, the appointment itself, duplicates ---------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (rome(2026, 11, 29, 12, 0), ["24h", "2h"]),
        (rome(2026, 11, 30, 8, 30), ["24h", "2h"]),  # due exactly now: still sent
        (rome(2026, 11, 30, 8, 31), ["2h"]),
        (rome(2026, 11, 30, 20, 59), ["2h"]),
        # Booked at 22:00 for 8:30 the next morning: the 2 h reminder was moved to 20:59,
        # already gone, and nothing is sent at night or late.
        (rome(2026, 11, 30, 22, 0), []),
        (rome(2026, 12, 1, 9, 0), []),  # after the appointment
    ],
)
def test_reminders_already_due_are_dropped(now: datetime, expected: list[str]) -> None:
    assert [label for _, label in plan(rome(2026, 12, 1, 8, 30), now)] == expected


def test_reminders_moved_onto_the_same_minute_collapse_into_the_earliest_planned() -> None:
    # 1 h, 2 h and 90 min before 8:30 are all quiet and all move to 20:59 the evening before.
    result = reminder_times(
        rome(2026, 12, 1, 8, 30), offsets=[H, 2 * H, timedelta(minutes=90)], now_utc=LONG_AGO
    )
    assert result == [PlannedReminder(rome(2026, 11, 30, 20, 59), 2 * H, "2h", moved=True)]


def test_a_moved_reminder_collapses_with_one_already_on_that_minute() -> None:
    # 11 h 31 min before 8:30 is 20:59 exactly; 2 h before moves there too.
    eleven = timedelta(hours=11, minutes=31)
    result = reminder_times(rome(2026, 12, 1, 8, 30), offsets=[2 * H, eleven], now_utc=LONG_AGO)
    assert result == [PlannedReminder(rome(2026, 11, 30, 20, 59), eleven, "11h31m", moved=False)]


def test_repeated_offsets_give_one_reminder() -> None:
    assert plan(rome(2026, 12, 1, 15, 0), offsets=[2 * H, 2 * H]) == [
        (rome(2026, 12, 1, 13, 0), "2h")
    ]


def test_reminders_are_sorted_whatever_the_order_of_the_offsets() -> None:
    start = rome(2026, 12, 2, 16, 0)
    expected = [
        (rome(2026, 11, 30, 16, 0), "48h"),
        (rome(2026, 12, 1, 16, 0), "24h"),
        (rome(2026, 12, 2, 15, 30), "30m"),
    ]
    assert plan(start, offsets=[timedelta(minutes=30), 48 * H, 24 * H]) == expected


def test_no_reminder_is_ever_at_night_in_the_past_or_after_the_appointment() -> None:
    # Every quarter hour of a week spanning the October change, with several offsets.
    now = utc(2026, 10, 22, 12, 0)
    offsets = [timedelta(minutes=15), H, 2 * H, 24 * H, 48 * H]
    start = utc(2026, 10, 22, 0, 0)
    for quarter in range(7 * 24 * 4):
        appointment = start + quarter * timedelta(minutes=15)
        planned = reminder_times(appointment, offsets, now_utc=now)
        dues = [r.due_utc for r in planned]
        assert dues == sorted(set(dues))
        for due in dues:
            assert now <= due < appointment
            assert time(8, 0) <= due.astimezone(ROME).time() < time(21, 0)


def test_custom_quiet_hours_not_crossing_midnight() -> None:
    # Lunch break 13:00-14:00 as quiet hours: 13:30 moves to 12:59.
    result = plan(
        rome(2026, 12, 1, 15, 30), offsets=[2 * H], quiet_start=time(13), quiet_end=time(14)
    )
    assert result == [(rome(2026, 12, 1, 12, 59), "2h")]


@pytest.mark.parametrize(
    ("local", "quiet"),
    [
        (time(20, 59), False),
        (time(21, 0), True),
        (time(23, 59), True),
        (time(0, 0), True),
        (time(7, 59), True),
        (time(8, 0), False),
        (time(12, 0), False),
    ],
)
def test_in_quiet_hours_default_window(local: time, quiet: bool) -> None:
    assert in_quiet_hours(local, time(21), time(8)) is quiet


def test_equal_bounds_mean_no_quiet_hours() -> None:
    assert not any(in_quiet_hours(time(h), time(0), time(0)) for h in range(24))


@pytest.mark.parametrize(
    ("offset", "label"),
    [
        (24 * H, "24h"),
        (2 * H, "2h"),
        (48 * H, "48h"),
        (timedelta(minutes=30), "30m"),
        (timedelta(minutes=90), "1h30m"),
    ],
)
def test_offset_labels(offset: timedelta, label: str) -> None:
    assert offset_label(offset) == label


def test_defaults_are_24_and_2_hours() -> None:
    assert DEFAULT_OFFSETS == (24 * H, 2 * H)


@pytest.mark.parametrize(
    ("start", "now", "offsets"),
    [
        (datetime(2026, 12, 1, 8, 30), LONG_AGO, DEFAULT_OFFSETS),  # naive appointment
        (utc(2026, 12, 1, 8, 30), datetime(2026, 1, 1), DEFAULT_OFFSETS),  # naive now
        (utc(2026, 12, 1, 8, 30), LONG_AGO, [timedelta(0)]),  # "at the appointment"
        (utc(2026, 12, 1, 8, 30), LONG_AGO, [-H]),  # after it
    ],
)
def test_bad_input_is_refused(start: datetime, now: datetime, offsets: list[timedelta]) -> None:
    with pytest.raises(ValueError):
        reminder_times(start, offsets, now_utc=now)
