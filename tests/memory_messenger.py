"""The messaging port (app/ports.py) in memory: records what would be sent, and answers with
outcomes a test scripts per chat, like httpx's MockTransport answers with a handler."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass

from app.export_doc import Document
from app.ports import Delivered, OperatorNotice, Outcome, Pace
from dialogs.model import Reply


@dataclass(frozen=True)
class Sent:
    chat_id: int
    reply: Reply
    language: str
    documents: tuple[Document, ...]
    outcome: Outcome


class MemoryMessenger:
    """Implements app.ports.Messenger. Every send is recorded, delivered or not; a chat
    answers with its scripted outcomes in order, then with Delivered."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.notices: list[OperatorNotice] = []
        self._script: defaultdict[int, deque[Outcome]] = defaultdict(deque)
        self._next_id = 0

    def answer(self, chat_id: int, *outcomes: Outcome) -> None:
        self._script[chat_id].extend(outcomes)

    def delivered_to(self, chat_id: int) -> list[Sent]:
        """What reached the chat: the sends answered with Delivered."""
        return [s for s in self.sent if s.chat_id == chat_id and isinstance(s.outcome, Delivered)]

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        language: str,
        documents: Sequence[Document] = (),
        *,
        pace: Pace | None = None,
    ) -> Outcome:
        if pace is not None:
            await pace(chat_id)
        script = self._script[chat_id]
        if script:
            outcome = script.popleft()
        else:
            self._next_id += 1
            outcome = Delivered(self._next_id)
        self.sent.append(Sent(chat_id, reply, language, tuple(documents), outcome))
        return outcome

    async def notify_operators(self, notice: OperatorNotice) -> None:
        self.notices.append(notice)
