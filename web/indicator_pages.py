"""The funder's indicators in the console (coordinators), and the monthly PDF report.

- `/indicators`: a period (a year, a quarter, a month, or two days), the table of every
  indicator by gender, split by age band and comune on request. The agency's own staff see
  every count; the page says that what leaves it (the files, the PDF) hides small cells.
  A closed period is read from its frozen rows and says when and by whom it was closed.
- `/indicators/export`: the same period as CSV or XLSX, suppressed, audited by the service.
- `/indicators/close`: a confirmation page (GET), then the POST that freezes the period;
  a period not over, or closed already, is refused with the reason.
- `/reports/pdf`: the monthly report (dashboard, charts, indicators suppressed) as A4 PDF.

The period is in the query string, so a view is a link to share. Counts are anonymous:
viewing them is not audited; files that leave the agency are (app/reporting).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.reporting.dashboard import Dashboard
from app.reporting.indicators import HIDDEN, SMALL, THRESHOLD, Period, ShownRow, shown_rows
from app.reporting.pdf import MonthlyFigures, MonthlyReports, html_to_pdf, month_period
from app.reporting.service import ClosedPeriod, PeriodAlreadyClosed, PeriodNotOver, Reporting
from web.accounts import Problem
from web.charts import bar_chart, column_chart
from web.console import console_of, current, redirect, render, typed_day
from web.models import Account

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
FORMATS = ("csv", "xlsx")
SPLIT_KEYS = ("age_band", "comune")


def _reporting(request: Request) -> Reporting:
    service: Reporting = request.app.state.reporting
    return service


def _monthly(request: Request) -> MonthlyReports:
    service: MonthlyReports = request.app.state.monthly_reports
    return service


def _actor(request: Request) -> str:
    return f"web:{current(request).id}"


def _today(request: Request) -> date:
    console = console_of(request)
    return console.clock().astimezone(request.app.state.settings.tz).date()


# -- the period form ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chosen:
    """What the form asked for: the period (None when the form is wrong), the typed values
    to show again, the splits, and what is wrong beside which field."""

    period: Period | None
    typed: dict[str, str]
    splits: tuple[str, ...]
    problems: list[Problem]

    def query(self) -> dict[str, str]:
        """The query string that asks for the same period again (links, redirects)."""
        assert self.period is not None
        found = {"period": self.period.label}
        found.update({key: "1" for key in self.splits})
        return found


def chosen(params: Mapping[str, str], today: date, *, required: bool = False) -> Chosen:
    """The period asked for; without one, this year (or, when `required`, a problem)."""
    typed = {key: params.get(key, "").strip()[:40] for key in ("period", "from", "to")}
    splits = tuple(key for key in SPLIT_KEYS if params.get(key))
    problems: list[Problem] = []
    period: Period | None = None
    if typed["from"] or typed["to"]:
        days: dict[str, date] = {}
        for key in ("from", "to"):
            try:
                days[key] = typed_day(typed[key])
            except ValueError:
                problems.append(Problem(key, "web-indicators-error-day", {}))
        if not problems:
            if days["to"] < days["from"]:
                problems.append(Problem("to", "web-indicators-error-order", {}))
            else:
                period = Period(days["from"], days["to"])
    else:
        if not typed["period"] and not required:
            typed["period"] = str(today.year)
        try:
            period = Period.parse(typed["period"])
        except ValueError:
            problems.append(Problem("period", "web-indicators-error-period", {}))
    return Chosen(period, typed, splits, problems)


# -- the indicators page ------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A line of the table: an indicator's total row, or one group of a split under it."""

    shown: ShownRow
    group_label: str


def lines(
    shown_list: list[ShownRow], comuni: Mapping[str, str]
) -> list[tuple[ShownRow, list[Line]]]:
    """Each indicator's own row with its split rows (age bands, then comuni)."""
    grouped: dict[str, tuple[ShownRow, list[Line]]] = {}
    for shown in shown_list:
        row = shown.row
        if row.split == "all":
            grouped[row.code] = (shown, [])
        elif row.code in grouped:
            grouped[row.code][1].append(Line(shown, _group_label(row.split, row.group, comuni)))
    return list(grouped.values())


def _group_label(split: str, group: str, comuni: Mapping[str, str]) -> str:
    """A catalogue variant ("age-40-49", "comune-unknown"), or the comune's name."""
    if split == "age_band":
        return f"age-{group}"
    return "comune-unknown" if group == "unknown" else comuni.get(group, group)


async def _closed_by(request: Request, closed: list[ClosedPeriod]) -> dict[str, str]:
    """Actor → account name, for the accounts that closed periods."""
    ids = {int(p.closed_by.split(":", 1)[1]) for p in closed if p.closed_by.startswith("web:")
           and p.closed_by.split(":", 1)[1].isdigit()}  # fmt: skip
    if not ids:
        return {}
    async with console_of(request).sessions() as session:
        rows = await session.execute(select(Account.id, Account.name).where(Account.id.in_(ids)))
        return {f"web:{account_id}": name for account_id, name in rows}


async def indicators(request: Request) -> Response:
    service = _reporting(request)
    choice = chosen(request.query_params, _today(request))
    closed = await service.closed_periods()
    names = await _closed_by(request, closed)
    context: dict[str, object] = {
        "choice": choice,
        "errors": {p.field: p for p in choice.problems},
        "problems": choice.problems,
        "closed": closed,
        "names": names,
        "report": None,
        "just_closed": request.query_params.get("closed") == "1",
    }
    if choice.period is not None:
        report = await service.report(choice.period, splits=choice.splits)
        this = next((p for p in closed if p.period == choice.period), None)
        context.update(
            report=report,
            this_closed=this,
            # Every count: this page is for the agency's own staff (the note says so).
            table=lines(shown_rows(report, for_export=False), request.app.state.intake.comuni),
            query=choice.query(),
            can_close=choice.period.end < _today(request) and this is None,
        )
    return render(request, "indicators.html", context)


async def indicators_export(request: Request) -> Response:
    params = request.query_params
    choice = chosen(params, _today(request))
    fmt = params.get("format", "")
    if choice.period is None or fmt not in FORMATS:
        # The indicators page shows what is wrong beside the field.
        typed = {key: value for key, value in choice.typed.items() if value}
        return redirect(request.app.url_path_for("indicators") + "?" + str(QueryParams(typed)))
    done = await _reporting(request).export(
        choice.period,
        "csv" if fmt == "csv" else "xlsx",
        _actor(request),
        console_of(request).clock(),
        splits=choice.splits,
    )
    return Response(
        done.content,
        media_type=done.media_type,
        headers={"content-disposition": f'attachment; filename="{done.filename}"'},
    )


async def indicators_close(request: Request) -> Response:
    """GET: what closing means, with the button; POST: close, or say why not."""
    params: Mapping[str, str]
    if request.method == "POST":
        form = await request.form()
        params = {k: v for k, v in form.items() if isinstance(v, str)}
    else:
        params = request.query_params
    today = _today(request)
    choice = chosen(params, today, required=True)
    refusal: Problem | None = None
    if choice.period is not None:
        refusal = await _refusal(request, choice.period, today)
        if refusal is None and request.method == "POST":
            try:
                await _reporting(request).close_period(
                    choice.period, _actor(request), console_of(request).clock()
                )
            except PeriodNotOver:
                refusal = Problem("period", "web-indicators-error-not-over",
                                  {"end": f"{choice.period.end:%d/%m/%Y}"})  # fmt: skip
            except PeriodAlreadyClosed:
                refusal = await _refusal(request, choice.period, today)
            else:
                done = QueryParams({"period": choice.period.label, "closed": "1"})
                return redirect(request.app.url_path_for("indicators") + "?" + str(done))
    problems = [*choice.problems, *([refusal] if refusal else [])]
    return render(
        request,
        "indicators_close.html",
        {
            "choice": choice,
            "problems": problems,
            "errors": {p.field: p for p in problems},
            "refusal": refusal,
        },
    )


async def _refusal(request: Request, period: Period, today: date) -> Problem | None:
    closed = await _reporting(request).closed_periods()
    this = next((p for p in closed if p.period == period), None)
    if this is not None:
        names = await _closed_by(request, [this])
        local = this.closed_at.astimezone(request.app.state.settings.tz)
        return Problem(
            "period",
            "web-indicators-error-closed",
            {"when": f"{local:%d/%m/%Y}", "who": names.get(this.closed_by, this.closed_by)},
        )
    if period.end >= today:
        return Problem("period", "web-indicators-error-not-over", {"end": f"{period.end:%d/%m/%Y}"})
    return None


# -- the monthly PDF ----------------------------------------------------------------------------


def _month(value: str) -> Period:
    year, month = value.split("-")
    if len(year) != 4 or len(month) != 2:
        raise ValueError(value)
    return month_period(int(year), int(month))


async def reports_pdf(request: Request) -> Response:
    """The month asked for (by default the last whole month) as a PDF to download."""
    today = _today(request)
    typed = request.query_params.get("month", "").strip()[:7]
    try:
        if typed:
            month = _month(typed)
        else:
            last = today.replace(day=1).toordinal() - 1
            previous = date.fromordinal(last)
            month = month_period(previous.year, previous.month)
    except ValueError:
        problem = Problem("month", "web-indicators-error-month", {})
        return render(
            request,
            "report_pdf_month.html",
            {"typed": typed, "problems": [problem], "errors": {"month": problem}},
        )
    figures = await _monthly(request).gather(month, _actor(request), console_of(request).clock())
    html = render_pdf_html(request, figures)
    content, _refused = await asyncio.to_thread(html_to_pdf, html, STATIC)
    name = f"rapporto-{month.label}.pdf"
    return Response(
        content,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def render_pdf_html(request: Request, figures: MonthlyFigures) -> str:
    console = console_of(request)
    template = console.templates.get_template("report_pdf.html")
    return template.render(
        figures=figures,
        board=figures.board,
        trend=figures.trend,
        charts=pdf_charts(request, figures.board, figures.trend),
        table=lines(list(figures.rows), request.app.state.intake.comuni),
        small=SMALL,
        hidden=HIDDEN,
        threshold=THRESHOLD,
    )


def pdf_charts(request: Request, board: Dashboard, trend: Dashboard) -> dict[str, object]:
    """The dashboard's two charts: the month's funnel, and the twelve months up to it."""
    t = console_of(request).t
    return {
        "funnel": bar_chart(
            "pdf-funnel",
            [(t("web-reports-step", step=step.key), step.count) for step in board.funnel],
        ),
        "months": column_chart(
            "pdf-months",
            [month.month[2:] for month in trend.months],  # "25-12": twelve fit on A4
            [
                (t("web-reports-step", step=key), [m.counts[i].count for m in trend.months])
                for i, key in enumerate(step.key for step in trend.months[0].counts)
            ],
            width=900,  # twelve month labels side by side without touching
        ),
    }


ROUTES = (
    Route("/indicators", indicators, methods=["GET"], name="indicators"),
    Route("/indicators/export", indicators_export, methods=["GET"], name="indicators_export"),
    Route("/indicators/close", indicators_close, methods=["GET", "POST"], name="indicators_close"),
    Route("/reports/pdf", reports_pdf, methods=["GET"], name="reports_pdf"),
)
