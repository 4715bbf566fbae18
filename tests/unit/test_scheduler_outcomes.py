"""The scheduler's senders against the messaging port in memory: each outcome of a send
decides the reminder's row, the person's reachability and the operators' notice. The same
rules with real PTB and the emulator: tests/adapters/test_reminder_delivery.py."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.planning import plan
from app.ports import (
    OperatorNotice,
    Outcome,
    Refused,
    SlowDown,
    TemporaryFailure,
    Uncertain,
    Unreachable,
)
from dialogs.agenda import ReminderPolicy
from scheduler.course_changes import CourseChangeMessenger
from scheduler.delivery import Dispatcher, Limits
from store import conversations, course_admin
from store.course_import import Lesson
from store.models import Beneficiary, Enrolment, Reminder
from store.programme import load_programme
from store.settings import PROJECT_ROOT
from tests.course_reminder_data import LESSON, course_spec, enrolled
from tests.memory_messenger import MemoryMessenger
from tests.reminder_data import ZONE, agenda_config, booked

Sessions = async_sessionmaker[AsyncSession]
POLICY = ReminderPolicy(offsets=(timedelta(hours=2),), quiet_start=time(0), quiet_end=time(0))


def utc_now() -> datetime:
    return datetime.now(UTC)


def marker(sessions: Sessions):  # type: ignore[no-untyped-def]
    async def mark(telegram_id: int) -> None:
        async with sessions.begin() as session:
            await conversations.mark_unreachable(session, telegram_id, utc_now())

    return mark


async def deliver_one(
    sessions: Sessions, messenger: MemoryMessenger, chat: int, *answers: Outcome
) -> tuple[Reminder, int]:
    """One reminder due now, handed to a running dispatcher; its row once settled."""
    messenger.answer(chat, *answers)
    now = utc_now()
    start = now + timedelta(hours=2, seconds=1)  # its 2 h reminder is due in a second
    async with sessions.begin() as session:
        appointment = await booked(session, chat, start, now)
        await plan(session, appointment.id, chat, start, POLICY, now, ZONE)
        appointment_id = appointment.id
        [reminder_id] = (
            await session.execute(
                select(Reminder.id).where(Reminder.appointment_id == appointment_id)
            )
        ).scalars()
    limits = Limits(per_chat_seconds=0.05, retry_seconds=0.05)
    dispatcher = Dispatcher(
        sessions, messenger, agenda_config(POLICY), ZONE, utc_now, marker(sessions), limits
    )
    dispatcher.start()
    try:
        dispatcher.submit(reminder_id)
        for _ in range(200):
            await asyncio.sleep(0.05)
            async with sessions() as session:
                row = await session.get(Reminder, reminder_id)
                assert row is not None
                if dispatcher.idle and row.status not in ("pending", "sending"):
                    return row, appointment_id
        raise AssertionError(f"reminder still {row.status}")
    finally:
        await dispatcher.stop()


async def unreachable_since(sessions: Sessions, chat: int) -> datetime | None:
    async with sessions() as session:
        person = (
            await session.execute(select(Beneficiary).where(Beneficiary.telegram_id == chat))
        ).scalar_one()
    return person.unreachable_since


async def test_delivered_is_sent_with_its_message_id_and_the_unconfirmed_notice(
    sessions: Sessions,
) -> None:
    messenger = MemoryMessenger()
    row, appointment_id = await deliver_one(sessions, messenger, 8101)
    assert (row.status, row.last_error, row.attempts) == ("sent", None, 1)
    assert row.message_id == 1 and len(messenger.delivered_to(8101)) == 1
    assert messenger.sent[0].reply.key.startswith("ap-reminder")
    assert messenger.notices == [OperatorNotice("unconfirmed", appointment_id)]


async def test_slow_down_puts_it_back_and_it_goes_once(sessions: Sessions) -> None:
    messenger = MemoryMessenger()
    row, _ = await deliver_one(sessions, messenger, 8102, SlowDown(0.1))
    assert (row.status, row.last_error, row.attempts) == ("sent", None, 1)
    assert [type(s.outcome).__name__ for s in messenger.sent] == ["SlowDown", "Delivered"]


async def test_uncertain_counts_as_sent_and_is_never_sent_again(sessions: Sessions) -> None:
    messenger = MemoryMessenger()
    row, _ = await deliver_one(sessions, messenger, 8103, Uncertain("timeout"))
    assert (row.status, row.last_error) == ("sent", "timeout")
    assert len(messenger.sent) == 1


@pytest.mark.parametrize("reason", ["blocked", "chat_not_found"])
async def test_unreachable_fails_marks_the_person_and_tells_the_operators(
    sessions: Sessions, reason: str
) -> None:
    messenger = MemoryMessenger()
    chat = 8104 if reason == "blocked" else 8105
    row, appointment_id = await deliver_one(sessions, messenger, chat, Unreachable(reason))  # type: ignore[arg-type]
    assert (row.status, row.last_error) == ("failed", reason)
    assert await unreachable_since(sessions, chat) is not None
    assert messenger.notices == [OperatorNotice("unreachable", appointment_id)]


async def test_refused_fails_without_telling_anyone(sessions: Sessions) -> None:
    messenger = MemoryMessenger()
    row, _ = await deliver_one(sessions, messenger, 8106, Refused("bad_request"))
    assert (row.status, row.last_error) == ("failed", "bad_request")
    assert await unreachable_since(sessions, 8106) is None
    assert messenger.notices == [] and len(messenger.sent) == 1


async def test_temporary_failures_are_retried_then_given_up(sessions: Sessions) -> None:
    messenger = MemoryMessenger()
    row, _ = await deliver_one(sessions, messenger, 8107, TemporaryFailure("network"))
    assert (row.status, row.attempts) == ("sent", 2)
    failing = [TemporaryFailure("network")] * Limits().max_attempts
    row, _ = await deliver_one(sessions, messenger, 8108, *failing)
    assert (row.status, row.last_error, row.attempts) == ("failed", "network", 3)


async def test_a_course_change_waits_for_the_next_run_unless_the_chat_is_gone(
    sessions: Sessions,
) -> None:
    now = utc_now()
    first = now + timedelta(days=10)
    spec = course_spec([first], seats=3)
    refused, vanished, slowed = 8201, 8202, 8203
    async with sessions.begin() as session:
        course_id, _ = await enrolled(session, spec, [refused, vanished, slowed], now)
    moved = first + timedelta(days=1)
    async with sessions.begin() as session:
        edited = dataclasses.replace(spec, sessions=(Lesson(moved, moved + LESSON),))
        assert len((await course_admin.save_course(session, edited, now)).to_tell) == 3
    messenger = MemoryMessenger()
    messenger.answer(refused, Refused("bad_request"))
    messenger.answer(vanished, Unreachable("chat_not_found"))
    messenger.answer(slowed, SlowDown(1.0))
    job = CourseChangeMessenger(
        sessions,
        messenger,
        agenda_config(POLICY),
        load_programme(PROJECT_ROOT / "config" / "programme.yaml"),
        ZONE,
        utc_now,
        marker(sessions),
    )
    assert await job.run() == 0

    async with sessions() as session:
        rows = await session.execute(
            select(Enrolment.change_pending_since, Beneficiary.telegram_id)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Enrolment.course_id == course_id)
        )
        pending = {r.telegram_id: r.change_pending_since is not None for r in rows}
    assert pending == {refused: True, vanished: False, slowed: True}
    assert await unreachable_since(sessions, vanished) is not None
    assert await unreachable_since(sessions, refused) is None

    assert await job.run() == 2  # the two left waiting, now delivered
    assert {s.chat_id for s in messenger.sent if s.outcome.__class__.__name__ == "Delivered"} == {
        refused,
        slowed,
    }
    assert all(s.documents for s in messenger.delivered_to(refused))  # the new calendar
