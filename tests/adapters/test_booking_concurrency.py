"""Many people pressing the same slot at the same moment: exactly one gets it.

Each contender runs its own session and transaction, as concurrent turns do in the bot, on
SQLite (one file, WAL) and on the real PostgreSQL server. Nothing here measures time: the
outcome must be the same however the tasks interleave.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store import appointments
from store.models import BOOKED, Appointment, Beneficiary, Slot

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CONTENDERS = 30
FIRST_ID = 7000


async def _people(sessions: async_sessionmaker[AsyncSession], count: int) -> list[int]:
    ids = [FIRST_ID + n for n in range(count)]
    async with sessions.begin() as session:
        session.add_all(
            Beneficiary(telegram_id=i, language="it", created_at=NOW, last_seen_at=NOW) for i in ids
        )
    return ids


async def _slots(sessions: async_sessionmaker[AsyncSession], count: int) -> list[int]:
    async with sessions.begin() as session:
        slots = [
            Slot(
                type="orientation",
                starts_at=NOW + timedelta(days=1, minutes=45 * n),
                ends_at=NOW + timedelta(days=1, minutes=45 * (n + 1)),
                place_id="crema",
                operator="Giulia",
                created_at=NOW,
            )
            for n in range(count)
        ]
        session.add_all(slots)
        await session.flush()
        return [s.id for s in slots]


async def _race(contenders: list) -> tuple[int, int, list[BaseException]]:  # type: ignore[type-arg]
    """Runs the coroutines together: (wins, SlotTaken, anything else raised)."""
    results = await asyncio.gather(*contenders, return_exceptions=True)
    taken = sum(isinstance(r, appointments.SlotTaken) for r in results)
    other = [r for r in results if isinstance(r, BaseException)]
    other = [r for r in other if not isinstance(r, appointments.SlotTaken)]
    wins = sum(not isinstance(r, BaseException) for r in results)
    return wins, taken, other


async def _booked_on(sessions: async_sessionmaker[AsyncSession], slot_id: int) -> int:
    async with sessions() as session:
        return int(
            await session.scalar(
                select(func.count())
                .select_from(Appointment)
                .where(Appointment.slot_id == slot_id, Appointment.status == BOOKED)
            )
            or 0
        )


async def test_concurrent_bookings_of_one_slot_give_one_appointment(sessions) -> None:  # type: ignore[no-untyped-def]
    people = await _people(sessions, CONTENDERS)
    [slot_id] = await _slots(sessions, 1)

    async def book(telegram_id: int) -> None:
        async with sessions.begin() as session:
            await appointments.book(session, telegram_id, slot_id, NOW)

    wins, taken, other = await _race([book(i) for i in people])

    assert other == []  # no "database is locked", no deadlock, nothing but SlotTaken
    assert (wins, taken) == (1, CONTENDERS - 1)
    assert await _booked_on(sessions, slot_id) == 1
    async with sessions() as session:
        total = await session.scalar(select(func.count()).select_from(Appointment))
    assert total == 1  # the losers' inserts were rolled back, not left behind


async def test_concurrent_reschedules_into_one_slot_move_exactly_one(sessions) -> None:  # type: ignore[no-untyped-def]
    people = await _people(sessions, CONTENDERS)
    *own, target = await _slots(sessions, CONTENDERS + 1)
    booking: dict[int, int] = {}
    async with sessions.begin() as session:
        for telegram_id, slot_id in zip(people, own, strict=True):
            made, _ = await appointments.book(session, telegram_id, slot_id, NOW)
            booking[telegram_id] = made.id

    async def move(telegram_id: int) -> int:
        async with sessions.begin() as session:
            await appointments.reschedule(session, telegram_id, booking[telegram_id], target, NOW)
        return telegram_id

    wins, taken, other = await _race([move(i) for i in people])

    assert other == []
    assert (wins, taken) == (1, CONTENDERS - 1)
    assert await _booked_on(sessions, target) == 1
    async with sessions() as session:
        rows = (await session.execute(select(Appointment))).scalars().all()
    # Nobody lost their booking: the losers are still on their own slot, unchanged.
    assert len(rows) == CONTENDERS and all(r.status == BOOKED for r in rows)
    assert sorted(r.ics_sequence for r in rows) == [0] * (CONTENDERS - 1) + [1]
    moved = [r for r in rows if r.slot_id == target]
    assert len(moved) == 1 and moved[0].ics_sequence == 1
    assert len({r.slot_id for r in rows}) == CONTENDERS  # still one person per slot
