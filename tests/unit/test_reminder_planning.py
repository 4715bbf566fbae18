"""Reminder rows: planning a booking, re-planning a move, cancelling, and start-up repair.

On SQLite and PostgreSQL (the `sessions` fixture), with an injected clock (`NOW`): the
planning functions take `now` and never read the time themselves.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.planning import full_plan
from dialogs.agenda import ReminderPolicy
from scheduler.reconcile import reconcile
from scheduler.reminders import cancel, plan
from store.models import Reminder
from tests.reminder_data import ZONE, booked, reminders_of

ROME = ZoneInfo(ZONE)
POLICY = ReminderPolicy()
NOW = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)  # Monday 4 May 2026, 09:00 in Rome


def rome(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=ROME).astimezone(UTC)  # type: ignore[misc]


async def test_a_booking_gets_one_pending_row_per_offset(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        appointment = await booked(session, 501, rome(2026, 5, 7, 11, 0), NOW)
        await plan(session, appointment.id, 501, rome(2026, 5, 7, 11, 0), POLICY, NOW, ZONE)
        appointment_id = appointment.id
    async with sessions() as session:
        rows = await reminders_of(session, appointment_id)
    assert {label: (r.due_at, r.status, r.telegram_id) for label, r in rows.items()} == {
        "24h": (rome(2026, 5, 6, 11, 0), "pending", 501),
        "2h": (rome(2026, 5, 7, 9, 0), "pending", 501),
    }


async def test_quiet_hours_move_a_reminder_to_the_evening_before(sessions) -> None:  # type: ignore[no-untyped-def]
    start = rome(2026, 5, 7, 9, 30)  # 2 h before is 07:30, inside 21:00-08:00
    async with sessions.begin() as session:
        appointment = await booked(session, 502, start, NOW)
        await plan(session, appointment.id, 502, start, POLICY, NOW, ZONE)
        rows = await reminders_of(session, appointment.id)
    assert rows["2h"].due_at == rome(2026, 5, 6, 20, 59)
    assert rows["24h"].due_at == rome(2026, 5, 6, 9, 30)


async def test_offsets_and_quiet_hours_come_from_the_policy(sessions) -> None:  # type: ignore[no-untyped-def]
    policy = ReminderPolicy(
        offsets=(timedelta(hours=48), timedelta(minutes=30)),
        quiet_start=time(22, 0),
        quiet_end=time(7, 0),
    )
    start = rome(2026, 5, 8, 7, 15)  # 30 min before is 06:45: quiet until 07:00
    async with sessions.begin() as session:
        appointment = await booked(session, 503, start, NOW)
        await plan(session, appointment.id, 503, start, policy, NOW, ZONE)
        rows = await reminders_of(session, appointment.id)
    assert {label: r.due_at for label, r in rows.items()} == {
        "48h": rome(2026, 5, 6, 7, 15),
        "30m": rome(2026, 5, 7, 21, 59),
    }


async def test_a_booking_for_later_today_gets_only_the_reminders_still_ahead(sessions) -> None:  # type: ignore[no-untyped-def]
    start = NOW + timedelta(hours=3)
    async with sessions.begin() as session:
        appointment = await booked(session, 504, start, NOW)
        await plan(session, appointment.id, 504, start, POLICY, NOW, ZONE)
        rows = await reminders_of(session, appointment.id)
    assert sorted(rows) == ["2h"]


async def test_reschedule_replans_the_same_rows_and_skips_labels_no_longer_due(sessions) -> None:  # type: ignore[no-untyped-def]
    first = rome(2026, 5, 7, 11, 0)
    async with sessions.begin() as session:
        appointment = await booked(session, 505, first, NOW)
        await plan(session, appointment.id, 505, first, POLICY, NOW, ZONE)
        appointment_id = appointment.id
    async with sessions.begin() as session:
        rows = await reminders_of(session, appointment_id)
        ids = {label: r.id for label, r in rows.items()}
        rows["24h"].status, rows["24h"].message_id, rows["24h"].attempts = "sent", 77, 1
        rows["24h"].sent_at = rome(2026, 5, 6, 11, 0)

    later = rome(2026, 5, 12, 15, 0)
    async with sessions.begin() as session:
        await plan(session, appointment_id, 505, later, POLICY, NOW, ZONE)
    async with sessions() as session:
        rows = await reminders_of(session, appointment_id)
    assert {label: r.id for label, r in rows.items()} == ids  # updated in place
    assert {label: (r.status, r.due_at, r.message_id) for label, r in rows.items()} == {
        "24h": ("pending", rome(2026, 5, 11, 15, 0), None),
        "2h": ("pending", rome(2026, 5, 12, 13, 0), None),
    }

    soon = NOW + timedelta(hours=5)  # the 24 h reminder can no longer be sent
    async with sessions.begin() as session:
        await plan(session, appointment_id, 505, soon, POLICY, NOW, ZONE)
    async with sessions() as session:
        rows = await reminders_of(session, appointment_id)
    assert {label: r.status for label, r in rows.items()} == {"24h": "skipped", "2h": "pending"}
    assert rows["2h"].due_at == soon - timedelta(hours=2)


async def test_cancel_skips_pending_rows_and_keeps_the_history(sessions) -> None:  # type: ignore[no-untyped-def]
    start = rome(2026, 5, 7, 11, 0)
    async with sessions.begin() as session:
        appointment = await booked(session, 506, start, NOW)
        await plan(session, appointment.id, 506, start, POLICY, NOW, ZONE)
        appointment_id = appointment.id
    async with sessions.begin() as session:
        (await reminders_of(session, appointment_id))["24h"].status = "sent"
    async with sessions.begin() as session:
        await cancel(session, appointment_id)
    async with sessions() as session:
        rows = await reminders_of(session, appointment_id)
    assert {label: r.status for label, r in rows.items()} == {"24h": "sent", "2h": "skipped"}


async def test_plan_leaves_the_commit_to_the_caller(sessions) -> None:  # type: ignore[no-untyped-def]
    start = rome(2026, 5, 7, 11, 0)
    async with sessions() as session:
        appointment = await booked(session, 507, start, NOW)
        await plan(session, appointment.id, 507, start, POLICY, NOW, ZONE)
        await session.rollback()
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Reminder)) == 0


async def test_start_up_counts_interrupted_sends_as_sent_and_late_ones_as_missed(sessions) -> None:  # type: ignore[no-untyped-def]
    start = rome(2026, 5, 7, 11, 0)
    async with sessions.begin() as session:
        appointment = await booked(session, 508, start, NOW)
        await plan(session, appointment.id, 508, start, POLICY, NOW, ZONE)
        rows = await reminders_of(session, appointment.id)
        rows["24h"].status = "sending"
        appointment_id = appointment.id
    # The process comes back 2 h after the 2 h reminder was due: beyond the 90 min grace.
    later = rome(2026, 5, 7, 11, 0)
    report = await reconcile(sessions, POLICY, ZONE, later)
    async with sessions() as session:
        rows = await reminders_of(session, appointment_id)
    assert (report.interrupted, report.missed, report.pending) == (1, 1, {})
    assert (rows["24h"].status, rows["24h"].last_error) == ("sent", "interrupted")
    assert (rows["2h"].status, rows["2h"].last_error) == ("missed", "late")


async def test_start_up_keeps_reminders_within_the_grace_and_retimes_to_the_policy(
    sessions,
) -> None:  # type: ignore[no-untyped-def]
    start = rome(2026, 5, 7, 11, 0)
    async with sessions.begin() as session:
        appointment = await booked(session, 509, start, NOW)
        await plan(session, appointment.id, 509, start, POLICY, NOW, ZONE)
        appointment_id = appointment.id
        cancelled = await booked(session, 510, start, NOW)
        await plan(session, cancelled.id, 510, start, POLICY, NOW, ZONE)
        cancelled.status = "cancelled"
    # Back one hour after the 2 h reminder's time, with a new policy (3 h instead of 2 h).
    policy = ReminderPolicy(offsets=(timedelta(hours=24), timedelta(hours=3)))
    report = await reconcile(sessions, policy, ZONE, rome(2026, 5, 6, 12, 0))
    async with sessions() as session:
        rows = await reminders_of(session, appointment_id)
    assert (rows["24h"].status, rows["2h"].status) == ("pending", "skipped")
    assert report.pending == {rows["24h"].id: rome(2026, 5, 6, 11, 0)}
    assert (report.skipped, report.missed) == (3, 0)  # 2h no longer planned + 2 cancelled


def test_the_full_plan_ignores_the_clock_and_ends_with_the_last_reminder() -> None:
    plan_ = full_plan(rome(2026, 5, 7, 9, 30), POLICY, ZONE)
    assert [(p.label, p.due_utc) for p in plan_] == [
        ("24h", rome(2026, 5, 6, 9, 30)),
        ("2h", rome(2026, 5, 6, 20, 59)),
    ]
