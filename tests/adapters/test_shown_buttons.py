"""Buttons the bot sends on its own (app/shown.py), through a real PTB Bot to the Bot API
emulator and a real database: delivered, they become what typed words answer; not
delivered, or to a chat the bot has never spoken with, nothing changes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from telegram import Bot

from app.catalogue import Catalogue
from app.ports import Delivered, Unreachable
from app.shown import RememberingMessenger, ShownButtons
from bot.messenger import TelegramMessenger
from dialogs import State
from dialogs.followup import question
from dialogs.model import Reply
from scheduler.pacing import Pacer
from store import conversations
from store.models import Conversation
from tests.emulator.server import BotApiEmulator

EARLIER = datetime(2026, 11, 2, 9, tzinfo=UTC)
ANNA, BLOCKED, STRANGER = 501, 502, 503


async def _known(sessions, *chat_ids: int) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        for chat_id in chat_ids:
            state = State(language="it", prompt=(("menu", "", "", "menu"),))
            await conversations.save_state(session, chat_id, state, EARLIER)


async def _row(sessions, chat_id: int) -> tuple[State, datetime] | None:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        row = (
            await session.execute(
                select(Conversation.state, Conversation.updated_at).where(
                    Conversation.telegram_id == chat_id
                )
            )
        ).first()
    return None if row is None else (conversations.state_from_json(row[0]), row[1])


async def test_delivered_buttons_are_remembered_and_nothing_else(
    sessions, bot: Bot, emulator: BotApiEmulator, catalogue: Catalogue
) -> None:  # type: ignore[no-untyped-def]
    await _known(sessions, ANNA, BLOCKED)
    emulator.block_user(BLOCKED)
    messenger = RememberingMessenger(
        TelegramMessenger(bot, catalogue), ShownButtons(sessions, catalogue.label_text)
    )

    pace = Pacer().wait_turn  # Telegram's one message a second per chat
    assert isinstance(await messenger.send(ANNA, question(), "it", pace=pace), Delivered)
    assert isinstance(await messenger.send(BLOCKED, question(), "it", pace=pace), Unreachable)
    assert isinstance(await messenger.send(STRANGER, question(), "it", pace=pace), Delivered)

    anna = await _row(sessions, ANNA)
    assert anna is not None
    state, updated_at = anna
    assert [(action, arg) for action, arg, _, _ in state.prompt][:2] == [
        ("followup", "employed"),
        ("followup", "self_employed"),
    ]
    assert "lavoro in proprio" in state.prompt[1][3].casefold()  # the label's words, in Italian
    assert updated_at == EARLIER  # the person did nothing: retention counts from before
    blocked = await _row(sessions, BLOCKED)
    assert blocked is not None and blocked[0].prompt == (("menu", "", "", "menu"),)
    assert await _row(sessions, STRANGER) is None  # no conversation made for a stranger

    # A message without buttons leaves the last buttons answerable.
    assert isinstance(await messenger.send(ANNA, Reply("fu-thanks"), "it", pace=pace), Delivered)
    again = await _row(sessions, ANNA)
    assert again is not None and again[0].prompt == state.prompt
