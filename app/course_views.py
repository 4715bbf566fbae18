"""What the course service (app/course_admin.py) hands to the web console and the command
line: a course's page with its people, a saved course or its problems, a person taken off,
and the Italian word for each status."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from app.course_rules import Problem
from store.attendance import LessonLine
from store.course_admin import CourseChange
from store.courses import CourseCard, Offer

# The Italian word for each status, as the command line and the exports show it; its keys
# are also the statuses a course's counts list (`CourseAdmin.counts`).
STATUS_IT = {
    "enrolled": "iscritto",
    "offered": "posto offerto",
    "waiting": "in attesa",
    "withdrawn": "ritirato",
    "course_off": "corso annullato",
    "declined": "rinuncia",
    "expired": "offerta scaduta",
}


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
