"""Appointment slots: recurring generation, holidays, DST, one-offs, grouping, paging, labels."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from dialogs.slots import (
    AppointmentType,
    Availability,
    NonexistentLocalTime,
    Slot,
    day_label,
    generate_slots,
    group_by_day,
    local_to_utc,
    one_off,
    page,
    page_count,
    slot_label,
)

ROME = "Europe/Rome"
ORIENTATION = AppointmentType.ORIENTATION


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def tuesdays(
    first: date,
    weeks: int = 8,
    start: time = time(9, 0),
    end: time = time(12, 0),
    step: int = 45,
    kind: AppointmentType = ORIENTATION,
    duration: int | None = None,
) -> Availability:
    return Availability(
        weekday=1,
        start=start,
        end=end,
        step_minutes=step,
        first_date=first,
        weeks=weeks,
        type=kind,
        place_id="crema-csc",
        operator="Giulia Ferrari",
        duration_minutes=duration,
    )


def local_starts(slots: list[Slot]) -> list[str]:
    return [f"{s.start.astimezone(ZoneInfo(ROME)):%Y-%m-%d %H:%M}" for s in slots]


# -- appointment types -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "minutes", "italian"),
    [
        (AppointmentType.ORIENTATION, "orientation", 45, "colloquio di orientamento"),
        (AppointmentType.SKILLS_ASSESSMENT, "skills_assessment", 90, "bilancio di competenze"),
        (AppointmentType.TUTORING, "tutoring", 60, "tutoraggio specialistico"),
        (
            AppointmentType.SOCIAL_WORKER,
            "social_worker",
            45,
            "incontro con l'assistente sociale",
        ),
    ],
)
def test_each_appointment_type_has_a_value_a_default_duration_and_an_italian_name(
    kind: AppointmentType, value: str, minutes: int, italian: str
) -> None:
    assert kind.value == value
    assert AppointmentType(value) is kind
    assert kind.default_duration == timedelta(minutes=minutes)
    assert kind.italian_name == italian


# -- recurring availabilities ----------------------------------------------------------------


def test_tuesday_mornings_every_45_minutes_for_8_weeks_give_4_slots_a_week() -> None:
    slots = generate_slots(tuesdays(date(2026, 11, 3)), ROME, frozenset())
    assert len(slots) == 32
    assert local_starts(slots)[:5] == [
        "2026-11-03 09:00",
        "2026-11-03 09:45",
        "2026-11-03 10:30",
        "2026-11-03 11:15",
        "2026-11-10 09:00",
    ]
    assert local_starts(slots)[-1] == "2026-12-22 11:15"
    # Winter time: 9:00 in Crema is 8:00 UTC.
    assert slots[0].start == utc(2026, 11, 3, 8, 0)
    assert slots[0].end == utc(2026, 11, 3, 8, 45)
    assert slots[3].end == utc(2026, 11, 3, 11, 0)  # 12:00 local: the last one ends on time
    assert {(s.type, s.place_id, s.operator) for s in slots} == {
        (ORIENTATION, "crema-csc", "Giulia Ferrari")
    }


@pytest.mark.parametrize(
    ("start", "end", "step", "kind", "duration", "expected"),
    [
        # The slot must end by the end time: 11:15 + 45 = 12:00 fits, 12:00 itself does not.
        (time(9), time(12), 45, ORIENTATION, None, ["09:00", "09:45", "10:30", "11:15"]),
        # One minute less and 11:15 no longer fits.
        (time(9), time(11, 59), 45, ORIENTATION, None, ["09:00", "09:45", "10:30"]),
        # 90-minute sessions every 90 minutes.
        (time(9), time(12), 90, AppointmentType.SKILLS_ASSESSMENT, None, ["09:00", "10:30"]),
        # Step shorter than the duration: overlapping candidate starts, each ending by 12:00.
        (
            time(9),
            time(12),
            45,
            AppointmentType.SKILLS_ASSESSMENT,
            None,
            ["09:00", "09:45", "10:30"],
        ),
        # An explicit duration overrides the type's default.
        (time(14), time(16), 30, ORIENTATION, 30, ["14:00", "14:30", "15:00", "15:30"]),
        # A window shorter than one appointment gives nothing.
        (time(9), time(9, 30), 15, ORIENTATION, None, []),
        # Exactly one appointment long.
        (time(9), time(9, 45), 15, ORIENTATION, None, ["09:00"]),
    ],
)
def test_slots_start_every_step_and_end_by_the_end_time(
    start: time,
    end: time,
    step: int,
    kind: AppointmentType,
    duration: int | None,
    expected: list[str],
) -> None:
    availability = tuesdays(date(2026, 12, 1), 1, start, end, step, kind, duration)
    slots = generate_slots(availability, ROME, frozenset())
    assert [s.start.astimezone(ZoneInfo(ROME)).strftime("%H:%M") for s in slots] == expected
    length = timedelta(minutes=duration or kind.default_duration.seconds // 60)
    assert all(s.end - s.start == length for s in slots)


@pytest.mark.parametrize(
    ("first", "expected_first"),
    [
        (date(2026, 12, 1), date(2026, 12, 1)),  # a Tuesday: itself
        (date(2026, 12, 2), date(2026, 12, 8)),  # Wednesday: the next Tuesday
        (date(2026, 11, 30), date(2026, 12, 1)),  # Monday: the next day
        (date(2026, 12, 6), date(2026, 12, 8)),  # Sunday
    ],
)
def test_the_first_occurrence_is_the_first_matching_weekday_on_or_after_the_first_date(
    first: date, expected_first: date
) -> None:
    dates = tuesdays(first, weeks=3).dates()
    assert dates == [expected_first + timedelta(weeks=n) for n in range(3)]


def test_holidays_are_skipped_and_not_made_up_at_the_end() -> None:
    # 8 December (Immacolata) is a Tuesday in 2026.
    italy = frozenset(holidays.Italy(years=2026))
    slots = generate_slots(tuesdays(date(2026, 12, 1), weeks=3), ROME, italy)
    days = sorted({s.start.astimezone(ZoneInfo(ROME)).date() for s in slots})
    assert days == [date(2026, 12, 1), date(2026, 12, 15)]
    assert len(slots) == 8


def test_every_holiday_passed_in_is_skipped_even_a_local_one() -> None:
    # 2 June 2026 (Festa della Repubblica) is a Tuesday; 9 June stands in for a local closure.
    closed = frozenset({date(2026, 6, 2), date(2026, 6, 9)})
    slots = generate_slots(tuesdays(date(2026, 5, 26), weeks=4), ROME, closed)
    days = sorted({s.start.astimezone(ZoneInfo(ROME)).date() for s in slots})
    assert days == [date(2026, 5, 26), date(2026, 6, 16)]


def test_nine_o_clock_stays_nine_o_clock_across_the_october_dst_change() -> None:
    # Clocks go back on Sunday 25 October 2026: 9:00 is 07:00 UTC before, 08:00 UTC after.
    slots = generate_slots(tuesdays(date(2026, 10, 13), weeks=3), ROME, frozenset())
    assert [s.start for s in slots[::4]] == [
        utc(2026, 10, 13, 7),
        utc(2026, 10, 20, 7),
        utc(2026, 10, 27, 8),
    ]
    # Every week shows the same wall times.
    assert {s[-5:] for s in local_starts(slots)} == {"09:00", "09:45", "10:30", "11:15"}
    assert len(slots) == 12


def test_nine_o_clock_stays_nine_o_clock_across_the_march_dst_change() -> None:
    # Clocks go forward on Sunday 29 March 2026: 9:00 is 08:00 UTC before, 07:00 UTC after.
    slots = generate_slots(tuesdays(date(2026, 3, 17), weeks=3), ROME, frozenset())
    assert [s.start for s in slots[::4]] == [
        utc(2026, 3, 17, 8),
        utc(2026, 3, 24, 8),
        utc(2026, 3, 31, 7),
    ]
    assert slots[-1].end == utc(2026, 3, 31, 10)  # 12:00 CEST


def test_on_the_spring_dst_night_the_skipped_hour_has_no_slots() -> None:
    sunday = Availability(
        6, time(1), time(4), 30, date(2026, 3, 29), 1, ORIENTATION, "p", "op", duration_minutes=30
    )
    slots = generate_slots(sunday, ROME, frozenset())
    assert local_starts(slots) == [
        "2026-03-29 01:00",
        "2026-03-29 01:30",
        "2026-03-29 03:00",
        "2026-03-29 03:30",
    ]
    # 01:30 CET lasts until 03:00 CEST: 30 real minutes.
    assert [s.start for s in slots] == [
        utc(2026, 3, 29, 0, 0),
        utc(2026, 3, 29, 0, 30),
        utc(2026, 3, 29, 1, 0),
        utc(2026, 3, 29, 1, 30),
    ]


def test_on_the_autumn_dst_night_the_repeated_hour_is_offered_once() -> None:
    sunday = Availability(
        6, time(1), time(4), 60, date(2026, 10, 25), 1, ORIENTATION, "p", "op", duration_minutes=60
    )
    slots = generate_slots(sunday, ROME, frozenset())
    # 01:00 CEST, 02:00 CEST (first occurrence), 03:00 CET: 02:00 CET is not offered again.
    assert [s.start for s in slots] == [
        utc(2026, 10, 24, 23),
        utc(2026, 10, 25, 0),
        utc(2026, 10, 25, 2),
    ]


def test_zero_weeks_give_no_slots() -> None:
    assert generate_slots(tuesdays(date(2026, 12, 1), weeks=0), ROME, frozenset()) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"weekday": 7},
        {"weekday": -1},
        {"start": time(12), "end": time(9)},
        {"start": time(9), "end": time(9)},
        {"step_minutes": 0},
        {"weeks": -1},
        {"duration_minutes": 0},
    ],
)
def test_an_impossible_availability_is_refused(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {
        "weekday": 1,
        "start": time(9),
        "end": time(12),
        "step_minutes": 45,
        "first_date": date(2026, 12, 1),
        "weeks": 1,
        "type": ORIENTATION,
        "place_id": "p",
        "operator": "op",
    }
    with pytest.raises(ValueError):
        Availability(**(fields | changes))  # type: ignore[arg-type]


# -- one-off slots and local time ------------------------------------------------------------


@pytest.mark.parametrize(
    ("local", "duration", "kind", "start", "end"),
    [
        (
            datetime(2026, 12, 1, 9, 45),
            None,
            ORIENTATION,
            utc(2026, 12, 1, 8, 45),
            utc(2026, 12, 1, 9, 30),
        ),
        (
            datetime(2026, 7, 14, 15, 0),
            None,
            AppointmentType.SKILLS_ASSESSMENT,
            utc(2026, 7, 14, 13, 0),
            utc(2026, 7, 14, 14, 30),
        ),
        (
            datetime(2026, 3, 30, 9, 0),
            timedelta(minutes=20),
            AppointmentType.TUTORING,
            utc(2026, 3, 30, 7, 0),
            utc(2026, 3, 30, 7, 20),
        ),
    ],
)
def test_a_one_off_slot_is_converted_from_local_time(
    local: datetime,
    duration: timedelta | None,
    kind: AppointmentType,
    start: datetime,
    end: datetime,
) -> None:
    slot = one_off(local, duration, ROME, kind, "crema-csc", "Marco Bianchi")
    assert (slot.start, slot.end, slot.type) == (start, end, kind)
    assert (slot.place_id, slot.operator) == ("crema-csc", "Marco Bianchi")


def test_a_one_off_slot_refuses_an_aware_start_a_skipped_time_and_no_duration() -> None:
    with pytest.raises(ValueError, match="naive"):
        one_off(utc(2026, 12, 1, 9), None, ROME, ORIENTATION, "p", "op")
    with pytest.raises(NonexistentLocalTime):
        one_off(datetime(2026, 3, 29, 2, 30), None, ROME, ORIENTATION, "p", "op")
    with pytest.raises(ValueError, match="positive"):
        one_off(datetime(2026, 12, 1, 9), timedelta(0), ROME, ORIENTATION, "p", "op")


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2026, 10, 25, 2, 30), utc(2026, 10, 25, 0, 30)),  # first 02:30, CEST
        (datetime(2026, 10, 25, 2, 30, fold=1), utc(2026, 10, 25, 1, 30)),  # second, CET
        (datetime(2026, 3, 29, 1, 59), utc(2026, 3, 29, 0, 59)),
        (datetime(2026, 3, 29, 3, 0), utc(2026, 3, 29, 1, 0)),
    ],
)
def test_local_to_utc_around_the_dst_changes(local: datetime, expected: datetime) -> None:
    assert local_to_utc(local, ROME) == expected


def test_a_slot_must_be_utc_and_end_after_it_starts() -> None:
    rome = ZoneInfo(ROME)
    with pytest.raises(ValueError, match="UTC"):
        Slot(datetime(2026, 12, 1, 9), utc(2026, 12, 1, 9), ORIENTATION, "p", "op")
    with pytest.raises(ValueError, match="UTC"):
        Slot(
            datetime(2026, 12, 1, 9, tzinfo=rome),
            datetime(2026, 12, 1, 10, tzinfo=rome),
            ORIENTATION,
            "p",
            "op",
        )
    with pytest.raises(ValueError, match="end after"):
        Slot(utc(2026, 12, 1, 9), utc(2026, 12, 1, 9), ORIENTATION, "p", "op")


# -- grouping and paging ---------------------------------------------------------------------


def _slot(start: datetime) -> Slot:
    return Slot(start, start + timedelta(minutes=45), ORIENTATION, "p", "op")


def test_slots_are_grouped_by_local_day_in_order() -> None:
    late = _slot(utc(2026, 12, 1, 22, 30))  # 23:30 in Rome: still Tuesday 1 December
    after_midnight = _slot(utc(2026, 12, 1, 23, 15))  # 00:15 on Wednesday 2 December in Rome
    morning = _slot(utc(2026, 12, 1, 8))
    next_week = _slot(utc(2026, 12, 8, 8))
    grouped = group_by_day([next_week, after_midnight, late, morning], ROME)
    assert grouped == [
        (date(2026, 12, 1), [morning, late]),
        (date(2026, 12, 2), [after_midnight]),
        (date(2026, 12, 8), [next_week]),
    ]


def test_grouping_nothing_gives_nothing() -> None:
    assert group_by_day([], ROME) == []


@pytest.mark.parametrize(
    ("count", "number", "per_page", "expected", "has_prev", "has_next"),
    [
        (10, 0, 4, [0, 1, 2, 3], False, True),
        (10, 1, 4, [4, 5, 6, 7], True, True),
        (10, 2, 4, [8, 9], True, False),
        (10, 3, 4, [], True, False),  # past the end: empty, but can go back
        (8, 1, 4, [4, 5, 6, 7], True, False),  # exactly full last page: no next
        (8, 0, 8, list(range(8)), False, False),
        (0, 0, 5, [], False, False),
        (1, 0, 1, [0], False, False),
    ],
)
def test_paging(
    count: int, number: int, per_page: int, expected: list[int], has_prev: bool, has_next: bool
) -> None:
    assert page(list(range(count)), number, per_page) == (expected, has_prev, has_next)


def test_paging_days_keeps_each_day_whole() -> None:
    slots = generate_slots(tuesdays(date(2026, 11, 3), weeks=5), ROME, frozenset())
    days = group_by_day(slots, ROME)
    second, has_prev, has_next = page(days, 1, 2)
    assert [day for day, _ in second] == [date(2026, 11, 17), date(2026, 11, 24)]
    assert all(len(day_slots) == 4 for _, day_slots in second)
    assert (has_prev, has_next) == (True, True)


@pytest.mark.parametrize(
    ("total", "per_page", "pages"), [(0, 5, 1), (5, 5, 1), (6, 5, 2), (11, 5, 3)]
)
def test_page_count(total: int, per_page: int, pages: int) -> None:
    assert page_count(total, per_page) == pages


def test_paging_refuses_negative_pages_and_empty_pages() -> None:
    with pytest.raises(ValueError):
        page([1, 2], -1, 5)
    with pytest.raises(ValueError):
        page([1, 2], 0, 0)
    with pytest.raises(ValueError):
        page_count(3, 0)


# -- Italian labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "place", "label"),
    [
        (utc(2026, 12, 1, 8, 45), "Crema", "mar 1 dic, 9:45 – Crema"),
        (utc(2026, 11, 30, 13, 0), "Crema", "lun 30 nov, 14:00 – Crema"),
        (utc(2027, 1, 6, 9, 5), "Crema", "mer 6 gen, 10:05 – Crema"),
        (utc(2026, 2, 12, 8), "Rivolta d'Adda", "gio 12 feb, 9:00 – Rivolta d'Adda"),
        (utc(2026, 3, 27, 8), "Crema", "ven 27 mar, 9:00 – Crema"),
        (utc(2026, 4, 11, 7), "Crema", "sab 11 apr, 9:00 – Crema"),  # summer time: +2
        (utc(2026, 5, 10, 7), "Crema", "dom 10 mag, 9:00 – Crema"),
        (utc(2026, 6, 15, 10, 30), "Crema", "lun 15 giu, 12:30 – Crema"),
        (utc(2026, 7, 7, 7), "Crema", "mar 7 lug, 9:00 – Crema"),
        (utc(2026, 8, 20, 7), "Crema", "gio 20 ago, 9:00 – Crema"),
        (utc(2026, 9, 30, 7), "Crema", "mer 30 set, 9:00 – Crema"),
        (utc(2026, 10, 26, 8), "Crema", "lun 26 ott, 9:00 – Crema"),  # winter again: +1
        (utc(2026, 12, 1, 22, 30), "Crema", "mar 1 dic, 23:30 – Crema"),
        (utc(2026, 12, 1, 23, 0), "Crema", "mer 2 dic, 0:00 – Crema"),  # local day, not UTC
    ],
)
def test_slot_labels_are_short_italian_dates_in_local_time(
    start: datetime, place: str, label: str
) -> None:
    assert slot_label(_slot(start), ROME, place) == label


def test_day_label() -> None:
    assert day_label(date(2026, 12, 25)) == "ven 25 dic"
