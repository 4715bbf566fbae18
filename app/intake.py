"""Taking a person in charge (presa in carico): the record of the services that take part,
the funder's intake categories, the planned path and its changes, and the exit.

One implementation for every front end: the command line (`proximity people
take-in-charge`) and the web console call `IntakeService`. Taking in charge sets
`Beneficiary.taken_in_charge_at`, which is what opens the appointment kinds and courses
reserved to people in charge (store/appointments.py `access`); recording the exit clears
it, so they close again, and a later taking in charge opens a new record (the old one
stays as history).

What may be asked, with its purpose and legal basis, is `config/intake.yaml`
(app/intake_config.py); what was typed is checked against it first (app/intake_form.py),
so the web form and the command line cannot store anything else. Every change is kept
(`care_changes`: who, when, each field's old and new value). The special-category fields
are shown only on request, and that request is audited. What the pages read is
app/intake_views.py.

Validation returns problems as {field: catalogue key} and changes nothing when there are
any; `PersonNotFound` is raised for a person without a profile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.followup import due_on
from app.intake_config import IntakeConfig
from app.intake_form import Problems, StepInput, check_exit, check_intake, check_step
from app.intake_views import CareView, ChangeView, RecordView, StepView
from app.people import profile_of
from store import care, privacy
from store.db import write_lock_first
from store.models import Beneficiary, CareRecord, CareStep, Prescreening

# Audit actions (the person's page view itself is app.people.VIEWED).
TAKEN_IN_CHARGE = "taken_in_charge"
INTAKE_CHANGED = "care-intake-changed"
STEP_ADDED = "care-step-added"
STEP_CHANGED = "care-step-changed"
EXIT_RECORDED = "care-exit-recorded"
SPECIAL_VIEWED = "web-care-special-viewed"
FORM_VIEWED = "web-care-form-viewed"


class CareNotOpen(LookupError):
    """The person has no open care record (never taken in charge, or exited)."""


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
            person = await profile_of(session, telegram_id)
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
            await write_lock_first(session)
            person = await profile_of(session, telegram_id)
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
            person, record = await self._open_for_change(session, telegram_id)
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
            _, record = await self._open_for_change(session, telegram_id)
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
            _, record = await self._open_for_change(session, telegram_id)
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
            person, record = await self._open_for_change(session, telegram_id)
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

    async def _open_for_change(
        self, session: AsyncSession, telegram_id: int
    ) -> tuple[Beneficiary, CareRecord]:
        """The person and their open record, locked until the commit: two coordinators
        saving at once take turns, so the second sees what the first saved (after an exit,
        no open record: CareNotOpen) and nothing is counted or logged twice."""
        await write_lock_first(session)
        person = await profile_of(session, telegram_id)
        record = await care.open_record(session, person.id, for_update=True)
        if record is None:
            raise CareNotOpen(telegram_id)
        return person, record

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
