"""Carries out the core's appointment effects inside the turn's unit of work.

Booking, moving and cancelling change the database, plan or drop the reminders, and leave
behind what the turn must do once committed: a calendar file for the person, a notice for
the operators, and the reminder jobs to (re)schedule. One `BookingDesk` serves one turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app import planning as reminders
from app.catalogue import Catalogue
from app.export_doc import Document
from app.ics import Method, appointment_ics
from dialogs.agenda import AgendaConfig
from dialogs.effects import AnswerReminder, BookSlot, CancelBooking, MoveBooking
from store import appointments, privacy
from store.models import Appointment, Slot
from store.programme import Programme

BookingEffect = BookSlot | MoveBooking | CancelBooking | AnswerReminder


class BookingRefused(Exception):
    """The database said no: the slot is taken or the booking is no longer there."""

    def __init__(self, slot_id: int) -> None:
        super().__init__(slot_id)
        self.slot_id = slot_id


@dataclass(frozen=True)
class AgendaNotice:
    """Something the operators' group must hear about an appointment, after the commit."""

    kind: str  # booked, moved, cancelled
    appointment_id: int


@dataclass
class BookingDesk:
    config: AgendaConfig | None
    catalogue: Catalogue
    programme: Programme
    zone: str
    documents: list[Document] = field(default_factory=list)
    notices: list[AgendaNotice] = field(default_factory=list)
    reminders_changed: list[int] = field(default_factory=list)

    async def apply(
        self,
        session: AsyncSession,
        chat_id: int,
        effect: BookingEffect,
        language: str,
        now: datetime,
    ) -> None:
        if self.config is None:
            raise BookingRefused(0)
        try:
            await self._apply(session, chat_id, effect, language, now)
        except (appointments.SlotTaken, appointments.AppointmentNotFound) as exc:
            slot = effect.slot_id if isinstance(effect, BookSlot | MoveBooking) else 0
            raise BookingRefused(slot) from exc

    async def _apply(
        self,
        session: AsyncSession,
        chat_id: int,
        effect: BookingEffect,
        language: str,
        now: datetime,
    ) -> None:
        assert self.config is not None
        policy = self.config.reminders
        if isinstance(effect, BookSlot):
            appointment, slot = await appointments.book(session, chat_id, effect.slot_id, now)
            await reminders.plan(
                session, appointment.id, chat_id, slot.starts_at, policy, now, self.zone
            )
            self._changed("booked", appointment, slot, language, "REQUEST")
            await privacy.count(session, "appointment_booked", now)
            await privacy.count(session, f"appointment_booked_{slot.type}", now)
        elif isinstance(effect, MoveBooking):
            appointment, _old, new = await appointments.reschedule(
                session, chat_id, effect.booking_id, effect.slot_id, now
            )
            await reminders.plan(
                session, appointment.id, chat_id, new.starts_at, policy, now, self.zone
            )
            self._changed("moved", appointment, new, language, "REQUEST")
            await privacy.count(session, "appointment_moved", now)
        elif isinstance(effect, CancelBooking):
            appointment, slot = await appointments.cancel(
                session, chat_id, effect.booking_id, effect.reason, now
            )
            await reminders.cancel(session, appointment.id)
            self._changed("cancelled", appointment, slot, language, "CANCEL")
            await privacy.count(session, f"appointment_cancelled_{effect.reason}", now)
        else:
            await appointments.set_confirmation(
                session, chat_id, effect.booking_id, effect.answer, now
            )
            await privacy.count(session, f"reminder_{effect.answer}", now)

    def _changed(
        self, kind: str, appointment: Appointment, slot: Slot, language: str, method: Method
    ) -> None:
        self.notices.append(AgendaNotice(kind, appointment.id))
        self.reminders_changed.append(appointment.id)
        self.documents.append(self._calendar_file(appointment, slot, language, method))

    def _calendar_file(
        self, appointment: Appointment, slot: Slot, language: str, method: Method
    ) -> Document:
        assert self.config is not None
        return calendar_file(
            self.config, self.catalogue, appointment.id, appointment.ics_sequence,
            slot.type, slot.place_id, slot.starts_at, slot.ends_at, language, method,
            self.programme.office.email,
        )  # fmt: skip


def calendar_file(
    config: AgendaConfig,
    catalogue: Catalogue,
    appointment_id: int,
    sequence: int,
    kind: str,
    place_id: str,
    starts_at: datetime,
    ends_at: datetime,
    language: str,
    method: Method,
    organizer_email: str | None,
) -> Document:
    """The appointment's calendar file, as the bot's own bookings send it; the office's
    changes (app/agenda.py through the agenda desk) send the same, so one UID and a rising
    SEQUENCE keep the person's calendar up to date whoever changed the booking."""
    venue = config.venue(place_id)
    what = catalogue.render("ap-kind-name", language, {"kind": kind})
    bring = catalogue.render("ap-bring", language)
    content = appointment_ics(
        uid=f"appointment-{appointment_id}@proximity.cr",
        start_utc=starts_at,
        end_utc=ends_at,
        summary=f"PROXIMITY.CR: {what}",
        location=f"{venue.name}, {venue.address}",
        description=f"{venue.directions}\n{bring}".strip(),
        sequence=sequence,
        method=method,
        organizer_email=organizer_email,
    )
    caption = "ap-ics-cancel-caption" if method == "CANCEL" else "ap-ics-caption"
    return Document(filename="appuntamento.ics", content=content, caption_key=caption)
