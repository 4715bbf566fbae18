"""Reading the audit log: who did what to whose data, filtered, a page at a time or as CSV.

Entries name a person by their profile; once the person is erased the link is cut, so an
erased person's entries remain (who looked, when) but no longer say whose file it was.
Days are the office's days (`timezone`), both ends included.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import AuditEntry, Beneficiary

PAGE_SIZE = 50
# A CSV export stops here: beyond it, narrow the filters (the page says so).
CSV_LIMIT = 100_000
# Spreadsheets run a cell that starts with these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    actors: tuple[str, ...] | None = None  # None: anyone; () matches nobody
    action: str | None = None
    telegram_id: int | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    telegram_id: int | None


async def entries(
    session: AsyncSession,
    wanted: AuditFilter,
    timezone: str,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> tuple[list[AuditRow], bool]:
    """One page, newest first, and whether there is a next one."""
    page = max(1, page)
    query = _query(wanted, timezone).offset((page - 1) * page_size).limit(page_size + 1)
    rows = [AuditRow(*row) for row in await session.execute(query)]
    return rows[:page_size], len(rows) > page_size


async def all_entries(
    session: AsyncSession, wanted: AuditFilter, timezone: str, limit: int = CSV_LIMIT
) -> list[AuditRow]:
    return [AuditRow(*row) for row in await session.execute(_query(wanted, timezone).limit(limit))]


async def actions(session: AsyncSession) -> list[str]:
    """Every action the log holds, for the filter's list."""
    return sorted(await session.scalars(select(AuditEntry.action).distinct()))


def as_csv(rows: Iterable[AuditRow], timezone: str, actor_names: dict[str, str]) -> str:
    """One row per entry: local time, actor (with the account's name), action, Telegram id."""
    zone = ZoneInfo(timezone)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "at", "actor", "actor_name", "action", "telegram_id"])
    for row in rows:
        writer.writerow(
            _cell(value)
            for value in (
                row.id,
                row.at.astimezone(zone).isoformat(timespec="seconds"),
                row.actor,
                actor_names.get(row.actor, ""),
                row.action,
                "" if row.telegram_id is None else row.telegram_id,
            )
        )
    return out.getvalue()


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _query(wanted: AuditFilter, timezone: str) -> Select[tuple[int, datetime, str, str, int]]:
    # The Telegram id is None for entries whose person was erased (an outer join).
    zone = ZoneInfo(timezone)
    query = select(
        AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action, Beneficiary.telegram_id
    ).outerjoin(Beneficiary, Beneficiary.id == AuditEntry.beneficiary_id)
    if wanted.actors is not None:
        query = query.where(AuditEntry.actor.in_(wanted.actors))
    if wanted.action:
        query = query.where(AuditEntry.action == wanted.action)
    if wanted.telegram_id is not None:
        query = query.where(Beneficiary.telegram_id == wanted.telegram_id)
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= datetime.combine(wanted.since, time(), zone))
    if wanted.until is not None:
        end = datetime.combine(wanted.until + timedelta(days=1), time(), zone)
        query = query.where(AuditEntry.at < end)
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
