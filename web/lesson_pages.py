"""A lesson's register in the console: who is enrolled and their mark, Presente / Assente.

One form for the whole register (a radio pair per person, one "Salva il registro"), so it
works without JavaScript, with the keyboard and on a tablet at the classroom door. The rules
are the service's (app/lesson_attendance.py): a lesson not started has no register, only
the people on it can be marked, and only a coordinator changes a mark already made. A form
with a problem is shown again with what was chosen and the problem beside the person (or at
the top), and nothing is saved. Every person shown is audited, by the service.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.course_admin import CourseAdmin
from app.lesson_attendance import WHOLE, LessonAttendance, Register
from app.lesson_attendance import Problem as MarkProblem
from dialogs.slots import day_label
from web.accounts import Problem
from web.console import console_of, current, redirect, render
from web.models import Account
from web.roles import Role

MARK_PREFIX = "mark-"
MAX_MARKS = 500  # more fields than any class has people: the rest is not read


def _attendance(request: Request) -> LessonAttendance:
    courses: CourseAdmin = request.app.state.courses
    return courses.attendance


def _ids(request: Request) -> tuple[int, int]:
    course_id: int = request.path_params["course_id"]
    lesson_id: int = request.path_params["lesson_id"]
    return course_id, lesson_id


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


async def _names(request: Request, register: Register) -> dict[str, str]:
    """Who marked each row, by account name (the rows keep "web:<id>")."""
    wanted = {r.marked_by for r in register.rows if r.marked_by}
    ids = [int(a[4:]) for a in wanted if a.startswith("web:") and a[4:].isdigit()]
    if not ids:
        return {}
    async with console_of(request).sessions() as session:
        rows = await session.execute(select(Account.id, Account.name).where(Account.id.in_(ids)))
        return {f"web:{account_id}": name for account_id, name in rows}


def _page(
    request: Request,
    register: Register,
    names: Mapping[str, str],
    *,
    chosen: Mapping[str, str] | None = None,
    problems: tuple[MarkProblem, ...] = (),
    done: str = "",
) -> Response:
    courses: CourseAdmin = request.app.state.courses
    zone = ZoneInfo(courses.zone)

    def when(value: datetime | None, pattern: str = "%d/%m/%Y %H:%M") -> str:
        return value.astimezone(zone).strftime(pattern) if value else "—"

    start = register.lesson.starts_at.astimezone(zone)
    shown = [Problem(p.field, f"web-lesson-error-{p.code}", {}) for p in problems]
    context: dict[str, Any] = {
        "register": register,
        "lesson_day": f"{day_label(start.date())} {start.year}",
        "when": when,
        "names": names,
        "chosen": chosen or {},
        "problems": shown,
        "errors": {p.field: p for p in reversed(shown)},
        "whole": WHOLE,
        "may_change": current(request).role >= Role.COORDINATOR,
        "done": done,
    }
    return render(request, "course_lesson.html", context, status_code=400 if shown else 200)


async def course_lesson(request: Request) -> Response:
    course_id, lesson_id = _ids(request)
    now = console_of(request).clock()
    register = await _attendance(request).register(course_id, lesson_id, _actor(request), now)
    if register is None:
        return render(request, "error.html", {"status": 404}, status_code=404)
    done = request.query_params.get("done", "")
    return _page(
        request,
        register,
        await _names(request, register),
        done=done if done in ("saved", "same") else "",
    )


async def course_lesson_save(request: Request) -> Response:
    course_id, lesson_id = _ids(request)
    form = await request.form()
    marks: dict[str, str] = {}
    for key, value in list(form.multi_items())[:MAX_MARKS]:
        if key.startswith(MARK_PREFIX) and isinstance(value, str):
            marks[key[len(MARK_PREFIX) :][:20]] = value[:20]
    service, now = _attendance(request), console_of(request).clock()
    saved = await service.save(
        course_id,
        lesson_id,
        marks,
        _actor(request),
        now,
        may_change=current(request).role >= Role.COORDINATOR,
    )
    if saved is None:
        return render(request, "error.html", {"status": 404}, status_code=404)
    if not saved.problems:
        what = "saved" if saved.first or saved.changed else "same"
        return redirect(f"/courses/{course_id}/lessons/{lesson_id}?done={what}")
    # Shown again with what was chosen; the view of the register is audited like a GET.
    register = await service.register(course_id, lesson_id, _actor(request), now)
    if register is None:
        return render(request, "error.html", {"status": 404}, status_code=404)
    return _page(
        request, register, await _names(request, register), chosen=marks, problems=saved.problems
    )


ROUTES = [
    Route("/courses/{course_id:int}/lessons/{lesson_id:int}", course_lesson, name="course_lesson"),
    Route(
        "/courses/{course_id:int}/lessons/{lesson_id:int}/marks",
        course_lesson_save,
        methods=["POST"],
        name="course_lesson_save",
    ),
]
