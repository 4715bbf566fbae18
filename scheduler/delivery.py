"""Sending due reminders: a paced queue with a few workers, and the row as the ledger.

Why this shape:
- The scheduler's job callbacks only hand a reminder id to `Dispatcher.submit`; the
  workers do the rest, so however many reminders fall due together (10,000 in one minute),
  at most `workers` sends are in flight and a user's turn never waits behind them.
- Never twice: a worker claims its row with a conditional UPDATE (pending -> sending,
  committed) right before the HTTP call, after waiting for its pace slot, and records
  sent -> message_id right after. A duplicate submission, a second job for the same row
  or a reminder moved meanwhile finds no pending row and does nothing. A row left in
  `sending` by a crash may have been delivered, so start-up counts it as sent
  (`reconcile`), never resends it. The ambiguous window is one commit and one HTTP call.
- Never lost: until the claim the row stays pending, and start-up re-creates the job of
  every pending row. A 429 (not delivered) puts the row back to pending at once.
- Still right when sent: the claim re-reads the appointment. Cancelled or moved (the row's
  due time is not what the current start time gives) -> skipped; too late -> missed.
  A course reminder re-reads the enrolment and the lessons: no longer enrolled, course
  withdrawn, or no lesson (or not the first one, unless every lesson is reminded) at the
  start it was planned for -> skipped.

Sending goes through the messaging port (app/ports.py); its outcomes decide the row:
  SlowDown (429)     -> back to pending, everybody pauses `seconds`, then it is sent again
  Unreachable        -> failed; person unreachable; the operators get a notice
  Refused            -> failed (a bug in the message: sending again would not help)
  Uncertain (timeout) -> sent, last_error "timeout": it may have arrived, and twice is worse
  TemporaryFailure (connection refused, 5xx) -> pending again after a pause; failed after
                     `max_attempts`
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal, assert_never

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.planning import FAILED, MISSED, PENDING, SENDING, SENT, SKIPPED, full_plan
from app.ports import (
    Delivered,
    Messenger,
    OperatorNotice,
    Refused,
    SlowDown,
    TemporaryFailure,
    Uncertain,
    Unreachable,
)
from dialogs.agenda import AgendaConfig, Booking, OpenSlot
from dialogs.appointment_texts import reminder_reply
from dialogs.course_texts import course_reminder_reply
from dialogs.model import Reply
from scheduler.pacing import Pacer, Ticket
from store import courses
from store.models import (
    BOOKED,
    ENROLLED,
    Appointment,
    Beneficiary,
    Course,
    CourseSession,
    Enrolment,
    Reminder,
    Slot,
)

log = logging.getLogger(__name__)

MarkUnreachable = Callable[[int], Awaitable[None]]  # (telegram_id)
Clock = Callable[[], datetime]

UNREACHABLE: Final = "unreachable"
UNCONFIRMED: Final = "unconfirmed"
# A job may fire a little before the row's due time by the service's clock (two clocks).
EARLY = timedelta(seconds=5)


@dataclass(frozen=True)
class Limits:
    per_second: float = 30.0  # Telegram's overall cap for a bot
    headroom: float = 0.97  # pace a little below it: a 429 costs a whole second
    per_chat_seconds: float = 1.0
    workers: int = 4  # sends in flight at most
    max_attempts: int = 3  # for network errors that prove the message was not sent
    retry_seconds: float = 5.0


@dataclass(frozen=True)
class _Claimed:
    reminder_id: int
    appointment_id: int | None  # None for a course reminder
    chat_id: int
    reply: Reply
    language: str
    alert_unconfirmed: bool  # the last reminder, still without an answer


class Dispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        messenger: Messenger,
        config: AgendaConfig,
        zone: str,
        clock: Clock,
        mark_unreachable: MarkUnreachable,
        limits: Limits | None = None,
    ) -> None:
        self._sessions = sessions
        self._messenger = messenger
        self._config = config
        self._zone = zone
        self._clock = clock
        self._mark_unreachable = mark_unreachable
        self._limits = limits or Limits()
        self._pacer = Pacer(
            self._limits.per_second,
            headroom=self._limits.headroom,
            per_chat_seconds=self._limits.per_chat_seconds,
        )
        self._queue: asyncio.Queue[int] = asyncio.Queue()
        self._queued: set[int] = set()
        self._workers: list[asyncio.Task[None]] = []
        self._in_flight: set[asyncio.Task[object]] = set()
        self._retries: set[asyncio.TimerHandle] = set()
        self._closing = False

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self._closing = False
        self._workers = [
            asyncio.create_task(self._work(), name=f"reminder-worker-{i}")
            for i in range(self._limits.workers)
        ]

    async def stop(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Sends already claimed finish (so no row is left in `sending`); the rest waits
        pending for the next start."""
        self._closing = True
        for handle in self._retries:
            handle.cancel()
        self._retries.clear()
        for task in self._workers:
            if task not in self._in_flight:
                task.cancel()
        if self._workers:
            _, late = await asyncio.wait(self._workers, timeout=timeout)
            for task in late:
                task.cancel()
            await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []

    def submit(self, reminder_id: int) -> None:
        """Queue a reminder whose time has come. Call it on the event loop's thread; ids
        already waiting are not queued twice (the claim would refuse them anyway)."""
        if self._closing or reminder_id in self._queued:
            return
        self._queued.add(reminder_id)
        self._queue.put_nowait(reminder_id)

    @property
    def idle(self) -> bool:
        return not self._queued and not self._retries

    # --------------------------------------------------------------------- worker

    async def _work(self) -> None:
        while not self._closing:
            reminder_id = await self._queue.get()
            retry_in: float | None = None
            try:
                retry_in = await self._deliver(reminder_id)
            except Exception:
                log.exception("reminder %d: delivery error", reminder_id)
            finally:
                self._queued.discard(reminder_id)
                self._queue.task_done()
            if retry_in is not None:
                self._retry_later(reminder_id, retry_in)

    def _retry_later(self, reminder_id: int, delay: float) -> None:
        if delay <= 0:
            self.submit(reminder_id)
            return
        loop = asyncio.get_running_loop()

        def fire() -> None:
            self._retries.discard(handle)
            self.submit(reminder_id)

        handle = loop.call_later(delay, fire)
        self._retries.add(handle)

    async def _deliver(self, reminder_id: int) -> float | None:
        """One reminder; returns a delay after which to try again, or None when done."""
        chat_id = await self._pending_chat(reminder_id)
        if chat_id is None:
            return None
        await self._pacer.wait_turn(chat_id)
        # The last wait comes before the claim: a reminder is `sending` only for its HTTP
        # call, so a process killed while waiting leaves it pending, to go after a restart.
        ticket = await self._pacer.guard(chat_id)
        task = asyncio.current_task()
        assert task is not None
        self._in_flight.add(task)
        try:
            claimed = await self._claim(reminder_id)
            if claimed is None:
                return None
            return await self._send(claimed, ticket)
        finally:
            self._in_flight.discard(task)

    async def _pending_chat(self, reminder_id: int) -> int | None:
        """A cheap look first: rows already handled don't take a pace slot."""
        async with self._sessions() as session:
            row = (
                await session.execute(
                    select(Reminder.telegram_id).where(
                        Reminder.id == reminder_id, Reminder.status == PENDING
                    )
                )
            ).first()
        return None if row is None else int(row[0])

    # ---------------------------------------------------------------------- claim

    async def _claim(self, reminder_id: int) -> _Claimed | None:
        """pending -> sending, committed, if the reminder is still due and still right."""
        now = self._clock()
        async with self._sessions.begin() as session:
            claimed = await session.execute(
                update(Reminder)
                .where(
                    Reminder.id == reminder_id,
                    Reminder.status == PENDING,
                    Reminder.due_at <= now + EARLY,
                )
                .values(status=SENDING, attempts=Reminder.attempts + 1)
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                return None
            reminder = (
                await session.execute(select(Reminder).where(Reminder.id == reminder_id))
            ).scalar_one()
            if reminder.appointment_id is None:
                return await self._claim_course(session, reminder, now)
            found = (
                await session.execute(
                    select(Appointment, Slot, Beneficiary.language)
                    .join(Slot, Slot.id == Appointment.slot_id)
                    .join(Beneficiary, Beneficiary.id == Appointment.beneficiary_id)
                    .where(Appointment.id == reminder.appointment_id)
                )
            ).one()
            appointment, slot, language = found
            verdict = self._verdict(reminder, appointment, slot, now)
            if verdict is not None:
                reminder.status, reminder.last_error = verdict
                log.info("reminder %d: %s (%s)", reminder_id, *verdict)
                return None
            return self._message(reminder, appointment, slot, language, now)

    async def _claim_course(
        self, session: AsyncSession, reminder: Reminder, now: datetime
    ) -> _Claimed | None:
        """The rest of `_claim` for a reminder before a lesson, in the same transaction."""
        enrolment, course, language = (
            await session.execute(
                select(Enrolment, Course, Beneficiary.language)
                .join(Course, Course.id == Enrolment.course_id)
                .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
                .where(Enrolment.id == reminder.enrolment_id)
            )
        ).one()
        lessons = sorted(
            (
                await session.execute(
                    select(CourseSession.starts_at).where(CourseSession.course_id == course.id)
                )
            ).scalars()
        )
        verdict = self._course_verdict(reminder, enrolment, course, lessons, now)
        if verdict is not None:
            reminder.status, reminder.last_error = verdict
            log.info("reminder %d: %s (%s)", reminder.id, *verdict)
            return None
        view = await courses.course_view(session, course.id, now)
        start = reminder.session_starts_at
        assert view is not None and start is not None  # the course and lesson were just read
        reply = course_reminder_reply(view, start, start - now, self._config, self._zone, language)
        return _Claimed(
            reminder_id=reminder.id,
            appointment_id=None,
            chat_id=reminder.telegram_id,
            reply=reply,
            language=language,
            alert_unconfirmed=False,
        )

    def _verdict(
        self, reminder: Reminder, appointment: Appointment, slot: Slot, now: datetime
    ) -> tuple[str, str] | None:
        """Why the reminder must not go out now, as (status, reason); None if it may."""
        if appointment.status != BOOKED or slot.withdrawn_at is not None:
            return SKIPPED, "not_booked"
        return self._timing_verdict(reminder, slot.starts_at, now)

    def _course_verdict(
        self,
        reminder: Reminder,
        enrolment: Enrolment,
        course: Course,
        lessons: list[datetime],
        now: datetime,
    ) -> tuple[str, str] | None:
        if enrolment.status != ENROLLED or course.withdrawn_at is not None:
            return SKIPPED, "not_enrolled"
        start = reminder.session_starts_at
        if start is None or start not in lessons:
            return SKIPPED, "stale"  # the lesson was moved or removed
        if not course.remind_each_session and start != lessons[0]:
            return SKIPPED, "stale"  # no longer the first lesson
        return self._timing_verdict(reminder, start, now)

    def _timing_verdict(
        self, reminder: Reminder, starts_at: datetime, now: datetime
    ) -> tuple[str, str] | None:
        if now >= starts_at:
            return MISSED, "started"
        if now > reminder.due_at + self._config.reminders.grace:
            return MISSED, "late"
        plan = full_plan(starts_at, self._config.reminders, self._zone)
        expected = next((p.due_utc for p in plan if p.label == reminder.label), None)
        if expected != reminder.due_at:
            # Planned for another start time (moved without replanning) or another policy.
            return SKIPPED, "stale"
        return None

    def _message(
        self,
        reminder: Reminder,
        appointment: Appointment,
        slot: Slot,
        language: str,
        now: datetime,
    ) -> _Claimed:
        policy = self._config.reminders
        last = full_plan(slot.starts_at, policy, self._zone)[-1].label == reminder.label
        booking = Booking(
            id=appointment.id,
            slot=OpenSlot(slot.id, slot.type, slot.starts_at, slot.ends_at, slot.place_id),
            confirmation=appointment.confirmation,
        )
        reply = reminder_reply(booking, slot.starts_at - now, self._config, self._zone, last=last)
        return _Claimed(
            reminder_id=reminder.id,
            appointment_id=appointment.id,
            chat_id=reminder.telegram_id,
            reply=reply,
            language=language,
            alert_unconfirmed=(
                last and policy.alert_unconfirmed and appointment.confirmation is None
            ),
        )

    # ----------------------------------------------------------------------- send

    async def _send(self, claimed: _Claimed, ticket: Ticket) -> float | None:
        rid = claimed.reminder_id
        first = True

        async def pace(chat_id: int) -> None:
            """Right before each HTTP call; more than one message only beyond 4096 chars."""
            nonlocal ticket, first
            if not first:  # the first was guarded before the claim
                ticket = await self._pacer.guard(chat_id)
            first = False
            self._pacer.started(ticket)

        outcome = await self._messenger.send(
            claimed.chat_id, claimed.reply, claimed.language, pace=pace
        )
        match outcome:
            case Delivered(message_id):
                await self._finish(rid, SENT, None, sent_at=self._clock(), message_id=message_id)
                log.info("reminder %d: sent", rid)
                if claimed.alert_unconfirmed and claimed.appointment_id is not None:
                    await self._notice(UNCONFIRMED, claimed.appointment_id)
                return None
            case SlowDown(seconds):
                self._pacer.pause(seconds)
                await self._finish(rid, PENDING, "429", attempts=Reminder.attempts - 1)
                log.warning("reminder %d: 429, all sends pause %.1f s", rid, seconds)
                return 0.0
            case Uncertain():
                await self._finish(rid, SENT, "timeout", sent_at=self._clock())
                log.warning("reminder %d: timed out, counted as sent (never twice)", rid)
                return None
            case Unreachable(reason):
                await self._unreachable(claimed, reason)
                return None
            case Refused():
                await self._finish(rid, FAILED, "bad_request")
                log.error("reminder %d: refused by the Bot API", rid)
                return None
            case TemporaryFailure():
                return await self._network_error(rid)
            case _:
                assert_never(outcome)

    async def _network_error(self, reminder_id: int) -> float | None:
        async with self._sessions() as session:
            attempts = await session.scalar(
                select(Reminder.attempts).where(Reminder.id == reminder_id)
            )
        if (attempts or 0) >= self._limits.max_attempts:
            await self._finish(reminder_id, FAILED, "network")
            log.error("reminder %d: network errors, gave up", reminder_id)
            return None
        await self._finish(reminder_id, PENDING, "network")
        log.warning("reminder %d: network error, will try again", reminder_id)
        return self._limits.retry_seconds

    async def _unreachable(self, claimed: _Claimed, reason: str) -> None:
        await self._finish(claimed.reminder_id, FAILED, reason)
        log.info("reminder %d: %s, person unreachable", claimed.reminder_id, reason)
        try:
            await self._mark_unreachable(claimed.chat_id)
        except Exception:
            log.exception("reminder %d: could not mark unreachable", claimed.reminder_id)
        if claimed.appointment_id is not None:  # the agenda desk knows appointments only
            await self._notice(UNREACHABLE, claimed.appointment_id)

    async def _notice(
        self, kind: Literal["unreachable", "unconfirmed"], appointment_id: int
    ) -> None:
        try:
            await self._messenger.notify_operators(OperatorNotice(kind, appointment_id))
        except Exception:
            log.exception("notice %s for appointment %d failed", kind, appointment_id)

    async def _finish(
        self, reminder_id: int, status: str, error: str | None, **values: object
    ) -> None:
        """Leaves `sending`. Conditional: if the turn re-planned the row meanwhile (pending
        again for a new date), the new plan wins and this outcome is dropped."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Reminder)
                .where(Reminder.id == reminder_id, Reminder.status == SENDING)
                .values(status=status, last_error=error, **values)
                .execution_options(synchronize_session=False)
            )
