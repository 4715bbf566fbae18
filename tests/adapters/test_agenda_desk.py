"""The Telegram agenda desk (bot/operators/agenda.py) with a real PTB Bot and the Bot API
emulator: what a person receives when the office books, moves or cancels for them (their
language, the buttons, the calendar file with one UID and a rising SEQUENCE), and a desk
with no operators' group, which still tells people and posts nothing to any group."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from telegram.ext import AIORateLimiter, ExtBot

from app.agenda import AgendaService
from app.agenda_form import OneOff
from app.catalogue import Catalogue
from bot.operators.agenda import AgendaDesk
from store.agenda_config import load_agenda_config
from store.models import Beneficiary
from store.settings import PROJECT_ROOT
from tests.emulator.server import BotApiEmulator

CONFIG = load_agenda_config(PROJECT_ROOT / "config" / "appointments.yaml")
ROME = "Europe/Rome"
NOW = datetime(2027, 3, 19, 9, 0, tzinfo=UTC)
ANNA, OMAR = 7401, 7402


@pytest.fixture
async def paced_bot(
    emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[ExtBot[None]]:
    """The bot as the application builds it: PTB's rate limiter keeps Telegram's caps."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    limiter = AIORateLimiter(max_retries=3)
    async with ExtBot(
        emulator.token,
        base_url=emulator.base_url,
        base_file_url=emulator.base_file_url,
        rate_limiter=limiter,
    ) as real_bot:
        yield real_bot


def _desk(sessions, bot, catalogue: Catalogue, group: int = 0) -> AgendaDesk:  # type: ignore[no-untyped-def]
    return AgendaDesk(
        bot, group, sessions, catalogue, timezone=ROME, clock=lambda: NOW,
        places={v.id: v.short for v in CONFIG.venues.values()},
        organizer_email="sil@example.org",
    )  # fmt: skip


async def _people(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        session.add(Beneficiary(telegram_id=ANNA, display_name="Anna", created_at=NOW,
                                last_seen_at=NOW, language="it"))  # fmt: skip
        session.add(Beneficiary(telegram_id=OMAR, display_name="Omar", created_at=NOW,
                                last_seen_at=NOW, language="en"))  # fmt: skip


def _calendar(emulator: BotApiEmulator, index: int) -> Calendar:
    uploads = [c.files["document"] for c in emulator.calls_to("sendDocument") if c.ok]
    assert uploads[index].filename == "appuntamento.ics"
    return Calendar.from_ical(uploads[index].data)


async def test_without_a_group_the_office_changes_reach_the_person_with_a_calendar(  # type: ignore[no-untyped-def]
    sessions, paced_bot, catalogue: Catalogue, emulator: BotApiEmulator
) -> None:
    await _people(sessions)
    desk = _desk(sessions, paced_bot, catalogue)
    service = AgendaService(sessions, CONFIG, ROME, lambda: NOW, desk)
    added = await service.add(OneOff("crema", "orientation", "Giulia", date(2027, 3, 23), time(9)))
    later = await service.add(OneOff("crema", "orientation", "Giulia", date(2027, 3, 24), time(11)))

    booked = await service.book(added.ids[0], ANNA, "Giulia", "web:1")
    assert booked.told == "told" and booked.group_told is False
    notice, document = emulator.sent_messages(ANNA)
    assert notice.text.startswith("L'ufficio ha prenotato per te")
    assert "martedì 23 marzo 2027" in notice.text and "09:00" in notice.text
    buttons = [b["text"] for row in notice.reply_markup["inline_keyboard"] for b in row]
    assert any("I miei appuntamenti" in b for b in buttons) and len(buttons) == 3
    assert document.method == "sendDocument" and "calendario" in document.text
    event = _calendar(emulator, 0).walk("VEVENT")[0]
    uid, first_sequence = str(event["UID"]), int(event["SEQUENCE"])

    moved = await service.move(booked.appointment.id, later.ids[0], "web:1")
    assert moved.told == "told"
    notice, _ = emulator.sent_messages(ANNA)[2:]
    assert "spostato" in notice.text and "24 marzo 2027" in notice.text
    event = _calendar(emulator, 1).walk("VEVENT")[0]
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) > first_sequence
    assert event.decoded("DTSTART") == datetime(2027, 3, 24, 10, tzinfo=UTC)

    cancelled = await service.cancel(booked.appointment.id, "web:1")
    assert cancelled.told == "told"
    notice, _ = emulator.sent_messages(ANNA)[4:]
    assert "annullato" in notice.text and "dispiace" not in notice.text
    buttons = [b["text"] for row in notice.reply_markup["inline_keyboard"] for b in row]
    assert any("Prenota un altro giorno" in b for b in buttons)
    assert str(_calendar(emulator, 2)["METHOD"]) == "CANCEL"
    # No group: not one message anywhere but to Anna.
    assert {m.chat_id for m in emulator.sent_messages()} == {ANNA}


async def test_the_person_reads_it_in_their_language_and_a_blocked_bot_is_reported(  # type: ignore[no-untyped-def]
    sessions, paced_bot, catalogue: Catalogue, emulator: BotApiEmulator
) -> None:
    await _people(sessions)
    service = AgendaService(
        sessions, CONFIG, ROME, lambda: NOW, _desk(sessions, paced_bot, catalogue)
    )
    ids = (
        await service.add(OneOff("crema", "orientation", "Giulia", date(2027, 3, 23), time(9)))
    ).ids
    more = (await service.add(OneOff("crema", "tutoring", "Sara", date(2027, 3, 23), time(9)))).ids
    await service.book(ids[0], OMAR, "Giulia", "web:1")
    notice, document = emulator.sent_messages(OMAR)
    assert notice.text.startswith("The office booked an appointment for you")
    assert document.method == "sendDocument"

    emulator.block_user(ANNA)
    done = await service.book(more[0], ANNA, "Sara", "web:1")
    assert done.told == "unreachable"
    assert emulator.sent_messages(ANNA) == []


async def test_the_bot_without_an_operators_group_still_tells_people(  # type: ignore[no-untyped-def]
    database_url: str, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runtime as `proximity run` builds it, with no OPERATOR_CHAT_ID: the agenda desk
    exists all the same, and the console's agenda tells people through it."""
    from runtime.telegram import build
    from runtime.web import agenda_service
    from store.migrate import upgrade
    from store.settings import Settings

    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    upgrade(database_url)
    settings = Settings(
        _env_file=None,
        telegram_bot_token=emulator.token,
        telegram_api_url=emulator.base_url.removesuffix("/bot"),
        database_url=database_url,
        operator_chat_id=None,
    )
    runtime = build(settings)
    try:
        assert runtime.operators is None and runtime.agenda_desk.group_id == 0
        await runtime.application.bot.initialize()
        agenda = agenda_service(runtime.core, runtime.agenda_desk)
        assert agenda.tells_people
        await _people(runtime.core.sessions)
        day = agenda.today()
        soon = day + timedelta(days=2)
        slot = await agenda.add(OneOff("crema", "orientation", "Giulia", soon, time(9)))
        booked = await agenda.book(slot.ids[0], ANNA, "Giulia", "web:1")
        assert booked.told == "told" and booked.group_told is False
        notice, document = emulator.sent_messages(ANNA)
        assert notice.text.startswith("L'ufficio ha prenotato per te")
        assert document.method == "sendDocument"
        assert {m.chat_id for m in emulator.sent_messages()} == {ANNA}
    finally:
        await runtime.application.bot.shutdown()
        await runtime.core.aclose()
