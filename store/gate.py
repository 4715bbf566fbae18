"""The writer gate with a fast lane, for SQLite's one writer (see store/db.writer_gate).

Turns queue in arrival order. The outbox's marks ("this message is sent") take the fast
lane: a mark that waited behind a burst of turns would leave every message sent meanwhile
unmarked, and a crash then would send them all again. PostgreSQL needs no gate at all.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from types import TracebackType


class PriorityGate:
    def __init__(self, enabled: bool = True) -> None:
        self._enabled = enabled
        self._held = False
        self._normal: deque[asyncio.Future[None]] = deque()
        self._urgent: deque[asyncio.Future[None]] = deque()

    async def __aenter__(self) -> None:
        await self._acquire(self._normal)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._release()

    @contextlib.asynccontextmanager
    async def first(self) -> AsyncIterator[None]:
        """Ahead of everyone waiting (but never ahead of the writer in progress)."""
        await self._acquire(self._urgent)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, lane: deque[asyncio.Future[None]]) -> None:
        if not self._enabled:
            return
        if not self._held:
            self._held = True
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        lane.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release()  # handed over just as we were cancelled: pass it on
            else:
                lane.remove(waiter)
            raise

    def _release(self) -> None:
        if not self._enabled:
            return
        for lane in (self._urgent, self._normal):
            while lane:
                waiter = lane.popleft()
                if not waiter.done():
                    waiter.set_result(None)  # still held: ownership passes to the waiter
                    return
        self._held = False
