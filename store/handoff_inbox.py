"""Queries behind the operators' inbox and a handoff's thread (the web console)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.handoffs import ACTIVE
from store.models import Beneficiary, Conversation, Handoff, HandoffNote, RelayedMessage

InboxFilter = Literal["open", "mine", "unclaimed", "closed_today"]


@dataclass(frozen=True)
class InboxRow:
    handoff_id: int
    telegram_id: int
    name: str | None
    language: str
    reason: str
    urgent: bool
    status: str
    opened_at: datetime
    claimed_by_name: str | None
    closed_at: datetime | None


@dataclass(frozen=True)
class ThreadItem:
    kind: Literal["in", "out", "note"]
    at: datetime
    text: str | None  # None: not text (a photo, a voice note) or past the retention period
    author: str | None
    # A relayed message's row id, and its file (shown through the console's file route;
    # the file_id itself never reaches the page). file_kind without has_file: past retention.
    relay_id: int | None = None
    has_file: bool = False
    file_kind: str | None = None
    file_name: str | None = None
    mime_type: str | None = None


async def inbox(
    session: AsyncSession,
    which: InboxFilter,
    *,
    account_id: int,
    telegram_user_id: int | None,
    day_start: datetime,
) -> list[InboxRow]:
    """Urgent first, then the longest waiting; closed today: the latest closed first."""
    query = _with_person()
    if which == "closed_today":
        query = query.where(Handoff.status == "closed", Handoff.closed_at >= day_start).order_by(
            Handoff.closed_at.desc()
        )
    else:
        query = query.where(Handoff.status.in_(ACTIVE)).order_by(
            Handoff.urgent.desc(), Handoff.opened_at, Handoff.id
        )
        if which == "unclaimed":
            query = query.where(Handoff.status == "open")
        elif which == "mine":
            mine = Handoff.claimed_by_account == account_id
            if telegram_user_id is not None:
                mine = or_(mine, Handoff.claimed_by == telegram_user_id)
            query = query.where(and_(Handoff.status == "claimed", mine))
    rows = await session.execute(query)
    return [_inbox_row(handoff, name, language, state) for handoff, name, language, state in rows]


async def row(session: AsyncSession, handoff_id: int) -> InboxRow | None:
    found = (await session.execute(_with_person().where(Handoff.id == handoff_id))).first()
    if found is None:
        return None
    return _inbox_row(*found)


def _with_person() -> Select[tuple[Handoff, str | None, str | None, dict[str, Any] | None]]:
    """Handoffs with the person's name and language (from the profile, or the state)."""
    return (
        select(Handoff, Beneficiary.display_name, Beneficiary.language, Conversation.state)
        .outerjoin(Beneficiary, Beneficiary.telegram_id == Handoff.telegram_id)
        .outerjoin(Conversation, Conversation.telegram_id == Handoff.telegram_id)
    )


def _inbox_row(
    handoff: Handoff, name: str | None, language: str | None, state: dict[str, Any] | None
) -> InboxRow:
    return InboxRow(
        handoff_id=handoff.id,
        telegram_id=handoff.telegram_id,
        name=name,
        language=language or _state_language(state),
        reason=handoff.reason,
        urgent=handoff.urgent,
        status=handoff.status,
        opened_at=handoff.opened_at,
        claimed_by_name=handoff.claimed_by_name,
        closed_at=handoff.closed_at,
    )


async def thread(session: AsyncSession, handoff_id: int) -> list[ThreadItem]:
    """Relayed messages both ways and the notes, in the order they happened."""
    relayed = await session.scalars(
        select(RelayedMessage)
        .where(RelayedMessage.handoff_id == handoff_id)
        .order_by(RelayedMessage.at, RelayedMessage.id)
    )
    notes = await session.scalars(
        select(HandoffNote)
        .where(HandoffNote.handoff_id == handoff_id)
        .order_by(HandoffNote.at, HandoffNote.id)
    )
    items = [_relayed_item(m) for m in relayed]
    items += [ThreadItem("note", n.at, n.text, n.author) for n in notes]
    return sorted(items, key=lambda item: item.at)


def _relayed_item(m: RelayedMessage) -> ThreadItem:
    return ThreadItem(
        "in" if m.direction == "in" else "out",
        m.at,
        m.text,
        m.author,
        relay_id=m.id,
        has_file=m.file_id is not None,
        file_kind=m.file_kind,
        file_name=m.file_name,
        mime_type=m.mime_type,
    )


async def add_note(
    session: AsyncSession, handoff_id: int, author: str, text: str, now: datetime
) -> None:
    session.add(HandoffNote(handoff_id=handoff_id, author=author, text=text[:4096], at=now))


def _state_language(state: object) -> str:
    if isinstance(state, dict):
        language = state.get("language")
        if isinstance(language, str):
            return language
    return "it"
