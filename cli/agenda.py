"""`proximity slots|appointments|people ...`: the operators' side of appointments.

Times are typed and shown in settings.timezone (Europe/Rome) and stored in UTC. Telling a
person or the operators' group goes through `Ports.agenda_notices`, which the composition
root fills with the Telegram adapter's when a token is set.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from datetime import datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
import yaml

from cli.common import (
    agenda_config,
    fail,
    local_time,
    ports,
    run_work,
    with_database,
)
from store.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from app.agenda import AgendaRefused, AgendaService
    from app.agenda_form import FieldProblem
    from app.agenda_views import Told
    from app.ports import AgendaNotices
    from store.slot_admin import Added

# `proximity slots|appointments|people ...`: the operators' side of appointments. Times are
# typed and shown in settings.timezone (Europe/Rome) and stored in UTC. Every command
# migrates first, as `serve` does, so it works on a fresh database too.

slots_app = typer.Typer(no_args_is_help=True, help="Slots: add, recurring, import, list, withdraw.")
appointments_app = typer.Typer(no_args_is_help=True, help="Appointments: list, book, mark.")
people_app = typer.Typer(no_args_is_help=True, help="People: take in charge.")

DEMO_SLOTS_FILE = PROJECT_ROOT / "config" / "demo_slots.yaml"
log = logging.getLogger("proximity")


def _service(
    settings: Settings,
    sessions: async_sessionmaker[AsyncSession],
    notices: AgendaNotices | None = None,
) -> AgendaService:
    """The application's agenda service: the web console and the group use the same one."""
    from app.agenda import AgendaService
    from app.assistant import utc_now

    return AgendaService(sessions, agenda_config(settings), settings.timezone, utc_now, notices)


def _import(
    data: object, settings: Settings, sessions: async_sessionmaker[AsyncSession]
) -> Awaitable[Added]:
    from app.agenda_form import Invalid
    from app.assistant import utc_now
    from store.slot_admin import SlotFileError, slots_from_file

    config = agenda_config(settings)
    try:
        wanted = slots_from_file(
            data,  # type: ignore[arg-type]
            settings.timezone,
            utc_now().astimezone(settings.tz).date(),
            places=config.venues.keys(),
            minutes={k: kind.minutes for k, kind in config.kinds.items()},
        )
    except SlotFileError as exc:
        fail(f"Nothing imported: {exc}")

    async def run() -> Added:
        try:
            # A file may record what already happened, or be imported again weeks later.
            return await _service(settings, sessions).add_slots(wanted, allow_past=True)
        except Invalid as exc:
            fail("Nothing imported: " + "; ".join(_problem(p) for p in exc.problems))

    return run()


def _problem(problem: FieldProblem) -> str:
    if problem.code == "overlap":
        return (
            f"{problem.params['operator']} would have two slots at once on "
            f"{problem.params['when']} (another starts at {problem.params['other']})"
        )
    return f"{problem.field}: {problem.code} {problem.params or ''}".strip()


def _report_added(added: Added) -> None:
    typer.echo(f"{added.created} slot(s) created, {added.skipped} already there.")
    if 0 < len(added.ids) <= 12:  # enough for a one-off or a short block; `list` shows all
        typer.echo("ids: " + ", ".join(str(i) for i in added.ids))


@slots_app.command("add")
def slots_add(
    operator: Annotated[str, typer.Option(help="Who holds the slot, e.g. 'Giulia'")],
    place: Annotated[str, typer.Option(help="Place key from config/appointments.yaml")],
    at: Annotated[str, typer.Option(help="Local start, e.g. '2026-12-03 09:45'")],
    type: Annotated[str, typer.Option(help="orientation, skills_assessment, ...")] = "orientation",
    minutes: Annotated[int | None, typer.Option(help="Length (default: the type's)")] = None,
) -> None:
    """Create one slot."""
    entry = {"operator": operator, "place": place, "type": type, "at": at, "minutes": minutes}
    _report_added(with_database(lambda st, ss: _import({"one_off": [entry]}, st, ss)))


@slots_app.command("recurring")
def slots_recurring(
    operator: Annotated[str, typer.Option(help="Who holds the slots")],
    place: Annotated[str, typer.Option(help="Place key from config/appointments.yaml")],
    weekday: Annotated[str, typer.Option(help="monday..sunday, lun..dom or 0..6")],
    start: Annotated[str, typer.Option("--from", help="Local start of the block, e.g. 09:00")],
    end: Annotated[str, typer.Option("--to", help="Local end of the block, e.g. 12:00")],
    every: Annotated[int, typer.Option(help="Minutes between two starts")],
    weeks: Annotated[int, typer.Option(help="How many weeks")],
    first_date: Annotated[
        str, typer.Option(help="2026-12-01, today or next-monday (+1w, +3d)")
    ] = "next-monday",
    type: Annotated[str, typer.Option(help="orientation, skills_assessment, ...")] = "orientation",
    minutes: Annotated[int | None, typer.Option(help="Length (default: the type's)")] = None,
) -> None:
    """Create a weekly block of slots, skipping Italian public holidays."""
    entry = {
        "operator": operator, "place": place, "type": type, "weekday": weekday, "from": start,
        "to": end, "every": every, "weeks": weeks, "first_date": first_date, "minutes": minutes,
    }  # fmt: skip
    _report_added(with_database(lambda st, ss: _import({"recurring": [entry]}, st, ss)))


@slots_app.command("import")
def slots_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A YAML file")],
) -> None:
    """Create the slots a YAML file describes (see config/demo_slots.yaml). Importing the
    same file again creates nothing new."""
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        fail(f"Not a YAML file: {exc}")
    _report_added(with_database(lambda st, ss: _import(data, st, ss)))


@slots_app.command("list")
def slots_list(
    start: Annotated[str | None, typer.Option("--from", help="First day (default today)")] = None,
    days: Annotated[int, typer.Option(help="How many days")] = 14,
    place: Annotated[str | None, typer.Option(help="Only this place")] = None,
    show_withdrawn: Annotated[bool, typer.Option("--withdrawn", help="Show withdrawn")] = False,
) -> None:
    """List slots, free or booked and by whom."""
    from store.slot_admin import list_slots

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        after, before = _day_range(start, days, settings)
        async with sessions() as session:
            rows = await list_slots(
                session, after=after, before=before, place=place, include_withdrawn=show_withdrawn
            )
        for row in rows:
            if row.withdrawn:
                state = "withdrawn"
            elif row.appointment_id is None:
                state = "free"
            else:
                state = (
                    f"{row.status} #{row.appointment_id}: "
                    f"{row.display_name or '?'} (id {row.telegram_id})"
                )
            typer.echo(
                f"{row.id:>6}  {local_time(row.starts_at, settings)}  {row.place_id:<8} "
                f"{row.type:<17} {row.operator:<20} {state}"
            )
        typer.echo(f"{len(rows)} slot(s).")

    with_database(work)


def _day_range(first: str | None, days: int, settings: Settings) -> tuple[datetime, datetime]:
    from app.assistant import utc_now
    from store.slot_admin import SlotFileError, relative_date

    try:
        day = relative_date(first or "today", utc_now().astimezone(settings.tz).date())
    except SlotFileError as exc:
        fail(str(exc))
    after = datetime.combine(day, time(0), tzinfo=settings.tz)
    before = datetime.combine(day + timedelta(days=days), time(0), tzinfo=settings.tz)
    return after, before


@slots_app.command("withdraw")
def slots_withdraw(
    ctx: typer.Context,
    slot_id: Annotated[int, typer.Argument(help="The slot's id (see `slots list`)")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask, even if it is booked")] = False,
) -> None:
    """Take a slot off the agenda. A booking on it is cancelled: the person must be told."""
    from app.agenda import AgendaRefused
    from store.models import Slot
    from store.slot_admin import list_slots

    notices = ports(ctx).agenda_notices

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        async with sessions() as session:
            slot = await session.get(Slot, slot_id)
            if slot is None:
                fail(f"No slot {slot_id}.")
            [row] = await list_slots(
                session, after=slot.starts_at, before=slot.starts_at + timedelta(seconds=1),
                operator=slot.operator, include_withdrawn=True,
            )  # fmt: skip
        if row.status == "booked" and not yes:
            who = f"{row.display_name or '?'} (id {row.telegram_id})"
            if not typer.confirm(f"Slot {slot_id} is booked by {who}. Cancel that booking?"):
                raise typer.Abort()
        async with notices(settings, sessions) as desk:
            try:
                done = await _service(settings, sessions, desk).withdraw(slot_id, "cli")
            except AgendaRefused:
                fail(f"No slot {slot_id}.")
        if done.already:
            typer.echo(f"Slot {slot_id} was already withdrawn.")
            return
        typer.echo(f"Slot {slot_id} withdrawn.")
        if done.cancelled is not None:
            typer.echo(f"Booking #{done.cancelled.id} cancelled.")
            _report_withdrawn(done.told, done.cancelled.telegram_id)

    with_database(work)


@appointments_app.command("list")
def appointments_list(
    on: Annotated[str | None, typer.Option("--date", help="Day (default today)")] = None,
    days: Annotated[int, typer.Option(help="How many days")] = 1,
    cancelled: Annotated[bool, typer.Option(help="Also cancelled ones")] = False,
) -> None:
    """List appointments of a day (or more)."""
    from store.agenda_admin import between

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        after, before = _day_range(on, days, settings)
        async with sessions() as session:
            rows = await between(session, after, before, include_cancelled=cancelled)
        for row in rows:
            typer.echo(
                f"#{row.id:<5} {local_time(row.starts_at, settings)}  {row.place_id:<8} "
                f"{row.kind:<17} {row.operator:<20} {row.display_name or '?'} "
                f"(id {row.telegram_id})  {row.status}"
                + (f" by {row.attendance_marked_by}" if row.attendance_marked_by else "")
                + (f", {row.confirmation}" if row.confirmation else "")
            )
        typer.echo(f"{len(rows)} appointment(s).")

    with_database(work)


@appointments_app.command("book")
def appointments_book(
    ctx: typer.Context,
    person: Annotated[int, typer.Option(help="The person's Telegram id")],
    slot: Annotated[int, typer.Option(help="The slot's id (see `slots list`)")],
    by: Annotated[str, typer.Option(help="Your name, recorded as who booked")] = "cli",
) -> None:
    """Book a slot on someone's behalf (any type: operators decide)."""
    from app.agenda import AgendaRefused

    notices = ports(ctx).agenda_notices

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        async with notices(settings, sessions) as desk:
            try:
                done = await _service(settings, sessions, desk).book(slot, person, by, f"cli:{by}")
            except AgendaRefused as refused:
                fail(_refused_booking(refused, person, slot))
        row = done.appointment
        typer.echo(f"Booked #{row.id}: {row.kind}, {local_time(row.starts_at, settings)}.")
        # The running bot adopts the reminder rows within a minute and sends them on time.
        typer.echo("Reminders are planned.")
        if done.told == "told":
            typer.echo("The person got a message with the calendar file.")
        elif done.told == "unreachable":
            typer.echo("The person could not be reached (blocked the bot): tell them yourself.")
        else:
            typer.echo("The person is not messaged (no bot token): tell them yourself.")

    with_database(work)


def _refused_booking(refused: AgendaRefused, person: int, slot: int) -> str:
    if refused.code == "no_person":
        return f"No person with Telegram id {person} (they must accept the privacy notice)."
    if refused.code == "has_booking":
        return f"Telegram id {person} already has #{refused.detail} of that type: move it."
    return f"Slot {slot} is not free (booked, withdrawn, past or unknown)."


class Outcome(StrEnum):
    ATTENDED = "attended"
    NO_SHOW = "no-show"


@appointments_app.command("mark")
def appointments_mark(
    ctx: typer.Context,
    appointment_id: Annotated[int, typer.Argument(help="The appointment's id")],
    outcome: Annotated[Outcome, typer.Argument(help="attended or no-show")],
    by: Annotated[str, typer.Option(help="Your name, recorded as who marked it")] = "cli",
) -> None:
    """Record whether the person came. A no-show sends them one kind message when the bot's
    token is set; otherwise it is only recorded."""
    from app.agenda import AgendaRefused

    notices = ports(ctx).agenda_notices

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        async with notices(settings, sessions) as desk:
            try:
                done = await _service(settings, sessions, desk).mark(
                    appointment_id, outcome is Outcome.ATTENDED, by, f"cli:{by}"
                )
            except AgendaRefused as refused:
                fail(_not_markable(appointment_id, refused))
        typer.echo(f"#{appointment_id} marked {done.row.status}.")
        if done.told == "not_told":
            typer.echo("No message sent to the person (TELEGRAM_BOT_TOKEN is not set).")
        elif done.told == "told":
            typer.echo("The person got a kind message offering a new appointment.")
        elif done.told == "unreachable":
            typer.echo("The person could not be reached (blocked the bot).")

    with_database(work)


def _not_markable(appointment_id: int, refused: AgendaRefused) -> str:
    reasons = {
        "gone": "does not exist (or the person erased their data)",
        "future": "has not started yet",
        "already": f"was already marked by {refused.detail}",
    }
    return f"#{appointment_id} {reasons.get(refused.code, f'is {refused.code}')}."


@people_app.command("take-in-charge")
def people_take_in_charge(
    telegram_id: Annotated[int, typer.Argument(help="The person's Telegram id")],
    by: Annotated[str, typer.Option(help="Your name")] = "cli",
) -> None:
    """Record that the services took the person in charge: all appointment types open up.
    Services, path and the funder's categories are added in the web console."""
    from app.assistant import utc_now
    from app.intake import IntakeService
    from app.intake_config import IntakeConfig
    from app.people import PersonNotFound

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        intake = IntakeService(sessions, IntakeConfig.load(), settings.timezone)
        now = utc_now()
        form = {"taken_in_charge_on": intake.today(now).isoformat()}
        try:
            done = await intake.take_in_charge(telegram_id, form, (), by, f"cli:{by}", now)
            record = (await intake.view(telegram_id, f"cli:{by}", now)).open
        except PersonNotFound:
            fail(f"No person with Telegram id {telegram_id} (consent comes first).")
        assert record is not None
        already = "Already taken" if not done.ok else "Taken"
        typer.echo(
            f"{already} in charge on {record.taken_in_charge_on:%d/%m/%Y} by {record.recorded_by}."
        )

    with_database(work)


def _report_withdrawn(told: Told | None, telegram_id: int) -> None:
    if told == "told":
        typer.echo("The person got a message with an apology and a new booking offer.")
    elif told == "unreachable":
        typer.echo("The person could not be reached (blocked the bot).")
    else:
        typer.echo(
            "The person has NOT been told (TELEGRAM_BOT_TOKEN is not set): write to them"
            f" (/scrivi {telegram_id} in the operators' group)."
        )


def load_demo_slots(settings: Settings) -> int:
    """The demo agenda (config/demo_slots.yaml), when DEMO_SLOTS is on and the slots table
    is empty: once real slots exist, the demo never comes back. Returns how many were made.
    Call it after the migrations."""
    if not settings.demo_slots or not DEMO_SLOTS_FILE.exists():
        return 0
    from store.slot_admin import count_slots

    data = yaml.safe_load(DEMO_SLOTS_FILE.read_text(encoding="utf-8")) or {}

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> int:
        async with sessions() as session:
            if await count_slots(session):
                return 0
        added = await _import(data, settings, sessions)
        log.info("demo slots loaded count=%d", added.created)
        return added.created

    return run_work(work, settings)
