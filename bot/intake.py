"""The inbox side of durable turns: nothing Telegram hands over is acknowledged before it
is stored, and every stored update is handled until it is done.

Long polling is our own loop (PTB's Updater would move the offset on before the batch is
processed): fetch, store the batch and commit, and only then ask for the next offset. The
webhook (bot/webhook.py) stores before it answers 200. Stored updates go through PTB's
handlers in order per chat (bot/ordering.py). A turn marks its update done in its own
commit (Assistant.handle with an Origin); any other update is marked done once handled.
An update whose handling fails three times (or that was cut off by three restarts) is
marked failed and the person gets an apology, so a chat never stays stuck.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.error import Conflict, NetworkError, TelegramError
from telegram.ext import Application

from app.crash import CrashPoint
from store import durable
from store.gate import PriorityGate

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_SECONDS = 1.0
POLL_TIMEOUT_SECONDS = 10
# When the inbox cannot be written (a locked or unreachable database) the batch is not
# acknowledged: Telegram keeps it, and we try again after this pause.
STORE_RETRY_SECONDS = 1.0

# Sends a kind apology for an update that could not be handled; `busy` when the database
# was the cause (the person may simply try again).
Apologise = Callable[[Update, bool], Awaitable[None]]


class Intake:
    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        sessions: async_sessionmaker[AsyncSession],
        gate: PriorityGate,
        apologise: Apologise,
        crash_point: CrashPoint,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._application = application
        self._sessions = sessions
        self._gate = gate
        self._apologise = apologise
        self._crash_point = crash_point
        self._clock = clock
        self._queued: set[int] = set()
        self._settled: set[int] = set()
        self._errors: dict[int, BaseException] = {}
        self._apologised: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------- told by handlers

    def settled(self, update_id: int) -> None:
        """A turn marked this update done in its own commit."""
        self._settled.add(update_id)

    def failed(self, update_id: int, error: BaseException) -> None:
        """The error handler saw this attempt fail."""
        self._errors[update_id] = error

    # ----------------------------------------------------------------- intake

    async def accept(self, updates: Sequence[Update]) -> None:
        """Stores the batch (raises if it cannot: then nothing may be acknowledged) and
        starts handling the updates not seen before."""
        incoming = [
            durable.Incoming(
                u.update_id, u.effective_chat.id if u.effective_chat else None, u.to_dict()
            )
            for u in updates
        ]
        # The fast lane: a new message must not wait for the turns queued before it just
        # to be stored (store/gate.py); its own turn queues like any other.
        async with self._gate.first(), self._sessions.begin() as session:
            fresh = set(await durable.store_updates(session, incoming, self._clock()))
        for update in updates:
            if update.update_id in fresh:
                self._dispatch(update, attempts=0)

    async def accept_posted(self, updates: Sequence[Update]) -> None:
        """`accept` for the webhook: the same crash point as a polled batch, so the drill
        covers both ways in (a crash here leaves the POST unanswered: Telegram sends again)."""
        self._crash_point("before-store")
        await self.accept(updates)

    async def resume(self) -> int:
        """Handles what a previous run stored but did not finish, oldest first."""
        async with self._gate, self._sessions.begin() as session:
            pending = await durable.resume_pending(session)
        for stored in pending:
            update = Update.de_json(stored.payload, self._application.bot)
            self._dispatch(update, attempts=stored.attempts)
        return len(pending)

    async def poll(self, stop: asyncio.Event) -> None:
        """Long polling that acknowledges a batch only once it is in the database."""
        bot = self._application.bot
        offset: int | None = None
        while not stop.is_set():
            try:
                updates = await bot.get_updates(
                    offset=offset, timeout=POLL_TIMEOUT_SECONDS, allowed_updates=Update.ALL_TYPES
                )
            except Conflict:
                log.error("another bot instance is polling with this token")
                await asyncio.sleep(POLL_TIMEOUT_SECONDS)
                continue
            except NetworkError as exc:
                log.warning("getUpdates failed: %s", type(exc).__name__)
                await asyncio.sleep(STORE_RETRY_SECONDS)
                continue
            if not updates:
                continue
            self._crash_point("before-store")
            try:
                await self.accept(updates)
            except OperationalError as exc:
                log.warning("inbox not writable, batch kept by Telegram: %s", type(exc).__name__)
                await self._apologise_once(updates)
                await asyncio.sleep(STORE_RETRY_SECONDS)
                continue
            offset = updates[-1].update_id + 1

    async def drain(self, timeout: float) -> None:  # noqa: ASYNC109 - a bound for shutdown
        """Lets updates in hand finish (what does not is handled again after the restart)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    # ------------------------------------------------------------- processing

    def _dispatch(self, update: Update, attempts: int) -> None:
        if update.update_id in self._queued:
            return
        self._queued.add(update.update_id)
        processor = self._application.update_processor
        task = asyncio.get_running_loop().create_task(
            processor.process_update(update, self._handle(update, attempts))
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _handle(self, update: Update, attempts: int) -> None:
        uid = update.update_id
        try:
            error: BaseException | None = None
            while attempts < MAX_ATTEMPTS:
                attempts += 1
                self._errors.pop(uid, None)
                await self._application.process_update(update)
                error = self._errors.pop(uid, None)
                if error is None:
                    break
                if attempts < MAX_ATTEMPTS:
                    await asyncio.sleep(RETRY_SECONDS * attempts)
            else:
                await self._give_up(update, error)
                return
            if uid not in self._settled:
                await self._finish(uid, durable.DONE)
        finally:
            self._queued.discard(uid)
            self._settled.discard(uid)
            self._apologised.discard(uid)

    async def _give_up(self, update: Update, error: BaseException | None) -> None:
        log.error("update given up after %d attempts", MAX_ATTEMPTS)
        await self._finish(update.update_id, durable.FAILED)
        if update.update_id not in self._apologised:
            with contextlib.suppress(TelegramError, OperationalError):
                await self._apologise(update, isinstance(error, OperationalError))

    async def _finish(self, update_id: int, status: str) -> None:
        try:
            async with self._gate, self._sessions.begin() as session:
                await durable.finish_update(session, update_id, self._clock(), status)
        except OperationalError as exc:
            # Left pending: the next start handles it again, and a turn runs only once.
            log.warning("inbox row not finished: %s", type(exc).__name__)

    async def _apologise_once(self, updates: Sequence[Update]) -> None:
        for update in updates:
            if update.update_id in self._apologised:
                continue
            self._apologised.add(update.update_id)
            with contextlib.suppress(TelegramError, OperationalError):
                await self._apologise(update, True)
