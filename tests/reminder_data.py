"""People, slots and booked appointments for the reminder tests and the benchmark.

Rows are made directly with the models, as `store.appointments.book()` would leave them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.agenda import AgendaConfig, Kind, ReminderPolicy, Venue
from store.models import BOOKED, Appointment, Beneficiary, Reminder, Slot

ZONE = "Europe/Rome"
VENUE = Venue("crema", "Comunità Sociale Cremasca", "Crema", "Via Goldaniga 11", "")
KIND = Kind("orientation", 60, "prescreened")


def agenda_config(policy: ReminderPolicy | None = None) -> AgendaConfig:
    return AgendaConfig(
        venues={VENUE.id: VENUE},
        kinds={KIND.id: KIND},
        reminders=policy or ReminderPolicy(),
    )


async def booked(
    session: AsyncSession,
    telegram_id: int,
    starts_at: datetime,
    now: datetime,
    *,
    language: str = "it",
    operator: str | None = None,
) -> Appointment:
    """A consented person (created if needed) with a booked slot starting at `starts_at`."""
    person = (
        await session.execute(select(Beneficiary).where(Beneficiary.telegram_id == telegram_id))
    ).scalar_one_or_none()
    if person is None:
        person = Beneficiary(
            telegram_id=telegram_id,
            language=language,
            consent_version="test",
            consent_at=now,
            created_at=now,
            last_seen_at=now,
        )
        session.add(person)
    slot = Slot(
        type=KIND.id,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=KIND.minutes),
        place_id=VENUE.id,
        operator=operator or f"operator-{telegram_id}",
        created_at=now,
    )
    session.add(slot)
    await session.flush()
    appointment = Appointment(
        slot_id=slot.id,
        beneficiary_id=person.id,
        status=BOOKED,
        booked_by="self",
        booked_at=now,
        updated_at=now,
        ics_sequence=0,
    )
    session.add(appointment)
    await session.flush()
    return appointment


async def reminders_of(session: AsyncSession, appointment_id: int) -> dict[str, Reminder]:
    rows = await session.execute(select(Reminder).where(Reminder.appointment_id == appointment_id))
    return {r.label: r for r in rows.scalars()}
