"""The person page and the audit log in a real browser (Chromium through Playwright), and
their roles over plain HTTP: search → the person's page → their answers (audited) → the
two downloads → an erasure in two steps → the person is gone and the audit shows each
step. A person named like an HTML tag shows as text. Screenshots in var/screenshots/."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from store.db import create_engine_async, session_factory
from store.models import AuditEntry
from tests.adapters.test_privacy import SECRET_ANSWER, everything_in_the_database, fill
from tests.web.support import ConsoleServer, Ready, _run_elsewhere, csrf_of
from tests.web.test_browser import shot
from web.roles import Role

XSS = "<img src=x onerror=alert(1)>"
ANNA = 4242
MARCO = 777


def seed(console: ConsoleServer) -> None:
    async def work() -> None:
        engine = create_engine_async(console.database_url)
        try:
            sessions = session_factory(engine)
            await fill(sessions, ANNA, XSS)
            await fill(sessions, MARCO, "Marco Bianchi")
        finally:
            await engine.dispose()

    _run_elsewhere(work())


def database(console: ConsoleServer, query):  # type: ignore[no-untyped-def]
    async def work():  # type: ignore[no-untyped-def]
        engine = create_engine_async(console.database_url)
        try:
            return await query(session_factory(engine))
        finally:
            await engine.dispose()

    return _run_elsewhere(work())


def audit_rows(console: ConsoleServer) -> list[tuple[str, str]]:
    async def query(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            rows = await session.execute(
                select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.id)
            )
            return [tuple(row) for row in rows]

    return database(console, query)


def browser_login(page, console: ConsoleServer, account: Ready) -> None:  # type: ignore[no-untyped-def]
    page.goto(console.url + "/login")
    page.get_by_label("Nome utente").fill(account.name)
    page.get_by_label("Password").fill(account.password)
    if account.totp_secret:
        code = console.clock.code(account.totp_secret)
        page.get_by_label("Codice dell'app di autenticazione").fill(code)
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_url(lambda url: "/login" not in url)
    console.clock.advance(timedelta(seconds=30))


def test_search_page_answers_export_and_erase_in_two_steps(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    seed(console)
    coordinator = console.ready_account("carla", Role.COORDINATOR)
    admin = console.ready_account("ada", Role.ADMIN)
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    browser_login(page, console, coordinator)

    # Search: a single letter is refused beside the field, and what was typed stays.
    page.get_by_role("link", name="Persone", exact=True).click()
    page.get_by_label("Nome o numero Telegram").fill("x")
    page.get_by_label("Comune").fill("Pandino")
    page.get_by_role("button", name="Cerca").click()
    assert "almeno 2 lettere" in page.locator("#q-error").inner_text()
    assert page.get_by_label("Nome o numero Telegram").input_value() == "x"
    assert page.get_by_label("Comune").input_value() == "Pandino"
    page.get_by_label("Nome o numero Telegram").fill("img")
    page.get_by_role("button", name="Cerca").click()
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 1
    # The name is text in the DOM, never an element: no <img> anywhere in the results.
    assert page.locator("main img").count() == 0
    assert rows.first.locator("a").inner_text() == XSS
    rows.first.locator("a").click()

    # The person's page: everything but the answers, which wait for a request.
    assert page.get_by_role("heading", level=1).inner_text() == XSS
    assert page.locator("main img").count() == 0
    main = page.locator("main").inner_text()
    assert "Ha probabilmente i requisiti" in main and "Prenotato" in main and "Corso" in main
    assert "colloquio di orientamento" in main  # the kind in words, not its id
    assert "Ha chiesto una persona" in main
    assert SECRET_ANSWER not in page.content()
    shot(page, "person")
    page.get_by_role("button", name="Mostra le risposte").click()
    answers = page.locator("#answers-1")
    assert SECRET_ANSWER in answers.inner_text()
    assert "scritta nel registro" in page.locator(".notice").inner_text()

    # The two downloads: the very documents of /imieidati.
    with page.expect_download() as got:
        page.get_by_role("button", name="Scarica i dati (file JSON)").click()
    data = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert got.value.suggested_filename.startswith(f"proximity-dati-{ANNA}-")
    assert data["profile"]["name"] == XSS
    assert data["prescreenings"][0]["answers"]["residence"] == SECRET_ANSWER
    with page.expect_download() as got:
        page.get_by_role("button", name="Scarica i dati (pagina da leggere)").click()
    document = Path(got.value.path()).read_text(encoding="utf-8")
    assert got.value.suggested_filename.endswith(".html")
    assert XSS not in document and "&lt;img src=x" in document

    # Erasure, step one: the consequences, and nothing to type yet.
    page.get_by_role("link", name="Cancella i dati della persona").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Cancellare i dati")
    assert "lista d'attesa" in page.locator("main").inner_text()
    assert page.locator("main input:not([type=hidden])").count() == 0
    page.get_by_role("link", name="Ho capito, continua").click()
    # Step two: a wrong id keeps the person, says why beside the field and keeps the typing.
    field = page.get_by_label(f"Per confermare, scrivi il numero Telegram {ANNA}")
    field.fill("4243")
    page.get_by_role("button", name="Cancella tutti i dati").click()
    assert f"Scrivi {ANNA}" in page.locator("#typed-error").inner_text()
    assert field.input_value() == "4243"
    shot(page, "person-erase")
    field.fill(str(ANNA))
    page.get_by_role("button", name="Cancella tutti i dati").click()
    assert "sono stati cancellati" in page.locator(".notice").inner_text()

    # Gone: not found, nowhere in the database, and a kind page at the old address.
    page.get_by_label("Nome o numero Telegram").fill(str(ANNA))
    page.get_by_role("button", name="Cerca").click()
    assert "Nessuna persona trovata" in page.locator("main").inner_text()
    page.goto(f"{console.url}/people/{ANNA}")
    assert page.get_by_role("heading", level=1).inner_text() == "Persona non trovata"
    dump = database(console, everything_in_the_database)
    assert str(ANNA) not in dump and "onerror" not in dump and "Marco Bianchi" in dump
    assert alerts == []

    # The admin's audit: each step, by carla, and the erased person no longer named.
    page.get_by_role("button", name="Esci", exact=True).click()
    browser_login(page, console, admin)
    page.get_by_role("link", name="Registro").click()
    page.get_by_label("Chi", exact=True).fill("carla")
    page.get_by_role("button", name="Filtra").click()
    assert page.get_by_label("Chi", exact=True).input_value() == "carla"
    table = page.locator("table.audit tbody")
    steps = [
        step
        for step in table.locator("td:nth-child(3)").all_inner_texts()
        if step.startswith("Ha ")  # what she did to people's data, not her logins
    ]
    assert list(reversed(steps)) == [
        "Ha aperto la scheda",
        "Ha visto le risposte al questionario",
        "Ha scaricato i dati",
        "Ha scaricato i dati",
        "Ha aperto la cancellazione",
        "Ha aperto la conferma della cancellazione",
        "Ha aperto la conferma della cancellazione",  # the wrong id, shown again
        "Ha cancellato i dati",
    ]
    assert set(table.locator("td:nth-child(2)").all_inner_texts()) == {"carla"}
    assert table.locator("a").count() == 0  # no entry links to the erased person any more
    shot(page, "audit")
    with page.expect_download() as got:
        page.get_by_role("link", name="Scarica queste righe (CSV)").click()
    lines = Path(got.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,at,actor,actor_name,action,telegram_id"
    assert len(lines) == table.locator("tr").count() + 1
    assert all(",carla," in line for line in lines[1:])
    assert "web-audit-exported" in [action for _, action in audit_rows(console)]


def test_audit_filters_keep_what_was_typed_and_say_what_is_wrong(console: ConsoleServer) -> None:
    seed(console)
    admin = console.http_login(console.ready_account("ada", Role.ADMIN))
    wrong = admin.get(
        "/audit", params={"actor": "nobody", "person": "12ab", "since": "ieri", "until": ""}
    )
    assert wrong.status_code == 400
    for message in ("Nessun account", "solo le cifre", "come 31/12/2026"):
        assert message in wrong.text
    assert 'value="12ab"' in wrong.text and 'value="ieri"' in wrong.text
    backwards = admin.get("/audit", params={"since": "2026-12-02", "until": "2026-12-01"})
    assert backwards.status_code == 400 and "viene dopo" in backwards.text
    own = admin.get("/audit", params={"actor": "self", "person": str(ANNA)})
    assert own.status_code == 200 and own.text.count("<td>Ha scaricato i dati</td>") == 1
    assert admin.get("/audit.csv", params={"person": "x"}).status_code == 400


def test_operators_see_people_but_cannot_export_erase_or_read_the_audit(
    console: ConsoleServer,
) -> None:
    seed(console)
    operator = console.http_login(console.ready_account("olga", Role.OPERATOR, totp=False))
    page = operator.get(f"/people/{ANNA}")
    assert page.status_code == 200
    assert "Solo il coordinamento" in page.text and "Scarica i dati" not in page.text
    assert XSS not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    token = csrf_of(page.text)
    assert operator.post(f"/people/{ANNA}/export", data={"csrf_token": token}).status_code == 403
    assert operator.get(f"/people/{ANNA}/erase").status_code == 403
    confirm = {"csrf_token": token, "typed": str(ANNA)}
    assert operator.post(f"/people/{ANNA}/erase/confirm", data=confirm).status_code == 403
    assert operator.get("/audit").status_code == 403
    assert operator.get("/audit.csv").status_code == 403
    # Answers: a POST with the form's token; without it, refused like any change.
    assert operator.post(f"/people/{ANNA}/answers").status_code == 403
    shown = operator.post(f"/people/{ANNA}/answers", data={"csrf_token": token})
    assert shown.status_code == 200 and SECRET_ANSWER in shown.text
    actions = [action for actor, action in audit_rows(console) if actor.startswith("web:")]
    assert actions[-2:] == ["web-person-viewed", "web-answers-viewed"]
    assert "exported" not in actions and "erased" not in actions
    # She is still there, and bad or unknown ids get the kind page.
    assert operator.get(f"/people/{ANNA}").status_code == 200
    for bad in ("abc", "1" * 40, "31337"):
        missing = operator.get(f"/people/{bad}")
        assert missing.status_code == 404 and "Persona non trovata" in missing.text


@pytest.mark.parametrize("typed", ["", "4243", " 42 42 "])
def test_a_wrong_confirmation_erases_nothing(console: ConsoleServer, typed: str) -> None:
    seed(console)
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    form = coordinator.get(f"/people/{ANNA}/erase/confirm")
    response = coordinator.post(
        f"/people/{ANNA}/erase/confirm", data={"csrf_token": csrf_of(form.text), "typed": typed}
    )
    assert response.status_code == 400 and "Il numero non è uguale" in response.text
    assert coordinator.get(f"/people/{ANNA}").status_code == 200
    assert isinstance(coordinator, httpx.Client)
