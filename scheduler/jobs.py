"""APScheduler glue: one date job per pending reminder, kept in the app database.

Jobs live in the `apscheduler_jobs` table (SQLAlchemyJobStore on the blocking engine), so
they survive a restart; the `reminders` rows stay the source of truth and `JobBook.align`
makes the jobs follow them at start-up.

The scheduler runs in its own thread (BackgroundScheduler). Its job store I/O is blocking:
loading 10,000 due jobs and deleting them one by one takes seconds, which on the event
loop (AsyncIOScheduler) would hold up every user's turn meanwhile; in a thread it does
not (bench/reminders.py measures the loop's stalls with both). A job only hands its
reminder id to the loop with `call_soon_threadsafe`; all sending happens there.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from apscheduler.events import EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler

from store.db import create_engine_sync

log = logging.getLogger(__name__)

JOB_PREFIX = "reminder:"
TABLE = "apscheduler_jobs"

Deliver = Callable[[int], None]  # thread-safe: hands a reminder id to the dispatcher

# APScheduler 3 stores a job's callable by its import path ("scheduler.jobs:fire") and its
# arguments by pickling, so the callable must be a module-level function and cannot carry
# the running dispatcher. This one binding, set by ReminderService.start() and cleared by
# stop(), connects the two. Without it (no service running) a job does nothing and its
# row stays pending: the next start-up re-creates the job.
_deliver: Deliver | None = None


def bind(deliver: Deliver | None) -> None:
    global _deliver
    _deliver = deliver


def fire(reminder_id: int) -> None:
    """The job callable: a reminder is due."""
    deliver = _deliver
    if deliver is None:
        log.warning("reminder %d due while no reminder service runs", reminder_id)
        return
    deliver(reminder_id)


def job_id(reminder_id: int) -> str:
    return f"{JOB_PREFIX}{reminder_id}"


def reminder_of(job: str) -> int | None:
    return int(job[len(JOB_PREFIX) :]) if job.startswith(JOB_PREFIX) else None


class JobBook:
    """The scheduler and its persistent store. Every method blocks on the database: call
    them from a thread (`asyncio.to_thread`), not on the event loop."""

    def __init__(
        self,
        database_url: str,
        grace: timedelta,
        *,
        threaded: bool = True,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        """`threaded=False` runs the scheduler on `loop` instead (kept for measurement:
        then every method must be called on the loop's thread, and it blocks it)."""
        self._engine = create_engine_sync(database_url)
        self._grace = grace
        store = SQLAlchemyJobStore(engine=self._engine, tablename=TABLE)
        self.threaded = threaded
        self.scheduler: BaseScheduler = (
            BackgroundScheduler(jobstores={"default": store}, timezone="UTC")
            if threaded
            else AsyncIOScheduler(jobstores={"default": store}, timezone="UTC", event_loop=loop)
        )
        self.scheduler.add_listener(self._missed, EVENT_JOB_MISSED)

    def start_paused(self) -> None:
        """Opens the store (creating its table if needed) without running any job yet, so
        that start-up can align the jobs with the rows first."""
        self.scheduler.start(paused=True)

    def resume(self) -> None:
        self.scheduler.resume()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self._engine.dispose()

    def put(self, reminders: Iterable[tuple[int, datetime]]) -> int:
        """(Re)creates the job of each (reminder id, due time); returns how many."""
        count = 0
        for reminder_id, due in reminders:
            self.scheduler.add_job(
                fire,
                "date",
                run_date=due,
                args=[reminder_id],
                id=job_id(reminder_id),
                replace_existing=True,
                # A job late by less than the grace still runs (the dispatcher checks
                # the grace again when it sends); a later one is reported as missed.
                misfire_grace_time=max(1, int(self._grace.total_seconds())),
                coalesce=True,
            )
            count += 1
        return count

    def drop(self, reminder_ids: Iterable[int]) -> int:
        count = 0
        for reminder_id in reminder_ids:
            try:
                self.scheduler.remove_job(job_id(reminder_id))
                count += 1
            except JobLookupError:
                pass
        return count

    def scheduled(self) -> dict[int, datetime | None]:
        """Reminder id -> next run time of every reminder job in the store."""
        found: dict[int, datetime | None] = {}
        for job in self.scheduler.get_jobs():
            reminder_id = reminder_of(job.id)
            if reminder_id is not None:
                found[reminder_id] = getattr(job, "next_run_time", None)
        return found

    def align(self, pending: dict[int, datetime]) -> tuple[int, int]:
        """Makes the jobs match the pending rows: creates missing or mistimed jobs, removes
        jobs of rows that are no longer pending. Returns (created, removed)."""
        existing = self.scheduled()
        stale = [rid for rid in existing if rid not in pending]
        missing = [(rid, due) for rid, due in pending.items() if not _same(existing.get(rid), due)]
        return self.put(missing), self.drop(stale)

    def _missed(self, event: JobExecutionEvent) -> None:
        # Late beyond the grace (e.g. the machine slept): the dispatcher still sees the
        # row, finds it too late and marks it missed, instead of leaving it pending.
        reminder_id = reminder_of(event.job_id)
        if reminder_id is not None:
            fire(reminder_id)


def _same(run_time: datetime | None, due: datetime) -> bool:
    # The store keeps run times as float timestamps: equal to within a millisecond.
    return run_time is not None and abs((run_time - due).total_seconds()) < 0.001
