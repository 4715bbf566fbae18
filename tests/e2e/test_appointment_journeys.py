"""Appointment journeys through the real bot, the real Rasa server and the emulator:
pre-screening to booking, the calendar file, moving, cancelling, and the operators told."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from store.migrate import upgrade
from tests.e2e.conftest import OPERATORS_GROUP, assert_no_personal_data_in, start_bot
from tests.e2e.people import Person
from tests.e2e.processes import PROXIMITY, BotProcess
from tests.emulator.models import MessageView
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e
ROME = ZoneInfo("Europe/Rome")


def local_days_ahead(days: int, hour: int) -> datetime:
    day = datetime.now(ROME).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=ROME)


# Three orientation slots a few days ahead: far enough that no reminder is due during
# the test, and seeded before the bot starts, so the demo availability stays out.
SLOTS = [
    (1, local_days_ahead(3, 10), "crema"),
    (2, local_days_ahead(3, 11), "crema"),
    (3, local_days_ahead(4, 15), "rivolta"),
]


def seed_slots(database: Path) -> None:
    upgrade(f"sqlite:///{database}")
    with sqlite3.connect(database) as conn:
        for slot_id, start, place in SLOTS:
            conn.execute(
                "INSERT INTO slots (id, type, starts_at, ends_at, place_id, operator, created_at)"
                " VALUES (?, 'orientation', ?, ?, ?, 'Giulia', ?)",
                (
                    slot_id,
                    _utc(start),
                    _utc(start + timedelta(minutes=45)),
                    place,
                    _utc(datetime.now(ROME)),
                ),
            )


def _utc(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M:%S.%f")


def appointments(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return conn.execute(
            "SELECT id, slot_id, status, cancel_reason, ics_sequence FROM appointments ORDER BY id"
        ).fetchall()


def reminders(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return conn.execute(
            "SELECT appointment_id, label, status FROM reminders ORDER BY appointment_id, label"
        ).fetchall()


def labels(message: MessageView) -> list[str]:
    return [text for row in message.buttons for text, _ in row]


def calendar_event(emulator: BotApiEmulator, chat_id: int, index: int = -1):  # type: ignore[no-untyped-def]
    sent = [c for c in emulator.calls_to("sendDocument") if int(c.params["chat_id"]) == chat_id]
    calendar = Calendar.from_ical(sent[index].files["document"].data)
    [event] = calendar.walk("VEVENT")
    return calendar, event


@pytest.fixture
async def booking_bot(
    bot_env: dict[str, str], emulator: BotApiEmulator, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    seed_slots(tmp_path / "proximity.sqlite3")
    process = BotProcess(bot_env, tmp_path / "bot.log")
    await start_bot(process, emulator)
    yield process
    code = await process.astop()
    assert code in (0, None), process.log()[-3000:]
    assert "Traceback" not in process.log(), process.log()[-5000:]
    assert_no_personal_data_in(process.log(), emulator)


@pytest.fixture
async def eligible_anna(booking_bot: BotProcess, anna: Person) -> Person:
    """Consent, then the pre-screening answered in words and buttons: likely eligible."""
    await anna.command("/start")
    await anna.press("Accetto")
    await anna.expect(1)
    await anna.say("ho 45 anni e non lavoro, posso partecipare al progetto?")
    await anna.reply()
    # "non lavoro" was said in the first message: the work question is skipped.
    services = await anna.say("abito a crema")
    assert "Ti segue già un servizio?" in services.text
    await anna.press("Sì")
    await anna.press("Sì")
    result = await anna.press("No")
    assert "Sembra che tu possa partecipare" in result.text
    return anna


async def test_book_from_the_prescreening_then_move_then_cancel(
    eligible_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    anna = eligible_anna
    listing = await anna.press("Prenota un colloquio")
    assert "orari liberi" in listing.text
    first, second, third = (labels(listing)[i] for i in range(3))
    assert "10:00" in first and "Crema" in first and "Rivolta" in third

    ask = await anna.press(first)
    assert "Vuoi prenotare" in ask.text and "10:00" in ask.text
    booked = await anna.press("Sì, prenota")
    assert "Fatto!" in booked.text and "Porta con te" in booked.text
    ics = await anna.reply()
    assert ics.method == "sendDocument"
    calendar, event = calendar_event(emulator, anna.chat_id)
    uid = str(event["UID"])
    assert str(calendar["METHOD"]) == "REQUEST" and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == SLOTS[0][1]
    [(appointment_id, slot_id, status, _, _)] = appointments(tmp_path)
    assert (slot_id, status) == (1, "booked")
    assert {label for _, label, _ in reminders(tmp_path)} == {"24h", "2h"}
    notice = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert "Anna" in notice.text

    mine = await anna.command("/appuntamenti")
    assert "Hai un appuntamento" in mine.text
    intro = await anna.press("Sposta")
    assert "il vecchio resta tuo" in intro.text
    await anna.reply()  # the free times
    await anna.press(second)
    moved = await anna.press("Sì, prenota")
    assert "Ho spostato" in moved.text and "11:00" in moved.text
    await anna.reply()
    _, moved_event = calendar_event(emulator, anna.chat_id)
    assert str(moved_event["UID"]) == uid and int(moved_event["SEQUENCE"]) == 1
    assert appointments(tmp_path)[0][1:3] == (2, "booked")  # the same booking, moved

    await anna.command("/appuntamenti")
    why = await anna.press("Annulla")
    assert "Mi dici perché" in why.text
    cancelled = await anna.press("Ho un altro impegno")
    assert "Ho annullato" in cancelled.text
    await anna.reply()
    calendar, cancel_event = calendar_event(emulator, anna.chat_id)
    assert str(calendar["METHOD"]) == "CANCEL" and str(cancel_event["UID"]) == uid
    assert int(cancel_event["SEQUENCE"]) == 2
    assert appointments(tmp_path) == [(appointment_id, 2, "cancelled", "busy", 2)]
    assert {status for _, _, status in reminders(tmp_path)} == {"skipped"}

    # The freed slot is offered again.
    again = await anna.press("Prenota un altro giorno")
    assert any("11:00" in label for label in labels(again))


async def test_a_forged_slot_button_books_nothing(
    booking_bot: BotProcess, anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """Anna has not done the pre-screening, so orientation is not open to her yet. A client
    can send any callback data (the emulator's own button check is bypassed here)."""
    await anna.command("/start")
    await anna.press("Accetto")
    await anna.expect(1)
    message = emulator.sent_messages(anna.chat_id)[-1]
    emulator.inject_update(
        {
            "callback_query": {
                "id": "forged-1",
                "from": anna.user.to_dict(),
                "message": message.raw,
                "chat_instance": "1",
                "data": "ap-y:1",
            }
        }
    )
    answer = await anna.reply()
    assert "non è più libero" in answer.text  # slot 1 is free, but not for her
    assert appointments(tmp_path) == []
    first_questions = await anna.reply()
    assert "Prima di prenotare" in first_questions.text


async def test_someone_else_was_faster(
    eligible_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """The list was shown, then the slot was taken before Anna confirmed: the database
    refuses her booking and she gets the fresh list."""
    listing = await eligible_anna.press("Prenota un colloquio")
    await eligible_anna.press(labels(listing)[0])
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        conn.execute(
            "INSERT INTO beneficiaries (telegram_id, language, created_at, last_seen_at)"
            " VALUES (42, 'it', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO appointments (slot_id, beneficiary_id, status, booked_by, booked_at,"
            " updated_at, ics_sequence) SELECT 1, id, 'booked', 'operator', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', 0 FROM beneficiaries WHERE telegram_id = 42"
        )
    refused = await eligible_anna.press("Sì, prenota")
    assert "non è più libero" in refused.text
    fresh = await eligible_anna.reply()
    assert "10:00" not in " ".join(labels(fresh)) and "11:00" in " ".join(labels(fresh))
    assert [row[2] for row in appointments(tmp_path)] == ["booked"]  # only the other one


async def test_free_text_booking_with_a_wish(eligible_anna: Person) -> None:
    wish = SLOTS[2][1].strftime("%A")  # e.g. "Saturday": the day of the third slot
    italian = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
    day = italian[SLOTS[2][1].weekday()]
    assert wish  # the weekday is computed, not hard-coded, so the test runs on any date
    answer = await eligible_anna.say(f"vorrei prenotare un colloquio {day} pomeriggio")
    shown = labels(answer)
    assert any("15:00" in label for label in shown)
    assert not any("10:00" in label for label in shown)


async def test_the_case_card_shows_upcoming_appointments(
    eligible_anna: Person, emulator: BotApiEmulator
) -> None:
    listing = await eligible_anna.press("Prenota un colloquio")
    await eligible_anna.press(labels(listing)[0])
    await eligible_anna.press("Sì, prenota")
    await eligible_anna.reply()  # the calendar file
    await emulator.next_message(OPERATORS_GROUP, timeout=15)  # the booking notice
    await eligible_anna.press("Parla con una persona")
    card = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert "Appuntamenti e corsi:" in card.text
    assert "colloquio di orientamento · Crema ❔" in card.text


FAST_REMINDERS = str(Path(__file__).parent / "data" / "appointments_fast.yaml")


@pytest.mark.bot_env(APPOINTMENTS_FILE=FAST_REMINDERS)
async def test_a_reminder_arrives_once_and_is_confirmed(
    bot: BotProcess, anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """One reminder 100 s before: booked two minutes ahead, it is due within seconds.
    Anna confirms it by typing "sì"."""
    await anna.command("/start")
    await anna.press("Accetto")
    await anna.expect(1)
    database = tmp_path / "proximity.sqlite3"
    soon = datetime.now(ROME) + timedelta(minutes=2)
    with sqlite3.connect(database) as conn:
        conn.execute(
            "INSERT INTO prescreenings (beneficiary_id, rules_version, outcome, answers, criteria,"
            " created_at) SELECT id, 'r', 'likely_eligible', '{}', '[]', ? FROM beneficiaries",
            (_utc(datetime.now(ROME)),),
        )
        conn.execute(
            "INSERT INTO slots (type, starts_at, ends_at, place_id, operator, created_at)"
            " VALUES ('orientation', ?, ?, 'crema', 'Giulia', ?)",
            (_utc(soon), _utc(soon + timedelta(minutes=45)), _utc(datetime.now(ROME))),
        )
    listing = await anna.command("/appuntamenti")
    hour = f"{soon.hour}:{soon.minute:02d}"
    slot_label = next(label for label in labels(listing) if hour in label)
    await anna.press(slot_label)
    await anna.press("Sì, prenota")
    await anna.reply()  # the calendar file

    reminder = await emulator.next_message(anna.chat_id, timeout=60)
    assert "Promemoria" in reminder.text and hour in reminder.text
    unconfirmed = None
    while unconfirmed is None or "Nessuna conferma" not in unconfirmed.text:
        unconfirmed = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    # She types instead of pressing: the reminder's buttons are what "sì" answers now
    # (app/shown.py, as the bot's runtime wires its reminders).
    thanks = await anna.say("sì")
    assert "Ti aspettiamo" in thanks.text
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT status FROM reminders").fetchall() == [("sent",)]
        assert conn.execute("SELECT confirmation FROM appointments").fetchall() == [("confirmed",)]
    reminders_sent = [
        c for c in emulator.calls_to("sendMessage")
        if "Promemoria" in str(c.params.get("text", ""))
    ]  # fmt: skip
    assert len(reminders_sent) == 1


async def test_a_slot_withdrawn_from_the_command_line_tells_the_person(
    eligible_anna: Person, emulator: BotApiEmulator, bot_env: dict[str, str], tmp_path: Path
) -> None:
    listing = await eligible_anna.press("Prenota un colloquio")
    await eligible_anna.press(labels(listing)[0])
    await eligible_anna.press("Sì, prenota")
    await eligible_anna.reply()  # the calendar file
    cli = await asyncio.create_subprocess_exec(
        str(PROXIMITY), "slots", "withdraw", "1", "--yes",
        env={**os.environ, **bot_env, "NO_PROXY": "127.0.0.1,localhost"},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await cli.communicate()
    assert cli.returncode == 0, output.decode()
    assert "apology" in output.decode()
    told = await eligible_anna.reply()
    assert "è annullato" in told.text and "10:00" in told.text
    assert ("ap-new", "orientation") in [
        (data.split(":")[0], data.split(":")[1]) for row in told.buttons for _, data in row
    ]
    assert appointments(tmp_path)[0][2:4] == ("cancelled", "withdrawn")
