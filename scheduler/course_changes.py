"""Course edits: tell the people in the course that dates or place changed.

An operator's edit (CLI or import, where no bot runs) only flags the live enrolments
(`enrolments.change_pending_since`, set by `store.course_admin.update_course`). This job finds
the flagged ones and, for each person, sends `co-changed` with the new first lesson and
place; the enrolled also get the updated "corso.ics" and have their reminders replanned
for the new lessons. Then the flag is cleared, if no newer edit set it again meanwhile.

Told at least once: the flag is cleared after the messages went out, so a crash between
the two tells the person again at the next run (better than a move nobody hears about).
A person who blocked the bot (or whose chat is gone) is marked unreachable and the flag is
cleared; any other outcome of the messaging port (app/ports.py) leaves the flag for the
next run. The notice and the calendar go to the same chat, so the `pace` given here spaces
them (one a second in a chat, as Telegram wants) whatever rate limiter the bot has.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.enrolments import course_calendar, plan_reminders
from app.export_doc import Document
from app.ports import Delivered, Pace, People, Unreachable
from dialogs.agenda import AgendaConfig
from dialogs.course_texts import course_cancelled_reply, course_changed_reply, course_removed_reply
from dialogs.model import Reply
from store import conversations, courses
from store.courses import COURSE_OFF, WITHDRAWN
from store.models import ENROLLED, Enrolment
from store.programme import Programme

log = logging.getLogger(__name__)

# After the commit: the reminder jobs of these enrolments follow their rows.
SyncReminders = Callable[[Sequence[int]], Awaitable[None]]
MarkUnreachable = Callable[[int], Awaitable[None]]  # (telegram_id)


class NotSent(Exception):
    """The platform did not take the notice now (flood limit, network, a refusal)."""


class CourseChangeMessenger:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        people: People,
        config: AgendaConfig,
        programme: Programme,
        zone: str,
        clock: Callable[[], datetime],
        mark_unreachable: MarkUnreachable,
        sync_reminders: SyncReminders | None = None,
        pace: Pace | None = None,
    ) -> None:
        self._sessions = sessions
        self._people = people
        self._mark_unreachable = mark_unreachable
        self._pace = pace
        self._config = config
        self._programme = programme
        self._zone = zone
        self._clock = clock
        self._sync = sync_reminders

    async def run(self) -> int:
        """Tells everyone flagged by a course edit; returns how many people were told."""
        async with self._sessions() as session:
            pending = await courses.untold_changes(session)
        told = 0
        replanned: list[int] = []
        for change in pending:
            try:
                if await self._tell(change):
                    told += 1
            except NotSent as exc:  # 429, network, refused: the flag stays, next run retries
                log.warning("course change not sent enrolment=%d: %s", change.enrolment_id, exc)
                continue
            if change.status == ENROLLED:
                replanned.append(change.enrolment_id)
        if replanned and self._sync is not None:
            await self._sync(replanned)
        if told:
            log.info("course changes told count=%d", told)
        return told

    async def _tell(self, change: courses.ChangeToTell) -> bool:
        """Sends the notice (and .ics), then replans and clears the flag in one transaction.
        False when there was nothing to send (no lessons left, or the person is unreachable)."""
        now = self._clock()
        async with self._sessions() as session:
            card = await courses.get(session, change.course_id, now)
            view = await courses.course_view(session, change.course_id, now)
            person = await conversations.find_beneficiary(session, change.telegram_id)
            enrolment = await session.get(Enrolment, change.enrolment_id)
        language = person.language if person is not None else "it"
        sent = False
        if change.removed and view is not None:
            reply = course_removed_reply(view, self._config, language)
            sent = await self._send(change.telegram_id, language, reply, None)
        elif change.status in (WITHDRAWN, COURSE_OFF) and view is not None and enrolment:
            # The whole course is off: an apology, and the lessons out of the calendar of
            # those who had them in it.
            document = None
            if change.status == COURSE_OFF and card is not None and card.sessions:
                document = course_calendar(
                    card, enrolment.id, enrolment.ics_sequence, self._config,
                    self._programme, "CANCEL", language,
                )  # fmt: skip
            reply = course_cancelled_reply(view, self._config, language)
            sent = await self._send(change.telegram_id, language, reply, document)
        elif card is not None and view is not None and enrolment is not None and card.sessions:
            document = None
            if change.status == ENROLLED:
                document = course_calendar(
                    card,
                    enrolment.id,
                    enrolment.ics_sequence,
                    self._config,
                    self._programme,
                    "REQUEST",
                    language,
                )
            reply = course_changed_reply(view, self._config, self._zone, language)
            sent = await self._send(change.telegram_id, language, reply, document)
        async with self._sessions.begin() as session:
            if card is not None and change.status == ENROLLED:
                who = change.telegram_id
                config, zone = self._config, self._zone
                await plan_reminders(session, change.enrolment_id, who, card, config, now, zone)
            await courses.mark_change_told(session, change.enrolment_id, change.since)
        return sent

    async def _send(
        self, chat_id: int, language: str, reply: Reply, document: Document | None
    ) -> bool:
        documents = (document,) if document is not None else ()
        outcome = await self._people.send(chat_id, reply, language, documents, pace=self._pace)
        if isinstance(outcome, Unreachable):
            await self._mark_unreachable(chat_id)
            return False
        if not isinstance(outcome, Delivered):
            raise NotSent(type(outcome).__name__)
        return True
