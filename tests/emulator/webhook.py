"""Webhook mode: POST pending updates to the bot's URL, in order, retrying on failure."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from .updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True, slots=True)
class Delivery:
    update_id: int
    status: int | None  # None: connection failed
    at: float


class WebhookSender:
    def __init__(
        self,
        queue: UpdateQueue,
        *,
        retry_delay: float = 0.05,
        max_retry_delay: float = 1.0,
        on_delivery: Callable[[Delivery], None] | None = None,
    ):
        self.queue = queue
        self.on_delivery = on_delivery
        self.retry_delay = retry_delay
        self.max_retry_delay = max_retry_delay
        self.url: str | None = None
        self.secret_token: str | None = None
        self.max_connections = 40
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.deliveries: list[Delivery] = []
        self._task: asyncio.Task[None] | None = None

    @property
    def active(self) -> bool:
        return self.url is not None

    def configure(self, url: str, secret_token: str | None, max_connections: int | None) -> None:
        self.url = url
        self.secret_token = secret_token
        self.max_connections = max_connections or 40
        self.last_error_date = self.last_error_message = None
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="webhook")

    async def clear(self) -> None:
        self.url = None
        self.secret_token = None
        await self.stop()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def info(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "url": self.url or "",
            "has_custom_certificate": False,
            "pending_update_count": self.queue.pending_count,
        }
        if self.url:
            data["max_connections"] = self.max_connections
        if self.last_error_date is not None:
            data["last_error_date"] = self.last_error_date
            data["last_error_message"] = self.last_error_message or ""
        return data

    async def _run(self) -> None:
        # One update at a time, in order: a failing update blocks later ones, as on Telegram.
        delay = self.retry_delay
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while self.url and await self.queue.wait_pending():
                update = self.queue.first()
                if update is None or self.url is None:
                    continue
                headers = {SECRET_HEADER: self.secret_token} if self.secret_token else {}
                status: int | None = None
                error = ""
                try:
                    async with session.post(self.url, json=update, headers=headers) as response:
                        status = response.status
                        await response.read()
                except (aiohttp.ClientError, TimeoutError) as exc:
                    error = f"Connection error: {exc}"
                delivered = status is not None and 200 <= status < 300
                if delivered:
                    self.queue.ack(update["update_id"])
                else:
                    self.last_error_date = int(time.time())
                    self.last_error_message = error or f"Wrong response from the webhook: {status}"
                delivery = Delivery(update["update_id"], status, time.monotonic())
                self.deliveries.append(delivery)
                if self.on_delivery is not None:
                    self.on_delivery(delivery)
                if delivered:
                    delay = self.retry_delay
                else:
                    await asyncio.sleep(delay)  # backoff between retries, not a polling loop
                    delay = min(delay * 2, self.max_retry_delay)
