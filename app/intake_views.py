"""What the care pages show: a person's care records, their path and their history, as
frozen dataclasses `IntakeService.view` builds and the web console and command line read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class StepView:
    id: int
    kind: str
    host: str | None
    starts_on: date | None
    ends_on: date | None
    weekly_hours: float | None
    status: str


@dataclass(frozen=True)
class ChangeView:
    at: datetime
    by: str
    action: str
    step_id: int | None
    # (field, old, new); a special-category value is None unless shown on request.
    changes: tuple[tuple[str, object, object], ...]
    hidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordView:
    id: int
    taken_in_charge_on: date
    recorded_by: str
    recorded_at: datetime
    services: tuple[str, ...]
    # Field key -> stored value; the special-category ones only when shown on request.
    values: Mapping[str, object]
    exit_on: date | None
    exit_outcome: str | None
    exit_recorded_by: str | None
    steps: tuple[StepView, ...]
    changes: tuple[ChangeView, ...]
    # The six-month follow-up (app/followup.py); all None before the exit.
    followup_consent: bool | None = None
    followup_due_on: date | None = None
    followup_asked_at: datetime | None = None
    followup_status: str | None = None
    followup_on: date | None = None
    followup_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.exit_on is None


@dataclass(frozen=True)
class CareView:
    telegram_id: int
    records: tuple[RecordView, ...]
    special_shown: bool
    comune_from_screening: str | None = None
    taken_in_charge_at: datetime | None = None

    @property
    def open(self) -> RecordView | None:
        return next((r for r in self.records if r.is_open), None)
