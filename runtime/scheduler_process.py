"""The reminder service alone in its own process, sending through Telegram: the crash drills'
and the benchmark's entry point (the service itself is scheduler/standalone.py).

    python -m runtime.scheduler_process --database-url URL --api-url URL --token TOKEN \
        [--until-done]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path

from telegram import Bot
from telegram.request import HTTPXRequest

from app.catalogue import Catalogue
from app.ports import OperatorNotice
from bot.messenger import TelegramMessenger
from scheduler import standalone

log = logging.getLogger("scheduler")


async def _log_notice(notice: OperatorNotice) -> None:
    log.info("notice %s for appointment %d", notice.kind, notice.appointment_id)


async def main(args: argparse.Namespace) -> None:
    api = args.api_url.rstrip("/")
    # No PTB rate limiter and no retries inside the messenger: the dispatcher paces, and
    # counts its attempts on the reminder's row.
    bot = Bot(
        args.token,
        base_url=f"{api}/bot",
        base_file_url=f"{api}/file/bot",
        request=HTTPXRequest(connection_pool_size=args.workers + 2),
    )
    catalogue = Catalogue.load(Path(args.locales_dir))
    messenger = TelegramMessenger(bot, catalogue, operators=_log_notice, server_error_retries=0)
    async with bot:
        await standalone.run(args, messenger, catalogue.label_text)


def cli() -> None:
    asyncio.run(main(standalone.parse_args("python -m runtime.scheduler_process")))


if __name__ == "__main__":
    cli()
