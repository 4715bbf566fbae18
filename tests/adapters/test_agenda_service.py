"""The agenda service (app/agenda.py) on SQLite and on the real PostgreSQL server: weekly
availability across DST and holidays, problems per field that change nothing, the week,
a booked name audited, withdraw / book / move / cancel for someone with the bot's reminder
planning, attendance marked once, and a booking from the office racing one from the bot.

Telling people goes through the AgendaNotices port; here a recording one stands in (the
Telegram one is exercised end to end in tests/e2e/test_web_agenda.py).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.agenda import BOOKING_VIEWED, AgendaRefused, AgendaService
from app.agenda_form import Invalid, OneOff, Weekly
from app.bookings import BookingDesk, BookingRefused
from app.catalogue import Catalogue
from dialogs.agenda import AgendaConfig
from dialogs.effects import BookSlot
from store.agenda_admin import AppointmentRow
from store.agenda_config import load_agenda_config
from store.models import BOOKED, Appointment, AuditEntry, Beneficiary, Reminder, Slot
from store.programme import load_programme
from store.settings import PROJECT_ROOT

CONFIG = load_agenda_config(PROJECT_ROOT / "config" / "appointments.yaml")
ROME = "Europe/Rome"
# Friday 19 March 2027, 10:00 in Rome. Summer time starts on Sunday 28 March; Easter
# Monday is 29 March.
NOW = datetime(2027, 3, 19, 9, 0, tzinfo=UTC)
ANNA, BRUNO = 5001, 5002


@dataclass
class RecordingNotices:
    """The AgendaNotices port in memory: what the group and the people would have read."""

    reachable: bool = True
    group: list[tuple[str, int]] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)
    no_show: list[int] = field(default_factory=list)
    changed: list[tuple[str, int, int]] = field(default_factory=list)

    async def notify(self, kind: str, appointment_id: int) -> bool:
        self.group.append((kind, appointment_id))
        return True

    async def tell_withdrawn(self, row: AppointmentRow, config: AgendaConfig) -> bool:
        self.withdrawn.append(row.telegram_id)
        return self.reachable

    async def tell_no_show(self, row: AppointmentRow) -> bool:
        self.no_show.append(row.telegram_id)
        return self.reachable

    async def tell_changed(self, change: str, row: AppointmentRow, config: AgendaConfig) -> bool:
        self.changed.append((change, row.telegram_id, row.slot_id))
        return self.reachable


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


async def _people(sessions: async_sessionmaker[AsyncSession], *ids: int) -> None:
    async with sessions.begin() as session:
        session.add_all(
            Beneficiary(telegram_id=i, display_name=f"P{i}", created_at=NOW, last_seen_at=NOW)
            for i in ids
        )


def _weekly(**changes: object) -> Weekly:
    values: dict[str, object] = {
        "place": "crema", "kind": "orientation", "operator": "Giulia",
        "weekdays": frozenset({0, 1}), "start": time(9), "end": time(10, 30),
        "first": date(2027, 3, 22), "last": date(2027, 4, 6), "minutes": None, "every": None,
    }  # fmt: skip
    values.update(changes)
    return Weekly(**values)  # type: ignore[arg-type]


async def _count(sessions: async_sessionmaker[AsyncSession], model: type) -> int:  # type: ignore[type-arg]
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def _service(sessions, clock, notices=None) -> AgendaService:  # type: ignore[no-untyped-def]
    return AgendaService(sessions, CONFIG, ROME, clock, notices)


async def test_weekly_availability_keeps_wall_time_across_dst_and_skips_holidays(
    sessions,  # type: ignore[no-untyped-def]
) -> None:
    service = _service(sessions, Clock())
    added = await service.add(_weekly())
    # Mondays 22/3 and 5/4, Tuesdays 23/3, 30/3 and 6/4; Easter Monday 29/3 is skipped.
    # Two 45-minute slots fit in 9:00-10:30 each day.
    assert added.created == 10
    week = await service.week(date(2027, 3, 29))
    starts = [s.starts_at for d in week.days for s in d.slots]
    assert [s.astimezone(UTC).hour for s in starts] == [7, 7]  # 9:00 Rome in summer time
    assert {d.day for d in week.days if d.slots} == {date(2027, 3, 30)}
    earlier = await service.week(date(2027, 3, 22))
    assert earlier.days[0].slots[0].starts_at.astimezone(UTC).hour == 8  # winter time
    assert all(s.state == "free" for d in earlier.days for s in d.slots)
    # The same rule again: all already there, none twice.
    again = await service.add(_weekly())
    assert (again.created, again.skipped) == (0, 10)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"first": date(2027, 3, 1)}, {("first", "in_the_past")}),
        ({"end": time(8)}, {("end", "end_before_start")}),
        ({"last": date(2027, 3, 20)}, {("last", "last_before_first")}),
        (
            {"place": "milano", "kind": "yoga"},
            {("place", "unknown_place"), ("kind", "unknown_kind")},
        ),
        ({"weekdays": frozenset()}, {("weekdays", "weekdays_empty")}),
        # Only Easter Monday in range: a rule that yields nothing.
        (
            {"weekdays": frozenset({0}), "first": date(2027, 3, 29), "last": date(2027, 3, 29)},
            {("weekdays", "rule_empty")},
        ),
        ({"end": time(9, 30)}, {("weekdays", "rule_empty")}),  # shorter than one slot
        ({"every": 30}, {("start", "overlap")}),  # 45 minutes every 30: they overlap
        ({"operator": " "}, {("operator", "operator_empty")}),
    ],
)
async def test_bad_availability_changes_nothing(sessions, changes, expected) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Invalid) as refused:
        await _service(sessions, Clock()).add(_weekly(**changes))
    assert {(p.field, p.code) for p in refused.value.problems} == expected
    assert await _count(sessions, Slot) == 0


async def test_overlaps_are_per_operator_not_per_place(sessions) -> None:  # type: ignore[no-untyped-def]
    service = _service(sessions, Clock())
    await service.add(OneOff("crema", "orientation", "Giulia", date(2027, 3, 23), time(9)))
    # Giulia cannot be in Rivolta at 9:30 while her 9:00 interview in Crema runs.
    with pytest.raises(Invalid) as refused:
        await service.add(OneOff("rivolta", "tutoring", "Giulia", date(2027, 3, 23), time(9, 30)))
    [problem] = refused.value.problems
    assert (problem.field, problem.code) == ("start", "overlap")
    assert problem.params["other"] == "09:00"
    # Marco at the same desk at the same time is fine: a place has several desks.
    await service.add(OneOff("crema", "orientation", "Marco", date(2027, 3, 23), time(9)))
    # A past day, and a wall time that does not exist (the spring DST change).
    with pytest.raises(Invalid) as past:
        await service.add(OneOff("crema", "orientation", "Sara", date(2027, 3, 18), time(9)))
    assert [(p.field, p.code) for p in past.value.problems] == [("day", "in_the_past")]
    with pytest.raises(Invalid) as skipped:
        await service.add(OneOff("crema", "orientation", "Sara", date(2027, 3, 28), time(2, 30)))
    assert [(p.field, p.code) for p in skipped.value.problems] == [("start", "time_skipped")]
    assert await _count(sessions, Slot) == 2


async def test_book_move_cancel_for_someone_plan_reminders_and_audit(sessions) -> None:  # type: ignore[no-untyped-def]
    notices = RecordingNotices()
    service = _service(sessions, Clock(), notices)
    await _people(sessions, ANNA)
    added = await service.add(_weekly())
    first, second = added.ids[0], added.ids[1]

    booked = await service.book(first, ANNA, "Giulia", "web:1")
    assert booked.appointment.status == BOOKED and booked.appointment.booked_by == (
        "operator:Giulia"
    )
    async with sessions() as session:
        reminders = list(await session.scalars(select(Reminder).order_by(Reminder.due_at)))
    assert [(r.label, r.status) for r in reminders] == [("24h", "pending"), ("2h", "pending")]
    # One live booking per kind, as in the chat; and a slot taken is not free.
    with pytest.raises(AgendaRefused, match="has_booking"):
        await service.book(second, ANNA, "Giulia", "web:1")
    with pytest.raises(AgendaRefused, match="no_person"):
        await service.book(second, 42, "Giulia", "web:1")

    moved = await service.move(booked.appointment.id, second, "web:1")
    assert moved.appointment.slot_id == second
    week = await service.week(date(2027, 3, 22))
    states = {s.id: s.state for d in week.days for s in d.slots}
    assert (states[first], states[second]) == ("free", "booked")

    # Looking at who booked is audited; the week view names nobody.
    view = await service.slot(second, "web:7")
    assert view.booking is not None and view.booking.display_name == f"P{ANNA}"
    await service.cancel(booked.appointment.id, "web:1")
    async with sessions() as session:
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        statuses = list(await session.scalars(select(Reminder.status)))
    assert actions == [
        "agenda-booked-for", "agenda-moved-for", BOOKING_VIEWED, "agenda-cancelled-for",
    ]  # fmt: skip
    assert set(statuses) == {"skipped"}
    assert notices.group == [("booked", 1), ("moved", 1), ("cancelled", 1)]
    # The person heard each change, with where the booking is (or was) now.
    assert notices.changed == [
        ("booked", ANNA, first), ("moved", ANNA, second), ("cancelled", ANNA, second),
    ]  # fmt: skip
    assert (booked.told, moved.told) == ("told", "told")


async def test_the_page_learns_whether_the_person_was_told(sessions) -> None:  # type: ignore[no-untyped-def]
    await _people(sessions, ANNA)
    blocked = _service(sessions, Clock(), RecordingNotices(reachable=False))
    ids = (await blocked.add(_weekly())).ids
    assert (await blocked.book(ids[0], ANNA, "Giulia", "web:1")).told == "unreachable"
    quiet = _service(sessions, Clock())  # no bot: nobody is told, and it says so
    assert (await quiet.cancel(1, "web:1")).told == "not_told"


async def test_withdrawing_a_booked_slot_tells_the_person(sessions) -> None:  # type: ignore[no-untyped-def]
    notices = RecordingNotices()
    await _people(sessions, ANNA)
    service = _service(sessions, Clock(), notices)
    slot_id = (await service.add(_weekly())).ids[0]
    await service.book(slot_id, ANNA, "Giulia", "web:1")

    done = await service.withdraw(slot_id, "web:1")
    assert done.told == "told" and done.cancelled is not None
    assert notices.withdrawn == [ANNA] and notices.group[-1] == ("cancelled", 1)
    again = await service.withdraw(slot_id, "web:1")
    assert again.already and notices.withdrawn == [ANNA]
    # Without a bot nobody is told, and the result says so.
    quiet = _service(sessions, Clock())
    other = (await quiet.add(OneOff("crema", "tutoring", "Sara", date(2027, 3, 24), time(9)))).ids
    await quiet.book(other[0], ANNA, "Sara", "web:1")
    assert (await quiet.withdraw(other[0], "web:1")).told == "not_told"


async def test_an_absence_sends_the_no_show_message_once(sessions) -> None:  # type: ignore[no-untyped-def]
    notices = RecordingNotices()
    clock = Clock()
    await _people(sessions, ANNA)
    service = _service(sessions, clock, notices)
    slot_id = (await service.add(_weekly())).ids[0]
    booked = await service.book(slot_id, ANNA, "Giulia", "web:1")
    with pytest.raises(AgendaRefused, match="future"):
        await service.mark(booked.appointment.id, False, "Giulia", "web:1")
    clock.now = datetime(2027, 3, 22, 9, tzinfo=UTC)  # the interview was at 9:00 (8:00 UTC)

    # Two operators press Assente at once: one record, one message.
    results = await asyncio.gather(
        service.mark(booked.appointment.id, False, "Giulia", "web:1"),
        service.mark(booked.appointment.id, False, "Dario", "123"),
        return_exceptions=True,
    )
    marked = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, AgendaRefused)]
    assert len(marked) == 1 and len(refused) == 1 and refused[0].code == "already"
    assert marked[0].row.status == "no_show" and marked[0].told == "told"
    assert notices.no_show == [ANNA]


async def test_a_booking_from_the_office_races_one_from_the_bot(sessions) -> None:  # type: ignore[no-untyped-def]
    """The same slot: the office books Anna while Bruno presses the time in the chat. Each
    side runs its own transaction, as the console and a turn do: exactly one wins."""
    await _people(sessions, ANNA, BRUNO)
    service = _service(sessions, Clock())
    slot_ids = (await service.add(_weekly())).ids
    desk = BookingDesk(
        CONFIG,
        Catalogue.load(PROJECT_ROOT / "locales"),
        load_programme(PROJECT_ROOT / "config" / "programme.yaml"),
        ROME,
    )

    async def from_the_bot(slot_id: int) -> str:
        async with sessions.begin() as session:
            await desk.apply(session, BRUNO, BookSlot(slot_id), "it", NOW)
        return "bot"

    async def from_the_office(slot_id: int) -> str:
        await service.book(slot_id, ANNA, "Giulia", "web:1")
        return "office"

    for slot_id in slot_ids[:5]:
        results = await asyncio.gather(
            from_the_office(slot_id), from_the_bot(slot_id), return_exceptions=True
        )
        wins = [r for r in results if isinstance(r, str)]
        losses = [r for r in results if isinstance(r, AgendaRefused | BookingRefused)]
        assert len(wins) == 1 and len(losses) == 1, results
        if isinstance(losses[0], AgendaRefused):
            assert losses[0].code == "taken"
        async with sessions() as session:
            live = await session.scalar(
                select(func.count())
                .select_from(Appointment)
                .where(Appointment.slot_id == slot_id, Appointment.status == BOOKED)
            )
        assert live == 1
        # Free both people for the next round: one live booking per kind.
        async with sessions.begin() as session:
            for row in await session.scalars(select(Appointment)):
                row.status = "cancelled"


async def test_overlapping_blocks_added_at_once_exactly_one_is_stored(database_url: str) -> None:
    """Two coordinators (two processes: two engines) add overlapping blocks for Giulia at
    the same instant, round after round: each time exactly one gets through."""
    from store.db import create_engine_async, session_factory
    from store.migrate import upgrade

    upgrade(database_url)
    engines = [create_engine_async(database_url) for _ in range(2)]
    try:
        first, second = (_service(session_factory(e), Clock()) for e in engines)
        for round_ in range(6):
            day = date(2027, 3, 22 + round_)
            results = await asyncio.gather(
                first.add(OneOff("crema", "orientation", "Giulia", day, time(9))),
                second.add(OneOff("rivolta", "tutoring", "Giulia", day, time(9, 30))),
                return_exceptions=True,
            )
            stored = [r for r in results if not isinstance(r, BaseException)]
            refused = [r for r in results if isinstance(r, Invalid)]
            assert len(stored) == 1 and len(refused) == 1, results
            assert [p.code for p in refused[0].problems] == ["overlap"]
        async with session_factory(engines[0])() as session:
            assert await session.scalar(select(func.count()).select_from(Slot)) == 6
    finally:
        for engine in engines:
            await engine.dispose()


async def _counts(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    from store.models import FunderCount

    async with sessions() as session:
        rows = await session.execute(select(FunderCount.metric, FunderCount.count))
        return {metric: count for metric, count in rows}


async def test_bookings_and_attendance_are_counted_per_kind_once(sessions) -> None:  # type: ignore[no-untyped-def]
    """The dashboard's funnel reads these counts: a booking by the office and one by the
    bot each count per kind; a mark counts once, a refused second mark nothing."""
    clock = Clock()
    await _people(sessions, ANNA, BRUNO)
    service = _service(sessions, clock, RecordingNotices())
    ids = (await service.add(_weekly())).ids
    tutoring = await service.add(OneOff("crema", "tutoring", "Sara", date(2027, 3, 22), time(11)))
    office = await service.book(ids[0], ANNA, "Giulia", "web:1")
    desk = BookingDesk(
        CONFIG,
        Catalogue.load(PROJECT_ROOT / "locales"),
        load_programme(PROJECT_ROOT / "config" / "programme.yaml"),
        ROME,
    )
    async with sessions.begin() as session:
        await desk.apply(session, BRUNO, BookSlot(ids[1]), "it", NOW)
    tutored = await service.book(tutoring.ids[0], ANNA, "Sara", "web:1")
    counts = await _counts(sessions)
    assert counts["appointment_booked"] == 3
    assert counts["appointment_booked_orientation"] == 2
    assert counts["appointment_booked_tutoring"] == 1

    clock.now = datetime(2027, 3, 22, 12, tzinfo=UTC)
    results = await asyncio.gather(
        service.mark(office.appointment.id, False, "Giulia", "web:1"),
        service.mark(office.appointment.id, True, "Dario", "123"),
        return_exceptions=True,
    )
    assert sum(isinstance(r, AgendaRefused) for r in results) == 1
    await service.mark(tutored.appointment.id, True, "Sara", "web:1")
    with pytest.raises(AgendaRefused, match="already"):
        await service.mark(tutored.appointment.id, False, "Sara", "web:1")
    counts = await _counts(sessions)
    orientation = {k: v for k, v in counts.items() if k.endswith("_orientation")}
    assert (
        orientation.get("appointment_attended_orientation", 0)
        + orientation.get("appointment_no_show_orientation", 0)
        == 1
    )
    assert counts["appointment_attended_tutoring"] == 1
    assert "appointment_no_show_tutoring" not in counts
