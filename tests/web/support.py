"""The web console under test: a real uvicorn server on a free port, a migrated SQLite
database, a clock the test moves, and helpers to create accounts and log in."""

from __future__ import annotations

import asyncio
import base64
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pyotp
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from store.db import create_engine_async, session_factory
from store.migrate import upgrade
from store.settings import PROJECT_ROOT, Settings
from web import create_app, serve
from web.accounts import complete_setup, create_account, pending_setup
from web.roles import Role
from web.sealing import sealer_for

# The command an admin types, as installed in this virtualenv.
PROXIMITY = str(Path(sys.executable).parent / "proximity")
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
SETUP_LINK = re.compile(r"(http://\S+/setup/\S+)")


@dataclass
class MovableClock:
    """The console's clock: starts at the real time and moves only when a test says so."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta

    def code(self, secret: str) -> str:
        """The authenticator app's code at the console's time."""
        return pyotp.TOTP(secret).at(self.now)


@dataclass(frozen=True)
class Ready:
    """An account that finished its set-up."""

    name: str
    role: Role
    password: str
    totp_secret: str | None


class ConsoleServer:
    def __init__(self, database_url: str, clock: MovableClock) -> None:
        self.database_url = database_url
        self.clock = clock
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.settings = Settings(
            database_url=database_url,
            web_host="127.0.0.1",
            web_port=self.port,
            # Each console its own key: what the command line seals, the pages must open.
            web_secret_key=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            _env_file=None,
        )
        self.sealer = sealer_for(self.settings.web_secret_key, self.settings.var_dir)
        self._thread = threading.Thread(target=self._run, name="web-console", daemon=True)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None

    # -- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        upgrade(self.database_url)
        self._thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._failure is not None:
                raise RuntimeError("the console did not start") from self._failure
            try:
                if httpx.get(f"{self.url}/login", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise TimeoutError("the console did not answer within 20 s")

    def stop(self) -> None:
        if self._loop is not None and self._task is not None:
            self._loop.call_soon_threadsafe(self._task.cancel)
        self._thread.join(timeout=10)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to start() / the test
            self._failure = exc

    def app(self, sessions: async_sessionmaker[AsyncSession]) -> Starlette:
        """The console under test; subclasses pass it their services (handoffs, agenda…)."""
        return create_app(sessions, self.settings, self.clock)

    def db(self, work):  # type: ignore[no-untyped-def]
        """Runs `work(session)` in one transaction on the console's database."""

        async def run():  # type: ignore[no-untyped-def]
            engine = create_engine_async(self.database_url)
            try:
                async with session_factory(engine).begin() as session:
                    return await work(session)
            finally:
                await engine.dispose()

        return _run_elsewhere(run())

    async def _main(self) -> None:
        engine = create_engine_async(self.database_url)
        app = self.app(session_factory(engine))
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.create_task(serve(app, "127.0.0.1", self.port))
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        finally:
            await engine.dispose()

    # -- accounts -----------------------------------------------------------------------------

    def add_by_cli(self, name: str, role: str, *extra: str) -> str:
        """`proximity operators add` as an admin types it; the set-up link it prints."""
        done = subprocess.run(
            [PROXIMITY, "operators", "add", name, "--role", role, *extra],
            cwd=PROJECT_ROOT,
            env={
                **os.environ,
                "DATABASE_URL": self.database_url,
                "WEB_PORT": str(self.port),
                "WEB_SECRET_KEY": self.settings.web_secret_key,
            },
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        found = SETUP_LINK.search(done.stdout)
        assert found, done.stdout
        return found.group(1)

    def ready_account(self, name: str, role: Role, *, totp: bool = True) -> Ready:
        """An account created and set up directly through the services (fast)."""
        password = "il treno verde parte alle 7"

        async def work() -> str | None:
            engine = create_engine_async(self.database_url)
            try:
                async with session_factory(engine).begin() as session:
                    token = await create_account(
                        session, name, role, self.clock(), sealer=self.sealer
                    )
                    pending = await pending_setup(session, token, self.clock(), sealer=self.sealer)
                    assert pending is not None
                    secret = pending.totp_secret if totp else None
                    code = self.clock.code(secret) if secret else ""
                    problems = await complete_setup(
                        session, token, password, password, code, self.clock(), sealer=self.sealer
                    )
                    assert problems == [], problems
                    return secret
            finally:
                await engine.dispose()

        secret = _run_elsewhere(work())
        self.clock.advance(timedelta(seconds=30))  # the set-up's code works only once
        return Ready(name=name, role=role, password=password, totp_secret=secret)

    def http_login(self, account: Ready) -> httpx.Client:
        """An HTTP client logged in as the account (the same form a browser posts)."""
        client = httpx.Client(base_url=self.url, follow_redirects=False, timeout=10)
        form = {
            "csrf_token": csrf_of(client.get("/login").text),
            "name": account.name,
            "password": account.password,
            "code": self.clock.code(account.totp_secret) if account.totp_secret else "",
        }
        response = client.post("/login", data=form)
        assert response.status_code == 303, response.text
        # A code works once: the next login of the same account needs the next step.
        self.clock.advance(timedelta(seconds=30))
        return client


def csrf_of(html: str) -> str:
    found = CSRF_INPUT.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def _run_elsewhere(coroutine):  # type: ignore[no-untyped-def]
    """Runs a coroutine to the end on a fresh loop in a thread of its own (tests may be
    inside pytest-asyncio's loop or not)."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = asyncio.run(coroutine)
        except BaseException as exc:
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SCREENSHOTS = Path(PROJECT_ROOT) / "var" / "screenshots"
