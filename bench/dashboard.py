"""The coordinators' dashboard and the monthly PDF with three years of a busy programme,
called by bench/reporting.py on the database it seeded with bench/seed_participants.py.

To the 10,000 care records it adds what the dashboard reads: the anonymous monthly counts
(`funder_counts`) that those participants imply (about three first contacts per person
taken in charge, consents, pre-screenings, orientation interviews with one no-show in six,
courses, internships and exits in the months they happened, languages, texts and the
times the bot did not understand) and 4,000 handoffs opened in office hours, most taken
within minutes, some after lunch or the next morning. The shares are invented.

Times: DashboardService.build for 12 and 36 months in the process; then, from a console
served by uvicorn in a process of its own (bench/web.py --serve), /reports for 12 and 36
months and /reports/pdf for a month, logged in over HTTP as a coordinator.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pyotp
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.reporting.dashboard import DashboardService
from app.reporting.records import ParticipantRecord
from bench.web import CSRF_INPUT, PASSWORD, SEALER, _free_port, _wait_for
from store.db import create_engine_async, session_factory
from store.models import FunderCount, Handoff
from store.programme import load_programme
from store.settings import PROJECT_ROOT
from web.accounts import complete_setup, create_account, pending_setup
from web.roles import Role

HANDOFFS = 4_000
COORDINATOR = "bench.coordinatore"
LANGUAGE_SHARES = (("it", 58), ("ro", 12), ("ar", 10), ("en", 8), ("fr", 7), ("es", 5))
DASHBOARD_TARGET_S = 1.0


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def monthly_counts(
    records: Sequence[ParticipantRecord], seed: int = 14
) -> Counter[tuple[str, str]]:
    """(month, metric) → count, as the bot and the console would have counted them."""
    rng = random.Random(seed)
    counts: Counter[tuple[str, str]] = Counter()
    for r in records:
        entry = r.taken_in_charge_on
        counts[(month_of(entry), "taken_in_charge")] += 1
        if r.internship_start:
            counts[(month_of(r.internship_start), "internship_started")] += 1
        if r.exit_on and r.exit_outcome:
            counts[(month_of(r.exit_on), f"exit_{r.exit_outcome}")] += 1
        if rng.random() < 0.3:
            counts[(month_of(entry + timedelta(days=20)), "course_enrolled")] += 1
        # Before the entry: contacts that led to it, and two that did not, per person.
        for lead in range(3):
            first = entry - timedelta(days=rng.randint(20, 60))
            month = month_of(first)
            counts[(month, "first_contact")] += 1
            if lead and rng.random() < 0.25:
                continue
            counts[(month, "consent_given")] += 1
            language = rng.choices(*zip(*LANGUAGE_SHARES, strict=True))[0]
            counts[(month, f"language_{language}")] += 1
            texts = rng.randint(3, 25)
            counts[(month, "text_turn")] += texts
            counts[(month, "event_clarify")] += sum(rng.random() < 0.06 for _ in range(texts))
            counts[(month, "event_misunderstood_twice")] += rng.random() < 0.03
            outcome = "likely_eligible" if not lead else rng.choice(("to_check", "not_eligible"))
            counts[(month, f"prescreening_{outcome}")] += 1
            if not lead:
                counts[(month, "appointment_booked_orientation")] += 1
                show = "no_show" if rng.random() < 1 / 6 else "attended"
                counts[(month, f"appointment_{show}_orientation")] += 1
    return counts


def handoffs(first: date, last: date, seed: int = 15) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    span = (last - first).days
    while len(rows) < HANDOFFS:
        day = first + timedelta(days=rng.randrange(span + 1))
        if day.weekday() >= 5:
            continue
        # 09:00-16:30 in Rome is 07:00-14:30 UTC in summer, 08:00-15:30 in winter: near enough.
        opened = datetime(day.year, day.month, day.day, 8, tzinfo=UTC) + timedelta(
            minutes=rng.randint(0, 450)
        )
        wait = rng.expovariate(1 / 25) if rng.random() < 0.9 else rng.uniform(120, 1200)
        claimed = opened + timedelta(minutes=wait)
        rows.append({"telegram_id": 700_000_000 + len(rows), "status": "closed",
                     "reason": rng.choice(("asked", "distress", "fallback")),
                     "urgent": rng.random() < 0.05, "opened_at": opened,
                     "announced_at": opened, "claimed_at": claimed,
                     "closed_at": claimed + timedelta(minutes=20)})  # fmt: skip
    return rows


async def seed_dashboard(database_url: str, records: Sequence[ParticipantRecord]) -> str:
    """The monthly counts and handoffs, and a coordinator; returns the TOTP secret."""
    counts = monthly_counts(records)
    first = min(r.taken_in_charge_on for r in records)
    last = max(r.taken_in_charge_on for r in records)
    engine = create_engine_async(database_url)
    try:
        async with session_factory(engine).begin() as session:
            await session.execute(
                insert(FunderCount),
                [{"month": m, "metric": k, "count": int(c)} for (m, k), c in counts.items()],
            )
            await session.execute(insert(Handoff), handoffs(first, last))
            now = datetime.now(UTC)
            token = await create_account(session, COORDINATOR, Role.COORDINATOR, now, sealer=SEALER)
            pending = await pending_setup(session, token, now, sealer=SEALER)
            assert pending is not None
            code = pyotp.TOTP(pending.totp_secret).now()
            problems = await complete_setup(
                session, token, PASSWORD, PASSWORD, code, now, sealer=SEALER
            )
            assert problems == [], problems
            return pending.totp_secret
    finally:
        await engine.dispose()


async def build_times(
    database_url: str, last: date, runs: int, timed_async: Any, lines: list[tuple[str, float, str]]
) -> None:
    engine = create_engine_async(database_url)
    service = DashboardService(
        session_factory(engine),
        load_programme(PROJECT_ROOT / "config" / "programme.yaml"),
        "Europe/Rome",
        lambda: datetime.now(UTC),
    )
    for months, first in ((12, date(last.year, 1, 1)), (36, date(last.year - 2, 1, 1))):
        seconds, board = await timed_async(runs, lambda f=first: service.build(f, last))
        note = (f"{board.funnel[0].count} first contacts, {board.waiting.taken} handoffs; "
                f"target <= {DASHBOARD_TARGET_S:.0f} s")  # fmt: skip
        lines.append((f"dashboard, {months} months (DashboardService.build)", seconds, note))
    await engine.dispose()


def http_times(
    database_url: str, secret: str, last: date, runs: int, lines: list[tuple[str, float, str]],
    cpu: list[float],
) -> None:  # fmt: skip
    """The pages from a console in its own process; the CPU column is the client's (~0)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    web = Path(__file__).resolve().parent / "web.py"
    server = subprocess.Popen([sys.executable, str(web), "--serve", database_url, str(port)])
    try:
        _wait_for(url)
        client = httpx.Client(base_url=url, follow_redirects=False, timeout=120)
        csrf = CSRF_INPUT.search(client.get("/login").text)
        assert csrf
        code = pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30))
        form = {"csrf_token": csrf.group(1), "name": COORDINATOR, "password": PASSWORD,
                "code": code}  # fmt: skip
        assert client.post("/login", data=form).status_code == 303, "login failed"
        month = f"{last.year}-{last.month:02d}"
        cases = (
            ("/reports page, 12 months, over HTTP",
             {"from": f"{last.year}-01", "to": month}, "/reports", runs * 4),
            ("/reports page, 36 months, over HTTP",
             {"from": f"{last.year - 2}-01", "to": month}, "/reports", runs * 4),
            (f"monthly PDF ({month}), over HTTP", {"month": month}, "/reports/pdf", runs),
        )  # fmt: skip
        for label, params, path, n in cases:
            client.get(path, params=params)  # warm up: templates, fonts
            seconds = []
            for _ in range(n):
                start = time.perf_counter()
                response = client.get(path, params=params)
                seconds.append(time.perf_counter() - start)
                assert response.status_code == 200, (path, response.status_code)
            note = f"{len(response.content) // 1024} KB, median of {n}"
            seconds.sort()
            lines.append((label, seconds[len(seconds) // 2], note))
            cpu.append(float("nan"))  # measured in the server's process, not here
    finally:
        server.terminate()
        server.wait(timeout=20)
