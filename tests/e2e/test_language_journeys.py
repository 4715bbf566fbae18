"""The language people write in, end to end: detected by the real bot, offered, switched
only by a button press."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e


def labels(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [text for row in message.buttons for text, _ in row]


async def test_romanian_on_an_italian_phone_is_offered_romanian_and_goes_on_in_it(
    bot: BotProcess, emulator: BotApiEmulator
) -> None:
    ioana = Person(emulator, TgUser(id=2001, first_name="Ioana", language_code="it"))
    welcome = await ioana.command("/start")
    assert "PROXIMITY.CR" in welcome.text and "Sei d'accordo?" in welcome.text

    # Before consent: the offer first, in Romanian, then the notice (still Italian).
    offer = await ioana.say("bună ziua, caut un loc de muncă și un curs")
    assert "Vorbești română?" in offer.text
    assert labels(offer) == ["🇷🇴 Română", "Nu, rămân la italiană"]
    notice = await ioana.reply()
    assert "consenso" in notice.text

    switched = await ioana.press("Română")
    assert "vorbesc în limba română" in switched.text
    again = await ioana.reply()
    assert "am nevoie de acordul tău" in again.text
    thanks = await ioana.press("Accept")
    assert "Mulțumesc" in thanks.text
    menu = await ioana.reply()
    assert "Ce vrei să faci?" in menu.text

    # The conversation goes on in Romanian, with no further offer.
    hello = await ioana.say("buna ziua, ce cursuri aveti?")
    assert not any("Vorbești" in m.text for m in emulator.sent_messages(ioana.chat_id)[-1:])
    assert hello.text and "Cosa" not in hello.text


async def test_keeping_italian_is_remembered(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    answer = await consented_anna.say("hello, I am looking for a job in Crema")
    offer = await consented_anna.reply()
    assert answer.text and "Do you speak English?" in offer.text
    kept = await consented_anna.press("No, keep Italian")
    assert "continuo in italiano" in kept.text
    await consented_anna.say("hello, can I book an appointment for tomorrow?")
    follow = await consented_anna.say("buongiorno")
    while "Come posso aiutarti" not in follow.text:  # whatever the booking question showed
        follow = await consented_anna.reply()
    after_keep = emulator.sent_messages(consented_anna.chat_id)
    after_keep = after_keep[[m.message_id for m in after_keep].index(kept.message_id) :]
    assert not any("Do you speak English?" in m.text for m in after_keep)


async def test_mentioning_a_language_does_not_switch(consented_anna: Person) -> None:
    first = await consented_anna.say("my Italian is not very good")
    # Read as a request about languages: the language buttons. Read as anything else:
    # that answer, then the offer of English. Never a switch.
    if "🇬🇧 English" not in labels(first):
        offer = await consented_anna.reply()
        assert "Do you speak English?" in offer.text
    follow = await consented_anna.say("buongiorno")
    assert "Come posso aiutarti" in follow.text


async def test_a_new_language_is_kept_for_reminders_and_notices(
    consented_anna: Person, tmp_path: Path
) -> None:
    """The scheduler writes in the profile's language, so a switch must reach the profile."""
    await consented_anna.command("/lingua")
    await consented_anna.press("English")
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        [(language,)] = conn.execute(
            "SELECT language FROM beneficiaries WHERE telegram_id = ?", (consented_anna.chat_id,)
        )
    assert language == "en"
