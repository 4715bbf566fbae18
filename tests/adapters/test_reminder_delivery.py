"""Sending reminders for real: APScheduler with its job store in the app database, a real
PTB Bot and the Bot API emulator with Telegram's flood caps (30/s overall, 1/s per chat).

Each test runs on SQLite and on PostgreSQL. Reminders fall due a couple of seconds after
planning (no quiet hours in these policies, so the tests pass at any time of day).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select, text
from telegram import Bot

from app.catalogue import Catalogue
from app.ports import OperatorNotice
from bot.messenger import TelegramMessenger
from dialogs.agenda import ReminderPolicy
from scheduler.jobs import JobBook
from scheduler.reminders import ReminderService, cancel, plan
from store import conversations
from store.models import Appointment, Beneficiary, Reminder, Slot
from tests.emulator.server import BotApiEmulator
from tests.reminder_data import ZONE, agenda_config, booked, reminders_of

NO_QUIET = ReminderPolicy(quiet_start=time(0, 0), quiet_end=time(0, 0))
DUE_IN = timedelta(seconds=2)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Notices:
    """The operators' side, as the service sees it: a callable recording what it is told."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int]] = []

    async def __call__(self, notice: OperatorNotice) -> None:
        self.seen.append((notice.kind, notice.appointment_id))


@pytest.fixture
def notices() -> Notices:
    return Notices()


@pytest.fixture
async def make_service(  # type: ignore[no-untyped-def]
    sessions, database_url: str, bot: Bot, catalogue: Catalogue, notices: Notices
) -> AsyncIterator[Callable[..., ReminderService]]:
    started: list[ReminderService] = []

    async def mark_unreachable(telegram_id: int) -> None:
        async with sessions.begin() as session:
            await conversations.mark_unreachable(session, telegram_id, utc_now())

    def make(policy: ReminderPolicy = NO_QUIET) -> ReminderService:
        service = ReminderService(
            sessions,
            database_url,
            TelegramMessenger(bot, catalogue, operators=notices, server_error_retries=0),
            agenda_config(policy),
            ZONE,
            utc_now,
            mark_unreachable,
        )
        started.append(service)
        return service

    yield make
    for service in started:
        await service.stop()


async def book_and_plan(  # type: ignore[no-untyped-def]
    sessions, service: ReminderService | None, chat: int, start: datetime, **kw
) -> int:
    now = utc_now()
    async with sessions.begin() as session:
        appointment = await booked(session, chat, start, now, **kw)
        await plan(session, appointment.id, chat, start, NO_QUIET, now, ZONE)
        appointment_id = appointment.id
    if service is not None:
        await service.sync([appointment_id])
    return appointment_id


async def settled(sessions, appointment_ids: list[int], timeout: float = 30) -> list[Reminder]:  # type: ignore[no-untyped-def]  # noqa: ASYNC109
    """Waits until none of these appointments' reminders is pending or sending."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        async with sessions() as session:
            rows = list(
                (
                    await session.execute(
                        select(Reminder).where(Reminder.appointment_id.in_(appointment_ids))
                    )
                ).scalars()
            )
        if all(r.status not in ("pending", "sending") for r in rows):
            return rows
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still open: {[(r.id, r.status) for r in rows]}")
        await asyncio.sleep(0.1)


async def job_ids(sessions) -> set[str]:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        return set((await session.execute(text("SELECT id FROM apscheduler_jobs"))).scalars())


async def test_a_due_reminder_is_sent_once_with_its_buttons(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator, notices: Notices
) -> None:
    service = make_service()
    await service.start()
    start = utc_now() + timedelta(hours=2) + DUE_IN
    appointment_id = await book_and_plan(sessions, service, 7001, start)

    [row] = await settled(sessions, [appointment_id])
    [message] = emulator.sent_messages(7001)
    assert (row.label, row.status, row.message_id, row.attempts) == (
        "2h",
        "sent",
        message.message_id,
        1,
    )
    assert "Via Goldaniga 11" in message.text and "2 ore" in message.text
    assert "parse_mode" not in message.request
    assert [data for line in message.buttons for _, data in line][:3] == [
        f"ap-ok:{appointment_id}",
        f"ap-no:{appointment_id}",
        f"ap-mv:{appointment_id}",
    ]
    # The last reminder went out and nobody has confirmed: the operators are told.
    assert notices.seen == [("unconfirmed", appointment_id)]


async def test_no_unconfirmed_notice_after_a_confirmation_or_a_first_reminder(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator, notices: Notices
) -> None:
    service = make_service()
    await service.start()
    confirmed = await book_and_plan(sessions, None, 7002, utc_now() + timedelta(hours=2) + DUE_IN)
    async with sessions.begin() as session:
        (await session.get(Appointment, confirmed)).confirmation = "confirmed"  # type: ignore[union-attr]
    await service.sync([confirmed])
    # Only the 24 h reminder is due soon: it is not the last one.
    first_of_two = await book_and_plan(
        sessions, service, 7003, utc_now() + timedelta(days=1) + DUE_IN
    )

    await settled(sessions, [confirmed])
    await emulator.wait_until(lambda: len(emulator.sent_messages(7003)) == 1)
    await asyncio.sleep(0.5)  # time for a (wrong) notice to arrive after the send
    assert (await reminders_of_fresh(sessions, first_of_two))["24h"].status == "sent"
    assert len(emulator.sent_messages(7002)) == 1
    assert notices.seen == []


async def test_cancelled_or_moved_appointments_get_no_reminder(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator
) -> None:
    service = make_service()
    await service.start()
    start = utc_now() + timedelta(hours=2) + DUE_IN
    gone = await book_and_plan(sessions, service, 7004, start)
    moved = await book_and_plan(sessions, service, 7005, start)
    async with sessions.begin() as session:
        # Changed without telling the reminders: the sender must notice by itself.
        (await session.get(Appointment, gone)).status = "cancelled"  # type: ignore[union-attr]
        appointment = await session.get(Appointment, moved)
        slot = await session.get(Slot, appointment.slot_id)  # type: ignore[union-attr]
        slot.starts_at = start + timedelta(days=3)  # type: ignore[union-attr]

    rows = await settled(sessions, [gone, moved])
    assert sorted((r.appointment_id, r.status, r.last_error) for r in rows) == [
        (gone, "skipped", "not_booked"),
        (moved, "skipped", "stale"),
    ]
    await asyncio.sleep(0.5)
    assert emulator.sent_messages() == []


async def test_a_blocked_person_becomes_unreachable_and_the_operators_are_told(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator, notices: Notices
) -> None:
    emulator.block_user(7006)
    service = make_service()
    await service.start()
    appointment_id = await book_and_plan(
        sessions, service, 7006, utc_now() + timedelta(hours=2) + DUE_IN
    )

    [row] = await settled(sessions, [appointment_id])
    assert (row.status, row.last_error) == ("failed", "blocked")
    async with sessions() as session:
        person = (
            await session.execute(select(Beneficiary).where(Beneficiary.telegram_id == 7006))
        ).scalar_one()
    assert person.unreachable_since is not None
    assert notices.seen == [("unreachable", appointment_id)]


async def test_a_429_is_honoured_and_the_reminder_still_goes_once(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator
) -> None:
    emulator.fail_next("sendMessage", 429, retry_after=1)
    service = make_service()
    await service.start()
    appointment_id = await book_and_plan(
        sessions, service, 7007, utc_now() + timedelta(hours=2) + DUE_IN
    )

    [row] = await settled(sessions, [appointment_id])
    assert [c.status for c in emulator.calls_to("sendMessage")] == [429, 200]
    assert len(emulator.sent_messages(7007)) == 1
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, None)


async def test_a_burst_keeps_under_the_flood_caps_and_sends_each_reminder_once(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator
) -> None:
    service = make_service()
    await service.start()
    start = utc_now() + timedelta(hours=2) + DUE_IN
    ids = [await book_and_plan(sessions, None, 7100 + i, start) for i in range(45)]
    # One person with three appointments at the same hour: three messages, 1 s apart.
    ids += [await book_and_plan(sessions, None, 7099, start, operator=f"x{i}") for i in range(3)]
    await service.sync(ids)
    for reminder_id in range(1, 10):  # stray duplicate submissions change nothing
        service.dispatcher.submit(reminder_id)

    rows = await settled(sessions, ids)
    assert {r.status for r in rows} == {"sent"}
    per_chat = {chat: len(emulator.sent_messages(chat)) for chat in range(7099, 7145)}
    assert per_chat == {7099: 3} | {chat: 1 for chat in range(7100, 7145)}
    assert emulator.stats["429"] == 0


async def test_start_up_repairs_rows_and_jobs_left_by_a_crash(  # type: ignore[no-untyped-def]
    sessions, database_url: str, make_service, emulator: BotApiEmulator
) -> None:
    now = utc_now()
    future = now + timedelta(hours=2) + DUE_IN
    interrupted = await book_and_plan(sessions, None, 7201, future)
    too_late = await book_and_plan(sessions, None, 7202, future)
    within_grace = await book_and_plan(sessions, None, 7203, future)
    later = await book_and_plan(sessions, None, 7204, future)
    async with sessions.begin() as session:
        (await reminders_of(session, interrupted))["2h"].status = "sending"
        for appointment_id, overdue in ((too_late, 3), (within_grace, 1)):
            appointment = await session.get(Appointment, appointment_id)
            slot = await session.get(Slot, appointment.slot_id)  # type: ignore[union-attr]
            slot.starts_at = now + timedelta(hours=2 - overdue)  # type: ignore[union-attr]
            row = (await reminders_of(session, appointment_id))["2h"]
            row.due_at = now - timedelta(hours=overdue)
    # A job survives from before for a reminder that was since skipped.
    orphan = await book_and_plan(sessions, None, 7205, future + timedelta(hours=5))
    async with sessions.begin() as session:
        await cancel(session, orphan)
    orphan_id = (await reminders_of_fresh(sessions, orphan))["2h"].id
    book = JobBook(database_url, NO_QUIET.grace)
    book.start_paused()
    book.put([(orphan_id, future + timedelta(hours=3))])
    book.shutdown()

    service = make_service()
    report = await service.start()
    rows = await settled(sessions, [interrupted, too_late, within_grace, later])
    status = {r.appointment_id: (r.status, r.last_error) for r in rows}
    assert status == {
        interrupted: ("sent", "interrupted"),
        too_late: ("missed", "late"),
        within_grace: ("sent", None),
        later: ("sent", None),
    }
    assert (report.interrupted, report.missed, report.jobs_created, report.jobs_removed) == (
        1,
        1,
        2,
        1,
    )
    assert [m.chat_id for m in emulator.sent_messages()] == [7203, 7204]
    assert await job_ids(sessions) == set()


async def test_sync_follows_the_rows_after_the_turns_commit(  # type: ignore[no-untyped-def]
    sessions, make_service
) -> None:
    service = make_service()
    await service.start()
    appointment_id = await book_and_plan(sessions, service, 7301, utc_now() + timedelta(days=2))
    rows = await reminders_of_fresh(sessions, appointment_id)
    assert await job_ids(sessions) == {f"reminder:{r.id}" for r in rows.values()}
    async with sessions.begin() as session:
        await cancel(session, appointment_id)
    await service.sync([appointment_id])
    assert await job_ids(sessions) == set()


async def reminders_of_fresh(sessions, appointment_id: int) -> dict[str, Reminder]:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        return await reminders_of(session, appointment_id)


async def test_rows_planned_by_another_process_are_adopted_and_sent(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator
) -> None:
    """An operator booking from the command line writes rows the running service has no
    jobs for: `adopt` (run every minute by the bot) gives them one, and they go out once."""
    service = make_service()
    await service.start()
    start = utc_now() + timedelta(hours=2) + DUE_IN
    appointment_id = await book_and_plan(sessions, None, 7101, start)  # no sync: "the CLI"
    assert await service.adopt() == 1
    assert await service.adopt() == 0  # already has its job
    await settled(sessions, [appointment_id])
    assert len(emulator.sent_messages(7101)) == 1


async def test_after_a_crash_what_is_overdue_goes_out_before_the_jobs_are_aligned(  # type: ignore[no-untyped-def]
    sessions, make_service, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = utc_now()
    overdue = [
        await book_and_plan(sessions, None, 7301 + i, now + timedelta(hours=2) + DUE_IN)
        for i in range(3)
    ]
    async with sessions.begin() as session:
        for minutes, appointment_id in enumerate(overdue, start=1):
            appointment = await session.get(Appointment, appointment_id)
            slot = await session.get(Slot, appointment.slot_id)  # type: ignore[union-attr]
            slot.starts_at = now + timedelta(hours=2, minutes=-minutes)  # type: ignore[union-attr]
            row = (await reminders_of(session, appointment_id))["2h"]
            row.due_at = now - timedelta(minutes=minutes)
    # Aligning thousands of jobs takes seconds; here it waits until the test lets it go.
    released = threading.Event()
    align = JobBook.align

    def slow_align(book: JobBook, pending: dict[int, datetime]) -> tuple[int, int]:
        released.wait(30)
        return align(book, pending)

    monkeypatch.setattr(JobBook, "align", slow_align)
    starting = asyncio.create_task(make_service().start())
    try:
        rows = await settled(sessions, overdue, timeout=10)
        assert not starting.done()
    finally:
        released.set()
        await starting
    assert {r.status for r in rows} == {"sent"}
    # Each once, though their jobs were created and fired afterwards.
    assert sorted(m.chat_id for m in emulator.sent_messages()) == [7301, 7302, 7303]
    await asyncio.sleep(0.5)
    assert len(emulator.sent_messages()) == 3
