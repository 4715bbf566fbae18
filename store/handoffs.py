"""Handoffs, the operators' topics, relayed messages and the last texts of each person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import (
    AuditEntry,
    Beneficiary,
    Handoff,
    HandoffNote,
    OperatorTopic,
    RecentMessage,
    RelayedMessage,
)

ACTIVE = ("open", "claimed")
RECENT_KEPT = 3


@dataclass(frozen=True)
class RelayedFile:
    """The file a relayed message carried, as Telegram knows it: the bot reads it back by
    `file_id` (the web console shows it through the bot, never by a public link)."""

    file_id: str
    kind: str  # photo, document, voice, audio, video, video_note, animation, sticker
    name: str | None = None  # a document's own name, as the sender's phone gave it
    mime_type: str | None = None


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


async def closed_since(session: AsyncSession, since: datetime) -> list[int]:
    """The people whose handoff was closed since `since` and who have no other one open."""
    still_active = select(Handoff.telegram_id).where(Handoff.status.in_(ACTIVE))
    rows = await session.scalars(
        select(Handoff.telegram_id)
        .where(
            Handoff.status == "closed",
            Handoff.closed_at >= since,
            Handoff.telegram_id.not_in(still_active),
        )
        .distinct()
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
    file: RelayedFile | None = None,
) -> None:
    """One message relayed; with a file, `text` is its caption."""
    session.add(
        RelayedMessage(
            handoff_id=handoff.id,
            direction=direction,
            private_message_id=private_message_id,
            group_message_id=group_message_id,
            text=text,
            at=now,
            author=author,
            file_id=file.file_id[:256] if file else None,
            file_kind=file.kind[:16] if file else None,
            file_name=file.name[:255] if file and file.name else None,
            mime_type=file.mime_type[:128] if file and file.mime_type else None,
        )
    )


async def relayed_file(
    session: AsyncSession, handoff_id: int, relay_id: int
) -> RelayedMessage | None:
    """A relayed message with a file, only if it belongs to that handoff: both ids come
    from a URL, so neither alone is trusted."""
    return await session.scalar(
        select(RelayedMessage).where(
            RelayedMessage.id == relay_id,
            RelayedMessage.handoff_id == handoff_id,
            RelayedMessage.file_id.is_not(None),
        )
    )


async def audited_since(
    session: AsyncSession, telegram_id: int, action: str, actor: str, since: datetime
) -> bool:
    """Whether `actor` already has an `action` entry about this person since `since`
    (never, for a person without a profile: their entries name nobody)."""
    found = await session.scalar(
        select(AuditEntry.id)
        .join(Beneficiary, AuditEntry.beneficiary_id == Beneficiary.id)
        .where(Beneficiary.telegram_id == telegram_id)
        .where(AuditEntry.actor == actor, AuditEntry.action == action, AuditEntry.at >= since)
        .limit(1)
    )
    return found is not None


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
    """Message texts and files are kept at most `days`; the mapping for replies stays,
    without them. A file goes with its caption: its id would still fetch it from Telegram.
    The kind stays, so the page can say a photo was there."""
    cutoff = now - timedelta(days=days)
    recent = await session.execute(delete(RecentMessage).where(RecentMessage.at < cutoff))
    relayed = await session.execute(
        update(RelayedMessage)
        .where(
            RelayedMessage.at < cutoff,
            or_(RelayedMessage.text.is_not(None), RelayedMessage.file_id.is_not(None)),
        )
        .values(text=None, file_id=None, file_name=None, mime_type=None)
    )
    notes = await session.execute(
        update(HandoffNote)
        .where(HandoffNote.at < cutoff, HandoffNote.text.is_not(None))
        .values(text=None)
    )
    return (recent.rowcount or 0) + (relayed.rowcount or 0) + (notes.rowcount or 0)
