"""The programme data file (config/programme.yaml): office contacts and notice version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import holidays
import yaml

from dialogs.model import Office
from dialogs.office_hours import OfficeHours


@dataclass(frozen=True)
class Programme:
    privacy_notice_version: str
    controller: str
    office: Office
    office_hours: dict[str, list[str]] = field(default_factory=dict)
    reannounce_minutes: int = 15
    closed_on_public_holidays: bool = True

    def hours(self, timezone: str, today: date) -> OfficeHours:
        """Opening hours, closed on Italy's public holidays this year and the next."""
        return self.hours_in(timezone, (today.year, today.year + 1))

    def hours_in(self, timezone: str, years: Iterable[int]) -> OfficeHours:
        """Opening hours, closed on Italy's public holidays of those years."""
        closed: list[date] = []
        if self.closed_on_public_holidays:
            closed = list(holidays.country_holidays("IT", years=tuple(years)))
        return OfficeHours.from_mapping(self.office_hours, timezone, closed)


def load_programme(path: Path) -> Programme:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Programme(
        privacy_notice_version=str(data["privacy_notice_version"]),
        controller=str(data["controller"]),
        office=Office(**{k: str(v) for k, v in data["office"].items()}),
        office_hours={day: list(spans) for day, spans in (data.get("office_hours") or {}).items()},
        reannounce_minutes=int(data.get("reannounce_minutes", 15)),
        closed_on_public_holidays=bool(data.get("closed_on_public_holidays", True)),
    )
