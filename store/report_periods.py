"""Closed reporting periods and their frozen indicator figures (migration 0016).

Only counts by gender are kept, with the indicator's names as they were when the period
was closed: no person is named or keyed here, so erasure never touches these rows and what
was reported stays what it was. The store speaks plain tuples; app/reporting builds the
report from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base

# code, name_it, name_en, regulation, framework, kind, split, group, (f, m, nb, ns)
ResultTuple = tuple[str, str, str, str, str, str, str, str, tuple[int, int, int, int]]


class ReportPeriod(Base):
    """A period whose figures were frozen: days both included, who closed it and when."""

    __tablename__ = "report_periods"
    __table_args__ = (UniqueConstraint("starts_on", "ends_on", name="uq_report_period_days"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime]
    closed_by: Mapped[str] = mapped_column(String(64))


class ReportResult(Base):
    """One row of a frozen report: an indicator (or one group of a split) by gender."""

    __tablename__ = "report_results"
    __table_args__ = (
        UniqueConstraint("period_id", "code", "split", "grp", name="uq_report_result_cell"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("report_periods.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(24))
    name_it: Mapped[str] = mapped_column(String(400))
    name_en: Mapped[str] = mapped_column(String(400))
    regulation: Mapped[str] = mapped_column(String(200))
    framework: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(24))
    split: Mapped[str] = mapped_column(String(16))
    grp: Mapped[str] = mapped_column(String(16))
    female: Mapped[int] = mapped_column(Integer)
    male: Mapped[int] = mapped_column(Integer)
    non_binary: Mapped[int] = mapped_column(Integer)
    not_stated: Mapped[int] = mapped_column(Integer)


async def find_period(session: AsyncSession, starts_on: date, ends_on: date) -> ReportPeriod | None:
    return await session.scalar(
        select(ReportPeriod).where(
            ReportPeriod.starts_on == starts_on, ReportPeriod.ends_on == ends_on
        )
    )


async def list_periods(session: AsyncSession) -> Sequence[ReportPeriod]:
    query = select(ReportPeriod).order_by(ReportPeriod.starts_on, ReportPeriod.ends_on)
    return (await session.scalars(query)).all()


async def freeze(
    session: AsyncSession,
    starts_on: date,
    ends_on: date,
    closed_at: datetime,
    closed_by: str,
    results: Iterable[ResultTuple],
) -> ReportPeriod:
    """Store a period's figures. A second close of the same days breaks the unique
    constraint: the caller checks first and says so in words."""
    period = ReportPeriod(
        starts_on=starts_on, ends_on=ends_on, closed_at=closed_at, closed_by=closed_by
    )
    session.add(period)
    await session.flush()
    session.add_all(
        ReportResult(
            period_id=period.id, position=position, code=code, name_it=name_it,
            name_en=name_en, regulation=regulation, framework=framework, kind=kind,
            split=split, grp=group, female=f, male=m, non_binary=nb, not_stated=ns,
        )
        for position, (code, name_it, name_en, regulation, framework, kind, split, group,
                       (f, m, nb, ns)) in enumerate(results)
    )  # fmt: skip
    await session.flush()
    return period


async def frozen_results(session: AsyncSession, period_id: int) -> list[ResultTuple]:
    query = (
        select(ReportResult)
        .where(ReportResult.period_id == period_id)
        .order_by(ReportResult.position)
    )
    return [
        (r.code, r.name_it, r.name_en, r.regulation, r.framework, r.kind, r.split, r.grp,
         (r.female, r.male, r.non_binary, r.not_stated))
        for r in await session.scalars(query)
    ]  # fmt: skip
