"""A course in the web console and on Telegram, end to end: the real bot process (which
serves the console in its own loop), the Bot API emulator, real Rasa and Debian's Chromium.

The demo's "Patentino del muletto" has 2 seats. Three people sign up through the bot; the
coordinator's browser shows 2 enrolled and 1 waiting; one is taken off the course in the
browser and the third is offered the seat by the bot; the lesson dates are changed in the
browser and the people in the course get the change notice, those enrolled with the
updated calendar file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.e2e.people import Person
from tests.e2e.test_course_journeys import consent, enrolments
from tests.e2e.web_console import CHROMIUM_PATH, add_account, open_browser, set_up_and_log_in, shot
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

ROME = ZoneInfo("Europe/Rome")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.bot_env(OFFERS_CHECK_SECONDS="1"),
    pytest.mark.skipif(not CHROMIUM_PATH.exists(), reason="no /usr/bin/chromium (make chromium)"),
]


def add_coordinator(bot_env: dict[str, str], name: str) -> str:
    return add_account(bot_env, name, "coordinator")


async def test_waiting_list_and_new_dates_from_the_browser(
    bot, emulator: BotApiEmulator, bot_env: dict[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from playwright.async_api import async_playwright

    people = [
        Person(emulator, TgUser(id=3000 + n, first_name=f"Corsista{n}", language_code="it"))
        for n in range(3)
    ]
    for person in people:
        await consent(person)
        card = await person.say("vorrei il corso per il patentino del muletto")
        assert "Patentino del muletto" in card.text
        await person.press("Iscrivimi")
        result = await person.press("Sì, iscrivimi")
        if "è confermata" in result.text:
            assert (await person.reply()).method == "sendDocument"
    first, second, third = people
    assert "lista d'attesa" in third.last.text  # type: ignore[union-attr]
    assert [s for _, s in enrolments(tmp_path, "carrellista")] == [
        "enrolled",
        "enrolled",
        "waiting",
    ]

    console = f"http://127.0.0.1:{bot_env['WEB_PORT']}"
    link = add_coordinator(bot_env, "giulia")
    async with async_playwright() as playwright:
        browser, page = await open_browser(playwright)
        await set_up_and_log_in(page, link, "giulia")
        await page.wait_for_url(f"{console}/coordinator")

        # The browser shows 2 enrolled and 1 waiting, first in line.
        await (
            page.get_by_role("navigation", name="Sezioni").get_by_role("link", name="Corsi").click()
        )
        await page.get_by_role("link", name="Patentino del muletto").click()
        tables = page.locator("table.people")
        assert await tables.nth(0).locator("tbody tr").count() == 2
        assert await tables.nth(1).locator("tbody tr").count() == 1
        waiting = await tables.nth(1).locator("tbody tr").inner_text()
        assert "Corsista2" in waiting and waiting.strip().startswith("1")
        await shot(page, "course")

        # One taken off the course in the browser: the third is offered the seat.
        row = tables.nth(0).locator("tbody tr", has_text="Corsista0")
        await row.get_by_role("link", name="Togli dal corso").click()
        await page.get_by_role("button", name="Sì, togli dal corso").click()
        assert "Il posto è offerto" in await page.locator(".notice").inner_text()
        # The one taken off hears it from the bot, once.
        removed = await first.reply()
        assert "L'ufficio ti ha tolto dal corso «Patentino del muletto»" in removed.text
        told_first = len(emulator.sent_messages(first.chat_id))
        offer = await third.reply()
        assert "Si è liberato un posto" in offer.text and "Patentino del muletto" in offer.text
        assert [s for _, s in enrolments(tmp_path, "carrellista")] == [
            "withdrawn",
            "enrolled",
            "offered",
        ]
        accepted = await third.press("Accetto il posto")
        assert "è tuo" in accepted.text
        assert (await third.reply()).method == "sendDocument"

        # New dates in the browser: the people in the course are told, with a new calendar.
        await page.get_by_role("link", name="Cambia il corso").click()
        today = datetime.now(ROME).date()
        moved = today + timedelta(days=20)
        assert await page.locator("#lesson-2-date").input_value() == f"{today + timedelta(days=19)}"
        await page.locator("#lesson-2-date").fill(f"{moved}")
        await shot(page, "course-form")
        await page.get_by_role("button", name="Salva il corso").click()
        assert "Corso salvato." in await page.locator(".notice").inner_text()
        for person in (second, third):
            notice = await person.reply()
            assert "Il corso «Patentino del muletto» è cambiato" in notice.text
            calendar = await person.reply()
            assert calendar.method == "sendDocument"
        sent = emulator.calls_to("sendDocument")[-1].files["document"].data
        starts = sorted(e.decoded("DTSTART") for e in Calendar.from_ical(sent).walk("VEVENT"))
        assert starts[-1].astimezone(ROME).date() == moved
        # Who left before the change is not told about it (nor again that they left).
        assert len(emulator.sent_messages(first.chat_id)) == told_first
        await browser.close()
