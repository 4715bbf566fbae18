"""The pacer keeps Telegram's caps by the start times of the sends, on a fake clock."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from scheduler.pacing import MARGIN, Pacer


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def pacer(clock: FakeClock) -> Pacer:
    return Pacer(30.0, monotonic=clock.monotonic, sleep=clock.sleep)


async def test_the_31st_send_within_a_second_waits_for_the_first_to_leave_the_window(
    clock: FakeClock,
) -> None:
    paced = pacer(clock)
    for chat in range(30):
        paced.started(await paced.guard(chat))
    assert clock.now == 0.0
    await paced.guard(30)
    assert clock.now == pytest.approx(1.0 + MARGIN)


async def test_a_send_that_started_late_counts_from_its_http_call(clock: FakeClock) -> None:
    paced = pacer(clock)
    tickets = [await paced.guard(chat) for chat in range(30)]
    clock.now = 0.05  # the first one's claim waited for the database
    paced.started(tickets[0])
    for ticket in tickets[1:]:
        paced.started(ticket)
    await paced.guard(30)
    assert clock.now == pytest.approx(0.05 + 1.0 + MARGIN)


async def test_a_start_stamp_never_moves_a_send_earlier(clock: FakeClock) -> None:
    paced = pacer(clock)
    ticket = await paced.guard(1)
    clock.now = 0.2
    paced.started(ticket)
    clock.now = 0.1  # stamping again with an earlier clock reading changes nothing
    paced.started(ticket)
    assert ticket.at == pytest.approx(0.2)


async def test_two_sends_to_one_chat_are_more_than_a_second_apart(clock: FakeClock) -> None:
    paced = pacer(clock)
    paced.started(await paced.guard(7))
    clock.now = 0.3
    paced.started(await paced.guard(8))  # another chat goes at once
    assert clock.now == pytest.approx(0.3)
    clock.now = 0.4
    paced.started(await paced.guard(7))
    assert clock.now == pytest.approx(1.0 + MARGIN)


async def test_slots_are_spaced_evenly_below_the_cap_and_a_429_pauses_everybody(
    clock: FakeClock,
) -> None:
    paced = pacer(clock)
    starts = []
    for chat in range(10):
        await paced.wait_turn(chat)
        starts.append(clock.now)
    gaps = {round(b - a, 6) for a, b in itertools.pairwise(starts)}
    assert gaps == {round(1 / (30 * 0.97), 6)}
    paced.pause(2.0)
    paused_at = clock.now
    await paced.wait_turn(99)
    assert clock.now == pytest.approx(paused_at + 2.0)
