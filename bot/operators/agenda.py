"""The operators' agenda desk: notices about appointments, "did the person come?", and what
the person hears when the office changes their booking (app/ports.py AgendaNotices).

Notices go to the operators' group's General topic, not to the person's own topic: most
people who book never asked for a human, so they have no topic, and creating one per
booking would bury the real conversations. One place also reads as the day's agenda. Each
line carries the person's id, so an operator can open a conversation with /scrivi.

Texts are plain (no parse mode), so a display name can never become markup. Everything is
loaded from the database by id: callers pass only what happened and to which appointment.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, TelegramError

from app.agenda import AgendaRefused, mark_attendance
from app.bookings import calendar_file
from app.catalogue import Catalogue
from app.export_doc import Document
from app.shown import RememberShown
from bot.operators.appointment_words import AppointmentWords
from bot.sender import TelegramSender
from dialogs.agenda import AgendaConfig, OpenSlot
from dialogs.appointment_texts import no_show_reply, withdrawn_reply
from dialogs.model import Reply
from dialogs.office_changes import OfficeChange, office_change_reply
from store import agenda_admin, conversations
from store.agenda_admin import AppointmentRow
from store.models import Appointment

log = logging.getLogger(__name__)

NOTICES = {
    "booked": "op-ap-booked",
    "moved": "op-ap-moved",
    "cancelled": "op-ap-cancelled",
    "unreachable": "op-ap-unreachable",
    "unconfirmed": "op-ap-unconfirmed",
}
# op:att:<appointment id>:a (present) or :n (not present); well under 64 bytes.
ATTENDANCE_DATA = re.compile(r"^op:att:(\d{1,12}):([an])$")


def attendance_data(appointment_id: int, attended: bool) -> str:
    return f"op:att:{appointment_id}:{'a' if attended else 'n'}"


def parse_attendance(data: str | None) -> tuple[int, bool] | None:
    """Callback data is never trusted: anything but the exact shape is None."""
    match = ATTENDANCE_DATA.match(data or "")
    return None if match is None else (int(match[1]), match[2] == "a")


@dataclass(frozen=True)
class Marked:
    """The outcome of an attendance button, for the handler to answer the press with."""

    note: str | None  # shown to the operator as an alert (already marked, gone, ...)
    row: AppointmentRow | None


class AgendaDesk:
    def __init__(
        self,
        bot: Bot,
        group_id: int,
        sessions: async_sessionmaker[AsyncSession],
        catalogue: Catalogue,
        *,
        timezone: str,
        clock: Callable[[], datetime],
        places: Mapping[str, str] | None = None,  # place key -> short name
        organizer_email: str | None = None,  # the office's, in the calendar files
        shown: RememberShown | None = None,
    ) -> None:
        self._bot = bot
        # What a delivered notice's buttons become: typed answers (app/shown.py).
        self._shown = shown
        # 0: no operators' group. The desk exists anyway whenever the bot runs, so the
        # office's changes and no-shows still reach the person; only group lines are skipped.
        self.group_id = group_id
        self._organizer = organizer_email
        self._sessions = sessions
        self._catalogue = catalogue
        self._zone = ZoneInfo(timezone)
        self._clock = clock
        self._words = AppointmentWords(self._zone, dict(places or {}))

    def _t(self, key: str, **params: object) -> str:
        return self._catalogue.render(key, "it", params)

    def _params(self, row: AppointmentRow) -> dict[str, object]:
        return {
            # Strings, not numbers: Fluent would print an id as "1.234.567".
            "name": row.display_name or self._t("op-ap-someone"),
            "id": str(row.telegram_id),
            "kind": self._words.kind(row.kind),
            "when": self._words.when(row.starts_at),
            "place": self._words.place(row.place_id),
            "operator": row.operator,
        }

    # ------------------------------------------------------------------ notices

    async def notify(self, kind: str, appointment_id: int) -> bool:
        """Posts one line about the appointment: booked, moved, cancelled, unreachable,
        unconfirmed. False when there is nothing to say (unknown kind, erased person)."""
        key = NOTICES.get(kind)
        if key is None:
            raise ValueError(f"unknown notice {kind!r}")
        if not self.group_id:  # the command line's desk without an operators' group
            return False
        async with self._sessions() as session:
            row = await agenda_admin.appointment(session, appointment_id)
        if row is None:
            return False
        try:
            await self._bot.send_message(self.group_id, self._t(key, **self._params(row)))
        except TelegramError as exc:
            # The change is committed; a lost notice must not look like a failed change.
            log.warning("agenda notice not posted: %s", type(exc).__name__)
            return False
        log.info("agenda notice kind=%s", kind)
        return True

    # ------------------------------------------------------------------ attendance

    async def ask_attendance(self) -> int:
        """For the scheduler: asks once about every booked appointment that has ended.

        The question is claimed in the database before it is posted (so two runs, or two
        processes, never ask twice) and released if posting fails, so the next run retries.
        """
        now = self._clock()
        async with self._sessions() as session:
            due = await agenda_admin.attendance_to_ask(session, now)
        asked = 0
        for row in due:
            async with self._sessions.begin() as session:
                if not await agenda_admin.claim_attendance_question(session, row.id, now):
                    continue
            try:
                await self._bot.send_message(
                    self.group_id,
                    self._t("op-att-question", **self._params(row)),
                    reply_markup=self._attendance_buttons(row.id),
                )
            except TelegramError:
                async with self._sessions.begin() as session:
                    await agenda_admin.claim_attendance_question(session, row.id, None)
                log.warning("attendance question not posted; retried next run")
                continue
            asked += 1
        if asked:
            log.info("attendance asked count=%d", asked)
        return asked

    def _attendance_buttons(self, appointment_id: int) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self._t("btn-att-present"),
                        callback_data=attendance_data(appointment_id, True),
                    ),
                    InlineKeyboardButton(
                        self._t("btn-att-absent"),
                        callback_data=attendance_data(appointment_id, False),
                    ),
                ]
            ]
        )

    async def mark(
        self,
        appointment_id: int,
        attended: bool,
        *,
        by: str,
        actor: str,
        question: tuple[int, int] | None = None,
    ) -> Marked:
        """Records attendance. `by` is the name shown ("Giulia"), `actor` the audit actor
        (the operator's Telegram id). `question` is the (chat, message) of the group
        message to update with who marked it. A no-show gets the person's kind message.
        The web console's Presente / Assente and the command line mark through the same
        `app.agenda.mark_attendance`: one record, one message."""
        try:
            done = await mark_attendance(
                self._sessions, self, appointment_id, attended, by, actor, self._clock()
            )
        except AgendaRefused as refused:
            return Marked(self._refusal(refused), None)
        if question is not None:
            # The no-show message has gone by now; the question shows who marked it.
            await self._show_marked(done.row, question)
        return Marked(None, done.row)

    def _refusal(self, refused: AgendaRefused) -> str:
        if refused.code == "already":
            marked_by = (refused.detail or "").removeprefix("operator:")
            return self._t("op-att-already", operator=marked_by or "?")
        if refused.code == "future":
            return self._t("op-att-too-early")
        return self._t("op-att-gone")

    async def _show_marked(self, row: AppointmentRow, question: tuple[int, int]) -> None:
        chat_id, message_id = question
        by = (row.attendance_marked_by or "").removeprefix("operator:")
        text = "\n\n".join(
            (
                self._t("op-att-question", **self._params(row)),
                self._t("op-att-marked", status=row.status, operator=by),
            )
        )
        try:
            await self._bot.edit_message_text(text, chat_id, message_id, reply_markup=None)
        except BadRequest as exc:  # a deleted question: the status is in the database anyway
            log.warning("attendance question not updated: %s", type(exc).__name__)

    async def tell_no_show(self, row: AppointmentRow) -> bool:
        """One kind message, in the person's language. A blocked bot marks them unreachable
        (and they become reachable again when they write). False when not delivered."""
        return await self._tell(row, no_show_reply(row.kind))

    async def tell_withdrawn(self, row: AppointmentRow, config: AgendaConfig) -> bool:
        """The office took the slot back: an apology and a new booking offer."""
        slot = OpenSlot(row.slot_id, row.kind, row.starts_at, row.ends_at, row.place_id)
        return await self._tell(row, withdrawn_reply(slot, config, self._zone.key))

    async def tell_changed(
        self, change: OfficeChange, row: AppointmentRow, config: AgendaConfig
    ) -> bool:
        """The office booked, moved or cancelled for the person: what happened, the calendar
        file (a cancelling one for a cancellation), and the buttons of the bot's own
        confirmation. False when not delivered."""
        async with self._sessions() as session:
            sequence = await session.scalar(
                select(Appointment.ics_sequence).where(Appointment.id == row.id)
            )
        slot = OpenSlot(row.slot_id, row.kind, row.starts_at, row.ends_at, row.place_id)
        reply = office_change_reply(change, slot, config, self._zone.key)
        document = calendar_file(
            config, self._catalogue, row.id, sequence or 0, row.kind, row.place_id,
            row.starts_at, row.ends_at, row.language,
            "CANCEL" if change == "cancelled" else "REQUEST", self._organizer,
        )  # fmt: skip
        return await self._tell(row, reply, (document,))

    async def _tell(
        self, row: AppointmentRow, reply: Reply, documents: tuple[Document, ...] = ()
    ) -> bool:
        # The bot's own sender on the bot's own Bot: the same flood limits as the turns.
        sender = TelegramSender(self._bot, self._catalogue, self._mark_unreachable)
        delivered = await sender.send_replies(row.telegram_id, (reply,), row.language, documents)
        if delivered and self._shown is not None:
            await self._shown(row.telegram_id, (reply,), row.language)
        return delivered

    async def _mark_unreachable(self, telegram_id: int) -> None:
        async with self._sessions.begin() as session:
            await conversations.mark_unreachable(session, telegram_id, self._clock())
        log.info("message to the person not delivered: unreachable")
