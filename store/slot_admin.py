"""Slot administration for operators: one-off and recurring slots, YAML imports, listing,
and withdrawing a slot.

Times are entered as Europe/Rome wall times and stored in UTC; `dialogs.slots` does the
conversion (DST-correct) and the recurrence, and Italian public holidays are skipped.
Creating is idempotent: a slot is identified by its operator and start (a unique
constraint), so importing the same file twice creates nothing new, even when two imports
run at once. Like every repository here, nothing commits: the caller's unit of work does.

The import file (see config/demo_slots.yaml)::

    recurring:
      - operator: "Giulia (EXAMPLE)"
        place: crema
        type: orientation
        weekday: tuesday          # or 0-6 (Monday = 0), or "mar"
        from: "09:00"
        to: "12:00"
        every: 45                 # minutes between starts
        minutes: 45               # optional: length (the type's default otherwise)
        first_date: next-monday   # a date, "today" or "next-monday", optionally "+1w" / "+3d"
        weeks: 8
    one_off:
      - operator: "Marco (EXAMPLE)"
        place: rivolta
        type: orientation
        at: "2026-12-03 09:45"    # or relative: "next-monday + 5d 10:00"
        minutes: 45               # optional
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import holidays
from sqlalchemy import and_, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.slots import AppointmentType, Availability, generate_slots, one_off
from dialogs.slots import Slot as NewSlot
from store.models import BOOKED, Appointment, Beneficiary, Reminder, Slot

WITHDRAWN = "withdrawn"  # the cancel_reason of a booking whose slot an operator withdrew
WEEKDAYS = {
    **{name: n for n, name in enumerate(("monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"))},
    **{name: n for n, name in enumerate(("lunedi", "martedi", "mercoledi", "giovedi",
                                           "venerdi", "sabato", "domenica"))},
    **{name: n for n, name in enumerate(("lun", "mar", "mer", "gio", "ven", "sab", "dom"))},
    **{name: n for n, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
}  # fmt: skip
_RELATIVE = re.compile(r"^(today|next-monday)\s*(?:\+\s*(\d{1,3})\s*([dw]))?$")


class SlotFileError(ValueError):
    """The import file (or a command-line value) does not say what it should; the message
    names the entry, so an operator can fix the file."""


# ------------------------------------------------------------------ building slots


def italian_holidays(years: Iterable[int]) -> frozenset[date]:
    """National public holidays; local patron days are not included (add one-offs' gaps
    by hand, or withdraw those slots)."""
    return frozenset(holidays.country_holidays("IT", years=sorted(set(years))))


def recurring(availability: Availability, zone: str) -> list[NewSlot]:
    """The slots of a recurring block, holidays skipped, DST-correct."""
    years = {day.year for day in availability.dates()}
    return generate_slots(availability, zone, italian_holidays(years))


def relative_date(value: object, today: date) -> date:
    """A date from the file: ISO ("2026-12-01"), "today", "next-monday" (the first Monday
    after today, never today itself), with an optional "+Nw"/"+Nd" offset. Relative dates
    keep the demo file in the future whenever it is loaded."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().lower()
    match = _RELATIVE.match(text)
    if match is None:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise SlotFileError(f"not a date: {value!r} (use 2026-12-01 or next-monday)") from None
    base, amount, unit = match.groups()
    day = today if base == "today" else today + timedelta(days=7 - today.weekday())
    if amount:
        day += timedelta(weeks=int(amount)) if unit == "w" else timedelta(days=int(amount))
    return day


def parse_weekday(value: object) -> int:
    if isinstance(value, int) and 0 <= value <= 6:
        return value
    key = str(value).strip().lower().replace("ì", "i")
    if key not in WEEKDAYS:
        raise SlotFileError(f"not a weekday: {value!r} (monday..sunday, lun..dom or 0..6)")
    return WEEKDAYS[key]


def parse_time(value: object) -> time:
    # YAML 1.1 reads an unquoted 09:00 as a number of minutes (540): accept both.
    if isinstance(value, int):
        return time(value // 60, value % 60)
    try:
        return time.fromisoformat(str(value).strip())
    except ValueError:
        raise SlotFileError(f'not a time: {value!r} (use "09:00")') from None


def parse_local_datetime(value: object, today: date | None = None) -> datetime:
    """A local date and time: "2026-12-03 09:45", or with `today` given also a relative
    date and a time, as in "next-monday + 5d 10:00"."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        day, _, hour = text.rpartition(" ")
        if today is None or not day:
            raise SlotFileError(
                f'not a date and time: {value!r} (use "2026-12-03 09:45")'
            ) from None
        return datetime.combine(relative_date(day, today), parse_time(hour))
    if parsed.tzinfo is not None:
        raise SlotFileError(f"{value!r}: give the local time, without a zone")
    return parsed


def parse_type(value: object) -> AppointmentType:
    try:
        return AppointmentType(str(value))
    except ValueError:
        kinds = ", ".join(t.value for t in AppointmentType)
        raise SlotFileError(f"unknown type {value!r} (one of {kinds})") from None


def slots_from_file(
    data: Mapping[str, Any],
    zone: str,
    today: date,
    places: Collection[str] = (),
    minutes: Mapping[str, int] | None = None,
) -> list[NewSlot]:
    """Every slot an import file describes. `places`, when given, are the known place keys
    (config/appointments.yaml): a typo there must fail, not create unreachable slots.
    `minutes` are the agency's default lengths per type, used where an entry gives none."""
    defaults = dict(minutes or {})
    if not isinstance(data, Mapping):
        raise SlotFileError("the file must be a mapping with `recurring` and/or `one_off`")
    unknown = set(data) - {"recurring", "one_off"}
    if unknown:
        raise SlotFileError(f"unknown sections: {', '.join(sorted(unknown))}")
    slots: list[NewSlot] = []
    for n, entry in enumerate(data.get("recurring") or (), 1):
        slots += _entry(
            f"recurring #{n}", entry, places, lambda e: _recurring(e, zone, today, defaults)
        )
    for n, entry in enumerate(data.get("one_off") or (), 1):
        slots += _entry(
            f"one_off #{n}", entry, places, lambda e: [_one_off(e, zone, today, defaults)]
        )
    return slots


def _entry(
    name: str,
    entry: Any,
    places: Collection[str],
    build: Callable[[Mapping[str, Any]], Iterable[NewSlot]],
) -> list[NewSlot]:
    try:
        if not isinstance(entry, Mapping):
            raise SlotFileError("must be a mapping")
        if places and str(entry.get("place")) not in places:
            raise SlotFileError(f"unknown place {entry.get('place')!r}")
        return list(build(entry))
    except (SlotFileError, KeyError, TypeError, ValueError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise SlotFileError(f"{name}: {detail}") from None


def _minutes(entry: Mapping[str, Any], defaults: Mapping[str, int]) -> int | None:
    if entry.get("minutes") is not None:
        return int(entry["minutes"])
    return defaults.get(str(entry["type"]))  # None: the type's built-in default


def _recurring(
    entry: Mapping[str, Any], zone: str, today: date, defaults: Mapping[str, int]
) -> list[NewSlot]:
    availability = Availability(
        weekday=parse_weekday(entry["weekday"]),
        start=parse_time(entry["from"]),
        end=parse_time(entry["to"]),
        step_minutes=int(entry["every"]),
        first_date=relative_date(entry["first_date"], today),
        weeks=int(entry["weeks"]),
        type=parse_type(entry["type"]),
        place_id=str(entry["place"]),
        operator=str(entry["operator"]),
        duration_minutes=_minutes(entry, defaults),
    )
    return recurring(availability, zone)


def _one_off(
    entry: Mapping[str, Any], zone: str, today: date, defaults: Mapping[str, int]
) -> NewSlot:
    minutes = _minutes(entry, defaults)
    return one_off(
        parse_local_datetime(entry["at"], today),
        None if minutes is None else timedelta(minutes=minutes),
        zone,
        parse_type(entry["type"]),
        str(entry["place"]),
        str(entry["operator"]),
    )


# ------------------------------------------------------------------ writing slots


@dataclass(frozen=True)
class Added:
    created: int
    skipped: int  # already there (same operator and start)
    ids: tuple[int, ...]  # of the created ones


async def add_slots(session: AsyncSession, slots: Iterable[NewSlot], now: datetime) -> Added:
    """Inserts the slots that are not there yet. INSERT ... ON CONFLICT DO NOTHING on the
    (operator, start) constraint: race-free, so two imports at once cannot both insert."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    created: list[int] = []
    skipped = 0
    for slot in slots:
        statement = (
            insert(Slot)
            .values(
                type=slot.type.value,
                starts_at=slot.start,
                ends_at=slot.end,
                place_id=slot.place_id,
                operator=slot.operator,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=[Slot.operator, Slot.starts_at])
            .returning(Slot.id)
        )
        new_id = (await session.execute(statement)).scalar_one_or_none()
        if new_id is None:
            skipped += 1
        else:
            created.append(new_id)
    return Added(len(created), skipped, tuple(created))


async def count_slots(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Slot)) or 0)


# ------------------------------------------------------------------ reading slots


@dataclass(frozen=True)
class SlotRow:
    """A slot as the operators' list shows it, with who holds it, if anyone."""

    id: int
    type: str
    starts_at: datetime
    ends_at: datetime
    place_id: str
    operator: str
    withdrawn: bool
    appointment_id: int | None
    status: str | None  # of the appointment: booked, attended, no_show
    telegram_id: int | None
    display_name: str | None

    @property
    def free(self) -> bool:
        return self.appointment_id is None and not self.withdrawn


async def list_slots(
    session: AsyncSession,
    *,
    after: datetime,
    before: datetime,
    place: str | None = None,
    operator: str | None = None,
    include_withdrawn: bool = False,
) -> list[SlotRow]:
    """Slots starting in [after, before), earliest first, each with its live (or marked)
    appointment; cancelled appointments no longer hold a slot and are not shown."""
    holding = and_(Appointment.slot_id == Slot.id, Appointment.status != "cancelled")
    query = (
        select(Slot, Appointment, Beneficiary)
        .outerjoin(Appointment, holding)
        .outerjoin(Beneficiary, Beneficiary.id == Appointment.beneficiary_id)
        .where(Slot.starts_at >= after, Slot.starts_at < before)
        .order_by(Slot.starts_at, Slot.operator, Slot.id, Appointment.id)
    )
    if place is not None:
        query = query.where(Slot.place_id == place)
    if operator is not None:
        query = query.where(Slot.operator == operator)
    if not include_withdrawn:
        query = query.where(Slot.withdrawn_at.is_(None))
    rows: dict[int, SlotRow] = {}
    for slot, appointment, person in (await session.execute(query)).all():
        if slot.id in rows:  # a past slot with an old marked appointment and a newer one
            continue
        rows[slot.id] = SlotRow(
            id=slot.id,
            type=slot.type,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            place_id=slot.place_id,
            operator=slot.operator,
            withdrawn=slot.withdrawn_at is not None,
            appointment_id=appointment.id if appointment else None,
            status=appointment.status if appointment else None,
            telegram_id=person.telegram_id if person else None,
            display_name=person.display_name if person else None,
        )
    return list(rows.values())


# ------------------------------------------------------------------ withdrawing


class SlotNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Withdrawal:
    """What withdrawing did. With a cancelled booking, the person must be told: their
    Telegram id and language are here, and the operators' group can be sent a notice."""

    slot_id: int
    already_withdrawn: bool
    cancelled_appointment_id: int | None = None
    telegram_id: int | None = None
    language: str | None = None
    kind: str | None = None
    starts_at: datetime | None = None
    place_id: str | None = None


async def withdraw(session: AsyncSession, slot_id: int, now: datetime) -> Withdrawal:
    """Takes a slot off the agenda; a live booking on it is cancelled and its pending
    reminders are skipped, so nobody is reminded of an appointment that no longer exists."""
    slot = await session.get(Slot, slot_id)
    if slot is None:
        raise SlotNotFound(slot_id)
    if slot.withdrawn_at is not None:
        return Withdrawal(slot_id, already_withdrawn=True)
    slot.withdrawn_at = now
    row = (
        await session.execute(
            select(Appointment, Beneficiary)
            .join(Beneficiary, Beneficiary.id == Appointment.beneficiary_id)
            .where(Appointment.slot_id == slot_id, Appointment.status == BOOKED)
        )
    ).first()
    if row is None:
        await session.flush()
        return Withdrawal(slot_id, already_withdrawn=False)
    appointment, person = row
    appointment.status = "cancelled"
    appointment.cancel_reason = WITHDRAWN
    appointment.updated_at = now
    appointment.ics_sequence += 1
    await session.execute(
        update(Reminder)
        .where(Reminder.appointment_id == appointment.id, Reminder.status == "pending")
        .values(status="skipped")
    )
    await session.flush()
    return Withdrawal(
        slot_id,
        already_withdrawn=False,
        cancelled_appointment_id=appointment.id,
        telegram_id=person.telegram_id,
        language=person.language,
        kind=slot.type,
        starts_at=slot.starts_at,
        place_id=slot.place_id,
    )
