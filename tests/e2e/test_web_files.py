"""Files both ways between a person on Telegram and an operator in the browser, end to end:
the real bot process (serving the console), the Bot API emulator, real Rasa and Chromium.

Anna sends a photo and a document while waiting for a person; the bot copies them into her
topic and records their file_ids; the operator sees the photo drawn in the page (read back
through the bot with getFile, never by a public link) and downloads the document; then
replies with a PDF, which reaches Anna as a document signed "— 👤 Dario" and shows in the
topic as "💻 Dario: …".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import GIULIA, OPERATORS_GROUP
from tests.e2e.people import Person
from tests.e2e.test_web_handoff import add_operator
from tests.e2e.web_console import CHROMIUM_PATH, LIVE_MS, open_browser, set_up_and_log_in, shot
from tests.emulator.server import BotApiEmulator
from tests.web.test_handoff_files import png

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM_PATH.exists(), reason="no /usr/bin/chromium (make chromium)"),
]

PAYSLIP = b"%PDF-1.4\n% busta paga di marzo\n" + b"1" * 300
SIGNED = b"%PDF-1.4\n% modulo da firmare\n" + b"2" * 300


async def test_photo_and_document_in_the_browser_and_a_pdf_back(
    consented_anna: Person, emulator: BotApiEmulator, bot_env: dict[str, str], tmp_path: Path
) -> None:
    from playwright.async_api import async_playwright

    console = f"http://127.0.0.1:{bot_env['WEB_PORT']}"
    link = add_operator(bot_env, "dario")
    async with async_playwright() as playwright:
        browser, page = await open_browser(playwright, accept_downloads=True)
        failed: list[str] = []
        page.on(
            "response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )

        await set_up_and_log_in(page, link, "dario")
        await page.wait_for_url(f"{console}/operator")

        # Anna asks for a person, then sends a photo with a caption and her payslip.
        handed = await consented_anna.press("Parla con una persona")
        assert "Ti scriverà qui" in handed.text
        card = await emulator.next_message(OPERATORS_GROUP, timeout=15)
        anna = consented_anna.chat_id
        emulator.send_photo(anna, png(), caption="il modulo compilato", user=consented_anna.user)
        emulator.send_document(
            anna, "busta paga marzo.pdf", PAYSLIP, "application/pdf", user=consented_anna.user
        )
        await emulator.wait_until(
            lambda: sum(
                m.method == "copyMessage" for m in emulator.sent_messages(OPERATORS_GROUP)
            ) >= 2,
            timeout=15,
        )  # fmt: skip
        copies = [m for m in emulator.sent_messages(OPERATORS_GROUP) if m.method == "copyMessage"]
        assert {m.thread_id for m in copies} == {card.thread_id}
        assert "photo" in copies[0].raw and "document" in copies[1].raw

        # In the browser: the photo drawn from the bytes Telegram holds, the document a link.
        await page.goto(f"{console}/inbox")
        await page.get_by_role("link", name="Anna").click()
        photo = page.locator("img.msg-photo")
        await photo.wait_for(timeout=LIVE_MS)
        await photo.scroll_into_view_if_needed()
        await page.wait_for_function(
            "() => { const i = document.querySelector('img.msg-photo'); "
            "return i && i.complete && i.naturalWidth > 0; }",
            timeout=5000,
        )
        assert await photo.evaluate("img => img.naturalWidth") == 160
        assert "il modulo compilato" in await page.locator(".thread").inner_text()
        async with page.expect_download() as downloading:
            await page.get_by_role("link", name="busta paga marzo.pdf").click()
        download = await downloading.value
        assert download.suggested_filename == "busta paga marzo.pdf"
        assert _read(await download.path()) == PAYSLIP
        assert emulator.calls_to("getFile")  # read back through the bot
        await shot(page, "conversation-files")

        # Claim, then reply with a PDF: it reaches Anna as a document, signed.
        await page.get_by_role("button", name="Prendo io").click()
        await page.wait_for_url("**done=claim")
        signed = tmp_path / "modulo da firmare.pdf"
        signed.write_bytes(SIGNED)
        await page.get_by_label("Risposta alla persona").fill("Ecco il modulo: firmalo e rimandalo")
        await page.get_by_label("Allegato (se serve)").set_input_files(str(signed))
        await page.get_by_role("button", name="Invia alla persona").click()
        await page.wait_for_url("**done=reply**")
        await emulator.wait_until(
            lambda: any(m.method == "sendDocument" for m in emulator.sent_messages(anna))
        )
        got = next(m for m in emulator.sent_messages(anna) if m.method == "sendDocument")
        assert got.raw["document"]["file_name"] == "modulo da firmare.pdf"
        assert got.text == "Ecco il modulo: firmalo e rimandalo\n— 👤 Dario"
        assert emulator.world.files[got.raw["document"]["file_id"]].data == SIGNED
        await emulator.wait_until(
            lambda: any(
                m.method == "sendDocument"
                and m.text == "💻 Dario: Ecco il modulo: firmalo e rimandalo"
                for m in emulator.sent_messages(OPERATORS_GROUP)
            )
        )

        # Giulia sends a photo from the topic: Anna gets a signed copy, and the page shows
        # it from Giulia (recorded with the file_id of her photo, the copy's own twin).
        emulator.send_photo(
            OPERATORS_GROUP, png(90, 60), caption="la sede", user=GIULIA,
            chat_type="supergroup", thread_id=card.thread_id, is_forum=True,
        )  # fmt: skip
        await emulator.wait_until(
            lambda: any(m.method == "copyMessage" for m in emulator.sent_messages(anna))
        )
        copied = next(m for m in emulator.sent_messages(anna) if m.method == "copyMessage")
        assert copied.text == "la sede\n— 👤 Giulia" and "photo" in copied.raw
        from_topic = page.get_by_alt_text("Foto mandata da Giulia")
        await from_topic.wait_for(timeout=LIVE_MS)
        await page.wait_for_function(
            "() => [...document.querySelectorAll('img.msg-photo')]"
            ".every(i => i.complete && i.naturalWidth > 0)",
            timeout=5000,
        )
        assert await from_topic.evaluate("img => img.naturalWidth") == 90

        # The reply in the thread, its file read back through the bot like Anna's.
        async with page.expect_download() as downloading:
            await page.get_by_role("link", name="modulo da firmare.pdf").click()
        assert _read(await (await downloading.value).path()) == SIGNED
        await shot(page, "conversation-files-reply")
        assert failed == [], failed
        await browser.close()


def _read(path: Path) -> bytes:
    return path.read_bytes()
