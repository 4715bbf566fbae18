"""Event-driven waiting: waiters sleep until something changes, then re-check.

Tests wait for "the bot replied", long polls wait for "an update arrived"; both must wake
the moment it happens (no sleep loops: they are slow and flaky under load).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Pulse:
    """Wakes every current waiter on ``fire()``; each waiter re-evaluates its predicate.

    ``fire()`` is synchronous so that plain methods (e.g. injecting an update) can call it.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        timeout: float | None,  # noqa: ASYNC109 - a deadline that must survive re-waits
    ) -> bool:
        """Wait until ``predicate()`` is true; False if ``timeout`` seconds passed first."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while not predicate():
            event = self._event
            if deadline is None:
                await event.wait()
                continue
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                async with asyncio.timeout(remaining):
                    await event.wait()
            except TimeoutError:
                return predicate()
        return True
