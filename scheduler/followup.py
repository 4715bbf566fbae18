"""The six-month follow-up: ask, once, the people who agreed at their exit.

Every few minutes (runtime/telegram.py) the job looks for follow-ups due by today
(store.followup.due: consent given, not asked, not recorded by an operator, the person
still reachable) and, only in daytime and not on a Sunday (app.followup.may_ask_now, the
reminders' quiet hours), sends each person `dialogs.followup.question()` in their language.

Never twice: each follow-up is claimed (`followup_asked_at`, committed) before its message
goes out, as the reminders are. A crash between the send and anything after it leaves the
claim, so the question is not sent again; the window where it may be lost instead is one
HTTP round trip. Only an outcome that surely did not deliver (a flood limit, a refused
connection) gives the claim back for the next run, and ends this one: the next person
would meet the same limit. A person who blocked the bot is marked unreachable and not
asked again; their answer, if they come back, can still be recorded by an operator.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.followup import ASKED_METRIC, may_ask_now
from app.ports import Delivered, People, SlowDown, TemporaryFailure, Unreachable
from dialogs.followup import question
from store import followup, privacy

log = logging.getLogger(__name__)

MarkUnreachable = Callable[[int], Awaitable[None]]  # (telegram_id)


class FollowUpMessenger:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        people: People,
        zone: str,
        clock: Callable[[], datetime],
        mark_unreachable: MarkUnreachable,
        quiet_start: time = time(21, 0),
        quiet_end: time = time(8, 0),
    ) -> None:
        self._sessions = sessions
        self._people = people
        self._zone = zone
        self._clock = clock
        self._mark_unreachable = mark_unreachable
        self._quiet = (quiet_start, quiet_end)

    async def run(self) -> int:
        """Asks whoever is due; returns how many questions arrived."""
        now = self._clock()
        if not may_ask_now(now, self._zone, *self._quiet):
            return 0
        today = now.astimezone(ZoneInfo(self._zone)).date()
        async with self._sessions() as session:
            pending = await followup.due(session, today)
        asked = 0
        for due in pending:
            outcome = await self._ask(due)
            if outcome is None:
                continue
            if isinstance(outcome, Delivered):
                asked += 1
            elif isinstance(outcome, SlowDown | TemporaryFailure):
                break
        if asked:
            log.info("follow-up questions sent count=%d", asked)
        return asked

    async def _ask(self, due: followup.Due) -> object:
        now = self._clock()
        async with self._sessions.begin() as session:
            if not await followup.claim(session, due.record_id, now):
                return None  # another run, or an operator, got there first
            await privacy.count(session, ASKED_METRIC, now)
        outcome = await self._people.send(due.telegram_id, question(), due.language)
        if isinstance(outcome, Unreachable):
            await self._mark_unreachable(due.telegram_id)
        elif isinstance(outcome, SlowDown | TemporaryFailure):
            async with self._sessions.begin() as session:
                await followup.unclaim(session, due.record_id, now)
            log.warning("follow-up not sent record=%d: %s", due.record_id, type(outcome).__name__)
        elif not isinstance(outcome, Delivered):
            # Uncertain (it may have arrived) or refused (it would be again): never twice.
            log.warning("follow-up in doubt record=%d: %s", due.record_id, type(outcome).__name__)
        return outcome
