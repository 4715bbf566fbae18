"""Taking a person in charge in the console: the intake form, the path editor and the exit
(coordinators), and the special-category values on request (every role).

Every page calls `app.intake.IntakeService`, the command line's own service: taking in
charge from here opens the appointment kinds the bot offers at once. Forms are built from
config/intake.yaml (labels, values, purpose and legal basis); a bad value is named beside
its field and nothing is saved. Opening a form shows the values recorded, so it is audited
as a view of the person's data; the special-category values on the person's page only
after "Mostra i dati particolari", audited on its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.intake import FORM_VIEWED, CareNotOpen, Done, IntakeService
from app.intake_config import IntakeConfig
from app.intake_form import Problems
from app.intake_views import CareView
from app.people import PersonNotFound
from web import person_pages
from web.accounts import Problem
from web.console import console_of, current, redirect, render


def intake_config(request: Request) -> IntakeConfig:
    config: IntakeConfig = request.app.state.intake
    return config


def intake_service(request: Request) -> IntakeService:
    settings = request.app.state.settings
    return IntakeService(console_of(request).sessions, intake_config(request), settings.timezone)


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


def _by(request: Request) -> str:
    """The name kept in the record's history: the account's, as the console shows it."""
    return current(request).name


def _telegram_id(request: Request) -> int | None:
    return person_pages._telegram_id(request)


def _problems(found: Problems) -> list[Problem]:
    return [Problem(field, key, {}) for field, key in found.items()]


def _person_url(request: Request, telegram_id: int, done: str) -> str:
    return f"{request.url_for('person', telegram_id=str(telegram_id)).path}?care={done}#care"


async def care_special(request: Request) -> Response:
    """The person's page again, with the special-category values shown (audited)."""
    return await person_pages._page(request, with_answers=False, care_special=True)


# ------------------------------------------------------------------ intake


def _typed(form: FormData) -> tuple[dict[str, str], list[str]]:
    values = {k: str(v)[:200] for k, v in form.items() if isinstance(v, str) and k != "services"}
    services = [str(s)[:64] for s in form.getlist("services")]
    return values, services


def _values_of(care: CareView) -> tuple[dict[str, str], list[str]]:
    """The open record as the form shows it."""
    record = care.open
    if record is None:
        return {}, []
    values = {k: "" if v is None else str(v) for k, v in record.values.items()}
    values["taken_in_charge_on"] = record.taken_in_charge_on.isoformat()
    return values, list(record.services)


async def _form_page(
    request: Request,
    care: CareView,
    typed: dict[str, str],
    services: list[str],
    problems: list[Problem],
) -> Response:
    context: dict[str, Any] = {
        "care": care,
        "intake": intake_config(request),
        "typed": typed,
        "chosen": services,
        "problems": problems,
        "errors": {p.field: p for p in problems},
        "person_name": await _name(request, care.telegram_id),
        "today": intake_service(request).today(console_of(request).clock()).isoformat(),
        "when": person_pages._formatter(request),
    }
    return render(request, "care_form.html", context, status_code=400 if problems else 200)


async def _name(request: Request, telegram_id: int) -> str | None:
    from store.conversations import find_beneficiary

    async with console_of(request).sessions() as session:
        person = await find_beneficiary(session, telegram_id)
    return person.display_name if person is not None else None


async def care_form(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    service, now = intake_service(request), console_of(request).clock()
    try:
        # The form shows what is recorded, special categories too: a view of the data.
        care = await service.view(
            telegram_id, _actor(request), now, with_special=False, audit=FORM_VIEWED
        )
        if care.open is not None:
            care = await service.view(telegram_id, _actor(request), now, with_special=True)
    except PersonNotFound:
        return person_pages._missing(request)
    typed, services = _values_of(care)
    if care.open is None:
        typed = {"taken_in_charge_on": service.today(now).isoformat()}
    return await _form_page(request, care, typed, services, [])


async def care_save(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    typed, services = _typed(await request.form())
    service, now = intake_service(request), console_of(request).clock()
    try:
        before = await service.view(telegram_id, _actor(request), now)
        if before.open is None:
            done = await service.take_in_charge(
                telegram_id, typed, services, _by(request), _actor(request), now
            )
            what = "opened"
        else:
            done = await service.update_intake(
                telegram_id, typed, services, _by(request), _actor(request), now
            )
            what = "saved"
        if done.ok:
            return redirect(_person_url(request, telegram_id, what))
        care = await service.view(telegram_id, _actor(request), now)
    except PersonNotFound:
        return person_pages._missing(request)
    except CareNotOpen:
        return redirect(_person_url(request, telegram_id, "closed"))
    return await _form_page(request, care, typed, services, _problems(done.problems))


# ------------------------------------------------------------------ the path


async def _path_page(
    request: Request,
    care: CareView,
    template: str,
    typed: dict[str, str],
    problems: list[Problem],
    extra: dict[str, Any] | None = None,
) -> Response:
    context: dict[str, Any] = {
        "care": care,
        "intake": intake_config(request),
        "typed": typed,
        "problems": problems,
        "errors": {p.field: p for p in problems},
        "person_name": await _name(request, care.telegram_id),
        "today": intake_service(request).today(console_of(request).clock()).isoformat(),
        "when": person_pages._formatter(request),
        **(extra or {}),
    }
    return render(request, template, context, status_code=400 if problems else 200)


async def _open_care(request: Request, telegram_id: int, *, audit: bool) -> CareView | None:
    """The person's care, or None when they are not in charge (no form to show then)."""
    care = await intake_service(request).view(
        telegram_id,
        _actor(request),
        console_of(request).clock(),
        audit=FORM_VIEWED if audit else None,
    )
    return care if care.open is not None else None


async def _open_form(
    request: Request, telegram_id: int, template: str, typed: dict[str, str]
) -> Response:
    """A form on the open record (opening it is audited); the person's page if it closed."""
    try:
        care = await _open_care(request, telegram_id, audit=True)
    except PersonNotFound:
        return person_pages._missing(request)
    if care is None:
        return redirect(_person_url(request, telegram_id, "closed"))
    return await _path_page(request, care, template, typed, [])


async def _saved_or_again(
    request: Request,
    telegram_id: int,
    typed: dict[str, str],
    save: Callable[[], Awaitable[Done]],
    done_url: str,
    template: str,
) -> Response:
    """Saves; then `done_url`, or the same form again with what was typed and each problem
    beside its field. A record closed meanwhile leads to the person's page."""
    try:
        done = await save()
        if done.ok:
            return redirect(done_url)
        care = await _open_care(request, telegram_id, audit=False)
    except PersonNotFound:
        return person_pages._missing(request)
    except CareNotOpen:
        care = None
    if care is None:
        return redirect(_person_url(request, telegram_id, "closed"))
    return await _path_page(request, care, template, typed, _problems(done.problems))


async def care_path(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    return await _open_form(request, telegram_id, "care_path.html", {"status": "planned"})


async def care_step_add(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    typed, _ = _typed(await request.form())
    service, now = intake_service(request), console_of(request).clock()
    return await _saved_or_again(
        request,
        telegram_id,
        typed,
        lambda: service.add_step(telegram_id, typed, _by(request), _actor(request), now),
        _path_url(request, telegram_id, "step"),
        "care_path.html",
    )


def _path_url(request: Request, telegram_id: int, done: str) -> str:
    return f"{request.url_for('care_path', telegram_id=str(telegram_id)).path}?done={done}"


async def care_step(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    step_id: int = request.path_params["step_id"]
    if telegram_id is None:
        return person_pages._missing(request)
    try:
        care = await _open_care(request, telegram_id, audit=True)
    except PersonNotFound:
        return person_pages._missing(request)
    step = _step_of(care, step_id)
    if care is None or step is None:
        return person_pages._missing(request)
    typed = {
        "kind": step.kind,
        "host": step.host or "",
        "starts_on": step.starts_on.isoformat() if step.starts_on else "",
        "ends_on": step.ends_on.isoformat() if step.ends_on else "",
        "weekly_hours": _hours(step.weekly_hours),
        "status": step.status,
    }
    return await _path_page(request, care, "care_step.html", typed, [], {"step": step})


async def care_step_save(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    step_id: int = request.path_params["step_id"]
    if telegram_id is None:
        return person_pages._missing(request)
    typed, _ = _typed(await request.form())
    service, now = intake_service(request), console_of(request).clock()
    try:
        done = await service.change_step(
            telegram_id, step_id, typed, _by(request), _actor(request), now
        )
        if done.ok:
            return redirect(_path_url(request, telegram_id, "step"))
        care = await _open_care(request, telegram_id, audit=False)
    except (PersonNotFound, LookupError):
        return person_pages._missing(request)
    step = _step_of(care, step_id)
    if care is None or step is None:
        return person_pages._missing(request)
    return await _path_page(
        request, care, "care_step.html", typed, _problems(done.problems), {"step": step}
    )


def _step_of(care: CareView | None, step_id: int) -> Any:
    if care is None or care.open is None:
        return None
    return next((s for s in care.open.steps if s.id == step_id), None)


def _hours(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",")


# ------------------------------------------------------------------ the exit


async def care_exit(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    today = intake_service(request).today(console_of(request).clock()).isoformat()
    return await _open_form(request, telegram_id, "care_exit.html", {"exit_on": today})


async def care_exit_save(request: Request) -> Response:
    telegram_id = _telegram_id(request)
    if telegram_id is None:
        return person_pages._missing(request)
    typed, _ = _typed(await request.form())
    service, now = intake_service(request), console_of(request).clock()
    return await _saved_or_again(
        request,
        telegram_id,
        typed,
        lambda: service.record_exit(telegram_id, typed, _by(request), _actor(request), now),
        _person_url(request, telegram_id, "exit"),
        "care_exit.html",
    )


ROUTES = [
    Route(
        "/people/{telegram_id}/care/special", care_special, methods=["POST"], name="care_special"
    ),
    Route("/people/{telegram_id}/care", care_form, name="care_form"),
    Route("/people/{telegram_id}/care", care_save, methods=["POST"], name="care_save"),
    Route("/people/{telegram_id}/care/path", care_path, name="care_path"),
    Route("/people/{telegram_id}/care/path", care_step_add, methods=["POST"], name="care_step_add"),
    Route("/people/{telegram_id}/care/steps/{step_id:int}", care_step, name="care_step"),
    Route(
        "/people/{telegram_id}/care/steps/{step_id:int}",
        care_step_save,
        methods=["POST"],
        name="care_step_save",
    ),
    Route("/people/{telegram_id}/care/exit", care_exit, name="care_exit"),
    Route(
        "/people/{telegram_id}/care/exit", care_exit_save, methods=["POST"], name="care_exit_save"
    ),
]
