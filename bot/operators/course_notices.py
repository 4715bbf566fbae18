"""Course enrolments told to the operators' group: who signed up, waits, left or took a
freed seat. One plain line each (no parse mode: a display name cannot become markup)."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot

from app.catalogue import Catalogue
from store.models import Beneficiary, Course, Enrolment

log = logging.getLogger(__name__)

NOTICES = {
    "enrolled": "op-co-enrolled",
    "waiting": "op-co-waiting",
    "withdrawn": "op-co-withdrawn",
    "accepted": "op-co-accepted",
}


class CourseNotices:
    def __init__(
        self,
        bot: Bot,
        group_id: int,
        sessions: async_sessionmaker[AsyncSession],
        catalogue: Catalogue,
    ) -> None:
        self._bot = bot
        self._group_id = group_id
        self._sessions = sessions
        self._catalogue = catalogue

    async def notify(self, kind: str, enrolment_id: int) -> bool:
        """False when there is nothing to say (the person was erased meanwhile)."""
        async with self._sessions() as session:
            row = (
                await session.execute(
                    select(Enrolment, Course, Beneficiary)
                    .join(Course, Course.id == Enrolment.course_id)
                    .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
                    .where(Enrolment.id == enrolment_id)
                )
            ).first()
        if row is None:
            return False
        _, course, person = row
        text = self._catalogue.render(
            NOTICES[kind],
            "it",
            {
                # Strings, not numbers: Fluent would print an id as "1.234.567".
                "name": person.display_name or self._catalogue.render("op-ap-someone", "it"),
                "id": str(person.telegram_id),
                "course": course.title,
                "taken": str(course.seats_taken),
                "seats": str(course.seats),
            },
        )
        await self._bot.send_message(self._group_id, text)
        log.info("course notice kind=%s", kind)
        return True
