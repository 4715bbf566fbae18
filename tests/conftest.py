"""Shared fixtures: databases (SQLite and a real PostgreSQL server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from store.db import sync_url

DEFAULT_POSTGRES = "postgresql://root@/postgres?host=/var/run/postgresql"
# Playwright's sync API keeps an event loop running in the main thread once the session's
# browser is up; an asyncio test after it cannot start its own. So the tests that use the
# browser run after all others, whatever order the files are named in.
SYNC_BROWSER_FIXTURES = frozenset({"browser", "page"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def uses_the_browser(item: pytest.Item) -> bool:
        return bool(SYNC_BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())))

    items.sort(key=uses_the_browser)  # stable: the order within each group is kept


@pytest.fixture(scope="session")
def postgres_admin_url() -> str | None:
    """The server's maintenance database, or None when no server can be reached."""
    url = os.environ.get("PROXIMITY_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    try:
        with psycopg.connect(_libpq(url), connect_timeout=3):
            return url
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and unreachable: {exc}")
        return None


def _libpq(url: str) -> str:
    return sync_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def postgres_url(postgres_admin_url: str | None) -> Iterator[str]:
    """A fresh, empty database on the real server, dropped afterwards."""
    if postgres_admin_url is None:
        pytest.skip("no PostgreSQL server (run `make postgres`)")
    name = f"proximity_test_{uuid.uuid4().hex[:10]}"
    admin = _libpq(postgres_admin_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = sync_url(postgres_admin_url)
    yield base.set(database=name, drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'proximity.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on SQLite and once on the real PostgreSQL server."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
async def sessions(database_url: str):  # type: ignore[no-untyped-def]
    """A session factory on a migrated, empty database (SQLite, then PostgreSQL)."""
    from store.db import create_engine_async, session_factory
    from store.migrate import upgrade

    upgrade(database_url)
    engine = create_engine_async(database_url)
    yield session_factory(engine)
    await engine.dispose()
