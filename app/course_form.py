"""The console's course form, both ways: a saved course as its form shows it (`form_of`),
and what was typed read into a `store.course_import.CourseSpec` or the problems beside
its fields (`read_form`). Pure: nothing here opens the database.

A course typed (`CourseForm`, raw strings as sent) is checked field by field here, then by
the same rules as a course from a file (app/course_rules.py). The seats people hold are
checked again inside the transaction that saves it (app/course_admin.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from app.course_rules import Problem, spec_problems
from dialogs.slots import local_to_utc
from store.course_import import (
    CATEGORIES,
    ITALIAN_LEVELS,
    LONGEST,
    MAX_SEATS,
    REQUIREMENTS,
    CourseSpec,
    Lesson,
)

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_ITALIAN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MAX_CONTACT = 128

# Notes a problem of a field: (field, code, **params).
_Wrong = Callable[..., None]


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


class CourseForms:
    """The form in the office's time zone (`zone`), offering the places a course may be
    held in (`places`: ids to names, config/appointments.yaml)."""

    def __init__(self, zone: str, places: Mapping[str, str]) -> None:
        self.zone = zone
        self.places = places

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
        `held` is how many seats people hold now, to say so with the other problems
        (`CourseAdmin.save` checks it again in its transaction)."""
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
        """The code typed, or "" for one made from the title when saving (`CourseAdmin.save`)."""
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


def problems_by_field(problems: Collection[Problem]) -> dict[str, Problem]:
    """The first problem of each field, for the form to show beside it."""
    found: dict[str, Problem] = {}
    for problem in problems:
        found.setdefault(problem.field, problem)
    return found
