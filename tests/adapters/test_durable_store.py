"""The inbox and outbox repositories on SQLite and PostgreSQL: a replay runs no turn, and
texts are forgotten as soon as they are handled or sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from store import durable

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def incoming(update_id: int, said: str = "ciao") -> durable.Incoming:
    return durable.Incoming(update_id, 7, {"update_id": update_id, "message": {"text": said}})


async def test_an_update_is_stored_once_and_its_turn_claims_it_once(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        assert await durable.store_updates(session, [incoming(1), incoming(2)], NOW) == [1, 2]
    async with sessions.begin() as session:  # Telegram redelivers what was not acknowledged
        assert await durable.store_updates(session, [incoming(2), incoming(3)], NOW) == [3]
    async with sessions.begin() as session:
        assert await durable.finish_update(session, 2, NOW) is True
    async with sessions.begin() as session:
        assert await durable.finish_update(session, 2, NOW) is False  # a replay
        assert await durable.store_updates(session, [incoming(2)], NOW) == []
    async with sessions() as session:
        payloads = dict(
            (await session.execute(text("SELECT update_id, payload FROM inbox_updates"))).all()
        )
    assert payloads[2] is None and payloads[1] is not None


async def test_each_restart_counts_as_an_attempt(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        await durable.store_updates(session, [incoming(5), incoming(4)], NOW)
        await durable.finish_update(session, 5, NOW, durable.FAILED)
    for expected in (1, 2):
        async with sessions.begin() as session:
            pending = await durable.resume_pending(session)
        assert [(p.update_id, p.attempts) for p in pending] == [(4, expected)]


async def test_outbox_rows_are_sent_in_order_forgotten_and_pruned(sessions) -> None:  # type: ignore[no-untyped-def]
    steps = [
        {"t": "msg", "text": "uno", "markup": None},
        {"t": "msg", "text": "due", "markup": None},
    ]
    async with sessions.begin() as session:
        await durable.add_outbox(session, 7, steps, NOW)
        await durable.add_outbox(session, 7, steps[:1], NOW)
        await durable.add_outbox(session, 8, steps[:1], NOW)
    async with sessions() as session:
        assert await durable.chats_with_outbox(session) == [7, 8]
        first, second = await durable.outbox_for(session, 7)
    assert first.id < second.id and first.steps == steps
    async with sessions.begin() as session:
        await durable.outbox_progress(session, first.id, 1)
    async with sessions() as session:
        assert (await durable.outbox_for(session, 7))[0].sent_steps == 1
    async with sessions.begin() as session:
        await durable.finish_outbox(session, first.id, NOW)
        await durable.finish_update(session, 1, NOW)  # unknown: nothing happens
    async with sessions() as session:
        assert [o.id for o in await durable.outbox_for(session, 7)] == [second.id]
        left = await session.scalar(text(f"SELECT count(*) FROM outbox WHERE id = {first.id}"))
    assert left == 0  # sent: nothing of it is kept
    async with sessions.begin() as session:
        await durable.store_updates(session, [incoming(9)], NOW)
        await durable.finish_update(session, 9, NOW)
        # Only the number is kept: nothing points to the person (an erasure leaves no trace).
        kept = await session.execute(text("SELECT chat_id, payload FROM inbox_updates"))
        assert kept.all() == [(None, None)]
        assert await durable.prune(session, NOW - timedelta(days=1)) == {
            "inbox_pruned": 0,
            "outbox_pruned": 0,
        }
        assert await durable.prune(session, NOW + timedelta(seconds=1)) == {
            "inbox_pruned": 1,
            "outbox_pruned": 0,  # sent rows are deleted at once
        }
