"""Courses in the console: the list and a course's page (every role), and for coordinators
one form for a course and its lessons, withdrawing a course or one person (each with a
confirmation page), and the enrolment list as CSV or XLSX.

Every page calls the course service (app/course_admin.py), the one the command line calls
too. The form works without JavaScript: it shows the course's lessons plus a few empty
rows, "Aggiungi altre righe" posts the form back with more (saving nothing), an empty row
does not count and "Togli" takes a lesson out. A form with problems is shown again with
what was typed and each problem beside its field, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.course_admin import CourseAdmin
from app.course_form import CourseForm, LessonForm
from app.course_rules import Problem as CourseProblem
from dialogs.slots import day_label
from store.course_import import CATEGORIES, ITALIAN_LEVELS, REQUIREMENTS
from store.courses import CourseCard
from web import lesson_pages
from web.accounts import Problem
from web.console import console_of, current, redirect, render

EMPTY_ROWS = 3  # empty lesson rows after the course's lessons
MORE_ROWS = 3  # added by "Aggiungi altre righe"
MAX_ROWS = 120
TEXT_FIELDS = (
    "code", "title", "description", "category", "place", "seats", "requirement",
    "min_italian", "cost", "contact", "deadline_date", "deadline_time",
)  # fmt: skip
LONGEST_TYPED = 5000  # what is kept of a field typed, before the service checks it


def _service(request: Request) -> CourseAdmin:
    service: CourseAdmin = request.app.state.courses
    return service


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


def _course_id(request: Request) -> int:
    course_id: int = request.path_params["course_id"]
    return course_id


def _missing(request: Request) -> Response:
    return render(request, "error.html", {"status": 404}, status_code=404)


def _formatter(service: CourseAdmin) -> Callable[..., str]:
    zone = ZoneInfo(service.zone)

    def when(value: datetime | None, pattern: str = "%d/%m/%Y %H:%M") -> str:
        return value.astimezone(zone).strftime(pattern) if value else "—"

    return when


def _lesson_day(service: CourseAdmin) -> Callable[[datetime], str]:
    zone = ZoneInfo(service.zone)

    def day(value: datetime) -> str:
        local = value.astimezone(zone)
        return f"{day_label(local.date())} {local.year}"

    return day


def hours_text(hours: float) -> str:
    """Hours as Italians write them: "6", "1,5" (a lesson's length is seldom whole)."""
    shown = f"{hours:.2f}".rstrip("0").rstrip(".")
    return f"{shown.replace('.', ',')} h"


def _state(card: CourseCard) -> str:
    if card.withdrawn:
        return "withdrawn"
    if not card.is_open:
        return "closed"
    return "waiting" if card.goes_to_waiting_list else "open"


def _context(request: Request, **extra: Any) -> dict[str, Any]:
    service = _service(request)
    return {
        "when": _formatter(service),
        "lesson_day": _lesson_day(service),
        "state": _state,
        "places": service.places,
        "offer_hours": int(service.offer_window.total_seconds() // 3600),
        "hours_text": hours_text,
        **extra,
    }


# ------------------------------------------------------------------ reading


async def courses(request: Request) -> Response:
    everything = request.query_params.get("tutti") == "1"
    console = console_of(request)
    cards = await _service(request).courses(console.clock(), everything=everything)
    return render(request, "courses.html", _context(request, cards=cards, everything=everything))


async def course(request: Request) -> Response:
    console = console_of(request)
    page = await _service(request).page(_course_id(request), _actor(request), console.clock())
    if page is None:
        return _missing(request)
    done = request.query_params.get("done", "")
    return render(request, "course.html", _context(request, page=page, done=done))


# ------------------------------------------------------------------ the form


async def course_new(request: Request) -> Response:
    return _form_page(request, None, None, CourseForm().with_rows(EMPTY_ROWS + 1))


async def course_edit(request: Request) -> Response:
    course_id = _course_id(request)
    service = _service(request)
    card = await service.course(course_id, console_of(request).clock())
    spec = await service.spec(course_id)
    if card is None or spec is None:
        return _missing(request)
    if card.withdrawn:
        return redirect(f"/courses/{course_id}")
    form = service.forms.form_of(spec)
    return _form_page(request, course_id, card, form.with_rows(len(form.lessons) + EMPTY_ROWS))


async def course_save(request: Request) -> Response:
    data = await request.form()
    raw_id = str(data.get("course_id") or "")
    course_id = int(raw_id) if raw_id.isdigit() else None
    service, now = _service(request), console_of(request).clock()
    card = before = None
    if course_id is not None:
        card = await service.course(course_id, now)
        before = await service.spec(course_id)
        if card is None or before is None:
            return _missing(request)
        if card.withdrawn:
            return redirect(f"/courses/{course_id}")
    form = _typed(data)
    if data.get("more"):  # more lesson rows, nothing saved
        return _form_page(request, course_id, card, form.with_rows(len(form.lessons) + MORE_ROWS))
    held = card.seats - card.seats_left if card is not None else 0
    spec, problems = service.forms.read_form(form, now, before, held)
    if spec is not None:
        saved = await service.save(spec, now, course_id)
        if saved.change is not None:
            what = "created" if saved.change.created else "saved"
            if not saved.change.created and not saved.change.changed:
                what = "unchanged"
            return redirect(f"/courses/{saved.change.course_id}?done={what}")
        problems = list(saved.problems)
    return _form_page(request, course_id, card, form, problems)


def _typed(data: FormData) -> CourseForm:
    def text(name: str) -> str:
        value = data.get(name)
        return value[:LONGEST_TYPED] if isinstance(value, str) else ""

    raw_rows = text("rows")
    rows = min(int(raw_rows), MAX_ROWS) if raw_rows.isdigit() else 0
    lessons = tuple(
        LessonForm(
            text(f"lesson-{n}-date"),
            text(f"lesson-{n}-start"),
            text(f"lesson-{n}-end"),
            bool(data.get(f"lesson-{n}-drop")),
        )
        for n in range(rows)
    )
    values = {name: text(name) for name in TEXT_FIELDS}
    return CourseForm(
        **values, remind_each_session=bool(data.get("remind_each_session")), lessons=lessons
    )


def _form_page(
    request: Request,
    course_id: int | None,
    card: CourseCard | None,
    form: CourseForm,
    problems: list[CourseProblem] | None = None,
) -> Response:
    shown = [Problem(p.field, f"web-course-error-{p.code}", dict(p.params)) for p in problems or []]
    return render(
        request,
        "course_form.html",
        _context(
            request,
            course_id=course_id,
            card=card,
            form=form,
            problems=shown,
            errors={p.field: p for p in reversed(shown)},
            categories=CATEGORIES,
            requirements=REQUIREMENTS,
            levels=ITALIAN_LEVELS,
        ),
        status_code=400 if shown else 200,
    )


# ------------------------------------------------------------------ withdrawing


async def course_withdraw(request: Request) -> Response:
    """GET: what withdrawing the course means; POST: withdraw it."""
    course_id, service = _course_id(request), _service(request)
    now = console_of(request).clock()
    card = await service.course(course_id, now)
    if card is None:
        return _missing(request)
    if request.method == "POST":
        await service.withdraw(course_id, now)
        return redirect(f"/courses/{course_id}?done=withdrawn")
    if card.withdrawn:
        return redirect(f"/courses/{course_id}")
    people = card.seats - card.seats_left + card.waiting
    return render(request, "course_withdraw.html", _context(request, card=card, people=people))


async def course_withdraw_person(request: Request) -> Response:
    """GET: who leaves and what happens to the seat; POST: take them off the course."""
    course_id, service = _course_id(request), _service(request)
    telegram_id: int = request.path_params["telegram_id"]
    now = console_of(request).clock()
    if request.method == "POST":
        if await service.course(course_id, now) is None:
            return _missing(request)
        done = await service.withdraw_person(course_id, telegram_id, _actor(request), now)
        what = "absent" if not done.done else "offered" if done.offer else "freed"
        return redirect(f"/courses/{course_id}?done={what}#people")
    found = await service.person(course_id, telegram_id, _actor(request), now)
    if found is None:
        return _missing(request)
    card, person = found
    return render(
        request, "course_withdraw_person.html", _context(request, card=card, person=person)
    )


# ------------------------------------------------------------------ export


async def course_export(request: Request) -> Response:
    kind = "xlsx" if (await request.form()).get("format") == "xlsx" else "csv"
    console = console_of(request)
    done = await _service(request).export(
        _course_id(request), _actor(request), console.clock(), kind
    )
    if done is None:
        return _missing(request)
    return Response(
        done.content,
        media_type=done.media_type,
        headers={"content-disposition": f'attachment; filename="{done.filename}"'},
    )


ROUTES = [
    Route("/courses", courses, name="courses"),
    Route("/courses/new", course_new, name="course_new"),
    Route("/courses/save", course_save, methods=["POST"], name="course_save"),
    Route("/courses/{course_id:int}", course, name="course"),
    Route("/courses/{course_id:int}/edit", course_edit, name="course_edit"),
    Route(
        "/courses/{course_id:int}/withdraw",
        course_withdraw,
        methods=["GET", "POST"],
        name="course_withdraw",
    ),
    Route(
        "/courses/{course_id:int}/people/{telegram_id:int}/withdraw",
        course_withdraw_person,
        methods=["GET", "POST"],
        name="course_withdraw_person",
    ),
    Route("/courses/{course_id:int}/export", course_export, methods=["POST"], name="course_export"),
    *lesson_pages.ROUTES,  # a lesson's register (Presente / Assente)
]
