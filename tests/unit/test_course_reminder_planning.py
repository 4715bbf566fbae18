"""Course reminder rows: first lesson or every lesson, quiet hours, replanning after an
edit, leaving the course, start-up repair, and the turn code that plans them.

On SQLite and PostgreSQL (the `sessions` fixture), with an injected clock (`NOW`).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update

from app.catalogue import Catalogue
from app.enrolments import CourseDesk
from app.planning import lessons_to_remind
from dialogs.agenda import ReminderPolicy
from dialogs.effects import AnswerOffer, EnrolCourse, WithdrawCourse
from scheduler.reconcile import reconcile
from scheduler.reminders import cancel_course, plan_course
from store import course_admin, courses
from store.course_import import Lesson
from store.models import Enrolment
from store.programme import load_programme
from store.settings import PROJECT_ROOT
from tests.course_reminder_data import LESSON, course_reminders, course_spec, enrolled, person
from tests.reminder_data import ZONE, agenda_config

ROME = ZoneInfo(ZONE)
POLICY = ReminderPolicy()
NOW = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)  # Monday 4 May 2026, 09:00 in Rome


def rome(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=ROME).astimezone(UTC)  # type: ignore[misc]


# Thursday 14:00, Monday 14:00, Thursday 09:00 (its 2 h reminder falls in quiet hours).
LESSONS = [rome(2026, 5, 7, 14, 0), rome(2026, 5, 11, 14, 0), rome(2026, 5, 14, 9, 0)]


async def planned_for(sessions, telegram_id: int, *, each: bool) -> int:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        _, [enrolment_id] = await enrolled(session, course_spec(LESSONS), [telegram_id], NOW)
        starts = lessons_to_remind(LESSONS, each)
        await plan_course(session, enrolment_id, telegram_id, starts, POLICY, NOW, ZONE)
    return enrolment_id


def test_first_lesson_or_every_lesson() -> None:
    shuffled = [LESSONS[2], LESSONS[0], LESSONS[1]]
    assert lessons_to_remind(shuffled, False) == LESSONS[:1]
    assert lessons_to_remind(shuffled, True) == LESSONS
    assert lessons_to_remind([], False) == []


async def test_a_course_gets_reminders_before_its_first_lesson_only(sessions) -> None:  # type: ignore[no-untyped-def]
    enrolment_id = await planned_for(sessions, 601, each=False)
    async with sessions() as session:
        rows = await course_reminders(session, enrolment_id)
    assert {key: (r.due_at, r.status, r.telegram_id) for key, r in rows.items()} == {
        (LESSONS[0], "24h"): (rome(2026, 5, 6, 14, 0), "pending", 601),
        (LESSONS[0], "2h"): (rome(2026, 5, 7, 12, 0), "pending", 601),
    }
    assert all(r.appointment_id is None for r in rows.values())


async def test_each_session_courses_get_reminders_before_every_lesson_outside_quiet_hours(
    sessions,  # type: ignore[no-untyped-def]
) -> None:
    enrolment_id = await planned_for(sessions, 602, each=True)
    async with sessions() as session:
        rows = await course_reminders(session, enrolment_id)
    assert {key: r.due_at for key, r in rows.items()} == {
        (LESSONS[0], "24h"): rome(2026, 5, 6, 14, 0),
        (LESSONS[0], "2h"): rome(2026, 5, 7, 12, 0),
        (LESSONS[1], "24h"): rome(2026, 5, 10, 14, 0),
        (LESSONS[1], "2h"): rome(2026, 5, 11, 12, 0),
        (LESSONS[2], "24h"): rome(2026, 5, 13, 9, 0),
        # 07:00 is quiet (21:00-08:00): moved to the evening before.
        (LESSONS[2], "2h"): rome(2026, 5, 13, 20, 59),
    }


async def test_lessons_already_past_get_no_reminder(sessions) -> None:  # type: ignore[no-untyped-def]
    later = rome(2026, 5, 7, 13, 0)  # after the first lesson's reminders
    async with sessions.begin() as session:
        _, [enrolment_id] = await enrolled(session, course_spec(LESSONS), [603], NOW)
        await plan_course(session, enrolment_id, 603, LESSONS, POLICY, later, ZONE)
        rows = await course_reminders(session, enrolment_id)
    assert sorted((start, label) for start, label in rows) == sorted(
        (start, label) for start in LESSONS[1:] for label in ("24h", "2h")
    )


async def test_replanning_after_an_edit_never_sends_a_kept_lesson_twice(sessions) -> None:  # type: ignore[no-untyped-def]
    enrolment_id = await planned_for(sessions, 604, each=True)
    moved = rome(2026, 5, 12, 15, 0)
    async with sessions.begin() as session:
        rows = await course_reminders(session, enrolment_id)
        rows[(LESSONS[0], "24h")].status = "sent"
    async with sessions.begin() as session:
        lessons = [LESSONS[0], moved, LESSONS[2]]
        await plan_course(session, enrolment_id, 604, lessons, POLICY, NOW, ZONE)
    async with sessions() as session:
        rows = await course_reminders(session, enrolment_id)
    status = {key: (r.status, r.last_error) for key, r in rows.items()}
    assert status[(LESSONS[0], "24h")] == ("sent", None)
    assert status[(LESSONS[0], "2h")] == ("pending", None)
    assert status[(LESSONS[1], "24h")] == status[(LESSONS[1], "2h")] == ("skipped", "replanned")
    assert status[(moved, "24h")] == status[(moved, "2h")] == ("pending", None)
    assert rows[(moved, "2h")].due_at == rome(2026, 5, 12, 13, 0)
    assert len(rows) == 8
    # The lesson comes back: its rows are pending again, not duplicated.
    async with sessions.begin() as session:
        await plan_course(session, enrolment_id, 604, LESSONS, POLICY, NOW, ZONE)
    async with sessions() as session:
        rows = await course_reminders(session, enrolment_id)
    assert rows[(LESSONS[1], "2h")].status == "pending" and len(rows) == 8
    assert rows[(moved, "2h")].status == "skipped"


async def test_leaving_the_course_skips_the_reminders_still_to_send(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        course_id, ids = await enrolled(session, course_spec(LESSONS), [611, 612, 613, 614], NOW)
        for telegram_id, enrolment_id in zip([611, 612, 613, 614], ids, strict=True):
            await plan_course(session, enrolment_id, telegram_id, LESSONS, POLICY, NOW, ZONE)
    async with sessions.begin() as session:
        (await course_reminders(session, ids[3]))[(LESSONS[0], "24h")].status = "sent"
    async with sessions.begin() as session:
        await courses.withdraw(session, 611, course_id, NOW)  # the person, in a turn
        await courses.release_person(session, 612, NOW)  # before an erasure
        await cancel_course(session, ids[2])  # the scheduler's own API
    async with sessions() as session:
        for enrolment_id in ids[:3]:
            rows = await course_reminders(session, enrolment_id)
            assert {r.status for r in rows.values()} == {"skipped"}
    async with sessions.begin() as session:
        await course_admin.withdraw_course(session, course_id, NOW)  # the operators
    async with sessions() as session:
        rows = await course_reminders(session, ids[3])
    assert rows.pop((LESSONS[0], "24h")).status == "sent"  # history stays
    assert {(r.status, r.last_error) for r in rows.values()} == {("skipped", "withdrawn")}


async def test_start_up_skips_rows_of_people_gone_or_lessons_moved(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        course_id, ids = await enrolled(session, course_spec(LESSONS), [621, 622], NOW)
        for telegram_id, enrolment_id in zip([621, 622], ids, strict=True):
            await plan_course(session, enrolment_id, telegram_id, LESSONS[:2], POLICY, NOW, ZONE)
        # Left without the store's care (e.g. an older version): only the rows remain.
        await session.execute(
            update(Enrolment).where(Enrolment.id == ids[0]).values(status="withdrawn")
        )
        spec = course_spec(LESSONS)
        moved = (Lesson(rome(2026, 5, 12, 10, 0), rome(2026, 5, 12, 10, 0) + LESSON),)
        edited = dataclasses.replace(spec, sessions=(spec.sessions[0], *moved))
        await course_admin.update_course(session, course_id, edited, NOW)
    report = await reconcile(sessions, POLICY, ZONE, NOW)
    async with sessions() as session:
        gone = await course_reminders(session, ids[0])
        kept = await course_reminders(session, ids[1])
    assert {(r.status, r.last_error) for r in gone.values()} == {("skipped", "not_enrolled")}
    assert {key: r.status for key, r in kept.items()} == {
        (LESSONS[0], "24h"): "pending",
        (LESSONS[0], "2h"): "pending",
        (LESSONS[1], "24h"): "skipped",
        (LESSONS[1], "2h"): "skipped",
    }
    assert report.skipped == 6
    assert set(report.pending) == {r.id for r in kept.values() if r.status == "pending"}


async def test_the_turn_plans_on_joining_and_accepting_and_lists_what_changed(sessions) -> None:  # type: ignore[no-untyped-def]
    config = agenda_config(POLICY)
    catalogue = Catalogue.load(PROJECT_ROOT / "locales")
    programme = load_programme(PROJECT_ROOT / "config" / "programme.yaml")

    def desk() -> CourseDesk:
        return CourseDesk(config, catalogue, programme, ZONE)

    async with sessions.begin() as session:
        course_id, _ = await enrolled(session, course_spec(LESSONS, seats=1), [], NOW)
        await person(session, 631, NOW)
        await person(session, 632, NOW)
    joining = desk()
    async with sessions.begin() as session:
        await joining.apply(session, 631, EnrolCourse(course_id), "it", NOW)
        await joining.apply(session, 632, EnrolCourse(course_id), "it", NOW)  # full: waiting
    async with sessions() as session:
        [anna] = [m.enrolment_id for m in await courses.mine(session, 631, NOW)]
        [bruno] = [m.enrolment_id for m in await courses.mine(session, 632, NOW)]
    assert joining.reminders_changed == [anna]  # not the one waiting
    leaving = desk()
    async with sessions.begin() as session:
        await leaving.apply(session, 631, WithdrawCourse(course_id), "it", NOW)
    assert leaving.reminders_changed == [anna]
    accepting = desk()
    async with sessions.begin() as session:
        await accepting.apply(session, 632, AnswerOffer(bruno, accept=True), "it", NOW)
    assert accepting.reminders_changed == [bruno]
    assert [d.filename for d in accepting.documents] == ["corso.ics"]
    async with sessions() as session:
        assert {r.status for r in (await course_reminders(session, anna)).values()} == {"skipped"}
        rows = await course_reminders(session, bruno)
    assert {key: r.status for key, r in rows.items()} == {
        (LESSONS[0], "24h"): "pending",
        (LESSONS[0], "2h"): "pending",
    }
