"""A small, realistic agenda for the core's tests: two places, free slots, two bookings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from dialogs.agenda import Agenda, AgendaConfig, Booking, OpenSlot
from store.agenda_config import load_agenda_config

ROOT = Path(__file__).resolve().parents[2]
CONFIG: AgendaConfig = load_agenda_config(ROOT / "config" / "appointments.yaml")
NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)  # a Wednesday, 11:00 in Rome


def slot(
    slot_id: int, days: int, hour_utc: int, kind: str = "orientation", venue: str = "crema"
) -> OpenSlot:
    start = (NOW + timedelta(days=days)).replace(hour=hour_utc, minute=0)
    return OpenSlot(slot_id, kind, start, start + timedelta(minutes=45), venue)


# Working days from Thursday 26 November: a morning (10:00 Rome) and an afternoon
# (15:00 Rome) slot each, alternating between the two places.
WORKING_DAYS = [d for d in range(1, 12) if (NOW + timedelta(days=d)).weekday() < 5][:7]
FREE = tuple(
    slot(100 + 2 * n + half, day, (9, 14)[half], venue=("crema", "rivolta")[half])
    for n, day in enumerate(WORKING_DAYS)
    for half in (0, 1)
)
MINE = (
    Booking(7, slot(900, 6, 9)),
    Booking(8, slot(901, 9, 14, kind="tutoring")),
)
LIKELY = Agenda(free=FREE, prescreening_outcome="likely_eligible")
BOOKED = Agenda(
    bookings=MINE, free=FREE, prescreening_outcome="likely_eligible", taken_in_charge=True
)
