"""The agenda in the web console: over HTTP (roles, CSRF, errors beside the fields that
change nothing, names only on a slot's page and audited, withdraw with a confirmation, book /
move / cancel for someone, Presente / Assente once) and in a real browser (the week view
and today's list, with screenshots, used with the keyboard alone).

The console runs with the real agenda service and database; only the Telegram side of
the AgendaNotices port is in memory, so what reached "the person" can be read. The whole
journey with the real bot, emulator and Rasa is tests/e2e/test_web_agenda.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.agenda import BOOKING_VIEWED, TODAY_VIEWED, AgendaService
from store.agenda_config import load_agenda_config
from store.models import Appointment, AuditEntry, Beneficiary, Slot
from store.settings import PROJECT_ROOT
from tests.adapters.test_agenda_service import RecordingNotices
from tests.web.support import ConsoleServer, MovableClock, csrf_of
from tests.web.test_browser import shot
from web import create_app
from web.roles import Role

XSS = "<img src=x onerror=alert(1)>"
ANNA, BRUNO = 7001, 7002
# Wednesday 17 March 2027, 11:00 in Rome: the week shown is 15-21 March.
START = datetime(2027, 3, 17, 10, 0, tzinfo=UTC)
NEXT_MONDAY = date(2027, 3, 22)


class AgendaConsole(ConsoleServer):
    """The console of tests/web with an agenda service whose Telegram side is in memory."""

    def __init__(self, database_url: str, clock: MovableClock) -> None:
        super().__init__(database_url, clock)
        self.notices = RecordingNotices()

    def app(self, sessions):  # type: ignore[no-untyped-def]
        config = load_agenda_config(PROJECT_ROOT / "config" / "appointments.yaml")
        agenda = AgendaService(sessions, config, "Europe/Rome", self.clock, self.notices)
        return create_app(sessions, self.settings, self.clock, agenda=agenda)

    def person(self, telegram_id: int, name: str) -> None:
        at = self.clock()

        async def work(session):  # type: ignore[no-untyped-def]
            session.add(
                Beneficiary(
                    telegram_id=telegram_id, display_name=name, language="it",
                    created_at=at, last_seen_at=at,
                )
            )  # fmt: skip

        self.db(work)

    def slot(self, start: datetime, operator: str = "Giulia", place: str = "crema") -> int:
        async def work(session):  # type: ignore[no-untyped-def]
            row = Slot(
                type="orientation", starts_at=start, ends_at=start + timedelta(minutes=45),
                place_id=place, operator=operator, created_at=self.clock(),
            )  # fmt: skip
            session.add(row)
            await session.flush()
            return row.id

        return int(self.db(work))

    def booked(self, slot_id: int, telegram_id: int) -> int:
        """A booking written directly (the past cannot be booked through the service)."""

        async def work(session):  # type: ignore[no-untyped-def]
            person = await session.scalar(
                select(Beneficiary).where(Beneficiary.telegram_id == telegram_id)
            )
            row = Appointment(
                slot_id=slot_id, beneficiary_id=person.id, status="booked", booked_by="self",
                booked_at=self.clock(), updated_at=self.clock(), ics_sequence=0,
            )  # fmt: skip
            session.add(row)
            await session.flush()
            return row.id

        return int(self.db(work))

    def count(self, model: type, *where) -> int:  # type: ignore[no-untyped-def,type-arg]
        async def work(session):  # type: ignore[no-untyped-def]
            return await session.scalar(select(func.count()).select_from(model).where(*where))

        return int(self.db(work))

    def audit_actions(self) -> list[str]:
        async def work(session):  # type: ignore[no-untyped-def]
            return list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))

        return list(self.db(work))


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(START)


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[AgendaConsole]:
    server = AgendaConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def coordinator(console: AgendaConsole) -> httpx.Client:
    return console.http_login(console.ready_account("carla", Role.COORDINATOR))


WEEKLY = {
    "place": "crema", "kind": "orientation", "operator": "Giulia", "weekdays": ["1", "3"],
    "start": "09:00", "end": "10:30", "first": "2027-03-22", "last": "2027-04-02",
}  # fmt: skip


# ----------------------------------------------------------------------------------- HTTP


def test_availability_errors_beside_the_fields_change_nothing(console: AgendaConsole) -> None:
    client = coordinator(console)
    form = client.get("/agenda/add?mode=weekly")
    assert form.status_code == 200 and 'for="weekday-1"' in form.text
    token = csrf_of(form.text)
    assert client.post("/agenda/add?mode=weekly", data=WEEKLY).status_code == 403  # no CSRF

    wrong = client.post(
        "/agenda/add?mode=weekly",
        data={**WEEKLY, "csrf_token": token, "weekdays": [], "end": "08:00",
              "first": "2027-03-01", "operator": XSS},
    )  # fmt: skip
    assert wrong.status_code == 400
    assert 'id="weekdays-error"' in wrong.text and "Scegli almeno un giorno." in wrong.text
    assert 'id="end-error"' in wrong.text and "deve venire dopo l&#39;ora di inizio" in wrong.text
    assert 'id="first-error"' in wrong.text and "La data è già passata." in wrong.text
    assert XSS not in wrong.text and 'value="&lt;img src=x onerror=alert(1)&gt;"' in wrong.text
    assert console.count(Slot) == 0

    # Typed nonsense is named beside its field, not turned into a guess.
    nonsense = client.post(
        "/agenda/add", data={"csrf_token": token, "place": "milano", "kind": "orientation",
                             "operator": "Giulia", "day": "domani", "start": "9 e mezza"},
    )  # fmt: skip
    assert nonsense.status_code == 400
    assert 'id="day-error"' in nonsense.text and 'id="start-error"' in nonsense.text
    assert console.count(Slot) == 0

    # Tuesdays and Thursdays, two 45-minute slots each day, two weeks.
    made = client.post("/agenda/add?mode=weekly", data={**WEEKLY, "csrf_token": token})
    assert made.status_code == 303 and "done=added" in made.headers["location"]
    week = client.get(made.headers["location"]).text
    assert "Orari aggiunti: 8." in week and week.count(">Libero<") == 4

    # Giulia cannot hold a second interview at 9:30 on one of those Tuesdays.
    clash = client.post(
        "/agenda/add", data={"csrf_token": token, "place": "rivolta", "kind": "orientation",
                             "operator": "Giulia", "day": "2027-03-23", "start": "09:30"},
    )  # fmt: skip
    assert clash.status_code == 400 and 'id="start-error"' in clash.text
    assert "Giulia ha già un incontro alle 09:00" in clash.text
    assert console.count(Slot) == 8


def test_operators_view_and_mark_coordinators_change(console: AgendaConsole) -> None:
    operator = console.http_login(console.ready_account("oscar", Role.OPERATOR))
    slot_id = console.slot(START + timedelta(days=2))  # Friday, this week
    page = operator.get("/agenda")
    assert page.status_code == 200 and "Libero" in page.text
    assert "Aggiungi orari" not in page.text  # not offered to an operator
    token = csrf_of(page.text)
    assert operator.get("/agenda/add").status_code == 403
    for path in (f"/agenda/slots/{slot_id}/withdraw", f"/agenda/slots/{slot_id}/book"):
        assert operator.post(path, data={"csrf_token": token}).status_code == 403
    assert operator.get(f"/agenda/slots/{slot_id}").status_code == 200
    assert operator.get("/agenda/today").status_code == 200
    assert operator.get("/agenda/slots/999999").status_code == 404
    anonymous = httpx.Client(base_url=console.url)
    assert anonymous.get("/agenda/today").status_code == 303


def test_a_booking_names_the_person_only_on_its_page_and_is_audited(
    console: AgendaConsole,
) -> None:
    console.person(ANNA, XSS)
    client = coordinator(console)
    slot_id = console.slot(START + timedelta(days=6))
    found = client.get(f"/agenda/slots/{slot_id}/book?q={ANNA}")
    assert found.status_code == 200 and "&lt;img src=x" in found.text and XSS not in found.text
    token = csrf_of(found.text)
    assert client.post(f"/agenda/slots/{slot_id}/book", data={"telegram_id": ANNA}).status_code == (
        403
    )
    unknown = client.post(
        f"/agenda/slots/{slot_id}/book", data={"csrf_token": token, "telegram_id": "42"}
    )
    assert unknown.status_code == 400 and 'id="q-error"' in unknown.text
    booked = client.post(
        f"/agenda/slots/{slot_id}/book", data={"csrf_token": token, "telegram_id": ANNA}
    )
    assert booked.status_code == 303 and "told=told" in booked.headers["location"]
    assert console.notices.group == [("booked", 1)]
    assert console.notices.changed == [("booked", ANNA, slot_id)]
    told = client.get(booked.headers["location"]).text
    assert "La persona ha ricevuto un messaggio dal bot" in told

    week = client.get("/agenda?week=2027-03-22").text
    assert "Prenotato" in week and "&lt;img" not in week  # the week names nobody
    before = console.audit_actions().count(BOOKING_VIEWED)
    page = client.get(f"/agenda/slots/{slot_id}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and XSS not in page
    assert console.audit_actions().count(BOOKING_VIEWED) == before + 1

    # Taken now: a second booking of the slot is refused beside the field.
    console.person(BRUNO, "Bruno")
    again = client.post(
        f"/agenda/slots/{slot_id}/book", data={"csrf_token": token, "telegram_id": BRUNO}
    )
    assert again.status_code == 400 and "non è più libero" in again.text


def test_withdrawing_a_booked_slot_asks_first_then_tells_the_person(
    console: AgendaConsole,
) -> None:
    console.person(ANNA, "Anna")
    client = coordinator(console)
    slot_id = console.slot(START + timedelta(days=6))
    token = csrf_of(client.get("/agenda").text)
    client.post(f"/agenda/slots/{slot_id}/book", data={"csrf_token": token, "telegram_id": ANNA})

    asked = client.post(f"/agenda/slots/{slot_id}/withdraw", data={"csrf_token": token})
    assert asked.status_code == 200 and "prenotato da Anna" in asked.text
    assert console.count(Slot, Slot.withdrawn_at.is_not(None)) == 0
    assert console.notices.withdrawn == []

    done = client.post(
        f"/agenda/slots/{slot_id}/withdraw", data={"csrf_token": token, "confirm": "yes"}
    )
    assert done.status_code == 303 and "told=told" in done.headers["location"]
    page = client.get(done.headers["location"]).text
    assert "Orario ritirato." in page and "le scuse e un nuovo orario" in page
    assert console.notices.withdrawn == [ANNA]
    assert console.count(Appointment, Appointment.status == "booked") == 0

    # A free slot goes at once, without a question.
    free = console.slot(START + timedelta(days=7))
    gone = client.post(f"/agenda/slots/{free}/withdraw", data={"csrf_token": token})
    assert gone.status_code == 303 and "told" not in gone.headers["location"]


def test_move_and_cancel_for_someone(console: AgendaConsole) -> None:
    console.person(ANNA, "Anna")
    client = coordinator(console)
    first = console.slot(START + timedelta(days=6))
    second = console.slot(START + timedelta(days=6, hours=2))
    token = csrf_of(client.get("/agenda").text)
    client.post(f"/agenda/slots/{first}/book", data={"csrf_token": token, "telegram_id": ANNA})
    [appointment_id] = [1]

    page = client.get(f"/agenda/appointments/{appointment_id}/move")
    assert page.status_code == 200 and f'id="slot-{second}"' in page.text
    none = client.post(f"/agenda/appointments/{appointment_id}/move", data={"csrf_token": token})
    assert none.status_code == 400 and 'id="slot-error"' in none.text
    moved = client.post(
        f"/agenda/appointments/{appointment_id}/move", data={"csrf_token": token, "slot": second}
    )
    assert moved.status_code == 303 and moved.headers["location"].startswith(
        f"/agenda/slots/{second}"
    )
    cancelled = client.post(
        f"/agenda/appointments/{appointment_id}/cancel", data={"csrf_token": token}
    )
    assert cancelled.status_code == 303
    assert "di nuovo libero" in client.get(cancelled.headers["location"]).text
    assert console.notices.group == [("booked", 1), ("moved", 1), ("cancelled", 1)]
    assert "told=told" in moved.headers["location"] + cancelled.headers["location"]
    assert [c[0] for c in console.notices.changed] == ["booked", "moved", "cancelled"]


def test_a_blocked_person_and_no_bot_are_said_plainly(tmp_path: Path, clock: MovableClock) -> None:
    """Not reached (the person blocked the bot) and not told (console alone): the page says
    the person was NOT told, so the coordinator calls them."""
    cases = (
        (RecordingNotices(reachable=False), "la persona ha bloccato il bot"),
        (None, "la persona NON è stata avvisata"),
    )
    for n, (notices, expected) in enumerate(cases):
        server = AgendaConsole(f"sqlite:///{tmp_path / f'console{n}.sqlite3'}", clock)
        server.notices = notices  # type: ignore[assignment]
        server.start()
        try:
            server.person(ANNA, "Anna")
            client = coordinator(server)
            slot_id = server.slot(START + timedelta(days=6))
            form = client.get(f"/agenda/slots/{slot_id}/book?q=Anna")
            hint = "Dille tu data e ora" if notices is None else "Il bot scrive alla persona"
            assert hint in form.text
            booked = client.post(
                f"/agenda/slots/{slot_id}/book",
                data={"csrf_token": csrf_of(form.text), "telegram_id": ANNA},
            )
            page = client.get(booked.headers["location"]).text
            assert expected in page and "ha ricevuto un messaggio" not in page
        finally:
            server.stop()


def test_today_presente_assente_once(console: AgendaConsole) -> None:
    console.person(ANNA, "Anna")
    console.person(BRUNO, "Bruno")
    ended = console.booked(console.slot(START - timedelta(hours=1)), ANNA)
    later = console.booked(console.slot(START + timedelta(hours=3), "Marco", "rivolta"), BRUNO)
    operator = console.http_login(console.ready_account("oscar", Role.OPERATOR))
    page = operator.get("/agenda/today")
    assert page.status_code == 200 and "Anna" in page.text and "Bruno" in page.text
    assert "Non è ancora iniziato." in page.text
    assert console.audit_actions().count(TODAY_VIEWED) == 2  # each person shown
    token = csrf_of(page.text)

    assert operator.post(
        f"/agenda/appointments/{ended}/mark", data={"attended": "no"}
    ).status_code == (403)
    absent = operator.post(
        f"/agenda/appointments/{ended}/mark", data={"csrf_token": token, "attended": "no"}
    )
    assert absent.status_code == 303 and "told=told" in absent.headers["location"]
    again = operator.post(
        f"/agenda/appointments/{ended}/mark", data={"csrf_token": token, "attended": "yes"}
    )
    assert "problem=already" in again.headers["location"]
    assert console.notices.no_show == [ANNA]  # once
    early = operator.post(
        f"/agenda/appointments/{later}/mark", data={"csrf_token": token, "attended": "yes"}
    )
    assert "problem=future" in early.headers["location"]
    shown = operator.get(again.headers["location"]).text
    assert "già segnato" in shown and "Assente" in shown and "segnato da oscar" in shown


def test_any_day_with_a_date_field_and_the_days_around(console: AgendaConsole) -> None:
    console.person(ANNA, "Anna")
    console.person(BRUNO, "Bruno")
    console.booked(console.slot(START + timedelta(days=1)), ANNA)  # tomorrow, 11:00
    console.booked(console.slot(START - timedelta(days=1)), BRUNO)  # yesterday, ended
    operator = console.http_login(console.ready_account("oscar", Role.OPERATOR))
    today = operator.get("/agenda/today")
    assert "Appuntamenti di oggi" in today.text and 'value="2027-03-17"' in today.text
    assert "Anna" not in today.text and "Bruno" not in today.text
    assert 'href="/agenda/today?day=2027-03-18&amp;place="' in today.text
    tomorrow = operator.get("/agenda/today?day=2027-03-18")
    assert "Appuntamenti del giorno" in tomorrow.text and "Anna" in tomorrow.text
    assert "gio 18/3/2027" in tomorrow.text and "Non è ancora iniziato." in tomorrow.text
    typed = operator.get("/agenda/today?day=16/03/2027")  # typed by hand, no date picker
    assert "Bruno" in typed.text and 'name="day" value="2027-03-16"' in typed.text
    # Marking yesterday's from its own day comes back to that day.
    row = typed.text.split('action="/agenda/appointments/')[1].split("/mark")[0]
    marked = operator.post(
        f"/agenda/appointments/{row}/mark",
        data={"csrf_token": csrf_of(typed.text), "attended": "yes", "day": "2027-03-16"},
    )
    assert "day=2027-03-16" in marked.headers["location"]
    wrong = operator.get("/agenda/today?day=31/02/2027")
    assert wrong.status_code == 400 and 'id="day-error"' in wrong.text
    assert "Appuntamenti di oggi" in wrong.text


def test_without_the_bot_the_page_says_nobody_was_told(tmp_path: Path) -> None:
    clock = MovableClock(START)
    server = ConsoleServer(f"sqlite:///{tmp_path / 'plain.sqlite3'}", clock)
    server.start()
    try:
        client = server.http_login(server.ready_account("carla", Role.COORDINATOR))
        token = csrf_of(client.get("/agenda").text)
        made = client.post(
            "/agenda/add", data={"csrf_token": token, "place": "crema", "kind": "orientation",
                                 "operator": "Giulia", "day": "2027-03-23", "start": "09:00"},
        )  # fmt: skip
        assert made.status_code == 303
        week = client.get(made.headers["location"]).text
        slot_id = int(week.split('href="/agenda/slots/')[1].split('"')[0])
        ask = client.post(f"/agenda/slots/{slot_id}/withdraw", data={"csrf_token": token})
        assert ask.status_code == 303  # free: no question
        assert "Orario ritirato." in client.get(ask.headers["location"]).text
    finally:
        server.stop()


# -------------------------------------------------------------------------------- browser


def _log_in(page, console: AgendaConsole, name: str, role: Role) -> None:  # type: ignore[no-untyped-def]
    account = console.ready_account(name, role)
    page.goto(f"{console.url}/login")
    page.get_by_label("Nome utente").fill(account.name)
    page.get_by_label("Password").fill(account.password)
    assert account.totp_secret
    page.get_by_label("Codice dell'app di autenticazione").fill(
        console.clock.code(account.totp_secret)
    )
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_load_state()
    console.clock.advance(timedelta(seconds=30))


def test_week_view_in_the_browser(console: AgendaConsole, page) -> None:  # type: ignore[no-untyped-def]
    console.person(ANNA, "Anna Rossi")
    _log_in(page, console, "carla", Role.COORDINATOR)
    page.get_by_role("link", name="Agenda").first.click()
    page.get_by_role("link", name="Aggiungi orari").click()
    page.get_by_role("link", name="Ogni settimana").click()
    page.get_by_label("Sede").select_option("crema")
    page.get_by_label("Tipo di appuntamento").select_option("orientation")
    page.get_by_label("Operatore").fill("Giulia")
    page.get_by_label("martedì").check()
    page.get_by_label("giovedì").check()
    page.get_by_label("Dalle ore").fill("09:00")
    page.get_by_label("Fino alle ore").fill("12:00")
    page.get_by_label("Primo giorno").fill("2027-03-22")
    page.get_by_label("Ultimo giorno").fill("2027-04-09")
    page.get_by_role("button", name="Aggiungi gli orari").click()
    page.wait_for_url("**done=added**")
    # Tuesdays and Thursdays for three weeks, four 45-minute slots each morning.
    assert "Orari aggiunti: 24." in page.locator(".notice").inner_text()

    # Book one for Anna: search, then the button by her name.
    page.locator(".slot-free a").first.click()
    page.get_by_role("link", name="Prenota per una persona").click()
    page.get_by_label("Nome o numero Telegram della persona").fill("Anna")
    page.get_by_role("button", name="Cerca").click()
    page.get_by_role("button", name="Prenota per Anna Rossi").click()
    page.wait_for_url("**done=booked**")
    assert "Anna Rossi" in page.locator("dl.facts").inner_text()
    assert (
        "La persona ha ricevuto un messaggio dal bot"
        in page.get_by_role("status").last.inner_text()
    )
    shot(page, "agenda-booked-told")
    page.get_by_role("link", name="Torna alla settimana").click()
    assert page.locator(".slot-booked").count() == 1
    assert "Anna" not in page.locator(".week").inner_text()
    shot(page, "agenda-week")


def test_todays_list_with_the_keyboard(console: AgendaConsole, page) -> None:  # type: ignore[no-untyped-def]
    console.person(ANNA, "Anna Rossi")
    console.person(BRUNO, "Bruno Bianchi")
    console.booked(console.slot(START - timedelta(hours=1)), ANNA)
    console.booked(console.slot(START + timedelta(hours=3), "Marco", "rivolta"), BRUNO)
    _log_in(page, console, "oscar", Role.OPERATOR)
    page.goto(f"{console.url}/agenda/today")
    shot(page, "agenda-today")
    # Tab to Anna's "Assente" and press Enter: no mouse.
    absent = page.get_by_role("button", name="Assente: Anna Rossi")
    for _ in range(40):
        page.keyboard.press("Tab")
        if absent.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Assente never got the focus with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**done=no_show**")
    assert "Segnato: assente." in page.locator(".notice").first.inner_text()
    assert console.notices.no_show == [ANNA]
    shot(page, "agenda-today-marked")
    page.get_by_role("link", name="Giorno dopo").click()
    page.wait_for_url("**day=2027-03-18**")
    assert page.get_by_role("heading", level=1).inner_text() == "Appuntamenti del giorno"
    assert page.get_by_label("Giorno").input_value() == "2027-03-18"
    page.get_by_label("Giorno").fill("2027-03-17")
    page.get_by_role("button", name="Mostra").click()
    assert "Bruno Bianchi" in page.locator("main").inner_text()
    shot(page, "agenda-day-picked")
