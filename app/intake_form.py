"""Reading and checking what a coordinator typed in the intake, path and exit forms, against
`IntakeConfig`. Pure: no database, no clock (today is passed in). A check returns the
typed values, or None and the problems as {field: catalogue key} to show beside the fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.intake_config import IntakeConfig
from app.typed_dates import parse_date

# What an hour count may be: a step is at most a full-time week.
MAX_WEEKLY_HOURS = 40.0
EARLIEST_BIRTH_YEAR = 1920
Problems = dict[str, str]


@dataclass(frozen=True)
class Intake:
    taken_in_charge_on: date
    services: tuple[str, ...]
    values: Mapping[str, str | int | None]


@dataclass(frozen=True)
class StepInput:
    kind: str
    host: str | None
    starts_on: date | None
    ends_on: date | None
    weekly_hours: float | None
    status: str


@dataclass(frozen=True)
class ExitInput:
    exit_on: date
    outcome: str
    # Whether the person agreed that the bot writes in six months to ask how things are.
    followup_consent: bool


def check_intake(
    config: IntakeConfig,
    form: Mapping[str, str],
    services: Sequence[str],
    today: date,
    *,
    comune_from_screening: str | None = None,
) -> tuple[Intake | None, Problems]:
    """The intake form's values checked against config/intake.yaml. An empty comune takes
    the one of the pre-screening, when it is in the Ambito."""
    problems: Problems = {}
    on = _required_date(form.get("taken_in_charge_on", ""), "taken_in_charge_on", problems)
    if on is not None and on > today:
        problems["taken_in_charge_on"] = "web-care-error-future"
    chosen = tuple(dict.fromkeys(s for s in services if s))
    if any(s not in config.services for s in chosen):
        problems["services"] = "web-care-error-service"
    values: dict[str, str | int | None] = {}
    for spec in config.fields:
        raw = form.get(spec.key, "").strip()
        if not raw:
            if spec.kind == "comune":
                values[spec.key] = comune_from_screening
            elif spec.optional:
                values[spec.key] = None
            elif spec.default is not None:
                values[spec.key] = spec.default
            else:
                problems[spec.key] = "web-care-error-value"
            continue
        if spec.kind == "year":
            year = int(raw) if raw.isdigit() and len(raw) == 4 else None
            if year is None or not EARLIEST_BIRTH_YEAR <= year <= today.year:
                problems[spec.key] = "web-care-error-year"
            values[spec.key] = year
        elif spec.kind == "comune":
            if raw not in config.comuni:
                problems[spec.key] = "web-care-error-comune"
            values[spec.key] = raw
        else:
            if raw not in spec.values:
                problems[spec.key] = "web-care-error-value"
            values[spec.key] = raw
    if problems or on is None:
        return None, problems
    return Intake(on, chosen, values), {}


def check_step(
    config: IntakeConfig, form: Mapping[str, str], *, entry: date | None = None
) -> tuple[StepInput | None, Problems]:
    problems: Problems = {}
    kind = form.get("kind", "").strip()
    if kind not in config.step_kinds:
        problems["kind"] = "web-care-error-kind"
    host = " ".join(form.get("host", "").split())[:128] or None
    if kind in config.kinds_with_host and host is None:
        problems["host"] = "web-care-error-host"
    starts_on = _optional_date(form.get("starts_on", ""), "starts_on", problems)
    ends_on = _optional_date(form.get("ends_on", ""), "ends_on", problems)
    if starts_on and ends_on and ends_on < starts_on:
        problems["ends_on"] = "web-care-error-end-before-start"
    if starts_on and entry and starts_on < entry:
        problems["starts_on"] = "web-care-error-before-entry"
    hours: float | None = None
    raw_hours = form.get("weekly_hours", "").strip().replace(",", ".")
    if raw_hours:
        try:
            hours = float(raw_hours)
        except ValueError:
            hours = None
        if hours is None or not 0 < hours <= MAX_WEEKLY_HOURS:
            problems["weekly_hours"] = "web-care-error-hours"
    status = form.get("status", "").strip() or "planned"
    if status not in config.step_statuses:
        problems["status"] = "web-care-error-status"
    if problems:
        return None, problems
    return StepInput(kind, host, starts_on, ends_on, hours, status), {}


def check_exit(
    config: IntakeConfig, form: Mapping[str, str], entry: date, today: date
) -> tuple[ExitInput | None, Problems]:
    problems: Problems = {}
    on = _required_date(form.get("exit_on", ""), "exit_on", problems)
    if on is not None and on > today:
        problems["exit_on"] = "web-care-error-future"
    elif on is not None and on < entry:
        problems["exit_on"] = "web-care-error-exit-before-entry"
    outcome = form.get("exit_outcome", "").strip()
    if outcome not in config.exit_outcomes:
        problems["exit_outcome"] = "web-care-error-outcome"
    consent = form.get("followup_consent", "").strip()
    if consent not in ("yes", "no"):
        problems["followup_consent"] = "web-followup-error-consent"
    if problems or on is None:
        return None, problems
    return ExitInput(on, outcome, consent == "yes"), {}


def _required_date(text: str, key: str, problems: Problems) -> date | None:
    if not text.strip():
        problems[key] = "web-care-error-date-missing"
        return None
    return _optional_date(text, key, problems)


def _optional_date(text: str, key: str, problems: Problems) -> date | None:
    if not text.strip():
        return None
    found = parse_date(text)
    if found is None or found.year < 1900:
        problems[key] = "web-care-error-date"
        return None
    return found
