"""Appointment and course reminders: the API the turn code and the composition root use.

Inside a turn's transaction (never commits):
    await reminders.plan(session, appointment_id, telegram_id, starts_at, policy, now, zone)
    await reminders.cancel(session, appointment_id)
    await reminders.plan_course(session, enrolment_id, telegram_id, lesson_starts, ...)
    await reminders.cancel_course(session, enrolment_id)
After that transaction commits:
    await service.sync([appointment_id], [enrolment_id])

`ReminderService` runs in the bot process: `start()` reconciles the rows, aligns the
scheduler's persistent jobs with them and starts sending; `stop()` lets claimed sends
finish. It sends through the messaging port (app/ports.py: people and the operators'
group), never through bot/. Modules: app.planning (rows), reconcile (start-up), jobs
(APScheduler), delivery (paced sending), pacing (flood limits).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.planning import PENDING, cancel, cancel_course, plan, plan_course
from app.ports import Messenger
from dialogs.agenda import AgendaConfig
from scheduler import jobs
from scheduler.delivery import Clock, Dispatcher, Limits, MarkUnreachable
from scheduler.reconcile import Reconciliation, reconcile
from store.models import Reminder

__all__ = [
    "Limits",
    "Reconciliation",
    "ReminderService",
    "cancel",
    "cancel_course",
    "plan",
    "plan_course",
]

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReminderService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        database_url: str,
        messenger: Messenger,
        config: AgendaConfig,
        zone: str,
        clock: Clock,
        mark_unreachable: MarkUnreachable,
        *,
        limits: Limits | None = None,
        threaded: bool = True,
    ) -> None:
        self._sessions = sessions
        self._database_url = database_url
        self._config = config
        self._zone = zone
        self._clock = clock
        self._threaded = threaded
        self.dispatcher = Dispatcher(
            sessions, messenger, config, zone, clock, mark_unreachable, limits
        )
        self._book: jobs.JobBook | None = None

    async def start(self) -> Reconciliation:
        loop = asyncio.get_running_loop()
        self._book = jobs.JobBook(
            self._database_url, self._config.reminders.grace, threaded=self._threaded, loop=loop
        )
        self.dispatcher.start()
        # Jobs run on the scheduler's threads; the dispatcher lives on this loop.
        jobs.bind(
            lambda reminder_id: loop.call_soon_threadsafe(self.dispatcher.submit, reminder_id)
        )
        book = self._book
        await self._blocking(book.start_paused)
        now = self._clock()
        report = await reconcile(self._sessions, self._config.reminders, self._zone, now)
        # What is already due goes out now, oldest first: after a crash thousands may be
        # waiting, and aligning the job store (every job unpickled) took seconds. Their
        # jobs still fire later; the dispatcher ignores an id already queued, and the claim
        # refuses one already sent.
        for reminder_id, due in sorted(report.pending.items(), key=lambda item: item[1]):
            if due <= now:
                self.dispatcher.submit(reminder_id)
        report.jobs_created, report.jobs_removed = await self._blocking(
            lambda: book.align(report.pending)
        )
        book.resume()
        log.info("reminders started: %s", report.summary())
        return report

    async def sync(self, appointment_ids: Iterable[int], enrolment_ids: Iterable[int] = ()) -> None:
        """After the turn's commit: the jobs of these appointments' and course enrolments'
        reminders follow their rows."""
        ids, enrolments = list(appointment_ids), list(enrolment_ids)
        if not (ids or enrolments) or self._book is None:
            return
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    select(Reminder.id, Reminder.status, Reminder.due_at).where(
                        or_(Reminder.appointment_id.in_(ids), Reminder.enrolment_id.in_(enrolments))
                    )
                )
            ).all()
        pending = [(rid, due) for rid, status, due in rows if status == PENDING]
        others = [rid for rid, status, _ in rows if status != PENDING]
        book = self._book
        await self._blocking(lambda: (book.put(pending), book.drop(others)))

    async def adopt(self) -> int:
        """Jobs for pending rows written by another process (an operator booking from
        the CLI): run now and then. The claim before each send keeps this safe against
        a row that is already on its way. Returns how many jobs were created."""
        if self._book is None:
            return 0
        async with self._sessions() as session:
            rows = await session.execute(
                select(Reminder.id, Reminder.due_at).where(Reminder.status == PENDING)
            )
            pending = {rid: due for rid, due in rows.all()}
        book = self._book
        created, _ = await self._blocking(lambda: book.align(pending))
        if created:
            log.info("reminders adopted count=%d", created)
        return created

    async def stop(self) -> None:
        book, self._book = self._book, None
        if book is not None:
            await self._blocking(book.shutdown)
        jobs.bind(None)
        await self.dispatcher.stop()

    async def _blocking(self, call: Callable[[], T]) -> T:
        """Job store I/O: in a thread with the threaded scheduler, which is the point of it;
        inline with the asyncio one (it must run on the loop; kept only to measure)."""
        if self._threaded:
            return await asyncio.to_thread(call)
        return call()
