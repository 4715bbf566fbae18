"""The operators' agenda end to end: notices and the attendance question in the operators'
group, through the real bot process, the real PTB and the Bot API emulator.

The periodic job and the notices run in the composition root's scheduler; here the test
calls the same `AgendaDesk` methods itself (on a Bot of its own pointed at the emulator, on
the bot's database), so no test waits for a timer. The button presses are handled by the
real bot process.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram import Bot

from app.catalogue import Catalogue
from bot.operators.agenda import AgendaDesk
from dialogs.appointment_texts import no_show_reply
from store.db import create_engine_async, session_factory
from store.settings import PROJECT_ROOT
from tests.e2e.conftest import GIULIA, OPERATORS_GROUP
from tests.e2e.db import eventually, rows
from tests.e2e.people import Person
from tests.emulator.models import MessageView, TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = [pytest.mark.e2e, pytest.mark.bot_env(DEMO_SLOTS="false")]

CATALOGUE = Catalogue.load(PROJECT_ROOT / "locales")
INTRUDER = TgUser(id=666, first_name="Intruso")


def button(message: MessageView, label: str) -> str:
    return next(data for row in message.buttons for text, data in row if label in text and data)


def book_past_appointment(tmp_path: Path, telegram_id: int) -> int:
    """An orientation that ended an hour ago, booked by the person (written directly: the
    booking screens refuse the past, and this is about what happens afterwards)."""
    start = datetime.now(UTC) - timedelta(hours=2)
    stamp = start.strftime("%Y-%m-%d %H:%M:%S.%f")
    end = (start + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        [(person,)] = conn.execute(
            "SELECT id FROM beneficiaries WHERE telegram_id = ?", (telegram_id,)
        ).fetchall()
        slot = conn.execute(
            "INSERT INTO slots (type, starts_at, ends_at, place_id, operator, created_at)"
            " VALUES ('orientation', ?, ?, 'crema', 'Giulia (EXAMPLE)', ?)",
            (stamp, end, stamp),
        ).lastrowid
        return int(
            conn.execute(
                "INSERT INTO appointments (slot_id, beneficiary_id, status, booked_by,"
                " booked_at, updated_at, ics_sequence) VALUES (?, ?, 'booked', 'self', ?, ?, 0)",
                (slot, person, stamp, stamp),
            ).lastrowid
            or 0
        )


@pytest.fixture
async def desk(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[AgendaDesk]:
    engine = create_engine_async(f"sqlite:///{tmp_path / 'proximity.sqlite3'}")
    async with Bot(emulator.token, base_url=f"{emulator.url}/bot") as bot:
        yield AgendaDesk(
            bot, OPERATORS_GROUP, session_factory(engine), CATALOGUE,
            timezone="Europe/Rome", clock=lambda: datetime.now(UTC), places={"crema": "Crema"},
        )  # fmt: skip
    await engine.dispose()


async def ask(desk: AgendaDesk, emulator: BotApiEmulator) -> MessageView:
    await desk.ask_attendance()
    question = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert "Anna" in question.text and "è venuto/a" in question.text
    assert question.thread_id is None  # the General topic: the agenda's one place
    return question


def status(tmp_path: Path, appointment_id: int) -> tuple[str, str | None]:
    [row] = rows(
        tmp_path,
        f"SELECT status, attendance_marked_by FROM appointments WHERE id = {appointment_id}",
    )
    return row


async def test_a_no_show_marked_by_an_operator_gets_one_kind_message(
    consented_anna: Person, emulator: BotApiEmulator, desk: AgendaDesk, tmp_path: Path
) -> None:
    appointment = book_past_appointment(tmp_path, consented_anna.chat_id)
    question = await ask(desk, emulator)
    assert await desk.ask_attendance() == 0  # asked once, never again
    absent = button(question, "Non presente")
    assert absent == f"op:att:{appointment}:n"

    # Someone in the group who is not an operator: refused, nothing changes.
    pressed = emulator.press_button(OPERATORS_GROUP, question.message_id, absent, INTRUDER)
    refusal = await emulator.wait_for_call(
        lambda c: (
            c.method == "answerCallbackQuery"
            and c.params["callback_query_id"] == pressed["callback_query"]["id"]
        )
    )
    assert "solo per gli operatori" in refusal.params.get("text", "")
    assert status(tmp_path, appointment) == ("booked", None)

    before = len(emulator.sent_messages(consented_anna.chat_id))
    emulator.press_button(OPERATORS_GROUP, question.message_id, absent, GIULIA)
    edited = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert edited.is_edit and edited.message_id == question.message_id
    assert "❌ Non presente (segnato da Giulia)" in edited.text
    assert edited.buttons == []  # marked: no more buttons

    kind_message = await consented_anna.reply()
    expected = no_show_reply("orientation")
    assert kind_message.text == CATALOGUE.render(expected.key, "it", expected.params)
    assert "ap-new:orientation" in [data for row in kind_message.buttons for _, data in row]
    await eventually(lambda: status(tmp_path, appointment) == ("no_show", "operator:Giulia"))
    assert rows(tmp_path, "SELECT actor, action FROM audit_log WHERE action LIKE 'attend%'") == [
        (str(GIULIA.id), "attendance_no_show")
    ]
    assert len(emulator.sent_messages(consented_anna.chat_id)) == before + 1  # just the one


async def test_attended_sends_nothing_and_a_second_press_is_told_who_marked(
    consented_anna: Person, emulator: BotApiEmulator, desk: AgendaDesk, tmp_path: Path
) -> None:
    appointment = book_past_appointment(tmp_path, consented_anna.chat_id)
    question = await ask(desk, emulator)
    present, absent = button(question, "Presente"), button(question, "Non presente")
    before = len(emulator.sent_messages(consented_anna.chat_id))

    emulator.press_button(OPERATORS_GROUP, question.message_id, present, GIULIA)
    edited = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert "✅ Presente (segnato da Giulia)" in edited.text
    await eventually(lambda: status(tmp_path, appointment) == ("attended", "operator:Giulia"))

    # A stale copy of the buttons (another operator's client): pressing again changes nothing.
    marco = TgUser(id=556, first_name="Marco")
    emulator.add_member(OPERATORS_GROUP, marco)
    question_buttons = {"inline_keyboard": [[{"text": "x", "callback_data": absent}]]}
    emulator._chat(OPERATORS_GROUP).messages[question.message_id]["reply_markup"] = question_buttons
    pressed = emulator.press_button(OPERATORS_GROUP, question.message_id, absent, marco)
    answer = await emulator.wait_for_call(
        lambda c: (
            c.method == "answerCallbackQuery"
            and c.params["callback_query_id"] == pressed["callback_query"]["id"]
        )
    )
    assert "già stata segnata da Giulia" in answer.params.get("text", "")
    assert status(tmp_path, appointment) == ("attended", "operator:Giulia")
    assert len(emulator.sent_messages(consented_anna.chat_id)) == before  # nothing to Anna


async def test_a_person_who_blocked_the_bot_is_marked_unreachable(
    consented_anna: Person, emulator: BotApiEmulator, desk: AgendaDesk, tmp_path: Path
) -> None:
    appointment = book_past_appointment(tmp_path, consented_anna.chat_id)
    question = await ask(desk, emulator)
    emulator.block_user(consented_anna.chat_id)
    emulator.press_button(
        OPERATORS_GROUP, question.message_id, button(question, "Non presente"), GIULIA
    )
    await emulator.next_message(OPERATORS_GROUP, timeout=15)  # the marked question
    await eventually(
        lambda: rows(tmp_path, "SELECT unreachable_since IS NOT NULL FROM beneficiaries") == [(1,)]
    )
    assert status(tmp_path, appointment)[0] == "no_show"


async def test_notices_reach_the_group(
    consented_anna: Person, emulator: BotApiEmulator, desk: AgendaDesk, tmp_path: Path
) -> None:
    appointment = book_past_appointment(tmp_path, consented_anna.chat_id)
    expected = {
        "booked": "📅 Prenotato: Anna",
        "moved": "🔁 Spostato: Anna",
        "cancelled": "❌ Annullato: Anna",
        "unreachable": "⚠️ Promemoria non consegnato",
        "unconfirmed": "❓ Nessuna conferma",
    }
    for kind, start in expected.items():
        assert await desk.notify(kind, appointment)
        notice = await emulator.next_message(OPERATORS_GROUP, timeout=15)
        assert notice.text.startswith(start), notice.text
        assert f"id {consented_anna.chat_id}" in notice.text and "Crema" in notice.text
        assert "colloquio di orientamento" in notice.text
        assert notice.request.get("parse_mode") is None  # plain text: names stay text
    assert not await desk.notify("booked", 987654)  # no such appointment: nothing posted
