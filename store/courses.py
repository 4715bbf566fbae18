"""Courses, sign-ups and the waiting list, read and written inside the caller's unit of work.

Seats. `courses.seats_taken` counts the enrolled and offered enrolments, and nothing else.
A sign-up takes a seat with one conditional UPDATE (`seats_taken < seats`), and a CHECK
constraint refuses any counter above `seats`, so no seat is ever given twice.

Order. Every operation that changes who holds a seat or who is in line first writes the
course's row (`lock`), before reading anything about the course. On PostgreSQL that write
takes the row lock; on SQLite it takes the database's write lock (the driver opens the
transaction at the first write). Either way the operations of one course run one after the
other however many people press at once, and each one reads what the previous committed.
The waiting list is ordered by enrolment id; a freed seat goes to the first in line as an
offer with a time limit, and a newcomer never takes a seat while somebody waits.

Errors::

    CourseError
    ├── NoProfile           the person has not accepted the privacy notice
    ├── CourseNotFound      no such course (or a forged id)
    ├── CourseClosed        withdrawn, or the sign-up deadline has passed
    ├── AlreadyEnrolled     the person is already enrolled, waiting or offered a seat
    ├── EnrolmentNotFound   nothing live to withdraw from
    ├── OfferGone           the offer is unknown, someone else's, answered or expired
    └── SeatsBelowTaken     an edit would leave fewer seats than people holding one

The operators' side (the full list, enrolment lists, creating, editing and withdrawing
courses) is in store/course_admin.py. Repositories never commit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.course_view import Courses, CourseText, CourseView, MyEnrolment
from store.appointments import access
from store.conversations import find_beneficiary
from store.course_import import Lesson, Translation, translations_of
from store.models import (
    ENROLLED,
    OFFERED,
    WAITING,
    Beneficiary,
    Course,
    CourseSession,
    Enrolment,
    Reminder,
)

WITHDRAWN = "withdrawn"  # by the person, or in line when the course was withdrawn
COURSE_OFF = "course_off"  # enrolled when the office withdrew the whole course
DECLINED = "declined"  # the person turned an offered seat down (or withdrew while offered)
EXPIRED = "expired"  # an offered seat left unanswered past its time
LIVE = (ENROLLED, WAITING, OFFERED)
HOLDING = (ENROLLED, OFFERED)  # the statuses `seats_taken` counts
OFFER_WINDOW = timedelta(hours=24)


class CourseError(Exception):
    """Base of the errors below."""


class NoProfile(CourseError):
    pass


class CourseNotFound(CourseError):
    pass


class CourseClosed(CourseError):
    pass


class AlreadyEnrolled(CourseError):
    pass


class EnrolmentNotFound(CourseError):
    pass


class OfferGone(CourseError):
    pass


class SeatsBelowTaken(CourseError):
    pass


# ------------------------------------------------------------------ values returned


@dataclass(frozen=True)
class CourseCard:
    """A course as the catalogue shows it: plain values, sessions in UTC."""

    id: int
    code: str
    title: str
    description: str
    category: str
    place_id: str
    seats: int
    seats_left: int  # free now; offered seats are held
    waiting: int  # people in line
    requirement: str
    min_italian: str | None
    cost: str
    contact: str
    signup_deadline: datetime | None
    remind_each_session: bool
    sessions: tuple[Lesson, ...]
    withdrawn: bool
    is_open: bool  # sign-ups accepted now
    # The texts in other languages, by language; title, description and cost are Italian.
    translations: tuple[Translation, ...] = ()

    def title_in(self, language: str) -> str:
        """The title in that language, or the Italian one when it has none."""
        found = (t.title for t in self.translations if t.language == language and t.title)
        return next(found, self.title)

    @property
    def first_start(self) -> datetime | None:
        return self.sessions[0].starts_at if self.sessions else None

    @property
    def goes_to_waiting_list(self) -> bool:
        """A sign-up now would join the waiting list ("lista d'attesa")."""
        return self.seats_left <= 0 or self.waiting > 0


@dataclass(frozen=True)
class Offer:
    """A freed seat offered to the first in line: message them with Accetto / Rinuncio,
    then `mark_offer_sent`."""

    enrolment_id: int
    telegram_id: int
    course_id: int
    expires_at: datetime


@dataclass(frozen=True)
class Withdrawal:
    enrolment: Enrolment
    offer: Offer | None  # the next in line, now offered the freed seat


@dataclass(frozen=True)
class OfferAnswer:
    enrolment: Enrolment
    offer: Offer | None  # after a decline: the next in line


@dataclass(frozen=True)
class MyCourse:
    enrolment_id: int
    status: str  # enrolled, waiting, offered
    position: int | None  # in the waiting list, from 1
    offer_expires_at: datetime | None
    ics_sequence: int
    course: CourseCard


@dataclass(frozen=True)
class ChangeToTell:
    """An enrolment to tell about since `since`: its course changed dates or place, or was
    withdrawn, or the office took the person off it (`removed`)."""

    enrolment_id: int
    telegram_id: int
    course_id: int
    status: str  # enrolled, waiting, offered; withdrawn, course_off, declined
    since: datetime
    removed: bool = False  # by the office, from a course that goes on


# ------------------------------------------------------------------ reading


def is_open(course: Course, first_start: datetime | None, now: datetime) -> bool:
    """Sign-ups are accepted until the deadline, or without one until the first session."""
    if course.withdrawn_at is not None or first_start is None:
        return False
    if course.signup_deadline is not None:
        return now < course.signup_deadline
    return now < first_start


async def catalogue(session: AsyncSession, now: datetime) -> list[CourseCard]:
    """The open courses, full ones included, by first session."""
    courses = (
        (await session.execute(select(Course).where(Course.withdrawn_at.is_(None)))).scalars().all()
    )
    found = await cards(session, courses, now)
    return sorted((c for c in found if c.is_open), key=lambda c: (c.first_start, c.title, c.id))


async def get(session: AsyncSession, course_id: int, now: datetime) -> CourseCard | None:
    """Any course, open or not (see `is_open`)."""
    course = await session.get(Course, course_id)
    return None if course is None else (await cards(session, [course], now))[0]


async def by_code(session: AsyncSession, code: str, now: datetime) -> CourseCard | None:
    course = (await session.execute(select(Course).where(Course.code == code))).scalar()
    return None if course is None else (await cards(session, [course], now))[0]


async def mine(session: AsyncSession, telegram_id: int, now: datetime) -> list[MyCourse]:
    """The person's live enrolments (enrolled, waiting, offered), by first session."""
    rows = (
        await session.execute(
            select(Enrolment, Course)
            .join(Course, Course.id == Enrolment.course_id)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Beneficiary.telegram_id == telegram_id, Enrolment.status.in_(LIVE))
        )
    ).all()
    by_id = {c.id: c for c in await cards(session, [c for _, c in rows], now)}
    result = [
        MyCourse(
            enrolment_id=e.id,
            status=e.status,
            position=await _position(session, e),
            offer_expires_at=e.offer_expires_at if e.status == OFFERED else None,
            ics_sequence=e.ics_sequence,
            course=by_id[c.id],
        )
        for e, c in rows
    ]
    return sorted(result, key=lambda m: (m.course.first_start is None, m.course.first_start))


async def waiting_position(session: AsyncSession, enrolment: Enrolment) -> int | None:
    """1 for the first in line; None unless the enrolment is waiting."""
    return await _position(session, enrolment)


async def load_courses(session: AsyncSession, telegram_id: int, now: datetime) -> Courses:
    """What the core needs for one turn about courses (see dialogs/courses.py): the open
    catalogue, the person's live enrolments and what opens the courses with requirements.
    A course the person is in but that no longer takes sign-ups is not in the catalogue."""
    allowed = await access(session, telegram_id)
    shown = {card.id: card for card in await catalogue(session, now)}
    own = await mine(session, telegram_id, now)
    # Courses the person is in stay visible to them after sign-ups close.
    for m in own:
        shown.setdefault(m.course.id, m.course)
    return Courses(
        catalogue=tuple(_view(card) for card in shown.values()),
        mine=tuple(
            MyEnrolment(m.enrolment_id, m.course.id, m.status, m.position, m.offer_expires_at)
            for m in own
        ),
        prescreening_outcome=allowed.prescreening_outcome,
        taken_in_charge=allowed.taken_in_charge,
    )


async def course_view(session: AsyncSession, course_id: int, now: datetime) -> CourseView | None:
    """Any course (open or not) as the core's texts describe it."""
    card = await get(session, course_id, now)
    return None if card is None else _view(card)


def _view(card: CourseCard) -> CourseView:
    return CourseView(
        id=card.id,
        code=card.code,
        title=card.title,
        description=card.description,
        category=card.category,
        venue_id=card.place_id,
        seats_left=card.seats_left,
        requirement=card.requirement,
        sessions=tuple((s.starts_at, s.ends_at) for s in card.sessions),
        cost=card.cost,
        min_italian=card.min_italian,
        deadline=card.signup_deadline,
        open=card.is_open,
        translations=tuple(
            CourseText(t.language, t.title, t.description, t.cost) for t in card.translations
        ),
    )


# ------------------------------------------------------------------ sign-ups


async def enrol(
    session: AsyncSession, telegram_id: int, course_id: int, now: datetime
) -> Enrolment:
    """Signs the person up: "enrolled" when a seat is free and nobody waits, "waiting"
    otherwise (see `waiting_position`). Requirements are the caller's to check."""
    person = await _person(session, telegram_id)
    course = await lock(session, course_id)
    if not is_open(course, await _first_start(session, course_id), now):
        raise CourseClosed(course_id)
    if await _live(session, course_id, person.id) is not None:
        raise AlreadyEnrolled(course_id)
    queued = exists().where(Enrolment.course_id == course_id, Enrolment.status == WAITING)
    took = await session.execute(
        update(Course)
        .where(Course.id == course_id, Course.seats_taken < Course.seats, ~queued)
        .values(seats_taken=Course.seats_taken + 1)
        .execution_options(synchronize_session=False)
    )
    enrolment = Enrolment(
        course_id=course_id,
        beneficiary_id=person.id,
        status=ENROLLED if took.rowcount == 1 else WAITING,
        created_at=now,
        updated_at=now,
        ics_sequence=0,
    )
    session.add(enrolment)
    try:
        await session.flush()
    except IntegrityError as exc:  # the live-enrolment index: a double tap got there first
        raise AlreadyEnrolled(course_id) from exc
    await session.refresh(course)
    return enrolment


async def withdraw(
    session: AsyncSession,
    telegram_id: int,
    course_id: int,
    now: datetime,
    offer_window: timedelta = OFFER_WINDOW,
) -> Withdrawal:
    """Takes the person off the course at once. A seat they held goes to the first in line
    as an offer; withdrawing while holding an offer declines it."""
    person = await _person(session, telegram_id, missing=EnrolmentNotFound)
    course = await lock(session, course_id)
    enrolment = await _live(session, course_id, person.id)
    if enrolment is None:
        raise EnrolmentNotFound(course_id)
    held = enrolment.status in HOLDING
    enrolment.status = DECLINED if enrolment.status == OFFERED else WITHDRAWN
    enrolment.updated_at = now
    enrolment.ics_sequence += 1
    enrolment.change_pending_since = None  # nothing left to tell about the course
    await skip_reminders(session, [enrolment.id])
    offer = await _pass_seat(session, course, now, offer_window) if held else None
    await session.flush()
    return Withdrawal(enrolment, offer)


async def answer_offer(
    session: AsyncSession,
    telegram_id: int,
    enrolment_id: int,
    accept: bool,
    now: datetime,
    offer_window: timedelta = OFFER_WINDOW,
) -> OfferAnswer:
    """Accept: the held seat becomes theirs. Decline: it goes to the next in line (or is
    freed). Raises OfferGone for an unknown, answered, expired or someone else's offer."""
    person = await _person(session, telegram_id, missing=OfferGone)
    found = await session.get(Enrolment, enrolment_id)
    if found is None or found.beneficiary_id != person.id:
        raise OfferGone(enrolment_id)
    course = await lock(session, found.course_id)
    enrolment = await _fresh(session, enrolment_id)
    expires = enrolment.offer_expires_at
    if enrolment.status != OFFERED or expires is None or expires <= now:
        raise OfferGone(enrolment_id)
    enrolment.updated_at = now
    if accept:
        enrolment.status = ENROLLED
        await session.flush()
        return OfferAnswer(enrolment, None)
    enrolment.status = DECLINED
    offer = await _pass_seat(session, course, now, offer_window)
    await session.flush()
    return OfferAnswer(enrolment, offer)


async def expire_offers(
    session: AsyncSession, now: datetime, offer_window: timedelta = OFFER_WINDOW
) -> list[Offer]:
    """Offers past their time become "expired" and pass to the next in line. Returns the
    new offers, to be sent. Run it from a periodic job."""
    due = (
        await session.execute(
            select(Enrolment.course_id)
            .where(Enrolment.status == OFFERED, Enrolment.offer_expires_at <= now)
            .distinct()
        )
    ).scalars()
    offers: list[Offer] = []
    for course_id in sorted(set(due)):  # one lock order for everyone: no deadlock
        course = await lock(session, course_id)
        expired = await select_fresh(
            session,
            select(Enrolment)
            .where(
                Enrolment.course_id == course_id,
                Enrolment.status == OFFERED,
                Enrolment.offer_expires_at <= now,
            )
            .order_by(Enrolment.id),
        )
        for enrolment in expired:
            enrolment.status = EXPIRED
            enrolment.updated_at = now
            offer = await _pass_seat(session, course, now, offer_window)
            if offer is not None:
                offers.append(offer)
    await session.flush()
    return offers


async def unsent_offers(session: AsyncSession, now: datetime) -> list[Offer]:
    """Live offers nobody has sent yet (e.g. made by an operator's edit in the CLI)."""
    rows = await session.execute(
        select(Enrolment, Beneficiary.telegram_id)
        .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
        .where(
            Enrolment.status == OFFERED,
            Enrolment.offer_sent_at.is_(None),
            Enrolment.offer_expires_at > now,
        )
        .order_by(Enrolment.id)
    )
    return [
        Offer(e.id, telegram_id, e.course_id, e.offer_expires_at) for e, telegram_id in rows.all()
    ]


async def mark_offer_sent(session: AsyncSession, enrolment_id: int, now: datetime) -> bool:
    """Records that the offer's message went out; False if it was already marked."""
    done = await session.execute(
        update(Enrolment)
        .where(Enrolment.id == enrolment_id, Enrolment.offer_sent_at.is_(None))
        .values(offer_sent_at=now)
        .execution_options(synchronize_session=False)
    )
    return done.rowcount == 1


async def untold_changes(session: AsyncSession) -> list[ChangeToTell]:
    """Enrolments flagged by an edit of their course (`course_admin.update_course`),
    withdrawn with their whole course (`course_admin.withdraw_course`: "course_off" or
    "withdrawn"), or taken off a course that goes on by the office
    (`mark_removed_by_office`), oldest first."""
    course_off = and_(
        Enrolment.status.in_((COURSE_OFF, WITHDRAWN)), Course.withdrawn_at.is_not(None)
    )
    removed = and_(Enrolment.status.in_((WITHDRAWN, DECLINED)), Course.withdrawn_at.is_(None))
    rows = await session.execute(
        select(Enrolment, Beneficiary.telegram_id, Course.withdrawn_at)
        .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
        .join(Course, Course.id == Enrolment.course_id)
        .where(
            Enrolment.change_pending_since.is_not(None),
            or_(Enrolment.status.in_(LIVE), course_off, removed),
        )
        .order_by(Enrolment.id)
    )
    return [
        ChangeToTell(
            e.id,
            telegram_id,
            e.course_id,
            e.status,
            e.change_pending_since,
            removed=e.status in (WITHDRAWN, DECLINED) and withdrawn_at is None,
        )
        for e, telegram_id, withdrawn_at in rows.all()
    ]


def mark_removed_by_office(enrolment: Enrolment, now: datetime) -> None:
    """The office took the person off (`withdraw` cleared the flag): they must hear it
    from the bot, which `untold_changes` finds by this flag on an enrolment no longer live."""
    enrolment.change_pending_since = now


async def mark_change_told(session: AsyncSession, enrolment_id: int, since: datetime) -> bool:
    """Clears the flag set at `since`; False if it is gone or a newer edit set it again
    (that one is still to be told)."""
    done = await session.execute(
        update(Enrolment)
        .where(Enrolment.id == enrolment_id, Enrolment.change_pending_since == since)
        .values(change_pending_since=None)
        .execution_options(synchronize_session=False)
    )
    return done.rowcount == 1


async def release_person(
    session: AsyncSession,
    telegram_id: int,
    now: datetime,
    offer_window: timedelta = OFFER_WINDOW,
) -> list[Offer]:
    """Withdraws the person from every course, passing their seats on. Call it before
    erasing a person: the cascade that deletes their enrolments would not free seats."""
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        return []
    courses = (
        await session.execute(
            select(Enrolment.course_id)
            .where(Enrolment.beneficiary_id == person.id, Enrolment.status.in_(LIVE))
            .distinct()
        )
    ).scalars()
    offers = []
    for course_id in sorted(set(courses)):
        done = await withdraw(session, telegram_id, course_id, now, offer_window)
        if done.offer is not None:
            offers.append(done.offer)
    return offers


# ------------------------------------------------------------------ helpers
# The public ones are shared with store/course_admin.py.


async def _person(
    session: AsyncSession, telegram_id: int, missing: type[CourseError] = NoProfile
) -> Beneficiary:
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        raise missing("no profile: consent comes first")
    return person


async def lock(session: AsyncSession, course_id: int) -> Course:
    """Writes the course's row (a no-op change) to serialise the operations on it, then
    reads it afresh. Must come before any other read of the course's enrolments."""
    locked = await session.execute(
        update(Course)
        .where(Course.id == course_id)
        .values(seats_taken=Course.seats_taken)
        .execution_options(synchronize_session=False)
    )
    if locked.rowcount != 1:
        raise CourseNotFound(course_id)
    [course] = await select_fresh(session, select(Course).where(Course.id == course_id))
    return course


async def select_fresh(session: AsyncSession, query):  # type: ignore[no-untyped-def]
    """Rows as the database has them now, not as this session last saw them."""
    return list((await session.execute(query.execution_options(populate_existing=True))).scalars())


async def _fresh(session: AsyncSession, enrolment_id: int) -> Enrolment:
    [enrolment] = await select_fresh(session, select(Enrolment).where(Enrolment.id == enrolment_id))
    return enrolment


async def _live(session: AsyncSession, course_id: int, beneficiary_id: int) -> Enrolment | None:
    found = await select_fresh(
        session,
        select(Enrolment).where(
            Enrolment.course_id == course_id,
            Enrolment.beneficiary_id == beneficiary_id,
            Enrolment.status.in_(LIVE),
        ),
    )
    return found[0] if found else None


async def _pass_seat(
    session: AsyncSession, course: Course, now: datetime, offer_window: timedelta
) -> Offer | None:
    """A held seat was let go: it is offered to the first in line, or freed."""
    offer = await offer_next(session, course, now, offer_window)
    if offer is None:
        course.seats_taken -= 1
    return offer


async def offer_next(
    session: AsyncSession, course: Course, now: datetime, offer_window: timedelta
) -> Offer | None:
    """The first in line gets an offer; the caller accounts for the seat."""
    row = (
        await session.execute(
            select(Enrolment, Beneficiary.telegram_id)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Enrolment.course_id == course.id, Enrolment.status == WAITING)
            .order_by(Enrolment.id)
            .limit(1)
            .execution_options(populate_existing=True)
        )
    ).first()
    if row is None:
        return None
    enrolment, telegram_id = row
    enrolment.status = OFFERED
    enrolment.offered_at = now
    enrolment.offer_expires_at = now + offer_window
    enrolment.offer_sent_at = None
    enrolment.updated_at = now
    await session.flush()  # the next `offer_next` must not pick the same person
    return Offer(enrolment.id, telegram_id, course.id, enrolment.offer_expires_at)


async def _position(session: AsyncSession, enrolment: Enrolment) -> int | None:
    if enrolment.status != WAITING:
        return None
    ahead = await session.scalar(
        select(func.count())
        .select_from(Enrolment)
        .where(
            Enrolment.course_id == enrolment.course_id,
            Enrolment.status == WAITING,
            Enrolment.id < enrolment.id,
        )
    )
    return int(ahead or 0) + 1


async def skip_reminders(session: AsyncSession, enrolment_ids: Sequence[int]) -> None:
    """Enrolments leaving "enrolled": their course reminders still to send will not be sent
    (the same as app.planning.cancel_course; a send already claimed finishes)."""
    await session.execute(
        update(Reminder)
        .where(Reminder.enrolment_id.in_(enrolment_ids), Reminder.status == "pending")
        .values(status="skipped", last_error="withdrawn")
        .execution_options(synchronize_session="fetch")
    )


async def _first_start(session: AsyncSession, course_id: int) -> datetime | None:
    return await session.scalar(
        select(func.min(CourseSession.starts_at)).where(CourseSession.course_id == course_id)
    )


async def cards(
    session: AsyncSession, courses: Sequence[Course], now: datetime
) -> list[CourseCard]:
    """The courses as cards, in the order given, with their sessions and waiting lists."""
    ids = [c.id for c in courses]
    if not ids:
        return []
    lessons: dict[int, list[Lesson]] = defaultdict(list)
    for course_id, starts, ends in await session.execute(
        select(CourseSession.course_id, CourseSession.starts_at, CourseSession.ends_at)
        .where(CourseSession.course_id.in_(ids))
        .order_by(CourseSession.starts_at, CourseSession.id)
    ):
        lessons[course_id].append(Lesson(starts, ends))
    waiting = dict(
        (
            await session.execute(
                select(Enrolment.course_id, func.count())
                .where(and_(Enrolment.course_id.in_(ids), Enrolment.status == WAITING))
                .group_by(Enrolment.course_id)
            )
        ).all()
    )
    return [_card(c, tuple(lessons[c.id]), int(waiting.get(c.id, 0)), now) for c in courses]


def _card(course: Course, lessons: tuple[Lesson, ...], waiting: int, now: datetime) -> CourseCard:
    return CourseCard(
        id=course.id,
        code=course.code,
        title=course.title,
        description=course.description,
        category=course.category,
        place_id=course.place_id,
        seats=course.seats,
        seats_left=max(course.seats - course.seats_taken, 0),
        waiting=waiting,
        requirement=course.requirement,
        min_italian=course.min_italian,
        cost=course.cost,
        contact=course.contact,
        signup_deadline=course.signup_deadline,
        remind_each_session=course.remind_each_session,
        sessions=lessons,
        withdrawn=course.withdrawn_at is not None,
        is_open=is_open(course, lessons[0].starts_at if lessons else None, now),
        translations=translations_of(course.translations),
    )
