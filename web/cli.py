"""`proximity operators ...`: accounts of the web console, from the command line.

    proximity operators add NAME --role operator|coordinator|admin [--telegram-id ID]
    proximity operators reset NAME       a new set-up link (forgotten password, lost phone)
    proximity operators disable NAME     no more logins; every session ends
    proximity operators enable NAME
    proximity operators list

`add` and `reset` print a one-time set-up link, valid for 48 hours: give it to the person
by hand or by a channel you trust, never by the bot. This is the only way to create the
first admin. Every command migrates the database first, as `serve` does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from store.settings import Settings
from web.sealing import Sealer

T = TypeVar("T")

operators = typer.Typer(
    no_args_is_help=True, help="Web console accounts: add, reset, disable, enable, list."
)


class RoleName(StrEnum):
    operator = "operator"
    coordinator = "coordinator"
    admin = "admin"


def _in_transaction(work: Callable[[AsyncSession, datetime], Awaitable[T]]) -> tuple[T, Settings]:
    from store.db import create_engine_async, session_factory
    from store.migrate import upgrade

    settings = Settings()
    upgrade(settings.database_url)

    async def main() -> T:
        engine = create_engine_async(settings.database_url)
        try:
            async with session_factory(engine).begin() as session:
                return await work(session, datetime.now(UTC))
        finally:
            await engine.dispose()

    return asyncio.run(main()), settings


def _sealer() -> Sealer:
    from web.sealing import sealer_for

    settings = Settings()
    return sealer_for(settings.web_secret_key, settings.var_dir)


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code=1)


@operators.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Login name: letters, digits, '.', '_', '-'.")],
    role: Annotated[RoleName, typer.Option(help="What the account may do.")],
    telegram_id: Annotated[
        int | None, typer.Option(help="The person's Telegram user id, for claims in the group.")
    ] = None,
) -> None:
    """Create an account and print its one-time set-up link."""
    from web.accounts import AccountError, create_account
    from web.roles import Role

    try:
        token, settings = _in_transaction(
            lambda s, now: create_account(
                s,
                name,
                Role.named(role.value),
                now,
                sealer=_sealer(),
                telegram_user_id=telegram_id,
            )
        )
    except AccountError as exc:
        raise _fail(str(exc)) from None
    _print_link(settings, token)


@operators.command("reset")
def reset(name: str) -> None:
    """Clear the password and the app, end every session, print a new set-up link."""
    from web.accounts import AccountError, reset_account

    try:
        token, settings = _in_transaction(
            lambda s, now: reset_account(s, name, now, sealer=_sealer())
        )
    except AccountError as exc:
        raise _fail(str(exc)) from None
    _print_link(settings, token)


@operators.command("disable")
def disable(name: str) -> None:
    """No more logins for this account; its sessions end now."""
    _set_disabled(name, True)


@operators.command("enable")
def enable(name: str) -> None:
    """Allow logins again."""
    _set_disabled(name, False)


def _set_disabled(name: str, disabled: bool) -> None:
    from web.accounts import AccountError, set_disabled

    try:
        _in_transaction(lambda s, now: set_disabled(s, name, disabled, now))
    except AccountError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"{name}: {'disabled' if disabled else 'enabled'}")


@operators.command("list")
def list_() -> None:
    """Every account: name, role, set up or not, second factor, Telegram id, disabled."""
    from web.accounts import list_accounts

    rows, _ = _in_transaction(lambda s, _now: list_accounts(s))
    for row in rows:
        state = "set up" if row.password_hash else "waiting for set-up"
        factor = "app" if row.totp_secret else "no app"
        linked = f"telegram {row.telegram_user_id}" if row.telegram_user_id else "no telegram"
        disabled = "  DISABLED" if row.disabled else ""
        typer.echo(f"{row.name:<24} {row.role:<12} {state:<19} {factor:<7} {linked}{disabled}")


def _print_link(settings: Settings, token: str) -> None:
    typer.echo("One-time set-up link (valid for 48 hours; give it only to that person):")
    typer.echo(f"{settings.web_base_url}/setup/{token}")
