"""The bot's pending update queue: getUpdates long polling and the webhook's source."""

from __future__ import annotations

import copy
from typing import Any

from .models import ApiError
from .waiting import Pulse

# getUpdates: "Specify an empty list to receive all update types except chat_member,
# message_reaction, and message_reaction_count (default)."
DEFAULT_EXCLUDED = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
MAX_LIMIT = 100


class UpdateQueue:
    def __init__(self) -> None:
        self._pending: list[dict[str, Any]] = []
        self._next_id = 1
        self._allowed: frozenset[str] = frozenset()  # empty = Telegram's default set
        self._poll_generation = 0
        self._closed = False
        self.changed = Pulse()
        self.dropped: list[dict[str, Any]] = []  # filtered out by allowed_updates

    # ------------------------------------------------------------------ producer

    def allows(self, kind: str) -> bool:
        if not self._allowed:
            return kind not in DEFAULT_EXCLUDED
        return kind in self._allowed

    def set_allowed(self, kinds: list[str]) -> None:
        self._allowed = frozenset(kinds)

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        """Queue an update; returns it with its update_id (even if filtered out)."""
        update = {"update_id": self._next_id, **body}
        self._next_id += 1
        kind = next(k for k in body if k != "update_id")
        # Like Telegram, allowed_updates filters when the update is created, not when read.
        if self.allows(kind):
            self._pending.append(update)
            self.changed.fire()
        else:
            self.dropped.append(update)
        return copy.deepcopy(update)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def drop_all(self) -> None:
        self._pending.clear()

    def open(self) -> None:
        self._closed = False

    def close(self) -> None:
        """Release every waiting long poll (server shutdown)."""
        self._closed = True
        self.changed.fire()

    # ------------------------------------------------------------ getUpdates side

    def confirm(self, offset: int) -> None:
        if offset < 0:
            # "-N: retrieve updates starting from -offset update from the end of the queue.
            # All previous updates will be forgotten."
            self._pending = self._pending[offset:]
        else:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]

    async def poll(
        self,
        offset: int | None,
        limit: int | None,
        timeout: int | None,  # noqa: ASYNC109 - getUpdates' own parameter
    ) -> list[dict[str, Any]]:
        if offset is not None:
            self.confirm(offset)
        # A newer getUpdates terminates an older one still waiting, as on Telegram.
        self._poll_generation += 1
        generation = self._poll_generation
        self.changed.fire()
        limit = max(1, min(limit or MAX_LIMIT, MAX_LIMIT))

        def ready() -> bool:
            return bool(self._pending) or generation != self._poll_generation or self._closed

        if timeout and timeout > 0:
            await self.changed.wait_for(ready, timeout)
        if generation != self._poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        return copy.deepcopy(self._pending[:limit])

    # --------------------------------------------------------------- webhook side

    async def wait_pending(self) -> bool:
        """Wait until an update is pending; False once the queue is closed."""
        await self.changed.wait_for(lambda: bool(self._pending) or self._closed, None)
        return not self._closed

    def first(self) -> dict[str, Any] | None:
        return copy.deepcopy(self._pending[0]) if self._pending else None

    def ack(self, update_id: int) -> None:
        self._pending = [u for u in self._pending if u["update_id"] != update_id]
