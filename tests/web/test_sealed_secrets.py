"""The second factor's secret is never in the database in the clear (web/sealing.py): an
account set up through the console stores it sealed, and one stored before sealing is
sealed at its owner's next login."""

from __future__ import annotations

from sqlalchemy import select, update

from store.db import create_engine_async, session_factory
from tests.web.support import ConsoleServer, _run_elsewhere
from web.models import Account
from web.roles import Role


def stored_secret(console: ConsoleServer, name: str, replace: str | None = None) -> str | None:
    async def work() -> str | None:
        engine = create_engine_async(console.database_url)
        try:
            async with session_factory(engine).begin() as session:
                if replace is not None:
                    await session.execute(
                        update(Account).where(Account.name == name).values(totp_secret=replace)
                    )
                return await session.scalar(select(Account.totp_secret).where(Account.name == name))
        finally:
            await engine.dispose()

    return _run_elsewhere(work())  # type: ignore[no-any-return]


def test_the_secret_is_stored_sealed_and_logging_in_works(console: ConsoleServer) -> None:
    account = console.ready_account("coord", Role.COORDINATOR)
    assert account.totp_secret
    stored = stored_secret(console, "coord")
    assert stored is not None and account.totp_secret not in stored and len(stored) == 64
    assert console.http_login(account).get("/").status_code == 303


def test_a_secret_from_before_sealing_is_sealed_at_the_next_login(console: ConsoleServer) -> None:
    account = console.ready_account("vecchio", Role.ADMIN)
    assert account.totp_secret
    stored_secret(console, "vecchio", replace=account.totp_secret)  # as version 0011 kept it
    console.http_login(account)
    stored = stored_secret(console, "vecchio")
    assert stored is not None and stored != account.totp_secret
    assert console.sealer.open(stored) == account.totp_secret
