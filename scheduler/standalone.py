"""The reminder service alone, for crash drills and the benchmark. The process is started
by the Telegram side, which builds the messaging port (runtime/scheduler_process.py):

    python -m runtime.scheduler_process --database-url URL --api-url URL --token TOKEN \
        [--until-done]

In production the service runs inside the bot process (runtime/telegram.py); do not run this
beside a bot on the same database: APScheduler 3 does not share a job store between two
schedulers (the claim would still stop a double send, but jobs could run twice).

It prints one JSON line when it ends: the start-up reconciliation and the event loop's
stalls (how long a user's turn would have waited behind the scheduler).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.planning import PENDING, SENDING
from app.ports import Messenger
from app.shown import RememberingMessenger, ShownButtons
from dialogs.agenda import AgendaConfig, ReminderPolicy
from dialogs.model import LabelText
from scheduler.delivery import Limits
from scheduler.reminders import ReminderService
from store import conversations
from store.db import create_engine_async, session_factory
from store.models import Reminder
from store.settings import PROJECT_ROOT

log = logging.getLogger("scheduler")


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_offsets(value: str) -> tuple[timedelta, ...]:
    """ "24h,2h,30m" -> durations."""
    offsets = []
    for part in value.split(","):
        number, unit = int(part[:-1]), part[-1]
        offsets.append(timedelta(hours=number) if unit == "h" else timedelta(minutes=number))
    return tuple(offsets)


class LoopLag:
    """How late a 5 ms timer wakes up: what the scheduler's work costs everyone else."""

    def __init__(self, period: float = 0.005) -> None:
        self.period = period
        self.samples: list[float] = []

    async def run(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(self.period)
            self.samples.append(time.perf_counter() - started - self.period)

    def summary(self, prefix: str = "") -> dict[str, float]:
        ordered = sorted(self.samples) or [0.0]
        return {
            f"{prefix}loop_lag_max_ms": round(ordered[-1] * 1000, 1),
            f"{prefix}loop_lag_p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 1),
        }


async def run(
    args: argparse.Namespace, messenger: Messenger, label: LabelText | None = None
) -> None:
    """`label` (the catalogue's button words): delivered reminders' buttons then answer
    typed words, as in the bot's own process (app/shown.py)."""
    engine = create_engine_async(args.database_url)
    sessions = session_factory(engine)
    if label is not None:
        messenger = RememberingMessenger(messenger, ShownButtons(sessions, label))
    quiet = (args.quiet_start, args.quiet_end)
    policy = ReminderPolicy(
        offsets=parse_offsets(args.offsets),
        quiet_start=datetime.strptime(quiet[0], "%H:%M").time(),
        quiet_end=datetime.strptime(quiet[1], "%H:%M").time(),
    )

    async def mark_unreachable(telegram_id: int) -> None:
        async with sessions.begin() as session:
            await conversations.mark_unreachable(session, telegram_id, utc_now())

    lag = LoopLag()
    lag_task = asyncio.create_task(lag.run())
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    service = ReminderService(
        sessions,
        args.database_url,
        messenger,
        AgendaConfig(venues={}, kinds={}, reminders=policy),
        args.zone,
        utc_now,
        mark_unreachable,
        limits=Limits(workers=args.workers),
        threaded=not args.asyncio_scheduler,
    )
    report = await service.start()
    print(json.dumps({"started": report.summary(), **lag.summary("start_")}), flush=True)
    lag.samples.clear()  # from here on: while reminders fall due and go out
    while not stop.is_set():
        if args.until_done and service.dispatcher.idle and not await _open(sessions):
            break
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.25)
    await service.stop()
    lag_task.cancel()
    await engine.dispose()
    print(json.dumps({"finished": True, **lag.summary()}), flush=True)


async def _open(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Reminder)
            .where(Reminder.status.in_([PENDING, SENDING]))
        )
    return int(count or 0)


def parse_args(prog: str) -> argparse.Namespace:
    """The options of the standalone process; logging is set up from them."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--locales-dir", default=str(PROJECT_ROOT / "locales"))
    parser.add_argument("--zone", default="Europe/Rome")
    parser.add_argument("--offsets", default="24h,2h")
    parser.add_argument("--quiet-start", default="21:00")
    parser.add_argument("--quiet-end", default="08:00")
    parser.add_argument("--workers", type=int, default=Limits().workers)
    parser.add_argument("--asyncio-scheduler", action="store_true")
    parser.add_argument("--until-done", action="store_true", help="exit when nothing is open")
    parser.add_argument("--log-level", default="WARNING")
    args = parser.parse_args()
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return args
