"""The console's ASGI app: `create_app(sessions, settings, clock)`.

Every route goes through the role table (web/roles.py): a route without an entry there
stops the app from being built, and each page is wrapped by `web.console.guard` with the
role its entry names. Responses carry the security headers below; HTML is never cached.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import jinja2
from markupsafe import Markup
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.agenda import AgendaService
from app.catalogue import Catalogue
from app.course_admin import CourseAdmin
from app.handoffs import HandoffService, NoViews
from app.intake_config import IntakeConfig
from app.ports import Files
from app.reporting.care_source import CareRecordSource
from app.reporting.dashboard import DashboardService
from app.reporting.export import load_report_header
from app.reporting.indicators import load_indicators
from app.reporting.pdf import MonthlyReports, load_letterhead
from app.reporting.service import Reporting
from store.agenda_config import load_agenda_config
from store.programme import load_programme
from store.settings import PROJECT_ROOT, Settings
from web import (
    agenda_pages,
    audit_pages,
    auth_pages,
    canned_pages,
    course_pages,
    followup_pages,
    handoff_pages,
    home_pages,
    indicator_pages,
    intake_pages,
    person_pages,
    report_pages,
)
from web.console import CSRF_FIELD, Clock, Console, csrf_token, guard, render
from web.limits import BodyLimit
from web.roles import ROLE_TABLE, Role
from web.sealing import sealer_for

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5

HERE = Path(__file__).resolve().parent

# The pages, by module. A new module adds its ROUTES here and its names to ROLE_TABLE.
PAGE_ROUTES: Sequence[Route] = (
    *auth_pages.ROUTES,
    *home_pages.ROUTES,
    # Before handoff_pages: /handoffs/{id}/canned would match its /handoffs/{id}/{action}.
    *canned_pages.ROUTES,
    *handoff_pages.ROUTES,
    *person_pages.ROUTES,
    *intake_pages.ROUTES,  # after person_pages: /people/{id}/care...
    *followup_pages.ROUTES,
    *audit_pages.ROUTES,
    *course_pages.ROUTES,
    *agenda_pages.ROUTES,
    *indicator_pages.ROUTES,  # before report_pages: /reports/pdf
    *report_pages.ROUTES,
)

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: Clock = _utc_now,
    *,
    catalogue: Catalogue | None = None,
    handoffs: HandoffService | None = None,
    intake: IntakeConfig | None = None,
    courses: CourseAdmin | None = None,
    files: Files | None = None,
    agenda: AgendaService | None = None,
    dashboard: DashboardService | None = None,
    reporting: Reporting | None = None,
) -> Starlette:
    """The console, with its database sessions, settings and clock passed in. `handoffs`
    is the bot's own handoff service (runtime/web.py); without it, one that reaches nobody."""
    catalogue = catalogue or Catalogue.load(settings.locales_dir)
    base_url = settings.web_base_url
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates = Jinja2Templates(env=env, context_processors=[_template_helpers])
    console = Console(
        sessions=sessions,
        clock=clock,
        catalogue=catalogue,
        templates=templates,
        base_url=base_url,
        secure_cookies=base_url.startswith("https://"),
        sealer=sealer_for(settings.web_secret_key, settings.var_dir),
    )
    env.globals["t"] = console.t
    env.globals["Role"] = Role
    app = Starlette(
        routes=guarded_routes(),
        middleware=[
            Middleware(SecurityHeaders, hsts=console.secure_cookies),
            Middleware(BodyLimit),  # a reply's attachment is the largest body (web/limits.py)
        ],
        exception_handlers={
            HTTPException: _http_error,
            OperationalError: _database_unavailable,
            Exception: _http_error,  # any other failure: the same kind page, then logged
        },
    )
    app.state.console = console
    # The course service the command line uses too (app/course_admin.py).
    app.state.courses = courses or CourseAdmin.from_settings(sessions, settings)
    app.state.settings = settings  # timezone and office e-mail for person pages
    # Taking in charge: the fields, services and path of config/intake.yaml.
    app.state.intake = intake or IntakeConfig.load()
    app.state.handoffs = handoffs or HandoffService(
        sessions, clock, NoViews(), timezone=settings.timezone
    )
    app.state.files = files  # relayed files read through the bot; None: not shown
    # Without the bot's agenda service (runtime/web.py), one that tells nobody: the pages
    # then say the person was not told and must be called.
    app.state.agenda = agenda or AgendaService(
        sessions, load_agenda_config(settings.appointments_file), settings.timezone, clock
    )
    # Read once: the office's contacts (exports) and opening hours (the dashboard).
    app.state.programme = programme = load_programme(settings.programme_file)
    app.state.dashboard = dashboard or DashboardService(
        sessions, programme, settings.timezone, clock
    )
    # The funder's indicators (web/indicator_pages.py) and the monthly PDF built on both.
    app.state.reporting = reporting or Reporting(
        sessions,
        load_indicators(PROJECT_ROOT / "config" / "indicators.yaml"),
        CareRecordSource(),
        load_report_header(settings.programme_file),
        timezone=settings.timezone,
    )
    app.state.monthly_reports = MonthlyReports(
        sessions,
        app.state.dashboard,
        app.state.reporting,
        load_letterhead(settings.programme_file),
        settings.timezone,
    )
    return app


def guarded_routes() -> list[BaseRoute]:
    routes: list[BaseRoute] = []
    for route in PAGE_ROUTES:
        if route.name not in ROLE_TABLE:
            raise LookupError(f"route {route.name!r} has no entry in web.roles.ROLE_TABLE")
        routes.append(
            Route(
                route.path,
                guard(route.endpoint, ROLE_TABLE[route.name]),
                methods=sorted(route.methods or ()),
                name=route.name,
            )
        )
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    return routes


def _template_helpers(request: Request) -> dict[str, object]:
    def csrf_field() -> Markup:
        return Markup('<input type="hidden" name="{}" value="{}">').format(
            CSRF_FIELD, csrf_token(request)
        )

    return {"csrf_field": csrf_field, "request": request}


async def _database_unavailable(request: Request, exc: Exception) -> Response:
    # Locked (another writer held it past busy_timeout) or unreachable: the transaction was
    # rolled back, so nothing half-saved is left; the page says so and when to try again.
    log.warning("database unavailable on %s: %s", request.url.path, type(exc).__name__)
    response = _error_page(request, 503)
    response.headers["retry-after"] = str(RETRY_AFTER_SECONDS)
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    return _error_page(request, exc.status_code if isinstance(exc, HTTPException) else 500)


def _error_page(request: Request, status: int) -> Response:
    # An error raised before the guard ran (a 404, a failure at login) has no account yet.
    if not hasattr(request.state, "account"):
        request.state.account = None
    return render(request, "error.html", {"status": status}, status_code=status)


class SecurityHeaders:
    """Adds the security headers to every response (an unhandled error's bare 500 aside)."""

    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                extra = [
                    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    # Set-up links carry a token in the path: never send it elsewhere.
                    (b"referrer-policy", b"no-referrer"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                if not static:
                    extra.append((b"cache-control", b"no-store"))
                if self.hsts:
                    extra.append((b"strict-transport-security", b"max-age=31536000"))
                headers += [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
