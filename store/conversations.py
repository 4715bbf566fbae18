"""Conversation state and the beneficiary profile, read and written inside a unit of work.

Repositories never commit: the caller's transaction does.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.model import State
from store.models import Beneficiary, ConsentEvent, Conversation, Prescreening

_STATE_FIELDS = {f.name for f in dataclasses.fields(State)}


def state_to_json(state: State) -> dict[str, Any]:
    return dataclasses.asdict(state)


def state_from_json(data: dict[str, Any]) -> State:
    """Tolerant of fields added or removed since the state was saved."""
    known = {k: v for k, v in data.items() if k in _STATE_FIELDS}
    for name, value in known.items():
        if isinstance(value, list):
            known[name] = tuple(value)
    return State(**known)


async def load_state(session: AsyncSession, telegram_id: int) -> State:
    row = await session.get(Conversation, telegram_id)
    return State() if row is None else state_from_json(row.state)


async def save_state(session: AsyncSession, telegram_id: int, state: State, now: datetime) -> None:
    row = await session.get(Conversation, telegram_id)
    if row is None:
        session.add(
            Conversation(telegram_id=telegram_id, state=state_to_json(state), updated_at=now)
        )
    else:
        row.state = state_to_json(state)
        row.updated_at = now


async def find_beneficiary(session: AsyncSession, telegram_id: int) -> Beneficiary | None:
    result = await session.execute(
        select(Beneficiary).where(Beneficiary.telegram_id == telegram_id)
    )
    return result.scalar_one_or_none()


async def record_consent(
    session: AsyncSession,
    telegram_id: int,
    *,
    version: str,
    accepted: bool,
    language: str,
    display_name: str | None,
    now: datetime,
) -> Beneficiary:
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        person = Beneficiary(
            telegram_id=telegram_id, language=language, created_at=now, last_seen_at=now
        )
        session.add(person)
    if accepted:
        person.consent_version, person.consent_at = version, now
        person.display_name = display_name
    await session.flush()
    session.add(
        ConsentEvent(beneficiary_id=person.id, notice_version=version, accepted=accepted, at=now)
    )
    return person


async def touch(
    session: AsyncSession, telegram_id: int, display_name: str | None, now: datetime
) -> None:
    """A consented person wrote: they are reachable, and their shown name may have changed.

    One UPDATE and no SELECT: this runs on every turn. Without a profile it changes nothing.
    """
    changes: dict[str, Any] = {"last_seen_at": now, "unreachable_since": None}
    if display_name:
        changes["display_name"] = display_name
    await session.execute(
        update(Beneficiary).where(Beneficiary.telegram_id == telegram_id).values(**changes)
    )


async def mark_unreachable(session: AsyncSession, telegram_id: int, now: datetime) -> None:
    person = await find_beneficiary(session, telegram_id)
    if person is not None and person.unreachable_since is None:
        person.unreachable_since = now


async def record_prescreening(
    session: AsyncSession,
    telegram_id: int,
    *,
    rules_version: str,
    outcome: str,
    answers: dict[str, str],
    criteria: list[list[str]],
    now: datetime,
) -> Prescreening | None:
    person = await find_beneficiary(session, telegram_id)
    if person is None:  # only a consented person has answers worth keeping
        return None
    row = Prescreening(
        beneficiary_id=person.id,
        rules_version=rules_version,
        outcome=outcome,
        answers=answers,
        criteria=criteria,
        created_at=now,
    )
    session.add(row)
    return row


async def latest_prescreening(session: AsyncSession, telegram_id: int) -> Prescreening | None:
    result = await session.execute(
        select(Prescreening)
        .join(Beneficiary, Prescreening.beneficiary_id == Beneficiary.id)
        .where(Beneficiary.telegram_id == telegram_id)
        .order_by(Prescreening.created_at.desc(), Prescreening.id.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()
