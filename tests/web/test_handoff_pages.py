"""The inbox and a handoff's conversation page: over HTTP (roles, CSRF, audit, escaping) and
in a real browser (live updates without reload, claim, reply, note, close, keyboard).

The console runs with the real handoff service and database; only the Telegram side is
in memory (RecordingViews), so what reached "the person" and "the topic" can be read.
The whole journey with the real bot, emulator and Rasa is tests/e2e/test_web_handoff.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.handoffs import HandoffService
from store import handoffs
from store.models import AuditEntry, Beneficiary, Handoff
from tests.adapters.test_handoff_service import RecordingViews
from tests.web.support import ConsoleServer, MovableClock, Ready, csrf_of
from tests.web.test_browser import shot
from web import create_app
from web.roles import Role

XSS = "<img src=x onerror=alert(1)>"


class HandoffConsole(ConsoleServer):
    """The console server of tests/web, with a handoff service whose Telegram side is
    in memory."""

    def __init__(self, database_url: str, clock: MovableClock) -> None:
        super().__init__(database_url, clock)
        self.views = RecordingViews()

    def app(self, sessions):  # type: ignore[no-untyped-def]
        service = HandoffService(sessions, self.clock, self.views, None, "Europe/Rome")
        return create_app(sessions, self.settings, self.clock, handoffs=service)

    def person_asks(
        self, telegram_id: int, name: str | None, *, urgent: bool = False, ago: int = 0
    ) -> int:
        at = self.clock() - timedelta(minutes=ago)

        async def work(session):  # type: ignore[no-untyped-def]
            if name is not None:
                session.add(
                    Beneficiary(
                        telegram_id=telegram_id, display_name=name, language="fr",
                        consent_version="1", consent_at=at, created_at=at, last_seen_at=at,
                    )
                )  # fmt: skip
            await handoffs.remember_text(session, telegram_id, "je veux parler à quelqu'un", at)
            handoff, _ = await handoffs.open_handoff(
                session, telegram_id, "distress" if urgent else "asked", urgent, at
            )
            return handoff.id

        return int(self.db(work))

    def person_writes(self, handoff_id: int, text: str) -> None:
        async def work(session):  # type: ignore[no-untyped-def]
            handoff = await session.get(Handoff, handoff_id)
            await handoffs.record_relay(session, handoff, "in", 1, 2, text, self.clock())

        self.db(work)

    def audit_actions(self) -> list[str]:
        async def work(session):  # type: ignore[no-untyped-def]
            return list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))

        return list(self.db(work))


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[HandoffConsole]:
    server = HandoffConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


# ----------------------------------------------------------------------------------- HTTP


def test_inbox_order_filters_and_who_may_see_it(console: HandoffConsole) -> None:
    calm = console.person_asks(1, "Calma", ago=40)
    urgent = console.person_asks(2, "Urgente", urgent=True, ago=1)
    early = console.person_asks(3, None, ago=90)
    operator = console.http_login(console.ready_account("anna", Role.OPERATOR, totp=False))

    page = operator.get("/inbox")
    assert page.status_code == 200
    order = [page.text.index(f'data-handoff="{i}"') for i in (urgent, early, calm)]
    assert order == sorted(order)
    assert "Senza nome (id 3)" in page.text and "francese" in page.text

    claimed = operator.post(f"/handoffs/{calm}/claim", data={"csrf_token": csrf_of(page.text)})
    assert claimed.status_code == 303
    mine = operator.get("/inbox?filter=mine").text
    assert f'data-handoff="{calm}"' in mine and f'data-handoff="{urgent}"' not in mine
    unclaimed = operator.get("/inbox/live?filter=unclaimed").text
    assert f'data-handoff="{calm}"' not in unclaimed and f'data-handoff="{urgent}"' in unclaimed
    assert "<html" not in unclaimed  # a fragment for live.js

    anonymous = operator.__class__(base_url=console.url, follow_redirects=False)
    for path in ("/inbox", "/inbox/live", f"/handoffs/{calm}", f"/handoffs/{calm}/live"):
        assert anonymous.get(path).status_code == 303


def test_actions_need_the_csrf_token_and_each_view_is_audited(console: HandoffConsole) -> None:
    handoff_id = console.person_asks(5, "Elena")
    operator = console.http_login(console.ready_account("bruno", Role.OPERATOR, totp=False))
    for action in ("claim", "close", "write/reply", "write/note"):
        refused = operator.post(f"/handoffs/{handoff_id}/{action}", data={"text": "x"})
        assert refused.status_code == 403
    assert console.views.person == [] and console.views.topic == []

    page = operator.get(f"/handoffs/{handoff_id}")
    operator.get(f"/handoffs/{handoff_id}/live")  # the live refresh is not a new view
    assert [a for a in console.audit_actions() if "handoff" in a] == ["viewed_handoff"]
    token = csrf_of(page.text)
    empty = operator.post(f"/handoffs/{handoff_id}/write/reply", data={"csrf_token": token})
    assert empty.status_code == 400 and "Scrivi un testo." in empty.text
    assert operator.get("/handoffs/999").status_code == 404


def test_a_name_and_messages_with_html_are_shown_as_text(console: HandoffConsole) -> None:
    handoff_id = console.person_asks(6, XSS)
    console.person_writes(handoff_id, "<script>alert(2)</script> aiuto")
    operator = console.http_login(console.ready_account("carla", Role.OPERATOR, totp=False))
    for path in ("/inbox", f"/handoffs/{handoff_id}"):
        html = operator.get(path).text
        assert XSS not in html and "<script>alert" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


# -------------------------------------------------------------------------------- browser


def log_in(page, console: HandoffConsole, account: Ready) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{console.url}/login?next=/inbox")
    page.get_by_label("Nome utente").fill(account.name)
    page.get_by_label("Password").fill(account.password)
    if account.totp_secret:
        page.get_by_label("Codice dell'app di autenticazione").fill(
            console.clock.code(account.totp_secret)
        )
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_url("**/inbox")
    console.clock.advance(timedelta(seconds=30))


def test_inbox_and_conversation_live_in_the_browser(page, console: HandoffConsole) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on(
        "console",
        lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None,
    )
    page.on("dialog", lambda d: errors.append(f"dialog {d.message}"))
    page.on(
        "response",
        lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    console.person_asks(11, "Giulia Rossi", ago=25)
    console.person_asks(12, XSS, urgent=True, ago=3)
    log_in(page, console, console.ready_account("dario", Role.OPERATOR))

    rows = page.locator("table.inbox tbody tr")
    assert rows.count() == 2
    # The urgent one first; its name is text in the DOM, not an element.
    assert page.locator("table.inbox img").count() == 0
    assert rows.nth(0).locator(".person-name").inner_text() == XSS

    # A new request shows up without reloading (live.js polls every second).
    late = console.person_asks(13, "Marco", ago=0)
    page.locator(f'tr[data-handoff="{late}"]').wait_for(timeout=2000)
    assert rows.count() == 3
    shot(page, "inbox")

    page.get_by_role("link", name="Giulia Rossi").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Giulia Rossi"
    assert "je veux parler" in page.locator(".summary").inner_text()
    page.get_by_role("button", name="Prendo io").click()
    assert "Ora segui tu questa richiesta." in page.locator(".notice").inner_text()
    assert "La segue Dario." in page.locator(".state").inner_text()

    page.get_by_label("Risposta alla persona").fill("Buongiorno, sono Dario. Come posso aiutare?")
    page.get_by_role("button", name="Invia alla persona").click()
    assert console.views.person == ["👤 Dario: Buongiorno, sono Dario. Come posso aiutare?"]

    # The person answers: it appears in the page without reloading.
    handoff_id = int(page.url.split("/handoffs/")[1].split("?")[0])
    console.person_writes(handoff_id, "Grazie! Cerco lavoro come magazziniere.")
    page.get_by_text("Cerco lavoro come magazziniere").wait_for(timeout=2000)

    # A note: in the page and the topic, never to the person.
    page.get_by_label("Nota interna").fill("Ha già un CV, chiedere il permesso di soggiorno.")
    page.get_by_role("button", name="Salva la nota").click()
    assert page.locator(".msg-note").count() == 1
    assert all("CV" not in text for text in console.views.person)
    assert any(t.startswith("📝 Dario") for t in console.views.topic)
    shot(page, "conversation")

    # Keyboard only: Tab reaches the close button, Enter presses it.
    close = page.get_by_role("button", name="Chiudi: la persona torna al bot")
    close.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**done=close")
    assert "Richiesta chiusa." in page.locator(".state").inner_text()
    assert page.get_by_label("Risposta alla persona").count() == 0
    page.get_by_role("link", name="Torna alle persone in attesa").click()
    assert page.locator(f'tr[data-handoff="{handoff_id}"]').count() == 0
    page.get_by_role("link", name="Chiuse oggi").click()
    assert page.locator(f'tr[data-handoff="{handoff_id}"]').count() == 1
    # The browser's own favicon request is not ours (the console has none).
    assert [e for e in errors if "favicon.ico" not in e] == []
