"""Storage against real databases: SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text

from dialogs import State
from store import conversations
from store.db import (
    create_engine_async,
    create_engine_sync,
    session_factory,
    write_lock_first,
    writer_gate,
)
from store.migrate import alembic_config, upgrade
from store.models import Beneficiary, ConsentEvent, Conversation

NOW = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night Italy moves to summer time


async def test_state_round_trips_and_survives_a_new_engine(database_url: str, sessions) -> None:  # type: ignore[no-untyped-def]
    state = State(language="it", consent_version="v1", misunderstood=1)
    async with sessions.begin() as session:
        await conversations.save_state(session, 42, state, NOW)
    fresh = session_factory(create_engine_async(database_url))
    async with fresh() as session:
        assert await conversations.load_state(session, 42) == state
        assert await conversations.load_state(session, 43) == State()


async def test_unknown_state_fields_from_an_older_version_are_ignored(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        session.add(
            Conversation(telegram_id=7, state={"language": "it", "gone_field": 1}, updated_at=NOW)
        )
    async with sessions() as session:
        assert await conversations.load_state(session, 7) == State(language="it")


async def test_consent_creates_the_profile_and_keeps_a_record(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        await conversations.record_consent(
            session, 42, version="v1", accepted=True, language="it", display_name="Anna", now=NOW
        )
    async with sessions() as session:
        person = await conversations.find_beneficiary(session, 42)
        assert person is not None
        assert (person.consent_version, person.display_name) == ("v1", "Anna")
        assert person.consent_at == NOW
        events = (await session.execute(select(ConsentEvent))).scalars().all()
        assert [(e.notice_version, e.accepted) for e in events] == [("v1", True)]


async def test_instants_come_back_as_utc_whatever_zone_went_in(sessions) -> None:  # type: ignore[no-untyped-def]
    rome_summer = timezone(timedelta(hours=2))
    written = datetime(2026, 10, 25, 2, 30, tzinfo=rome_summer)
    async with sessions.begin() as session:
        await conversations.save_state(session, 1, State(), written)
    async with sessions() as session:
        row = await session.get(Conversation, 1)
        assert row is not None
        assert row.updated_at == written
        assert row.updated_at.utcoffset() == timedelta(0)


async def test_naive_datetimes_are_refused(sessions) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Exception, match="naive"):
        async with sessions.begin() as session:
            await conversations.save_state(session, 1, State(), datetime(2026, 1, 1))


async def test_unreachable_is_set_once_and_cleared_when_the_person_writes(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        await conversations.record_consent(
            session, 5, version="v1", accepted=True, language="it", display_name=None, now=NOW
        )
        await conversations.mark_unreachable(session, 5, NOW)
        await conversations.mark_unreachable(session, 5, NOW + timedelta(hours=1))
    async with sessions() as session:
        assert (await conversations.find_beneficiary(session, 5)).unreachable_since == NOW
    async with sessions.begin() as session:
        await conversations.touch(session, 5, "Ana", NOW + timedelta(days=1))
    async with sessions() as session:
        person = await conversations.find_beneficiary(session, 5)
        assert (person.unreachable_since, person.display_name) == (None, "Ana")


async def test_a_turn_writes_the_profile_only_when_it_would_change(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        unknown = await conversations.resume(session, 6)
    assert not unknown.profile_is_current("Anna", NOW)  # no row yet: touch to be safe
    async with sessions.begin() as session:
        await conversations.save_state(session, 6, State(language="it"), NOW)
    async with sessions() as session:
        before_consent = await conversations.resume(session, 6)
    assert before_consent.state == State(language="it")
    assert before_consent.profile_is_current("Anna", NOW)  # nothing to touch
    async with sessions.begin() as session:
        await conversations.record_consent(
            session, 6, version="v1", accepted=True, language="it", display_name="Anna", now=NOW
        )
    async with sessions() as session:
        resumed = await conversations.resume(session, 6)
    soon = NOW + conversations.LAST_SEEN_PRECISION - timedelta(seconds=1)
    assert resumed.profile_is_current("Anna", soon)
    assert resumed.profile_is_current(None, soon)
    assert not resumed.profile_is_current("Ana", soon)
    assert not resumed.profile_is_current("Anna", NOW + conversations.LAST_SEEN_PRECISION)
    async with sessions.begin() as session:
        await conversations.mark_unreachable(session, 6, NOW)
    async with sessions() as session:
        assert not (await conversations.resume(session, 6)).profile_is_current("Anna", soon)


async def test_saving_a_state_twice_keeps_one_row(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        await conversations.save_state(session, 8, State(), NOW)
        await conversations.save_state(session, 8, State(misunderstood=2), NOW)
    async with sessions.begin() as session:
        await conversations.save_state(session, 8, State(misunderstood=3), NOW)
    async with sessions() as session:
        count = select(func.count()).select_from(Conversation)
        assert (await session.execute(count)).scalar() == 1
        assert (await conversations.load_state(session, 8)).misunderstood == 3


async def test_nothing_but_the_conversation_exists_before_consent(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        await conversations.save_state(session, 9, State(), NOW)
        await conversations.touch(session, 9, "Nome", NOW)
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(Beneficiary))).scalar() == 0


def test_migrations_downgrade_and_upgrade_cleanly(database_url: str) -> None:
    from alembic import command

    upgrade(database_url)
    command.downgrade(alembic_config(database_url), "base")
    upgrade(database_url)
    engine = create_engine_sync(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM conversations")).scalar() == 0
    engine.dispose()


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    engine = create_engine_sync(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


async def test_only_sqlite_turns_queue_on_one_gate(database_url: str) -> None:
    engine = create_engine_async(database_url)
    gate = writer_gate(engine)
    # SQLite has one write lock per file, so the bot's turns take turns in the process;
    # PostgreSQL locks rows, so its turns must not wait for each other.
    assert isinstance(gate, asyncio.Lock) == database_url.startswith("sqlite")
    await engine.dispose()


async def test_a_sqlite_check_then_write_waits_for_the_writer_before_it_reads(
    sqlite_url: str,
) -> None:
    """Two engines, as two processes: while one holds an uncommitted insert, the other's
    write_lock_first waits, so its read afterwards sees the insert once committed. A read
    made before the wait would count nothing and decide on a stale picture."""
    upgrade(sqlite_url)
    holder, checker = create_engine_async(sqlite_url), create_engine_async(sqlite_url)
    held, checking = session_factory(holder), session_factory(checker)
    inserted = asyncio.Event()

    async with held.begin() as session:
        await session.execute(text("CREATE TABLE probe (x INTEGER)"))

    async def insert_and_hold() -> None:
        async with held.begin() as session:
            await session.execute(text("INSERT INTO probe VALUES (1)"))
            inserted.set()
            await asyncio.sleep(0.3)

    async def check() -> int:
        await inserted.wait()
        async with checking.begin() as session:
            await write_lock_first(session)
            return int(await session.scalar(text("SELECT count(*) FROM probe")) or 0)

    try:
        _, seen = await asyncio.gather(insert_and_hold(), check())
        assert seen == 1
    finally:
        await holder.dispose()
        await checker.dispose()


def test_handoffs_claimed_before_0009_keep_the_bot_quiet(database_url: str) -> None:
    """Conversations handed over under the old code learn whether an operator has them."""
    upgrade(database_url, "0008")
    engine = create_engine_sync(database_url)
    handed = json.dumps({"handoff": True, "language": "it"})
    with engine.begin() as conn:
        for telegram_id, status, urgent in ((1, "claimed", False), (2, "open", True)):
            conn.execute(
                text(
                    "INSERT INTO conversations (telegram_id, state, updated_at) VALUES (:t, :s, :n)"
                ),
                {"t": telegram_id, "s": handed, "n": NOW},
            )
            conn.execute(
                text(
                    "INSERT INTO handoffs (telegram_id, status, reason, urgent, opened_at,"
                    " announced_at) VALUES (:t, :st, 'asked', :u, :n, :n)"
                ),
                {"t": telegram_id, "st": status, "u": urgent, "n": NOW},
            )
    upgrade(database_url)
    with engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT telegram_id, state FROM conversations")).all())
    engine.dispose()
    states = {k: v if isinstance(v, dict) else json.loads(v) for k, v in rows.items()}
    assert (states[1]["handoff_claimed"], states[1]["handoff_urgent"]) == (True, False)
    assert (states[2]["handoff_claimed"], states[2]["handoff_urgent"]) == (False, True)
