"""Canned replies: coordinators keep them, operators send one from a conversation with
`{nome}` filled in. Over HTTP (roles, CSRF, errors beside the fields, sending without
JavaScript) and in a real browser (the select fills the reply box, which can be changed).

The console is tests/web/test_handoff_pages.py's: the real handoff service and database,
with the Telegram side in memory, so what reached "the person" can be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.canned import filled, problems
from tests.web.support import MovableClock, csrf_of
from tests.web.test_browser import shot
from tests.web.test_handoff_pages import XSS, HandoffConsole, log_in
from web.roles import Role

HELLO = "Ciao {nome}, sono allo sportello. Porta un documento e il codice fiscale."


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[HandoffConsole]:
    server = HandoffConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def test_the_name_slot_and_what_a_text_may_hold() -> None:
    assert filled(HELLO, "Giulia Rossi").startswith("Ciao Giulia, sono")
    assert filled("Ciao {nome}, a presto", None) == "Ciao, a presto"
    assert filled("{nome}", "  ") == ""
    assert problems("Saluto", HELLO) == {}
    assert problems("", "") == {
        "title": "web-canned-error-title-empty",
        "text": "web-canned-error-text-empty",
    }
    assert problems("x" * 81, "Ciao {name}") == {
        "title": "web-canned-error-title-long",
        "text": "web-canned-error-slot",
    }
    assert problems("Saluto", "x" * 1001) == {"text": "web-canned-error-text-long"}


def test_coordinators_keep_canned_replies(console: HandoffConsole) -> None:
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    page = coordinator.get("/canned")
    assert page.status_code == 200 and "Non ci sono ancora risposte pronte." in page.text
    token = csrf_of(page.text)

    # Without the CSRF token nothing is kept.
    refused = coordinator.post("/canned", data={"title": "Saluto", "text": HELLO})
    assert refused.status_code == 403
    # Errors beside the fields, with what was typed kept.
    wrong = coordinator.post(
        "/canned", data={"csrf_token": token, "title": "", "text": "Ciao {name}"}
    )
    assert wrong.status_code == 400
    assert 'id="title-error"' in wrong.text and "Scrivi un titolo." in wrong.text
    assert 'id="text-error"' in wrong.text and "Ciao {name}</textarea>" in wrong.text

    added = coordinator.post("/canned", data={"csrf_token": token, "title": XSS, "text": HELLO})
    assert added.status_code == 303
    listed = coordinator.get("/canned").text
    assert "Risposta aggiunta." not in listed  # only after the redirect's ?done=
    assert XSS not in listed and "&lt;img src=x onerror=alert(1)&gt;" in listed
    canned_id = int(listed.split('href="/canned/')[1].split('"')[0])

    edit = coordinator.get(f"/canned/{canned_id}")
    assert edit.status_code == 200 and "Ciao {nome}, sono allo sportello" in edit.text
    empty = coordinator.post(f"/canned/{canned_id}", data={"csrf_token": token, "title": "Saluto"})
    assert empty.status_code == 400 and "Scrivi il testo." in empty.text
    saved = coordinator.post(
        f"/canned/{canned_id}", data={"csrf_token": token, "title": "Saluto", "text": HELLO}
    )
    assert saved.status_code == 303
    assert ">Saluto</a>" in coordinator.get("/canned").text

    # Operators use them but do not keep them.
    operator = console.http_login(console.ready_account("bruno", Role.OPERATOR, totp=False))
    assert operator.get("/canned").status_code == 403
    operator_token = csrf_of(operator.get("/inbox").text)
    assert (
        operator.post(f"/canned/{canned_id}/delete", data={"csrf_token": operator_token})
    ).status_code == 403

    deleted = coordinator.post(f"/canned/{canned_id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 303
    assert coordinator.get(f"/canned/{canned_id}").status_code == 404
    assert "Non ci sono ancora risposte pronte." in coordinator.get("/canned").text


def test_an_operator_sends_one_without_javascript(console: HandoffConsole) -> None:
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    token = csrf_of(coordinator.get("/canned").text)
    coordinator.post("/canned", data={"csrf_token": token, "title": "Saluto", "text": HELLO})
    handoff_id = console.person_asks(21, "Giulia Rossi")
    nameless = console.person_asks(22, None)

    operator = console.http_login(console.ready_account("dario", Role.OPERATOR, totp=False))
    page = operator.get(f"/handoffs/{handoff_id}").text
    assert 'data-text="Ciao Giulia, sono allo sportello.' in page
    canned_id = page.split('<option value="')[1].split('"')[0]
    token = csrf_of(page)

    assert operator.post(
        f"/handoffs/{handoff_id}/canned", data={"canned": canned_id}
    ).status_code == 403  # fmt: skip
    sent = operator.post(
        f"/handoffs/{handoff_id}/canned", data={"csrf_token": token, "canned": canned_id}
    )
    assert sent.status_code == 303
    assert console.views.person == [
        "👤 Dario: Ciao Giulia, sono allo sportello. Porta un documento e il codice fiscale."
    ]
    assert "Ciao Giulia, sono allo sportello" in operator.get(f"/handoffs/{handoff_id}").text
    assert console.audit_actions().count("replied") == 1

    operator.post(f"/handoffs/{nameless}/canned", data={"csrf_token": token, "canned": canned_id})
    assert console.views.person[-1].startswith("👤 Dario: Ciao, sono allo sportello.")
    # A canned reply that is gone: nothing is sent, the page says why.
    gone = operator.post(
        f"/handoffs/{handoff_id}/canned", data={"csrf_token": token, "canned": "999"}
    )
    assert gone.status_code == 400 and len(console.views.person) == 2
    assert (
        operator.post("/handoffs/4242/canned", data={"csrf_token": token, "canned": canned_id})
    ).status_code == 404


def test_the_select_fills_the_reply_box_in_the_browser(page, console: HandoffConsole) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on(
        "console",
        lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None,
    )
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    handoff_id = console.person_asks(31, "Giulia Rossi")
    log_in(page, console, console.ready_account("carla", Role.COORDINATOR))

    page.get_by_role("link", name="Risposte pronte").click()
    page.get_by_role("button", name="Aggiungi").click()
    assert page.locator("#title-error").inner_text() == "Scrivi un titolo."
    page.get_by_label("Titolo").fill("Documenti")
    page.get_by_label("Testo").fill("Ciao {nome}, porta la carta d'identità.")
    page.get_by_role("button", name="Aggiungi").click()
    page.get_by_label("Titolo").fill("Orari")
    page.get_by_label("Testo").fill("{nome}, lo sportello è aperto il martedì.")
    page.get_by_role("button", name="Aggiungi").click()
    assert page.locator("table.list tbody tr").count() == 2
    shot(page, "canned")

    page.goto(f"{console.url}/handoffs/{handoff_id}")
    page.get_by_role("button", name="Prendo io").click()
    page.get_by_label("Risposta pronta").select_option(label="Orari")
    reply = page.get_by_label("Risposta alla persona")
    assert reply.input_value() == "Giulia, lo sportello è aperto il martedì."
    reply.fill(reply.input_value() + " Ti aspetto.")
    page.get_by_role("button", name="Invia alla persona").click()
    assert console.views.person == [
        "👤 Carla: Giulia, lo sportello è aperto il martedì. Ti aspetto."
    ]
    shot(page, "conversation-canned")
    # The browser's favicon request is not ours; the 400s are the form sent empty on purpose.
    assert [e for e in errors if "favicon.ico" not in e and "400" not in e] == []
