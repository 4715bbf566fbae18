"""Handoffs as operators handle them, from the Telegram group or from the web console.

The group's buttons and the browser call the same methods here, so a handoff has one set
of rules (who may claim, what closing does) and two views: whatever one side does is
written once in the database and told to the other side through the `HandoffViews` port
(app/ports.py): a claim shows the claimer's name on the case card, a reply from the browser
appears in the topic, a note appears there as "📝 …" and never reaches the person.

Claiming and closing also tell the core (`OperatorJoined`, `OperatorClosed`), as the ✋
button always did, and the person gets what the assistant answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.assistant import BY_OPERATOR, Assistant
from app.attachments import MAX_CAPTION, check_upload
from app.crash import CrashPoint, no_crash
from app.ports import HandoffViews, RelayedOut, Upload
from dialogs import OperatorClosed, OperatorJoined
from dialogs.model import Turn
from store import conversations, handoff_inbox, handoffs, privacy
from store.handoff_inbox import InboxFilter, InboxRow, ThreadItem
from store.handoffs import RelayedFile
from store.models import Handoff

log = logging.getLogger(__name__)

# The longest reply or note: Telegram's own limit for one message, less the signature.
MAX_TEXT = 3500
# A live page swaps its thread when something changes, and the browser fetches the photos
# again: one audit entry per account, person and this long stands for all of them.
FILE_VIEW_AUDIT_GAP = timedelta(minutes=5)
# How far back the start-up repair looks: a restart after a longer outage has more to do
# than a few stuck conversations, and an old close is not worth a message now.
REPAIR_WINDOW = timedelta(days=2)
# What happened instead of the action, for the adapter to word:
#   gone             the handoff does not exist or is closed
#   claimed_by_other someone else has it (`by` names them)
#   not_claimed      only the claimer releases, and only a claimed handoff
#   no_telegram      console mode: nobody can be reached from here
#   empty, too_long  the text
#   not_delivered    Telegram did not take the reply (blocked, network)
#   file_empty, file_too_big, file_type, caption_too_long   the attached file and its text
ProblemCode = Literal[
    "gone", "claimed_by_other", "not_claimed", "no_telegram", "empty", "too_long",
    "not_delivered", "file_empty", "file_too_big", "file_type", "caption_too_long",
]  # fmt: skip


@dataclass(frozen=True)
class Actor:
    """An operator: from the group (a Telegram user) or the console (an account, maybe
    linked to a Telegram user id, so both are the same person)."""

    name: str  # the first name: signs replies, names the claimer
    account_id: int | None = None
    telegram_user_id: int | None = None

    @property
    def audit_id(self) -> str:
        if self.account_id is not None:
            return f"web:{self.account_id}"
        return str(self.telegram_user_id)

    def claimed(self, handoff: Handoff) -> bool:
        return (
            self.telegram_user_id is not None and handoff.claimed_by == self.telegram_user_id
        ) or (self.account_id is not None and handoff.claimed_by_account == self.account_id)


@dataclass(frozen=True)
class Done:
    """The action happened (problem None), or why not."""

    problem: ProblemCode | None = None
    by: str = ""  # who has it, with claimed_by_other
    telegram_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Conversation:
    """The conversation page: the handoff, what led to it, and its thread."""

    row: InboxRow
    recent: list[str]  # the person's last texts before the handoff: the bot's part, summed up
    items: list[ThreadItem]
    mine: bool
    reaches_people: bool


class NoViews:
    """Console mode: no Telegram group and nobody to reach."""

    reaches_people = False

    async def claimed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        return None

    async def released(self, handoff_id: int, by: str) -> None:
        return None

    async def closed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        return None

    async def reply(self, telegram_id: int, text: str, by: str) -> RelayedOut | None:
        return None

    async def reply_file(
        self, telegram_id: int, upload: Upload, caption: str, by: str
    ) -> RelayedOut | None:
        return None

    async def note(self, telegram_id: int, text: str, by: str) -> None:
        return None

    async def deliver(self, telegram_id: int, turn: Turn, *, recorded: bool) -> None:
        return None

    async def erased(self, thread_id: int) -> None:
        return None


@dataclass
class HandoffService:
    sessions: async_sessionmaker[AsyncSession]
    clock: Callable[[], datetime]
    views: HandoffViews = field(default_factory=NoViews)
    # None: nobody to tell (tests of the console alone)
    assistant: Assistant | None = None
    timezone: str = "Europe/Rome"
    # The durability drills' crash point (app/crash.py); a no-op otherwise.
    crash_point: CrashPoint = no_crash

    # ------------------------------------------------------------------ reading

    async def inbox(self, which: InboxFilter, actor: Actor) -> list[InboxRow]:
        zone = ZoneInfo(self.timezone)
        today = datetime.combine(self.clock().astimezone(zone).date(), time(), zone)
        async with self.sessions() as session:
            return await handoff_inbox.inbox(
                session,
                which,
                account_id=actor.account_id or 0,
                telegram_user_id=actor.telegram_user_id,
                day_start=today,
            )

    async def conversation(
        self, handoff_id: int, actor: Actor, *, audited: bool = True
    ) -> Conversation | None:
        """The page of one handoff; each view (not each live refresh) is audited."""
        async with self.sessions.begin() as session:
            row = await handoff_inbox.row(session, handoff_id)
            if row is None:
                return None
            handoff = await session.get(Handoff, handoff_id)
            assert handoff is not None
            if audited:
                await privacy.audit(
                    session, row.telegram_id, "viewed_handoff", actor.audit_id, self.clock()
                )
            return Conversation(
                row=row,
                recent=await handoffs.recent_texts(session, row.telegram_id),
                items=await handoff_inbox.thread(session, handoff_id),
                mine=handoff.status == "claimed" and actor.claimed(handoff),
                reaches_people=self.views.reaches_people,
            )

    # ------------------------------------------------------------------ acting

    async def claim(self, handoff_id: int, actor: Actor, *, from_web: bool = False) -> Done:
        now = self.clock()
        async with self.sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            if handoff is None or handoff.status == "closed":
                return Done("gone")
            if handoff.status == "claimed" and not actor.claimed(handoff):
                return Done("claimed_by_other", by=handoff.claimed_by_name or "")
            handoff.status, handoff.claimed_at = "claimed", now
            handoff.claimed_by = actor.telegram_user_id
            handoff.claimed_by_account = actor.account_id
            handoff.claimed_by_name = actor.name
            await privacy.audit(session, handoff.telegram_id, "claimed", actor.audit_id, now)
            telegram_id = handoff.telegram_id
        log.info("handoff claimed")
        await self.views.claimed(handoff_id, actor.name, from_web=from_web)
        await self._tell_core(telegram_id, "joined")
        return Done(telegram_id=telegram_id)

    async def release(self, handoff_id: int, actor: Actor) -> Done:
        """Back to unclaimed, for another operator; the person keeps waiting for a person."""
        async with self.sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            if handoff is None or handoff.status == "closed":
                return Done("gone")
            if handoff.status != "claimed":
                return Done("not_claimed")
            if not actor.claimed(handoff):
                return Done("claimed_by_other", by=handoff.claimed_by_name or "")
            handoff.status = "open"
            handoff.claimed_by = handoff.claimed_by_account = None
            handoff.claimed_by_name = handoff.claimed_at = None
            # Unclaimed again: re-announced in the group after the usual wait.
            handoff.announced_at = self.clock()
            await privacy.audit(
                session, handoff.telegram_id, "released", actor.audit_id, self.clock()
            )
            telegram_id = handoff.telegram_id
        await self.views.released(handoff_id, actor.name)
        return Done(telegram_id=telegram_id)

    async def close(self, handoff_id: int, actor: Actor, *, from_web: bool = False) -> Done:
        """Closed: the person is back with the assistant, and told so."""
        now = self.clock()
        async with self.sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            if handoff is None or handoff.status == "closed":
                return Done("gone")
            handoff.status, handoff.closed_at, handoff.closed_by = "closed", now, actor.name
            await privacy.audit(session, handoff.telegram_id, "closed", actor.audit_id, now)
            telegram_id = handoff.telegram_id
        await self.views.closed(handoff_id, actor.name, from_web=from_web)
        await self._tell_core(telegram_id, "closed")
        return Done(telegram_id=telegram_id)

    async def reply(
        self,
        handoff_id: int,
        actor: Actor,
        text: str,
        attachment: tuple[str, bytes] | None = None,
    ) -> Done:
        """From the browser: to the person signed with the actor's first name, as from the
        topic, and copied into the topic. With an `attachment` (its name and bytes, checked
        here) the text is its caption and may be empty."""
        text = text.strip()
        upload: Upload | None = None
        if attachment is None:
            problem = _text_problem(text)
        else:
            checked = check_upload(*attachment)
            if isinstance(checked, Upload):
                upload = checked
                problem = "caption_too_long" if len(text) > MAX_CAPTION else None
            else:
                problem = checked
        if problem is not None:
            return Done(problem)
        if not self.views.reaches_people:
            return Done("no_telegram")
        async with self.sessions() as session:
            handoff = await session.get(Handoff, handoff_id)
            if handoff is None or handoff.status == "closed":
                return Done("gone")
            telegram_id = handoff.telegram_id
        if upload is None:
            sent = await self.views.reply(telegram_id, text, actor.name)
        else:
            sent = await self.views.reply_file(telegram_id, upload, text, actor.name)
        if sent is None:
            return Done("not_delivered")
        async with self.sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            assert handoff is not None
            await handoffs.record_relay(
                session, handoff, "out", sent.private_message_id, sent.group_message_id,
                text or None, self.clock(), author=actor.name, file=sent.file,
            )  # fmt: skip
            await privacy.audit(session, telegram_id, "replied", actor.audit_id, self.clock())
        log.info("console reply sent with_file=%s", upload is not None)
        return Done(telegram_id=telegram_id)

    async def attachment(self, handoff_id: int, relay_id: int, actor: Actor) -> RelayedFile | None:
        """The file of one relayed message of that handoff (None for any other pair of ids),
        audited as a view of the person's data."""
        now = self.clock()
        async with self.sessions.begin() as session:
            relayed = await handoffs.relayed_file(session, handoff_id, relay_id)
            handoff = await session.get(Handoff, handoff_id) if relayed else None
            if relayed is None or relayed.file_id is None or handoff is None:
                return None
            if not await handoffs.audited_since(
                session, handoff.telegram_id, "viewed_file", actor.audit_id,
                now - FILE_VIEW_AUDIT_GAP,
            ):  # fmt: skip
                await privacy.audit(
                    session, handoff.telegram_id, "viewed_file", actor.audit_id, now
                )
            return RelayedFile(
                relayed.file_id, relayed.file_kind or "document", relayed.file_name,
                relayed.mime_type,
            )  # fmt: skip

    async def note(self, handoff_id: int, actor: Actor, text: str) -> Done:
        """An internal note: for the operators only, in the page and in the topic."""
        text = text.strip()
        problem = _text_problem(text)
        if problem is not None:
            return Done(problem)
        async with self.sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            if handoff is None:
                return Done("gone")
            telegram_id = handoff.telegram_id
            await handoff_inbox.add_note(session, handoff_id, actor.name, text, self.clock())
            await privacy.audit(session, telegram_id, "note", actor.audit_id, self.clock())
        await self.views.note(telegram_id, text, actor.name)
        return Done(telegram_id=telegram_id)

    async def repair(self) -> int:
        """At start-up: people whose handoff a crash closed between the close's commit and
        the assistant's turn are still "with a person" in their conversation; they get the
        close's turn now ("the operator closed", the menu). Returns how many."""
        if self.assistant is None:
            return 0
        since = self.clock() - REPAIR_WINDOW
        async with self.sessions() as session:
            closed = await handoffs.closed_since(session, since)
            stuck = []
            for telegram_id in closed:
                if (await conversations.resume(session, telegram_id)).state.handoff:
                    stuck.append(telegram_id)
        for telegram_id in stuck:
            await self._tell_core(telegram_id, "closed")
        if stuck:
            log.warning("closed handoffs still open in the conversation, repaired: %d", len(stuck))
        return len(stuck)

    async def _tell_core(self, telegram_id: int, what: Literal["joined", "closed"]) -> None:
        if self.assistant is None:
            return
        event = OperatorJoined() if what == "joined" else OperatorClosed()
        # Through the outbox where the bot keeps one: a crash after this turn's commit then
        # delivers "an operator is here" / "back with the assistant" at the restart.
        done = await self.assistant.handle(telegram_id, event, origin=BY_OPERATOR)
        self.crash_point("operator-turn")
        await self.views.deliver(telegram_id, done.turn, recorded=done.recorded)


def _text_problem(text: str) -> ProblemCode | None:
    if not text:
        return "empty"
    if len(text) > MAX_TEXT:
        return "too_long"
    return None
