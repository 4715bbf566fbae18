"""The rules every course follows, whether typed in the console's form (app/course_form.py)
or read from a course file (store/course_import.py), and the problems they name.

Every problem names its field and a catalogue key (`web-course-error-<code>`, Italian); a
course with problems changes nothing (`CourseProblems`, raised by app/course_admin.py).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from store.course_import import CourseSpec

MAX_CODE_FROM_TITLE = 40


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


def code_from_title(title: str) -> str:
    """A course code from its title: "Pulizie & sanificazione" → "pulizie_sanificazione"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    code = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:MAX_CODE_FROM_TITLE].strip("_")
    if not code or not code[0].isalpha():
        code = f"corso_{code}".strip("_")
    return code if len(code) > 1 else "corso"
