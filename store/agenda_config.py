"""The appointments data file (config/appointments.yaml): venues, kinds, reminder policy."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from typing import Any

import yaml

from dialogs.agenda import (
    KINDS,
    OPEN_TO_IN_CHARGE,
    OPEN_TO_PRESCREENED,
    AgendaConfig,
    Kind,
    ReminderPolicy,
    Venue,
)


class BadAgendaFile(ValueError):
    """The file says something the bot cannot act on; the message says what and where."""


def load_agenda_config(path: Path) -> AgendaConfig:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return agenda_config_from(data, str(path))


def agenda_config_from(data: dict[str, Any], where: str = "appointments") -> AgendaConfig:
    venues = {
        str(key): Venue(
            id=str(key),
            name=str(v["name"]),
            short=str(v.get("short", v["name"])),
            address=str(v.get("address", "")),
            directions=str(v.get("directions", "")),
        )
        for key, v in (data.get("places") or {}).items()
    }
    kinds = {}
    for key, v in (data.get("types") or {}).items():
        if key not in KINDS:
            raise BadAgendaFile(f"{where}: unknown appointment type {key!r}; known: {KINDS}")
        open_to = str(v.get("open_to", OPEN_TO_IN_CHARGE))
        if open_to not in (OPEN_TO_PRESCREENED, OPEN_TO_IN_CHARGE):
            raise BadAgendaFile(f"{where}: {key}.open_to must be prescreened or in_charge")
        kinds[str(key)] = Kind(id=str(key), minutes=int(v.get("minutes", 45)), open_to=open_to)
    return AgendaConfig(
        venues=venues,
        kinds=kinds,
        horizon_days=int(data.get("booking_horizon_days", 42)),
        per_page=int(data.get("slots_per_page", 6)),
        reminders=_reminders(data.get("reminders") or {}, where),
        offer_window=timedelta(hours=float(data.get("course_offer_hours", 24))),
    )


def _reminders(data: dict[str, Any], where: str) -> ReminderPolicy:
    default = ReminderPolicy()
    offsets = tuple(timedelta(hours=float(h)) for h in data.get("offsets_hours", [24, 2]))
    if any(o <= timedelta(0) for o in offsets):
        raise BadAgendaFile(f"{where}: reminder offsets must be positive hours")
    quiet_start, quiet_end = default.quiet_start, default.quiet_end
    if "quiet_hours" in data:
        try:
            start, end = str(data["quiet_hours"]).split("-")
            quiet_start, quiet_end = time.fromisoformat(start), time.fromisoformat(end)
        except ValueError as exc:
            raise BadAgendaFile(f"{where}: quiet_hours must look like 21:00-08:00") from exc
    return ReminderPolicy(
        offsets=offsets,
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        grace=timedelta(minutes=float(data.get("grace_minutes", 90))),
        alert_unconfirmed=bool(data.get("alert_unconfirmed", True)),
    )
