"""`proximity`: the command line. `run` is what `make run` calls."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Annotated

import typer

from store.settings import Settings

app = typer.Typer(
    no_args_is_help=True, add_completion=False, help="Proximity, the PROXIMITY.CR assistant."
)
log = logging.getLogger("proximity")


def _settings() -> Settings:
    from bot.logs import configure_logging

    settings = Settings()
    configure_logging(settings.log_level)
    return settings


@app.command()
def run() -> None:
    """Everything: train the NLU if needed, start Rasa, migrate, then the bot or the console."""
    from nlu import train
    from nlu.server import RasaServer

    settings = _settings()
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
    _serve(_settings())


@app.command()
def chat() -> None:
    """A local console chat with the same dialogs, NLU and database."""
    settings = _settings()
    migrate_database(settings)
    _console(settings)


@app.command()
def migrate() -> None:
    """Apply the database migrations."""
    migrate_database(_settings())


@app.command("nlu-train")
def nlu_train(
    force: Annotated[bool, typer.Option(help="Train even if nothing changed")] = False,
) -> None:
    """Train the NLU model when its data or config changed."""
    from nlu import train

    _settings()
    typer.echo("trained" if train.train(force) else "model up to date")


def migrate_database(settings: Settings) -> None:
    from store.migrate import upgrade

    upgrade(settings.database_url)


def _serve(settings: Settings) -> None:
    migrate_database(settings)
    if settings.uses_telegram:
        from bot.telegram_app import run_telegram

        os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
        run_telegram(settings)
    else:
        typer.echo("TELEGRAM_BOT_TOKEN is not set: starting the local console chat.")
        _console(settings)


def _console(settings: Settings) -> None:
    from bot.console import run_console
    from bot.logs import configure_logging
    from bot.services import build_services

    log_file = settings.var_dir / "proximity.log"
    typer.echo(f"Logs: {log_file}")
    configure_logging(settings.log_level, log_file)

    async def main() -> None:
        services = build_services(settings)
        try:
            await run_console(services)
        finally:
            await services.aclose()

    asyncio.run(main())


def main() -> None:
    app()
