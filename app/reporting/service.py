"""Reports for a period, closing a period, and the files that leave the agency.

An open period is counted from the participant records every time it is asked for. Closing
a period counts it once more and freezes the figures (store/report_periods.py); from then
on the period is read from the frozen rows only, so erasing a person, or correcting a
record afterwards, does not change what was reported. Closing and exporting are audited
(who, when; no person is involved, so the entries link to none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.reporting.export import ReportHeader, to_csv, to_xlsx
from app.reporting.indicators import SPLITS, IndicatorSet, Period, Report, Row, compute
from app.reporting.records import ParticipantRecord
from store import report_periods
from store.models import AuditEntry

CLOSED = "report-period-closed"
EXPORTED = "report-exported"
Format = Literal["csv", "xlsx"]


class ParticipantSource(Protocol):
    """Where the participant records come from (the care records, in one transaction)."""

    async def participants(self, session: AsyncSession) -> Sequence[ParticipantRecord]: ...


class PeriodAlreadyClosed(ValueError):
    """These days were closed before; their figures stay as they were."""


class PeriodNotOver(ValueError):
    """A period can be closed only after its last day."""


@dataclass(frozen=True)
class ClosedPeriod:
    period: Period
    closed_at: datetime
    closed_by: str


@dataclass(frozen=True)
class ExportFile:
    filename: str
    media_type: str
    content: bytes


class Reporting:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        indicators: IndicatorSet,
        source: ParticipantSource,
        header: ReportHeader,
        timezone: str = "Europe/Rome",
    ) -> None:
        self._sessions = sessions
        self._indicators = indicators
        self._source = source
        self._header = header
        self._zone = ZoneInfo(timezone)

    async def report(self, period: Period, splits: Sequence[str] = SPLITS) -> Report:
        """The frozen figures of a closed period, or today's count of an open one."""
        async with self._sessions() as session:
            return await self._report(session, period, splits)

    async def _report(self, session: AsyncSession, period: Period, splits: Sequence[str]) -> Report:
        closed = await report_periods.find_period(session, period.start, period.end)
        if closed is not None:
            rows = [
                Row(code, name_it, name_en, regulation, framework, kind, split, group, counts)
                for (code, name_it, name_en, regulation, framework, kind, split, group, counts)
                in await report_periods.frozen_results(session, closed.id)
            ]  # fmt: skip
            return Report(period, tuple(rows), closed.closed_at).only(splits)
        records = await self._source.participants(session)
        return compute(self._indicators, records, period, splits)

    async def close_period(self, period: Period, actor: str, now: datetime) -> Report:
        if period.end >= now.astimezone(self._zone).date():
            raise PeriodNotOver(f"the period {period.label} ends on {period.end}: not over yet")
        try:
            async with self._sessions.begin() as session:
                if await report_periods.find_period(session, period.start, period.end):
                    raise PeriodAlreadyClosed(f"the period {period.label} is already closed")
                records = await self._source.participants(session)
                report = compute(self._indicators, records, period, SPLITS)
                await report_periods.freeze(
                    session, period.start, period.end, now, actor,
                    ((r.code, r.name_it, r.name_en, r.regulation, r.framework, r.kind, r.split,
                      r.group, r.counts) for r in report.rows),
                )  # fmt: skip
                session.add(AuditEntry(at=now, actor=actor, action=CLOSED, beneficiary_id=None))
        except IntegrityError as exc:
            # Two coordinators closing the same days at once: the second finds it closed.
            raise PeriodAlreadyClosed(f"the period {period.label} is already closed") from exc
        return Report(report.period, report.rows, now)

    async def closed_periods(self) -> list[ClosedPeriod]:
        async with self._sessions() as session:
            return [
                ClosedPeriod(Period(p.starts_on, p.ends_on), p.closed_at, p.closed_by)
                for p in await report_periods.list_periods(session)
            ]

    async def export(
        self,
        period: Period,
        fmt: Format,
        actor: str,
        now: datetime,
        splits: Sequence[str] = SPLITS,
    ) -> ExportFile:
        """The suppressed table as a file, audited in the same transaction that read it."""
        async with self._sessions.begin() as session:
            report = await self._report(session, period, splits)
            session.add(AuditEntry(at=now, actor=actor, action=EXPORTED, beneficiary_id=None))
        local = now.astimezone(self._zone)
        name = f"indicatori-{period.label.replace('..', '_')}"
        if fmt == "csv":
            return ExportFile(f"{name}.csv", "text/csv; charset=utf-8",
                              to_csv(report, self._header, local))  # fmt: skip
        return ExportFile(
            f"{name}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            to_xlsx(report, self._header, local),
        )
