"""The six-month follow-up in the console, over HTTP and in a real browser: the exit form's
consent question (required, its error beside the field, nothing saved without it), and the
operator's follow-up form (any role, audited, CSRF, errors beside the fields with nothing
saved, kept in the record's history, another person's record refused)."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from app.followup import FOLLOWUP_FORM_VIEWED, FOLLOWUP_RECORDED
from store.models import Beneficiary, CareRecord
from tests.web.accessibility import contrast_problems, focus_problems
from tests.web.support import ConsoleServer, csrf_of
from tests.web.test_browser import shot
from tests.web.test_people_pages import ANNA, MARCO, audit_rows, browser_login, database, seed
from web.roles import Role


def record_of(console: ConsoleServer, telegram_id: int) -> CareRecord | None:
    async def query(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            return await session.scalar(
                select(CareRecord)
                .join(Beneficiary, Beneficiary.id == CareRecord.beneficiary_id)
                .where(Beneficiary.telegram_id == telegram_id)
            )

    return database(console, query)


def taken_in_charge(console: ConsoleServer, coordinator: httpx.Client, telegram_id: int) -> str:
    form = coordinator.get(f"/people/{telegram_id}/care")
    token = csrf_of(form.text)
    today = console.clock().date().isoformat()
    opened = coordinator.post(
        f"/people/{telegram_id}/care",
        data={"csrf_token": token, "taken_in_charge_on": today, "gender": "female"},
    )
    assert opened.status_code == 303, opened.text
    return token


def test_the_exit_asks_for_consent_and_operators_record_the_follow_up(
    console: ConsoleServer,
) -> None:
    seed(console)
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    token = taken_in_charge(console, coordinator, ANNA)
    today = console.clock().date()

    # The exit form asks the question, with its purpose and legal basis.
    page = coordinator.get(f"/people/{ANNA}/care/exit")
    assert "La persona accetta che le scriviamo tra 6 mesi per sapere come va?" in page.text
    assert "Art. 6(1)(a) GDPR" in page.text
    out = {"csrf_token": token, "exit_on": today.isoformat(), "exit_outcome": "job_searching"}
    refused = coordinator.post(f"/people/{ANNA}/care/exit", data=out)
    assert refused.status_code == 400
    assert 'id="followup_consent-error"' in refused.text
    assert "Chiedi alla persona e scegli sì o no." in refused.text
    assert 'href="#followup_consent"' in refused.text  # the summary links to the field
    assert record_of(console, ANNA).exit_on is None  # nothing saved
    done = coordinator.post(f"/people/{ANNA}/care/exit", data={**out, "followup_consent": "no"})
    assert done.status_code == 303
    record = record_of(console, ANNA)
    assert record.followup_consent is False and record.followup_due_on is not None
    due = record.followup_due_on.strftime("%d/%m/%Y")

    # Any operator reads it on the person's page and records the follow-up.
    operator = console.http_login(console.ready_account("olga", Role.OPERATOR, totp=False))
    person = operator.get(f"/people/{ANNA}")
    assert "Sei mesi dopo l&#39;uscita" in person.text
    assert "La persona non vuole messaggi dal bot." in person.text
    form = operator.get(f"/people/{ANNA}/care/followup?record={record.id}")
    assert form.status_code == 200 and due in form.text
    assert operator.get(f"/people/{ANNA}/care/followup").status_code == 200  # the newest
    token = csrf_of(form.text)
    good = {"csrf_token": token, "record": str(record.id), "followup_on": today.isoformat()}
    assert operator.post(
        f"/people/{ANNA}/care/followup", data={**good, "csrf_token": ""}
    ).status_code == 403  # fmt: skip
    bad = operator.post(
        f"/people/{ANNA}/care/followup",
        data={**good, "followup_status": "rich", "followup_on": "2000-01-01"},
    )
    assert bad.status_code == 400
    assert 'id="followup_status-error"' in bad.text and "Scegli com&#39;è andata." in bad.text
    assert 'id="followup_on-error"' in bad.text and "prima dell&#39;uscita" in bad.text
    assert 'value="2000-01-01"' in bad.text  # what was typed is kept
    assert record_of(console, ANNA).followup_status is None
    saved = operator.post(
        f"/people/{ANNA}/care/followup", data={**good, "followup_status": "self_employed"}
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/people/{ANNA}?care=followup#care"
    record = record_of(console, ANNA)
    assert (record.followup_status, record.followup_on, record.followup_by) == (
        "self_employed", today, "olga",
    )  # fmt: skip
    person = operator.get(f"/people/{ANNA}?care=followup")
    assert "Lavora in proprio" in person.text and "scritto da olga" in person.text
    assert "Salvato com&#39;è andata dopo sei mesi." in person.text

    # Another person's record, a person still in charge, a made-up id: the 404 page.
    taken_in_charge(console, coordinator, MARCO)
    assert operator.get(f"/people/{MARCO}/care/followup?record={record.id}").status_code == 404
    assert operator.get(f"/people/{MARCO}/care/followup").status_code == 404
    assert operator.get(f"/people/{ANNA}/care/followup?record=x1").status_code == 404
    posted = operator.post(
        f"/people/{MARCO}/care/followup", data={**good, "followup_status": "employed"}
    )
    assert posted.status_code == 404

    actions = [b for a, b in audit_rows(console) if a.startswith("web:")]
    assert actions.count(FOLLOWUP_RECORDED) == 1  # the refused forms left no trace
    assert FOLLOWUP_FORM_VIEWED in actions


def test_the_follow_up_form_in_the_browser(page, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on(
        "response",
        lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    seed(console)
    account = console.ready_account("carla", Role.COORDINATOR)
    taken_in_charge(console, console.http_login(account), MARCO)
    browser_login(page, console, account)
    # The exit, in the browser: the consent question with its purpose and legal basis.
    page.goto(f"{console.url}/people/{MARCO}/care/exit")
    page.get_by_role("radio", name="Cerca lavoro").check()
    consent = page.get_by_role("group", name="La persona accetta che le scriviamo tra 6 mesi")
    consent.get_by_role("radio", name="Sì, accetta").check()
    assert contrast_problems(page) == []
    shot(page, "care-exit-followup")
    page.get_by_role("button", name="Registra l'uscita").click()
    page.wait_for_url(f"**/people/{MARCO}?care=exit#care")
    assert record_of(console, MARCO).followup_consent is True
    assert "Il bot chiede dal" in page.locator("#care").inner_text()
    page.get_by_role("link", name="Scrivi com'è andata").click()
    page.wait_for_url("**/care/followup?record=*")
    assert page.get_by_role("heading", name="Sei mesi dopo l'uscita").is_visible()
    # Saved without a status: the error beside the field, with the keyboard.
    page.get_by_role("button", name="Salva").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Scegli com'è andata." in page.locator("#followup_status-error").inner_text()
    shot(page, "followup-form-error")
    page.get_by_role("radio", name="Lavora per qualcuno (dipendente)").check()
    assert contrast_problems(page) == []
    assert focus_problems(page) == []
    shot(page, "followup-form")
    page.get_by_role("button", name="Salva").click()
    page.wait_for_url(f"**/people/{MARCO}?care=followup#care")
    assert "Lavora per qualcuno (dipendente)" in page.locator("#care").inner_text()
    assert record_of(console, MARCO).followup_status == "employed"
    shot(page, "followup-person")
    page.goto(f"{console.url}/people/{MARCO}/care/followup")
    assert errors == [f"400 {console.url}/people/{MARCO}/care/followup"]
