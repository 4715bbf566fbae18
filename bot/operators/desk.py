"""The operators' desk: case cards, topics, and messages relayed both ways.

Every person has one topic in the operators' group, created at their first handoff and
reused (recreated if someone deleted it). The database says which handoff is open, so a
restart resumes every conversation in the same state.
"""

from __future__ import annotations

import contextlib
import html
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    ReplyParameters,
    User,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from app.catalogue import Catalogue
from app.ports import Upload
from bot.operators.appointment_words import AppointmentWords
from bot.operators.files import file_of
from dialogs.office_hours import OfficeHours
from store import appointments, conversations, courses, handoffs, privacy
from store.handoffs import RelayedFile
from store.models import Handoff

log = logging.getLogger(__name__)

BOOKINGS_SHOWN = 5
# The answer to the reminders: confirmed, declined, or (❔) not yet.
CONFIRMATION_MARKS = {"confirmed": "✅", "declined": "🙁"}
# Course enrolments on the card: enrolled, offered a freed seat, or waiting (with position).
COURSE_MARKS = {"enrolled": "✅", "offered": "🎟️", "waiting": "⏳"}

TOPIC_NAME_LIMIT = 128
RECENT_SHOWN = 3
# The sign on the person's message that it reached the operators ("seen").
RELAYED_REACTION = "👀"


class OperatorDesk:
    def __init__(
        self,
        bot: Bot,
        group_id: int,
        sessions: async_sessionmaker[AsyncSession],
        catalogue: Catalogue,
        *,
        hours: OfficeHours | None,
        reannounce_minutes: int,
        timezone: str,
        clock: Callable[[], datetime],
        places: Mapping[str, str] | None = None,  # place key -> short name
    ) -> None:
        self._bot = bot
        self.group_id = group_id
        self._sessions = sessions
        self._catalogue = catalogue
        self._hours = hours
        self._reannounce_minutes = reannounce_minutes
        self._zone = ZoneInfo(timezone)
        self._words = AppointmentWords(self._zone, dict(places or {}))
        self._clock = clock

    def _t(self, key: str, **params: object) -> str:
        return self._catalogue.render(key, "it", params)

    # ------------------------------------------------------------------ opening

    async def open(self, telegram_id: int, reason: str, urgent: bool, name: str | None) -> None:
        """A new handoff gets a case card in the person's topic; an open one turned urgent
        gets a new card too, so nobody misses it."""
        async with self._sessions.begin() as session:
            handoff, changed = await handoffs.open_handoff(
                session, telegram_id, reason, urgent, self._clock()
            )
            if not changed:
                return
            card = await self._card_text(session, handoff, name)
            thread = await self._thread(session, telegram_id, name)
            sent = await self._post(
                session, telegram_id, name, card, self._card_buttons(handoff), thread
            )
            handoff.card_message_id = sent.message_id
        log.info("handoff opened reason=%s urgent=%s", reason, urgent)

    async def _card_text(self, session: AsyncSession, handoff: Handoff, name: str | None) -> str:
        person = await conversations.find_beneficiary(session, handoff.telegram_id)
        state = await conversations.load_state(session, handoff.telegram_id)
        screening = await conversations.latest_prescreening(session, handoff.telegram_id)
        recent = (await handoffs.recent_texts(session, handoff.telegram_id))[-RECENT_SHOWN:]
        prescreening = self._t(
            "op-prescreening",
            outcome=screening.outcome if screening else "other",
            date=screening.created_at.astimezone(self._zone).strftime("%d/%m/%Y")
            if screening
            else "",
        )
        shown_name = (person.display_name if person else None) or name or str(handoff.telegram_id)
        # Everything a person typed is escaped: the card is sent as HTML.
        return self._t(
            "op-card",
            urgent="yes" if handoff.urgent else "no",
            name=html.escape(f"{shown_name} (id {handoff.telegram_id})"),
            language=state.language,
            reason=handoff.reason,
            prescreening=html.escape(prescreening.strip()),
            bookings=await self._bookings(session, handoff.telegram_id),
            recent="\n".join(f"« {html.escape(text[:300])} »" for text in recent)
            or self._t("op-none"),
        )

    async def _bookings(self, session: AsyncSession, telegram_id: int) -> str:
        """Upcoming appointments, one short line each, with the answer to the reminder."""
        upcoming = await appointments.upcoming(session, telegram_id, self._clock())
        lines = []
        words = self._words
        for appointment, slot in upcoming[:BOOKINGS_SHOWN]:
            mark = CONFIRMATION_MARKS.get(appointment.confirmation or "", "❔")
            when, kind = words.when(slot.starts_at), words.kind(slot.type)
            place = html.escape(words.place(slot.place_id))
            lines.append(f"\n• {when} · {kind} · {place} {mark}")
        for enrolled in await courses.mine(session, telegram_id, self._clock()):
            status = COURSE_MARKS.get(enrolled.status, enrolled.status)
            if enrolled.position:
                status = f"{status} {enrolled.position}"
            lines.append(f"\n• 🎓 {html.escape(enrolled.course.title)} · {status}")
        return "".join(lines) or self._t("op-none")

    def _card_buttons(self, handoff: Handoff) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self._t("btn-claim"), callback_data=f"op:claim:{handoff.id}"
                    ),
                    InlineKeyboardButton(
                        self._t("btn-close"), callback_data=f"op:close:{handoff.id}"
                    ),
                ],
                [
                    InlineKeyboardButton(
                        self._t("btn-details"), callback_data=f"op:more:{handoff.id}"
                    )
                ],
            ]
        )

    async def _thread(self, session: AsyncSession, telegram_id: int, name: str | None) -> int:
        topic = await handoffs.topic_of(session, telegram_id)
        if topic is not None:
            return topic.thread_id
        return await self._new_topic(session, telegram_id, name)

    async def _new_topic(self, session: AsyncSession, telegram_id: int, name: str | None) -> int:
        title = f"{name or 'Persona'} · {telegram_id}"[:TOPIC_NAME_LIMIT]
        topic = await self._bot.create_forum_topic(self.group_id, title)
        await handoffs.set_topic(session, telegram_id, topic.message_thread_id, self._clock())
        return topic.message_thread_id

    async def _post(
        self,
        session: AsyncSession,
        telegram_id: int,
        name: str | None,
        text: str,
        markup: InlineKeyboardMarkup | None,
        thread: int,
    ) -> Message:
        """Sends into the person's topic, recreating it if it was deleted."""

        async def send(into: int) -> Message:
            return await self._bot.send_message(
                self.group_id, text, message_thread_id=into, reply_markup=markup,
                parse_mode=ParseMode.HTML,
            )  # fmt: skip

        try:
            return await send(thread)
        except BadRequest as exc:
            if "thread not found" not in str(exc).lower():
                raise
        return await send(await self._new_topic(session, telegram_id, name))

    # ------------------------------------------------------------------ relaying

    async def relay_in(self, message: Message, name: str | None) -> bool:
        """What the person sent, copied into their topic, keeping the reply link if any.
        True once it is there; False when no request is open."""
        telegram_id = message.chat_id
        async with self._sessions.begin() as session:
            handoff = await handoffs.active(session, telegram_id)
            if handoff is None:
                return False
            thread = await self._thread(session, telegram_id, name)
            reply_to = None
            if message.reply_to_message is not None:
                reply_to = await handoffs.group_copy_of(
                    session, telegram_id, message.reply_to_message.message_id
                )
            copy_id = await self._copy_in(session, handoff, message, thread, reply_to, name)
            # A caption is the text of a photo or a document.
            await handoffs.record_relay(
                session, handoff, "in", message.message_id, copy_id,
                message.text if message.text is not None else message.caption, self._clock(),
                file=file_of(message),
            )  # fmt: skip
        return True

    async def acknowledge(self, message: Message) -> None:
        """👀 on the person's message: it reached the operators. Only a courtesy: when
        Telegram refuses (reactions off in the chat, an old client), nothing else changes."""
        try:
            await self._bot.set_message_reaction(
                message.chat_id, message.message_id, reaction=RELAYED_REACTION
            )
        except TelegramError as exc:
            log.warning("relayed message not acknowledged: %s", type(exc).__name__)

    async def _copy_in(
        self,
        session: AsyncSession,
        handoff: Handoff,
        message: Message,
        thread: int,
        reply_to: int | None,
        name: str | None,
    ) -> int:
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        try:
            copied = await self._bot.copy_message(
                self.group_id, message.chat_id, message.message_id,
                message_thread_id=thread, reply_parameters=reply,
            )  # fmt: skip
        except BadRequest as exc:
            if "thread not found" not in str(exc).lower():
                raise
            thread = await self._new_topic(session, handoff.telegram_id, name)
            card = await self._card_text(session, handoff, name)
            await self._post(
                session, handoff.telegram_id, name, card, self._card_buttons(handoff), thread
            )
            copied = await self._bot.copy_message(
                self.group_id, message.chat_id, message.message_id, message_thread_id=thread
            )
        return copied.message_id

    async def relay_edit(self, message: Message) -> None:
        async with self._sessions.begin() as session:
            handoff = await handoffs.active(session, message.chat_id)
            topic = await handoffs.topic_of(session, message.chat_id)
            if handoff is None or topic is None:
                return
            original = await handoffs.group_copy_of(session, message.chat_id, message.message_id)
            reply = (
                ReplyParameters(original, allow_sending_without_reply=True) if original else None
            )
            text = self._t("op-edited", text=html.escape(message.text or message.caption or ""))
            await self._bot.send_message(
                self.group_id, text, message_thread_id=topic.thread_id,
                reply_parameters=reply, parse_mode=ParseMode.HTML,
            )  # fmt: skip

    async def relay_out(self, message: Message, operator: User) -> int | None:
        """An operator wrote in a topic: copied to the person, signed with the first name.
        Returns the person's Telegram id, or None when the topic has no open handoff."""
        async with self._sessions.begin() as session:
            handoff = await handoffs.by_thread(session, message.message_thread_id or 0)
            if handoff is None:
                await self._bot.send_message(
                    self.group_id,
                    self._t("op-no-handoff"),
                    message_thread_id=message.message_thread_id,
                )
                return None
            reply_to = None
            if message.reply_to_message is not None:
                reply_to = await handoffs.private_copy_of(
                    session, handoff, message.reply_to_message.message_id
                )
            reply = (
                ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
            )
            signature = operator.first_name
            if message.text is not None:
                sent = await self._bot.send_message(
                    handoff.telegram_id,
                    self._t("op-signature", operator=signature, text=message.text),
                    reply_parameters=reply,
                )
                sent_id = sent.message_id
            else:
                caption = self._t("op-caption", operator=signature)
                if message.caption:
                    caption = f"{message.caption}\n{caption}"
                copied = await self._bot.copy_message(
                    handoff.telegram_id, self.group_id, message.message_id,
                    caption=caption, reply_parameters=reply,
                )  # fmt: skip
                sent_id = copied.message_id
            # A copy answers with its id only: the operator's file_id stands for the
            # person's copy (a file_id works for this bot in any chat).
            await handoffs.record_relay(
                session, handoff, "out", sent_id, message.message_id,
                message.text if message.text is not None else message.caption,
                self._clock(), author=signature, file=file_of(message),
            )  # fmt: skip
            return handoff.telegram_id

    # ------------------------------------------------------------ claim and close

    async def mark(self, handoff_id: int, note: str) -> None:
        """The case card shows what happened (claimed, released, closed), by whom."""
        async with self._sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            if handoff is not None:
                await self._mark_card(session, handoff, note)

    async def say(self, telegram_id: int, text: str) -> int:
        """A line in the person's topic (from the web console); its message id."""
        async with self._sessions.begin() as session:
            person = await conversations.find_beneficiary(session, telegram_id)
            name = person.display_name if person else None
            thread = await self._thread(session, telegram_id, name)
            sent = await self._post(session, telegram_id, name, html.escape(text), None, thread)
            return sent.message_id

    async def say_about(self, handoff_id: int, text: str) -> None:
        async with self._sessions() as session:
            handoff = await session.get(Handoff, handoff_id)
        if handoff is not None:
            await self.say(handoff.telegram_id, text)

    async def send_signed(self, telegram_id: int, text: str, by: str) -> int | None:
        """A reply written in the console, to the person, signed as from the topic. None
        when Telegram did not take it."""
        try:
            sent = await self._bot.send_message(
                telegram_id, self._t("op-signature", operator=by, text=text)
            )
        except TelegramError as exc:
            log.warning("console reply not delivered: %s", type(exc).__name__)
            return None
        return sent.message_id

    async def send_file_signed(
        self, telegram_id: int, upload: Upload, caption: str, by: str
    ) -> tuple[int, RelayedFile] | None:
        """A file attached in the console, to the person: a photo when it is one (a document
        if Telegram will not take it as a photo), captioned and signed as from the topic.
        Its message id and the file as the person's copy holds it; None when Telegram did
        not take it."""
        signed = self._t("op-caption", operator=by)
        caption = f"{caption}\n{signed}" if caption else signed
        try:
            sent: Message | None = None
            if upload.as_photo:
                with contextlib.suppress(BadRequest):  # too wide, too tall: a document then
                    sent = await self._bot.send_photo(
                        telegram_id, InputFile(upload.data, filename=upload.name), caption=caption
                    )
            if sent is None:
                sent = await self._bot.send_document(
                    telegram_id, InputFile(upload.data, filename=upload.name), caption=caption
                )
        except TelegramError as exc:
            log.warning("console file not delivered: %s", type(exc).__name__)
            return None
        found = file_of(sent)
        if found is None:  # Telegram always answers with the file; kept safe all the same
            return None
        if found.kind == "document":
            found = RelayedFile(found.file_id, "document", upload.name, upload.mime_type)
        return sent.message_id, found

    async def say_file(self, telegram_id: int, file: RelayedFile, caption: str) -> int:
        """A file in the person's topic, by the id Telegram already has (no second upload)."""
        async with self._sessions.begin() as session:
            person = await conversations.find_beneficiary(session, telegram_id)
            name = person.display_name if person else None
            thread = await self._thread(session, telegram_id, name)

            async def send(into: int) -> Message:
                if file.kind == "photo":
                    return await self._bot.send_photo(
                        self.group_id, file.file_id, caption=caption, message_thread_id=into
                    )
                return await self._bot.send_document(
                    self.group_id, file.file_id, caption=caption, message_thread_id=into
                )

            try:
                sent = await send(thread)
            except BadRequest as exc:
                if "thread not found" not in str(exc).lower():
                    raise
                sent = await send(await self._new_topic(session, telegram_id, name))
            return sent.message_id

    async def active_in_thread(self, thread_id: int) -> int | None:
        async with self._sessions() as session:
            handoff = await handoffs.by_thread(session, thread_id)
            return handoff.id if handoff else None

    async def closed_by_person(self, telegram_id: int) -> None:
        async with self._sessions.begin() as session:
            handoff = await handoffs.active(session, telegram_id)
            topic = await handoffs.topic_of(session, telegram_id)
            if handoff is None:
                return
            handoff.status, handoff.closed_at, handoff.closed_by = "closed", self._clock(), "person"
            if topic is not None:
                await self._bot.send_message(
                    self.group_id,
                    self._t("op-closed-by-beneficiary"),
                    message_thread_id=topic.thread_id,
                )

    async def _mark_card(self, session: AsyncSession, handoff: Handoff, note: str) -> None:
        if handoff.card_message_id is None:
            return
        card = await self._card_text(session, handoff, None)
        markup = None if handoff.status == "closed" else self._card_buttons(handoff)
        try:
            await self._bot.edit_message_text(
                f"{card}\n\n{html.escape(note)}", self.group_id, handoff.card_message_id,
                reply_markup=markup, parse_mode=ParseMode.HTML,
            )  # fmt: skip
        except BadRequest as exc:  # a deleted card: the status is in the database anyway
            log.warning("case card not updated: %s", type(exc).__name__)

    async def left_open(self, telegram_id: int) -> None:
        """The person went back to the menu from an urgent request, which stays open:
        the operators must still call back."""
        async with self._sessions() as session:
            handoff = await handoffs.active(session, telegram_id)
            topic = await handoffs.topic_of(session, telegram_id)
        if handoff is None or topic is None:
            return
        reply = (
            ReplyParameters(handoff.card_message_id, allow_sending_without_reply=True)
            if handoff.card_message_id
            else None
        )
        with contextlib.suppress(BadRequest):  # a deleted topic: the card is in /casi anyway
            await self._bot.send_message(
                self.group_id, self._t("op-person-left-open"), message_thread_id=topic.thread_id,
                reply_parameters=reply,
            )  # fmt: skip

    async def notice(self, thread_id: int, key: str) -> None:
        with contextlib.suppress(BadRequest):  # a deleted topic needs no notice
            await self._bot.send_message(self.group_id, self._t(key), message_thread_id=thread_id)

    async def details(self, handoff_id: int, operator: User) -> None:
        """The "more" button: the latest pre-screening answers, and an audit entry."""
        async with self._sessions.begin() as session:
            handoff = await session.get(Handoff, handoff_id)
            topic = await handoffs.topic_of(session, handoff.telegram_id) if handoff else None
            if handoff is None or topic is None:
                return
            screening = await conversations.latest_prescreening(session, handoff.telegram_id)
            answers = screening.answers if screening else {}
            lines = "\n".join(
                f"• {html.escape(k)}: {html.escape(str(v))}" for k, v in answers.items()
            )
            text = self._t("op-details", answers=lines or self._t("op-none"))
            await privacy.audit(
                session, handoff.telegram_id, "viewed_details", str(operator.id), self._clock()
            )
            await self._bot.send_message(
                self.group_id, text, message_thread_id=topic.thread_id, parse_mode=ParseMode.HTML
            )

    async def open_cases_summary(self) -> str:
        async with self._sessions() as session:
            waiting = await handoffs.all_active(session)
            lines = []
            for handoff in waiting:
                person = await conversations.find_beneficiary(session, handoff.telegram_id)
                minutes = int((self._clock() - handoff.opened_at).total_seconds() // 60)
                lines.append(
                    self._t(
                        "op-case-line",
                        name=(person.display_name if person else None) or str(handoff.telegram_id),
                        id=str(handoff.telegram_id),
                        urgent="yes" if handoff.urgent else "no",
                        status=handoff.status,
                        operator=handoff.claimed_by_name or "",
                        minutes=minutes,
                    )
                )
        return self._t("op-cases", count=len(lines), lines="\n".join(lines) or self._t("op-none"))

    # ---------------------------------------------------------- operator first

    async def write_first(self, telegram_id: int, operator: User) -> bool:
        """/scrivi: an operator opens a conversation with a consented person."""
        async with self._sessions.begin() as session:
            person = await conversations.find_beneficiary(session, telegram_id)
            if person is None or person.consent_version is None:
                return False
        await self.open(telegram_id, "operator", False, person.display_name)
        async with self._sessions.begin() as session:
            handoff = await handoffs.active(session, telegram_id)
            topic = await handoffs.topic_of(session, telegram_id)
            assert handoff is not None and topic is not None
            handoff.status = "claimed"
            handoff.claimed_by, handoff.claimed_by_name = operator.id, operator.first_name
            handoff.claimed_at = self._clock()
            await self._bot.send_message(
                self.group_id, self._t("op-opened"), message_thread_id=topic.thread_id
            )
        return True

    # -------------------------------------------------------------- reminders

    async def reannounce(self) -> int:
        """Unclaimed requests are announced again in office hours, so none is forgotten."""
        now = self._clock()
        if self._hours is not None and not self._hours.is_open(now):
            return 0
        async with self._sessions.begin() as session:
            waiting = await handoffs.waiting_too_long(session, now, self._reannounce_minutes)
            for handoff in waiting:
                topic = await handoffs.topic_of(session, handoff.telegram_id)
                if topic is None:
                    continue
                reply = (
                    ReplyParameters(handoff.card_message_id, allow_sending_without_reply=True)
                    if handoff.card_message_id
                    else None
                )
                await self._bot.send_message(
                    self.group_id, self._t("op-reannounce"), message_thread_id=topic.thread_id,
                    reply_parameters=reply,
                )  # fmt: skip
                handoff.announced_at = now
        return len(waiting)
