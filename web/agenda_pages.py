"""The agenda in the browser: the week per place and kind, a slot and who booked it,
availability (one-off or weekly), withdrawing, booking / moving / cancelling for someone,
and today's list with Presente / Assente.

Every page calls `app.agenda.AgendaService` (the command line and the operators' group use
the same one) and renders its answer; nothing is computed here. The week view names
nobody: a booked slot links to its page, and opening it is audited. Without the bot
(`notices=None`) people cannot be told, and the pages say so after each change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.agenda import AgendaRefused, AgendaService
from app.agenda_form import FieldProblem, Invalid, OneOff, Weekly, parse_weekdays
from app.people import PeopleService, is_telegram_id
from dialogs.slots import ITALIAN_NAMES, AppointmentType
from web.accounts import Problem
from web.console import console_of, current, redirect, render
from web.roles import Role

WEEKDAYS = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")
DONE = frozenset({"added", "withdrawn", "booked", "moved", "cancelled", "attended", "no_show"})
TOLD = frozenset({"told", "unreachable", "not_told"})


def _agenda(request: Request) -> AgendaService:
    service: AgendaService = request.app.state.agenda
    return service


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


def _by(request: Request) -> str:
    return current(request).name


def _missing(request: Request) -> Response:
    return render(request, "error.html", {"status": 404}, status_code=404)


def _problems(found: tuple[FieldProblem, ...] | list[FieldProblem]) -> list[Problem]:
    return [Problem(p.field, f"web-agenda-error-{p.code}", dict(p.params)) for p in found]


def _words(service: AgendaService) -> dict[str, Any]:
    """What every agenda template uses to show places, kinds and local times."""
    zone = service.zone

    def hm(instant: datetime) -> str:
        return instant.astimezone(zone).strftime("%H:%M")

    def day(value: date | datetime) -> str:
        if isinstance(value, datetime):
            value = value.astimezone(zone).date()
        return f"{WEEKDAYS[value.weekday()]} {value.day}/{value.month}/{value.year}"

    def place(key: str) -> str:
        return service.config.venue(key).short

    def kind(key: str) -> str:
        try:
            return ITALIAN_NAMES[AppointmentType(key)]
        except ValueError:
            return key

    return {
        "hm": hm,
        "day": day,
        "place_name": place,
        "kind_name": kind,
        "places": list(service.config.venues),
        "kinds": [k for k in service.config.kinds if k in {t.value for t in AppointmentType}],
        "tells_people": service.tells_people,
    }


def _page(
    request: Request, template: str, context: Mapping[str, Any], status_code: int = 200
) -> Response:
    done = request.query_params.get("done", "")
    told = request.query_params.get("told", "")
    return render(
        request,
        template,
        {
            **_words(_agenda(request)),
            "done": done if done in DONE else "",
            "told": told if told in TOLD else "",
            "count": request.query_params.get("count", ""),
            "coordinator": current(request).may(Role.COORDINATOR),
            **context,
        },
        status_code=status_code,
    )


def _choice(value: str | None, allowed: list[str]) -> str | None:
    return value if value in allowed else None


def _iso_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _day_param(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return default


# ------------------------------------------------------------------ the week


async def agenda(request: Request) -> Response:
    service = _agenda(request)
    words = _words(service)
    monday = _day_param(request.query_params.get("week"), service.today())
    monday -= timedelta(days=monday.weekday())
    place = _choice(request.query_params.get("place"), words["places"])
    kind = _choice(request.query_params.get("kind"), words["kinds"])
    week = await service.week(monday, place=place, kind=kind)

    def link(to: date) -> str:
        return "/agenda?" + urlencode({"week": to.isoformat(), "place": place or "",
                                       "kind": kind or ""})  # fmt: skip

    return _page(
        request,
        "agenda_week.html",
        {
            "week": week,
            "place": place or "",
            "kind": kind or "",
            "previous": link(monday - timedelta(days=7)),
            "next": link(monday + timedelta(days=7)),
            "this_week": link(service.today()),
            "today": service.today(),
        },
    )


async def agenda_slot(request: Request) -> Response:
    """A slot and, if booked, who holds it: each opening of a booked one is audited."""
    try:
        view = await _agenda(request).slot(request.path_params["slot_id"], _actor(request))
    except AgendaRefused:
        return _missing(request)
    return _page(request, "agenda_slot.html", {"view": view})


# ------------------------------------------------------------------ availability


def _int(form: FormData, name: str, problems: list[FieldProblem]) -> int | None:
    raw = str(form.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 4:
        problems.append(FieldProblem(name, "not_a_number"))
        return None
    return int(raw)


def _date(form: FormData, name: str, problems: list[FieldProblem]) -> date | None:
    raw = str(form.get(name) or "").strip()
    if not raw:
        return None
    for parse in (date.fromisoformat, _italian_date):
        try:
            return parse(raw)
        except ValueError:
            continue
    problems.append(FieldProblem(name, "not_a_date"))
    return None


def _italian_date(raw: str) -> date:
    return datetime.strptime(raw, "%d/%m/%Y").date()


def _time(form: FormData, name: str, problems: list[FieldProblem]) -> time | None:
    raw = str(form.get(name) or "").strip().replace(".", ":")
    if not raw:
        return None
    try:
        return time.fromisoformat(raw if len(raw) > 2 else f"{raw}:00")
    except ValueError:
        problems.append(FieldProblem(name, "not_a_time"))
        return None


def _typed(form: FormData | None) -> dict[str, Any]:
    """What was typed, to show again beside the problems."""
    if form is None:
        return {"weekdays": []}
    typed: dict[str, Any] = {k: str(v)[:100] for k, v in form.items() if k != "csrf_token"}
    typed["weekdays"] = [str(v) for v in form.getlist("weekdays")]
    return typed


async def agenda_add(request: Request) -> Response:
    """One-off (the default) or weekly (`?mode=weekly`) availability; GET shows the form."""
    mode = "weekly" if request.query_params.get("mode") == "weekly" else "one"
    service = _agenda(request)
    if request.method == "GET":
        return _page(request, "agenda_add.html", {"mode": mode, "typed": _typed(None),
                                                  "problems": []})  # fmt: skip
    form = await request.form()
    found: list[FieldProblem] = []
    place, kind = str(form.get("place") or ""), str(form.get("kind") or "")
    operator = str(form.get("operator") or "")[:200]
    minutes = _int(form, "minutes", found)
    wanted: OneOff | Weekly
    if mode == "one":
        wanted = OneOff(
            place, kind, operator, _date(form, "day", found), _time(form, "start", found), minutes
        )
    else:
        wanted = Weekly(
            place, kind, operator, parse_weekdays(str(v) for v in form.getlist("weekdays")),
            _time(form, "start", found), _time(form, "end", found),
            _date(form, "first", found), _date(form, "last", found),
            minutes, _int(form, "every", found),
        )  # fmt: skip
    if not found:
        try:
            added = await service.add(wanted)
        except Invalid as exc:
            found = list(exc.problems)
    if found:
        context = {"mode": mode, "typed": _typed(form), "problems": _problems(found)}
        return _page(request, "agenda_add.html", context, status_code=400)
    first = min((d for d in [getattr(wanted, "day", None), getattr(wanted, "first", None)] if d),
                default=service.today())  # fmt: skip
    query = {"week": first.isoformat(), "place": place, "kind": kind, "done": "added",
             "count": added.created}  # fmt: skip
    return redirect("/agenda?" + urlencode(query))


# ------------------------------------------------------------------ changes


async def agenda_withdraw(request: Request) -> Response:
    """Withdraws the slot; when someone booked it, a page first says who will be told."""
    slot_id: int = request.path_params["slot_id"]
    service = _agenda(request)
    form = await request.form()
    try:
        view = await service.slot(slot_id, _actor(request))
    except AgendaRefused:
        return _missing(request)
    if view.booking is not None and form.get("confirm") != "yes":
        return _page(request, "agenda_withdraw.html", {"view": view})
    try:
        done = await service.withdraw(slot_id, _by(request))
    except AgendaRefused:
        return _missing(request)
    told = f"&told={done.told}" if done.told else ""
    return redirect(f"/agenda/slots/{slot_id}?done=withdrawn{told}")


async def agenda_book(request: Request) -> Response:
    """Find the person (as on the people page), then book the slot for them."""
    slot_id: int = request.path_params["slot_id"]
    service = _agenda(request)
    try:
        view = await service.slot(slot_id, _actor(request))
    except AgendaRefused:
        return _missing(request)
    text = request.query_params.get("q", "")[:200]
    problems: list[Problem] = []
    if request.method == "POST":
        chosen = str((await request.form()).get("telegram_id") or "").strip()
        code = "no_person"
        if is_telegram_id(chosen):
            try:
                done = await service.book(slot_id, int(chosen), _by(request), _actor(request))
            except AgendaRefused as refused:
                code = refused.code
            else:
                return redirect(
                    f"/agenda/slots/{done.appointment.slot_id}?done=booked&told={done.told}"
                )
        problems = _problems([FieldProblem("q", code)])
        text = chosen
    found = await PeopleService(console_of(request).sessions).find(text) if text else None
    return _page(
        request,
        "agenda_book.html",
        {"view": view, "q": text, "found": found, "problems": problems},
        status_code=400 if problems else 200,
    )


async def _booking(request: Request) -> Any:
    try:
        return await _agenda(request).appointment(request.path_params["appointment_id"])
    except AgendaRefused:
        return None


async def agenda_move(request: Request) -> Response:
    service = _agenda(request)
    row = await _booking(request)
    if row is None:
        return _missing(request)
    problems: list[Problem] = []
    if request.method == "POST":
        chosen = str((await request.form()).get("slot") or "")
        code = "choose_slot"
        if chosen.isdigit() and row.status == "booked":
            try:
                moved = await service.move(row.id, int(chosen), _actor(request))
            except AgendaRefused as refused:
                code = refused.code
            else:
                return redirect(f"/agenda/slots/{chosen}?done=moved&told={moved.told}")
        elif row.status != "booked":
            code = "not_booked"
        problems = _problems([FieldProblem("slot", code)])
    free = await service.free_slots(row.kind)
    return _page(
        request,
        "agenda_move.html",
        {"row": row, "free": free, "problems": problems},
        status_code=400 if problems else 200,
    )


async def agenda_cancel(request: Request) -> Response:
    row = await _booking(request)
    if row is None:
        return _missing(request)
    try:
        done = await _agenda(request).cancel(row.id, _actor(request))
    except AgendaRefused:
        return redirect(f"/agenda/slots/{row.slot_id}")
    return redirect(f"/agenda/slots/{row.slot_id}?done=cancelled&told={done.told}")


# ------------------------------------------------------------------ today


async def agenda_today(request: Request) -> Response:
    """The day's list (`?day=YYYY-MM-DD`, today in the office's zone by default) per place,
    with Presente / Assente once an appointment has started."""
    service = _agenda(request)
    words = _words(service)
    place = _choice(request.query_params.get("place"), words["places"])
    today = service.today()
    typed = request.query_params.get("day", "").strip()[:20]
    problems: list[Problem] = []
    day = today
    if typed:
        try:
            day = _date_typed(typed)
        except ValueError:
            problems = _problems([FieldProblem("day", "not_a_date")])
    by_place = await service.day_list(day, _actor(request))
    if place is not None:
        by_place = {place: by_place.get(place, [])}
    problem = request.query_params.get("problem", "")

    def link(to: date) -> str:
        return "/agenda/today?" + urlencode({"day": to.isoformat(), "place": place or ""})

    return _page(
        request,
        "agenda_today.html",
        {
            "by_place": by_place,
            "place": place or "",
            "day_shown": day,
            "is_today": day == today,
            "typed_day": typed if problems else day.isoformat(),
            "problems": problems,
            "previous_day": link(day - timedelta(days=1)),
            "next_day": link(day + timedelta(days=1)),
            "today_link": link(today),
            "now": console_of(request).clock(),
            "problem": problem if problem in {"already", "future", "gone", "cancelled"} else "",
            "problem_id": request.query_params.get("id", ""),
        },
        status_code=400 if problems else 200,
    )


def _date_typed(raw: str) -> date:
    """A day as the date field sends it, or as typed without one (15/12/2026)."""
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return _italian_date(raw)


async def agenda_mark(request: Request) -> Response:
    """Presente / Assente, as the group's buttons: one record, one no-show message."""
    appointment_id: int = request.path_params["appointment_id"]
    form = await request.form()
    choice = form.get("attended")
    place = str(form.get("place") or "")
    day = str(form.get("day") or "")
    query = {
        "place": place if place.isalnum() else "",
        "day": day if _iso_day(day) else "",
    }
    back = "/agenda/today?" + urlencode({k: v for k, v in query.items() if v})
    if choice not in ("yes", "no"):
        return redirect(f"{back}&problem=gone&id={appointment_id}#a{appointment_id}")
    try:
        done = await _agenda(request).mark(
            appointment_id, choice == "yes", _by(request), _actor(request)
        )
    except AgendaRefused as refused:
        return redirect(f"{back}&problem={refused.code}&id={appointment_id}#a{appointment_id}")
    told = f"&told={done.told}" if done.told else ""
    return redirect(f"{back}&done={done.row.status}{told}#a{appointment_id}")


ROUTES = [
    Route("/agenda", agenda, name="agenda"),
    Route("/agenda/today", agenda_today, name="agenda_today"),
    Route("/agenda/add", agenda_add, name="agenda_add"),
    Route("/agenda/add", agenda_add, methods=["POST"], name="agenda_add_save"),
    Route("/agenda/slots/{slot_id:int}", agenda_slot, name="agenda_slot"),
    Route(
        "/agenda/slots/{slot_id:int}/withdraw",
        agenda_withdraw,
        methods=["POST"],
        name="agenda_withdraw",
    ),
    Route(
        "/agenda/slots/{slot_id:int}/book", agenda_book, methods=["GET", "POST"], name="agenda_book"
    ),
    Route(
        "/agenda/appointments/{appointment_id:int}/move",
        agenda_move,
        methods=["GET", "POST"],
        name="agenda_move",
    ),
    Route(
        "/agenda/appointments/{appointment_id:int}/cancel",
        agenda_cancel,
        methods=["POST"],
        name="agenda_cancel",
    ),
    Route(
        "/agenda/appointments/{appointment_id:int}/mark",
        agenda_mark,
        methods=["POST"],
        name="agenda_mark",
    ),
]
