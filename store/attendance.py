"""Lesson attendance rows (migration 0017): one mark per lesson and enrolment.

The rules (who may be marked, when, who may change a mark) are app/lesson_attendance.py's;
this module reads and writes the rows. A lesson is *held* once it has started, and its
hours are its length.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import (
    ENROLLED,
    Beneficiary,
    Course,
    CourseSession,
    Enrolment,
    LessonAttendance,
)

Marked = Literal["first", "changed", "same"]


@dataclass(frozen=True)
class LessonLine:
    """A lesson on its course's page: whether it started, and how many marks it has."""

    id: int
    starts_at: datetime
    ends_at: datetime
    started: bool
    marked: int

    @property
    def hours(self) -> float:
        return hours_between(self.starts_at, self.ends_at)


@dataclass(frozen=True)
class RegisterRow:
    """One person on a lesson's register: enrolled now, or marked at this lesson before."""

    enrolment_id: int
    telegram_id: int
    display_name: str | None
    enrolment_status: str
    mark: str | None  # "present", "absent", or None (not marked yet)
    marked_by: str | None
    marked_at: datetime | None


def hours_between(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds(), 0.0) / 3600


async def lesson(session: AsyncSession, course_id: int, lesson_id: int) -> CourseSession | None:
    """The lesson, only if it is one of that course's (an id from a URL is not trusted)."""
    found = await session.get(CourseSession, lesson_id)
    return found if found is not None and found.course_id == course_id else None


async def lessons(session: AsyncSession, course_id: int, now: datetime) -> list[LessonLine]:
    marks = (
        select(func.count())
        .where(LessonAttendance.lesson_id == CourseSession.id)
        .correlate(CourseSession)
        .scalar_subquery()
    )
    rows = await session.execute(
        select(CourseSession.id, CourseSession.starts_at, CourseSession.ends_at, marks)
        .where(CourseSession.course_id == course_id)
        .order_by(CourseSession.starts_at, CourseSession.id)
    )
    return [LessonLine(i, s, e, s <= now, int(n or 0)) for i, s, e, n in rows.all()]


async def register(session: AsyncSession, lesson: CourseSession) -> list[RegisterRow]:
    """Who is enrolled in the lesson's course, and anyone marked at it who has left since
    (their mark stays and still counts), by name."""
    rows = await session.execute(
        select(Enrolment, Beneficiary, LessonAttendance)
        .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
        .outerjoin(
            LessonAttendance,
            (LessonAttendance.enrolment_id == Enrolment.id)
            & (LessonAttendance.lesson_id == lesson.id),
        )
        .where(
            Enrolment.course_id == lesson.course_id,
            or_(Enrolment.status == ENROLLED, LessonAttendance.id.is_not(None)),
        )
    )
    found = [
        RegisterRow(
            enrolment_id=e.id,
            telegram_id=p.telegram_id,
            display_name=p.display_name,
            enrolment_status=e.status,
            mark=a.status if a else None,
            marked_by=a.marked_by if a else None,
            marked_at=a.marked_at if a else None,
        )
        for e, p, a in rows.all()
    ]
    return sorted(found, key=lambda r: ((r.display_name or "").casefold(), r.enrolment_id))


async def mark(
    session: AsyncSession,
    lesson_id: int,
    enrolment_id: int,
    status: str,
    actor: str,
    now: datetime,
    *,
    change: bool,
) -> Marked:
    """Records the mark. Of two first marks at once only one inserts ("first"); the other
    finds the row and, with `change`, updates it if the mark differs ("changed"); else
    the first mark stands ("same"), as with two presses of Presente / Assente."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    values = {
        "lesson_id": lesson_id,
        "enrolment_id": enrolment_id,
        "status": status,
        "marked_by": actor[:64],
        "marked_at": now,
    }
    inserted = await session.scalar(
        insert(LessonAttendance)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["lesson_id", "enrolment_id"])
        .returning(LessonAttendance.id)
    )
    if inserted is not None:
        return "first"
    if not change:
        return "same"
    changed = await session.scalar(
        update(LessonAttendance)
        .where(
            LessonAttendance.lesson_id == lesson_id,
            LessonAttendance.enrolment_id == enrolment_id,
            LessonAttendance.status != status,
        )
        .values(status=status, marked_by=actor[:64], marked_at=now)
        .returning(LessonAttendance.id)
        .execution_options(synchronize_session=False)
    )
    return "changed" if changed is not None else "same"


async def hours_by_person(
    session: AsyncSession, course_id: int, now: datetime
) -> dict[int, tuple[float, float]]:
    """Telegram id → (hours attended, hours held) in the course; held = lessons started."""
    held = sum(line.hours for line in await lessons(session, course_id, now) if line.started)
    rows = await session.execute(
        select(Beneficiary.telegram_id, CourseSession.starts_at, CourseSession.ends_at)
        .select_from(LessonAttendance)
        .join(CourseSession, CourseSession.id == LessonAttendance.lesson_id)
        .join(Enrolment, Enrolment.id == LessonAttendance.enrolment_id)
        .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
        .where(CourseSession.course_id == course_id, LessonAttendance.status == "present")
    )
    attended: dict[int, float] = defaultdict(float)
    for telegram_id, start, end in rows.all():
        attended[telegram_id] += hours_between(start, end)
    people = await session.scalars(
        select(Beneficiary.telegram_id)
        .join(Enrolment, Enrolment.beneficiary_id == Beneficiary.id)
        .where(Enrolment.course_id == course_id)
    )
    return {telegram_id: (attended.get(telegram_id, 0.0), held) for telegram_id in people}


async def attended(session: AsyncSession) -> dict[int, list[tuple[datetime, float]]]:
    """Beneficiary id → (lesson start, hours) of every lesson they were present at: what
    the funder's records read (app/reporting/care_source.py)."""
    rows = await session.execute(
        select(Enrolment.beneficiary_id, CourseSession.starts_at, CourseSession.ends_at)
        .select_from(LessonAttendance)
        .join(CourseSession, CourseSession.id == LessonAttendance.lesson_id)
        .join(Enrolment, Enrolment.id == LessonAttendance.enrolment_id)
        .where(LessonAttendance.status == "present")
    )
    found: dict[int, list[tuple[datetime, float]]] = defaultdict(list)
    for beneficiary_id, start, end in rows.all():
        found[beneficiary_id].append((start, hours_between(start, end)))
    return found


async def export(session: AsyncSession, beneficiary_id: int, now: datetime) -> list[dict[str, Any]]:
    """One line per course the person was marked in: lessons attended out of those held
    (started) in the course, for the person's own data (store/privacy.py)."""
    rows = await session.execute(
        select(Course.id, Course.title, LessonAttendance.status)
        .select_from(LessonAttendance)
        .join(Enrolment, Enrolment.id == LessonAttendance.enrolment_id)
        .join(Course, Course.id == Enrolment.course_id)
        .where(Enrolment.beneficiary_id == beneficiary_id)
    )
    by_course: dict[int, dict[str, Any]] = {}
    for course_id, title, status in rows.all():
        line = by_course.setdefault(
            course_id, {"course": title, "attended": 0, "absent": 0, "held": 0}
        )
        line["attended" if status == "present" else "absent"] += 1
    for course_id, line in by_course.items():
        line["held"] = await _held(session, course_id, now)
    return [by_course[key] for key in sorted(by_course)]


async def _held(session: AsyncSession, course_id: int, now: datetime) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(CourseSession)
        .where(CourseSession.course_id == course_id, CourseSession.starts_at <= now)
    )
    return int(count or 0)


async def erase(session: AsyncSession, beneficiary_id: int) -> None:
    """The person's marks (the enrolments' cascade would take them too: said here, so the
    erasure does not depend on it)."""
    mine = select(Enrolment.id).where(Enrolment.beneficiary_id == beneficiary_id)
    await session.execute(
        delete(LessonAttendance)
        .where(LessonAttendance.enrolment_id.in_(mine))
        .execution_options(synchronize_session=False)
    )
