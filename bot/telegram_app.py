"""The python-telegram-bot Application: rate limiting, ordering, handlers, commands.

PTB's Updater is not used: it acknowledges a batch of updates before they are handled.
Our own intake (bot/intake.py) stores every update first, by long polling or behind the
webhook server (bot/webhook.py), and feeds the Application from the database.
"""

from __future__ import annotations

import logging

from telegram import BotCommand
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from app.catalogue import Catalogue
from bot import handlers
from bot.operators import handlers as operator_handlers
from bot.ordering import PerChatUpdateProcessor
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
        .updater(None)
        .build()
    )
    handlers.register(application, settings.operator_chat_id)
    if settings.operator_chat_id is not None:
        operator_handlers.register(application, settings.operator_chat_id)
    return application


async def set_commands(application: Application, catalogue: Catalogue) -> None:  # type: ignore[type-arg]
    """The command menu in Italian by default, and in each language we speak for clients
    set to that language."""
    for language in (None, *catalogue.languages):
        commands = [
            BotCommand(name, catalogue.render(f"cmd-{name}", language or "it")) for name in COMMANDS
        ]
        await application.bot.set_my_commands(commands, language_code=language)
