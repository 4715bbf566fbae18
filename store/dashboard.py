"""What the coordinators' dashboard reads: the anonymous monthly counts (`funder_counts`,
they outlive erasures) and, for what only the live tables know, the appointments and
handoffs of a period. Instants in and out are UTC."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Appointment, FunderCount, Handoff, Reminder, Slot


async def monthly_counts(
    session: AsyncSession, first_month: str, last_month: str
) -> dict[str, dict[str, int]]:
    """month ("2026-11") → metric → count, for the months from first to last included."""
    rows = await session.execute(
        select(FunderCount.month, FunderCount.metric, FunderCount.count).where(
            FunderCount.month >= first_month, FunderCount.month <= last_month
        )
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for month, metric, count in rows:
        counts[month][metric] = count
    return dict(counts)


@dataclass(frozen=True)
class Wait:
    opened_at: datetime
    claimed_at: datetime | None
    urgent: bool


async def handoff_waits(session: AsyncSession, after: datetime, before: datetime) -> list[Wait]:
    """The handoffs opened in [after, before): when, and when a person took them."""
    rows = await session.execute(
        select(Handoff.opened_at, Handoff.claimed_at, Handoff.urgent).where(
            Handoff.opened_at >= after, Handoff.opened_at < before
        )
    )
    return [Wait(opened, claimed, urgent) for opened, claimed, urgent in rows]


async def reminder_answers(
    session: AsyncSession, after: datetime, before: datetime
) -> dict[str, int]:
    """For appointments starting in [after, before) that got a reminder: how many people
    confirmed, said they cannot come, or did not answer ("none")."""
    reminded = exists().where(Reminder.appointment_id == Appointment.id, Reminder.status == "sent")
    rows = await session.execute(
        select(Appointment.confirmation, func.count())
        .join(Slot, Slot.id == Appointment.slot_id)
        .where(Slot.starts_at >= after, Slot.starts_at < before, reminded)
        .group_by(Appointment.confirmation)
    )
    return {confirmation or "none": count for confirmation, count in rows}
