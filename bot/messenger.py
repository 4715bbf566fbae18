"""The messaging port (app/ports.py) for Telegram: neutral replies rendered and sent with PTB,
and PTB's errors mapped onto the port's outcomes here, at the edge:

    RetryAfter                        -> SlowDown(retry_after)
    TimedOut                          -> Uncertain   (it may have arrived)
    Forbidden                         -> Unreachable("blocked")
    BadRequest "chat not found"       -> Unreachable("chat_not_found")
    other BadRequest                  -> Refused     (this message would be refused again)
    other NetworkError (refused, 5xx) -> TemporaryFailure, after `server_error_retries`
    any other TelegramError           -> TemporaryFailure (not delivered, as far as we know)

Server errors (5xx) are retried here up to `server_error_retries` times: the message was not
sent, so sending again is safe. The reminders' messenger is built with none, because the
reminder dispatcher counts its attempts on the reminder's row.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from app.catalogue import Catalogue
from app.export_doc import Document
from app.ports import (
    Delivered,
    OperatorNotice,
    Outcome,
    Pace,
    Refused,
    SlowDown,
    TemporaryFailure,
    Uncertain,
    Unreachable,
)
from bot.render import render
from dialogs.model import Reply

log = logging.getLogger(__name__)

# A 5xx from the Bot API means the message was not sent, so sending again is safe.
# A timeout is different: the message may have gone out, and a retry could double it.
SERVER_ERROR_RETRIES = 3
SERVER_ERROR_BACKOFF_SECONDS = 0.5

NotifyOperators = Callable[[OperatorNotice], Awaitable[None]]


class TelegramMessenger:
    """Implements app.ports.Messenger. `operators` words and posts a notice in the operators'
    group (bot/operators/agenda.py); without one, notices are only logged."""

    def __init__(
        self,
        bot: Bot,
        catalogue: Catalogue,
        *,
        operators: NotifyOperators | None = None,
        server_error_retries: int = SERVER_ERROR_RETRIES,
    ) -> None:
        self._bot = bot
        self._catalogue = catalogue
        self._operators = operators
        self._retries = server_error_retries

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        language: str,
        documents: Sequence[Document] = (),
        *,
        pace: Pace | None = None,
    ) -> Outcome:
        try:
            message_id = await self.deliver(chat_id, (reply,), language, documents, pace)
        except RetryAfter as exc:
            return SlowDown(retry_after_seconds(exc))
        except TimedOut:  # before NetworkError: it is one
            return Uncertain("timeout")
        except Forbidden:
            return Unreachable("blocked")
        except BadRequest as exc:  # before NetworkError: it is one too
            if is_chat_not_found(exc):
                return Unreachable("chat_not_found")
            return Refused("bad_request")
        except NetworkError:
            return TemporaryFailure("network")
        except TelegramError as exc:
            return TemporaryFailure(type(exc).__name__)
        return Delivered(message_id)

    async def notify_operators(self, notice: OperatorNotice) -> None:
        if self._operators is None:
            log.info("notice %s for appointment %d: no operators' group", *_fields(notice))
            return
        await self._operators(notice)

    async def deliver(
        self,
        chat_id: int,
        replies: Sequence[Reply],
        language: str,
        documents: Sequence[Document] = (),
        pace: Pace | None = None,
    ) -> int:
        """Sends, raising PTB's errors; the id of the last message sent. Plain text, no parse
        mode: nothing a user typed can ever become markup. Everything is rendered first, so
        a pace stamp is followed by its HTTP call and nothing else."""
        calls: list[Callable[[], Awaitable[object]]] = []
        for reply in replies:
            for message in render(reply, self._catalogue, language):
                calls.append(self._text(chat_id, message.text, message.markup))
        for document in documents:
            calls.append(self._document(chat_id, document, language))
        message_id = 0
        for call in calls:
            message_id = await self._retrying(chat_id, call, pace)
        return message_id

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

    async def _retrying(
        self, chat_id: int, send: Callable[[], Awaitable[object]], pace: Pace | None
    ) -> int:
        for attempt in range(self._retries + 1):
            if pace is not None:
                await pace(chat_id)
            try:
                sent = await send()
                return int(getattr(sent, "message_id", 0))
            except (TimedOut, BadRequest):  # both are NetworkErrors in PTB, and not retryable
                raise
            except NetworkError:
                if attempt == self._retries:
                    raise
                log.warning("Bot API server error, retrying", extra={"who": "-"})
                await asyncio.sleep(SERVER_ERROR_BACKOFF_SECONDS * (attempt + 1))
        raise AssertionError("unreachable: the last attempt returns or raises")


def is_chat_not_found(exc: BadRequest) -> bool:
    return "chat not found" in str(exc).lower()


def retry_after_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns that `retry_after` will become a timedelta; both are handled here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _fields(notice: OperatorNotice) -> tuple[str, int]:
    return notice.kind, notice.appointment_id
