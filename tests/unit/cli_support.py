"""What the command-line tests share: a temporary SQLite database in the environment the
commands read, a CliRunner call that checks the exit code, and a way to look inside."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import typer
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from store.db import create_engine_async, session_factory

T = TypeVar("T")
RUNNER = CliRunner()


def use_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **extra: str) -> str:
    """No bot, no Telegram (the token is empty): the commands work on the database only."""
    url = f"sqlite:///{tmp_path / 'proximity.sqlite3'}"
    settings = {
        "DATABASE_URL": url,
        "TELEGRAM_BOT_TOKEN": "",
        "OPERATOR_CHAT_ID": "",
        "LOG_LEVEL": "WARNING",
        "VAR_DIR": str(tmp_path / "var"),
        **extra,
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return url


def invoke(app: typer.Typer, *args: str, input: str | None = None, code: int = 0) -> str:
    result = RUNNER.invoke(app, list(args), input=input)
    assert result.exit_code == code, result.output
    return result.output


def run(database: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """One transaction on the test database, from synchronous test code."""

    async def main() -> Any:
        engine = create_engine_async(database)
        try:
            async with session_factory(engine).begin() as session:
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(main())
