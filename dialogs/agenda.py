"""What the core knows about appointments: plain values the shell loads before a turn.

The core never queries anything. When a turn may need appointments (`needs_agenda`), the
shell loads an `Agenda` for the person: their upcoming bookings, the free slots they may
book, and why some kinds are closed to them. Venues and kinds come from the agency's
`config/appointments.yaml` through `AgendaConfig`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from dialogs.eligibility import Outcome

# Who may book a kind of appointment.
OPEN_TO_PRESCREENED = "prescreened"  # newest pre-screening is "likely_eligible" or "to_check"
OPEN_TO_IN_CHARGE = "in_charge"  # an operator took the person in charge

KINDS = ("orientation", "skills_assessment", "tutoring", "social_worker")
PRESCREENING_OPENS = (Outcome.LIKELY.value, Outcome.TO_CHECK.value)


@dataclass(frozen=True)
class Venue:
    id: str
    name: str
    short: str
    address: str
    directions: str


@dataclass(frozen=True)
class Kind:
    id: str  # orientation, skills_assessment, tutoring, social_worker
    minutes: int
    open_to: str


@dataclass(frozen=True)
class ReminderPolicy:
    offsets: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=2))
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    grace: timedelta = timedelta(minutes=90)
    alert_unconfirmed: bool = True


@dataclass(frozen=True)
class AgendaConfig:
    venues: dict[str, Venue]
    kinds: dict[str, Kind]
    horizon_days: int = 42
    per_page: int = 6
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    # How long a person has to take a course seat freed for them from the waiting list.
    offer_window: timedelta = timedelta(hours=24)

    def venue(self, venue_id: str) -> Venue:
        """A slot whose place was removed from the file still shows, with its key."""
        return self.venues.get(venue_id) or Venue(venue_id, venue_id, venue_id, "", "")


@dataclass(frozen=True)
class OpenSlot:
    id: int
    kind: str
    start: datetime  # aware, UTC
    end: datetime
    venue_id: str


@dataclass(frozen=True)
class Booking:
    id: int
    slot: OpenSlot
    confirmation: str | None = None  # confirmed, declined, None


@dataclass(frozen=True)
class Agenda:
    """One person's appointments as the core sees them during one turn."""

    bookings: tuple[Booking, ...] = ()
    free: tuple[OpenSlot, ...] = ()
    prescreening_outcome: str | None = None
    taken_in_charge: bool = False

    def may_book(self, kind: Kind) -> bool:
        if kind.open_to == OPEN_TO_PRESCREENED:
            return self.taken_in_charge or self.prescreening_outcome in PRESCREENING_OPENS
        return self.taken_in_charge

    def booking(self, booking_id: int) -> Booking | None:
        return next((b for b in self.bookings if b.id == booking_id), None)

    def slot(self, slot_id: int) -> OpenSlot | None:
        return next((s for s in self.free if s.id == slot_id), None)
