"""Fixtures of the adapter tests: a patient SQLite, and a real PTB Bot to the Bot API emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

import store.db
from app.catalogue import Catalogue
from store.settings import PROJECT_ROOT
from tests.emulator.server import BotApiEmulator


@pytest.fixture(autouse=True)
def patient_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """The races here test which writer wins and what the loser is told, not how long it
    waits: on a loaded 2-core CI machine a winner can be descheduled for seconds, so the
    loser waits up to 30 s instead of production's 5 (store/db.py) before giving up."""
    monkeypatch.setattr(store.db, "SQLITE_BUSY_TIMEOUT_MS", 30_000)


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    """With Telegram's flood caps (30/s overall, 1/s per chat); any chat exists."""
    async with BotApiEmulator(
        global_rate_per_s=30, per_chat_rate_per_s=1, auto_create_chats=True
    ) as emu:
        yield emu
        assert emu.violations == []


@pytest.fixture
async def bot(emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Bot]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as real_bot:
        yield real_bot


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue.load(PROJECT_ROOT / "locales")
