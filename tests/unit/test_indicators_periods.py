"""Closed periods keep their figures when people are erased, and the files that leave the
agency hide small cells; on SQLite and on the real PostgreSQL server, with participant
records read from real care records (migration 0015) and erasure through /cancellami's code."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.reporting.care_source import CareRecordSource
from app.reporting.export import load_report_header
from app.reporting.indicators import HIDDEN, SMALL, Period, compute, load_indicators
from app.reporting.service import (
    CLOSED,
    EXPORTED,
    PeriodAlreadyClosed,
    PeriodNotOver,
    Reporting,
)
from store import privacy
from store.models import Appointment, AuditEntry, Beneficiary, CareRecord, CareStep, Slot
from store.report_periods import ReportPeriod, ReportResult
from store.settings import PROJECT_ROOT

Q1 = Period(date(2025, 1, 1), date(2025, 3, 31))
AFTER_Q1 = datetime(2025, 4, 2, 9, 0, tzinfo=UTC)
INDICATORS = load_indicators(PROJECT_ROOT / "config" / "indicators.yaml")
HEADER = load_report_header(PROJECT_ROOT / "config" / "programme.yaml")


async def add_person(sessions: Any, telegram_id: int, **care: Any) -> None:
    now = datetime(2025, 1, 2, tzinfo=UTC)
    async with sessions.begin() as session:
        person = Beneficiary(telegram_id=telegram_id, display_name=f"P{telegram_id}",
                             created_at=now, last_seen_at=now)  # fmt: skip
        session.add(person)
        await session.flush()
        values: dict[str, Any] = {
            "taken_in_charge_on": date(2025, 2, 3), "gender": "female",
            "education": "isced_0_2", "employment_at_entry": "long_term_unemployed",
            "birth_year": 1978, "comune_istat": "019035",
        }  # fmt: skip
        values.update(care)
        session.add(CareRecord(beneficiary_id=person.id, recorded_by="op-1", recorded_at=now,
                               updated_at=now, services=["sil"], **values))  # fmt: skip


async def fill(sessions: Any) -> None:
    """22 women and 6 men taken in charge in Q1; 3 of the women left with a job."""
    for n in range(22):
        exit_ = {"exit_on": date(2025, 3, 20), "exit_outcome": "employed"} if n < 3 else {}
        await add_person(sessions, 1000 + n, **exit_)
    for n in range(6):
        await add_person(sessions, 2000 + n, gender="male", employment_at_entry="inactive")


@pytest.fixture
def reporting(sessions: Any) -> Reporting:
    return Reporting(sessions, INDICATORS, CareRecordSource(as_of=date(2025, 4, 1)), HEADER)


async def test_a_closed_period_keeps_its_figures_after_people_are_erased(
    sessions: Any, reporting: Reporting
) -> None:
    await fill(sessions)
    before = await reporting.report(Q1)
    assert before.closed_at is None
    assert before.row("EECO01").counts == (22, 6, 0, 0)
    assert before.row("EECR04").counts == (3, 0, 0, 0)

    closed = await reporting.close_period(Q1, actor="op-1", now=AFTER_Q1)
    assert closed.rows == before.rows

    async with sessions.begin() as session:
        for telegram_id in (1000, 1001, 2000, 2001):  # two who left with a job, two men
            assert await privacy.erase_person(session, telegram_id, AFTER_Q1, actor="self")

    # The records really changed: counted afresh, Q1 now has fewer people …
    async with sessions() as session:
        live = compute(INDICATORS, await CareRecordSource().participants(session), Q1)
    assert live.row("EECO01").counts == (20, 4, 0, 0)
    assert live.row("EECR04").counts == (1, 0, 0, 0)
    # … but the closed period reads its frozen rows, every one of them unchanged.
    after = await reporting.report(Q1)
    assert after.rows == before.rows
    assert after.closed_at == AFTER_Q1
    assert [c.period for c in await reporting.closed_periods()] == [Q1]
    # The file that leaves the agency says the figures are frozen.
    csv_file = await reporting.export(Q1, "csv", actor="op-1", now=AFTER_Q1)
    assert "Stato del periodo;chiuso il 02/04/2025: dati congelati" in csv_file.content.decode()
    # Another period is still counted from the records.
    assert (await reporting.report(Period.parse("2025-02"))).row("EECO01").total == 24


async def test_a_period_is_closed_once_and_only_when_over(
    sessions: Any, reporting: Reporting
) -> None:
    await fill(sessions)
    with pytest.raises(PeriodNotOver):
        await reporting.close_period(Q1, actor="op-1", now=datetime(2025, 3, 31, 21, tzinfo=UTC))
    await reporting.close_period(Q1, actor="op-1", now=AFTER_Q1)
    with pytest.raises(PeriodAlreadyClosed):
        await reporting.close_period(Q1, actor="op-2", now=AFTER_Q1 + timedelta(days=1))
    async with sessions() as session:
        actions = (await session.scalars(select(AuditEntry.action))).all()
        rows = await session.scalar(select(func.count()).select_from(CareRecord))
    assert actions.count(CLOSED) == 1
    assert rows == 28


async def test_exports_read_back_with_the_header_and_small_cells_hidden(
    sessions: Any, reporting: Reporting
) -> None:
    await fill(sessions)
    xlsx = await reporting.export(Q1, "xlsx", actor="op-1", now=AFTER_Q1)
    assert xlsx.filename == "indicatori-2025-Q1.xlsx"
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    assert sheet is not None
    lines = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert lines[0][:2] == ["Programma", "PROXIMITY.CR"]
    assert any(line[0] == "Ente" and "Comunità Sociale Cremasca" in str(line[1]) for line in lines)
    table = {(r[0], r[6], r[7]): tuple(r[8:13]) for r in lines if len(r) == 13 and r[0]}
    assert table[("EECO01", "tutti", None)] == (22, 6, 0, 0, 28)
    # 3 women left with a job: a small cell, and the total would give it back, so it goes too
    assert table[("EECR04", "tutti", None)] == (SMALL, 0, 0, 0, SMALL)
    # 6 inactive men among 28: shown; EECO04 female 0 stays 0
    assert table[("EECO04", "tutti", None)] == (0, 6, 0, 0, 6)

    text = (await reporting.export(Q1, "csv", actor="op-1", now=AFTER_Q1)).content
    assert text.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Programma", "PROXIMITY.CR"]
    by_key = {(r[0], r[6], r[7]): r[8:13] for r in rows if len(r) == 13}
    assert by_key[("EECR04", "tutti", "")] == [SMALL, "0", "0", "0", SMALL]
    assert by_key[("EECO01", "tutti", "")] == ["22", "6", "0", "0", "28"]
    # In a comune row the one small cell would be given back by the column of the total.
    assert SMALL not in by_key[("EECO01", "comune (ISTAT)", "019035")]
    assert HIDDEN not in by_key[("EECO01", "tutti", "")]
    assert by_key[("EECO01", "fascia d'età", "40-49")] == ["22", "6", "0", "0", "28"]
    assert by_key[("EECO01", "fascia d'età", "altra età o non nota")] == ["0"] * 5
    assert "Stato del periodo;aperto: dati provvisori" in text.decode("utf-8-sig")
    async with sessions() as session:
        exported = await session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == EXPORTED)
        )
    assert exported == 2


async def test_care_records_become_participant_records(sessions: Any) -> None:
    await add_person(sessions, 42, gender="non_binary", disability="yes", minority=None,
                     exit_on=date(2025, 6, 30), exit_outcome="self_employed")  # fmt: skip
    now = datetime(2025, 1, 2, tzinfo=UTC)
    async with sessions.begin() as session:
        record = await session.scalar(select(CareRecord))
        assert record is not None
        session.add(
            CareStep(
                record_id=record.id,
                kind="internship",
                host="Azienda",
                starts_on=date(2025, 3, 3),
                ends_on=date(2025, 5, 26),
                weekly_hours=20.0,
                status="done",
                created_at=now,
                updated_at=now,
            )
        )
        session.add(CareStep(record_id=record.id, kind="tutoring", starts_on=date(2025, 3, 3),
                             ends_on=None, weekly_hours=2.0, status="ongoing", created_at=now,
                             updated_at=now))  # fmt: skip
        for day, status in ((10, "attended"), (17, "no_show")):
            slot = Slot(type="colloquio", starts_at=datetime(2025, 2, day, 9, tzinfo=UTC),
                        ends_at=datetime(2025, 2, day, 10, tzinfo=UTC), place_id="crema",
                        operator="Giulia", created_at=now)  # fmt: skip
            session.add(slot)
            await session.flush()
            session.add(Appointment(slot_id=slot.id, beneficiary_id=record.beneficiary_id,
                                    status=status, booked_by="self", booked_at=now,
                                    updated_at=now))  # fmt: skip
    async with sessions() as session:
        (participant,) = await CareRecordSource(as_of=date(2025, 4, 28)).participants(session)
    assert participant.gender == "non_binary"
    assert participant.disability == "yes" and participant.minority is None
    assert participant.exit_outcome == "self_employed"
    assert participant.appointments_attended == {"colloquio": 1}
    assert (participant.internship_start, participant.internship_end) == (
        date(2025, 3, 3),
        date(2025, 5, 26),
    )
    assert participant.internship_hours == 20.0 * 8  # 8 whole weeks to 28 April
    assert participant.tutoring_hours == 2.0 * 8  # none in the agenda: the step's estimate
    assert participant.age_at_entry() == 47

    # Two tutoring sessions of 90 minutes attended in the agenda: the real hours count.
    async with sessions.begin() as session:
        for day in (4, 11):
            slot = Slot(type="tutoring", starts_at=datetime(2025, 3, day, 9, tzinfo=UTC),
                        ends_at=datetime(2025, 3, day, 10, 30, tzinfo=UTC), place_id="crema",
                        operator="Giulia", created_at=now)  # fmt: skip
            session.add(slot)
            await session.flush()
            session.add(Appointment(slot_id=slot.id, beneficiary_id=record.beneficiary_id,
                                    status="attended", booked_by="self", booked_at=now,
                                    updated_at=now))  # fmt: skip
    async with sessions() as session:
        (participant,) = await CareRecordSource(as_of=date(2025, 4, 28)).participants(session)
    assert participant.tutoring_hours == 3.0
    assert participant.appointments_attended == {"colloquio": 1, "tutoring": 2}


async def test_two_closes_of_the_same_days_at_once_leave_one_frozen_set(
    sessions: Any, reporting: Reporting
) -> None:
    await fill(sessions)
    outcomes = await asyncio.gather(
        reporting.close_period(Q1, actor="op-1", now=AFTER_Q1),
        reporting.close_period(Q1, actor="op-2", now=AFTER_Q1),
        return_exceptions=True,
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["PeriodAlreadyClosed", "Report"]
    async with sessions() as session:
        periods = await session.scalar(select(func.count()).select_from(ReportPeriod))
        rows = await session.scalar(select(func.count()).select_from(ReportResult))
    assert periods == 1
    assert rows == len((await reporting.report(Q1)).rows)
