"""Taking a person in charge in the console, over HTTP and in a real browser: the roles, CSRF,
errors beside the fields with nothing saved, the audit rows, the special categories only on
request, the path editor and the exit; and after the browser's form, the appointment kinds
the bot offers the person open up (the same `load_agenda` the bot's turn calls)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from app import intake
from store import appointments
from store.agenda_config import load_agenda_config
from store.models import CareChange, CareRecord, CareStep, Slot
from store.settings import PROJECT_ROOT
from tests.web.support import ConsoleServer, csrf_of
from tests.web.test_browser import shot
from tests.web.test_people_pages import ANNA, MARCO, XSS, audit_rows, browser_login, database, seed
from web.roles import Role

HOST = "Cooperativa <b>Girasole</b>"


def counts(console: ConsoleServer) -> tuple[int, int, int]:
    async def query(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            return tuple(
                [
                    await session.scalar(select(func.count()).select_from(table))
                    for table in (CareRecord, CareStep, CareChange)
                ]
            )

    return database(console, query)


def offered_kinds(console: ConsoleServer, telegram_id: int) -> set[str]:
    """The kinds of free slots the bot's appointments flow offers the person now."""
    config = load_agenda_config(PROJECT_ROOT / "config" / "appointments.yaml")

    async def query(sessions):  # type: ignore[no-untyped-def]
        async with sessions.begin() as session:
            mine = select(func.count()).select_from(Slot).where(Slot.operator == "Intake")
            if not await session.scalar(mine):
                for hours, kind in enumerate(("orientation", "skills_assessment", "tutoring")):
                    start = console.clock() + timedelta(days=2, hours=hours)
                    session.add(
                        Slot(
                            type=kind, starts_at=start, ends_at=start + timedelta(hours=1),
                            place_id="crema", operator="Intake", created_at=console.clock(),
                        )
                    )  # fmt: skip
        async with sessions() as session:
            agenda = await appointments.load_agenda(session, telegram_id, console.clock(), config)
        return {s.kind for s in agenda.free}

    return database(console, query)


def test_coordinators_take_in_charge_operators_only_read(console: ConsoleServer) -> None:
    seed(console)
    today = console.clock().date().isoformat()  # UTC and Rome agree but for 1-2 hours a day
    operator = console.http_login(console.ready_account("olga", Role.OPERATOR, totp=False))
    person = operator.get(f"/people/{ANNA}")
    assert person.status_code == 200 and "In carico ai servizi" in person.text
    assert "Non c&#39;è ancora un percorso" in person.text
    assert "Registra l&#39;inizio del percorso" not in person.text
    token = csrf_of(person.text)
    for path in ("care", "care/path", "care/exit", "care/steps/1"):
        assert operator.get(f"/people/{ANNA}/{path}").status_code == 403, path
    assert operator.post(f"/people/{ANNA}/care", data={"csrf_token": token}).status_code == 403

    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    form = coordinator.get(f"/people/{ANNA}/care")
    assert form.status_code == 200
    assert "Dati particolari (facoltativi)" in form.text and "Art. 9(2)(g) GDPR" in form.text
    assert XSS not in form.text and "&lt;img src=x onerror=alert(1)&gt;" in form.text
    token = csrf_of(form.text)
    good = {
        "csrf_token": token,
        "taken_in_charge_on": today,
        "services": ["sil", "asst"],
        "gender": "female",
        "education": "isced_0_2",
        "employment_at_entry": "unemployed",
        "birth_year": "1975",
        "comune_istat": "",
        "disability": "yes",
        "homeless_or_housing_exclusion": "",
    }
    # Without the token: refused, nothing kept.
    assert (
        coordinator.post(f"/people/{ANNA}/care", data={**good, "csrf_token": ""}).status_code == 403
    )
    # Bad values: each named beside its field, what was typed kept, nothing kept.
    tomorrow = (console.clock() + timedelta(days=2)).date().isoformat()
    bad = {**good, "taken_in_charge_on": tomorrow, "gender": "x", "birth_year": "75",
           "services": ["sil", "polizia"]}  # fmt: skip
    refused = coordinator.post(f"/people/{ANNA}/care", data=bad)
    assert refused.status_code == 400
    for field, words in (
        ("taken_in_charge_on", "non può essere dopo oggi"),
        ("gender", "Scegli una delle risposte"),
        ("birth_year", "4 cifre"),
        ("services", "solo i servizi della lista"),
    ):
        assert f'id="{field}-error"' in refused.text and words in refused.text, field
    assert 'href="#gender"' in refused.text  # the summary links to the field
    assert 'value="75"' in refused.text
    assert counts(console) == (0, 0, 0)
    assert offered_kinds(console, ANNA) == {"orientation"}

    saved = coordinator.post(f"/people/{ANNA}/care", data=good)
    assert saved.status_code == 303 and saved.headers["location"].endswith("?care=opened#care")
    assert offered_kinds(console, ANNA) == {"orientation", "skills_assessment", "tutoring"}
    assert offered_kinds(console, MARCO) == {"orientation"}
    again = coordinator.post(f"/people/{ANNA}/care", data={**good, "education": "isced_5_8"})
    assert again.status_code == 303 and again.headers["location"].endswith("?care=saved#care")

    # The operator reads it; the special categories only on request, audited.
    page = operator.get(f"/people/{ANNA}").text
    assert "SIL - Servizio di Inserimento Lavorativo" in page and "Donna" in page
    assert "Laurea o oltre (ISCED 5-8)" in page and 'id="care-special-' not in page
    assert "Disabilità riconosciuta: <em>nascosto</em>" in page  # the history names it only
    shown = operator.post(f"/people/{ANNA}/care/special", data={"csrf_token": csrf_of(page)})
    assert shown.status_code == 200 and 'id="care-special-' in shown.text
    special = shown.text.split('id="care-special-')[1].split("</dl>")[0]
    assert "<dt>Disabilità riconosciuta</dt><dd>Sì</dd>" in special
    assert "<em>nascosto</em>" not in shown.text
    assert "Dati particolari mostrati" in shown.text
    assert operator.post(f"/people/{ANNA}/care/special").status_code == 403

    # The path: an internship without its host is refused beside the field.
    path = coordinator.get(f"/people/{ANNA}/care/path")
    assert path.status_code == 200
    step = {"csrf_token": token, "kind": "internship", "starts_on": today, "weekly_hours": "-2",
            "status": "planned"}  # fmt: skip
    wrong = coordinator.post(f"/people/{ANNA}/care/path", data=step)
    assert wrong.status_code == 400
    assert 'id="host-error"' in wrong.text and 'id="weekly_hours-error"' in wrong.text
    added = coordinator.post(
        f"/people/{ANNA}/care/path", data={**step, "host": HOST, "weekly_hours": "20"}
    )
    assert added.status_code == 303
    path = coordinator.get(f"/people/{ANNA}/care/path").text
    assert HOST not in path and "Cooperativa &lt;b&gt;Girasole&lt;/b&gt;" in path
    step_id = int(path.split("/care/steps/")[1].split('"')[0])
    edit = coordinator.get(f"/people/{ANNA}/care/steps/{step_id}")
    assert edit.status_code == 200 and 'value="20"' in edit.text
    backwards = {**step, "host": HOST, "weekly_hours": "20", "ends_on": "2000-01-01"}
    refused_step = coordinator.post(f"/people/{ANNA}/care/steps/{step_id}", data=backwards)
    assert refused_step.status_code == 400 and "La fine viene prima dell" in refused_step.text
    ongoing = {**step, "host": HOST, "weekly_hours": "24", "status": "ongoing"}
    assert coordinator.post(f"/people/{ANNA}/care/steps/{step_id}", data=ongoing).status_code == 303
    assert coordinator.get(f"/people/{ANNA}/care/steps/{step_id + 9}").status_code == 404
    history = coordinator.get(f"/people/{ANNA}/care/path").text
    assert "Passo cambiato" in history and "20 → 24" in history

    # The exit: not before the entry; then the kinds close again.
    exit_form = coordinator.get(f"/people/{ANNA}/care/exit")
    assert exit_form.status_code == 200
    early = {
        "csrf_token": token,
        "exit_on": "2000-01-01",
        "exit_outcome": "employed",
        "followup_consent": "no",
    }
    too_early = coordinator.post(f"/people/{ANNA}/care/exit", data=early)
    assert too_early.status_code == 400 and 'id="exit_on-error"' in too_early.text
    assert coordinator.post(
        f"/people/{ANNA}/care/exit", data={**early, "exit_on": today}
    ).status_code == 303  # fmt: skip
    assert offered_kinds(console, ANNA) == {"orientation"}
    closed = coordinator.get(f"/people/{ANNA}")
    assert "Percorsi chiusi" in closed.text and "Lavora (dipendente)" in closed.text
    assert counts(console) == (1, 1, 5)

    web = [(a, b) for a, b in audit_rows(console) if a.startswith("web:")]
    actions = [action for _, action in web]
    for action in (
        intake.FORM_VIEWED,
        intake.TAKEN_IN_CHARGE,
        intake.INTAKE_CHANGED,
        intake.SPECIAL_VIEWED,
        intake.STEP_ADDED,
        intake.STEP_CHANGED,
        intake.EXIT_RECORDED,
    ):
        assert action in actions, action
    assert actions.count(intake.TAKEN_IN_CHARGE) == 1  # the refused forms left no trace
    assert actions.count(intake.STEP_CHANGED) == 1
    # The operator's request for the special categories names the operator.
    olga = next(a for a, b in web if b == "web-person-viewed")
    assert (olga, intake.SPECIAL_VIEWED) in web


def test_the_intake_form_in_the_browser(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    # The one wrong year posted answers 400 by design; nothing else may fail.
    page.on(
        "response",
        lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    seed(console)
    browser_login(page, console, console.ready_account("carla", Role.COORDINATOR))
    page.goto(f"{console.url}/people/{MARCO}")
    page.get_by_role("link", name="Registra l'inizio del percorso").click()
    page.wait_for_url(f"**/people/{MARCO}/care")
    assert page.get_by_role("heading", name="Dati particolari (facoltativi)").is_visible()
    shot(page, "intake-form")

    # A wrong year: the error beside the field, focus on the summary.
    page.get_by_label("SIL - Servizio di Inserimento Lavorativo").check()
    page.get_by_label("Centro per l'Impiego").check()
    page.get_by_role("radio", name="Uomo").check()
    page.get_by_label("Anno di nascita").fill("19")
    page.get_by_role("button", name="Registra l'inizio del percorso").click()
    assert "4 cifre" in page.locator("#birth_year-error").inner_text()
    assert page.get_by_label("Centro per l'Impiego").is_checked()  # what was chosen is kept
    shot(page, "intake-form-error")
    page.get_by_label("Anno di nascita").fill("1971")
    page.get_by_role("group", name="Titolo di studio più alto").get_by_role(
        "radio", name="Diploma o qualifica professionale (ISCED 3-4)"
    ).check()
    page.get_by_role("button", name="Registra l'inizio del percorso").click()
    page.wait_for_url(f"**/people/{MARCO}?care=opened#care")
    assert "Il bot ora offre anche gli altri appuntamenti" in page.locator("#care").inner_text()
    # The bot offers the kinds for people in charge at once.
    assert offered_kinds(console, MARCO) == {"orientation", "skills_assessment", "tutoring"}

    page.get_by_role("link", name="Cambia il percorso").click()
    page.get_by_role("radio", name="Tirocinio di inclusione").check()
    page.get_by_label("Dove si svolge").fill("Officina Rossi snc")
    page.get_by_label("Ore a settimana").fill("18")
    page.get_by_role("button", name="Aggiungi il passo").click()
    page.wait_for_url("**/care/path?done=step")
    assert "Officina Rossi snc" in page.locator("table.list").first.inner_text()
    page.goto(f"{console.url}/people/{MARCO}#care")
    shot(page, "intake-person")
    assert errors == [f"400 {console.url}/people/{MARCO}/care"]
