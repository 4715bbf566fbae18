"""The office's side of the courses: THE one implementation that the command line
(`proximity courses`) and the web console (web/course_pages.py) both call.

- Reading: the catalogue (open courses or every course), one course, its people (enrolled,
  offered a seat, waiting with their position, and those who left).
- Writing: create, edit and withdraw a course and its lessons; withdraw one person.
- Exporting the enrolment list as CSV (semicolons, what Excel in Italian expects) or XLSX
  (app/course_export.py).

What it hands back to the pages and the command line is in app/course_views.py.

Checking. A course typed in the console's form is read into a
`store.course_import.CourseSpec` by `forms` (app/course_form.py); a spec from a file comes
checked by store/course_import.py. Both then go through the same rules
(app/course_rules.py): no new lesson in the past, a sign-up deadline neither in the past
nor after the first lesson; and, inside the transaction that saves it, no fewer seats than
the people holding one. Every problem names its field and a catalogue key
(`web-course-error-<code>`, Italian), and a course with problems changes nothing.

Telling people. Nothing here sends a message. An edit of dates or place flags the live
enrolments (`store.course_admin.update_course`), and a freed seat becomes an offer that is
recorded but not sent (`store.courses.offer_next`); the bot's jobs send both
(scheduler/course_changes.py with the updated calendar file, scheduler/offers.py with
Accetto / Rinuncio and the time limit), whichever process made the change.

Auditing. Each person shown on a course's page, each person in an export and each person
withdrawn by the office is an `audit_log` entry with the actor given ("web:<id>",
"cli:<name>"), in the same unit of work as what it records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.course_export import XLSX_TYPE, Export, ExportFormat, enrolment_csv, enrolment_xlsx
from app.course_form import CourseForms
from app.course_rules import CourseProblems, Problem, code_from_title, spec_problems
from app.course_views import STATUS_IT, CoursePage, Person, PersonWithdrawal, Saved
from app.lesson_attendance import LessonAttendance
from store import attendance, courses, privacy
from store import course_admin as store
from store.agenda_config import load_agenda_config
from store.course_admin import CourseChange, CourseWithdrawal, EnrolmentRow
from store.course_import import CourseSpec
from store.courses import LIVE, OFFER_WINDOW, CourseCard
from store.models import ENROLLED, OFFERED, WAITING, Course
from store.settings import Settings

# Audit actions (the words of the audit page are in locales/it/web.ftl).
PEOPLE_VIEWED = "course_people_viewed"
EXPORTED = "course_export"  # as the command line has always written it
PERSON_WITHDRAWN = "course_person_withdrawn"


# ------------------------------------------------------------------ the service


class CourseAdmin:
    """One unit of work per call. `places` maps place ids to their names
    (config/appointments.yaml); `offer_window` is how long a freed seat is kept for the
    first in line (course_offer_hours)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        zone: str,
        places: Mapping[str, str],
        offer_window: timedelta = OFFER_WINDOW,
    ) -> None:
        self._sessions = sessions
        self.zone = zone
        self.places = dict(places)
        self.offer_window = offer_window
        # The course form, read and filled in the office's time zone with these places.
        self.forms = CourseForms(zone, self.places)
        # Registers and marks of the lessons, reached from the course's page.
        self.attendance = LessonAttendance(sessions)

    @classmethod
    def from_settings(
        cls, sessions: async_sessionmaker[AsyncSession], settings: Settings
    ) -> CourseAdmin:
        """With the places and the offer time limit of config/appointments.yaml."""
        config = load_agenda_config(settings.appointments_file)
        return cls(
            sessions,
            zone=settings.timezone,
            places={key: venue.name for key, venue in config.venues.items()},
            offer_window=config.offer_window,
        )

    # -- reading ------------------------------------------------------------------------------

    async def courses(self, now: datetime, *, everything: bool = True) -> list[CourseCard]:
        """Every course (withdrawn and past ones too), or only those open to sign-ups."""
        async with self._sessions() as session:
            if everything:
                return await store.all_courses(session, now)
            return await courses.catalogue(session, now)

    async def course(self, course_id: int, now: datetime) -> CourseCard | None:
        async with self._sessions() as session:
            return await courses.get(session, course_id, now)

    async def by_code(self, code: str, now: datetime) -> CourseCard | None:
        async with self._sessions() as session:
            return await courses.by_code(session, code.strip().lower(), now)

    async def counts(self, course_id: int) -> dict[str, int]:
        """How many enrolments are in each status (no names: not audited)."""
        async with self._sessions() as session:
            rows = await store.enrolment_list(session, course_id)
        return {s: sum(r.status == s for r in rows) for s in STATUS_IT}

    async def page(self, course_id: int, actor: str, now: datetime) -> CoursePage | None:
        """The course and its people; each person shown is audited (`PEOPLE_VIEWED`)."""
        async with self._sessions.begin() as session:
            card = await courses.get(session, course_id, now)
            if card is None:
                return None
            rows = await store.enrolment_list(session, course_id)
            for row in rows:
                await privacy.audit(session, row.telegram_id, PEOPLE_VIEWED, actor[:64], now)
            lessons = await attendance.lessons(session, course_id, now)
            hours = await attendance.hours_by_person(session, course_id, now)
        people = [_person(row) for row in rows]
        return CoursePage(
            card=card,
            enrolled=tuple(p for p in people if p.status in (ENROLLED, OFFERED)),
            waiting=tuple(p for p in people if p.status == WAITING),
            left=tuple(p for p in people if p.status not in (ENROLLED, OFFERED, WAITING)),
            lessons=tuple(lessons),
            hours=hours,
        )

    async def person(
        self, course_id: int, telegram_id: int, actor: str, now: datetime
    ) -> tuple[CourseCard, Person] | None:
        """One person still in the course (enrolled, offered a seat or waiting), audited
        like the course's page; None if the course or their place in it is gone."""
        async with self._sessions.begin() as session:
            card = await courses.get(session, course_id, now)
            rows = await store.enrolment_list(session, course_id) if card else []
            found = [r for r in rows if r.telegram_id == telegram_id and r.status in LIVE]
            if card is None or not found:
                return None
            await privacy.audit(session, telegram_id, PEOPLE_VIEWED, actor[:64], now)
        return card, _person(found[0])

    async def spec(self, course_id: int) -> CourseSpec | None:
        async with self._sessions() as session:
            try:
                return await store.current_spec(session, course_id)
            except courses.CourseNotFound:
                return None

    async def specs(self, now: datetime, *, everything: bool = False) -> list[CourseSpec]:
        """The courses in the import format (`proximity courses catalogue`)."""
        async with self._sessions() as session:
            cards = await store.all_courses(session, now)
            return [
                await store.current_spec(session, card.id)
                for card in cards
                if everything or not card.withdrawn
            ]

    async def is_empty(self) -> bool:
        async with self._sessions() as session:
            return await store.count_courses(session) == 0

    # -- writing ------------------------------------------------------------------------------

    async def save(self, spec: CourseSpec, now: datetime, course_id: int | None = None) -> Saved:
        """Creates the course (`course_id` None; a code typed that is already used is a
        problem, an empty one is made from the title) or saves the edit of that course.
        People in it are told by the bot's jobs (module doc)."""
        try:
            async with self._sessions.begin() as session:
                if course_id is None and not spec.code:
                    spec = dataclasses.replace(spec, code=await _free_code(session, spec.title))
                return Saved(await self._save(session, spec, now, course_id, creating=True))
        except CourseProblems as exc:
            return Saved(None, exc.problems)

    async def save_all(self, specs: Sequence[CourseSpec], now: datetime) -> list[CourseChange]:
        """A course file: each spec creates its course or updates the one with its code, all
        in one transaction (a course with problems raises CourseProblems; nothing changes)."""
        async with self._sessions.begin() as session:
            changes = []
            for spec in specs:
                existing = await session.scalar(select(Course.id).where(Course.code == spec.code))
                changes.append(await self._save(session, spec, now, existing, creating=False))
            return changes

    async def _save(
        self,
        session: AsyncSession,
        spec: CourseSpec,
        now: datetime,
        course_id: int | None,
        *,
        creating: bool,
    ) -> CourseChange:
        before: CourseSpec | None = None
        if course_id is not None:
            before = await store.current_spec(session, course_id)
        elif creating and await session.scalar(select(Course.id).where(Course.code == spec.code)):
            raise CourseProblems(spec.code, [Problem("code", "code-taken")])
        found = spec_problems(spec, before, now)
        if spec.place_id not in self.places:
            found.append(Problem("place", "place"))
        if found:
            raise CourseProblems(spec.code, found)
        if course_id is None:
            return await store.save_course(session, spec, now, self.offer_window)
        taken = await session.scalar(select(Course.seats_taken).where(Course.id == course_id))
        try:
            return await store.update_course(session, course_id, spec, now, self.offer_window)
        except courses.SeatsBelowTaken:
            raise CourseProblems(
                spec.code, [Problem("seats", "seats-below", {"taken": taken or 0})]
            ) from None

    async def withdraw(self, course_id: int, now: datetime) -> CourseWithdrawal:
        """Takes the course out of the catalogue; everyone in it is told by the bot."""
        async with self._sessions.begin() as session:
            return await store.withdraw_course(session, course_id, now)

    async def withdraw_person(
        self, course_id: int, telegram_id: int, actor: str, now: datetime
    ) -> PersonWithdrawal:
        """Takes one person off the course (a call to the office). A seat they held is
        offered to the first in line with the usual time limit; the bot sends the offer,
        and tells the person they are off the course (scheduler/course_changes.py)."""
        async with self._sessions.begin() as session:
            try:
                done = await courses.withdraw(
                    session, telegram_id, course_id, now, self.offer_window
                )
            except courses.CourseError:
                return PersonWithdrawal(False, None)
            courses.mark_removed_by_office(done.enrolment, now)
            await privacy.audit(session, telegram_id, PERSON_WITHDRAWN, actor[:64], now)
            await privacy.count(session, "course_withdrawn", now)
            return PersonWithdrawal(True, done.offer)

    # -- exports ------------------------------------------------------------------------------

    async def export(
        self, course_id: int, actor: str, now: datetime, kind: ExportFormat = "csv"
    ) -> Export | None:
        """The enrolment list for the course provider and the funder; each person in it is
        audited (`EXPORTED`). None for a course that does not exist."""
        async with self._sessions.begin() as session:
            card = await courses.get(session, course_id, now)
            if card is None:
                return None
            rows = await store.enrolment_list(session, course_id)
            for row in rows:  # personal data leaves the system: record who took it
                await privacy.audit(session, row.telegram_id, EXPORTED, actor[:64], now)
        if kind == "xlsx":
            content, media = enrolment_xlsx(rows, self.zone, card.title), XLSX_TYPE
        else:
            # With a BOM, Excel reads the accents right.
            content = enrolment_csv(rows, self.zone).encode("utf-8-sig")
            media = "text/csv; charset=utf-8"
        return Export(f"iscritti-{card.code}.{kind}", media, content, len(rows))


# ------------------------------------------------------------------ helpers


async def _free_code(session: AsyncSession, title: str) -> str:
    base = code_from_title(title)
    taken = set(await session.scalars(select(Course.code).where(Course.code.startswith(base))))
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    return code


def _person(row: EnrolmentRow) -> Person:
    return Person(
        telegram_id=row.telegram_id,
        name=row.display_name,
        status=row.status,
        position=row.position,
        signed_up_at=row.created_at,
        changed_at=row.updated_at,
        offer_expires_at=row.offer_expires_at,
    )
