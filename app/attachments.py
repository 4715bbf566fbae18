"""Files an operator attaches to a reply in the web console: what may go to a person.

Only images, PDF and office documents, at most 10 MB. The type is decided here from the
name's extension AND the file's first bytes, never from what the browser claims, so a
script renamed `.pdf` is refused. JPEG and PNG go as photos (Telegram shows them in the
chat); everything else as a document with its own (cleaned) name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from app.ports import Upload

MAX_UPLOAD = 10 * 1024 * 1024
# Telegram's caption holds 1024 characters; the signature ("— 👤 Name") needs the rest.
MAX_CAPTION = 900
NAME_LIMIT = 120

UploadProblem = Literal["file_empty", "file_too_big", "file_type"]

_ZIP = b"PK\x03\x04"  # OOXML and OpenDocument are zip files
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .doc, .xls, .ppt


@dataclass(frozen=True)
class Kind:
    mime_type: str
    starts: tuple[bytes, ...]
    as_photo: bool = False


ALLOWED: dict[str, Kind] = {
    "jpg": Kind("image/jpeg", (b"\xff\xd8\xff",), as_photo=True),
    "jpeg": Kind("image/jpeg", (b"\xff\xd8\xff",), as_photo=True),
    "png": Kind("image/png", (b"\x89PNG\r\n\x1a\n",), as_photo=True),
    "webp": Kind("image/webp", (b"RIFF",)),
    "gif": Kind("image/gif", (b"GIF87a", b"GIF89a")),
    "pdf": Kind("application/pdf", (b"%PDF-",)),
    "doc": Kind("application/msword", (_OLE,)),
    "xls": Kind("application/vnd.ms-excel", (_OLE,)),
    "ppt": Kind("application/vnd.ms-powerpoint", (_OLE,)),
    "docx": Kind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)
    ),
    "xlsx": Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "pptx": Kind(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", (_ZIP,)
    ),
    "odt": Kind("application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": Kind("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    "odp": Kind("application/vnd.oasis.opendocument.presentation", (_ZIP,)),
    "rtf": Kind("application/rtf", (b"{\\rtf",)),
}
# For the file input's `accept`: the browser's picker offers these first.
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED)


def check_upload(name: str, data: bytes) -> Upload | UploadProblem:
    """The file as it may go to a person, or why not."""
    if not data:
        return "file_empty"
    if len(data) > MAX_UPLOAD:
        return "file_too_big"
    cleaned = clean_name(name)
    extension = cleaned.rsplit(".", 1)[-1].lower() if "." in cleaned else ""
    kind = ALLOWED.get(extension)
    if kind is None or not data.startswith(kind.starts):
        return "file_type"
    if extension == "webp" and data[8:12] != b"WEBP":
        return "file_type"
    return Upload(data=data, name=cleaned, mime_type=kind.mime_type, as_photo=kind.as_photo)


def clean_name(name: str) -> str:
    """The last part of a path, without control characters or leading dots, at most
    NAME_LIMIT characters with its extension kept: a name the person's phone shows."""
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(
        c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C"
    )
    base = base.strip().lstrip(".").strip() or "allegato"
    if len(base) > NAME_LIMIT:
        stem, dot, extension = base.rpartition(".")
        if dot and len(extension) <= 8:
            base = stem[: NAME_LIMIT - len(extension) - 1] + "." + extension
        else:
            base = base[:NAME_LIMIT]
    return base
