"""Neutral replies to Telegram: catalogue text, inline keyboards and callback data."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from app.catalogue import Catalogue
from app.texts import reply_text, split_text
from dialogs.events import ButtonPressed
from dialogs.model import Keyboard, Reply

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
