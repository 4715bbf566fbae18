"""The python-telegram-bot Application: rate limiting, ordering, handlers, commands.

PTB's Updater is not used: it acknowledges a batch of updates before they are handled.
Our own intake (bot/intake.py) stores every update first, by long polling or behind the
webhook server (bot/webhook.py), and feeds the Application from the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from telegram import BotCommand, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot import handlers
from bot.intake import Intake
from bot.operators import handlers as operator_handlers
from bot.ordering import PerChatUpdateProcessor
from bot.services import Services, build_services
from store.settings import Settings

log = logging.getLogger(__name__)

# Updates in hand at a stop get this long to finish; the rest are handled after the restart.
SHUTDOWN_GRACE_SECONDS = 10.0

COMMANDS = (
    "start",
    "help",
    "requisiti",
    "appuntamenti",
    "corsi",
    "operatore",
    "privacy",
    "imieidati",
    "cancellami",
    "lingua",
    "annulla",
)


def build_application(settings: Settings) -> Application:
    api = settings.telegram_api_url.rstrip("/")
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(PerChatUpdateProcessor())
        .updater(None)
        .build()
    )
    handlers.register(application, settings.operator_chat_id)
    if settings.operator_chat_id is not None:
        operator_handlers.register(application, settings.operator_chat_id)
    return application


async def _start_services(application: Application, settings: Settings) -> Services:
    services = build_services(settings)
    services.attach_telegram(application.bot)
    services.intake = Intake(
        application,
        services.sessions,
        services.gate,
        lambda update, busy: handlers.apologise(services, update, busy),
        services.crash_point,
    )
    application.bot_data["services"] = services
    await set_commands(application, services)
    services.start_background()
    await services.start_reminders()
    if not await services.nlu.is_ready():
        log.warning("NLU server not ready: free text will use keywords until it is")
    log.info("bot started as @%s", application.bot.username)
    return services


async def set_commands(application: Application, services: Services) -> None:
    """The command menu in Italian by default, and in each language we speak for clients
    set to that language."""
    catalogue = services.catalogue
    for language in (None, *catalogue.languages):
        commands = [
            BotCommand(name, catalogue.render(f"cmd-{name}", language or "it")) for name in COMMANDS
        ]
        await application.bot.set_my_commands(commands, language_code=language)


async def _stop_services(services: Services) -> None:
    services.stop_background()
    await services.stop_reminders()
    await services.aclose()


def run_telegram(settings: Settings) -> None:
    """Long polling by default; a webhook when WEBHOOK_URL is set. Blocks until stopped."""
    if settings.webhook_url and not settings.webhook_secret:
        raise SystemExit("WEBHOOK_SECRET is required with WEBHOOK_URL")
    asyncio.run(_run(settings))


async def _run(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    application = build_application(settings)
    await application.initialize()
    services = await _start_services(application, settings)
    intake, outbox = services.intake, services.outbox
    assert intake is not None and outbox is not None
    await application.start()
    # What a previous run committed but did not send, then what it stored but did not handle.
    await outbox.resume()
    await intake.resume()
    try:
        if settings.webhook_url:
            await _serve_webhook(application, settings, intake, stop)
        else:
            await application.bot.delete_webhook(drop_pending_updates=False)
            poller = asyncio.create_task(intake.poll(stop))
            await stop.wait()
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
        await intake.drain(timeout=SHUTDOWN_GRACE_SECONDS)
    finally:
        await application.stop()
        await _stop_services(services)
        await application.shutdown()


async def _serve_webhook(
    application: Application, settings: Settings, intake: Intake, stop: asyncio.Event
) -> None:
    from urllib.parse import urlparse

    import uvicorn

    from bot.webhook import webhook_app

    path = urlparse(settings.webhook_url).path
    app = webhook_app(path, settings.webhook_secret, intake, application.bot)
    config = uvicorn.Config(
        app,
        host=settings.webhook_listen,
        port=settings.webhook_port,
        log_level="warning",
        access_log=False,  # request lines carry nothing useful and may carry ids
        lifespan="off",
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    # uvicorn has no "started" event; setWebhook must wait until requests can be stored.
    while not server.started and not serving.done():  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    await application.bot.set_webhook(
        settings.webhook_url,
        secret_token=settings.webhook_secret,
        allowed_updates=Update.ALL_TYPES,
        drop_pending_updates=False,
    )
    await stop.wait()
    server.should_exit = True
    await serving
