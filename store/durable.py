"""The inbox and the outbox: what Telegram handed over, and what a turn still has to send.

Repositories only: they never commit. The caller's transaction decides, so a turn marks its
update done and writes its sends in the same commit as the new state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, null, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import InboxUpdate, OutboxEntry

PENDING, DONE, FAILED, SENT = "pending", "done", "failed", "sent"


@dataclass(frozen=True)
class Incoming:
    update_id: int
    chat_id: int | None
    payload: dict[str, Any]


@dataclass(frozen=True)
class Stored:
    update_id: int
    payload: dict[str, Any]
    attempts: int


async def store_updates(
    session: AsyncSession, updates: Sequence[Incoming], now: datetime
) -> list[int]:
    """Stores the updates not seen before; returns their ids. Telegram redelivers what it
    was not told about, so an update already here (done or not) is left as it is."""
    if not updates:
        return []
    ids = [u.update_id for u in updates]
    known = set(
        (
            await session.scalars(
                select(InboxUpdate.update_id).where(InboxUpdate.update_id.in_(ids))
            )
        ).all()
    )
    fresh = [u for u in updates if u.update_id not in known]
    if fresh:
        await session.execute(
            insert(InboxUpdate),
            [
                {
                    "update_id": u.update_id,
                    "chat_id": u.chat_id,
                    "payload": u.payload,
                    "status": PENDING,
                    "attempts": 0,
                    "received_at": now,
                }
                for u in fresh
            ],
        )
    return [u.update_id for u in fresh]


async def resume_pending(session: AsyncSession) -> list[Stored]:
    """Updates a previous run stored but did not finish, oldest first. Each restart counts
    as an attempt, so an update that kills the process every time is given up after three."""
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.status == PENDING)
        .values(attempts=InboxUpdate.attempts + 1)
    )
    rows = await session.execute(
        select(InboxUpdate.update_id, InboxUpdate.payload, InboxUpdate.attempts)
        .where(InboxUpdate.status == PENDING)
        .order_by(InboxUpdate.update_id)
    )
    return [Stored(uid, payload or {}, attempts) for uid, payload, attempts in rows]


async def finish_update(
    session: AsyncSession, update_id: int, now: datetime, status: str = DONE
) -> bool:
    """Done (or failed), its text forgotten and its chat too: only the update's number is
    kept, so a replay is recognised, and nothing of it points to a person (an erasure must
    leave no trace). False when it was not pending any more: a replay, whose turn must not
    run twice."""
    result: CursorResult[Any] = await session.execute(  # type: ignore[assignment]
        update(InboxUpdate)
        .where(InboxUpdate.update_id == update_id, InboxUpdate.status == PENDING)
        .values(status=status, payload=null(), chat_id=null(), done_at=now)
    )
    return result.rowcount == 1


async def add_outbox(
    session: AsyncSession, chat_id: int, steps: list[dict[str, Any]], now: datetime
) -> None:
    await session.execute(
        insert(OutboxEntry).values(
            chat_id=chat_id, steps=steps, sent_steps=0, status=PENDING, attempts=0, created_at=now
        )
    )


@dataclass(frozen=True)
class Outgoing:
    id: int
    steps: list[dict[str, Any]]
    sent_steps: int
    attempts: int


async def outbox_for(session: AsyncSession, chat_id: int) -> list[Outgoing]:
    rows = await session.execute(
        select(OutboxEntry.id, OutboxEntry.steps, OutboxEntry.sent_steps, OutboxEntry.attempts)
        .where(OutboxEntry.status == PENDING, OutboxEntry.chat_id == chat_id)
        .order_by(OutboxEntry.id)
    )
    return [Outgoing(i, steps or [], sent, attempts) for i, steps, sent, attempts in rows]


async def chats_with_outbox(session: AsyncSession) -> list[int]:
    rows = await session.scalars(
        select(OutboxEntry.chat_id)
        .where(OutboxEntry.status == PENDING)
        .group_by(OutboxEntry.chat_id)
        .order_by(OutboxEntry.chat_id)
    )
    return list(rows)


async def outbox_progress(session: AsyncSession, entry_id: int, sent_steps: int) -> None:
    await session.execute(
        update(OutboxEntry).where(OutboxEntry.id == entry_id).values(sent_steps=sent_steps)
    )


async def outbox_attempt_failed(session: AsyncSession, entry_id: int) -> None:
    await session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id == entry_id)
        .values(attempts=OutboxEntry.attempts + 1)
    )


async def finish_outbox(
    session: AsyncSession, entry_id: int, now: datetime, status: str = SENT
) -> None:
    """Sent (or given up): nothing of it is kept, texts, documents or whom it was for.
    `status` and `now` are for the log of the caller; a finished row is simply deleted."""
    await session.execute(delete(OutboxEntry).where(OutboxEntry.id == entry_id))


async def prune(session: AsyncSession, before: datetime) -> dict[str, int]:
    """Finished rows older than `before` (their payloads were cleared when they finished)."""
    inbox: CursorResult[Any] = await session.execute(  # type: ignore[assignment]
        delete(InboxUpdate).where(InboxUpdate.status != PENDING, InboxUpdate.done_at < before)
    )
    outbox: CursorResult[Any] = await session.execute(  # type: ignore[assignment]
        delete(OutboxEntry).where(OutboxEntry.status != PENDING, OutboxEntry.sent_at < before)
    )
    return {"inbox_pruned": inbox.rowcount, "outbox_pruned": outbox.rowcount}
