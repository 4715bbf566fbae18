"""The agenda's per-operator lock: it makes "no overlap" true across processes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from store.db import write_lock_first

# The advisory-lock namespace of the agenda's per-operator locks (PostgreSQL).
AGENDA_LOCK_SPACE = 7301


async def serialise_operators(session: AsyncSession, operators: Iterable[str]) -> None:
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
    - SQLite: the file's one write lock, taken before the check reads
      (store.db.write_lock_first), so the check sees every slot committed before it and
      nobody can insert until it commits.
    """
    if session.get_bind().dialect.name == "postgresql":
        for key in sorted({o.strip().casefold() for o in operators}):
            await session.execute(
                text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
                {"space": AGENDA_LOCK_SPACE, "key": key},
            )
    else:
        await write_lock_first(session)
