"""The agenda as the office keeps it: availability, the week, bookings made for someone,
withdrawals and attendance. The one implementation behind the command line (cli/agenda.py),
the web console (web/agenda_pages.py) and the operators' group (bot/operators/agenda.py).

Times are typed and shown in the office's zone (Europe/Rome) and stored in UTC;
`dialogs.slots` turns wall times into instants, so a weekly block keeps its wall-clock time
across DST, and Italian public holidays are skipped (store/slot_admin.py).

Bad input changes nothing: building availability either gives the slots or raises
`Invalid` with one `FieldProblem` per field. Two slots of the same operator may not
overlap. The check is per operator, not per place: one person cannot hold two interviews at
once, while a place with two desks can hold two operators' interviews at the same time.

Telling people goes through the `AgendaNotices` port (app/ports.py), which the Telegram
adapter implements: a booking, move or cancellation made by the office reaches the person
with its calendar file, a withdrawn slot with an apology and a new offer, a no-show with a
kind word. Without it (`notices=None`, no bot running) nobody is told, and every result
says so, so the page or the command can ask the operator to call the person.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app import planning
from app.ports import AgendaNotices
from dialogs.agenda import AgendaConfig
from dialogs.office_changes import OfficeChange
from dialogs.slots import AppointmentType, Availability, NonexistentLocalTime
from dialogs.slots import Slot as NewSlot
from dialogs.slots import one_off as one_off_slot
from store import agenda_admin, appointments, privacy, slot_admin
from store.agenda_admin import AppointmentRow, NotMarkable
from store.models import BOOKED, Slot
from store.slot_admin import Added, SlotRow

log = logging.getLogger(__name__)

# The longest slot anyone may open, and the most weeks one rule may cover: a typo (900
# minutes, year 2062) must be caught, not fill the agenda.
MAX_MINUTES = 8 * 60
MAX_RULE_DAYS = 366
MAX_OPERATOR = 64
# The advisory-lock namespace of the agenda's per-operator locks (PostgreSQL).
AGENDA_LOCK_SPACE = 7301
# Why the office cancelled a booking (the person's own reasons are ill, other, ...).
OFFICE_REASON = "office"

# Audit actions of the agenda.
BOOKING_VIEWED = "web-agenda-booking-viewed"
TODAY_VIEWED = "web-agenda-today-viewed"
BOOKED_FOR = "agenda-booked-for"
MOVED_FOR = "agenda-moved-for"
CANCELLED_FOR = "agenda-cancelled-for"

# What happened to the person after a change: told by the bot, could not be reached
# (blocked it), or not told because no bot runs here.
Told = Literal["told", "unreachable", "not_told"]


@dataclass(frozen=True)
class FieldProblem:
    """A field and what is wrong with it (`code`), with values for the message."""

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)


class Invalid(ValueError):
    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = tuple(problems)


class AgendaRefused(Exception):
    """The action cannot happen: `code` says why (gone, taken, no_person, has_booking,
    not_booked, future, already, cancelled), `detail` names who or what when useful."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


# ------------------------------------------------------------------ what is asked


@dataclass(frozen=True)
class OneOff:
    """One slot, as typed: a local day and time."""

    place: str
    kind: str
    operator: str
    day: date | None
    start: time | None
    minutes: int | None = None  # None: the kind's length from config/appointments.yaml


@dataclass(frozen=True)
class Weekly:
    """A block every chosen weekday from `first` to `last` (both included), slots of
    `minutes` starting every `every` minutes (back to back when None)."""

    place: str
    kind: str
    operator: str
    weekdays: frozenset[int]
    start: time | None
    end: time | None
    first: date | None
    last: date | None
    minutes: int | None = None
    every: int | None = None


@dataclass(frozen=True)
class WeekSlot:
    """A slot of the week view. No name: who booked it is shown (and audited) on request."""

    id: int
    kind: str
    starts_at: datetime
    ends_at: datetime
    place_id: str
    operator: str
    state: Literal["free", "booked", "attended", "no_show", "withdrawn", "past"]
    appointment_id: int | None


@dataclass(frozen=True)
class Day:
    day: date
    slots: tuple[WeekSlot, ...]


@dataclass(frozen=True)
class Week:
    monday: date
    days: tuple[Day, ...]

    @property
    def count(self) -> int:
        return sum(len(d.slots) for d in self.days)


@dataclass(frozen=True)
class SlotView:
    """One slot with its booking and the person's name: opening it is audited."""

    slot: WeekSlot
    booking: AppointmentRow | None


@dataclass(frozen=True)
class Withdrawn:
    slot_id: int
    already: bool
    cancelled: AppointmentRow | None
    told: Told | None  # None: nobody was booked


@dataclass(frozen=True)
class Changed:
    """A booking made, moved or cancelled for someone."""

    appointment: AppointmentRow
    group_told: bool
    told: Told = "not_told"  # the person


@dataclass(frozen=True)
class Marked:
    row: AppointmentRow
    told: Told | None  # None: attended, nobody is messaged


# ------------------------------------------------------------------ building slots


def _minutes(config: AgendaConfig, kind: str, minutes: int | None) -> int:
    return minutes if minutes is not None else config.kinds[kind].minutes


def _common(
    config: AgendaConfig, place: str, kind: str, operator: str, minutes: int | None
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if place not in config.venues:
        problems.append(FieldProblem("place", "unknown_place", {"place": place}))
    if kind not in config.kinds or kind not in {t.value for t in AppointmentType}:
        problems.append(FieldProblem("kind", "unknown_kind", {"kind": kind}))
    if not operator.strip():
        problems.append(FieldProblem("operator", "operator_empty"))
    elif len(operator) > MAX_OPERATOR:
        problems.append(FieldProblem("operator", "operator_long", {"max": MAX_OPERATOR}))
    if minutes is not None and not 5 <= minutes <= MAX_MINUTES:
        problems.append(FieldProblem("minutes", "minutes_range", {"max": MAX_MINUTES}))
    return problems


def one_off_slots(wanted: OneOff, config: AgendaConfig, zone: str, now: datetime) -> list[NewSlot]:
    """The one slot a one-off asks for, or Invalid."""
    problems = _common(config, wanted.place, wanted.kind, wanted.operator, wanted.minutes)
    if wanted.day is None:
        problems.append(FieldProblem("day", "day_missing"))
    if wanted.start is None:
        problems.append(FieldProblem("start", "time_missing"))
    if problems or wanted.day is None or wanted.start is None:
        raise Invalid(problems)
    try:
        slot = one_off_slot(
            datetime.combine(wanted.day, wanted.start),
            timedelta(minutes=_minutes(config, wanted.kind, wanted.minutes)),
            zone,
            AppointmentType(wanted.kind),
            wanted.place,
            wanted.operator.strip(),
        )
    except NonexistentLocalTime:
        raise Invalid([FieldProblem("start", "time_skipped")]) from None
    if slot.start <= now:
        raise Invalid([FieldProblem("day", "in_the_past")])
    return [slot]


def weekly_slots(wanted: Weekly, config: AgendaConfig, zone: str, now: datetime) -> list[NewSlot]:
    """Every slot of a weekly rule, holidays skipped, or Invalid (a rule that gives no slot
    at all is a mistake, not an empty success)."""
    problems = _common(config, wanted.place, wanted.kind, wanted.operator, wanted.minutes)
    today = now.astimezone(ZoneInfo(zone)).date()
    if not wanted.weekdays or not wanted.weekdays <= set(range(7)):
        problems.append(FieldProblem("weekdays", "weekdays_empty"))
    if wanted.start is None:
        problems.append(FieldProblem("start", "time_missing"))
    if wanted.end is None:
        problems.append(FieldProblem("end", "time_missing"))
    elif wanted.start is not None and wanted.end <= wanted.start:
        problems.append(FieldProblem("end", "end_before_start"))
    if wanted.first is None:
        problems.append(FieldProblem("first", "day_missing"))
    elif wanted.first < today:
        problems.append(FieldProblem("first", "in_the_past"))
    if wanted.last is None:
        problems.append(FieldProblem("last", "day_missing"))
    elif wanted.first is not None and wanted.last < wanted.first:
        problems.append(FieldProblem("last", "last_before_first"))
    elif wanted.first is not None and (wanted.last - wanted.first).days > MAX_RULE_DAYS:
        problems.append(FieldProblem("last", "too_long", {"days": MAX_RULE_DAYS}))
    if wanted.every is not None and not 5 <= wanted.every <= MAX_MINUTES:
        problems.append(FieldProblem("every", "minutes_range", {"max": MAX_MINUTES}))
    if problems:
        raise Invalid(problems)
    assert wanted.start and wanted.end and wanted.first and wanted.last
    length = _minutes(config, wanted.kind, wanted.minutes)
    weeks = (wanted.last - wanted.first).days // 7 + 1
    slots: list[NewSlot] = []
    for weekday in sorted(wanted.weekdays):
        availability = Availability(
            weekday=weekday,
            start=wanted.start,
            end=wanted.end,
            step_minutes=wanted.every or length,
            first_date=wanted.first,
            weeks=weeks,
            type=AppointmentType(wanted.kind),
            place_id=wanted.place,
            operator=wanted.operator.strip(),
            duration_minutes=length,
        )
        slots += slot_admin.recurring(availability, zone)
    last_instant = datetime.combine(wanted.last + timedelta(days=1), time(), ZoneInfo(zone))
    slots = sorted(s for s in slots if now < s.start < last_instant)
    if not slots:
        raise Invalid([FieldProblem("weekdays", "rule_empty")])
    return slots


def overlaps(slots: Sequence[NewSlot]) -> list[tuple[NewSlot, NewSlot]]:
    """Pairs of the same operator's slots that overlap, among these (in order). A slot and
    its exact twin (same operator and start) are the same slot, not an overlap."""
    found: list[tuple[NewSlot, NewSlot]] = []
    by_operator: dict[str, list[NewSlot]] = {}
    for slot in sorted(slots):
        by_operator.setdefault(slot.operator.casefold(), []).append(slot)
    for mine in by_operator.values():
        latest: NewSlot | None = None
        for slot in mine:
            if latest is not None and slot.start < latest.end and slot.start != latest.start:
                found.append((latest, slot))
            if latest is None or slot.end > latest.end:
                latest = slot
    return found


# ------------------------------------------------------------------ the service


AfterChange = Callable[[Sequence[int]], Awaitable[None]]


class AgendaService:
    """One unit of work per call. `actor` is what the audit log names ("web:<account id>",
    "cli:Giulia", a Telegram user id); `by` the name shown to colleagues ("Giulia")."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        config: AgendaConfig,
        timezone: str,
        clock: Callable[[], datetime],
        notices: AgendaNotices | None = None,
        *,
        reminders_changed: AfterChange | None = None,
    ) -> None:
        self._sessions = sessions
        self.config = config
        self.zone = ZoneInfo(timezone)
        self._clock = clock
        self.notices = notices
        # The running bot adopts reminder rows planned elsewhere within a minute; in its own
        # process it is told at once.
        self._reminders_changed = reminders_changed

    @property
    def tells_people(self) -> bool:
        return self.notices is not None

    def today(self) -> date:
        return self._clock().astimezone(self.zone).date()

    # -------------------------------------------------------------- availability

    async def add(self, wanted: OneOff | Weekly) -> Added:
        """Builds, checks and stores availability typed in a form. Raises Invalid."""
        now = self._clock()
        key = self.zone.key
        if isinstance(wanted, OneOff):
            slots = one_off_slots(wanted, self.config, key, now)
        else:
            slots = weekly_slots(wanted, self.config, key, now)
        return await self.add_slots(slots)

    async def add_slots(self, slots: Sequence[NewSlot], *, allow_past: bool = False) -> Added:
        """Stores slots built elsewhere (an import file), after the same checks: a known
        place and kind, no overlap with the operator's other slots. `allow_past` is for
        files that record what already happened (or are imported again weeks later)."""
        now = self._clock()
        problems: list[FieldProblem] = []
        for slot in slots:
            if slot.place_id not in self.config.venues:
                problems.append(FieldProblem("place", "unknown_place", {"place": slot.place_id}))
                break
        if not allow_past and any(s.start <= now for s in slots):
            problems.append(FieldProblem("day", "in_the_past"))
        if problems:
            raise Invalid(problems)
        async with self._sessions.begin() as session:
            await _serialise_operators(session, {s.operator for s in slots})
            clash = await self._clash(session, slots)
            if clash is not None:
                raise Invalid([clash])
            added = await slot_admin.add_slots(session, slots, now)
        log.info("agenda: slots added created=%d skipped=%d", added.created, added.skipped)
        return added

    async def _clash(self, session: AsyncSession, slots: Sequence[NewSlot]) -> FieldProblem | None:
        if not slots:
            return None
        inside = overlaps(slots)
        if inside:
            return self._overlap_problem(inside[0][1], inside[0][0].start)
        operators = {s.operator for s in slots}
        first, last = min(s.start for s in slots), max(s.end for s in slots)
        existing = (
            await session.execute(
                select(Slot).where(
                    Slot.operator.in_(operators),
                    Slot.withdrawn_at.is_(None),
                    Slot.starts_at < last,
                    Slot.ends_at > first,
                )
            )
        ).scalars()
        taken: dict[str, list[Slot]] = {}
        for row in existing:
            taken.setdefault(row.operator, []).append(row)
        for slot in slots:
            for row in taken.get(slot.operator, ()):
                start = _aware(row.starts_at)
                if start == slot.start:
                    continue  # already there: skipped, as an import run twice
                if start < slot.end and _aware(row.ends_at) > slot.start:
                    return self._overlap_problem(slot, start)
        return None

    def _overlap_problem(self, slot: NewSlot, other_start: datetime) -> FieldProblem:
        return FieldProblem(
            "start",
            "overlap",
            {
                "operator": slot.operator,
                "when": slot.start.astimezone(self.zone).strftime("%d/%m/%Y %H:%M"),
                "other": other_start.astimezone(self.zone).strftime("%H:%M"),
            },
        )

    # -------------------------------------------------------------- reading

    async def week(
        self, monday: date, *, place: str | None = None, kind: str | None = None
    ) -> Week:
        """Monday to Sunday of the week holding `monday`, withdrawn slots included."""
        monday -= timedelta(days=monday.weekday())
        after = datetime.combine(monday, time(), self.zone)
        before = datetime.combine(monday + timedelta(days=7), time(), self.zone)
        async with self._sessions() as session:
            rows = await slot_admin.list_slots(
                session, after=after, before=before, place=place, include_withdrawn=True
            )
        now = self._clock()
        days: dict[date, list[WeekSlot]] = {monday + timedelta(days=n): [] for n in range(7)}
        for row in rows:
            if kind is not None and row.type != kind:
                continue
            local = _aware(row.starts_at).astimezone(self.zone).date()
            days.setdefault(local, []).append(self._week_slot(row, now))
        return Week(monday, tuple(Day(d, tuple(s)) for d, s in sorted(days.items())))

    def _week_slot(self, row: SlotRow, now: datetime) -> WeekSlot:
        state: Literal["free", "booked", "attended", "no_show", "withdrawn", "past"]
        if row.withdrawn:
            state = "withdrawn"
        elif row.appointment_id is not None:
            state = (
                "booked"
                if row.status == BOOKED
                else ("attended" if row.status == appointments.ATTENDED else "no_show")
            )
        elif _aware(row.starts_at) <= now:
            state = "past"
        else:
            state = "free"
        return WeekSlot(
            row.id, row.type, _aware(row.starts_at), _aware(row.ends_at), row.place_id,
            row.operator, state, row.appointment_id,
        )  # fmt: skip

    async def slot(self, slot_id: int, actor: str) -> SlotView:
        """A slot and, if booked, who holds it; looking at a booked name is audited."""
        now = self._clock()
        async with self._sessions.begin() as session:
            slot = await session.get(Slot, slot_id)
            if slot is None:
                raise AgendaRefused("gone")
            start = _aware(slot.starts_at)
            [row] = [
                r
                for r in await slot_admin.list_slots(
                    session,
                    after=start,
                    before=start + timedelta(seconds=1),
                    operator=slot.operator,
                    include_withdrawn=True,
                )
                if r.id == slot_id
            ]
            booking = None
            if row.appointment_id is not None:
                booking = await agenda_admin.appointment(session, row.appointment_id)
                if booking is not None:
                    booking = _aware_row(booking)
                    await privacy.audit(session, booking.telegram_id, BOOKING_VIEWED, actor, now)
        return SlotView(self._week_slot(row, now), booking)

    async def free_slots(self, kind: str, *, days: int = 42) -> list[WeekSlot]:
        """Free slots of a kind from now on, to move a booking into."""
        now = self._clock()
        async with self._sessions() as session:
            found = await appointments.free_slots(
                session, types=[kind], after=now, before=now + timedelta(days=days)
            )
        return [
            WeekSlot(
                s.id,
                s.type,
                _aware(s.starts_at),
                _aware(s.ends_at),
                s.place_id,
                s.operator,
                "free",
                None,
            )
            for s in found
        ]

    async def appointment(self, appointment_id: int) -> AppointmentRow:
        async with self._sessions() as session:
            row = await agenda_admin.appointment(session, appointment_id)
        if row is None:
            raise AgendaRefused("gone")
        return _aware_row(row)

    async def day_list(self, day: date, actor: str) -> dict[str, list[AppointmentRow]]:
        """The day's appointments per place (booked or marked), earliest first. Each person
        shown is audited: the list names them."""
        after = datetime.combine(day, time(), self.zone)
        before = after + timedelta(days=1)
        now = self._clock()
        by_place: dict[str, list[AppointmentRow]] = {}
        async with self._sessions.begin() as session:
            rows = await agenda_admin.between(session, after, before)
            for row in rows:
                by_place.setdefault(row.place_id, []).append(_aware_row(row))
                await privacy.audit(session, row.telegram_id, TODAY_VIEWED, actor, now)
        return by_place

    # -------------------------------------------------------------- changes

    async def withdraw(self, slot_id: int, by: str) -> Withdrawn:
        """Takes the slot off the agenda. A booking on it is cancelled, its reminders
        dropped; the group hears it and the person gets an apology and a new offer."""
        try:
            async with self._sessions.begin() as session:
                done = await slot_admin.withdraw(session, slot_id, self._clock())
        except slot_admin.SlotNotFound:
            raise AgendaRefused("gone") from None
        if done.cancelled_appointment_id is None:
            log.info("agenda: slot withdrawn")
            return Withdrawn(slot_id, done.already_withdrawn, None, None)
        async with self._sessions() as session:
            row = await agenda_admin.appointment(session, done.cancelled_appointment_id)
        assert row is not None
        row = _aware_row(row)
        await self._tell_group("cancelled", row.id)
        told: Told = "not_told"
        if self.notices is not None:
            reached = await self.notices.tell_withdrawn(row, self.config)
            told = "told" if reached else "unreachable"
        log.info("agenda: booked slot withdrawn told=%s", told)
        return Withdrawn(slot_id, False, row, told)

    async def book(self, slot_id: int, telegram_id: int, by: str, actor: str) -> Changed:
        """Books a free slot for the person, as a phone call to the office asks, with the
        reminders the bot's own bookings get (app/planning.py). One live booking per kind,
        as in the chat: a second one is a move."""
        now = self._clock()
        try:
            async with self._sessions.begin() as session:
                slot = await session.get(Slot, slot_id)
                if slot is None:
                    raise AgendaRefused("gone")
                mine = await appointments.upcoming(session, telegram_id, now)
                if any(s.id == slot_id for _, s in mine):
                    raise AgendaRefused("taken")  # by this very person: not free either
                same = [a for a, s in mine if s.type == slot.type]
                if same:
                    raise AgendaRefused("has_booking", str(same[0].id))
                made, booked = await appointments.book(
                    session, telegram_id, slot_id, now, booked_by=f"operator:{by}"[:64]
                )
                await planning.plan(
                    session, made.id, telegram_id, _aware(booked.starts_at),
                    self.config.reminders, now, self.zone.key,
                )  # fmt: skip
                await privacy.count(session, "appointment_booked", now)
                await privacy.count(session, f"appointment_booked_{slot.type}", now)
                await privacy.audit(session, telegram_id, BOOKED_FOR, actor[:64], now)
                appointment_id = made.id
        except appointments.AppointmentNotFound:
            raise AgendaRefused("no_person") from None
        except appointments.SlotTaken:
            raise AgendaRefused("taken") from None
        return await self._changed("booked", appointment_id)

    async def move(self, appointment_id: int, slot_id: int, actor: str) -> Changed:
        """Moves a live booking: the old slot stays the person's until the new one is
        taken (store/appointments.reschedule); the reminders follow the new time."""
        now = self._clock()
        current = await self.appointment(appointment_id)
        if current.status != BOOKED:
            raise AgendaRefused("not_booked")
        try:
            async with self._sessions.begin() as session:
                moved, _old, new = await appointments.reschedule(
                    session, current.telegram_id, appointment_id, slot_id, now
                )
                await planning.plan(
                    session, moved.id, current.telegram_id, _aware(new.starts_at),
                    self.config.reminders, now, self.zone.key,
                )  # fmt: skip
                await privacy.count(session, "appointment_moved", now)
                await privacy.audit(session, current.telegram_id, MOVED_FOR, actor[:64], now)
        except appointments.AppointmentNotFound:
            raise AgendaRefused("not_booked") from None
        except appointments.SlotTaken:
            raise AgendaRefused("taken") from None
        return await self._changed("moved", appointment_id)

    async def cancel(self, appointment_id: int, actor: str) -> Changed:
        """Cancels a live booking for the person; its slot is free again at once."""
        now = self._clock()
        current = await self.appointment(appointment_id)
        try:
            async with self._sessions.begin() as session:
                await appointments.cancel(
                    session, current.telegram_id, appointment_id, OFFICE_REASON, now
                )
                await planning.cancel(session, appointment_id)
                await privacy.count(session, f"appointment_cancelled_{OFFICE_REASON}", now)
                await privacy.audit(session, current.telegram_id, CANCELLED_FOR, actor[:64], now)
        except appointments.AppointmentNotFound:
            raise AgendaRefused("not_booked") from None
        return await self._changed("cancelled", appointment_id)

    async def mark(self, appointment_id: int, attended: bool, by: str, actor: str) -> Marked:
        """Presente / Assente: see `mark_attendance`."""
        return await mark_attendance(
            self._sessions, self.notices, appointment_id, attended, by, actor, self._clock()
        )

    async def _changed(self, kind: OfficeChange, appointment_id: int) -> Changed:
        if self._reminders_changed is not None:
            await self._reminders_changed([appointment_id])
        row = await self.appointment(appointment_id)
        group_told = await self._tell_group(kind, appointment_id)
        told: Told = "not_told"
        if self.notices is not None:
            reached = await self.notices.tell_changed(kind, row, self.config)
            told = "told" if reached else "unreachable"
        log.info("agenda: booking %s for someone told=%s", kind, told)
        return Changed(row, group_told, told)

    async def _tell_group(self, kind: str, appointment_id: int) -> bool:
        if self.notices is None:
            return False
        return await self.notices.notify(kind, appointment_id)


async def mark_attendance(
    sessions: async_sessionmaker[AsyncSession],
    notices: AgendaNotices | None,
    appointment_id: int,
    attended: bool,
    by: str,
    actor: str,
    now: datetime,
) -> Marked:
    """Records whether the person came, once: the browser's buttons, the group's and the
    command line all come here. The mark is a conditional UPDATE, so of two operators
    marking at once only one succeeds (the other gets AgendaRefused("already")), and the
    kind no-show message goes out only after the one successful mark: once."""
    try:
        async with sessions.begin() as session:
            row = await agenda_admin.mark_attendance(
                session, appointment_id, attended, f"operator:{by}", actor, now
            )
            # In the mark's own transaction: a refused mark (already, future) raises above
            # and counts nothing, so each appointment is counted once.
            outcome = "attended" if row.status == appointments.ATTENDED else "no_show"
            await privacy.count(session, f"appointment_{outcome}_{row.kind}", now)
    except NotMarkable as refused:
        raise AgendaRefused(refused.reason, refused.marked_by) from None
    log.info("attendance marked status=%s", row.status)
    row = _aware_row(row)
    if row.status != appointments.NO_SHOW:
        return Marked(row, None)
    if notices is None:
        return Marked(row, "not_told")
    return Marked(row, "told" if await notices.tell_no_show(row) else "unreachable")


async def _serialise_operators(session: AsyncSession, operators: Iterable[str]) -> None:
    """Makes the overlap check and the insert one step for these operators, across
    processes (the console, the command line, the bot).

    Two coordinators adding overlapping blocks at once would otherwise both read "no clash"
    and both insert: the (operator, start) unique constraint only stops twins, not
    overlaps. A database constraint on overlapping ranges would need PostgreSQL's btree_gist
    exclusion constraints and has no SQLite equivalent, so the check stays in code and is
    serialised instead:
    - PostgreSQL: a transaction-scoped advisory lock per operator (no lock rows to create,
      and it covers an operator who has no slots yet, where SELECT ... FOR UPDATE would lock
      nothing). Taken in sorted order, so two multi-operator imports cannot deadlock.
    - SQLite: a write that changes nothing, as the transaction's first statement: it takes
      the file's one write lock (waiting up to busy_timeout) before the check reads, so the
      check sees every slot committed before it and nobody can insert until it commits.
    """
    if session.get_bind().dialect.name == "postgresql":
        for key in sorted({o.strip().casefold() for o in operators}):
            await session.execute(
                text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
                {"space": AGENDA_LOCK_SPACE, "key": key},
            )
    else:
        await session.execute(text("UPDATE slots SET operator = operator WHERE 0 = 1"))


def parse_weekdays(values: Iterable[str]) -> frozenset[int]:
    return frozenset(int(v) for v in values if v.isdigit() and int(v) < 7)


def _aware_row(row: AppointmentRow) -> AppointmentRow:
    return dataclasses.replace(row, starts_at=_aware(row.starts_at), ends_at=_aware(row.ends_at))


def _aware(instant: datetime) -> datetime:
    """SQLite gives naive datetimes back; they are UTC."""
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)
