"""Carries out the core's course effects inside the turn's unit of work.

Only the database knows whether the last seat is still free, so signing up and answering
an offer end with a follow-up event (`EnrolmentDone`, `OfferAnswered`) that the assistant
runs through the core in the same transaction. Seats freed by a withdrawal are offered to
the next in line by the offers job (scheduler/offers.py), which also messages them.

Enrolled people get reminders before the first lesson (or every lesson, for courses that
want it): planned here in the turn's transaction, and their jobs follow after the commit
(`reminders_changed`, enrolment ids). `course_calendar` and `plan_reminders` are shared
with the job that tells people about an edited course (scheduler/course_changes.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app import planning as reminders
from app.catalogue import Catalogue
from app.export_doc import Document
from app.ics import CourseSession, Method, course_ics
from dialogs.agenda import AgendaConfig
from dialogs.effects import AnswerOffer, EnrolCourse, WithdrawCourse
from dialogs.events import EnrolmentDone, Event, OfferAnswered
from store import courses, privacy
from store.models import ENROLLED, Enrolment
from store.programme import Programme

CourseEffect = EnrolCourse | WithdrawCourse | AnswerOffer


@dataclass(frozen=True)
class CourseNotice:
    """A line for the operators' group about a course enrolment, after the commit."""

    kind: str  # enrolled, waiting, withdrawn, accepted
    enrolment_id: int


@dataclass
class CourseDesk:
    config: AgendaConfig | None
    catalogue: Catalogue
    programme: Programme
    zone: str = "Europe/Rome"
    documents: list[Document] = field(default_factory=list)
    notices: list[CourseNotice] = field(default_factory=list)
    follow_ups: list[Event] = field(default_factory=list)
    # Enrolments whose reminders changed: their jobs follow after the commit.
    reminders_changed: list[int] = field(default_factory=list)

    @property
    def _offer_window(self) -> timedelta:
        return self.config.offer_window if self.config else courses.OFFER_WINDOW

    async def apply(
        self,
        session: AsyncSession,
        chat_id: int,
        effect: CourseEffect,
        language: str,
        now: datetime,
    ) -> None:
        if isinstance(effect, EnrolCourse):
            await self._enrol(session, chat_id, effect.course_id, language, now)
        elif isinstance(effect, WithdrawCourse):
            try:
                done = await courses.withdraw(
                    session, chat_id, effect.course_id, now, self._offer_window
                )
            except courses.CourseError:
                return  # already out: the core's "you left" is still true
            self.notices.append(CourseNotice("withdrawn", done.enrolment.id))
            # The store skipped the reminders still to send; their jobs go after the commit.
            self.reminders_changed.append(done.enrolment.id)
            await self._calendar(session, done.enrolment, chat_id, language, now, "CANCEL")
            await privacy.count(session, "course_withdrawn", now)
        else:
            await self._answer(session, chat_id, effect, language, now)

    async def _enrol(
        self, session: AsyncSession, chat_id: int, course_id: int, language: str, now: datetime
    ) -> None:
        try:
            enrolment = await courses.enrol(session, chat_id, course_id, now)
        except courses.AlreadyEnrolled:
            self.follow_ups.append(EnrolmentDone(course_id, "already"))
            return
        except courses.CourseError:
            self.follow_ups.append(EnrolmentDone(course_id, "closed"))
            return
        position = await courses.waiting_position(session, enrolment)
        self.follow_ups.append(EnrolmentDone(course_id, enrolment.status, position))
        self.notices.append(CourseNotice(enrolment.status, enrolment.id))
        await privacy.count(session, f"course_{enrolment.status}", now)
        if enrolment.status == ENROLLED:
            await self._calendar(session, enrolment, chat_id, language, now, "REQUEST")

    async def _answer(
        self, session: AsyncSession, chat_id: int, effect: AnswerOffer, language: str, now: datetime
    ) -> None:
        enrolment = await session.get(Enrolment, effect.enrolment_id)
        course_id = enrolment.course_id if enrolment is not None else 0
        try:
            answer = await courses.answer_offer(
                session, chat_id, effect.enrolment_id, effect.accept, now, self._offer_window
            )
        except courses.CourseError:
            self.follow_ups.append(OfferAnswered(course_id, "gone"))
            return
        result = "accepted" if effect.accept else "declined"
        self.follow_ups.append(OfferAnswered(course_id, result))
        await privacy.count(session, f"course_offer_{result}", now)
        if effect.accept:
            self.notices.append(CourseNotice("accepted", answer.enrolment.id))
            await self._calendar(session, answer.enrolment, chat_id, language, now, "REQUEST")

    async def _calendar(
        self,
        session: AsyncSession,
        enrolment: Enrolment,
        chat_id: int,
        language: str,
        now: datetime,
        method: Method,
    ) -> None:
        """The .ics for the person; on joining, the reminders before the lessons too."""
        card = await courses.get(session, enrolment.course_id, now)
        if card is None or self.config is None:
            return
        if method == "REQUEST":
            await plan_reminders(session, enrolment.id, chat_id, card, self.config, now, self.zone)
            self.reminders_changed.append(enrolment.id)
        document = course_calendar(
            card, enrolment.id, enrolment.ics_sequence, self.config, self.programme, method,
            language,
        )  # fmt: skip
        if document is not None:
            self.documents.append(document)


async def plan_reminders(
    session: AsyncSession,
    enrolment_id: int,
    telegram_id: int,
    card: courses.CourseCard,
    config: AgendaConfig,
    now: datetime,
    zone: str,
) -> None:
    """(Re)plans the reminders of an enrolled person: before the first lesson, or before
    each one when the course wants it. Inside the caller's transaction."""
    starts = reminders.lessons_to_remind(
        [lesson.starts_at for lesson in card.sessions], card.remind_each_session
    )
    await reminders.plan_course(
        session, enrolment_id, telegram_id, starts, config.reminders, now, zone
    )


def course_calendar(
    card: courses.CourseCard,
    enrolment_id: int,
    sequence: int,
    config: AgendaConfig,
    programme: Programme,
    method: Method,
    language: str = "it",
) -> Document | None:
    """The course's lessons as "corso.ics" (one event per lesson); None without lessons."""
    if not card.sessions:
        return None
    venue = config.venue(card.place_id)
    # Keyed by the lesson's number, not its row: an edited date updates the same event.
    lessons = [
        CourseSession(
            key=str(n),
            start_utc=lesson.starts_at,
            end_utc=lesson.ends_at,
            summary=f"PROXIMITY.CR: {card.title_in(language)}",
            location=f"{venue.name}, {venue.address}",
            description=venue.directions,
        )
        for n, lesson in enumerate(card.sessions, start=1)
    ]
    content = course_ics(
        f"course-{card.id}-enrolment-{enrolment_id}",
        lessons,
        sequence=sequence,
        method=method,
        organizer_email=programme.office.email,
    )
    caption = "co-ics-cancel-caption" if method == "CANCEL" else "co-ics-caption"
    return Document("corso.ics", content, caption)
