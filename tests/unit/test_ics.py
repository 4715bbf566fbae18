"""Calendar files: written with icalendar, read back with icalendar, field by field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from app.ics import (
    PRODID,
    CourseSession,
    appointment_ics,
    content_type,
    course_ics,
    session_uid,
)

UID = "appointment-42@proximity.cr"
START = datetime(2026, 12, 1, 8, 45, tzinfo=UTC)  # 9:45 in Crema
END = START + timedelta(minutes=45)
STAMP = datetime(2026, 11, 25, 10, 30, 15, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def only_event(data: bytes):  # type: ignore[no-untyped-def]
    events = parse(data).walk("VEVENT")
    assert len(events) == 1
    return events[0]


def appointment(**changes: object) -> bytes:
    fields: dict[str, object] = {
        "uid": UID,
        "start_utc": START,
        "end_utc": END,
        "summary": "Colloquio di orientamento",
        "location": "CSC, Via Goldaniga 11, Crema",
        "description": "Porta un documento d'identità; e il codice fiscale.\nGrazie!",
        "sequence": 0,
        "dtstamp": STAMP,
    }
    return appointment_ics(**(fields | changes))  # type: ignore[arg-type]


# -- one appointment -------------------------------------------------------------------------


def test_an_appointment_round_trips_field_by_field() -> None:
    data = appointment()
    calendar = parse(data)
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["method"]) == "REQUEST"
    event = only_event(data)
    assert str(event["uid"]) == UID
    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == END
    assert event.decoded("dtstamp") == STAMP
    assert int(event["sequence"]) == 0
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["summary"]) == "Colloquio di orientamento"
    # Commas, semicolons, apostrophes, accents and newlines survive the escaping.
    assert str(event["location"]) == "CSC, Via Goldaniga 11, Crema"
    assert str(event["description"]) == (
        "Porta un documento d'identità; e il codice fiscale.\nGrazie!"
    )


def test_times_are_written_in_utc_with_a_z() -> None:
    text = appointment().decode()
    assert "DTSTART:20261201T084500Z" in text
    assert "DTEND:20261201T093000Z" in text
    assert "DTSTAMP:20261125T103015Z" in text
    assert "VTIMEZONE" not in text


def test_local_aware_times_are_converted_to_utc() -> None:
    rome = ZoneInfo("Europe/Rome")
    data = appointment(
        start_utc=datetime(2026, 10, 26, 9, 0, tzinfo=rome),  # CET, the day after the change
        end_utc=datetime(2026, 10, 26, 9, 45, tzinfo=rome),
    )
    event = only_event(data)
    assert event.decoded("dtstart") == utc(2026, 10, 26, 8, 0)
    assert event.decoded("dtend") == utc(2026, 10, 26, 8, 45)
    assert "DTSTART:20261026T080000Z" in data.decode()


def test_lines_end_with_crlf() -> None:
    data = appointment()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_a_change_keeps_the_uid_and_raises_the_sequence() -> None:
    first = only_event(appointment(sequence=0))
    moved = only_event(
        appointment(
            sequence=1,
            start_utc=START + timedelta(days=7),
            end_utc=END + timedelta(days=7),
        )
    )
    assert str(moved["uid"]) == str(first["uid"]) == UID
    assert int(moved["sequence"]) == 1
    assert moved.decoded("dtstart") == utc(2026, 12, 8, 8, 45)


def test_a_cancellation_is_method_cancel_with_status_cancelled() -> None:
    data = appointment(sequence=2, method="CANCEL")
    assert str(parse(data)["method"]) == "CANCEL"
    event = only_event(data)
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == UID
    assert int(event["sequence"]) == 2
    assert event.decoded("dtstart") == START


def test_empty_location_and_description_are_left_out() -> None:
    event = only_event(appointment(location="", description=""))
    assert "location" not in event
    assert "description" not in event


def test_organizer_is_added_when_given() -> None:
    event = only_event(appointment(organizer_email="proximity@example.org"))
    assert str(event["organizer"]) == "mailto:proximity@example.org"
    assert event["organizer"].params["cn"] == "PROXIMITY.CR"
    assert "organizer" not in only_event(appointment())


def test_dtstamp_defaults_to_now_in_utc_whole_seconds() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    event = only_event(appointment(dtstamp=None))
    after = datetime.now(UTC)
    stamp = event.decoded("dtstamp")
    assert before <= stamp <= after
    assert stamp.microsecond == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_utc": datetime(2026, 12, 1, 9, 45)}, "aware"),
        ({"end_utc": START}, "end after"),
        ({"end_utc": START - timedelta(minutes=1)}, "end after"),
        ({"sequence": -1}, "SEQUENCE"),
        ({"uid": ""}, "UID"),
        ({"uid": "a\r\nSTATUS:CANCELLED"}, "UID"),
        ({"method": "PUBLISH"}, "method"),
        ({"dtstamp": datetime(2026, 11, 25, 10, 30)}, "aware"),
    ],
)
def test_bad_input_is_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        appointment(**changes)


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("REQUEST", "text/calendar; charset=utf-8; method=REQUEST"),
        ("CANCEL", "text/calendar; charset=utf-8; method=CANCEL"),
    ],
)
def test_content_type(method: str, expected: str) -> None:
    assert content_type(method) == expected  # type: ignore[arg-type]


# -- a course --------------------------------------------------------------------------------

EAST = timezone(timedelta(hours=1))
SESSIONS = [
    CourseSession(
        "s1",
        utc(2026, 10, 20, 12, 0),
        utc(2026, 10, 20, 14, 0),
        "Corso di informatica di base – lezione 1",
        "Crema, Via Goldaniga 11",
        "Portare una chiavetta USB",
    ),
    # The week after the October change: 14:00 local is now 13:00 UTC.
    CourseSession(
        "s2",
        datetime(2026, 10, 27, 14, 0, tzinfo=EAST),
        datetime(2026, 10, 27, 16, 0, tzinfo=EAST),
        "Corso di informatica di base – lezione 2",
    ),
]


def test_a_course_has_one_event_per_session_with_stable_uids() -> None:
    data = course_ics("course-7", SESSIONS, sequence=3, dtstamp=STAMP)
    calendar = parse(data)
    assert str(calendar["method"]) == "REQUEST"
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [
        "course-7-s1@proximity.cr",
        "course-7-s2@proximity.cr",
    ]
    assert [e.decoded("dtstart") for e in events] == [
        utc(2026, 10, 20, 12, 0),
        utc(2026, 10, 27, 13, 0),
    ]
    assert [e.decoded("dtend") for e in events] == [
        utc(2026, 10, 20, 14, 0),
        utc(2026, 10, 27, 15, 0),
    ]
    assert [int(e["sequence"]) for e in events] == [3, 3]
    assert [str(e["status"]) for e in events] == ["CONFIRMED", "CONFIRMED"]
    assert [e.decoded("dtstamp") for e in events] == [STAMP, STAMP]
    assert str(events[0]["summary"]) == "Corso di informatica di base – lezione 1"
    assert str(events[0]["location"]) == "Crema, Via Goldaniga 11"
    assert "location" not in events[1]


def test_the_uid_of_a_session_does_not_depend_on_its_position() -> None:
    forward = parse(course_ics("course-7", SESSIONS, dtstamp=STAMP)).walk("VEVENT")
    backward = parse(course_ics("course-7", SESSIONS[::-1], dtstamp=STAMP)).walk("VEVENT")
    by_uid = {str(e["uid"]): e.decoded("dtstart") for e in forward}
    assert {str(e["uid"]): e.decoded("dtstart") for e in backward} == by_uid


def test_cancelling_one_session_of_a_course() -> None:
    data = course_ics("course-7", SESSIONS[1:], sequence=4, method="CANCEL", dtstamp=STAMP)
    assert str(parse(data)["method"]) == "CANCEL"
    event = only_event(data)
    assert str(event["uid"]) == "course-7-s2@proximity.cr"
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 4


def test_a_course_in_another_domain() -> None:
    event = only_event(course_ics("c", SESSIONS[:1], domain="example.org", dtstamp=STAMP))
    assert str(event["uid"]) == "c-s1@example.org"
    assert session_uid("c", "s1", "example.org") == "c-s1@example.org"


def test_a_course_needs_sessions_with_distinct_keys() -> None:
    with pytest.raises(ValueError, match="at least one"):
        course_ics("course-7", [], dtstamp=STAMP)
    with pytest.raises(ValueError, match="unique"):
        course_ics("course-7", [SESSIONS[0], SESSIONS[0]], dtstamp=STAMP)
