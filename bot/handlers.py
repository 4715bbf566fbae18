"""PTB handlers: each turns an update into a core event, runs one turn and sends it."""

from __future__ import annotations

import contextlib
import logging
import time
from typing import TYPE_CHECKING

from sqlalchemy.exc import OperationalError
from telegram import Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from app.assistant import Origin, UserText
from bot.context import services
from bot.render import decode_callback
from dialogs import (
    CommandIssued,
    Event,
    MessageEdited,
    NonTextSent,
    Reply,
    Started,
)
from dialogs.screens import FOOTER

if TYPE_CHECKING:
    from app.catalogue import Catalogue
    from bot.sender import TelegramSender

log = logging.getLogger(__name__)

NON_TEXT_KINDS = (
    "sticker", "voice", "video_note", "video", "audio", "photo", "document", "animation",
    "location", "venue", "contact", "poll", "dice",
)  # fmt: skip


async def run_turn(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: Event | UserText
) -> None:
    app = services(context)
    chat_id = update.effective_chat.id
    user = update.effective_user
    name = user.first_name if user else None
    started = time.perf_counter()
    message = update.effective_message
    # The turn marks its update done and writes what it sends (the outbox) in one commit.
    origin = Origin(
        update.update_id,
        message.to_dict() if message is not None else None,
        edited=update.edited_message is not None,
        name=name,
    )
    await app.assistant.handle(chat_id, action, display_name=name, origin=origin)
    app.intake.settled(update.update_id)
    handled = time.perf_counter()
    app.crash_point("after-commit")
    await app.outbox.deliver(chat_id)
    log.info(
        "turn %s handled_ms=%.1f sent_ms=%.1f",
        type(action).__name__,
        1000 * (handled - started),
        1000 * (time.perf_counter() - handled),
        extra={"who": app.assistant.pseudonym(chat_id)},
    )


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    await run_turn(update, context, Started(language_code=user.language_code if user else None))


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    word, _, args = update.effective_message.text.partition(" ")
    name = word.lstrip("/").split("@", 1)[0].lower()
    await run_turn(update, context, CommandIssued(name=name, args=args.strip()))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_turn(update, context, UserText(update.effective_message.text))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    # Stops the client's spinner. A query older than Telegram keeps (after a restart, say)
    # can no longer be answered, but the press itself still counts.
    with contextlib.suppress(BadRequest):
        await query.answer()
    if update.effective_chat is None or update.effective_chat.type != "private":
        return
    await run_turn(update, context, decode_callback(query.data))


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await run_turn(update, context, NonTextSent(kind=non_text_kind(update.effective_message)))


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.edited_message
    await run_turn(update, context, MessageEdited(text=message.text or message.caption or ""))


async def on_foreign_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Groups other than the operators' own: point people to the private chat, store nothing."""
    app = services(context)
    await app.sender.send_replies(
        update.effective_chat.id,
        (Reply("group-not-supported"),),
        telegram_language(update, app.catalogue),
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, OperationalError):
        # Usually a lock held too long; the turn was rolled back, so nothing is lost.
        log.warning("database unavailable: %s", type(error.orig).__name__)
    else:
        # The type and traceback only: the update itself may hold what the person wrote.
        log.error("update failed: %s", type(error).__name__, exc_info=error)
    app = services(context)
    if isinstance(update, Update) and error is not None:
        # The intake tries again, and apologises only when it gives up.
        app.intake.failed(update.update_id, error)


async def apologise(
    sender: TelegramSender, catalogue: Catalogue, update: Update, busy: bool
) -> None:
    """A kind word in a private chat when its update could not be handled."""
    if update.effective_chat is None or update.effective_chat.type != "private":
        return
    key = "busy-retry" if busy else "error-generic"
    try:
        await sender.send_replies(
            update.effective_chat.id,
            (Reply(key, buttons=FOOTER),),
            telegram_language(update, catalogue),
        )
    except (TelegramError, OperationalError) as exc:
        log.error("could not apologise: %s", type(exc).__name__)


def telegram_language(update: Update, catalogue: Catalogue) -> str:
    """The client's language when we speak it. Used where the conversation state is not at
    hand (errors, foreign groups): reading it could fail in the same way."""
    user = update.effective_user
    code = ((user.language_code if user else None) or "").split("-")[0]
    return code if code in catalogue.languages else "it"


def non_text_kind(message: Message) -> str:
    return next((kind for kind in NON_TEXT_KINDS if getattr(message, kind, None)), "other")


def register(application: Application, operator_chat_id: int | None) -> None:
    private = filters.ChatType.PRIVATE
    new = filters.UpdateType.MESSAGE
    groups = filters.ChatType.GROUPS
    if operator_chat_id is not None:
        groups = groups & ~filters.Chat(operator_chat_id)
    application.add_handlers(
        [
            MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, on_edited),
            CommandHandler("start", on_start, filters=private & new),
            MessageHandler(private & new & filters.COMMAND, on_command),
            MessageHandler(private & new & filters.TEXT, on_text),
            MessageHandler(private & new, on_non_text),
            CallbackQueryHandler(on_button, pattern=r"^(?!op:)"),
            MessageHandler(
                groups & new & (filters.COMMAND | filters.StatusUpdate.NEW_CHAT_MEMBERS),
                on_foreign_group,
            ),
        ]
    )
    application.add_error_handler(on_error)
