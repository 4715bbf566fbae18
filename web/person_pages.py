"""People: search, a person's page, their answers on request, and the requests about their
data received at the desk (export: coordinators; erasure: coordinators, in two steps).

Every page calls `app.people`, which audits each look and action with the account as actor.
An id that is not a number, or names nobody, gets the same kind 404 page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.intake import IntakeService
from app.intake_config import IntakeConfig
from app.people import (
    ERASE_ASKED,
    ERASE_CONFIRMING,
    PeopleService,
    PersonNotFound,
    is_telegram_id,
    search_problem,
)
from store.settings import Settings
from web.accounts import Problem
from web.console import console_of, current, redirect, render

MEDIA_TYPES = {"html": "text/html; charset=utf-8", "json": "application/json"}


def _service(request: Request) -> PeopleService:
    return PeopleService(console_of(request).sessions)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


def _formatter(request: Request) -> Callable[[datetime | None], str]:
    zone = ZoneInfo(_settings(request).timezone)

    def when(value: datetime | None) -> str:
        return value.astimezone(zone).strftime("%d/%m/%Y %H:%M") if value else "—"

    return when


def _telegram_id(request: Request) -> int | None:
    raw = str(request.path_params["telegram_id"])
    return int(raw) if is_telegram_id(raw) else None


def _missing(request: Request) -> Response:
    return render(request, "person_missing.html", status_code=404)


async def people(request: Request) -> Response:
    text = request.query_params.get("q", "")[:200]
    comune = request.query_params.get("comune", "")[:100]
    page = request.query_params.get("page", "1")
    problem = search_problem(text)
    found = await _service(request).find(text, comune, int(page) if page.isdigit() else 1)
    return render(
        request,
        "people.html",
        {
            "q": text,
            "comune": comune,
            "found": found,
            "problems": [Problem("q", problem, {})] if problem else [],
            "erased": request.query_params.get("erased") == "1",
            "when": _formatter(request),
        },
        status_code=400 if problem else 200,
    )


async def person(request: Request) -> Response:
    return await _page(request, with_answers=False)


async def person_answers(request: Request) -> Response:
    return await _page(request, with_answers=True)


async def _page(request: Request, *, with_answers: bool, care_special: bool = False) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return _missing(request)
    console = console_of(request)
    try:
        page = await _service(request).page(
            telegram_id, _actor(request), console.clock(), with_answers=with_answers
        )
    except PersonNotFound:
        return _missing(request)
    context = {"person": page, "when": _formatter(request)}
    return render(request, "person.html", context | await _care(request, telegram_id, care_special))


async def _care(request: Request, telegram_id: int, special: bool) -> dict[str, object]:
    """The "In carico ai servizi" section (web/intake_pages.py): part of the page's audited
    view; the special-category values only with `special`, audited on their own."""
    intake: IntakeConfig = request.app.state.intake
    service = IntakeService(console_of(request).sessions, intake, _settings(request).timezone)
    try:
        care = await service.view(
            telegram_id, _actor(request), console_of(request).clock(), with_special=special
        )
    except PersonNotFound:
        care = None  # kept without a profile: nobody takes them in charge
    return {"care": care, "intake": intake, "care_done": request.query_params.get("care", "")}


async def person_export(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return _missing(request)
    kind = (await request.form()).get("format")
    if kind not in MEDIA_TYPES:
        kind = "html"
    console = console_of(request)
    email = request.app.state.programme.office.email
    try:
        documents = await _service(request).export(
            telegram_id, _actor(request), console.clock(), console.catalogue, email
        )
    except PersonNotFound:
        return _missing(request)
    document = next(d for d in documents if d.filename.endswith(f".{kind}"))
    filename = document.filename.replace("proximity-dati-", f"proximity-dati-{telegram_id}-")
    return Response(
        document.content,
        media_type=MEDIA_TYPES[str(kind)],
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


async def person_erase(request: Request) -> Response:
    """Step one: what an erasure takes away, before anything can be typed."""
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return _missing(request)
    console = console_of(request)
    try:
        page = await _service(request).page(
            telegram_id, _actor(request), console.clock(), purpose=ERASE_ASKED
        )
    except PersonNotFound:
        return _missing(request)
    return render(request, "person_erase.html", {"person": page})


async def person_erase_confirm(request: Request) -> Response:
    """Step two: the person's id typed again, then the erasure of /cancellami."""
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return _missing(request)
    console = console_of(request)
    typed = ""
    problems: list[Problem] = []
    if request.method == "POST":
        typed = str((await request.form()).get("typed", "")).strip()[:32]
        if typed == str(telegram_id):
            try:
                topic = await _service(request).erase(telegram_id, _actor(request), console.clock())
            except PersonNotFound:
                return _missing(request)
            desk = getattr(request.app.state, "handoffs", None)
            if topic is not None and desk is not None:
                await desk.views.erased(topic)  # as after /cancellami
            return redirect(str(request.url_for("people")) + "?erased=1")
        problems = [Problem("typed", "web-erase-confirm-error", {"id": str(telegram_id)})]
    try:
        page = await _service(request).page(
            telegram_id, _actor(request), console.clock(), purpose=ERASE_CONFIRMING
        )
    except PersonNotFound:
        return _missing(request)
    return render(
        request,
        "person_erase_confirm.html",
        {"person": page, "typed": typed, "problems": problems},
        status_code=400 if problems else 200,
    )


ROUTES = [
    Route("/people", people, name="people"),
    Route("/people/{telegram_id}", person, name="person"),
    Route("/people/{telegram_id}/answers", person_answers, methods=["POST"], name="person_answers"),
    Route("/people/{telegram_id}/export", person_export, methods=["POST"], name="person_export"),
    Route("/people/{telegram_id}/erase", person_erase, name="person_erase"),
    Route(
        "/people/{telegram_id}/erase/confirm",
        person_erase_confirm,
        methods=["GET", "POST"],
        name="person_erase_confirm",
    ),
]
