"""The Telegram side of a handoff for the handoff service (app/ports.HandoffViews): what
happens in the web console shows in the person's topic, and replies reach the person."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from app.catalogue import Catalogue
from app.ports import RelayedOut, Upload
from bot.operators.desk import OperatorDesk
from bot.sender import TelegramSender
from dialogs.model import Turn

# OutboxSender.deliver: sends a chat's pending outbox rows, in order (bot/outbox.py).
DeliverOutbox = Callable[[int], Awaitable[None]]


class TelegramHandoffViews:
    reaches_people = True

    def __init__(
        self,
        desk: OperatorDesk,
        sender: TelegramSender,
        catalogue: Catalogue,
        outbox: DeliverOutbox,
    ) -> None:
        self._desk = desk
        self._sender = sender
        self._catalogue = catalogue
        self._outbox = outbox

    def _t(self, key: str, **params: object) -> str:
        return self._catalogue.render(key, "it", params)

    async def claimed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        note = self._t("op-card-claimed", operator=by)
        await self._desk.mark(handoff_id, note)
        if from_web:  # the ✋ in the group shows on the card already; the browser is unseen
            await self._desk.say_about(handoff_id, note)

    async def released(self, handoff_id: int, by: str) -> None:
        note = self._t("op-card-released", operator=by)
        await self._desk.mark(handoff_id, note)
        await self._desk.say_about(handoff_id, note)

    async def closed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        note = self._t("op-card-closed", operator=by)
        await self._desk.mark(handoff_id, note)
        if from_web:
            await self._desk.say_about(handoff_id, note)

    async def reply(self, telegram_id: int, text: str, by: str) -> RelayedOut | None:
        sent = await self._desk.send_signed(telegram_id, text, by)
        if sent is None:
            return None
        copy = await self._desk.say(telegram_id, self._t("op-web-reply", operator=by, text=text))
        return RelayedOut(private_message_id=sent, group_message_id=copy)

    async def reply_file(
        self, telegram_id: int, upload: Upload, caption: str, by: str
    ) -> RelayedOut | None:
        sent = await self._desk.send_file_signed(telegram_id, upload, caption, by)
        if sent is None:
            return None
        message_id, file = sent
        copy = await self._desk.say_file(
            telegram_id, file, self._t("op-web-reply", operator=by, text=caption or "📎")
        )
        return RelayedOut(private_message_id=message_id, group_message_id=copy, file=file)

    async def note(self, telegram_id: int, text: str, by: str) -> None:
        await self._desk.say(telegram_id, self._t("op-web-note", operator=by, text=text))

    async def deliver(self, telegram_id: int, turn: Turn, *, recorded: bool) -> None:
        if recorded:
            await self._outbox(telegram_id)
        else:
            await self._sender.send_turn(telegram_id, turn)

    async def erased(self, thread_id: int) -> None:
        await self._desk.notice(thread_id, "op-erased")
