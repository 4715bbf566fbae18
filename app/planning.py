"""Reminder rows: which reminders an appointment or a course enrolment has, written inside
the caller's transaction.

The `reminders` table, not the scheduler, is the source of truth. A row moves
pending -> sending -> sent, or ends as skipped (no longer needed), failed (could not be
delivered) or missed (too late to be useful). One row per (appointment, label), so a
rescheduled appointment reuses its rows: they become pending again with the new due time.

A course enrolment has one row per (lesson start, label), for the first lesson or, for
courses with `remind_each_session`, for every lesson (`lessons_to_remind`). Lessons are
re-created when a course is edited, so rows are keyed by the lesson's start, not its row.

Nothing here commits: the turn that books, moves or cancels the appointment commits the
rows with it, so an appointment and its reminders never disagree. The APScheduler jobs
follow after the commit (`ReminderService.sync`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.timing import PlannedReminder, reminder_times
from dialogs.agenda import ReminderPolicy
from store.models import Reminder

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
SKIPPED = "skipped"
FAILED = "failed"
MISSED = "missed"

# Before any appointment: used to ask `reminder_times` for the full plan, past ones included.
_BEGINNING = datetime(2000, 1, 1, tzinfo=UTC)


def planned(
    starts_at: datetime, policy: ReminderPolicy, zone: str, now: datetime
) -> list[PlannedReminder]:
    """The reminders still to come for an appointment starting at `starts_at`."""
    return reminder_times(
        starts_at,
        policy.offsets,
        policy.quiet_start,
        policy.quiet_end,
        zone,
        now_utc=now,
    )


def full_plan(starts_at: datetime, policy: ReminderPolicy, zone: str) -> list[PlannedReminder]:
    """Every reminder the policy gives this start time, past ones included, earliest first.

    Deterministic in (start, policy, zone): the sender uses it to check that a row still
    belongs to the appointment's current start time, and to tell which one is the last.
    """
    return planned(starts_at, policy, zone, _BEGINNING)


async def plan(
    session: AsyncSession,
    appointment_id: int,
    telegram_id: int,
    starts_at: datetime,
    policy: ReminderPolicy,
    now: datetime,
    zone: str,
) -> None:
    """Creates or re-times the reminder rows of a booked (or rescheduled) appointment.

    Labels still planned become pending with their new due time, whatever they were
    (a reminder sent for the old date is due again for the new one). Pending labels the new
    time no longer has (too close to the start, or merged by quiet hours) become skipped.
    """
    wanted = {p.label: p for p in planned(starts_at, policy, zone, now)}
    existing = {
        row.label: row
        for row in (
            await session.execute(select(Reminder).where(Reminder.appointment_id == appointment_id))
        ).scalars()
    }
    for label, reminder in wanted.items():
        row = existing.get(label)
        if row is None:
            session.add(
                Reminder(
                    appointment_id=appointment_id,
                    telegram_id=telegram_id,
                    label=label,
                    due_at=reminder.due_utc,
                    status=PENDING,
                    attempts=0,
                )
            )
            continue
        row.telegram_id = telegram_id
        row.due_at = reminder.due_utc
        row.status = PENDING
        row.attempts = 0
        row.sent_at = None
        row.message_id = None
        row.last_error = None
    for label, row in existing.items():
        if label not in wanted and row.status in (PENDING, SENDING):
            row.status = SKIPPED
            row.last_error = "replanned"
    await session.flush()


async def cancel(session: AsyncSession, appointment_id: int) -> None:
    """The appointment is off: its reminders still to send will not be sent."""
    await session.execute(
        update(Reminder)
        .where(Reminder.appointment_id == appointment_id, Reminder.status == PENDING)
        .values(status=SKIPPED, last_error="cancelled")
        .execution_options(synchronize_session="fetch")
    )


def lessons_to_remind(lesson_starts: Sequence[datetime], each_session: bool) -> list[datetime]:
    """The lessons a course enrolment gets reminders for: the first, or every one."""
    starts = sorted(set(lesson_starts))
    return starts if each_session else starts[:1]


async def plan_course(
    session: AsyncSession,
    enrolment_id: int,
    telegram_id: int,
    lesson_starts: Sequence[datetime],
    policy: ReminderPolicy,
    now: datetime,
    zone: str,
) -> None:
    """Creates or re-times the reminder rows of an enrolment, for these lessons (see
    `lessons_to_remind`). Rows of lessons no longer given, or labels the policy no longer
    has, become skipped; rows already sent (or missed, failed) stay as they are, so a
    replan after an edit that kept a lesson never sends its reminder twice. A row still
    pending whose time has just come stays pending: the sender decides."""
    rows = (
        await session.execute(select(Reminder).where(Reminder.enrolment_id == enrolment_id))
    ).scalars()
    existing = {(row.session_starts_at, row.label): row for row in rows}
    keep: set[tuple[datetime, str]] = set()
    for start in lesson_starts:
        keep |= {(start, p.label) for p in full_plan(start, policy, zone)}
        for reminder in planned(start, policy, zone, now):
            row = existing.get((start, reminder.label))
            if row is None:
                session.add(
                    Reminder(
                        enrolment_id=enrolment_id,
                        session_starts_at=start,
                        telegram_id=telegram_id,
                        label=reminder.label,
                        due_at=reminder.due_utc,
                        status=PENDING,
                        attempts=0,
                    )
                )
            elif row.status in (PENDING, SKIPPED):
                row.telegram_id = telegram_id
                row.due_at = reminder.due_utc
                row.status = PENDING
                row.attempts = 0
                row.last_error = None
    for key, row in existing.items():
        if key not in keep and row.status == PENDING:
            row.status = SKIPPED
            row.last_error = "replanned"
    await session.flush()


async def cancel_course(session: AsyncSession, enrolment_id: int) -> None:
    """The person left the course: their course reminders still to send will not be sent."""
    await session.execute(
        update(Reminder)
        .where(Reminder.enrolment_id == enrolment_id, Reminder.status == PENDING)
        .values(status=SKIPPED, last_error="cancelled")
        .execution_options(synchronize_session="fetch")
    )
