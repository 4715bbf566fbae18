"""How a relayed file (photo, document, voice note) goes to the browser.

The route is `handoff_file` in web/handoff_pages.py: the handoff service checks the message
belongs to that handoff and audits the view; the bytes come from Telegram by file_id
(app/ports.Files), so no public link ever exists. Only types a browser shows safely are
shown in the page; everything else is a download with a harmless name.
"""

from __future__ import annotations

import mimetypes
import re
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from app.ports import FileContent, Files
from store.handoffs import RelayedFile

# Shown in the page (<img>, <audio>, <video>); any other type is only downloaded.
INLINE_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/webp", "audio/ogg", "audio/mpeg", "video/mp4"}
)
# A mime type as the sender's phone gave it goes into a header: only its plain form.
_MIME = re.compile(r"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
# What a file without its own name is called when downloaded.
KIND_NAMES = {
    "photo": "foto",
    "voice": "messaggio-vocale",
    "audio": "audio",
    "video": "video",
    "video_note": "video",
    "animation": "animazione",
    "sticker": "sticker",
}


# Where the platform's own guess is odd (".jpe", ".oga"), the usual extension instead.
COMMON_EXTENSIONS = {"audio/ogg": ".ogg", "image/jpeg": ".jpg", "audio/mpeg": ".mp3"}


def files_of(request: Request) -> Files | None:
    files: Files | None = getattr(request.app.state, "files", None)
    return files


def file_response(found: RelayedFile, content: FileContent) -> Response:
    """The file with the type it was recorded with: shown inline only when allow-listed."""
    mime = media_type(found)
    disposition = "inline" if mime in INLINE_TYPES else "attachment"
    return Response(
        content.data,
        media_type=mime,
        headers={
            "content-disposition": f"{disposition}; {filename_params(download_name(found, mime))}",
            "x-content-type-options": "nosniff",
            "cache-control": "no-store, private",
            # Opened on its own, the file runs nothing and reaches nothing.
            "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; "
            "sandbox",
        },
    )


def media_type(found: RelayedFile) -> str:
    mime = (found.mime_type or "").strip().lower()
    return mime if _MIME.fullmatch(mime) else "application/octet-stream"


def download_name(found: RelayedFile, mime: str) -> str:
    if found.name:
        return found.name
    extension = COMMON_EXTENSIONS.get(mime) or mimetypes.guess_extension(mime) or ""
    return KIND_NAMES.get(found.kind, "allegato") + extension


def filename_params(name: str) -> str:
    """Content-Disposition's filename: a plain ASCII one for every browser (no quote, no
    path, no control character can reach the header) and the real one, percent-encoded."""
    plain = _UNSAFE.sub("_", name).strip(" .") or "allegato"
    return f"filename=\"{plain[:120]}\"; filename*=UTF-8''{quote(name[:200], safe='')}"
