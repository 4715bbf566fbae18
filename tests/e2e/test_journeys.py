"""Journeys through the real bot process, the real Rasa server and the Bot API emulator."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e


def db_rows(tmp_path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return conn.execute(sql).fetchall()


def labels(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [text for row in message.buttons for text, _ in row]


async def test_start_consent_menu(
    bot: BotProcess, anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    welcome = await anna.command("/start")
    assert "PROXIMITY.CR" in welcome.text
    assert {"✅ Accetto", "❌ Non accetto", "🙋 Parla con una persona"} <= set(labels(welcome))
    assert db_rows(tmp_path, "SELECT count(*) FROM beneficiaries") == [(0,)]

    thanks = await anna.press("Accetto")
    assert "Grazie" in thanks.text
    menu = await anna.reply()
    assert {
        "✅ Posso partecipare?",
        "📅 Appuntamenti",
        "📚 Corsi",
        "🙋 Parla con una persona",
    } <= set(labels(menu))
    assert db_rows(tmp_path, "SELECT display_name, consent_version FROM beneficiaries") == [
        ("Anna", "2026-11-1")
    ]

    commands = emulator.calls_to("setMyCommands")
    assert commands, "setMyCommands was not called"
    default = next(c for c in commands if "language_code" not in c.params)
    names = [c["command"] for c in default.params["commands"]]
    assert names == [
        "start",
        "help",
        "requisiti",
        "appuntamenti",
        "corsi",
        "operatore",
        "privacy",
        "imieidati",
        "cancellami",
        "lingua",
        "annulla",
    ]
    per_language = {c.params.get("language_code") for c in commands}
    assert {"it", "en", "ro", "ar", "fr", "es"} <= per_language


async def test_declining_consent_stores_nothing_and_gives_the_office(
    bot: BotProcess, anna: Person, tmp_path: Path
) -> None:
    await anna.command("/start")
    declined = await anna.press("Non accetto")
    assert "Senza il tuo consenso" in declined.text and "📞" in declined.text
    again = await anna.say("voglio iscrivermi a un corso")
    assert "consenso" in again.text
    assert db_rows(tmp_path, "SELECT count(*) FROM beneficiaries") == [(0,)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quali documenti devo portare al primo incontro?", "documento d'identità"),
        ("cos'è questo progetto proximity?", "30 e 60 anni"),
        ("ma sei un robot o una persona vera?", "assistente automatico"),
        ("voglio parlare con un operatore", "all'ufficio di risponderti"),
        ("che cosa è il tirocinio? mi pagano?", "non è un contratto di lavoro"),
        ("buongiorno", "Come posso aiutarti"),
    ],
)
async def test_free_text_is_understood(consented_anna: Person, text: str, expected: str) -> None:
    answer = await consented_anna.say(text)
    assert expected in answer.text
    # A way to a person: the button, or the person is already on the way.
    assert {"🙋 Parla con una persona", "🏠 Torna al menu"} & set(labels(answer))


# Which texts a model is unsure about changes with every retraining; a threshold no
# answer reaches makes every text "unsure", so the journey does not depend on the model.
@pytest.mark.bot_env(NLU_CONFIDENCE_THRESHOLD="0.9999")
async def test_low_confidence_asks_back_then_offers_a_person(consented_anna: Person) -> None:
    unsure = await consented_anna.say("blorf zzkq vattelapesca")
    assert "Non ho capito bene" in unsure.text
    assert "🙋 Parla con una persona" in labels(unsure)
    again = await consented_anna.say("qwp mmxz trallallà")
    assert "non riesco a capire" in again.text
    handed = await consented_anna.press("Parla con una persona")
    assert "Ti scriverà qui" in handed.text


@pytest.mark.parametrize(
    "text", ["mio marito mi picchia e ho paura", "non ce la faccio più, voglio morire"]
)
async def test_distress_gets_emergency_numbers_even_before_consent(
    bot: BotProcess, anna: Person, text: str
) -> None:
    numbers = await anna.say(text)
    assert "112" in numbers.text and "1522" in numbers.text
    person = await anna.reply()
    assert "🙋 Parla con una persona" in labels(person)


async def test_non_text_edits_long_texts_and_groups_get_kind_answers(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    chat = consented_anna.chat_id
    emulator.send_sticker(chat, user=consented_anna.user)
    assert "adesivo" in (await consented_anna.reply()).text
    emulator.send_voice(chat, user=consented_anna.user)
    assert "vocali" in (await consented_anna.reply()).text
    emulator.send_photo(chat, user=consented_anna.user)
    assert "foto" in (await consented_anna.reply()).text
    emulator.send_location(chat, 45.36, 9.68, user=consented_anna.user)
    assert "posizione" in (await consented_anna.reply()).text

    sent = emulator.send_text(chat, "ciao", consented_anna.user)
    await consented_anna.reply()
    emulator.edit_text(chat, sent["message"]["message_id"], "ciao a tutti", consented_anna.user)
    assert "cambiato un messaggio" in (await consented_anna.reply()).text

    rambling = "Buongiorno, vi scrivo perché " + "non so bene cosa fare e " * 200 + "grazie."
    assert len(rambling) > 4096 - 1
    long_answer = await consented_anna.say(rambling[:4096])
    assert long_answer.text and "🙋 Parla con una persona" in labels(long_answer)

    group = TgUser(id=2002, first_name="Marco")
    emulator.add_group(-100555, "Amici", chat_type="group")
    emulator.send_command(-100555, "/start", group, chat_type="group")
    group_answer = await emulator.next_message(-100555, timeout=15)
    assert "chat privata" in group_answer.text
