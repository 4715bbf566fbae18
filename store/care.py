"""Care records (presa in carico): a person's records, the steps of their path, and every
change to them, read and written for app/intake.py. Nothing here commits.

The special-category columns are plain columns like the others: which ones are special,
and who may see them when, is decided in app/intake.py from config/intake.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import CareChange, CareRecord, CareStep

# The columns of a record that hold the funder's intake categories, in form order.
CATEGORY_COLUMNS = (
    "gender",
    "education",
    "employment_at_entry",
    "birth_year",
    "comune_istat",
    "disability",
    "third_country_national",
    "foreign_background",
    "minority",
    "homeless_or_housing_exclusion",
)
STEP_COLUMNS = ("kind", "host", "starts_on", "ends_on", "weekly_hours", "status")
# The six-month follow-up (migration 0018): in the person's export like the rest.
FOLLOWUP_COLUMNS = (
    "followup_consent",
    "followup_due_on",
    "followup_asked_at",
    "followup_status",
    "followup_on",
    "followup_by",
)


async def records(session: AsyncSession, beneficiary_id: int) -> list[CareRecord]:
    """The person's records, newest first (at most one of them open)."""
    found = await session.scalars(
        select(CareRecord)
        .where(CareRecord.beneficiary_id == beneficiary_id)
        .order_by(CareRecord.taken_in_charge_on.desc(), CareRecord.id.desc())
    )
    return list(found)


async def open_record(
    session: AsyncSession, beneficiary_id: int, *, for_update: bool = False
) -> CareRecord | None:
    """`for_update`: the row stays locked until the commit (PostgreSQL; SQLite has no row
    locks and ignores it: its callers take the file's write lock first)."""
    query = select(CareRecord).where(
        CareRecord.beneficiary_id == beneficiary_id, CareRecord.exit_on.is_(None)
    )
    found: CareRecord | None = await session.scalar(
        query.with_for_update() if for_update else query
    )
    return found


async def steps(session: AsyncSession, record_ids: Sequence[int]) -> list[CareStep]:
    found = await session.scalars(
        select(CareStep)
        .where(CareStep.record_id.in_(list(record_ids)))
        .order_by(CareStep.starts_on.is_(None), CareStep.starts_on, CareStep.id)
    )
    return list(found)


async def step(session: AsyncSession, record_id: int, step_id: int) -> CareStep | None:
    found: CareStep | None = await session.scalar(
        select(CareStep).where(CareStep.id == step_id, CareStep.record_id == record_id)
    )
    return found


async def changes(session: AsyncSession, record_ids: Sequence[int]) -> list[CareChange]:
    """Every change, newest first."""
    found = await session.scalars(
        select(CareChange)
        .where(CareChange.record_id.in_(list(record_ids)))
        .order_by(CareChange.at.desc(), CareChange.id.desc())
    )
    return list(found)


def record_change(
    session: AsyncSession,
    record: CareRecord,
    action: str,
    by: str,
    now: datetime,
    changed: dict[str, list[Any]],
    step_id: int | None = None,
) -> None:
    session.add(
        CareChange(
            record_id=record.id,
            step_id=step_id,
            at=now,
            by=by[:64],
            action=action,
            changes={k: [_plain(old), _plain(new)] for k, (old, new) in changed.items()},
        )
    )


async def export(session: AsyncSession, beneficiary_id: int) -> list[dict[str, Any]]:
    """The person's records with their steps and changes, as JSON-ready values (for the
    /imieidati documents), oldest first."""
    found = list(reversed(await records(session, beneficiary_id)))
    ids = [r.id for r in found]
    all_steps = await steps(session, ids) if ids else []
    all_changes = list(reversed(await changes(session, ids))) if ids else []
    return [
        {
            "taken_in_charge_on": r.taken_in_charge_on.isoformat(),
            "recorded_by": r.recorded_by,
            "recorded_at": r.recorded_at.isoformat(),
            "services": list(r.services),
            **{column: getattr(r, column) for column in CATEGORY_COLUMNS},
            "exit_on": _plain(r.exit_on),
            "exit_outcome": r.exit_outcome,
            **{column: _plain(getattr(r, column)) for column in FOLLOWUP_COLUMNS},
            "steps": [
                {column: _plain(getattr(s, column)) for column in STEP_COLUMNS}
                for s in all_steps
                if s.record_id == r.id
            ],
            "changes": [
                {"at": c.at.isoformat(), "by": c.by, "action": c.action, "changes": c.changes}
                for c in all_changes
                if c.record_id == r.id
            ],
        }
        for r in found
    ]


async def erase(session: AsyncSession, beneficiary_id: int) -> None:
    """Everything of the person's records, explicitly (not left to the cascade alone)."""
    ids = select(CareRecord.id).where(CareRecord.beneficiary_id == beneficiary_id)
    await session.execute(delete(CareChange).where(CareChange.record_id.in_(ids)))
    await session.execute(delete(CareStep).where(CareStep.record_id.in_(ids)))
    await session.execute(delete(CareRecord).where(CareRecord.beneficiary_id == beneficiary_id))


def _plain(value: object) -> object:
    """JSON-ready: dates as ISO text, everything else as is."""
    return value.isoformat() if isinstance(value, date) else value
