"""Slot administration and the operators' appointment operations, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dialogs.slots import AppointmentType, Availability
from store import agenda_admin, appointments, slot_admin
from store.models import AuditEntry, Beneficiary, Reminder, Slot

ROME = ZoneInfo("Europe/Rome")
ZONE = "Europe/Rome"
NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
PLACES = ("crema", "rivolta")

# Tuesdays from 20 October 2026 for 8 weeks: summer time ends on 25 October, and
# 8 December (a Tuesday) is the Immaculate Conception, a national holiday.
TUESDAYS = Availability(
    weekday=1,
    start=time(9, 0),
    end=time(12, 0),
    step_minutes=45,
    first_date=date(2026, 10, 20),
    weeks=8,
    type=AppointmentType.ORIENTATION,
    place_id="crema",
    operator="Giulia",
)

FILE = {
    "recurring": [
        {
            "operator": "Giulia",
            "place": "crema",
            "type": "orientation",
            "weekday": "tuesday",
            "from": "09:00",
            "to": "12:00",
            "every": 45,
            "first_date": "2026-10-20",
            "weeks": 8,
        },
        {
            "operator": "Marco",
            "place": "rivolta",
            "type": "orientation",
            "weekday": "gio",
            "from": 840,  # YAML 1.1 reads an unquoted 14:00 as minutes
            "to": "16:00",
            "every": 60,
            "minutes": 60,
            "first_date": "next-monday",
            "weeks": 2,
        },
    ],
    "one_off": [
        {"operator": "Sara", "place": "crema", "type": "tutoring", "at": "2026-12-03 09:45"}
    ],
}


async def _person(sessions: async_sessionmaker[AsyncSession], telegram_id: int = 1001) -> None:
    async with sessions.begin() as session:
        session.add(
            Beneficiary(
                telegram_id=telegram_id,
                display_name="Anna",
                language="en",
                created_at=NOW,
                last_seen_at=NOW,
            )
        )


async def _add(sessions: async_sessionmaker[AsyncSession], slots: list) -> slot_admin.Added:  # type: ignore[type-arg]
    async with sessions.begin() as session:
        return await slot_admin.add_slots(session, slots, NOW)


async def _all_slots(sessions: async_sessionmaker[AsyncSession]) -> list[Slot]:
    async with sessions() as session:
        return list((await session.scalars(select(Slot).order_by(Slot.starts_at))).all())


# ------------------------------------------------------------------ pure parts


def test_recurring_skips_holidays_and_keeps_local_time_across_dst() -> None:
    slots = slot_admin.recurring(TUESDAYS, ZONE)
    days = sorted({s.start.astimezone(ROME).date() for s in slots})
    assert date(2026, 12, 8) not in days and len(days) == 7
    assert len(slots) == 7 * 4  # 9:00, 9:45, 10:30, 11:15 (ends 12:00)
    assert {s.start.astimezone(ROME).time() for s in slots} == {
        time(9, 0), time(9, 45), time(10, 30), time(11, 15)
    }  # fmt: skip
    # The same wall time is a different UTC hour before and after the change.
    assert slots[0].start == datetime(2026, 10, 20, 7, 0, tzinfo=UTC)
    assert slots[4].start == datetime(2026, 10, 27, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "today", "expected"),
    [
        ("next-monday", date(2026, 11, 25), date(2026, 11, 30)),  # from a Wednesday
        ("next-monday", date(2026, 11, 30), date(2026, 12, 7)),  # a Monday: the next one
        ("next-monday + 1w", date(2026, 11, 25), date(2026, 12, 7)),
        ("today+3d", date(2026, 11, 25), date(2026, 11, 28)),
        ("2026-12-01", date(2026, 11, 25), date(2026, 12, 1)),
        (date(2027, 1, 4), date(2026, 11, 25), date(2027, 1, 4)),
    ],
)
def test_relative_dates(value: object, today: date, expected: date) -> None:
    assert slot_admin.relative_date(value, today) == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"place": "cremona"}, "unknown place"),
        ({"type": "yoga"}, "unknown type"),
        ({"weekday": "someday"}, "not a weekday"),
        ({"first_date": "soon"}, "not a date"),
        ({"from": "nine"}, "not a time"),
        ({"every": None}, "recurring #1"),
        ({"weeks": None, "to": "08:00"}, "recurring #1"),
    ],
)
def test_a_bad_entry_names_itself(change: dict[str, object], message: str) -> None:
    broken = {"recurring": [{**FILE["recurring"][0], **change}]}
    with pytest.raises(slot_admin.SlotFileError, match=message):
        slot_admin.slots_from_file(broken, ZONE, date(2026, 10, 1), PLACES)


def test_a_missing_field_and_an_unknown_section_are_refused() -> None:
    entry = {k: v for k, v in FILE["one_off"][0].items() if k != "at"}
    with pytest.raises(slot_admin.SlotFileError, match="one_off #1: missing 'at'"):
        slot_admin.slots_from_file({"one_off": [entry]}, ZONE, date(2026, 10, 1))
    with pytest.raises(slot_admin.SlotFileError, match="unknown sections: weekly"):
        slot_admin.slots_from_file({"weekly": []}, ZONE, date(2026, 10, 1))


# ------------------------------------------------------------------ database


async def test_importing_the_same_file_twice_creates_nothing_new(sessions) -> None:  # type: ignore[no-untyped-def]
    wanted = slot_admin.slots_from_file(FILE, ZONE, date(2026, 10, 1), PLACES)
    assert len(wanted) == 28 + 2 * 2 + 1

    first = await _add(sessions, wanted)
    again = await _add(sessions, slot_admin.slots_from_file(FILE, ZONE, date(2026, 10, 1), PLACES))

    assert (first.created, first.skipped) == (len(wanted), 0)
    assert (again.created, again.skipped) == (0, len(wanted))
    stored = await _all_slots(sessions)
    assert len(stored) == len(wanted)
    tutoring = next(s for s in stored if s.type == "tutoring")
    assert tutoring.starts_at == datetime(2026, 12, 3, 8, 45, tzinfo=UTC)  # 9:45 in Rome
    assert tutoring.ends_at - tutoring.starts_at == timedelta(minutes=60)  # the type's default


async def test_two_imports_at_once_do_not_duplicate_or_fail(sessions) -> None:  # type: ignore[no-untyped-def]
    wanted = slot_admin.recurring(TUESDAYS, ZONE)
    results = await asyncio.gather(*(_add(sessions, wanted) for _ in range(4)))
    assert sum(r.created for r in results) == len(wanted)
    assert len(await _all_slots(sessions)) == len(wanted)


async def test_listing_shows_free_booked_and_who(sessions) -> None:  # type: ignore[no-untyped-def]
    await _person(sessions)
    added = await _add(sessions, slot_admin.recurring(TUESDAYS, ZONE)[:3])
    async with sessions.begin() as session:
        await appointments.book(session, 1001, added.ids[1], NOW, booked_by="operator:cli")
    async with sessions() as session:
        rows = await slot_admin.list_slots(
            session, after=NOW, before=NOW + timedelta(days=30), place="crema"
        )
        none_at_rivolta = await slot_admin.list_slots(
            session, after=NOW, before=NOW + timedelta(days=30), place="rivolta"
        )
    assert [r.free for r in rows] == [True, False, True]
    assert (rows[1].telegram_id, rows[1].display_name, rows[1].status) == (1001, "Anna", "booked")
    assert none_at_rivolta == []


async def test_withdrawing_a_booked_slot_cancels_and_says_whom_to_tell(sessions) -> None:  # type: ignore[no-untyped-def]
    await _person(sessions)
    free_id, booked_id = (await _add(sessions, slot_admin.recurring(TUESDAYS, ZONE)[:2])).ids
    async with sessions.begin() as session:
        booking, _ = await appointments.book(session, 1001, booked_id, NOW)
        session.add(
            Reminder(
                appointment_id=booking.id,
                telegram_id=1001,
                label="24h",
                due_at=NOW + timedelta(days=1),
                status="pending",
            )
        )

    async with sessions.begin() as session:
        quiet = await slot_admin.withdraw(session, free_id, NOW)
        told = await slot_admin.withdraw(session, booked_id, NOW)
    async with sessions.begin() as session:
        twice = await slot_admin.withdraw(session, booked_id, NOW)
        with pytest.raises(slot_admin.SlotNotFound):
            await slot_admin.withdraw(session, 999_999, NOW)

    assert quiet.cancelled_appointment_id is None and not quiet.already_withdrawn
    assert (told.cancelled_appointment_id, told.telegram_id, told.language) == (
        booking.id, 1001, "en"
    )  # fmt: skip
    assert told.kind == "orientation" and told.place_id == "crema"
    assert twice.already_withdrawn and twice.cancelled_appointment_id is None
    async with sessions() as session:
        row = await agenda_admin.appointment(session, booking.id)
        reminder = await session.scalar(select(Reminder))
        free = await appointments.free_slots(
            session, types=["orientation"], after=NOW, before=NOW + timedelta(days=90)
        )
    assert row is not None and row.status == "cancelled"
    assert reminder is not None and reminder.status == "skipped"
    assert free_id not in [s.id for s in free] and booked_id not in [s.id for s in free]
    with pytest.raises(appointments.SlotTaken):  # a withdrawn slot cannot be booked
        async with sessions.begin() as session:
            await appointments.book(session, 1001, free_id, NOW)


async def test_attendance_is_marked_once_and_audited(sessions) -> None:  # type: ignore[no-untyped-def]
    await _person(sessions)
    [slot_id] = (await _add(sessions, slot_admin.recurring(TUESDAYS, ZONE)[:1])).ids
    async with sessions.begin() as session:
        booking, slot = await appointments.book(session, 1001, slot_id, NOW)
    after = slot.ends_at + timedelta(minutes=5)

    with pytest.raises(agenda_admin.NotMarkable, match="future"):
        async with sessions.begin() as session:
            await agenda_admin.mark_attendance(session, booking.id, False, "operator:G", "555", NOW)
    async with sessions.begin() as session:
        marked = await agenda_admin.mark_attendance(
            session, booking.id, False, "operator:Giulia", "555", after
        )
    with pytest.raises(agenda_admin.NotMarkable) as again:
        async with sessions.begin() as session:
            await agenda_admin.mark_attendance(session, booking.id, True, "operator:X", "1", after)
    with pytest.raises(agenda_admin.NotMarkable, match="gone"):
        async with sessions.begin() as session:
            await agenda_admin.mark_attendance(session, 424242, True, "operator:X", "1", after)

    assert (marked.status, marked.attendance_marked_by) == ("no_show", "operator:Giulia")
    assert again.value.reason == "already" and again.value.marked_by == "operator:Giulia"
    async with sessions() as session:
        audit = (await session.execute(select(AuditEntry.actor, AuditEntry.action))).all()
    assert [tuple(a) for a in audit] == [("555", "attendance_no_show")]


async def test_attendance_questions_are_claimed_once(sessions) -> None:  # type: ignore[no-untyped-def]
    await _person(sessions)
    ids = (await _add(sessions, slot_admin.recurring(TUESDAYS, ZONE)[:2])).ids
    async with sessions.begin() as session:
        first, slot = await appointments.book(session, 1001, ids[0], NOW)
        await appointments.book(session, 1001, ids[1], NOW)  # ends later: not due yet
    after = slot.ends_at + timedelta(minutes=1)

    async with sessions() as session:
        due = await agenda_admin.attendance_to_ask(session, after)
    assert [r.id for r in due] == [first.id]

    async def claim() -> bool:
        async with sessions.begin() as session:
            return await agenda_admin.claim_attendance_question(session, first.id, after)

    assert sorted(await asyncio.gather(*(claim() for _ in range(5)))) == [False] * 4 + [True]
    async with sessions() as session:
        assert await agenda_admin.attendance_to_ask(session, after) == []
    async with sessions.begin() as session:  # posting failed: released, asked again later
        assert await agenda_admin.claim_attendance_question(session, first.id, None)
    async with sessions() as session:
        assert [r.id for r in await agenda_admin.attendance_to_ask(session, after)] == [first.id]


async def test_taking_in_charge_keeps_the_first_date(sessions) -> None:  # type: ignore[no-untyped-def]
    await _person(sessions)
    async with sessions.begin() as session:
        assert await agenda_admin.take_in_charge(session, 999, "Giulia", NOW) is None
        await agenda_admin.take_in_charge(session, 1001, "Giulia", NOW)
    async with sessions.begin() as session:
        await agenda_admin.take_in_charge(session, 1001, "Marco", NOW + timedelta(days=1))
        access = await appointments.access(session, 1001)
        person = await session.scalar(select(Beneficiary))
        audits = await session.scalar(select(func.count()).select_from(AuditEntry))
    assert access.taken_in_charge
    assert person is not None
    assert (person.taken_in_charge_at, person.taken_in_charge_by) == (NOW, "Giulia")
    assert audits == 1
