"""The course service (app/course_admin.py) on SQLite and on the real PostgreSQL server: a
form read into a course with its problems per field, saving (nothing changes when a rule
is broken), the change notice flagged for the bot, withdrawing a person (the seat offered
to the next in line, to be sent by the bot), the exports and their audit."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.course_admin import EXPORTED, PEOPLE_VIEWED, PERSON_WITHDRAWN, CourseAdmin
from app.course_form import CourseForm, LessonForm
from app.course_rules import CourseProblems, code_from_title
from store import courses
from store.course_import import Lesson
from store.models import AuditEntry, Beneficiary, Course, Enrolment
from tests.adapters.test_courses_store import add_course, add_people, check_seats, statuses

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # as tests/adapters/test_courses_store.py
DAY = timedelta(days=1)
Sessions = async_sessionmaker[AsyncSession]


def service(sessions: Sessions) -> CourseAdmin:
    return CourseAdmin(
        sessions, zone="Europe/Rome", places={"crema": "Crema", "rivolta": "Rivolta d'Adda"}
    )


def form(**changes: object) -> CourseForm:
    base = CourseForm(
        title="Pulizie e sanificazione",
        description="Per chi vuole lavorare nelle pulizie.",
        category="pulizie",
        place="crema",
        seats="2",
        contact="Giulia",
        deadline_date="2026-12-10",
        deadline_time="18:00",
        lessons=(
            LessonForm("2026-12-14", "09:00", "12:00"),
            LessonForm("16/12/2026", "9.00", "12:00"),
            LessonForm(),  # an empty row does not count
        ),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def codes(problems: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {p.field: p.code for p in problems}


async def audited(sessions: Sessions, action: str) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        )
    return int(count or 0)


def test_a_form_is_read_into_a_course_in_local_time() -> None:
    spec, problems = service(None).forms.read_form(form(), NOW)  # type: ignore[arg-type]
    assert problems == [] and spec is not None
    assert spec.code == ""  # made from the title when saved
    assert [s.astimezone(ROME).strftime("%d/%m %H:%M") for s, _ in spec.sessions] == [
        "14/12 09:00",
        "16/12 09:00",
    ]
    assert spec.sessions[0].starts_at == datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
    assert spec.signup_deadline == datetime(2026, 12, 10, 17, 0, tzinfo=UTC)
    assert (spec.seats, spec.cost, spec.min_italian) == (2, "gratuito", None)
    assert code_from_title("Pulizie & sanificazione: è facile!") == "pulizie_sanificazione_e_facile"
    assert code_from_title("2 passi") == "corso_2_passi"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "  ", "description": ""}, {"title": "title-empty",
                                              "description": "description-empty"}),
        ({"seats": "dodici"}, {"seats": "seats-number"}),
        ({"seats": "0"}, {"seats": "seats-range"}),
        ({"seats": "-3"}, {"seats": "seats-number"}),
        ({"category": "cucina", "place": "milano"}, {"category": "category", "place": "place"}),
        ({"min_italian": "C2", "requirement": "maybe"}, {"min_italian": "italian",
                                                          "requirement": "requirement"}),
        ({"code": "Corso Uno"}, {"code": "code"}),
        ({"lessons": (LessonForm("2026-12-14", "12:00", "09:00"),)}, {"lesson-0-end":
                                                                       "lesson-order"}),
        ({"lessons": (LessonForm("2026-11-30", "09:00", "12:00"),)}, {"lesson-0-date":
                                                                       "lesson-past"}),
        ({"lessons": (LessonForm("31/02/2026", "25:00", ""),)}, {"lesson-0-date": "date",
                                                                  "lesson-0-start": "time",
                                                                  "lesson-0-end": "time"}),
        ({"lessons": (LessonForm(), LessonForm("2026-12-14", "9", "12", drop=True))},
         {"lesson-0-date": "lessons-none"}),
        ({"deadline_date": "2026-12-15"}, {"deadline_date": "deadline-after-start"}),
        ({"deadline_date": "2026-11-30"}, {"deadline_date": "deadline-past"}),
        ({"deadline_date": "", "deadline_time": "18:00"}, {"deadline_date":
                                                           "deadline-date-missing"}),
        # 02:30 on the last Sunday of March does not exist in Rome.
        ({"lessons": (LessonForm("2027-03-28", "02:30", "04:00"),)}, {"lesson-0-start":
                                                                       "time-skipped"}),
    ],
)  # fmt: skip
def test_each_problem_is_beside_its_field(
    changes: dict[str, object], expected: dict[str, str]
) -> None:
    spec, problems = service(None).forms.read_form(form(**changes), NOW)  # type: ignore[arg-type]
    assert spec is None
    assert codes(problems) == expected


async def test_create_edit_and_the_change_notice(sessions: Sessions) -> None:
    admin = service(sessions)
    spec, _ = admin.forms.read_form(form(), NOW)
    assert spec is not None
    created = await admin.save(spec, NOW)
    assert created.problems == () and created.change is not None and created.change.created
    course_id = created.change.course_id
    again = await admin.save(spec, NOW)  # the same title: the next free code
    assert again.change is not None
    async with sessions() as session:
        found = sorted(await session.scalars(select(Course.code)))
    assert found == ["pulizie_e_sanificazione", "pulizie_e_sanificazione_2"]
    typed = await admin.save(dataclasses.replace(spec, code="pulizie_e_sanificazione"), NOW)
    assert codes(list(typed.problems)) == {"code": "code-taken"}

    people = await add_people(sessions, 3)
    for person in people:
        async with sessions.begin() as session:
            await courses.enrol(session, person, course_id, NOW)
    before = await admin.spec(course_id)
    assert before is not None
    edit = admin.forms.form_of(before)
    assert edit.lessons[0] == LessonForm("2026-12-14", "09:00", "12:00")

    # Fewer seats than people holding one: nothing changes.
    fewer, problems = admin.forms.read_form(dataclasses.replace(edit, seats="1"), NOW, before)
    assert problems == [] and fewer is not None
    refused = await admin.save(fewer, NOW, course_id)
    assert codes(list(refused.problems)) == {"seats": "seats-below"}
    assert refused.problems[0].params == {"taken": 2}
    assert await admin.spec(course_id) == before

    # New dates: saved, and everyone in the course is flagged for the bot's notice, with
    # the calendar's sequence bumped (the updated file replaces the old events).
    moved = dataclasses.replace(
        edit,
        lessons=(LessonForm("2026-12-15", "14:00", "17:00"), *edit.lessons[1:]),
    )
    spec2, problems = admin.forms.read_form(moved, NOW + DAY, before)
    assert problems == [] and spec2 is not None
    saved = await admin.save(spec2, NOW + DAY, course_id)
    assert saved.change is not None and saved.change.changed == {"sessions"}
    assert len(saved.change.to_tell) == 3
    async with sessions() as session:
        untold = await courses.untold_changes(session)
        sequences = set(await session.scalars(select(Enrolment.ics_sequence)))
    assert [c.telegram_id for c in untold] == people and sequences == {1}

    # A lesson already saved may be past by now; a new one may not.
    later = NOW + 14 * DAY
    kept, problems = admin.forms.read_form(admin.forms.form_of(spec2), later, spec2)
    assert problems == [] and kept is not None
    late = dataclasses.replace(
        admin.forms.form_of(spec2),
        lessons=(*admin.forms.form_of(spec2).lessons, LessonForm("2026-12-14", "09:00", "10:00")),
    )
    assert codes(admin.forms.read_form(late, later, spec2)[1]) == {"lesson-2-date": "lesson-past"}
    # Translations stay through an edit from the form.
    assert kept.translations == spec2.translations


async def test_withdraw_a_person_offers_the_seat_to_the_next(sessions: Sessions) -> None:
    admin = service(sessions)
    course_id = await add_course(sessions, seats=2)
    first, second, third = await add_people(sessions, 3)
    for person in (first, second, third):
        async with sessions.begin() as session:
            await courses.enrol(session, person, course_id, NOW)
    page = await admin.page(course_id, "web:1", NOW)
    assert page is not None
    assert [p.telegram_id for p in page.enrolled] == [first, second]
    assert [(p.telegram_id, p.position) for p in page.waiting] == [(third, 1)]
    assert await audited(sessions, PEOPLE_VIEWED) == 3

    done = await admin.withdraw_person(course_id, first, "web:1", NOW)
    assert done.done and done.offer is not None and done.offer.telegram_id == third
    assert done.offer.expires_at == NOW + timedelta(hours=24)
    assert await statuses(sessions, course_id) == {
        first: "withdrawn",
        second: "enrolled",
        third: "offered",
    }
    await check_seats(sessions, course_id)
    async with sessions() as session:
        # Recorded, not sent: the bot's offers job sends it (scheduler/offers.py).
        assert [o.telegram_id for o in await courses.unsent_offers(session, NOW)] == [third]
    assert await audited(sessions, PERSON_WITHDRAWN) == 1
    again = await admin.withdraw_person(course_id, first, "web:1", NOW)
    assert not again.done and await audited(sessions, PERSON_WITHDRAWN) == 1
    assert await admin.person(course_id, first, "web:1", NOW) is None


async def test_exports_quote_formulas_and_are_audited(sessions: Sessions) -> None:
    admin = service(sessions)
    course_id = await add_course(sessions, seats=1)
    async with sessions.begin() as session:
        session.add(
            Beneficiary(
                telegram_id=31, display_name='=HYPERLINK("x")', created_at=NOW, last_seen_at=NOW
            )
        )
        session.add(
            Beneficiary(telegram_id=32, display_name="Zoë", created_at=NOW, last_seen_at=NOW)
        )
    for person in (31, 32):
        async with sessions.begin() as session:
            await courses.enrol(session, person, course_id, NOW)

    as_csv = await admin.export(course_id, "web:7", NOW, "csv")
    assert as_csv is not None and as_csv.filename == "iscritti-informatica_base.csv"
    assert as_csv.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:4] == ['\'=HYPERLINK("x")', "31", "iscritto", ""]
    assert rows[2][:4] == ["Zoë", "32", "in attesa", "1"]
    assert rows[1][4] == "2026-12-01 10:00"  # Rome time

    as_xlsx = await admin.export(course_id, "web:7", NOW, "xlsx")
    assert as_xlsx is not None
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["nome", "telegram_id", "stato", "posizione_attesa", "iscrizione",
                         "ultimo_cambio"]  # fmt: skip
    assert values[1][:4] == ['\'=HYPERLINK("x")', 31, "iscritto", None]
    assert values[2][:4] == ["Zoë", 32, "in attesa", 1]
    assert values[1][4] == datetime(2026, 12, 1, 10, 0)
    assert await audited(sessions, EXPORTED) == 4
    assert await admin.export(4242, "web:7", NOW) is None


async def test_a_file_with_one_bad_course_saves_none(sessions: Sessions) -> None:
    admin = service(sessions)
    spec, _ = admin.forms.read_form(form(code="pulizie"), NOW)
    assert spec is not None
    yesterday = Lesson(NOW - DAY, NOW - DAY + timedelta(hours=2))
    past = dataclasses.replace(spec, code="vecchio", signup_deadline=None, sessions=(yesterday,))
    with pytest.raises(CourseProblems) as error:
        await admin.save_all([spec, past], NOW)
    assert error.value.code == "vecchio"
    assert await admin.courses(NOW) == []
    assert len(await admin.save_all([spec], NOW)) == 1
    # The same file again changes nothing, even once its lessons are past.
    [unchanged] = await admin.save_all([spec], NOW + 30 * DAY)
    assert not unchanged.created and not unchanged.changed
