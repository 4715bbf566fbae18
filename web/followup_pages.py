"""The six-month follow-up in the console: any operator records what became of a person
after their exit (a status and its day), on a closed record of their path.

The page calls `app.followup.FollowUpService`: opening the form shows the exit and what is
recorded, so it is audited as a view of the person's data; saving is audited and kept in
the record's history. A bad value is named beside its field and nothing is saved. The
record is chosen with `?record=<id>` (a hidden field when posting); without it, the
person's newest closed record. A record that is not this person's, or still open, is the
kind 404 page.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.followup import FollowUpService, FollowUpView, RecordNotClosed
from app.people import PersonNotFound
from web import person_pages
from web.accounts import Problem
from web.console import console_of, current, redirect, render
from web.intake_pages import intake_config, intake_service


def _service(request: Request) -> FollowUpService:
    return FollowUpService(console_of(request).sessions, request.app.state.settings.timezone)


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


def _number(raw: object) -> int | None:
    text = str(raw or "")
    return int(text) if text.isdigit() and len(text) <= 12 else None


async def _record_id(request: Request, telegram_id: int, raw: object) -> int | None:
    """The record asked for, or the newest closed one of the person."""
    chosen = _number(raw)
    if chosen is not None or raw:
        return chosen
    care = await intake_service(request).view(
        telegram_id, _actor(request), console_of(request).clock()
    )
    return next((r.id for r in care.records if not r.is_open), None)


async def _page(
    request: Request,
    telegram_id: int,
    view: FollowUpView,
    typed: dict[str, str],
    problems: list[Problem],
) -> Response:
    service = _service(request)
    context: dict[str, Any] = {
        "telegram_id": telegram_id,
        "followup": view,
        "intake": intake_config(request),
        "typed": typed,
        "problems": problems,
        "errors": {p.field: p for p in problems},
        "person_name": await _name(request, telegram_id),
        "today": service.today(console_of(request).clock()).isoformat(),
        "when": person_pages._formatter(request),
    }
    return render(request, "care_followup.html", context, status_code=400 if problems else 200)


async def _name(request: Request, telegram_id: int) -> str | None:
    from store.conversations import find_beneficiary

    async with console_of(request).sessions() as session:
        person = await find_beneficiary(session, telegram_id)
    return person.display_name if person is not None else None


async def care_followup(request: Request) -> Response:
    telegram_id = person_pages._telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    try:
        record_id = await _record_id(request, telegram_id, request.query_params.get("record"))
        if record_id is None:
            return person_pages._missing(request)
        view = await _service(request).view(
            telegram_id, record_id, _actor(request), console_of(request).clock()
        )
    except (PersonNotFound, RecordNotClosed):
        return person_pages._missing(request)
    typed = {
        "followup_status": view.status or "",
        "followup_on": (view.on or min(view.due_on or view.exit_on, _today(request))).isoformat(),
    }
    return await _page(request, telegram_id, view, typed, [])


def _today(request: Request) -> Any:
    return _service(request).today(console_of(request).clock())


async def care_followup_save(request: Request) -> Response:
    telegram_id = person_pages._telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    form = await request.form()
    typed = {k: str(v)[:200] for k, v in form.items() if isinstance(v, str)}
    service, now = _service(request), console_of(request).clock()
    try:
        record_id = await _record_id(request, telegram_id, typed.get("record", ""))
        if record_id is None:
            return person_pages._missing(request)
        problems = await service.record(
            telegram_id, record_id, typed, current(request).name, _actor(request), now
        )
        if not problems:
            url = request.url_for("person", telegram_id=str(telegram_id)).path
            return redirect(f"{url}?care=followup#care")
        view = await service.view(telegram_id, record_id, _actor(request), now)
    except (PersonNotFound, RecordNotClosed):
        return person_pages._missing(request)
    found = [Problem(field, key, {}) for field, key in problems.items()]
    return await _page(request, telegram_id, view, typed, found)


ROUTES = [
    Route("/people/{telegram_id}/care/followup", care_followup, name="care_followup"),
    Route(
        "/people/{telegram_id}/care/followup",
        care_followup_save,
        methods=["POST"],
        name="care_followup_save",
    ),
]
