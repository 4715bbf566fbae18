"""Sends a turn's replies to one chat, and copes with a user who blocked the bot.

The turns' own way of sending: PTB's errors other than "unreachable" propagate to the
caller. Rendering and retries are the messaging port's (bot/messenger.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Bot
from telegram.error import BadRequest, Forbidden

from app.catalogue import Catalogue
from app.export_doc import Document
from app.ports import Pace
from bot.messenger import TelegramMessenger, is_chat_not_found
from dialogs.model import Reply, Turn

MarkUnreachable = Callable[[int], Awaitable[None]]


class TelegramSender:
    """Used for turns and for what operators send through the bot."""

    def __init__(
        self,
        bot: Bot,
        catalogue: Catalogue,
        mark_unreachable: MarkUnreachable,
        pace: Pace | None = None,
    ) -> None:
        self._messenger = TelegramMessenger(bot, catalogue)
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
        """False when the person cannot be reached (and is now marked so)."""
        try:
            await self._messenger.deliver(chat_id, replies, language, documents, self._pace)
        except Forbidden:
            # Blocked or deactivated: retrying would never succeed. The person is marked
            # unreachable and becomes reachable again when they write.
            await self._mark_unreachable(chat_id)
            return False
        except BadRequest as exc:
            if not is_chat_not_found(exc):
                raise
            await self._mark_unreachable(chat_id)
            return False
        return True
