"""Async client for the Rasa server's `POST /model/parse`.

Errors at this edge become one exception, `NluUnavailable`: connection refused,
timeouts, HTTP errors and malformed answers alike. After a failure the client waits a
short cool-down before trying the server again, so a dead server costs one timeout,
not one per message, and it recovers by itself when the server is back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from dialogs.events import Entity, Understanding


class NluUnavailable(Exception):
    """The NLU server could not give an answer; the bot carries on without it."""


class NluClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        *,
        timeout: float = 3.0,
        cooldown: float = 5.0,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            transport=transport,
            trust_env=False,  # a loopback server must never go through a proxy
        )
        # Rasa accepts the token only as a query parameter.
        self._params = {"token": token} if token else {}
        self._cooldown = cooldown
        self._clock = clock
        self._down_until = 0.0

    async def parse(self, text: str) -> Understanding:
        if self._clock() < self._down_until:
            raise NluUnavailable("cooling down after a failure")
        try:
            response = await self._http.post(
                "/model/parse", params=self._params, json={"text": text}
            )
            response.raise_for_status()
            understanding = to_understanding(response.json())
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            self._down_until = self._clock() + self._cooldown
            raise NluUnavailable(type(exc).__name__) from exc
        self._down_until = 0.0
        return understanding

    async def is_ready(self) -> bool:
        """True when the server answers and has a model loaded."""
        try:
            response = await self._http.get("/status", params=self._params)
            return response.status_code == 200 and bool(response.json().get("model_file"))
        except (httpx.HTTPError, ValueError):
            return False

    async def aclose(self) -> None:
        await self._http.aclose()


def to_understanding(payload: dict[str, Any]) -> Understanding:
    intent = payload["intent"]
    ranking = tuple(
        (str(item["name"]), float(item["confidence"])) for item in payload.get("intent_ranking", [])
    )
    entities = tuple(
        Entity(str(item["entity"]), str(item["value"])) for item in payload.get("entities", [])
    )
    return Understanding(
        intent=str(intent["name"]),
        confidence=float(intent["confidence"]),
        ranking=ranking,
        entities=entities,
    )
