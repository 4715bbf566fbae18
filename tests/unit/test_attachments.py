"""What an operator may attach to a reply (app/attachments.py), what file a Telegram message
carries (bot/operators/files.py), and how a relayed file is named and typed on its way to
the browser (web/handoff_files.py)."""

from __future__ import annotations

import pytest
from telegram import Animation, Audio, Chat, Document, Message, PhotoSize, Sticker, Voice

from app.attachments import MAX_UPLOAD, check_upload, clean_name
from app.ports import Upload
from bot.operators.files import file_of
from store.handoffs import RelayedFile
from web.handoff_files import download_name, filename_params, media_type

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 60
PDF = b"%PDF-1.7\n" + b"x" * 60
ZIP = b"PK\x03\x04" + b"\x00" * 60
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 60
OOXML = "application/vnd.openxmlformats-officedocument"


@pytest.mark.parametrize(
    ("name", "data", "mime", "as_photo"),
    [
        ("foto.jpg", JPEG, "image/jpeg", True),
        ("FOTO.JPEG", JPEG, "image/jpeg", True),
        ("scan.png", PNG, "image/png", True),
        ("sticker.webp", WEBP, "image/webp", False),
        ("modulo ISEE.pdf", PDF, "application/pdf", False),
        ("cv.docx", ZIP, f"{OOXML}.wordprocessingml.document", False),
        ("orari.xlsx", ZIP, f"{OOXML}.spreadsheetml.sheet", False),
        ("lettera.odt", ZIP, "application/vnd.oasis.opendocument.text", False),
        ("vecchio.doc", OLE, "application/msword", False),
    ],
)  # fmt: skip
def test_allowed_files_get_their_type_from_us(
    name: str, data: bytes, mime: str, as_photo: bool
) -> None:
    checked = check_upload(name, data)
    assert isinstance(checked, Upload)
    assert (checked.mime_type, checked.as_photo, checked.data) == (mime, as_photo, data)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("vuoto.pdf", b"", "file_empty"),
        ("grande.pdf", b"%PDF-" + b"x" * MAX_UPLOAD, "file_too_big"),
        ("script.js", b"alert(1)", "file_type"),
        ("pagina.html", b"<html>", "file_type"),
        ("finto.pdf", b"<script>alert(1)</script>", "file_type"),  # the name lies
        ("finto.jpg", PDF, "file_type"),
        ("senza-estensione", PDF, "file_type"),
        ("finto.webp", b"RIFF\x10\x00\x00\x00AVI LIST", "file_type"),
        (".pdf", PDF, "file_type"),
    ],
)
def test_other_files_are_refused_with_the_reason(name: str, data: bytes, problem: str) -> None:
    assert check_upload(name, data) == problem


def test_the_size_limit_is_inclusive() -> None:
    assert isinstance(check_upload("a.pdf", b"%PDF-" + b"x" * (MAX_UPLOAD - 5)), Upload)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("C:\\Users\\anna\\Desktop\\cv.pdf", "cv.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\u202egpj.pdf", "gpj.pdf"),  # a right-to-left override would disguise the type
        ("ri\x00ga\nnuova.pdf", "riganuova.pdf"),
        ("  .nascosto.pdf ", "nascosto.pdf"),
        ("é" * 300 + ".pdf", "é" * 116 + ".pdf"),
        ("", "allegato"),
    ],
)
def test_names_are_cleaned(given: str, kept: str) -> None:
    assert clean_name(given) == kept


def _message(**content: object) -> Message:
    return Message(1, None, Chat(5, "private"), **content)  # type: ignore[arg-type]


def test_the_file_a_message_carries() -> None:
    small, large = PhotoSize("p-small", "u1", 90, 68), PhotoSize("p-large", "u2", 1280, 960)
    assert file_of(_message(photo=(small, large), caption="il modulo")) == RelayedFile(
        "p-large", "photo", None, "image/jpeg"
    )
    document = Document("d1", "u3", file_name="busta paga.pdf", mime_type="application/pdf")
    assert file_of(_message(document=document)) == RelayedFile(
        "d1", "document", "busta paga.pdf", "application/pdf"
    )
    assert file_of(_message(voice=Voice("v1", "u4", 3, mime_type="audio/ogg"))) == RelayedFile(
        "v1", "voice", None, "audio/ogg"
    )
    audio = Audio("a1", "u5", 60, file_name="nota.mp3", mime_type="audio/mpeg")
    assert file_of(_message(audio=audio)).kind == "audio"  # type: ignore[union-attr]
    # An animation comes with a document too: it stays an animation.
    gif = Animation("g1", "u6", 10, 10, 1, file_name="ciao.mp4", mime_type="video/mp4")
    both = _message(animation=gif, document=Document("g1", "u6", file_name="ciao.mp4"))
    assert file_of(both).kind == "animation"  # type: ignore[union-attr]
    sticker = Sticker("s1", "u7", 512, 512, False, False, "regular")
    assert file_of(_message(sticker=sticker)) == RelayedFile("s1", "sticker", None, "image/webp")
    assert file_of(_message(text="solo testo")) is None


BYTES = "application/octet-stream"


@pytest.mark.parametrize(
    ("found", "mime", "name"),
    [
        (RelayedFile("x", "photo", None, "image/jpeg"), "image/jpeg", "foto.jpg"),
        (RelayedFile("x", "voice", None, "audio/ogg"), "audio/ogg", "messaggio-vocale.ogg"),
        (RelayedFile("x", "document", "cv.pdf", "application/pdf"), "application/pdf", "cv.pdf"),
        (RelayedFile("x", "document", "a", "text/html\r\nX-Evil: 1"), BYTES, "a"),
        (RelayedFile("x", "document", None, None), BYTES, "allegato.bin"),
        (RelayedFile("x", "document", "b", "TEXT/HTML"), "text/html", "b"),
    ],
)  # fmt: skip
def test_type_and_name_on_the_way_out(found: RelayedFile, mime: str, name: str) -> None:
    assert media_type(found) == mime
    assert download_name(found, media_type(found)) == name


def test_a_download_name_cannot_break_the_header() -> None:
    params = filename_params('cv "finale";\r\nSet-Cookie: x=1 è.pdf')
    assert "\r" not in params and "\n" not in params
    plain, encoded = params.split("; filename*=")
    assert plain == 'filename="cv _finale_Set-Cookie_ x_1 _.pdf"'
    assert encoded.startswith("UTF-8''cv%20%22finale%22%3B%0D%0ASet-Cookie")
