"""What the agenda gives back to the pages, the commands and the operators' group: the
week, one slot, and the outcome of each change, including whether the person was told.
Frozen dataclasses only; app/agenda.py fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from store.agenda_admin import AppointmentRow

# What happened to the person after a change: told by the bot, could not be reached
# (blocked it), or not told because no bot runs here.
Told = Literal["told", "unreachable", "not_told"]


@dataclass(frozen=True)
class WeekSlot:
    """A slot of the week view. No name: who booked it is shown (and audited) on request."""

    id: int
    kind: str
    starts_at: datetime
    ends_at: datetime
    place_id: str
    operator: str
    state: Literal["free", "booked", "attended", "no_show", "withdrawn", "past"]
    appointment_id: int | None


@dataclass(frozen=True)
class Day:
    day: date
    slots: tuple[WeekSlot, ...]


@dataclass(frozen=True)
class Week:
    monday: date
    days: tuple[Day, ...]

    @property
    def count(self) -> int:
        return sum(len(d.slots) for d in self.days)


@dataclass(frozen=True)
class SlotView:
    """One slot with its booking and the person's name: opening it is audited."""

    slot: WeekSlot
    booking: AppointmentRow | None


@dataclass(frozen=True)
class Withdrawn:
    slot_id: int
    already: bool
    cancelled: AppointmentRow | None
    told: Told | None  # None: nobody was booked


@dataclass(frozen=True)
class Changed:
    """A booking made, moved or cancelled for someone."""

    appointment: AppointmentRow
    group_told: bool
    told: Told = "not_told"  # the person


@dataclass(frozen=True)
class Marked:
    row: AppointmentRow
    told: Told | None  # None: attended, nobody is messaged
