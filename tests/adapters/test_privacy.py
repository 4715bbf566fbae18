"""Export, erasure and retention against real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text

from dialogs import State
from scheduler.maintenance import Retention
from store import appointments, attendance, conversations, courses, handoffs, privacy
from store.models import (
    Appointment,
    AuditEntry,
    Base,
    Course,
    CourseSession,
    Enrolment,
    FunderCount,
    LessonAttendance,
    Reminder,
    Slot,
)

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)
ANNA = 4242
SECRET_ANSWER = "in:Pandino"


async def fill(sessions, telegram_id: int, name: str, now: datetime = NOW) -> None:  # type: ignore[no-untyped-def]
    """A person with something in every table that can hold personal data."""
    async with sessions.begin() as session:
        await conversations.save_state(
            session,
            telegram_id,
            State(consent_version="v1", answers=(("residence", SECRET_ANSWER),)),
            now,
        )
        await conversations.record_consent(
            session,
            telegram_id,
            version="v1",
            accepted=True,
            language="it",
            display_name=name,
            now=now,
        )
        await conversations.record_prescreening(
            session,
            telegram_id,
            rules_version="r1",
            outcome="likely_eligible",
            answers={"age": "45", "residence": SECRET_ANSWER},
            criteria=[["age", "met", "in"]],
            now=now,
        )
        await privacy.audit(session, telegram_id, "exported", "self", now)
        await handoffs.remember_text(session, telegram_id, f"mi chiamo {name}", now)
        handoff, _ = await handoffs.open_handoff(session, telegram_id, "asked", False, now)
        await handoffs.set_topic(session, telegram_id, telegram_id + 10_000_000, now)
        await handoffs.record_relay(session, handoff, "in", 5, 6, f"sono {name}", now)
        await privacy.count(session, "consent_given", now)
        # A future appointment with its reminder, and a seat in a course.
        start = now + timedelta(days=3, minutes=telegram_id % 1000)
        slot = Slot(
            type="orientation", starts_at=start, ends_at=start + timedelta(minutes=45),
            place_id="crema", operator="Giulia", created_at=now,
        )  # fmt: skip
        session.add(slot)
        await session.flush()
        appointment, _ = await appointments.book(session, telegram_id, slot.id, now)
        session.add(
            Reminder(
                appointment_id=appointment.id, telegram_id=telegram_id, label="24h",
                due_at=start - timedelta(days=1), status="pending", attempts=0,
            )
        )  # fmt: skip
        course = await session.scalar(select(Course).where(Course.code == "demo"))
        if course is None:
            course = Course(
                code="demo", title="Corso", description="-", category="informatica",
                place_id="crema", seats=5, seats_taken=0, requirement="none", cost="gratuito",
                contact="Giulia", created_at=now, updated_at=now,
            )  # fmt: skip
            session.add(course)
            await session.flush()
            lesson = NOW + timedelta(days=10)  # open for every fill, past ones too
            session.add(
                CourseSession(
                    course_id=course.id, starts_at=lesson, ends_at=lesson + timedelta(hours=3)
                )
            )
        enrolled = await courses.enrol(session, telegram_id, course.id, now)
        lesson = await session.scalar(
            select(CourseSession.id).where(CourseSession.course_id == course.id)
        )
        assert lesson is not None
        await attendance.mark(session, lesson, enrolled.id, "present", "web:1", now, change=False)


async def everything_in_the_database(sessions) -> str:  # type: ignore[no-untyped-def]
    """Every row of every table, as text, to search for anything left of a person."""
    dump = []
    async with sessions() as session:
        for table in Base.metadata.sorted_tables:
            rows = (await session.execute(select(table))).all()
            dump += [f"{table.name}: {tuple(row)}" for row in rows]
    return "\n".join(dump)


async def test_export_holds_everything_kept(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna")
    async with sessions() as session:
        data = await privacy.personal_data(session, ANNA)
    assert data["profile"]["name"] == "Anna"
    assert data["consents"] == [{"version": "v1", "accepted": True, "at": NOW.isoformat()}]
    assert data["prescreenings"][0]["answers"]["residence"] == SECRET_ANSWER
    assert data["conversation"]["answers"] == [["residence", SECRET_ANSWER]]


async def test_erasure_leaves_nothing_personal_in_any_table(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Annabella")
    await fill(sessions, 777, "Marco")
    before = await everything_in_the_database(sessions)
    assert str(ANNA) in before and "Annabella" in before  # the check below can fail

    async with sessions.begin() as session:
        assert await privacy.erase_person(session, ANNA, NOW, actor="self") is True

    after = await everything_in_the_database(sessions)
    assert str(ANNA) not in after
    assert "Annabella" not in after
    assert "Marco" in after  # only the one person is erased
    async with sessions() as session:
        # Marco's appointment, reminder and seat stay; Anna's are gone and her seat is free.
        for table in (Appointment, Reminder, Enrolment, LessonAttendance):
            assert await session.scalar(select(func.count()).select_from(table)) == 1, table
        assert await session.scalar(select(Course.seats_taken)) == 1
        kept = (await session.execute(select(FunderCount.metric, FunderCount.count))).all()
        assert ("consent_given", 2) in kept and ("data_erased", 1) in kept
        erased = await session.scalar(select(AuditEntry).where(AuditEntry.action == "erased"))
        assert erased is not None and erased.beneficiary_id is None
        assert await privacy.erase_person(session, ANNA, NOW, actor="self") is False


async def test_counts_are_atomic_increments(sessions) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        async with sessions.begin() as session:
            await privacy.count(session, "prescreening_to_check", NOW)
    async with sessions.begin() as session:
        await privacy.count(session, "prescreening_to_check", NOW + timedelta(days=10))
    async with sessions() as session:
        rows = (await session.execute(select(FunderCount.month, FunderCount.count))).all()
    assert sorted(rows) == [("2026-11", 3), ("2026-12", 1)]


async def test_retention_with_a_controlled_clock(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, 1, "Vecchio", now=NOW - timedelta(days=30 * 25))
    await fill(sessions, 2, "Recente", now=NOW - timedelta(days=30 * 23))
    async with sessions.begin() as session:
        await conversations.save_state(
            session, 3, State(), NOW - timedelta(days=40)
        )  # never consented
        await conversations.save_state(session, 4, State(), NOW - timedelta(days=2))

    retention = Retention(sessions, inactive_months=24, idle_days=30, clock=lambda: NOW)
    assert await retention.run() == {
        "profiles_erased": 1,
        "idle_conversations_deleted": 1,
        "message_texts_forgotten": 2,  # Recente kept, but their texts are over 90 days old
        "inbox_pruned": 0,
        "outbox_pruned": 0,
    }

    remaining = await everything_in_the_database(sessions)
    assert "Vecchio" not in remaining and "Recente" in remaining
    async with sessions() as session:
        ids = set((await session.execute(text("SELECT telegram_id FROM conversations"))).scalars())
        assert ids == {2, 4}
        assert (
            await session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.actor == "retention")
            )
            == 1
        )
