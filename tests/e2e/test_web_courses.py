"""A course in the web console and on Telegram, end to end: the real bot process (which
serves the console in its own loop), the Bot API emulator, real Rasa and Debian's Chromium.

The demo's "Patentino del muletto" has 2 seats. Three people sign up through the bot; the
coordinator's browser shows 2 enrolled and 1 waiting; one is taken off the course in the
browser and the third is offered the seat by the bot; the lesson dates are changed in the
browser and the people in the course get the change notice, those enrolled with the
updated calendar file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pyotp
import pytest
from icalendar import Calendar

from store.settings import PROJECT_ROOT
from tests.e2e.people import Person
from tests.e2e.test_course_journeys import consent, enrolments
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

CHROMIUM_PATH = Path("/usr/bin/chromium")
PROXIMITY = str(Path(sys.executable).parent / "proximity")
SCREENSHOTS = Path(PROJECT_ROOT) / "var" / "screenshots"
PASSWORD = "il corso del muletto parte presto"
ROME = ZoneInfo("Europe/Rome")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.bot_env(OFFERS_CHECK_SECONDS="1"),
    pytest.mark.skipif(not CHROMIUM_PATH.exists(), reason="no /usr/bin/chromium (make chromium)"),
]


def add_coordinator(bot_env: dict[str, str], name: str) -> str:
    done = subprocess.run(
        [PROXIMITY, "operators", "add", name, "--role", "coordinator"],
        cwd=PROJECT_ROOT,
        env={**os.environ, **bot_env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = re.search(r"(http://\S+/setup/\S+)", done.stdout)
    assert found, done.stdout
    return found.group(1)


async def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SCREENSHOTS / f"web-e2e-{name}.png", full_page=True)
    await page.set_viewport_size({"width": 768, "height": 1024})
    await page.screenshot(path=SCREENSHOTS / f"web-e2e-{name}-tablet.png", full_page=True)
    await page.set_viewport_size({"width": 1280, "height": 900})


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
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH),
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = await (
            await browser.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
        ).new_page()
        await page.goto(link)
        secret = (await page.locator("#totp-secret").inner_text()).replace(" ", "")
        totp = pyotp.TOTP(secret)
        await page.get_by_label("Nuova password").fill(PASSWORD)
        await page.get_by_label("Scrivi di nuovo la password").fill(PASSWORD)
        await page.get_by_label("Codice di 6 cifre", exact=False).fill(totp.now())
        await page.get_by_role("button", name="Salva e vai all'accesso").click()
        await page.get_by_label("Nome utente").fill("giulia")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_label("Codice dell'app di autenticazione").fill(totp.at(time.time() + 30))
        await page.get_by_role("button", name="Accedi").click()
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
        told_first = len(emulator.sent_messages(first.chat_id))
        row = tables.nth(0).locator("tbody tr", has_text="Corsista0")
        await row.get_by_role("link", name="Togli dal corso").click()
        await page.get_by_role("button", name="Sì, togli dal corso").click()
        assert "Il posto è offerto" in await page.locator(".notice").inner_text()
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
        # Who left before the change is not told about it.
        assert len(emulator.sent_messages(first.chat_id)) == told_first
        await browser.close()
