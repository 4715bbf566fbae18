"""The web console and the Telegram topic as two views of one handoff, end to end: the real
bot process (which serves the console in its own loop), the Bot API emulator, real Rasa,
and Debian's Chromium driven by Playwright.

An operator made by `proximity operators add` logs in with TOTP; a person asks for a person
on Telegram; the row appears in the inbox within 2 s without reload; the operator claims
and replies in the browser; the person gets the reply signed; the person's answer appears
in the page and in the topic; a note never reaches the person; closing gives the person
back to the assistant.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import OPERATORS_GROUP
from tests.e2e.people import Person
from tests.e2e.web_console import (
    CHROMIUM_PATH,
    LIVE_MS,
    PASSWORD,
    PROXIMITY,
    add_account,
    open_browser,
    set_up_and_log_in,
    shot,
)
from tests.emulator.server import BotApiEmulator

# Older journeys import these from here; tests/e2e/web_console.py is where they live.
__all__ = ["CHROMIUM_PATH", "LIVE_MS", "PASSWORD", "PROXIMITY", "add_operator", "shot"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM_PATH.exists(), reason="no /usr/bin/chromium (make chromium)"),
]


def add_operator(bot_env: dict[str, str], name: str) -> str:
    return add_account(bot_env, name, "operator")


def group_texts(emulator: BotApiEmulator) -> list[str]:
    return [m.text or "" for m in emulator.sent_messages(OPERATORS_GROUP, include_edits=True)]


async def test_a_handoff_in_the_browser_and_in_the_topic(
    consented_anna: Person, emulator: BotApiEmulator, bot_env: dict[str, str]
) -> None:
    from playwright.async_api import async_playwright

    console = f"http://127.0.0.1:{bot_env['WEB_PORT']}"
    link = add_operator(bot_env, "dario")
    assert link.startswith(console)
    async with async_playwright() as playwright:
        browser, page = await open_browser(playwright)
        # Set-up with the authenticator app, then log in with its next code.
        await set_up_and_log_in(page, link, "dario")
        await page.wait_for_url(f"{console}/operator")
        await page.get_by_role("link", name="Persone in attesa").click()
        assert "Nessuno aspetta." in await page.locator("#inbox").inner_text()

        # Anna asks for a person: the row appears without reloading.
        handed = await consented_anna.press("Parla con una persona")
        assert "Ti scriverà qui" in handed.text
        card = await emulator.next_message(OPERATORS_GROUP, timeout=15)
        assert card.thread_id is not None
        row = page.locator("table.inbox tbody tr")
        await row.first.wait_for(timeout=LIVE_MS)
        assert "Anna" in await row.first.inner_text()
        await shot(page, "inbox")

        # Claim in the browser: the card and the topic show the claimer's name.
        await page.get_by_role("link", name="Anna").click()
        await page.get_by_role("button", name="Prendo io").click()
        await page.wait_for_url("**done=claim")
        assert "La segue Dario." in await page.locator(".state").inner_text()
        await emulator.wait_until(
            lambda: sum("La prende Dario" in t for t in group_texts(emulator)) >= 2
        )

        # A reply from the browser reaches Anna signed, and shows in the topic.
        await page.get_by_label("Risposta alla persona").fill("Ciao Anna, sono Dario. Ti aiuto io.")
        await page.get_by_role("button", name="Invia alla persona").click()
        await page.wait_for_url("**done=reply**")
        signed = await consented_anna.reply()
        assert signed.text == "👤 Dario: Ciao Anna, sono Dario. Ti aiuto io."
        await emulator.wait_until(
            lambda: "💻 Dario: Ciao Anna, sono Dario. Ti aiuto io." in group_texts(emulator)
        )

        # Anna answers: in the topic (copied) and in the page, without reloading.
        emulator.send_text(consented_anna.chat_id, "Grazie! Cerco il modulo", consented_anna.user)
        copied = await emulator.next_message(OPERATORS_GROUP, timeout=15)
        while copied.method != "copyMessage":
            copied = await emulator.next_message(OPERATORS_GROUP, timeout=15)
        assert copied.thread_id == card.thread_id
        await page.get_by_text("Grazie! Cerco il modulo").wait_for(timeout=LIVE_MS)

        # A note: in the page and the topic as 📝, never to Anna.
        seen_by_anna = len(emulator.sent_messages(consented_anna.chat_id))
        await page.get_by_label("Nota interna").fill("Richiamare giovedì per il modulo")
        await page.get_by_role("button", name="Salva la nota").click()
        await page.wait_for_url("**done=note**")
        assert await page.locator(".msg-note").count() == 1
        await emulator.wait_until(
            lambda: any(
                t.startswith("📝") and "Richiamare giovedì" in t for t in group_texts(emulator)
            )
        )
        await shot(page, "conversation")

        # Close: Anna is back with the assistant.
        await page.get_by_role("button", name="Chiudi: la persona torna al bot").click()
        await page.wait_for_url("**done=close")
        assert "Richiesta chiusa." in await page.locator(".state").inner_text()
        back = await consented_anna.reply()
        assert "ha chiuso la conversazione" in back.text
        sent_to_anna = emulator.sent_messages(consented_anna.chat_id)
        assert len(sent_to_anna) > seen_by_anna
        assert all("Richiamare" not in (m.text or "") for m in sent_to_anna)
        await consented_anna.reply()  # the menu
        assert "Come posso aiutarti" in (await consented_anna.say("buongiorno")).text
        await browser.close()
