"""The follow-up six months after the exit (issue 14): what became of the person, for the
funder's six-month results (EECR05, EECR06, CR06-CR09).

Two ways in, one record (the care record's follow-up columns, migration 0018):
- an operator records it on the person's page, any time after the exit: a status and the
  day it refers to, audited and kept in the record's history (`FollowUpService.record`);
- the bot asks, once, only when the person agreed at the exit (`followup_consent`), on
  the day it falls due or the first daytime after it: never in the quiet hours of the
  reminders, never on a Sunday (`may_ask_now`, scheduler/followup.py sends). The answer,
  a button, is recorded by `record_self_answer` with `followup_by = "self"`.

Whatever comes first wins: the bot does not ask when an operator already recorded it, and
an answer in the chat does not overwrite an operator's record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.people import profile_of
from app.reporting.indicators import followup_due
from app.timing import in_quiet_hours
from app.typed_dates import parse_date
from store import care, privacy
from store.conversations import find_beneficiary
from store.followup import SELF, awaiting_answer
from store.models import CareRecord

# The funder's values (app/reporting/records.py FollowUpStatus), in the order shown.
STATUSES: Final[tuple[str, ...]] = (
    "employed",
    "self_employed",
    "better_situation",
    "no_change",
    "unknown",
)
# Audit actions, and the action in the record's history.
FOLLOWUP_RECORDED = "care-followup-recorded"
FOLLOWUP_FORM_VIEWED = "web-care-followup-viewed"
ANSWERED_METRIC = "followup_answered_{status}"
ASKED_METRIC = "followup_asked"
SUNDAY = 6

Problems = dict[str, str]


@dataclass(frozen=True)
class FollowUpConfig:
    """The `followup` section of config/intake.yaml: labels, purpose and legal bases."""

    consent_label: str
    consent_purpose: str
    consent_legal_basis: str
    statuses: Mapping[str, str]  # value -> Italian label
    purpose: str
    legal_basis: str

    @classmethod
    def from_yaml(cls, data: Mapping[str, Any]) -> FollowUpConfig:
        statuses = {str(k): str(v) for k, v in data["statuses"].items()}
        if tuple(statuses) != STATUSES:
            raise ValueError(f"config/intake.yaml followup.statuses must be {list(STATUSES)}")
        return cls(
            consent_label=_plain(data["consent_label"]),
            consent_purpose=_plain(data["consent_purpose"]),
            consent_legal_basis=_plain(data["consent_legal_basis"]),
            statuses=statuses,
            purpose=_plain(data["purpose"]),
            legal_basis=_plain(data["legal_basis"]),
        )


def _plain(value: object) -> str:
    return " ".join(str(value).split())


def due_on(exit_on: date) -> date:
    """Six calendar months after the exit, as the indicators count it."""
    return followup_due(exit_on)


def may_ask_now(
    now: datetime,
    zone: str = "Europe/Rome",
    quiet_start: time = time(21, 0),
    quiet_end: time = time(8, 0),
) -> bool:
    """Daytime on a weekday or Saturday, where the programme is: the reminders' quiet hours
    are night, and nobody is asked about their work on a Sunday."""
    local = now.astimezone(ZoneInfo(zone))
    return local.weekday() != SUNDAY and not in_quiet_hours(local.time(), quiet_start, quiet_end)


@dataclass(frozen=True)
class FollowUpInput:
    status: str
    on: date


def check_followup(
    form: Mapping[str, str], exit_on: date, today: date
) -> tuple[FollowUpInput | None, Problems]:
    """The operator's form: one of the statuses, and a day from the exit to today."""
    problems: Problems = {}
    status = form.get("followup_status", "").strip()
    if status not in STATUSES:
        problems["followup_status"] = "web-followup-error-status"
    raw = form.get("followup_on", "").strip()
    on = _parse_date(raw) if raw else None
    if not raw:
        problems["followup_on"] = "web-care-error-date-missing"
    elif on is None:
        problems["followup_on"] = "web-care-error-date"
    elif on > today:
        problems["followup_on"] = "web-care-error-future"
    elif on < exit_on:
        problems["followup_on"] = "web-followup-error-before-exit"
    if problems or on is None:
        return None, problems
    return FollowUpInput(status, on), {}


def _parse_date(text: str) -> date | None:
    found = parse_date(text)
    return found if found is not None and found.year >= 1900 else None


class RecordNotClosed(LookupError):
    """No such closed record of this person: a follow-up needs an exit first."""


@dataclass(frozen=True)
class FollowUpView:
    record_id: int
    exit_on: date
    exit_outcome: str | None
    consent: bool | None
    due_on: date | None
    asked_at: datetime | None
    status: str | None
    on: date | None
    by: str | None


class FollowUpService:
    """The operator's side. One unit of work per call; `actor` is who the audit names
    ("web:<account id>"), `by` the name kept in the record."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], timezone: str = "Europe/Rome"
    ) -> None:
        self._sessions = sessions
        self._zone = ZoneInfo(timezone)

    def today(self, now: datetime) -> date:
        return now.astimezone(self._zone).date()

    async def view(
        self, telegram_id: int, record_id: int, actor: str, now: datetime
    ) -> FollowUpView:
        """The record's exit and follow-up, for the form; audited as a view of the data."""
        async with self._sessions.begin() as session:
            record = await _closed_record(session, telegram_id, record_id)
            await privacy.audit(session, telegram_id, FOLLOWUP_FORM_VIEWED, actor[:64], now)
            return _view(record)

    async def record(
        self,
        telegram_id: int,
        record_id: int,
        form: Mapping[str, str],
        by: str,
        actor: str,
        now: datetime,
    ) -> Problems:
        """Saves the status and its day (problems beside the fields, nothing saved then).
        A second save changes it, and the history keeps both."""
        async with self._sessions.begin() as session:
            record = await _closed_record(session, telegram_id, record_id)
            assert record.exit_on is not None
            wanted, problems = check_followup(form, record.exit_on, self.today(now))
            if wanted is None:
                return problems
            new = {"followup_status": wanted.status, "followup_on": wanted.on}
            changed = {
                k: [getattr(record, k), v] for k, v in new.items() if getattr(record, k) != v
            }
            if not changed and record.followup_by == by[:64]:
                return {}
            if record.followup_by != by[:64]:
                changed["followup_by"] = [record.followup_by, by[:64]]
            record.followup_status, record.followup_on = wanted.status, wanted.on
            record.followup_by, record.updated_at = by[:64], now
            care.record_change(session, record, FOLLOWUP_RECORDED, by, now, changed)
            await privacy.audit(session, telegram_id, FOLLOWUP_RECORDED, actor[:64], now)
            return {}


async def _closed_record(session: AsyncSession, telegram_id: int, record_id: int) -> CareRecord:
    person = await profile_of(session, telegram_id)
    record: CareRecord | None = await session.scalar(
        select(CareRecord).where(
            CareRecord.id == record_id,
            CareRecord.beneficiary_id == person.id,
            CareRecord.exit_on.is_not(None),
        )
    )
    if record is None:
        raise RecordNotClosed(record_id)
    return record


def _view(record: CareRecord) -> FollowUpView:
    assert record.exit_on is not None
    return FollowUpView(
        record_id=record.id,
        exit_on=record.exit_on,
        exit_outcome=record.exit_outcome,
        consent=record.followup_consent,
        due_on=record.followup_due_on,
        asked_at=record.followup_asked_at,
        status=record.followup_status,
        on=record.followup_on,
        by=record.followup_by,
    )


async def record_self_answer(
    session: AsyncSession, telegram_id: int, status: str, now: datetime, zone: str
) -> bool:
    """The person's answer in the chat, inside the turn's unit of work. False (nothing
    saved) when no question waits for it: already answered, recorded by an operator in
    the meantime, a forged button, or the data erased."""
    if status not in STATUSES:
        return False
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        return False
    record = await awaiting_answer(session, person.id)
    if record is None:
        return False
    today = now.astimezone(ZoneInfo(zone)).date()
    record.followup_status, record.followup_on, record.followup_by = status, today, SELF
    record.updated_at = now
    changed: dict[str, list[Any]] = {
        "followup_status": [None, status],
        "followup_on": [None, today],
        "followup_by": [None, SELF],
    }
    care.record_change(session, record, FOLLOWUP_RECORDED, SELF, now, changed)
    await privacy.audit(session, telegram_id, FOLLOWUP_RECORDED, SELF, now)
    await privacy.count(session, ANSWERED_METRIC.format(status=status), now)
    return True
