"""A database held by another writer: the console answers with a kind page, saves nothing
half-way, and the same form works once the database is free again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import store.db
from tests.web.support import ConsoleServer, MovableClock, csrf_of
from web.roles import Role


@pytest.fixture
def impatient_console(
    tmp_path: Path, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ConsoleServer]:
    # The console waits this long for the lock before giving up (5 s in production).
    monkeypatch.setattr(store.db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    server = ConsoleServer(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def test_a_locked_database_gets_a_kind_page_and_the_form_works_after(
    impatient_console: ConsoleServer, tmp_path: Path
) -> None:
    console = impatient_console
    account = console.ready_account("lia", Role.OPERATOR)
    client = httpx.Client(base_url=console.url, follow_redirects=False, timeout=10)
    form = {
        "csrf_token": csrf_of(client.get("/login").text),
        "name": account.name,
        "password": account.password,
        "code": console.clock.code(account.totp_secret or ""),
    }

    holder = sqlite3.connect(tmp_path / "console.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's long write: the lock is taken
    try:
        busy = client.post("/login", data=form)
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert busy.status_code == 503
    assert busy.headers["retry-after"] == "5"
    assert "Non è stato salvato niente" in busy.text
    assert "content-security-policy" in busy.headers  # still the console's own headers
    assert "OperationalError" not in busy.text and "INSERT" not in busy.text

    again = client.post("/login", data=form)
    assert again.status_code == 303, again.text
    assert client.get(again.headers["location"]).status_code == 200  # logged in


def test_the_busy_page_in_the_browser_and_back_to_the_form(
    page, impatient_console: ConsoleServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.web.accessibility import contrast_problems, focus_problems
    from tests.web.test_browser import shot

    console = impatient_console
    account = console.ready_account("lia", Role.OPERATOR)
    page.goto(console.url + "/login")
    page.get_by_label("Nome utente").fill(account.name)
    page.get_by_label("Password").fill(account.password)
    page.get_by_label("Codice dell'app di autenticazione").fill(
        console.clock.code(account.totp_secret or "")
    )
    holder = sqlite3.connect(tmp_path / "console.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        page.get_by_role("button", name="Accedi").click()
        page.wait_for_load_state()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Non è stato salvato niente" in page.inner_text("main")
    assert contrast_problems(page) == [] and focus_problems(page) == []
    shot(page, "database-busy")
    # Back in the browser: the form is there with what was typed (a password excepted,
    # which browsers never restore), and sending it again now works.
    page.go_back()
    assert page.get_by_label("Nome utente").input_value() == account.name
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_load_state()
    assert not page.url.startswith(console.url + "/login"), page.url
