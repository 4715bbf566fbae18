"""The funder's indicators in the console (/indicators): every count on screen for the
agency's staff, small cells hidden in the CSV and XLSX, the period form with errors beside
its fields, closing a period (confirmation, CSRF, refusals) and reading it back frozen,
who may do what, and the page in Chromium (contrast, keyboard, screenshot)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from store.models import AuditEntry, Beneficiary, CareRecord
from tests.web.accessibility import contrast_problems, focus_problems
from tests.web.support import MovableClock, csrf_of
from tests.web.test_browser import shot
from tests.web.test_handoff_pages import HandoffConsole
from tests.web.test_people_pages import browser_login
from web.roles import Role

# Wednesday 20 May 2026, 11:00 in Rome: the first quarter is over, the second is not.
NOW = datetime(2026, 5, 20, 9, 0, tzinfo=UTC)
CREMA = "019035"
BAGNOLO = "019005"


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(NOW)


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[HandoffConsole]:
    server = HandoffConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def take_in_charge(
    console: HandoffConsole,
    people: list[tuple[str, int, str]],
    on: date = date(2026, 2, 10),
    first_id: int = 1,
) -> None:
    """(gender, birth year, comune) per person, taken in charge `on`."""

    async def work(session):  # type: ignore[no-untyped-def]
        for n, (gender, born, comune) in enumerate(people, start=first_id):
            session.add(Beneficiary(id=n, telegram_id=9000 + n, language="it",
                                    created_at=NOW, last_seen_at=NOW))  # fmt: skip
            await session.flush()
            session.add(
                CareRecord(beneficiary_id=n, taken_in_charge_on=on, recorded_by="web:1",
                           recorded_at=NOW, updated_at=NOW, services=["sil"], gender=gender,
                           education="isced_0_2", employment_at_entry="long_term_unemployed",
                           birth_year=born, comune_istat=comune)
            )  # fmt: skip

    console.db(work)


# Three women and six men in the first quarter of 2026.
QUARTER = (
    [("female", 1980, CREMA)] * 3 + [("male", 1970, CREMA)] * 4 + [("male", 1990, BAGNOLO)] * 2
)


def audited(console: HandoffConsole, action: str) -> int:
    async def work(session):  # type: ignore[no-untyped-def]
        query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        return await session.scalar(query)

    return int(console.db(work))


def eeco01(html: str) -> list[str]:
    """The cells of EECO01's own row on the page: total, women, men, non-binary, not stated."""
    row = html.split("<code>EECO01</code>", 1)[1].split("</tr>", 1)[0]
    return re.findall(r'<td class="num[^"]*">([^<]*)</td>', row)


def test_every_count_on_screen_small_cells_hidden_in_the_files(console: HandoffConsole) -> None:
    take_in_charge(console, QUARTER)
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    page = client.get("/indicators", params={"period": "2026-Q1"})
    assert page.status_code == 200
    assert eeco01(page.text) == ["9", "3", "6", "0", "0"]  # the 3 women shown as 3
    assert "Numeri completi, solo per il personale dell&#39;ente" in page.text
    assert "Dal 01/01/2026 al 31/03/2026" in page.text
    assert "Periodo aperto" in page.text
    # The files leave the agency: 3 women become "<5", and the 6 men beside them "n.d."
    # (else 9 - 6 gives the 3 back).
    csv_file = client.get("/indicators/export", params={"period": "2026-Q1", "format": "csv"})
    assert csv_file.status_code == 200
    assert (
        csv_file.headers["content-disposition"] == 'attachment; filename="indicatori-2026-Q1.csv"'
    )
    rows = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig")), delimiter=";"))
    line = next(r for r in rows if r and r[0] == "EECO01" and r[6] == "tutti")
    assert line[8:] == ["<5", "n.d.", "0", "0", "9"]
    assert not any(cell == "3" for r in rows if r and r[0].startswith("EE") for cell in r[8:12])
    xlsx = client.get("/indicators/export", params={"period": "2026-Q1", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    found = [[c.value for c in row] for row in sheet.iter_rows() if row[0].value == "EECO01"]
    assert found[0][8:] == ["<5", "n.d.", 0, 0, 9]
    assert audited(console, "report-exported") == 2
    # A wrong format or period in a download link goes back to the page, which says why.
    wrong = client.get("/indicators/export", params={"period": "2026-Q5", "format": "csv"})
    assert wrong.status_code == 303 and wrong.headers["location"] == "/indicators?period=2026-Q5"
    assert audited(console, "report-exported") == 2


def test_splits_by_age_band_and_comune_on_request(console: HandoffConsole) -> None:
    take_in_charge(console, QUARTER)
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    plain = client.get("/indicators", params={"period": "2026-Q1"}).text
    assert "Età 40-49" not in plain and "Comune di Crema" not in plain
    split = client.get("/indicators", params={"period": "2026-Q1", "age_band": "1", "comune": "1"})
    html = split.text
    assert (
        "Età 40-49" in html and "Comune di Crema" in html and "Comune di Bagnolo Cremasco" in html
    )
    own = html.split("<code>EECO01</code>", 1)[1].split("<code>", 1)[0]
    crema = own.split("Comune di Crema</th>", 1)[1].split("</tr>", 1)[0]
    assert '<td class="num total">7</td>' in crema  # 3 women and 4 men in Crema
    assert 'id="age_band" name="age_band" value="1" checked' in html


def test_a_wrong_period_is_explained_beside_its_field(console: HandoffConsole) -> None:
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    for typed in ("2026-13", "marzo", "2026-Q5"):
        page = client.get("/indicators", params={"period": typed})
        assert page.status_code == 200
        assert 'id="period-error">Scrivi il periodo così: 2026, 2026-Q1 o 2026-03.' in page.text
        assert 'aria-invalid="true"' in page.text and "<code>EECO01</code>" not in page.text
        assert f'value="{typed}"' in page.text  # what was typed stays
    backwards = client.get("/indicators", params={"from": "2026-03-01", "to": "2026-01-01"})
    assert 'id="to-error">Il secondo giorno viene prima del primo.' in backwards.text
    bad_day = client.get("/indicators", params={"from": "31/02/2026", "to": "2026-03-01"})
    assert 'id="from-error">Scrivi il giorno così: 2026-01-15.' in bad_day.text
    days = client.get("/indicators", params={"from": "2026-02-01", "to": "15/02/2026"})
    assert "Dal 01/02/2026 al 15/02/2026" in days.text and "<code>EECO01</code>" in days.text
    # Without a period: this year, so far.
    assert "Dal 01/01/2026 al 31/12/2026" in client.get("/indicators").text


def test_closing_a_period_freezes_it(console: HandoffConsole) -> None:
    take_in_charge(console, QUARTER)
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    page = client.get("/indicators", params={"period": "2026-Q1"})
    assert 'href="/indicators/close?period=2026-Q1"' in page.text
    confirm = client.get("/indicators/close", params={"period": "2026-Q1"})
    assert confirm.status_code == 200
    assert "Sì, chiudi il periodo" in confirm.text and "Non si può annullare." in confirm.text
    # Without the form's token nothing is closed.
    for data in ({"period": "2026-Q1"}, {"period": "2026-Q1", "csrf_token": "forged"}):
        assert client.post("/indicators/close", data=data).status_code == 403
    assert "Nessun periodo chiuso." in client.get("/indicators").text
    done = client.post(
        "/indicators/close", data={"period": "2026-Q1", "csrf_token": csrf_of(confirm.text)}
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/indicators?period=2026-Q1&closed=1"
    after = client.get(done.headers["location"]).text
    assert "Periodo chiuso. I numeri sono stati congelati." in after
    assert "Periodo chiuso il 20/05/2026 da carla" in after
    # The list of closed periods (the clock moved a minute with the logins).
    assert re.search(r"<td>il 20/05/2026 11:0\d da carla</td>", after)
    assert 'href="/indicators/close?period=2026-Q1"' not in after
    assert audited(console, "report-period-closed") == 1
    # Someone recorded late for the same quarter: the closed figures stay as reported.
    take_in_charge(console, [("female", 1975, CREMA)], first_id=50)
    assert eeco01(client.get("/indicators", params={"period": "2026-Q1"}).text)[0] == "9"
    assert eeco01(client.get("/indicators", params={"period": "2026-02"}).text)[0] == "10"
    # Closed twice: refused beside the field, with when and by whom.
    again = client.post(
        "/indicators/close", data={"period": "2026-Q1", "csrf_token": csrf_of(confirm.text)}
    )
    assert again.status_code == 200
    assert 'id="period-error">Il periodo è già chiuso: chiuso il 20/05/2026 da carla.' in again.text
    assert audited(console, "report-period-closed") == 1


def test_a_period_not_over_cannot_be_closed(console: HandoffConsole) -> None:
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    page = client.get("/indicators", params={"period": "2026-Q2"})
    assert "/indicators/close" not in page.text  # no button for it
    confirm = client.get("/indicators/close", params={"period": "2026-Q2"})
    message = "Il periodo finisce il 30/06/2026: si può chiudere solo dal giorno dopo."
    assert message in confirm.text and "Sì, chiudi il periodo" not in confirm.text
    token = csrf_of(client.get("/indicators").text)
    tried = client.post("/indicators/close", data={"period": "2026-Q2", "csrf_token": token})
    assert tried.status_code == 200 and message in tried.text
    empty = client.post("/indicators/close", data={"csrf_token": token})
    assert 'id="period-error">Scrivi il periodo così' in empty.text
    assert audited(console, "report-period-closed") == 0
    assert "Nessun periodo chiuso." in client.get("/indicators").text


def test_operators_are_refused_everywhere(console: HandoffConsole) -> None:
    take_in_charge(console, QUARTER)
    client = console.http_login(console.ready_account("otto", Role.OPERATOR))
    token = csrf_of(client.get("/inbox").text)
    for response in (
        client.get("/indicators"),
        client.get("/indicators", params={"period": "2026-Q1"}),
        client.get("/indicators/export", params={"period": "2026-Q1", "format": "csv"}),
        client.get("/indicators/close", params={"period": "2026-Q1"}),
        client.post("/indicators/close", data={"period": "2026-Q1", "csrf_token": token}),
        client.get("/reports/pdf", params={"month": "2026-03"}),
    ):
        assert response.status_code == 403
    assert audited(console, "report-exported") == 0
    assert audited(console, "report-period-closed") == 0
    assert audited(console, "report-pdf-made") == 0
    assert "/indicators" not in client.get("/inbox").text
    anonymous = httpx.Client(base_url=console.url, timeout=10)
    for path in ("/indicators", "/indicators/export", "/indicators/close", "/reports/pdf"):
        assert anonymous.get(path).headers["location"].startswith("/login?next=")


def test_the_indicators_page_in_the_browser(page, console: HandoffConsole) -> None:  # type: ignore[no-untyped-def]
    take_in_charge(console, QUARTER)
    browser_login(page, console, console.ready_account("carla", Role.COORDINATOR))
    page.goto(console.url + "/reports")
    page.get_by_role("link", name="Indicatori per il finanziatore").click()
    page.get_by_label("Anno, trimestre o mese").fill("2026-Q1")
    page.get_by_label("Per fascia d'età").check()
    page.get_by_role("button", name="Mostra").click()
    page.wait_for_url("**/indicators?period=2026-Q1*")
    table = page.get_by_role("table", name="Partecipanti all'ingresso")
    assert table.get_by_role("row", name="EECO01").count() == 1
    assert table.get_by_role("row", name="Età 40-49").count() >= 1
    assert page.get_by_role("link", name="Scarica Excel (XLSX)").count() == 1
    assert contrast_problems(page) == []
    assert focus_problems(page) == []
    shot(page, "indicators")
    page.set_viewport_size({"width": 768, "height": 1000})  # a tablet: no sideways scrolling
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 768
    page.set_viewport_size({"width": 1280, "height": 900})
    # Closing with the keyboard: the confirmation, then the frozen period.
    page.get_by_role("link", name="Chiudi il periodo").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Sì, chiudi il periodo").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**closed=1")
    assert page.get_by_text("Periodo chiuso il 20/05/2026 da carla").count() == 1
    assert contrast_problems(page) == []
    shot(page, "indicators-closed")
