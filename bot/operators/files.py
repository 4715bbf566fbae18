"""Relayed files on the Telegram side: what file a message carries (to record it with the
relayed row), and reading one back by its file_id for the web console (app/ports.Files).

A file_id works for the bot that received it in any chat, so the console shows the
person's photo through the bot, never through a link someone else could open.
"""

from __future__ import annotations

import logging
import mimetypes
from typing import Any

from telegram import Bot, Message
from telegram.error import TelegramError

from app.ports import FileContent
from store.handoffs import RelayedFile

log = logging.getLogger(__name__)

# The Bot API's getFile serves files up to this size; bigger ones stay on Telegram.
GET_FILE_LIMIT = 20 * 1024 * 1024
# Kinds without a mime type of their own in the Bot API.
KIND_MIME = {"photo": "image/jpeg", "video_note": "video/mp4"}


def file_of(message: Message) -> RelayedFile | None:
    """The file a message carries (a photo's largest size), or None for a text."""
    if message.photo:
        return RelayedFile(message.photo[-1].file_id, "photo", None, KIND_MIME["photo"])
    if message.sticker is not None:
        sticker = message.sticker
        mime = (
            "application/x-tgsticker"
            if sticker.is_animated
            else "video/webm"
            if sticker.is_video
            else "image/webp"
        )
        return RelayedFile(sticker.file_id, "sticker", None, mime)
    if message.video_note is not None:
        return RelayedFile(message.video_note.file_id, "video_note", None, KIND_MIME["video_note"])
    # Animations also come with a `document`: looked at first, so they keep their kind.
    media: list[tuple[str, Any]] = [
        ("animation", message.animation),
        ("document", message.document),
        ("voice", message.voice),
        ("audio", message.audio),
        ("video", message.video),
    ]
    for kind, item in media:
        if item is not None:
            return RelayedFile(item.file_id, kind, getattr(item, "file_name", None), item.mime_type)
    return None


class TelegramFiles:
    """app/ports.Files through the Bot API: getFile, then the download."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def read(self, file_id: str) -> FileContent | None:
        try:
            found = await self._bot.get_file(file_id)
            if found.file_size is not None and found.file_size > GET_FILE_LIMIT:
                return None
            data = bytes(await found.download_as_bytearray())
        except TelegramError as exc:  # gone, too big, or Telegram unreachable
            log.warning("relayed file not read: %s", type(exc).__name__)
            return None
        path = found.file_path or ""
        name = path.rsplit("/", 1)[-1] or None
        return FileContent(data, mimetypes.guess_type(path)[0] if path else None, name)
