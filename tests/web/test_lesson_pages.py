"""A lesson's register in the console, over HTTP and in Chromium: each held lesson linked
from the course's page, hours attended / held per person, one form for the whole register
(CSRF, roles: operators mark, only coordinators change a mark), a forged enrolment id and a
lesson not started refused with nothing saved, each person shown audited, names as text.
Screenshots of a register in var/screenshots/web-course-lesson*.png."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from app.lesson_attendance import MARK_CHANGED, MARKED, REGISTER_VIEWED
from store import course_admin, courses
from store.course_import import CourseSpec, Lesson
from store.models import AuditEntry, Beneficiary, Enrolment, FunderCount
from store.models import LessonAttendance as Row
from tests.web.accessibility import contrast_problems, focus_problems
from tests.web.support import ConsoleServer, csrf_of
from tests.web.test_browser import shot
from tests.web.test_people_pages import browser_login, database
from web.roles import Role

XSS = "<img src=x onerror=alert(1)>"
PEOPLE = {701: "Anna Rossi", 702: XSS, 703: "Carla Bianchi"}
STRANGER = 799  # enrolled in another course
DAY = timedelta(days=1)


def seed(console: ConsoleServer) -> dict[str, object]:
    """A course of four 2-hour lessons with three people, another course with one; then the
    clock moves past the third lesson's start (the fourth is still to come)."""

    async def work(sessions):  # type: ignore[no-untyped-def]
        now = console.clock()
        first = now.replace(second=0) + DAY

        def spec(code: str, title: str) -> CourseSpec:
            return CourseSpec(
                code=code, title=title, description="Per guidare il carrello elevatore.",
                category="logistica", place_id="crema", seats=3, contact="Giulia",
                sessions=tuple(
                    Lesson(first + n * DAY, first + n * DAY + timedelta(hours=2))
                    for n in (0, 1, 2, 4)
                ),
            )  # fmt: skip

        async with sessions.begin() as session:
            course = await course_admin.save_course(session, spec("muletto", "Muletto"), now)
            other = await course_admin.save_course(session, spec("haccp", "HACCP"), now)
            session.add_all(
                Beneficiary(telegram_id=i, display_name=n, created_at=now, last_seen_at=now)
                for i, n in {**PEOPLE, STRANGER: "Dario Neri"}.items()
            )
        ids = {}
        for telegram_id in (*PEOPLE, STRANGER):
            async with sessions.begin() as session:
                where = other.course_id if telegram_id == STRANGER else course.course_id
                ids[telegram_id] = (await courses.enrol(session, telegram_id, where, now)).id
        async with sessions() as session:
            from store import attendance

            lessons = [line.id for line in await attendance.lessons(session, course.course_id, now)]
            others = [line.id for line in await attendance.lessons(session, other.course_id, now)]
        return {
            "course": course.course_id, "lessons": lessons, "other_lesson": others[0],
            "enrolments": ids,
        }  # fmt: skip

    seeded: dict[str, object] = database(console, work)
    console.clock.advance(3 * DAY + timedelta(minutes=30))
    return seeded


def count(console: ConsoleServer, query) -> int:  # type: ignore[no-untyped-def]
    async def work(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            return int(await session.scalar(query) or 0)

    return database(console, work)


def audited(console: ConsoleServer, action: str) -> int:
    return count(
        console, select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
    )


def marks(console: ConsoleServer) -> dict[int, str]:
    async def work(sessions):  # type: ignore[no-untyped-def]
        async with sessions() as session:
            rows = await session.execute(
                select(Beneficiary.telegram_id, Row.status)
                .join(Enrolment, Enrolment.id == Row.enrolment_id)
                .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            )
            return dict(rows.all())

    return database(console, work)


def test_operators_mark_a_held_lesson_and_only_coordinators_change_a_mark(
    console: ConsoleServer,
) -> None:
    seeded = seed(console)
    course_id, lessons = seeded["course"], seeded["lessons"]
    enrolments: dict[int, int] = seeded["enrolments"]  # type: ignore[assignment]
    assert isinstance(lessons, list)
    operator = console.http_login(console.ready_account("bruno", Role.OPERATOR, totp=False))

    page = operator.get(f"/courses/{course_id}").text
    links = re.findall(rf'href="/courses/{course_id}/lessons/(\d+)"', page)
    assert links == [str(n) for n in lessons[:3]]  # held lessons only, the 4th is to come
    assert "0 h su 6 h" in page and "Ore frequentate" in page

    register = operator.get(f"/courses/{course_id}/lessons/{lessons[0]}")
    assert register.status_code == 200
    assert "Anna Rossi" in register.text and "Carla Bianchi" in register.text
    assert XSS not in register.text and "&lt;img src=x onerror=alert(1)&gt;" in register.text
    assert "Dario Neri" not in register.text  # another course's person
    assert audited(console, REGISTER_VIEWED) == 3
    token = csrf_of(register.text)
    url = f"/courses/{course_id}/lessons/{lessons[0]}/marks"
    anna, xss, carla = (f"mark-{enrolments[t]}" for t in PEOPLE)

    # Without the token: refused, nothing saved.
    assert operator.post(url, data={anna: "present"}).status_code == 403
    assert marks(console) == {}

    done = operator.post(url, data={"csrf_token": token, anna: "present", xss: "absent"})
    assert done.status_code == 303 and done.headers["location"].endswith("?done=saved")
    shown = operator.get(done.headers["location"]).text
    assert "Registro salvato." in shown and "Presenti: 1. Assenti: 1. Da segnare: 1." in shown
    assert "Segnato da bruno" in shown
    assert marks(console) == {701: "present", 702: "absent"}
    assert audited(console, MARKED) == 2

    # The same again: nothing changes; an operator's change of mind is refused beside Anna.
    again = operator.post(url, data={"csrf_token": token, anna: "present"})
    assert again.headers["location"].endswith("?done=same")
    refused = operator.post(url, data={"csrf_token": token, anna: "absent", carla: "present"})
    assert refused.status_code == 400
    assert "Solo un coordinatore può cambiare una presenza già segnata." in refused.text
    assert f'id="{anna}-error"' in refused.text
    assert marks(console) == {701: "present", 702: "absent"}  # not even Carla's

    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    ctoken = csrf_of(coordinator.get(f"/courses/{course_id}").text)
    changed = coordinator.post(url, data={"csrf_token": ctoken, anna: "absent"})
    assert changed.status_code == 303
    assert marks(console)[701] == "absent" and audited(console, MARK_CHANGED) == 1

    # The month's anonymous counts: one per first mark, a change adds nothing.
    def counted(metric: str) -> int:
        return count(console, select(FunderCount.count).where(FunderCount.metric == metric))

    assert (counted("lesson_attended"), counted("lesson_absent")) == (1, 1)


def test_a_forged_id_a_lesson_to_come_and_another_courses_lesson_are_refused(
    console: ConsoleServer,
) -> None:
    seeded = seed(console)
    course_id, lessons = seeded["course"], seeded["lessons"]
    enrolments: dict[int, int] = seeded["enrolments"]  # type: ignore[assignment]
    assert isinstance(lessons, list)
    coordinator = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    token = csrf_of(coordinator.get(f"/courses/{course_id}").text)
    anna = f"mark-{enrolments[701]}"

    # Another course's enrolment slipped into the form: refused, nothing saved, not even Anna.
    forged = {"csrf_token": token, anna: "present", f"mark-{enrolments[STRANGER]}": "present"}
    held = f"/courses/{course_id}/lessons/{lessons[1]}/marks"
    refused = coordinator.post(held, data=forged)
    assert refused.status_code == 400
    assert "Una persona del modulo non è iscritta a questo corso." in refused.text
    bad = coordinator.post(held, data={"csrf_token": token, anna: "forse"})
    assert bad.status_code == 400 and "Scegli Presente o Assente." in bad.text
    assert marks(console) == {}

    # The fourth lesson has not started: no register, and a post is refused.
    future = coordinator.get(f"/courses/{course_id}/lessons/{lessons[3]}")
    assert future.status_code == 200 and "non è ancora iniziata" in future.text
    assert "Salva il registro" not in future.text and "Anna Rossi" not in future.text
    early = coordinator.post(
        f"/courses/{course_id}/lessons/{lessons[3]}/marks",
        data={"csrf_token": token, anna: "present"},
    )
    assert early.status_code == 400 and marks(console) == {}

    # Another course's lesson under this course's address, and a made-up one: not found.
    other = seeded["other_lesson"]
    assert coordinator.get(f"/courses/{course_id}/lessons/{other}").status_code == 404
    assert (
        coordinator.post(
            f"/courses/{course_id}/lessons/{other}/marks",
            data={"csrf_token": token, anna: "present"},
        ).status_code
        == 404
    )
    assert coordinator.get(f"/courses/{course_id}/lessons/999999").status_code == 404
    assert marks(console) == {}

    # Hours on the course's page: Anna at two lessons of 2 hours out of three held.
    for lesson in lessons[:2]:
        url = f"/courses/{course_id}/lessons/{lesson}/marks"
        assert coordinator.post(url, data={"csrf_token": token, anna: "present"}).status_code == 303
    page = coordinator.get(f"/courses/{course_id}").text
    anna_row = page.split("Anna Rossi")[1].split("</tr>")[0]
    assert "4 h su 6 h" in anna_row


def test_a_register_in_the_browser_with_the_keyboard(browser, console: ConsoleServer) -> None:  # type: ignore[no-untyped-def]
    seeded = seed(console)
    course_id = seeded["course"]
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="it-IT", java_script_enabled=False
    )
    page = context.new_page()
    browser_login(page, console, console.ready_account("bruno", Role.OPERATOR, totp=False))
    page.goto(f"{console.url}/courses/{course_id}")
    page.get_by_role("link", name=re.compile("Registro presenze della lezione")).first.click()
    assert page.locator("h1").inner_text() == "Registro presenze"
    assert page.locator("img").count() == 0  # the name made of HTML is text

    # With the keyboard alone: Space chooses, the arrow moves to Assente, Enter saves.
    page.get_by_role("group", name="Presenza di Anna Rossi").get_by_label("Presente").focus()
    page.keyboard.press("Space")
    page.get_by_role("group", name=f"Presenza di {XSS}").get_by_label("Presente").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.get_by_role("button", name="Salva il registro").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=saved"))
    assert "Presenti: 1. Assenti: 1. Da segnare: 1." in page.locator("main").inner_text()
    assert marks(console) == {701: "present", 702: "absent"}
    assert contrast_problems(page) == []
    assert focus_problems(page) == []
    shot(page, "course-lesson")

    # Back on the course's page: Anna has 2 of the 6 hours held, the others none.
    page.goto(f"{console.url}/courses/{course_id}")
    assert page.get_by_text("2 h su 6 h").count() == 1
    assert page.get_by_text("0 h su 6 h").count() == 2
    shot(page, "course-lesson-hours")
    context.close()
