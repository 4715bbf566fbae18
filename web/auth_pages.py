"""Logging in and out, and the one-time set-up page of a new account."""

from __future__ import annotations

import segno
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.accounts import (
    Problem,
    complete_setup,
    log_in,
    log_out,
    log_out_everywhere,
    pending_setup,
)
from web.console import (
    console_of,
    current,
    maybe_current,
    redirect,
    render,
    safe_next,
)
from web.roles import DASHBOARDS


async def login(request: Request) -> Response:
    console = console_of(request)
    if maybe_current(request) is not None:
        return redirect(str(request.url_for("home")))
    notice = None
    if request.query_params.get("expired"):
        notice = "web-login-expired"
    elif request.query_params.get("ready"):
        notice = "web-login-ready"
    elif request.query_params.get("bye"):
        notice = "web-login-bye"
    context: dict[str, object] = {
        "notice": notice,
        "next": safe_next(request.query_params.get("next")) or "",
        "name": "",
        "failed": False,
    }
    if request.method == "POST":
        form = await request.form()
        name = str(form.get("name", ""))
        address = request.client.host if request.client else "unknown"
        async with console.sessions.begin() as session:
            opened = await log_in(
                session,
                name,
                str(form.get("password", "")),
                str(form.get("code", "")),
                address,
                console.clock(),
                sealer=console.sealer,
            )
        if opened is None:
            context.update(name=name, failed=True, notice=None)
            return render(request, "login.html", context, status_code=400)
        target = safe_next(str(form.get("next", ""))) or str(
            request.url_for(DASHBOARDS[opened.role])
        )
        response = redirect(target)
        response.set_cookie(
            console.session_cookie,
            opened.session_id,
            httponly=True,
            samesite="lax",
            secure=console.secure_cookies,
            path="/",
        )
        return response
    return render(request, "login.html", context)


async def logout(request: Request) -> Response:
    console = console_of(request)
    cookie = request.cookies.get(console.session_cookie, "")
    async with console.sessions.begin() as session:
        await log_out(session, cookie, console.clock())
    response = redirect("/login?bye=1")
    response.delete_cookie(console.session_cookie, path="/")
    return response


async def logout_everywhere(request: Request) -> Response:
    console = console_of(request)
    async with console.sessions.begin() as session:
        await log_out_everywhere(session, current(request).id, console.clock())
    response = redirect("/login?bye=1")
    response.delete_cookie(console.session_cookie, path="/")
    return response


async def setup(request: Request) -> Response:
    console = console_of(request)
    token = request.path_params["token"]
    problems: list[Problem] = []
    async with console.sessions.begin() as session:
        pending = await pending_setup(session, token, console.clock(), sealer=console.sealer)
        if pending is not None and request.method == "POST":
            form = await request.form()
            outcome = await complete_setup(
                session,
                token,
                str(form.get("password", "")),
                str(form.get("repeated", "")),
                str(form.get("code", "")),
                console.clock(),
                sealer=console.sealer,
            )
            if outcome == []:
                return redirect("/login?ready=1")
            problems = outcome or []
    if pending is None:
        return render(request, "setup_invalid.html", status_code=404)
    qr = segno.make(pending.otpauth_uri, error="m")
    context = {
        "pending": pending,
        "problems": problems,
        "errors": {p.field: p for p in problems},
        "secret_groups": " ".join(
            pending.totp_secret[i : i + 4] for i in range(0, len(pending.totp_secret), 4)
        ),
        "qr_svg": qr.svg_inline(dark="#0b0c0c", light="#ffffff", omitsize=True),
    }
    return render(request, "setup.html", context, status_code=400 if problems else 200)


ROUTES = [
    Route("/login", login, methods=["GET", "POST"], name="login"),
    Route("/logout", logout, methods=["POST"], name="logout"),
    Route("/logout-everywhere", logout_everywhere, methods=["POST"], name="logout_everywhere"),
    Route("/setup/{token}", setup, methods=["GET", "POST"], name="setup"),
]
