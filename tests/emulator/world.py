"""The emulated Telegram state: chats, their messages and topics, members and files."""

from __future__ import annotations

import copy
import hashlib
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from .models import TgUser, bad_request

# Keys that describe a message's envelope rather than its content (copyMessage keeps
# only the content).
ENVELOPE_KEYS = frozenset(
    {
        "message_id", "date", "chat", "from", "sender_chat", "message_thread_id",
        "is_topic_message", "reply_to_message", "edit_date", "reply_markup",
        "forward_origin", "media_group_id", "has_protected_content", "author_signature",
    }
)  # fmt: skip
SERVICE_KEYS = frozenset(
    {"forum_topic_created", "forum_topic_edited", "forum_topic_closed", "forum_topic_reopened"}
)
ACTIVE_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})
GENERAL_TOPIC_ID = 1
_FILE_DIRS = {
    "photo": ("photos", "jpg"),
    "document": ("documents", ""),
    "audio": ("music", "mp3"),
    "video": ("videos", "mp4"),
    "voice": ("voice", "oga"),
    "animation": ("animations", "mp4"),
    "video_note": ("video_notes", "mp4"),
    "sticker": ("stickers", "webp"),
}


@dataclass(slots=True)
class Topic:
    thread_id: int
    name: str
    icon_color: int
    icon_custom_emoji_id: str | None = None
    closed: bool = False
    deleted: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_thread_id": self.thread_id,
            "name": self.name,
            "icon_color": self.icon_color,
        }
        if self.icon_custom_emoji_id:
            data["icon_custom_emoji_id"] = self.icon_custom_emoji_id
        return data


@dataclass(slots=True)
class ChatState:
    id: int
    type: str  # private, group, supergroup, channel
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    is_forum: bool = False
    next_message_id: int = 1
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    topics: dict[int, Topic] = field(default_factory=dict)
    members: dict[int, str] = field(default_factory=dict)  # user id → status
    pinned_message_id: int | None = None

    def to_chat(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.is_forum:
            data["is_forum"] = True
        return data

    def allocate_message_id(self) -> int:
        # Users' and the bot's messages share one per-chat sequence, as in Telegram.
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def live_topic(self, thread_id: int) -> Topic | None:
        topic = self.topics.get(thread_id)
        return None if topic is None or topic.deleted else topic


@dataclass(slots=True)
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    file_name: str | None
    mime_type: str | None

    def to_file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


def snapshot(message: dict[str, Any]) -> dict[str, Any]:
    """A detached copy, as embedded in replies/updates (Telegram never nests replies)."""
    data = copy.deepcopy(message)
    data.pop("reply_to_message", None)
    return data


class World:
    def __init__(self, bot_user: dict[str, Any], *, auto_create_chats: bool = False):
        self.bot_user = bot_user
        self.auto_create_chats = auto_create_chats
        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, TgUser] = {}
        self.files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._file_seq = itertools.count(1)
        self.callback_queries: dict[str, bool] = {}  # id → answered
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.reactions: dict[tuple[int, int], list[dict[str, Any]]] = {}

    # ------------------------------------------------------------------- chats

    def ensure_private(self, user: TgUser) -> ChatState:
        self.users[user.id] = user
        chat = self.chats.get(user.id)
        if chat is None:
            chat = ChatState(
                id=user.id,
                type="private",
                first_name=user.first_name,
                last_name=user.last_name,
                username=user.username,
            )
            chat.members[user.id] = "member"
            self.chats[user.id] = chat
        return chat

    def ensure_group(
        self,
        chat_id: int,
        *,
        chat_type: str = "supergroup",
        title: str | None = None,
        is_forum: bool = False,
        username: str | None = None,
    ) -> ChatState:
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = ChatState(
                id=chat_id,
                type=chat_type,
                title=title or f"Test {chat_type} {chat_id}",
                is_forum=is_forum,
                username=username,
                # Message 1 was the "group created" service message; in forums id 1 is
                # also the General topic, so real topics and messages start at 2.
                next_message_id=2,
            )
            self.chats[chat_id] = chat
        return chat

    def find(self, chat_id: int | str | None) -> ChatState | None:
        if isinstance(chat_id, int):
            return self.chats.get(chat_id)
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            name = chat_id[1:].lower()
            for chat in self.chats.values():
                if chat.username and chat.username.lower() == name:
                    return chat
        return None

    def resolve(self, chat_id: int | str | None) -> ChatState:
        chat = self.find(chat_id)
        if chat is not None:
            return chat
        if self.auto_create_chats and isinstance(chat_id, int):
            if chat_id > 0:
                return self.ensure_private(TgUser(chat_id, first_name=f"User {chat_id}"))
            return self.ensure_group(chat_id)
        raise bad_request("chat not found")

    def user_dict(self, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_user["id"]:
            return dict(self.bot_user)
        user = self.users.get(user_id)
        if user is not None:
            return user.to_dict()
        return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}

    # ---------------------------------------------------------------- messages

    def new_message(
        self,
        chat: ChatState,
        sender: dict[str, Any],
        content: dict[str, Any],
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        message_id = chat.allocate_message_id()
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": sender,
            "date": int(time.time()),
            "chat": chat.to_chat(),
        }
        if thread_id is not None and thread_id != GENERAL_TOPIC_ID:
            message["message_thread_id"] = thread_id
            if chat.is_forum:
                message["is_topic_message"] = True
        replied = chat.messages.get(reply_to) if reply_to is not None else None
        if replied is None and chat.is_forum and thread_id in chat.topics:
            # In forums every message of a topic "replies" to the topic's creation message.
            replied = chat.messages.get(thread_id)
        if replied is not None:
            message["reply_to_message"] = snapshot(replied)
        message.update(content)
        chat.messages[message_id] = message
        return message

    @staticmethod
    def content_of(message: dict[str, Any]) -> dict[str, Any]:
        return {k: copy.deepcopy(v) for k, v in message.items() if k not in ENVELOPE_KEYS}

    # ------------------------------------------------------------------- files

    def store_file(
        self,
        data: bytes,
        *,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        seq = next(self._file_seq)
        digest = hashlib.sha1(f"{kind}:{seq}".encode()).hexdigest()  # ids, not security
        directory, extension = _FILE_DIRS.get(kind, ("documents", ""))
        if not extension and file_name and "." in file_name:
            extension = file_name.rsplit(".", 1)[1]
        path = f"{directory}/file_{seq}" + (f".{extension}" if extension else "")
        stored = StoredFile(
            file_id=f"EMU{kind[:2].upper()}{seq:05d}{digest[:24]}",
            file_unique_id=f"U{digest[:15]}",
            data=data,
            file_path=path,
            file_name=file_name,
            mime_type=mime_type,
        )
        self.files[stored.file_id] = stored
        self._files_by_path[path] = stored
        return stored

    def alias_file(self, alias: str, stored: StoredFile) -> None:
        """Another file_id for the same content (photo sizes share one upload)."""
        self.files[alias] = stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return self._files_by_path.get(path)
