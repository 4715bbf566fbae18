"""Failures the emulator can inject: planned errors, blocked users, flood limits."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from dataclasses import dataclass

from .models import ApiError

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: emulated failure",
    403: "Forbidden: emulated failure",
    404: "Not Found",
    409: "Conflict: emulated failure",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


@dataclass(slots=True)
class _Planned:
    status: int
    retry_after: int
    remaining: int
    description: str | None


class FaultPlan:
    """``fail_next``: the next N calls of a method answer an error instead of running."""

    def __init__(self) -> None:
        self._planned: dict[str, deque[_Planned]] = defaultdict(deque)

    def add(
        self, method: str, status: int, retry_after: int, times: int, description: str | None
    ) -> None:
        self._planned[method.lower()].append(_Planned(status, retry_after, times, description))

    def take(self, method: str) -> ApiError | None:
        queue = self._planned.get(method.lower())
        if not queue:
            return None
        planned = queue[0]
        planned.remaining -= 1
        if planned.remaining <= 0:
            queue.popleft()
        if planned.status == 429:
            error = too_many_requests(planned.retry_after)
            if planned.description:
                error = ApiError(429, planned.description, retry_after=planned.retry_after)
            return error
        description = planned.description or _DEFAULT_DESCRIPTIONS.get(
            planned.status, f"Error {planned.status}"
        )
        return ApiError(planned.status, description)

    def clear(self) -> None:
        self._planned.clear()


class _SlidingWindow:
    """At most ``rate`` events per second, measured over a window of ≥1 s.

    Rates below 1/s (Telegram's 20 messages/minute in groups is 1/3 per second) use a
    window of 1/rate seconds holding a single event.
    """

    def __init__(self, rate: float):
        self.window = max(1.0, 1.0 / rate)
        self.capacity = max(1, math.floor(rate * self.window))
        self.hits: deque[float] = deque()

    def wait_needed(self, now: float) -> float:
        while self.hits and self.hits[0] <= now - self.window:
            self.hits.popleft()
        if len(self.hits) < self.capacity:
            return 0.0
        return self.hits[0] + self.window - now


class RateLimiter:
    """Optional global and per-chat caps on messages sent, like Telegram's flood control."""

    def __init__(self, global_rate: float | None, per_chat_rate: float | None):
        self.global_rate = global_rate
        self.per_chat_rate = per_chat_rate
        self._global = _SlidingWindow(global_rate) if global_rate else None
        self._chats: dict[object, _SlidingWindow] = {}

    def admit(self, chat_key: object, now: float) -> int | None:
        """Record one message; return retry_after seconds instead if a cap is exceeded."""
        windows = []
        if self._global is not None:
            windows.append(self._global)
        if self.per_chat_rate:
            if chat_key not in self._chats:
                self._chats[chat_key] = _SlidingWindow(self.per_chat_rate)
            windows.append(self._chats[chat_key])
        wait = max((w.wait_needed(now) for w in windows), default=0.0)
        if wait > 0:
            return max(1, math.ceil(wait))
        for window in windows:
            window.hits.append(now)
        return None
