"""The audit log for admins: filters (who, action, person, days), pages, and a CSV of what
the filters select. Filters are plain GET fields, so a filtered view is a link to share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app import audit
from web.accounts import Problem
from web.accounts import audit as audit_account
from web.console import console_of, current, render, typed_day
from web.models import Account

# Actors that are not accounts of the console (store/privacy.py, app/effects.py).
SYSTEM_ACTORS = ("self", "retention")


@dataclass(frozen=True)
class Filters:
    """What the form holds, as typed (shown back), and what it means (None if wrong)."""

    typed: dict[str, str]
    wanted: audit.AuditFilter | None
    problems: list[Problem]


async def _names(request: Request) -> dict[str, str]:
    """Actor → account name, for every account (a short table)."""
    async with console_of(request).sessions() as session:
        rows = await session.execute(select(Account.id, Account.name))
        return {f"web:{account_id}": name for account_id, name in rows}


def _filters(params: QueryParams, names: dict[str, str]) -> Filters:
    typed = {
        key: params.get(key, "").strip()[:64]
        for key in ("actor", "action", "person", "since", "until")
    }
    problems: list[Problem] = []
    actors: tuple[str, ...] | None = None
    if typed["actor"]:
        wanted = typed["actor"].casefold()
        if wanted in SYSTEM_ACTORS:
            actors = (wanted,)
        else:
            actors = tuple(actor for actor, name in names.items() if name == wanted)
            if not actors:
                problems.append(Problem("actor", "web-audit-error-actor", {}))
    person: int | None = None
    if typed["person"]:
        if typed["person"].isdigit() and len(typed["person"]) <= 15:
            person = int(typed["person"])
        else:
            problems.append(Problem("person", "web-audit-error-person", {}))
    days: dict[str, date | None] = {"since": None, "until": None}
    for key in days:
        if typed[key]:
            try:
                days[key] = typed_day(typed[key])
            except ValueError:
                problems.append(Problem(key, "web-audit-error-date", {}))
    since, until = days["since"], days["until"]
    if since and until and since > until:
        problems.append(Problem("until", "web-audit-error-range", {}))
    if problems:
        return Filters(typed, None, problems)
    wanted_filter = audit.AuditFilter(
        actors=actors,
        action=typed["action"] or None,
        telegram_id=person,
        since=since,
        until=until,
    )
    return Filters(typed, wanted_filter, [])


async def audit_log(request: Request) -> Response:
    console = console_of(request)
    timezone = request.app.state.settings.timezone
    names = await _names(request)
    filters = _filters(request.query_params, names)
    page_param = request.query_params.get("page", "1")
    page = int(page_param) if page_param.isdigit() else 1
    rows: list[audit.AuditRow] = []
    has_next = False
    async with console.sessions() as session:
        actions = await audit.actions(session)
        if filters.wanted is not None:
            rows, has_next = await audit.entries(session, filters.wanted, timezone, page=page)
    zone = ZoneInfo(timezone)
    query = {k: v for k, v in filters.typed.items() if v}
    return render(
        request,
        "audit.html",
        {
            "rows": rows,
            "names": names,
            "actions": actions,
            "typed": filters.typed,
            "problems": filters.problems,
            "errors": {p.field: p for p in filters.problems},
            "page": page,
            "has_next": has_next,
            "query": query,
            "when": lambda value: value.astimezone(zone).strftime("%d/%m/%Y %H:%M:%S"),
        },
        status_code=400 if filters.problems else 200,
    )


async def audit_csv(request: Request) -> Response:
    console = console_of(request)
    timezone = request.app.state.settings.timezone
    names = await _names(request)
    filters = _filters(request.query_params, names)
    if filters.wanted is None:
        return await audit_log(request)  # the same errors, beside the fields
    async with console.sessions.begin() as session:
        rows = await audit.all_entries(session, filters.wanted, timezone)
        # A copy of the log leaving the console is itself worth a line in the log.
        audit_account(session, console.clock(), current(request).id, "web-audit-exported")
    stamp = console.clock().astimezone(ZoneInfo(timezone)).strftime("%Y%m%d-%H%M")
    return Response(
        audit.as_csv(rows, timezone, names),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="registro-{stamp}.csv"'},
    )


ROUTES = [
    Route("/audit", audit_log, name="audit"),
    Route("/audit.csv", audit_csv, name="audit_csv"),
]
