"""Calendar files (iCalendar, RFC 5545) for appointments and course sessions.

A calendar app recognises a later file as an update of the same event by its UID, and takes
it only if its SEQUENCE is higher. So the caller supplies a UID that never changes for the
appointment (e.g. f"appointment-{id}@proximity.cr") and a sequence it increases on every
change, cancellation included. A cancellation is METHOD:CANCEL with STATUS:CANCELLED.
Times are written in UTC ("...Z"), so no VTIMEZONE is needed and every app shows local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from icalendar import Calendar, Event, vCalAddress, vText

__all__ = [
    "PRODID",
    "CourseSession",
    "Method",
    "appointment_ics",
    "content_type",
    "course_ics",
    "session_uid",
]

Method = Literal["REQUEST", "CANCEL"]
PRODID = "-//Comunita Sociale Cremasca//Proximity//IT"
_STATUS: dict[str, str] = {"REQUEST": "CONFIRMED", "CANCEL": "CANCELLED"}


@dataclass(frozen=True)
class CourseSession:
    """One meeting of a course. `key` identifies it for good (e.g. its database id)."""

    key: str
    start_utc: datetime
    end_utc: datetime
    summary: str
    location: str = ""
    description: str = ""


@dataclass(frozen=True)
class _Revision:
    """What every event of one file shares."""

    sequence: int
    method: Method
    stamp: datetime
    organizer: vCalAddress | None


def content_type(method: Method) -> str:
    """MIME type to send the file with; the method parameter is what mail clients look at."""
    return f"text/calendar; charset=utf-8; method={method}"


def session_uid(uid_prefix: str, key: str, domain: str = "proximity.cr") -> str:
    """The UID of a course session: stable as long as the course and the key are."""
    return f"{uid_prefix}-{key}@{domain}"


def appointment_ics(
    uid: str,
    start_utc: datetime,
    end_utc: datetime,
    summary: str,
    location: str,
    description: str,
    sequence: int = 0,
    method: Method = "REQUEST",
    *,
    dtstamp: datetime | None = None,
    organizer_email: str | None = None,
    organizer_name: str = "PROXIMITY.CR",
) -> bytes:
    """A calendar file with one appointment (or its cancellation)."""
    revision = _Revision(
        sequence, method, _stamp(dtstamp), _organizer(organizer_email, organizer_name)
    )
    calendar = _calendar(method)
    appointment = CourseSession(uid, start_utc, end_utc, summary, location, description)
    calendar.add_component(_event(uid, appointment, revision))
    return bytes(calendar.to_ical())


def course_ics(
    uid_prefix: str,
    sessions: Sequence[CourseSession],
    sequence: int = 0,
    method: Method = "REQUEST",
    *,
    domain: str = "proximity.cr",
    dtstamp: datetime | None = None,
    organizer_email: str | None = None,
    organizer_name: str = "PROXIMITY.CR",
) -> bytes:
    """A calendar file with every session of a course, one event each.

    `sequence` applies to every event in the file: raise it whenever any session changes
    (a higher number on an unchanged event is harmless). To cancel some sessions only, send
    a CANCEL file with just those.
    """
    if not sessions:
        raise ValueError("a course calendar needs at least one session")
    keys = [session.key for session in sessions]
    if len(set(keys)) != len(keys):
        raise ValueError("session keys must be unique: they make the UIDs")
    revision = _Revision(
        sequence, method, _stamp(dtstamp), _organizer(organizer_email, organizer_name)
    )
    calendar = _calendar(method)
    for session in sessions:
        calendar.add_component(
            _event(session_uid(uid_prefix, session.key, domain), session, revision)
        )
    return bytes(calendar.to_ical())


def _calendar(method: Method) -> Calendar:
    if method not in _STATUS:
        raise ValueError(f"method must be REQUEST or CANCEL, got {method!r}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _event(uid: str, what: CourseSession, revision: _Revision) -> Event:
    if not uid.strip() or any(ch in uid for ch in "\r\n"):
        raise ValueError(f"invalid UID {uid!r}")
    if revision.sequence < 0:
        raise ValueError("SEQUENCE cannot be negative")
    start, end = _utc(what.start_utc, "start"), _utc(what.end_utc, "end")
    if end <= start:
        raise ValueError("an event must end after it starts")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", revision.stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("sequence", revision.sequence)
    event.add("status", _STATUS[revision.method])
    event.add("summary", what.summary)
    # Empty properties are left out: some apps show an empty "Location:" line otherwise.
    if what.location:
        event.add("location", what.location)
    if what.description:
        event.add("description", what.description)
    if revision.organizer is not None:
        event.add("organizer", revision.organizer)
    return event


def _organizer(email: str | None, name: str) -> vCalAddress | None:
    """iTIP wants an ORGANIZER on REQUEST and CANCEL; some apps ignore the file without one."""
    if email is None:
        return None
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
    # iCalendar has whole seconds; dropping the rest keeps the output stable.
    return value.astimezone(UTC).replace(microsecond=0)


def _stamp(dtstamp: datetime | None) -> datetime:
    return _utc(dtstamp if dtstamp is not None else datetime.now(UTC), "dtstamp")
