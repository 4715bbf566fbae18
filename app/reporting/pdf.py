"""The monthly report to the funder: the dashboard's figures and the indicator table of one
month, on the agency's letterhead (config/programme.yaml), as an A4 PDF.

This module gathers what the report says (`MonthlyReports.gather`, audited: the file
leaves the agency) and turns HTML into PDF (`html_to_pdf`). The HTML itself, with its
charts, is the web console's (web/indicator_pages.py), since the charts are drawn there.

WeasyPrint is not the browser: the console's Content-Security-Policy does not reach it, so
the fetcher below is what keeps a report from loading anything remote. It serves only
files inside the folders it is given (the print stylesheet) and `data:` URLs; anything
else is refused and left out of the page.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import weasyprint  # type: ignore[import-untyped]
import yaml
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.reporting.dashboard import Dashboard, DashboardService
from app.reporting.indicators import Period, ShownRow, shown_rows
from app.reporting.service import Reporting
from store.models import AuditEntry

MADE = "report-pdf-made"


@dataclass(frozen=True)
class Letterhead:
    """Who the report comes from: the controller, the office, and the programme's names."""

    controller: str
    office_name: str
    office_address: str
    office_phone: str
    office_email: str
    programme: str
    funder: str
    project_code: str


def load_letterhead(path: Path) -> Letterhead:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    office: dict[str, Any] = data.get("office") or {}
    section: dict[str, Any] = data.get("reporting") or {}
    return Letterhead(
        controller=str(data.get("controller", "")),
        office_name=str(office.get("name", "")),
        office_address=str(office.get("address", "")),
        office_phone=str(office.get("phone", "")),
        office_email=str(office.get("email", "")),
        programme=str(section.get("programme") or office.get("name", "")),
        funder=str(section.get("funder", "")),
        project_code=str(section.get("project_code", "")),
    )


@dataclass(frozen=True)
class MonthlyFigures:
    month: Period
    board: Dashboard
    trend: Dashboard  # the twelve months up to this one, for the chart per month
    # The indicators of the month as they leave the agency: small cells suppressed.
    rows: tuple[ShownRow, ...]
    closed_at: datetime | None
    letterhead: Letterhead
    made_at: datetime  # office time


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _months_before(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


class MonthlyReports:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        dashboard: DashboardService,
        reporting: Reporting,
        letterhead: Letterhead,
        timezone: str,
    ) -> None:
        self._sessions = sessions
        self._dashboard = dashboard
        self._reporting = reporting
        self._letterhead = letterhead
        self._zone = ZoneInfo(timezone)

    async def gather(self, month: Period, actor: str, now: datetime) -> MonthlyFigures:
        """The month's figures for the PDF; the request is audited (who, when)."""
        board = await self._dashboard.build(month.start, month.end)
        trend = await self._dashboard.build(_months_before(month.start, 11), month.end)
        report = await self._reporting.report(month, splits=())
        async with self._sessions.begin() as session:
            session.add(AuditEntry(at=now, actor=actor, action=MADE, beneficiary_id=None))
        return MonthlyFigures(
            month=month,
            board=board,
            trend=trend,
            rows=tuple(shown_rows(report, for_export=True)),
            closed_at=report.closed_at,
            letterhead=self._letterhead,
            made_at=now.astimezone(self._zone),
        )


class LocalOnly(weasyprint.URLFetcher):  # type: ignore[misc]
    """Serves files under `folders` and data: URLs; refuses the rest (kept in `refused`)."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        super().__init__(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)
        self._folders = tuple(folder.resolve() for folder in folders)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file" and not parts.netloc:
            path = Path(unquote(parts.path)).resolve()
            if any(path.is_relative_to(folder) for folder in self._folders) and path.is_file():
                return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"not fetched: only local files are allowed in a report ({url[:80]})")


def html_to_pdf(html: str, folder: Path) -> tuple[bytes, list[str]]:
    """The PDF of `html`, whose relative links resolve in `folder` (and only there); with
    the addresses it refused. CPU-bound for a second or so: run it in a worker thread."""
    fetcher = LocalOnly((folder,))
    document = weasyprint.HTML(
        string=html, base_url=folder.resolve().as_uri() + "/", url_fetcher=fetcher
    )
    pdf: bytes = document.write_pdf()
    return pdf, fetcher.refused
