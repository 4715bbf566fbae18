"""The operators' side of the courses: every course, the enrolment lists, and creating,
editing and withdrawing courses (the CLI's `proximity courses`). Seats and the lock order
work as store/courses.py explains. Repositories never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.course_import import CourseSpec, Lesson, translations_json, translations_of
from store.courses import (
    COURSE_OFF,
    LIVE,
    OFFER_WINDOW,
    WITHDRAWN,
    CourseCard,
    CourseNotFound,
    Offer,
    SeatsBelowTaken,
    cards,
    lock,
    offer_next,
    select_fresh,
    skip_reminders,
)
from store.models import ENROLLED, OFFERED, WAITING, Beneficiary, Course, CourseSession, Enrolment

# Fields whose change must be told to the people enrolled or in line.
TOLD_FIELDS = frozenset({"sessions", "place_id"})


# ------------------------------------------------------------------ values returned


@dataclass(frozen=True)
class EnrolmentRow:
    """One line of the enrolment list (the course page, the CSV and XLSX exports)."""

    enrolment_id: int
    display_name: str | None
    telegram_id: int
    status: str
    position: int | None
    created_at: datetime
    updated_at: datetime
    offer_expires_at: datetime | None = None  # while a freed seat is offered to them


@dataclass(frozen=True)
class Notice:
    """Someone to tell about a change of the course (dates, place, withdrawal)."""

    enrolment_id: int
    telegram_id: int
    status: str  # before the change


@dataclass(frozen=True)
class CourseChange:
    course_id: int
    created: bool
    changed: frozenset[str]  # CourseSpec field names
    to_tell: tuple[Notice, ...]  # dates or place changed: these people must be told
    offers: tuple[Offer, ...]  # seats added while people waited


@dataclass(frozen=True)
class CourseWithdrawal:
    course_id: int
    already_withdrawn: bool
    to_tell: tuple[Notice, ...]


# ------------------------------------------------------------------ reading


async def all_courses(session: AsyncSession, now: datetime) -> list[CourseCard]:
    """Every course, withdrawn and past ones included (for operators)."""
    courses = (await session.execute(select(Course))).scalars().all()
    found = await cards(session, courses, now)
    return sorted(found, key=lambda c: (c.first_start is None, c.first_start, c.code))


async def enrolment_list(session: AsyncSession, course_id: int) -> list[EnrolmentRow]:
    """Everyone who ever signed up, for the course provider and the funder's records:
    enrolled, offered, waiting (in line order), then the ones who left, by date."""
    rows = (
        await session.execute(
            select(Enrolment, Beneficiary)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Enrolment.course_id == course_id)
            .order_by(Enrolment.id)
        )
    ).all()
    rank = {ENROLLED: 0, OFFERED: 1, WAITING: 2}
    line = [e.id for e, _ in rows if e.status == WAITING]
    result = [
        EnrolmentRow(
            enrolment_id=e.id,
            display_name=p.display_name,
            telegram_id=p.telegram_id,
            status=e.status,
            position=line.index(e.id) + 1 if e.status == WAITING else None,
            created_at=e.created_at,
            updated_at=e.updated_at,
            offer_expires_at=e.offer_expires_at if e.status == OFFERED else None,
        )
        for e, p in rows
    ]
    return sorted(result, key=lambda r: (rank.get(r.status, 3), r.enrolment_id))


async def count_courses(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Course)) or 0)


async def current_spec(session: AsyncSession, course_id: int) -> CourseSpec:
    """The course as a spec, to edit a few fields with `dataclasses.replace`."""
    course = await session.get(Course, course_id)
    if course is None:
        raise CourseNotFound(course_id)
    return _spec_of(course, await _lessons(session, course_id))


# ------------------------------------------------------------------ edits


async def save_course(
    session: AsyncSession, spec: CourseSpec, now: datetime, offer_window: timedelta = OFFER_WINDOW
) -> CourseChange:
    """Creates the course, or updates the one with the same code (imports are idempotent)."""
    existing = (await session.execute(select(Course.id).where(Course.code == spec.code))).scalar()
    if existing is not None:
        return await update_course(session, existing, spec, now, offer_window)
    course = Course(
        **_columns(spec), seats_taken=0, created_at=now, updated_at=now, withdrawn_at=None
    )
    session.add(course)
    await session.flush()
    session.add_all(_session_rows(course.id, spec.sessions))
    await session.flush()
    return CourseChange(course.id, True, frozenset(f.name for f in fields(spec)), (), ())


async def update_course(
    session: AsyncSession,
    course_id: int,
    spec: CourseSpec,
    now: datetime,
    offer_window: timedelta = OFFER_WINDOW,
) -> CourseChange:
    """Applies an edited course. When dates or place change, every live enrolment's
    calendar sequence is bumped and `to_tell` lists who must be told. Added seats go to
    the waiting list first (`offers`). The code is the course's identity and cannot change."""
    course = await lock(session, course_id)
    lessons = await _lessons(session, course_id)
    before = _spec_of(course, lessons)
    if spec.code != course.code:
        raise ValueError(f"the code of a course cannot change ({course.code} → {spec.code})")
    if spec.seats < course.seats_taken:
        raise SeatsBelowTaken(
            f"{course.seats_taken} seats are held; cannot go down to {spec.seats}"
        )
    changed = frozenset(
        f.name for f in fields(spec) if getattr(spec, f.name) != getattr(before, f.name)
    )
    if not changed:
        return CourseChange(course_id, False, changed, (), ())
    for name, value in _columns(spec).items():
        setattr(course, name, value)
    course.updated_at = now
    if "sessions" in changed:
        await _replace_lessons(session, course_id, spec.sessions)
    to_tell: tuple[Notice, ...] = ()
    if changed & TOLD_FIELDS:
        to_tell = await _notices(session, course_id, bump=True, told_from=now)
    offers = []
    while course.seats_taken < course.seats:
        offer = await offer_next(session, course, now, offer_window)
        if offer is None:
            break
        course.seats_taken += 1
        offers.append(offer)
    await session.flush()
    return CourseChange(course_id, False, changed, to_tell, tuple(offers))


async def withdraw_course(session: AsyncSession, course_id: int, now: datetime) -> CourseWithdrawal:
    """Takes a course out of the catalogue; every live enrolment is withdrawn, and
    `to_tell` lists who must be told."""
    course = await lock(session, course_id)
    if course.withdrawn_at is not None:
        return CourseWithdrawal(course_id, True, ())
    to_tell = await _notices(session, course_id, bump=False)
    for enrolment in await select_fresh(
        session,
        select(Enrolment).where(Enrolment.course_id == course_id, Enrolment.status.in_(LIVE)),
    ):
        # Who had a seat (and a calendar file) gets a cancellation file too.
        enrolment.status = COURSE_OFF if enrolment.status == ENROLLED else WITHDRAWN
        enrolment.updated_at = now
        enrolment.ics_sequence += 1
        # The bot's change job tells them the course is off (`courses.untold_changes`).
        enrolment.change_pending_since = now
        await skip_reminders(session, [enrolment.id])
    course.withdrawn_at = now
    course.updated_at = now
    course.seats_taken = 0
    await session.flush()
    return CourseWithdrawal(course_id, False, to_tell)


# ------------------------------------------------------------------ helpers


async def _notices(
    session: AsyncSession, course_id: int, *, bump: bool, told_from: datetime | None = None
) -> tuple[Notice, ...]:
    """The live enrolments of the course. With `bump`, their calendar sequence goes up and,
    with `told_from`, they are flagged for the change notice (scheduler/course_changes.py)."""
    rows = (
        await session.execute(
            select(Enrolment, Beneficiary.telegram_id)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Enrolment.course_id == course_id, Enrolment.status.in_(LIVE))
            .order_by(Enrolment.id)
            .execution_options(populate_existing=True)
        )
    ).all()
    if bump:
        for enrolment, _ in rows:
            enrolment.ics_sequence += 1
    if told_from is not None:
        for enrolment, _ in rows:
            enrolment.change_pending_since = told_from
    return tuple(Notice(e.id, telegram_id, e.status) for e, telegram_id in rows)


async def _lessons(session: AsyncSession, course_id: int) -> tuple[Lesson, ...]:
    rows = await session.execute(
        select(CourseSession.starts_at, CourseSession.ends_at)
        .where(CourseSession.course_id == course_id)
        .order_by(CourseSession.starts_at)
    )
    return tuple(Lesson(s, e) for s, e in rows.all())


def _columns(spec: CourseSpec) -> dict[str, object]:
    """The spec's values as Course columns (sessions live in their own table)."""
    return {
        "code": spec.code,
        "title": spec.title,
        "description": spec.description,
        "category": spec.category,
        "place_id": spec.place_id,
        "seats": spec.seats,
        "requirement": spec.requirement,
        "min_italian": spec.min_italian,
        "cost": spec.cost,
        "contact": spec.contact,
        "signup_deadline": spec.signup_deadline,
        "remind_each_session": spec.remind_each_session,
        "translations": translations_json(spec.translations),
    }


def _spec_of(course: Course, lessons: tuple[Lesson, ...]) -> CourseSpec:
    return CourseSpec(
        code=course.code,
        title=course.title,
        description=course.description,
        category=course.category,
        place_id=course.place_id,
        seats=course.seats,
        contact=course.contact,
        sessions=lessons,
        requirement=course.requirement,
        min_italian=course.min_italian,
        cost=course.cost,
        signup_deadline=course.signup_deadline,
        remind_each_session=course.remind_each_session,
        translations=translations_of(course.translations),
    )


async def _replace_lessons(
    session: AsyncSession, course_id: int, lessons: Iterable[Lesson]
) -> None:
    """A lesson that stays keeps its row, so the attendance marked at it stays too
    (store/attendance.py); a lesson taken out goes with its marks, and new ones are added."""
    wanted = set(lessons)
    kept: set[Lesson] = set()
    for row in await session.scalars(
        select(CourseSession).where(CourseSession.course_id == course_id)
    ):
        lesson = Lesson(row.starts_at, row.ends_at)
        if lesson in wanted and lesson not in kept:
            kept.add(lesson)
        else:
            await session.delete(row)
    await session.flush()
    session.add_all(_session_rows(course_id, sorted(wanted - kept)))


def _session_rows(course_id: int, lessons: Iterable[Lesson]) -> list[CourseSession]:
    return [CourseSession(course_id=course_id, starts_at=s, ends_at=e) for s, e in lessons]
