"""Handoffs, the operators' topics, relayed messages and the last texts of each person."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Handoff, HandoffNote, OperatorTopic, RecentMessage, RelayedMessage

ACTIVE = ("open", "claimed")
RECENT_KEPT = 3


async def active(session: AsyncSession, telegram_id: int) -> Handoff | None:
    return await session.scalar(
        select(Handoff)
        .where(Handoff.telegram_id == telegram_id, Handoff.status.in_(ACTIVE))
        .order_by(Handoff.id.desc())
        .limit(1)
    )


async def all_active(session: AsyncSession) -> list[Handoff]:
    rows = await session.scalars(
        select(Handoff)
        .where(Handoff.status.in_(ACTIVE))
        .order_by(Handoff.urgent.desc(), Handoff.id)
    )
    return list(rows)


async def open_handoff(
    session: AsyncSession, telegram_id: int, reason: str, urgent: bool, now: datetime
) -> tuple[Handoff, bool]:
    """The person's active handoff, made urgent if asked; a new one if there is none."""
    current = await active(session, telegram_id)
    if current is not None:
        if urgent and not current.urgent:
            current.urgent, current.reason = True, reason
            return current, True
        return current, False
    handoff = Handoff(
        telegram_id=telegram_id,
        status="open",
        reason=reason,
        urgent=urgent,
        opened_at=now,
        announced_at=now,
    )
    session.add(handoff)
    await session.flush()
    return handoff, True


async def by_thread(session: AsyncSession, thread_id: int) -> Handoff | None:
    topic = await session.scalar(select(OperatorTopic).where(OperatorTopic.thread_id == thread_id))
    return None if topic is None else await active(session, topic.telegram_id)


async def topic_of(session: AsyncSession, telegram_id: int) -> OperatorTopic | None:
    return await session.get(OperatorTopic, telegram_id)


async def set_topic(session: AsyncSession, telegram_id: int, thread_id: int, now: datetime) -> None:
    await session.execute(delete(OperatorTopic).where(OperatorTopic.telegram_id == telegram_id))
    session.add(OperatorTopic(telegram_id=telegram_id, thread_id=thread_id, created_at=now))


async def record_relay(
    session: AsyncSession,
    handoff: Handoff,
    direction: str,
    private_message_id: int,
    group_message_id: int,
    text: str | None,
    now: datetime,
    author: str | None = None,
) -> None:
    session.add(
        RelayedMessage(
            handoff_id=handoff.id,
            direction=direction,
            private_message_id=private_message_id,
            group_message_id=group_message_id,
            text=text,
            at=now,
            author=author,
        )
    )


async def group_copy_of(
    session: AsyncSession, telegram_id: int, private_message_id: int
) -> int | None:
    """Where a message of the person's chat stands in their topic (for edits and replies)."""
    return await session.scalar(
        select(RelayedMessage.group_message_id)
        .join(Handoff, RelayedMessage.handoff_id == Handoff.id)
        .where(Handoff.telegram_id == telegram_id)
        .where(RelayedMessage.private_message_id == private_message_id)
        .order_by(RelayedMessage.id.desc())
        .limit(1)
    )


async def private_copy_of(
    session: AsyncSession, handoff: Handoff, group_message_id: int
) -> int | None:
    """Where a message of the topic stands in the person's chat (for replies)."""
    return await session.scalar(
        select(RelayedMessage.private_message_id)
        .where(RelayedMessage.handoff_id == handoff.id)
        .where(RelayedMessage.group_message_id == group_message_id)
        .limit(1)
    )


async def remember_text(session: AsyncSession, telegram_id: int, text: str, now: datetime) -> None:
    session.add(RecentMessage(telegram_id=telegram_id, text=text[:4096], at=now))
    await session.flush()
    keep = (
        select(RecentMessage.id)
        .where(RecentMessage.telegram_id == telegram_id)
        .order_by(RecentMessage.id.desc())
        .limit(RECENT_KEPT)
    )
    await session.execute(
        delete(RecentMessage)
        .where(RecentMessage.telegram_id == telegram_id)
        .where(RecentMessage.id.not_in(keep.scalar_subquery()))
    )


async def recent_texts(session: AsyncSession, telegram_id: int) -> list[str]:
    rows = await session.scalars(
        select(RecentMessage.text)
        .where(RecentMessage.telegram_id == telegram_id)
        .order_by(RecentMessage.id)
    )
    return list(rows)


async def waiting_too_long(session: AsyncSession, now: datetime, minutes: int) -> list[Handoff]:
    rows = await session.scalars(
        select(Handoff)
        .where(Handoff.status == "open")
        .where(Handoff.announced_at <= now - timedelta(minutes=minutes))
    )
    return list(rows)


async def erase(session: AsyncSession, telegram_id: int) -> None:
    ids = select(Handoff.id).where(Handoff.telegram_id == telegram_id).scalar_subquery()
    await session.execute(delete(RelayedMessage).where(RelayedMessage.handoff_id.in_(ids)))
    await session.execute(delete(HandoffNote).where(HandoffNote.handoff_id.in_(ids)))
    await session.execute(delete(Handoff).where(Handoff.telegram_id == telegram_id))
    await session.execute(delete(OperatorTopic).where(OperatorTopic.telegram_id == telegram_id))
    await session.execute(delete(RecentMessage).where(RecentMessage.telegram_id == telegram_id))


async def forget_old_texts(session: AsyncSession, now: datetime, days: int) -> int:
    """Message texts are kept at most `days`; the mapping for replies stays, textless."""
    cutoff = now - timedelta(days=days)
    recent = await session.execute(delete(RecentMessage).where(RecentMessage.at < cutoff))
    relayed = await session.execute(
        update(RelayedMessage)
        .where(RelayedMessage.at < cutoff, RelayedMessage.text.is_not(None))
        .values(text=None)
    )
    notes = await session.execute(
        update(HandoffNote)
        .where(HandoffNote.at < cutoff, HandoffNote.text.is_not(None))
        .values(text=None)
    )
    return (recent.rowcount or 0) + (relayed.rowcount or 0) + (notes.rowcount or 0)
