"""The agenda in the browser end to end: the real bot process (which serves the console in
its own loop, with its agenda desk), the Bot API emulator, real Rasa and Debian's Chromium.

1. A coordinator made by `proximity operators add` creates a weekly block in the browser;
   Anna, on Telegram, is offered those times and books one; the week view shows it booked.
   The coordinator withdraws it in the browser; Anna gets the apology and a new offer.
2. An appointment that has ended is marked "Assente" on today's list; the kind no-show
   message reaches Anna once.
3. The office books for Anna in the browser (a phone call): she gets the bot's message in
   her chat with the calendar file, and its button lists the appointment.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.conftest import OPERATORS_GROUP
from tests.e2e.db import rows
from tests.e2e.people import Person
from tests.e2e.test_appointment_journeys import booking_bot as booking_bot
from tests.e2e.test_appointment_journeys import eligible_anna as eligible_anna
from tests.e2e.test_appointment_journeys import labels
from tests.e2e.test_attendance import book_past_appointment
from tests.e2e.test_web_handoff import add_operator
from tests.e2e.web_console import CHROMIUM_PATH, add_account, open_browser, set_up_and_log_in, shot
from tests.emulator.server import BotApiEmulator

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM_PATH.exists(), reason="no /usr/bin/chromium (make chromium)"),
]


def _add_coordinator(bot_env: dict[str, str], name: str) -> str:
    return add_account(bot_env, name, "coordinator")


async def _logged_in(playwright, link: str, console: str, name: str):  # type: ignore[no-untyped-def]
    browser, page = await open_browser(playwright)
    await set_up_and_log_in(page, link, name)
    return browser, page


def _weekday_ahead() -> date:
    """A weekday at least three days ahead (no reminder falls due during the test), not a
    Sunday, which the form does not offer."""
    day = date.today() + timedelta(days=3)
    while day.weekday() == 6:
        day += timedelta(days=1)
    return day


async def test_weekly_availability_from_the_browser_booked_on_telegram_then_withdrawn(
    eligible_anna: Person,
    emulator: BotApiEmulator,
    bot_env: dict[str, str],
    tmp_path: Path,
) -> None:
    from playwright.async_api import async_playwright

    anna = eligible_anna
    console = f"http://127.0.0.1:{bot_env['WEB_PORT']}"
    link = _add_coordinator(bot_env, "carla")
    day = _weekday_ahead()
    async with async_playwright() as playwright:
        browser, page = await _logged_in(playwright, link, console, "carla")
        await page.get_by_role("link", name="Agenda").first.click()
        await page.get_by_role("link", name="Aggiungi orari").click()
        await page.get_by_role("link", name="Ogni settimana").click()
        await page.get_by_label("Sede").select_option("crema")
        await page.get_by_label("Tipo di appuntamento").select_option("orientation")
        await page.get_by_label("Operatore").fill("Marta")
        weekday = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato")[day.weekday()]
        await page.get_by_label(weekday).check()
        # Later than the three slots booking_bot seeds (10:00, 11:00, 15:00).
        await page.get_by_label("Dalle ore").fill("16:00")
        await page.get_by_label("Fino alle ore").fill("17:30")
        await page.get_by_label("Primo giorno").fill(day.isoformat())
        await page.get_by_label("Ultimo giorno").fill(day.isoformat())
        await page.get_by_role("button", name="Aggiungi gli orari").click()
        await page.wait_for_url("**done=added**")
        assert "Orari aggiunti: 2." in await page.locator(".notice").inner_text()

        # Anna is offered those times on Telegram and books the first.
        listing = await anna.press("Prenota un colloquio")
        times = labels(listing)
        assert any("16:00" in t and "Crema" in t for t in times), times
        assert any("16:45" in t for t in times), times
        await anna.press(next(t for t in times if "16:00" in t))
        booked = await anna.press("Sì, prenota")
        assert "Fatto!" in booked.text
        await anna.reply()  # the calendar file
        await page.reload()
        booked_slot = page.locator(".slot-booked")
        await booked_slot.wait_for()
        assert "16:00" in await booked_slot.inner_text()
        assert "Anna" not in await page.locator(".week").inner_text()
        await shot(page, "agenda-week")

        # Withdrawn in the browser: a confirmation first, then Anna hears it from the bot.
        await booked_slot.get_by_role("link").click()
        assert "Anna" in await page.locator("dl.facts").inner_text()
        await page.get_by_role("button", name="Ritira l'orario").click()
        assert "prenotato da Anna" in await page.locator(".warning-text").inner_text()
        before = len(emulator.sent_messages(anna.chat_id))
        await page.get_by_role("button", name="Sì, ritira e annulla la prenotazione").click()
        await page.wait_for_url("**done=withdrawn**")
        assert "le scuse e un nuovo orario" in await page.locator("main").inner_text()
        await shot(page, "agenda-withdrawn")
        await browser.close()

    apology = await anna.reply()
    assert "Ci dispiace" in apology.text and "Scegli un altro giorno" in apology.text
    offer = labels(apology)
    assert offer and len(emulator.sent_messages(anna.chat_id)) == before + 1
    again = await anna.press(offer[0])
    offered = labels(again)
    assert any("16:45" in t for t in offered)  # the new offer: the other time is still free
    assert not any("16:00" in t for t in offered)  # the withdrawn one is gone
    assert rows(tmp_path, "SELECT status, cancel_reason FROM appointments") == [
        ("cancelled", "withdrawn")
    ]
    notice = [m.text or "" for m in emulator.sent_messages(OPERATORS_GROUP)]
    assert any("Anna" in t for t in notice)


async def test_assente_on_todays_list_sends_the_no_show_message_once(
    consented_anna: Person, emulator: BotApiEmulator, bot_env: dict[str, str], tmp_path: Path
) -> None:
    from playwright.async_api import async_playwright

    appointment = book_past_appointment(tmp_path, consented_anna.chat_id)
    console = f"http://127.0.0.1:{bot_env['WEB_PORT']}"
    link = add_operator(bot_env, "dario")
    before = len(emulator.sent_messages(consented_anna.chat_id))
    async with async_playwright() as playwright:
        browser, page = await _logged_in(playwright, link, console, "dario")
        await page.goto(f"{console}/agenda/today")
        await page.get_by_role("button", name="Assente: Anna").click()
        await page.wait_for_url("**done=no_show**")
        text = await page.locator("main").inner_text()
        assert "Segnato: assente." in text and "messaggio gentile" in text
        await shot(page, "agenda-today")
        # Marked: no buttons any more, the row says who marked it.
        assert await page.get_by_role("button", name="Assente: Anna").count() == 0
        assert "Assente (segnato da dario)" in text
        await browser.close()

    kind = await consented_anna.reply()
    assert "Oggi ti aspettavamo" in kind.text
    await asyncio.sleep(1)  # room for a second message, which must not come
    missed = [
        m for m in emulator.sent_messages(consented_anna.chat_id)[before:]
        if "ti aspettavamo" in (m.text or "")
    ]  # fmt: skip
    assert len(missed) == 1
    assert rows(tmp_path, f"SELECT status FROM appointments WHERE id = {appointment}") == [
        ("no_show",)
    ]


async def test_a_booking_made_in_the_browser_reaches_anna_with_the_calendar_file(
    consented_anna: Person, emulator: BotApiEmulator, bot_env: dict[str, str], tmp_path: Path
) -> None:
    from icalendar import Calendar
    from playwright.async_api import async_playwright

    anna = consented_anna
    console = f"http://127.0.0.1:{bot_env['WEB_PORT']}"
    link = _add_coordinator(bot_env, "carla")
    day = _weekday_ahead()
    before = len(emulator.sent_messages(anna.chat_id))
    async with async_playwright() as playwright:
        browser, page = await _logged_in(playwright, link, console, "carla")
        await page.goto(f"{console}/agenda/add")
        await page.get_by_label("Sede").select_option("crema")
        await page.get_by_label("Tipo di appuntamento").select_option("orientation")
        await page.get_by_label("Operatore").fill("Marta")
        await page.get_by_label("Giorno").fill(day.isoformat())
        await page.get_by_label("Ora di inizio").fill("16:00")
        await page.get_by_role("button", name="Aggiungi l'orario").click()
        await page.wait_for_url("**done=added**")
        await page.locator(".slot-free a").first.click()
        await page.get_by_role("link", name="Prenota per una persona").click()
        await page.get_by_label("Nome o numero Telegram della persona").fill(str(anna.chat_id))
        await page.get_by_role("button", name="Cerca").click()
        await page.get_by_role("button", name="Prenota per Anna").click()
        await page.wait_for_url("**done=booked**")
        text = await page.locator("main").inner_text()
        assert "La persona ha ricevuto un messaggio dal bot" in text, text
        await shot(page, "agenda-booked-for-anna")
        await browser.close()

    told = await anna.reply()
    assert told.text.startswith("L'ufficio ha prenotato per te"), told.text
    assert "16:00" in told.text and "colloquio di orientamento" in told.text
    assert any("I miei appuntamenti" in label for label in labels(told))
    calendar = await anna.reply()
    assert calendar.method == "sendDocument" and "calendario" in calendar.text
    upload = [c for c in emulator.calls_to("sendDocument") if c.ok][-1].files["document"]
    assert upload.filename == "appuntamento.ics"
    [event] = Calendar.from_ical(upload.data).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(ZoneInfo("Europe/Rome")).hour == 16
    assert len(emulator.sent_messages(anna.chat_id)) == before + 2
    # Her own "my appointments" button lists what the office booked. She types its number:
    # the notice the bot sent on its own is what typed answers refer to (app/shown.py).
    mine = await anna.say("1")
    assert "Hai un appuntamento" in mine.text and "16:00" in mine.text
    assert rows(tmp_path, "SELECT status, booked_by FROM appointments") == [
        ("booked", "operator:carla")
    ]
