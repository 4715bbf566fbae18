"""Journeys in a real browser (Debian's Chromium driven by Playwright): the first admin
from the command line to the dashboard, a wrong code, logging out, an expired session,
keyboard-only use. Screenshots of each page go to var/screenshots/ (desktop and tablet)."""

from __future__ import annotations

from datetime import timedelta

from tests.web.support import SCREENSHOTS, ConsoleServer

PASSWORD = "una frase lunga per entrare"
TABLET = {"width": 768, "height": 1024}


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Screenshots of the page as it is, on a desktop and on a tablet."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    desktop = page.viewport_size
    page.screenshot(path=SCREENSHOTS / f"web-{name}.png", full_page=True)
    page.set_viewport_size(TABLET)
    page.screenshot(path=SCREENSHOTS / f"web-{name}-tablet.png", full_page=True)
    page.set_viewport_size(desktop)


def set_up(page, console: ConsoleServer, link: str, *, code: bool = True) -> str | None:  # type: ignore[no-untyped-def]
    page.goto(link)
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Nuova password").fill(PASSWORD)
    page.get_by_label("Scrivi di nuovo la password").fill(PASSWORD)
    if code:
        page.get_by_label("Codice di 6 cifre", exact=False).fill(console.clock.code(secret))
    page.get_by_role("button", name="Salva e vai all'accesso").click()
    console.clock.advance(timedelta(seconds=30))  # a code works once
    return secret if code else None


def log_in(page, console: ConsoleServer, name: str, secret: str | None) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Nome utente").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    if secret:
        page.get_by_label("Codice dell'app di autenticazione").fill(console.clock.code(secret))
    page.get_by_role("button", name="Accedi").click()


def test_first_admin_from_the_command_line_to_the_dashboard(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    link = console.add_by_cli("Amministra", "admin")
    assert link.startswith(console.url + "/setup/")
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Prepara il tuo account"
    assert page.locator(".qr svg").count() == 1
    assert page.locator("details code").text_content().startswith("otpauth://totp/Proximity:")
    shot(page, "setup")

    # A short password and no code: both errors, at the top and beside the fields.
    page.get_by_label("Nuova password").fill("corta")
    page.get_by_label("Scrivi di nuovo la password").fill("corta")
    page.get_by_role("button", name="Salva e vai all'accesso").click()
    summary = page.locator(".error-summary")
    assert "almeno 12 caratteri" in summary.inner_text()
    assert "Scrivi il codice di 6 cifre" in summary.inner_text()
    assert page.get_by_label("Nuova password").get_attribute("aria-invalid") == "true"
    shot(page, "setup-errors")

    secret = set_up(page, console, link)
    assert secret
    assert "Il tuo account è pronto" in page.locator(".notice").inner_text()
    shot(page, "login")
    # The link works once.
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Il link non vale più"
    page.goto(console.url + "/login")

    log_in(page, console, "amministra", secret)
    assert page.url == console.url + "/admin"
    assert page.get_by_role("heading", level=1).inner_text() == "Amministrazione"
    header = page.locator("header").inner_text()
    assert "amministra" in header and "Amministrazione" in header and "Esci" in header
    nav = page.get_by_role("navigation", name="Sezioni")
    assert nav.get_by_role("link").all_inner_texts() == [
        "Sportello",
        "Coordinamento",
        "Amministrazione",
        "Persone in attesa",
        "Persone",
        "Agenda",
        "Corsi",
        "Risposte pronte",
        "Andamento",
        "Registro",
    ]
    shot(page, "dashboard")

    page.get_by_role("button", name="Esci", exact=True).click()
    assert "Hai chiuso la sessione" in page.locator(".notice").inner_text()
    page.goto(console.url + "/admin")
    assert page.url.startswith(console.url + "/login?next=%2Fadmin")


def test_a_wrong_code_is_refused(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    secret = set_up(page, console, console.add_by_cli("coord", "coordinator"))
    assert secret
    page.get_by_label("Nome utente").fill("coord")
    page.get_by_label("Password").fill(PASSWORD)
    right = console.clock.code(secret)
    page.get_by_label("Codice dell'app di autenticazione").fill(
        "000000" if right != "000000" else "111111"
    )
    page.get_by_role("button", name="Accedi").click()
    assert "Accesso non riuscito" in page.get_by_role("alert").inner_text()
    # The name is kept, the password is not.
    assert page.get_by_label("Nome utente").input_value() == "coord"
    assert page.get_by_label("Password").input_value() == ""
    shot(page, "login-failed")
    # Without any code, too.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    assert page.url.startswith(console.url + "/login")
    log_in(page, console, "coord", secret)
    assert page.url == console.url + "/coordinator"


def test_an_operator_may_skip_the_app_and_only_sees_the_desk(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    set_up(page, console, console.add_by_cli("sportello1", "operator"), code=False)
    log_in(page, console, "sportello1", None)
    assert page.url == console.url + "/operator"
    nav = page.get_by_role("navigation", name="Sezioni")
    assert nav.get_by_role("link").all_inner_texts() == [
        "Sportello",
        "Persone in attesa",
        "Persone",
        "Agenda",
        "Corsi",
    ]
    page.goto(console.url + "/admin")
    assert page.get_by_role("heading", level=1).inner_text() == "Non puoi aprire questa pagina"


def test_an_expired_session_asks_to_log_in_again_and_comes_back(
    page, console: ConsoleServer
) -> None:  # type: ignore[no-untyped-def]
    secret = set_up(page, console, console.add_by_cli("adele", "admin"))
    log_in(page, console, "adele", secret)
    page.goto(console.url + "/coordinator")
    console.clock.advance(timedelta(minutes=31))
    page.reload()
    assert "La sessione è scaduta" in page.locator(".notice").inner_text()
    log_in(page, console, "adele", secret)
    assert page.url == console.url + "/coordinator"  # back where the person was


def test_keyboard_only_with_visible_focus(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    secret = set_up(page, console, console.add_by_cli("tastiera", "coordinator"))
    assert secret
    page.goto(console.url + "/login")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["x"] >= 0  # shown when focused  # type: ignore[index]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # from the main content into the form
    focused = page.evaluate("document.activeElement.id")
    assert focused == "name", focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # the focus can be seen
    shot(page, "login-focus")
    page.keyboard.type("tastiera")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(console.clock.code(secret))
    page.keyboard.press("Enter")
    page.wait_for_url(console.url + "/coordinator")
    # Every field on the pages seen has a label.
    for path in ("/login",):
        page.goto(console.url + path)
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden])')]
           .filter(i => !i.labels || i.labels.length === 0).map(i => i.name)"""
    )
    assert unlabelled == []


def test_no_script_and_no_inline_style_or_script_anywhere(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    link = console.add_by_cli("pulito", "admin")
    secret = set_up(page, console, link)
    log_in(page, console, "pulito", secret)
    for path in ("/admin", "/coordinator", "/operator", "/login", "/nowhere"):
        page.goto(console.url + path)
    page.goto(link)
    assert violations == []
    assert page.locator("script").count() == 0
