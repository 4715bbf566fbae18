"""What every page of the console needs, built once by `web.create_app`, and the helpers
pages use: the current account, CSRF in forms, rendering a template, redirecting.

A page is a plain Starlette endpoint. `guard` wraps it with the role from the role table:
it loads the session (or sends to the login page), refuses a role too low (403), and
refuses a change without the form's CSRF token (403). Inside a page:

    account = current(request)                  # never None on a non-public page
    return render(request, "page.html", {...})  # csrf_token and t() are in every template

and a form that changes something carries `{{ csrf_field() }}`.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from app.catalogue import Catalogue
from web.accounts import CurrentAccount, current_account
from web.roles import Role
from web.sealing import Sealer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Endpoint = Callable[[Request], Awaitable[Response]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
# Before logging in there is no session to hold the token: a cookie holds it instead
# (double submit), checked against the form the same way.
ANON_CSRF_COOKIE = "proximity_csrf"


@dataclass(frozen=True)
class Console:
    """The console's dependencies: passed in, never global."""

    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    catalogue: Catalogue
    templates: Jinja2Templates
    base_url: str
    secure_cookies: bool
    sealer: Sealer

    @property
    def session_cookie(self) -> str:
        # __Host- cookies are refused by browsers unless Secure, for this host and path /.
        return "__Host-proximity_session" if self.secure_cookies else "proximity_session"

    def t(self, key: str, **params: object) -> str:
        return self.catalogue.render(key, "it", params)


def console_of(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


def current(request: Request) -> CurrentAccount:
    """The logged-in account; only on pages that are not public."""
    account: CurrentAccount | None = request.state.account
    if account is None:
        raise RuntimeError("current() on a public page")
    return account


def maybe_current(request: Request) -> CurrentAccount | None:
    return getattr(request.state, "account", None)


def csrf_token(request: Request) -> str:
    account = maybe_current(request)
    if account is not None:
        return account.csrf_token
    token: str | None = getattr(request.state, "anon_csrf", None)
    if token is None:
        token = request.cookies.get(ANON_CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.anon_csrf = token
    return token


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    console = console_of(request)
    return console.templates.TemplateResponse(
        request,
        template,
        {"account": maybe_current(request), **(context or {})},
        status_code=status_code,
    )


def redirect(url: str) -> RedirectResponse:
    # 303: after a POST the browser GETs the next page, so a reload does not post again.
    return RedirectResponse(url, status_code=303)


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: never an open redirect to another one."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return None


def guard(endpoint: Endpoint, role: Role | None) -> Endpoint:
    # A page the browser polls by itself (web/handoff_pages.passive) does not count as
    # activity: an open tab must not keep an idle session alive.
    touch = not getattr(endpoint, "keeps_session_idle", False)

    async def guarded(request: Request) -> Response:
        console = console_of(request)
        request.state.account = None
        cookie = request.cookies.get(console.session_cookie)
        if cookie:
            async with console.sessions.begin() as session:
                request.state.account = await current_account(
                    session, cookie, console.clock(), touch=touch
                )
        account: CurrentAccount | None = request.state.account
        if role is not None:
            if account is None:
                response: Response = redirect(_login_url(request, expired=bool(cookie)))
                if cookie:
                    response.delete_cookie(console.session_cookie, path="/")
                return response
            if not account.may(role):
                return render(request, "error.html", {"status": 403}, status_code=403)
        if request.method not in SAFE_METHODS and not await _csrf_ok(request, account):
            log.info("web: change refused without a valid CSRF token")
            return render(request, "error.html", {"status": 403}, status_code=403)
        response = await endpoint(request)
        if account is None and getattr(request.state, "anon_csrf", None):
            response.set_cookie(
                ANON_CSRF_COOKIE,
                request.state.anon_csrf,
                httponly=True,
                samesite="strict",
                secure=console.secure_cookies,
                path="/",
            )
        return response

    guarded.__name__ = getattr(endpoint, "__name__", "page")
    return guarded


def _login_url(request: Request, *, expired: bool) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    url = f"/login?next={quote(target, safe='')}"
    return url + "&expired=1" if expired else url


async def _csrf_ok(request: Request, account: CurrentAccount | None) -> bool:
    form = await request.form()
    given = form.get(CSRF_FIELD)
    if not isinstance(given, str) or not given:
        return False
    expected = account.csrf_token if account is not None else request.cookies.get(ANON_CSRF_COOKIE)
    return bool(expected) and hmac.compare_digest(given, expected or "")


def typed_day(value: str) -> date:
    """A day as a date field sends it (2026-12-31) or as typed (31/12/2026); ValueError
    for anything else."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)
