"""Participant records read from the care records (migration 0015): one per care record,
so a person taken in charge twice is two participations, as the funder counts them.

What the care records do not hold yet is left at its neutral value and said here, so the
indicators that read it count 0 rather than guess:
- tutoring hours: the length of the tutoring appointments attended within the record (the
  agenda's kind "tutoring"); only when none was held in the agenda (tutoring done at the
  workplace, say), estimated from the tutoring steps' weekly hours times the whole weeks
  between their start and their end (or `as_of`);
- internship hours: estimated the same way from the internship steps not cancelled;
- course hours attended: the length of each lesson marked present (migration 0017) that
  started within the record, from the day taken in charge to the exit day;
- the six-month follow-up (migration 0018, app/followup.py): the status and its day as
  recorded by an operator or answered in the chat; None until then (not counted).
Appointments attended are counted by kind (the slot's type) up to the exit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.reporting.records import CHOICES, ParticipantRecord
from store import attendance
from store.models import Appointment, CareRecord, CareStep, Slot

INTERNSHIP = "internship"
RECORD_COLUMNS = (
    CareRecord.id, CareRecord.beneficiary_id, CareRecord.taken_in_charge_on, CareRecord.gender,
    CareRecord.education, CareRecord.employment_at_entry, CareRecord.birth_year,
    CareRecord.comune_istat, CareRecord.disability, CareRecord.third_country_national,
    CareRecord.foreign_background, CareRecord.minority, CareRecord.homeless_or_housing_exclusion,
    CareRecord.exit_on, CareRecord.exit_outcome, CareRecord.followup_status,
    CareRecord.followup_on,
)  # fmt: skip
STEP_COLUMNS = (
    CareStep.record_id, CareStep.kind, CareStep.starts_on, CareStep.ends_on, CareStep.weekly_hours,
)  # fmt: skip
TUTORING = "tutoring"


class CareRecordSource:
    """The ParticipantSource over the care tables; `as_of` ends the steps still running."""

    def __init__(self, as_of: date | None = None) -> None:
        self._as_of = as_of

    async def participants(self, session: AsyncSession) -> Sequence[ParticipantRecord]:
        as_of = self._as_of or datetime.now(UTC).date()
        # Plain rows, not ORM objects: a three-year export reads every record, and building
        # 10,000 tracked objects cost more than counting them.
        records = (await session.execute(select(*RECORD_COLUMNS).order_by(CareRecord.id))).all()
        steps: dict[int, list[Any]] = defaultdict(list)
        query_steps = select(*STEP_COLUMNS).where(CareStep.status != "cancelled")
        for step in await session.execute(query_steps):
            steps[step.record_id].append(step)
        attended: dict[int, list[tuple[datetime, str, float]]] = defaultdict(list)
        query = (
            select(Appointment.beneficiary_id, Slot.starts_at, Slot.type, Slot.ends_at)
            .join(Slot, Slot.id == Appointment.slot_id)
            .where(Appointment.status == "attended")
        )
        for beneficiary_id, starts_at, kind, ends_at in await session.execute(query):
            hours = (ends_at - starts_at).total_seconds() / 3600
            attended[beneficiary_id].append((starts_at, kind, hours))
        lessons = await attendance.attended(session)
        return [
            _record(r, steps[r.id], attended[r.beneficiary_id], lessons[r.beneficiary_id], as_of)
            for r in records
        ]


def _record(
    row: Any,
    steps: list[Any],
    attended: list[tuple[datetime, str, float]],
    lessons: list[tuple[datetime, float]],
    as_of: date,
) -> ParticipantRecord:
    until = datetime.combine(row.exit_on, time.max, UTC) if row.exit_on else None
    kinds = Counter(kind for at, kind, _ in attended if until is None or at <= until)
    # Whole days in UTC, as the exit is read for the appointments above (lessons are in
    # office hours, far from midnight, so the zone does not move one across a day).
    since = datetime.combine(row.taken_in_charge_on, time.min, UTC)
    tutoring_held = sum(
        hours
        for at, kind, hours in attended
        if kind == TUTORING and at >= since and (until is None or at <= until)
    )
    course_hours = sum(
        hours for at, hours in lessons if at >= since and (until is None or at <= until)
    )
    internships = sorted(
        (s for s in steps if s.kind == INTERNSHIP and s.starts_on),
        key=lambda s: s.starts_on or date.min,
    )
    return ParticipantRecord(
        key=row.id,
        gender=cast(Any, _choice("gender", row.gender)),
        education=cast(Any, _choice("education", row.education)),
        employment_at_entry=cast(Any, _choice("employment_at_entry", row.employment_at_entry)),
        taken_in_charge_on=row.taken_in_charge_on,
        birth_year=row.birth_year,
        comune_istat=row.comune_istat,
        disability=cast(Any, _optional("disability", row.disability)),
        third_country_national=cast(
            Any, _optional("third_country_national", row.third_country_national)
        ),
        foreign_background=cast(Any, _optional("foreign_background", row.foreign_background)),
        minority=cast(Any, _optional("minority", row.minority)),
        homeless_or_housing_exclusion=cast(
            Any, _optional("homeless_or_housing_exclusion", row.homeless_or_housing_exclusion)
        ),
        appointments_attended=dict(kinds),
        tutoring_hours=tutoring_held or sum(_hours(s, as_of) for s in steps if s.kind == TUTORING),
        course_hours_attended=course_hours,
        internship_start=internships[0].starts_on if internships else None,
        internship_end=internships[-1].ends_on if internships else None,
        internship_hours=sum(_hours(s, as_of) for s in internships),
        exit_on=row.exit_on,
        exit_outcome=cast(Any, _optional("exit_outcome", row.exit_outcome)),
        followup_status=cast(Any, _optional("followup_status", row.followup_status)),
        followup_on=row.followup_on,
    )


def _choice(name: str, value: str | None) -> str:
    """A value outside the funder's list (an old or hand-edited row) counts as not stated."""
    return value if value in CHOICES[name] else "not_stated"


def _optional(name: str, value: str | None) -> str | None:
    return value if value in CHOICES[name] else None


def _hours(step: Any, as_of: date) -> float:
    if not step.starts_on or not step.weekly_hours:
        return 0.0
    end = min(step.ends_on or as_of, as_of)
    weeks: int = max(0, (end - step.starts_on).days // 7)
    return float(step.weekly_hours) * weeks
