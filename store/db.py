"""Database engines: plain `sqlite:///` and `postgresql://` URLs get the drivers we ship."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

SQLITE_BUSY_TIMEOUT_MS = 5000


def async_url(url: str) -> URL:
    """The URL with the asyncio driver: aiosqlite for SQLite, psycopg 3 for PostgreSQL."""
    return _with_driver(url, sqlite="aiosqlite", postgresql="psycopg")


def sync_url(url: str) -> URL:
    """The URL with the blocking driver, for Alembic and the scheduler's job store."""
    return _with_driver(url, sqlite="pysqlite", postgresql="psycopg")


def _with_driver(url: str, *, sqlite: str, postgresql: str) -> URL:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        _ensure_parent_dir(parsed)
        return parsed.set(drivername=f"sqlite+{sqlite}")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername=f"postgresql+{postgresql}")
    raise ValueError(f"unsupported database backend {backend!r}: use sqlite or postgresql")


def _ensure_parent_dir(url: URL) -> None:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def _tune_sqlite(engine: Engine) -> None:
    # WAL lets the scheduler read while a turn writes; busy_timeout turns short lock
    # contention into a wait instead of an immediate "database is locked".
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL still never corrupts the database; it skips an fsync per
        # commit, which otherwise costs more than the whole rest of a turn.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def _engine_options(target: URL) -> dict[str, bool]:
    # hide_parameters: error messages must never carry names or answers into the logs.
    # pool_pre_ping costs a round trip per turn; only a network database needs it.
    return {"hide_parameters": True, "pool_pre_ping": target.get_backend_name() != "sqlite"}


def create_engine_async(url: str) -> AsyncEngine:
    target = async_url(url)
    engine = create_async_engine(target, **_engine_options(target))
    if target.get_backend_name() == "sqlite":
        _tune_sqlite(engine.sync_engine)
    return engine


def create_engine_sync(url: str) -> Engine:
    from sqlalchemy import create_engine

    target = sync_url(url)
    engine = create_engine(target, **_engine_options(target))
    if target.get_backend_name() == "sqlite":
        _tune_sqlite(engine)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)


def writer_gate(engine: AsyncEngine) -> contextlib.AbstractAsyncContextManager[object]:
    """What a process's busy transactions queue on before they begin.

    SQLite has one write lock per file, and a writer that finds it taken polls for it
    with sleeps of 1 to 100 ms: under twenty people at once that doubled a turn's time.
    Queueing the process's own turns on an asyncio lock hands the file over at once.
    PostgreSQL locks rows, so its transactions run side by side.
    """
    if engine.dialect.name == "sqlite":
        return asyncio.Lock()
    return contextlib.nullcontext()


async def write_lock_first(session: AsyncSession) -> None:
    """On SQLite, takes the file's one write lock as the transaction's first step.

    A transaction that reads, decides and then writes ("is the person already in charge?
    no: open a record") must not decide on a snapshot another writer is about to change.
    SQLite only waits (busy_timeout) for a writer when the waiting statement starts the
    transaction; a writer that already holds a read snapshot is refused at once with
    "database is locked". A write that changes nothing, issued first, makes the wait happen
    before the reads, so they see every earlier commit. alembic_version exists in every
    migrated database. PostgreSQL locks rows and needs none of this: callers that must
    serialise there use their own locks or unique indexes.
    """
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(
            text("UPDATE alembic_version SET version_num = version_num WHERE 0 = 1")
        )
