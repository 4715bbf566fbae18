"""Courses in the console over HTTP and in a real browser: the list and a course's page for
every role (each person shown audited), the one form for a course and its lessons (errors
beside the fields, nothing saved, more rows without JavaScript), an edit that flags the
people for the bot's change notice, withdrawing a person (the seat offered to the next in
line) or the course after a confirmation, the CSV and XLSX downloads (audited), CSRF and
roles. Screenshots of a course's page and of the form in var/screenshots/."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.course_admin import CourseAdmin
from app.course_form import CourseForm, LessonForm
from store import courses
from store.models import AuditEntry, Beneficiary, Course, Enrolment
from tests.web.support import ConsoleServer, csrf_of
from tests.web.test_browser import shot
from tests.web.test_people_pages import browser_login, database
from web.roles import Role

ROME = ZoneInfo("Europe/Rome")
XSS = "<img src=x onerror=alert(1)>"
PEOPLE = {601: "Anna Rossi", 602: XSS, 603: "Carla Bianchi"}


def local_day(console: ConsoleServer, days: int) -> str:
    return f"{(console.clock() + timedelta(days=days)).astimezone(ROME):%Y-%m-%d}"


def seed(console: ConsoleServer, seats: int = 2) -> int:
    """A course with `seats` seats and three people signed up in order."""

    async def work(sessions):  # type: ignore[no-untyped-def]
        now = console.clock()
        admin = CourseAdmin(sessions, zone="Europe/Rome", places={"crema": "Crema"})
        form = CourseForm(
            title="Patentino del muletto",
            description="Per guidare il carrello elevatore.",
            category="logistica",
            place="crema",
            seats=str(seats),
            contact="Giulia",
            lessons=(
                LessonForm(local_day(console, 10), "09:00", "12:00"),
                LessonForm(local_day(console, 12), "09:00", "12:00"),
            ),
        )
        spec, problems = admin.forms.read_form(form, now)
        assert spec is not None, problems
        saved = await admin.save(spec, now)
        assert saved.change is not None
        async with sessions.begin() as session:
            session.add_all(
                Beneficiary(telegram_id=i, display_name=n, created_at=now, last_seen_at=now)
                for i, n in PEOPLE.items()
            )
        for telegram_id in PEOPLE:
            async with sessions.begin() as session:
                await courses.enrol(session, telegram_id, saved.change.course_id, now)
        return saved.change.course_id

    return database(console, work)


def statuses(console: ConsoleServer, course_id: int) -> dict[int, str]:
    async def work(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            rows = await session.execute(
                select(Beneficiary.telegram_id, Enrolment.status)
                .join(Enrolment, Enrolment.beneficiary_id == Beneficiary.id)
                .where(Enrolment.course_id == course_id)
                .order_by(Enrolment.id)
            )
            return dict(rows.all())

    return database(console, work)


def audited(console: ConsoleServer, action: str) -> int:
    async def work(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            query = select(func.count()).select_from(AuditEntry)
            return await session.scalar(query.where(AuditEntry.action == action))

    return database(console, work)


def course_row(console: ConsoleServer, course_id: int) -> tuple[str, int, int]:
    async def work(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            course = await session.get(Course, course_id)
            return course.title, course.seats, course.seats_taken

    return database(console, work)


def new_course(console: ConsoleServer, **changes: str) -> dict[str, str]:
    fields = {
        "course_id": "",
        "rows": "4",
        "title": "Cucina di base",
        "code": "",
        "description": "Per chi vuole lavorare in cucina.",
        "category": "ristorazione",
        "place": "crema",
        "seats": "8",
        "requirement": "none",
        "min_italian": "A2",
        "cost": "gratuito",
        "contact": "Marta",
        "deadline_date": "",
        "deadline_time": "",
        "lesson-0-date": local_day(console, 20),
        "lesson-0-start": "14:00",
        "lesson-0-end": "17:00",
    }
    return {**fields, **changes}


def test_operators_see_courses_and_people_audited_but_change_nothing(
    console: ConsoleServer,
) -> None:
    course_id = seed(console)
    operator = console.http_login(console.ready_account("bruno", Role.OPERATOR, totp=False))
    listed = operator.get("/courses").text
    assert "Patentino del muletto" in listed and "2 su 2" in listed
    assert "Aperto, con lista d&#39;attesa" in listed and "Nuovo corso" not in listed

    page = operator.get(f"/courses/{course_id}")
    assert page.status_code == 200
    assert "Iscrizioni confermate (2)" in page.text and "Lista d&#39;attesa (1)" in page.text
    assert XSS not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    waiting = page.text.split("Lista d&#39;attesa (1)")[1]
    assert '<td data-label="Posizione">1</td>' in waiting and "Carla Bianchi" in waiting
    assert "Cambia il corso" not in page.text and "Scarica CSV" not in page.text
    assert audited(console, "course_people_viewed") == 3  # each person shown

    token = csrf_of(page.text)
    assert operator.get("/courses/new").status_code == 403
    assert operator.get(f"/courses/{course_id}/edit").status_code == 403
    for path in (
        f"/courses/{course_id}/export",
        f"/courses/{course_id}/withdraw",
        f"/courses/{course_id}/people/601/withdraw",
        "/courses/save",
    ):
        assert operator.post(path, data={"csrf_token": token}).status_code == 403, path
    assert statuses(console, course_id) == {601: "enrolled", 602: "enrolled", 603: "waiting"}
    assert operator.get("/courses/4242").status_code == 404


def past_and_backwards(console: ConsoleServer) -> dict[str, str]:
    return {
        "lesson-1-date": local_day(console, -1),
        "lesson-1-start": "09:00",
        "lesson-1-end": "10:00",
        "lesson-2-date": local_day(console, 21),
        "lesson-2-start": "12:00",
        "lesson-2-end": "11:00",
    }


def test_a_new_course_with_errors_beside_the_fields_saves_nothing(console: ConsoleServer) -> None:
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    form = coordinator.get("/courses/new")
    assert form.status_code == 200 and 'name="lesson-3-date"' in form.text
    token = csrf_of(form.text)
    assert coordinator.post("/courses/save", data=new_course(console)).status_code == 403

    wrong = coordinator.post(
        "/courses/save",
        data=new_course(
            console,
            csrf_token=token,
            title=" ",
            seats="dodici",
            deadline_date=local_day(console, 25),
            **past_and_backwards(console),
        ),
    )
    assert wrong.status_code == 400
    for field, text in (
        ("title", "Scrivi il titolo del corso."),
        ("seats", "Scrivi il numero dei posti in cifre"),
        ("lesson-1-date", "Questa lezione sarebbe nel passato."),
        ("lesson-2-end", "La lezione deve finire dopo l&#39;inizio."),
    ):
        assert f'id="{field}-error">{text}' in wrong.text, field
    assert 'value="dodici"' in wrong.text and "Per chi vuole lavorare in cucina.</textarea>" in (
        wrong.text
    )
    # The deadline after the first lesson is said once the rest is right.
    late = coordinator.post(
        "/courses/save",
        data=new_course(console, csrf_token=token, deadline_date=local_day(console, 25)),
    )
    assert late.status_code == 400
    assert 'id="deadline_date-error">La scadenza delle iscrizioni deve venire prima' in late.text
    assert coordinator.get("/courses").text.count("Cucina di base") == 0

    # More rows without JavaScript: what was typed stays, nothing is saved.
    more = coordinator.post(
        "/courses/save", data=new_course(console, csrf_token=token, more="1", seats="x")
    )
    assert more.status_code == 200 and 'name="lesson-6-date"' in more.text
    assert 'value="x"' in more.text and "error-message" not in more.text

    saved = coordinator.post("/courses/save", data=new_course(console, csrf_token=token))
    assert saved.status_code == 303
    page = coordinator.get(saved.headers["location"])
    assert "Corso creato." in page.text and "cucina_di_base" in page.text
    assert "14:00 alle 17:00" in page.text and "Lingua italiana" not in page.text


def test_an_edit_flags_the_change_notice_and_seats_cannot_go_below_the_people(
    console: ConsoleServer,
) -> None:
    course_id = seed(console)
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    form = coordinator.get(f"/courses/{course_id}/edit")
    assert form.status_code == 200
    assert f'value="{local_day(console, 10)}"' in form.text and 'name="lesson-4-date"' in form.text
    token = csrf_of(form.text)
    fields = {
        "csrf_token": token,
        "course_id": str(course_id),
        "rows": "2",
        "title": "Patentino del muletto",
        "description": "Per guidare il carrello elevatore.",
        "category": "logistica",
        "place": "crema",
        "seats": "1",
        "requirement": "none",
        "contact": "Giulia",
        "lesson-0-date": local_day(console, 10),
        "lesson-0-start": "09:00",
        "lesson-0-end": "12:00",
        "lesson-1-date": local_day(console, 12),
        "lesson-1-start": "09:00",
        "lesson-1-end": "12:00",
    }
    fewer = coordinator.post("/courses/save", data=fields)
    assert fewer.status_code == 400
    assert 'id="seats-error">2 persone hanno già un posto' in fewer.text
    assert course_row(console, course_id) == ("Patentino del muletto", 2, 2)

    moved = coordinator.post(
        "/courses/save",
        data={
            **fields,
            "seats": "2",
            "lesson-1-date": local_day(console, 13),
            "lesson-0-drop": "1",
        },
    )
    assert moved.status_code == 303 and moved.headers["location"].endswith("?done=saved")

    async def flagged(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            return [c.telegram_id for c in await courses.untold_changes(session)]

    assert database(console, flagged) == [601, 602, 603]  # the bot tells them all
    page = coordinator.get(moved.headers["location"]).text
    assert "Corso salvato." in page
    lessons = page.split("<h2>Lezioni</h2>")[1].split("</ol>")[0]
    day = datetime.fromisoformat(local_day(console, 13))
    # The first lesson was taken out, the second moved.
    assert lessons.count("<li>") == 1 and f" {day.day} " in lessons and "dalle 09:00" in lessons


def test_withdrawing_a_person_offers_the_seat_and_the_lists_download(
    console: ConsoleServer,
) -> None:
    course_id = seed(console)
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    page = coordinator.get(f"/courses/{course_id}").text
    token = csrf_of(page)
    confirm = coordinator.get(f"/courses/{course_id}/people/601/withdraw")
    assert confirm.status_code == 200 and "Anna Rossi" in confirm.text and "24 ore" in confirm.text
    assert statuses(console, course_id)[601] == "enrolled"  # asking changes nothing
    assert coordinator.post(f"/courses/{course_id}/people/601/withdraw").status_code == 403

    done = coordinator.post(f"/courses/{course_id}/people/601/withdraw", data={"csrf_token": token})
    assert done.status_code == 303 and "done=offered" in done.headers["location"]
    assert statuses(console, course_id) == {601: "withdrawn", 602: "enrolled", 603: "offered"}
    assert "Il posto è offerto alla prima persona" in coordinator.get(done.headers["location"]).text
    assert audited(console, "course_person_withdrawn") == 1
    gone = coordinator.get(f"/courses/{course_id}/people/601/withdraw")
    assert gone.status_code == 404

    as_csv = coordinator.post(
        f"/courses/{course_id}/export", data={"csrf_token": token, "format": "csv"}
    )
    assert as_csv.status_code == 200
    assert 'filename="iscritti-patentino_del_muletto.csv"' in as_csv.headers["content-disposition"]
    text = as_csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("nome;telegram_id;stato")
    assert "Carla Bianchi;603;posto offerto" in text
    as_xlsx = coordinator.post(
        f"/courses/{course_id}/export", data={"csrf_token": token, "format": "xlsx"}
    )
    assert as_xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Anna Rossi", XSS, "Carla Bianchi"] or set(names) == set(PEOPLE.values())
    assert audited(console, "course_export") == 6  # three people, two downloads


def test_withdrawing_the_course_asks_first(console: ConsoleServer) -> None:
    course_id = seed(console)
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    confirm = coordinator.get(f"/courses/{course_id}/withdraw")
    assert confirm.status_code == 200 and "3 persone riceveranno un messaggio" in confirm.text
    token = csrf_of(confirm.text)
    assert coordinator.post(f"/courses/{course_id}/withdraw").status_code == 403
    assert "Ritirato" not in coordinator.get("/courses").text
    done = coordinator.post(f"/courses/{course_id}/withdraw", data={"csrf_token": token})
    assert done.status_code == 303
    page = coordinator.get(done.headers["location"]).text
    assert "Corso ritirato." in page and "Cambia il corso" not in page
    assert statuses(console, course_id) == {601: "course_off", 602: "course_off", 603: "withdrawn"}
    assert coordinator.get(f"/courses/{course_id}/edit").status_code == 303
    assert "Patentino" not in coordinator.get("/courses").text
    assert "Patentino" in coordinator.get("/courses?tutti=1").text


# ------------------------------------------------------------------ in the browser


def test_a_course_in_the_browser_without_javascript(browser, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    course_id = seed(console)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="it-IT", java_script_enabled=False
    )
    page = context.new_page()
    browser_login(page, console, console.ready_account("carla", Role.COORDINATOR))
    page.get_by_role("navigation", name="Sezioni").get_by_role("link", name="Corsi").click()
    page.get_by_role("link", name="Patentino del muletto").click()
    assert page.locator("table.people").nth(1).locator("tbody tr").count() == 1
    assert page.locator("img").count() == 0  # the name made of HTML is text
    shot(page, "course")

    page.get_by_role("link", name="Cambia il corso").click()
    page.get_by_role("button", name="Aggiungi altre righe").click()
    assert page.locator("fieldset.lesson-row").count() == 8
    page.get_by_label("Posti").fill("1")
    page.locator("#lesson-2-date").fill(local_day(console, 14))
    page.locator("#lesson-2-start").fill("10:00")
    page.locator("#lesson-2-end").fill("09:00")
    page.get_by_role("button", name="Salva il corso").click()
    summary = page.locator(".error-summary").inner_text()
    assert "2 persone hanno già un posto" in summary and "finire dopo l'inizio" in summary
    assert page.get_by_label("Posti").get_attribute("aria-invalid") == "true"
    shot(page, "course-form")
    page.get_by_label("Posti").fill("3")
    page.locator("#lesson-2-end").fill("12:00")
    page.get_by_role("button", name="Salva il corso").click()
    assert "Corso salvato." in page.locator(".notice").inner_text()
    # The seat added went to the first in line, as an offer the bot sends.
    assert statuses(console, course_id)[603] == "offered"
    assert course_row(console, course_id)[1:] == (3, 3)
    context.close()


def test_the_course_pages_are_in_the_nav_for_every_role(console: ConsoleServer) -> None:
    operator = console.http_login(console.ready_account("bruno", Role.OPERATOR, totp=False))
    assert '/courses">Corsi</a>' in operator.get("/operator").text
    anonymous = httpx.Client(base_url=console.url, timeout=10)
    assert anonymous.get("/courses", follow_redirects=False).status_code == 303
