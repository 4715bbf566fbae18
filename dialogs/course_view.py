"""What the core knows about courses: plain values the shell loads before a turn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dialogs.agenda import PRESCREENING_OPENS

# Who may sign up for a course.
REQUIRES_NOTHING = "none"
REQUIRES_PRESCREENING = "prescreened"
REQUIRES_IN_CHARGE = "in_charge"

# Live statuses of an enrolment; the others (withdrawn, declined, expired) are history.
ENROLLED = "enrolled"
WAITING = "waiting"
OFFERED = "offered"


@dataclass(frozen=True)
class CourseText:
    """A course's words in one language: `language` is the language asked for, and
    `italian` says that some of them are the Italian original (no translation yet)."""

    language: str
    title: str
    description: str
    cost: str = ""
    italian: bool = False


@dataclass(frozen=True)
class CourseView:
    id: int
    code: str
    title: str
    description: str
    category: str
    venue_id: str
    seats_left: int
    requirement: str
    sessions: tuple[tuple[datetime, datetime], ...]  # (start, end), UTC, in order
    cost: str = ""
    min_italian: str | None = None
    deadline: datetime | None = None
    # False for a course the person is in that no longer takes sign-ups: it shows in
    # "I miei corsi", not in the catalogue.
    open: bool = True
    # The words in other languages; `title`, `description` and `cost` are the Italian
    # original, which is always there. A translation may miss some of them.
    translations: tuple[CourseText, ...] = ()

    def text(self, language: str) -> CourseText:
        """The words in `language`, each one falling back to the Italian original."""
        found = next((t for t in self.translations if t.language == language), None)
        if language == "it" or found is None:
            return CourseText(
                language, self.title, self.description, self.cost, italian=language != "it"
            )
        return CourseText(
            language,
            found.title or self.title,
            found.description or self.description,
            found.cost or self.cost,
            italian=not (found.title and found.description),
        )

    @property
    def titles(self) -> tuple[str, ...]:
        """Every title in every language, Italian first: a course named in any of them
        should still be found."""
        names = (self.title, *(t.title for t in self.translations if t.title))
        return tuple(dict.fromkeys(names))

    @property
    def first_start(self) -> datetime | None:
        return self.sessions[0][0] if self.sessions else None


@dataclass(frozen=True)
class MyEnrolment:
    id: int
    course_id: int
    status: str  # enrolled, waiting, offered
    position: int | None = None  # in the waiting list, from 1
    offer_expires: datetime | None = None


@dataclass(frozen=True)
class Courses:
    """The open catalogue and the person's own enrolments, for one turn."""

    catalogue: tuple[CourseView, ...] = ()
    mine: tuple[MyEnrolment, ...] = ()
    prescreening_outcome: str | None = None
    taken_in_charge: bool = False

    def course(self, course_id: int) -> CourseView | None:
        return next((c for c in self.catalogue if c.id == course_id), None)

    def enrolment_in(self, course_id: int) -> MyEnrolment | None:
        return next((e for e in self.mine if e.course_id == course_id), None)

    def enrolment(self, enrolment_id: int) -> MyEnrolment | None:
        return next((e for e in self.mine if e.id == enrolment_id), None)

    def missing_requirement(self, course: CourseView) -> str | None:
        """None when the person may sign up; otherwise what is missing."""
        if course.requirement == REQUIRES_PRESCREENING and not self.taken_in_charge:
            if self.prescreening_outcome is None:
                return "prescreening"
            if self.prescreening_outcome not in PRESCREENING_OPENS:
                return "not_eligible"
        if course.requirement == REQUIRES_IN_CHARGE and not self.taken_in_charge:
            return "in_charge"
        return None
