"""Start-up: bring the reminder rows to a consistent state before any job runs.

1. Rows left in `sending` were claimed by a process that died between the claim and the
   record of the result: the message may have been delivered. They count as sent, with
   last_error "interrupted", and are never sent again (a duplicate reminder is worse than
   a missing one, and the window is one commit plus one HTTP call, so they are few; the
   count is logged and returned).
2. Pending rows of appointments no longer booked, and of course enrolments no longer
   enrolled (or whose lesson is gone), become skipped; pending rows planned with another
   policy (the configuration changed) get the due time the current one gives, so the
   sender's consistency check does not throw them away.
3. Pending rows overdue by more than the grace become missed: a reminder hours late is
   more confusing than useful. Those within the grace stay pending and go out at once.
The caller then aligns the scheduler's jobs with the pending rows that remain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.planning import MISSED, PENDING, SENDING, SENT, SKIPPED, full_plan
from dialogs.agenda import ReminderPolicy
from store.models import (
    BOOKED,
    ENROLLED,
    Appointment,
    Course,
    CourseSession,
    Enrolment,
    Reminder,
    Slot,
)


@dataclass
class Reconciliation:
    interrupted: int = 0  # found in `sending`: possibly delivered, counted as sent
    skipped: int = 0
    retimed: int = 0
    missed: int = 0
    pending: dict[int, datetime] = field(default_factory=dict)  # reminder id -> due
    jobs_created: int = 0
    jobs_removed: int = 0

    def summary(self) -> str:
        return (
            f"interrupted={self.interrupted} skipped={self.skipped} retimed={self.retimed} "
            f"missed={self.missed} pending={len(self.pending)} "
            f"jobs_created={self.jobs_created} jobs_removed={self.jobs_removed}"
        )


async def reconcile(
    sessions: async_sessionmaker[AsyncSession],
    policy: ReminderPolicy,
    zone: str,
    now: datetime,
) -> Reconciliation:
    report = Reconciliation()
    async with sessions.begin() as session:
        result = await session.execute(
            update(Reminder)
            .where(Reminder.status == SENDING)
            .values(status=SENT, sent_at=now, last_error="interrupted")
            .execution_options(synchronize_session=False)
        )
        report.interrupted = result.rowcount  # type: ignore[attr-defined]
        await _check_pending(session, policy, zone, report)
        await _check_course_pending(session, policy, zone, report)
        result = await session.execute(
            update(Reminder)
            .where(Reminder.status == PENDING, Reminder.due_at < now - policy.grace)
            .values(status=MISSED, last_error="late")
            .execution_options(synchronize_session=False)
        )
        report.missed = result.rowcount  # type: ignore[attr-defined]
        rows = await session.execute(
            select(Reminder.id, Reminder.due_at).where(Reminder.status == PENDING)
        )
        report.pending = {rid: due for rid, due in rows.all()}
    return report


async def _check_pending(
    session: AsyncSession, policy: ReminderPolicy, zone: str, report: Reconciliation
) -> None:
    rows = await session.execute(
        select(Reminder, Appointment.status, Slot.starts_at, Slot.withdrawn_at)
        .join(Appointment, Appointment.id == Reminder.appointment_id)
        .join(Slot, Slot.id == Appointment.slot_id)
        .where(Reminder.status == PENDING)
    )
    plans: dict[datetime, dict[str, datetime]] = {}
    for reminder, status, starts_at, withdrawn_at in rows.all():
        if status != BOOKED or withdrawn_at is not None:
            reminder.status, reminder.last_error = SKIPPED, "not_booked"
            report.skipped += 1
            continue
        _retime(reminder, starts_at, plans, policy, zone, report)
    await session.flush()


async def _check_course_pending(
    session: AsyncSession, policy: ReminderPolicy, zone: str, report: Reconciliation
) -> None:
    rows = await session.execute(
        select(Reminder, Enrolment.status, Course.withdrawn_at, Course.id)
        .join(Enrolment, Enrolment.id == Reminder.enrolment_id)
        .join(Course, Course.id == Enrolment.course_id)
        .where(Reminder.status == PENDING)
    )
    found = rows.all()
    course_ids = {course_id for *_, course_id in found}
    lessons = set(
        (
            await session.execute(
                select(CourseSession.course_id, CourseSession.starts_at).where(
                    CourseSession.course_id.in_(course_ids)
                )
            )
        ).tuples()
    )
    plans: dict[datetime, dict[str, datetime]] = {}
    for reminder, status, withdrawn_at, course_id in found:
        if status != ENROLLED or withdrawn_at is not None:
            reminder.status, reminder.last_error = SKIPPED, "not_enrolled"
            report.skipped += 1
        elif (course_id, reminder.session_starts_at) not in lessons:
            # The lesson moved; the change notice job replans the enrolment.
            reminder.status, reminder.last_error = SKIPPED, "stale"
            report.skipped += 1
        else:
            _retime(reminder, reminder.session_starts_at, plans, policy, zone, report)
    await session.flush()


def _retime(
    reminder: Reminder,
    starts_at: datetime,
    plans: dict[datetime, dict[str, datetime]],
    policy: ReminderPolicy,
    zone: str,
    report: Reconciliation,
) -> None:
    """The due time the current policy gives the row's label, or skipped if it has none."""
    if starts_at not in plans:
        plans[starts_at] = {p.label: p.due_utc for p in full_plan(starts_at, policy, zone)}
    due = plans[starts_at].get(reminder.label)
    if due is None:
        reminder.status, reminder.last_error = SKIPPED, "replanned"
        report.skipped += 1
    elif due != reminder.due_at:
        reminder.due_at = due
        report.retimed += 1
