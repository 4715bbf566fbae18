"""Seats freed in a full course: offer them to the next in line, and let offers expire.

Whoever frees a seat (a withdrawal in a turn, an operator's edit from the CLI, an
erasure, an offer that expired or was declined) only records the offer; this job finds
offers not yet sent, messages each person with Accetto / Rinuncio, and marks them sent.
So an offer is made once, whichever process freed the seat, and survives a restart.

A person who blocked the bot is marked unreachable and the offer counts as sent: it runs
out and passes to the next in line by itself. Any other failure leaves the offer unsent and
ends this run (a flood limit or a network failure would hit the next offer too).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.ports import Delivered, People, Unreachable
from dialogs.agenda import AgendaConfig
from dialogs.course_view import OFFERED
from dialogs.courses import offer_reply
from store import conversations, courses

log = logging.getLogger(__name__)

MarkUnreachable = Callable[[int], Awaitable[None]]  # (telegram_id)


class NotSent(Exception):
    """The platform did not take the offer now; it stays unsent for the next run."""


class OfferMessenger:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        people: People,
        config: AgendaConfig,
        zone: str,
        clock: Callable[[], datetime],
        mark_unreachable: MarkUnreachable,
    ) -> None:
        self._sessions = sessions
        self._people = people
        self._mark_unreachable = mark_unreachable
        self._config = config
        self._zone = zone
        self._clock = clock

    async def run(self) -> int:
        """Expires overdue offers (passing their seats on), then sends the unsent ones."""
        now = self._clock()
        async with self._sessions.begin() as session:
            expired = await courses.expire_offers(session, now, self._config.offer_window)
            pending = await courses.unsent_offers(session, now)
        if expired:
            log.info("course offers expired count=%d", len(expired))
        sent = 0
        for offer in pending:
            try:
                sent += await self._send(offer.telegram_id, offer.enrolment_id, offer.course_id)
            except NotSent as exc:
                log.warning("course offer not sent enrolment=%d: %s", offer.enrolment_id, exc)
                break
        return sent

    async def _send(self, telegram_id: int, enrolment_id: int, course_id: int) -> int:
        now = self._clock()
        async with self._sessions() as session:
            view = await courses.load_courses(session, telegram_id, now)
            person = await conversations.find_beneficiary(session, telegram_id)
        course, enrolment = view.course(course_id), view.enrolment(enrolment_id)
        if (
            course is None
            or enrolment is None
            or enrolment.status != OFFERED
            or enrolment.offer_expires is None
        ):
            return 0
        language = person.language if person is not None else "it"
        reply = offer_reply(course, enrolment, self._config, self._zone, language)
        outcome = await self._people.send(telegram_id, reply, language)
        if isinstance(outcome, Unreachable):
            await self._mark_unreachable(telegram_id)
        elif not isinstance(outcome, Delivered):
            raise NotSent(type(outcome).__name__)
        async with self._sessions.begin() as session:
            await courses.mark_offer_sent(session, enrolment_id, self._clock())
        log.info("course offer sent enrolment=%d", enrolment_id)
        return 1
