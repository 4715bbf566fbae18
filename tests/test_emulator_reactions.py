"""The emulator's setMessageReaction: what Telegram accepts from a bot, and a record of it
on the message that tests can read."""

from __future__ import annotations

import json
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot, ReactionType, ReactionTypeEmoji
from telegram.error import BadRequest

from tests.emulator import BotApiEmulator, TgUser
from tests.emulator.limits import REACTION_EMOJI

os.environ["NO_PROXY"] = ",".join(
    filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1", "localhost"])
)
os.environ["no_proxy"] = os.environ["NO_PROXY"]

OFFICIAL_SPEC = Path(__file__).resolve().parents[2] / "shared" / "telegram-bot-api" / "api.json"
ANNA = TgUser(501, first_name="Anna", language_code="it")


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        yield emu


@pytest.fixture
async def bot(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as ptb_bot:
        yield ptb_bot


def test_the_allowed_emoji_are_the_documented_ones() -> None:
    if not OFFICIAL_SPEC.exists():
        pytest.skip("official api.json not available")
    types = json.loads(OFFICIAL_SPEC.read_text())["types"]
    [field] = [f for f in types["ReactionTypeEmoji"]["fields"] if f["name"] == "emoji"]
    assert set(re.findall(r'"([^"]+)"', field["description"])) == REACTION_EMOJI


async def test_a_reaction_is_recorded_on_the_message(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_private_chat(ANNA)
    said = emulator.send_text(ANNA.id, "c'è qualcuno?", ANNA)["message"]
    assert emulator.reactions_on(ANNA.id, said["message_id"]) == []
    assert await bot.set_message_reaction(ANNA.id, said["message_id"], "👀")
    assert await emulator.wait_for_reaction(ANNA.id, said["message_id"]) == ["👀"]
    assert await bot.set_message_reaction(ANNA.id, said["message_id"])  # removed
    assert emulator.reactions_on(ANNA.id, said["message_id"]) == []
    assert emulator.violations == []


@pytest.mark.parametrize(
    ("reaction", "error"),
    [
        # An emoji, but not one Telegram offers as a reaction.
        ([ReactionTypeEmoji("🙂")], "REACTION_INVALID"),
        # PTB sends a string it does not know as a custom emoji: not on the message, refused.
        (["🙂"], "REACTION_INVALID"),
        (["👀", "👍"], "REACTIONS_TOO_MANY"),  # bots may set one
    ],
)
async def test_what_telegram_refuses_is_refused(
    emulator: BotApiEmulator, bot: Bot, reaction: list[str | ReactionType], error: str
) -> None:
    emulator.add_private_chat(ANNA)
    said = emulator.send_text(ANNA.id, "ciao", ANNA)["message"]
    with pytest.raises(BadRequest, match=f"(?i){error}"):  # PTB changes the case
        await bot.set_message_reaction(ANNA.id, said["message_id"], reaction)
    assert emulator.reactions_on(ANNA.id, said["message_id"]) == []
    assert len(emulator.violations) == 1 and error in emulator.violations[0]


async def test_a_missing_message_cannot_get_a_reaction(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_private_chat(ANNA)
    with pytest.raises(BadRequest, match="not found"):
        await bot.set_message_reaction(ANNA.id, 999, "👀")
    assert emulator.reactions_on(ANNA.id, 999) == []
