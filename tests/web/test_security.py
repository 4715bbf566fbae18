"""The console's security over plain HTTP: the role table on every route and every role,
CSRF, the security headers, sessions that expire, and the login lock."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select
from starlette.routing import Mount, Route

from store.models import AuditEntry
from tests.web.support import ConsoleServer, _run_elsewhere, csrf_of
from web.accounts import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT
from web.app import PAGE_ROUTES, guarded_routes
from web.roles import PUBLIC, ROLE_TABLE, Role

# A value for each path parameter, to reach a route without knowing real ids.
PATH_SAMPLES = {
    "token": "not-a-real-token",
    "path": "console.css",
    "telegram_id": "4242",
    "handoff_id": "4242",
    "action": "claim",
    "kind": "note",
    "canned_id": "4242",
    "relay_id": "4242",
    "slot_id": "4242",
    "appointment_id": "4242",
    "course_id": "4242",
    "lesson_id": "4242",
    "step_id": "4242",
}

# Forms that change something only with fields filled in; an empty post is refused (400).
FORMS_WITH_FIELDS = frozenset({"agenda_add_save", "course_save", "canned_add"})


def every_route() -> list[tuple[str, str, str]]:
    """(name, method, path) for every route the app serves."""
    found = []
    for route in guarded_routes():
        if isinstance(route, Mount):
            found.append((route.name, "GET", "/static/console.css"))
            continue
        assert isinstance(route, Route)
        path = re.sub(r"{(\w+)(:\w+)?}", lambda m: PATH_SAMPLES[m.group(1)], route.path)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            found.append((route.name, method, path))
    return found


def test_every_route_is_in_the_role_table() -> None:
    served = {name for name, _, _ in every_route()}
    assert served == set(ROLE_TABLE), "routes and ROLE_TABLE entries must match one to one"
    assert {route.name for route in PAGE_ROUTES} <= served


def test_a_route_without_an_entry_stops_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("web.app.PAGE_ROUTES", (Route("/x", lambda r: None, name="no_entry"),))
    with pytest.raises(LookupError, match="no_entry"):
        guarded_routes()


def _expected(role_needed: Role | None, who: Role | None) -> set[int]:
    if role_needed is PUBLIC:
        return {200, 303, 400, 404}  # public pages answer (a fake set-up token: 404)
    if who is None:
        return {303}  # to the login page
    if who < role_needed:
        return {403}
    return {200, 303}


def test_every_route_for_every_role_and_no_session(console: ConsoleServer) -> None:
    accounts = {role: console.ready_account(f"test-{role.key}", role) for role in Role}
    clients: dict[Role | None, httpx.Client] = {
        None: httpx.Client(base_url=console.url, follow_redirects=False, timeout=10),
        **{role: console.http_login(account) for role, account in accounts.items()},
    }
    route_paths = {r.name: getattr(r, "path", "") for r in guarded_routes()}
    checked = 0
    for name, method, path in every_route():
        needed = ROLE_TABLE[name]
        for who, client in clients.items():
            if method == "GET":
                response = client.get(path)
            else:
                page = client.get("/login" if who is None else "/", follow_redirects=True)
                response = client.post(path, data={"csrf_token": csrf_of(page.text)})
            allowed = _expected(needed, who)
            if "{" in route_paths[name] and allowed == {200, 303}:
                allowed = {200, 303, 404}  # a sample id names nobody: the kind 404 page
            if name in FORMS_WITH_FIELDS and allowed == {200, 303}:
                allowed = {400}  # posted without its fields: the errors beside them
            assert response.status_code in allowed, (
                f"{method} {path} as {who}: {response.status_code}"
            )
            if who is None and needed is not PUBLIC:
                assert response.headers["location"].startswith("/login?next=")
            checked += 1
            if name in ("logout", "logout_everywhere") and who is not None:
                clients[who] = console.http_login(accounts[who])  # that ended the session
    assert checked == len(every_route()) * (len(Role) + 1)


def test_a_change_without_the_csrf_token_is_refused(console: ConsoleServer) -> None:
    admin = console.http_login(console.ready_account("anna", Role.ADMIN))
    for data in ({}, {"csrf_token": "forged"}):
        refused = admin.post("/logout-everywhere", data=data)
        assert refused.status_code == 403
        assert admin.get("/admin").status_code == 200  # still logged in: nothing changed
    anonymous = httpx.Client(base_url=console.url, timeout=10)
    anonymous.get("/login")  # has the cookie half of the token, not the form half
    account = console.ready_account("bruno", Role.OPERATOR, totp=False)
    attempt = {"name": account.name, "password": account.password, "code": ""}
    assert anonymous.post("/login", data=attempt).status_code == 403
    assert console.settings.web_port  # the same form with the token logs in:
    good = anonymous.post(
        "/login", data={**attempt, "csrf_token": csrf_of(anonymous.get("/login").text)}
    )
    assert good.status_code == 303
    done = admin.post("/logout-everywhere", data={"csrf_token": _csrf(admin)})
    assert done.status_code == 303 and admin.get("/admin").status_code == 303


def _csrf(client: httpx.Client) -> str:
    return csrf_of(client.get("/", follow_redirects=True).text)


def test_security_headers_and_cookie_flags(console: ConsoleServer) -> None:
    response = httpx.get(f"{console.url}/login")
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    assert "strict-transport-security" not in headers  # plain HTTP here
    client = httpx.Client(base_url=console.url, timeout=10)
    account = console.ready_account("carla", Role.COORDINATOR)
    client.get("/login")
    login = client.post(
        "/login",
        data={
            "csrf_token": csrf_of(client.get("/login").text),
            "name": "carla",
            "password": account.password,
            "code": console.clock.code(account.totp_secret or ""),
        },
    )
    cookie = login.headers["set-cookie"].lower()
    assert cookie.startswith("proximity_session=")
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    assert "secure" not in cookie  # served over plain HTTP; see the https test below


def test_behind_https_cookies_are_secure_and_host_bound(console: ConsoleServer) -> None:
    from store.db import create_engine_async, session_factory
    from web import create_app

    settings = console.settings.model_copy(update={"web_public_url": "https://console.example"})
    account = console.ready_account("dario", Role.OPERATOR, totp=False)

    async def visit() -> tuple[httpx.Response, httpx.Response]:
        engine = create_engine_async(console.database_url)
        app = create_app(session_factory(engine), settings, console.clock)
        transport = httpx.ASGITransport(app=app)
        try:
            async with httpx.AsyncClient(
                transport=transport, base_url="https://console.example"
            ) as client:
                first = await client.get("/login")
                form = {"csrf_token": csrf_of(first.text), "name": "dario"}
                login = await client.post("/login", data={**form, "password": account.password})
                return first, login
        finally:
            await engine.dispose()

    first, login = _run_elsewhere(visit())
    assert "max-age=31536000" in first.headers["strict-transport-security"]
    assert "secure" in first.headers["set-cookie"].lower()
    assert login.status_code == 303
    cookie = login.headers["set-cookie"]
    assert cookie.startswith("__Host-proximity_session=") and "Secure" in cookie


def test_sessions_expire_idle_and_absolute(console: ConsoleServer) -> None:
    account = console.ready_account("elena", Role.OPERATOR)
    client = console.http_login(account)
    console.clock.advance(IDLE_TIMEOUT - timedelta(minutes=1))
    assert client.get("/operator").status_code == 200
    console.clock.advance(IDLE_TIMEOUT + timedelta(seconds=1))
    expired = client.get("/operator")
    assert expired.status_code == 303
    assert expired.headers["location"] == "/login?next=%2Foperator&expired=1"
    assert "scaduta" in client.get(expired.headers["location"]).text
    # Busy all day: every 20 minutes a page, and still out after 12 hours.
    client = console.http_login(account)
    for _ in range(int(ABSOLUTE_TIMEOUT / timedelta(minutes=20))):
        assert client.get("/operator").status_code == 200
        console.clock.advance(timedelta(minutes=20))
    assert client.get("/operator").status_code == 303


def _try(console: ConsoleServer, client: httpx.Client, name: str, password: str, code: str = ""):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login", data={"csrf_token": token, "name": name, "password": password, "code": code}
    )


def test_login_lock_per_account_then_per_address(console: ConsoleServer) -> None:
    account = console.ready_account("franca", Role.OPERATOR, totp=False)
    client = httpx.Client(base_url=console.url, timeout=10)
    wrong = [_try(console, client, "franca", "not the password at all") for _ in range(5)]
    right = _try(console, client, "franca", account.password)
    unknown = _try(console, client, "nobody-here", "whatever it is")
    # Locked, and the page says exactly what it says for any other failure.
    assert right.status_code == wrong[0].status_code == unknown.status_code == 400
    message = re.compile(r"<p>Accesso non riuscito[^<]*</p>")
    assert (
        message.findall(right.text)
        == message.findall(wrong[0].text)
        == message.findall(unknown.text)
    )
    console.clock.advance(timedelta(minutes=16))
    assert _try(console, client, "franca", account.password).status_code == 303
    # Twenty failures from one address lock every name from there, for a while.
    other = console.ready_account("gino", Role.OPERATOR, totp=False)
    client = httpx.Client(base_url=console.url, timeout=10)
    for i in range(20):
        _try(console, client, f"guess-{i}", "not the password at all")
    assert _try(console, client, "gino", other.password).status_code == 400
    console.clock.advance(timedelta(minutes=16))
    assert _try(console, client, "gino", other.password).status_code == 303


def test_logins_and_failures_are_audited_without_secrets(console: ConsoleServer) -> None:
    account = console.ready_account("ugo", Role.ADMIN)
    client = httpx.Client(base_url=console.url, timeout=10)
    _try(console, client, "ugo", "wrong password typed here")
    _try(console, client, "ugo", account.password, console.clock.code(account.totp_secret or ""))

    async def entries() -> list[tuple[str, str]]:
        from store.db import create_engine_async, session_factory

        engine = create_engine_async(console.database_url)
        try:
            async with session_factory(engine)() as session:
                rows = await session.execute(select(AuditEntry.actor, AuditEntry.action))
                return [tuple(row) for row in rows]  # type: ignore[misc]
        finally:
            await engine.dispose()

    rows = _run_elsewhere(entries())
    actions = [action for _, action in rows]
    assert actions.count("web-login-failed") == 1 and actions.count("web-login") == 1
    assert "wrong password typed here" not in repr(rows) and account.password not in repr(rows)
