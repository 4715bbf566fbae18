"""Relayed files in the console: GET /handoffs/{id}/files/{relay_id} (only a message of that
handoff, audited, the recorded type shown inline only when allow-listed, nosniff, never
cached), the thread showing a photo, a voice note and a document, a reply with an
attachment (multipart with its CSRF token, errors beside the field) and the 413 past the
body limit; over HTTP and in Chromium.

The console runs with the real handoff service and database; the Telegram side (the
HandoffViews and the Files port) is in memory. tests/e2e/test_web_files.py is the same
with the real bot, the emulator and Rasa.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.handoffs import HandoffService
from app.ports import FileContent
from store import handoffs
from store.handoffs import RelayedFile
from store.models import Handoff, RelayedMessage
from tests.web.support import MovableClock, csrf_of
from tests.web.test_browser import shot
from tests.web.test_handoff_pages import XSS, HandoffConsole, log_in
from web import create_app
from web.roles import Role

PDF = b"%PDF-1.4\n% a test document\n" + b"0" * 200


def png(width: int = 160, height: int = 100) -> bytes:
    """A real PNG (a blue sky over a green field) made with the standard library, so
    the browser has something to draw."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    sky, field = b"\x4a\x90\xd9", b"\x3c\xa0\x4b"
    rows = b"".join(b"\x00" + (sky if y < height * 0.6 else field) * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class MemoryFiles:
    """app/ports.Files in memory: what Telegram would give back by file_id."""

    def __init__(self) -> None:
        self.stored: dict[str, FileContent] = {}
        self.read_ids: list[str] = []

    async def read(self, file_id: str) -> FileContent | None:
        self.read_ids.append(file_id)
        return self.stored.get(file_id)


class FileConsole(HandoffConsole):
    def __init__(self, database_url: str, clock: MovableClock, *, files: bool = True) -> None:
        super().__init__(database_url, clock)
        self.files = MemoryFiles() if files else None

    def app(self, sessions):  # type: ignore[no-untyped-def]
        service = HandoffService(sessions, self.clock, self.views, None, "Europe/Rome")
        return create_app(sessions, self.settings, self.clock, handoffs=service, files=self.files)

    def person_sends(
        self,
        handoff_id: int,
        file: RelayedFile,
        data: bytes | None,
        caption: str | None = None,
    ) -> int:
        """A relayed message with a file, as bot/operators/desk.relay_in records it; `data`
        is what Telegram still holds (None: nothing any more)."""
        if data is not None and self.files is not None:
            self.files.stored[file.file_id] = FileContent(data, None, None)

        async def work(session):  # type: ignore[no-untyped-def]
            handoff = await session.get(Handoff, handoff_id)
            await handoffs.record_relay(
                session, handoff, "in", 1, 2, caption, self.clock(), file=file
            )
            await session.flush()
            return await session.scalar(select(func.max(RelayedMessage.id)))

        return int(self.db(work))


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[FileConsole]:
    server = FileConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


PHOTO = RelayedFile("AgAC-photo", "photo", None, "image/jpeg")
VOICE = RelayedFile("AwAC-voice", "voice", None, "audio/ogg")
PAYSLIP = RelayedFile("BQAC-pdf", "document", "busta paga marzo.pdf", "application/pdf")
PAGE = RelayedFile("BQAC-html", "document", f"{XSS}.html", "text/html")


# ----------------------------------------------------------------------------------- HTTP


def test_a_file_only_through_its_own_handoff_audited_and_typed(console: FileConsole) -> None:
    mine = console.person_asks(21, "Ioana")
    other = console.person_asks(22, "Omar")
    photo = console.person_sends(mine, PHOTO, png(), caption="il modulo")
    theirs = console.person_sends(other, PAYSLIP, PDF)
    operator = console.http_login(console.ready_account("dario", Role.OPERATOR, totp=False))

    shown = operator.get(f"/handoffs/{mine}/files/{photo}")
    assert shown.status_code == 200 and shown.content == png()
    assert shown.headers["content-type"] == "image/jpeg"
    assert shown.headers["content-disposition"].startswith('inline; filename="foto.jpg"')
    assert shown.headers["x-content-type-options"] == "nosniff"
    assert "no-store" in shown.headers["cache-control"]
    assert "sandbox" in shown.headers["content-security-policy"]
    assert [a for a in console.audit_actions() if "web-" not in a] == ["viewed_file"]

    # Another handoff's message through this handoff, a text, a made-up id: the same 404,
    # nothing read from Telegram, nothing audited.
    console.files.read_ids.clear()  # type: ignore[union-attr]
    for path in (
        f"/handoffs/{mine}/files/{theirs}",
        f"/handoffs/{other}/files/{photo}",
        f"/handoffs/{mine}/files/999999",
        f"/handoffs/999999/files/{photo}",
    ):
        assert operator.get(path).status_code == 404, path
    assert console.files.read_ids == []  # type: ignore[union-attr]
    assert [a for a in console.audit_actions() if "web-" not in a] == ["viewed_file"]

    anonymous = operator.__class__(base_url=console.url, follow_redirects=False)
    refused = anonymous.get(f"/handoffs/{mine}/files/{photo}")
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")


def test_documents_are_downloads_whatever_their_type(console: FileConsole) -> None:
    handoff_id = console.person_asks(23, "Ana")
    pdf = console.person_sends(handoff_id, PAYSLIP, PDF)
    page = console.person_sends(handoff_id, PAGE, b"<script>alert(1)</script>")
    voice = console.person_sends(handoff_id, VOICE, b"OggS voice")
    operator = console.http_login(console.ready_account("dario", Role.OPERATOR, totp=False))

    got = operator.get(f"/handoffs/{handoff_id}/files/{pdf}")
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == (
        "attachment; filename=\"busta paga marzo.pdf\"; filename*=UTF-8''busta%20paga%20marzo.pdf"
    )
    html = operator.get(f"/handoffs/{handoff_id}/files/{page}")
    assert html.headers["content-disposition"].startswith(
        'attachment; filename="_img src_x onerror_alert_1_.html"'
    )
    assert html.headers["x-content-type-options"] == "nosniff"
    heard = operator.get(f"/handoffs/{handoff_id}/files/{voice}")
    assert heard.headers["content-type"] == "audio/ogg"
    assert heard.headers["content-disposition"].startswith("inline;")

    # The page: a player for the voice note, a download link named as sent (as text).
    thread = operator.get(f"/handoffs/{handoff_id}").text
    assert f'<audio controls preload="none" src="/handoffs/{handoff_id}/files/{voice}"' in thread
    assert f'href="/handoffs/{handoff_id}/files/{pdf}" download' in thread
    assert XSS not in thread and "&lt;img src=x onerror=alert(1)&gt;.html" in thread


def test_a_file_telegram_no_longer_has(console: FileConsole) -> None:
    handoff_id = console.person_asks(24, "Ana")
    gone = console.person_sends(handoff_id, PHOTO, None)
    operator = console.http_login(console.ready_account("dario", Role.OPERATOR, totp=False))
    page = operator.get(f"/handoffs/{handoff_id}/files/{gone}")
    assert page.status_code == 404
    assert "Telegram non lo ha più" in page.text
    assert "text/html" in page.headers["content-type"]


def test_without_telegram_files_are_listed_not_shown(tmp_path: Path, clock: MovableClock) -> None:
    server = FileConsole(f"sqlite:///{tmp_path / 'alone.sqlite3'}", clock, files=False)
    server.start()
    try:
        handoff_id = server.person_asks(25, "Ana")
        photo = server.person_sends(handoff_id, PHOTO, None)
        operator = server.http_login(server.ready_account("dario", Role.OPERATOR, totp=False))
        thread = operator.get(f"/handoffs/{handoff_id}").text
        assert "Foto: il bot ora non è collegato a Telegram" in thread
        assert "<img" not in thread
        page = operator.get(f"/handoffs/{handoff_id}/files/{photo}")
        assert page.status_code == 404 and "non è collegato a Telegram" in page.text
    finally:
        server.stop()


def test_a_reply_with_an_attachment(console: FileConsole) -> None:
    handoff_id = console.person_asks(26, "Ana")
    operator = console.http_login(console.ready_account("dario", Role.OPERATOR, totp=False))
    url = f"/handoffs/{handoff_id}/write/reply"
    token = csrf_of(operator.get(f"/handoffs/{handoff_id}").text)
    pdf = {"attachment": ("modulo.pdf", PDF, "application/pdf")}

    # Multipart like any form: without its token, refused.
    assert operator.post(url, data={"text": "x"}, files=pdf).status_code == 403
    assert console.views.files == []

    sent = operator.post(url, data={"csrf_token": token, "text": "Da firmare"}, files=pdf)
    assert sent.status_code == 303 and sent.headers["location"].endswith("done=reply#thread")
    assert [(u.name, u.mime_type, u.as_photo) for u in console.views.files] == [
        ("modulo.pdf", "application/pdf", False)
    ]
    thread = operator.get(f"/handoffs/{handoff_id}").text
    assert "Da firmare" in thread and "modulo.pdf" in thread

    # A file of the wrong kind: the message beside the field, the text kept, nothing sent.
    fake = {"attachment": ("modulo.pdf", b"MZ\x90\x00 a program", "application/pdf")}
    refused = operator.post(url, data={"csrf_token": token, "text": "Riprovo"}, files=fake)
    assert refused.status_code == 400
    assert 'id="attachment-error"' in refused.text and "solo foto" in refused.text
    assert ">Riprovo</textarea>" in refused.text
    assert len(console.views.files) == 1

    # No file chosen: the browser sends an empty, nameless part; a plain reply.
    empty = {"attachment": ("", b"", "application/octet-stream")}
    plain = operator.post(url, data={"csrf_token": token, "text": "Ciao"}, files=empty)
    assert plain.status_code == 303 and console.views.person[-1] == "👤 Dario: Ciao"

    too_big = {"attachment": ("grande.pdf", b"%PDF-" + b"0" * (17 * 1024 * 1024), "x/y")}
    past_limit = operator.post(url, data={"csrf_token": token, "text": "x"}, files=too_big)
    assert past_limit.status_code == 413 and "troppo grande" in past_limit.text
    assert len(console.views.files) == 1


# -------------------------------------------------------------------------------- browser


def test_photo_voice_and_document_in_the_browser_and_a_reply_with_a_pdf(  # type: ignore[no-untyped-def]
    page, console: FileConsole, tmp_path: Path
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: errors.append(f"dialog {d.message}"))
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.request.method} {r.url}") if r.status >= 400 else None
        ),
    )
    handoff_id = console.person_asks(27, "Ioana Popescu")
    console.person_writes(handoff_id, "Buongiorno, vi mando il modulo e la busta paga")
    console.person_sends(handoff_id, PHOTO, png(), caption="il modulo compilato")
    console.person_sends(handoff_id, PAYSLIP, PDF)
    console.person_sends(handoff_id, VOICE, b"OggS voice")
    log_in(page, console, console.ready_account("dario", Role.OPERATOR))
    page.goto(f"{console.url}/handoffs/{handoff_id}")

    image = page.locator("img.msg-photo")
    image.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.msg-photo').complete")
    assert image.evaluate("img => img.naturalWidth") == 160
    assert image.get_attribute("alt") == "Foto mandata dalla persona"
    assert page.locator("audio").count() == 1
    link = page.get_by_role("link", name="busta paga marzo.pdf")
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_bytes() == PDF
    assert download.value.suggested_filename == "busta paga marzo.pdf"
    shot(page, "conversation-files")

    # A reply with a PDF: chosen in the file input, sent with the signed caption.
    attachment = tmp_path / "modulo firmato.pdf"
    attachment.write_bytes(PDF)
    page.get_by_label("Risposta alla persona").fill("Ecco il modulo firmato")
    page.get_by_label("Allegato (se serve)").set_input_files(str(attachment))
    page.get_by_role("button", name="Invia alla persona").click()
    page.wait_for_url("**done=reply**")
    assert [u.name for u in console.views.files] == ["modulo firmato.pdf"]
    assert page.get_by_role("link", name="modulo firmato.pdf").count() == 1

    # A file of another kind: the error beside the field, with the text still there.
    script = tmp_path / "virus.exe"
    script.write_bytes(b"MZ\x90\x00")
    page.get_by_label("Risposta alla persona").fill("Ancora uno")
    page.get_by_label("Allegato (se serve)").set_input_files(str(script))
    page.get_by_role("button", name="Invia alla persona").click()
    page.locator("#attachment-error").wait_for()
    assert page.get_by_label("Risposta alla persona").input_value() == "Ancora uno"
    shot(page, "conversation-file-error")
    assert len(console.views.files) == 1
    # Every image and file answered; only the refused form is an error, as it should be.
    assert [e.split(" ", 2)[:2] for e in errors] == [["400", "POST"]], errors
