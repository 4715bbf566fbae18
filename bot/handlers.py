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

from bot.assistant import TopicNotice, UserText
from bot.bookings import AgendaNotice
from bot.enrolments import CourseNotice
from bot.render import decode_callback
from dialogs import (
    CommandIssued,
    Event,
    HandoffFailed,
    MessageEdited,
    NonTextSent,
    Reply,
    Started,
)
from dialogs.effects import (
    AnswerOffer,
    CloseHandoff,
    Effect,
    LeaveHandoffOpen,
    OpenHandoff,
    RelayToOperators,
    WithdrawCourse,
)
from dialogs.screens import FOOTER

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

NON_TEXT_KINDS = (
    "sticker", "voice", "video_note", "video", "audio", "photo", "document", "animation",
    "location", "venue", "contact", "poll", "dice",
)  # fmt: skip


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


async def run_turn(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: Event | UserText
) -> None:
    app = services(context)
    chat_id = update.effective_chat.id
    user = update.effective_user
    started = time.perf_counter()
    done = await app.assistant.handle(
        chat_id, action, display_name=user.first_name if user else None
    )
    handled = time.perf_counter()
    await app.sender.send_turn(chat_id, done.turn, done.documents)
    if (done.reminders_changed or done.course_reminders_changed) and app.reminders is not None:
        await app.reminders.sync(done.reminders_changed, done.course_reminders_changed)
    await carry_out_for_operators(app, update, done.after)
    if app.offers is not None and any(
        isinstance(e, WithdrawCourse | AnswerOffer) for e in done.turn.effects
    ):
        await app.offers.run()  # a freed seat: the next in line hears now, not at the next tick
    log.info(
        "turn %s handled_ms=%.1f sent_ms=%.1f",
        type(action).__name__,
        1000 * (handled - started),
        1000 * (time.perf_counter() - handled),
        extra={"who": app.assistant.pseudonym(chat_id)},
    )


async def carry_out_for_operators(
    app: Services,
    update: Update,
    effects: tuple[Effect | TopicNotice | AgendaNotice | CourseNotice, ...],
) -> None:
    """Handoff effects go to the operators' desk, after the person's replies are out."""
    for notice in effects:
        if isinstance(notice, AgendaNotice) and app.agenda_desk is not None:
            await app.agenda_desk.notify(notice.kind, notice.appointment_id)
        if isinstance(notice, CourseNotice) and app.course_notices is not None:
            await app.course_notices.notify(notice.kind, notice.enrolment_id)

    if app.desk is None:
        return
    user = update.effective_user
    name = user.first_name if user else None
    message = update.effective_message
    for effect in effects:
        if isinstance(effect, OpenHandoff):
            try:
                await app.desk.open(update.effective_chat.id, effect.reason, effect.urgent, name)
            except TelegramError as exc:
                # Misconfigured group, bot removed, Telegram down: never leave the person
                # waiting for an operator who will not come.
                log.error("handoff could not reach the operators: %s", type(exc).__name__)
                failed = await app.assistant.handle(update.effective_chat.id, HandoffFailed())
                await app.sender.send_turn(update.effective_chat.id, failed.turn)
                return
        elif isinstance(effect, RelayToOperators) and message is not None:
            if update.edited_message is not None:
                await app.desk.relay_edit(message)
            elif await app.desk.relay_in(message, name):
                # The sign that it arrived, claimed or not: the bot may say nothing else.
                await app.desk.acknowledge(message)
        elif isinstance(effect, CloseHandoff):
            await app.desk.closed_by_person(update.effective_chat.id)
        elif isinstance(effect, LeaveHandoffOpen):
            await app.desk.left_open(update.effective_chat.id)
        elif isinstance(effect, TopicNotice):
            await app.desk.notice(effect.thread_id, effect.key)


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
        update.effective_chat.id, (Reply("group-not-supported"),), telegram_language(update, app)
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, OperationalError):
        # Usually a lock held too long; the turn was rolled back, so nothing is lost.
        log.warning("database unavailable: %s", type(error.orig).__name__)
    else:
        # The type and traceback only: the update itself may hold what the person wrote.
        log.error("update failed: %s", type(error).__name__, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != "private":
        return
    key = "busy-retry" if isinstance(error, OperationalError) else "error-generic"
    app = services(context)
    try:
        await app.sender.send_replies(
            update.effective_chat.id, (Reply(key, buttons=FOOTER),), telegram_language(update, app)
        )
    except (TelegramError, OperationalError) as exc:
        log.error("could not apologise: %s", type(exc).__name__)


def telegram_language(update: Update, app: Services) -> str:
    """The client's language when we speak it. Used where the conversation state is not at
    hand (errors, foreign groups): reading it could fail in the same way."""
    user = update.effective_user
    code = ((user.language_code if user else None) or "").split("-")[0]
    return code if code in app.catalogue.languages else "it"


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
