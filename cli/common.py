"""What the operators' commands share: settings, a database per command, errors, times.

Every command migrates first, as `serve` does, so it works on a fresh database too.
Sending to people and to the operators' group is not the command line's job: the
composition root (runtime/main.py) puts a way to do it in the command's context
(`Ports`), built by the Telegram adapter when a token is set.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

from store.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from app.ports import AgendaNotices
    from dialogs.agenda import AgendaConfig

T = TypeVar("T")
Work = Callable[["Settings", "async_sessionmaker[AsyncSession]"], Awaitable[T]]
NoticesFactory = Callable[
    ["Settings", "async_sessionmaker[AsyncSession]"],
    contextlib.AbstractAsyncContextManager["AgendaNotices | None"],
]


@contextlib.asynccontextmanager
async def _no_notices(
    settings: Settings, sessions: async_sessionmaker[AsyncSession]
) -> AsyncIterator[AgendaNotices | None]:
    yield None


@dataclass(frozen=True)
class Ports:
    """What the commands may reach beyond the database, set by the composition root."""

    agenda_notices: NoticesFactory = _no_notices


def ports(ctx: typer.Context) -> Ports:
    found = ctx.find_root().obj
    return found if isinstance(found, Ports) else Ports()


def load_settings() -> Settings:
    from app.logs import configure_logging

    settings = Settings()
    configure_logging(settings.log_level)
    return settings


def migrate_database(settings: Settings) -> None:
    from store.migrate import upgrade

    upgrade(settings.database_url)


def with_database(work: Work[T]) -> T:
    """Migrates, then runs `work` with a session factory on its own engine."""
    settings = load_settings()
    migrate_database(settings)
    return run_work(work, settings)


def run_work(work: Work[T], settings: Settings) -> T:
    from store.db import create_engine_async, session_factory

    async def main() -> T:
        engine = create_engine_async(settings.database_url)
        try:
            return await work(settings, session_factory(engine))
        finally:
            await engine.dispose()

    return asyncio.run(main())


def agenda_config(settings: Settings) -> AgendaConfig:
    from store.agenda_config import load_agenda_config

    return load_agenda_config(settings.appointments_file)


def fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def local_time(instant: datetime, settings: Settings) -> str:
    from dialogs.slots import day_label

    local = instant.astimezone(settings.tz)
    return f"{day_label(local.date())} {local:%Y %H:%M}"
