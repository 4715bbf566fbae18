"""What the end-to-end journeys in the web console share: an account made by the command
line as an admin types it, Debian's Chromium driven by Playwright's async API, the set-up
with the authenticator app and the first login, and screenshots on desktop and tablet."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyotp

from store.settings import PROJECT_ROOT

CHROMIUM_PATH = Path("/usr/bin/chromium")
PROXIMITY = str(Path(sys.executable).parent / "proximity")
SCREENSHOTS = Path(PROJECT_ROOT) / "var" / "screenshots"
PASSWORD = "la bicicletta rossa sale in collina"
LIVE_MS = 2000  # how far behind the browser may be
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 768, "height": 1024}


def add_account(bot_env: dict[str, str], name: str, role: str = "operator") -> str:
    """`proximity operators add NAME --role ROLE` against the bot's database: the set-up
    link it prints."""
    done = subprocess.run(
        [PROXIMITY, "operators", "add", name, "--role", role],
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


async def open_browser(playwright: Any, **context: Any) -> tuple[Any, Any]:
    """Chromium and a fresh page, Italian, desktop size; `context`: more of Playwright's
    context options (accept_downloads=True, …)."""
    browser = await playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), headless=True, args=["--no-sandbox", "--disable-gpu"]
    )
    context = await browser.new_context(viewport=DESKTOP, locale="it-IT", **context)
    return browser, await context.new_page()


async def set_up_and_log_in(page: Any, link: str, name: str) -> pyotp.TOTP:
    """The set-up page with the authenticator app, then the first login; the app."""
    await page.goto(link)
    secret = (await page.locator("#totp-secret").inner_text()).replace(" ", "")
    totp = pyotp.TOTP(secret)
    await page.get_by_label("Nuova password").fill(PASSWORD)
    await page.get_by_label("Scrivi di nuovo la password").fill(PASSWORD)
    await page.get_by_label("Codice di 6 cifre", exact=False).fill(totp.now())
    await page.get_by_role("button", name="Salva e vai all'accesso").click()
    await page.get_by_label("Nome utente").fill(name)
    await page.get_by_label("Password").fill(PASSWORD)
    # A code works once: the next step's code (one step of drift is accepted).
    await page.get_by_label("Codice dell'app di autenticazione").fill(totp.at(time.time() + 30))
    await page.get_by_role("button", name="Accedi").click()
    await page.wait_for_load_state()
    return totp


async def shot(page: Any, name: str) -> None:
    """var/screenshots/web-e2e-NAME.png and its tablet twin."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SCREENSHOTS / f"web-e2e-{name}.png", full_page=True)
    await page.set_viewport_size(TABLET)
    await page.screenshot(path=SCREENSHOTS / f"web-e2e-{name}-tablet.png", full_page=True)
    await page.set_viewport_size(DESKTOP)
