"""Taking a person in charge (presa in carico): the record of the services that take part,
the funder's intake categories, the planned path and its changes, and the exit.

One implementation for every front end: the command line (`proximity people
take-in-charge`) and the web console call `IntakeService`. Taking in charge sets
`Beneficiary.taken_in_charge_at`, which is what opens the appointment kinds and courses
reserved to people in charge (store/appointments.py `access`); recording the exit clears
it, so they close again, and a later taking in charge opens a new record (the old one
stays as history).

What may be asked, with its purpose and legal basis, is `config/intake.yaml`; the values
are checked against it here, so the web form and the command line cannot store anything
else. Every change is kept (`care_changes`: who, when, each field's old and new value).
The special-category fields are shown only on request, and that request is audited.

Validation returns problems as {field: catalogue key} and changes nothing when there are
any; `PersonNotFound` is raised for a person without a profile.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.followup import FollowUpConfig, due_on
from app.people import PersonNotFound
from store import care, privacy
from store.conversations import find_beneficiary
from store.models import Beneficiary, CareRecord, CareStep, Prescreening
from store.settings import PROJECT_ROOT

INTAKE_FILE = PROJECT_ROOT / "config" / "intake.yaml"
COMUNI_FILE = PROJECT_ROOT / "config" / "comuni_ambito.csv"

# Audit actions (the person's page view itself is app.people.VIEWED).
TAKEN_IN_CHARGE = "taken_in_charge"
INTAKE_CHANGED = "care-intake-changed"
STEP_ADDED = "care-step-added"
STEP_CHANGED = "care-step-changed"
EXIT_RECORDED = "care-exit-recorded"
SPECIAL_VIEWED = "web-care-special-viewed"
FORM_VIEWED = "web-care-form-viewed"

# What an hour count may be: a step is at most a full-time week.
MAX_WEEKLY_HOURS = 40.0
EARLIEST_BIRTH_YEAR = 1920
Problems = dict[str, str]


class CareNotOpen(LookupError):
    """The person has no open care record (never taken in charge, or exited)."""


# ------------------------------------------------------------------ the configuration


@dataclass(frozen=True)
class Field:
    """One intake field of config/intake.yaml."""

    key: str
    label: str
    kind: str  # choice, year, comune
    values: Mapping[str, str]  # for a choice: value -> Italian label
    optional: bool
    special_category: bool  # GDPR art. 9
    sensitive: bool  # not art. 9, but could expose the person
    purpose: str
    legal_basis: str
    hint: str | None = None
    default: str | None = None

    @property
    def apart(self) -> bool:
        """Shown apart, optional, and only on request: 'Dati particolari (facoltativi)'."""
        return self.special_category or self.sensitive


@dataclass(frozen=True)
class IntakeConfig:
    version: str
    purpose: str
    legal_basis: str
    services: Mapping[str, str]
    step_kinds: Mapping[str, str]
    kinds_with_host: frozenset[str]
    step_statuses: Mapping[str, str]
    exit_outcomes: Mapping[str, str]
    exit_purpose: str
    exit_legal_basis: str
    fields: tuple[Field, ...]
    comuni: Mapping[str, str]  # ISTAT code -> name, the 48 of the Ambito
    # The six-month follow-up: the exit form's consent question and the statuses.
    followup: FollowUpConfig

    @classmethod
    def load(cls, path: Path = INTAKE_FILE, comuni_file: Path = COMUNI_FILE) -> IntakeConfig:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        with comuni_file.open(encoding="utf-8") as stream:
            comuni = {row["codice_istat"]: row["nome"] for row in csv.DictReader(stream)}
        kinds: dict[str, Any] = data["step_kinds"]
        fields = tuple(
            Field(
                key=key,
                label=str(spec["label"]),
                kind=str(spec.get("kind", "choice")),
                values={str(k): str(v) for k, v in (spec.get("values") or {}).items()},
                optional=bool(spec.get("optional", False)),
                special_category=bool(spec.get("special_category", False)),
                sensitive=bool(spec.get("sensitive", False)),
                purpose=" ".join(str(spec["purpose"]).split()),
                legal_basis=" ".join(str(spec["legal_basis"]).split()),
                hint=spec.get("hint"),
                default=spec.get("default"),
            )
            for key, spec in data["fields"].items()
        )
        unknown = {f.key for f in fields} - set(care.CATEGORY_COLUMNS)
        if unknown:
            raise ValueError(f"config/intake.yaml: fields without a column: {sorted(unknown)}")
        return cls(
            version=str(data["version"]),
            purpose=" ".join(str(data["purpose"]).split()),
            legal_basis=" ".join(str(data["legal_basis"]).split()),
            services={str(k): str(v) for k, v in data["services"].items()},
            step_kinds={str(k): str(v["label"]) for k, v in kinds.items()},
            kinds_with_host=frozenset(k for k, v in kinds.items() if v.get("host")),
            step_statuses={str(k): str(v) for k, v in data["step_statuses"].items()},
            exit_outcomes={str(k): str(v) for k, v in data["exit_outcomes"].items()},
            exit_purpose=" ".join(str(data["exit_purpose"]).split()),
            exit_legal_basis=" ".join(str(data["exit_legal_basis"]).split()),
            fields=fields,
            comuni=dict(sorted(comuni.items(), key=lambda item: item[1])),
            followup=FollowUpConfig.from_yaml(data["followup"]),
        )

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def common(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.apart)

    @property
    def apart(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.apart)

    def label(self, key: str, value: object) -> str:
        """A stored value in words ('female' -> 'Donna'); '—' for none."""
        if value is None or value == "":
            return "—"
        spec = self.field(key)
        if spec.kind == "comune":
            return self.comuni.get(str(value), str(value))
        return spec.values.get(str(value), str(value))

    def comune_code(self, name: str) -> str | None:
        wanted = name.strip().casefold()
        return next((k for k, v in self.comuni.items() if v.casefold() == wanted), None)


# ------------------------------------------------------------------ checking what was typed


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


def parse_date(text: str) -> date | None:
    """A date as the browser's date field sends it (2026-12-31) or as typed (31/12/2026)."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None


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


# ------------------------------------------------------------------ what pages show


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


# ------------------------------------------------------------------ the service


@dataclass(frozen=True)
class Done:
    """What a change returns: the problems beside the fields, or none when it was saved."""

    problems: Problems

    @property
    def ok(self) -> bool:
        return not self.problems


class IntakeService:
    """One unit of work per call. `actor` is who the audit names ("web:<account id>",
    "cli:<name>"); `by` the name kept in the record and its history."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        config: IntakeConfig,
        timezone: str = "Europe/Rome",
    ) -> None:
        self._sessions = sessions
        self.config = config
        self._zone = ZoneInfo(timezone)

    def today(self, now: datetime) -> date:
        return now.astimezone(self._zone).date()

    async def view(
        self,
        telegram_id: int,
        actor: str,
        now: datetime,
        *,
        with_special: bool = False,
        audit: str | None = None,
    ) -> CareView:
        """The person's records with their path and history. Audited as `audit` when given
        (the person's page audits its own view), and always when the special-category
        values are shown."""
        async with self._sessions.begin() as session:
            person = await _person(session, telegram_id)
            if with_special:
                await privacy.audit(session, telegram_id, SPECIAL_VIEWED, actor[:64], now)
            elif audit is not None:
                await privacy.audit(session, telegram_id, audit, actor[:64], now)
            return await self._view(session, person, with_special=with_special)

    async def take_in_charge(
        self,
        telegram_id: int,
        form: Mapping[str, str],
        services: Sequence[str],
        by: str,
        actor: str,
        now: datetime,
    ) -> Done:
        """Opens a care record, or says why not (beside the fields; 'form' when the person
        is already in charge). Sets taken_in_charge_at: the bot offers the kinds at once."""
        try:
            return await self._open_record(telegram_id, form, services, by, actor, now)
        except IntegrityError:
            # Two coordinators saved at once: the database kept one open record (its
            # unique index); the other is told, as if they had been a moment later.
            return Done({"form": "web-care-error-already"})

    async def _open_record(
        self,
        telegram_id: int,
        form: Mapping[str, str],
        services: Sequence[str],
        by: str,
        actor: str,
        now: datetime,
    ) -> Done:
        async with self._sessions.begin() as session:
            person = await _person(session, telegram_id)
            if await care.open_record(session, person.id) is not None:
                return Done({"form": "web-care-error-already"})
            screening = await self._comune_from_screening(session, person.id)
            intake, problems = check_intake(
                self.config, form, services, self.today(now), comune_from_screening=screening
            )
            if intake is None:
                return Done(problems)
            record = CareRecord(
                beneficiary_id=person.id,
                taken_in_charge_on=intake.taken_in_charge_on,
                recorded_by=by[:64],
                recorded_at=now,
                updated_at=now,
                services=list(intake.services),
                **intake.values,
            )
            session.add(record)
            await session.flush()
            opened: dict[str, list[Any]] = {
                "taken_in_charge_on": [None, intake.taken_in_charge_on],
                "services": [None, list(intake.services)],
            }
            opened |= {k: [None, v] for k, v in intake.values.items() if v is not None}
            care.record_change(session, record, TAKEN_IN_CHARGE, by, now, opened)
            person.taken_in_charge_at = now
            person.taken_in_charge_by = by[:64]
            await privacy.audit(session, telegram_id, TAKEN_IN_CHARGE, actor[:64], now)
            await privacy.count(session, "taken_in_charge", now)
            return Done({})

    async def update_intake(
        self,
        telegram_id: int,
        form: Mapping[str, str],
        services: Sequence[str],
        by: str,
        actor: str,
        now: datetime,
    ) -> Done:
        """Changes the open record's date, services and categories; only what changed is
        kept in the history (nothing changed: nothing recorded)."""
        async with self._sessions.begin() as session:
            person = await _person(session, telegram_id)
            record = await care.open_record(session, person.id)
            if record is None:
                raise CareNotOpen(telegram_id)
            screening = await self._comune_from_screening(session, person.id)
            intake, problems = check_intake(
                self.config, form, services, self.today(now), comune_from_screening=screening
            )
            if intake is None:
                return Done(problems)
            wanted: dict[str, Any] = {
                "taken_in_charge_on": intake.taken_in_charge_on,
                "services": list(intake.services),
                **intake.values,
            }
            changed = _diff(record, wanted)
            if changed:
                for key, (_, new) in changed.items():
                    setattr(record, key, new)
                record.updated_at = now
                care.record_change(session, record, INTAKE_CHANGED, by, now, changed)
                await privacy.audit(session, telegram_id, INTAKE_CHANGED, actor[:64], now)
            return Done({})

    async def add_step(
        self, telegram_id: int, form: Mapping[str, str], by: str, actor: str, now: datetime
    ) -> Done:
        async with self._sessions.begin() as session:
            person = await _person(session, telegram_id)
            record = await care.open_record(session, person.id)
            if record is None:
                raise CareNotOpen(telegram_id)
            wanted, problems = check_step(self.config, form, entry=record.taken_in_charge_on)
            if wanted is None:
                return Done(problems)
            step = CareStep(record_id=record.id, created_at=now, updated_at=now, **_step(wanted))
            session.add(step)
            await session.flush()
            added = {k: [None, v] for k, v in _step(wanted).items() if v is not None}
            care.record_change(session, record, STEP_ADDED, by, now, added, step.id)
            if _starts_internship(None, step):
                await privacy.count(session, "internship_started", now)
            record.updated_at = now
            await privacy.audit(session, telegram_id, STEP_ADDED, actor[:64], now)
            return Done({})

    async def change_step(
        self,
        telegram_id: int,
        step_id: int,
        form: Mapping[str, str],
        by: str,
        actor: str,
        now: datetime,
    ) -> Done:
        """Changes one step of the open record's path. A step of a closed record, or of
        someone else, is not found (LookupError)."""
        async with self._sessions.begin() as session:
            person = await _person(session, telegram_id)
            record = await care.open_record(session, person.id)
            if record is None:
                raise CareNotOpen(telegram_id)
            step = await care.step(session, record.id, step_id)
            if step is None:
                raise LookupError(step_id)
            wanted, problems = check_step(self.config, form, entry=record.taken_in_charge_on)
            if wanted is None:
                return Done(problems)
            changed = _diff(step, _step(wanted))
            was = step.status
            if changed:
                if _starts_internship(was, CareStep(kind=wanted.kind, status=wanted.status)):
                    await privacy.count(session, "internship_started", now)
                for key, (_, new) in changed.items():
                    setattr(step, key, new)
                step.updated_at = record.updated_at = now
                care.record_change(session, record, STEP_CHANGED, by, now, changed, step.id)
                await privacy.audit(session, telegram_id, STEP_CHANGED, actor[:64], now)
            return Done({})

    async def record_exit(
        self, telegram_id: int, form: Mapping[str, str], by: str, actor: str, now: datetime
    ) -> Done:
        """Closes the open record with its date and outcome. The person is no longer in
        charge: the kinds reserved to people in charge close (booked ones stay)."""
        async with self._sessions.begin() as session:
            person = await _person(session, telegram_id)
            record = await care.open_record(session, person.id)
            if record is None:
                raise CareNotOpen(telegram_id)
            wanted, problems = check_exit(
                self.config, form, record.taken_in_charge_on, self.today(now)
            )
            if wanted is None:
                return Done(problems)
            record.exit_on, record.exit_outcome = wanted.exit_on, wanted.outcome
            record.exit_recorded_by, record.updated_at = by[:64], now
            record.followup_consent = wanted.followup_consent
            record.followup_due_on = due_on(wanted.exit_on)
            changed: dict[str, list[Any]] = {
                "exit_on": [None, wanted.exit_on],
                "exit_outcome": [None, wanted.outcome],
                "followup_consent": [None, wanted.followup_consent],
            }
            care.record_change(session, record, EXIT_RECORDED, by, now, changed)
            await privacy.count(session, f"exit_{wanted.outcome}", now)
            person.taken_in_charge_at = None
            person.taken_in_charge_by = None
            await privacy.audit(session, telegram_id, EXIT_RECORDED, actor[:64], now)
            return Done({})

    # -- reading ----------------------------------------------------------------------------

    async def _view(
        self, session: AsyncSession, person: Beneficiary, *, with_special: bool
    ) -> CareView:
        found = await care.records(session, person.id)
        ids = [r.id for r in found]
        steps = await care.steps(session, ids) if ids else []
        changes = await care.changes(session, ids) if ids else []
        hidden = {f.key for f in self.config.apart} if not with_special else set()
        records = tuple(
            RecordView(
                id=r.id,
                taken_in_charge_on=r.taken_in_charge_on,
                recorded_by=r.recorded_by,
                recorded_at=r.recorded_at,
                services=tuple(r.services),
                values={
                    f.key: getattr(r, f.key) for f in self.config.fields if f.key not in hidden
                },
                exit_on=r.exit_on,
                exit_outcome=r.exit_outcome,
                exit_recorded_by=r.exit_recorded_by,
                steps=tuple(
                    StepView(s.id, s.kind, s.host, s.starts_on, s.ends_on, s.weekly_hours, s.status)
                    for s in steps
                    if s.record_id == r.id
                ),
                changes=tuple(
                    ChangeView(
                        at=c.at,
                        by=c.by,
                        action=c.action,
                        step_id=c.step_id,
                        changes=tuple(
                            (k, *(v if k not in hidden else (None, None)))
                            for k, v in c.changes.items()
                        ),
                        hidden=tuple(k for k in c.changes if k in hidden),
                    )
                    for c in changes
                    if c.record_id == r.id
                ),
                followup_consent=r.followup_consent,
                followup_due_on=r.followup_due_on,
                followup_asked_at=r.followup_asked_at,
                followup_status=r.followup_status,
                followup_on=r.followup_on,
                followup_by=r.followup_by,
            )
            for r in found
        )
        return CareView(
            telegram_id=person.telegram_id,
            records=records,
            special_shown=with_special,
            comune_from_screening=await self._comune_from_screening(session, person.id),
            taken_in_charge_at=person.taken_in_charge_at,
        )

    async def _comune_from_screening(
        self, session: AsyncSession, beneficiary_id: int
    ) -> str | None:
        """The ISTAT code of the comune said in the newest pre-screening, if in the Ambito."""
        answers = await session.scalar(
            select(Prescreening.answers)
            .where(Prescreening.beneficiary_id == beneficiary_id)
            .order_by(Prescreening.id.desc())
            .limit(1)
        )
        residence = str((answers or {}).get("residence", ""))
        if not residence.startswith("in:"):
            return None
        return self.config.comune_code(residence.removeprefix("in:"))


# An internship counts as started (the dashboard's funnel) the first time its step is
# ongoing or done, whether it was added so or changed to it later.
STARTED = frozenset({"ongoing", "done"})


def _starts_internship(was: str | None, step: CareStep) -> bool:
    return step.kind == "internship" and step.status in STARTED and was not in STARTED


async def _person(session: AsyncSession, telegram_id: int) -> Beneficiary:
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        raise PersonNotFound(telegram_id)
    return person


def _step(wanted: StepInput) -> dict[str, Any]:
    return {
        "kind": wanted.kind,
        "host": wanted.host,
        "starts_on": wanted.starts_on,
        "ends_on": wanted.ends_on,
        "weekly_hours": wanted.weekly_hours,
        "status": wanted.status,
    }


def _diff(row: object, wanted: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {
        key: [getattr(row, key), new] for key, new in wanted.items() if getattr(row, key) != new
    }
