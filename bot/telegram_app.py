"""The python-telegram-bot Application: rate limiting, ordering, handlers, commands."""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot import handlers
from bot.operators import handlers as operator_handlers
from bot.ordering import PerChatUpdateProcessor
from bot.services import Services, build_services
from store.settings import Settings

log = logging.getLogger(__name__)

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
        .post_init(_start_services(settings))
        .post_shutdown(_stop_services)
        .build()
    )
    handlers.register(application, settings.operator_chat_id)
    if settings.operator_chat_id is not None:
        operator_handlers.register(application, settings.operator_chat_id)
    return application


def _start_services(settings: Settings):  # type: ignore[no-untyped-def]
    async def post_init(application: Application) -> None:
        services = build_services(settings)
        services.attach_telegram(application.bot)
        application.bot_data["services"] = services
        await set_commands(application, services)
        services.start_background()
        await services.start_reminders()
        if not await services.nlu.is_ready():
            log.warning("NLU server not ready: free text will use keywords until it is")
        log.info("bot started as @%s", application.bot.username)

    return post_init


async def set_commands(application: Application, services: Services) -> None:
    """The command menu in Italian by default, and in each language we speak for clients
    set to that language."""
    catalogue = services.catalogue
    for language in (None, *catalogue.languages):
        commands = [
            BotCommand(name, catalogue.render(f"cmd-{name}", language or "it")) for name in COMMANDS
        ]
        await application.bot.set_my_commands(commands, language_code=language)


async def _stop_services(application: Application) -> None:
    services: Services | None = application.bot_data.get("services")
    if services is not None:
        services.stop_background()
        await services.stop_reminders()
        await services.aclose()


def run_telegram(settings: Settings) -> None:
    """Long polling by default; a webhook when WEBHOOK_URL is set. Blocks until stopped."""
    application = build_application(settings)
    if settings.webhook_url:
        from urllib.parse import urlparse

        if not settings.webhook_secret:
            raise SystemExit("WEBHOOK_SECRET is required with WEBHOOK_URL")
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
            drop_pending_updates=False,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
