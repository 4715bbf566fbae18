"""Lesson attendance: the register of a lesson and its marks, Presente / Assente, so the
course hours reported to the funder are the hours people actually attended.

Rules, all checked here and not in the page:
- only a lesson that has started can be marked (a future lesson has no register yet);
- only people enrolled in that lesson's course can be marked: the ids a form sends are
  matched against the register read from the database, never trusted;
- a mark repeated changes nothing; a different mark over an existing one is a change of
  mind, which only a coordinator may make, and it is recorded (`MARK_CHANGED`, with who);
- a form with any problem saves nothing (one transaction), and each problem names the
  field beside which the page shows it.

Each person shown on a register is audited (`REGISTER_VIEWED`), each mark too. The first
mark of a person at a lesson adds one to the month's anonymous count `lesson_attended` or
`lesson_absent` (store.privacy.count) for the coordinators' dashboard; a change does not.
The hours of a lesson are its length (store/attendance.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store import attendance, privacy
from store.attendance import LessonLine, RegisterRow
from store.models import ABSENT, ENROLLED, PRESENT, Course

# Audit actions (their words on the audit page are in locales/it/web.ftl).
REGISTER_VIEWED = "lesson_register_viewed"
MARKED = "lesson_marked"
MARK_CHANGED = "lesson_mark_changed"
# Anonymous monthly counts, once per person and lesson (the first mark).
COUNTS = {PRESENT: "lesson_attended", ABSENT: "lesson_absent"}
MARKS = (PRESENT, ABSENT)
WHOLE = "register"  # the field of a problem that is not one person's


@dataclass(frozen=True)
class Problem:
    """`field` is "mark-<enrolment id>" or `WHOLE`; `code` ends a catalogue key
    (`web-lesson-error-<code>`)."""

    field: str
    code: str


@dataclass(frozen=True)
class Register:
    course_id: int
    course_title: str
    course_withdrawn: bool
    lesson: LessonLine
    rows: tuple[RegisterRow, ...]

    @property
    def present(self) -> int:
        return sum(r.mark == PRESENT for r in self.rows)

    @property
    def absent(self) -> int:
        return sum(r.mark == ABSENT for r in self.rows)


@dataclass(frozen=True)
class Saved:
    first: int = 0  # people marked for the first time
    changed: int = 0  # marks changed by a coordinator
    problems: tuple[Problem, ...] = ()


class LessonAttendance:
    """One unit of work per call; `actor` is who the audit names ("web:<id>", "cli:<name>")."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def register(
        self, course_id: int, lesson_id: int, actor: str, now: datetime
    ) -> Register | None:
        """The lesson's register, each person on it audited; None for a lesson that is not
        one of that course's. A lesson not started yet has an empty register (`started`)."""
        async with self._sessions.begin() as session:
            found = await _register(session, course_id, lesson_id, now)
            if found is None:
                return None
            for row in found.rows:
                await privacy.audit(session, row.telegram_id, REGISTER_VIEWED, actor[:64], now)
            return found

    async def save(
        self,
        course_id: int,
        lesson_id: int,
        marks: Mapping[str, str],
        actor: str,
        now: datetime,
        *,
        may_change: bool,
    ) -> Saved | None:
        """Records the marks typed: enrolment id (as the form sent it) → "present" or
        "absent"; an empty value leaves that person as they are. `may_change`: the actor is
        a coordinator. None for a lesson that is not one of that course's."""
        async with self._sessions.begin() as session:
            found = await _register(session, course_id, lesson_id, now)
            if found is None:
                return None
            wanted, problems = _checked(found, marks, may_change=may_change)
            if problems:
                return Saved(problems=tuple(problems))
            rows = {r.enrolment_id: r for r in found.rows}
            first = changed = 0
            for enrolment_id, status in wanted.items():
                done = await attendance.mark(
                    session, lesson_id, enrolment_id, status, actor, now, change=may_change
                )
                telegram_id = rows[enrolment_id].telegram_id
                if done == "first":
                    first += 1
                    await privacy.audit(session, telegram_id, MARKED, actor[:64], now)
                    await privacy.count(session, COUNTS[status], now)
                elif done == "changed":
                    changed += 1
                    await privacy.audit(session, telegram_id, MARK_CHANGED, actor[:64], now)
            return Saved(first, changed)

    async def hours(self, course_id: int, now: datetime) -> dict[int, tuple[float, float]]:
        """Telegram id → (hours attended, hours held) in the course (no names: not audited)."""
        async with self._sessions() as session:
            return await attendance.hours_by_person(session, course_id, now)


async def _register(
    session: AsyncSession, course_id: int, lesson_id: int, now: datetime
) -> Register | None:
    lesson = await attendance.lesson(session, course_id, lesson_id)
    course = await session.get(Course, course_id)
    if lesson is None or course is None:
        return None
    started = lesson.starts_at <= now
    rows = await attendance.register(session, lesson) if started else []
    line = LessonLine(
        lesson.id, lesson.starts_at, lesson.ends_at, started, sum(r.mark is not None for r in rows)
    )
    return Register(course.id, course.title, course.withdrawn_at is not None, line, tuple(rows))


def _checked(
    found: Register, marks: Mapping[str, str], *, may_change: bool
) -> tuple[dict[int, str], list[Problem]]:
    """The marks to write (enrolment id → status), or the problems of the form."""
    if not found.lesson.started:
        return {}, [Problem(WHOLE, "not-started")]
    rows = {r.enrolment_id: r for r in found.rows}
    wanted: dict[int, str] = {}
    problems: list[Problem] = []
    chosen = 0
    for raw_id, raw_value in marks.items():
        value = raw_value.strip()
        row = rows.get(int(raw_id)) if raw_id.isdigit() and len(raw_id) < 12 else None
        if row is None:
            # Not on this register: another course's enrolment, someone who left, or a
            # forged id. Said once for the whole form, as there is no field to show it by.
            if not any(p.code == "not-enrolled" for p in problems):
                problems.append(Problem(WHOLE, "not-enrolled"))
            continue
        field = f"mark-{row.enrolment_id}"
        if not value:
            continue
        chosen += 1
        if value not in MARKS:
            problems.append(Problem(field, "value"))
        elif row.mark is None and row.enrolment_status != ENROLLED:
            problems.append(Problem(WHOLE, "not-enrolled"))  # left before being marked
        elif row.mark is not None and row.mark != value and not may_change:
            problems.append(Problem(field, "change"))
        elif row.mark != value:
            wanted[row.enrolment_id] = value
    if not chosen and not problems:
        problems.append(Problem(WHOLE, "nothing"))
    return wanted, problems
