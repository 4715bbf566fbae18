"""The six-month follow-up on the care records (migration 0018), read and written for
app/followup.py and the bot's job (scheduler/followup.py). Nothing here commits.

Claiming is one conditional UPDATE (`followup_asked_at IS NULL` and still unanswered), so
two runs of the job, or two processes, can never both ask the same person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import CursorResult, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Beneficiary, CareRecord

SELF = "self"


@dataclass(frozen=True)
class Due:
    """A follow-up the bot may ask now: the record and where to send it."""

    record_id: int
    telegram_id: int
    language: str


async def due(session: AsyncSession, today: date, limit: int = 200) -> list[Due]:
    """Follow-ups due by `today` that the person agreed to, not asked, not recorded by an
    operator, of people the bot can still reach. Oldest due first."""
    rows = await session.execute(
        select(CareRecord.id, Beneficiary.telegram_id, Beneficiary.language)
        .join(Beneficiary, Beneficiary.id == CareRecord.beneficiary_id)
        .where(
            CareRecord.followup_consent.is_(True),
            CareRecord.followup_due_on <= today,
            CareRecord.followup_asked_at.is_(None),
            CareRecord.followup_status.is_(None),
            Beneficiary.unreachable_since.is_(None),
        )
        .order_by(CareRecord.followup_due_on, CareRecord.id)
        .limit(limit)
    )
    return [Due(r.id, r.telegram_id, r.language or "it") for r in rows]


async def claim(session: AsyncSession, record_id: int, now: datetime) -> bool:
    """Marks the follow-up asked; False when another run (or an operator) got there first."""
    result = await session.execute(
        update(CareRecord)
        .where(
            CareRecord.id == record_id,
            CareRecord.followup_asked_at.is_(None),
            CareRecord.followup_status.is_(None),
        )
        .values(followup_asked_at=now)
    )
    return isinstance(result, CursorResult) and result.rowcount == 1


async def unclaim(session: AsyncSession, record_id: int, asked_at: datetime) -> None:
    """The question surely did not leave (a flood limit, a refused connection): the next
    run may ask again. Only our own claim is undone."""
    await session.execute(
        update(CareRecord)
        .where(
            CareRecord.id == record_id,
            CareRecord.followup_asked_at == asked_at,
            CareRecord.followup_status.is_(None),
        )
        .values(followup_asked_at=None)
    )


async def awaiting_answer(session: AsyncSession, beneficiary_id: int) -> CareRecord | None:
    """The person's record whose question went out and is not answered yet (the newest)."""
    found: CareRecord | None = await session.scalar(
        select(CareRecord)
        .where(
            CareRecord.beneficiary_id == beneficiary_id,
            CareRecord.followup_asked_at.is_not(None),
            CareRecord.followup_status.is_(None),
        )
        .order_by(CareRecord.followup_asked_at.desc(), CareRecord.id.desc())
        .limit(1)
    )
    return found
