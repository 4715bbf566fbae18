"""Files carried by relayed messages (migration 0014), on SQLite and PostgreSQL: recorded
with the row, shown in the thread, fetched only through their own handoff, forgotten with
the text after the retention period, gone with an erasure; and the handoff service's reply
with an attachment (checked, sent, recorded with the file the person's copy holds, audited)
and its reading of a file (audited once per few minutes, never for another handoff's id)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.handoffs import FILE_VIEW_AUDIT_GAP, Actor
from store import handoff_inbox, handoffs, privacy
from store.handoffs import RelayedFile
from store.models import AuditEntry, Handoff, RelayedMessage
from tests.adapters import test_handoff_service as base
from tests.adapters.test_handoff_service import NOW, _open

world = base.world  # the fixture: a migrated database, the service, its Telegram side in memory

pytestmark = pytest.mark.asyncio

PHOTO = RelayedFile("AgAC-photo-1", "photo", None, "image/jpeg")
PAYSLIP = RelayedFile("BQAC-doc-2", "document", "busta paga <marzo>.pdf", "application/pdf")
PDF = b"%PDF-1.7\n" + b"x" * 100
DARIO = Actor(name="Dario", account_id=7)


async def _relay(core, handoff_id: int, text: str | None, file: RelayedFile | None, at=NOW) -> int:  # type: ignore[no-untyped-def]
    async with core.sessions.begin() as session:
        handoff = await session.get(Handoff, handoff_id)
        await handoffs.record_relay(session, handoff, "in", 11, 12, text, at, file=file)
        await session.flush()
        return int(await session.scalar(select(func.max(RelayedMessage.id))))


async def _actions(core) -> list[str]:  # type: ignore[no-untyped-def]
    async with core.sessions() as session:
        return list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


async def test_a_file_is_recorded_and_shown_in_the_thread(world) -> None:  # type: ignore[no-untyped-def]
    core, _service, _views, _clock = world
    handoff_id = await _open(core, 401, urgent=False, at=NOW, name="Ioana")
    await _relay(core, handoff_id, "il modulo", PHOTO)
    await _relay(core, handoff_id, None, PAYSLIP, NOW + timedelta(seconds=1))
    await _relay(core, handoff_id, "grazie", None, NOW + timedelta(seconds=2))
    async with core.sessions() as session:
        items = await handoff_inbox.thread(session, handoff_id)
    shown = [(i.text, i.has_file, i.file_kind, i.file_name, i.mime_type) for i in items]
    assert shown == [
        ("il modulo", True, "photo", None, "image/jpeg"),
        (None, True, "document", "busta paga <marzo>.pdf", "application/pdf"),
        ("grazie", False, None, None, None),
    ]
    assert all(i.relay_id for i in items)


async def test_a_file_is_found_only_through_its_own_handoff(world) -> None:  # type: ignore[no-untyped-def]
    core, service, _views, _clock = world
    mine = await _open(core, 402, urgent=False, at=NOW, name="Ana")
    other = await _open(core, 403, urgent=False, at=NOW, name="Omar")
    photo = await _relay(core, mine, None, PHOTO)
    text_only = await _relay(core, mine, "solo testo", None)
    assert await service.attachment(mine, photo, DARIO) == PHOTO
    assert await service.attachment(other, photo, DARIO) is None  # another handoff's id
    assert await service.attachment(mine, text_only, DARIO) is None  # no file there
    assert await service.attachment(mine, 999_999, DARIO) is None
    # Only the view that found a file is audited, and about the right person.
    async with core.sessions() as session:
        rows = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.action == "viewed_file"))
        )
    assert [(r.actor, r.beneficiary_id is not None) for r in rows] == [("web:7", True)]


async def test_file_views_are_audited_once_per_few_minutes(world) -> None:  # type: ignore[no-untyped-def]
    core, service, _views, clock = world
    handoff_id = await _open(core, 404, urgent=False, at=NOW, name="Ana")
    photo = await _relay(core, handoff_id, None, PHOTO)
    for _ in range(3):  # a live page swapping its thread fetches the photo again
        await service.attachment(handoff_id, photo, DARIO)
    await service.attachment(handoff_id, photo, Actor(name="Giulia", account_id=8))
    clock.now = NOW + FILE_VIEW_AUDIT_GAP + timedelta(seconds=1)
    await service.attachment(handoff_id, photo, DARIO)
    async with core.sessions() as session:
        actors = list(
            await session.scalars(
                select(AuditEntry.actor)
                .where(AuditEntry.action == "viewed_file")
                .order_by(AuditEntry.id)
            )
        )
    assert actors == ["web:7", "web:8", "web:7"]


async def test_retention_forgets_the_file_with_the_text(world) -> None:  # type: ignore[no-untyped-def]
    core, _service, _views, _clock = world
    handoff_id = await _open(core, 405, urgent=False, at=NOW, name="Ana")
    old_photo = await _relay(core, handoff_id, None, PHOTO, NOW - timedelta(days=100))
    old_doc = await _relay(core, handoff_id, "ecco", PAYSLIP, NOW - timedelta(days=100))
    new_photo = await _relay(core, handoff_id, None, PHOTO, NOW - timedelta(days=10))
    async with core.sessions.begin() as session:
        forgotten = await handoffs.forget_old_texts(session, NOW, 90)
    assert forgotten == 2  # a photo without a caption counts too
    async with core.sessions() as session:
        rows = {r.id: r for r in await session.scalars(select(RelayedMessage))}
    for relay_id in (old_photo, old_doc):
        row = rows[relay_id]
        assert (row.text, row.file_id, row.file_name, row.mime_type) == (None, None, None, None)
        assert row.file_kind is not None  # the page can still say a photo was there
        assert row.private_message_id == 11  # the mapping for replies stays
    assert rows[new_photo].file_id == PHOTO.file_id
    async with core.sessions() as session:
        assert await handoffs.relayed_file(session, handoff_id, old_photo) is None
        items = await handoff_inbox.thread(session, handoff_id)
    assert [(i.has_file, i.file_kind) for i in items] == [
        (False, "photo"), (False, "document"), (True, "photo"),
    ]  # fmt: skip


async def test_an_erasure_takes_the_files(world) -> None:  # type: ignore[no-untyped-def]
    core, _service, _views, _clock = world
    handoff_id = await _open(core, 406, urgent=False, at=NOW, name="Ana")
    await _relay(core, handoff_id, None, PHOTO)
    async with core.sessions.begin() as session:
        await privacy.erase_person(session, 406, NOW, actor="web:1")
    async with core.sessions() as session:
        left = await session.scalar(
            select(func.count())
            .select_from(RelayedMessage)
            .where(RelayedMessage.file_id.is_not(None))
        )
    assert left == 0


async def test_a_reply_with_a_file_is_sent_recorded_and_audited(world) -> None:  # type: ignore[no-untyped-def]
    core, service, views, _clock = world
    handoff_id = await _open(core, 407, urgent=False, at=NOW, name="Ana")
    done = await service.reply(
        handoff_id, DARIO, "  Il modulo da firmare  ", ("C:\\tmp\\modulo.pdf", PDF)
    )
    assert done.ok
    assert views.person == ["📎 modulo.pdf Il modulo da firmare\n— 👤 Dario"]
    assert [(u.name, u.mime_type, u.as_photo) for u in views.files] == [
        ("modulo.pdf", "application/pdf", False)
    ]
    async with core.sessions() as session:
        row = await session.scalar(
            select(RelayedMessage).where(RelayedMessage.handoff_id == handoff_id)
        )
    assert (row.direction, row.text, row.author) == ("out", "Il modulo da firmare", "Dario")
    assert (row.file_kind, row.file_name, row.mime_type) == (
        "document",
        "modulo.pdf",
        "application/pdf",
    )
    assert row.file_id.startswith("sent-")  # the person's copy, as the views returned it
    assert await _actions(core) == ["replied"]
    # Without a text, the file alone goes; a photo goes as a photo.
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 50
    assert (await service.reply(handoff_id, DARIO, "", ("foto.jpg", jpeg))).ok
    assert views.files[-1].as_photo


@pytest.mark.parametrize(
    ("text", "attachment", "problem"),
    [
        ("", ("vuoto.pdf", b""), "file_empty"),
        ("x", ("pagina.html", b"<script>"), "file_type"),
        ("x", ("finto.pdf", b"MZ\x90\x00"), "file_type"),
        ("x", ("grande.pdf", b"%PDF-" + b"x" * (10 * 1024 * 1024)), "file_too_big"),
        ("x" * 901, ("ok.pdf", PDF), "caption_too_long"),
    ],
)
async def test_a_refused_file_sends_and_records_nothing(world, text, attachment, problem) -> None:  # type: ignore[no-untyped-def]
    core, service, views, _clock = world
    handoff_id = await _open(core, 408, urgent=False, at=NOW, name="Ana")
    done = await service.reply(handoff_id, DARIO, text, attachment)
    assert done.problem == problem
    assert views.person == [] and views.topic == [] and views.files == []
    async with core.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(RelayedMessage)) == 0
    assert await _actions(core) == []
