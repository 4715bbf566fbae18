"""The agenda as the office keeps it: availability, the week, bookings made for someone,
withdrawals and attendance. The one implementation behind the command line (cli/agenda.py),
the web console (web/agenda_pages.py) and the operators' group (bot/operators/agenda.py).

What was typed is read and checked in app/agenda_form.py, what comes back is described in
app/agenda_views.py; this module does the work, one unit of work per call. Times are stored
in UTC and shown in the office's zone (Europe/Rome).

Telling people goes through the `AgendaNotices` port (app/ports.py), which the Telegram
adapter implements: a booking, move or cancellation made by the office reaches the person
with its calendar file, a withdrawn slot with an apology and a new offer, a no-show with a
kind word. Without it (`notices=None`, no bot running) nobody is told, and every result
says so, so the page or the command can ask the operator to call the person.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app import planning
from app.agenda_form import (
    FieldProblem,
    Invalid,
    OneOff,
    Weekly,
    one_off_slots,
    overlaps,
    weekly_slots,
)
from app.agenda_locks import serialise_operators
from app.agenda_views import Changed, Day, Marked, SlotView, Told, Week, WeekSlot, Withdrawn
from app.ports import AgendaNotices
from dialogs.agenda import AgendaConfig
from dialogs.office_changes import OfficeChange
from dialogs.slots import Slot as NewSlot
from store import agenda_admin, appointments, privacy, slot_admin
from store.agenda_admin import AppointmentRow, NotMarkable
from store.models import BOOKED, Slot
from store.slot_admin import Added, SlotRow

log = logging.getLogger(__name__)

# Why the office cancelled a booking (the person's own reasons are ill, other, ...).
OFFICE_REASON = "office"

# Audit actions of the agenda.
BOOKING_VIEWED = "web-agenda-booking-viewed"
TODAY_VIEWED = "web-agenda-today-viewed"
BOOKED_FOR = "agenda-booked-for"
MOVED_FOR = "agenda-moved-for"
CANCELLED_FOR = "agenda-cancelled-for"


class AgendaRefused(Exception):
    """The action cannot happen: `code` says why (gone, taken, no_person, has_booking,
    not_booked, future, already, cancelled), `detail` names who or what when useful."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


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
            await serialise_operators(session, {s.operator for s in slots})
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


def _aware_row(row: AppointmentRow) -> AppointmentRow:
    return dataclasses.replace(row, starts_at=_aware(row.starts_at), ends_at=_aware(row.ends_at))


def _aware(instant: datetime) -> datetime:
    """SQLite gives naive datetimes back; they are UTC."""
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)
