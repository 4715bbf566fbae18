"""Pacing of outgoing messages under Telegram's flood limits.

Telegram allows about 30 messages per second overall and one per second in a chat, and
answers 429 with `retry_after` beyond that. A 429 costs a whole second or more, so the
sender spaces its messages evenly a little below the cap (`headroom`) instead of bursting
and being stopped: an even spacing leaves room for the jitter between the moment a send
starts here and the moment it reaches Telegram, where the window is measured.

A worker reserves its time slot under a lock and sleeps outside it, so several workers
share one timeline without holding each other up. A worker can still be late between its
slot and its HTTP call (a database lock, a GC pause): more than 30 ms late and the send
after it would be the 31st in a second. So `guard` checks the start times of the last
sends against the caps; it almost never waits, and when it does it is for milliseconds.
It hands back a `Ticket`, and the caller stamps it with `started` right before the HTTP
call: a reminder's claim (one commit) sits between the two, and a commit that waited for
SQLite's lock would otherwise leave a start time tens of milliseconds too early, which is
how 30 sends came to reach Telegram within one second.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

# Sends must be this much more than Telegram's window apart (jitter on the way there).
MARGIN = 0.03


@dataclass
class Ticket:
    """One send's place in the window: when it started, as far as the pacer knows."""

    chat_id: int
    at: float


class Pacer:
    def __init__(
        self,
        per_second: float = 30.0,
        *,
        headroom: float = 0.97,
        per_chat_seconds: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if per_second <= 0 or not 0 < headroom <= 1:
            raise ValueError("per_second must be positive and headroom in (0, 1]")
        self._interval = 1.0 / (per_second * headroom)
        self._per_chat = per_chat_seconds / headroom
        self._monotonic = monotonic
        self._sleep = sleep
        self._lock = asyncio.Lock()
        self._next = 0.0  # earliest start of the next send, overall
        self._paused_until = 0.0
        self._chats: dict[int, float] = {}  # earliest next send per chat
        self._cap = max(1, math.floor(per_second))
        self._per_chat_floor = per_chat_seconds + MARGIN
        self._started: deque[Ticket] = deque(maxlen=self._cap)  # the last sends, overall
        self._chat_started: dict[int, float] = {}
        self._guard_lock = asyncio.Lock()

    async def wait_turn(self, chat_id: int) -> None:
        """Returns when a message to `chat_id` may start, its slot taken."""
        while True:
            async with self._lock:
                now = self._monotonic()
                chat_ready = self._chats.get(chat_id, 0.0)
                if chat_ready > now:
                    # This chat must wait: sleep without holding a global slot, so the
                    # other chats keep the pace.
                    start = None
                    delay = chat_ready - now
                else:
                    start = max(now, self._next, self._paused_until)
                    self._next = start + self._interval
                    self._chats[chat_id] = start + self._per_chat
                    delay = start - now
                    if len(self._chats) > 10_000:
                        self._forget_old(now)
            await self._sleep(delay)
            # A 429 that arrived while we slept pauses everybody, including this slot.
            if start is not None and self._paused_until <= start:
                return

    async def guard(self, chat_id: int) -> Ticket:
        """Just before the HTTP call: never more than the cap within a second (plus a
        margin), never two sends to a chat closer than a second (plus a margin)."""
        async with self._guard_lock:
            while True:
                now = self._monotonic()
                wait = 0.0
                if len(self._started) == self._cap:
                    # Stamps may come out of order (see `started`): the earliest binds.
                    oldest = min(ticket.at for ticket in self._started)
                    wait = oldest + 1.0 + MARGIN - now
                last = self._chat_started.get(chat_id)
                if last is not None:
                    wait = max(wait, last + self._per_chat_floor - now)
                if wait <= 0:
                    break
                await self._sleep(wait)
            ticket = Ticket(chat_id, now)
            self._started.append(ticket)
            self._chat_started[chat_id] = now
            if len(self._chat_started) > 10_000:
                self._chat_started = {
                    chat: at
                    for chat, at in self._chat_started.items()
                    if at > now - self._per_chat_floor
                }
            return ticket

    def started(self, ticket: Ticket) -> None:
        """The HTTP call starts now: later guards count from here, not from the guard."""
        now = self._monotonic()
        if now > ticket.at:
            ticket.at = now
            self._chat_started[ticket.chat_id] = max(
                now, self._chat_started.get(ticket.chat_id, now)
            )

    def pause(self, seconds: float) -> None:
        """After a 429: nobody sends for `seconds` (Telegram's retry_after)."""
        self._paused_until = max(self._paused_until, self._monotonic() + seconds)

    def _forget_old(self, now: float) -> None:
        self._chats = {chat: at for chat, at in self._chats.items() if at > now}
