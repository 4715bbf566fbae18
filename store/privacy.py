"""The person's rights over their data: see everything kept, erase it, and retention.

Erasure keeps only anonymous counts — the monthly `funder_counts` and the frozen totals of
closed reporting periods (`store/report_periods.py`) — and an audit entry with no link
back to the person. Every table that holds personal data must be handled here; the
erasure test fills every table and checks nothing of the person is left.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from store import attendance, care, courses, handoffs
from store.conversations import find_beneficiary
from store.models import (
    Appointment,
    AuditEntry,
    Beneficiary,
    ConsentEvent,
    Conversation,
    FunderCount,
    Prescreening,
    Slot,
)

log = logging.getLogger(__name__)


async def personal_data(
    session: AsyncSession, telegram_id: int, now: datetime | None = None
) -> dict[str, Any]:
    """Everything kept about one person, as plain JSON-ready values."""
    now = now or datetime.now(UTC)
    person = await find_beneficiary(session, telegram_id)
    conversation = await session.get(Conversation, telegram_id)
    data: dict[str, Any] = {
        "telegram_id": telegram_id,
        "profile": None,
        "consents": [],
        "prescreenings": [],
        "conversation": conversation.state if conversation else None,
    }
    if person is None:
        return data
    data["profile"] = {
        "name": person.display_name,
        "language": person.language,
        "created_at": person.created_at.isoformat(),
        "last_seen_at": person.last_seen_at.isoformat(),
        "unreachable_since": _iso(person.unreachable_since),
        "taken_in_charge_at": _iso(person.taken_in_charge_at),
    }
    consents = await session.scalars(
        select(ConsentEvent)
        .where(ConsentEvent.beneficiary_id == person.id)
        .order_by(ConsentEvent.id)
    )
    data["consents"] = [
        {"version": c.notice_version, "accepted": c.accepted, "at": c.at.isoformat()}
        for c in consents
    ]
    screenings = await session.scalars(
        select(Prescreening)
        .where(Prescreening.beneficiary_id == person.id)
        .order_by(Prescreening.id)
    )
    data["messages"] = await handoffs.recent_texts(session, telegram_id)
    data["appointments"] = await _appointments(session, person.id)
    # Taking in charge: records, path steps and every change, special categories too.
    data["care"] = await care.export(session, person.id)
    data["courses"] = [
        {
            "course": m.course.title,
            "status": m.status,
            "waiting_position": m.position,
            "first_session": m.course.sessions[0].starts_at.isoformat()
            if m.course.sessions
            else None,
        }
        for m in await courses.mine(session, telegram_id, now)
    ]
    # Lessons attended out of those held, per course (withdrawn courses too).
    data["lessons"] = await attendance.export(session, person.id, now)
    data["prescreenings"] = [
        {
            "at": p.created_at.isoformat(),
            "rules_version": p.rules_version,
            "outcome": p.outcome,
            "answers": p.answers,
            "criteria": p.criteria,
        }
        for p in screenings
    ]
    return data


async def _appointments(session: AsyncSession, beneficiary_id: int) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Appointment, Slot)
        .join(Slot, Slot.id == Appointment.slot_id)
        .where(Appointment.beneficiary_id == beneficiary_id)
        .order_by(Slot.starts_at)
    )
    return [
        {
            "type": slot.type,
            "starts_at": slot.starts_at.isoformat(),
            "place": slot.place_id,
            "status": appointment.status,
            "booked_at": appointment.booked_at.isoformat(),
            "cancel_reason": appointment.cancel_reason,
            "confirmation": appointment.confirmation,
        }
        for appointment, slot in rows
    ]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


async def erase_person(session: AsyncSession, telegram_id: int, now: datetime, actor: str) -> bool:
    """Erases one person everywhere. Returns False when nothing was kept about them."""
    person = await find_beneficiary(session, telegram_id)
    conversation = await session.get(Conversation, telegram_id)
    await handoffs.erase(session, telegram_id)
    if person is None and conversation is None:
        return False
    if person is not None:
        # Seats pass to the next in line before the cascade deletes the enrolments;
        # the offers job messages them. Future appointments go with the cascade, which
        # frees their slots and drops their reminders.
        await courses.release_person(session, telegram_id, now)
        # The audit entry survives, but with the link to the person cut (SET NULL).
        await session.execute(
            update(AuditEntry)
            .where(AuditEntry.beneficiary_id == person.id)
            .values(beneficiary_id=None)
        )
        await session.execute(delete(ConsentEvent).where(ConsentEvent.beneficiary_id == person.id))
        await session.execute(delete(Prescreening).where(Prescreening.beneficiary_id == person.id))
        await care.erase(session, person.id)
        await attendance.erase(session, person.id)
        await session.delete(person)
        await count(session, "data_erased", now)
    if conversation is not None:
        await session.delete(conversation)
    session.add(AuditEntry(at=now, actor=actor, action="erased", beneficiary_id=None))
    return True


async def audit(
    session: AsyncSession, telegram_id: int, action: str, actor: str, now: datetime
) -> None:
    person = await find_beneficiary(session, telegram_id)
    session.add(
        AuditEntry(at=now, actor=actor, action=action, beneficiary_id=person.id if person else None)
    )


async def count(session: AsyncSession, metric: str, now: datetime) -> None:
    """+1 to this month's anonymous count of `metric`, atomically on both databases."""
    month = now.strftime("%Y-%m")
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(FunderCount).values(month=month, metric=metric, count=1)
    statement = statement.on_conflict_do_update(
        index_elements=[FunderCount.month, FunderCount.metric],
        set_={"count": FunderCount.count + 1},
    )
    await session.execute(statement)


async def apply_retention(
    session: AsyncSession,
    now: datetime,
    *,
    inactive_months: int,
    idle_days: int,
    message_days: int = 90,
) -> dict[str, int]:
    """Erases profiles inactive for `inactive_months`, conversations of people who never
    consented once idle for `idle_days`, and message texts older than `message_days`."""
    cutoff = now - timedelta(days=30 * inactive_months)
    stale = await session.scalars(
        select(Beneficiary.telegram_id).where(Beneficiary.last_seen_at < cutoff)
    )
    erased = 0
    for telegram_id in list(stale):
        erased += await erase_person(session, telegram_id, now, actor="retention")
    consented = select(Beneficiary.telegram_id)
    idle = await session.execute(
        delete(Conversation)
        .where(Conversation.updated_at < now - timedelta(days=idle_days))
        .where(Conversation.telegram_id.not_in(consented))
    )
    texts = await handoffs.forget_old_texts(session, now, message_days)
    result = {
        "profiles_erased": erased,
        "idle_conversations_deleted": idle.rowcount or 0,
        "message_texts_forgotten": texts,
    }
    log.info("retention applied %s", result)
    return result
