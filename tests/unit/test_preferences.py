"""Free-text time preferences: what each Italian phrase means, and which slots it accepts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from dialogs.preferences import DayPeriod, Preference, normalise, parse_preference

TODAY = date(2026, 11, 25)  # a Wednesday
MORNING = frozenset({DayPeriod.MORNING})
AFTERNOON = frozenset({DayPeriod.AFTERNOON})
NEXT_WEEK = (date(2026, 11, 30), date(2026, 12, 6))


def on(*days: date) -> frozenset[date]:
    return frozenset(days)


def weekdays(*numbers: int) -> frozenset[int]:
    return frozenset(numbers)


# -- what each phrase means ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Weekdays, with and without accents, apostrophes, capitals and abbreviations.
        ("martedì", Preference(weekdays=weekdays(1))),
        ("martedi", Preference(weekdays=weekdays(1))),
        ("Martedi'", Preference(weekdays=weekdays(1))),
        ("MARTEDÌ", Preference(weekdays=weekdays(1))),
        ("mar", Preference(weekdays=weekdays(1))),
        ("lunedì", Preference(weekdays=weekdays(0))),
        ("lun", Preference(weekdays=weekdays(0))),
        ("mercoledì", Preference(weekdays=weekdays(2))),
        ("mer", Preference(weekdays=weekdays(2))),
        ("giovedì", Preference(weekdays=weekdays(3))),
        ("gio", Preference(weekdays=weekdays(3))),
        ("venerdì", Preference(weekdays=weekdays(4))),
        ("ven", Preference(weekdays=weekdays(4))),
        ("sabato", Preference(weekdays=weekdays(5))),
        ("domenica", Preference(weekdays=weekdays(6))),
        ("il martedì", Preference(weekdays=weekdays(1))),
        ("lunedì o mercoledì", Preference(weekdays=weekdays(0, 2))),
        # Small typos in the longer words.
        ("marted", Preference(weekdays=weekdays(1))),
        ("mercoldi", Preference(weekdays=weekdays(2))),
        ("giovedl", Preference(weekdays=weekdays(3))),
        ("venrdi", Preference(weekdays=weekdays(4))),
        # Parts of the day.
        ("mattina", Preference(periods=MORNING)),
        ("di mattina", Preference(periods=MORNING)),
        ("la mattina", Preference(periods=MORNING)),
        ("in mattinata", Preference(periods=MORNING)),
        ("al mattino", Preference(periods=MORNING)),
        ("matina", Preference(periods=MORNING)),
        ("pomeriggio", Preference(periods=AFTERNOON)),
        ("nel pomeriggio", Preference(periods=AFTERNOON)),
        ("di pomeriggio", Preference(periods=AFTERNOON)),
        ("pomerigio", Preference(periods=AFTERNOON)),
        ("pomeriggo", Preference(periods=AFTERNOON)),
        # Clock times.
        ("dopo le 15", Preference(after=time(15))),
        ("dopo le 15:30", Preference(after=time(15, 30))),
        ("dopo le 3", Preference(after=time(15))),  # an office hour, not 3 at night
        ("dopo 15", Preference(after=time(15))),
        ("dalle 14", Preference(after=time(14))),
        ("a partire dalle 10", Preference(after=time(10))),
        ("oltre le 16", Preference(after=time(16))),
        ("non prima delle 10", Preference(after=time(10))),
        ("prima delle 11", Preference(before=time(11))),
        ("prima delle 8 e mezza", Preference(before=time(8, 30))),
        ("entro le 11", Preference(before=time(11))),
        ("prima di mezzogiorno", Preference(before=time(12))),
        ("non dopo le 15", Preference(before=time(15, 1))),  # 15:00 itself is fine
        ("alle 10", Preference(around=time(10))),
        ("alle ore 9", Preference(around=time(9))),
        ("ore 9.30", Preference(around=time(9, 30))),
        ("verso le 10:30", Preference(around=time(10, 30))),
        ("intorno alle 11", Preference(around=time(11))),
        ("alle tre", Preference(around=time(15))),
        ("alle 3 e mezza", Preference(around=time(15, 30))),
        ("all'una", Preference(around=time(13))),
        ("dalle 10 alle 12", Preference(after=time(10), before=time(12))),
        ("tra le 14 e le 16", Preference(after=time(14), before=time(16))),
        ("fra le 9 e 11", Preference(after=time(9), before=time(11))),
        # Relative days and weeks (today is Wednesday 25 November 2026).
        ("oggi", Preference(days=on(TODAY))),
        ("domani", Preference(days=on(date(2026, 11, 26)))),
        ("dopodomani", Preference(days=on(date(2026, 11, 27)))),
        ("dopo domani", Preference(days=on(date(2026, 11, 27)))),
        ("la prossima settimana", Preference(within=NEXT_WEEK)),
        ("settimana prossima", Preference(within=NEXT_WEEK)),
        ("questa settimana", Preference(within=(TODAY, date(2026, 11, 29)))),
        ("in settimana", Preference(within=(TODAY, date(2026, 11, 29)))),
        # Dates.
        ("il 3 dicembre", Preference(days=on(date(2026, 12, 3)))),
        ("3 dic", Preference(days=on(date(2026, 12, 3)))),
        ("3 dicenbre", Preference(days=on(date(2026, 12, 3)))),
        ("3/12", Preference(days=on(date(2026, 12, 3)))),
        ("03/12", Preference(days=on(date(2026, 12, 3)))),
        ("3/12/2027", Preference(days=on(date(2027, 12, 3)))),
        ("3/12/27", Preference(days=on(date(2027, 12, 3)))),
        ("3-12-2026", Preference(days=on(date(2026, 12, 3)))),
        ("25 novembre", Preference(days=on(TODAY))),  # today still counts
        ("24 novembre", Preference(days=on(date(2027, 11, 24)))),  # passed: next year
        ("5 gennaio", Preference(days=on(date(2027, 1, 5)))),
        ("3 mar", Preference(days=on(date(2027, 3, 3)))),  # after a day number "mar" is March
        ("15 dicembre 2026", Preference(days=on(date(2026, 12, 15)))),
        ("a dicembre", Preference(within=(date(2026, 12, 1), date(2026, 12, 31)))),
        ("novembre", Preference(within=(TODAY, date(2026, 11, 30)))),  # what is left of it
        # Combined.
        ("martedì mattina", Preference(weekdays=weekdays(1), periods=MORNING)),
        ("giovedì dopo le 15", Preference(weekdays=weekdays(3), after=time(15))),
        ("giovedi pomeriggio", Preference(weekdays=weekdays(3), periods=AFTERNOON)),
        ("giovedì alle 15:30", Preference(weekdays=weekdays(3), around=time(15, 30))),
        ("domani pomeriggio", Preference(days=on(date(2026, 11, 26)), periods=AFTERNOON)),
        ("domani mattina", Preference(days=on(date(2026, 11, 26)), periods=MORNING)),
        (
            "il 3 dicembre alle 10",
            Preference(days=on(date(2026, 12, 3)), around=time(10)),
        ),
        (
            "martedì della prossima settimana",
            Preference(weekdays=weekdays(1), within=NEXT_WEEK),
        ),
        (
            "la prossima settimana di pomeriggio",
            Preference(within=NEXT_WEEK, periods=AFTERNOON),
        ),
        ("mattina dopo le 10", Preference(periods=MORNING, after=time(10))),
        # A named date wins over the weekday said with it.
        ("martedì 3 dicembre", Preference(days=on(date(2026, 12, 3)))),
        ("venerdì domani", Preference(days=on(date(2026, 11, 26)))),
        # Negated weekdays.
        ("tranne il lunedì", Preference(excluded_weekdays=weekdays(0))),
        ("non il venerdì", Preference(excluded_weekdays=weekdays(4))),
        (
            "preferisco il pomeriggio, ma non il venerdì",
            Preference(periods=AFTERNOON, excluded_weekdays=weekdays(4)),
        ),
        # "no," ends the clause: here it does not negate the weekday.
        ("no, martedì va bene", Preference(weekdays=weekdays(1))),
        ("Va bene martedì mattina, grazie!", Preference(weekdays=weekdays(1), periods=MORNING)),
    ],
)
def test_each_phrase_is_understood(text: str, expected: Preference) -> None:
    assert parse_preference(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "ciao",
        "va bene qualsiasi giorno",
        "boh",
        "31/2",  # no such date
        "10-12",  # an hour range or a date? neither is guessed
        "dopo una settimana",  # "una" is not 13:00 without an article
        "mare",  # not martedì
        "giovani",  # not giovedì
        "mercato",  # not mercoledì
        "alle 25",  # no such hour
        "3/13",
    ],
)
def test_nothing_understood_gives_none(text: str) -> None:
    assert parse_preference(text, TODAY) is None


def test_a_year_end_date_rolls_over() -> None:
    assert parse_preference("il 2 gennaio", date(2026, 12, 30)) == Preference(
        days=on(date(2027, 1, 2))
    )
    assert parse_preference("domani", date(2026, 12, 31)) == Preference(days=on(date(2027, 1, 1)))
    assert parse_preference("la prossima settimana", date(2026, 12, 28)) == Preference(
        within=(date(2027, 1, 4), date(2027, 1, 10))
    )


def test_next_week_from_a_sunday_and_from_a_monday() -> None:
    assert parse_preference("prossima settimana", date(2026, 11, 29)) == Preference(
        within=(date(2026, 11, 30), date(2026, 12, 6))
    )
    assert parse_preference("prossima settimana", date(2026, 11, 30)) == Preference(
        within=(date(2026, 12, 7), date(2026, 12, 13))
    )


def test_29_february_is_found_in_a_leap_year_only() -> None:
    assert parse_preference("29/2", date(2027, 11, 1)) == Preference(days=on(date(2028, 2, 29)))
    assert parse_preference("29/2", date(2026, 11, 1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Martedì", "martedi"),
        ("martedi'", "martedi"),
        ("all'una", "all una"),
        ("  Giovedì   POMERIGGIO!! ", "giovedi pomeriggio,"),
        ("perché?", "perche,"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


# -- which slots a preference accepts ---------------------------------------------------------

TUE_0900 = datetime(2026, 12, 1, 9, 0)
TUE_1245 = datetime(2026, 12, 1, 12, 45)
TUE_1300 = datetime(2026, 12, 1, 13, 0)
THU_0930 = datetime(2026, 12, 3, 9, 30)
THU_1500 = datetime(2026, 12, 3, 15, 0)
THU_1459 = datetime(2026, 12, 3, 14, 59)
FRI_1100 = datetime(2026, 12, 4, 11, 0)
FRI_1030 = datetime(2026, 12, 4, 10, 30)
FRI_1031 = datetime(2026, 12, 4, 10, 31)
MON_NEXT_NEXT = datetime(2026, 12, 7, 9, 0)
THU_TOMORROW = datetime(2026, 11, 26, 16, 0)


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        ("martedì", TUE_0900, True),
        ("martedì", THU_0930, False),
        ("mattina", TUE_1245, True),  # morning ends at 13:00
        ("mattina", TUE_1300, False),
        ("pomeriggio", TUE_1300, True),
        ("pomeriggio", TUE_1245, False),
        ("martedì mattina", TUE_0900, True),
        ("martedì mattina", TUE_1300, False),
        ("martedì mattina", THU_0930, False),
        ("giovedì dopo le 15", THU_1500, True),  # "dopo le 15" includes 15:00
        ("giovedì dopo le 15", THU_1459, False),
        ("giovedì dopo le 15", TUE_1300, False),
        ("prima delle 11", FRI_1100, False),  # but "prima delle 11" excludes 11:00
        ("prima delle 11", FRI_1030, True),
        ("alle 10", FRI_1030, True),  # within half an hour
        ("alle 10", FRI_1031, False),
        ("alle 10", datetime(2026, 12, 4, 9, 30), True),
        ("alle 10", datetime(2026, 12, 4, 9, 29), False),
        ("domani", THU_TOMORROW, True),
        ("domani", THU_0930, False),
        ("dopodomani", datetime(2026, 11, 27, 9, 0), True),
        ("dopodomani", THU_TOMORROW, False),
        ("la prossima settimana", TUE_0900, True),
        ("la prossima settimana", MON_NEXT_NEXT, False),
        ("la prossima settimana", THU_TOMORROW, False),
        ("il 3 dicembre", THU_0930, True),
        ("3/12", THU_1500, True),
        ("3/12", TUE_0900, False),
        ("non il venerdì", FRI_1030, False),
        ("non il venerdì", THU_0930, True),
        ("dalle 10 alle 12", FRI_1100, True),
        ("dalle 10 alle 12", datetime(2026, 12, 4, 12, 0), False),
        ("non dopo le 15", THU_1500, True),
        ("non dopo le 15", datetime(2026, 12, 3, 15, 15), False),
    ],
)
def test_matches_on_the_local_start(text: str, slot: datetime, expected: bool) -> None:
    preference = parse_preference(text, TODAY)
    assert preference is not None
    assert preference.matches(slot) is expected


def test_matches_reads_the_wall_time_of_an_aware_local_datetime() -> None:
    preference = parse_preference("martedì mattina", TODAY)
    assert preference is not None
    # 11:30 UTC on Tuesday is 12:30 in Rome (morning), 13:30 in summer time would not be.
    local = datetime(2026, 12, 1, 11, 30, tzinfo=UTC).astimezone(ZoneInfo("Europe/Rome"))
    assert preference.matches(local)
    summer = datetime(2026, 6, 2, 11, 30, tzinfo=UTC).astimezone(ZoneInfo("Europe/Rome"))
    assert not preference.matches(summer)


def test_an_empty_intersection_matches_nothing() -> None:
    preference = parse_preference("mattina dopo le 15", TODAY)
    assert preference == Preference(periods=MORNING, after=time(15))
    assert not any(preference.matches(datetime(2026, 12, 1, hour, 0)) for hour in range(24))


def test_the_empty_preference_matches_everything() -> None:
    assert Preference().is_empty()
    assert Preference().matches(TUE_0900)
    assert not Preference(weekdays=weekdays(1)).is_empty()
