"""Plain data types shared by the emulator modules and handed to tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TgUser:
    """A simulated Telegram user (the human side of a conversation)."""

    id: int
    first_name: str = "Tester"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """One multipart file part of a request."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:  # keep Call reprs readable, never dump file contents
        return f"UploadedFile({self.field!r}, {self.filename!r}, {len(self.data)} bytes)"


@dataclass(slots=True)
class Call:
    """One Bot API request the bot made, and what the emulator answered."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when the request arrived
    chat_id: int | str | None
    response: dict[str, Any]
    status: int = 200
    files: dict[str, UploadedFile] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def result(self) -> Any:
        return self.response.get("result")


@dataclass(frozen=True, slots=True)
class MessageView:
    """A bot-produced message (sent or edited), with the bits tests usually assert on."""

    seq: int  # global order of bot message events
    method: str  # sendMessage, editMessageText, copyMessage, ...
    chat_id: int
    message_id: int
    at: float
    raw: dict[str, Any]  # the Message as Telegram returned it
    request: dict[str, Any] = field(default_factory=dict)  # the call's params

    @property
    def text(self) -> str:
        return self.raw.get("text") or self.raw.get("caption") or ""

    @property
    def is_edit(self) -> bool:
        return self.method.startswith("edit")

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        return self.raw.get("reply_markup")

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """Inline keyboard as rows of (text, callback_data); URL buttons have None."""
        keyboard = (self.reply_markup or {}).get("inline_keyboard") or []
        return [[(b.get("text", ""), b.get("callback_data")) for b in row] for row in keyboard]

    @property
    def keyboard(self) -> list[list[str]]:
        """Reply keyboard (ReplyKeyboardMarkup) labels; Messages never echo these."""
        rows = (self.request.get("reply_markup") or {}).get("keyboard") or []
        return [[b if isinstance(b, str) else b.get("text", "") for b in row] for row in rows]

    @property
    def thread_id(self) -> int | None:
        return self.raw.get("message_thread_id")


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a request is invalid: Telegram's answer text plus where we found it."""

    description: str  # what the bot gets back, e.g. "Bad Request: BUTTON_DATA_INVALID"
    where: str = ""  # parameter path + detail, only for the violation log

    def __str__(self) -> str:
        return f"{self.description} [{self.where}]" if self.where else self.description


class ApiError(Exception):
    """A Telegram-shaped error answer: raised by handlers, turned into JSON by the server."""

    def __init__(self, status: int, description: str, *, retry_after: int | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")
