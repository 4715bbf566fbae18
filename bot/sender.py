"""Sends a turn's replies to one chat, and copes with a user who blocked the bot."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot.catalogue import Catalogue
from bot.export_doc import Document
from bot.render import render
from dialogs.model import Reply, Turn

log = logging.getLogger(__name__)

# A 5xx from the Bot API means the message was not sent, so sending again is safe.
# A timeout is different: the message may have gone out, and a retry could double it.
SERVER_ERROR_RETRIES = 3
SERVER_ERROR_BACKOFF_SECONDS = 0.5


MarkUnreachable = Callable[[int], Awaitable[None]]


class TelegramSender:
    """Used for turns, and for what the bot says on its own (seat offers, a no-show)."""

    def __init__(self, bot: Bot, catalogue: Catalogue, mark_unreachable: MarkUnreachable) -> None:
        self._bot = bot
        self._catalogue = catalogue
        self._mark_unreachable = mark_unreachable

    async def send_turn(
        self, chat_id: int, turn: Turn, documents: tuple[Document, ...] = ()
    ) -> None:
        await self.send_replies(chat_id, turn.replies, turn.state.language)
        for document in documents:
            caption = self._catalogue.render(document.caption_key, turn.state.language)
            try:
                await self._bot.send_document(
                    chat_id,
                    InputFile(document.content, filename=document.filename),
                    caption=caption,
                )
            except Forbidden:
                await self._mark_unreachable(chat_id)
                return

    async def send_replies(self, chat_id: int, replies: tuple[Reply, ...], language: str) -> bool:
        """Plain text, no parse mode: nothing a user typed can ever become markup.
        False when the person cannot be reached (and is now marked so)."""
        try:
            for reply in replies:
                for message in render(reply, self._catalogue, language):
                    await self._send(chat_id, message.text, message.markup)
        except Forbidden:
            # Blocked or deactivated: retrying would never succeed. The person is marked
            # unreachable and becomes reachable again when they write.
            await self._mark_unreachable(chat_id)
            return False
        except BadRequest as exc:
            if "chat not found" not in str(exc).lower():
                raise
            await self._mark_unreachable(chat_id)
            return False
        return True

    async def _send(self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> None:
        for attempt in range(SERVER_ERROR_RETRIES + 1):
            try:
                await self._bot.send_message(chat_id, text, reply_markup=markup)
                return
            except (TimedOut, BadRequest):  # both are NetworkErrors in PTB, and not retryable
                raise
            except NetworkError:
                if attempt == SERVER_ERROR_RETRIES:
                    raise
                log.warning("Bot API server error, retrying", extra={"who": "-"})
                await asyncio.sleep(SERVER_ERROR_BACKOFF_SECONDS * (attempt + 1))
