"""The handoff service (app/handoffs.py) on SQLite and PostgreSQL, with an in-memory
Telegram side: the inbox's order and filters, claim / release / close and who may, replies
signed and recorded, notes that never reach the person, the core told, and the audit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.handoffs import Actor, HandoffService, NoViews
from app.ports import RelayedOut, Upload
from dialogs.model import Turn
from runtime.services import build_core
from store import handoffs
from store.handoffs import RelayedFile
from store.models import AuditEntry, Beneficiary, Handoff
from store.settings import Settings

pytestmark = pytest.mark.asyncio

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@dataclass
class RecordingViews:
    """The Telegram side, in memory: what the topic and the person would get."""

    reaches_people: bool = True
    topic: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)
    turns: list[tuple[int, Turn]] = field(default_factory=list)
    files: list[Upload] = field(default_factory=list)
    next_id: int = 100

    async def claimed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        self.topic.append(f"claimed {by} web={from_web}")

    async def released(self, handoff_id: int, by: str) -> None:
        self.topic.append(f"released {by}")

    async def closed(self, handoff_id: int, by: str, *, from_web: bool) -> None:
        self.topic.append(f"closed {by}")

    async def reply(self, telegram_id: int, text: str, by: str) -> RelayedOut | None:
        self.person.append(f"👤 {by}: {text}")
        self.topic.append(f"💻 {by}: {text}")
        self.next_id += 2
        return RelayedOut(self.next_id, self.next_id + 1)

    async def reply_file(
        self, telegram_id: int, upload: Upload, caption: str, by: str
    ) -> RelayedOut | None:
        self.files.append(upload)
        self.person.append(f"📎 {upload.name} {caption}\n— 👤 {by}")
        self.topic.append(f"💻 {by}: 📎 {upload.name} {caption}")
        self.next_id += 2
        kind = "photo" if upload.as_photo else "document"
        sent = RelayedFile(f"sent-{self.next_id}", kind, upload.name, upload.mime_type)
        return RelayedOut(self.next_id, self.next_id + 1, sent)

    async def note(self, telegram_id: int, text: str, by: str) -> None:
        self.topic.append(f"📝 {by}: {text}")

    async def deliver(self, telegram_id: int, turn: Turn, *, recorded: bool) -> None:
        self.turns.append((telegram_id, turn))


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def world(database_url: str, tmp_path) -> AsyncIterator[tuple]:  # type: ignore[no-untyped-def]
    from store.migrate import upgrade

    upgrade(database_url)
    settings = Settings(database_url=database_url, var_dir=tmp_path, _env_file=None)
    core = build_core(settings, operators_available=True)
    views, clock = RecordingViews(), Clock()
    service = HandoffService(core.sessions, clock, views, core.assistant, "Europe/Rome")
    yield core, service, views, clock
    await core.aclose()


async def _open(core, telegram_id: int, *, urgent: bool, at: datetime, name: str | None) -> int:  # type: ignore[no-untyped-def]
    async with core.sessions.begin() as session:
        if name is not None:
            session.add(
                Beneficiary(
                    telegram_id=telegram_id,
                    display_name=name,
                    language="ro",
                    consent_version="1",
                    consent_at=at,
                    created_at=at,
                    last_seen_at=at,
                )
            )
        handoff, _ = await handoffs.open_handoff(session, telegram_id, "asked", urgent, at)
        return handoff.id


ANNA = Actor(name="Anna", account_id=1)
BRUNO = Actor(name="Bruno", account_id=2, telegram_user_id=777)


async def test_inbox_urgent_first_then_longest_waiting_and_filters(world) -> None:  # type: ignore[no-untyped-def]
    core, service, _, clock = world
    late = await _open(core, 1, urgent=False, at=NOW - timedelta(minutes=5), name="Late")
    early = await _open(core, 2, urgent=False, at=NOW - timedelta(minutes=50), name=None)
    urgent = await _open(core, 3, urgent=True, at=NOW - timedelta(minutes=1), name="Urgent")

    rows = await service.inbox("open", ANNA)
    assert [r.handoff_id for r in rows] == [urgent, early, late]
    assert rows[0].name == "Urgent" and rows[0].language == "ro" and rows[0].urgent
    assert rows[1].name is None and rows[1].language == "it"

    assert (await service.claim(late, ANNA, from_web=True)).ok
    assert [r.handoff_id for r in await service.inbox("mine", ANNA)] == [late]
    assert [r.handoff_id for r in await service.inbox("mine", BRUNO)] == []
    assert [r.handoff_id for r in await service.inbox("unclaimed", ANNA)] == [urgent, early]
    assert (await service.inbox("open", BRUNO))[2].claimed_by_name == "Anna"

    assert (await service.close(early, BRUNO, from_web=True)).ok
    assert [r.handoff_id for r in await service.inbox("closed_today", ANNA)] == [early]
    assert early not in [r.handoff_id for r in await service.inbox("open", ANNA)]
    clock.now = NOW + timedelta(days=1)
    assert await service.inbox("closed_today", ANNA) == []


async def test_claim_release_close_and_who_may(world) -> None:  # type: ignore[no-untyped-def]
    core, service, views, _ = world
    handoff_id = await _open(core, 10, urgent=False, at=NOW, name="Carla")

    # A Telegram user and the console account linked to them are the same person.
    from_group = Actor(name="Bruno", telegram_user_id=777)
    assert (await service.claim(handoff_id, from_group)).ok
    assert [r.handoff_id for r in await service.inbox("mine", BRUNO)] == [handoff_id]
    assert (await service.claim(handoff_id, BRUNO, from_web=True)).ok

    refused = await service.claim(handoff_id, ANNA, from_web=True)
    assert (refused.problem, refused.by) == ("claimed_by_other", "Bruno")
    assert (await service.release(handoff_id, ANNA)).problem == "claimed_by_other"
    assert (await service.release(handoff_id, BRUNO)).ok
    assert (await service.release(handoff_id, BRUNO)).problem == "not_claimed"
    assert (await service.claim(handoff_id, ANNA, from_web=True)).ok
    assert (await service.close(handoff_id, ANNA, from_web=True)).ok
    assert (await service.close(handoff_id, ANNA)).problem == "gone"
    assert (await service.claim(handoff_id, ANNA)).problem == "gone"
    assert views.topic == [
        "claimed Bruno web=False",
        "claimed Bruno web=True",
        "released Bruno",
        "claimed Anna web=True",
        "closed Anna",
    ]
    # The core heard every claim and the close; the person got what it answered.
    assert [chat for chat, _ in views.turns] == [10, 10, 10, 10]

    async with core.sessions() as session:
        actions = list(await session.scalars(select(AuditEntry.action + "/" + AuditEntry.actor)))
        handoff = await session.get(Handoff, handoff_id)
    assert actions == [
        "claimed/777",
        "claimed/web:2",
        "released/web:2",
        "claimed/web:1",
        "closed/web:1",
    ]
    assert handoff is not None and handoff.closed_by == "Anna"


async def test_reply_and_note_in_the_thread_but_the_note_never_to_the_person(world) -> None:  # type: ignore[no-untyped-def]
    core, service, views, clock = world
    handoff_id = await _open(core, 20, urgent=False, at=NOW, name="Dario")
    async with core.sessions.begin() as session:
        handoff = await session.get(Handoff, handoff_id)
        await handoffs.record_relay(session, handoff, "in", 5, 6, "Ho bisogno di aiuto", NOW)
        await handoffs.remember_text(session, 20, "voglio una persona", NOW)

    clock.now = NOW + timedelta(minutes=1)
    assert (await service.reply(handoff_id, ANNA, "  Ciao, sono qui.  ")).ok
    clock.now = NOW + timedelta(minutes=2)
    assert (await service.note(handoff_id, ANNA, "Richiamare domani")).ok
    assert (await service.reply(handoff_id, ANNA, "   ")).problem == "empty"
    assert (await service.note(handoff_id, ANNA, "x" * 5000)).problem == "too_long"

    assert views.person == ["👤 Anna: Ciao, sono qui."]
    assert views.topic == ["💻 Anna: Ciao, sono qui.", "📝 Anna: Richiamare domani"]
    page = await service.conversation(handoff_id, ANNA)
    assert page is not None
    assert page.recent == ["voglio una persona"]
    assert [(i.kind, i.text, i.author) for i in page.items] == [
        ("in", "Ho bisogno di aiuto", None),
        ("out", "Ciao, sono qui.", "Anna"),
        ("note", "Richiamare domani", "Anna"),
    ]
    assert not page.mine
    async with core.sessions() as session:
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["replied", "note", "viewed_handoff"]

    # Erasing the person takes the notes too.
    async with core.sessions.begin() as session:
        await handoffs.erase(session, 20)
    assert await service.conversation(handoff_id, ANNA) is None


async def test_without_telegram_replies_are_refused_and_notes_kept(world) -> None:  # type: ignore[no-untyped-def]
    core, _, _, clock = world
    service = HandoffService(core.sessions, clock, NoViews(), None, "Europe/Rome")
    handoff_id = await _open(core, 30, urgent=True, at=NOW, name=None)
    assert (await service.reply(handoff_id, ANNA, "Ciao")).problem == "no_telegram"
    assert (await service.note(handoff_id, ANNA, "Solo per noi")).ok
    assert (await service.claim(handoff_id, ANNA, from_web=True)).ok
    page = await service.conversation(handoff_id, ANNA)
    assert page is not None and page.mine and not page.reaches_people
    assert [i.kind for i in page.items] == ["note"]


async def test_the_start_up_repair_tells_only_people_a_crash_left_with_a_closed_request(
    world,
) -> None:  # type: ignore[no-untyped-def]
    """Closed, but the conversation still "with a person": told now (20). Not those with
    another request open (21), nor those whose conversation already knows (22), nor closes
    older than the repair's window (23)."""
    from dialogs import State
    from store import conversations

    core, service, views, _ = world
    cases = {20: (True, 1), 21: (True, 1), 22: (False, 1), 23: (True, 72)}  # handoff, hours ago
    for telegram_id, (in_handoff, hours) in cases.items():
        handoff_id = await _open(core, telegram_id, urgent=False, at=NOW, name="P")
        async with core.sessions.begin() as session:
            closing = await session.get(Handoff, handoff_id)
            assert closing is not None
            closing.status, closing.closed_at = "closed", NOW - timedelta(hours=hours)
            state = State(consent_version="1", handoff=in_handoff, handoff_claimed=in_handoff)
            await conversations.save_state(session, telegram_id, state, NOW)
    await _open(core, 21, urgent=False, at=NOW, name=None)  # a new request, still open

    assert await service.repair() == 1
    assert [chat for chat, _ in views.turns] == [20]
    assert "handoff-ended" in [reply.key for reply in views.turns[0][1].replies]
    async with core.sessions() as session:
        after = await conversations.resume(session, 20)
    assert after.known and not after.state.handoff
    assert await service.repair() == 0  # once
