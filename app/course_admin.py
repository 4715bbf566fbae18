"""The office's side of the courses: THE one implementation that the command line
(`proximity courses`) and the web console (web/course_pages.py) both call.

- Reading: the catalogue (open courses or every course), one course, its people (enrolled,
  offered a seat, waiting with their position, and those who left).
- Writing: create, edit and withdraw a course and its lessons; withdraw one person.
- Exporting the enrolment list as CSV (semicolons, what Excel in Italian expects) or XLSX.

Checking. A course typed in a form (`CourseForm`, raw strings) is read into a
`store.course_import.CourseSpec` by `read_form`; a spec from a file comes checked by
store/course_import.py. Both then go through the same rules (`spec_problems`): no new
lesson in the past, a sign-up deadline neither in the past nor after the first lesson; and,
inside the transaction that saves it, no fewer seats than the people holding one. Every
problem names its field and a catalogue key (`web-course-error-<code>`, Italian), and a
course with problems changes nothing.

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

import csv
import dataclasses
import io
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.audit import FORMULA_START
from app.lesson_attendance import LessonAttendance
from dialogs.slots import local_to_utc
from store import attendance, courses, privacy
from store import course_admin as store
from store.agenda_config import load_agenda_config
from store.attendance import LessonLine
from store.course_admin import CourseChange, CourseWithdrawal, EnrolmentRow
from store.course_import import (
    CATEGORIES,
    ITALIAN_LEVELS,
    LONGEST,
    MAX_SEATS,
    REQUIREMENTS,
    CourseSpec,
    Lesson,
)
from store.courses import LIVE, OFFER_WINDOW, CourseCard, Offer
from store.models import ENROLLED, OFFERED, WAITING, Course
from store.settings import Settings

# Audit actions (the words of the audit page are in locales/it/web.ftl).
PEOPLE_VIEWED = "course_people_viewed"
EXPORTED = "course_export"  # as the command line has always written it
PERSON_WITHDRAWN = "course_person_withdrawn"

STATUS_IT = {
    "enrolled": "iscritto",
    "offered": "posto offerto",
    "waiting": "in attesa",
    "withdrawn": "ritirato",
    "course_off": "corso annullato",
    "declined": "rinuncia",
    "expired": "offerta scaduta",
}
EXPORT_COLUMNS = ("nome", "telegram_id", "stato", "posizione_attesa", "iscrizione", "ultimo_cambio")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ExportFormat = Literal["csv", "xlsx"]

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_ITALIAN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MAX_CONTACT = 128
MAX_CODE_FROM_TITLE = 40

# Notes a problem of a field: (field, code, **params).
_Wrong = Callable[..., None]


# ------------------------------------------------------------------ values


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field: `code` is the end of a catalogue key
    (`web-course-error-<code>`), `params` its values."""

    field: str
    code: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)


class CourseProblems(ValueError):
    """A course that breaks the rules; nothing was changed."""

    def __init__(self, code: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"{code}: " + ", ".join(f"{p.field} {p.code}" for p in problems))
        self.code = code
        self.problems = tuple(problems)


@dataclass(frozen=True)
class LessonForm:
    date: str = ""  # 2026-12-03 (what <input type=date> sends) or 03/12/2026
    start: str = ""  # 09:00
    end: str = ""
    drop: bool = False  # "togli questa lezione"

    @property
    def blank(self) -> bool:
        return not (self.date.strip() or self.start.strip() or self.end.strip())


@dataclass(frozen=True)
class CourseForm:
    """A course as typed in the console's form: every value a string, as sent."""

    code: str = ""
    title: str = ""
    description: str = ""
    category: str = ""
    place: str = ""
    seats: str = ""
    requirement: str = "none"
    min_italian: str = ""
    cost: str = "gratuito"
    contact: str = ""
    deadline_date: str = ""
    deadline_time: str = ""
    remind_each_session: bool = False
    lessons: tuple[LessonForm, ...] = ()

    def with_rows(self, count: int) -> CourseForm:
        """The same form with at least `count` lesson rows (empty ones at the end)."""
        missing = max(0, count - len(self.lessons))
        return dataclasses.replace(self, lessons=self.lessons + (LessonForm(),) * missing)


@dataclass(frozen=True)
class Person:
    """One person on a course's page."""

    telegram_id: int
    name: str | None
    status: str
    position: int | None  # in the waiting list, from 1
    signed_up_at: datetime
    changed_at: datetime
    offer_expires_at: datetime | None


@dataclass(frozen=True)
class CoursePage:
    card: CourseCard
    enrolled: tuple[Person, ...]  # with a seat, or offered one (and its time limit)
    waiting: tuple[Person, ...]  # in line order, positions from 1
    left: tuple[Person, ...]  # withdrew, declined, let an offer expire, or course withdrawn
    # Each lesson with its id, for its register (app/lesson_attendance.py).
    lessons: tuple[LessonLine, ...] = ()
    # Telegram id → (hours attended, hours held): the lessons marked present, so far.
    hours: Mapping[int, tuple[float, float]] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Saved:
    """A saved course (`change`), or why it was not saved (`problems`)."""

    change: CourseChange | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class PersonWithdrawal:
    done: bool  # False: the person held no live place in the course
    offer: Offer | None  # the next in line, now offered the freed seat (the bot sends it)


@dataclass(frozen=True)
class Export:
    filename: str
    media_type: str
    content: bytes
    rows: int


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

    # -- forms --------------------------------------------------------------------------------

    def form_of(self, spec: CourseSpec) -> CourseForm:
        """A saved course as its form shows it, in local time."""
        tz = ZoneInfo(self.zone)
        deadline = spec.signup_deadline.astimezone(tz) if spec.signup_deadline else None
        return CourseForm(
            code=spec.code,
            title=spec.title,
            description=spec.description,
            category=spec.category,
            place=spec.place_id,
            seats=str(spec.seats),
            requirement=spec.requirement,
            min_italian=spec.min_italian or "",
            cost=spec.cost,
            contact=spec.contact,
            deadline_date=f"{deadline:%Y-%m-%d}" if deadline else "",
            deadline_time=f"{deadline:%H:%M}" if deadline else "",
            remind_each_session=spec.remind_each_session,
            lessons=tuple(
                LessonForm(
                    f"{s.astimezone(tz):%Y-%m-%d}",
                    f"{s.astimezone(tz):%H:%M}",
                    f"{e.astimezone(tz):%H:%M}",
                )
                for s, e in spec.sessions
            ),
        )

    def read_form(
        self, form: CourseForm, now: datetime, before: CourseSpec | None = None, held: int = 0
    ) -> tuple[CourseSpec | None, list[Problem]]:
        """The form as a course, or the problems beside its fields. `before` is the course
        as saved (an edit): its code and translations stay, and its lessons may be past.
        `held` is how many seats people hold now, to say so with the other problems (`save`
        checks it again in its transaction)."""
        problems: list[Problem] = []

        def wrong(field: str, code: str, **params: object) -> None:
            problems.append(Problem(field, code, params))

        title = " ".join(form.title.split())
        if not title:
            wrong("title", "title-empty")
        elif len(title) > LONGEST["title"]:
            wrong("title", "title-long", max=LONGEST["title"])
        description = form.description.strip()
        if not description:
            wrong("description", "description-empty")
        elif len(description) > LONGEST["description"]:
            wrong("description", "description-long", max=LONGEST["description"])
        if form.category not in CATEGORIES:
            wrong("category", "category")
        if form.place not in self.places:
            wrong("place", "place")
        seats = _whole_number(form.seats)
        if seats is None:
            wrong("seats", "seats-number")
        elif not 1 <= seats <= MAX_SEATS:
            wrong("seats", "seats-range", max=MAX_SEATS)
        elif seats < held:
            wrong("seats", "seats-below", taken=held)
        if form.requirement not in REQUIREMENTS:
            wrong("requirement", "requirement")
        level = form.min_italian.strip().upper() or None
        if level is not None and level not in ITALIAN_LEVELS:
            wrong("min_italian", "italian")
        cost = " ".join(form.cost.split()) or "gratuito"
        if len(cost) > LONGEST["cost"]:
            wrong("cost", "cost-long", max=LONGEST["cost"])
        contact = " ".join(form.contact.split())
        if not contact:
            wrong("contact", "contact-empty")
        elif len(contact) > MAX_CONTACT:
            wrong("contact", "contact-long", max=MAX_CONTACT)
        code = before.code if before is not None else self._code(form, wrong)
        deadline = self._deadline(form, wrong)
        lessons = self._lessons(form, now, before, wrong)
        if problems or seats is None:
            return None, problems
        spec = CourseSpec(
            code=code,
            title=title,
            description=description,
            category=form.category,
            place_id=form.place,
            seats=seats,
            contact=contact,
            sessions=lessons,
            requirement=form.requirement,
            min_italian=level,
            cost=cost,
            signup_deadline=deadline,
            remind_each_session=form.remind_each_session,
            translations=before.translations if before is not None else (),
        )
        # The lessons were checked row by row above; the deadline's rules are the spec's.
        found = [p for p in spec_problems(spec, before, now) if p.field == "deadline_date"]
        return (None, found) if found else (spec, [])

    def _code(self, form: CourseForm, wrong: _Wrong) -> str:
        """The code typed, or "" for one made from the title when saving (`save`)."""
        typed = form.code.strip().lower()
        if typed and not _CODE.match(typed):
            wrong("code", "code")
        return typed

    def _deadline(self, form: CourseForm, wrong: _Wrong) -> datetime | None:
        if not form.deadline_date.strip():
            if form.deadline_time.strip():
                wrong("deadline_date", "deadline-date-missing")
            return None
        day = parse_day(form.deadline_date)
        hour = parse_hour(form.deadline_time) if form.deadline_time.strip() else time(23, 59)
        if day is None:
            wrong("deadline_date", "date")
        if hour is None:
            wrong("deadline_time", "time")
        if day is None or hour is None:
            return None
        try:
            return local_to_utc(datetime.combine(day, hour), self.zone)
        except ValueError:  # a wall time the clocks skip (the spring DST change)
            wrong("deadline_time", "time-skipped")
            return None

    def _lessons(
        self, form: CourseForm, now: datetime, before: CourseSpec | None, wrong: _Wrong
    ) -> tuple[Lesson, ...]:
        kept = frozenset(before.sessions) if before is not None else frozenset()
        found: set[Lesson] = set()
        for n, row in enumerate(form.lessons):
            if row.drop or row.blank:
                continue
            day, start, end = parse_day(row.date), parse_hour(row.start), parse_hour(row.end)
            if day is None:
                wrong(f"lesson-{n}-date", "date")
            if start is None:
                wrong(f"lesson-{n}-start", "time")
            if end is None:
                wrong(f"lesson-{n}-end", "time")
            if day is None or start is None or end is None:
                continue
            try:
                lesson = Lesson(
                    local_to_utc(datetime.combine(day, start), self.zone),
                    local_to_utc(datetime.combine(day, end), self.zone),
                )
            except ValueError:
                wrong(f"lesson-{n}-start", "time-skipped")
                continue
            if lesson.ends_at <= lesson.starts_at:
                wrong(f"lesson-{n}-end", "lesson-order")
            elif lesson not in kept and lesson.starts_at < now:
                wrong(f"lesson-{n}-date", "lesson-past")
            else:
                found.add(lesson)
        if not found and not any(
            not (row.drop or row.blank) for row in form.lessons
        ):  # nothing typed at all (a row with a mistake has its own message)
            wrong("lesson-0-date", "lessons-none")
        return tuple(sorted(found))

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


# ------------------------------------------------------------------ rules


def spec_problems(spec: CourseSpec, before: CourseSpec | None, now: datetime) -> list[Problem]:
    """The rules every course follows, from a form or a file. Lessons already saved may be
    past (a course that started can still change place); new ones may not."""
    found: list[Problem] = []
    kept = frozenset(before.sessions) if before is not None else frozenset()
    if not spec.title.strip():
        found.append(Problem("title", "title-empty"))
    if not spec.sessions:
        found.append(Problem("lesson-0-date", "lessons-none"))
    for lesson in spec.sessions:
        if lesson.ends_at <= lesson.starts_at:
            found.append(Problem("lesson-0-end", "lesson-order"))
        elif lesson not in kept and lesson.starts_at < now:
            found.append(Problem("lesson-0-date", "lesson-past"))
    deadline = spec.signup_deadline
    if deadline is not None and spec.sessions:
        unchanged = before is not None and before.signup_deadline == deadline
        if deadline > spec.sessions[0].starts_at:
            found.append(Problem("deadline_date", "deadline-after-start"))
        elif deadline < now and not unchanged:
            found.append(Problem("deadline_date", "deadline-past"))
    return found


async def _free_code(session: AsyncSession, title: str) -> str:
    base = code_from_title(title)
    taken = set(await session.scalars(select(Course.code).where(Course.code.startswith(base))))
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    return code


def code_from_title(title: str) -> str:
    """A course code from its title: "Pulizie & sanificazione" → "pulizie_sanificazione"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    code = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:MAX_CODE_FROM_TITLE].strip("_")
    if not code or not code[0].isalpha():
        code = f"corso_{code}".strip("_")
    return code if len(code) > 1 else "corso"


def parse_day(text: str) -> date | None:
    value = text.strip()
    found = _ITALIAN_DATE.match(value)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def parse_hour(text: str) -> time | None:
    found = _TIME.match(text.strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        return None
    return time(int(found[1]), int(found[2]))


def _whole_number(text: str) -> int | None:
    value = text.strip()
    return int(value) if value.isdigit() and len(value) <= 6 else None


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


# ------------------------------------------------------------------ exports


def _cell(text: str) -> str:
    # A spreadsheet runs a cell that starts with "=", "+", ... as a formula.
    return "'" + text if text.startswith(FORMULA_START) else text


def _export_rows(
    rows: Sequence[EnrolmentRow], zone: str
) -> list[tuple[str, int, str, int | str, datetime, datetime]]:
    tz = ZoneInfo(zone)
    return [
        (
            _cell(row.display_name or ""),
            row.telegram_id,
            STATUS_IT.get(row.status, row.status),
            row.position or "",
            row.created_at.astimezone(tz),
            row.updated_at.astimezone(tz),
        )
        for row in rows
    ]


def enrolment_csv(rows: Sequence[EnrolmentRow], zone: str) -> str:
    """The list as CSV: semicolon separated (what Excel in Italian expects), local times."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for name, telegram_id, status, position, created, updated in _export_rows(rows, zone):
        writer.writerow(
            (name, telegram_id, status, position, f"{created:%Y-%m-%d %H:%M}",
             f"{updated:%Y-%m-%d %H:%M}")
        )  # fmt: skip
    return buffer.getvalue()


def enrolment_xlsx(rows: Sequence[EnrolmentRow], zone: str, title: str) -> bytes:
    """The same list as a workbook: real dates (local, without a zone, as Excel keeps
    them), the course's title as the sheet's name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "iscritti"
    sheet.append(EXPORT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for name, telegram_id, status, position, created, updated in _export_rows(rows, zone):
        sheet.append(
            [name, telegram_id, status, position, created.replace(tzinfo=None),
             updated.replace(tzinfo=None)]
        )  # fmt: skip
    for row in sheet.iter_rows(min_row=2):
        row[0].data_type = "s"  # a name is text, whatever it starts with
        for cell in row[4:6]:
            cell.number_format = "dd/mm/yyyy hh:mm"
    for column, width in zip("ABCDEF", (28, 14, 16, 10, 17, 17), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def problems_by_field(problems: Collection[Problem]) -> dict[str, Problem]:
    """The first problem of each field, for the form to show beside it."""
    found: dict[str, Problem] = {}
    for problem in problems:
        found.setdefault(problem.field, problem)
    return found
