"""The operators' side of appointments: the day's list, attendance, taking a person in
charge, and which appointments the operators' group must still be asked about.

State changes that two operators could race on (marking attendance, asking about it) are
single conditional UPDATEs: whoever's statement matches first wins, on SQLite and
PostgreSQL alike, and the other sees that it was already done. Nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from store import privacy
from store.appointments import ATTENDED, NO_SHOW
from store.models import BOOKED, Appointment, Beneficiary, Slot

# Attendance of appointments that ended longer ago than this is not asked any more: after a
# long outage the group would otherwise be flooded with questions nobody can answer.
ASK_WITHIN = timedelta(days=14)


@dataclass(frozen=True)
class AppointmentRow:
    """One appointment with its slot and person: all a notice or a list line needs."""

    id: int
    status: str
    booked_by: str
    confirmation: str | None
    attendance_marked_by: str | None
    slot_id: int
    kind: str
    starts_at: datetime
    ends_at: datetime
    place_id: str
    operator: str
    telegram_id: int
    display_name: str | None
    language: str


def _row(appointment: Appointment, slot: Slot, person: Beneficiary) -> AppointmentRow:
    return AppointmentRow(
        id=appointment.id,
        status=appointment.status,
        booked_by=appointment.booked_by,
        confirmation=appointment.confirmation,
        attendance_marked_by=appointment.attendance_marked_by,
        slot_id=slot.id,
        kind=slot.type,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        place_id=slot.place_id,
        operator=slot.operator,
        telegram_id=person.telegram_id,
        display_name=person.display_name,
        language=person.language,
    )


def _joined():  # type: ignore[no-untyped-def]
    return (
        select(Appointment, Slot, Beneficiary)
        .join(Slot, Slot.id == Appointment.slot_id)
        .join(Beneficiary, Beneficiary.id == Appointment.beneficiary_id)
    )


async def appointment(session: AsyncSession, appointment_id: int) -> AppointmentRow | None:
    found = (await session.execute(_joined().where(Appointment.id == appointment_id))).first()
    return None if found is None else _row(*found)


async def between(
    session: AsyncSession, after: datetime, before: datetime, *, include_cancelled: bool = False
) -> list[AppointmentRow]:
    """Appointments whose slot starts in [after, before), earliest first."""
    query = _joined().where(Slot.starts_at >= after, Slot.starts_at < before)
    if not include_cancelled:
        query = query.where(Appointment.status != "cancelled")
    query = query.order_by(Slot.starts_at, Slot.operator, Appointment.id)
    return [_row(*found) for found in (await session.execute(query)).all()]


# ------------------------------------------------------------------ attendance


class NotMarkable(Exception):
    """The appointment cannot be marked: gone, cancelled, not started yet, or marked before
    (`marked_by` then says by whom)."""

    def __init__(self, reason: str, marked_by: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.marked_by = marked_by


async def mark_attendance(
    session: AsyncSession,
    appointment_id: int,
    attended: bool,
    by: str,
    actor: str,
    now: datetime,
) -> AppointmentRow:
    """Sets attended / no_show once. `by` is shown ("operator:Giulia"); `actor` goes to the
    audit log (the operator's Telegram id, or the CLI name). Raises NotMarkable."""
    current = await appointment(session, appointment_id)
    if current is None:
        raise NotMarkable("gone")
    if current.status in (ATTENDED, NO_SHOW):
        raise NotMarkable("already", current.attendance_marked_by)
    if current.status != BOOKED:
        raise NotMarkable(current.status)
    if current.starts_at > now:
        raise NotMarkable("future")
    status = ATTENDED if attended else NO_SHOW
    # Conditional on still being booked: two operators pressing at once cannot both mark.
    result = await session.execute(
        update(Appointment)
        .where(Appointment.id == appointment_id, Appointment.status == BOOKED)
        .values(status=status, attendance_marked_by=by[:64], updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(result) != 1:
        again = await appointment(session, appointment_id)
        raise NotMarkable("already", again.attendance_marked_by if again else None)
    await privacy.audit(session, current.telegram_id, f"attendance_{status}", actor[:64], now)
    marked = await appointment(session, appointment_id)
    assert marked is not None
    return marked


def _rowcount(result: object) -> int:
    return result.rowcount if isinstance(result, CursorResult) else 0


async def attendance_to_ask(
    session: AsyncSession, now: datetime, limit: int = 20
) -> list[AppointmentRow]:
    """Booked appointments that have ended and whose attendance was never asked."""
    query = (
        _joined()
        .where(
            Appointment.status == BOOKED,
            Appointment.attendance_asked_at.is_(None),
            Slot.ends_at <= now,
            Slot.ends_at > now - ASK_WITHIN,
        )
        .order_by(Slot.ends_at, Appointment.id)
        .limit(limit)
    )
    return [_row(*found) for found in (await session.execute(query)).all()]


async def claim_attendance_question(
    session: AsyncSession, appointment_id: int, now: datetime | None
) -> bool:
    """Marks the question as asked; False when another run already did. `now=None` undoes
    it (the message could not be posted, so the next run asks again)."""
    asked = Appointment.attendance_asked_at
    condition = asked.is_(None) if now is not None else asked.is_not(None)
    result = await session.execute(
        update(Appointment)
        .where(Appointment.id == appointment_id, condition)
        .values(attendance_asked_at=now)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


# ------------------------------------------------------------------ taking in charge


async def take_in_charge(
    session: AsyncSession, telegram_id: int, by: str, now: datetime
) -> Beneficiary | None:
    """Opens the appointment types beyond orientation to the person. None when there is no
    such person (no consent yet, or erased). Taking in charge again keeps the first date."""
    person = await session.scalar(select(Beneficiary).where(Beneficiary.telegram_id == telegram_id))
    if person is None:
        return None
    if person.taken_in_charge_at is None:
        person.taken_in_charge_at = now
        person.taken_in_charge_by = by[:64]
        await privacy.audit(session, telegram_id, "taken_in_charge", by[:64], now)
        await session.flush()
    return person
