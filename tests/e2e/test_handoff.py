"""Handoff journeys with two sides: a person's private chat and the operators' forum group."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.conftest import DATA, GIULIA, OPERATORS_GROUP, start_bot
from tests.e2e.db import eventually, rows
from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.emulator.models import MessageView, TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e


def labels(message: MessageView) -> list[str]:
    return [text for row in message.buttons for text, _ in row]


def button(message: MessageView, label: str) -> str:
    return next(data for row in message.buttons for text, data in row if label in text and data)


async def group_message(emulator: BotApiEmulator) -> MessageView:
    return await emulator.next_message(OPERATORS_GROUP, timeout=15)


def handoff_status(tmp_path: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return list(conn.execute("SELECT status, claimed_by_name FROM handoffs ORDER BY id"))


async def test_request_card_claim_both_ways_close(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    await consented_anna.say("scusate, non trovo il modulo per il tirocinio <b>urgente</b>")
    handed = await consented_anna.press("Parla con una persona")
    assert "Ti scriverà qui" in handed.text

    card = await group_message(emulator)
    assert card.thread_id is not None
    assert "Richiesta di contatto" in card.text and "Anna" in card.text
    assert "Lingua: it" in card.text
    assert "<b>urgente</b>" in card.text  # shown as typed: escaped, not formatted
    assert card.request.get("parse_mode") == "HTML"
    assert labels(card) == ["✋ Prendo io", "✅ Chiudi", "📋 Più dettagli"]

    emulator.press_button(OPERATORS_GROUP, card.message_id, button(card, "Prendo io"), GIULIA)
    edited = await group_message(emulator)
    assert edited.is_edit and "La prende Giulia" in edited.text
    await eventually(lambda: handoff_status(tmp_path) == [("claimed", "Giulia")])

    said = emulator.send_text(
        consented_anna.chat_id, "buongiorno, ho bisogno di aiuto", consented_anna.user
    )["message"]
    relayed = await group_message(emulator)
    assert relayed.method == "copyMessage" and relayed.thread_id == card.thread_id
    assert await emulator.wait_for_reaction(consented_anna.chat_id, said["message_id"]) == ["👀"]
    emulator.send_photo(consented_anna.chat_id, user=consented_anna.user)
    assert (await group_message(emulator)).method == "copyMessage"

    emulator.send_text(
        OPERATORS_GROUP, "Ciao Anna, ti aiuto io.", GIULIA, chat_type="supergroup",
        thread_id=card.thread_id, is_forum=True,
    )  # fmt: skip
    answer = await consented_anna.reply()
    assert answer.text == "👤 Giulia: Ciao Anna, ti aiuto io."
    emulator.send_photo(
        OPERATORS_GROUP,
        user=GIULIA,
        chat_type="supergroup",
        thread_id=card.thread_id,
        is_forum=True,
    )
    photo = await consented_anna.reply()
    assert photo.method == "copyMessage" and "Giulia" in photo.text

    emulator.send_command(
        OPERATORS_GROUP,
        "/chiudi",
        GIULIA,
        chat_type="supergroup",
        thread_id=card.thread_id,
        is_forum=True,
    )
    back = await consented_anna.reply()
    assert "ha chiuso la conversazione" in back.text
    await consented_anna.reply()  # the menu
    assert "Come posso aiutarti" in (await consented_anna.say("buongiorno")).text  # the bot again
    await eventually(lambda: handoff_status(tmp_path)[-1][0] == "closed")


@pytest.mark.bot_env(PROGRAMME_FILE=str(DATA / "programme_closed.yaml"))
async def test_distress_out_of_hours_is_urgent(
    bot: BotProcess, anna: Person, emulator: BotApiEmulator
) -> None:
    numbers = await anna.say("mio marito mi picchia, ho paura")
    assert "112" in numbers.text
    await anna.reply()  # a person: the office and its phone
    out_of_hours = await anna.reply()
    assert "l'ufficio è chiuso" in out_of_hours.text and "1522" in out_of_hours.text
    card = await group_message(emulator)
    assert "URGENTE" in card.text and "emergenza" in card.text
    relayed = await group_message(emulator)
    assert relayed.method == "copyMessage"  # the operators see what was written


@pytest.mark.bot_env(REANNOUNCE_CHECK_SECONDS="1")
async def test_an_unclaimed_request_is_announced_again(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    await consented_anna.press("Parla con una persona")
    card = await group_message(emulator)
    again = await group_message(emulator)
    assert "aspetta ancora un operatore" in again.text
    assert again.thread_id == card.thread_id


async def test_a_deleted_topic_is_recreated(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    await consented_anna.press("Parla con una persona")
    card = await group_message(emulator)
    emulator._chat(OPERATORS_GROUP).topics[card.thread_id].deleted = True  # an operator deleted it
    emulator.send_text(consented_anna.chat_id, "ci siete?", consented_anna.user)
    new_card = await group_message(emulator)
    assert new_card.thread_id != card.thread_id and "Anna" in new_card.text
    relayed = await group_message(emulator)
    assert relayed.method == "copyMessage" and relayed.thread_id == new_card.thread_id


async def test_non_operators_get_no_operator_powers(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    intruder = TgUser(id=666, first_name="Intruso")
    await consented_anna.press("Parla con una persona")
    card = await group_message(emulator)
    await eventually(lambda: handoff_status(tmp_path) == [("open", None)])

    pressed = emulator.press_button(
        OPERATORS_GROUP, card.message_id, button(card, "Prendo io"), intruder
    )
    answer = await emulator.wait_for_call(
        lambda c: (
            c.method == "answerCallbackQuery"
            and c.params["callback_query_id"] == pressed["callback_query"]["id"]
        )
    )
    assert "solo per gli operatori" in answer.params.get("text", "")
    assert handoff_status(tmp_path) == [("open", None)]

    emulator.send_command(
        OPERATORS_GROUP,
        f"/scrivi {consented_anna.chat_id}",
        intruder,
        chat_type="supergroup",
        is_forum=True,
    )
    refused = await group_message(emulator)
    assert "solo per gli operatori" in refused.text

    emulator.send_text(
        OPERATORS_GROUP,
        "ti scrivo io",
        intruder,
        chat_type="supergroup",
        thread_id=card.thread_id,
        is_forum=True,
    )
    emulator.send_text(consented_anna.chat_id, "/operatore", consented_anna.user)
    await asyncio.sleep(1)
    assert not any("ti scrivo io" in m.text for m in emulator.sent_messages(consented_anna.chat_id))


async def test_restart_during_an_open_handoff(
    consented_anna: Person, bot: BotProcess, emulator: BotApiEmulator
) -> None:
    await consented_anna.press("Parla con una persona")
    card = await group_message(emulator)
    await bot.astop()
    await start_bot(bot, emulator)
    emulator.send_text(consented_anna.chat_id, "sono ancora qui", consented_anna.user)
    relayed = await group_message(emulator)
    assert relayed.method == "copyMessage" and relayed.thread_id == card.thread_id
    assert "resta in coda" in (await consented_anna.reply()).text  # still waiting, and told
    emulator.send_text(
        OPERATORS_GROUP,
        "Eccomi",
        GIULIA,
        chat_type="supergroup",
        thread_id=card.thread_id,
        is_forum=True,
    )
    assert (await consented_anna.reply()).text == "👤 Giulia: Eccomi"


async def test_details_on_request_and_erasure_is_told_to_the_topic(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    await consented_anna.press("Parla con una persona")
    card = await group_message(emulator)
    emulator.press_button(OPERATORS_GROUP, card.message_id, button(card, "dettagli"), GIULIA)
    details = await group_message(emulator)
    assert "verifica dei requisiti" in details.text and details.thread_id == card.thread_id
    await eventually(lambda: ("viewed_details",) in rows(tmp_path, "SELECT action FROM audit_log"))

    await consented_anna.command("/cancellami")
    await consented_anna.press("Sì, cancella tutto")
    told = await group_message(emulator)
    assert "ha cancellato i suoi dati" in told.text and told.thread_id == card.thread_id
    await eventually(lambda: rows(tmp_path, "SELECT count(*) FROM handoffs") == [(0,)])


async def test_an_operator_writes_first_and_replies_keep_their_link(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    emulator.send_command(
        OPERATORS_GROUP,
        f"/scrivi {consented_anna.chat_id}",
        GIULIA,
        chat_type="supergroup",
        is_forum=True,
    )
    card = await group_message(emulator)
    assert "un operatore ha scritto per primo" in card.text
    opened = await group_message(emulator)
    assert "Conversazione aperta" in opened.text and opened.thread_id == card.thread_id

    asked = emulator.send_text(
        OPERATORS_GROUP, "Buongiorno Anna, hai 5 minuti?", GIULIA, chat_type="supergroup",
        thread_id=card.thread_id, is_forum=True,
    )  # fmt: skip
    question = await consented_anna.reply()
    assert question.text == "👤 Giulia: Buongiorno Anna, hai 5 minuti?"
    emulator.send_text(
        consented_anna.chat_id, "sì certo", consented_anna.user, reply_to=question.message_id
    )
    answer = await group_message(emulator)
    # Anna answered Giulia's message, so in the topic the copy answers Giulia's original.
    reply_to = (answer.request.get("reply_parameters") or {}).get("message_id")
    assert answer.method == "copyMessage" and reply_to == asked["message"]["message_id"]


async def test_in_private_an_operator_only_gets_the_read_only_list(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    await consented_anna.press("Parla con una persona")
    await group_message(emulator)
    giulia = Person(emulator, GIULIA)
    cases = await giulia.command("/casi")
    assert "Richieste aperte: 1" in cases.text and "Anna" in cases.text
    assert cases.buttons == []  # read-only: nothing to press
    stranger = Person(emulator, TgUser(id=777, first_name="Marco"))
    refused = await stranger.command("/casi")
    assert "Richieste aperte" not in refused.text  # the normal dialog: consent first


@pytest.mark.bot_env(OPERATOR_CHAT_ID="-100123456")  # a group the bot is not in
async def test_an_unreachable_operators_group_never_leaves_the_person_waiting(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    handed = await consented_anna.press("Parla con una persona")
    assert "Ti scriverà qui" in handed.text
    failed = await consented_anna.reply()
    assert "non riesco a far arrivare la tua richiesta" in failed.text
    assert "0373 111111" in failed.text
    assert "Come posso aiutarti" in (await consented_anna.say("buongiorno")).text  # not stuck


def bot_texts_since(emulator: BotApiEmulator, person: Person, count: int) -> list[str]:
    return [m.text for m in emulator.sent_messages(person.chat_id)[count:]]


@pytest.mark.bot_env(PROGRAMME_FILE=str(DATA / "programme_closed.yaml"))
async def test_waiting_out_of_hours_the_person_is_answered_and_every_message_acknowledged(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    anna = consented_anna
    closed = await anna.press("Parla con una persona")
    assert "l'ufficio è chiuso" in closed.text
    card = await group_message(emulator)

    # Nobody has claimed it, and the office is closed: a frightened question is not met
    # with silence. It reaches the operators, gets 👀, and the queue note says when.
    anyone = emulator.send_text(anna.chat_id, "c'è qualcuno?", anna.user)["message"]
    note = await anna.reply()
    assert "resta in coda" in note.text and "a partire da" in note.text
    assert "Torna al menu" in labels(note)[0]
    relayed = await group_message(emulator)
    assert relayed.method == "copyMessage" and relayed.thread_id == card.thread_id
    assert await emulator.wait_for_reaction(anna.chat_id, anyone["message_id"]) == ["👀"]

    # A question the assistant knows is answered meanwhile, and relayed too; the note
    # does not come back within minutes.
    before = len(emulator.sent_messages(anna.chat_id))
    asked = emulator.send_text(anna.chat_id, "quali documenti devo portare?", anna.user)
    answer = await anna.reply()
    assert "documento d'identità" in answer.text
    assert (await group_message(emulator)).method == "copyMessage"
    assert await emulator.wait_for_reaction(anna.chat_id, asked["message"]["message_id"])
    assert bot_texts_since(emulator, anna, before) == [answer.text]  # and no second note

    # An operator claims it: from now on the bot says nothing, the operator answers.
    emulator.press_button(OPERATORS_GROUP, card.message_id, button(card, "Prendo io"), GIULIA)
    assert "La prende Giulia" in (await group_message(emulator)).text
    await eventually(lambda: handoff_status(tmp_path) == [("claimed", "Giulia")])
    before = len(emulator.sent_messages(anna.chat_id))
    later = emulator.send_text(anna.chat_id, "quando apre l'ufficio?", anna.user)["message"]
    assert (await group_message(emulator)).method == "copyMessage"
    assert await emulator.wait_for_reaction(anna.chat_id, later["message_id"]) == ["👀"]
    assert bot_texts_since(emulator, anna, before) == []  # no text from the bot

    # Telegram refusing the reaction changes nothing else: relayed, and the next one gets it.
    emulator.fail_next("setMessageReaction", status=400, description="Bad Request: no rights")
    refused = emulator.send_text(anna.chat_id, "ci sei?", anna.user)["message"]
    assert (await group_message(emulator)).method == "copyMessage"
    await emulator.wait_for_call(lambda c: c.method == "setMessageReaction" and c.status == 400)
    assert emulator.reactions_on(anna.chat_id, refused["message_id"]) == []
    again = emulator.send_text(anna.chat_id, "grazie", anna.user)["message"]
    assert (await group_message(emulator)).method == "copyMessage"
    assert await emulator.wait_for_reaction(anna.chat_id, again["message_id"]) == ["👀"]


async def test_leaving_an_urgent_request_asks_first_and_keeps_it_open(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    anna = consented_anna
    numbers = await anna.say("mio marito mi picchia, ho paura")
    assert "112" in numbers.text
    started = (await anna.expect(2))[-1]
    assert "Ti scriverà qui" in started.text
    card = await group_message(emulator)
    assert "URGENTE" in card.text
    assert (await group_message(emulator)).method == "copyMessage"

    asked = await anna.press("Torna al menu")
    assert "Vuoi tornare al menu?" in asked.text
    assert labels(asked) == ["Sì, torna al menu", "No, resto in attesa"]
    stay = await anna.press("No, resto in attesa")
    assert "resta in coda" in stay.text
    assert handoff_status(tmp_path) == [("open", None)]

    await anna.press("Torna al menu")
    left = await anna.press("Sì, torna al menu")
    assert "resta aperta" in left.text
    await anna.reply()  # the menu
    told = await group_message(emulator)
    assert "tornata al menu" in told.text and "resta aperta" in told.text
    assert told.thread_id == card.thread_id
    assert handoff_status(tmp_path) == [("open", None)]  # an operator still calls back

    # The assistant answers again, and what the person writes is no longer relayed.
    assert "Come posso aiutarti" in (await anna.say("buongiorno")).text
    emulator.send_text(
        OPERATORS_GROUP, "Anna, ti chiamo adesso.", GIULIA, chat_type="supergroup",
        thread_id=card.thread_id, is_forum=True,
    )  # fmt: skip
    assert (await anna.reply()).text == "👤 Giulia: Anna, ti chiamo adesso."


async def test_a_message_to_a_request_closed_unheard_gets_the_menu_not_silence(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """Anna's request was closed days ago without her conversation learning it (a crash
    older than the start-up repair's window, simulated in the database). Her next message
    reaches no operator: she is told the conversation was closed and gets the menu."""
    await consented_anna.press("Parla con una persona")
    card = await group_message(emulator)
    emulator.press_button(OPERATORS_GROUP, card.message_id, button(card, "Prendo io"), GIULIA)
    await eventually(lambda: handoff_status(tmp_path) == [("claimed", "Giulia")])
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        conn.execute(
            "UPDATE handoffs SET status = 'closed', closed_by = 'Giulia',"
            " closed_at = datetime('now', '-3 days')"
        )
    back = await consented_anna.say("ci siete ancora?")
    assert "ha chiuso la conversazione" in back.text
    await consented_anna.reply()  # the menu
    assert "Come posso aiutarti" in (await consented_anna.say("buongiorno")).text
