"""Sends a turn's replies to one chat, and copes with a user who blocked the bot."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from app.catalogue import Catalogue
from app.export_doc import Document
from bot.render import render
from dialogs.model import Reply, Turn

log = logging.getLogger(__name__)

# A 5xx from the Bot API means the message was not sent, so sending again is safe.
# A timeout is different: the message may have gone out, and a retry could double it.
SERVER_ERROR_RETRIES = 3
SERVER_ERROR_BACKOFF_SECONDS = 0.5


MarkUnreachable = Callable[[int], Awaitable[None]]
# Waits until a message to this chat may start: for senders that run beside the turns and
# must keep to Telegram's per-chat pace whatever rate limiter the Bot has.
Pace = Callable[[int], Awaitable[None]]


class TelegramSender:
    """Used for turns, and for what the bot says on its own (seat offers, course changes)."""

    def __init__(
        self,
        bot: Bot,
        catalogue: Catalogue,
        mark_unreachable: MarkUnreachable,
        pace: Pace | None = None,
    ) -> None:
        self._bot = bot
        self._catalogue = catalogue
        self._mark_unreachable = mark_unreachable
        self._pace = pace

    async def send_turn(
        self, chat_id: int, turn: Turn, documents: tuple[Document, ...] = ()
    ) -> None:
        await self.send_replies(chat_id, turn.replies, turn.state.language, documents)

    async def send_replies(
        self,
        chat_id: int,
        replies: tuple[Reply, ...],
        language: str,
        documents: tuple[Document, ...] = (),
    ) -> bool:
        """Plain text, no parse mode: nothing a user typed can ever become markup.
        False when the person cannot be reached (and is now marked so)."""
        try:
            for reply in replies:
                for message in render(reply, self._catalogue, language):
                    await self._retrying(chat_id, self._text(chat_id, message.text, message.markup))
            for document in documents:
                await self._retrying(chat_id, self._document(chat_id, document, language))
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

    def _text(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None
    ) -> Callable[[], Awaitable[object]]:
        return lambda: self._bot.send_message(chat_id, text, reply_markup=markup)

    def _document(
        self, chat_id: int, document: Document, language: str
    ) -> Callable[[], Awaitable[object]]:
        caption = self._catalogue.render(document.caption_key, language)
        return lambda: self._bot.send_document(
            chat_id, InputFile(document.content, filename=document.filename), caption=caption
        )

    async def _retrying(self, chat_id: int, send: Callable[[], Awaitable[object]]) -> None:
        for attempt in range(SERVER_ERROR_RETRIES + 1):
            if self._pace is not None:
                await self._pace(chat_id)
            try:
                await send()
                return
            except (TimedOut, BadRequest):  # both are NetworkErrors in PTB, and not retryable
                raise
            except NetworkError:
                if attempt == SERVER_ERROR_RETRIES:
                    raise
                log.warning("Bot API server error, retrying", extra={"who": "-"})
                await asyncio.sleep(SERVER_ERROR_BACKOFF_SECONDS * (attempt + 1))
