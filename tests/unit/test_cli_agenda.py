"""`proximity slots|appointments|people`: the operators' commands, on a temporary SQLite
database, through typer's CliRunner (no bot, no Telegram: TELEGRAM_BOT_TOKEN is empty)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from cli.agenda import load_demo_slots
from runtime.main import app
from store.models import Appointment, Beneficiary, Slot
from store.settings import Settings
from tests.unit.cli_support import invoke, run, use_database

ROME = ZoneInfo("Europe/Rome")

ANNA = 1001
TUESDAYS = [
    "slots", "recurring", "--operator", "Giulia", "--place", "crema", "--weekday", "mar",
    "--from", "09:00", "--to", "12:00", "--every", "45", "--weeks", "8",
    "--first-date", "2026-10-20",
]  # fmt: skip


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_database(tmp_path, monkeypatch)


def cli(*args: str, input: str | None = None, code: int = 0) -> str:
    return invoke(app, *args, input=input, code=code)


def add_anna(database: str) -> None:
    now = datetime.now(UTC)

    async def work(session):  # type: ignore[no-untyped-def]
        session.add(
            Beneficiary(telegram_id=ANNA, display_name="Anna", created_at=now, last_seen_at=now)
        )

    run(database, work)


def past_appointment(database: str, start: datetime) -> int:
    """A booking of a slot in the past (booking refuses the past, so made directly)."""

    async def work(session):  # type: ignore[no-untyped-def]
        person = await session.scalar(select(Beneficiary).where(Beneficiary.telegram_id == ANNA))
        slot = Slot(
            type="orientation", starts_at=start, ends_at=start + timedelta(minutes=45),
            place_id="crema", operator="Giulia", created_at=start,
        )  # fmt: skip
        session.add(slot)
        await session.flush()
        booking = Appointment(
            slot_id=slot.id, beneficiary_id=person.id, status="booked", booked_by="self",
            booked_at=start, updated_at=start, ics_sequence=0,
        )  # fmt: skip
        session.add(booking)
        await session.flush()
        return booking.id

    return run(database, work)


def appointments_rows(database: str) -> list[tuple[str, str | None, str | None]]:
    async def work(session):  # type: ignore[no-untyped-def]
        rows = await session.scalars(select(Appointment).order_by(Appointment.id))
        return [(a.status, a.booked_by, a.attendance_marked_by) for a in rows]

    return run(database, work)


def test_recurring_is_idempotent_and_listed_in_local_time(database: str) -> None:
    assert "28 slot(s) created, 0 already there." in cli(*TUESDAYS)
    assert "0 slot(s) created, 28 already there." in cli(*TUESDAYS)
    listed = cli("slots", "list", "--from", "2026-10-27", "--days", "1")
    # 27 October is after the DST change: still 9:00 in Rome (08:00 UTC).
    assert "mar 27 ott 2026 09:00" in listed and "4 slot(s)." in listed
    assert listed.count(" free") == 4


def test_import_twice_creates_nothing_new(database: str, tmp_path: Path) -> None:
    file = tmp_path / "slots.yaml"
    file.write_text(
        "one_off:\n"
        '  - {operator: Sara, place: rivolta, type: tutoring, at: "2026-12-03 09:45"}\n'
        "recurring:\n"
        "  - {operator: Marco, place: crema, type: orientation, weekday: thursday,\n"
        '     from: "14:00", to: "16:00", every: 60, first_date: 2026-11-30, weeks: 2}\n',
        encoding="utf-8",
    )
    assert "5 slot(s) created" in cli("slots", "import", str(file))
    assert "0 slot(s) created, 5 already there." in cli("slots", "import", str(file))
    listed = cli("slots", "list", "--from", "2026-12-03", "--days", "1", "--place", "rivolta")
    assert "gio 3 dic 2026 09:45  rivolta  tutoring" in listed and "1 slot(s)." in listed


def test_a_bad_file_or_place_creates_nothing(database: str, tmp_path: Path) -> None:
    file = tmp_path / "bad.yaml"
    file.write_text("one_off:\n  - {operator: Sara, place: milano, type: tutoring, at: x}\n")
    assert "unknown place 'milano'" in cli("slots", "import", str(file), code=1)
    assert "unknown type 'yoga'" in cli(
        "slots", "add", "--operator", "S", "--place", "crema", "--at", "2026-12-03 09:45",
        "--type", "yoga", code=1,
    )  # fmt: skip
    assert "0 slot(s)." in cli("slots", "list", "--from", "2026-12-01", "--days", "30")


def test_operator_books_for_someone_and_withdrawing_cancels(database: str) -> None:
    cli(*TUESDAYS[:-1], "next-monday")
    add_anna(database)
    # Two weeks: a Tuesday can be a public holiday (8 December), which recurring skips.
    first = cli("slots", "list", "--from", "next-monday", "--days", "14").split()[0]

    booked = cli("appointments", "book", "--person", str(ANNA), "--slot", first, "--by", "Giulia")
    assert "Booked #1" in booked and "not messaged" in booked
    assert appointments_rows(database) == [("booked", "operator:Giulia", None)]
    assert "not free" in cli("appointments", "book", "--person", str(ANNA), "--slot", first, code=1)
    assert "No person" in cli("appointments", "book", "--person", "42", "--slot", "2", code=1)
    assert "booked #1: Anna (id 1001)" in cli("slots", "list", "--from", "next-monday")

    # Withdrawing a booked slot asks first; "no" leaves everything as it was.
    cli("slots", "withdraw", first, input="n\n", code=1)
    assert appointments_rows(database) == [("booked", "operator:Giulia", None)]
    withdrawn = cli("slots", "withdraw", first, "--yes")
    assert "Booking #1 cancelled" in withdrawn and "NOT been told" in withdrawn
    assert "/scrivi 1001" in withdrawn
    assert appointments_rows(database)[0][0] == "cancelled"
    assert "already withdrawn" in cli("slots", "withdraw", first)
    assert "No slot 9999" in cli("slots", "withdraw", "9999", code=1)


def test_marking_attendance_once(database: str) -> None:
    cli("migrate")
    add_anna(database)
    start = datetime.now(UTC) - timedelta(hours=2)  # ended an hour ago
    booking = str(past_appointment(database, start))

    # Its day in Rome: between midnight and two it is yesterday's, not today's.
    listed = cli("appointments", "list", "--date", start.astimezone(ROME).date().isoformat())
    assert f"#{booking}" in listed and "Anna (id 1001)  booked" in listed
    marked = cli("appointments", "mark", booking, "no-show", "--by", "Giulia")
    assert "marked no_show" in marked and "No message sent" in marked
    assert appointments_rows(database) == [("no_show", "self", "operator:Giulia")]
    again = cli("appointments", "mark", booking, "attended", code=1)
    assert "already marked by operator:Giulia" in again
    assert "does not exist" in cli("appointments", "mark", "77", "attended", code=1)
    cli("appointments", "mark", booking, "maybe", code=2)  # not a choice


def test_take_in_charge(database: str) -> None:
    cli("migrate")
    add_anna(database)
    assert "by Giulia" in cli("people", "take-in-charge", str(ANNA), "--by", "Giulia")
    assert "by Giulia" in cli("people", "take-in-charge", str(ANNA), "--by", "Marco")
    assert "No person" in cli("people", "take-in-charge", "42", code=1)


def test_demo_slots_load_once_into_an_empty_table(database: str) -> None:
    cli("migrate")
    assert load_demo_slots(Settings(demo_slots=False)) == 0
    created = load_demo_slots(Settings())
    assert created > 40
    assert load_demo_slots(Settings()) == 0  # not empty any more

    async def work(session):  # type: ignore[no-untyped-def]
        return list(await session.scalars(select(Slot)))

    slots = run(database, work)
    assert len(slots) == created
    assert all(s.starts_at > datetime.now(UTC) for s in slots)  # relative dates: the future
    assert {s.place_id for s in slots} == {"crema", "rivolta"}
    assert all("(EXAMPLE)" in s.operator for s in slots)
