"""`proximity`: the command line. `run` is what `make run` calls.

The operators' commands (slots, appointments, people, courses, operators) come from their
own packages; sending from them goes through the Telegram adapter's agenda desk, which
this root hands them in the command's context (cli/common.py, `Ports`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Annotated

import typer

from cli import agenda as agenda_cli
from cli.common import Ports, load_settings, migrate_database
from cli.courses import courses as courses_app
from cli.courses import load_demo_courses
from store.settings import Settings
from web.cli import operators as operators_app

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from app.ports import AgendaNotices

app = typer.Typer(
    no_args_is_help=True, add_completion=False, help="Proximity, the PROXIMITY.CR assistant."
)
app.add_typer(agenda_cli.slots_app, name="slots")
app.add_typer(agenda_cli.appointments_app, name="appointments")
app.add_typer(agenda_cli.people_app, name="people")
app.add_typer(courses_app, name="courses")
app.add_typer(operators_app, name="operators")
log = logging.getLogger("proximity")


@contextlib.asynccontextmanager
async def telegram_agenda_notices(
    settings: Settings, sessions: async_sessionmaker[AsyncSession]
) -> AsyncIterator[AgendaNotices | None]:
    """The operators' agenda desk on a Bot of its own when a token is set: the command line
    may run while the bot does (sending needs no polling). None without a token."""
    if not settings.uses_telegram:
        yield None
        return
    from telegram import Bot

    from app.assistant import utc_now
    from app.catalogue import Catalogue
    from bot.operators.agenda import AgendaDesk
    from cli.common import agenda_config
    from store.programme import load_programme

    config = agenda_config(settings)
    api = settings.telegram_api_url.rstrip("/")
    async with Bot(
        settings.telegram_bot_token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot"
    ) as bot:
        yield AgendaDesk(
            bot,
            settings.operator_chat_id or 0,
            sessions,
            Catalogue.load(settings.locales_dir),
            timezone=settings.timezone,
            clock=utc_now,
            places={k: v.short for k, v in config.venues.items()},
            organizer_email=load_programme(settings.programme_file).office.email,
        )


@app.callback()
def root(ctx: typer.Context) -> None:
    """Proximity, the PROXIMITY.CR assistant."""
    ctx.obj = Ports(agenda_notices=telegram_agenda_notices)


@app.command()
def run() -> None:
    """Everything: train the NLU if needed, start Rasa, migrate, then the bot or the console."""
    from nlu import train
    from nlu.server import RasaServer

    settings = load_settings()
    rasa: RasaServer | None = None
    try:
        if not settings.rasa_url:
            if train.train():
                log.info("NLU model retrained")
            rasa = RasaServer(settings.rasa_port, settings.var_dir / "rasa.log")
            rasa.start()
            typer.echo(f"Starting the NLU server on {rasa.url} …")
            took = rasa.wait_ready()
            typer.echo(f"NLU server ready in {took:.0f} s.")
            settings = settings.model_copy(update={"rasa_url": rasa.url, "rasa_token": rasa.token})
        _serve(settings)
    except KeyboardInterrupt:
        pass
    finally:
        if rasa is not None:
            rasa.stop()


@app.command()
def serve() -> None:
    """Migrate and start the bot (Telegram with a token, the console without), using RASA_URL."""
    _serve(load_settings())


@app.command()
def chat() -> None:
    """A local console chat with the same dialogs, NLU and database."""
    settings = load_settings()
    _prepare(settings)
    _console(settings)


@app.command()
def migrate() -> None:
    """Apply the database migrations."""
    migrate_database(load_settings())


@app.command("nlu-train")
def nlu_train(
    force: Annotated[bool, typer.Option(help="Train even if nothing changed")] = False,
) -> None:
    """Train the NLU model when its data or config changed."""
    from nlu import train

    load_settings()
    typer.echo("trained" if train.train(force) else "model up to date")


def _prepare(settings: Settings) -> None:
    """Migrations, then the demo agenda and catalogue on an empty database (DEMO_SLOTS)."""
    migrate_database(settings)
    agenda_cli.load_demo_slots(settings)
    load_demo_courses(settings)


def _serve(settings: Settings) -> None:
    _prepare(settings)
    if settings.uses_telegram:
        from runtime.telegram import run_telegram

        os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
        run_telegram(settings)
    else:
        typer.echo("TELEGRAM_BOT_TOKEN is not set: starting the local console chat.")
        _console(settings)


def _console(settings: Settings) -> None:
    from app.logs import configure_logging
    from console.chat import run_console
    from runtime.services import build_core

    log_file = settings.var_dir / "proximity.log"
    typer.echo(f"Logs: {log_file}")
    configure_logging(settings.log_level, log_file)

    async def main() -> None:
        from runtime.web import web_console

        core = build_core(settings)
        try:
            async with web_console(core):
                await run_console(core.assistant, core.catalogue, settings.var_dir / "exports")
        finally:
            await core.aclose()

    asyncio.run(main())


def main() -> None:
    app()
