"""Conversation state and the beneficiary profile, read and written inside a unit of work.

Repositories never commit: the caller's transaction does.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
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
    known = {k: _tuples(v) for k, v in data.items() if k in _STATE_FIELDS}
    return State(**known)


def _tuples(value: Any) -> Any:
    """JSON gives lists where the state had tuples, nested too (the buttons of `prompt`):
    the core compares them with tuples, and a list never equals a tuple."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


# How stale "last seen" may get before a turn writes it again: retention counts months,
# and a write on every turn cost a millisecond of each answer.
LAST_SEEN_PRECISION = timedelta(minutes=10)


@dataclass(frozen=True)
class Resumed:
    """A chat's state, and what the turn must know to keep the profile current cheaply."""

    state: State
    known: bool = False  # a conversation row exists, so the profile columns below are true
    has_profile: bool = False
    last_seen_at: datetime | None = None
    unreachable: bool = False
    display_name: str | None = None

    def profile_is_current(self, display_name: str | None, now: datetime) -> bool:
        """True when `touch` would change nothing worth a write."""
        if not self.known:
            return False
        if not self.has_profile:
            return True  # touch changes nothing without a profile
        return (
            not self.unreachable
            and (not display_name or display_name == self.display_name)
            and self.last_seen_at is not None
            and now - self.last_seen_at < LAST_SEEN_PRECISION
        )


async def load_state(session: AsyncSession, telegram_id: int) -> State:
    return (await resume(session, telegram_id)).state


async def resume(session: AsyncSession, telegram_id: int) -> Resumed:
    """The state and the profile's freshness in one statement: this runs on every turn."""
    row = (
        await session.execute(
            select(
                Conversation.state,
                Beneficiary.id,
                Beneficiary.last_seen_at,
                Beneficiary.unreachable_since,
                Beneficiary.display_name,
            )
            .select_from(Conversation)
            .outerjoin(Beneficiary, Beneficiary.telegram_id == Conversation.telegram_id)
            .where(Conversation.telegram_id == telegram_id)
        )
    ).first()
    if row is None:
        return Resumed(State())
    return Resumed(
        state=state_from_json(row.state),
        known=True,
        has_profile=row.id is not None,
        last_seen_at=row.last_seen_at,
        unreachable=row.unreachable_since is not None,
        display_name=row.display_name,
    )


async def save_state(session: AsyncSession, telegram_id: int, state: State, now: datetime) -> None:
    """One UPDATE for a chat we know; an INSERT the first time."""
    data = state_to_json(state)
    result = await session.execute(
        update(Conversation)
        .where(Conversation.telegram_id == telegram_id)
        .values(state=data, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:
        session.add(Conversation(telegram_id=telegram_id, state=data, updated_at=now))
        await session.flush()


async def replace_state(session: AsyncSession, telegram_id: int, state: State) -> None:
    """The state changed by something the bot did on its own, not by the person: their
    last activity (updated_at, which retention counts from) stays as it was."""
    await session.execute(
        update(Conversation)
        .where(Conversation.telegram_id == telegram_id)
        .values(state=state_to_json(state))
        .execution_options(synchronize_session=False)
    )


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


async def set_language(session: AsyncSession, telegram_id: int, language: str) -> None:
    """The person chose another language: reminders and notices follow it from now on.

    Without a profile (before consent) it changes nothing: the state keeps the language.
    """
    await session.execute(
        update(Beneficiary).where(Beneficiary.telegram_id == telegram_id).values(language=language)
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
