"""The outbox: what a turn sends is written in the turn's transaction, and sent after it.

`record` turns a committed turn into one outbox row of plain JSON steps (rendered texts
with their keyboards, documents, reminder changes, operator notices and relays) inside the
turn's own transaction. `OutboxSender.deliver` sends a chat's pending rows in order after
the commit; at start-up `resume` sends what a previous run left. Each step is marked after
it is sent, so a crash repeats at most the one message that was out but not yet marked.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, InlineKeyboardMarkup, InputFile, Message
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut

from app.assistant import Handled, Origin
from app.bookings import AgendaNotice
from app.catalogue import Catalogue
from app.effects import TopicNotice
from app.enrolments import CourseNotice
from bot.render import render
from dialogs import HandoffFailed, OperatorClosed
from dialogs.effects import (
    AnswerOffer,
    CloseHandoff,
    LeaveHandoffOpen,
    OpenHandoff,
    RelayToOperators,
    WithdrawCourse,
)
from store import durable
from store.gate import PriorityGate

if TYPE_CHECKING:
    from app.assistant import Assistant, Recorder
    from app.crash import CrashPoint
    from bot.operators.agenda import AgendaDesk
    from bot.operators.course_notices import CourseNotices
    from bot.operators.desk import OperatorDesk
    from bot.sender import TelegramSender

log = logging.getLogger(__name__)

Step = dict[str, Any]
# A row whose steps keep failing is given up after this many tries, so one bad send never
# holds up everything else the chat is owed.
MAX_ATTEMPTS = 3
RETRY_SECONDS = 0.5
SERVER_ERROR_RETRIES = 3
PEOPLE_STEPS = frozenset({"msg", "doc"})


def compose(handled: Handled, origin: Origin, catalogue: Catalogue) -> list[Step]:
    """Everything after the commit, in the order the person and the operators hear it."""
    turn = handled.turn
    language = turn.state.language
    steps: list[Step] = []
    for reply in turn.replies:
        for message in render(reply, catalogue, language):
            markup = message.markup.to_dict() if message.markup else None
            steps.append({"t": "msg", "text": message.text, "markup": markup})
    for document in handled.documents:
        steps.append(
            {
                "t": "doc",
                "filename": document.filename,
                "content": base64.b64encode(document.content).decode(),
                "caption": catalogue.render(document.caption_key, language),
            }
        )
    if handled.reminders_changed or handled.course_reminders_changed:
        steps.append(
            {
                "t": "reminders",
                "appointments": list(handled.reminders_changed),
                "enrolments": list(handled.course_reminders_changed),
            }
        )
    steps += _for_operators(handled, origin)
    if any(isinstance(e, WithdrawCourse | AnswerOffer) for e in turn.effects):
        steps.append({"t": "offers"})  # a freed seat: the next in line hears now
    return steps


def _for_operators(handled: Handled, origin: Origin) -> Iterable[Step]:
    for notice in handled.after:
        if isinstance(notice, AgendaNotice):
            yield {"t": "agenda", "kind": notice.kind, "id": notice.appointment_id}
        elif isinstance(notice, CourseNotice):
            yield {"t": "course", "kind": notice.kind, "id": notice.enrolment_id}
    for effect in handled.after:
        if isinstance(effect, OpenHandoff):
            yield {
                "t": "open",
                "reason": effect.reason,
                "urgent": effect.urgent,
                "name": origin.name,
            }
        elif isinstance(effect, RelayToOperators) and origin.message is not None:
            yield {
                "t": "relay",
                "message": origin.message,
                "edited": origin.edited,
                "name": origin.name,
            }
        elif isinstance(effect, CloseHandoff):
            yield {"t": "close"}
        elif isinstance(effect, LeaveHandoffOpen):
            yield {"t": "left-open"}
        elif isinstance(effect, TopicNotice):
            yield {"t": "topic", "thread_id": effect.thread_id, "key": effect.key}


def outbox_recorder(catalogue: Catalogue) -> Recorder:
    """The Assistant's recorder: one row per turn, and none for a turn that sends nothing."""

    async def record(
        session: AsyncSession, chat_id: int, handled: Handled, origin: Origin, now: datetime
    ) -> None:
        steps = compose(handled, origin, catalogue)
        if steps:
            await durable.add_outbox(session, chat_id, steps, now)

    return record


@dataclass(frozen=True)
class OutboxTargets:
    """Whoever carries out a step after the commit. The operators' desk is None when no
    group is configured (the agenda desk then tells people and skips the group), the
    reminders and offers when no agenda is."""

    assistant: Assistant
    sender: TelegramSender
    desk: OperatorDesk | None
    agenda_desk: AgendaDesk
    course_notices: CourseNotices | None
    # (appointment ids, enrolment ids) whose reminders changed: their jobs follow.
    sync_reminders: Callable[[Sequence[int], Sequence[int]], Awaitable[None]] | None
    # A seat was freed: the next in line is offered it now.
    offer_seats: Callable[[], Awaitable[object]] | None


class Unreachable(Exception):
    """Blocked or deleted: the person's remaining messages are skipped, the rest goes on."""


class OutboxSender:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        bot: Bot,
        targets: OutboxTargets,
        gate: PriorityGate,
        crash_point: CrashPoint,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._targets = targets
        self._sessions = sessions
        self._bot = bot
        self._gate = gate
        self._crash_point = crash_point
        self._clock = clock
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def resume(self) -> int:
        """Sends what a previous run committed but did not finish sending."""
        async with self._sessions() as session:
            chats = await durable.chats_with_outbox(session)
        for chat_id in chats:
            asyncio.get_running_loop().create_task(self.deliver(chat_id))
        return len(chats)

    async def deliver(self, chat_id: int) -> None:
        """Sends the chat's pending rows, oldest first; one chat at a time keeps the order."""
        async with self._chat_lock(chat_id):
            async with self._sessions() as session:
                rows = await durable.outbox_for(session, chat_id)
            for row in rows:
                await self._deliver_row(chat_id, row)

    async def _deliver_row(self, chat_id: int, row: durable.Outgoing) -> None:
        done, attempts, skip_people = row.sent_steps, row.attempts, False
        while True:
            try:
                for index in range(done, len(row.steps)):
                    step = row.steps[index]
                    if not (skip_people and step["t"] in PEOPLE_STEPS):
                        try:
                            await self._carry_out(chat_id, step)
                        except Unreachable:
                            skip_people = True
                    done = index + 1
                    if step["t"] in PEOPLE_STEPS:
                        self._crash_point("mid-send")
                    if done < len(row.steps):
                        await self._write(durable.outbox_progress, row.id, done)
                await self._write(durable.finish_outbox, row.id, self._clock())
                return
            except Exception as exc:  # any failure is counted, retried, then given up
                attempts += 1
                log.warning(
                    "outbox send failed (%d of %d): %s",
                    attempts,
                    MAX_ATTEMPTS,
                    type(exc).__name__,
                    extra={"who": self._targets.assistant.pseudonym(chat_id)},
                )
                if attempts >= MAX_ATTEMPTS:
                    await self._write(durable.finish_outbox, row.id, self._clock(), "failed")
                    return
                await self._write(durable.outbox_attempt_failed, row.id)
                await asyncio.sleep(RETRY_SECONDS * attempts)

    async def _write(self, operation: Callable[..., Any], *args: Any) -> None:
        async with self._gate.first(), self._sessions.begin() as session:
            await operation(session, *args)

    async def _carry_out(self, chat_id: int, step: Step) -> None:
        app = self._targets
        kind = step["t"]
        if kind == "msg":
            markup = (
                InlineKeyboardMarkup.de_json(step["markup"], self._bot) if step["markup"] else None
            )
            await self._to_person(
                chat_id, lambda: self._bot.send_message(chat_id, step["text"], reply_markup=markup)
            )
        elif kind == "doc":
            content = base64.b64decode(step["content"])
            await self._to_person(
                chat_id,
                lambda: self._bot.send_document(
                    chat_id,
                    InputFile(content, filename=step["filename"]),
                    caption=step["caption"],
                ),
            )
        elif kind == "reminders" and app.sync_reminders is not None:
            await app.sync_reminders(step["appointments"], step["enrolments"])
        elif kind == "agenda":
            await app.agenda_desk.notify(step["kind"], step["id"])
        elif kind == "course" and app.course_notices is not None:
            await app.course_notices.notify(step["kind"], step["id"])
        elif kind == "offers" and app.offer_seats is not None:
            await app.offer_seats()
        elif app.desk is not None:
            await self._for_desk(chat_id, step)

    async def _for_desk(self, chat_id: int, step: Step) -> None:
        app = self._targets
        desk = app.desk
        assert desk is not None
        kind = step["t"]
        if kind == "open":
            try:
                await desk.open(chat_id, step["reason"], step["urgent"], step["name"])
            except TelegramError as exc:
                # Misconfigured group, bot removed, Telegram down: never leave the person
                # waiting for an operator who will not come.
                log.error("handoff could not reach the operators: %s", type(exc).__name__)
                failed = await app.assistant.handle(chat_id, HandoffFailed())
                await app.sender.send_turn(chat_id, failed.turn)
        elif kind == "relay":
            message = Message.de_json(step["message"], self._bot)
            if step["edited"]:
                await desk.relay_edit(message)
            elif await desk.relay_in(message, step["name"]):
                # The sign that it arrived, claimed or not: the bot may say nothing else.
                await desk.acknowledge(message)
            else:
                # No request is open, though the conversation thought so (a close it never
                # heard of): rather than writing into the void, the person is told it was
                # closed and gets the menu, as from an operator's close.
                back = await app.assistant.handle(chat_id, OperatorClosed())
                await app.sender.send_turn(chat_id, back.turn)
        elif kind == "close":
            await desk.closed_by_person(chat_id)
        elif kind == "left-open":
            await desk.left_open(chat_id)
        elif kind == "topic":
            await desk.notice(step["thread_id"], step["key"])

    async def _to_person(self, chat_id: int, send: Callable[[], Any]) -> None:
        """Retries what Telegram surely did not send (5xx); a blocked person is marked."""
        for attempt in range(SERVER_ERROR_RETRIES + 1):
            try:
                await send()
                return
            except Forbidden:
                await self._targets.assistant.mark_unreachable(chat_id)
                raise Unreachable from None
            except BadRequest as exc:
                if "chat not found" not in str(exc).lower():
                    raise
                await self._targets.assistant.mark_unreachable(chat_id)
                raise Unreachable from None
            except TimedOut:
                raise  # it may have gone out: the row's retry decides
            except NetworkError:
                if attempt == SERVER_ERROR_RETRIES:
                    raise
                await asyncio.sleep(RETRY_SECONDS * (attempt + 1))

    @contextlib.asynccontextmanager
    async def _chat_lock(self, chat_id: int) -> AsyncIterator[None]:
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[chat_id] -= 1
            if self._waiting[chat_id] == 0:  # forget idle chats so the dicts stay small
                del self._waiting[chat_id]
                del self._locks[chat_id]
