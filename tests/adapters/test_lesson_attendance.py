"""Lesson attendance (app/lesson_attendance.py, migration 0017) on SQLite and on the real
PostgreSQL server: the register, marks that are idempotent and changed only by a
coordinator, refused for a lesson not started and for ids not on the register, the hours on
the course's page, marks kept across an edit of the course, the person's export and
erasure, the anonymous counts, and the funder's course hours with an indicator that reads
them."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.catalogue import Catalogue
from app.course_admin import CourseAdmin
from app.export_doc import export_documents
from app.lesson_attendance import MARK_CHANGED, MARKED, REGISTER_VIEWED, LessonAttendance
from app.reporting.care_source import CareRecordSource
from app.reporting.indicators import Period, compute, parse_indicators
from store import attendance, course_admin, privacy
from store.course_import import Lesson
from store.models import AuditEntry, Beneficiary, CareRecord, Enrolment, FunderCount
from store.models import LessonAttendance as Row
from store.settings import PROJECT_ROOT
from tests.adapters.test_courses_store import add_people, enrol, spec

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # sign-ups; the lessons start two weeks later
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
FIRST = NOW + 14 * DAY
# Four lessons of 2 hours, two days apart.
LESSONS = tuple(Lesson(FIRST + 2 * n * DAY, FIRST + 2 * n * DAY + 2 * HOUR) for n in range(4))
AFTER = LESSONS[-1].ends_at + DAY  # every lesson held
OPERATOR, COORDINATOR = "web:1", "web:2"
Sessions = async_sessionmaker[AsyncSession]


async def add_course(sessions: Sessions, code: str = "informatica_base", seats: int = 3) -> int:
    async with sessions.begin() as session:
        made = await course_admin.save_course(session, spec(code, seats, sessions=LESSONS), NOW)
    return made.course_id


async def course_with_people(sessions: Sessions, count: int = 3) -> tuple[int, list[int]]:
    course_id = await add_course(sessions, seats=count)
    people = await add_people(sessions, count)
    for telegram_id in people:
        assert await enrol(sessions, telegram_id, course_id) == "enrolled"
    return course_id, people


async def lesson_ids(sessions: Sessions, course_id: int) -> list[int]:
    async with sessions() as session:
        return [line.id for line in await attendance.lessons(session, course_id, NOW)]


async def enrolment_of(sessions: Sessions, telegram_id: int, course_id: int) -> int:
    async with sessions() as session:
        found = await session.scalar(
            select(Enrolment.id)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Beneficiary.telegram_id == telegram_id, Enrolment.course_id == course_id)
        )
    assert found is not None
    return found


async def scalar(sessions: Sessions, query: Any) -> Any:
    async with sessions() as session:
        return await session.scalar(query)


async def audited(sessions: Sessions, action: str) -> int:
    query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
    return int(await scalar(sessions, query) or 0)


async def counted(sessions: Sessions, metric: str) -> int:
    query = select(FunderCount.count).where(FunderCount.metric == metric)
    return int(await scalar(sessions, query) or 0)


async def test_a_register_lists_the_people_enrolled_and_marks_once(sessions: Sessions) -> None:
    course_id, (anna, marco, sara) = await course_with_people(sessions)
    other_course = await add_course(sessions, code="altro")
    await enrol(sessions, anna, other_course)  # her other course is not on this register
    first = (await lesson_ids(sessions, course_id))[0]
    service = LessonAttendance(sessions)
    started = LESSONS[0].starts_at + timedelta(minutes=10)

    register = await service.register(course_id, first, OPERATOR, started)
    assert register is not None and register.lesson.started
    assert [r.telegram_id for r in register.rows] == [anna, marco, sara]
    assert all(r.mark is None for r in register.rows)
    assert await audited(sessions, REGISTER_VIEWED) == 3

    ids = {t: await enrolment_of(sessions, t, course_id) for t in (anna, marco, sara)}
    marks = {str(ids[anna]): "present", str(ids[marco]): "absent", str(ids[sara]): ""}
    saved = await service.save(course_id, first, marks, OPERATOR, started, may_change=False)
    assert saved is not None and (saved.first, saved.changed, saved.problems) == (2, 0, ())
    # The same form again (a double tap, a reload): nothing changes, nothing counts twice.
    again = await service.save(course_id, first, marks, OPERATOR, started, may_change=False)
    assert again is not None and (again.first, again.changed, again.problems) == (0, 0, ())
    assert await counted(sessions, "lesson_attended") == 1
    assert await counted(sessions, "lesson_absent") == 1
    assert await audited(sessions, MARKED) == 2
    register = await service.register(course_id, first, OPERATOR, started)
    assert register is not None
    assert {r.telegram_id: r.mark for r in register.rows} == {
        anna: "present", marco: "absent", sara: None,
    }  # fmt: skip
    assert {r.marked_by for r in register.rows if r.mark} == {OPERATOR}


async def test_a_change_of_mind_is_a_coordinators_and_is_recorded(sessions: Sessions) -> None:
    course_id, (anna, _, _) = await course_with_people(sessions)
    first = (await lesson_ids(sessions, course_id))[0]
    service, when = LessonAttendance(sessions), AFTER
    anna_id = str(await enrolment_of(sessions, anna, course_id))
    await service.save(course_id, first, {anna_id: "absent"}, OPERATOR, when, may_change=False)

    refused = await service.save(
        course_id, first, {anna_id: "present"}, OPERATOR, when, may_change=False
    )
    assert refused is not None and [(p.field, p.code) for p in refused.problems] == [
        (f"mark-{anna_id}", "change")
    ]
    changed = await service.save(
        course_id, first, {anna_id: "present"}, COORDINATOR, when + HOUR, may_change=True
    )
    assert changed is not None and (changed.first, changed.changed) == (0, 1)
    async with sessions() as session:
        row = await session.scalar(select(Row))
    assert row is not None
    assert (row.status, row.marked_by, row.marked_at) == ("present", COORDINATOR, when + HOUR)
    assert await audited(sessions, MARK_CHANGED) == 1
    # The change is not a second first mark: the month's counts stay as they were.
    assert await counted(sessions, "lesson_absent") == 1
    assert await counted(sessions, "lesson_attended") == 0


async def test_a_lesson_not_started_and_ids_not_on_the_register_are_refused(
    sessions: Sessions,
) -> None:
    course_id, (anna, marco, _) = await course_with_people(sessions)
    other = await add_course(sessions, code="altro")
    stranger = (await add_people(sessions, 1, first=9500))[0]
    await enrol(sessions, stranger, other)
    lessons = await lesson_ids(sessions, course_id)
    service = LessonAttendance(sessions)
    anna_id = str(await enrolment_of(sessions, anna, course_id))
    stranger_id = str(await enrolment_of(sessions, stranger, other))

    # Before the lesson starts: no register, no mark.
    future = await service.register(course_id, lessons[0], OPERATOR, NOW)
    assert future is not None and not future.lesson.started and future.rows == ()
    early = await service.save(course_id, lessons[0], {anna_id: "present"}, COORDINATOR, NOW,
                               may_change=True)  # fmt: skip
    assert early is not None and [p.code for p in early.problems] == ["not-started"]

    # Another course's enrolment, a made-up id, a word for an id, a bad value: nothing saved,
    # not even Anna's good mark beside them.
    for forged in ({stranger_id: "present"}, {"999999": "present"}, {"anna": "present"}):
        done = await service.save(course_id, lessons[0], {anna_id: "present", **forged},
                                  COORDINATOR, AFTER, may_change=True)  # fmt: skip
        assert done is not None and [p.code for p in done.problems] == ["not-enrolled"]
    bad = await service.save(course_id, lessons[0], {anna_id: "forse"}, COORDINATOR, AFTER,
                             may_change=True)  # fmt: skip
    assert bad is not None and [(p.field, p.code) for p in bad.problems] == [
        (f"mark-{anna_id}", "value")
    ]
    empty = await service.save(course_id, lessons[0], {anna_id: ""}, OPERATOR, AFTER,
                               may_change=False)  # fmt: skip
    assert empty is not None and [p.code for p in empty.problems] == ["nothing"]
    # A lesson of another course reached through this course's address is not found.
    other_lesson = (await lesson_ids(sessions, other))[0]
    assert await service.register(course_id, other_lesson, OPERATOR, AFTER) is None
    assert await service.save(course_id, other_lesson, {anna_id: "present"}, OPERATOR, AFTER,
                              may_change=False) is None  # fmt: skip
    assert await scalar(sessions, select(func.count()).select_from(Row)) == 0

    # Someone who left the course before being marked is not on the register any more.
    async with sessions.begin() as session:
        from store import courses

        await courses.withdraw(session, marco, course_id, AFTER)
    register = await service.register(course_id, lessons[0], OPERATOR, AFTER)
    assert register is not None and marco not in [r.telegram_id for r in register.rows]


async def test_two_first_marks_at_once_count_once(sessions: Sessions) -> None:
    course_id, (anna, _, _) = await course_with_people(sessions)
    first = (await lesson_ids(sessions, course_id))[0]
    service = LessonAttendance(sessions)
    anna_id = str(await enrolment_of(sessions, anna, course_id))
    results = await asyncio.gather(
        *(
            service.save(course_id, first, {anna_id: mark}, f"web:{n}", AFTER, may_change=False)
            for n, mark in enumerate(("present", "absent", "present", "absent"))
        ),
        return_exceptions=True,
    )
    done = [r for r in results if not isinstance(r, BaseException)]
    # SQLite serialises the writers; PostgreSQL's unique pair decides. One mark, one count.
    assert sum(r.first for r in done if r is not None) == 1
    assert await scalar(sessions, select(func.count()).select_from(Row)) == 1
    total = await counted(sessions, "lesson_attended") + await counted(sessions, "lesson_absent")
    assert total == 1


async def test_hours_on_the_course_page_and_marks_kept_when_the_course_is_edited(
    sessions: Sessions,
) -> None:
    course_id, (anna, marco, sara) = await course_with_people(sessions)
    lessons = await lesson_ids(sessions, course_id)
    admin = CourseAdmin(sessions, zone="Europe/Rome", places={"crema": "Crema"})
    ids = {t: str(await enrolment_of(sessions, t, course_id)) for t in (anna, marco, sara)}
    for n, lesson in enumerate(lessons[:3]):  # Anna comes to 3 of the 3 held, Marco to 1
        marks = {ids[anna]: "present", ids[marco]: "present" if n == 0 else "absent"}
        await admin.attendance.save(course_id, lesson, marks, OPERATOR, LESSONS[2].ends_at,
                                    may_change=False)  # fmt: skip
    page = await admin.page(course_id, OPERATOR, LESSONS[2].ends_at)
    assert page is not None
    assert [line.started for line in page.lessons] == [True, True, True, False]
    assert [line.marked for line in page.lessons] == [2, 2, 2, 0]
    assert page.hours[anna] == (6.0, 6.0)
    assert page.hours[marco] == (2.0, 6.0)
    assert page.hours[sara] == (0.0, 6.0)

    # The office moves the last lesson: the three held keep their rows and their marks.
    moved = Lesson(LESSONS[3].starts_at + DAY, LESSONS[3].ends_at + DAY)
    async with sessions.begin() as session:
        await course_admin.update_course(
            session, course_id, spec(sessions=(*LESSONS[:3], moved), seats=3), NOW
        )
    assert (await lesson_ids(sessions, course_id))[:3] == lessons[:3]
    assert await scalar(sessions, select(func.count()).select_from(Row)) == 6
    # Taking a held lesson out takes its marks with it.
    async with sessions.begin() as session:
        await course_admin.update_course(
            session, course_id, spec(sessions=(*LESSONS[1:3], moved), seats=3), NOW
        )
    assert await scalar(sessions, select(func.count()).select_from(Row)) == 4


async def test_the_export_says_lessons_attended_and_erasure_leaves_no_mark(
    sessions: Sessions,
) -> None:
    course_id, (anna, marco, _) = await course_with_people(sessions)
    lessons = await lesson_ids(sessions, course_id)
    service = LessonAttendance(sessions)
    ids = {t: str(await enrolment_of(sessions, t, course_id)) for t in (anna, marco)}
    for n, lesson in enumerate(lessons):
        marks = {ids[anna]: "absent" if n == 1 else "present", ids[marco]: "present"}
        await service.save(course_id, lesson, marks, OPERATOR, AFTER, may_change=False)
    async with sessions() as session:
        data = await privacy.personal_data(session, anna, AFTER)
    assert data["lessons"] == [
        {"course": "Informatica di base", "attended": 3, "absent": 1, "held": 4}
    ]
    catalogue = Catalogue.load(PROJECT_ROOT / "locales")
    for language, line in (("it", "3 su 4 lezioni svolte"), ("en", "3 of 4 lessons held")):
        page, _ = export_documents(data, catalogue, language, AFTER, "dpo@example.org")
        assert line in page.content.decode()
    assert await scalar(sessions, select(func.count()).select_from(Row)) == 8

    async with sessions.begin() as session:
        assert await privacy.erase_person(session, anna, AFTER, actor="self")
    async with sessions() as session:
        left = (await session.execute(select(Row.enrolment_id))).scalars().all()
    assert sorted(set(left)) == [int(ids[marco])] and len(left) == 4


async def test_course_hours_reach_the_funders_records_and_an_indicator(
    sessions: Sessions,
) -> None:
    """3 of 4 lessons of 2 hours: 6 course hours, and an indicator of 6 hours or more counts
    the person; with 2 lessons (4 hours) it does not."""
    course_id, (anna, marco, _) = await course_with_people(sessions)
    async with sessions.begin() as session:
        for telegram_id in (anna, marco):
            person = await session.scalar(
                select(Beneficiary).where(Beneficiary.telegram_id == telegram_id)
            )
            assert person is not None
            session.add(
                CareRecord(
                    beneficiary_id=person.id, recorded_by="web:2", recorded_at=NOW,
                    updated_at=NOW, services=["sil"], taken_in_charge_on=NOW.date(),
                    gender="female", education="isced_0_2",
                    employment_at_entry="long_term_unemployed",
                )
            )  # fmt: skip
    lessons = await lesson_ids(sessions, course_id)
    service = LessonAttendance(sessions)
    ids = {t: str(await enrolment_of(sessions, t, course_id)) for t in (anna, marco)}
    for n, lesson in enumerate(lessons):
        marks = {
            ids[anna]: "absent" if n == 3 else "present",
            ids[marco]: "present" if n < 2 else "absent",
        }
        await service.save(course_id, lesson, marks, OPERATOR, AFTER, may_change=False)

    indicators = parse_indicators(
        {
            "indicators": [
                {
                    "code": "PRX_CORSO_6_ORE", "name_it": "Almeno 6 ore di corso",
                    "name_en": "At least 6 course hours", "regulation": "ente",
                    "kind": "output", "unit": "participants",
                    "rule": {"field": "course_hours_attended", "at_least": 6},
                }
            ]
        }
    )  # fmt: skip
    period = Period(date(2026, 12, 1), date(2026, 12, 31))
    async with sessions() as session:
        records = await CareRecordSource(as_of=AFTER.date()).participants(session)
    hours = sorted(r.course_hours_attended for r in records)
    assert hours == [4.0, 6.0]
    assert compute(indicators, records, period).row("PRX_CORSO_6_ORE").counts == (1, 0, 0, 0)

    # A coordinator corrects Marco's third lesson: now he has 6 hours too, and counts.
    await service.save(course_id, lessons[2], {ids[marco]: "present"}, COORDINATOR, AFTER,
                       may_change=True)  # fmt: skip
    async with sessions() as session:
        records = await CareRecordSource(as_of=AFTER.date()).participants(session)
    assert compute(indicators, records, period).row("PRX_CORSO_6_ORE").counts == (2, 0, 0, 0)

    # Lessons before the person was taken in charge are not the programme's: not counted.
    async with sessions.begin() as session:
        for record in (await session.scalars(select(CareRecord))).all():
            record.taken_in_charge_on = LESSONS[1].starts_at.date() + DAY
    async with sessions() as session:
        records = await CareRecordSource(as_of=AFTER.date()).participants(session)
    assert sorted(r.course_hours_attended for r in records) == [2.0, 2.0]
