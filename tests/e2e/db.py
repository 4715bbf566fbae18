"""Reading the bot's SQLite database from a test, which runs in another process."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path


def rows(tmp_path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return conn.execute(sql).fetchall()


async def eventually(condition: Callable[[], bool]) -> None:
    """For database conditions: the emulator's own waiting cannot see the database change."""
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 - another process writes the database
            await asyncio.sleep(0.05)
