"""Slots and appointments, read and written inside the caller's unit of work.

"One person per slot" is enforced by the database (a unique index on the live bookings of a
slot), so two people pressing the same button at the same moment cannot both get it: the
loser's insert fails, the whole turn rolls back, and `SlotTaken` tells the caller why.
Repositories never commit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.agenda import Agenda, AgendaConfig, Booking, OpenSlot
from store.conversations import find_beneficiary, latest_prescreening
from store.models import BOOKED, Appointment, Beneficiary, Slot

# Statuses of an appointment after its time: set by an operator.
ATTENDED = "attended"
NO_SHOW = "no_show"
CANCELLED = "cancelled"


class SlotTaken(Exception):
    """Somebody else booked the slot first, or it was withdrawn or is in the past."""


class AppointmentNotFound(Exception):
    """No such live appointment for this person (stale or forged button, erased data)."""


@dataclass(frozen=True)
class Access:
    """What decides which appointment types a person may book."""

    prescreening_outcome: str | None  # the newest: likely_eligible, to_check, not_eligible
    taken_in_charge: bool


async def free_slots(
    session: AsyncSession,
    *,
    types: Collection[str],
    after: datetime,
    before: datetime,
    limit: int = 300,
) -> list[Slot]:
    """Open slots of these types starting in [after, before), earliest first."""
    if not types:
        return []
    live = exists().where(and_(Appointment.slot_id == Slot.id, Appointment.status == BOOKED))
    query = (
        select(Slot)
        .where(
            Slot.type.in_(list(types)),
            Slot.starts_at >= after,
            Slot.starts_at < before,
            Slot.withdrawn_at.is_(None),
            ~live,
        )
        .order_by(Slot.starts_at, Slot.id)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def upcoming(
    session: AsyncSession, telegram_id: int, now: datetime
) -> list[tuple[Appointment, Slot]]:
    """The person's booked appointments that have not started yet, earliest first."""
    query = (
        select(Appointment, Slot)
        .join(Slot, Slot.id == Appointment.slot_id)
        .join(Beneficiary, Beneficiary.id == Appointment.beneficiary_id)
        .where(
            Beneficiary.telegram_id == telegram_id,
            Appointment.status == BOOKED,
            Slot.starts_at >= now,
        )
        .order_by(Slot.starts_at)
    )
    return [(a, s) for a, s in (await session.execute(query)).all()]


async def access(session: AsyncSession, telegram_id: int) -> Access:
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        return Access(prescreening_outcome=None, taken_in_charge=False)
    newest = await latest_prescreening(session, telegram_id)
    return Access(
        prescreening_outcome=newest.outcome if newest is not None else None,
        taken_in_charge=person.taken_in_charge_at is not None,
    )


async def book(
    session: AsyncSession,
    telegram_id: int,
    slot_id: int,
    now: datetime,
    booked_by: str = "self",
) -> tuple[Appointment, Slot]:
    """Books a free, future slot for the person. Raises SlotTaken when it is not free."""
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        raise AppointmentNotFound("no profile: consent comes first")
    slot = await _bookable_slot(session, slot_id, now)
    appointment = Appointment(
        slot_id=slot.id,
        beneficiary_id=person.id,
        status=BOOKED,
        booked_by=booked_by,
        booked_at=now,
        updated_at=now,
        ics_sequence=0,
    )
    session.add(appointment)
    await _flush_or_taken(session)
    return appointment, slot


async def reschedule(
    session: AsyncSession, telegram_id: int, appointment_id: int, new_slot_id: int, now: datetime
) -> tuple[Appointment, Slot, Slot]:
    """Moves a booking to another slot in one statement: the old slot is released only if
    the new one is taken. Returns the appointment, the old slot and the new one."""
    appointment, old = await live_appointment(session, telegram_id, appointment_id)
    new = await _bookable_slot(session, new_slot_id, now)
    appointment.slot_id = new.id
    appointment.updated_at = now
    appointment.ics_sequence += 1
    appointment.confirmation = None
    appointment.confirmed_at = None
    await _flush_or_taken(session)
    return appointment, old, new


async def cancel(
    session: AsyncSession, telegram_id: int, appointment_id: int, reason: str, now: datetime
) -> tuple[Appointment, Slot]:
    appointment, slot = await live_appointment(session, telegram_id, appointment_id)
    appointment.status = CANCELLED
    appointment.cancel_reason = reason
    appointment.updated_at = now
    appointment.ics_sequence += 1
    await session.flush()
    return appointment, slot


async def set_confirmation(
    session: AsyncSession, telegram_id: int, appointment_id: int, answer: str, now: datetime
) -> tuple[Appointment, Slot]:
    """The person's answer to a reminder: "confirmed" or "declined"."""
    appointment, slot = await live_appointment(session, telegram_id, appointment_id)
    appointment.confirmation = answer
    appointment.confirmed_at = now
    appointment.updated_at = now
    await session.flush()
    return appointment, slot


async def live_appointment(
    session: AsyncSession, telegram_id: int, appointment_id: int
) -> tuple[Appointment, Slot]:
    """The person's own booked appointment with this id; the id alone proves nothing."""
    query = (
        select(Appointment, Slot)
        .join(Slot, Slot.id == Appointment.slot_id)
        .join(Beneficiary, Beneficiary.id == Appointment.beneficiary_id)
        .where(
            Appointment.id == appointment_id,
            Beneficiary.telegram_id == telegram_id,
            Appointment.status == BOOKED,
        )
    )
    row = (await session.execute(query)).first()
    if row is None:
        raise AppointmentNotFound(appointment_id)
    return row[0], row[1]


async def _bookable_slot(session: AsyncSession, slot_id: int, now: datetime) -> Slot:
    slot = await session.get(Slot, slot_id)
    if slot is None or slot.withdrawn_at is not None or slot.starts_at <= now:
        raise SlotTaken(slot_id)
    return slot


async def _flush_or_taken(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        # The unique index on live bookings: someone else's booking committed first.
        raise SlotTaken() from exc


async def load_agenda(
    session: AsyncSession, telegram_id: int, now: datetime, config: AgendaConfig
) -> Agenda:
    """What the core needs for one turn about appointments (see dialogs/appointments.py)."""
    allowed = await access(session, telegram_id)
    bookings = tuple(
        Booking(a.id, _open_slot(s), a.confirmation)
        for a, s in await upcoming(session, telegram_id, now)
    )
    draft = Agenda(
        bookings=bookings,
        prescreening_outcome=allowed.prescreening_outcome,
        taken_in_charge=allowed.taken_in_charge,
    )
    kinds = [k.id for k in config.kinds.values()]
    # Kinds closed to the person still count when they move a booking of that kind.
    wanted = {k for k in kinds if draft.may_book(config.kinds[k])} | {b.slot.kind for b in bookings}
    free = await free_slots(
        session, types=wanted, after=now, before=now + timedelta(days=config.horizon_days)
    )
    return replace(draft, free=tuple(_open_slot(s) for s in free))


def _open_slot(slot: Slot) -> OpenSlot:
    return OpenSlot(slot.id, slot.type, slot.starts_at, slot.ends_at, slot.place_id)
