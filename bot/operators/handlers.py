"""PTB handlers for the operators' group. Every one checks the caller is an operator:
membership is asked of Telegram, and callback data is only an id to look up."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from telegram import Update, User
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from app.handoffs import Actor, Done
from bot.context import operators
from bot.operators.agenda import parse_attendance
from dialogs import OperatorJoined

if TYPE_CHECKING:
    from bot.context import OperatorServices

log = logging.getLogger(__name__)


async def _is_operator(update: Update, app: OperatorServices) -> bool:
    user = update.effective_user
    return await app.access.is_operator(user.id if user else None)


async def _operator_or_refuse(update: Update, app: OperatorServices) -> bool:
    """For commands: a non-operator is told plainly that this is not for them."""
    if await _is_operator(update, app):
        return True
    await update.effective_message.reply_text(app.catalogue.render("op-not-operator"))
    return False


def _actor(user: User) -> Actor:
    return Actor(name=user.first_name, telegram_user_id=user.id)


def _problem_note(app: OperatorServices, done: Done) -> str | None:
    if done.problem is None:
        return None
    if done.problem == "claimed_by_other":
        return app.catalogue.render("op-claimed-by-other", "it", {"operator": done.by})
    return app.catalogue.render("op-no-handoff")


async def on_topic_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    app = operators(context)
    message = update.effective_message
    if not message.is_topic_message or not await _is_operator(update, app):
        return  # the group's General chat, or someone who is not an operator
    await app.desk.relay_out(message, update.effective_user)


async def on_close_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    app = operators(context)
    message = update.effective_message
    if not await _operator_or_refuse(update, app):
        return
    handoff_id = await app.desk.active_in_thread(message.message_thread_id or 0)
    if handoff_id is None:
        await message.reply_text(app.catalogue.render("op-no-handoff"))
        return
    # Closing tells the core, and the person gets the assistant back (app/handoffs.py).
    await app.handoffs.close(handoff_id, _actor(update.effective_user))


async def on_write_first(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    app = operators(context)
    message = update.effective_message
    if not await _operator_or_refuse(update, app):
        return
    if not context.args or not context.args[0].isdigit():
        await message.reply_text(app.catalogue.render("op-scrivi-usage"))
        return
    telegram_id = int(context.args[0])
    if not await app.desk.write_first(telegram_id, update.effective_user):
        await message.reply_text(app.catalogue.render("op-scrivi-unknown"))
        return
    await app.assistant.handle(telegram_id, OperatorJoined())


async def on_operator_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    app = operators(context)
    query = update.callback_query
    if not await _is_operator(update, app):
        with contextlib.suppress(BadRequest):
            await query.answer(app.catalogue.render("op-not-operator"), show_alert=True)
        return
    if (query.data or "").startswith("op:att:"):
        await on_attendance_button(update, context)
        return
    _, action, raw_id = (query.data or "").split(":", 2) + ["", ""][
        : 3 - len((query.data or "").split(":"))
    ]
    if not raw_id.isdigit():
        with contextlib.suppress(BadRequest):
            await query.answer()
        return
    note = None
    if action == "claim":
        # From now on the assistant stays quiet and the operator answers.
        note = _problem_note(app, await app.handoffs.claim(int(raw_id), _actor(query.from_user)))
    elif action == "more":
        await app.desk.details(int(raw_id), update.effective_user)
    elif action == "close":
        await app.handoffs.close(int(raw_id), _actor(query.from_user))
    with contextlib.suppress(BadRequest):
        await query.answer(note or None, show_alert=bool(note))


async def on_attendance_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """✅ Presente / ❌ Non presente. The caller is already known to be an operator; the
    data is only an id, and marking re-checks the appointment's state in the database."""
    app = operators(context)
    query = update.callback_query
    parsed = parse_attendance(query.data)
    if parsed is None or query.message is None:
        with contextlib.suppress(BadRequest):
            await query.answer()
        return
    appointment_id, attended = parsed
    operator = update.effective_user
    marked = await app.agenda_desk.mark(
        appointment_id,
        attended,
        by=operator.first_name,
        actor=str(operator.id),
        question=(query.message.chat.id, query.message.message_id),
    )
    with contextlib.suppress(BadRequest):
        await query.answer(marked.note, show_alert=bool(marked.note))


async def on_open_cases(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/casi in an operator's private chat: the one thing allowed there, and read-only.
    For anyone else the command falls through to the normal dialog."""
    app = operators(context)
    if not await _is_operator(update, app):
        return
    await update.effective_message.reply_text(await app.desk.open_cases_summary())
    raise ApplicationHandlerStop


def register(application: Application, group_id: int) -> None:
    in_group = filters.Chat(group_id)
    application.add_handlers(
        [
            CallbackQueryHandler(on_operator_button, pattern=r"^op:"),
            CommandHandler("chiudi", on_close_command, filters=in_group),
            CommandHandler("scrivi", on_write_first, filters=in_group),
            MessageHandler(
                in_group & filters.UpdateType.MESSAGE & ~filters.COMMAND, on_topic_message
            ),
            CommandHandler("casi", on_open_cases, filters=filters.ChatType.PRIVATE),
        ],
        group=-1,  # before the beneficiaries' handlers, which must never see these
    )
