"""Course reminders and change notices sent for real: the reminder service (APScheduler,
job store in the app database), a real PTB Bot and the Bot API emulator.

Each test runs on SQLite and on PostgreSQL. Reminders fall due a couple of seconds after
planning (no quiet hours in these policies, so the tests pass at any time of day).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, time, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select, update
from telegram import Bot

from app.catalogue import Catalogue
from app.planning import lessons_to_remind
from bot.messenger import TelegramMessenger
from dialogs.agenda import ReminderPolicy
from scheduler.course_changes import CourseChangeMessenger
from scheduler.pacing import Pacer
from scheduler.reminders import ReminderService, plan_course
from store import conversations, course_admin, courses
from store.course_import import Lesson
from store.models import Beneficiary, CourseSession, Enrolment, Reminder
from store.programme import load_programme
from store.settings import PROJECT_ROOT, Settings
from tests.course_reminder_data import LESSON, course_reminders, course_spec, enrolled, person
from tests.emulator.server import BotApiEmulator
from tests.reminder_data import ZONE, agenda_config

NO_QUIET = ReminderPolicy(quiet_start=time(0, 0), quiet_end=time(0, 0))
DUE_IN = timedelta(seconds=2)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Recorder:
    """Stands in for the operators' notices and the reminder sync: records the calls."""

    def __init__(self) -> None:
        self.seen: list[object] = []

    async def __call__(self, *args: object) -> None:
        self.seen.append(args)


@pytest.fixture
def notices() -> Recorder:
    return Recorder()


def unreachable_marker(sessions):  # type: ignore[no-untyped-def]
    async def mark(telegram_id: int) -> None:
        async with sessions.begin() as session:
            await conversations.mark_unreachable(session, telegram_id, utc_now())

    return mark


@pytest.fixture
async def service(  # type: ignore[no-untyped-def]
    sessions, database_url: str, bot: Bot, catalogue: Catalogue, notices: Recorder
) -> AsyncIterator[ReminderService]:
    started = ReminderService(
        sessions,
        database_url,
        TelegramMessenger(bot, catalogue, operators=notices, server_error_retries=0),
        agenda_config(NO_QUIET),
        ZONE,
        utc_now,
        unreachable_marker(sessions),
    )
    await started.start()
    yield started
    await started.stop()


async def enrol_and_plan(  # type: ignore[no-untyped-def]
    sessions, service: ReminderService, code: str, telegram_ids: Sequence[int], *, each=False
) -> list[int]:
    """People enrolled in a new course whose one lesson's 2 h reminder is due in 2 s."""
    now = utc_now()
    lessons = [now + timedelta(hours=2) + DUE_IN]
    async with sessions.begin() as session:
        _, ids = await enrolled(session, course_spec(lessons, code=code), telegram_ids, now)
        for telegram_id, enrolment_id in zip(telegram_ids, ids, strict=True):
            starts = lessons_to_remind(lessons, each)
            await plan_course(session, enrolment_id, telegram_id, starts, NO_QUIET, now, ZONE)
    await service.sync((), ids)
    return ids


async def settled(sessions, enrolment_ids: list[int], timeout: float = 30) -> list[Reminder]:  # type: ignore[no-untyped-def]  # noqa: ASYNC109
    """Waits until none of these enrolments' reminders is pending or sending."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        async with sessions() as session:
            rows = list(
                (
                    await session.execute(
                        select(Reminder).where(Reminder.enrolment_id.in_(enrolment_ids))
                    )
                ).scalars()
            )
        if rows and all(r.status not in ("pending", "sending") for r in rows):
            return rows
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still open: {[(r.id, r.status) for r in rows]}")
        await asyncio.sleep(0.1)


async def test_a_course_reminder_is_sent_once_with_my_courses(  # type: ignore[no-untyped-def]
    sessions, service, emulator: BotApiEmulator, notices: Recorder
) -> None:
    [enrolment_id] = await enrol_and_plan(sessions, service, "magazzino", [7101])

    [row] = await settled(sessions, [enrolment_id])
    [message] = emulator.sent_messages(7101)
    assert (row.label, row.status, row.message_id, row.attempts) == (
        "2h",
        "sent",
        message.message_id,
        1,
    )
    assert "Promemoria" in message.text and "«Magazziniere»" in message.text
    assert "Via Goldaniga 11" in message.text
    assert next(data for line in message.buttons for _, data in line) == "co-mine:"
    await service.adopt()  # a later sweep finds nothing left to send
    await asyncio.sleep(0.5)
    assert len(emulator.sent_messages(7101)) == 1
    assert notices.seen == []  # the agenda desk hears about appointments only


async def test_no_reminder_after_leaving_or_when_the_lesson_moved(  # type: ignore[no-untyped-def]
    sessions, service, emulator: BotApiEmulator
) -> None:
    [left_quietly] = await enrol_and_plan(sessions, service, "pulizie", [7102])
    [moved] = await enrol_and_plan(sessions, service, "haccp", [7103])
    [withdrew] = await enrol_and_plan(sessions, service, "italiano", [7104])
    async with sessions.begin() as session:
        # Changed without telling the reminders: the sender must notice by itself.
        await session.execute(
            update(Enrolment).where(Enrolment.id == left_quietly).values(status="withdrawn")
        )
        course_id = (await session.get(Enrolment, moved)).course_id  # type: ignore[union-attr]
        lessons = await session.execute(
            select(CourseSession).where(CourseSession.course_id == course_id)
        )
        for lesson in lessons.scalars():
            lesson.starts_at += timedelta(days=1)
        withdrawn_from = (await session.get(Enrolment, withdrew)).course_id  # type: ignore[union-attr]
        await courses.withdraw(session, 7104, withdrawn_from, utc_now())
    await service.sync((), [withdrew])

    rows = await settled(sessions, [left_quietly, moved, withdrew])
    assert sorted((r.enrolment_id, r.status, r.last_error) for r in rows) == [
        (left_quietly, "skipped", "not_enrolled"),
        (moved, "skipped", "stale"),
        (withdrew, "skipped", "withdrawn"),
    ]
    await asyncio.sleep(0.5)
    assert emulator.sent_messages() == []


def messenger(sessions, bot: Bot, catalogue: Catalogue, sync) -> CourseChangeMessenger:  # type: ignore[no-untyped-def]
    paced = Pacer(per_second=20.0)
    return CourseChangeMessenger(
        sessions,
        TelegramMessenger(bot, catalogue),
        agenda_config(NO_QUIET),
        load_programme(PROJECT_ROOT / "config" / "programme.yaml"),
        ZONE,
        utc_now,
        unreachable_marker(sessions),
        sync_reminders=sync,
        pace=paced.wait_turn,
    )


async def test_an_edited_course_is_told_once_to_each_person_with_a_new_calendar(  # type: ignore[no-untyped-def]
    sessions, bot: Bot, catalogue: Catalogue, emulator: BotApiEmulator
) -> None:
    now = utc_now()
    first = now + timedelta(days=10)
    lessons = [first, first + timedelta(days=2)]
    spec = course_spec(lessons, seats=3)
    enrolled_people, blocked, in_line = [7111, 7112, 7113], 7113, 7114
    async with sessions.begin() as session:
        course_id, ids = await enrolled(session, spec, enrolled_people, now)
        for telegram_id, enrolment_id in zip(enrolled_people, ids, strict=True):
            await plan_course(session, enrolment_id, telegram_id, lessons[:1], NO_QUIET, now, ZONE)
        await person(session, in_line, now)
        assert (await courses.enrol(session, in_line, course_id, now)).status == "waiting"
    emulator.block_user(blocked)
    moved = first + timedelta(days=1)
    edited = dataclasses.replace(spec, sessions=(Lesson(moved, moved + LESSON), spec.sessions[1]))
    async with sessions.begin() as session:
        change = await course_admin.save_course(session, edited, now)
    assert len(change.to_tell) == 4

    synced = Recorder()
    job = messenger(sessions, bot, catalogue, synced)
    assert await job.run() == 3
    assert await job.run() == 0  # a second run: nothing left to tell

    for chat in enrolled_people[:2]:
        notice, document = emulator.sent_messages(chat)
        assert notice.method == "sendMessage" and "è cambiato" in notice.text
        assert document.method == "sendDocument" and "calendario" in document.text
    [told_in_line] = emulator.sent_messages(in_line)
    assert told_in_line.method == "sendMessage"  # waiting: no calendar yet
    assert emulator.sent_messages(blocked) == []
    uploads = [c.files["document"] for c in emulator.calls_to("sendDocument") if c.ok]
    assert [u.filename for u in uploads] == ["corso.ics", "corso.ics"]
    events = Calendar.from_ical(uploads[0].data).walk("VEVENT")
    assert {int(e["SEQUENCE"]) for e in events} == {1}
    assert min(e.decoded("DTSTART") for e in events) == moved.replace(microsecond=0)

    async with sessions() as session:
        flags = await session.execute(
            select(Enrolment.change_pending_since).where(Enrolment.course_id == course_id)
        )
        assert set(flags.scalars()) == {None}
        gone = await session.execute(
            select(Beneficiary.unreachable_since).where(Beneficiary.telegram_id == blocked)
        )
        assert gone.scalar_one() is not None
        rows = await course_reminders(session, ids[0])
    assert {key: r.status for key, r in rows.items()} == {
        (first, "24h"): "skipped",
        (first, "2h"): "skipped",
        (moved, "24h"): "pending",
        (moved, "2h"): "pending",
    }
    assert synced.seen == [(ids,)]


async def test_a_withdrawn_course_is_told_once_with_a_cancelled_calendar(  # type: ignore[no-untyped-def]
    sessions, bot: Bot, catalogue: Catalogue, emulator: BotApiEmulator
) -> None:
    now = utc_now()
    first = now + timedelta(days=10)
    spec = course_spec([first], seats=1)
    async with sessions.begin() as session:
        course_id, [enrolment_id] = await enrolled(session, spec, [7211], now)
        await plan_course(session, enrolment_id, 7211, [first], NO_QUIET, now, ZONE)
        await person(session, 7212, now)
        assert (await courses.enrol(session, 7212, course_id, now)).status == "waiting"
    async with sessions.begin() as session:
        done = await course_admin.withdraw_course(session, course_id, now)
    assert len(done.to_tell) == 2

    job = messenger(sessions, bot, catalogue, Recorder())
    assert await job.run() == 2
    assert await job.run() == 0  # told once

    notice, document = emulator.sent_messages(7211)
    assert "è annullato" in notice.text and document.method == "sendDocument"
    upload = next(c.files["document"] for c in emulator.calls_to("sendDocument") if c.ok)
    assert str(Calendar.from_ical(upload.data)["METHOD"]) == "CANCEL"
    [waiting_told] = emulator.sent_messages(7212)
    assert "è annullato" in waiting_told.text
    async with sessions() as session:
        rows = await course_reminders(session, enrolment_id)
    assert {r.status for r in rows.values()} == {"skipped"}


async def test_a_person_the_office_takes_off_is_told_once_and_others_are_not(  # type: ignore[no-untyped-def]
    sessions, bot: Bot, catalogue: Catalogue, emulator: BotApiEmulator
) -> None:
    from app.course_admin import CourseAdmin

    now = utc_now()
    first = now + timedelta(days=10)
    spec = course_spec([first], seats=2)
    async with sessions.begin() as session:
        course_id, _ = await enrolled(session, spec, [7311, 7312], now)
    # 7311 is taken off by the office; 7312 leaves by themselves through the bot.
    admin = CourseAdmin.from_settings(sessions, Settings(_env_file=None))
    assert (await admin.withdraw_person(course_id, 7311, "web:1", now)).done
    async with sessions.begin() as session:
        await courses.withdraw(session, 7312, course_id, now)

    job = messenger(sessions, bot, catalogue, Recorder())
    assert await job.run() == 1
    assert await job.run() == 0  # told once
    [notice] = emulator.sent_messages(7311)
    assert "L'ufficio ti ha tolto dal corso" in notice.text
    assert "Parla con una persona" in notice.text
    assert emulator.sent_messages(7312) == []


async def test_a_refused_notice_waits_for_the_next_run_and_a_vanished_chat_does_not(  # type: ignore[no-untyped-def]
    sessions, bot: Bot, catalogue: Catalogue, emulator: BotApiEmulator
) -> None:
    now = utc_now()
    first = now + timedelta(days=10)
    spec = course_spec([first], seats=2)
    refused, vanished = 7311, 7312
    async with sessions.begin() as session:
        course_id, _ = await enrolled(session, spec, [refused, vanished], now)
    moved = first + timedelta(days=1)
    async with sessions.begin() as session:
        edited = dataclasses.replace(spec, sessions=(Lesson(moved, moved + LESSON),))
        assert len((await course_admin.save_course(session, edited, now)).to_tell) == 2

    # The first send (to the first person) is refused for a reason that is not theirs;
    # the second person's chat no longer exists.
    emulator.fail_next("sendMessage", status=400, description="Bad Request: message is too long")
    emulator.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    job = messenger(sessions, bot, catalogue, Recorder())
    assert await job.run() == 0

    async with sessions() as session:
        rows = await session.execute(
            select(
                Beneficiary.telegram_id,
                Beneficiary.unreachable_since,
                Enrolment.change_pending_since,
            )
            .join(Enrolment, Enrolment.beneficiary_id == Beneficiary.id)
            .where(Enrolment.course_id == course_id)
        )
        state = {r.telegram_id: (r.unreachable_since, r.change_pending_since) for r in rows}
    assert state[refused][0] is None and state[refused][1] is not None  # still to tell
    assert state[vanished][0] is not None and state[vanished][1] is None  # gone: not retried

    assert await job.run() == 1
    notice, _ = emulator.sent_messages(refused)
    assert "è cambiato" in notice.text
