"""Neutral replies to Telegram: catalogue text, inline keyboards and callback data."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from app.catalogue import Catalogue
from dialogs.events import ButtonPressed
from dialogs.model import Keyboard, Reply

TELEGRAM_TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64  # bytes, not characters
_SEPARATOR = ":"


@dataclass(frozen=True)
class RenderedMessage:
    text: str
    markup: InlineKeyboardMarkup | None


def encode_callback(action: str, arg: str) -> str:
    data = f"{action}{_SEPARATOR}{arg}"
    if len(data.encode()) > CALLBACK_DATA_LIMIT:
        raise ValueError(f"callback data over {CALLBACK_DATA_LIMIT} bytes: {action!r}")
    return data


def decode_callback(data: str | None) -> ButtonPressed:
    """Whatever a client sends back; the core decides whether it means anything."""
    action, _, arg = (data or "").partition(_SEPARATOR)
    return ButtonPressed(action=action[:32], arg=arg[:64])


def keyboard(buttons: Keyboard, catalogue: Catalogue, language: str) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    rows = [
        [
            InlineKeyboardButton(
                catalogue.render(b.label, language, b.params),
                callback_data=encode_callback(b.action, b.arg),
            )
            for b in row
        ]
        for row in buttons
    ]
    return InlineKeyboardMarkup(rows)


def render(reply: Reply, catalogue: Catalogue, language: str) -> list[RenderedMessage]:
    """One reply as one or more messages; the buttons go with the last part."""
    language = reply.language or language
    parts = split_text(reply_text(reply, catalogue, language))
    markup = keyboard(reply.buttons, catalogue, language)
    return [
        RenderedMessage(part, markup if i == len(parts) - 1 else None)
        for i, part in enumerate(parts)
    ]


def reply_text(reply: Reply, catalogue: Catalogue, language: str) -> str:
    language = reply.language or language
    lines = [catalogue.render(reply.key, language, reply.params)]
    lines += [catalogue.render(key, language, params) for key, params in reply.parts]
    return "\n".join(lines)


def split_text(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split at line breaks where possible so that no part exceeds Telegram's limit."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts or ["…"]
