"""Web console latency with a full office's data: inbox, conversation and person pages.

    .venv/bin/python bench/web.py [--requests 200] [--keep DIR]

Seeds a fresh SQLite database with 10,000 people, 2,000 handoffs (200 still open) and
200,000 relayed messages through SQLAlchemy Core bulk inserts, starts the console with
uvicorn in a process of its own (so the client does not share the server's interpreter),
logs in over HTTP as an operator with a TOTP code, then times each page and a static file
from the same server, printing p50/p95 side by side. The static file is the floor: what
uvicorn, the loopback and the client cost before any page code runs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pyotp
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.db import create_engine_async, create_engine_sync, session_factory
from store.migrate import upgrade
from store.models import (
    Beneficiary,
    ConsentEvent,
    Conversation,
    Handoff,
    Prescreening,
    RecentMessage,
    RelayedMessage,
)
from store.settings import Settings
from web.accounts import complete_setup, create_account, pending_setup
from web.roles import Role
from web.sealing import Sealer

PEOPLE = 10_000
HANDOFFS = 2_000
OPEN_HANDOFFS = 200
MESSAGES = 200_000
BATCH = 5_000
FIRST_ID = 100_000_000
ACCOUNT = "bench.operatore"
# The bench seeds the account and serves the console with the same key.
SEALER_KEY = "cHJveGltaXR5LWJlbmNoLWtleS1ub3Qtc2VjcmV0ISE="
SEALER = Sealer.from_text(SEALER_KEY)
PASSWORD = "il treno verde parte alle 7"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
NAMES = ("Giulia", "Marco", "Amina", "Ion", "Fatou", "Luis", "Elena", "Karim", "Sara", "Ahmed")
SURNAMES = ("Rossi", "Popescu", "Diallo", "García", "Bianchi", "Haddad", "Ferrari", "Moreau")
LANGUAGES = ("it", "en", "ro", "ar", "fr", "es")


def seed(database_url: str, now: datetime) -> None:
    rng = random.Random(12)
    engine = create_engine_sync(database_url)
    with engine.begin() as connection:
        people = [
            {
                "id": i + 1,
                "telegram_id": FIRST_ID + i,
                "display_name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
                "language": rng.choice(LANGUAGES),
                "consent_version": "2026-01",
                "consent_at": now - timedelta(days=rng.randint(1, 400)),
                "created_at": now - timedelta(days=rng.randint(1, 400)),
                "last_seen_at": now - timedelta(minutes=rng.randint(1, 500_000)),
            }
            for i in range(PEOPLE)
        ]
        _bulk(connection, Beneficiary, people)
        _bulk(
            connection,
            Conversation,
            [
                {"telegram_id": p["telegram_id"], "state": {"language": p["language"]},
                 "updated_at": p["last_seen_at"]}
                for p in people
            ],
        )  # fmt: skip
        _bulk(
            connection,
            ConsentEvent,
            [
                {"beneficiary_id": p["id"], "notice_version": "2026-01", "accepted": True,
                 "at": p["consent_at"]}
                for p in people
            ],
        )  # fmt: skip
        _bulk(
            connection,
            Prescreening,
            [
                {"beneficiary_id": p["id"], "rules_version": "2026-01", "outcome": "eligible",
                 "answers": {"residence": "in:Crema", "age": "30-49"},
                 "criteria": [["residence", "ok"]], "created_at": p["created_at"]}
                for p in people[::2]
            ],
        )  # fmt: skip
        handoffs: list[dict[str, Any]] = []
        for i in range(HANDOFFS):
            person = people[rng.randrange(PEOPLE)]
            opened = now - timedelta(minutes=rng.randint(5, 200_000))
            still_open = i < OPEN_HANDOFFS
            handoffs.append(
                {
                    "id": i + 1,
                    "telegram_id": person["telegram_id"],
                    "status": ("open" if i % 2 else "claimed") if still_open else "closed",
                    "reason": rng.choice(("asked", "distress", "fallback")),
                    "urgent": i % 17 == 0,
                    "opened_at": opened,
                    "announced_at": opened,
                    "claimed_by_name": None if still_open and i % 2 else "Dario",
                    "claimed_at": None if still_open and i % 2 else opened,
                    "closed_at": None if still_open else opened + timedelta(hours=1),
                    "closed_by": None if still_open else "Dario",
                }
            )
        _bulk(connection, Handoff, handoffs)
        per_handoff = MESSAGES // HANDOFFS
        batch: list[dict[str, object]] = []
        for handoff in handoffs:
            for n in range(per_handoff):
                outgoing = n % 2 == 1
                batch.append(
                    {
                        "handoff_id": handoff["id"],
                        "direction": "out" if outgoing else "in",
                        "private_message_id": n,
                        "group_message_id": n,
                        "text": "Va bene, ci vediamo giovedì alle 10 in ufficio." if outgoing
                        else "Buongiorno, vorrei sapere dei documenti per il colloquio.",
                        "at": handoff["opened_at"] + timedelta(seconds=30 * n),
                        "author": "Dario" if outgoing else None,
                    }
                )  # fmt: skip
                if len(batch) == BATCH:
                    _bulk(connection, RelayedMessage, batch)
                    batch = []
        _bulk(connection, RelayedMessage, batch)
        _bulk(
            connection,
            RecentMessage,
            [
                {"telegram_id": p["telegram_id"], "text": "vorrei parlare con una persona",
                 "at": p["last_seen_at"]}
                for p in people
            ],
        )  # fmt: skip
    engine.dispose()


def _bulk(connection, model, rows) -> None:  # type: ignore[no-untyped-def]
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        if chunk:
            connection.execute(insert(model), chunk)


async def make_account(database_url: str) -> str:
    """An operator with a finished set-up; returns the TOTP secret."""
    engine = create_engine_async(database_url)
    try:
        async with session_factory(engine).begin() as session:
            now = datetime.now(UTC)
            token = await create_account(session, ACCOUNT, Role.OPERATOR, now, sealer=SEALER)
            pending = await pending_setup(session, token, now, sealer=SEALER)
            assert pending is not None
            secret = pending.totp_secret
            code = pyotp.TOTP(secret).now()
            problems = await complete_setup(
                session, token, PASSWORD, PASSWORD, code, now, sealer=SEALER
            )
            assert problems == [], problems
            return secret
    finally:
        await engine.dispose()


async def serve_console(database_url: str, port: int) -> None:
    from web import create_app, serve

    settings = Settings(
        database_url=database_url,
        web_host="127.0.0.1",
        web_port=port,
        web_secret_key=SEALER_KEY,
        _env_file=None,
    )
    engine = create_engine_async(database_url)
    await serve(create_app(session_factory(engine), settings), "127.0.0.1", port)


def login(url: str, secret: str) -> httpx.Client:
    client = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
    csrf = CSRF_INPUT.search(client.get("/login").text)
    assert csrf, "no CSRF token on the login page"
    # The set-up used this step's code and a code works once: the next step's code is
    # within the one step of drift the console allows.
    form = {"csrf_token": csrf.group(1), "name": ACCOUNT, "password": PASSWORD,
            "code": pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30))}  # fmt: skip
    response = client.post("/login", data=form)
    assert response.status_code == 303, f"login failed: {response.status_code}"
    return client


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    times = []
    for path in paths:
        start = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, (path, response.status_code)
        times.append(elapsed * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="seed into this directory and keep it")
    parser.add_argument(
        "--serve", nargs=2, metavar=("DATABASE_URL", "PORT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve_console(args.serve[0], int(args.serve[1])))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-web-"))
    folder.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{folder / 'bench.sqlite3'}"
    (folder / "bench.sqlite3").unlink(missing_ok=True)
    start = time.perf_counter()
    upgrade(database_url)
    seed(database_url, datetime.now(UTC))
    secret = asyncio.run(make_account(database_url))
    print(f"seeded {PEOPLE} people, {HANDOFFS} handoffs, {MESSAGES} relayed messages "
          f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, __file__, "--serve", database_url, str(port)])
    try:
        _wait_for(url)
        client = login(url, secret)
        rng = random.Random(7)
        n = args.requests
        handoff_ids = [rng.randint(1, HANDOFFS) for _ in range(n)]
        person_ids = [FIRST_ID + rng.randrange(PEOPLE) for _ in range(n)]
        cases = {
            "static file (/static/console.css)": [_static_path()] * n,
            "inbox (/inbox)": ["/inbox"] * n,
            "conversation (/handoffs/{id})": [f"/handoffs/{i}" for i in handoff_ids],
            "person page (/people/{id})": [f"/people/{i}" for i in person_ids],
        }
        timed(client, ["/inbox", f"/handoffs/{handoff_ids[0]}", _static_path()])  # warm up
        print(f"\n{'':38} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}   ({n} requests each)")
        for label, paths in cases.items():
            times = timed(client, paths)
            print(f"{label:38} {statistics.median(times):8.1f} {percentile(times, 95):8.1f} "
                  f"{max(times):8.1f}")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=20)


def _static_path() -> str:
    static = Path(__file__).resolve().parents[1] / "web" / "static"
    css = sorted(static.glob("*.css"))
    return f"/static/{css[0].name}"


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/login", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise TimeoutError("the console did not answer within 30 s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    main()
