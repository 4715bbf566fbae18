"""The writer gate's fast lane: marks go ahead of queued turns, never ahead of the holder."""

from __future__ import annotations

import asyncio

from store.gate import PriorityGate


async def test_the_fast_lane_goes_first_and_the_rest_keep_their_order() -> None:
    gate = PriorityGate()
    order: list[str] = []

    async def turn(name: str) -> None:
        async with gate:
            order.append(name)
            await asyncio.sleep(0)

    async def mark(name: str) -> None:
        async with gate.first():
            order.append(name)

    async with gate:  # a turn holds the writer; others queue meanwhile
        tasks = [asyncio.create_task(turn("t1")), asyncio.create_task(turn("t2"))]
        await asyncio.sleep(0)
        tasks.append(asyncio.create_task(mark("m1")))
        await asyncio.sleep(0)
        order.append("holder")
    await asyncio.gather(*tasks)
    assert order == ["holder", "m1", "t1", "t2"]


async def test_a_cancelled_waiter_does_not_keep_the_gate() -> None:
    gate = PriorityGate()
    async with gate:
        waiting = asyncio.create_task(gate.__aenter__())
        await asyncio.sleep(0)
        waiting.cancel()
        await asyncio.sleep(0)
    async with asyncio.timeout(1), gate:
        pass


async def test_disabled_it_never_waits() -> None:
    gate = PriorityGate(enabled=False)
    async with asyncio.timeout(1), gate, gate:
        pass
