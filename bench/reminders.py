"""Reminder throughput: N reminders due in the same minute, sent through the Bot API
emulator with Telegram's caps (30 messages/s overall, 1/s per chat).

    .venv/bin/python bench/reminders.py [--count 10000] [--asyncio-scheduler]

Two runs side by side, each on a fresh SQLite file with its own child process running the
reminder service (`python -m runtime.scheduler_process`):
  clean    the child sends everything;
  killed   the child gets SIGKILL once half the messages are out, and a new one finishes.
For each: delivered/s as a fraction of the cap, duplicates, lost (a reminder whose person
got no message), 429s, rows found in `sending` at restart, due->sent latency p50/p99 (from
the rows: sent_at - due_at, so it includes the queue in front of the cap), and the worst
event-loop stall in the service's process. 10,000 reminders take about 6 minutes per run.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from dialogs.agenda import ReminderPolicy
from scheduler.jobs import JobBook
from scheduler.reminders import plan
from store.db import create_engine_async, session_factory
from store.migrate import upgrade
from store.models import Reminder
from tests.emulator.server import BotApiEmulator
from tests.reminder_data import ZONE, booked

ROOT = Path(__file__).resolve().parents[1]
CAP = 30.0
FIRST_CHAT = 1_000_000
# Offsets and quiet hours the child uses too: 2 h before, no quiet hours, so the due
# times are exactly where the benchmark puts them whatever the time of day.
POLICY = ReminderPolicy(
    offsets=(timedelta(hours=2),), quiet_start=clock_time(0), quiet_end=clock_time(0)
)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


@dataclass
class Result:
    name: str
    count: int
    delivered: int = 0
    duplicates: int = 0
    lost: int = 0
    too_many: int = 0
    interrupted: int = 0
    rate: float = 0.0
    rate_without_restart: float = 0.0
    latency_p50: float = 0.0
    latency_p99: float = 0.0
    loop_lag_max_ms: float = 0.0
    loop_lag_p99_ms: float = 0.0
    start_lag_max_ms: float = 0.0
    statuses: Counter[str] = field(default_factory=Counter)
    seed_seconds: float = 0.0
    restart_gap: float = 0.0


def window(count: int) -> float:
    """10,000 in one minute; fewer in proportionally less time, as dense as that."""
    return 60.0 * min(1.0, count / 10_000)


async def seed(url: str, count: int, first_due: datetime) -> None:
    """People, slots, bookings and their reminder rows (through `plan`), then the jobs."""
    engine = create_engine_async(url)
    sessions = session_factory(engine)
    now = datetime.now(UTC)
    spread = window(count) / count
    async with sessions.begin() as session:
        for i in range(count):
            start = first_due + timedelta(hours=2, seconds=i * spread)
            appointment = await booked(session, FIRST_CHAT + i, start, now)
            await plan(session, appointment.id, FIRST_CHAT + i, start, POLICY, now, ZONE)
    async with sessions() as session:
        rows = (await session.execute(select(Reminder.id, Reminder.due_at))).all()
    await engine.dispose()

    def put_jobs() -> None:
        book = JobBook(url, POLICY.grace)
        book.start_paused()
        book.put([(rid, due) for rid, due in rows])
        book.shutdown()

    await asyncio.to_thread(put_jobs)


class Child:
    def __init__(self, url: str, emulator: BotApiEmulator, log: Path, asyncio_scheduler: bool):
        self.command = [
            sys.executable, "-m", "runtime.scheduler_process", "--database-url", url,
            "--api-url", emulator.url, "--token", emulator.token, "--offsets", "2h",
            "--quiet-start", "00:00", "--quiet-end", "00:00", "--until-done",
        ] + (["--asyncio-scheduler"] if asyncio_scheduler else [])  # fmt: skip
        self.log = log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                *self.command, cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=log
            )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)

    async def finish(self) -> dict[str, float]:
        assert self.process is not None
        out, _ = await self.process.communicate()
        lines = [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]
        return {k: v for line in lines for k, v in line.items()}


async def run(name: str, count: int, kill_at: float | None, asyncio_scheduler: bool) -> Result:
    result = Result(name, count)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        upgrade(url)
        started = time.monotonic()
        first_due = datetime.now(UTC) + timedelta(seconds=15 + count / 250)
        await seed(url, count, first_due)
        result.seed_seconds = time.monotonic() - started
        if datetime.now(UTC) > first_due:
            print(f"  warning: seeding took {result.seed_seconds:.0f}s, past the first due time")
        async with BotApiEmulator(
            global_rate_per_s=CAP, per_chat_rate_per_s=1, auto_create_chats=True
        ) as emulator:
            child = Child(url, emulator, Path(tmp) / "child.log", asyncio_scheduler)
            await child.start()
            if kill_at is not None:
                await emulator.wait_until(
                    lambda: len(emulator.delivered) >= kill_at * count, timeout=None
                )
                child.kill()
                await child.finish()
                await child.start()
            final = await child.finish()
            result.loop_lag_max_ms = float(final.get("loop_lag_max_ms", -1))
            result.loop_lag_p99_ms = float(final.get("loop_lag_p99_ms", -1))
            result.start_lag_max_ms = float(final.get("start_loop_lag_max_ms", -1))
            if not final.get("finished"):
                print((Path(tmp) / "child.log").read_text()[-3000:])
            measure(result, emulator)
            assert emulator.violations == [], emulator.violations[:3]
        await read_rows(url, result)
    return result


def measure(result: Result, emulator: BotApiEmulator) -> None:
    per_chat = Counter(chat for chat, _ in emulator.delivered)
    expected = range(FIRST_CHAT, FIRST_CHAT + result.count)
    result.delivered = sum(per_chat.values())
    result.duplicates = sum(n - 1 for n in per_chat.values() if n > 1)
    result.lost = sum(1 for chat in expected if per_chat[chat] == 0)
    result.too_many = emulator.stats["429"]
    times = sorted(at for _, at in emulator.delivered)
    if len(times) > 1:
        span = times[-1] - times[0]
        gap = max(b - a for a, b in itertools.pairwise(times))
        result.restart_gap = gap
        result.rate = (len(times) - 1) / span / CAP
        result.rate_without_restart = (len(times) - 1) / (span - gap + 1 / CAP) / CAP


async def read_rows(url: str, result: Result) -> None:
    engine = create_engine_async(url)
    async with session_factory(engine)() as session:
        rows = (await session.execute(select(Reminder))).scalars().all()
    await engine.dispose()
    result.statuses = Counter(r.status for r in rows)
    result.interrupted = sum(1 for r in rows if r.last_error == "interrupted")
    latencies = [(r.sent_at - r.due_at).total_seconds() for r in rows if r.sent_at is not None]
    if latencies:
        result.latency_p50 = percentile(latencies, 50)
        result.latency_p99 = percentile(latencies, 99)


def report(results: list[Result]) -> None:
    rows = [
        ("reminders", lambda r: f"{r.count}"),
        ("seeding (rows + jobs)", lambda r: f"{r.seed_seconds:.1f} s"),
        ("delivered messages", lambda r: f"{r.delivered}"),
        ("delivered/s ÷ cap 30/s", lambda r: f"{r.rate:.1%}"),
        ("  same, restart gap excluded", lambda r: f"{r.rate_without_restart:.1%}"),
        ("longest pause between sends", lambda r: f"{r.restart_gap:.2f} s"),
        ("duplicates", lambda r: f"{r.duplicates}"),
        ("lost", lambda r: f"{r.lost}"),
        ("429 received", lambda r: f"{r.too_many}"),
        ("found in `sending` at restart", lambda r: f"{r.interrupted}"),
        ("due→sent p50", lambda r: f"{r.latency_p50:.1f} s"),
        ("due→sent p99", lambda r: f"{r.latency_p99:.1f} s"),
        (
            "event-loop stall p99 / max",
            lambda r: f"{r.loop_lag_p99_ms:.0f} / {r.loop_lag_max_ms:.0f} ms",
        ),
        ("  same during start-up (max)", lambda r: f"{r.start_lag_max_ms:.0f} ms"),
        ("rows by status", lambda r: ", ".join(f"{k} {v}" for k, v in sorted(r.statuses.items()))),
    ]
    print(f"\n{'':36}" + "".join(f"{r.name:>26}" for r in results))
    for label, value in rows:
        print(f"{label:36}" + "".join(f"{value(r):>26}" for r in results))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--kill-at", type=float, default=0.5, help="fraction delivered")
    parser.add_argument("--asyncio-scheduler", action="store_true")
    args = parser.parse_args()
    mode = "AsyncIOScheduler" if args.asyncio_scheduler else "BackgroundScheduler (thread)"
    print(f"{args.count} reminders due within {window(args.count):.0f} s; scheduler: {mode}")
    results = [
        await run("clean", args.count, None, args.asyncio_scheduler),
        await run("SIGKILL + restart", args.count, args.kill_at, args.asyncio_scheduler),
    ]
    report(results)


if __name__ == "__main__":
    asyncio.run(main())
