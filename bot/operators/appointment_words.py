"""How an appointment reads to the operators, the same on the case card and in the notices:
"mar 3/12 9:30", "colloquio di orientamento", "Crema". Operators read Italian."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from dialogs.slots import ITALIAN_NAMES, AppointmentType, day_label


@dataclass(frozen=True)
class AppointmentWords:
    zone: ZoneInfo
    places: Mapping[str, str] = field(default_factory=dict)  # place key -> short name

    def when(self, starts_at: datetime) -> str:
        local = starts_at.astimezone(self.zone)
        return f"{day_label(local.date())} {local.hour}:{local.minute:02d}"

    def kind(self, kind: str) -> str:
        try:
            return ITALIAN_NAMES[AppointmentType(kind)]
        except ValueError:  # a kind added to the data before the code knows its name
            return kind

    def place(self, place_id: str) -> str:
        return self.places.get(place_id, place_id)
