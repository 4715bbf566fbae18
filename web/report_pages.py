"""The coordinators' dashboard: the programme's funnel, participants per month, no-shows,
reminder answers, the time people wait for an operator, how often the assistant did not
understand, and the languages people use. The period is two month fields in a GET form,
so a view is a link to share; charts are SVG drawn here (web/charts.py), each with its
table beside it. The figures are anonymous counts: viewing them is not audited."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.reporting.dashboard import Dashboard, DashboardService
from web.accounts import Problem
from web.charts import bar_chart, column_chart
from web.console import console_of, render

# More months than this make the monthly chart unreadable: the form says so.
MAX_MONTHS = 36


def _service(request: Request) -> DashboardService:
    service: DashboardService = request.app.state.dashboard
    return service


def _month(value: str) -> date:
    year, month = value.split("-")
    if len(year) != 4 or len(month) != 2:
        raise ValueError(value)
    return date(int(year), int(month), 1)


def _period(request: Request, service: DashboardService) -> tuple[date, date, list[Problem]]:
    first, last = service.default_period()
    problems: list[Problem] = []
    for key in ("from", "to"):
        typed = request.query_params.get(key, "").strip()[:7]
        if not typed:
            continue
        try:
            if key == "from":
                first = _month(typed)
            else:
                last = _month(typed)
        except ValueError:
            problems.append(Problem(key, "web-reports-error-month", {}))
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if not problems and months < 1:
        problems.append(Problem("to", "web-reports-error-order", {}))
    elif not problems and months > MAX_MONTHS:
        problems.append(Problem("to", "web-reports-error-long", {"months": MAX_MONTHS}))
    return first, last, problems


async def reports(request: Request) -> Response:
    service = _service(request)
    first, last, problems = _period(request, service)
    context: dict[str, object] = {
        "typed": {
            "from": request.query_params.get("from", f"{first:%Y-%m}")[:7],
            "to": request.query_params.get("to", f"{last:%Y-%m}")[:7],
        },
        "problems": problems,
        "errors": {p.field: p for p in problems},
        "board": None,
    }
    if not problems:
        board = await service.build(first, last)
        context.update(board=board, charts=_charts(request, board))
    return render(request, "reports.html", context)


def _charts(request: Request, board: Dashboard) -> dict[str, object]:
    t = console_of(request).t
    return {
        "funnel": bar_chart(
            "funnel-heading",
            [(t("web-reports-step", step=step.key), step.count) for step in board.funnel],
        ),
        "months": column_chart(
            "months-heading",
            [month.month for month in board.months],
            [
                (t("web-reports-step", step=key), [m.counts[i].count for m in board.months])
                for i, key in enumerate(step.key for step in board.months[0].counts)
            ],
        ),
    }


ROUTES = (Route("/reports", reports, methods=["GET"], name="reports"),)
