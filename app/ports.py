"""Ports: what the application needs from the messaging platform, in its own words.

Sending to a person returns an `Outcome`; the adapter (bot/messenger.py for Telegram, an
in-memory one in tests) maps its library's errors onto it at its edge, so nothing behind
the port knows telegram.error:

    Outcome
    ├── Delivered(message_id)   it arrived; the id of the last message sent
    ├── Unreachable(reason)     blocked, deactivated, chat gone: sending again never helps
    │                           (the person becomes reachable when they write again)
    ├── SlowDown(seconds)       flood limit: not delivered; nobody may send for `seconds`
    ├── TemporaryFailure(why)   not delivered (connection refused, server error): safe to
    │                           send again later
    ├── Uncertain(why)          timed out: it may have arrived, and sending again may double it
    └── Refused(why)            the platform refused this message itself (too long, malformed):
                                the same message would be refused again

An exception out of `send` is a bug (or a failure the adapter could not classify), not an
outcome: callers let it propagate as they always did.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from app.export_doc import Document
from dialogs.agenda import AgendaConfig
from dialogs.model import Reply, Turn
from store.agenda_admin import AppointmentRow
from store.handoffs import RelayedFile

# Called with the chat id right before each message (and each retry) goes out: a caller
# that shares Telegram's flood limits with others paces its sends through it.
Pace = Callable[[int], Awaitable[None]]


@dataclass(frozen=True)
class Delivered:
    message_id: int


@dataclass(frozen=True)
class Unreachable:
    reason: Literal["blocked", "chat_not_found"]


@dataclass(frozen=True)
class SlowDown:
    seconds: float


@dataclass(frozen=True)
class TemporaryFailure:
    reason: str


@dataclass(frozen=True)
class Uncertain:
    reason: str


@dataclass(frozen=True)
class Refused:
    reason: str


Outcome = Delivered | Unreachable | SlowDown | TemporaryFailure | Uncertain | Refused


@dataclass(frozen=True)
class OperatorNotice:
    """Something the operators' group must hear about an appointment; the adapter loads the
    rest (who, when, where) by id and words it for the operators."""

    kind: Literal["unreachable", "unconfirmed"]
    appointment_id: int


class People(Protocol):
    async def send(
        self,
        chat_id: int,
        reply: Reply,
        language: str,
        documents: Sequence[Document] = (),
        *,
        pace: Pace | None = None,
    ) -> Outcome:
        """One neutral reply (rendered in `language` unless the reply names its own), then
        the documents, to one chat. Stops at the first message that does not arrive."""
        ...


class Operators(Protocol):
    async def notify_operators(self, notice: OperatorNotice) -> None:
        """Best effort: a notice that cannot be delivered is logged by the adapter."""
        ...


class Messenger(People, Operators, Protocol):
    """Both sides the scheduler speaks to."""


class AgendaNotices(Protocol):
    """The operators' side of appointments for the command line (the Telegram adapter's
    agenda desk): a line in the operators' group, and a kind word to the person."""

    async def notify(self, kind: str, appointment_id: int) -> bool: ...

    async def tell_withdrawn(self, row: AppointmentRow, config: AgendaConfig) -> bool: ...

    async def tell_no_show(self, row: AppointmentRow) -> bool: ...

    async def tell_changed(
        self,
        change: Literal["booked", "moved", "cancelled"],
        row: AppointmentRow,
        config: AgendaConfig,
    ) -> bool:
        """The office booked, moved or cancelled for the person: a short message in their
        language with the calendar file. False when it did not reach them."""
        ...


@dataclass(frozen=True)
class RelayedOut:
    """An operator's reply as it went out: where it stands in the person's chat and in the
    operators' topic."""

    private_message_id: int
    group_message_id: int
    file: RelayedFile | None = None  # the attachment as the person's copy holds it


@dataclass(frozen=True)
class Upload:
    """A file an operator attached to a reply in the browser, checked by app/attachments.py:
    `mime_type` comes from our allow-list, never from the browser."""

    data: bytes
    name: str
    mime_type: str
    as_photo: bool  # an image Telegram shows as a photo; anything else goes as a document


@dataclass(frozen=True)
class FileContent:
    """A relayed file read back from the platform, for the web console to show."""

    data: bytes
    mime_type: str | None  # what the platform says, when it says anything
    name: str | None


class Files(Protocol):
    """Relayed files read back by id, so the console shows them through the bot and never
    by a link anyone could open. bot/ implements it; console mode has none."""

    async def read(self, file_id: str) -> FileContent | None:
        """The file; None when the platform no longer has it, or it is bigger than the
        platform lets a bot fetch (20 MB for the Bot API's getFile)."""
        ...


class HandoffViews(Protocol):
    """The other view of a handoff (the operators' Telegram topic) and the way to the person,
    for the handoff service (app/handoffs.py). bot/ implements it; without Telegram (the
    console chat) a no-op one that reaches nobody stands in."""

    @property
    def reaches_people(self) -> bool: ...

    async def claimed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        """The case card shows the claimer; a claim from the browser is also said in the topic."""
        ...

    async def released(self, handoff_id: int, by: str) -> None: ...

    async def closed(self, handoff_id: int, by: str, *, from_web: bool) -> None: ...

    async def reply(self, telegram_id: int, text: str, by: str) -> RelayedOut | None:
        """A reply from the browser: to the person signed `by`, and a copy in the topic.
        None when it did not reach the person."""
        ...

    async def reply_file(
        self, telegram_id: int, upload: Upload, caption: str, by: str
    ) -> RelayedOut | None:
        """A reply from the browser with a file: to the person as a photo or a document,
        captioned and signed `by` as from the topic, and a copy in the topic. None when it
        did not reach the person; otherwise `file` is what the person's copy holds."""
        ...

    async def note(self, telegram_id: int, text: str, by: str) -> None:
        """An internal note, shown in the topic as "📝 …"; never sent to the person."""
        ...

    async def deliver(self, telegram_id: int, turn: Turn, *, recorded: bool) -> None:
        """What the assistant answered to a claim or a close, to the person. `recorded`:
        the turn's sends are in the outbox (written in its commit), to be sent from there."""
        ...

    async def erased(self, thread_id: int) -> None:
        """The person's data was erased at the desk: their topic is told, as after
        /cancellami, so operators know why it went quiet."""
        ...
