"""The daily retention job: old profiles are erased, as the privacy notice promises.

It runs in the bot process on APScheduler's asyncio scheduler. The job itself is a plain
coroutine over the database, so a test can run it with any clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store import durable, privacy

log = logging.getLogger(__name__)

RETENTION_JOB_ID = "daily-retention"
# Finished inbox and outbox rows (their texts are already gone) are kept this long: Telegram
# may redeliver an update for up to a day, and a kept row stops its turn running twice.
DURABLE_ROWS_DAYS = 2


class Retention:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        inactive_months: int,
        idle_days: int,
        message_days: int = 90,
        clock: Callable[[], datetime],
    ) -> None:
        self._message_days = message_days
        self._sessions = sessions
        self._inactive_months = inactive_months
        self._idle_days = idle_days
        self._clock = clock

    async def run(self) -> dict[str, int]:
        now = self._clock()
        async with self._sessions.begin() as session:
            done = await privacy.apply_retention(
                session,
                now,
                inactive_months=self._inactive_months,
                idle_days=self._idle_days,
                message_days=self._message_days,
            )
            return done | await durable.prune(session, now - timedelta(days=DURABLE_ROWS_DAYS))


def start_maintenance(retention: Retention, timezone: str) -> AsyncIOScheduler:
    """Every night at 03:15 local time, when nobody is chatting."""
    scheduler = AsyncIOScheduler(timezone=timezone)
    scheduler.add_job(
        retention.run,
        CronTrigger(hour=3, minute=15, timezone=timezone),
        id=RETENTION_JOB_ID,
        replace_existing=True,
        coalesce=True,
        misfire_grace_time=6 * 3600,
    )
    scheduler.start()
    return scheduler
