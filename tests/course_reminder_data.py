"""Courses with lessons and enrolled people, for the course reminder and change tests.

Made through the store (`save_course`, `enrol`), as the CLI and the turns leave them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store import course_admin, courses
from store.course_import import CourseSpec, Lesson
from store.models import Beneficiary, Reminder
from tests.reminder_data import VENUE

LESSON = timedelta(hours=3)


def course_spec(
    starts: Sequence[datetime], *, code: str = "magazzino", seats: int = 10, each: bool = False
) -> CourseSpec:
    return CourseSpec(
        code=code,
        title="Magazziniere",
        description="Per chi vuole lavorare in magazzino.",
        category="logistica",
        place_id=VENUE.id,
        seats=seats,
        contact="Giulia",
        sessions=tuple(Lesson(s, s + LESSON) for s in starts),
        remind_each_session=each,
    )


async def person(session: AsyncSession, telegram_id: int, now: datetime) -> None:
    session.add(
        Beneficiary(
            telegram_id=telegram_id,
            language="it",
            consent_version="test",
            consent_at=now,
            created_at=now,
            last_seen_at=now,
        )
    )
    await session.flush()


async def enrolled(
    session: AsyncSession, spec: CourseSpec, telegram_ids: Sequence[int], now: datetime
) -> tuple[int, list[int]]:
    """The course (created if needed) and one enrolment per person, in order."""
    course_id = (await course_admin.save_course(session, spec, now)).course_id
    ids = []
    for telegram_id in telegram_ids:
        await person(session, telegram_id, now)
        ids.append((await courses.enrol(session, telegram_id, course_id, now)).id)
    return course_id, ids


async def course_reminders(
    session: AsyncSession, enrolment_id: int
) -> dict[tuple[datetime, str], Reminder]:
    rows = await session.execute(
        select(Reminder)
        .where(Reminder.enrolment_id == enrolment_id)
        .execution_options(populate_existing=True)
    )
    return {(r.session_starts_at, r.label): r for r in rows.scalars()}  # type: ignore[misc]
