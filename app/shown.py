"""Buttons the bot sends on its own stay answerable by typing.

A turn remembers the buttons it showed, so that "sì" or "2" typed next presses one
(dialogs/prompt.py). Messages sent outside a turn — a reminder, the six-month follow-up,
an office booking, a course notice — are the newest on the person's screen too: once
delivered, their buttons become the ones typed words answer (dialogs.router
.sent_outside_a_turn). Remembering is best effort: the message has arrived, and a busy
database only means a typed answer goes to the NLU, as it did before.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence

from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.export_doc import Document
from app.ports import Delivered, Messenger, OperatorNotice, Outcome, Pace
from dialogs.model import LabelText, Reply
from dialogs.router import sent_outside_a_turn
from store import conversations

log = logging.getLogger(__name__)

# ShownButtons.remember, for adapters that send on their own: (chat_id, replies, language).
RememberShown = Callable[[int, Sequence[Reply], str], Awaitable[None]]


class ShownButtons:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        label: LabelText,
        gate: contextlib.AbstractAsyncContextManager[object] | None = None,
    ) -> None:
        self._sessions = sessions
        self._label = label
        # The turns' gate on SQLite (store/gate.py): the state is written as a turn writes it.
        self._gate = gate or contextlib.nullcontext()

    async def remember(self, chat_id: int, replies: Sequence[Reply], language: str) -> None:
        if not any(reply.buttons for reply in replies):
            return
        try:
            async with self._gate, self._sessions.begin() as session:
                resumed = await conversations.resume(session, chat_id)
                if not resumed.known:
                    return  # a stranger: no conversation is made for them
                state = resumed.state
                changed = sent_outside_a_turn(state, replies, language, self._label)
                if changed != state:
                    await conversations.replace_state(session, chat_id, changed)
        except OperationalError as exc:
            log.warning("buttons sent not remembered: %s", type(exc).__name__)


class RememberingMessenger:
    """A Messenger (app/ports.py) whose delivered replies leave their buttons answerable."""

    def __init__(self, inner: Messenger, shown: ShownButtons) -> None:
        self._inner = inner
        self._shown = shown

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        language: str,
        documents: Sequence[Document] = (),
        *,
        pace: Pace | None = None,
    ) -> Outcome:
        outcome = await self._inner.send(chat_id, reply, language, documents, pace=pace)
        if isinstance(outcome, Delivered):
            await self._shown.remember(chat_id, (reply,), language)
        return outcome

    async def notify_operators(self, notice: OperatorNotice) -> None:
        await self._inner.notify_operators(notice)
