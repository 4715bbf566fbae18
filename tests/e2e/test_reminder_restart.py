"""Crash drills: the reminder service (`python -m runtime.scheduler_process`) in a child process,
SIGKILLed and restarted, against a file SQLite database and the Bot API emulator with its caps.

Whatever the moment of the kill, every reminder reaches its person exactly once: the
emulator's record of delivered messages is the judge, not the service's own rows.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from dialogs.agenda import ReminderPolicy
from scheduler.jobs import JobBook
from scheduler.reminders import plan
from store.db import create_engine_async, session_factory
from store.migrate import upgrade
from store.models import Reminder
from tests.emulator.server import BotApiEmulator
from tests.reminder_data import ZONE, booked

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
POLICY = ReminderPolicy(offsets=(timedelta(hours=2),), quiet_start=time(0), quiet_end=time(0))
FIRST_CHAT = 880_000


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(
        global_rate_per_s=30, per_chat_rate_per_s=1, auto_create_chats=True
    ) as emu:
        yield emu
        assert emu.violations == []


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'reminders.sqlite3'}"
    upgrade(url)
    return url


async def seed(url: str, count: int, first_due: datetime, spread: timedelta) -> None:
    """`count` people with one booking each, whose 2 h reminders fall due within `spread`."""
    engine = create_engine_async(url)
    sessions = session_factory(engine)
    now = datetime.now(UTC)
    async with sessions.begin() as session:
        for i in range(count):
            start = first_due + timedelta(hours=2) + spread * i / count
            appointment = await booked(session, FIRST_CHAT + i, start, now)
            await plan(session, appointment.id, FIRST_CHAT + i, start, POLICY, now, ZONE)
    async with sessions() as session:
        rows = (await session.execute(select(Reminder.id, Reminder.due_at))).all()
    await engine.dispose()
    book = JobBook(url, POLICY.grace)
    book.start_paused()
    book.put([(rid, due) for rid, due in rows])
    book.shutdown()


async def statuses(url: str) -> Counter[tuple[str, str | None]]:
    engine = create_engine_async(url)
    async with session_factory(engine)() as session:
        rows = (await session.execute(select(Reminder.status, Reminder.last_error))).all()
    await engine.dispose()
    return Counter((status, error) for status, error in rows)


class Service:
    """`python -m runtime.scheduler_process --until-done`: exits by itself once no reminder
    is open."""

    def __init__(self, url: str, emulator: BotApiEmulator, log: Path) -> None:
        self.command = [
            sys.executable, "-m", "runtime.scheduler_process", "--database-url", url, "--api-url",
            emulator.url, "--token", emulator.token, "--offsets", "2h",
            "--quiet-start", "00:00", "--quiet-end", "00:00", "--until-done",
        ]  # fmt: skip
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log
            )

    async def started(self) -> dict[str, object]:
        """The start-up report the child prints once its jobs are aligned."""
        assert self.process is not None and self.process.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(self.process.stdout.readline), 30)
        assert line, f"child ended early:\n{self.log.read_text()[-2000:]}"
        return json.loads(line)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    async def finished(self, timeout: float = 60) -> None:  # noqa: ASYNC109
        assert self.process is not None
        code = await asyncio.wait_for(asyncio.to_thread(self.process.wait), timeout)
        assert code == 0, self.log.read_text()[-2000:]


async def test_a_kill_mid_burst_loses_and_duplicates_nothing(
    db_url: str, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    count = 90  # 3 s of sending at the cap
    await seed(db_url, count, datetime.now(UTC) + timedelta(seconds=4), timedelta(seconds=1))
    service = Service(db_url, emulator, tmp_path / "child.log")
    service.start()
    await emulator.wait_until(lambda: len(emulator.delivered) >= count // 3, timeout=60)
    service.kill()
    delivered_before_restart = len(emulator.delivered)
    assert delivered_before_restart < count, "the kill came too late to test anything"

    service.start()
    report = await service.started()
    await service.finished()

    per_chat = Counter(chat for chat, _ in emulator.delivered)
    assert sorted(per_chat) == list(range(FIRST_CHAT, FIRST_CHAT + count))  # none lost
    assert set(per_chat.values()) == {1}  # none twice
    rows = await statuses(db_url)
    assert sum(rows.values()) == count
    assert {status for status, _ in rows} == {"sent"}
    # A row found in `sending` was counted as sent, never resent (it is among the above).
    print(f"\nrestart report: {report}; delivered before the kill: {delivered_before_restart}")


async def test_pending_reminders_survive_a_kill_before_they_are_due(
    db_url: str, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    count = 20
    first_due = datetime.now(UTC) + timedelta(seconds=8)
    await seed(db_url, count, first_due, timedelta(seconds=1))
    await seed_later(db_url, first_due + timedelta(seconds=6))
    service = Service(db_url, emulator, tmp_path / "child.log")
    service.start()
    await service.started()
    service.kill()
    assert emulator.delivered == [], "the child was too slow: nothing was pending at the kill"
    # Down while the first reminders fall due, back within the grace period.
    await asyncio.sleep(max(0.0, (first_due - datetime.now(UTC)).total_seconds()) + 2)

    service.start()
    report = await service.started()
    await service.finished()

    per_chat = Counter(chat for chat, _ in emulator.delivered)
    assert per_chat == Counter({FIRST_CHAT + i: 1 for i in range(count)} | {LATER_CHAT: 1})
    assert await statuses(db_url) == Counter({("sent", None): count + 1})
    assert "missed=0" in str(report["started"])


LATER_CHAT = FIRST_CHAT - 1


async def seed_later(url: str, due: datetime) -> None:
    """One more reminder, due after the restart: its job must have survived the kill."""
    engine = create_engine_async(url)
    sessions = session_factory(engine)
    now = datetime.now(UTC)
    async with sessions.begin() as session:
        start = due + timedelta(hours=2)
        appointment = await booked(session, LATER_CHAT, start, now)
        await plan(session, appointment.id, LATER_CHAT, start, POLICY, now, ZONE)
        await session.flush()
        reminder = (
            await session.execute(select(Reminder).where(Reminder.appointment_id == appointment.id))
        ).scalar_one()
        reminder_id, due_at = reminder.id, reminder.due_at
    await engine.dispose()
    book = JobBook(url, POLICY.grace)
    book.start_paused()
    book.put([(reminder_id, due_at)])
    book.shutdown()
